//! The calls' logic, as `do_*` functions on [`Pallet`](crate::Pallet), by job, and the
//! helpers they share: reading a lease and moving its money.

mod defaults;
mod endings;
mod offers;
mod payments;
pub(crate) mod schedule;

use polkadot_sdk::{
	frame_support::{
		defensive,
		traits::{
			fungible::MutateHold,
			tokens::{Fortitude, Precision, Restriction},
		},
	},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::{traits::Zero, DispatchError, DispatchResult},
};

use crate::{BalanceOf, Config, Error, HoldReason, Lease, LeaseId, Leases, Pallet};

impl<T: Config> Pallet<T> {
	pub(crate) fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	/// The offer or lease `id`.
	pub(crate) fn lease(id: LeaseId) -> Result<Lease<T>, DispatchError> {
		Leases::<T>::get(id).ok_or_else(|| Error::<T>::UnknownLease.into())
	}

	/// The accepted (running or defaulted) lease `id`, if `who` is its lessee.
	pub(crate) fn lessees_lease(
		id: LeaseId,
		who: &T::AccountId,
	) -> Result<Lease<T>, DispatchError> {
		let lease = Self::lease(id)?;
		if lease.lessee != *who {
			return Err(Error::<T>::NotLessee.into());
		}
		if !lease.is_accepted() {
			return Err(Error::<T>::NotRunning.into());
		}
		Ok(lease)
	}

	/// Holds `amount` from `who`; zero holds nothing. The currency's error (too little free
	/// balance) passes through.
	pub(crate) fn hold(
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Currency::hold(&reason.into(), who, amount)
	}

	/// Releases `amount` held from `who`. It was held when the lease took it: should the
	/// release fail, it stays held (`try_state` reports it) rather than stop the caller.
	pub(crate) fn release(reason: HoldReason, who: &T::AccountId, amount: BalanceOf<T>) {
		if amount.is_zero() {
			return;
		}
		if T::Currency::release(&reason.into(), who, amount, Precision::Exact).is_err() {
			defensive!("a held amount could not be released");
		}
	}

	/// Pays `amount` held from `from` for `reason` into `to`'s free balance.
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
			Fortitude::Polite,
		)
		.map(|_| ())
	}
}
