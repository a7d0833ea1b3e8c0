//! Starts leases at genesis (the dev chain's demo lease): each is offered by the vehicle's
//! owner and accepted at block 0, through the calls' own checks.

use v2x_primitives::VehicleRegistry;

use crate::{Config, GenesisConfig, Pallet};

impl<T: Config> GenesisConfig<T> {
	/// Builds the genesis state. The vehicles, their owners' lender approval and their
	/// odometer readings must already be in `T::Vehicles` and `T::Odometer` (their pallets'
	/// genesis runs first), and each owner funded for the lease deposit.
	pub(crate) fn seed(&self) {
		let now = Pallet::<T>::now();
		for (vehicle, lessee, terms) in &self.leases {
			let Some(lessor) = T::Vehicles::owner(*vehicle) else {
				panic!("genesis lease of vehicle {vehicle}: the vehicle is not registered");
			};
			let id = Pallet::<T>::do_offer_lease(lessor, *vehicle, lessee.clone(), *terms, now)
				.unwrap_or_else(|e| panic!("genesis lease of vehicle {vehicle}: offer: {e:?}"));
			Pallet::<T>::do_accept_lease(lessee.clone(), id)
				.unwrap_or_else(|e| panic!("genesis lease of vehicle {vehicle}: accept: {e:?}"));
		}
	}
}
