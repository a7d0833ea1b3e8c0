//! Storage migrations bring state written under the old rules to the new ones.

use super::held;
use crate::{
	migrations::v2::MigrateV1ToV2, mock::*, Event, HoldReason, LienConsents, VehicleOperators,
	Vehicles,
};
use polkadot_sdk::frame_support::{
	assert_ok,
	traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
};
use v2x_primitives::VehicleStatus;

/// Marks vehicle 0 with `status` directly, as version 1 left it: nothing else ended.
fn set_status_as_version_1_did(status: VehicleStatus) {
	Vehicles::<Test>::mutate(0, |entry| {
		if let Some(entry) = entry {
			entry.status = status;
		}
	});
	StorageVersion::new(1).put::<VehicleIdentity>();
}

#[test]
fn a_scrapped_vehicles_deposit_goes_back_to_its_manufacturer() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		set_status_as_version_1_did(VehicleStatus::Scrapped);
		assert_eq!(held(HoldReason::VehicleRegistration, HONDA), VEHICLE_DEPOSIT);

		MigrateV1ToV2::<Test>::on_runtime_upgrade();

		assert_eq!(held(HoldReason::VehicleRegistration, HONDA), 0);
		assert_eq!(Vehicles::<Test>::get(0).map(|v| v.deposit), Some(0));
		assert_eq!(VehicleIdentity::on_chain_storage_version(), StorageVersion::new(2));
	});
}

#[test]
fn a_stolen_vehicles_operators_and_consent_end() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::grant_operator(RuntimeOrigin::signed(ALICE), 0, OPERATOR, 50));
		assert_ok!(VehicleIdentity::approve_lender(RuntimeOrigin::root(), LENDER));
		assert_ok!(VehicleIdentity::consent_to_lien(RuntimeOrigin::signed(ALICE), 0, LENDER));
		set_status_as_version_1_did(VehicleStatus::Stolen);

		MigrateV1ToV2::<Test>::on_runtime_upgrade();

		assert!(VehicleOperators::<Test>::get(0).is_empty());
		assert_eq!(LienConsents::<Test>::get(0), None);
		assert_eq!(held(HoldReason::Delegate, ALICE), 0);
		System::assert_has_event(
			Event::OperatorRevoked { vehicle: 0, vin: honda_vin(), operator: OPERATOR }.into(),
		);
	});
}

#[test]
fn the_migration_runs_once() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		// A chain built with this version starts at 2 (the mock writes no pallet genesis).
		StorageVersion::new(2).put::<VehicleIdentity>();
		Vehicles::<Test>::mutate(0, |entry| {
			if let Some(entry) = entry {
				entry.status = VehicleStatus::Scrapped;
			}
		});
		MigrateV1ToV2::<Test>::on_runtime_upgrade();
		// Version 2 already: nothing released (and the forged state fails the invariants).
		assert_eq!(held(HoldReason::VehicleRegistration, HONDA), VEHICLE_DEPOSIT);
		Vehicles::<Test>::mutate(0, |entry| {
			if let Some(entry) = entry {
				entry.status = VehicleStatus::Active;
			}
		});
	});
}
