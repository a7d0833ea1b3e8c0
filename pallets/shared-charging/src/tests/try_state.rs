//! The invariants catch broken state, each with its own message.

use polkadot_sdk::frame_support::{
	assert_ok,
	traits::{fungible::MutateHold, tokens::Precision},
};

use super::*;
use crate::{ChargerMeter, Chargers, Curtailments, GridEvents, Sessions, Totals, VehicleTotals};

fn broken(message: &'static str) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
	Err(message.into())
}

#[test]
fn an_operator_named_as_its_own_meter_breaks_the_invariants() {
	ExtBuilder::ready().build().execute_with(|| {
		Chargers::<Test>::mutate(PUBLIC, |entry| {
			if let Some(entry) = entry {
				entry.meter = ChargerMeter::Invited(CPO);
			}
		});
		assert_eq!(SharedCharging::do_try_state(), broken("a charger's operator is its own meter"));
	});
}

#[test]
fn an_escrow_not_held_breaks_the_invariants() {
	ExtBuilder::ready().build().execute_with(|| {
		active_session();
		assert_ok!(Balances::release(
			&HoldReason::SessionEscrow.into(),
			&DRIVER,
			1,
			Precision::Exact
		));
		assert_eq!(SharedCharging::do_try_state(), broken("session escrows not held"));
	});
}

#[test]
fn an_escrow_below_the_worst_case_breaks_the_invariants() {
	ExtBuilder::ready().build().execute_with(|| {
		let session = active_session();
		Sessions::<Test>::mutate(session, |open| {
			if let Some(open) = open {
				open.escrow -= 1;
			}
		});
		assert_eq!(
			SharedCharging::do_try_state(),
			broken("an escrow does not cover its worst case")
		);
	});
}

#[test]
fn totals_off_the_records_break_the_invariants() {
	ExtBuilder::ready().build().execute_with(|| {
		completed_session();
		assert_ok!(SharedCharging::do_try_state());
		VehicleTotals::<Test>::insert(VEHICLE, Totals { sessions: 1, energy_wh: 1, cost: 1 });
		assert_eq!(
			SharedCharging::do_try_state(),
			broken("vehicle totals disagree with the records")
		);
	});
}

#[test]
fn an_operator_payment_not_held_breaks_the_invariants() {
	ExtBuilder::ready().build().execute_with(|| {
		completed_session();
		assert_ok!(Balances::release(
			&HoldReason::OperatorPayment.into(),
			&CPO,
			1,
			Precision::Exact
		));
		assert_eq!(SharedCharging::do_try_state(), broken("operator payments not held"));
	});
}

#[test]
fn a_grid_budget_not_held_breaks_the_invariants() {
	ExtBuilder::ready().build().execute_with(|| {
		super::grid::curtailing_session();
		assert_ok!(SharedCharging::do_try_state());
		assert_ok!(Balances::release(
			&HoldReason::GridBudget.into(),
			&GRID_OPERATOR,
			1,
			Precision::Exact
		));
		assert_eq!(SharedCharging::do_try_state(), broken("grid budgets not held"));
	});
}

#[test]
fn promises_above_the_budget_break_the_invariants() {
	ExtBuilder::ready().build().execute_with(|| {
		let (_, event) = super::grid::curtailing_session();
		GridEvents::<Test>::mutate(event, |entry| {
			if let Some(entry) = entry {
				entry.reserved = entry.budget + 1;
			}
		});
		assert_eq!(
			SharedCharging::do_try_state(),
			broken("a grid budget does not cover its promises")
		);
	});
}

#[test]
fn reservations_off_the_accepting_sessions_break_the_invariants() {
	ExtBuilder::ready().build().execute_with(|| {
		let (session, _) = super::grid::curtailing_session();
		Curtailments::<Test>::mutate(session, |curtailment| {
			if let Some(curtailment) = curtailment {
				curtailment.reserved -= 1;
			}
		});
		assert_eq!(
			SharedCharging::do_try_state(),
			broken("a grid event's reservations disagree with its sessions")
		);
	});
}

#[test]
fn a_discharge_escrow_not_held_breaks_the_invariants() {
	ExtBuilder::ready().build().execute_with(|| {
		super::discharge::active_discharge();
		assert_ok!(SharedCharging::do_try_state());
		assert_ok!(Balances::release(
			&HoldReason::DischargeEscrow.into(),
			&CPO,
			1,
			Precision::Exact
		));
		assert_eq!(SharedCharging::do_try_state(), broken("discharge escrows not held"));
	});
}
