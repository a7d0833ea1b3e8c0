//! Toll chargers' contexts, tariff versions and gantries; the tariff version a day is priced
//! at, and its prices.

use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	sp_runtime::{
		traits::{CheckedAdd, CheckedMul, Zero},
		DispatchError, DispatchResult,
	},
};

use crate::{
	BalanceOf, ChargeKind, Chargers, Config, ContextId, Contexts, Day, DomainOf, Error, Event,
	HoldReason, NextContextId, Pallet, PricesOf, TariffPrice, TariffVersion, TariffVersionId,
	TariffVersions, TimeBand, TollContext, Usage, VehicleClass,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_create_context(
		charger: T::AccountId,
		domain: DomainOf<T>,
		kind: ChargeKind,
	) -> DispatchResult {
		ensure!(!domain.is_empty(), Error::<T>::EmptyName);
		let mut entry = Chargers::<T>::get(&charger).ok_or(Error::<T>::NotCharger)?;
		let context = NextContextId::<T>::get();
		let next = context.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let deposit = T::ContextDeposit::get();
		Self::hold(HoldReason::Deposit, &charger, deposit)?;
		entry.contexts = entry.contexts.saturating_add(1);
		Chargers::<T>::insert(&charger, entry);
		NextContextId::<T>::put(next);
		Contexts::<T>::insert(
			context,
			TollContext {
				charger: charger.clone(),
				domain,
				kind,
				next_version: 0,
				oldest_version: 0,
				gantries: Default::default(),
				deposit,
			},
		);
		Self::deposit_event(Event::ContextCreated { context, charger, kind });
		Ok(())
	}

	pub(crate) fn do_publish_tariff(
		who: T::AccountId,
		context: ContextId,
		valid_from: Day,
		prices: PricesOf<T>,
	) -> DispatchResult {
		let mut entry = Self::context_of_charger(&who, context)?;
		Self::validate_prices(entry.kind, &prices)?;
		let today = Self::today();
		match entry.next_version.checked_sub(1) {
			// The first version may start today: nothing was charged in the context yet.
			None => ensure!(valid_from >= today, Error::<T>::TariffNotInFuture),
			Some(latest) => {
				ensure!(valid_from > today, Error::<T>::TariffNotInFuture);
				let latest =
					TariffVersions::<T>::get(context, latest).ok_or(Error::<T>::NoTariff)?;
				ensure!(valid_from > latest.valid_from, Error::<T>::TariffNotAfterLatest);
			}
		}
		let kept = entry.next_version.saturating_sub(entry.oldest_version);
		if kept >= T::MaxTariffVersions::get() {
			Self::drop_oldest_version(context, &mut entry, today)?;
		}
		let version = entry.next_version;
		entry.next_version = version.checked_add(1).ok_or(Error::<T>::Overflow)?;
		TariffVersions::<T>::insert(context, version, TariffVersion { valid_from, prices });
		Contexts::<T>::insert(context, entry);
		Self::deposit_event(Event::TariffPublished { context, version, valid_from });
		Ok(())
	}

	/// Drops the context's oldest tariff version if no declarable day is priced at it: its
	/// successor took over more than `MaxDeclarationAge` days ago.
	fn drop_oldest_version(
		context: ContextId,
		entry: &mut TollContext<T>,
		today: Day,
	) -> DispatchResult {
		let oldest = entry.oldest_version;
		let successor = oldest.saturating_add(1);
		let taken_over = TariffVersions::<T>::get(context, successor)
			.map(|version| version.valid_from)
			.ok_or(Error::<T>::TooManyTariffVersions)?;
		ensure!(
			taken_over.saturating_add(T::MaxDeclarationAge::get()) < today,
			Error::<T>::TooManyTariffVersions
		);
		TariffVersions::<T>::remove(context, oldest);
		entry.oldest_version = successor;
		Self::deposit_event(Event::TariffVersionDropped { context, version: oldest });
		Ok(())
	}

	/// Fails unless the prices are non-empty, strictly sorted by (class, band), above zero,
	/// and in band 0 for a passage context.
	pub(crate) fn validate_prices(
		kind: ChargeKind,
		prices: &[TariffPrice<BalanceOf<T>>],
	) -> DispatchResult {
		ensure!(!prices.is_empty(), Error::<T>::InvalidTariff);
		for price in prices {
			ensure!(!price.price.is_zero(), Error::<T>::InvalidTariff);
			ensure!(kind == ChargeKind::Distance || price.band == 0, Error::<T>::InvalidTariff);
		}
		let sorted = prices.windows(2).all(|pair| match pair {
			[a, b] => (a.class, a.band) < (b.class, b.band),
			_ => true,
		});
		ensure!(sorted, Error::<T>::InvalidTariff);
		Ok(())
	}

	pub(crate) fn do_add_gantry(
		who: T::AccountId,
		context: ContextId,
		gantry: T::AccountId,
	) -> DispatchResult {
		let mut entry = Self::context_of_charger(&who, context)?;
		ensure!(!entry.gantries.contains(&gantry), Error::<T>::GantryExists);
		entry.gantries.try_push(gantry.clone()).map_err(|_| Error::<T>::TooManyGantries)?;
		Contexts::<T>::insert(context, entry);
		Self::deposit_event(Event::GantryAdded { context, gantry });
		Ok(())
	}

	pub(crate) fn do_remove_gantry(
		who: T::AccountId,
		context: ContextId,
		gantry: T::AccountId,
	) -> DispatchResult {
		let mut entry = Self::context_of_charger(&who, context)?;
		let position =
			entry.gantries.iter().position(|g| *g == gantry).ok_or(Error::<T>::UnknownGantry)?;
		entry.gantries.remove(position);
		Contexts::<T>::insert(context, entry);
		Self::deposit_event(Event::GantryRemoved { context, gantry });
		Ok(())
	}

	/// The context.
	pub(crate) fn context(context: ContextId) -> Result<TollContext<T>, DispatchError> {
		Contexts::<T>::get(context).ok_or_else(|| Error::<T>::UnknownContext.into())
	}

	/// The context, if `who` is its toll charger.
	pub(crate) fn context_of_charger(
		who: &T::AccountId,
		context: ContextId,
	) -> Result<TollContext<T>, DispatchError> {
		let entry = Self::context(context)?;
		ensure!(entry.charger == *who, Error::<T>::NotContextCharger);
		Ok(entry)
	}

	/// The tariff version of `context` valid on `day` (the newest with `valid_from <= day`),
	/// with its id: `UnknownContext`, or `NoTariff` if none is.
	pub fn tariff_version_at(
		context: ContextId,
		day: Day,
	) -> Result<(TariffVersionId, TariffVersion<T>), DispatchError> {
		let entry = Self::context(context)?;
		Self::version_valid_on(context, &entry, day)
	}

	/// As [`Self::tariff_version_at`], for a context already read: a binary search over its
	/// kept versions (their `valid_from` strictly increase), at most log2(`MaxTariffVersions`)
	/// + 1 reads.
	pub fn version_valid_on(
		context: ContextId,
		entry: &TollContext<T>,
		day: Day,
	) -> Result<(TariffVersionId, TariffVersion<T>), DispatchError> {
		let (mut low, mut high) = (entry.oldest_version, entry.next_version);
		let mut found = None;
		while low < high {
			let middle = low.saturating_add(high.saturating_sub(low) / 2);
			let version = TariffVersions::<T>::get(context, middle).ok_or(Error::<T>::NoTariff)?;
			if version.valid_from <= day {
				found = Some((middle, version));
				low = middle.saturating_add(1);
			} else {
				high = middle;
			}
		}
		found.ok_or_else(|| Error::<T>::NoTariff.into())
	}

	/// What `quantity` passages or km of (`class`, `band`) cost at `version`: `UnpricedUsage`
	/// if it has no such price, `Overflow` if the product does not fit.
	pub fn price(
		version: &TariffVersion<T>,
		class: VehicleClass,
		band: TimeBand,
		quantity: u32,
	) -> Result<BalanceOf<T>, DispatchError> {
		let index = version
			.prices
			.binary_search_by_key(&(class, band), |price| (price.class, price.band))
			.map_err(|_| Error::<T>::UnpricedUsage)?;
		let unit = version.prices.get(index).ok_or(Error::<T>::UnpricedUsage)?.price;
		unit.checked_mul(&BalanceOf::<T>::from(quantity)).ok_or_else(|| Error::<T>::Overflow.into())
	}

	/// What the usage lines of a vehicle of `class` cost at `version`: Σ price × quantity.
	pub fn price_usage(
		version: &TariffVersion<T>,
		class: VehicleClass,
		usage: &[Usage],
	) -> Result<BalanceOf<T>, DispatchError> {
		usage.iter().try_fold(BalanceOf::<T>::zero(), |total, line| {
			let amount = Self::price(version, class, line.band, line.quantity)?;
			total.checked_add(&amount).ok_or_else(|| Error::<T>::Overflow.into())
		})
	}
}
