//! Version 1 to 2: the odometer's plausibility window became a distance credit.
//!
//! Version 1 judged jumps against a window (`window_start_km`, `window_start_at`); version 2
//! against a token bucket (`credit`, `credited_at_ms`, see `odometer.rs`). Each vehicle's
//! odometer gets a full credit from the upgrade's timestamp on: the first reading after the
//! upgrade may add a day's distance, as after any long stop.

use codec::{Decode, Encode};
use polkadot_sdk::{
	frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	},
	frame_system::pallet_prelude::BlockNumberFor,
};
use v2x_primitives::Km;

#[cfg(feature = "try-runtime")]
use {
	alloc::vec::Vec,
	polkadot_sdk::sp_runtime::TryRuntimeError,
	v2x_primitives::migrations::{count, counts_before, ensure_counts_kept},
};

use crate::{odometer::DailyLimit, Config, OdometerState, Pallet};
#[cfg(feature = "try-runtime")]
use crate::{FlaggedReadings, Records, Workshops};
use layout::Odometers;
#[cfg(feature = "try-runtime")]
use layout::RecentReadings;

/// The odometer items as version 2 stored them (version 3 moved the recent readings into the
/// odometer's value).
pub mod layout {
	use polkadot_sdk::{
		frame_support::{storage_alias, Twox64Concat},
		frame_system::pallet_prelude::BlockNumberFor,
	};
	use v2x_primitives::VehicleId;

	use crate::{Config, OdometerState, Pallet, ReadingOf};

	/// Each vehicle's odometer state alone.
	#[storage_alias]
	pub type Odometers<T: Config> =
		StorageMap<Pallet<T>, Twox64Concat, VehicleId, OdometerState<BlockNumberFor<T>>>;

	/// The last `MaxRecentReadings` readings of each vehicle: (vehicle, seq % MaxRecentReadings).
	#[storage_alias]
	pub type RecentReadings<T: Config> =
		StorageDoubleMap<Pallet<T>, Twox64Concat, VehicleId, Twox64Concat, u32, ReadingOf<T>>;
}

/// A vehicle's odometer as version 1 stored it.
#[derive(Encode, Decode)]
pub struct OdometerStateV1<BlockNumber> {
	pub displayed_km: Km,
	pub total_km: Km,
	pub accepted_at: BlockNumber,
	pub window_start_km: Km,
	pub window_start_at: BlockNumber,
	pub readings: u32,
	pub flags: u32,
}

/// Rewrites every odometer with a full distance credit. Use [`MigrateV1ToV2`].
pub struct InnerMigrateV1ToV2<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV1ToV2<T> {
	fn on_runtime_upgrade() -> Weight {
		let credit = DailyLimit::of::<T>().full_credit();
		let now_ms = Pallet::<T>::now_ms();
		let mut migrated: u64 = 0;
		Odometers::<T>::translate::<OdometerStateV1<BlockNumberFor<T>>, _>(|_, old| {
			migrated = migrated.saturating_add(1);
			Some(OdometerState {
				displayed_km: old.displayed_km,
				total_km: old.total_km,
				accepted_at: old.accepted_at,
				credit,
				credited_at_ms: now_ms,
				readings: old.readings,
				flags: old.flags,
			})
		});
		T::DbWeight::get().reads_writes(migrated, migrated)
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, TryRuntimeError> {
		Ok(counts_before(&kept_counts::<T>()))
	}

	/// Counts only: version 3 follows in the same upgrade (the odometers do not decode as
	/// the pallet's items until then) and runs `do_try_state`.
	#[cfg(feature = "try-runtime")]
	fn post_upgrade(before: Vec<u8>) -> Result<(), TryRuntimeError> {
		ensure_counts_kept(before, &kept_counts::<T>())
	}
}

/// The numbers of workshops, records, odometers and readings: the migration rewrites the
/// odometers in place and keeps them all.
#[cfg(feature = "try-runtime")]
fn kept_counts<T: Config>() -> [u64; 5] {
	[
		count(Workshops::<T>::iter_keys()),
		count(Records::<T>::iter_keys()),
		count(Odometers::<T>::iter_keys()),
		count(RecentReadings::<T>::iter_keys()),
		count(FlaggedReadings::<T>::iter_keys()),
	]
}

/// The migration from version 1 to 2, run once: it checks and bumps the storage version.
pub type MigrateV1ToV2<T> = VersionedMigration<
	1,
	2,
	InnerMigrateV1ToV2<T>,
	Pallet<T>,
	<T as polkadot_sdk::frame_system::Config>::DbWeight,
>;
