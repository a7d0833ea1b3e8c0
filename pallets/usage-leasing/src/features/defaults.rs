//! Defaults: the holder requests one after a due date's grace and notice, `on_finalize`
//! decides it after every payment of the block, and the holder writes a defaulted lease off.

use polkadot_sdk::{frame_system::pallet_prelude::BlockNumberFor, sp_runtime::DispatchResult};

use crate::{Config, Error, LeaseId, Pallet};

impl<T: Config> Pallet<T> {
	// helper B
	pub(crate) fn do_mark_default(_who: T::AccountId, _id: LeaseId) -> DispatchResult {
		Err(Error::<T>::NotRunning.into())
	}

	/// Decides the defaults requested in this block (`DefaultChecks`), after its payments.
	// helper B
	pub(crate) fn confirm_defaults(_now: BlockNumberFor<T>) {}

	// helper B
	pub(crate) fn do_write_off(_who: T::AccountId, _id: LeaseId) -> DispatchResult {
		Err(Error::<T>::NotRunning.into())
	}
}
