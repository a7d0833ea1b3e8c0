//! A repository's creation, its root rotations and key revocations, and the freeze after its
//! root expires.

use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok, traits::fungible::Mutate},
	sp_runtime::{DispatchError, DispatchResult, TokenError},
};

use super::*;
use crate::{
	Error, Event, ImageSigner, Images, Repository, RevokedKeys, RootHistory, RootOf, SignaturesOf,
};

/// `default_root` as version `version`, with the root keys `NEW_ROOT_KEYS` (2 of 3).
fn new_root(version: u32) -> RootOf<Test> {
	RootOf::<Test> { version, root: role(&NEW_ROOT_KEYS, 2), ..default_root() }
}

fn root_payload(root: &RootOf<Test>) -> Vec<u8> {
	SoftwareUpdates::root_payload(&MAKER, root)
}

/// `RELAY` submits the rotation of `MAKER`'s root to `root`.
fn rotate(root: &RootOf<Test>, old: SignaturesOf<Test>, new: SignaturesOf<Test>) -> DispatchResult {
	SoftwareUpdates::rotate_root(origin(RELAY), MAKER, root.clone(), old, new)
}

/// Rotates `MAKER`'s root to `root`, signed by root keys 1001 and 1002 (current) and the first
/// two of `root`'s root keys.
fn rotate_by_both(root: &RootOf<Test>) -> DispatchResult {
	let payload = root_payload(root);
	let new_keys: Vec<u64> = root.root.keys.iter().take(2).copied().collect();
	rotate(root, signed(&ROOT_KEYS[..2], &payload), signed(&new_keys, &payload))
}

/// `RELAY` submits the revocation of `key`, signed by root keys 1001 and 1002.
fn revoke(key: u64) -> DispatchResult {
	let payload = SoftwareUpdates::revoke_key_payload(&MAKER, next_nonce(), &key);
	SoftwareUpdates::revoke_key(origin(RELAY), MAKER, key, signed(&ROOT_KEYS[..2], &payload))
}

/// `RELAY` submits `target`, signed by both targets keys.
fn try_add_target(target: &TargetInputOf<Test>) -> DispatchResult {
	let signatures = signed(&TARGETS_KEYS, &SoftwareUpdates::target_payload(&MAKER, target));
	SoftwareUpdates::add_target(
		origin(RELAY),
		MAKER,
		target.clone(),
		ImageSigner::Targets,
		signatures,
	)
}

#[test]
fn a_manufacturer_creates_its_repository() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		assert_eq!(repository(), Repository::new(default_root()));
		assert_eq!(repository().nonce, 0);
		let root_hash = SoftwareUpdates::root_hash(&default_root());
		assert_eq!(RootHistory::<Test>::get(MAKER, 1), Some(root_hash));
		assert_eq!(RootHistory::<Test>::iter_prefix(MAKER).count(), 1);
		assert_eq!(held(HoldReason::Repository, MAKER), REPOSITORY_DEPOSIT);
		assert_eq!(free(MAKER), BALANCE - REPOSITORY_DEPOSIT);
		assert_eq!(last_event(), Event::RepositoryCreated { manufacturer: MAKER, root_hash });
	});
}

#[test]
fn only_a_manufacturer_creates_a_repository() {
	ExtBuilder::default().build_and_execute(|| {
		for who in [RELAY, OWNER, SUPPLIER, DEVICE_1, ROOT_KEYS[0]] {
			let signatures =
				signed(&ROOT_KEYS[..2], &SoftwareUpdates::root_payload(&who, &default_root()));
			assert_noop!(
				SoftwareUpdates::create_repository(origin(who), default_root(), signatures),
				Error::<Test>::NotManufacturer
			);
		}
	});
}

#[test]
fn a_manufacturer_has_one_repository() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		let root = new_root(1);
		let signatures = signed(&NEW_ROOT_KEYS[..2], &root_payload(&root));
		assert_noop!(
			SoftwareUpdates::create_repository(origin(MAKER), root, signatures),
			Error::<Test>::RepositoryExists
		);
	});
}

#[test]
fn a_first_root_of_another_version_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		for version in [0, 2] {
			let root = RootOf::<Test> { version, ..default_root() };
			let signatures = signed(&ROOT_KEYS[..2], &root_payload(&root));
			assert_noop!(
				SoftwareUpdates::create_repository(origin(MAKER), root, signatures),
				Error::<Test>::WrongVersion
			);
		}
	});
}

#[test]
fn a_root_expiring_at_the_current_block_is_refused_at_creation() {
	ExtBuilder::default().build_and_execute(|| {
		run_to_block(10);
		let create = |expires_at| {
			let root = RootOf::<Test> { expires_at, ..default_root() };
			let signatures = signed(&ROOT_KEYS[..2], &root_payload(&root));
			SoftwareUpdates::create_repository(origin(MAKER), root, signatures)
		};
		assert_noop!(create(9), Error::<Test>::AlreadyExpired);
		assert_noop!(create(10), Error::<Test>::AlreadyExpired);
		assert_ok!(create(11));
		assert_eq!(repository().root.expires_at, 11);
	});
}

#[test]
fn a_manufacturer_that_cannot_pay_the_deposit_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		// Manufacturer 12 builds vehicle 5 and has no funds.
		v2x_primitives::testing::MockVehicles::add(5, OWNER, 12);
		let signatures =
			signed(&ROOT_KEYS[..2], &SoftwareUpdates::root_payload(&12, &default_root()));
		assert_noop!(
			SoftwareUpdates::create_repository(origin(12), default_root(), signatures),
			DispatchError::Token(TokenError::FundsUnavailable)
		);
	});
}

#[test]
fn calls_need_a_signed_origin() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		let none = RuntimeOrigin::none;
		let no_signatures = || signed(&[], &[]);
		let target = image(b"app", &[BRAKE], 1, 0);
		let results = [
			SoftwareUpdates::create_repository(none(), default_root(), no_signatures()),
			SoftwareUpdates::rotate_root(
				none(),
				MAKER,
				new_root(2),
				no_signatures(),
				no_signatures(),
			),
			SoftwareUpdates::revoke_key(none(), MAKER, 1003, no_signatures()),
			SoftwareUpdates::delegate(none(), MAKER, supplier_delegation(), no_signatures()),
			SoftwareUpdates::revoke_delegation(none(), MAKER, 0, no_signatures()),
			SoftwareUpdates::add_target(
				none(),
				MAKER,
				target.clone(),
				ImageSigner::Targets,
				no_signatures(),
			),
			SoftwareUpdates::prune_image(none(), target.hash),
			SoftwareUpdates::create_campaign(
				none(),
				MAKER,
				crate::CampaignInputOf::<Test> {
					targets: Default::default(),
					vehicles: Default::default(),
					rxswin: Default::default(),
					expires_at: ROOT_EXPIRY,
				},
				no_signatures(),
			),
			SoftwareUpdates::cancel_campaign(none(), MAKER, 0, no_signatures()),
			SoftwareUpdates::remove_campaign(none(), 0),
			SoftwareUpdates::report_installation(none(), VEHICLE_1, target.hash),
			SoftwareUpdates::reveal_report(
				none(),
				VEHICLE_1,
				0,
				[0; 32],
				crate::ManifestOf::<Test> { campaign: None, images: Default::default() },
			),
		];
		for result in results {
			assert_eq!(result, Err(DispatchError::BadOrigin));
		}
		assert_eq!(repository(), Repository::new(default_root()));
	});
}

#[test]
fn root_rotation_without_the_old_threshold_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		let root = new_root(2);
		let payload = root_payload(&root);
		let new = || signed(&NEW_ROOT_KEYS[..2], &payload);
		// The new keys only: whoever holds them cannot take the repository over.
		assert_noop!(rotate(&root, signed(&[], &payload), new()), Error::<Test>::BelowThreshold);
		// The new keys in place of the old ones.
		assert_noop!(
			rotate(&root, signed(&NEW_ROOT_KEYS[..2], &payload), new()),
			Error::<Test>::UnknownKey
		);
		// One old key: a single compromised root key is not enough.
		assert_noop!(
			rotate(&root, signed(&ROOT_KEYS[..1], &payload), new()),
			Error::<Test>::BelowThreshold
		);
		// The old threshold without the new one (Uptane 5.4.4.3: both sign).
		assert_noop!(
			rotate(&root, signed(&ROOT_KEYS[..2], &payload), signed(&NEW_ROOT_KEYS[..1], &payload)),
			Error::<Test>::BelowThreshold
		);
		assert_noop!(
			rotate(&root, signed(&ROOT_KEYS[..2], &payload), signed(&ROOT_KEYS[..2], &payload)),
			Error::<Test>::UnknownKey
		);
		// A version skip.
		assert_noop!(rotate_by_both(&new_root(3)), Error::<Test>::WrongVersion);
		assert_noop!(rotate_by_both(&new_root(1)), Error::<Test>::WrongVersion);

		// Both thresholds: version 2, the history contiguous.
		assert_ok!(rotate_by_both(&root));
		let root_hash = SoftwareUpdates::root_hash(&root);
		assert_eq!(repository().root, root);
		assert_eq!(repository().nonce, 0);
		assert_eq!(
			RootHistory::<Test>::get(MAKER, 1),
			Some(SoftwareUpdates::root_hash(&default_root()))
		);
		assert_eq!(RootHistory::<Test>::get(MAKER, 2), Some(root_hash));
		assert_eq!(RootHistory::<Test>::iter_prefix(MAKER).count(), 2);
		assert_eq!(held(HoldReason::Repository, MAKER), REPOSITORY_DEPOSIT + ROOT_VERSION_DEPOSIT);
		assert_eq!(free(MAKER), BALANCE - REPOSITORY_DEPOSIT - ROOT_VERSION_DEPOSIT);
		assert_eq!(free(RELAY), BALANCE);
		assert_eq!(last_event(), Event::RootRotated { manufacturer: MAKER, version: 2, root_hash });

		// From now on the new root keys are the old ones.
		let third = RootOf::<Test> { version: 3, ..default_root() };
		let payload = root_payload(&third);
		assert_noop!(
			rotate(&third, signed(&ROOT_KEYS[..2], &payload), signed(&ROOT_KEYS[..2], &payload)),
			Error::<Test>::UnknownKey
		);
		assert_ok!(rotate(
			&third,
			signed(&NEW_ROOT_KEYS[1..], &payload),
			signed(&ROOT_KEYS[1..], &payload)
		));
		assert_eq!(RootHistory::<Test>::iter_prefix(MAKER).count(), 3);
		assert_eq!(
			held(HoldReason::Repository, MAKER),
			REPOSITORY_DEPOSIT + 2 * ROOT_VERSION_DEPOSIT
		);
	});
}

#[test]
fn a_rotation_the_manufacturer_cannot_pay_for_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		// Nothing free beyond the existential deposit; the relay's funds do not count.
		<Balances as Mutate<u64>>::set_balance(&MAKER, 1);
		assert_noop!(
			rotate_by_both(&new_root(2)),
			DispatchError::Token(TokenError::FundsUnavailable)
		);
	});
}

#[test]
fn a_replayed_rotation_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		let root = new_root(2);
		assert_ok!(rotate_by_both(&root));
		assert_noop!(rotate_by_both(&root), Error::<Test>::WrongVersion);
	});
}

#[test]
fn a_rotation_of_a_missing_repository_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(rotate_by_both(&new_root(2)), Error::<Test>::UnknownRepository);
	});
}

#[test]
fn a_rotation_to_an_invalid_root_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		run_to_block(10);
		let expired = RootOf::<Test> { expires_at: 10, ..new_root(2) };
		assert_noop!(rotate_by_both(&expired), Error::<Test>::AlreadyExpired);
		let mut invalid = new_root(2);
		invalid.director = role(&DIRECTOR_KEYS, 4);
		assert_noop!(rotate_by_both(&invalid), Error::<Test>::InvalidRole);
	});
}

#[test]
fn a_root_key_is_revoked_by_the_root_threshold() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		run_to_block(5);
		assert_ok!(revoke(ROOT_KEYS[2]));
		assert_eq!(RevokedKeys::<Test>::get(MAKER, ROOT_KEYS[2]), Some(5));
		assert_eq!(repository().revoked_keys, 1);
		assert_eq!(repository().nonce, 1);
		// The repository's deposit covers its revoked keys.
		assert_eq!(held(HoldReason::Repository, MAKER), REPOSITORY_DEPOSIT);
		assert_eq!(last_event(), Event::KeyRevoked { manufacturer: MAKER, key: ROOT_KEYS[2] });
		// The revoked root key no longer signs.
		let payload = SoftwareUpdates::revoke_key_payload(&MAKER, next_nonce(), &9_000);
		assert_noop!(
			SoftwareUpdates::revoke_key(
				origin(RELAY),
				MAKER,
				9_000,
				signed(&ROOT_KEYS[1..], &payload)
			),
			Error::<Test>::KeyRevoked
		);
	});
}

#[test]
fn a_key_is_revoked_once() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		assert_ok!(revoke(TARGETS_KEYS[0]));
		assert_noop!(revoke(TARGETS_KEYS[0]), Error::<Test>::KeyRevoked);
	});
}

#[test]
fn revoked_keys_are_bounded() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		for key in 9_000..9_000 + u64::from(MAX_REVOKED_KEYS) {
			assert_ok!(revoke(key));
		}
		assert_eq!(repository().revoked_keys, MAX_REVOKED_KEYS);
		assert_noop!(revoke(9_100), Error::<Test>::TooManyRevokedKeys);
	});
}

#[test]
fn a_revocation_that_would_lock_the_root_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		// 2 of 3: one root key may go, a second would leave one key for a threshold of two.
		assert_ok!(revoke(ROOT_KEYS[2]));
		assert_noop!(revoke(ROOT_KEYS[1]), Error::<Test>::WouldLockRoot);
		assert_noop!(revoke(ROOT_KEYS[0]), Error::<Test>::WouldLockRoot);
	});
}

#[test]
fn only_the_root_threshold_revokes_keys() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		let payload = SoftwareUpdates::revoke_key_payload(&MAKER, next_nonce(), &1003);
		let by = |keys: &[u64]| {
			SoftwareUpdates::revoke_key(origin(RELAY), MAKER, 1003, signed(keys, &payload))
		};
		assert_noop!(by(&TARGETS_KEYS), Error::<Test>::UnknownKey);
		assert_noop!(by(&DIRECTOR_KEYS[..2]), Error::<Test>::UnknownKey);
		assert_noop!(by(&ROOT_KEYS[..1]), Error::<Test>::BelowThreshold);
		// MAKER's account is not a key: the manufacturer acts only through its keys.
		assert_noop!(by(&[MAKER, ROOT_KEYS[0]]), Error::<Test>::UnknownKey);
	});
}

#[test]
fn a_revocation_of_a_missing_repository_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let payload = SoftwareUpdates::revoke_key_payload(&MAKER, 1, &1003);
		assert_noop!(
			SoftwareUpdates::revoke_key(
				origin(RELAY),
				MAKER,
				1003,
				signed(&ROOT_KEYS[..2], &payload)
			),
			Error::<Test>::UnknownRepository
		);
	});
}

#[test]
fn replayed_revocation_signatures_are_refused() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		// Key 9000 revoked, and its revocation's signatures kept.
		let payload = SoftwareUpdates::revoke_key_payload(&MAKER, next_nonce(), &9_000);
		let signatures = signed(&ROOT_KEYS[..2], &payload);
		assert_ok!(SoftwareUpdates::revoke_key(origin(RELAY), MAKER, 9_000, signatures.clone()));
		// The nonce moved on: the signatures revoke no other key.
		assert_noop!(
			SoftwareUpdates::revoke_key(origin(RELAY), MAKER, 9_001, signatures),
			Error::<Test>::BadSignature
		);
	});
}

#[test]
fn expired_metadata_is_refused_freeze() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		let id = delegate(&supplier_delegation());

		// At the exact expiry block everything is still accepted.
		run_to_block(ROOT_EXPIRY);
		assert_ok!(try_add_target(&image(b"app", &[ENGINE], 1, 0)));
		assert_ok!(revoke(9_000));
		// (A delegation must expire after now and not after the root: none fits at this
		// block.)
		let mut input = supplier_delegation();
		input.expires_at = ROOT_EXPIRY;
		assert_noop!(
			SoftwareUpdates::delegate(
				origin(RELAY),
				MAKER,
				input.clone(),
				delegation_signatures(&input)
			),
			Error::<Test>::InvalidExpiry
		);

		// One block later the repository is frozen.
		run_to_block(ROOT_EXPIRY + 1);
		let target = image(b"app", &[ENGINE], 2, 0);
		assert_noop!(try_add_target(&target), Error::<Test>::RepositoryExpired);
		input.expires_at = ROOT_EXPIRY + 10;
		assert_noop!(
			SoftwareUpdates::delegate(
				origin(RELAY),
				MAKER,
				input.clone(),
				delegation_signatures(&input)
			),
			Error::<Test>::RepositoryExpired
		);
		assert_noop!(revoke(9_001), Error::<Test>::RepositoryExpired);
		let payload = SoftwareUpdates::revoke_delegation_payload(&MAKER, next_nonce(), id);
		assert_noop!(
			SoftwareUpdates::revoke_delegation(
				origin(RELAY),
				MAKER,
				id,
				signed(&TARGETS_KEYS, &payload)
			),
			Error::<Test>::RepositoryExpired
		);
		// (create_campaign and check_image: the campaign tests.)

		// Metadata expiring now is refused; a rotation with a later expiry renews the root.
		let renewed = RootOf::<Test> { version: 2, expires_at: ROOT_EXPIRY + 1, ..default_root() };
		let both = |root: &RootOf<Test>| {
			let payload = root_payload(root);
			rotate(root, signed(&ROOT_KEYS[..2], &payload), signed(&ROOT_KEYS[..2], &payload))
		};
		assert_noop!(both(&renewed), Error::<Test>::AlreadyExpired);
		let renewed = RootOf::<Test> { expires_at: 2 * ROOT_EXPIRY, ..renewed };
		assert_ok!(both(&renewed));
		assert_eq!(repository().root.expires_at, 2 * ROOT_EXPIRY);
		assert_ok!(try_add_target(&target));
		assert!(Images::<Test>::contains_key(MAKER, target.hash));
		assert_ok!(SoftwareUpdates::delegate(
			origin(RELAY),
			MAKER,
			input.clone(),
			delegation_signatures(&input)
		));
	});
}
