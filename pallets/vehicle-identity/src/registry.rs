//! What other pallets may ask about vehicles ([`VehicleRegistry`]).

use crate::{Config, DeviceVehicle, Manufacturers, Pallet, Vehicles};
use polkadot_sdk::frame_system::pallet_prelude::BlockNumberFor;
use v2x_primitives::{OperatingRight, VehicleId, VehicleRegistry, VehicleStatus, Vin};

impl<T: Config> VehicleRegistry<T::AccountId, BlockNumberFor<T>> for Pallet<T> {
	fn owner(vehicle: VehicleId) -> Option<T::AccountId> {
		Vehicles::<T>::get(vehicle).map(|v| v.owner)
	}

	fn manufacturer(vehicle: VehicleId) -> Option<T::AccountId> {
		Vehicles::<T>::get(vehicle).map(|v| v.manufacturer)
	}

	fn vin(vehicle: VehicleId) -> Option<Vin> {
		Vehicles::<T>::get(vehicle).map(|v| v.vin)
	}

	fn status(vehicle: VehicleId) -> Option<VehicleStatus> {
		Vehicles::<T>::get(vehicle).map(|v| v.status)
	}

	/// Nobody operates a scrapped vehicle; only the owner a stolen one; an operator an active
	/// one until its last block, inclusive.
	fn operating_right(
		vehicle: VehicleId,
		who: &T::AccountId,
	) -> Option<OperatingRight<BlockNumberFor<T>>> {
		let entry = Vehicles::<T>::get(vehicle)?;
		match entry.status {
			VehicleStatus::Scrapped => None,
			_ if entry.owner == *who => Some(OperatingRight::Owner),
			VehicleStatus::Stolen => None,
			VehicleStatus::Active => {
				Self::live_operator_until(vehicle, who).map(OperatingRight::OperatorUntil)
			}
		}
	}

	fn vehicle_of_device(device: &T::AccountId) -> Option<VehicleId> {
		DeviceVehicle::<T>::get(device)
	}

	fn is_manufacturer(who: &T::AccountId) -> bool {
		Manufacturers::<T>::contains_key(who)
	}
}
