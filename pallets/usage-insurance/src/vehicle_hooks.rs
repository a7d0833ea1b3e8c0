//! What insurance does when a vehicle is sold, stolen or scrapped: its active policy ends
//! with a pro-rata charge of the running period and a refund of the rest. One policy per
//! vehicle: a small, fixed amount of work in the identity pallet's call, paid for by its
//! weight. Claims may still be filed on the ended policy within `ClaimWindow`.

use polkadot_sdk::frame_support::{defensive, storage::with_storage_layer, weights::Weight};
use v2x_primitives::{OnOwnershipTransferred, OnVehicleStatusChanged, VehicleId, VehicleStatus};

use crate::{ActivePolicy, Config, EndReason, Error, Pallet, Policies, PolicyStatus, WeightInfo};

impl<T: Config> Pallet<T> {
	/// Ends `vehicle`'s active policy, if it has one, pro rata.
	pub(crate) fn end_policy_on_vehicle_event(vehicle: VehicleId, reason: EndReason) {
		let Some(id) = ActivePolicy::<T>::get(vehicle) else { return };
		let ended = with_storage_layer(|| {
			let policy = Policies::<T>::get(id).ok_or(Error::<T>::PolicyNotFound)?;
			if policy.status != PolicyStatus::Active {
				return Err(Error::<T>::PolicyNotActive.into());
			}
			Self::end_pro_rata(id, policy, reason)
		});
		// Should it fail, the policy goes on (`try_state` reports why) rather than stop the
		// identity pallet's call.
		if ended.is_err() {
			defensive!("a vehicle's policy could not be ended");
		}
	}
}

impl<T: Config> OnOwnershipTransferred<T::AccountId> for Pallet<T> {
	fn on_ownership_transferred(vehicle: VehicleId, _old: &T::AccountId, _new: &T::AccountId) {
		Self::end_policy_on_vehicle_event(vehicle, EndReason::VehicleSold);
	}

	fn weight() -> Weight {
		T::WeightInfo::end_policy_on_vehicle_event()
	}
}

impl<T: Config> OnVehicleStatusChanged for Pallet<T> {
	fn on_status_changed(vehicle: VehicleId, status: VehicleStatus) {
		match status {
			VehicleStatus::Stolen => {
				Self::end_policy_on_vehicle_event(vehicle, EndReason::VehicleStolen)
			}
			VehicleStatus::Scrapped => {
				Self::end_policy_on_vehicle_event(vehicle, EndReason::VehicleScrapped)
			}
			// A recovered vehicle is insured again by buying a new policy.
			VehicleStatus::Active => {}
		}
	}

	fn weight() -> Weight {
		T::WeightInfo::end_policy_on_vehicle_event()
	}
}
