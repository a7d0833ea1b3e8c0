//! The runtime API apps and wallets query insurance with, and the queries on [`Pallet`]
//! that the runtime's implementation calls.

use v2x_primitives::{Km, VehicleId};

use crate::{
	ActivePolicy, BalanceOf, Config, Insurers, Pallet, Policies, PolicyId, PolicyOf, PoolInfo,
	ProductId, Products, RiskEvents, Usage,
};
use polkadot_sdk::sp_runtime::Saturating;

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Premium quotes, policies and insurers' pools.
	pub trait InsuranceApi<AccountId, Balance, BlockNumber>
	where
		AccountId: codec::Codec,
		Balance: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// A full period's premium on `product` for `km` driven and `events`; `None` for an
		/// unknown product or a premium beyond the balance type.
		fn quote(product: ProductId, km: Km, events: RiskEvents) -> Option<Balance>;

		/// The vehicle's active policy and its id, if it has one.
		fn active_policy(
			vehicle: VehicleId,
		) -> Option<(PolicyId, crate::Policy<AccountId, Balance, BlockNumber>)>;

		/// An insurer's pool, exposure and what it may withdraw; `None` if it is not an
		/// insurer.
		fn pool(insurer: AccountId) -> Option<PoolInfo<Balance>>;
	}
}

impl<T: Config> Pallet<T> {
	/// See [`InsuranceApi::quote`].
	pub fn quote(product: ProductId, km: Km, events: RiskEvents) -> Option<BalanceOf<T>> {
		let product = Products::<T>::get(product)?;
		Self::premium(&product.terms, &Usage { km, events })
	}

	/// See [`InsuranceApi::active_policy`].
	pub fn active_policy(vehicle: VehicleId) -> Option<(PolicyId, PolicyOf<T>)> {
		let id = ActivePolicy::<T>::get(vehicle)?;
		Policies::<T>::get(id).map(|policy| (id, policy))
	}

	/// See [`InsuranceApi::pool`].
	pub fn pool(insurer: T::AccountId) -> Option<PoolInfo<BalanceOf<T>>> {
		let entry = Insurers::<T>::get(&insurer)?;
		let held = Self::pool_held(&insurer);
		let required = Self::required_pool(&entry);
		Some(PoolInfo {
			held,
			exposure: entry.exposure,
			claims_reserved: entry.claims_reserved,
			required,
			withdrawable: held.saturating_sub(required),
		})
	}
}
