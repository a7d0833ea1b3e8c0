//! The calls' logic, as `do_*` functions on [`Pallet`](crate::Pallet), by domain, and the
//! helpers they share.

mod campaigns;
mod delegations;
mod reports;
mod repository;
pub(crate) mod signatures;
mod targets;

pub use campaigns::selects;

use polkadot_sdk::{
	frame_support::{
		defensive,
		traits::{fungible::MutateHold, tokens::Precision},
	},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::{traits::Zero, DispatchResult},
};

use crate::{BalanceOf, Config, Error, HoldReason, Pallet, Repositories, RepositoryOf};

impl<T: Config> Pallet<T> {
	/// The current block: the vehicles' secure clock.
	pub(crate) fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	/// `manufacturer`'s repository, or `UnknownRepository`.
	pub(crate) fn repository(manufacturer: &T::AccountId) -> Result<RepositoryOf<T>, Error<T>> {
		Repositories::<T>::get(manufacturer).ok_or(Error::<T>::UnknownRepository)
	}

	/// `manufacturer`'s repository if its root has not expired (`RepositoryExpired`): an
	/// expired root freezes the repository until a rotation renews it.
	pub(crate) fn live_repository(
		manufacturer: &T::AccountId,
	) -> Result<RepositoryOf<T>, Error<T>> {
		let repository = Self::repository(manufacturer)?;
		if Self::now() > repository.root.expires_at {
			return Err(Error::<T>::RepositoryExpired);
		}
		Ok(repository)
	}

	/// The nonce the next nonce-protected payload of `repository` carries.
	pub(crate) fn next_nonce(repository: &RepositoryOf<T>) -> Result<u32, Error<T>> {
		repository.nonce.checked_add(1).ok_or(Error::<T>::Overflow)
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
