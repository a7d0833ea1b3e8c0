//! The calls' logic, as `do_*` functions on [`Pallet`](crate::Pallet), by domain.

mod claims;
mod insurers;
mod policies;
mod settlement;

use polkadot_sdk::{
	frame_support::traits::{
		fungible::{InspectHold, MutateHold},
		tokens::{Fortitude, Precision, Restriction},
	},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::{traits::Zero, DispatchResult},
};

use crate::{BalanceOf, Config, Error, HoldReason, Pallet};

impl<T: Config> Pallet<T> {
	pub(crate) fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	/// Holds `amount` from `who`; holding nothing always succeeds.
	pub(crate) fn hold(
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Currency::hold(&reason.into(), who, amount)
			.map_err(|_| Error::<T>::InsufficientBalance.into())
	}

	/// Releases `amount` held from `who` for `reason`.
	pub(crate) fn release(
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Currency::release(&reason.into(), who, amount, Precision::Exact).map(|_| ())
	}

	/// Moves `amount` held from `from` for `reason` to `to`'s free balance. These are debts
	/// (premiums, payouts): they are paid even if `from` is left below the existential
	/// deposit.
	pub(crate) fn pay_from_hold(
		reason: HoldReason,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Currency::transfer_on_hold(
			&reason.into(),
			from,
			to,
			amount,
			Precision::Exact,
			Restriction::Free,
			Fortitude::Force,
		)
		.map(|_| ())
	}

	/// What `insurer` holds in its capital pool.
	pub fn pool_held(insurer: &T::AccountId) -> BalanceOf<T> {
		T::Currency::balance_on_hold(&HoldReason::Pool.into(), insurer)
	}
}
