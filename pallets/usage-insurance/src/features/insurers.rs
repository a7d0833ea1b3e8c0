//! Insurers (approved and suspended by governance), their products and capital pools.

use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	sp_runtime::{
		traits::{CheckedAdd, CheckedSub, Zero},
		DispatchError, DispatchResult, Saturating,
	},
};

use crate::{
	BalanceOf, Config, Error, Event, HoldReason, Insurer, Insurers, NameOf, NextProductId, Pallet,
	Product, ProductId, ProductOf, ProductTermsOf, Products,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_approve_insurer(insurer: T::AccountId, name: NameOf<T>) -> DispatchResult {
		ensure!(!Insurers::<T>::contains_key(&insurer), Error::<T>::AlreadyInsurer);
		ensure!(!name.is_empty(), Error::<T>::EmptyName);
		let entry = Insurer {
			name: name.clone(),
			suspended: false,
			exposure: Zero::zero(),
			claims_reserved: Zero::zero(),
			products: 0,
		};
		Insurers::<T>::insert(&insurer, entry);
		Self::deposit_event(Event::InsurerApproved { insurer, name });
		Ok(())
	}

	pub(crate) fn do_set_suspended(insurer: T::AccountId, suspended: bool) -> DispatchResult {
		Insurers::<T>::try_mutate(&insurer, |entry| -> DispatchResult {
			let entry = entry.as_mut().ok_or(Error::<T>::NotInsurer)?;
			if entry.suspended == suspended {
				let error =
					if suspended { Error::<T>::InsurerSuspended } else { Error::<T>::NotSuspended };
				return Err(error.into());
			}
			entry.suspended = suspended;
			Ok(())
		})?;
		Self::deposit_event(if suspended {
			Event::InsurerSuspended { insurer }
		} else {
			Event::InsurerReinstated { insurer }
		});
		Ok(())
	}

	pub(crate) fn do_create_product(
		insurer: T::AccountId,
		terms: ProductTermsOf<T>,
	) -> Result<ProductId, DispatchError> {
		let mut entry = Self::selling_insurer(&insurer)?;
		ensure!(
			terms.period_length >= T::MinPeriodLength::get()
				&& terms.period_length <= T::MaxPeriodLength::get(),
			Error::<T>::InvalidPeriod
		);
		ensure!(!terms.max_cover.is_zero(), Error::<T>::InvalidCover);
		ensure!(entry.products < T::MaxProductsPerInsurer::get(), Error::<T>::TooManyProducts);
		let id = NextProductId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let deposit = T::ProductDeposit::get();
		Self::hold(HoldReason::Product, &insurer, deposit)?;
		entry.products = entry.products.saturating_add(1);
		Insurers::<T>::insert(&insurer, entry);
		let product =
			Product { insurer: insurer.clone(), terms, retired: false, open_policies: 0, deposit };
		Products::<T>::insert(id, product);
		NextProductId::<T>::put(next);
		Self::deposit_event(Event::ProductCreated { product: id, insurer });
		Ok(id)
	}

	pub(crate) fn do_retire_product(insurer: T::AccountId, id: ProductId) -> DispatchResult {
		let mut product = Products::<T>::get(id).ok_or(Error::<T>::ProductNotFound)?;
		ensure!(product.insurer == insurer, Error::<T>::NotProductInsurer);
		ensure!(!product.retired, Error::<T>::ProductRetired);
		product.retired = true;
		Insurers::<T>::mutate(&insurer, |entry| {
			if let Some(entry) = entry {
				entry.products = entry.products.saturating_sub(1);
			}
		});
		Self::release_retired_product_deposit(&mut product)?;
		Products::<T>::insert(id, product);
		Self::deposit_event(Event::ProductRetired { product: id });
		Ok(())
	}

	/// A retired product with no open policy no longer needs its deposit.
	pub(crate) fn release_retired_product_deposit(product: &mut ProductOf<T>) -> DispatchResult {
		if product.retired && product.open_policies == 0 {
			Self::release(HoldReason::Product, &product.insurer, product.deposit)?;
			product.deposit = Zero::zero();
		}
		Ok(())
	}

	pub(crate) fn do_fund_pool(insurer: T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		ensure!(Insurers::<T>::contains_key(&insurer), Error::<T>::NotInsurer);
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		Self::hold(HoldReason::Pool, &insurer, amount)?;
		let held = Self::pool_held(&insurer);
		Self::deposit_event(Event::PoolFunded { insurer, amount, held });
		Ok(())
	}

	pub(crate) fn do_withdraw_pool(insurer: T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		let entry = Insurers::<T>::get(&insurer).ok_or(Error::<T>::NotInsurer)?;
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let left = Self::pool_held(&insurer)
			.checked_sub(&amount)
			.ok_or(Error::<T>::PoolBelowRequirement)?;
		ensure!(left >= Self::required_pool(&entry), Error::<T>::PoolBelowRequirement);
		Self::release(HoldReason::Pool, &insurer, amount)?;
		Self::deposit_event(Event::PoolWithdrawn { insurer, amount, held: left });
		Ok(())
	}

	/// What an insurer's pool must hold: `SolvencyRatio` x exposure (rounded up) + the
	/// reserves of its undecided claims.
	pub fn required_pool(insurer: &Insurer<T>) -> BalanceOf<T> {
		Self::required_for(insurer.exposure, insurer.claims_reserved)
	}

	pub(crate) fn required_for(
		exposure: BalanceOf<T>,
		claims_reserved: BalanceOf<T>,
	) -> BalanceOf<T> {
		T::SolvencyRatio::get().mul_ceil(exposure).saturating_add(claims_reserved)
	}

	/// The insurer, if it is approved and not suspended.
	pub(crate) fn selling_insurer(who: &T::AccountId) -> Result<Insurer<T>, DispatchError> {
		let insurer = Insurers::<T>::get(who).ok_or(Error::<T>::NotInsurer)?;
		ensure!(!insurer.suspended, Error::<T>::InsurerSuspended);
		Ok(insurer)
	}

	/// Whether the insurer's pool can carry `extra` more open cover.
	pub(crate) fn ensure_solvent_with(
		who: &T::AccountId,
		insurer: &Insurer<T>,
		extra: BalanceOf<T>,
	) -> DispatchResult {
		let exposure = insurer.exposure.checked_add(&extra).ok_or(Error::<T>::Overflow)?;
		let required = Self::required_for(exposure, insurer.claims_reserved);
		ensure!(Self::pool_held(who) >= required, Error::<T>::InsufficientPool);
		Ok(())
	}
}
