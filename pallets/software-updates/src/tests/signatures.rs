//! The threshold check every signed call makes, the roles' validity and the payloads'
//! domains. Exercised through `create_repository` (the root role) and `add_target` (the targets
//! role), so each refusal is checked to leave the state untouched.

use codec::Encode;
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_runtime::testing::TestSignature,
};

use super::*;
use crate::{Error, ImageSigner, Images, RevokedKeys};

/// `MAKER` tries to create its repository with `default_root` and `signatures`.
fn create_with(signatures: crate::SignaturesOf<Test>) -> polkadot_sdk::sp_runtime::DispatchResult {
	SoftwareUpdates::create_repository(origin(MAKER), default_root(), signatures)
}

fn root_payload() -> Vec<u8> {
	SoftwareUpdates::root_payload(&MAKER, &default_root())
}

/// `(key, signature)` entries as given.
fn entries(entries: Vec<(u64, TestSignature)>) -> crate::SignaturesOf<Test> {
	entries.try_into().expect("within MaxKeys")
}

#[test]
fn a_threshold_of_the_roles_keys_in_any_order_is_accepted() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(create_with(signed(&[1003, 1001], &root_payload())));
		assert_eq!(repository().root, default_root());
	});
}

#[test]
fn more_signatures_than_the_threshold_are_accepted() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(create_with(signed(&ROOT_KEYS, &root_payload())));
		assert_eq!(repository().root, default_root());
	});
}

#[test]
fn a_key_of_another_role_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		// The targets and director keys are the repository's, but not the root role's.
		assert_noop!(
			create_with(signed(&[1001, 1101], &root_payload())),
			Error::<Test>::UnknownKey
		);
		assert_noop!(
			create_with(signed(&[1201, 1002], &root_payload())),
			Error::<Test>::UnknownKey
		);
	});
}

#[test]
fn the_same_key_twice_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			create_with(signed(&[1001, 1001], &root_payload())),
			Error::<Test>::DuplicateSignature
		);
	});
}

#[test]
fn fewer_signatures_than_the_threshold_are_refused() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(create_with(signed(&[1001], &root_payload())), Error::<Test>::BelowThreshold);
		assert_noop!(create_with(signed(&[], &root_payload())), Error::<Test>::BelowThreshold);
	});
}

#[test]
fn a_signature_on_another_payload_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let mut other = default_root();
		other.expires_at += 1;
		let wrong = SoftwareUpdates::root_payload(&MAKER, &other);
		let signatures = entries(vec![
			(1001, TestSignature(1001, root_payload())),
			(1002, TestSignature(1002, wrong)),
		]);
		assert_noop!(create_with(signatures), Error::<Test>::BadSignature);
	});
}

#[test]
fn a_signature_by_another_key_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		// Entry 1002 carries 1003's signature.
		let signatures = entries(vec![
			(1001, TestSignature(1001, root_payload())),
			(1002, TestSignature(1003, root_payload())),
		]);
		assert_noop!(create_with(signatures), Error::<Test>::BadSignature);
	});
}

#[test]
fn every_entry_is_checked_before_any_signature_is_verified() {
	ExtBuilder::default().build_and_execute(|| {
		// A bad signature first, an unknown key after it: the unknown key is reported.
		let signatures = entries(vec![
			(1001, TestSignature(1001, b"garbage".to_vec())),
			(1101, TestSignature(1101, root_payload())),
		]);
		assert_noop!(create_with(signatures), Error::<Test>::UnknownKey);
		// A bad signature and too few entries: the threshold is reported.
		let signatures = entries(vec![(1001, TestSignature(1001, b"garbage".to_vec()))]);
		assert_noop!(create_with(signatures), Error::<Test>::BelowThreshold);
	});
}

#[test]
fn a_signature_for_another_manufacturer_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		// The same keys sign MAKER's root; OTHER_MAKER may not use those signatures.
		let signatures = signed(&ROOT_KEYS[..2], &root_payload());
		assert_noop!(
			SoftwareUpdates::create_repository(origin(OTHER_MAKER), default_root(), signatures),
			Error::<Test>::BadSignature
		);
	});
}

#[test]
fn a_signature_on_one_kind_of_metadata_does_not_verify_for_another() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		let id = delegate(&supplier_delegation());
		// The targets keys sign a new delegation; the relay submits it as the revocation of
		// the first.
		let delegation =
			SoftwareUpdates::delegate_payload(&MAKER, next_nonce(), &supplier_delegation());
		assert_noop!(
			SoftwareUpdates::revoke_delegation(
				origin(RELAY),
				MAKER,
				id,
				signed(&TARGETS_KEYS, &delegation)
			),
			Error::<Test>::BadSignature
		);
		// The root keys' revocation of a key, submitted as another key's.
		let revocation = SoftwareUpdates::revoke_key_payload(&MAKER, next_nonce(), &9_998);
		assert_noop!(
			SoftwareUpdates::revoke_key(
				origin(RELAY),
				MAKER,
				9_999,
				signed(&ROOT_KEYS[..2], &revocation)
			),
			Error::<Test>::BadSignature
		);
	});
}

#[test]
fn payloads_start_with_their_domain_tag_and_no_length_prefix() {
	ExtBuilder::default().build_and_execute(|| {
		let root = default_root();
		let payload = SoftwareUpdates::root_payload(&MAKER, &root);
		assert_eq!(payload, [&b"v2x/ota/root"[..], &MAKER.encode(), &root.encode()].concat());
		let target = image(b"app", &[BRAKE], 1, 0);
		assert!(SoftwareUpdates::target_payload(&MAKER, &target).starts_with(b"v2x/ota/target"));
		let input = supplier_delegation();
		assert_eq!(
			SoftwareUpdates::delegate_payload(&MAKER, 7, &input),
			[&b"v2x/ota/delegate"[..], &MAKER.encode(), &7u32.encode(), &input.encode()].concat()
		);
		assert_eq!(
			SoftwareUpdates::revoke_delegation_payload(&MAKER, 7, 3),
			[&b"v2x/ota/revoke-delegation"[..], &MAKER.encode(), &7u32.encode(), &3u32.encode()]
				.concat()
		);
		assert_eq!(
			SoftwareUpdates::revoke_key_payload(&MAKER, 7, &1001),
			[&b"v2x/ota/revoke-key"[..], &MAKER.encode(), &7u32.encode(), &1001u64.encode()]
				.concat()
		);
		assert_eq!(
			SoftwareUpdates::cancel_campaign_payload(&MAKER, 7, 3),
			[&b"v2x/ota/cancel-campaign"[..], &MAKER.encode(), &7u32.encode(), &3u32.encode()]
				.concat()
		);
	});
}

#[test]
fn invalid_roles_are_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let invalid = [
			role(&[1001, 1002], 0),       // no signature needed
			role(&[1001, 1002], 3),       // more than there are keys
			role(&[1001, 1001, 1002], 2), // a key twice
			role(&[], 0),                 // no keys
		];
		for bad in invalid {
			for place in 0..3 {
				let mut root = default_root();
				match place {
					0 => root.root = bad.clone(),
					1 => root.targets = bad.clone(),
					_ => root.director = bad.clone(),
				}
				let signatures =
					signed(&ROOT_KEYS[..2], &SoftwareUpdates::root_payload(&MAKER, &root));
				assert_noop!(
					SoftwareUpdates::create_repository(origin(MAKER), root, signatures),
					Error::<Test>::InvalidRole
				);
			}
		}
	});
}

#[test]
fn revoked_key_stops_counting() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		let key = TARGETS_KEYS[0];
		let signatures = signed(
			&ROOT_KEYS[..2],
			&SoftwareUpdates::revoke_key_payload(&MAKER, next_nonce(), &key),
		);
		assert_ok!(SoftwareUpdates::revoke_key(origin(RELAY), MAKER, key, signatures));
		assert_eq!(RevokedKeys::<Test>::get(MAKER, key), Some(1));
		assert_eq!(last_event(), crate::Event::KeyRevoked { manufacturer: MAKER, key });

		// The targets role: its threshold (2 of 2) can no longer be met with the revoked key.
		let target = image(b"app", &[BRAKE], 1, 0);
		let signatures = signed(&TARGETS_KEYS, &SoftwareUpdates::target_payload(&MAKER, &target));
		assert_noop!(
			SoftwareUpdates::add_target(
				origin(RELAY),
				MAKER,
				target.clone(),
				ImageSigner::Targets,
				signatures
			),
			Error::<Test>::KeyRevoked
		);
		let signatures =
			signed(&TARGETS_KEYS[1..], &SoftwareUpdates::target_payload(&MAKER, &target));
		assert_noop!(
			SoftwareUpdates::add_target(
				origin(RELAY),
				MAKER,
				target.clone(),
				ImageSigner::Targets,
				signatures
			),
			Error::<Test>::BelowThreshold
		);

		// No new delegation may name it.
		let mut input = supplier_delegation();
		input.keys = role(&[SUPPLIER_KEYS[0], key], 1);
		assert_noop!(
			SoftwareUpdates::delegate(
				origin(RELAY),
				MAKER,
				input.clone(),
				delegation_signatures(&input)
			),
			Error::<Test>::KeyRevoked
		);

		// Nor may a new root: the rotation that restores the targets role names a fresh key.
		let mut root = default_root();
		root.version = 2;
		let payload = |root: &crate::RootOf<Test>| SoftwareUpdates::root_payload(&MAKER, root);
		let rotate = |root: crate::RootOf<Test>| {
			SoftwareUpdates::rotate_root(
				origin(RELAY),
				MAKER,
				root.clone(),
				signed(&ROOT_KEYS[..2], &payload(&root)),
				signed(&ROOT_KEYS[..2], &payload(&root)),
			)
		};
		assert_noop!(rotate(root.clone()), Error::<Test>::KeyRevoked);
		root.targets = role(&[1103, TARGETS_KEYS[1]], 2);
		assert_ok!(rotate(root));
		let signatures =
			signed(&[1103, TARGETS_KEYS[1]], &SoftwareUpdates::target_payload(&MAKER, &target));
		assert_ok!(SoftwareUpdates::add_target(
			origin(RELAY),
			MAKER,
			target.clone(),
			ImageSigner::Targets,
			signatures
		));
		assert!(Images::<Test>::contains_key(MAKER, target.hash));
	});
}

#[test]
fn a_revoked_key_stops_counting_in_its_delegation() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		let id = delegate(&supplier_delegation());
		let key = SUPPLIER_KEYS[0];
		let signatures = signed(
			&ROOT_KEYS[..2],
			&SoftwareUpdates::revoke_key_payload(&MAKER, next_nonce(), &key),
		);
		assert_ok!(SoftwareUpdates::revoke_key(origin(RELAY), MAKER, key, signatures));
		let target = image(b"bosch/brake", &[BRAKE], 1, 0);
		let payload = SoftwareUpdates::target_payload(&MAKER, &target);
		assert_noop!(
			SoftwareUpdates::add_target(
				origin(SUPPLIER),
				MAKER,
				target.clone(),
				ImageSigner::Delegation(id),
				signed(&[key], &payload)
			),
			Error::<Test>::KeyRevoked
		);
		// The delegation's other key still signs.
		assert_ok!(SoftwareUpdates::add_target(
			origin(SUPPLIER),
			MAKER,
			target,
			ImageSigner::Delegation(id),
			signed(&[SUPPLIER_KEYS[1]], &payload)
		));
	});
}

#[test]
fn a_key_revoked_in_one_repository_still_counts_in_another() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		let key = TARGETS_KEYS[0];
		let signatures = signed(
			&ROOT_KEYS[..2],
			&SoftwareUpdates::revoke_key_payload(&MAKER, next_nonce(), &key),
		);
		assert_ok!(SoftwareUpdates::revoke_key(origin(RELAY), MAKER, key, signatures));
		// OTHER_MAKER's repository uses the same keys.
		let root = default_root();
		let signatures =
			signed(&ROOT_KEYS[..2], &SoftwareUpdates::root_payload(&OTHER_MAKER, &root));
		assert_ok!(SoftwareUpdates::create_repository(origin(OTHER_MAKER), root, signatures));
		let target = image(b"app", &[BRAKE], 1, 0);
		let signatures =
			signed(&TARGETS_KEYS, &SoftwareUpdates::target_payload(&OTHER_MAKER, &target));
		assert_ok!(SoftwareUpdates::add_target(
			origin(RELAY),
			OTHER_MAKER,
			target.clone(),
			ImageSigner::Targets,
			signatures
		));
		assert!(Images::<Test>::contains_key(OTHER_MAKER, target.hash));
	});
}
