//! What leasing does when a vehicle is sold, stolen, recovered or scrapped.
//!
//! - A sale voids the vehicle's offer. A running lease never meets a sale: its lien blocks
//!   them, and a buy-out removes its lease before its own sale.
//! - A theft voids the offer; a running lease goes on (its instalments stay due), the theft
//!   having ended the lessee's operator right in the identity pallet.
//! - A recovery gives an accepted lease's lessee its operator right back, until the end.
//! - A scrapping (governance's, under a lien; it ended the lien) voids the offer and
//!   terminates an accepted lease.

use polkadot_sdk::frame_support::weights::Weight;
use v2x_primitives::{
	OnOwnershipTransferred, OnVehicleStatusChanged, VehicleControl, VehicleId, VehicleStatus,
};

use crate::{Config, Event, Lease, LeaseId, Leases, Pallet, VehicleLease, WeightInfo};

impl<T: Config> OnOwnershipTransferred<T::AccountId> for Pallet<T> {
	fn on_ownership_transferred(vehicle: VehicleId, _old: &T::AccountId, _new: &T::AccountId) {
		if let Some((id, lease)) = Pallet::<T>::vehicle_lease(vehicle) {
			Pallet::<T>::void_offer(id, &lease);
		}
	}

	fn weight() -> Weight {
		T::WeightInfo::on_ownership_transferred()
	}
}

impl<T: Config> OnVehicleStatusChanged for Pallet<T> {
	fn on_status_changed(vehicle: VehicleId, status: VehicleStatus) {
		let Some((id, lease)) = Self::vehicle_lease(vehicle) else { return };
		if !lease.is_accepted() {
			if status != VehicleStatus::Active {
				Self::void_offer(id, &lease);
			}
			return;
		}
		match status {
			VehicleStatus::Active => {
				// Refused only past the end, when the right would have ended anyway.
				let _ = T::Vehicles::grant_operator(
					&lease.owner,
					lease.vehicle,
					&lease.lessee,
					lease.end(),
				);
			}
			VehicleStatus::Stolen => {}
			VehicleStatus::Scrapped => Self::terminate(id, &lease),
		}
	}

	fn weight() -> Weight {
		T::WeightInfo::on_status_changed()
	}
}

impl<T: Config> Pallet<T> {
	/// The vehicle's offer or lease.
	fn vehicle_lease(vehicle: VehicleId) -> Option<(LeaseId, Lease<T>)> {
		let id = VehicleLease::<T>::get(vehicle)?;
		Leases::<T>::get(id).map(|lease| (id, lease))
	}

	/// Voids `lease` if it is still an offer (`LeaseOfferVoided`); an accepted lease stays.
	fn void_offer(id: LeaseId, lease: &Lease<T>) {
		if lease.is_accepted() {
			return;
		}
		Self::discard_offer(id, lease);
		Self::deposit_event(Event::LeaseOfferVoided { lease: id, vehicle: lease.vehicle });
	}
}
