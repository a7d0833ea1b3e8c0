//! The timeline of a subscribed truck with a prepaid balance in a platoon: sold, stolen or
//! scrapped. Each hook leaves the money where it belongs and every later call sees it.

use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_runtime::Perbill,
};
use v2x_primitives::{
	testing::MockVehicles, OnOwnershipTransferred, OnVehicleStatusChanged, VehicleId, VehicleStatus,
};

use super::*;
use crate::{Error, PlatoonRule, Platoons, Prepaid, VehiclePlatoon};

/// Followers pay 5 a km: half of an estimated saving of 10.
const PRICE_PER_KM: u64 = 5;

/// `LEADER` (HAULIER's, served by `PROVIDER`, 500 prepaid) leads `OTHER_FOLLOWER`
/// (`OTHER_HAULIER` pays, up to 100 km: 500 held), which paid 40 km of a first segment (200).
fn truck_in_a_platoon() {
	bonded_provider(PROVIDER);
	assert_ok!(RoadUsage::set_provider(signed(HAULIER), LEADER, Some(PROVIDER)));
	assert_ok!(RoadUsage::top_up(signed(HAULIER), LEADER, 500));
	let rule = PlatoonRule { saving_per_km: 10, leader_share: Perbill::from_percent(50) };
	assert_ok!(RoadUsage::form_platoon(signed(HAULIER), LEADER, rule));
	assert_ok!(RoadUsage::join_platoon(signed(OTHER_HAULIER), 0, OTHER_FOLLOWER, 100));
	assert_ok!(RoadUsage::start_segment(signed(LEADER_DEVICE), 0, 50));
	assert_ok!(RoadUsage::attest_segment(signed(LEADER_DEVICE), 0, 40));
	assert_ok!(RoadUsage::attest_segment(signed(OTHER_FOLLOWER_DEVICE), 0, 40));
	assert_eq!(free(HAULIER), BALANCE - 500 - PLATOON_DEPOSIT + 40 * PRICE_PER_KM);
	assert_eq!(held(HoldReason::PlatoonEscrow, OTHER_HAULIER), 60 * PRICE_PER_KM);
	pass_days(2);
	System::reset_events();
}

fn set_status(vehicle: VehicleId, status: VehicleStatus) {
	MockVehicles::update(vehicle, |v| v.status = status);
	<RoadUsage as OnVehicleStatusChanged>::on_status_changed(vehicle, status);
}

/// The platoon is gone, its deposit and the follower's unspent escrow are back.
fn assert_dissolved() {
	assert!(Platoons::<Test>::get(0).is_none());
	assert!(VehiclePlatoon::<Test>::get(LEADER).is_none());
	assert!(VehiclePlatoon::<Test>::get(OTHER_FOLLOWER).is_none());
	assert_eq!(held(HoldReason::Deposit, HAULIER), 0);
	assert_eq!(held(HoldReason::PlatoonEscrow, OTHER_HAULIER), 0);
	assert_eq!(free(OTHER_HAULIER), BALANCE - 40 * PRICE_PER_KM);
}

#[test]
fn a_sold_leader_returns_the_prepaid_ends_the_service_and_dissolves_its_platoon() {
	ExtBuilder::default().build_and_execute(|| {
		truck_in_a_platoon();

		MockVehicles::update(LEADER, |v| v.owner = BUYER);
		<RoadUsage as OnOwnershipTransferred<u64>>::on_ownership_transferred(
			LEADER, &HAULIER, &BUYER,
		);

		assert_dissolved();
		assert!(Prepaid::<Test>::get(LEADER).is_none());
		assert_eq!(free(HAULIER), BALANCE + 40 * PRICE_PER_KM);
		assert_eq!(periods(LEADER), vec![(PROVIDER, today() - 2, Some(today()))]);
		assert!(RoadUsage::serves(&PROVIDER, LEADER, today()));
		assert!(!RoadUsage::serves(&PROVIDER, LEADER, today() + 1));
		let section = RoadUsage::passport_section(LEADER).unwrap();
		assert_eq!((section.platoon, section.prepaid, section.km_led), (None, 0, 40));
		assert!(events().contains(&Event::PrepaidReleased {
			vehicle: LEADER,
			owner: HAULIER,
			amount: 500
		}));
		assert!(events().contains(&Event::PlatoonDissolved { platoon: 0 }));
		// The buyer starts afresh: its own provider, prepaid and platoon.
		assert_ok!(RoadUsage::top_up(signed(BUYER), LEADER, 10));
		assert_ok!(RoadUsage::form_platoon(
			signed(BUYER),
			LEADER,
			PlatoonRule { saving_per_km: 10, leader_share: Perbill::from_percent(50) }
		));
	});
}

#[test]
fn a_stolen_follower_leaves_with_its_escrow_and_keeps_prepaid_and_provider() {
	ExtBuilder::default().build_and_execute(|| {
		truck_in_a_platoon();
		assert_ok!(RoadUsage::set_provider(signed(OTHER_HAULIER), OTHER_FOLLOWER, Some(PROVIDER)));
		assert_ok!(RoadUsage::top_up(signed(OTHER_HAULIER), OTHER_FOLLOWER, 70));

		set_status(OTHER_FOLLOWER, VehicleStatus::Stolen);

		assert!(VehiclePlatoon::<Test>::get(OTHER_FOLLOWER).is_none());
		assert!(Platoons::<Test>::get(0).unwrap().followers.is_empty());
		assert_eq!(held(HoldReason::PlatoonEscrow, OTHER_HAULIER), 0);
		assert_eq!(Prepaid::<Test>::get(OTHER_FOLLOWER).unwrap().amount, 70);
		assert!(RoadUsage::serves(&PROVIDER, OTHER_FOLLOWER, today() + 1));
		// A stolen truck joins no platoon until it is recovered.
		assert_noop!(
			RoadUsage::join_platoon(signed(OTHER_HAULIER), 0, OTHER_FOLLOWER, 10),
			Error::<Test>::VehicleNotActive
		);
		set_status(OTHER_FOLLOWER, VehicleStatus::Active);
		assert_ok!(RoadUsage::join_platoon(signed(OTHER_HAULIER), 0, OTHER_FOLLOWER, 10));
	});
}

#[test]
fn a_scrapped_leader_returns_the_prepaid_ends_the_service_and_dissolves_its_platoon() {
	ExtBuilder::default().build_and_execute(|| {
		truck_in_a_platoon();

		set_status(LEADER, VehicleStatus::Scrapped);

		assert_dissolved();
		assert!(Prepaid::<Test>::get(LEADER).is_none());
		assert_eq!(free(HAULIER), BALANCE + 40 * PRICE_PER_KM);
		assert_eq!(periods(LEADER), vec![(PROVIDER, today() - 2, Some(today()))]);
		assert_noop!(
			RoadUsage::set_provider(signed(HAULIER), LEADER, Some(PROVIDER)),
			Error::<Test>::VehicleNotActive
		);
	});
}
