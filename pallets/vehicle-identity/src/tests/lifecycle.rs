use super::held;
use crate::{mock::*, Error, Event, HoldReason, SaleOffers, VehicleDevices, Vehicles};
use polkadot_sdk::frame_support::{assert_noop, assert_ok};
use v2x_primitives::{testing::RecordingHooks, VehicleStatus};

fn status() -> VehicleStatus {
	Vehicles::<Test>::get(0).unwrap().status
}

#[test]
fn the_owner_reports_the_vehicle_stolen_and_recovered() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::offer_sale(RuntimeOrigin::signed(ALICE), 0, BOB, None, 50));
		assert_ok!(VehicleIdentity::report_stolen(RuntimeOrigin::signed(ALICE), 0));
		assert_eq!(status(), VehicleStatus::Stolen);
		assert_eq!(SaleOffers::<Test>::get(0), None);
		System::assert_last_event(
			Event::VehicleReportedStolen { vehicle: 0, vin: honda_vin(), owner: ALICE }.into(),
		);
		assert_ok!(VehicleIdentity::report_recovered(RuntimeOrigin::signed(ALICE), 0));
		assert_eq!(status(), VehicleStatus::Active);
		System::assert_last_event(
			Event::VehicleRecovered { vehicle: 0, vin: honda_vin(), owner: ALICE }.into(),
		);
		assert_eq!(
			RecordingHooks::status_changes(),
			vec![(0, VehicleStatus::Stolen), (0, VehicleStatus::Active)]
		);
	});
}

#[test]
fn a_stolen_vehicle_keeps_its_devices_for_tracking() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::bind_device(RuntimeOrigin::signed(ALICE), 0, DEVICE));
		assert_ok!(VehicleIdentity::report_stolen(RuntimeOrigin::signed(ALICE), 0));
		assert_eq!(VehicleDevices::<Test>::get(0).len(), 1);
	});
}

#[test]
fn only_the_owner_reports_theft_and_recovery() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::report_stolen(RuntimeOrigin::signed(BOB), 0),
			Error::<Test>::NotOwner
		);
		assert_ok!(VehicleIdentity::report_stolen(RuntimeOrigin::signed(ALICE), 0));
		assert_noop!(
			VehicleIdentity::report_recovered(RuntimeOrigin::signed(BOB), 0),
			Error::<Test>::NotOwner
		);
	});
}

#[test]
fn theft_is_reported_once_and_recovery_needs_a_theft() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::report_recovered(RuntimeOrigin::signed(ALICE), 0),
			Error::<Test>::NotStolen
		);
		assert_ok!(VehicleIdentity::report_stolen(RuntimeOrigin::signed(ALICE), 0));
		assert_noop!(
			VehicleIdentity::report_stolen(RuntimeOrigin::signed(ALICE), 0),
			Error::<Test>::AlreadyStolen
		);
	});
}

#[test]
fn the_owner_scraps_the_vehicle_and_its_delegates_go() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::bind_device(RuntimeOrigin::signed(ALICE), 0, DEVICE));
		assert_ok!(VehicleIdentity::grant_operator(RuntimeOrigin::signed(ALICE), 0, OPERATOR, 20));
		assert_ok!(VehicleIdentity::offer_sale(RuntimeOrigin::signed(ALICE), 0, BOB, None, 50));
		assert_ok!(VehicleIdentity::scrap_vehicle(RuntimeOrigin::signed(ALICE), 0));
		assert_eq!(status(), VehicleStatus::Scrapped);
		assert_eq!(held(HoldReason::Delegate, ALICE), 0);
		assert_eq!(SaleOffers::<Test>::get(0), None);
		assert!(VehicleDevices::<Test>::get(0).is_empty());
		// The history stays, and so does the manufacturer's deposit for it.
		assert_eq!(held(HoldReason::VehicleRegistration, HONDA), VEHICLE_DEPOSIT);
		System::assert_last_event(
			Event::VehicleScrapped { vehicle: 0, vin: honda_vin(), owner: ALICE }.into(),
		);
		assert_eq!(RecordingHooks::status_changes(), vec![(0, VehicleStatus::Scrapped)]);
	});
}

#[test]
fn governance_scraps_any_vehicle() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::scrap_vehicle(RuntimeOrigin::root(), 0));
		assert_eq!(status(), VehicleStatus::Scrapped);
	});
}

#[test]
fn scrapping_is_final() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::scrap_vehicle(RuntimeOrigin::signed(ALICE), 0));
		assert_noop!(
			VehicleIdentity::scrap_vehicle(RuntimeOrigin::root(), 0),
			Error::<Test>::AlreadyScrapped
		);
		assert_noop!(
			VehicleIdentity::report_stolen(RuntimeOrigin::signed(ALICE), 0),
			Error::<Test>::AlreadyScrapped
		);
		assert_noop!(
			VehicleIdentity::offer_sale(RuntimeOrigin::signed(ALICE), 0, BOB, None, 50),
			Error::<Test>::VehicleNotActive
		);
	});
}

#[test]
fn only_the_owner_or_governance_scraps() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::scrap_vehicle(RuntimeOrigin::signed(BOB), 0),
			Error::<Test>::NotOwnerOrGovernance
		);
		assert_noop!(
			VehicleIdentity::scrap_vehicle(RuntimeOrigin::none(), 0),
			Error::<Test>::NotOwnerOrGovernance
		);
		assert_noop!(
			VehicleIdentity::scrap_vehicle(RuntimeOrigin::root(), 9),
			Error::<Test>::NotFound
		);
	});
}
