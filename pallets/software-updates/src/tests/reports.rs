//! Installation reports: the vehicle's device commits, the owner (whoever owns the car at the
//! reveal) reveals, checked against the repository and the campaign's bundle.

use polkadot_sdk::frame_support::{assert_noop, assert_ok, traits::fungible::Mutate};
use v2x_primitives::testing::MockVehicles;

use super::{
	campaigns::{
		brake_v1, brake_v2, bundle, bundle_campaign, campaign, create_campaign, engine_v1,
		repository_with_images, rxswin, selector, target, MODEL,
	},
	*,
};
use v2x_primitives::VehicleId;

use crate::{
	CampaignId, Error, Event, ManifestOf, Report, ReportIndex, Reports, RevealedInstallation,
	VehicleReports,
};

/// The salt the devices blind their manifests with.
pub(crate) const SALT: [u8; 32] = [7; 32];

/// A manifest completing `campaign` with `images` (hardware id, hash).
pub(crate) fn manifest(campaign: Option<CampaignId>, images: &[(&[u8], H256)]) -> ManifestOf<Test> {
	ManifestOf::<Test> {
		campaign,
		images: images
			.iter()
			.map(|(hardware_id, hash)| (hw(hardware_id), *hash))
			.collect::<Vec<_>>()
			.try_into()
			.unwrap(),
	}
}

/// `brake_v1` and `engine_v1` installed, completing campaign 0 (`bundle`).
pub(crate) fn installed_bundle() -> ManifestOf<Test> {
	manifest(Some(0), &[(BRAKE, brake_v1().hash), (ENGINE, engine_v1().hash)])
}

/// `device` reports `vehicle`'s `manifest`, blinded with `SALT`; returns the report's index.
pub(crate) fn report(device: u64, vehicle: VehicleId, manifest: &ManifestOf<Test>) -> ReportIndex {
	let next = Reports::<Test>::get(vehicle).map_or(0, |reports| reports.next);
	let commitment = SoftwareUpdates::report_commitment(vehicle, &SALT, manifest);
	assert_ok!(SoftwareUpdates::report_installation(origin(device), vehicle, commitment));
	next
}

/// `who` reveals report `index` of `vehicle` with `SALT` and `manifest`.
pub(crate) fn reveal(
	who: u64,
	vehicle: VehicleId,
	index: ReportIndex,
	manifest: ManifestOf<Test>,
) -> polkadot_sdk::sp_runtime::DispatchResult {
	SoftwareUpdates::reveal_report(origin(who), vehicle, index, SALT, manifest)
}

#[test]
fn a_device_reports_an_installation() {
	ExtBuilder::default().build_and_execute(|| {
		let commitment = SoftwareUpdates::report_commitment(VEHICLE_1, &SALT, &installed_bundle());

		assert_ok!(SoftwareUpdates::report_installation(origin(DEVICE_1), VEHICLE_1, commitment));

		assert_eq!(
			Reports::<Test>::get(VEHICLE_1),
			Some(VehicleReports {
				depositor: DEVICE_1,
				deposit: REPORT_DEPOSIT,
				next: 1,
				reports: vec![Report { index: 0, commitment, at: 1 }].try_into().unwrap(),
				revealed: None,
			})
		);
		assert_eq!(held(HoldReason::Reports, DEVICE_1), REPORT_DEPOSIT);
		assert_eq!(free(DEVICE_1), BALANCE - REPORT_DEPOSIT);
		// The event says a report was made, never what the car runs.
		assert_eq!(
			events(),
			vec![Event::InstallationReported { vehicle: VEHICLE_1, report: 0, commitment }]
		);
	});
}

#[test]
fn a_vehicle_keeps_its_newest_reports_for_one_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		for block in 1..=(MAX_REPORTS as u64 + 1) {
			run_to_block(block);
			let installed = manifest(None, &[(BRAKE, H256::repeat_byte(block as u8))]);
			report(DEVICE_1, VEHICLE_1, &installed);
		}

		let reports = Reports::<Test>::get(VEHICLE_1).unwrap();
		assert_eq!(reports.next, MAX_REPORTS + 1);
		let kept: Vec<_> = reports.reports.iter().map(|report| (report.index, report.at)).collect();
		assert_eq!(kept, vec![(1, 2), (2, 3), (3, 4), (4, 5)]);
		assert_eq!(held(HoldReason::Reports, DEVICE_1), REPORT_DEPOSIT);
	});
}

#[test]
fn only_the_vehicles_device_reports() {
	ExtBuilder::default().build_and_execute(|| {
		let commitment = SoftwareUpdates::report_commitment(VEHICLE_1, &SALT, &installed_bundle());
		// Another vehicle's device, the owner, the manufacturer and a relay.
		for who in [DEVICE_2, OWNER, MAKER, RELAY] {
			assert_noop!(
				SoftwareUpdates::report_installation(origin(who), VEHICLE_1, commitment),
				Error::<Test>::NotVehicleDevice
			);
		}
		// A device reports for its own vehicle only.
		assert_noop!(
			SoftwareUpdates::report_installation(origin(DEVICE_1), VEHICLE_2, commitment),
			Error::<Test>::NotVehicleDevice
		);
	});
}

#[test]
fn a_commitment_is_reported_once() {
	ExtBuilder::default().build_and_execute(|| {
		let installed = installed_bundle();
		report(DEVICE_1, VEHICLE_1, &installed);
		let commitment = SoftwareUpdates::report_commitment(VEHICLE_1, &SALT, &installed);
		assert_noop!(
			SoftwareUpdates::report_installation(origin(DEVICE_1), VEHICLE_1, commitment),
			Error::<Test>::DuplicateReport
		);
	});
}

#[test]
fn a_stolen_cars_device_may_still_report() {
	ExtBuilder::default().build_and_execute(|| {
		MockVehicles::update(VEHICLE_1, |v| v.status = v2x_primitives::VehicleStatus::Stolen);

		assert_eq!(report(DEVICE_1, VEHICLE_1, &installed_bundle()), 0);

		assert_eq!(Reports::<Test>::get(VEHICLE_1).unwrap().next, 1);
		assert_eq!(held(HoldReason::Reports, DEVICE_1), REPORT_DEPOSIT);
	});
}

#[test]
fn the_owner_reveals_an_installation_completing_a_campaign() {
	ExtBuilder::default().build_and_execute(|| {
		bundle_campaign();
		let index = report(DEVICE_1, VEHICLE_1, &installed_bundle());
		run_to_block(5);
		System::reset_events();

		assert_ok!(reveal(OWNER, VEHICLE_1, index, installed_bundle()));

		assert_eq!(
			SoftwareUpdates::installation(VEHICLE_1),
			Some(RevealedInstallation {
				report: index,
				reported_at: 1,
				revealed_at: 5,
				campaign: Some(0),
				rxswin: Some(rxswin()),
				images: installed_bundle().images,
			})
		);
		// The report stays: only `revealed` is new.
		assert_eq!(Reports::<Test>::get(VEHICLE_1).unwrap().reports.len(), 1);
		assert_eq!(held(HoldReason::Reports, DEVICE_1), REPORT_DEPOSIT);
		assert_eq!((free(OWNER), held(HoldReason::Reports, OWNER)), (BALANCE, 0));
		assert_eq!(
			events(),
			vec![Event::InstallationRevealed {
				vehicle: VEHICLE_1,
				report: index,
				campaign: Some(0),
				rxswin: Some(rxswin()),
			}]
		);
	});
}

#[test]
fn an_installation_outside_campaigns_has_no_rxswin() {
	ExtBuilder::default().build_and_execute(|| {
		repository_with_images();
		let installed = manifest(None, &[(BRAKE, brake_v1().hash)]);
		let index = report(DEVICE_1, VEHICLE_1, &installed);

		assert_ok!(reveal(OWNER, VEHICLE_1, index, installed));

		let revealed = SoftwareUpdates::installation(VEHICLE_1).unwrap();
		assert_eq!((revealed.campaign, revealed.rxswin), (None, None));
		assert_eq!(
			last_event(),
			Event::InstallationRevealed {
				vehicle: VEHICLE_1,
				report: index,
				campaign: None,
				rxswin: None
			}
		);
	});
}

#[test]
fn a_later_reveal_replaces_the_revealed_installation() {
	ExtBuilder::default().build_and_execute(|| {
		bundle_campaign();
		let before = manifest(None, &[(BRAKE, brake_v1().hash)]);
		let first = report(DEVICE_1, VEHICLE_1, &before);
		let second = report(DEVICE_1, VEHICLE_1, &installed_bundle());
		assert_ok!(reveal(OWNER, VEHICLE_1, first, before.clone()));

		assert_ok!(reveal(OWNER, VEHICLE_1, second, installed_bundle()));

		let revealed = SoftwareUpdates::installation(VEHICLE_1).unwrap();
		assert_eq!((revealed.report, revealed.campaign), (second, Some(0)));
		// The passport never goes back to the older installation; the same report again is fine.
		assert_noop!(reveal(OWNER, VEHICLE_1, first, before), Error::<Test>::OlderThanRevealed);
		assert_ok!(reveal(OWNER, VEHICLE_1, second, installed_bundle()));
	});
}

#[test]
fn partial_bundle_report_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		bundle_campaign();
		// The brake ECUs updated, the engine ECUs not: the campaign is not complete.
		let partial = manifest(Some(0), &[(BRAKE, brake_v1().hash)]);
		let index = report(DEVICE_1, VEHICLE_1, &partial);

		assert_noop!(reveal(OWNER, VEHICLE_1, index, partial), Error::<Test>::PartialBundle);
		assert_eq!(SoftwareUpdates::installation(VEHICLE_1), None);
	});
}

#[test]
fn mixed_bundle_report_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		bundle_campaign();
		// A newer brake image mixed with the campaign's engine image (Uptane's mix-and-match
		// attack): both are the repository's, but not the bundle the director approved.
		add_target(&brake_v2());
		let mixed = manifest(Some(0), &[(BRAKE, brake_v2().hash), (ENGINE, engine_v1().hash)]);
		let index = report(DEVICE_1, VEHICLE_1, &mixed);

		assert_noop!(reveal(OWNER, VEHICLE_1, index, mixed), Error::<Test>::MixedBundle);
		assert_eq!(SoftwareUpdates::installation(VEHICLE_1), None);
	});
}

#[test]
fn a_bundle_with_more_ecus_than_the_campaign_completes_it() {
	ExtBuilder::default().build_and_execute(|| {
		repository_with_images();
		create_campaign(&campaign(vec![target(&brake_v1(), BRAKE)]));
		let installed = manifest(Some(0), &[(ENGINE, engine_v1().hash), (BRAKE, brake_v1().hash)]);
		let index = report(DEVICE_1, VEHICLE_1, &installed);

		assert_ok!(reveal(OWNER, VEHICLE_1, index, installed));
		assert_eq!(SoftwareUpdates::installation(VEHICLE_1).unwrap().rxswin, Some(rxswin()));
	});
}

#[test]
fn only_the_owner_reveals() {
	ExtBuilder::default().build_and_execute(|| {
		bundle_campaign();
		let index = report(DEVICE_1, VEHICLE_1, &installed_bundle());
		// The device knows the salt, but the owner decides what the chain publishes.
		for who in [DEVICE_1, MAKER, RELAY, BUYER] {
			assert_noop!(
				reveal(who, VEHICLE_1, index, installed_bundle()),
				Error::<Test>::NotOwner
			);
		}
	});
}

#[test]
fn a_report_made_before_a_sale_is_revealed_by_the_new_owner() {
	ExtBuilder::default().build_and_execute(|| {
		bundle_campaign();
		let index = report(DEVICE_1, VEHICLE_1, &installed_bundle());
		MockVehicles::update(VEHICLE_1, |v| v.owner = BUYER);

		assert_noop!(reveal(OWNER, VEHICLE_1, index, installed_bundle()), Error::<Test>::NotOwner);
		assert_ok!(reveal(BUYER, VEHICLE_1, index, installed_bundle()));

		assert_eq!(SoftwareUpdates::installation(VEHICLE_1).unwrap().report, index);
		// The deposit stays with the device that made the first report.
		assert_eq!(held(HoldReason::Reports, DEVICE_1), REPORT_DEPOSIT);
		assert_eq!(held(HoldReason::Reports, BUYER), 0);
	});
}

#[test]
fn reveal_refuses_unknown_reports_and_wrong_openings() {
	ExtBuilder::default().build_and_execute(|| {
		bundle_campaign();
		// No report at all for vehicle 2.
		assert_noop!(reveal(OWNER, VEHICLE_2, 0, installed_bundle()), Error::<Test>::UnknownReport);
		let index = report(DEVICE_1, VEHICLE_1, &installed_bundle());
		assert_noop!(
			reveal(OWNER, VEHICLE_1, index + 1, installed_bundle()),
			Error::<Test>::UnknownReport
		);
		// Another salt or another manifest does not open the commitment.
		assert_noop!(
			SoftwareUpdates::reveal_report(
				origin(OWNER),
				VEHICLE_1,
				index,
				[8; 32],
				installed_bundle()
			),
			Error::<Test>::CommitmentMismatch
		);
		let other = manifest(Some(0), &[(BRAKE, brake_v1().hash)]);
		assert_noop!(reveal(OWNER, VEHICLE_1, index, other), Error::<Test>::CommitmentMismatch);
	});
}

#[test]
fn a_report_dropped_from_the_window_cannot_be_revealed() {
	ExtBuilder::default().build_and_execute(|| {
		repository_with_images();
		let oldest = manifest(None, &[(BRAKE, brake_v1().hash)]);
		let index = report(DEVICE_1, VEHICLE_1, &oldest);
		for seed in 0..MAX_REPORTS {
			report(
				DEVICE_1,
				VEHICLE_1,
				&manifest(None, &[(BRAKE, H256::repeat_byte(0xA0 + seed as u8))]),
			);
		}

		assert_noop!(reveal(OWNER, VEHICLE_1, index, oldest), Error::<Test>::UnknownReport);
	});
}

#[test]
fn reveal_refuses_malformed_manifests() {
	ExtBuilder::default().build_and_execute(|| {
		bundle_campaign();
		let empty = manifest(None, &[]);
		let index = report(DEVICE_1, VEHICLE_1, &empty);
		assert_noop!(reveal(OWNER, VEHICLE_1, index, empty), Error::<Test>::InvalidManifest);

		let twice = manifest(None, &[(BRAKE, brake_v1().hash), (BRAKE, brake_v2().hash)]);
		let index = report(DEVICE_1, VEHICLE_1, &twice);
		assert_noop!(reveal(OWNER, VEHICLE_1, index, twice), Error::<Test>::DuplicateHardware);
	});
}

#[test]
fn reveal_refuses_software_not_in_the_repository() {
	ExtBuilder::default().build_and_execute(|| {
		bundle_campaign();
		let arbitrary = manifest(None, &[(BRAKE, H256::repeat_byte(0xEE))]);
		let index = report(DEVICE_1, VEHICLE_1, &arbitrary);
		assert_noop!(
			reveal(OWNER, VEHICLE_1, index, arbitrary),
			Error::<Test>::ImageNotInRepository
		);

		let misplaced = manifest(None, &[(ENGINE, brake_v1().hash)]);
		let index = report(DEVICE_1, VEHICLE_1, &misplaced);
		assert_noop!(reveal(OWNER, VEHICLE_1, index, misplaced), Error::<Test>::HardwareMismatch);
	});
}

#[test]
fn reveal_refuses_a_vehicle_whose_manufacturer_has_no_repository() {
	ExtBuilder::default().build_and_execute(|| {
		// `MAKER` has no repository yet.
		let installed = manifest(None, &[(BRAKE, brake_v1().hash)]);
		let index = report(DEVICE_1, VEHICLE_1, &installed);
		assert_noop!(
			reveal(OWNER, VEHICLE_1, index, installed.clone()),
			Error::<Test>::UnknownRepository
		);
		// Vehicle 4's manufacturer never has one, whatever `MAKER` has.
		repository_with_images();
		let device_4 = 104;
		assert_ok!(<Balances as Mutate<u64>>::mint_into(&device_4, BALANCE));
		MockVehicles::update(VEHICLE_4, |v| v.devices.push(device_4));
		let index = report(device_4, VEHICLE_4, &installed);
		assert_noop!(reveal(OWNER, VEHICLE_4, index, installed), Error::<Test>::UnknownRepository);
	});
}

#[test]
fn reveal_refuses_unknown_campaigns_and_vehicles_not_targeted() {
	ExtBuilder::default().build_and_execute(|| {
		repository_with_images();
		let mut first_two = bundle();
		first_two.vehicles =
			vec![selector(MODEL, Some((*b"000001", *b"000002")))].try_into().unwrap();
		create_campaign(&first_two);

		let unknown = manifest(Some(1), &[(BRAKE, brake_v1().hash), (ENGINE, engine_v1().hash)]);
		let index = report(DEVICE_1, VEHICLE_1, &unknown);
		assert_noop!(reveal(OWNER, VEHICLE_1, index, unknown), Error::<Test>::UnknownCampaign);

		// Vehicle 3 (serial 000003) lies outside the campaign's serials; vehicle 2 within.
		let index = report(DEVICE_3, VEHICLE_3, &installed_bundle());
		assert_noop!(
			reveal(OWNER, VEHICLE_3, index, installed_bundle()),
			Error::<Test>::VehicleNotTargeted
		);
		let index = report(DEVICE_2, VEHICLE_2, &installed_bundle());
		assert_ok!(reveal(OWNER, VEHICLE_2, index, installed_bundle()));
	});
}
