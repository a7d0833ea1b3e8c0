//! The check every storage migration of V2X Chain makes (`pallets/*/src/migrations/`): the
//! items it must keep are all still there.
//!
//! A migration's `pre_upgrade` records the counts of the maps it keeps with
//! [`counts_before`], its `post_upgrade` compares them with [`ensure_counts_kept`]. Both run
//! under try-runtime only.

use alloc::vec::Vec;
use codec::{Decode, Encode};
use polkadot_sdk::sp_runtime::TryRuntimeError;

/// How many items `items` yields, e.g. `count(Vehicles::<T>::iter_keys())`: count keys, as the
/// values may still be in the old encoding before the migration.
pub fn count(items: impl Iterator) -> u64 {
	u64::try_from(items.count()).unwrap_or(u64::MAX)
}

/// The state `pre_upgrade` hands to `post_upgrade`: the counts before the migration.
pub fn counts_before(counts: &[u64]) -> Vec<u8> {
	counts.encode()
}

/// Fails unless `after` equals the counts that [`counts_before`] recorded in `before`.
pub fn ensure_counts_kept(before: Vec<u8>, after: &[u64]) -> Result<(), TryRuntimeError> {
	let before = Vec::<u64>::decode(&mut &before[..])
		.map_err(|_| "the counts recorded before the migration do not decode")?;
	if before.as_slice() != after {
		return Err("the migration changed the number of items it must keep".into());
	}
	Ok(())
}
