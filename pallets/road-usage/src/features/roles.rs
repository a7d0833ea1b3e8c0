//! Interoperability management approves toll chargers and providers; providers post and
//! withdraw their bond.

use polkadot_sdk::sp_runtime::DispatchResult;

use crate::{BalanceOf, Config, Error, NameOf, Pallet};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_approve_charger(_who: T::AccountId, _name: NameOf<T>) -> DispatchResult {
		Err(Error::<T>::NotYetBuilt.into())
	}

	pub(crate) fn do_approve_provider(_who: T::AccountId, _name: NameOf<T>) -> DispatchResult {
		Err(Error::<T>::NotYetBuilt.into())
	}

	pub(crate) fn do_revoke_provider(_who: T::AccountId) -> DispatchResult {
		Err(Error::<T>::NotYetBuilt.into())
	}

	pub(crate) fn do_post_bond(_provider: T::AccountId, _amount: BalanceOf<T>) -> DispatchResult {
		Err(Error::<T>::NotYetBuilt.into())
	}

	pub(crate) fn do_withdraw_bond(
		_provider: T::AccountId,
		_amount: BalanceOf<T>,
	) -> DispatchResult {
		Err(Error::<T>::NotYetBuilt.into())
	}
}
