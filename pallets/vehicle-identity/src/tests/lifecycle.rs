use super::{free, held, pallet_events};
use crate::{
	mock::*, DeviceVehicle, Error, Event, HoldReason, LienConsents, PendingDevices, SaleOffers,
	VehicleByVin, VehicleDevices, VehicleOperators, Vehicles,
};
use polkadot_sdk::frame_support::{assert_noop, assert_ok};
use v2x_primitives::{testing::RecordingHooks, VehicleRegistry, VehicleStatus};

fn status() -> VehicleStatus {
	Vehicles::<Test>::get(0).unwrap().status
}

/// Alice's vehicle 0 with a bound device, an invited one, two operators, an offer to Bob and
/// a lien consent.
fn everything_granted() {
	bind_device(ALICE, 0, DEVICE);
	assert_ok!(VehicleIdentity::bind_device(RuntimeOrigin::signed(ALICE), 0, DEVICE_2));
	assert_ok!(VehicleIdentity::grant_operator(RuntimeOrigin::signed(ALICE), 0, OPERATOR, 20));
	assert_ok!(VehicleIdentity::grant_operator(RuntimeOrigin::signed(ALICE), 0, OPERATOR_2, 30));
	assert_ok!(VehicleIdentity::offer_sale(RuntimeOrigin::signed(ALICE), 0, BOB, None, 50));
	assert_ok!(VehicleIdentity::approve_lender(RuntimeOrigin::root(), LENDER));
	assert_ok!(VehicleIdentity::consent_to_lien(RuntimeOrigin::signed(ALICE), 0, LENDER));
	assert_eq!(held(HoldReason::Delegate, ALICE), 4 * DELEGATE_DEPOSIT);
	System::reset_events();
}

#[test]
fn the_owner_reports_the_vehicle_stolen_and_recovered() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::report_stolen(RuntimeOrigin::signed(ALICE), 0));
		assert_eq!(status(), VehicleStatus::Stolen);
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
fn a_theft_ends_every_right_the_owner_gave() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		everything_granted();
		assert_ok!(VehicleIdentity::report_stolen(RuntimeOrigin::signed(ALICE), 0));
		assert!(VehicleOperators::<Test>::get(0).is_empty());
		assert!(PendingDevices::<Test>::get(0).is_empty());
		assert_eq!(SaleOffers::<Test>::get(0), None);
		assert_eq!(LienConsents::<Test>::get(0), None);
		// Only the bound device's deposit stays held.
		assert_eq!(held(HoldReason::Delegate, ALICE), DELEGATE_DEPOSIT);
		assert_eq!(free(ALICE), STARTING_BALANCE - DELEGATE_DEPOSIT);
		let vin = honda_vin();
		assert_eq!(
			pallet_events(),
			vec![
				Event::SaleOfferVoided { vehicle: 0, vin, seller: ALICE, buyer: BOB },
				Event::DeviceInvitationWithdrawn { vehicle: 0, vin, device: DEVICE_2 },
				Event::OperatorRevoked { vehicle: 0, vin, operator: OPERATOR },
				Event::OperatorRevoked { vehicle: 0, vin, operator: OPERATOR_2 },
				Event::VehicleReportedStolen { vehicle: 0, vin, owner: ALICE },
			]
		);
	});
}

#[test]
fn a_recovery_does_not_bring_operators_back() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::grant_operator(RuntimeOrigin::signed(ALICE), 0, OPERATOR, 20));
		assert_ok!(VehicleIdentity::report_stolen(RuntimeOrigin::signed(ALICE), 0));
		assert_ok!(VehicleIdentity::report_recovered(RuntimeOrigin::signed(ALICE), 0));
		// The recovery does not bring the right back.
		assert_eq!(VehicleIdentity::operating_right(0, &OPERATOR), None);
	});
}

#[test]
fn a_stolen_vehicle_keeps_its_bound_devices_for_tracking() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		bind_device(ALICE, 0, DEVICE);
		assert_ok!(VehicleIdentity::report_stolen(RuntimeOrigin::signed(ALICE), 0));
		assert_eq!(VehicleDevices::<Test>::get(0).len(), 1);
		assert_eq!(VehicleIdentity::vehicle_of_device(&DEVICE), Some(0));
		assert_eq!(held(HoldReason::Delegate, ALICE), DELEGATE_DEPOSIT);
	});
}

#[test]
fn a_theft_keeps_the_lenders_lien() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		super::liens::place_lien_on_vehicle_0();
		assert_ok!(VehicleIdentity::report_stolen(RuntimeOrigin::signed(ALICE), 0));
		assert_eq!(Vehicles::<Test>::get(0).unwrap().lien, Some(LENDER));
	});
}

#[test]
fn only_the_owner_reports_a_theft() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::report_stolen(RuntimeOrigin::signed(BOB), 0),
			Error::<Test>::NotOwner
		);
	});
}

#[test]
fn only_the_owner_reports_a_recovery() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::report_stolen(RuntimeOrigin::signed(ALICE), 0));
		assert_noop!(
			VehicleIdentity::report_recovered(RuntimeOrigin::signed(BOB), 0),
			Error::<Test>::NotOwner
		);
	});
}

#[test]
fn a_theft_is_reported_once() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::report_stolen(RuntimeOrigin::signed(ALICE), 0));
		assert_noop!(
			VehicleIdentity::report_stolen(RuntimeOrigin::signed(ALICE), 0),
			Error::<Test>::AlreadyStolen
		);
	});
}

#[test]
fn a_recovery_needs_a_theft() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::report_recovered(RuntimeOrigin::signed(ALICE), 0),
			Error::<Test>::NotStolen
		);
	});
}

#[test]
fn the_owner_scraps_the_vehicle_and_everything_it_granted_goes() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		everything_granted();
		assert_ok!(VehicleIdentity::scrap_vehicle(RuntimeOrigin::signed(ALICE), 0));
		assert_eq!(status(), VehicleStatus::Scrapped);
		assert!(VehicleDevices::<Test>::get(0).is_empty());
		assert!(PendingDevices::<Test>::get(0).is_empty());
		assert!(VehicleOperators::<Test>::get(0).is_empty());
		assert_eq!(DeviceVehicle::<Test>::get(DEVICE), None);
		assert_eq!(SaleOffers::<Test>::get(0), None);
		assert_eq!(LienConsents::<Test>::get(0), None);
		assert_eq!(held(HoldReason::Delegate, ALICE), 0);
		assert_eq!(free(ALICE), STARTING_BALANCE);
		let vin = honda_vin();
		assert_eq!(
			pallet_events(),
			vec![
				Event::DeviceUnbound { vehicle: 0, vin, device: DEVICE },
				Event::DeviceInvitationWithdrawn { vehicle: 0, vin, device: DEVICE_2 },
				Event::OperatorRevoked { vehicle: 0, vin, operator: OPERATOR },
				Event::OperatorRevoked { vehicle: 0, vin, operator: OPERATOR_2 },
				Event::SaleOfferVoided { vehicle: 0, vin, seller: ALICE, buyer: BOB },
				Event::VehicleScrapped { vehicle: 0, vin, owner: ALICE },
			]
		);
		assert_eq!(RecordingHooks::status_changes(), vec![(0, VehicleStatus::Scrapped)]);
	});
}

#[test]
fn scrapping_releases_the_manufacturers_deposit_and_keeps_the_history() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_eq!(held(HoldReason::VehicleRegistration, HONDA), VEHICLE_DEPOSIT);
		assert_ok!(VehicleIdentity::scrap_vehicle(RuntimeOrigin::signed(ALICE), 0));
		assert_eq!(held(HoldReason::VehicleRegistration, HONDA), 0);
		assert_eq!(free(HONDA), STARTING_BALANCE);
		let entry = Vehicles::<Test>::get(0).unwrap();
		assert_eq!(entry.deposit, 0);
		assert_eq!(entry.owner, ALICE);
		assert_eq!(VehicleByVin::<Test>::get(honda_vin()), Some(0));
	});
}

#[test]
fn a_stolen_vehicle_can_be_scrapped() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		bind_device(ALICE, 0, DEVICE);
		assert_ok!(VehicleIdentity::report_stolen(RuntimeOrigin::signed(ALICE), 0));
		assert_ok!(VehicleIdentity::scrap_vehicle(RuntimeOrigin::signed(ALICE), 0));
		assert_eq!(status(), VehicleStatus::Scrapped);
		assert_eq!(DeviceVehicle::<Test>::get(DEVICE), None);
		assert_eq!(held(HoldReason::Delegate, ALICE), 0);
	});
}

#[test]
fn the_owner_cannot_scrap_a_liened_vehicle() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		super::liens::place_lien_on_vehicle_0();
		assert_noop!(
			VehicleIdentity::scrap_vehicle(RuntimeOrigin::signed(ALICE), 0),
			Error::<Test>::LienPresent
		);
	});
}

#[test]
fn governance_scraps_a_liened_vehicle_and_the_lien_ends() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		super::liens::place_lien_on_vehicle_0();
		System::reset_events();
		assert_ok!(VehicleIdentity::scrap_vehicle(RuntimeOrigin::root(), 0));
		let entry = Vehicles::<Test>::get(0).unwrap();
		assert_eq!(entry.status, VehicleStatus::Scrapped);
		assert_eq!(entry.lien, None);
		assert_eq!(
			pallet_events(),
			vec![
				Event::LienForceReleased { vehicle: 0, vin: honda_vin(), lender: LENDER },
				Event::VehicleScrapped { vehicle: 0, vin: honda_vin(), owner: ALICE },
			]
		);
	});
}

#[test]
fn governance_scraps_any_vehicle() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::scrap_vehicle(RuntimeOrigin::root(), 0));
		assert_eq!(status(), VehicleStatus::Scrapped);
		System::assert_last_event(
			Event::VehicleScrapped { vehicle: 0, vin: honda_vin(), owner: ALICE }.into(),
		);
	});
}

#[test]
fn a_scrapped_vehicle_cannot_be_scrapped_again() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::scrap_vehicle(RuntimeOrigin::signed(ALICE), 0));
		assert_noop!(
			VehicleIdentity::scrap_vehicle(RuntimeOrigin::root(), 0),
			Error::<Test>::AlreadyScrapped
		);
	});
}

#[test]
fn a_scrapped_vehicle_cannot_be_reported_stolen() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::scrap_vehicle(RuntimeOrigin::signed(ALICE), 0));
		assert_noop!(
			VehicleIdentity::report_stolen(RuntimeOrigin::signed(ALICE), 0),
			Error::<Test>::AlreadyScrapped
		);
	});
}

#[test]
fn a_scrapped_vehicle_cannot_be_offered() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::scrap_vehicle(RuntimeOrigin::signed(ALICE), 0));
		assert_noop!(
			VehicleIdentity::offer_sale(RuntimeOrigin::signed(ALICE), 0, BOB, None, 50),
			Error::<Test>::VehicleNotActive
		);
	});
}

#[test]
fn another_account_cannot_scrap() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::scrap_vehicle(RuntimeOrigin::signed(BOB), 0),
			Error::<Test>::NotOwnerOrGovernance
		);
	});
}

#[test]
fn an_unsigned_origin_cannot_scrap() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::scrap_vehicle(RuntimeOrigin::none(), 0),
			Error::<Test>::NotOwnerOrGovernance
		);
	});
}

#[test]
fn scrapping_an_unknown_vehicle_fails() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::scrap_vehicle(RuntimeOrigin::root(), 9),
			Error::<Test>::NotFound
		);
	});
}
