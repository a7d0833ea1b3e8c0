//! The storage migrations the next runtime upgrade runs: `frame_system`'s
//! `SingleBlockMigrations`, where stable2609 takes them (they used to be `Executive`'s).
//!
//! Each is a pallet's `VersionedMigration`: it runs only on the storage version it migrates
//! from and then bumps it, so an upgrade that finds a pallet already migrated skips it. A
//! migration leaves this list once every live chain has run it. New chains start at the
//! in-code versions (FRAME writes them at genesis) and run none of these.
//! How to write and test one: `docs/upgrades.md`.

use crate::Runtime;

/// Runs in this order, before the pallets' `on_runtime_upgrade` hooks.
pub type Migrations = (
	pallet_vehicle_identity::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_service_book::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_service_book::migrations::v3::MigrateV2ToV3<Runtime>,
	pallet_usage_insurance::migrations::v1::MigrateV0ToV1<Runtime>,
	pallet_usage_insurance::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_shared_charging::migrations::v1::MigrateV0ToV1<Runtime>,
	pallet_shared_charging::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_data_marketplace::migrations::v1::MigrateV0ToV1<Runtime>,
	pallet_validator_set::migrations::v1::MigrateV0ToV1<Runtime>,
);
