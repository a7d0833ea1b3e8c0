//! The calls' logic, as `do_*` functions on [`Pallet`](crate::Pallet), by domain, and the
//! helpers they share.

mod billing;
mod contexts;
mod declarations;
mod passages;
mod platoons;
mod roles;
mod users;
mod vehicle_days;

use polkadot_sdk::{
	frame_support::{
		defensive,
		traits::{fungible::MutateHold, tokens::Precision, UnixTime},
	},
	sp_runtime::{traits::Zero, DispatchResult},
};

use crate::{BalanceOf, Config, Day, Error, HoldReason, Pallet};

/// Seconds in a day.
const DAY_SECS: u64 = 86_400;

impl<T: Config> Pallet<T> {
	/// Today's wall-clock day (UTC): days since 1970-01-01.
	pub fn today() -> Day {
		let days = T::UnixTime::now().as_secs() / DAY_SECS;
		Day::try_from(days).unwrap_or(Day::MAX)
	}

	/// Holds `amount` from `who`; zero holds nothing.
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

	/// Releases `amount` held from `who`. It was held when its entry was created: should the
	/// release fail, it stays held (`try_state` reports it) rather than stop the caller.
	pub(crate) fn release(reason: HoldReason, who: &T::AccountId, amount: BalanceOf<T>) {
		if amount.is_zero() {
			return;
		}
		if T::Currency::release(&reason.into(), who, amount, Precision::Exact).is_err() {
			defensive!("a held amount could not be released");
		}
	}
}
