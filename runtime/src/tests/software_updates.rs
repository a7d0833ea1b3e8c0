//! Software updates with the real identity pallet and the runtime's MultiSignature: the dev
//! preset's repository, campaign and revealed report; a root rotation signed with real sr25519
//! keys (a forged signature refused); a report made before a sale revealed by the buyer; and
//! scrapping clearing a car's reports.

use super::{account, dev_chain, road_keys::account_of, road_keys::pair, run_to_block, signed};
use crate::{AccountId, Balances, Runtime, RuntimeOrigin, SoftwareUpdates, VehicleIdentity, UNIT};
use pallet_software_updates::{
	Campaigns, Error, Event, HoldReason, ImageStatus, Manifest, Reports, Repositories, RootHistory,
	SignaturesOf,
};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold, BoundedVec},
	sp_core::{Pair, H256},
	sp_keyring::Sr25519Keyring::{Alice, Bob, Ferdie},
	sp_runtime::MultiSignature,
};
use v2x_primitives::VehicleRegistry;

/// The dev preset's car with a reporting primary ECU, and its campaign.
const CAR: u64 = 0;
const CAMPAIGN: u32 = 0;

fn held(reason: HoldReason, who: &AccountId) -> u128 {
	Balances::balance_on_hold(&crate::RuntimeHoldReason::SoftwareUpdates(reason), who)
}

fn events() -> Vec<Event<Runtime>> {
	crate::System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			crate::RuntimeEvent::SoftwareUpdates(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// `uris`' sr25519 signatures on `payload`.
fn signed_by(uris: &[&str], payload: &[u8]) -> SignaturesOf<Runtime> {
	let list = uris
		.iter()
		.map(|uri| (account_of(uri), MultiSignature::Sr25519(pair(uri).sign(payload))))
		.collect::<Vec<_>>();
	BoundedVec::truncate_from(list)
}

/// Car 0's installation of campaign 0 (the preset's images), as its ECU commits it.
fn campaign_manifest() -> Manifest<<Runtime as pallet_software_updates::Config>::MaxEcus> {
	let campaign = Campaigns::<Runtime>::get(account(Ferdie), CAMPAIGN).unwrap();
	let images = campaign.targets.iter().map(|t| (t.hardware_id.clone(), t.hash)).collect();
	Manifest { campaign: Some(CAMPAIGN), images: BoundedVec::truncate_from(images) }
}

fn assert_invariants() {
	assert_eq!(VehicleIdentity::do_try_state(), Ok(()));
	assert_eq!(SoftwareUpdates::do_try_state(), Ok(()));
}

#[test]
fn the_dev_preset_has_a_repository_a_campaign_and_car_0s_revealed_report() {
	dev_chain(|| {
		let maker = account(Ferdie);
		let repository = Repositories::<Runtime>::get(&maker).unwrap();
		assert_eq!(repository.root.version, 1);
		assert_eq!(repository.root.root.keys.to_vec(), vec![account_of("//OtaRoot")]);
		assert_eq!(repository.root.targets.keys.to_vec(), vec![account_of("//OtaTargets")]);
		assert_eq!(repository.root.director.keys.to_vec(), vec![account_of("//OtaDirector")]);
		assert_eq!((repository.images, repository.campaigns), (2, 1));
		assert_eq!(
			RootHistory::<Runtime>::get(&maker, 1),
			Some(SoftwareUpdates::root_hash(&repository.root))
		);
		// 10 V2X for the repository, 0.5 per image, 2 for the campaign.
		assert_eq!(held(HoldReason::Repository, &maker), 10 * UNIT + UNIT + 2 * UNIT);

		let ecu = account_of("//Ecu0");
		assert_eq!(VehicleIdentity::vehicle_of_device(&ecu), Some(CAR));
		let reports = Reports::<Runtime>::get(CAR).unwrap();
		assert_eq!(reports.depositor, ecu);
		assert_eq!(held(HoldReason::Reports, &ecu), UNIT);
		let salt = [0x5a; 32];
		assert_eq!(
			reports.reports.first().map(|r| r.commitment),
			Some(SoftwareUpdates::report_commitment(CAR, &salt, &campaign_manifest()))
		);

		let passport =
			crate::passport::vehicle_passport(v2x_primitives::VehicleRef::Id(CAR), None).unwrap();
		let software = passport.software.unwrap();
		assert_eq!(software.rxswin, Some(b"R156-5YJ3-2026.11".to_vec()));
		assert_eq!(software.campaign, Some(CAMPAIGN));
		assert!(software.images.iter().all(|image| image.current));
		let bms = campaign_manifest().images[0].clone();
		assert_eq!(
			SoftwareUpdates::check_image(CAR, bms.0, bms.1, None),
			ImageStatus::Current { release_counter: 3 }
		);
		// Bob's car is another model: campaign 0 is not for it.
		assert!(SoftwareUpdates::campaigns_for(1).is_empty());
		assert_eq!(SoftwareUpdates::campaigns_for(CAR).len(), 1);
		assert_invariants();
	});
}

#[test]
fn a_root_rotation_signed_with_real_keys_lands_and_a_forged_signature_is_refused() {
	dev_chain(|| {
		let maker = account(Ferdie);
		let mut new_root = Repositories::<Runtime>::get(&maker).unwrap().root;
		new_root.version = 2;
		new_root.root.keys = BoundedVec::truncate_from(vec![account_of("//OtaRoot2")]);
		let payload = SoftwareUpdates::root_payload(&maker, &new_root);

		// The old key signs something else: its signature does not verify.
		let forged = signed_by(&["//OtaRoot"], b"another root");
		assert_noop!(
			SoftwareUpdates::rotate_root(
				signed(Bob),
				maker.clone(),
				new_root.clone(),
				forged,
				signed_by(&["//OtaRoot2"], &payload),
			),
			Error::<Runtime>::BadSignature
		);
		// The new key alone is not the old root's threshold.
		assert_noop!(
			SoftwareUpdates::rotate_root(
				signed(Bob),
				maker.clone(),
				new_root.clone(),
				BoundedVec::new(),
				signed_by(&["//OtaRoot2"], &payload),
			),
			Error::<Runtime>::BelowThreshold
		);

		// Any account relays it; the manufacturer pays the root version's deposit.
		let before = held(HoldReason::Repository, &maker);
		assert_ok!(SoftwareUpdates::rotate_root(
			signed(Bob),
			maker.clone(),
			new_root.clone(),
			signed_by(&["//OtaRoot"], &payload),
			signed_by(&["//OtaRoot2"], &payload),
		));
		assert_eq!(Repositories::<Runtime>::get(&maker).unwrap().root, new_root);
		assert_eq!(
			RootHistory::<Runtime>::get(&maker, 2),
			Some(SoftwareUpdates::root_hash(&new_root))
		);
		assert_eq!(held(HoldReason::Repository, &maker), before + UNIT / 10);
		assert!(events().contains(&Event::RootRotated {
			manufacturer: maker,
			version: 2,
			root_hash: SoftwareUpdates::root_hash(&new_root),
		}));
		assert_invariants();
	});
}

#[test]
fn a_report_made_before_a_sale_is_revealed_by_the_buyer_not_the_seller() {
	dev_chain(|| {
		run_to_block(5);
		let ecu = account_of("//Ecu0");
		let salt = [7; 32];
		let commitment = SoftwareUpdates::report_commitment(CAR, &salt, &campaign_manifest());
		assert_ok!(SoftwareUpdates::report_installation(
			RuntimeOrigin::signed(ecu.clone()),
			CAR,
			commitment
		));
		assert!(events().contains(&Event::InstallationReported {
			vehicle: CAR,
			report: 1,
			commitment
		}));

		assert_ok!(VehicleIdentity::offer_sale(signed(Alice), CAR, account(Bob), None, 100));
		assert_ok!(VehicleIdentity::accept_offer(signed(Bob), CAR, 0));
		// The sale unbound the ECU; its reports stay with the car.
		assert_eq!(VehicleIdentity::vehicle_of_device(&ecu), None);
		assert_eq!(Reports::<Runtime>::get(CAR).unwrap().next, 2);

		assert_noop!(
			SoftwareUpdates::reveal_report(signed(Alice), CAR, 1, salt, campaign_manifest()),
			Error::<Runtime>::NotOwner
		);
		assert_noop!(
			SoftwareUpdates::report_installation(RuntimeOrigin::signed(ecu), CAR, H256::zero()),
			Error::<Runtime>::NotVehicleDevice
		);
		assert_ok!(SoftwareUpdates::reveal_report(signed(Bob), CAR, 1, salt, campaign_manifest()));
		let revealed = Reports::<Runtime>::get(CAR).unwrap().revealed.unwrap();
		assert_eq!((revealed.report, revealed.revealed_at), (1, 5));
		assert_invariants();
	});
}

#[test]
fn scrapping_the_car_clears_its_reports_and_refunds_the_ecu() {
	dev_chain(|| {
		let ecu = account_of("//Ecu0");
		let free = Balances::free_balance(&ecu);
		assert_ok!(VehicleIdentity::scrap_vehicle(signed(Alice), CAR));
		assert_eq!(Reports::<Runtime>::get(CAR), None);
		assert_eq!(held(HoldReason::Reports, &ecu), 0);
		assert_eq!(Balances::free_balance(&ecu), free + UNIT);
		assert!(events().contains(&Event::ReportsCleared { vehicle: CAR }));
		assert_eq!(
			crate::passport::vehicle_passport(v2x_primitives::VehicleRef::Id(CAR), None)
				.unwrap()
				.software,
			None
		);
		assert_invariants();
	});
}
