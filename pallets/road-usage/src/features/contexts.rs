//! Toll chargers' contexts, tariff versions and gantries; the tariff a day is priced at.

use polkadot_sdk::sp_runtime::{
	traits::{CheckedAdd, CheckedMul, Zero},
	DispatchError, DispatchResult,
};

use crate::{
	BalanceOf, ChargeKind, Config, ContextId, Contexts, Day, DomainOf, Error, Pallet, PricesOf,
	TariffVersion, TariffVersionId, TariffVersions, Usage, VehicleClass,
};

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

impl<T: Config> Pallet<T> {
	/// The tariff version valid on `day` in `context`: the newest kept with `valid_from <= day`.
	pub fn tariff_version_at(
		context: ContextId,
		day: Day,
	) -> Option<(TariffVersionId, TariffVersion<T>)> {
		let entry = Contexts::<T>::get(context)?;
		(entry.oldest_version..entry.next_version).rev().find_map(|version| {
			TariffVersions::<T>::get(context, version)
				.filter(|tariff| tariff.valid_from <= day)
				.map(|tariff| (version, tariff))
		})
	}

	/// What `usage` by a vehicle of `class` costs at `tariff`: Σ price × quantity.
	pub(crate) fn usage_amount(
		tariff: &TariffVersion<T>,
		class: VehicleClass,
		usage: &[Usage],
	) -> Result<BalanceOf<T>, DispatchError> {
		usage.iter().try_fold(BalanceOf::<T>::zero(), |sum, line| {
			let price = tariff
				.prices
				.binary_search_by_key(&(class, line.band), |p| (p.class, p.band))
				.ok()
				.and_then(|index| tariff.prices.get(index))
				.ok_or(Error::<T>::UnpricedUsage)?
				.price;
			price
				.checked_mul(&line.quantity.into())
				.and_then(|amount| sum.checked_add(&amount))
				.ok_or_else(|| Error::<T>::Overflow.into())
		})
	}
}
