//! What vehicles and apps read: `check_image`'s verdicts in the spec's order, the campaigns
//! for a vehicle, its revealed installation and its passport section.

use polkadot_sdk::frame_support::assert_ok;
use v2x_primitives::{InstalledImage, SoftwareSection};

use super::{
	campaigns::{
		brake_v1, brake_v2, bundle, bundle_campaign, cancel_campaign, create_campaign, engine_v1,
		repository_with_images, rxswin, selector, MODEL,
	},
	reports::{installed_bundle, manifest, report, reveal},
	*,
};
use crate::{
	runtime_api::{CampaignView, InstallationView, RepositoryView, RoleView},
	ImageStatus,
};

/// What `VEHICLE_1` is told about `image` offered for `hardware_id` over `installed`.
fn check(hardware_id: &[u8], image: &TargetInputOf<Test>, installed: Option<u32>) -> ImageStatus {
	SoftwareUpdates::check_image(VEHICLE_1, hw(hardware_id), image.hash, installed)
}

#[test]
fn check_image_says_current_for_the_newest_image() {
	ExtBuilder::default().build_and_execute(|| {
		repository_with_images();
		assert_eq!(check(BRAKE, &brake_v1(), None), ImageStatus::Current { release_counter: 1 });
		// Re-offering what is installed is no rollback.
		assert_eq!(check(BRAKE, &brake_v1(), Some(1)), ImageStatus::Current { release_counter: 1 });
	});
}

#[test]
fn check_image_says_rolled_back_and_superseded() {
	ExtBuilder::default().build_and_execute(|| {
		repository_with_images();
		add_target(&brake_v2());

		// Below what the ECU runs: a rollback, whatever else holds.
		assert_eq!(
			check(BRAKE, &brake_v1(), Some(2)),
			ImageStatus::RolledBack { installed: 2, offered: 1 }
		);
		assert_eq!(
			check(BRAKE, &brake_v2(), Some(3)),
			ImageStatus::RolledBack { installed: 3, offered: 2 }
		);
		// Not below it, but a newer release exists.
		assert_eq!(check(BRAKE, &brake_v1(), Some(1)), ImageStatus::Superseded { latest: 2 });
		assert_eq!(check(BRAKE, &brake_v1(), None), ImageStatus::Superseded { latest: 2 });
		assert_eq!(check(BRAKE, &brake_v2(), Some(1)), ImageStatus::Current { release_counter: 2 });
	});
}

#[test]
fn check_image_says_expired_after_the_root_expires() {
	ExtBuilder::default().build_and_execute(|| {
		repository_with_images();

		run_to_block(ROOT_EXPIRY);
		assert_eq!(check(BRAKE, &brake_v1(), None), ImageStatus::Current { release_counter: 1 });

		// A freeze: the vehicle trusts nothing, not even the verdict on unknown software.
		run_to_block(ROOT_EXPIRY + 1);
		assert_eq!(check(BRAKE, &brake_v1(), None), ImageStatus::Expired);
		assert_eq!(check(BRAKE, &image(b"x", &[BRAKE], 9, 9), None), ImageStatus::Expired);

		// A rotation renews the root.
		let mut renewed = default_root();
		renewed.version = 2;
		renewed.expires_at = 2 * ROOT_EXPIRY;
		renewed.root = role(&NEW_ROOT_KEYS, 2);
		let payload = SoftwareUpdates::root_payload(&MAKER, &renewed);
		assert_ok!(SoftwareUpdates::rotate_root(
			origin(RELAY),
			MAKER,
			renewed,
			signed(&ROOT_KEYS[..2], &payload),
			signed(&NEW_ROOT_KEYS[..2], &payload)
		));
		assert_eq!(check(BRAKE, &brake_v1(), None), ImageStatus::Current { release_counter: 1 });
	});
}

#[test]
fn check_image_names_unknown_vehicles_repositories_software_and_hardware() {
	ExtBuilder::default().build_and_execute(|| {
		let brake = brake_v1();
		assert_eq!(
			SoftwareUpdates::check_image(99, hw(BRAKE), brake.hash, None),
			ImageStatus::UnknownVehicle
		);
		assert_eq!(check(BRAKE, &brake, None), ImageStatus::NoRepository);
		repository_with_images();
		// Vehicle 4's manufacturer has no repository, whatever `MAKER` has.
		assert_eq!(
			SoftwareUpdates::check_image(VEHICLE_4, hw(BRAKE), brake.hash, None),
			ImageStatus::NoRepository
		);
		assert_eq!(check(BRAKE, &image(b"x", &[BRAKE], 9, 9), None), ImageStatus::NotInRepository);
		assert_eq!(check(ENGINE, &brake, None), ImageStatus::WrongHardware);
		// Hardware comes before the release: a stale image for other hardware is still wrong.
		add_target(&brake_v2());
		assert_eq!(check(ENGINE, &brake, Some(5)), ImageStatus::WrongHardware);
	});
}

#[test]
fn campaigns_for_lists_the_live_campaigns_selecting_the_vehicle() {
	ExtBuilder::default().build_and_execute(|| {
		repository_with_images();
		let everyone = create_campaign(&bundle());
		let mut later_serials = bundle();
		later_serials.vehicles =
			vec![selector(MODEL, Some((*b"000002", *b"000003")))].try_into().unwrap();
		let later = create_campaign(&later_serials);
		let cancelled = create_campaign(&bundle());
		cancel_campaign(cancelled);

		let ids = |vehicle| {
			SoftwareUpdates::campaigns_for(vehicle)
				.into_iter()
				.map(|(id, _)| id)
				.collect::<Vec<_>>()
		};
		assert_eq!(ids(VEHICLE_1), vec![everyone]);
		assert_eq!(ids(VEHICLE_2), vec![everyone, later]);
		assert_eq!(ids(VEHICLE_3), vec![everyone, later]);
		assert!(ids(VEHICLE_4).is_empty());
		assert!(ids(99).is_empty());
		let (_, first) = SoftwareUpdates::campaigns_for(VEHICLE_1).remove(0);
		assert_eq!(
			CampaignView::from(first),
			CampaignView {
				targets: bundle().targets.into_inner(),
				vehicles: bundle().vehicles.into_inner(),
				rxswin: rxswin(),
				expires_at: bundle().expires_at,
				created_at: 1,
				cancelled: false,
			}
		);
	});
}

#[test]
fn the_installation_and_the_passport_section_show_the_revealed_report() {
	ExtBuilder::default().build_and_execute(|| {
		bundle_campaign();
		assert_eq!(SoftwareUpdates::passport_section(VEHICLE_1), None);
		let index = report(DEVICE_1, VEHICLE_1, &installed_bundle());
		// A report not revealed shows nothing.
		assert_eq!(SoftwareUpdates::passport_section(VEHICLE_1), None);
		assert_eq!(SoftwareUpdates::installation(VEHICLE_1), None);
		run_to_block(3);
		report(DEVICE_1, VEHICLE_1, &manifest(None, &[(BRAKE, brake_v1().hash)]));
		assert_ok!(reveal(OWNER, VEHICLE_1, index, installed_bundle()));

		let images = |brake_current| {
			vec![
				InstalledImage {
					hardware_id: BRAKE.to_vec(),
					hash: brake_v1().hash.0,
					current: brake_current,
				},
				InstalledImage {
					hardware_id: ENGINE.to_vec(),
					hash: engine_v1().hash.0,
					current: true,
				},
			]
		};
		let section = |brake_current| SoftwareSection {
			campaign: Some(0),
			rxswin: Some(rxswin().into_inner()),
			reported_at: 1,
			revealed_at: 3,
			images: images(brake_current),
			reports: 2,
		};
		assert_eq!(SoftwareUpdates::passport_section(VEHICLE_1), Some(section(true)));
		assert_eq!(
			SoftwareUpdates::installation(VEHICLE_1).map(InstallationView::from),
			Some(InstallationView {
				report: index,
				reported_at: 1,
				revealed_at: 3,
				campaign: Some(0),
				rxswin: Some(rxswin()),
				images: installed_bundle().images.into_inner(),
			})
		);

		// A newer brake release: the installed one is no longer current.
		add_target(&brake_v2());
		assert_eq!(SoftwareUpdates::passport_section(VEHICLE_1), Some(section(false)));
	});
}

#[test]
fn the_repository_view_shows_the_root_and_the_counts() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(SoftwareUpdates::repository_view(MAKER), None);
		bundle_campaign();
		let role_view = |keys: &[u64], threshold| RoleView { keys: keys.to_vec(), threshold };
		assert_eq!(
			SoftwareUpdates::repository_view(MAKER),
			Some(RepositoryView {
				version: 1,
				expires_at: ROOT_EXPIRY,
				root: role_view(&ROOT_KEYS, 2),
				targets: role_view(&TARGETS_KEYS, 2),
				director: role_view(&DIRECTOR_KEYS, 2),
				nonce: 1,
				images: 2,
				delegations: 0,
				revoked_keys: 0,
				campaigns: 1,
				next_delegation: 0,
				next_campaign: 1,
			})
		);
	});
}
