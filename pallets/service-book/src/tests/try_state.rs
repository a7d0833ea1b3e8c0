//! The invariants catch broken state, each with its own message.

use polkadot_sdk::frame_support::{
	assert_ok,
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision},
	},
};
use v2x_primitives::{OdometerSource, ReadingVerdict};

use super::*;
use crate::{odometer::DailyLimit, FlaggedReadings, OdometerReading, Odometers, RecordCount};

fn broken(message: &'static str) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
	Err(message.into())
}

#[test]
fn a_gap_in_a_vehicles_records_breaks_the_invariants() {
	ExtBuilder::ready().build().execute_with(|| {
		record(VEHICLE, 1_000, RecordKind::Maintenance);
		assert_ok!(ServiceBook::do_try_state());
		RecordCount::<Test>::insert(VEHICLE, 2);
		assert_eq!(ServiceBook::do_try_state(), broken("a vehicle's record index has a gap"));
	});
}

#[test]
fn an_accepted_reading_going_down_breaks_the_invariants() {
	ExtBuilder::ready().build().execute_with(|| {
		report(1_000);
		report(1_100);
		let lower = OdometerReading {
			seq: 1,
			km: 900,
			total_km: 900,
			source: OdometerSource::Device,
			verdict: ReadingVerdict::Consistent,
			new_cluster: false,
			at: 1,
		};
		Odometers::<Test>::mutate(VEHICLE, |history| {
			if let Some(place) = history.as_mut().and_then(|h| h.recent.get_mut(1)) {
				*place = lower;
			}
		});
		assert_eq!(ServiceBook::do_try_state(), broken("the true distance went down"));
	});
}

#[test]
fn a_deposit_not_held_breaks_the_invariants() {
	ExtBuilder::ready().build().execute_with(|| {
		open_order(VEHICLE, WORKSHOP);
		assert_ok!(Balances::release(
			&HoldReason::WorkOrder.into(),
			&OWNER,
			WORK_ORDER_DEPOSIT,
			Precision::Exact,
		));
		assert_eq!(ServiceBook::do_try_state(), broken("work order deposits not held"));
	});
}

#[test]
fn a_hold_on_an_account_without_entries_breaks_the_invariants() {
	ExtBuilder::ready().build().execute_with(|| {
		assert_ok!(Balances::hold(&HoldReason::ServiceRecord.into(), &STRANGER, 7));
		assert_eq!(ServiceBook::do_try_state(), broken("record deposits not held"));
		assert_ok!(Balances::burn_held(
			&HoldReason::ServiceRecord.into(),
			&STRANGER,
			7,
			Precision::Exact,
			Fortitude::Force,
		));
		assert_ok!(ServiceBook::do_try_state());
	});
}

#[test]
fn more_than_a_days_credit_breaks_the_invariants() {
	ExtBuilder::ready().build().execute_with(|| {
		report(1_000);
		Odometers::<Test>::mutate(VEHICLE, |history| {
			if let Some(history) = history {
				history.state.credit = DailyLimit::of::<Test>().full_credit() + 1;
			}
		});
		assert_eq!(
			ServiceBook::do_try_state(),
			broken("an odometer holds more than a day's distance credit")
		);
	});
}

#[test]
fn lost_evidence_breaks_the_invariants() {
	ExtBuilder::ready().build().execute_with(|| {
		report(1_000);
		report(900);
		FlaggedReadings::<Test>::remove(VEHICLE, 0);
		assert_eq!(
			ServiceBook::do_try_state(),
			broken("stored flagged readings disagree with the flag count")
		);
	});
}

#[test]
fn a_recent_reading_out_of_its_ring_position_breaks_the_invariants() {
	ExtBuilder::ready().build().execute_with(|| {
		report(1_000);
		report(1_100);
		Odometers::<Test>::mutate(VEHICLE, |history| {
			if let Some(history) = history {
				let mut recent = history.recent.to_vec();
				recent.swap(0, 1);
				history.recent = recent.try_into().unwrap();
			}
		});
		assert_eq!(
			ServiceBook::do_try_state(),
			broken("a recent reading is out of its ring position")
		);
	});
}

#[test]
fn flagged_readings_without_an_odometer_break_the_invariants() {
	ExtBuilder::ready().build().execute_with(|| {
		report(1_000);
		report(900);
		let evidence = FlaggedReadings::<Test>::get(VEHICLE, 0).unwrap();
		FlaggedReadings::<Test>::insert(OTHER_VEHICLE, 0, evidence);
		assert_eq!(
			ServiceBook::do_try_state(),
			broken("flagged readings of a vehicle without an odometer")
		);
	});
}
