//! A charger's meter agrees to serve it: invited by the operator, it accepts with its own key
//! and may leave; the operator may replace it, and acts itself for a charger without one.

use polkadot_sdk::frame_support::{assert_noop, assert_ok};

use super::*;
use crate::{BatteryState, ChargerMeter, Chargers, Error, Event, LapseReason, Records, Sessions};

/// An account the operator names as a new meter.
const NEW_METER: u64 = 13;

fn meter_of(charger: ChargerId) -> ChargerMeter<u64> {
	Chargers::<Test>::get(charger).unwrap().meter
}

fn accept(who: u64, charger: ChargerId) -> polkadot_sdk::sp_runtime::DispatchResult {
	SharedCharging::accept_charger_meter(signed(who), charger)
}

fn leave(who: u64, charger: ChargerId) -> polkadot_sdk::sp_runtime::DispatchResult {
	SharedCharging::leave_charger_meter(signed(who), charger)
}

fn set_meter(
	who: u64,
	charger: ChargerId,
	device: Option<u64>,
) -> polkadot_sdk::sp_runtime::DispatchResult {
	SharedCharging::set_charger_meter(signed(who), charger, device)
}

#[test]
fn an_invited_meter_has_none_of_a_meters_powers() {
	ExtBuilder::ready().build_and_execute(|| {
		let charger = register(SIMPLE_TARIFF);
		assert_eq!(meter_of(charger), ChargerMeter::Invited(DEVICE));
		let session = start(DRIVER, charger, VEHICLE, 10_000);
		assert_noop!(
			SharedCharging::confirm_session(signed(DEVICE), session),
			Error::<Test>::NotCharger
		);
		assert_noop!(
			SharedCharging::close_session(signed(DEVICE), session),
			Error::<Test>::NotDriver
		);
		assert_ok!(SharedCharging::confirm_session(signed(CPO), session));
		assert_noop!(
			SharedCharging::stop_session(signed(DEVICE), session, reading(100, 60, 0), None),
			Error::<Test>::NotCharger
		);
		assert_noop!(
			SharedCharging::declare_baseline(signed(DEVICE), session, 1_000),
			Error::<Test>::NotDriver
		);
	});
}

#[test]
fn a_charger_without_an_accepted_meter_works_through_its_operator() {
	ExtBuilder::ready().build_and_execute(|| {
		let charger = register(SIMPLE_TARIFF);
		let session = start(DRIVER, charger, VEHICLE, 10_000);
		assert_ok!(SharedCharging::confirm_session(signed(CPO), session));
		assert_ok!(SharedCharging::declare_baseline(signed(CPO), session, 1_000));
		pass(3_600);
		assert_ok!(SharedCharging::stop_session(
			signed(CPO),
			session,
			reading(7_333, 3_000, 600),
			None
		));
		assert_eq!(Records::<Test>::get(session).unwrap().cost.total, COMPLETED_COST);
		assert_eq!(held(HoldReason::OperatorPayment, CPO), COMPLETED_COST - COMPLETED_COST / 20);
	});
}

#[test]
fn the_invited_meter_accepts_and_then_confirms_and_stops_sessions() {
	ExtBuilder::ready().build_and_execute(|| {
		let charger = register(SIMPLE_TARIFF);

		assert_ok!(accept(DEVICE, charger));

		assert_eq!(meter_of(charger), ChargerMeter::Accepted(DEVICE));
		System::assert_last_event(Event::MeterAccepted { charger, meter: DEVICE }.into());
		// The same account may serve several chargers, each by its own consent.
		assert_eq!(meter_of(PUBLIC), ChargerMeter::Accepted(DEVICE));
		let session = start(DRIVER, charger, VEHICLE, 10_000);
		assert_ok!(SharedCharging::confirm_session(signed(DEVICE), session));
		pass(60);
		assert_ok!(SharedCharging::stop_session(
			signed(DEVICE),
			session,
			reading(100, 60, 0),
			None
		));
		assert!(Records::<Test>::contains_key(session));
	});
}

#[test]
fn only_the_invited_account_accepts() {
	ExtBuilder::ready().build_and_execute(|| {
		let charger = register(SIMPLE_TARIFF);
		// The operator cannot accept for the meter; a stranger, a driver, another charger's
		// meter and another operator cannot either.
		for who in [CPO, STRANGER, DRIVER, RESIDENCE_DEVICE, OTHER_CPO] {
			assert_noop!(accept(who, charger), Error::<Test>::NotInvitedMeter);
		}
		// A meter that accepted is not invited any more.
		assert_noop!(accept(DEVICE, PUBLIC), Error::<Test>::NotInvitedMeter);
		assert_noop!(accept(DEVICE, 404), Error::<Test>::ChargerNotFound);
		assert_ok!(accept(DEVICE, charger));
		assert_noop!(accept(DEVICE, charger), Error::<Test>::NotInvitedMeter);
	});
}

#[test]
fn a_meter_leaves_and_loses_its_powers_while_the_operator_keeps_its_own() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(leave(DEVICE, PUBLIC));

		assert_eq!(meter_of(PUBLIC), ChargerMeter::None);
		System::assert_last_event(Event::MeterLeft { charger: PUBLIC, meter: DEVICE }.into());
		let session = start(DRIVER, PUBLIC, VEHICLE, 10_000);
		assert_noop!(
			SharedCharging::confirm_session(signed(DEVICE), session),
			Error::<Test>::NotCharger
		);
		assert_ok!(SharedCharging::confirm_session(signed(CPO), session));
		// It cannot come back on its own: the operator invites it again.
		assert_noop!(accept(DEVICE, PUBLIC), Error::<Test>::NotInvitedMeter);
	});
}

#[test]
fn an_invited_meter_declines_by_leaving() {
	ExtBuilder::ready().build_and_execute(|| {
		let charger = register(SIMPLE_TARIFF);

		assert_ok!(leave(DEVICE, charger));

		assert_eq!(meter_of(charger), ChargerMeter::None);
		System::assert_last_event(Event::MeterLeft { charger, meter: DEVICE }.into());
		assert_noop!(accept(DEVICE, charger), Error::<Test>::NotInvitedMeter);
	});
}

#[test]
fn only_the_meter_leaves() {
	ExtBuilder::ready().build_and_execute(|| {
		for who in [CPO, STRANGER, DRIVER, RESIDENCE_DEVICE, OTHER_CPO] {
			assert_noop!(leave(who, PUBLIC), Error::<Test>::NotMeter);
		}
		assert_noop!(leave(DEVICE, 404), Error::<Test>::ChargerNotFound);
		assert_ok!(leave(DEVICE, PUBLIC));
		assert_noop!(leave(DEVICE, PUBLIC), Error::<Test>::NotMeter);
	});
}

#[test]
fn an_active_session_is_stopped_by_the_operator_after_its_meter_left() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = active_session();
		assert_ok!(leave(DEVICE, PUBLIC));
		pass(3_600);
		assert_noop!(
			SharedCharging::stop_session(signed(DEVICE), session, reading(7_333, 3_000, 600), None),
			Error::<Test>::NotCharger
		);
		assert_ok!(SharedCharging::stop_session(
			signed(CPO),
			session,
			reading(7_333, 3_000, 600),
			None
		));
		assert_eq!(Records::<Test>::get(session).unwrap().cost.total, COMPLETED_COST);
	});
}

#[test]
fn a_pending_session_lapses_after_its_meter_left() {
	ExtBuilder::ready().build_and_execute(|| {
		let started = System::block_number();
		let session = start(DRIVER, PUBLIC, VEHICLE, 10_000);
		assert_ok!(leave(DEVICE, PUBLIC));
		assert_noop!(
			SharedCharging::close_session(signed(DEVICE), session),
			Error::<Test>::NotDriver
		);
		run_to_block(started + MAX_PENDING_BLOCKS);

		assert_ok!(SharedCharging::close_lapsed_session(signed(STRANGER), session));

		assert!(!Sessions::<Test>::contains_key(session));
		assert_eq!((held(HoldReason::SessionEscrow, DRIVER), free(DRIVER)), (0, BALANCE));
		System::assert_last_event(
			Event::SessionLapsed {
				session,
				vehicle: VEHICLE,
				driver: DRIVER,
				closer: STRANGER,
				reason: LapseReason::PendingExpired,
			}
			.into(),
		);
	});
}

#[test]
fn a_discharge_is_not_the_business_of_a_meter_that_left() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(SharedCharging::opt_in_grid(signed(CPO), RESIDENCE, Some(250)));
		assert_ok!(leave(RESIDENCE_DEVICE, RESIDENCE));
		let battery = BatteryState { capacity_wh: 60_000, soc_percent: 80, min_soc_percent: 30 };
		assert_ok!(SharedCharging::start_discharge(
			signed(MEMBER),
			RESIDENCE,
			MEMBER_VEHICLE,
			battery
		));
		let session = NextSessionId::<Test>::get() - 1;
		assert_noop!(
			SharedCharging::confirm_session(signed(RESIDENCE_DEVICE), session),
			Error::<Test>::NotCharger
		);
		assert_ok!(SharedCharging::confirm_session(signed(CPO), session));
	});
}

#[test]
fn the_operator_replaces_the_meter_with_an_invited_one() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(set_meter(CPO, PUBLIC, Some(NEW_METER)));

		assert_eq!(meter_of(PUBLIC), ChargerMeter::Invited(NEW_METER));
		System::assert_has_event(Event::MeterRemoved { charger: PUBLIC, meter: DEVICE }.into());
		System::assert_last_event(Event::MeterInvited { charger: PUBLIC, meter: NEW_METER }.into());
		let session = start(DRIVER, PUBLIC, VEHICLE, 10_000);
		for who in [DEVICE, NEW_METER] {
			assert_noop!(
				SharedCharging::confirm_session(signed(who), session),
				Error::<Test>::NotCharger
			);
		}
		assert_ok!(accept(NEW_METER, PUBLIC));
		assert_ok!(SharedCharging::confirm_session(signed(NEW_METER), session));
	});
}

#[test]
fn the_operator_names_a_meter_again_after_it_left() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(leave(DEVICE, PUBLIC));

		assert_ok!(set_meter(CPO, PUBLIC, Some(DEVICE)));

		System::assert_last_event(Event::MeterInvited { charger: PUBLIC, meter: DEVICE }.into());
		assert_ok!(accept(DEVICE, PUBLIC));
		assert_eq!(meter_of(PUBLIC), ChargerMeter::Accepted(DEVICE));
	});
}

#[test]
fn the_operator_removes_the_meter_or_withdraws_an_invitation() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(set_meter(CPO, PUBLIC, None));
		assert_eq!(meter_of(PUBLIC), ChargerMeter::None);
		System::assert_last_event(Event::MeterRemoved { charger: PUBLIC, meter: DEVICE }.into());
		assert_noop!(set_meter(CPO, PUBLIC, None), Error::<Test>::NoMeter);

		let charger = register(SIMPLE_TARIFF);
		assert_ok!(set_meter(CPO, charger, None));
		System::assert_last_event(Event::MeterRemoved { charger, meter: DEVICE }.into());
		assert_noop!(accept(DEVICE, charger), Error::<Test>::NotInvitedMeter);
	});
}

#[test]
fn only_the_operator_sets_the_meter() {
	ExtBuilder::ready().build_and_execute(|| {
		// Not the meter itself, another operator, a driver, a stranger, nor the new meter.
		for who in [DEVICE, OTHER_CPO, DRIVER, STRANGER, NEW_METER] {
			assert_noop!(
				set_meter(who, PUBLIC, Some(NEW_METER)),
				Error::<Test>::NotChargerOperator
			);
			assert_noop!(set_meter(who, PUBLIC, None), Error::<Test>::NotChargerOperator);
		}
		assert_noop!(set_meter(CPO, 404, Some(NEW_METER)), Error::<Test>::ChargerNotFound);
	});
}

#[test]
fn the_operator_is_never_its_own_meter() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			SharedCharging::register_charger(
				signed(CPO),
				CPO,
				geohash("u33dc2"),
				22,
				Connector::Ccs2,
				false,
				AccessRule::Public,
				SIMPLE_TARIFF,
			),
			Error::<Test>::MeterIsOperator
		);
		assert_noop!(set_meter(CPO, PUBLIC, Some(CPO)), Error::<Test>::MeterIsOperator);
	});
}

#[test]
fn naming_the_current_meter_again_changes_nothing() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(set_meter(CPO, PUBLIC, Some(DEVICE)), Error::<Test>::MeterUnchanged);
		let charger = register(SIMPLE_TARIFF);
		assert_noop!(set_meter(CPO, charger, Some(DEVICE)), Error::<Test>::MeterUnchanged);
	});
}

#[test]
fn a_busy_charger_changes_its_meter_and_the_session_goes_on() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = active_session();
		assert_ok!(set_meter(CPO, PUBLIC, Some(NEW_METER)));
		assert_ok!(accept(NEW_METER, PUBLIC));
		pass(3_600);
		assert_ok!(SharedCharging::stop_session(
			signed(NEW_METER),
			session,
			reading(7_333, 3_000, 600),
			None
		));
		assert_eq!(Records::<Test>::get(session).unwrap().cost.total, COMPLETED_COST);
	});
}
