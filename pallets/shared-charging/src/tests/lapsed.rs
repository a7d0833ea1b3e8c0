//! Lapsed sessions: anyone closes a session whose driver may no longer operate the vehicle,
//! or one still pending after `MaxPendingDuration` blocks, and the vehicle can charge again.

use polkadot_sdk::frame_support::{assert_noop, assert_ok};
use v2x_primitives::{testing::MockVehicles, VehicleStatus};

use super::*;
use crate::{
	Chargers, Discharges, Error, Event, LapseReason, PendingSince, Sessions, VehicleSessions,
};

/// `VEHICLE` is sold to `MEMBER`: the old owner's and its operator's rights end.
fn sell_vehicle_to_member() {
	MockVehicles::update(VEHICLE, |v| {
		v.owner = MEMBER;
		v.operators.clear();
	});
}

fn lapsed_event(session: SessionId, driver: u64, closer: u64, reason: LapseReason) -> Event<Test> {
	Event::SessionLapsed { session, vehicle: VEHICLE, driver, closer, reason }
}

#[test]
fn after_a_sale_the_new_owner_closes_the_old_drivers_session_and_charges() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = active_session();
		sell_vehicle_to_member();
		// Before this call nothing could end it: the new owner is not its driver.
		assert_noop!(
			SharedCharging::close_session(signed(MEMBER), session),
			Error::<Test>::NotDriver
		);
		let other_charger = register(SIMPLE_TARIFF);
		assert_noop!(
			SharedCharging::start_session(signed(MEMBER), other_charger, VEHICLE, 1_000),
			Error::<Test>::VehicleBusy
		);
		let (member_free, cpo_free) = (free(MEMBER), free(CPO));

		assert_ok!(SharedCharging::close_lapsed_session(signed(MEMBER), session));

		// As `close_session` after a timeout: everything back to the old driver, nothing paid.
		assert_eq!(held(HoldReason::SessionEscrow, DRIVER), 0);
		assert_eq!(held(HoldReason::ChargeRecord, DRIVER), 0);
		assert_eq!(free(DRIVER), BALANCE);
		assert_eq!((free(MEMBER), free(CPO)), (member_free, cpo_free));
		assert_eq!(held(HoldReason::OperatorPayment, CPO), 0);
		assert!(!Sessions::<Test>::contains_key(session));
		assert_eq!(VehicleSessions::<Test>::get(VEHICLE), None);
		assert_eq!(Chargers::<Test>::get(PUBLIC).unwrap().session, None);
		System::assert_has_event(
			Event::SessionInvalidated { session, driver: DRIVER, refund: SIMPLE_ESCROW }.into(),
		);
		System::assert_last_event(
			lapsed_event(session, DRIVER, MEMBER, LapseReason::DriverLeft).into(),
		);

		let next = start(MEMBER, PUBLIC, VEHICLE, 10_000);
		assert_eq!(held(HoldReason::SessionEscrow, MEMBER), SIMPLE_ESCROW);
		assert_eq!(VehicleSessions::<Test>::get(VEHICLE), Some(next));
	});
}

#[test]
fn a_revoked_operators_session_is_closed_by_a_stranger_and_the_owner_charges() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = start(VEHICLE_OPERATOR, PUBLIC, VEHICLE, 10_000);
		assert_ok!(SharedCharging::confirm_session(signed(DEVICE), session));
		MockVehicles::update(VEHICLE, |v| v.operators.clear());
		assert_noop!(
			SharedCharging::close_session(signed(DRIVER), session),
			Error::<Test>::NotDriver
		);

		assert_ok!(SharedCharging::close_lapsed_session(signed(STRANGER), session));

		assert_eq!(held(HoldReason::SessionEscrow, VEHICLE_OPERATOR), 0);
		assert_eq!(held(HoldReason::ChargeRecord, VEHICLE_OPERATOR), 0);
		assert_eq!(free(VEHICLE_OPERATOR), BALANCE);
		assert_eq!((free(STRANGER), free(CPO), free(DRIVER)), (BALANCE, BALANCE, BALANCE));
		System::assert_last_event(
			lapsed_event(session, VEHICLE_OPERATOR, STRANGER, LapseReason::DriverLeft).into(),
		);
		start(DRIVER, PUBLIC, VEHICLE, 10_000);
	});
}

#[test]
fn an_operator_right_that_ended_lets_anyone_close_its_session() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = start(VEHICLE_OPERATOR, PUBLIC, VEHICLE, 10_000);
		assert_ok!(SharedCharging::confirm_session(signed(DEVICE), session));
		run_to_block(VEHICLE_OPERATOR_UNTIL);
		assert_noop!(
			SharedCharging::close_lapsed_session(signed(STRANGER), session),
			Error::<Test>::DriverMayOperate
		);
		run_to_block(VEHICLE_OPERATOR_UNTIL + 1);

		assert_ok!(SharedCharging::close_lapsed_session(signed(STRANGER), session));

		assert_eq!(free(VEHICLE_OPERATOR), BALANCE);
		System::assert_last_event(
			lapsed_event(session, VEHICLE_OPERATOR, STRANGER, LapseReason::DriverLeft).into(),
		);
	});
}

#[test]
fn a_stolen_vehicles_session_is_closed_by_anyone() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = active_session();
		MockVehicles::update(VEHICLE, |v| v.status = VehicleStatus::Stolen);

		assert_ok!(SharedCharging::close_lapsed_session(signed(STRANGER), session));

		assert_eq!(free(DRIVER), BALANCE);
		System::assert_last_event(
			lapsed_event(session, DRIVER, STRANGER, LapseReason::DriverLeft).into(),
		);
	});
}

#[test]
fn a_pending_session_is_closable_by_anyone_at_max_pending_duration_and_not_before() {
	ExtBuilder::ready().build_and_execute(|| {
		let started = System::block_number();
		let session = start(DRIVER, PUBLIC, VEHICLE, 10_000);
		assert_eq!(PendingSince::<Test>::get(session), Some(started));
		run_to_block(started + MAX_PENDING_BLOCKS - 1);
		assert_noop!(
			SharedCharging::close_lapsed_session(signed(STRANGER), session),
			Error::<Test>::PendingNotExpired
		);
		run_to_block(started + MAX_PENDING_BLOCKS);

		assert_ok!(SharedCharging::close_lapsed_session(signed(STRANGER), session));

		assert_eq!(held(HoldReason::SessionEscrow, DRIVER), 0);
		assert_eq!(held(HoldReason::ChargeRecord, DRIVER), 0);
		assert_eq!((free(DRIVER), free(STRANGER), free(CPO)), (BALANCE, BALANCE, BALANCE));
		assert_eq!(PendingSince::<Test>::get(session), None);
		System::assert_last_event(
			lapsed_event(session, DRIVER, STRANGER, LapseReason::PendingExpired).into(),
		);
		// The driver may start again.
		start(DRIVER, PUBLIC, VEHICLE, 10_000);
	});
}

#[test]
fn an_active_session_of_a_driver_who_may_operate_is_not_lapsed() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = active_session();
		assert_eq!(PendingSince::<Test>::get(session), None);
		run_to_block(System::block_number() + MAX_PENDING_BLOCKS * 100);
		assert_noop!(
			SharedCharging::close_lapsed_session(signed(STRANGER), session),
			Error::<Test>::DriverMayOperate
		);
	});
}

#[test]
fn ended_and_unknown_sessions_are_refused() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = completed_session();
		assert_noop!(
			SharedCharging::close_lapsed_session(signed(STRANGER), session),
			Error::<Test>::SessionClosed
		);
		assert_noop!(
			SharedCharging::close_lapsed_session(signed(STRANGER), session + 1),
			Error::<Test>::SessionNotFound
		);
	});
}

#[test]
fn a_lapsed_discharge_returns_the_escrow_to_the_operator() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = super::discharge::active_discharge();
		let escrow = held(HoldReason::DischargeEscrow, CPO);
		assert!(escrow > 0);
		MockVehicles::update(MEMBER_VEHICLE, |v| v.owner = OTHER_MEMBER);

		assert_ok!(SharedCharging::close_lapsed_session(signed(STRANGER), session));

		assert_eq!(held(HoldReason::DischargeEscrow, CPO), 0);
		assert_eq!(free(CPO), BALANCE);
		assert_eq!(held(HoldReason::ChargeRecord, MEMBER), 0);
		assert_eq!(free(MEMBER), BALANCE);
		assert!(!Discharges::<Test>::contains_key(session));
		System::assert_has_event(
			Event::DischargeInvalidated { session, operator: CPO, refund: escrow }.into(),
		);
		System::assert_last_event(
			Event::SessionLapsed {
				session,
				vehicle: MEMBER_VEHICLE,
				driver: MEMBER,
				closer: STRANGER,
				reason: LapseReason::DriverLeft,
			}
			.into(),
		);
	});
}
