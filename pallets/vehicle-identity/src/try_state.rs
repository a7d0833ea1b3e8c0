//! The invariants of the identity pallet, checked by the `try_state` hook and after every
//! test.

use crate::{
	Config, DeviceVehicle, Manufacturers, NextVehicleId, OwnedVehicles, Pallet, VehicleByVin,
	VehicleDevices, VehicleOperators, Vehicles, WmiOwner,
};
use polkadot_sdk::{frame_support::ensure, sp_runtime::TryRuntimeError};

impl<T: Config> Pallet<T> {
	/// Checks that the indexes agree with the vehicle map:
	/// - every vehicle has an id below `NextVehicleId`, its VIN points back to it and its
	///   owner's index lists it; the VIN and owner indexes hold nothing else;
	/// - every device points to an existing vehicle that lists it, and the other way round;
	/// - every WMI owner is a manufacturer that lists the WMI.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let next_id = NextVehicleId::<T>::get();
		let mut vehicles: u64 = 0;
		for (id, vehicle) in Vehicles::<T>::iter() {
			vehicles = vehicles.saturating_add(1);
			ensure!(id < next_id, "vehicle id not below NextVehicleId");
			ensure!(VehicleByVin::<T>::get(vehicle.vin) == Some(id), "VIN index disagrees");
			ensure!(
				OwnedVehicles::<T>::contains_key(&vehicle.owner, id),
				"owner index misses a vehicle"
			);
			for device in VehicleDevices::<T>::get(id) {
				ensure!(
					DeviceVehicle::<T>::get(&device.account) == Some(id),
					"vehicle lists a device bound elsewhere"
				);
			}
		}
		ensure!(VehicleByVin::<T>::iter().count() as u64 == vehicles, "stale VIN index entry");
		for (owner, id, ()) in OwnedVehicles::<T>::iter() {
			ensure!(
				Vehicles::<T>::get(id).is_some_and(|v| v.owner == owner),
				"stale owner index entry"
			);
		}
		for (device, id) in DeviceVehicle::<T>::iter() {
			ensure!(
				VehicleDevices::<T>::get(id).iter().any(|d| d.account == device),
				"device points to a vehicle that does not list it"
			);
		}
		for (id, _) in VehicleOperators::<T>::iter() {
			ensure!(Vehicles::<T>::contains_key(id), "operators of an unknown vehicle");
		}
		for (wmi, manufacturer) in WmiOwner::<T>::iter() {
			ensure!(
				Manufacturers::<T>::get(&manufacturer).is_some_and(|m| m.wmis.contains(&wmi)),
				"WMI owned by an unknown manufacturer"
			);
		}
		Ok(())
	}
}
