//! Toll chargers' contexts, tariff versions and gantries; the tariff a day is priced at.

use polkadot_sdk::sp_runtime::DispatchResult;

use crate::{ChargeKind, Config, ContextId, Day, DomainOf, Error, Pallet, PricesOf};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_create_context(
		_charger: T::AccountId,
		_domain: DomainOf<T>,
		_kind: ChargeKind,
	) -> DispatchResult {
		Err(Error::<T>::NotYetBuilt.into())
	}

	pub(crate) fn do_publish_tariff(
		_who: T::AccountId,
		_context: ContextId,
		_valid_from: Day,
		_prices: PricesOf<T>,
	) -> DispatchResult {
		Err(Error::<T>::NotYetBuilt.into())
	}

	pub(crate) fn do_add_gantry(
		_who: T::AccountId,
		_context: ContextId,
		_gantry: T::AccountId,
	) -> DispatchResult {
		Err(Error::<T>::NotYetBuilt.into())
	}

	pub(crate) fn do_remove_gantry(
		_who: T::AccountId,
		_context: ContextId,
		_gantry: T::AccountId,
	) -> DispatchResult {
		Err(Error::<T>::NotYetBuilt.into())
	}
}
