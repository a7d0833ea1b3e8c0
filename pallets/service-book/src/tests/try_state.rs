//! The invariants catch broken state.

use polkadot_sdk::frame_support::assert_ok;
use v2x_primitives::{OdometerSource, ReadingVerdict};

use super::*;
use crate::{OdometerReading, RecentReadings, RecordCount};

#[test]
fn a_gap_in_a_vehicles_records_breaks_the_invariants() {
	ExtBuilder::ready().build().execute_with(|| {
		record(VEHICLE, 1_000, RecordKind::Maintenance);
		assert!(ServiceBook::do_try_state().is_ok());
		RecordCount::<Test>::insert(VEHICLE, 2);
		assert!(ServiceBook::do_try_state().is_err());
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
		RecentReadings::<Test>::insert(VEHICLE, 1, lower);
		assert!(ServiceBook::do_try_state().is_err());
	});
}

#[test]
fn a_deposit_not_held_breaks_the_invariants() {
	ExtBuilder::ready().build().execute_with(|| {
		open_order(VEHICLE, WORKSHOP);
		let reason: RuntimeHoldReason = HoldReason::WorkOrder.into();
		assert_ok!(
			<Balances as polkadot_sdk::frame_support::traits::fungible::MutateHold<u64>>::release(
				&reason,
				&OWNER,
				WORK_ORDER_DEPOSIT,
				polkadot_sdk::frame_support::traits::tokens::Precision::Exact,
			)
		);
		assert!(ServiceBook::do_try_state().is_err());
	});
}
