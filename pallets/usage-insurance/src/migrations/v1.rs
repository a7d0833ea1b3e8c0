//! Version 0 to 1: a chain that ran this pallet before it declared a storage version.
//!
//! Version 1 is the pallet's first layout, so nothing is rewritten: the step keeps every item
//! and `VersionedMigration` stamps version 1. It is also the pattern for the next layout
//! change: copy it to `v2.rs` as `VersionedMigration<1, 2, ..>`, rewrite the items in
//! `on_runtime_upgrade` (returning the weight used), and keep the checks.

use polkadot_sdk::{
	frame_support::{
		migrations::VersionedMigration, traits::UncheckedOnRuntimeUpgrade, weights::Weight,
	},
	frame_system,
};
#[cfg(feature = "try-runtime")]
use {
	alloc::vec::Vec,
	polkadot_sdk::sp_runtime::TryRuntimeError,
	v2x_primitives::migrations::{count, counts_before, ensure_counts_kept},
};

#[cfg(feature = "try-runtime")]
use crate::{ActivePolicy, Claims, Insurers, Policies, Products};
use crate::{Config, Pallet};

/// Keeps the version 1 layout as it is. Use [`MigrateV0ToV1`].
pub struct InnerMigrateV0ToV1<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV0ToV1<T> {
	fn on_runtime_upgrade() -> Weight {
		Weight::zero()
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, TryRuntimeError> {
		Ok(counts_before(&kept_counts::<T>()))
	}

	/// Counts only: version 2 follows in the same upgrade (the policies do not decode as the
	/// pallet's items until then) and runs `do_try_state`.
	#[cfg(feature = "try-runtime")]
	fn post_upgrade(before: Vec<u8>) -> Result<(), TryRuntimeError> {
		ensure_counts_kept(before, &kept_counts::<T>())
	}
}

/// The numbers of insurers, products, policies, active policies and claims: the migration keeps
/// them all.
#[cfg(feature = "try-runtime")]
fn kept_counts<T: Config>() -> [u64; 5] {
	[
		count(Insurers::<T>::iter_keys()),
		count(Products::<T>::iter_keys()),
		count(Policies::<T>::iter_keys()),
		count(ActivePolicy::<T>::iter_keys()),
		count(Claims::<T>::iter_keys()),
	]
}

/// The migration from version 0 to 1, run once: it checks and bumps the storage version.
pub type MigrateV0ToV1<T> = VersionedMigration<
	0,
	1,
	InnerMigrateV0ToV1<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;
