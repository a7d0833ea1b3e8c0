use super::{free, held};
use crate::{mock::*, DeviceVehicle, Error, Event, HoldReason, VehicleDevices, VehicleOperators};
use polkadot_sdk::frame_support::{assert_noop, assert_ok};
use v2x_primitives::VehicleRegistry;

#[test]
fn the_owner_binds_a_device_and_pays_its_deposit() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::bind_device(RuntimeOrigin::signed(ALICE), 0, DEVICE));
		assert_eq!(DeviceVehicle::<Test>::get(DEVICE), Some(0));
		assert_eq!(VehicleDevices::<Test>::get(0)[0].account, DEVICE);
		assert_eq!(held(HoldReason::Delegate, ALICE), DELEGATE_DEPOSIT);
		assert_eq!(VehicleIdentity::vehicle_of_device(&DEVICE), Some(0));
		System::assert_last_event(
			Event::DeviceBound { vehicle: 0, vin: honda_vin(), device: DEVICE }.into(),
		);
	});
}

#[test]
fn only_the_owner_binds_devices() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::bind_device(RuntimeOrigin::signed(BOB), 0, DEVICE),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			VehicleIdentity::bind_device(RuntimeOrigin::signed(ALICE), 4, DEVICE),
			Error::<Test>::NotFound
		);
	});
}

#[test]
fn a_device_serves_one_vehicle() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::bind_device(RuntimeOrigin::signed(ALICE), 0, DEVICE));
		assert_noop!(
			VehicleIdentity::bind_device(RuntimeOrigin::signed(ALICE), 0, DEVICE),
			Error::<Test>::DeviceAlreadyBound
		);
	});
}

#[test]
fn the_owner_is_not_its_own_device() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::bind_device(RuntimeOrigin::signed(ALICE), 0, ALICE),
			Error::<Test>::SelfDealing
		);
	});
}

#[test]
fn a_vehicle_has_at_most_max_devices() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		for device in 0..MAX_DEVICES as u64 {
			assert_ok!(VehicleIdentity::bind_device(RuntimeOrigin::signed(ALICE), 0, 100 + device));
		}
		assert_noop!(
			VehicleIdentity::bind_device(RuntimeOrigin::signed(ALICE), 0, DEVICE),
			Error::<Test>::TooManyDevices
		);
	});
}

#[test]
fn a_scrapped_vehicle_takes_no_devices() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::scrap_vehicle(RuntimeOrigin::signed(ALICE), 0));
		assert_noop!(
			VehicleIdentity::bind_device(RuntimeOrigin::signed(ALICE), 0, DEVICE),
			Error::<Test>::VehicleNotActive
		);
	});
}

#[test]
fn the_owner_unbinds_a_device_and_gets_the_deposit_back() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::bind_device(RuntimeOrigin::signed(ALICE), 0, DEVICE));
		assert_ok!(VehicleIdentity::unbind_device(RuntimeOrigin::signed(ALICE), 0, DEVICE));
		assert_eq!(DeviceVehicle::<Test>::get(DEVICE), None);
		assert!(VehicleDevices::<Test>::get(0).is_empty());
		assert_eq!(held(HoldReason::Delegate, ALICE), 0);
		assert_eq!(free(ALICE), STARTING_BALANCE);
		System::assert_last_event(
			Event::DeviceUnbound { vehicle: 0, vin: honda_vin(), device: DEVICE }.into(),
		);
	});
}

#[test]
fn unbinding_needs_the_owner_and_a_bound_device() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::unbind_device(RuntimeOrigin::signed(ALICE), 0, DEVICE),
			Error::<Test>::DeviceNotBound
		);
		assert_ok!(VehicleIdentity::bind_device(RuntimeOrigin::signed(ALICE), 0, DEVICE));
		assert_noop!(
			VehicleIdentity::unbind_device(RuntimeOrigin::signed(BOB), 0, DEVICE),
			Error::<Test>::NotOwner
		);
	});
}

#[test]
fn the_owner_grants_an_operator_until_a_block() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::grant_operator(RuntimeOrigin::signed(ALICE), 0, OPERATOR, 20));
		assert_eq!(VehicleOperators::<Test>::get(0)[0].until, Some(20));
		assert_eq!(held(HoldReason::Delegate, ALICE), DELEGATE_DEPOSIT);
		assert!(VehicleIdentity::may_operate(0, &OPERATOR));
		System::assert_last_event(
			Event::OperatorGranted { vehicle: 0, vin: honda_vin(), operator: OPERATOR, until: 20 }
				.into(),
		);
		System::set_block_number(20);
		assert!(VehicleIdentity::may_operate(0, &OPERATOR));
		System::set_block_number(21);
		assert!(!VehicleIdentity::may_operate(0, &OPERATOR));
	});
}

#[test]
fn granting_again_moves_the_end_without_a_second_deposit() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::grant_operator(RuntimeOrigin::signed(ALICE), 0, OPERATOR, 20));
		assert_ok!(VehicleIdentity::grant_operator(RuntimeOrigin::signed(ALICE), 0, OPERATOR, 40));
		assert_eq!(VehicleOperators::<Test>::get(0).len(), 1);
		assert_eq!(VehicleOperators::<Test>::get(0)[0].until, Some(40));
		assert_eq!(held(HoldReason::Delegate, ALICE), DELEGATE_DEPOSIT);
	});
}

#[test]
fn granting_needs_the_owner_an_active_vehicle_and_a_future_block() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::grant_operator(RuntimeOrigin::signed(BOB), 0, OPERATOR, 20),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			VehicleIdentity::grant_operator(RuntimeOrigin::signed(ALICE), 0, ALICE, 20),
			Error::<Test>::SelfDealing
		);
		System::set_block_number(5);
		assert_noop!(
			VehicleIdentity::grant_operator(RuntimeOrigin::signed(ALICE), 0, OPERATOR, 4),
			Error::<Test>::InvalidExpiry
		);
		assert_ok!(VehicleIdentity::report_stolen(RuntimeOrigin::signed(ALICE), 0));
		assert_noop!(
			VehicleIdentity::grant_operator(RuntimeOrigin::signed(ALICE), 0, OPERATOR, 20),
			Error::<Test>::VehicleNotActive
		);
	});
}

#[test]
fn a_vehicle_has_at_most_max_operators() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		for operator in 0..MAX_OPERATORS as u64 {
			assert_ok!(VehicleIdentity::grant_operator(
				RuntimeOrigin::signed(ALICE),
				0,
				200 + operator,
				20
			));
		}
		assert_noop!(
			VehicleIdentity::grant_operator(RuntimeOrigin::signed(ALICE), 0, OPERATOR, 20),
			Error::<Test>::TooManyOperators
		);
	});
}

#[test]
fn the_owner_revokes_an_operator_and_gets_the_deposit_back() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::grant_operator(RuntimeOrigin::signed(ALICE), 0, OPERATOR, 20));
		assert_ok!(VehicleIdentity::revoke_operator(RuntimeOrigin::signed(ALICE), 0, OPERATOR));
		assert!(VehicleOperators::<Test>::get(0).is_empty());
		assert!(!VehicleIdentity::may_operate(0, &OPERATOR));
		assert_eq!(held(HoldReason::Delegate, ALICE), 0);
		System::assert_last_event(
			Event::OperatorRevoked { vehicle: 0, vin: honda_vin(), operator: OPERATOR }.into(),
		);
	});
}

#[test]
fn revoking_needs_the_owner_and_an_operator() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::revoke_operator(RuntimeOrigin::signed(ALICE), 0, OPERATOR),
			Error::<Test>::NotOperator
		);
		assert_ok!(VehicleIdentity::grant_operator(RuntimeOrigin::signed(ALICE), 0, OPERATOR, 20));
		assert_noop!(
			VehicleIdentity::revoke_operator(RuntimeOrigin::signed(BOB), 0, OPERATOR),
			Error::<Test>::NotOwner
		);
	});
}
