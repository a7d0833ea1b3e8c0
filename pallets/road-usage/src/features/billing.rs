//! Toll chargers accept or dispute batches, governance decides disputes, accepted batches are
//! paid from the provider's bond; settled batches and old vehicle-days are pruned (helper B).

use polkadot_sdk::{sp_core::H256, sp_runtime::DispatchResult};
use v2x_primitives::VehicleId;

use crate::{BalanceOf, BatchId, Config, ContextId, Day, Error, Pallet};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_accept_batch(_who: T::AccountId, _batch: BatchId) -> DispatchResult {
		Err(Error::<T>::NotYetBuilt.into())
	}

	pub(crate) fn do_dispute_batch(
		_who: T::AccountId,
		_batch: BatchId,
		_reason: H256,
	) -> DispatchResult {
		Err(Error::<T>::NotYetBuilt.into())
	}

	pub(crate) fn do_resolve_dispute(_batch: BatchId, _pay: bool) -> DispatchResult {
		Err(Error::<T>::NotYetBuilt.into())
	}

	pub(crate) fn do_settle_unanswered(_batch: BatchId) -> DispatchResult {
		Err(Error::<T>::NotYetBuilt.into())
	}

	pub(crate) fn do_repay_credit(
		_charger: T::AccountId,
		_provider: T::AccountId,
		_amount: BalanceOf<T>,
	) -> DispatchResult {
		Err(Error::<T>::NotYetBuilt.into())
	}

	pub(crate) fn do_prune_batch(_batch: BatchId) -> DispatchResult {
		Err(Error::<T>::NotYetBuilt.into())
	}

	pub(crate) fn do_prune_vehicle_day(
		_context: ContextId,
		_vehicle: VehicleId,
		_day: Day,
	) -> DispatchResult {
		Err(Error::<T>::NotYetBuilt.into())
	}
}
