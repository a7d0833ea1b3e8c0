//! Seeds insurers with funded pools, products and policies at genesis, through the calls'
//! own logic: deposits, pools and prepayments are held like any caller's.

use polkadot_sdk::sp_runtime::traits::Zero;

use crate::{Config, GenesisConfig, NameOf, Pallet};

impl<T: Config> GenesisConfig<T> {
	/// Builds the genesis state. The accounts must be funded (the balances genesis runs
	/// first) and the vehicles must exist in `T::Vehicles` (the identity genesis runs first).
	/// A bad entry stops the chain from starting, with a message saying which.
	pub(crate) fn seed(&self) {
		for (insurer, name, pool) in &self.insurers {
			let name = NameOf::<T>::try_from(name.clone())
				.unwrap_or_else(|_| panic!("genesis insurer name too long"));
			if let Err(e) = Pallet::<T>::do_approve_insurer(insurer.clone(), name) {
				panic!("invalid genesis insurer: {e:?}");
			}
			if !pool.is_zero() {
				if let Err(e) = Pallet::<T>::do_fund_pool(insurer.clone(), *pool) {
					panic!("genesis insurer cannot fund its pool: {e:?}");
				}
			}
		}
		for (index, (insurer, terms)) in self.products.iter().enumerate() {
			if let Err(e) = Pallet::<T>::do_create_product(insurer.clone(), *terms) {
				panic!("invalid genesis product {index}: {e:?}");
			}
		}
		for (holder, vehicle, product, prepayment) in &self.policies {
			let bought =
				Pallet::<T>::do_buy_policy(holder.clone(), *vehicle, *product, *prepayment);
			if let Err(e) = bought {
				panic!("invalid genesis policy for vehicle {vehicle}: {e:?}");
			}
		}
	}
}
