//! What freight does when a vehicle is sold, stolen, recovered or scrapped: the links of the
//! shipments loaded on it end (at most `MaxShipmentsPerVehicle`: fixed work). Custody stays
//! with the custodian; a recovered vehicle is loaded again by hand.

use alloc::vec::Vec;
use polkadot_sdk::frame_support::{traits::Get, weights::Weight};
use v2x_primitives::{OnOwnershipTransferred, OnVehicleStatusChanged, VehicleId, VehicleStatus};

use crate::{
	Config, Event, LinkEnd, Pallet, ShipmentId, Shipments, VehicleLoadCount, VehicleLoads,
	WeightInfo,
};

impl<T: Config> Pallet<T> {
	/// Ends the link of every shipment loaded on `vehicle`.
	fn end_links(vehicle: VehicleId, cause: LinkEnd) {
		let max = T::MaxShipmentsPerVehicle::get() as usize;
		let mut loads: Vec<ShipmentId> =
			VehicleLoads::<T>::drain_prefix(vehicle).map(|(id, ())| id).take(max).collect();
		// In id order, not the storage's hash order.
		loads.sort_unstable();
		VehicleLoadCount::<T>::remove(vehicle);
		for id in loads {
			Shipments::<T>::mutate(id, |entry| {
				if let Some(shipment) = entry {
					shipment.vehicle = None;
				}
			});
			Self::deposit_event(Event::VehicleLinkEnded { shipment: id, vehicle, cause });
		}
	}
}

impl<T: Config> OnOwnershipTransferred<T::AccountId> for Pallet<T> {
	/// The new owner's vehicle carries nothing of the old owner's custody.
	fn on_ownership_transferred(vehicle: VehicleId, _old: &T::AccountId, _new: &T::AccountId) {
		Self::end_links(vehicle, LinkEnd::Sold);
	}

	/// The worst case: `MaxShipmentsPerVehicle` shipments loaded.
	fn weight() -> Weight {
		T::WeightInfo::on_ownership_transferred()
	}
}

impl<T: Config> OnVehicleStatusChanged for Pallet<T> {
	/// A stolen or scrapped vehicle carries nothing any more; a recovered one needs nothing.
	fn on_status_changed(vehicle: VehicleId, status: VehicleStatus) {
		match status {
			VehicleStatus::Active => {}
			VehicleStatus::Stolen => Self::end_links(vehicle, LinkEnd::Stolen),
			VehicleStatus::Scrapped => Self::end_links(vehicle, LinkEnd::Scrapped),
		}
	}

	/// The worst case: `MaxShipmentsPerVehicle` shipments loaded.
	fn weight() -> Weight {
		T::WeightInfo::on_status_changed()
	}
}
