//! What road usage does when a vehicle is sold, stolen, recovered or scrapped.

use polkadot_sdk::frame_support::weights::Weight;
use v2x_primitives::{OnOwnershipTransferred, OnVehicleStatusChanged, VehicleId, VehicleStatus};

use crate::{Config, Pallet, WeightInfo};

impl<T: Config> OnOwnershipTransferred<T::AccountId> for Pallet<T> {
	fn on_ownership_transferred(_vehicle: VehicleId, _old: &T::AccountId, _new: &T::AccountId) {}

	/// The worst case: a platoon leader with `MaxFollowers` followers.
	fn weight() -> Weight {
		T::WeightInfo::on_ownership_transferred()
	}
}

impl<T: Config> OnVehicleStatusChanged for Pallet<T> {
	fn on_status_changed(_vehicle: VehicleId, _status: VehicleStatus) {}

	/// The worst case: a scrapped platoon leader with `MaxFollowers` followers.
	fn weight() -> Weight {
		T::WeightInfo::on_status_changed()
	}
}
