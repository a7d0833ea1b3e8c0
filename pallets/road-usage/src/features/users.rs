//! Service users: the owner picks the vehicle's provider and keeps its prepaid toll balance.

use polkadot_sdk::sp_runtime::DispatchResult;
use v2x_primitives::VehicleId;

use crate::{BalanceOf, Config, Day, Error, Pallet, ServicePeriods};

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

impl<T: Config> Pallet<T> {
	/// Whether `provider` serves `vehicle` on `day` (both providers serve a change's day).
	pub fn serves(provider: &T::AccountId, vehicle: VehicleId, day: Day) -> bool {
		ServicePeriods::<T>::get(vehicle).iter().any(|period| period.serves(provider, day))
	}
}
