//! The logic behind each call, as `do_*` functions on the pallet.

mod delegates;
mod liens;
mod lifecycle;
mod manufacturers;
mod registration;
mod sale;

use crate::{Config, Error, Pallet, Vehicle, Vehicles};
use polkadot_sdk::sp_runtime::DispatchError;
use v2x_primitives::{VehicleId, VehicleStatus};

impl<T: Config> Pallet<T> {
	/// The vehicle, if `who` owns it.
	pub(crate) fn owned_vehicle(
		who: &T::AccountId,
		vehicle: VehicleId,
	) -> Result<Vehicle<T>, DispatchError> {
		let entry = Vehicles::<T>::get(vehicle).ok_or(Error::<T>::NotFound)?;
		if entry.owner != *who {
			return Err(Error::<T>::NotOwner.into());
		}
		Ok(entry)
	}

	/// The vehicle, if `who` owns it and it is active (not stolen or scrapped).
	pub(crate) fn owned_active_vehicle(
		who: &T::AccountId,
		vehicle: VehicleId,
	) -> Result<Vehicle<T>, DispatchError> {
		let entry = Self::owned_vehicle(who, vehicle)?;
		if entry.status != VehicleStatus::Active {
			return Err(Error::<T>::VehicleNotActive.into());
		}
		Ok(entry)
	}
}
