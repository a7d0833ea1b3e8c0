//! Devices (invited by the owner, accepted by the device) and operators.

use super::{free, held, pallet_events};
use crate::{
	mock::*, Delegate, DeviceVehicle, Error, Event, HoldReason, PendingDevices, VehicleDevices,
	VehicleOperators,
};
use polkadot_sdk::frame_support::{assert_noop, assert_ok};
use v2x_primitives::VehicleRegistry;

fn device_entry(account: u64) -> Delegate<Test> {
	Delegate { account, until: None, deposit: DELEGATE_DEPOSIT }
}

fn operator_entry(account: u64, until: u64) -> Delegate<Test> {
	Delegate { account, until: Some(until), deposit: DELEGATE_DEPOSIT }
}

fn invite(device: u64) {
	assert_ok!(VehicleIdentity::bind_device(RuntimeOrigin::signed(ALICE), 0, device));
}

fn grant(operator: u64, until: u64) {
	assert_ok!(VehicleIdentity::grant_operator(RuntimeOrigin::signed(ALICE), 0, operator, until));
}

#[test]
fn the_owner_invites_a_device_and_pays_its_deposit() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		invite(DEVICE);
		assert_eq!(PendingDevices::<Test>::get(0).into_inner(), vec![device_entry(DEVICE)]);
		assert!(VehicleDevices::<Test>::get(0).is_empty());
		assert_eq!(DeviceVehicle::<Test>::get(DEVICE), None);
		assert_eq!(VehicleIdentity::vehicle_of_device(&DEVICE), None);
		assert_eq!(held(HoldReason::Delegate, ALICE), DELEGATE_DEPOSIT);
		assert_eq!(free(ALICE), STARTING_BALANCE - DELEGATE_DEPOSIT);
		System::assert_last_event(
			Event::DeviceInvited { vehicle: 0, vin: honda_vin(), device: DEVICE }.into(),
		);
	});
}

#[test]
fn the_invited_device_accepts_and_is_bound() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		invite(DEVICE);
		assert_ok!(VehicleIdentity::accept_device_binding(RuntimeOrigin::signed(DEVICE), 0));
		assert!(PendingDevices::<Test>::get(0).is_empty());
		assert_eq!(VehicleDevices::<Test>::get(0).into_inner(), vec![device_entry(DEVICE)]);
		assert_eq!(DeviceVehicle::<Test>::get(DEVICE), Some(0));
		assert_eq!(VehicleIdentity::vehicle_of_device(&DEVICE), Some(0));
		// The invitation's deposit now stands for the binding.
		assert_eq!(held(HoldReason::Delegate, ALICE), DELEGATE_DEPOSIT);
		assert_eq!(free(DEVICE), STARTING_BALANCE);
		System::assert_last_event(
			Event::DeviceBound { vehicle: 0, vin: honda_vin(), device: DEVICE }.into(),
		);
	});
}

#[test]
fn a_stranger_cannot_accept_a_devices_invitation() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		invite(DEVICE);
		assert_noop!(
			VehicleIdentity::accept_device_binding(RuntimeOrigin::signed(CHARLIE), 0),
			Error::<Test>::NotInvited
		);
	});
}

#[test]
fn the_owner_cannot_accept_for_the_device() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		invite(DEVICE);
		assert_noop!(
			VehicleIdentity::accept_device_binding(RuntimeOrigin::signed(ALICE), 0),
			Error::<Test>::NotInvited
		);
	});
}

#[test]
fn accepting_an_unknown_vehicle_fails() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::accept_device_binding(RuntimeOrigin::signed(DEVICE), 4),
			Error::<Test>::NotFound
		);
	});
}

#[test]
fn a_device_bound_elsewhere_cannot_accept() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		let bobs = register_acura_for(BOB);
		invite(DEVICE);
		assert_ok!(VehicleIdentity::bind_device(RuntimeOrigin::signed(BOB), bobs, DEVICE));
		assert_ok!(VehicleIdentity::accept_device_binding(RuntimeOrigin::signed(DEVICE), bobs));
		assert_noop!(
			VehicleIdentity::accept_device_binding(RuntimeOrigin::signed(DEVICE), 0),
			Error::<Test>::DeviceAlreadyBound
		);
	});
}

#[test]
fn a_device_bound_elsewhere_cannot_be_invited() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		let bobs = register_acura_for(BOB);
		bind_device(BOB, bobs, DEVICE);
		assert_noop!(
			VehicleIdentity::bind_device(RuntimeOrigin::signed(ALICE), 0, DEVICE),
			Error::<Test>::DeviceAlreadyBound
		);
	});
}

#[test]
fn a_bound_device_cannot_be_invited_again() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		bind_device(ALICE, 0, DEVICE);
		assert_noop!(
			VehicleIdentity::bind_device(RuntimeOrigin::signed(ALICE), 0, DEVICE),
			Error::<Test>::DeviceAlreadyBound
		);
	});
}

#[test]
fn another_owners_invitation_does_not_block_a_device() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		let bobs = register_acura_for(BOB);
		// Bob invites Alice's device first: the invitation is his vehicle's, not the device's.
		assert_ok!(VehicleIdentity::bind_device(RuntimeOrigin::signed(BOB), bobs, DEVICE));
		invite(DEVICE);
		assert_ok!(VehicleIdentity::accept_device_binding(RuntimeOrigin::signed(DEVICE), 0));
		assert_eq!(DeviceVehicle::<Test>::get(DEVICE), Some(0));
		// Bob's invitation stays until he withdraws it; the device cannot take it any more.
		assert_eq!(PendingDevices::<Test>::get(bobs).into_inner(), vec![device_entry(DEVICE)]);
		assert_eq!(held(HoldReason::Delegate, BOB), DELEGATE_DEPOSIT);
	});
}

#[test]
fn a_device_is_invited_once() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		invite(DEVICE);
		assert_noop!(
			VehicleIdentity::bind_device(RuntimeOrigin::signed(ALICE), 0, DEVICE),
			Error::<Test>::AlreadyInvited
		);
	});
}

#[test]
fn only_the_owner_invites_devices() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::bind_device(RuntimeOrigin::signed(BOB), 0, DEVICE),
			Error::<Test>::NotOwner
		);
	});
}

#[test]
fn inviting_to_an_unknown_vehicle_fails() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::bind_device(RuntimeOrigin::signed(ALICE), 4, DEVICE),
			Error::<Test>::NotFound
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
fn invitations_and_bound_devices_share_the_maximum() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		bind_device(ALICE, 0, DEVICE);
		invite(DEVICE_2);
		invite(100);
		assert_eq!(MAX_DEVICES, 3);
		assert_noop!(
			VehicleIdentity::bind_device(RuntimeOrigin::signed(ALICE), 0, 101),
			Error::<Test>::TooManyDevices
		);
	});
}

#[test]
fn a_stolen_vehicle_takes_no_invitations() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::report_stolen(RuntimeOrigin::signed(ALICE), 0));
		assert_noop!(
			VehicleIdentity::bind_device(RuntimeOrigin::signed(ALICE), 0, DEVICE),
			Error::<Test>::VehicleNotActive
		);
	});
}

#[test]
fn a_scrapped_vehicle_takes_no_invitations() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::scrap_vehicle(RuntimeOrigin::signed(ALICE), 0));
		assert_noop!(
			VehicleIdentity::bind_device(RuntimeOrigin::signed(ALICE), 0, DEVICE),
			Error::<Test>::VehicleNotActive
		);
	});
}

#[test]
fn a_device_cannot_bind_to_a_stolen_vehicle() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		invite(DEVICE);
		assert_ok!(VehicleIdentity::report_stolen(RuntimeOrigin::signed(ALICE), 0));
		assert_noop!(
			VehicleIdentity::accept_device_binding(RuntimeOrigin::signed(DEVICE), 0),
			Error::<Test>::VehicleNotActive
		);
	});
}

#[test]
fn the_owner_unbinds_a_device_and_gets_the_deposit_back() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		bind_device(ALICE, 0, DEVICE);
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
fn the_owner_withdraws_an_invitation_and_gets_the_deposit_back() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		invite(DEVICE);
		assert_ok!(VehicleIdentity::unbind_device(RuntimeOrigin::signed(ALICE), 0, DEVICE));
		assert!(PendingDevices::<Test>::get(0).is_empty());
		assert_eq!(held(HoldReason::Delegate, ALICE), 0);
		assert_eq!(free(ALICE), STARTING_BALANCE);
		System::assert_last_event(
			Event::DeviceInvitationWithdrawn { vehicle: 0, vin: honda_vin(), device: DEVICE }
				.into(),
		);
		assert_noop!(
			VehicleIdentity::accept_device_binding(RuntimeOrigin::signed(DEVICE), 0),
			Error::<Test>::NotInvited
		);
	});
}

#[test]
fn unbinding_a_device_neither_bound_nor_invited_fails() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::unbind_device(RuntimeOrigin::signed(ALICE), 0, DEVICE),
			Error::<Test>::DeviceNotBound
		);
	});
}

#[test]
fn only_the_owner_unbinds_devices() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		bind_device(ALICE, 0, DEVICE);
		assert_noop!(
			VehicleIdentity::unbind_device(RuntimeOrigin::signed(BOB), 0, DEVICE),
			Error::<Test>::NotOwner
		);
	});
}

#[test]
fn a_bound_device_leaves_and_the_owner_gets_the_deposit_back() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		bind_device(ALICE, 0, DEVICE);
		assert_ok!(VehicleIdentity::leave_vehicle(RuntimeOrigin::signed(DEVICE), 0));
		assert!(VehicleDevices::<Test>::get(0).is_empty());
		assert_eq!(DeviceVehicle::<Test>::get(DEVICE), None);
		assert_eq!(held(HoldReason::Delegate, ALICE), 0);
		assert_eq!(free(ALICE), STARTING_BALANCE);
		assert_eq!(free(DEVICE), STARTING_BALANCE);
		System::assert_last_event(
			Event::DeviceLeft { vehicle: 0, vin: honda_vin(), device: DEVICE }.into(),
		);
	});
}

#[test]
fn a_device_may_leave_a_stolen_vehicle() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		bind_device(ALICE, 0, DEVICE);
		assert_ok!(VehicleIdentity::report_stolen(RuntimeOrigin::signed(ALICE), 0));
		assert_ok!(VehicleIdentity::leave_vehicle(RuntimeOrigin::signed(DEVICE), 0));
		assert_eq!(DeviceVehicle::<Test>::get(DEVICE), None);
		assert_eq!(held(HoldReason::Delegate, ALICE), 0);
	});
}

#[test]
fn an_account_not_bound_cannot_leave() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		bind_device(ALICE, 0, DEVICE);
		assert_noop!(
			VehicleIdentity::leave_vehicle(RuntimeOrigin::signed(CHARLIE), 0),
			Error::<Test>::DeviceNotBound
		);
	});
}

#[test]
fn an_invited_device_cannot_leave_before_accepting() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		invite(DEVICE);
		assert_noop!(
			VehicleIdentity::leave_vehicle(RuntimeOrigin::signed(DEVICE), 0),
			Error::<Test>::DeviceNotBound
		);
	});
}

#[test]
fn leaving_an_unknown_vehicle_fails() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::leave_vehicle(RuntimeOrigin::signed(DEVICE), 4),
			Error::<Test>::NotFound
		);
	});
}

#[test]
fn the_owner_grants_an_operator_until_a_block() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		grant(OPERATOR, 20);
		assert_eq!(
			VehicleOperators::<Test>::get(0).into_inner(),
			vec![operator_entry(OPERATOR, 20)]
		);
		assert_eq!(held(HoldReason::Delegate, ALICE), DELEGATE_DEPOSIT);
		assert_eq!(free(ALICE), STARTING_BALANCE - DELEGATE_DEPOSIT);
		System::assert_last_event(
			Event::OperatorGranted { vehicle: 0, vin: honda_vin(), operator: OPERATOR, until: 20 }
				.into(),
		);
	});
}

#[test]
fn granting_again_moves_the_end_without_a_second_deposit() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		grant(OPERATOR, 20);
		grant(OPERATOR, 40);
		assert_eq!(
			VehicleOperators::<Test>::get(0).into_inner(),
			vec![operator_entry(OPERATOR, 40)]
		);
		assert_eq!(held(HoldReason::Delegate, ALICE), DELEGATE_DEPOSIT);
	});
}

#[test]
fn only_the_owner_grants() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::grant_operator(RuntimeOrigin::signed(BOB), 0, OPERATOR, 20),
			Error::<Test>::NotOwner
		);
	});
}

#[test]
fn the_owner_is_not_its_own_operator() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::grant_operator(RuntimeOrigin::signed(ALICE), 0, ALICE, 20),
			Error::<Test>::SelfDealing
		);
	});
}

#[test]
fn a_right_cannot_end_in_the_past() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		System::set_block_number(5);
		assert_noop!(
			VehicleIdentity::grant_operator(RuntimeOrigin::signed(ALICE), 0, OPERATOR, 4),
			Error::<Test>::InvalidExpiry
		);
		// A right for the current block only is fine.
		grant(OPERATOR, 5);
	});
}

#[test]
fn a_stolen_vehicle_takes_no_operators() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::report_stolen(RuntimeOrigin::signed(ALICE), 0));
		assert_noop!(
			VehicleIdentity::grant_operator(RuntimeOrigin::signed(ALICE), 0, OPERATOR, 20),
			Error::<Test>::VehicleNotActive
		);
	});
}

#[test]
fn a_scrapped_vehicle_takes_no_operators() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::scrap_vehicle(RuntimeOrigin::signed(ALICE), 0));
		assert_noop!(
			VehicleIdentity::grant_operator(RuntimeOrigin::signed(ALICE), 0, OPERATOR, 20),
			Error::<Test>::VehicleNotActive
		);
	});
}

#[test]
fn a_vehicle_has_at_most_max_live_operators() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		for operator in 0..MAX_OPERATORS as u64 {
			grant(200 + operator, 20);
		}
		assert_noop!(
			VehicleIdentity::grant_operator(RuntimeOrigin::signed(ALICE), 0, OPERATOR, 20),
			Error::<Test>::TooManyOperators
		);
	});
}

#[test]
fn expired_operators_free_their_slots() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		for operator in 0..MAX_OPERATORS as u64 {
			grant(200 + operator, 5);
		}
		System::set_block_number(6);
		grant(OPERATOR, 20);
		assert_eq!(
			VehicleOperators::<Test>::get(0).into_inner(),
			vec![operator_entry(OPERATOR, 20)]
		);
		assert_eq!(held(HoldReason::Delegate, ALICE), DELEGATE_DEPOSIT);
		assert_eq!(free(ALICE), STARTING_BALANCE - DELEGATE_DEPOSIT);
	});
}

#[test]
fn granting_prunes_exactly_the_expired_operators() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		grant(OPERATOR, 9);
		grant(OPERATOR_2, 10);
		System::set_block_number(10);
		System::reset_events();
		grant(OPERATOR_3, 30);
		// OPERATOR's right ended with block 9; OPERATOR_2's lasts through this block.
		assert_eq!(
			VehicleOperators::<Test>::get(0).into_inner(),
			vec![operator_entry(OPERATOR_2, 10), operator_entry(OPERATOR_3, 30)]
		);
		assert_eq!(held(HoldReason::Delegate, ALICE), 2 * DELEGATE_DEPOSIT);
		assert_eq!(free(ALICE), STARTING_BALANCE - 2 * DELEGATE_DEPOSIT);
		assert_eq!(
			pallet_events(),
			vec![
				Event::OperatorExpired {
					vehicle: 0,
					vin: honda_vin(),
					operator: OPERATOR,
					until: 9
				},
				Event::OperatorGranted {
					vehicle: 0,
					vin: honda_vin(),
					operator: OPERATOR_3,
					until: 30
				},
			]
		);
	});
}

#[test]
fn regranting_an_expired_operator_renews_it() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		grant(OPERATOR, 5);
		System::set_block_number(6);
		grant(OPERATOR, 20);
		assert_eq!(
			VehicleOperators::<Test>::get(0).into_inner(),
			vec![operator_entry(OPERATOR, 20)]
		);
		assert_eq!(held(HoldReason::Delegate, ALICE), DELEGATE_DEPOSIT);
		System::assert_has_event(
			Event::OperatorExpired { vehicle: 0, vin: honda_vin(), operator: OPERATOR, until: 5 }
				.into(),
		);
	});
}

#[test]
fn the_owner_revokes_an_operator_and_gets_the_deposit_back() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		grant(OPERATOR, 20);
		assert_ok!(VehicleIdentity::revoke_operator(RuntimeOrigin::signed(ALICE), 0, OPERATOR));
		assert!(VehicleOperators::<Test>::get(0).is_empty());
		assert!(!VehicleIdentity::may_operate(0, &OPERATOR));
		assert_eq!(held(HoldReason::Delegate, ALICE), 0);
		assert_eq!(free(ALICE), STARTING_BALANCE);
		System::assert_last_event(
			Event::OperatorRevoked { vehicle: 0, vin: honda_vin(), operator: OPERATOR }.into(),
		);
	});
}

#[test]
fn revoking_an_account_that_is_no_operator_fails() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::revoke_operator(RuntimeOrigin::signed(ALICE), 0, OPERATOR),
			Error::<Test>::NotOperator
		);
	});
}

#[test]
fn only_the_owner_revokes() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		grant(OPERATOR, 20);
		assert_noop!(
			VehicleIdentity::revoke_operator(RuntimeOrigin::signed(BOB), 0, OPERATOR),
			Error::<Test>::NotOwner
		);
	});
}

#[test]
fn an_operator_renounces_and_the_owner_gets_the_deposit_back() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		grant(OPERATOR, 20);
		assert_ok!(VehicleIdentity::renounce_operator(RuntimeOrigin::signed(OPERATOR), 0));
		assert!(VehicleOperators::<Test>::get(0).is_empty());
		assert!(!VehicleIdentity::may_operate(0, &OPERATOR));
		assert_eq!(held(HoldReason::Delegate, ALICE), 0);
		assert_eq!(free(ALICE), STARTING_BALANCE);
		assert_eq!(free(OPERATOR), STARTING_BALANCE);
		System::assert_last_event(
			Event::OperatorRenounced { vehicle: 0, vin: honda_vin(), operator: OPERATOR }.into(),
		);
	});
}

#[test]
fn an_expired_operator_may_renounce() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		grant(OPERATOR, 5);
		System::set_block_number(6);
		assert_ok!(VehicleIdentity::renounce_operator(RuntimeOrigin::signed(OPERATOR), 0));
		assert!(VehicleOperators::<Test>::get(0).is_empty());
		assert_eq!(held(HoldReason::Delegate, ALICE), 0);
	});
}

#[test]
fn only_an_operator_renounces() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		grant(OPERATOR, 20);
		assert_noop!(
			VehicleIdentity::renounce_operator(RuntimeOrigin::signed(CHARLIE), 0),
			Error::<Test>::NotOperator
		);
	});
}

#[test]
fn renouncing_on_an_unknown_vehicle_fails() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::renounce_operator(RuntimeOrigin::signed(OPERATOR), 4),
			Error::<Test>::NotFound
		);
	});
}
