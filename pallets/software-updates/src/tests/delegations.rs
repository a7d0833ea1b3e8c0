//! Delegations of the targets role to suppliers, and their revocation.

use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_runtime::DispatchResult,
};

use super::*;
use crate::{Delegation, Delegations, Error, Event};

/// `RELAY` submits `input` signed by `keys` at the repository's next nonce.
fn delegate_by(keys: &[u64], input: &DelegationInputOf<Test>) -> DispatchResult {
	let payload = SoftwareUpdates::delegate_payload(&MAKER, next_nonce(), input);
	SoftwareUpdates::delegate(origin(RELAY), MAKER, input.clone(), signed(keys, &payload))
}

/// `RELAY` submits the revocation of delegation `id` signed by `keys` at the next nonce.
fn revoke_by(keys: &[u64], id: DelegationId) -> DispatchResult {
	let payload = SoftwareUpdates::revoke_delegation_payload(&MAKER, next_nonce(), id);
	SoftwareUpdates::revoke_delegation(origin(RELAY), MAKER, id, signed(keys, &payload))
}

#[test]
fn the_targets_role_delegates_to_a_supplier() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		let input = supplier_delegation();
		assert_ok!(delegate_by(&TARGETS_KEYS, &input));
		assert_eq!(Delegations::<Test>::get(MAKER, 0), Some(Delegation::new(input.clone())));
		assert!(!Delegations::<Test>::get(MAKER, 0).unwrap().revoked);
		let stored = repository();
		assert_eq!((stored.delegations, stored.next_delegation, stored.nonce), (1, 1, 1));
		// The repository's deposit covers its delegations.
		assert_eq!(held(HoldReason::Repository, MAKER), REPOSITORY_DEPOSIT);
		assert_eq!(free(RELAY), BALANCE);
		assert_eq!(
			last_event(),
			Event::Delegated { manufacturer: MAKER, delegation: 0, name: input.name }
		);
		// The next one gets the next id.
		assert_eq!(delegate(&supplier_delegation()), 1);
		assert_eq!(repository().delegations, 2);
	});
}

#[test]
fn only_the_targets_threshold_delegates() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		let input = supplier_delegation();
		assert_noop!(delegate_by(&ROOT_KEYS[..2], &input), Error::<Test>::UnknownKey);
		assert_noop!(delegate_by(&DIRECTOR_KEYS[..2], &input), Error::<Test>::UnknownKey);
		// The supplier cannot delegate to itself.
		assert_noop!(delegate_by(&SUPPLIER_KEYS, &input), Error::<Test>::UnknownKey);
		assert_noop!(delegate_by(&TARGETS_KEYS[..1], &input), Error::<Test>::BelowThreshold);
	});
}

#[test]
fn replayed_delegation_signatures_are_refused() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		let input = supplier_delegation();
		let signatures = delegation_signatures(&input);
		assert_ok!(SoftwareUpdates::delegate(
			origin(RELAY),
			MAKER,
			input.clone(),
			signatures.clone()
		));
		assert_noop!(
			SoftwareUpdates::delegate(origin(RELAY), MAKER, input, signatures),
			Error::<Test>::BadSignature
		);
	});
}

#[test]
fn a_delegation_in_a_missing_repository_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let input = supplier_delegation();
		let payload = SoftwareUpdates::delegate_payload(&MAKER, 1, &input);
		assert_noop!(
			SoftwareUpdates::delegate(origin(RELAY), MAKER, input, signed(&TARGETS_KEYS, &payload)),
			Error::<Test>::UnknownRepository
		);
	});
}

#[test]
fn delegations_are_bounded_revoked_ones_included() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		for _ in 0..MAX_DELEGATIONS {
			delegate(&supplier_delegation());
		}
		assert_ok!(revoke_by(&TARGETS_KEYS, 0));
		assert_eq!(repository().delegations, MAX_DELEGATIONS);
		assert_noop!(
			delegate_by(&TARGETS_KEYS, &supplier_delegation()),
			Error::<Test>::TooManyDelegations
		);
	});
}

#[test]
fn an_invalid_delegation_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		let changes: [fn(&mut DelegationInputOf<Test>); 6] = [
			|input| input.name = name(b""),
			|input| input.keys = role(&SUPPLIER_KEYS, 0),
			|input| input.keys = role(&SUPPLIER_KEYS, 3),
			|input| input.keys = role(&[1301, 1301], 1),
			|input| input.hardware_ids = Default::default(),
			|input| input.hardware_ids = vec![hw(BRAKE), hw(BRAKE)].try_into().unwrap(),
		];
		for change in changes {
			let mut input = supplier_delegation();
			change(&mut input);
			assert_noop!(delegate_by(&TARGETS_KEYS, &input), Error::<Test>::InvalidDelegation);
		}
		// An empty prefix is valid: the supplier may name its images as it likes.
		let mut input = supplier_delegation();
		input.path_prefix = name(b"");
		assert_ok!(delegate_by(&TARGETS_KEYS, &input));
	});
}

#[test]
fn a_delegation_to_a_revoked_key_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		let payload = SoftwareUpdates::revoke_key_payload(&MAKER, next_nonce(), &SUPPLIER_KEYS[1]);
		assert_ok!(SoftwareUpdates::revoke_key(
			origin(RELAY),
			MAKER,
			SUPPLIER_KEYS[1],
			signed(&ROOT_KEYS[..2], &payload)
		));
		assert_noop!(delegate_by(&TARGETS_KEYS, &supplier_delegation()), Error::<Test>::KeyRevoked);
	});
}

#[test]
fn a_delegation_expires_after_now_and_not_after_the_root() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		run_to_block(10);
		let with_expiry =
			|expires_at| DelegationInputOf::<Test> { expires_at, ..supplier_delegation() };
		assert_noop!(delegate_by(&TARGETS_KEYS, &with_expiry(10)), Error::<Test>::InvalidExpiry);
		assert_noop!(
			delegate_by(&TARGETS_KEYS, &with_expiry(ROOT_EXPIRY + 1)),
			Error::<Test>::InvalidExpiry
		);
		assert_ok!(delegate_by(&TARGETS_KEYS, &with_expiry(11)));
		assert_ok!(delegate_by(&TARGETS_KEYS, &with_expiry(ROOT_EXPIRY)));
		assert_eq!(Delegations::<Test>::get(MAKER, 1).unwrap().expires_at, ROOT_EXPIRY);
	});
}

#[test]
fn the_delegation_expiry_is_its_last_block() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		let id = delegate(&supplier_delegation());
		let add = |counter| {
			let target = image(b"bosch/brake", &[BRAKE], counter, 0);
			let payload = SoftwareUpdates::target_payload(&MAKER, &target);
			SoftwareUpdates::add_target(
				origin(SUPPLIER),
				MAKER,
				target,
				ImageSigner::Delegation(id),
				signed(&SUPPLIER_KEYS[..1], &payload),
			)
		};
		run_to_block(DELEGATION_EXPIRY);
		assert_ok!(add(1));
		run_to_block(DELEGATION_EXPIRY + 1);
		assert_noop!(add(2), Error::<Test>::DelegationExpired);
	});
}

#[test]
fn the_targets_role_revokes_a_delegation() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		let id = delegate(&supplier_delegation());
		assert_ok!(revoke_by(&TARGETS_KEYS, id));
		// It stays, revoked, so its images read `Revoked`.
		let delegation = Delegations::<Test>::get(MAKER, id).unwrap();
		assert!(delegation.revoked);
		assert_eq!(
			delegation,
			Delegation { revoked: true, ..Delegation::new(supplier_delegation()) }
		);
		assert_eq!((repository().delegations, repository().nonce), (1, 2));
		assert_eq!(held(HoldReason::Repository, MAKER), REPOSITORY_DEPOSIT);
		assert_eq!(
			last_event(),
			Event::DelegationWithdrawn { manufacturer: MAKER, delegation: id }
		);
		// Its keys sign no more images.
		let target = image(b"bosch/brake", &[BRAKE], 1, 0);
		let payload = SoftwareUpdates::target_payload(&MAKER, &target);
		assert_noop!(
			SoftwareUpdates::add_target(
				origin(SUPPLIER),
				MAKER,
				target,
				ImageSigner::Delegation(id),
				signed(&SUPPLIER_KEYS[..1], &payload)
			),
			Error::<Test>::DelegationRevoked
		);
	});
}

#[test]
fn a_delegation_is_revoked_once() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		let id = delegate(&supplier_delegation());
		assert_ok!(revoke_by(&TARGETS_KEYS, id));
		assert_noop!(revoke_by(&TARGETS_KEYS, id), Error::<Test>::DelegationRevoked);
	});
}

#[test]
fn only_the_targets_threshold_revokes_a_delegation() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		let id = delegate(&supplier_delegation());
		assert_noop!(revoke_by(&ROOT_KEYS[..2], id), Error::<Test>::UnknownKey);
		assert_noop!(revoke_by(&DIRECTOR_KEYS[..2], id), Error::<Test>::UnknownKey);
		// A supplier cannot withdraw (nor un-withdraw) its own delegation.
		assert_noop!(revoke_by(&SUPPLIER_KEYS, id), Error::<Test>::UnknownKey);
		assert_noop!(revoke_by(&TARGETS_KEYS[..1], id), Error::<Test>::BelowThreshold);
	});
}

#[test]
fn an_unknown_delegation_cannot_be_revoked() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		assert_noop!(revoke_by(&TARGETS_KEYS, 0), Error::<Test>::UnknownDelegation);
		let payload = SoftwareUpdates::revoke_delegation_payload(&OTHER_MAKER, 1, 0);
		assert_noop!(
			SoftwareUpdates::revoke_delegation(
				origin(RELAY),
				OTHER_MAKER,
				0,
				signed(&TARGETS_KEYS, &payload)
			),
			Error::<Test>::UnknownRepository
		);
	});
}

#[test]
fn replayed_withdrawal_signatures_are_refused() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		let first = delegate(&supplier_delegation());
		let second = delegate(&supplier_delegation());
		let payload = SoftwareUpdates::revoke_delegation_payload(&MAKER, next_nonce(), first);
		let signatures = signed(&TARGETS_KEYS, &payload);
		assert_ok!(SoftwareUpdates::revoke_delegation(
			origin(RELAY),
			MAKER,
			first,
			signatures.clone()
		));
		assert_noop!(
			SoftwareUpdates::revoke_delegation(origin(RELAY), MAKER, second, signatures),
			Error::<Test>::BadSignature
		);
	});
}
