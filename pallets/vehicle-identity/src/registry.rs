//! What other pallets may ask about vehicles ([`VehicleRegistry`]).

use crate::{Config, DeviceVehicle, Manufacturers, Pallet, Vehicles};
use v2x_primitives::{VehicleId, VehicleRegistry, VehicleStatus, Vin};

impl<T: Config> VehicleRegistry<T::AccountId> for Pallet<T> {
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

	fn may_operate(vehicle: VehicleId, who: &T::AccountId) -> bool {
		match Vehicles::<T>::get(vehicle) {
			Some(entry) => entry.owner == *who || Self::is_current_operator(vehicle, who),
			None => false,
		}
	}

	fn vehicle_of_device(device: &T::AccountId) -> Option<VehicleId> {
		DeviceVehicle::<T>::get(device)
	}

	fn is_manufacturer(who: &T::AccountId) -> bool {
		Manufacturers::<T>::contains_key(who)
	}
}
