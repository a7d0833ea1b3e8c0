//! Truck platoons: followers pay the leader per km both attested, from held escrow (helper C).

use polkadot_sdk::sp_runtime::DispatchResult;
use v2x_primitives::VehicleId;

use crate::{BalanceOf, Config, Error, Pallet, PlatoonId, PlatoonRule};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_form_platoon(
		_who: T::AccountId,
		_leader: VehicleId,
		_rule: PlatoonRule<BalanceOf<T>>,
	) -> DispatchResult {
		Err(Error::<T>::NotYetBuilt.into())
	}

	pub(crate) fn do_join_platoon(
		_who: T::AccountId,
		_platoon: PlatoonId,
		_follower: VehicleId,
		_max_km: u32,
	) -> DispatchResult {
		Err(Error::<T>::NotYetBuilt.into())
	}

	pub(crate) fn do_start_segment(
		_device: T::AccountId,
		_platoon: PlatoonId,
		_planned_km: u32,
	) -> DispatchResult {
		Err(Error::<T>::NotYetBuilt.into())
	}

	pub(crate) fn do_attest_segment(
		_device: T::AccountId,
		_platoon: PlatoonId,
		_km: u32,
	) -> DispatchResult {
		Err(Error::<T>::NotYetBuilt.into())
	}

	pub(crate) fn do_leave_platoon(
		_who: T::AccountId,
		_platoon: PlatoonId,
		_vehicle: VehicleId,
	) -> DispatchResult {
		Err(Error::<T>::NotYetBuilt.into())
	}

	/// Takes `vehicle` out of its platoon, if any, for the sale and status hooks: a follower's
	/// escrow is released, a leader dissolves its platoon. Bounded by `MaxFollowers`.
	pub(crate) fn leave_platoon_on_hook(_vehicle: VehicleId) {}
}
