//! The event ids charged per vehicle-day: each id once, across providers, batches and direct
//! passages. Shared by declarations (tag `Batch`) and direct passages (tag `Direct`).

use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	sp_runtime::DispatchError,
};
use v2x_primitives::VehicleId;

use crate::{
	BatchId, ChargedBy, ChargedEvent, Config, ContextId, Day, Error, EventId, HoldReason, Pallet,
	VehicleDay, VehicleDays,
};

impl<T: Config> Pallet<T> {
	/// Records `events` as charged by `by` for `vehicle` on `day` in `context`.
	///
	/// Fails with `EventAlreadyCharged` if an id is already charged that day (by anyone) or
	/// appears twice in `events`, except an id tagged `Batch(replaces)`: the declaration a
	/// correction replaces keeps its ids until the correction is accepted. Fails with
	/// `TooManyEvents` beyond `MaxEventsPerVehicleDay`. A new entry holds `VehicleDayDeposit`
	/// from `depositor` (`InsufficientBalance`). Returns whether the entry was created.
	pub(crate) fn charge_events(
		context: ContextId,
		vehicle: VehicleId,
		day: Day,
		events: &[EventId],
		by: ChargedBy,
		replaces: Option<BatchId>,
		depositor: &T::AccountId,
	) -> Result<bool, DispatchError> {
		let existing = VehicleDays::<T>::get((context, vehicle), day);
		let created = existing.is_none();
		let mut entry = match existing {
			Some(entry) => entry,
			None => {
				let deposit = T::VehicleDayDeposit::get();
				Self::hold(HoldReason::Deposit, depositor, deposit)?;
				VehicleDay { depositor: depositor.clone(), deposit, events: Default::default() }
			}
		};
		let replaced = replaces.map(ChargedBy::Batch);
		for event in events {
			let charged = entry
				.events
				.iter()
				.any(|charged| charged.event == *event && Some(charged.by) != replaced);
			ensure!(!charged, Error::<T>::EventAlreadyCharged);
			entry
				.events
				.try_push(ChargedEvent { event: *event, by })
				.map_err(|_| Error::<T>::TooManyEvents)?;
		}
		VehicleDays::<T>::insert((context, vehicle), day, entry);
		Ok(created)
	}

	/// Removes the ids charged by `by` for `vehicle` on `day` in `context` (a rejected batch,
	/// or the declaration an accepted correction replaced): they may be charged again. The
	/// entry stays until it is pruned (its deposit comes back then).
	pub(crate) fn uncharge_events(context: ContextId, vehicle: VehicleId, day: Day, by: ChargedBy) {
		VehicleDays::<T>::mutate((context, vehicle), day, |entry| {
			if let Some(entry) = entry {
				entry.events.retain(|charged| charged.by != by);
			}
		});
	}
}
