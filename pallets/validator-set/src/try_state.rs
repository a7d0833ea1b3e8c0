//! The invariants of the validator set, checked after every test and by `try-runtime`.

use alloc::collections::BTreeSet;
use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	sp_runtime::TryRuntimeError,
};

use crate::{Config, Pallet, SetChanged, Validators};

impl<T: Config> Pallet<T> {
	/// Checks every invariant of the validator set; `Err` names the first one broken.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let set = Validators::<T>::get();
		let len = set.len() as u32;
		// Below the minimum only while dormant: empty since genesis, or filling up with the
		// change not yet handed to the session pallet.
		ensure!(
			len >= T::MinValidators::get() || len == 0 || SetChanged::<T>::get(),
			"fewer validators than MinValidators"
		);
		ensure!(len <= T::MaxValidators::get(), "more validators than MaxValidators");
		let distinct = set.iter().collect::<BTreeSet<_>>();
		ensure!(distinct.len() == set.len(), "a validator appears twice");
		Ok(())
	}
}
