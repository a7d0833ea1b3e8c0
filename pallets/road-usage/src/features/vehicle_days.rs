//! The event ids charged per vehicle-day: each id once, across providers, batches and direct
//! passages. The one rule for adding and removing them, used by declarations (tag `Batch`,
//! staged until the whole batch passed) and direct passages (tag `Direct`).

use alloc::collections::BTreeSet;
use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	sp_runtime::DispatchResult,
};
use v2x_primitives::VehicleId;

use crate::{
	BatchId, ChargedBy, ChargedEvent, Config, ContextId, Day, Error, EventId, Pallet, VehicleDay,
	VehicleDays,
};

impl<T: Config> Pallet<T> {
	/// The vehicle-day of `vehicle` on `day` in `context`, or the entry `depositor` creates
	/// (with `VehicleDayDeposit`, which the caller holds when it stores it): (entry, created).
	pub(crate) fn vehicle_day_or_new(
		context: ContextId,
		vehicle: VehicleId,
		day: Day,
		depositor: &T::AccountId,
	) -> (VehicleDay<T>, bool) {
		match VehicleDays::<T>::get((context, vehicle), day) {
			Some(entry) => (entry, false),
			None => {
				let deposit = T::VehicleDayDeposit::get();
				(
					VehicleDay {
						depositor: depositor.clone(),
						deposit,
						events: Default::default(),
					},
					true,
				)
			}
		}
	}

	/// Adds `events` to `entry`, tagged `by`. Fails with `EventAlreadyCharged` if an id is
	/// already charged that day (by anyone) or appears twice in `events`, except an id tagged
	/// `Batch(replaces)`: the declaration a correction replaces keeps its ids until the
	/// correction is settled, so either outcome leaves each id charged once. Fails with
	/// `TooManyEvents` beyond `MaxEventsPerVehicleDay`.
	pub(crate) fn add_charged_events(
		entry: &mut VehicleDay<T>,
		events: &[EventId],
		by: ChargedBy,
		replaces: Option<BatchId>,
	) -> DispatchResult {
		let replaced = replaces.map(ChargedBy::Batch);
		let mut taken: BTreeSet<EventId> = entry
			.events
			.iter()
			.filter(|charged| Some(charged.by) != replaced)
			.map(|charged| charged.event)
			.collect();
		for event in events {
			ensure!(taken.insert(*event), Error::<T>::EventAlreadyCharged);
			entry
				.events
				.try_push(ChargedEvent { event: *event, by })
				.map_err(|_| Error::<T>::TooManyEvents)?;
		}
		Ok(())
	}

	/// Removes the ids charged by `by` for `vehicle` on `day` in `context` (a rejected batch,
	/// or the declaration an accepted correction replaced): they may be charged again. The
	/// entry stays until it is pruned (its deposit comes back then); gone already if pruned.
	pub(crate) fn uncharge_events(context: ContextId, vehicle: VehicleId, day: Day, by: ChargedBy) {
		VehicleDays::<T>::mutate((context, vehicle), day, |entry| {
			if let Some(entry) = entry {
				entry.events.retain(|charged| charged.by != by);
			}
		});
	}
}
