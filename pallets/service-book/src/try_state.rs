//! The invariants of the service book, checked after every test and by `try-runtime`.

use alloc::{collections::BTreeMap, vec::Vec};
use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{fungible::InspectHold, Get},
	},
	sp_runtime::{traits::Zero, Saturating, TryRuntimeError},
};
use v2x_primitives::ReadingVerdict;

use crate::{
	odometer::DailyLimit, BalanceOf, BrandAuthorisations, Config, FlaggedReadings, HoldReason,
	NextRecordId, OdometerState, Odometers, OpenWorkOrders, Pallet, ReadingOf, RecordCount,
	Records, VehicleRecords, WorkOrders,
};
use polkadot_sdk::frame_system::{self, pallet_prelude::BlockNumberFor};

impl<T: Config> Pallet<T> {
	/// Checks every invariant of the service book; `Err` names the first one broken.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::check_records()?;
		Self::check_work_orders()?;
		Self::check_odometers()?;
		Self::check_brand_authorisations()
	}

	/// Records are never removed: there is one per id handed out, each indexed once on its
	/// vehicle, and the workshops hold their deposits.
	fn check_records() -> Result<(), TryRuntimeError> {
		let next_id = NextRecordId::<T>::get();
		ensure!(Records::<T>::iter_keys().count() as u64 == next_id, "records and ids disagree");
		let mut indexed = 0u64;
		for (vehicle, count) in RecordCount::<T>::iter() {
			for position in 0..count {
				let id = VehicleRecords::<T>::get(vehicle, position)
					.ok_or("a vehicle's record index has a gap")?;
				let record = Records::<T>::get(id).ok_or("a vehicle's record index is dangling")?;
				ensure!(record.vehicle == vehicle, "a record is indexed on the wrong vehicle");
				if let Some(corrected) = record.corrects {
					let original = Records::<T>::get(corrected).ok_or("correction of nothing")?;
					ensure!(original.workshop == record.workshop, "correction by another workshop");
					ensure!(corrected < id, "a correction predates its record");
				}
			}
			indexed = indexed.saturating_add(count.into());
		}
		ensure!(
			VehicleRecords::<T>::iter_keys().count() as u64 == indexed,
			"record index entries beyond the record counts"
		);
		ensure!(indexed == next_id, "record counts and records disagree");

		let mut deposits = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		for record in Records::<T>::iter_values() {
			let held = deposits.entry(record.workshop).or_insert_with(Zero::zero);
			*held = held.saturating_add(record.deposit);
		}
		Self::check_held(HoldReason::ServiceRecord, deposits, "record deposits not held")
	}

	/// Each vehicle's open order count matches its orders, within the bound, and the openers
	/// hold their deposits.
	fn check_work_orders() -> Result<(), TryRuntimeError> {
		let mut counts = BTreeMap::new();
		let mut deposits = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		for (vehicle, _, order) in WorkOrders::<T>::iter() {
			let count = counts.entry(vehicle).or_insert(0u32);
			*count = count.saturating_add(1);
			let held = deposits.entry(order.opener).or_insert_with(Zero::zero);
			*held = held.saturating_add(order.deposit);
		}
		let stored: BTreeMap<_, _> = OpenWorkOrders::<T>::iter().collect();
		ensure!(stored == counts, "open work order counts disagree with the orders");
		ensure!(
			counts.values().all(|count| *count <= T::MaxOpenWorkOrders::get()),
			"too many open work orders on a vehicle"
		);
		Self::check_held(HoldReason::WorkOrder, deposits, "work order deposits not held")
	}

	fn check_brand_authorisations() -> Result<(), TryRuntimeError> {
		let mut deposits = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		for (manufacturer, _, authorisation) in BrandAuthorisations::<T>::iter() {
			let held = deposits.entry(manufacturer).or_insert_with(Zero::zero);
			*held = held.saturating_add(authorisation.deposit);
		}
		Self::check_held(
			HoldReason::BrandAuthorisation,
			deposits,
			"authorisation deposits not held",
		)
	}

	/// Every account holds exactly the deposits its entries say for this reason, both ways:
	/// each entry's deposit is held, and every account's hold is explained by its entries
	/// (an account with a hold but no entries is found too).
	fn check_held(
		reason: HoldReason,
		deposits: BTreeMap<T::AccountId, BalanceOf<T>>,
		message: &'static str,
	) -> Result<(), TryRuntimeError> {
		let reason = reason.into();
		for (who, amount) in &deposits {
			ensure!(T::Currency::balance_on_hold(&reason, who) == *amount, message);
		}
		for who in frame_system::Account::<T>::iter_keys() {
			if !deposits.contains_key(&who) {
				ensure!(T::Currency::balance_on_hold(&reason, &who).is_zero(), message);
			}
		}
		Ok(())
	}

	/// The window and evidence stay within their bounds, and the true distance never goes
	/// down: among unflagged readings, the true distance is monotonic, and so is the displayed
	/// reading between cluster replacements.
	fn check_odometers() -> Result<(), TryRuntimeError> {
		for (vehicle, history) in Odometers::<T>::iter() {
			let state = &history.state;
			ensure!(
				history.recent.len() as u32 == state.readings.min(T::MaxRecentReadings::get()),
				"the recent readings window has the wrong size"
			);
			ensure!(
				history.recent.iter().enumerate().all(|(position, reading)| {
					reading.seq.checked_rem(T::MaxRecentReadings::get()) == Some(position as u32)
				}),
				"a recent reading is out of its ring position"
			);
			Self::check_monotonic(state, &history.recent_in_order())?;

			ensure!(
				state.credit <= DailyLimit::of::<T>().full_credit(),
				"an odometer holds more than a day's distance credit"
			);
			let flagged: Vec<ReadingOf<T>> =
				FlaggedReadings::<T>::iter_prefix_values(vehicle).collect();
			let max = T::MaxFlaggedReadings::get();
			let first = state.flags.min(max);
			let latest = state.flags.saturating_sub(max).min(max);
			ensure!(
				flagged.len() as u32 == first.saturating_add(latest),
				"stored flagged readings disagree with the flag count"
			);
			ensure!(
				flagged.iter().all(|reading| matches!(reading.verdict, ReadingVerdict::Flagged(_))),
				"an accepted reading is stored as flagged"
			);
		}
		ensure!(
			FlaggedReadings::<T>::iter_keys()
				.all(|(vehicle, _)| Odometers::<T>::contains_key(vehicle)),
			"flagged readings of a vehicle without an odometer"
		);
		Ok(())
	}

	fn check_monotonic(
		state: &OdometerState<BlockNumberFor<T>>,
		recent: &[ReadingOf<T>],
	) -> Result<(), TryRuntimeError> {
		let first_seq = state.readings.saturating_sub(T::MaxRecentReadings::get());
		let mut last_accepted: Option<&ReadingOf<T>> = None;
		for (expected_seq, reading) in (first_seq..).zip(recent) {
			ensure!(reading.seq == expected_seq, "the recent readings window has a gap");
			if let Some(previous) = last_accepted {
				ensure!(reading.total_km >= previous.total_km, "the true distance went down");
			}
			if reading.verdict == ReadingVerdict::Consistent {
				if let Some(previous) = last_accepted.filter(|_| !reading.new_cluster) {
					ensure!(reading.km >= previous.km, "an accepted reading went down");
				}
				last_accepted = Some(reading);
			}
		}
		if let Some(last) = last_accepted {
			ensure!(
				last.total_km == state.total_km && last.km == state.displayed_km,
				"the odometer is not its last accepted reading"
			);
		}
		Ok(())
	}
}
