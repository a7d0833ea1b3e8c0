//! What software updates do when a vehicle is stolen, recovered or scrapped: a scrapped
//! vehicle's reports go and the device's deposit comes back. No sale hook: reports describe the
//! car, not the owner.

use polkadot_sdk::frame_support::weights::Weight;
use v2x_primitives::{OnVehicleStatusChanged, VehicleId, VehicleStatus};

use crate::{Config, Event, HoldReason, Pallet, Reports, WeightInfo};

impl<T: Config> OnVehicleStatusChanged for Pallet<T> {
	/// A scrapped vehicle installs nothing any more: its reports go and the device that made
	/// the first gets its deposit back. A stolen vehicle keeps reporting.
	fn on_status_changed(vehicle: VehicleId, status: VehicleStatus) {
		if status != VehicleStatus::Scrapped {
			return;
		}
		if let Some(reports) = Reports::<T>::take(vehicle) {
			Self::release(HoldReason::Reports, &reports.depositor, reports.deposit);
			Self::deposit_event(Event::ReportsCleared { vehicle });
		}
	}

	/// One vehicle's reports removed and their deposit released.
	fn weight() -> Weight {
		T::WeightInfo::on_status_changed()
	}
}
