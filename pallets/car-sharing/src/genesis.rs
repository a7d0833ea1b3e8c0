//! Creates co-ops at genesis (the dev chain's demo co-op), without deposits: each co-op's
//! account is funded by the balances genesis, and that balance is its first reserve.

use polkadot_sdk::{frame_support::traits::fungible::Inspect, sp_runtime::traits::Zero};
use v2x_primitives::VehicleRegistry;

use crate::{Config, CoopNameOf, CoopSetup, FoundersOf, GenesisConfig, NextCoopId, Pallet};

impl<T: Config> GenesisConfig<T> {
	/// Builds the genesis state. The vehicles must already belong to the co-op's derived
	/// account in `T::Vehicles` (the identity pallet's genesis runs first).
	pub(crate) fn seed(&self) {
		for genesis in &self.coops {
			let coop = NextCoopId::<T>::get();
			let Some(founder) = genesis.founders.first().map(|(who, _)| who.clone()) else {
				panic!("genesis co-op {coop} without founders");
			};
			let name = CoopNameOf::<T>::try_from(genesis.name.clone())
				.unwrap_or_else(|_| panic!("genesis co-op {coop}: name too long"));
			let founders = FoundersOf::<T>::try_from(genesis.founders.clone())
				.unwrap_or_else(|_| panic!("genesis co-op {coop}: too many founders"));
			let setup = CoopSetup {
				name,
				rules: genesis.rules,
				pricing: genesis.pricing,
				founders,
				fleet_manager: genesis.fleet_manager.clone(),
				assessor: genesis.assessor.clone(),
			};
			let supply = Pallet::<T>::validate_setup(&setup)
				.unwrap_or_else(|e| panic!("invalid genesis co-op {coop}: {e:?}"));
			let account = Pallet::<T>::coop_account(coop);
			let reserve = T::Currency::balance(&account);
			NextCoopId::<T>::put(coop.saturating_add(1));
			Pallet::<T>::insert_coop(coop, founder, setup, supply, Zero::zero(), reserve);
			for vehicle in &genesis.vehicles {
				if T::Vehicles::owner(*vehicle).as_ref() != Some(&account) {
					panic!("genesis co-op {coop}: vehicle {vehicle} is not owned by its account");
				}
				if let Err(e) = Pallet::<T>::join_fleet(coop, *vehicle) {
					panic!("genesis co-op {coop}: vehicle {vehicle}: {e:?}");
				}
			}
		}
	}
}
