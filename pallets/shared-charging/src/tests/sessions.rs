//! Sessions: who may start, confirm, stop and close them, and when.

use polkadot_sdk::frame_support::{assert_noop, assert_ok};
use v2x_primitives::{
	testing::{MockVehicles, RecordingOdometer},
	OdometerSource, VehicleStatus,
};

use super::*;
use crate::{Chargers, Error, Event, Records, SessionState, Sessions, VehicleSessions};

#[test]
fn a_driver_starts_a_session_and_the_worst_case_is_held() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = start(DRIVER, PUBLIC, VEHICLE, 10_000);
		let open = Sessions::<Test>::get(session).unwrap();
		assert_eq!(open.state, SessionState::Pending);
		assert_eq!(open.escrow, SIMPLE_ESCROW);
		assert_eq!(held(HoldReason::SessionEscrow, DRIVER), SIMPLE_ESCROW);
		assert_eq!(held(HoldReason::ChargeRecord, DRIVER), RECORD_DEPOSIT);
		assert_eq!(VehicleSessions::<Test>::get(VEHICLE), Some(session));
		assert_eq!(Chargers::<Test>::get(PUBLIC).unwrap().session, Some(session));
		System::assert_last_event(
			Event::SessionStarted {
				session,
				charger: PUBLIC,
				vehicle: VEHICLE,
				driver: DRIVER,
				tariff: SIMPLE_TARIFF,
				version: 0,
				escrow: SIMPLE_ESCROW,
			}
			.into(),
		);
	});
}

#[test]
fn a_vehicle_operator_may_charge_it() {
	ExtBuilder::ready().build_and_execute(|| {
		start(VEHICLE_OPERATOR, PUBLIC, VEHICLE, 10_000);
		assert_eq!(held(HoldReason::SessionEscrow, VEHICLE_OPERATOR), SIMPLE_ESCROW);
	});
}

#[test]
fn only_who_may_operate_the_vehicle_starts_a_session() {
	ExtBuilder::ready().build_and_execute(|| {
		for who in [STRANGER, CPO, DEVICE, MEMBER] {
			assert_noop!(
				SharedCharging::start_session(signed(who), PUBLIC, VEHICLE, 1_000),
				Error::<Test>::NotOperator
			);
		}
	});
}

#[test]
fn not_a_member_is_refused_at_a_residence() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			SharedCharging::start_session(signed(DRIVER), RESIDENCE, VEHICLE, 1_000),
			Error::<Test>::NotMember
		);
	});
}

#[test]
fn a_member_pays_its_own_tariff() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = start(OTHER_MEMBER, RESIDENCE, OTHER_MEMBER_VEHICLE, 10_000);
		let open = Sessions::<Test>::get(session).unwrap();
		assert_eq!(open.tariff, MEMBER_TARIFF);
		assert_eq!(open.escrow, 1_000);
	});
}

#[test]
fn unknown_stolen_and_busy_vehicles_are_refused() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			SharedCharging::start_session(signed(DRIVER), PUBLIC, UNKNOWN_VEHICLE, 1_000),
			Error::<Test>::VehicleNotFound
		);
		start(MEMBER, RESIDENCE, MEMBER_VEHICLE, 1_000);
		assert_ok!(SharedCharging::remove_member(signed(CPO), RESIDENCE, OTHER_MEMBER));
		assert_ok!(SharedCharging::add_member(signed(CPO), RESIDENCE, OTHER_MEMBER, None));
		let charger = register(SIMPLE_TARIFF);
		assert_noop!(
			SharedCharging::start_session(signed(MEMBER), charger, MEMBER_VEHICLE, 1_000),
			Error::<Test>::VehicleBusy
		);
		MockVehicles::update(VEHICLE, |v| v.status = VehicleStatus::Stolen);
		assert_noop!(
			SharedCharging::start_session(signed(DRIVER), PUBLIC, VEHICLE, 1_000),
			Error::<Test>::VehicleNotActive
		);
	});
}

#[test]
fn a_busy_or_unknown_charger_is_refused() {
	ExtBuilder::ready().build_and_execute(|| {
		start(DRIVER, PUBLIC, VEHICLE, 1_000);
		assert_noop!(
			SharedCharging::start_session(signed(MEMBER), PUBLIC, MEMBER_VEHICLE, 1_000),
			Error::<Test>::ChargerBusy
		);
		assert_noop!(
			SharedCharging::start_session(signed(MEMBER), 9, MEMBER_VEHICLE, 1_000),
			Error::<Test>::ChargerNotFound
		);
	});
}

#[test]
fn the_cap_is_above_zero_and_bounded() {
	ExtBuilder::ready().build_and_execute(|| {
		for cap in [0, MAX_CAP_WH + 1] {
			assert_noop!(
				SharedCharging::start_session(signed(DRIVER), PUBLIC, VEHICLE, cap),
				Error::<Test>::InvalidCap
			);
		}
	});
}

#[test]
fn the_driver_must_afford_the_escrow() {
	ExtBuilder::ready().build_and_execute(|| {
		MockVehicles::add(7, PAUPER, 1_000);
		assert_noop!(
			SharedCharging::start_session(signed(PAUPER), PUBLIC, 7, 1_000),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn the_charger_device_confirms_a_session() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = start(DRIVER, PUBLIC, VEHICLE, 1_000);
		assert_ok!(SharedCharging::confirm_session(signed(DEVICE), session));
		let started_ms = now_secs() * 1_000;
		assert_eq!(
			Sessions::<Test>::get(session).unwrap().state,
			SessionState::Active { started_ms }
		);
		System::assert_last_event(Event::SessionActivated { session, started_ms }.into());
		assert_noop!(
			SharedCharging::confirm_session(signed(DEVICE), session),
			Error::<Test>::NotPending
		);
	});
}

#[test]
fn only_the_charger_confirms_a_session() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = start(DRIVER, PUBLIC, VEHICLE, 1_000);
		for who in [DRIVER, STRANGER, RESIDENCE_DEVICE] {
			assert_noop!(
				SharedCharging::confirm_session(signed(who), session),
				Error::<Test>::NotCharger
			);
		}
		assert_noop!(
			SharedCharging::confirm_session(signed(DEVICE), 9),
			Error::<Test>::SessionNotFound
		);
	});
}

#[test]
fn stop_by_a_stranger_is_refused() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = active_session();
		pass(60);
		for who in [STRANGER, DRIVER, RESIDENCE_DEVICE] {
			assert_noop!(
				SharedCharging::stop_session(signed(who), session, reading(10, 60, 0), None),
				Error::<Test>::NotCharger
			);
		}
	});
}

#[test]
fn the_operator_may_stop_a_session() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = active_session();
		pass(60);
		assert_ok!(SharedCharging::stop_session(signed(CPO), session, reading(10, 60, 0), None));
		assert!(Records::<Test>::contains_key(session));
	});
}

#[test]
fn a_pending_session_cannot_be_stopped() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = start(DRIVER, PUBLIC, VEHICLE, 1_000);
		pass(60);
		assert_noop!(
			SharedCharging::stop_session(signed(DEVICE), session, reading(10, 60, 0), None),
			Error::<Test>::NotActive
		);
	});
}

#[test]
fn cap_exceeded_is_refused() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = active_session();
		pass(3_600);
		assert_noop!(
			SharedCharging::stop_session(signed(DEVICE), session, reading(10_001, 3_600, 0), None),
			Error::<Test>::CapExceeded
		);
	});
}

#[test]
fn an_implausible_reading_is_refused() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = active_session();
		pass(600);
		// Longer than the time since the start.
		assert_noop!(
			SharedCharging::stop_session(signed(DEVICE), session, reading(100, 500, 101), None),
			Error::<Test>::ImplausibleReading
		);
		// More than 22 kW for 600 s delivers (3_666 Wh).
		assert_noop!(
			SharedCharging::stop_session(signed(DEVICE), session, reading(3_667, 600, 0), None),
			Error::<Test>::ImplausibleReading
		);
		assert_ok!(SharedCharging::stop_session(
			signed(DEVICE),
			session,
			reading(3_666, 600, 0),
			None
		));
	});
}

#[test]
fn double_stop_is_refused() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = completed_session();
		assert_noop!(
			SharedCharging::stop_session(signed(DEVICE), session, reading(1, 1, 0), None),
			Error::<Test>::SessionClosed
		);
	});
}

#[test]
fn the_charger_records_the_odometer_at_stop() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = active_session();
		pass(60);
		assert_ok!(SharedCharging::stop_session(
			signed(DEVICE),
			session,
			reading(10, 60, 0),
			Some(42_000)
		));
		assert_eq!(RecordingOdometer::readings(), vec![(VEHICLE, 42_000, OdometerSource::Charger)]);
	});
}

#[test]
fn a_pending_session_is_cancelled_by_its_driver_or_charger() {
	ExtBuilder::ready().build_and_execute(|| {
		for closer in [DRIVER, DEVICE, CPO] {
			let session = start(DRIVER, PUBLIC, VEHICLE, 10_000);
			assert_ok!(SharedCharging::close_session(signed(closer), session));
			System::assert_last_event(
				Event::SessionInvalidated { session, driver: DRIVER, refund: SIMPLE_ESCROW }.into(),
			);
			assert_eq!(free(DRIVER), BALANCE);
		}
		let session = start(DRIVER, PUBLIC, VEHICLE, 10_000);
		assert_noop!(
			SharedCharging::close_session(signed(STRANGER), session),
			Error::<Test>::NotDriver
		);
	});
}

#[test]
fn timeout_refund_returns_the_whole_escrow() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = active_session();
		pass(u64::from(MAX_DURATION_SECS) - 1);
		assert_noop!(
			SharedCharging::close_session(signed(DRIVER), session),
			Error::<Test>::NotTimedOut
		);
		pass(1);
		assert_noop!(
			SharedCharging::close_session(signed(DEVICE), session),
			Error::<Test>::NotDriver
		);
		assert_ok!(SharedCharging::close_session(signed(DRIVER), session));
		assert_eq!(free(DRIVER), BALANCE);
		assert_eq!(held(HoldReason::SessionEscrow, DRIVER), 0);
		assert_eq!(held(HoldReason::ChargeRecord, DRIVER), 0);
		assert!(!Sessions::<Test>::contains_key(session));
		assert!(!Records::<Test>::contains_key(session));
		assert_eq!(Chargers::<Test>::get(PUBLIC).unwrap().session, None);
		assert_noop!(
			SharedCharging::stop_session(signed(DEVICE), session, reading(1, 1, 0), None),
			Error::<Test>::SessionClosed
		);
		assert_noop!(
			SharedCharging::close_session(signed(DRIVER), session),
			Error::<Test>::SessionClosed
		);
	});
}
