//! What the marketplace does when a vehicle is sold, stolen or scrapped: the owner's consent
//! ended, so every listing and grant of the vehicle gives no access from this block on. The
//! hooks only bump the vehicle's consent epoch and note when the old one ended: a fixed,
//! small amount of work in the identity pallet's call, whatever the number of grants. The
//! refunds are settled later (`settle_grant`, `on_idle`), as of this block.

use polkadot_sdk::frame_support::weights::Weight;
use v2x_primitives::{OnOwnershipTransferred, OnVehicleStatusChanged, VehicleId, VehicleStatus};

use crate::{
	Config, Consent, EpochEnd, EpochEnds, Event, Pallet, PendingVoids, VehicleConsent, WeightInfo,
};

impl<T: Config> Pallet<T> {
	/// Ends `vehicle`'s current consent epoch now.
	pub(crate) fn end_consent(vehicle: VehicleId) {
		let consent = Consent::<T>::get(vehicle);
		if consent.listings > 0 {
			let end = EpochEnd { at: Self::now(), listings: consent.listings };
			EpochEnds::<T>::insert(vehicle, consent.epoch, end);
			PendingVoids::<T>::insert(vehicle, ());
		}
		// Epochs are compared for equality only: wrapping after 2^32 sales of one vehicle
		// could only matter to a listing that survived all of them.
		let next = VehicleConsent { epoch: consent.epoch.wrapping_add(1), listings: 0 };
		Consent::<T>::insert(vehicle, next);
		Self::deposit_event(Event::ConsentEnded { vehicle, epoch: consent.epoch });
	}
}

impl<T: Config> OnOwnershipTransferred<T::AccountId> for Pallet<T> {
	fn on_ownership_transferred(vehicle: VehicleId, _old: &T::AccountId, _new: &T::AccountId) {
		Self::end_consent(vehicle);
	}

	fn weight() -> Weight {
		T::WeightInfo::end_consent()
	}
}

impl<T: Config> OnVehicleStatusChanged for Pallet<T> {
	fn on_status_changed(vehicle: VehicleId, status: VehicleStatus) {
		match status {
			VehicleStatus::Stolen | VehicleStatus::Scrapped => Self::end_consent(vehicle),
			// A recovered vehicle starts a new epoch's listings: no old grant comes back.
			VehicleStatus::Active => {}
		}
	}

	fn weight() -> Weight {
		T::WeightInfo::end_consent()
	}
}
