//! Version 2 to 3: the recent readings moved into the odometer's value.
//!
//! Version 2 kept each vehicle's last `MaxRecentReadings` readings in their own map
//! (`RecentReadings`, slot `seq % MaxRecentReadings`), so every reading cost two writes: the
//! odometer and its slot. Version 3 keeps them inside the vehicle's `Odometers` value
//! ([`OdometerHistory`]), in the same ring order, so a consistent reading costs one. Every
//! odometer takes its readings in slot order and the old map is emptied; nothing else changes.
//!
//! It rewrites every odometer in one block: fine while the chain has few vehicles; a chain
//! with many would run it as a multi-block migration.

use polkadot_sdk::{
	frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	},
	frame_system::pallet_prelude::BlockNumberFor,
};

#[cfg(feature = "try-runtime")]
use {
	alloc::vec::Vec,
	polkadot_sdk::{frame_support::ensure, sp_runtime::TryRuntimeError},
	v2x_primitives::migrations::{count, counts_before, ensure_counts_kept},
};

use super::v2::layout;
use crate::{Config, OdometerHistory, OdometerState, Odometers, Pallet};
#[cfg(feature = "try-runtime")]
use crate::{FlaggedReadings, Records, Workshops};

/// Moves every vehicle's recent readings into its odometer. Use [`MigrateV2ToV3`].
pub struct InnerMigrateV2ToV3<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV2ToV3<T> {
	fn on_runtime_upgrade() -> Weight {
		let window = T::MaxRecentReadings::get();
		let mut odometers: u64 = 0;
		let mut readings: u64 = 0;
		Odometers::<T>::translate::<OdometerState<BlockNumberFor<T>>, _>(|vehicle, state| {
			odometers = odometers.saturating_add(1);
			let kept = state.readings.min(window);
			let mut history = OdometerHistory::new(state);
			for slot in 0..kept {
				if let Some(reading) = layout::RecentReadings::<T>::take(vehicle, slot) {
					readings = readings.saturating_add(1);
					history.keep(reading);
				}
			}
			Some(history)
		});
		// Readings no odometer claims (there should be none) go with the old map.
		let stray = layout::RecentReadings::<T>::clear(u32::MAX, None);
		let stray = u64::from(stray.backend);
		T::DbWeight::get().reads_writes(
			odometers.saturating_add(readings).saturating_add(stray),
			odometers.saturating_add(readings).saturating_add(stray),
		)
	}

	/// Records the counts the migration keeps, the number of recent readings last.
	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, TryRuntimeError> {
		let mut counts = kept_counts::<T>().to_vec();
		counts.push(count(layout::RecentReadings::<T>::iter_keys()));
		Ok(counts_before(&counts))
	}

	/// Every count is kept, every recent reading is now inside its odometer, the old map is
	/// empty, and the invariants hold.
	#[cfg(feature = "try-runtime")]
	fn post_upgrade(before: Vec<u8>) -> Result<(), TryRuntimeError> {
		let mut counts = kept_counts::<T>().to_vec();
		counts.push(Odometers::<T>::iter_values().map(|history| history.recent.len() as u64).sum());
		ensure_counts_kept(before, &counts)?;
		ensure!(
			layout::RecentReadings::<T>::iter_keys().next().is_none(),
			"recent readings left in the old map"
		);
		Pallet::<T>::do_try_state()
	}
}

/// The numbers of workshops, records, odometers and flagged readings: the migration keeps them.
#[cfg(feature = "try-runtime")]
fn kept_counts<T: Config>() -> [u64; 4] {
	[
		count(Workshops::<T>::iter_keys()),
		count(Records::<T>::iter_keys()),
		count(Odometers::<T>::iter_keys()),
		count(FlaggedReadings::<T>::iter_keys()),
	]
}

/// The migration from version 2 to 3, run once: it checks and bumps the storage version.
pub type MigrateV2ToV3<T> = VersionedMigration<
	2,
	3,
	InnerMigrateV2ToV3<T>,
	Pallet<T>,
	<T as polkadot_sdk::frame_system::Config>::DbWeight,
>;
