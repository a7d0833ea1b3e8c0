//! The calls' logic, as `do_*` functions on [`Pallet`](crate::Pallet), by domain, and the
//! helpers they share.

mod bookings;
mod coops;
mod damage;
mod governance;
pub(crate) mod revenue;
mod shares;
mod trips;

use polkadot_sdk::{
	frame_support::{
		defensive,
		traits::{fungible::MutateHold, tokens::Precision, Get},
	},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::{
		traits::{AccountIdConversion, Zero},
		DispatchError, DispatchResult,
	},
};
use v2x_primitives::VehicleId;

use crate::{
	BalanceOf, Config, Coop, CoopId, Coops, Error, Fleet, HoldReason, Members, Pallet, Pricing,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	/// The co-op's keyless account: it owns the co-op's vehicles and holds its money.
	pub fn coop_account(coop: CoopId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(coop)
	}

	pub(crate) fn coop(coop: CoopId) -> Result<Coop<T>, DispatchError> {
		Coops::<T>::get(coop).ok_or_else(|| Error::<T>::CoopNotFound.into())
	}

	/// The co-op, if `who` is its fleet manager.
	pub(crate) fn ensure_fleet_manager(
		coop: CoopId,
		who: &T::AccountId,
	) -> Result<Coop<T>, DispatchError> {
		let entry = Self::coop(coop)?;
		if entry.fleet_manager != *who {
			return Err(Error::<T>::NotFleetManager.into());
		}
		Ok(entry)
	}

	/// Fails unless `vehicle` is in `coop`'s fleet.
	pub(crate) fn ensure_in_fleet(coop: CoopId, vehicle: VehicleId) -> DispatchResult {
		if !Fleet::<T>::contains_key(coop, vehicle) {
			return Err(Error::<T>::NotInFleet.into());
		}
		Ok(())
	}

	/// Whether `who` holds shares of `coop`: members pay members' prices.
	pub fn is_member(coop: CoopId, who: &T::AccountId) -> bool {
		Members::<T>::get(coop, who).is_some_and(|member| member.shares > 0)
	}

	/// The prices of a fleet vehicle: its own, or its co-op's.
	pub(crate) fn pricing_of(
		coop: &Coop<T>,
		coop_id: CoopId,
		vehicle: VehicleId,
	) -> Pricing<BalanceOf<T>> {
		Fleet::<T>::get(coop_id, vehicle).and_then(|v| v.pricing).unwrap_or(coop.pricing)
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
