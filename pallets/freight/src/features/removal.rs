//! Removal: a shipment closed for `RetentionPeriod` goes with all its records; the deposit
//! goes back to the shipper.

use polkadot_sdk::{
	frame_support::{defensive, ensure, traits::Get},
	frame_system,
	sp_runtime::{traits::Saturating, DispatchResult},
};

use crate::{
	Config, DailyRoots, Error, ErrorDeclarations, Event, Events, Excursions, HoldReason, Pallet,
	SeenRoots, Sensors, ShipmentId, ShipmentState, Shipments,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_remove_shipment(who: T::AccountId, id: ShipmentId) -> DispatchResult {
		let mut shipment = Self::shipment(id)?;
		ensure!(shipment.shipper == who, Error::<T>::NotShipper);
		let ShipmentState::Closed { at } = shipment.state else {
			return Err(Error::<T>::NotClosed.into());
		};
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now >= at.saturating_add(T::RetentionPeriod::get()), Error::<T>::RetentionRunning);
		ensure!(shipment.children == 0, Error::<T>::HasChildren);
		ensure!(shipment.parent.is_none(), Error::<T>::Aggregated);
		// Closing ended the link already; a stale one must not outlive the shipment.
		Self::end_vehicle_link(id, &mut shipment);
		Self::clear_records(id);
		Shipments::<T>::remove(id);
		Self::release(HoldReason::Deposit, &who, shipment.deposit);
		Self::deposit_event(Event::ShipmentRemoved { shipment: id });
		Ok(())
	}

	/// Removes every record of shipment `id`. Each map holds at most its maximum per shipment
	/// (the counters keep them there), so the limits remove everything in bounded work.
	fn clear_records(id: ShipmentId) {
		let days = T::MaxConditionDays::get();
		for (_, entry) in DailyRoots::<T>::iter_prefix(id).take(days as usize) {
			SeenRoots::<T>::remove(entry.root);
		}
		let results = [
			DailyRoots::<T>::clear_prefix(id, days, None),
			Events::<T>::clear_prefix(id, T::MaxEvents::get(), None),
			ErrorDeclarations::<T>::clear_prefix(id, T::MaxEvents::get(), None),
			Sensors::<T>::clear_prefix(id, T::MaxSensors::get(), None),
			Excursions::<T>::clear_prefix(id, T::MaxExcursions::get(), None),
		];
		if results.iter().any(|result| result.maybe_cursor.is_some()) {
			defensive!("a shipment held more records than its maxima");
		}
	}
}
