//! The genesis build: a repository, its images, a campaign and a revealed report, with the
//! deposits and counts the calls would leave; invalid entries stop the build.

use crate::{
	CampaignInputOf, Campaigns, GenesisConfig, GenesisReport, Images, Latest, Reports, RootHistory,
};

use super::{
	campaigns::{brake_v1, bundle, engine_v1, rxswin},
	reports::{installed_bundle, SALT},
	*,
};

/// `MAKER`'s repository with `brake_v1`, `engine_v1`, `bundle` as campaign 0, and vehicle 1's
/// report of the installed bundle, revealed if `revealed`.
fn genesis(revealed: bool) -> GenesisConfig<Test> {
	GenesisConfig {
		repositories: vec![(MAKER, default_root())],
		images: vec![(MAKER, brake_v1()), (MAKER, engine_v1())],
		campaigns: vec![(MAKER, bundle())],
		reports: vec![GenesisReport {
			vehicle: VEHICLE_1,
			device: DEVICE_1,
			salt: SALT,
			manifest: installed_bundle(),
			revealed,
		}],
	}
}

#[test]
fn genesis_builds_a_repository_images_a_campaign_and_a_revealed_report() {
	ExtBuilder::default().with_genesis(genesis(true)).build_and_execute(|| {
		let stored = repository();
		assert_eq!(stored.root, default_root());
		assert_eq!((stored.images, stored.campaigns, stored.next_campaign), (2, 1, 1));
		// No signatures at genesis, so no nonce spent.
		assert_eq!(stored.nonce, 0);
		assert_eq!(
			RootHistory::<Test>::get(MAKER, 1),
			Some(SoftwareUpdates::root_hash(&default_root()))
		);
		for image in [brake_v1(), engine_v1()] {
			let hardware_id = image.hardware_ids[0].clone();
			assert_eq!(
				Latest::<Test>::get(MAKER, (hardware_id, image.name.clone())),
				Some((1, image.hash))
			);
			let stored = Images::<Test>::get(MAKER, image.hash).unwrap();
			assert_eq!((stored.campaigns, stored.added_at), (1, 0));
		}
		assert_eq!(Campaigns::<Test>::get(MAKER, 0).unwrap().rxswin, rxswin());
		let deposits = REPOSITORY_DEPOSIT + 2 * IMAGE_DEPOSIT + CAMPAIGN_DEPOSIT;
		assert_eq!(held(HoldReason::Repository, MAKER), deposits);
		assert_eq!(free(MAKER), BALANCE - deposits);

		let revealed = SoftwareUpdates::installation(VEHICLE_1).unwrap();
		assert_eq!((revealed.report, revealed.campaign), (0, Some(0)));
		assert_eq!((revealed.reported_at, revealed.revealed_at), (0, 0));
		assert_eq!(revealed.rxswin, Some(rxswin()));
		let reports = Reports::<Test>::get(VEHICLE_1).unwrap();
		assert_eq!(
			reports.reports[0].commitment,
			SoftwareUpdates::report_commitment(VEHICLE_1, &SALT, &installed_bundle())
		);
		assert_eq!((reports.depositor, reports.next), (DEVICE_1, 1));
		assert_eq!(held(HoldReason::Reports, DEVICE_1), REPORT_DEPOSIT);
		// Genesis emits no events.
		assert!(events().is_empty());
	});
}

#[test]
fn a_genesis_report_may_stay_unrevealed() {
	ExtBuilder::default().with_genesis(genesis(false)).build_and_execute(|| {
		assert_eq!(SoftwareUpdates::installation(VEHICLE_1), None);
		assert_eq!(Reports::<Test>::get(VEHICLE_1).unwrap().reports.len(), 1);
		assert_eq!(held(HoldReason::Reports, DEVICE_1), REPORT_DEPOSIT);
	});
}

#[test]
fn the_genesis_config_round_trips_through_json() {
	let config = genesis(true);
	let json = serde_json::to_string(&config).unwrap();
	let back: GenesisConfig<Test> = serde_json::from_str(&json).unwrap();
	assert_eq!(serde_json::to_string(&back).unwrap(), json);
}

#[test]
#[should_panic(expected = "genesis report of vehicle 1: cannot be revealed")]
fn a_genesis_report_revealing_a_partial_bundle_stops_the_build() {
	let mut config = genesis(true);
	config.reports[0].manifest.images.truncate(1);
	ExtBuilder::default().with_genesis(config).build();
}

#[test]
#[should_panic(expected = "the device is not bound to it")]
fn a_genesis_report_by_another_device_stops_the_build() {
	let mut config = genesis(false);
	config.reports[0].device = DEVICE_2;
	ExtBuilder::default().with_genesis(config).build();
}

#[test]
#[should_panic(expected = "genesis campaign")]
fn a_genesis_campaign_of_unknown_software_stops_the_build() {
	let mut config = genesis(false);
	let mut arbitrary: CampaignInputOf<Test> = bundle();
	arbitrary.targets[0].hash = H256::repeat_byte(0xEE);
	config.campaigns = vec![(MAKER, arbitrary)];
	ExtBuilder::default().with_genesis(config).build();
}

#[test]
#[should_panic(expected = "not a manufacturer")]
fn a_genesis_repository_of_a_non_manufacturer_stops_the_build() {
	let mut config = genesis(false);
	config.repositories[0].0 = RELAY;
	ExtBuilder::default().with_genesis(config).build();
}
