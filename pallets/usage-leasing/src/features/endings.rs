//! Endings before the last period: the lessee's buy-out, the holder's transfer of its
//! position, and governance's termination.

use polkadot_sdk::sp_runtime::DispatchResult;

use crate::{BalanceOf, Config, Error, LeaseId, Pallet};

impl<T: Config> Pallet<T> {
	// helper B
	pub(crate) fn do_buy_out(
		_who: T::AccountId,
		_id: LeaseId,
		_max_price: BalanceOf<T>,
	) -> DispatchResult {
		Err(Error::<T>::NotRunning.into())
	}

	// helper B
	pub(crate) fn do_transfer_position(
		_who: T::AccountId,
		_id: LeaseId,
		_to: T::AccountId,
	) -> DispatchResult {
		Err(Error::<T>::NotRunning.into())
	}

	// helper B
	pub(crate) fn do_force_terminate(_id: LeaseId) -> DispatchResult {
		Err(Error::<T>::NotRunning.into())
	}
}
