//! Storage migrations move old state to the new layout.

use polkadot_sdk::frame_support::{
	storage::unhashed,
	traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
};

use super::*;
use crate::{
	migrations::{
		v2::{layout, MigrateV1ToV2, OdometerStateV1},
		v3::MigrateV2ToV3,
	},
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
			layout::Odometers::<Test>::get(VEHICLE),
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
fn the_migrations_run_once() {
	ExtBuilder::ready().build_and_execute(|| {
		report(1_000);
		let before = Odometers::<Test>::get(VEHICLE);
		assert_eq!(ServiceBook::on_chain_storage_version(), StorageVersion::new(3));
		MigrateV1ToV2::<Test>::on_runtime_upgrade();
		MigrateV2ToV3::<Test>::on_runtime_upgrade();
		assert_eq!(Odometers::<Test>::get(VEHICLE), before);
	});
}

/// Stores the vehicle's odometer as version 2 did: the state alone, and each recent reading
/// in its own slot `seq % MAX_RECENT`.
fn store_as_version_2(vehicle: VehicleId) {
	let history = Odometers::<Test>::take(vehicle).unwrap();
	for reading in history.recent {
		layout::RecentReadings::<Test>::insert(vehicle, reading.seq % MAX_RECENT, reading);
	}
	layout::Odometers::<Test>::insert(vehicle, history.state);
	StorageVersion::new(2).put::<ServiceBook>();
}

#[test]
fn version_2_recent_readings_move_into_the_odometer() {
	ExtBuilder::ready().build_and_execute(|| {
		// Six readings, one flagged, around a ring of four: slots hold 4, 5, 2, 3.
		for km in [1_000, 1_100, 900, 1_200, 1_300, 1_400] {
			report(km);
		}
		let expected = Odometers::<Test>::get(VEHICLE).unwrap();
		let readings = ServiceBook::odometer_readings(VEHICLE);
		store_as_version_2(VEHICLE);
		assert_eq!(layout::RecentReadings::<Test>::iter_prefix(VEHICLE).count(), 4);

		MigrateV2ToV3::<Test>::on_runtime_upgrade();

		assert_eq!(Odometers::<Test>::get(VEHICLE), Some(expected));
		let ring: Vec<_> =
			Odometers::<Test>::get(VEHICLE).unwrap().recent.iter().map(|r| r.seq).collect();
		assert_eq!(ring, vec![4, 5, 2, 3]);
		assert_eq!(ServiceBook::odometer_readings(VEHICLE), readings);
		assert_eq!(layout::RecentReadings::<Test>::iter().count(), 0);
		assert_eq!(ServiceBook::on_chain_storage_version(), StorageVersion::new(3));
		// Readings go on in the new layout.
		report(1_500);
		assert_eq!(ServiceBook::current_odometer(VEHICLE), Some(1_500));
	});
}

#[test]
fn the_migration_drops_readings_no_odometer_claims() {
	ExtBuilder::ready().build_and_execute(|| {
		report(1_000);
		let stray = Odometers::<Test>::get(VEHICLE).unwrap().recent[0].clone();
		store_as_version_2(VEHICLE);
		layout::RecentReadings::<Test>::insert(OTHER_VEHICLE, 0, stray);

		MigrateV2ToV3::<Test>::on_runtime_upgrade();

		assert_eq!(layout::RecentReadings::<Test>::iter().count(), 0);
		assert_eq!(Odometers::<Test>::get(OTHER_VEHICLE), None);
		assert_eq!(Odometers::<Test>::get(VEHICLE).unwrap().recent.len(), 1);
	});
}

/// The upgrade as try-runtime runs it: the migration's own pre- and post-upgrade checks
/// (counts kept, every reading inside its odometer, the old map empty, the invariants).
#[cfg(feature = "try-runtime")]
#[test]
fn version_3_passes_its_upgrade_checks() {
	ExtBuilder::ready().build_and_execute(|| {
		for km in [1_000, 1_100, 900, 1_200, 1_300, 1_400] {
			report(km);
		}
		store_as_version_2(VEHICLE);
		assert!(MigrateV2ToV3::<Test>::try_on_runtime_upgrade(true).is_ok());
		assert_eq!(ServiceBook::on_chain_storage_version(), StorageVersion::new(3));
	});
}
