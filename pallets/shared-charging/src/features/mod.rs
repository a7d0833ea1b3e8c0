//! The calls' logic, as `do_*` functions on [`Pallet`](crate::Pallet), by domain.

mod chargers;
mod discharge;
mod disputes;
mod grid;
mod lapsed;
mod meters;
mod sessions;
mod tariffs;

use polkadot_sdk::{
	frame_support::traits::{fungible::MutateHold, tokens::Precision, UnixTime},
	sp_runtime::{traits::Zero, DispatchResult},
};

use crate::{BalanceOf, Config, Error, HoldReason, Pallet};

#[cfg(any(feature = "try-runtime", feature = "std"))]
pub(crate) use discharge::above_minimum_wh;

impl<T: Config> Pallet<T> {
	/// Milliseconds since the Unix epoch.
	pub(crate) fn now_ms() -> u64 {
		u64::try_from(T::UnixTime::now().as_millis()).unwrap_or(u64::MAX)
	}

	/// Holds `amount` from `who`; zero (genesis entries) holds nothing.
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

	/// Releases `amount` held from `who` when its entry was created.
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
}
