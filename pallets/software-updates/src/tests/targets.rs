//! Images: added by the targets role or a supplier's delegation with increasing release
//! counters, and pruned by the manufacturer.

use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok, traits::fungible::Mutate},
	sp_core::H256,
	sp_runtime::{DispatchError, DispatchResult, TokenError},
};

use super::*;
use crate::{Error, Event, Image, ImageSigner, Images, Latest};

/// `RELAY` submits `target` as signed by `signer`'s `keys`.
fn add_by(keys: &[u64], target: &TargetInputOf<Test>, signer: ImageSigner) -> DispatchResult {
	let signatures = signed(keys, &SoftwareUpdates::target_payload(&MAKER, target));
	SoftwareUpdates::add_target(origin(RELAY), MAKER, target.clone(), signer, signatures)
}

/// `RELAY` submits `target` signed by both targets keys.
fn add(target: &TargetInputOf<Test>) -> DispatchResult {
	add_by(&TARGETS_KEYS, target, ImageSigner::Targets)
}

/// `SUPPLIER` submits `target` signed by supplier key 1301 for delegation `id`.
fn add_as_supplier(target: &TargetInputOf<Test>, id: DelegationId) -> DispatchResult {
	let signatures = signed(&SUPPLIER_KEYS[..1], &SoftwareUpdates::target_payload(&MAKER, target));
	SoftwareUpdates::add_target(
		origin(SUPPLIER),
		MAKER,
		target.clone(),
		ImageSigner::Delegation(id),
		signatures,
	)
}

/// The newest (counter, hash) for `hardware_id` and `image_name`.
fn latest(hardware_id: &[u8], image_name: &[u8]) -> Option<(u32, H256)> {
	Latest::<Test>::get(MAKER, (hw(hardware_id), name(image_name)))
}

#[test]
fn the_targets_role_adds_an_image() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		run_to_block(3);
		let target = image(b"app", &[BRAKE, ENGINE], 7, 0);
		assert_ok!(add(&target));
		assert_eq!(
			Images::<Test>::get(MAKER, target.hash),
			Some(Image {
				name: target.name.clone(),
				length: target.length,
				hardware_ids: target.hardware_ids.clone(),
				release_counter: 7,
				signer: ImageSigner::Targets,
				added_at: 3,
				campaigns: 0,
			})
		);
		assert_eq!(latest(BRAKE, b"app"), Some((7, target.hash)));
		assert_eq!(latest(ENGINE, b"app"), Some((7, target.hash)));
		// Images need no nonce: a replay fails on the hash and the release counter.
		assert_eq!((repository().images, repository().nonce), (1, 0));
		// The manufacturer pays, not the relay.
		assert_eq!(held(HoldReason::Repository, MAKER), REPOSITORY_DEPOSIT + IMAGE_DEPOSIT);
		assert_eq!(free(MAKER), BALANCE - REPOSITORY_DEPOSIT - IMAGE_DEPOSIT);
		assert_eq!(free(RELAY), BALANCE);
		assert_eq!(
			last_event(),
			Event::TargetAdded {
				manufacturer: MAKER,
				hash: target.hash,
				name: target.name,
				release_counter: 7,
				signer: ImageSigner::Targets,
			}
		);
	});
}

#[test]
fn rollback_to_an_older_release_counter_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		assert_ok!(add(&image(b"app", &[BRAKE], 5, 0)));
		// The same counter or a lower one, under another hash, for that hardware id and name.
		assert_noop!(
			add(&image(b"app", &[BRAKE], 5, 100)),
			Error::<Test>::ReleaseCounterNotIncreasing
		);
		assert_noop!(
			add(&image(b"app", &[BRAKE], 4, 100)),
			Error::<Test>::ReleaseCounterNotIncreasing
		);
		assert_noop!(
			add(&image(b"app", &[BRAKE], 0, 100)),
			Error::<Test>::ReleaseCounterNotIncreasing
		);
		// One hardware id of several is enough to refuse it.
		assert_noop!(
			add(&image(b"app", &[ENGINE, BRAKE], 3, 100)),
			Error::<Test>::ReleaseCounterNotIncreasing
		);
		// The same image again (a replayed submission).
		assert_noop!(add(&image(b"app", &[BRAKE], 5, 0)), Error::<Test>::ImageExists);
		// Counters are per hardware id and name.
		assert_ok!(add(&image(b"app", &[ENGINE], 3, 100)));
		assert_ok!(add(&image(b"other", &[BRAKE], 1, 200)));
		// A higher counter replaces the newest.
		let newer = image(b"app", &[BRAKE, ENGINE], 6, 0);
		assert_ok!(add(&newer));
		assert_eq!(latest(BRAKE, b"app"), Some((6, newer.hash)));
		assert_eq!(latest(ENGINE, b"app"), Some((6, newer.hash)));
		assert_eq!(latest(BRAKE, b"other").map(|(counter, _)| counter), Some(1));
		assert_eq!(repository().images, 4);
		// (A campaign of a superseded image and check_image's RolledBack / Superseded: the
		// campaign and runtime API tests.)
	});
}

#[test]
fn only_the_targets_threshold_adds_images_as_targets() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		delegate(&supplier_delegation());
		let target = image(b"bosch/brake", &[BRAKE], 1, 0);
		let targets = ImageSigner::Targets;
		assert_noop!(add_by(&ROOT_KEYS[..2], &target, targets), Error::<Test>::UnknownKey);
		assert_noop!(add_by(&DIRECTOR_KEYS[..2], &target, targets), Error::<Test>::UnknownKey);
		// A supplier's keys sign only as its delegation.
		assert_noop!(add_by(&SUPPLIER_KEYS, &target, targets), Error::<Test>::UnknownKey);
		assert_noop!(add_by(&TARGETS_KEYS[..1], &target, targets), Error::<Test>::BelowThreshold);
	});
}

#[test]
fn supplier_delegation_signs_only_within_its_prefix_and_hardware() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		let id = delegate(&supplier_delegation());
		// Within: a name under `bosch/`, for the brake ECUs.
		let brake = image(b"bosch/brake-v2", &[BRAKE], 1, 0);
		assert_ok!(add_as_supplier(&brake, id));
		assert_eq!(
			Images::<Test>::get(MAKER, brake.hash).unwrap().signer,
			ImageSigner::Delegation(id)
		);
		assert_eq!(latest(BRAKE, b"bosch/brake-v2"), Some((1, brake.hash)));
		assert_eq!(
			last_event(),
			Event::TargetAdded {
				manufacturer: MAKER,
				hash: brake.hash,
				name: brake.name.clone(),
				release_counter: 1,
				signer: ImageSigner::Delegation(id),
			}
		);
		// The manufacturer pays the deposit; the supplier only submits.
		assert_eq!(held(HoldReason::Repository, MAKER), REPOSITORY_DEPOSIT + IMAGE_DEPOSIT);
		assert_eq!(free(SUPPLIER), BALANCE);
		assert_eq!(held(HoldReason::Repository, SUPPLIER), 0);

		// Outside the prefix (which is a prefix of bytes, not of path segments).
		for outside in [&b"conti/brake"[..], b"bosch", b"app/bosch/brake", b"Bosch/brake"] {
			assert_noop!(
				add_as_supplier(&image(outside, &[BRAKE], 2, 0), id),
				Error::<Test>::OutsideDelegation
			);
		}
		// Outside the hardware ids, also when only one of several is.
		assert_noop!(
			add_as_supplier(&image(b"bosch/engine", &[ENGINE], 2, 0), id),
			Error::<Test>::OutsideDelegation
		);
		assert_noop!(
			add_as_supplier(&image(b"bosch/brake-v3", &[BRAKE, ENGINE], 2, 0), id),
			Error::<Test>::OutsideDelegation
		);
		// The targets keys are not the delegation's.
		assert_noop!(
			add_by(
				&TARGETS_KEYS,
				&image(b"bosch/brake-v3", &[BRAKE], 2, 0),
				ImageSigner::Delegation(id)
			),
			Error::<Test>::UnknownKey
		);
		// The delegation's rollback protection is the repository's.
		assert_noop!(
			add_as_supplier(&image(b"bosch/brake-v2", &[BRAKE], 1, 100), id),
			Error::<Test>::ReleaseCounterNotIncreasing
		);
		assert_eq!(repository().images, 1);
	});
}

#[test]
fn an_image_signed_by_a_missing_delegation_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		assert_noop!(
			add_as_supplier(&image(b"bosch/brake", &[BRAKE], 1, 0), 0),
			Error::<Test>::UnknownDelegation
		);
	});
}

#[test]
fn an_invalid_image_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		let changes: [fn(&mut TargetInputOf<Test>); 4] = [
			|target| target.name = name(b""),
			|target| target.length = 0,
			|target| target.hardware_ids = Default::default(),
			|target| target.hardware_ids = vec![hw(BRAKE), hw(BRAKE)].try_into().unwrap(),
		];
		for change in changes {
			let mut target = image(b"app", &[BRAKE], 1, 0);
			change(&mut target);
			assert_noop!(add(&target), Error::<Test>::InvalidImage);
		}
	});
}

#[test]
fn images_are_bounded() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		for counter in 1..=MAX_IMAGES {
			assert_ok!(add(&image(b"app", &[BRAKE], counter, 0)));
		}
		assert_eq!(repository().images, MAX_IMAGES);
		assert_eq!(
			held(HoldReason::Repository, MAKER),
			REPOSITORY_DEPOSIT + u64::from(MAX_IMAGES) * IMAGE_DEPOSIT
		);
		assert_noop!(
			add(&image(b"app", &[BRAKE], MAX_IMAGES + 1, 0)),
			Error::<Test>::TooManyImages
		);
	});
}

#[test]
fn an_image_in_a_missing_repository_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let target = image(b"app", &[BRAKE], 1, 0);
		assert_noop!(add(&target), Error::<Test>::UnknownRepository);
	});
}

#[test]
fn the_manufacturer_prunes_a_superseded_image() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		let old = image(b"app", &[BRAKE], 1, 0);
		let new = image(b"app", &[BRAKE], 2, 0);
		add_target(&old);
		add_target(&new);
		assert_ok!(SoftwareUpdates::prune_image(origin(MAKER), old.hash));
		assert!(!Images::<Test>::contains_key(MAKER, old.hash));
		assert_eq!(latest(BRAKE, b"app"), Some((2, new.hash)));
		assert_eq!(repository().images, 1);
		assert_eq!(held(HoldReason::Repository, MAKER), REPOSITORY_DEPOSIT + IMAGE_DEPOSIT);
		assert_eq!(free(MAKER), BALANCE - REPOSITORY_DEPOSIT - IMAGE_DEPOSIT);
		assert_eq!(last_event(), Event::ImagePruned { manufacturer: MAKER, hash: old.hash });
		// Pruning does not reopen the counter: the newest stays the bar.
		assert_noop!(add(&old), Error::<Test>::ReleaseCounterNotIncreasing);
		assert_noop!(
			SoftwareUpdates::prune_image(origin(MAKER), old.hash),
			Error::<Test>::UnknownImage
		);
	});
}

#[test]
fn the_newest_image_for_any_of_its_hardware_ids_is_not_pruned() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		let both = image(b"app", &[BRAKE, ENGINE], 1, 0);
		assert_ok!(add(&both));
		assert_noop!(
			SoftwareUpdates::prune_image(origin(MAKER), both.hash),
			Error::<Test>::StillLatest
		);
		// Superseded for the brake ECUs only: still the newest for the engine's.
		assert_ok!(add(&image(b"app", &[BRAKE], 2, 0)));
		assert_noop!(
			SoftwareUpdates::prune_image(origin(MAKER), both.hash),
			Error::<Test>::StillLatest
		);
		assert_ok!(add(&image(b"app", &[ENGINE], 3, 0)));
		assert_ok!(SoftwareUpdates::prune_image(origin(MAKER), both.hash));
	});
}

#[test]
fn an_image_in_a_campaign_is_not_pruned() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		let old = image(b"app", &[BRAKE], 1, 0);
		assert_ok!(add(&old));
		assert_ok!(add(&image(b"app", &[BRAKE], 2, 0)));
		// As a campaign listing it would leave it (the campaign tests create one).
		Images::<Test>::mutate(MAKER, old.hash, |image| image.as_mut().unwrap().campaigns = 1);
		assert_noop!(
			SoftwareUpdates::prune_image(origin(MAKER), old.hash),
			Error::<Test>::InCampaign
		);
		Images::<Test>::mutate(MAKER, old.hash, |image| image.as_mut().unwrap().campaigns = 0);
	});
}

#[test]
fn only_the_manufacturer_prunes_its_images() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		let old = image(b"app", &[BRAKE], 1, 0);
		assert_ok!(add(&old));
		assert_ok!(add(&image(b"app", &[BRAKE], 2, 0)));
		for who in [RELAY, SUPPLIER, OWNER, OTHER_MAKER, TARGETS_KEYS[0]] {
			assert_noop!(
				SoftwareUpdates::prune_image(origin(who), old.hash),
				Error::<Test>::UnknownRepository
			);
		}
	});
}

#[test]
fn a_relay_cannot_alter_a_signed_image() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		let signed_image = image(b"app", &[BRAKE], 1, 0);
		let signatures =
			signed(&TARGETS_KEYS, &SoftwareUpdates::target_payload(&MAKER, &signed_image));
		let changes: [fn(&mut TargetInputOf<Test>); 4] = [
			|target| target.hash = H256::repeat_byte(0xEE),
			|target| target.length += 1,
			|target| target.release_counter += 1,
			|target| target.hardware_ids = vec![hw(BRAKE), hw(ENGINE)].try_into().unwrap(),
		];
		for change in changes {
			let mut altered = signed_image.clone();
			change(&mut altered);
			assert_noop!(
				SoftwareUpdates::add_target(
					origin(RELAY),
					MAKER,
					altered,
					ImageSigner::Targets,
					signatures.clone()
				),
				Error::<Test>::BadSignature
			);
		}
	});
}

#[test]
fn an_image_the_manufacturer_cannot_pay_for_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		// Nothing free beyond the existential deposit.
		<Balances as Mutate<u64>>::set_balance(&MAKER, 1);
		assert_noop!(
			add(&image(b"app", &[BRAKE], 1, 0)),
			DispatchError::Token(TokenError::FundsUnavailable)
		);
	});
}
