//! A runtime upgrade brings every vehicle-data pallet to its in-code storage version, keeps
//! its data and its invariants, and runs once; a new chain starts migrated.

use super::{dev_chain, run_to_block};
use crate::{
	migrations::Migrations, DataMarketplace, Executive, Runtime, ServiceBook, SharedCharging,
	UsageInsurance, ValidatorSet, VehicleIdentity,
};
use polkadot_sdk::{
	frame_support::{
		storage::unhashed,
		traits::{Get, GetStorageVersion, OnRuntimeUpgrade, PalletInfoAccess, StorageVersion},
	},
	sp_io,
	sp_runtime::StateVersion,
};
use std::collections::BTreeMap;

/// A pallet's storage: every key under its prefix and its value.
type PalletState = BTreeMap<Vec<u8>, Vec<u8>>;

/// Everything pallet `P` stores but its storage version.
fn data_of<P: PalletInfoAccess>() -> PalletState {
	let prefix = P::name_hash();
	let version_key = StorageVersion::storage_key::<P>();
	let mut data = PalletState::new();
	let mut key = prefix.to_vec();
	while let Some(next) = sp_io::storage::next_key(&key).filter(|k| k.starts_with(&prefix)) {
		if next != version_key {
			let value = sp_io::storage::get(&next).expect("a key next_key returns has a value");
			data.insert(next.clone(), value.to_vec());
		}
		key = next;
	}
	data
}

/// The data of the vehicle-data pallets and the validator set, in pallet index order.
fn custom_pallets_data() -> [PalletState; 6] {
	[
		data_of::<ValidatorSet>(),
		data_of::<VehicleIdentity>(),
		data_of::<ServiceBook>(),
		data_of::<UsageInsurance>(),
		data_of::<SharedCharging>(),
		data_of::<DataMarketplace>(),
	]
}

/// Their on-chain storage versions, in the same order.
fn on_chain_versions() -> [StorageVersion; 6] {
	[
		ValidatorSet::on_chain_storage_version(),
		VehicleIdentity::on_chain_storage_version(),
		ServiceBook::on_chain_storage_version(),
		UsageInsurance::on_chain_storage_version(),
		SharedCharging::on_chain_storage_version(),
		DataMarketplace::on_chain_storage_version(),
	]
}

/// Their in-code storage versions, in the same order.
fn in_code_versions() -> [StorageVersion; 6] {
	[
		ValidatorSet::in_code_storage_version(),
		VehicleIdentity::in_code_storage_version(),
		ServiceBook::in_code_storage_version(),
		UsageInsurance::in_code_storage_version(),
		SharedCharging::in_code_storage_version(),
		DataMarketplace::in_code_storage_version(),
	]
}

/// Turns the dev chain into one that ran the previous runtime: the pallets still at version 1
/// have version 0 (no storage version yet), the identity pallet and the service book have
/// version 1, whose odometers were a plausibility window (`migrations::v2` of each) with the
/// recent readings in a map of their own (the service book's `migrations::v3`), insurance has
/// version 0, whose policies had no terms or holder's role (its `migrations::v2`), and shared
/// charging has version 0, whose chargers named their meter's `device` outright.
fn roll_back_storage_versions() {
	use pallet_service_book::{
		migrations::v2::{layout::RecentReadings, OdometerStateV1},
		Odometers,
	};
	let window: u32 = <Runtime as pallet_service_book::Config>::MaxRecentReadings::get();
	use pallet_shared_charging::{migrations::v2::ChargerV1Of, Chargers};
	for version_key in [
		StorageVersion::storage_key::<ValidatorSet>(),
		StorageVersion::storage_key::<UsageInsurance>(),
		StorageVersion::storage_key::<SharedCharging>(),
		StorageVersion::storage_key::<DataMarketplace>(),
	] {
		sp_io::storage::clear(&version_key);
	}
	StorageVersion::new(1).put::<VehicleIdentity>();
	StorageVersion::new(1).put::<ServiceBook>();
	for (vehicle, now) in odometers() {
		let state = &now.state;
		let as_version_1_stored_it = OdometerStateV1 {
			displayed_km: state.displayed_km,
			total_km: state.total_km,
			accepted_at: state.accepted_at,
			window_start_km: state.displayed_km,
			window_start_at: state.accepted_at,
			readings: state.readings,
			flags: state.flags,
		};
		unhashed::put(&Odometers::<Runtime>::hashed_key_for(vehicle), &as_version_1_stored_it);
		for reading in now.recent {
			RecentReadings::<Runtime>::insert(vehicle, reading.seq % window, reading);
		}
	}
	for (id, now) in pallet_usage_insurance::Policies::<Runtime>::iter().collect::<Vec<_>>() {
		let as_version_1_stored_it = pallet_usage_insurance::migrations::v2::PolicyV1 {
			holder: now.holder,
			vehicle: now.vehicle,
			product: now.product,
			insurer: now.insurer,
			status: now.status,
			started_at: now.started_at,
			period_start: now.period_start,
			period_end: now.period_end,
			scheduled_at: now.scheduled_at,
			prepaid: now.prepaid,
			cover_left: now.cover_left,
			usage: now.usage,
			last_km: now.last_km,
			shortfall: now.shortfall,
			open_claims: now.open_claims,
			deposit: now.deposit,
		};
		let key = pallet_usage_insurance::Policies::<Runtime>::hashed_key_for(id);
		unhashed::put(&key, &as_version_1_stored_it);
	}
	for (id, now) in Chargers::<Runtime>::iter().collect::<Vec<_>>() {
		let as_version_1_stored_it = ChargerV1Of::<Runtime> {
			operator: now.operator,
			device: now.meter.named().cloned().expect("the dev preset's chargers have meters"),
			location: now.location,
			max_power_kw: now.max_power_kw,
			connector: now.connector,
			bidirectional: now.bidirectional,
			access: now.access,
			tariff: now.tariff,
			enabled: now.enabled,
			session: now.session,
			members: now.members,
			deposit: now.deposit,
		};
		unhashed::put(&Chargers::<Runtime>::hashed_key_for(id), &as_version_1_stored_it);
	}
	assert_eq!(on_chain_versions(), [0, 1, 1, 0, 0, 0].map(StorageVersion::new));
}

/// Runs the runtime upgrade's migrations. With `try-runtime` (the node's default features,
/// so in CI) the way `try-runtime on-runtime-upgrade` does: every migration's pre- and
/// post-upgrade checks, the whole state decoded, then every pallet's `try_state`. Without
/// it, the upgrade as a block runs it, then the custom pallets' invariants.
fn upgrade() {
	#[cfg(feature = "try-runtime")]
	{
		use polkadot_sdk::frame_support::traits::UpgradeCheckSelect;
		assert_eq!(Executive::try_runtime_upgrade(UpgradeCheckSelect::All).map(|_| ()), Ok(()));
	}
	#[cfg(not(feature = "try-runtime"))]
	{
		Executive::execute_on_runtime_upgrade();
		assert_eq!(ValidatorSet::do_try_state(), Ok(()));
		assert_eq!(VehicleIdentity::do_try_state(), Ok(()));
		assert_eq!(ServiceBook::do_try_state(), Ok(()));
		assert_eq!(UsageInsurance::do_try_state(), Ok(()));
		assert_eq!(SharedCharging::do_try_state(), Ok(()));
		assert_eq!(DataMarketplace::do_try_state(), Ok(()));
	}
}

#[test]
fn a_new_chain_starts_at_the_in_code_storage_versions_with_nothing_to_migrate() {
	dev_chain(|| {
		assert_eq!(on_chain_versions(), in_code_versions());
		assert_eq!(in_code_versions(), [1, 2, 3, 2, 2, 1].map(StorageVersion::new));
		let root = sp_io::storage::root(StateVersion::V1);
		<Migrations as OnRuntimeUpgrade>::on_runtime_upgrade();
		assert_eq!(sp_io::storage::root(StateVersion::V1), root);
	});
}

#[test]
fn the_upgrade_migrates_every_pallet_and_keeps_its_data() {
	dev_chain(|| {
		let genesis_data = custom_pallets_data();
		let genesis_odometers = odometers();
		assert!(!genesis_odometers.is_empty());
		roll_back_storage_versions();
		run_to_block(2);

		upgrade();

		assert_eq!(on_chain_versions(), in_code_versions());
		// The previous runtime's meters never signed their binding: each is invited now, and
		// once it accepts, shared charging stores what it stored before.
		meters_accept_their_invitations();
		let [validators, identity, service_book, insurance, charging, marketplace] =
			custom_pallets_data();
		assert_eq!(validators, genesis_data[0]);
		assert_eq!(identity, genesis_data[1]);
		assert_eq!(insurance, genesis_data[3]);
		assert_eq!(charging, genesis_data[4]);
		assert_eq!(marketplace, genesis_data[5]);
		// The service book's odometers got a fresh credit from the upgrade's time on; all
		// else it stores is as it was.
		assert_eq!(
			service_book.keys().collect::<Vec<_>>(),
			genesis_data[2].keys().collect::<Vec<_>>()
		);
		assert_eq!(counters(odometers()), counters(genesis_odometers.clone()));
		let now_ms = polkadot_sdk::pallet_timestamp::Now::<Runtime>::get();
		assert!(odometers().iter().all(|(_, odometer)| odometer.state.credited_at_ms == now_ms));
		// The recent readings are back inside their odometers, in the same ring order.
		let recent = |odometers: Vec<(v2x_primitives::VehicleId, Odometer)>| {
			odometers.into_iter().map(|(_, o)| o.recent).collect::<Vec<_>>()
		};
		assert!(recent(odometers()).iter().any(|readings| !readings.is_empty()));
		assert_eq!(recent(odometers()), recent(genesis_odometers));
	});
}

#[test]
fn a_second_upgrade_changes_nothing() {
	dev_chain(|| {
		roll_back_storage_versions();
		upgrade();
		let root = sp_io::storage::root(StateVersion::V1);

		upgrade();

		assert_eq!(sp_io::storage::root(StateVersion::V1), root);
		assert_eq!(on_chain_versions(), in_code_versions());
	});
}

/// Every charger's invited meter accepts (each charger has one after the migration).
fn meters_accept_their_invitations() {
	use pallet_shared_charging::{ChargerMeter, Chargers};
	for (id, charger) in Chargers::<Runtime>::iter().collect::<Vec<_>>() {
		let ChargerMeter::Invited(meter) = charger.meter else {
			panic!("charger {id}'s meter is not invited after the migration");
		};
		let origin = crate::RuntimeOrigin::signed(meter);
		assert_eq!(SharedCharging::accept_charger_meter(origin, id), Ok(()));
	}
}

type Odometer = pallet_service_book::OdometerHistoryOf<Runtime>;

/// Every vehicle's odometer in the service book.
fn odometers() -> Vec<(v2x_primitives::VehicleId, Odometer)> {
	pallet_service_book::Odometers::<Runtime>::iter().collect()
}

/// The odometers' readings and counters, without the credit the migration refills.
fn counters(odometers: Vec<(v2x_primitives::VehicleId, Odometer)>) -> Vec<[u32; 5]> {
	odometers
		.into_iter()
		.map(|(_, o)| o.state)
		.map(|o| [o.displayed_km, o.total_km, o.accepted_at, o.readings, o.flags])
		.collect()
}
