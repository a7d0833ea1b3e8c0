//! Grid services: grid operators, demand-response events and their budgets, enrolment,
//! baselines, curtailment and its reward.

use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_runtime::DispatchError,
};

use super::*;
use crate::{
	Baselines, Curtailment, Curtailments, Error, Event, GridChargers, GridEnrolment, GridEvent,
	GridEventId, GridEventSessions, GridEvents, GridOperators, OpenGridEvents, Records,
};

/// The window of `curtailing_session`'s event: 600 blocks of 6 s, one hour.
const WINDOW_START: u64 = 10;
const WINDOW_END: u64 = 610;
const REWARD_PER_KWH: u64 = 100;
const BUDGET: u64 = 10_000;
/// 11 kW over the whole window: 11 kWh, 100 per kWh.
const WORST_CASE: u64 = 1_100;

fn approve() {
	assert_ok!(SharedCharging::approve_grid_operator(RuntimeOrigin::root(), GRID_OPERATOR));
}

/// `GRID_OPERATOR` publishes an event for `area` paying `REWARD_PER_KWH` from `budget`.
fn publish(area: &str, start: u64, end: u64, budget: u64) -> GridEventId {
	assert_ok!(SharedCharging::publish_grid_event(
		signed(GRID_OPERATOR),
		geohash(area),
		start,
		end,
		REWARD_PER_KWH,
		budget
	));
	crate::NextGridEventId::<Test>::get() - 1
}

fn enrol(charger: ChargerId) {
	assert_ok!(SharedCharging::opt_in_grid(signed(CPO), charger, None));
}

/// At block 1: `DRIVER`'s active session at `PUBLIC` (enrolled) declares an 11 kW baseline.
/// At block 2: `GRID_OPERATOR` (approved) publishes an event for `u33` from block 10 to 610.
fn announced() -> (SessionId, GridEventId) {
	approve();
	enrol(PUBLIC);
	let session = active_session();
	assert_ok!(SharedCharging::declare_baseline(signed(DRIVER), session, 11_000));
	run_to_block(2);
	(session, publish("u33", WINDOW_START, WINDOW_END, BUDGET))
}

/// `announced`, and the driver accepts the curtailment at block 3.
pub(super) fn curtailing_session() -> (SessionId, GridEventId) {
	let (session, event) = announced();
	run_to_block(3);
	assert_ok!(SharedCharging::accept_curtailment(signed(DRIVER), session, event));
	(session, event)
}

fn event_entry(event: GridEventId) -> GridEvent<Test> {
	GridEvents::<Test>::get(event).unwrap()
}

#[test]
fn governance_approves_and_removes_grid_operators() {
	ExtBuilder::ready().build_and_execute(|| {
		approve();
		assert!(GridOperators::<Test>::contains_key(GRID_OPERATOR));
		System::assert_last_event(Event::GridOperatorApproved { operator: GRID_OPERATOR }.into());
		assert_noop!(
			SharedCharging::approve_grid_operator(RuntimeOrigin::root(), GRID_OPERATOR),
			Error::<Test>::AlreadyGridOperator
		);
		assert_ok!(SharedCharging::remove_grid_operator(RuntimeOrigin::root(), GRID_OPERATOR));
		assert!(!GridOperators::<Test>::contains_key(GRID_OPERATOR));
		System::assert_last_event(Event::GridOperatorRemoved { operator: GRID_OPERATOR }.into());
		assert_noop!(
			SharedCharging::remove_grid_operator(RuntimeOrigin::root(), GRID_OPERATOR),
			Error::<Test>::NotGridOperator
		);
	});
}

#[test]
fn only_governance_approves_or_removes_grid_operators() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			SharedCharging::approve_grid_operator(signed(GRID_OPERATOR), GRID_OPERATOR),
			DispatchError::BadOrigin
		);
		approve();
		assert_noop!(
			SharedCharging::remove_grid_operator(signed(GRID_OPERATOR), GRID_OPERATOR),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn a_grid_operator_publishes_an_event_and_its_budget_is_held() {
	ExtBuilder::ready().build_and_execute(|| {
		approve();
		let event = publish("u33", WINDOW_START, WINDOW_END, BUDGET);
		assert_eq!(held(HoldReason::GridBudget, GRID_OPERATOR), BUDGET);
		assert_eq!(free(GRID_OPERATOR), BALANCE - BUDGET);
		assert_eq!(OpenGridEvents::<Test>::get(GRID_OPERATOR), 1);
		let entry = event_entry(event);
		assert_eq!((entry.announced_at, entry.start, entry.end), (1, WINDOW_START, WINDOW_END));
		assert_eq!((entry.budget, entry.reserved, entry.sessions), (BUDGET, 0, 0));
		System::assert_last_event(
			Event::GridEventPublished {
				event,
				operator: GRID_OPERATOR,
				area: geohash("u33"),
				start: WINDOW_START,
				end: WINDOW_END,
				reward_per_kwh: REWARD_PER_KWH,
				budget: BUDGET,
			}
			.into(),
		);
	});
}

#[test]
fn only_approved_grid_operators_publish() {
	ExtBuilder::ready().build_and_execute(|| {
		let publish =
			|who| SharedCharging::publish_grid_event(signed(who), geohash("u33"), 10, 20, 1, 100);
		assert_noop!(publish(GRID_OPERATOR), Error::<Test>::NotGridOperator);
		approve();
		assert_ok!(SharedCharging::remove_grid_operator(RuntimeOrigin::root(), GRID_OPERATOR));
		assert_noop!(publish(GRID_OPERATOR), Error::<Test>::NotGridOperator);
	});
}

#[test]
fn an_event_needs_an_area_a_future_window_and_a_budget() {
	ExtBuilder::ready().build_and_execute(|| {
		approve();
		let publish = |area: &str, start, end, reward, budget| {
			SharedCharging::publish_grid_event(
				signed(GRID_OPERATOR),
				geohash(area),
				start,
				end,
				reward,
				budget,
			)
		};
		assert_noop!(publish("", 10, 20, 1, 100), Error::<Test>::InvalidGeohash);
		assert_noop!(publish("u3a", 10, 20, 1, 100), Error::<Test>::InvalidGeohash);
		assert_noop!(publish("u33", 1, 20, 1, 100), Error::<Test>::InvalidWindow);
		assert_noop!(publish("u33", 10, 10, 1, 100), Error::<Test>::InvalidWindow);
		assert_noop!(publish("u33", 10, 20, 0, 100), Error::<Test>::InvalidBudget);
		assert_noop!(publish("u33", 10, 20, 1, 0), Error::<Test>::InvalidBudget);
		assert_noop!(publish("u33", 10, 20, 1, BALANCE + 1), Error::<Test>::InsufficientBalance);
	});
}

#[test]
fn a_grid_operator_has_at_most_max_grid_events_open() {
	ExtBuilder::ready().build_and_execute(|| {
		approve();
		for _ in 0..MAX_GRID_EVENTS {
			publish("u33", 10, 20, 100);
		}
		assert_noop!(
			SharedCharging::publish_grid_event(
				signed(GRID_OPERATOR),
				geohash("u33"),
				10,
				20,
				1,
				100
			),
			Error::<Test>::TooManyGridEvents
		);
		assert_ok!(SharedCharging::cancel_grid_event(signed(GRID_OPERATOR), 0));
		publish("u33", 10, 20, 100);
	});
}

#[test]
fn the_grid_operator_cancels_before_the_window_and_gets_the_budget_back() {
	ExtBuilder::ready().build_and_execute(|| {
		approve();
		let event = publish("u33", WINDOW_START, WINDOW_END, BUDGET);
		assert_noop!(
			SharedCharging::cancel_grid_event(signed(STRANGER), event),
			Error::<Test>::NotEventOperator
		);
		assert_noop!(
			SharedCharging::cancel_grid_event(signed(GRID_OPERATOR), 9),
			Error::<Test>::GridEventNotFound
		);
		assert_ok!(SharedCharging::cancel_grid_event(signed(GRID_OPERATOR), event));
		assert_eq!(free(GRID_OPERATOR), BALANCE);
		assert_eq!(held(HoldReason::GridBudget, GRID_OPERATOR), 0);
		assert!(!GridEvents::<Test>::contains_key(event));
		assert!(!OpenGridEvents::<Test>::contains_key(GRID_OPERATOR));
		System::assert_last_event(Event::GridEventCancelled { event, refund: BUDGET }.into());
	});
}

#[test]
fn an_event_cannot_be_cancelled_once_its_window_started() {
	ExtBuilder::ready().build_and_execute(|| {
		approve();
		let event = publish("u33", WINDOW_START, WINDOW_END, BUDGET);
		run_to_block(WINDOW_START);
		assert_noop!(
			SharedCharging::cancel_grid_event(signed(GRID_OPERATOR), event),
			Error::<Test>::EventStarted
		);
	});
}

#[test]
fn cancelling_lets_accepting_sessions_go() {
	ExtBuilder::ready().build_and_execute(|| {
		let (session, event) = curtailing_session();
		assert_ok!(SharedCharging::cancel_grid_event(signed(GRID_OPERATOR), event));
		assert!(!Curtailments::<Test>::contains_key(session));
		assert!(!GridEventSessions::<Test>::contains_key(event, session));
		assert!(Baselines::<Test>::contains_key(session));
		assert_eq!(free(GRID_OPERATOR), BALANCE);
	});
}

#[test]
fn anyone_closes_an_event_after_its_claim_period_and_the_rest_goes_back() {
	ExtBuilder::ready().build_and_execute(|| {
		approve();
		let event = publish("u33", WINDOW_START, WINDOW_END, BUDGET);
		run_to_block(WINDOW_END + GRID_CLAIM_PERIOD - 1);
		assert_noop!(
			SharedCharging::close_grid_event(signed(STRANGER), event),
			Error::<Test>::EventNotOver
		);
		run_to_block(WINDOW_END + GRID_CLAIM_PERIOD);
		assert_ok!(SharedCharging::close_grid_event(signed(STRANGER), event));
		assert_eq!(free(GRID_OPERATOR), BALANCE);
		assert!(!GridEvents::<Test>::contains_key(event));
		System::assert_last_event(Event::GridEventClosed { event, refund: BUDGET }.into());
		assert_noop!(
			SharedCharging::close_grid_event(signed(STRANGER), event),
			Error::<Test>::GridEventNotFound
		);
	});
}

#[test]
fn an_operator_enrols_and_withdraws_a_charger() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(SharedCharging::opt_in_grid(signed(CPO), RESIDENCE, Some(250)));
		assert_eq!(
			GridChargers::<Test>::get(RESIDENCE),
			Some(GridEnrolment { export_per_kwh: Some(250) })
		);
		System::assert_last_event(
			Event::ChargerOptedIn { charger: RESIDENCE, export_per_kwh: Some(250) }.into(),
		);
		assert_ok!(SharedCharging::opt_out_grid(signed(CPO), RESIDENCE));
		assert!(!GridChargers::<Test>::contains_key(RESIDENCE));
		System::assert_last_event(Event::ChargerOptedOut { charger: RESIDENCE }.into());
		assert_noop!(
			SharedCharging::opt_out_grid(signed(CPO), RESIDENCE),
			Error::<Test>::NotOptedIn
		);
	});
}

#[test]
fn only_the_operator_enrols_and_only_bidirectional_chargers_export() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			SharedCharging::opt_in_grid(signed(STRANGER), PUBLIC, None),
			Error::<Test>::NotChargerOperator
		);
		assert_noop!(
			SharedCharging::opt_in_grid(signed(CPO), 9, None),
			Error::<Test>::ChargerNotFound
		);
		assert_noop!(
			SharedCharging::opt_in_grid(signed(CPO), PUBLIC, Some(250)),
			Error::<Test>::NotBidirectional
		);
		enrol(PUBLIC);
		assert_noop!(
			SharedCharging::opt_out_grid(signed(STRANGER), PUBLIC),
			Error::<Test>::NotChargerOperator
		);
	});
}

#[test]
fn removing_a_charger_withdraws_it_from_grid_services() {
	ExtBuilder::ready().build_and_execute(|| {
		let charger = register(SIMPLE_TARIFF);
		enrol(charger);
		assert_ok!(SharedCharging::remove_charger(signed(CPO), charger));
		assert!(!GridChargers::<Test>::contains_key(charger));
	});
}

#[test]
fn the_driver_or_the_charger_declares_a_baseline() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = active_session();
		assert_ok!(SharedCharging::declare_baseline(signed(DRIVER), session, 7_000));
		System::assert_last_event(Event::BaselineDeclared { session, power_w: 7_000 }.into());
		assert_ok!(SharedCharging::declare_baseline(signed(DEVICE), session, 22_000));
		let baseline = Baselines::<Test>::get(session).unwrap();
		assert_eq!((baseline.power_w, baseline.declared_at), (22_000, 1));
		assert_noop!(
			SharedCharging::declare_baseline(signed(STRANGER), session, 7_000),
			Error::<Test>::NotDriver
		);
	});
}

#[test]
fn a_baseline_is_above_zero_and_within_the_charger_power() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = active_session();
		for power_w in [0, 22_001] {
			assert_noop!(
				SharedCharging::declare_baseline(signed(DRIVER), session, power_w),
				Error::<Test>::InvalidBaseline
			);
		}
	});
}

#[test]
fn only_an_active_charge_session_declares_a_baseline() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = start(DRIVER, PUBLIC, VEHICLE, 1_000);
		assert_noop!(
			SharedCharging::declare_baseline(signed(DRIVER), session, 7_000),
			Error::<Test>::NotActive
		);
		assert_noop!(
			SharedCharging::declare_baseline(signed(DRIVER), 9, 7_000),
			Error::<Test>::SessionNotFound
		);
	});
}

#[test]
fn accepting_a_curtailment_reserves_the_worst_case_from_the_budget() {
	ExtBuilder::ready().build_and_execute(|| {
		let (session, event) = curtailing_session();
		assert_eq!(
			Curtailments::<Test>::get(session),
			Some(Curtailment { event, accepted_at: 3, reserved: WORST_CASE })
		);
		let entry = event_entry(event);
		assert_eq!((entry.budget, entry.reserved, entry.sessions), (BUDGET, WORST_CASE, 1));
		assert!(GridEventSessions::<Test>::contains_key(event, session));
		System::assert_last_event(
			Event::CurtailmentAccepted { session, event, reserved: WORST_CASE }.into(),
		);
		assert_noop!(
			SharedCharging::accept_curtailment(signed(DRIVER), session, event),
			Error::<Test>::AlreadyCurtailing
		);
		assert_noop!(
			SharedCharging::declare_baseline(signed(DRIVER), session, 5_000),
			Error::<Test>::AlreadyCurtailing
		);
	});
}

#[test]
fn accepting_inside_the_window_reserves_only_the_rest_of_it() {
	ExtBuilder::ready().build_and_execute(|| {
		let (session, event) = announced();
		// Half the window left: 5.5 kWh.
		run_to_block(WINDOW_START + 300);
		assert_ok!(SharedCharging::accept_curtailment(signed(DRIVER), session, event));
		assert_eq!(Curtailments::<Test>::get(session).unwrap().reserved, WORST_CASE / 2);
	});
}

#[test]
fn curtailment_reward_with_a_late_baseline_refused() {
	ExtBuilder::ready().build_and_execute(|| {
		approve();
		enrol(PUBLIC);
		let session = active_session();
		run_to_block(2);
		let event = publish("u33", WINDOW_START, WINDOW_END, BUDGET);
		// Declared in the block the event was announced: too late.
		assert_ok!(SharedCharging::declare_baseline(signed(DRIVER), session, 11_000));
		assert_noop!(
			SharedCharging::accept_curtailment(signed(DRIVER), session, event),
			Error::<Test>::LateBaseline
		);
		// And after it.
		run_to_block(3);
		assert_ok!(SharedCharging::declare_baseline(signed(DRIVER), session, 11_000));
		assert_noop!(
			SharedCharging::accept_curtailment(signed(DRIVER), session, event),
			Error::<Test>::LateBaseline
		);
		// The session settles without any reward; the budget stays whole.
		run_to_block(WINDOW_END);
		assert_ok!(SharedCharging::stop_session(
			signed(DEVICE),
			session,
			reading(0, 3_600, 0),
			None
		));
		assert_eq!(held(HoldReason::GridBudget, GRID_OPERATOR), BUDGET);
		assert_eq!(free(DRIVER), BALANCE - 50 - RECORD_DEPOSIT);
	});
}

#[test]
fn a_redeclared_baseline_counts_from_its_new_block() {
	ExtBuilder::ready().build_and_execute(|| {
		let (session, event) = announced();
		run_to_block(3);
		assert_ok!(SharedCharging::declare_baseline(signed(DRIVER), session, 22_000));
		assert_noop!(
			SharedCharging::accept_curtailment(signed(DRIVER), session, event),
			Error::<Test>::LateBaseline
		);
	});
}

#[test]
fn a_curtailment_needs_a_baseline() {
	ExtBuilder::ready().build_and_execute(|| {
		approve();
		enrol(PUBLIC);
		let session = active_session();
		let event = publish("u33", WINDOW_START, WINDOW_END, BUDGET);
		assert_noop!(
			SharedCharging::accept_curtailment(signed(DRIVER), session, event),
			Error::<Test>::NoBaseline
		);
	});
}

#[test]
fn only_the_driver_of_an_active_session_accepts() {
	ExtBuilder::ready().build_and_execute(|| {
		let (session, event) = announced();
		assert_noop!(
			SharedCharging::accept_curtailment(signed(DEVICE), session, event),
			Error::<Test>::NotDriver
		);
		assert_noop!(
			SharedCharging::accept_curtailment(signed(MEMBER), 9, event),
			Error::<Test>::SessionNotFound
		);
		assert_noop!(
			SharedCharging::accept_curtailment(signed(DRIVER), session, 9),
			Error::<Test>::GridEventNotFound
		);
		let pending = start(MEMBER, RESIDENCE, MEMBER_VEHICLE, 1_000);
		assert_noop!(
			SharedCharging::accept_curtailment(signed(MEMBER), pending, event),
			Error::<Test>::NotActive
		);
	});
}

#[test]
fn a_curtailment_is_accepted_only_before_the_window_ends() {
	ExtBuilder::ready().build_and_execute(|| {
		let (session, event) = announced();
		run_to_block(WINDOW_END);
		assert_noop!(
			SharedCharging::accept_curtailment(signed(DRIVER), session, event),
			Error::<Test>::EventOver
		);
	});
}

#[test]
fn only_enrolled_chargers_in_the_area_curtail() {
	ExtBuilder::ready().build_and_execute(|| {
		let (session, event) = announced();
		let elsewhere = publish("u34", WINDOW_START, WINDOW_END, BUDGET);
		assert_noop!(
			SharedCharging::accept_curtailment(signed(DRIVER), session, elsewhere),
			Error::<Test>::OutsideArea
		);
		assert_ok!(SharedCharging::opt_out_grid(signed(CPO), PUBLIC));
		assert_noop!(
			SharedCharging::accept_curtailment(signed(DRIVER), session, event),
			Error::<Test>::NotOptedIn
		);
	});
}

#[test]
fn the_budget_must_cover_the_worst_case() {
	ExtBuilder::ready().build_and_execute(|| {
		approve();
		enrol(PUBLIC);
		let session = active_session();
		assert_ok!(SharedCharging::declare_baseline(signed(DRIVER), session, 11_000));
		run_to_block(2);
		let event = publish("u33", WINDOW_START, WINDOW_END, WORST_CASE - 1);
		assert_noop!(
			SharedCharging::accept_curtailment(signed(DRIVER), session, event),
			Error::<Test>::BudgetExhausted
		);
	});
}

#[test]
fn an_event_takes_at_most_max_event_sessions() {
	ExtBuilder::ready().build_and_execute(|| {
		approve();
		let third = register_with_meter(SIMPLE_TARIFF);
		let sessions = [
			(DRIVER, PUBLIC, VEHICLE, DEVICE),
			(MEMBER, RESIDENCE, MEMBER_VEHICLE, RESIDENCE_DEVICE),
			(OTHER_MEMBER, third, OTHER_MEMBER_VEHICLE, DEVICE),
		]
		.map(|(driver, charger, vehicle, device)| {
			enrol(charger);
			let session = start(driver, charger, vehicle, 1_000);
			assert_ok!(SharedCharging::confirm_session(signed(device), session));
			assert_ok!(SharedCharging::declare_baseline(signed(driver), session, 1_000));
			(driver, session)
		});
		run_to_block(2);
		let event = publish("u33", WINDOW_START, WINDOW_END, BUDGET);
		for (driver, session) in &sessions[..2] {
			assert_ok!(SharedCharging::accept_curtailment(signed(*driver), *session, event));
		}
		let (driver, session) = sessions[2];
		assert_noop!(
			SharedCharging::accept_curtailment(signed(driver), session, event),
			Error::<Test>::TooManyParticipants
		);
	});
}

#[test]
fn the_reward_is_paid_from_the_budget_at_stop_to_the_unit() {
	ExtBuilder::ready().build_and_execute(|| {
		let (session, event) = curtailing_session();
		// Two hours at 5.5 kWh: 2_750 W on average, 8_250 W below the baseline for the
		// hour of the window: 8.25 kWh at 100 per kWh.
		run_to_block(1 + 1_200);
		assert_ok!(SharedCharging::stop_session(
			signed(DEVICE),
			session,
			reading(5_500, 7_200, 0),
			None
		));
		let reward = 825;
		let cost = Records::<Test>::get(session).unwrap().cost.total;
		assert_eq!(cost, 1_650 + 50);
		assert_eq!(free(DRIVER), BALANCE - cost - RECORD_DEPOSIT + reward);
		assert_eq!(free(GRID_OPERATOR), BALANCE - BUDGET);
		assert_eq!(held(HoldReason::GridBudget, GRID_OPERATOR), BUDGET - reward);
		let entry = event_entry(event);
		assert_eq!((entry.budget, entry.reserved, entry.sessions), (BUDGET - reward, 0, 0));
		assert!(!Curtailments::<Test>::contains_key(session));
		assert!(!Baselines::<Test>::contains_key(session));
		System::assert_has_event(
			Event::CurtailmentRewarded { session, event, reduction_wh: 8_250, reward }.into(),
		);
		run_to_block(WINDOW_END + GRID_CLAIM_PERIOD);
		assert_ok!(SharedCharging::close_grid_event(signed(STRANGER), event));
		assert_eq!(free(GRID_OPERATOR), BALANCE - reward);
		System::assert_last_event(Event::GridEventClosed { event, refund: BUDGET - reward }.into());
	});
}

#[test]
fn drawing_above_the_baseline_earns_nothing() {
	ExtBuilder::ready().build_and_execute(|| {
		let (session, event) = curtailing_session();
		// 10 kWh in half an hour: 20 kW on average, above the 11 kW baseline.
		run_to_block(WINDOW_END);
		assert_ok!(SharedCharging::stop_session(
			signed(DEVICE),
			session,
			reading(10_000, 1_800, 0),
			None
		));
		System::assert_has_event(
			Event::CurtailmentRewarded { session, event, reduction_wh: 0, reward: 0 }.into(),
		);
		assert_eq!(event_entry(event).budget, BUDGET);
		assert_eq!(held(HoldReason::GridBudget, GRID_OPERATOR), BUDGET);
	});
}

#[test]
fn a_session_stopped_before_the_window_earns_nothing() {
	ExtBuilder::ready().build_and_execute(|| {
		let (session, event) = curtailing_session();
		run_to_block(WINDOW_START - 1);
		assert_ok!(SharedCharging::stop_session(signed(DEVICE), session, reading(0, 30, 0), None));
		System::assert_has_event(
			Event::CurtailmentRewarded { session, event, reduction_wh: 0, reward: 0 }.into(),
		);
		assert_eq!(event_entry(event).reserved, 0);
	});
}

#[test]
fn a_session_stopped_inside_the_window_is_paid_for_the_overlap() {
	ExtBuilder::ready().build_and_execute(|| {
		let (session, event) = curtailing_session();
		// Stopped 100 blocks (600 s) into the window, having drawn nothing: 11 kW for
		// 600 s is 1_833 Wh, 183 at 100 per kWh (rounded down).
		run_to_block(WINDOW_START + 100);
		assert_ok!(SharedCharging::stop_session(signed(DEVICE), session, reading(0, 60, 0), None));
		System::assert_has_event(
			Event::CurtailmentRewarded { session, event, reduction_wh: 1_833, reward: 183 }.into(),
		);
		assert_eq!(free(DRIVER), BALANCE - 50 - RECORD_DEPOSIT + 183);
	});
}

#[test]
fn a_timed_out_session_gives_its_reservation_back() {
	ExtBuilder::ready().build_and_execute(|| {
		let (session, event) = curtailing_session();
		run_to_block(1 + u64::from(MAX_DURATION_SECS) / 6);
		assert_ok!(SharedCharging::close_session(signed(DRIVER), session));
		let entry = event_entry(event);
		assert_eq!((entry.budget, entry.reserved, entry.sessions), (BUDGET, 0, 0));
		assert!(!Curtailments::<Test>::contains_key(session));
		assert_eq!(free(DRIVER), BALANCE);
	});
}

#[test]
fn a_session_still_open_when_the_event_closes_loses_its_reward() {
	ExtBuilder::ready().build_and_execute(|| {
		let (session, event) = curtailing_session();
		run_to_block(WINDOW_END + GRID_CLAIM_PERIOD);
		assert_ok!(SharedCharging::close_grid_event(signed(STRANGER), event));
		assert_eq!(free(GRID_OPERATOR), BALANCE);
		assert!(!Curtailments::<Test>::contains_key(session));
		assert_ok!(SharedCharging::stop_session(
			signed(DEVICE),
			session,
			reading(0, 3_600, 0),
			None
		));
		assert_eq!(free(DRIVER), BALANCE - 50 - RECORD_DEPOSIT);
		assert!(!Baselines::<Test>::contains_key(session));
	});
}

#[test]
fn a_removed_grid_operator_keeps_its_open_events() {
	ExtBuilder::ready().build_and_execute(|| {
		let (_, event) = curtailing_session();
		assert_ok!(SharedCharging::remove_grid_operator(RuntimeOrigin::root(), GRID_OPERATOR));
		assert!(GridEvents::<Test>::contains_key(event));
		assert_ok!(SharedCharging::cancel_grid_event(signed(GRID_OPERATOR), event));
		assert_eq!(free(GRID_OPERATOR), BALANCE);
	});
}
