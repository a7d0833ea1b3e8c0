//! Service users: the owner picks the vehicle's provider and keeps its prepaid toll balance.

use polkadot_sdk::sp_runtime::DispatchResult;
use v2x_primitives::VehicleId;

use crate::{BalanceOf, Config, Error, Pallet};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_set_provider(
		_who: T::AccountId,
		_vehicle: VehicleId,
		_provider: Option<T::AccountId>,
	) -> DispatchResult {
		Err(Error::<T>::NotYetBuilt.into())
	}

	pub(crate) fn do_top_up(
		_who: T::AccountId,
		_vehicle: VehicleId,
		_amount: BalanceOf<T>,
	) -> DispatchResult {
		Err(Error::<T>::NotYetBuilt.into())
	}

	pub(crate) fn do_withdraw_prepaid(
		_who: T::AccountId,
		_vehicle: VehicleId,
		_amount: BalanceOf<T>,
	) -> DispatchResult {
		Err(Error::<T>::NotYetBuilt.into())
	}
}
