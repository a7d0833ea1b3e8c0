//! Storage migrations move old state to the new layout.

use polkadot_sdk::frame_support::{
	storage::unhashed,
	traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
};

use super::*;
use crate::{
	migrations::v2::{MigrateV1ToV2, OdometerStateV1},
	odometer::DailyLimit,
	OdometerState, Odometers,
};

#[test]
fn version_1_odometers_get_a_full_distance_credit() {
	// The forged odometer has no readings stored behind it: no invariant check afterwards.
	ExtBuilder::ready().build().execute_with(|| {
		StorageVersion::new(1).put::<ServiceBook>();
		let old = OdometerStateV1::<u64> {
			displayed_km: 12_000,
			total_km: 52_000,
			accepted_at: 1,
			window_start_km: 51_000,
			window_start_at: 1,
			readings: 9,
			flags: 2,
		};
		unhashed::put(&Odometers::<Test>::hashed_key_for(VEHICLE), &old);
		run_to_block(7);

		MigrateV1ToV2::<Test>::on_runtime_upgrade();

		assert_eq!(
			Odometers::<Test>::get(VEHICLE),
			Some(OdometerState {
				displayed_km: 12_000,
				total_km: 52_000,
				accepted_at: 1,
				credit: DailyLimit::of::<Test>().full_credit(),
				credited_at_ms: GENESIS_MS + 7 * BLOCK_MS,
				readings: 9,
				flags: 2,
			})
		);
		assert_eq!(ServiceBook::on_chain_storage_version(), StorageVersion::new(2));
	});
}

#[test]
fn the_migration_runs_once() {
	ExtBuilder::ready().build_and_execute(|| {
		report(1_000);
		let before = Odometers::<Test>::get(VEHICLE);
		assert_eq!(ServiceBook::on_chain_storage_version(), StorageVersion::new(2));
		MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(Odometers::<Test>::get(VEHICLE), before);
	});
}
