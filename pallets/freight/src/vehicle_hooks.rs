//! What freight does when a vehicle is sold, stolen, recovered or scrapped: the links of the
//! shipments loaded on it end (at most `MaxShipmentsPerVehicle`: fixed work).

use polkadot_sdk::frame_support::weights::Weight;
use v2x_primitives::{OnOwnershipTransferred, OnVehicleStatusChanged, VehicleId, VehicleStatus};

use crate::{Config, Pallet, WeightInfo};

impl<T: Config> OnOwnershipTransferred<T::AccountId> for Pallet<T> {
	// helper B implements
	fn on_ownership_transferred(_vehicle: VehicleId, _old: &T::AccountId, _new: &T::AccountId) {}

	fn weight() -> Weight {
		T::WeightInfo::on_ownership_transferred()
	}
}

impl<T: Config> OnVehicleStatusChanged for Pallet<T> {
	// helper B implements
	fn on_status_changed(_vehicle: VehicleId, _status: VehicleStatus) {}

	fn weight() -> Weight {
		T::WeightInfo::on_status_changed()
	}
}
