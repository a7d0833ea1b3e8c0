//! The invariants of software updates, checked after every test and by `try-runtime`.

use polkadot_sdk::sp_runtime::TryRuntimeError;

use crate::{Config, Pallet};

impl<T: Config> Pallet<T> {
	/// Checks every invariant; `Err` names the first one broken.
	// TODO(helper B): root chain, release counters, counts, deposits, reports.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Ok(())
	}
}
