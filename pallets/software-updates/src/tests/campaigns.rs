//! Campaigns: the director approves current images of the repository for selected vehicles;
//! a compromised director cannot offer anything else; the manufacturer removes ended ones.

use polkadot_sdk::frame_support::{assert_noop, assert_ok};
use v2x_primitives::Vin;

use super::*;
use crate::{
	selects, Campaign, CampaignId, CampaignInputOf, CampaignTarget, Campaigns, Error, Event,
	Images, SignaturesOf, VehicleSelector,
};

/// The last block `campaign`'s campaigns are live in.
pub(crate) const CAMPAIGN_EXPIRY: u64 = 60;
/// The model of `MAKER`'s vehicles: VIN positions 1-8 (`1HGCM82633A00000N` for vehicle N).
pub(crate) const MODEL: &[u8] = b"1HGCM826";

/// The brake ECUs' first release.
pub(crate) fn brake_v1() -> TargetInputOf<Test> {
	image(b"brake.bin", &[BRAKE], 1, 0)
}

/// The brake ECUs' second release.
pub(crate) fn brake_v2() -> TargetInputOf<Test> {
	image(b"brake.bin", &[BRAKE], 2, 0)
}

/// The engine ECUs' first release.
pub(crate) fn engine_v1() -> TargetInputOf<Test> {
	image(b"engine.bin", &[ENGINE], 1, 100)
}

/// `MAKER`'s repository with `brake_v1` and `engine_v1`; events reset.
pub(crate) fn repository_with_images() {
	create_repository();
	add_target(&brake_v1());
	add_target(&engine_v1());
	System::reset_events();
}

/// `MAKER`'s repository with `bundle` as campaign 0; events reset.
pub(crate) fn bundle_campaign() {
	repository_with_images();
	create_campaign(&bundle());
	System::reset_events();
}

/// The ECUs of `hardware_id` install `image`.
pub(crate) fn target(image: &TargetInputOf<Test>, hardware_id: &[u8]) -> CampaignTarget {
	CampaignTarget { hardware_id: hw(hardware_id), name: image.name.clone(), hash: image.hash }
}

/// Vehicles whose VIN starts with `model`, within `serials` if given.
pub(crate) fn selector(model: &[u8], serials: Option<([u8; 6], [u8; 6])>) -> VehicleSelector {
	VehicleSelector { model: model.to_vec().try_into().unwrap(), serials }
}

/// The RXSWIN `campaign`'s campaigns result in.
pub(crate) fn rxswin() -> crate::Rxswin {
	b"R156-2025-07".to_vec().try_into().unwrap()
}

/// `targets` for every vehicle of `MODEL`, until `CAMPAIGN_EXPIRY`.
pub(crate) fn campaign(targets: Vec<CampaignTarget>) -> CampaignInputOf<Test> {
	CampaignInputOf::<Test> {
		targets: targets.try_into().unwrap(),
		vehicles: vec![selector(MODEL, None)].try_into().unwrap(),
		rxswin: rxswin(),
		expires_at: CAMPAIGN_EXPIRY,
	}
}

/// `brake_v1` and `engine_v1` together.
pub(crate) fn bundle() -> CampaignInputOf<Test> {
	campaign(vec![target(&brake_v1(), BRAKE), target(&engine_v1(), ENGINE)])
}

/// Director keys 1201 and 1202 sign `input` at the repository's next nonce.
pub(crate) fn campaign_signatures(input: &CampaignInputOf<Test>) -> SignaturesOf<Test> {
	signed(&DIRECTOR_KEYS[..2], &SoftwareUpdates::campaign_payload(&MAKER, next_nonce(), input))
}

/// `RELAY` submits `input`, signed by director keys 1201 and 1202; returns its id.
pub(crate) fn create_campaign(input: &CampaignInputOf<Test>) -> CampaignId {
	let id = repository().next_campaign;
	let signatures = campaign_signatures(input);
	assert_ok!(SoftwareUpdates::create_campaign(origin(RELAY), MAKER, input.clone(), signatures));
	id
}

/// Director keys 1201 and 1202 sign cancelling `id` at the repository's next nonce.
pub(crate) fn cancel_signatures(id: CampaignId) -> SignaturesOf<Test> {
	signed(&DIRECTOR_KEYS[..2], &SoftwareUpdates::cancel_campaign_payload(&MAKER, next_nonce(), id))
}

/// `RELAY` cancels campaign `id`, signed by director keys 1201 and 1202.
pub(crate) fn cancel_campaign(id: CampaignId) {
	let signatures = cancel_signatures(id);
	assert_ok!(SoftwareUpdates::cancel_campaign(origin(RELAY), MAKER, id, signatures));
}

/// `RELAY` tries to create `input`, signed by director keys 1201 and 1202.
fn try_create(input: CampaignInputOf<Test>) -> polkadot_sdk::sp_runtime::DispatchResult {
	let signatures = campaign_signatures(&input);
	SoftwareUpdates::create_campaign(origin(RELAY), MAKER, input, signatures)
}

/// How many stored campaigns list image `hash`.
fn campaigns_of(hash: H256) -> u32 {
	Images::<Test>::get(MAKER, hash).expect("the image is stored").campaigns
}

/// What `MAKER` holds with `images` images and `campaigns` campaigns (root version 1).
fn repository_hold(images: u64, campaigns: u64) -> u64 {
	REPOSITORY_DEPOSIT + images * IMAGE_DEPOSIT + campaigns * CAMPAIGN_DEPOSIT
}

#[test]
fn a_campaign_of_current_images_is_created() {
	ExtBuilder::default().build_and_execute(|| {
		repository_with_images();
		let input = bundle();

		assert_eq!(create_campaign(&input), 0);

		assert_eq!(
			Campaigns::<Test>::get(MAKER, 0),
			Some(Campaign {
				targets: input.targets,
				vehicles: input.vehicles,
				rxswin: rxswin(),
				expires_at: CAMPAIGN_EXPIRY,
				created_at: 1,
				cancelled: false,
			})
		);
		let stored = repository();
		assert_eq!((stored.campaigns, stored.next_campaign, stored.nonce), (1, 1, 1));
		assert_eq!(campaigns_of(brake_v1().hash), 1);
		assert_eq!(campaigns_of(engine_v1().hash), 1);
		assert_eq!(held(HoldReason::Repository, MAKER), repository_hold(2, 1));
		assert_eq!(free(MAKER), BALANCE - repository_hold(2, 1));
		// The relay only submits: it pays no deposit.
		assert_eq!((free(RELAY), held(HoldReason::Repository, RELAY)), (BALANCE, 0));
		assert_eq!(
			events(),
			vec![Event::CampaignCreated { manufacturer: MAKER, campaign: 0, rxswin: rxswin() }]
		);
	});
}

#[test]
fn compromised_director_key_cannot_offer_an_image_not_in_the_repository() {
	ExtBuilder::default().build_and_execute(|| {
		repository_with_images();
		// One stolen director key is below the threshold of two.
		let input = bundle();
		let payload = SoftwareUpdates::campaign_payload(&MAKER, next_nonce(), &input);
		assert_noop!(
			SoftwareUpdates::create_campaign(
				origin(RELAY),
				MAKER,
				input,
				signed(&DIRECTOR_KEYS[..1], &payload)
			),
			Error::<Test>::BelowThreshold
		);
		// Even a threshold of director keys cannot offer arbitrary software: the hash must be
		// a stored image's...
		let arbitrary = CampaignTarget {
			hardware_id: hw(BRAKE),
			name: name(b"brake.bin"),
			hash: H256::repeat_byte(0xEE),
		};
		assert_noop!(try_create(campaign(vec![arbitrary])), Error::<Test>::ImageNotInRepository);
		// ...under its own name.
		let renamed = CampaignTarget {
			hardware_id: hw(BRAKE),
			name: name(b"engine.bin"),
			hash: brake_v1().hash,
		};
		assert_noop!(try_create(campaign(vec![renamed])), Error::<Test>::ImageNotInRepository);
	});
}

#[test]
fn compromised_director_cannot_offer_an_image_for_other_hardware() {
	ExtBuilder::default().build_and_execute(|| {
		repository_with_images();
		// The brake image flashed onto the engine ECUs.
		assert_noop!(
			try_create(campaign(vec![target(&brake_v1(), ENGINE)])),
			Error::<Test>::HardwareMismatch
		);
	});
}

#[test]
fn a_campaign_may_not_roll_vehicles_back() {
	ExtBuilder::default().build_and_execute(|| {
		repository_with_images();
		add_target(&brake_v2());

		assert_noop!(
			try_create(campaign(vec![target(&brake_v1(), BRAKE)])),
			Error::<Test>::Superseded
		);
		assert_eq!(create_campaign(&campaign(vec![target(&brake_v2(), BRAKE)])), 0);
	});
}

#[test]
fn revoked_delegation_images_read_revoked_and_cannot_join_campaigns() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		let id = delegate(&supplier_delegation());
		let supplied = image(b"bosch/brake.bin", &[BRAKE], 1, 50);
		let payload = SoftwareUpdates::target_payload(&MAKER, &supplied);
		assert_ok!(SoftwareUpdates::add_target(
			origin(SUPPLIER),
			MAKER,
			supplied.clone(),
			ImageSigner::Delegation(id),
			signed(&SUPPLIER_KEYS[..1], &payload)
		));
		let check = || SoftwareUpdates::check_image(VEHICLE_1, hw(BRAKE), supplied.hash, None);
		assert_eq!(check(), crate::ImageStatus::Current { release_counter: 1 });

		let payload = SoftwareUpdates::revoke_delegation_payload(&MAKER, next_nonce(), id);
		assert_ok!(SoftwareUpdates::revoke_delegation(
			origin(RELAY),
			MAKER,
			id,
			signed(&TARGETS_KEYS, &payload)
		));

		assert_eq!(check(), crate::ImageStatus::Revoked);
		assert_noop!(
			try_create(campaign(vec![target(&supplied, BRAKE)])),
			Error::<Test>::ImageRevoked
		);
	});
}

#[test]
fn expired_delegation_images_read_expired_and_cannot_join_campaigns() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		let id = delegate(&supplier_delegation());
		let supplied = image(b"bosch/brake.bin", &[BRAKE], 1, 50);
		let payload = SoftwareUpdates::target_payload(&MAKER, &supplied);
		assert_ok!(SoftwareUpdates::add_target(
			origin(SUPPLIER),
			MAKER,
			supplied.clone(),
			ImageSigner::Delegation(id),
			signed(&SUPPLIER_KEYS[..1], &payload)
		));
		let check = || SoftwareUpdates::check_image(VEHICLE_1, hw(BRAKE), supplied.hash, None);

		run_to_block(DELEGATION_EXPIRY);
		assert_eq!(check(), crate::ImageStatus::Current { release_counter: 1 });

		run_to_block(DELEGATION_EXPIRY + 1);
		assert_eq!(check(), crate::ImageStatus::Expired);
		assert_noop!(
			try_create(campaign(vec![target(&supplied, BRAKE)])),
			Error::<Test>::ImageRevoked
		);
	});
}

#[test]
fn replayed_campaign_signatures_are_refused() {
	ExtBuilder::default().build_and_execute(|| {
		repository_with_images();
		let input = campaign(vec![target(&brake_v1(), BRAKE)]);
		let signatures = campaign_signatures(&input);
		assert_ok!(SoftwareUpdates::create_campaign(
			origin(RELAY),
			MAKER,
			input.clone(),
			signatures.clone()
		));

		// The nonce moved on: the same signatures sign nothing any more.
		assert_noop!(
			SoftwareUpdates::create_campaign(origin(RELAY), MAKER, input.clone(), signatures),
			Error::<Test>::BadSignature
		);
		// Signatures cancelling campaign 0 do not cancel campaign 1.
		assert_eq!(create_campaign(&input), 1);
		let for_campaign_0 = cancel_signatures(0);
		assert_noop!(
			SoftwareUpdates::cancel_campaign(origin(RELAY), MAKER, 1, for_campaign_0.clone()),
			Error::<Test>::BadSignature
		);
		// Nor do they once anything else was signed in between.
		cancel_campaign(1);
		assert_noop!(
			SoftwareUpdates::cancel_campaign(origin(RELAY), MAKER, 0, for_campaign_0),
			Error::<Test>::BadSignature
		);
		assert!(!Campaigns::<Test>::get(MAKER, 0).unwrap().cancelled);
		assert_eq!(repository().nonce, 3);
	});
}

#[test]
fn create_campaign_refuses_malformed_campaigns() {
	ExtBuilder::default().build_and_execute(|| {
		repository_with_images();
		let mut no_targets = bundle();
		no_targets.targets = Default::default();
		assert_noop!(try_create(no_targets), Error::<Test>::InvalidCampaign);
		let mut no_vehicles = bundle();
		no_vehicles.vehicles = Default::default();
		assert_noop!(try_create(no_vehicles), Error::<Test>::InvalidCampaign);
		let mut no_rxswin = bundle();
		no_rxswin.rxswin = Default::default();
		assert_noop!(try_create(no_rxswin), Error::<Test>::InvalidCampaign);
		let twice = campaign(vec![target(&brake_v1(), BRAKE), target(&brake_v1(), BRAKE)]);
		assert_noop!(try_create(twice), Error::<Test>::DuplicateHardware);
	});
}

#[test]
fn a_campaign_lives_after_now_and_at_most_as_long_as_the_root() {
	ExtBuilder::default().build_and_execute(|| {
		repository_with_images();
		let mut input = bundle();
		input.expires_at = 1;
		assert_noop!(try_create(input.clone()), Error::<Test>::InvalidExpiry);
		input.expires_at = ROOT_EXPIRY + 1;
		assert_noop!(try_create(input.clone()), Error::<Test>::InvalidExpiry);
		input.expires_at = ROOT_EXPIRY;
		assert_eq!(create_campaign(&input), 0);
	});
}

#[test]
fn a_frozen_repository_takes_no_campaign() {
	ExtBuilder::default().build_and_execute(|| {
		repository_with_images();
		let mut input = bundle();
		input.expires_at = ROOT_EXPIRY;
		// In the root's last block the repository is live, but no campaign fits in its life.
		run_to_block(ROOT_EXPIRY);
		assert_noop!(try_create(input.clone()), Error::<Test>::InvalidExpiry);
		run_to_block(ROOT_EXPIRY + 1);
		assert_noop!(try_create(input), Error::<Test>::RepositoryExpired);
	});
}

#[test]
fn create_campaign_refuses_without_a_repository_or_room() {
	ExtBuilder::default().build_and_execute(|| {
		let input = bundle();
		let payload = SoftwareUpdates::campaign_payload(&OTHER_MAKER, 1, &input);
		assert_noop!(
			SoftwareUpdates::create_campaign(
				origin(RELAY),
				OTHER_MAKER,
				input,
				signed(&DIRECTOR_KEYS[..2], &payload)
			),
			Error::<Test>::UnknownRepository
		);
		repository_with_images();
		for _ in 0..MAX_CAMPAIGNS {
			create_campaign(&bundle());
		}
		assert_noop!(try_create(bundle()), Error::<Test>::TooManyCampaigns);
		assert_eq!(campaigns_of(brake_v1().hash), MAX_CAMPAIGNS);
	});
}

#[test]
fn only_the_director_keys_approve_campaigns() {
	ExtBuilder::default().build_and_execute(|| {
		repository_with_images();
		let input = bundle();
		let payload = SoftwareUpdates::campaign_payload(&MAKER, next_nonce(), &input);
		// Targets and root keys sign images and roots, not campaigns.
		for keys in [&TARGETS_KEYS[..], &ROOT_KEYS[..2]] {
			assert_noop!(
				SoftwareUpdates::create_campaign(
					origin(RELAY),
					MAKER,
					input.clone(),
					signed(keys, &payload)
				),
				Error::<Test>::UnknownKey
			);
		}
		// Director signatures on another payload (another manufacturer's) do not verify.
		let elsewhere = SoftwareUpdates::campaign_payload(&OTHER_MAKER, next_nonce(), &input);
		assert_noop!(
			SoftwareUpdates::create_campaign(
				origin(RELAY),
				MAKER,
				input,
				signed(&DIRECTOR_KEYS[..2], &elsewhere)
			),
			Error::<Test>::BadSignature
		);
	});
}

#[test]
fn the_director_cancels_a_campaign() {
	ExtBuilder::default().build_and_execute(|| {
		repository_with_images();
		let id = create_campaign(&bundle());
		System::reset_events();

		cancel_campaign(id);

		assert!(Campaigns::<Test>::get(MAKER, id).unwrap().cancelled);
		assert_eq!(repository().nonce, 2);
		assert!(SoftwareUpdates::campaigns_for(VEHICLE_1).is_empty());
		// The deposit stays until the manufacturer removes the campaign.
		assert_eq!(held(HoldReason::Repository, MAKER), repository_hold(2, 1));
		assert_eq!(events(), vec![Event::CampaignCancelled { manufacturer: MAKER, campaign: id }]);
	});
}

#[test]
fn a_campaign_may_be_cancelled_during_a_freeze() {
	ExtBuilder::default().build_and_execute(|| {
		repository_with_images();
		let id = create_campaign(&bundle());
		run_to_block(ROOT_EXPIRY + 1);

		cancel_campaign(id);

		assert!(Campaigns::<Test>::get(MAKER, id).unwrap().cancelled);
	});
}

#[test]
fn cancel_campaign_refuses_unknown_ended_or_unsigned_campaigns() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			SoftwareUpdates::cancel_campaign(origin(RELAY), OTHER_MAKER, 0, Default::default()),
			Error::<Test>::UnknownRepository
		);
		repository_with_images();
		assert_noop!(
			SoftwareUpdates::cancel_campaign(origin(RELAY), MAKER, 0, cancel_signatures(0)),
			Error::<Test>::UnknownCampaign
		);
		let id = create_campaign(&bundle());
		let payload = SoftwareUpdates::cancel_campaign_payload(&MAKER, next_nonce(), id);
		assert_noop!(
			SoftwareUpdates::cancel_campaign(
				origin(RELAY),
				MAKER,
				id,
				signed(&DIRECTOR_KEYS[..1], &payload)
			),
			Error::<Test>::BelowThreshold
		);
		assert_noop!(
			SoftwareUpdates::cancel_campaign(
				origin(RELAY),
				MAKER,
				id,
				signed(&TARGETS_KEYS, &payload)
			),
			Error::<Test>::UnknownKey
		);
		cancel_campaign(id);
		assert_noop!(
			SoftwareUpdates::cancel_campaign(origin(RELAY), MAKER, id, cancel_signatures(id)),
			Error::<Test>::CampaignEnded
		);
	});
}

#[test]
fn the_manufacturer_removes_a_cancelled_campaign() {
	ExtBuilder::default().build_and_execute(|| {
		repository_with_images();
		let id = create_campaign(&bundle());
		cancel_campaign(id);
		System::reset_events();

		assert_ok!(SoftwareUpdates::remove_campaign(origin(MAKER), id));

		assert!(Campaigns::<Test>::get(MAKER, id).is_none());
		let stored = repository();
		assert_eq!((stored.campaigns, stored.next_campaign), (0, 1));
		assert_eq!(campaigns_of(brake_v1().hash), 0);
		assert_eq!(campaigns_of(engine_v1().hash), 0);
		assert_eq!(held(HoldReason::Repository, MAKER), repository_hold(2, 0));
		assert_eq!(free(MAKER), BALANCE - repository_hold(2, 0));
		assert_eq!(events(), vec![Event::CampaignRemoved { manufacturer: MAKER, campaign: id }]);
	});
}

#[test]
fn campaign_expiry_at_the_exact_block() {
	ExtBuilder::default().build_and_execute(|| {
		repository_with_images();
		let id = create_campaign(&bundle());

		run_to_block(CAMPAIGN_EXPIRY);
		assert_eq!(
			SoftwareUpdates::campaigns_for(VEHICLE_1)
				.into_iter()
				.map(|(id, _)| id)
				.collect::<Vec<_>>(),
			vec![id]
		);
		assert_noop!(
			SoftwareUpdates::remove_campaign(origin(MAKER), id),
			Error::<Test>::CampaignLive
		);

		run_to_block(CAMPAIGN_EXPIRY + 1);
		assert!(SoftwareUpdates::campaigns_for(VEHICLE_1).is_empty());
		assert_ok!(SoftwareUpdates::remove_campaign(origin(MAKER), id));
		assert_eq!(held(HoldReason::Repository, MAKER), repository_hold(2, 0));
	});
}

#[test]
fn remove_campaign_refuses_live_unknown_or_others_campaigns() {
	ExtBuilder::default().build_and_execute(|| {
		repository_with_images();
		let id = create_campaign(&bundle());
		assert_noop!(
			SoftwareUpdates::remove_campaign(origin(MAKER), id),
			Error::<Test>::CampaignLive
		);
		assert_noop!(
			SoftwareUpdates::remove_campaign(origin(MAKER), id + 1),
			Error::<Test>::UnknownCampaign
		);
		cancel_campaign(id);
		// Only the manufacturer removes its campaigns: the relay, the owner and another
		// manufacturer have no repository of their own.
		for who in [RELAY, OWNER, OTHER_MAKER] {
			assert_noop!(
				SoftwareUpdates::remove_campaign(origin(who), id),
				Error::<Test>::UnknownRepository
			);
		}
	});
}

#[test]
fn an_image_in_a_campaign_is_pruned_only_after_the_campaign_goes() {
	ExtBuilder::default().build_and_execute(|| {
		repository_with_images();
		let id = create_campaign(&campaign(vec![target(&brake_v1(), BRAKE)]));
		add_target(&brake_v2());
		assert_noop!(
			SoftwareUpdates::prune_image(origin(MAKER), brake_v1().hash),
			Error::<Test>::InCampaign
		);
		cancel_campaign(id);
		assert_ok!(SoftwareUpdates::remove_campaign(origin(MAKER), id));
		assert_ok!(SoftwareUpdates::prune_image(origin(MAKER), brake_v1().hash));
		assert!(Images::<Test>::get(MAKER, brake_v1().hash).is_none());
	});
}

#[test]
fn a_selector_matches_the_model_prefix_and_the_serial_range_inclusive() {
	let vin = Vin(*b"1HGCM82633A000005");
	assert!(selects(&selector(MODEL, None), &vin));
	assert!(selects(&selector(b"1HG", None), &vin));
	assert!(!selects(&selector(b"1HGCM827", None), &vin));
	assert!(selects(&selector(MODEL, Some((*b"000005", *b"000009"))), &vin));
	assert!(selects(&selector(MODEL, Some((*b"000001", *b"000005"))), &vin));
	assert!(!selects(&selector(MODEL, Some((*b"000006", *b"000009"))), &vin));
	assert!(!selects(&selector(MODEL, Some((*b"000001", *b"000004"))), &vin));
	assert!(!selects(&selector(b"WVW", Some((*b"000001", *b"000009"))), &vin));
}
