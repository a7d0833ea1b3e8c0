//! Providers declare their users' usage per vehicle and day, in batches (helper B).

use polkadot_sdk::sp_runtime::DispatchResult;

use crate::{Config, ContextId, DeclarationInputsOf, Error, Pallet};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_declare(
		_provider: T::AccountId,
		_context: ContextId,
		_declarations: DeclarationInputsOf<T>,
	) -> DispatchResult {
		Err(Error::<T>::NotYetBuilt.into())
	}
}
