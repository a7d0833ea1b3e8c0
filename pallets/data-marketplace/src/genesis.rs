//! Seeds listings at genesis (the dev chain's demo offer).

use polkadot_sdk::sp_runtime::traits::Zero;
use v2x_primitives::VehicleRegistry;

use crate::{AllowListOf, Config, GenesisConfig, ListingTerms, Pallet};

impl<T: Config> GenesisConfig<T> {
	/// Builds the genesis state: each listing for its vehicle's current owner, without a
	/// deposit. The vehicles must already exist in `T::Vehicles` (the identity pallet's genesis
	/// runs first).
	pub(crate) fn seed(&self) {
		for listing in &self.listings {
			let vehicle = listing.vehicle;
			let Some(owner) = T::Vehicles::owner(vehicle) else {
				panic!("genesis listing for unknown vehicle {vehicle}");
			};
			let allow_list = listing.allow_list.clone().map(|accounts| {
				AllowListOf::<T>::try_from(accounts)
					.unwrap_or_else(|_| panic!("genesis listing allow-list too long"))
			});
			let terms = ListingTerms {
				category: listing.category,
				price: listing.price,
				duration: listing.duration,
				terms_hash: listing.terms_hash,
				allow_list,
			};
			if let Err(e) = Pallet::<T>::do_create_listing(owner, vehicle, terms, Zero::zero()) {
				panic!("invalid genesis listing for vehicle {vehicle}: {e:?}");
			}
		}
	}
}
