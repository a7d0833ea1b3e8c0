//! What other pallets see through `VehicleRegistry`.

use crate::{mock::*, Error};
use polkadot_sdk::frame_support::{assert_noop, assert_ok};
use v2x_primitives::{OperatingRight, VehicleRegistry, VehicleStatus};

fn grant_operator_until(until: u64) {
	assert_ok!(VehicleIdentity::grant_operator(RuntimeOrigin::signed(ALICE), 0, OPERATOR, until));
}

#[test]
fn the_registry_answers_for_a_registered_vehicle() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_eq!(VehicleIdentity::owner(0), Some(ALICE));
		assert_eq!(VehicleIdentity::manufacturer(0), Some(HONDA));
		assert_eq!(VehicleIdentity::vin(0), Some(honda_vin()));
		assert_eq!(VehicleIdentity::status(0), Some(VehicleStatus::Active));
		assert!(VehicleIdentity::is_manufacturer(&HONDA));
		assert!(!VehicleIdentity::is_manufacturer(&ALICE));
	});
}

#[test]
fn the_owner_operates_its_vehicle() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_eq!(VehicleIdentity::operating_right(0, &ALICE), Some(OperatingRight::Owner));
		assert!(VehicleIdentity::may_operate(0, &ALICE));
	});
}

#[test]
fn a_stranger_does_not_operate_a_vehicle() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_eq!(VehicleIdentity::operating_right(0, &BOB), None);
		assert!(!VehicleIdentity::may_operate(0, &BOB));
	});
}

#[test]
fn an_operator_operates_through_its_last_block() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		grant_operator_until(20);
		System::set_block_number(20);
		assert_eq!(
			VehicleIdentity::operating_right(0, &OPERATOR),
			Some(OperatingRight::OperatorUntil(20))
		);
		assert!(VehicleIdentity::may_operate(0, &OPERATOR));
	});
}

#[test]
fn an_operator_does_not_operate_a_block_after_its_last() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		grant_operator_until(20);
		System::set_block_number(21);
		assert_eq!(VehicleIdentity::operating_right(0, &OPERATOR), None);
		assert!(!VehicleIdentity::may_operate(0, &OPERATOR));
	});
}

#[test]
fn only_the_owner_operates_a_stolen_vehicle() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		grant_operator_until(20);
		assert_ok!(VehicleIdentity::report_stolen(RuntimeOrigin::signed(ALICE), 0));
		assert_eq!(VehicleIdentity::operating_right(0, &ALICE), Some(OperatingRight::Owner));
		assert_eq!(VehicleIdentity::operating_right(0, &OPERATOR), None);
	});
}

#[test]
fn nobody_operates_a_scrapped_vehicle() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		grant_operator_until(20);
		assert_ok!(VehicleIdentity::scrap_vehicle(RuntimeOrigin::signed(ALICE), 0));
		assert_eq!(VehicleIdentity::operating_right(0, &ALICE), None);
		assert_eq!(VehicleIdentity::operating_right(0, &OPERATOR), None);
		assert!(!VehicleIdentity::may_operate(0, &ALICE));
	});
}

// Device reports in other pallets (`report_odometer`, `report_usage`) skip the vehicle's
// status on this promise: a device is never bound to a scrapped vehicle. Scrapping unbinds the
// bound devices, and an invitation from before cannot bind one afterwards.
#[test]
fn no_device_is_bound_to_a_scrapped_vehicle() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		bind_device(ALICE, 0, DEVICE);
		assert_ok!(VehicleIdentity::bind_device(RuntimeOrigin::signed(ALICE), 0, DEVICE_2));
		assert_eq!(VehicleIdentity::vehicle_of_device(&DEVICE), Some(0));
		assert_ok!(VehicleIdentity::scrap_vehicle(RuntimeOrigin::signed(ALICE), 0));
		assert_eq!(VehicleIdentity::vehicle_of_device(&DEVICE), None);
		assert_noop!(
			VehicleIdentity::accept_device_binding(RuntimeOrigin::signed(DEVICE_2), 0),
			Error::<Test>::VehicleNotActive
		);
		assert_eq!(VehicleIdentity::vehicle_of_device(&DEVICE_2), None);
	});
}

#[test]
fn the_registry_knows_nothing_of_unknown_vehicles() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(VehicleIdentity::owner(0), None);
		assert_eq!(VehicleIdentity::status(0), None);
		assert_eq!(VehicleIdentity::operating_right(0, &ALICE), None);
		assert!(!VehicleIdentity::may_operate(0, &ALICE));
		assert_eq!(VehicleIdentity::vehicle_of_device(&DEVICE), None);
	});
}

#[test]
fn after_a_sale_the_new_owner_operates_and_the_old_one_does_not() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::offer_sale(RuntimeOrigin::signed(ALICE), 0, BOB, None, 50));
		assert_ok!(VehicleIdentity::accept_offer(RuntimeOrigin::signed(BOB), 0, 0));
		assert_eq!(VehicleIdentity::operating_right(0, &BOB), Some(OperatingRight::Owner));
		assert_eq!(VehicleIdentity::operating_right(0, &ALICE), None);
	});
}

#[test]
fn genesis_registers_manufacturers_vehicles_lenders_and_devices() {
	use crate::{GenesisConfig, Powertrain};
	use polkadot_sdk::sp_runtime::BuildStorage;
	let mut storage =
		polkadot_sdk::frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	polkadot_sdk::pallet_balances::GenesisConfig::<Test> {
		balances: vec![(HONDA, STARTING_BALANCE), (BOB, STARTING_BALANCE)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	GenesisConfig::<Test> {
		manufacturers: vec![(HONDA, b"Honda".to_vec(), vec![*b"1HG"])],
		vehicles: vec![(HONDA, b"1HGCM82633A004352".to_vec(), BOB, 2003, Powertrain::Ice, None)],
		lenders: vec![LENDER],
		devices: vec![(0, DEVICE)],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	polkadot_sdk::sp_io::TestExternalities::new(storage).execute_with(|| {
		assert_eq!(VehicleIdentity::owner(0), Some(BOB));
		assert!(crate::Lenders::<Test>::contains_key(LENDER));
		assert_eq!(super::held(crate::HoldReason::VehicleRegistration, HONDA), VEHICLE_DEPOSIT);
		// The device is bound, its deposit held from the owner, no invitation left over.
		assert_eq!(VehicleIdentity::vehicle_of_device(&DEVICE), Some(0));
		assert_eq!(super::held(crate::HoldReason::Delegate, BOB), DELEGATE_DEPOSIT);
		assert!(crate::PendingDevices::<Test>::get(0).is_empty());
		VehicleIdentity::do_try_state().unwrap();
	});
}
