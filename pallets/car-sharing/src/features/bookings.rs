//! Bookings: a renter books a slot, the worst-case price and a damage deposit are held;
//! cancellations and no-shows; what a sale, theft or scrapping does to a vehicle's bookings.

use polkadot_sdk::{
	frame_system::pallet_prelude::BlockNumberFor,
	sp_runtime::{DispatchError, DispatchResult},
};
use v2x_primitives::{Km, VehicleId, VehicleStatus};

use crate::{BalanceOf, BookingId, Config, CoopOfAccount, Error, Pallet, VehicleCoop};

impl<T: Config> Pallet<T> {
	// helper B
	pub(crate) fn do_book(
		_renter: T::AccountId,
		_vehicle: VehicleId,
		_start: BlockNumberFor<T>,
		_end: BlockNumberFor<T>,
		_max_km: Km,
	) -> DispatchResult {
		Ok(())
	}

	// helper B
	pub(crate) fn do_cancel_booking(_who: T::AccountId, _booking: BookingId) -> DispatchResult {
		Ok(())
	}

	// helper B
	pub(crate) fn do_close_no_show(_booking: BookingId) -> DispatchResult {
		Ok(())
	}

	/// What booking `vehicle` for `who` from `start` to `end` for `max_km` would hold: the
	/// price and the damage deposit. The runtime API's quote.
	// helper B
	pub fn quote(
		_vehicle: VehicleId,
		_who: &T::AccountId,
		_start: BlockNumberFor<T>,
		_end: BlockNumberFor<T>,
		_max_km: Km,
	) -> Result<(BalanceOf<T>, BalanceOf<T>), DispatchError> {
		Err(Error::<T>::NotInFleet.into())
	}

	/// `vehicle` was sold by `old` to `new` (the identity pallet's ownership hook).
	pub(crate) fn on_vehicle_sold(vehicle: VehicleId, old: &T::AccountId, _new: &T::AccountId) {
		let Some(coop) = CoopOfAccount::<T>::get(old) else { return };
		// helper B: cancel the vehicle's booked bookings (full refund) and settle a trip in
		// progress, here, before it leaves the fleet.
		Self::complete_sale(coop, vehicle);
		Self::leave_fleet(coop, vehicle);
	}

	/// `vehicle`'s status changed (the identity pallet's status hook).
	pub(crate) fn on_vehicle_status(vehicle: VehicleId, status: VehicleStatus) {
		let Some(coop) = VehicleCoop::<T>::get(vehicle) else { return };
		// helper B: Stolen and Scrapped cancel the booked bookings (full refund) and settle a
		// trip in progress, here.
		if status == VehicleStatus::Scrapped {
			Self::leave_fleet(coop, vehicle);
		}
	}
}
