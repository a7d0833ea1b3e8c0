//! What road usage does when a vehicle is sold, stolen, recovered or scrapped: fixed, small
//! work (one prepaid release, one service period, at most one platoon of `MaxFollowers`).

use polkadot_sdk::frame_support::weights::Weight;
use v2x_primitives::{OnOwnershipTransferred, OnVehicleStatusChanged, VehicleId, VehicleStatus};

use crate::{Config, Pallet, WeightInfo};

impl<T: Config> OnOwnershipTransferred<T::AccountId> for Pallet<T> {
	/// The old owner's prepaid balance goes back to it, its provider serves the vehicle until
	/// today (the new owner picks one), and the vehicle leaves its platoon (a leader dissolves
	/// it).
	fn on_ownership_transferred(vehicle: VehicleId, _old: &T::AccountId, _new: &T::AccountId) {
		Self::release_prepaid(vehicle);
		Self::end_service(vehicle);
		Self::leave_platoon_on_hook(vehicle);
	}

	/// The worst case: a platoon leader with `MaxFollowers` followers, a prepaid balance and a
	/// provider.
	fn weight() -> Weight {
		T::WeightInfo::on_ownership_transferred()
	}
}

impl<T: Config> OnVehicleStatusChanged for Pallet<T> {
	/// A stolen or scrapped vehicle leaves its platoon; a scrapped one also gets its prepaid
	/// balance released and its service ended. A stolen vehicle's passages are refused by
	/// the active check; a recovered one needs nothing.
	fn on_status_changed(vehicle: VehicleId, status: VehicleStatus) {
		match status {
			VehicleStatus::Active => {}
			VehicleStatus::Stolen => Self::leave_platoon_on_hook(vehicle),
			VehicleStatus::Scrapped => {
				Self::leave_platoon_on_hook(vehicle);
				Self::release_prepaid(vehicle);
				Self::end_service(vehicle);
			}
		}
	}

	/// The worst case: a scrapped platoon leader with `MaxFollowers` followers, a prepaid
	/// balance and a provider.
	fn weight() -> Weight {
		T::WeightInfo::on_status_changed()
	}
}
