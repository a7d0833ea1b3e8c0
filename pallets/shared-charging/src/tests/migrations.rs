//! Storage migrations move old state to the new layout.

use polkadot_sdk::frame_support::{
	storage::unhashed,
	traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
};

use super::*;
use crate::{
	migrations::v2::{ChargerV1Of, MigrateV1ToV2},
	ChargerMeter, Chargers,
};

/// `charger` as version 1 stored it, with `device` as its meter.
fn v1_of(charger: ChargerId, device: u64) -> ChargerV1Of<Test> {
	let charger = Chargers::<Test>::get(charger).unwrap();
	ChargerV1Of::<Test> {
		operator: charger.operator,
		device,
		location: charger.location,
		max_power_kw: charger.max_power_kw,
		connector: charger.connector,
		bidirectional: charger.bidirectional,
		access: charger.access,
		tariff: charger.tariff,
		enabled: charger.enabled,
		session: charger.session,
		members: charger.members,
		deposit: charger.deposit,
	}
}

#[test]
fn version_1_meters_become_invited_and_accept_with_their_own_key() {
	ExtBuilder::ready().build_and_execute(|| {
		let before = Chargers::<Test>::get(PUBLIC).unwrap();
		let (public, residence) = (v1_of(PUBLIC, DEVICE), v1_of(RESIDENCE, CPO));
		StorageVersion::new(1).put::<SharedCharging>();
		unhashed::put(&Chargers::<Test>::hashed_key_for(PUBLIC), &public);
		unhashed::put(&Chargers::<Test>::hashed_key_for(RESIDENCE), &residence);

		MigrateV1ToV2::<Test>::on_runtime_upgrade();

		let after = Chargers::<Test>::get(PUBLIC).unwrap();
		assert_eq!(after.meter, ChargerMeter::Invited(DEVICE));
		assert_eq!((after.operator, after.location, after.tariff), (CPO, before.location, 0));
		// An operator that was its own charger's device needs no meter.
		let residence = Chargers::<Test>::get(RESIDENCE).unwrap();
		assert_eq!((residence.meter, residence.members), (ChargerMeter::None, 2));
		assert_eq!(SharedCharging::on_chain_storage_version(), StorageVersion::new(2));
		assert_ok!(SharedCharging::accept_charger_meter(signed(DEVICE), PUBLIC));
	});
}

#[test]
fn the_migration_runs_once() {
	ExtBuilder::ready().build_and_execute(|| {
		let before = Chargers::<Test>::get(PUBLIC);
		assert_eq!(SharedCharging::on_chain_storage_version(), StorageVersion::new(2));
		MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(Chargers::<Test>::get(PUBLIC), before);
	});
}
