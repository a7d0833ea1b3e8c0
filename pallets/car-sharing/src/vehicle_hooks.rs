//! What car sharing does when a vehicle is sold, stolen, recovered or scrapped: the logic is
//! in `features/bookings.rs` (`on_vehicle_sold`, `on_vehicle_status`).

use polkadot_sdk::frame_support::weights::Weight;
use v2x_primitives::{OnOwnershipTransferred, OnVehicleStatusChanged, VehicleId, VehicleStatus};

use crate::{Config, Pallet, WeightInfo};

impl<T: Config> OnOwnershipTransferred<T::AccountId> for Pallet<T> {
	fn on_ownership_transferred(vehicle: VehicleId, old: &T::AccountId, new: &T::AccountId) {
		Self::on_vehicle_sold(vehicle, old, new);
	}

	/// The worst case: a co-op's vehicle with `MaxBookingsPerVehicle` bookings.
	fn weight() -> Weight {
		T::WeightInfo::on_vehicle_sold()
	}
}

impl<T: Config> OnVehicleStatusChanged for Pallet<T> {
	fn on_status_changed(vehicle: VehicleId, status: VehicleStatus) {
		Self::on_vehicle_status(vehicle, status);
	}

	/// The worst case: a fleet vehicle with `MaxBookingsPerVehicle` bookings.
	fn weight() -> Weight {
		T::WeightInfo::on_vehicle_status()
	}
}
