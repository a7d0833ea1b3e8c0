//! What software updates do when a vehicle is stolen, recovered or scrapped: a scrapped
//! vehicle's reports go and the device's deposit comes back. No sale hook: reports describe the
//! car, not the owner.

use polkadot_sdk::frame_support::weights::Weight;
use v2x_primitives::{OnVehicleStatusChanged, VehicleId, VehicleStatus};

use crate::{Config, Pallet, WeightInfo};

impl<T: Config> OnVehicleStatusChanged for Pallet<T> {
	// TODO(helper B): Scrapped -> remove `Reports(vehicle)`, release, `ReportsCleared`.
	fn on_status_changed(_vehicle: VehicleId, _status: VehicleStatus) {}

	/// One vehicle's reports removed and their deposit released.
	fn weight() -> Weight {
		T::WeightInfo::on_status_changed()
	}
}
