//! Vehicle-to-grid discharge sessions: started by drivers at bidirectional chargers, paid by
//! the operator per exported kWh, never below the minimum state of charge.

use polkadot_sdk::frame_support::{assert_noop, assert_ok};
use v2x_primitives::testing::MockVehicles;

use super::*;
use crate::{
	BatteryState, DischargeReading, DischargeRecords, Discharges, Error, Event, SessionState,
	VehicleSessions,
};

const EXPORT_PER_KWH: u64 = 250;
/// 60 kWh at 80 %, never below 30 %: 30 kWh may go.
const BATTERY: BatteryState =
	BatteryState { capacity_wh: 60_000, soc_percent: 80, min_soc_percent: 30 };
const EXPORT_CAP_WH: u32 = 30_000;
/// 250 per kWh for 30 kWh.
const ESCROW: u64 = 7_500;

fn enrol_residence() {
	assert_ok!(SharedCharging::opt_in_grid(signed(CPO), RESIDENCE, Some(EXPORT_PER_KWH)));
}

/// `MEMBER` starts a discharge of `MEMBER_VEHICLE` at `RESIDENCE` (enrolled).
fn pending_discharge() -> SessionId {
	enrol_residence();
	assert_ok!(SharedCharging::start_discharge(signed(MEMBER), RESIDENCE, MEMBER_VEHICLE, BATTERY));
	NextSessionId::<Test>::get() - 1
}

/// `pending_discharge`, confirmed by the residence's meter.
pub(super) fn active_discharge() -> SessionId {
	let session = pending_discharge();
	assert_ok!(SharedCharging::confirm_session(signed(RESIDENCE_DEVICE), session));
	session
}

fn discharge_reading(exported_wh: u32, secs: u32, final_soc: u8) -> DischargeReading {
	DischargeReading { exported_wh, discharging_secs: secs, final_soc_percent: final_soc }
}

fn start_with(battery: BatteryState) -> polkadot_sdk::sp_runtime::DispatchResult {
	SharedCharging::start_discharge(signed(MEMBER), RESIDENCE, MEMBER_VEHICLE, battery)
}

#[test]
fn a_driver_starts_a_discharge_and_the_operator_escrow_is_held() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = pending_discharge();
		let open = Discharges::<Test>::get(session).unwrap();
		assert_eq!((open.driver, open.operator), (MEMBER, CPO));
		assert_eq!((open.export_cap_wh, open.escrow), (EXPORT_CAP_WH, ESCROW));
		assert_eq!(open.state, SessionState::Pending);
		assert_eq!(held(HoldReason::DischargeEscrow, CPO), ESCROW);
		assert_eq!(free(CPO), BALANCE - ESCROW);
		assert_eq!(held(HoldReason::ChargeRecord, MEMBER), RECORD_DEPOSIT);
		assert_eq!(VehicleSessions::<Test>::get(MEMBER_VEHICLE), Some(session));
		System::assert_last_event(
			Event::DischargeStarted {
				session,
				charger: RESIDENCE,
				vehicle: MEMBER_VEHICLE,
				driver: MEMBER,
				export_cap_wh: EXPORT_CAP_WH,
				escrow: ESCROW,
			}
			.into(),
		);
	});
}

#[test]
fn the_export_cap_is_bounded_by_max_energy_cap() {
	ExtBuilder::ready().build_and_execute(|| {
		enrol_residence();
		let huge = BatteryState { capacity_wh: 1_000_000, soc_percent: 100, min_soc_percent: 0 };
		assert_ok!(start_with(huge));
		let open = Discharges::<Test>::get(0).unwrap();
		assert_eq!(open.export_cap_wh, MAX_CAP_WH);
		assert_eq!(open.escrow, 25_000);
	});
}

#[test]
fn only_an_enrolled_bidirectional_charger_with_an_export_price_discharges() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			SharedCharging::start_discharge(signed(DRIVER), PUBLIC, VEHICLE, BATTERY),
			Error::<Test>::NotBidirectional
		);
		assert_noop!(start_with(BATTERY), Error::<Test>::NotOptedIn);
		assert_ok!(SharedCharging::opt_in_grid(signed(CPO), RESIDENCE, None));
		assert_noop!(start_with(BATTERY), Error::<Test>::NoExportPrice);
		assert_noop!(
			SharedCharging::start_discharge(signed(MEMBER), 9, MEMBER_VEHICLE, BATTERY),
			Error::<Test>::ChargerNotFound
		);
	});
}

#[test]
fn a_discharge_follows_the_charger_access_and_vehicle_rules() {
	ExtBuilder::ready().build_and_execute(|| {
		enrol_residence();
		assert_noop!(
			SharedCharging::start_discharge(signed(DRIVER), RESIDENCE, VEHICLE, BATTERY),
			Error::<Test>::NotMember
		);
		assert_noop!(
			SharedCharging::start_discharge(signed(STRANGER), RESIDENCE, MEMBER_VEHICLE, BATTERY),
			Error::<Test>::NotOperator
		);
		assert_noop!(
			SharedCharging::start_discharge(signed(MEMBER), RESIDENCE, UNKNOWN_VEHICLE, BATTERY),
			Error::<Test>::VehicleNotFound
		);
		start(MEMBER, PUBLIC, MEMBER_VEHICLE, 1_000);
		assert_noop!(start_with(BATTERY), Error::<Test>::VehicleBusy);
	});
}

#[test]
fn a_busy_or_disabled_charger_is_refused() {
	ExtBuilder::ready().build_and_execute(|| {
		pending_discharge();
		assert_noop!(
			SharedCharging::start_discharge(
				signed(OTHER_MEMBER),
				RESIDENCE,
				OTHER_MEMBER_VEHICLE,
				BATTERY
			),
			Error::<Test>::ChargerBusy
		);
		assert_noop!(
			SharedCharging::start_session(signed(OTHER_MEMBER), RESIDENCE, OTHER_MEMBER_VEHICLE, 1),
			Error::<Test>::ChargerBusy
		);
		assert_ok!(SharedCharging::close_session(signed(MEMBER), 0));
		assert_ok!(SharedCharging::disable_charger(signed(CPO), RESIDENCE));
		assert_noop!(start_with(BATTERY), Error::<Test>::ChargerDisabled);
	});
}

#[test]
fn the_battery_state_must_make_sense() {
	ExtBuilder::ready().build_and_execute(|| {
		enrol_residence();
		for battery in [
			BatteryState { capacity_wh: 0, ..BATTERY },
			BatteryState { soc_percent: 101, ..BATTERY },
			BatteryState { min_soc_percent: 80, ..BATTERY },
			BatteryState { min_soc_percent: 90, ..BATTERY },
		] {
			assert_noop!(start_with(battery), Error::<Test>::InvalidSoc);
		}
		// 50 Wh between 2 % and 1 % rounds down to nothing.
		let tiny = BatteryState { capacity_wh: 50, soc_percent: 2, min_soc_percent: 1 };
		assert_noop!(start_with(tiny), Error::<Test>::InvalidCap);
	});
}

#[test]
fn the_operator_must_fund_the_escrow() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(SharedCharging::opt_in_grid(signed(CPO), RESIDENCE, Some(BALANCE)));
		assert_noop!(start_with(BATTERY), Error::<Test>::OperatorUnfunded);
	});
}

#[test]
fn the_driver_must_afford_the_record_deposit() {
	ExtBuilder::ready().build_and_execute(|| {
		enrol_residence();
		assert_ok!(SharedCharging::add_member(signed(CPO), RESIDENCE, PAUPER, None));
		MockVehicles::add(7, PAUPER, 1_000);
		assert_noop!(
			SharedCharging::start_discharge(signed(PAUPER), RESIDENCE, 7, BATTERY),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn the_charger_confirms_a_discharge() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = pending_discharge();
		assert_noop!(
			SharedCharging::confirm_session(signed(STRANGER), session),
			Error::<Test>::NotCharger
		);
		assert_ok!(SharedCharging::confirm_session(signed(RESIDENCE_DEVICE), session));
		let started_ms = now_secs() * 1_000;
		assert_eq!(
			Discharges::<Test>::get(session).unwrap().state,
			SessionState::Active { started_ms }
		);
		System::assert_last_event(Event::SessionActivated { session, started_ms }.into());
		assert_noop!(
			SharedCharging::confirm_session(signed(RESIDENCE_DEVICE), session),
			Error::<Test>::NotPending
		);
	});
}

#[test]
fn a_discharge_settles_from_the_operator_escrow_to_the_unit() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = active_discharge();
		run_to_block(1 + 600);
		let metered = discharge_reading(9_999, 3_600, 64);
		assert_ok!(SharedCharging::stop_discharge(signed(RESIDENCE_DEVICE), session, metered));
		// 250 per kWh for 9.999 kWh is 2_499.75: the driver gets 2_499.
		let payment = 2_499;
		assert_eq!(free(MEMBER), BALANCE - RECORD_DEPOSIT + payment);
		assert_eq!(held(HoldReason::ChargeRecord, MEMBER), RECORD_DEPOSIT);
		assert_eq!(free(CPO), BALANCE - payment);
		assert_eq!(held(HoldReason::DischargeEscrow, CPO), 0);
		System::assert_last_event(
			Event::DischargeCompleted {
				session,
				exported_wh: 9_999,
				payment,
				refund: ESCROW - payment,
			}
			.into(),
		);
		assert!(!Discharges::<Test>::contains_key(session));
		assert!(!VehicleSessions::<Test>::contains_key(MEMBER_VEHICLE));
		assert_eq!(crate::Chargers::<Test>::get(RESIDENCE).unwrap().session, None);
		let record = DischargeRecords::<Test>::get(session).unwrap();
		assert_eq!((record.driver, record.operator, record.payment), (MEMBER, CPO, payment));
		assert_eq!((record.reading, record.battery, record.settled_at), (metered, BATTERY, 601));
		assert_noop!(
			SharedCharging::stop_discharge(signed(RESIDENCE_DEVICE), session, metered),
			Error::<Test>::SessionClosed
		);
	});
}

#[test]
fn discharge_below_the_minimum_soc_refused() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = active_discharge();
		run_to_block(1 + 2_400);
		let stop =
			|metered| SharedCharging::stop_discharge(signed(RESIDENCE_DEVICE), session, metered);
		// The meter says the battery ends at 29 %, below the 30 % the driver set.
		assert_noop!(stop(discharge_reading(20_000, 7_200, 29)), Error::<Test>::BelowMinimumSoc);
		// 30_001 Wh is more than the 30 kWh between 80 % and 30 % of 60 kWh.
		assert_noop!(stop(discharge_reading(30_001, 14_400, 30)), Error::<Test>::BelowMinimumSoc);
		assert_ok!(stop(discharge_reading(30_000, 14_400, 30)));
		assert_eq!(free(MEMBER), BALANCE - RECORD_DEPOSIT + ESCROW);
		assert_eq!(free(CPO), BALANCE - ESCROW);
	});
}

#[test]
fn an_export_above_max_energy_cap_is_refused() {
	ExtBuilder::ready().build_and_execute(|| {
		enrol_residence();
		let huge = BatteryState { capacity_wh: 1_000_000, soc_percent: 100, min_soc_percent: 0 };
		assert_ok!(start_with(huge));
		assert_ok!(SharedCharging::confirm_session(signed(RESIDENCE_DEVICE), 0));
		assert_noop!(
			SharedCharging::stop_discharge(
				signed(RESIDENCE_DEVICE),
				0,
				discharge_reading(MAX_CAP_WH + 1, 0, 50)
			),
			Error::<Test>::CapExceeded
		);
	});
}

#[test]
fn an_implausible_discharge_reading_is_refused() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = active_discharge();
		run_to_block(1 + 600);
		let stop =
			|metered| SharedCharging::stop_discharge(signed(RESIDENCE_DEVICE), session, metered);
		// The state of charge cannot rise while exporting.
		assert_noop!(stop(discharge_reading(1_000, 600, 81)), Error::<Test>::ImplausibleReading);
		// 11 kW for 600 s is at most 1_833 Wh.
		assert_noop!(stop(discharge_reading(1_834, 600, 70)), Error::<Test>::ImplausibleReading);
		// Longer than the time since the start.
		assert_noop!(stop(discharge_reading(0, 3_601, 80)), Error::<Test>::ImplausibleReading);
	});
}

#[test]
fn only_the_charger_stops_an_active_discharge() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = pending_discharge();
		let metered = discharge_reading(0, 0, 80);
		assert_noop!(
			SharedCharging::stop_discharge(signed(RESIDENCE_DEVICE), session, metered),
			Error::<Test>::NotActive
		);
		assert_ok!(SharedCharging::confirm_session(signed(RESIDENCE_DEVICE), session));
		for who in [MEMBER, STRANGER, DEVICE] {
			assert_noop!(
				SharedCharging::stop_discharge(signed(who), session, metered),
				Error::<Test>::NotCharger
			);
		}
		assert_noop!(
			SharedCharging::stop_discharge(signed(RESIDENCE_DEVICE), 9, metered),
			Error::<Test>::SessionNotFound
		);
		assert_ok!(SharedCharging::stop_discharge(signed(CPO), session, metered));
	});
}

#[test]
fn charge_and_discharge_sessions_do_not_mix() {
	ExtBuilder::ready().build_and_execute(|| {
		let charging = active_session();
		let discharging = active_discharge();
		assert_noop!(
			SharedCharging::stop_session(
				signed(RESIDENCE_DEVICE),
				discharging,
				reading(0, 0, 0),
				None
			),
			Error::<Test>::WrongSessionKind
		);
		assert_noop!(
			SharedCharging::stop_discharge(signed(DEVICE), charging, discharge_reading(0, 0, 80)),
			Error::<Test>::WrongSessionKind
		);
		assert_noop!(
			SharedCharging::declare_baseline(signed(MEMBER), discharging, 1_000),
			Error::<Test>::WrongSessionKind
		);
	});
}

#[test]
fn a_pending_discharge_is_cancelled_and_the_escrow_goes_back() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = pending_discharge();
		assert_noop!(
			SharedCharging::close_session(signed(STRANGER), session),
			Error::<Test>::NotDriver
		);
		assert_ok!(SharedCharging::close_session(signed(RESIDENCE_DEVICE), session));
		assert_eq!(free(CPO), BALANCE);
		assert_eq!(free(MEMBER), BALANCE);
		assert!(!Discharges::<Test>::contains_key(session));
		assert!(!DischargeRecords::<Test>::contains_key(session));
		System::assert_last_event(
			Event::DischargeInvalidated { session, operator: CPO, refund: ESCROW }.into(),
		);
	});
}

#[test]
fn an_active_discharge_is_closed_by_its_driver_after_the_timeout() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = active_discharge();
		assert_noop!(
			SharedCharging::close_session(signed(MEMBER), session),
			Error::<Test>::NotTimedOut
		);
		assert_noop!(
			SharedCharging::close_session(signed(RESIDENCE_DEVICE), session),
			Error::<Test>::NotDriver
		);
		pass(u64::from(MAX_DURATION_SECS));
		assert_ok!(SharedCharging::close_session(signed(MEMBER), session));
		assert_eq!(free(CPO), BALANCE);
		assert_eq!(free(MEMBER), BALANCE);
	});
}

#[test]
fn a_running_discharge_keeps_its_price() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = active_discharge();
		assert_ok!(SharedCharging::opt_out_grid(signed(CPO), RESIDENCE));
		run_to_block(1 + 600);
		assert_ok!(SharedCharging::stop_discharge(
			signed(RESIDENCE_DEVICE),
			session,
			discharge_reading(4_000, 3_600, 70)
		));
		assert_eq!(free(MEMBER), BALANCE - RECORD_DEPOSIT + 1_000);
	});
}

#[test]
fn a_charger_with_an_open_discharge_cannot_be_removed() {
	ExtBuilder::ready().build_and_execute(|| {
		pending_discharge();
		assert_noop!(
			SharedCharging::remove_charger(signed(CPO), RESIDENCE),
			Error::<Test>::ChargerBusy
		);
	});
}
