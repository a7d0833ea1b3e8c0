//! A vehicle's device pays a gantry passage at once from the prepaid balance (helper C).

use polkadot_sdk::sp_runtime::DispatchResult;

use crate::{Config, ContextId, Error, Pallet, Passage};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_report_passage(
		_device: T::AccountId,
		_context: ContextId,
		_passage: Passage,
		_gantry: T::AccountId,
		_signature: T::GantrySignature,
	) -> DispatchResult {
		Err(Error::<T>::NotYetBuilt.into())
	}
}
