//! The identity and ownership sections of a vehicle's passport, for the runtime's
//! `VehiclePassportApi`.

use alloc::vec::Vec;
use polkadot_sdk::{frame_system, frame_system::pallet_prelude::BlockNumberFor};
use v2x_primitives::{
	IdentitySection, OwnershipSection, SaleEntry, SaleOfferEntry, VehicleId, VehicleRef,
	VehicleStatus,
};

use crate::{
	BalanceOf, Config, Manufacturers, OwnershipHistory, Pallet, SaleOffers, VehicleByVin, Vehicles,
};

/// The identity section with this pallet's types.
pub type IdentityOf<T> = IdentitySection<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
/// The ownership section with this pallet's types.
pub type OwnershipOf<T> =
	OwnershipSection<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

impl<T: Config> Pallet<T> {
	/// The id of the vehicle `vehicle` names, if one is registered under it.
	pub fn vehicle_id(vehicle: VehicleRef) -> Option<VehicleId> {
		match vehicle {
			VehicleRef::Id(id) => Vehicles::<T>::contains_key(id).then_some(id),
			VehicleRef::Vin(vin) => VehicleByVin::<T>::get(vin),
		}
	}

	/// The vehicle's identity, status and ownership, as its passport shows them.
	pub fn passport_identity(
		id: VehicleId,
	) -> Option<(IdentityOf<T>, VehicleStatus, OwnershipOf<T>)> {
		let vehicle = Vehicles::<T>::get(id)?;
		let manufacturer_name = Manufacturers::<T>::get(&vehicle.manufacturer)
			.map(|manufacturer| manufacturer.name.into_inner())
			.unwrap_or_default();
		let history = OwnershipHistory::<T>::get(id);
		let ownership = OwnershipSection {
			owner: vehicle.owner,
			past_owners: history.as_ref().map_or(0, |history| history.count),
			recent_sales: history
				.map(|history| history.recent.into_iter())
				.into_iter()
				.flatten()
				.map(|sale| SaleEntry {
					seller: sale.seller,
					buyer: sale.buyer,
					price: sale.price,
					at: sale.at,
				})
				.collect::<Vec<_>>(),
			lien: vehicle.lien,
			open_offer: SaleOffers::<T>::get(id).map(|offer| SaleOfferEntry {
				buyer: offer.buyer,
				price: offer.price,
				expires_at: offer.expires_at,
			}),
		};
		let identity = IdentitySection {
			id,
			vin: vehicle.vin,
			manufacturer: vehicle.manufacturer,
			manufacturer_name,
			model_year: vehicle.model_year,
			powertrain: vehicle.powertrain,
			battery_capacity_wh: vehicle.battery_capacity,
			metadata_hash: vehicle.metadata_hash,
			metadata_uri: vehicle.metadata_uri.into_inner(),
			registered_at: vehicle.registered_at,
		};
		Some((identity, vehicle.status, ownership))
	}
}
