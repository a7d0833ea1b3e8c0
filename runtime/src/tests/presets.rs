//! The pallets' constants are sane and the chain spec presets build the genesis state they
//! promise, which passes every pallet's `try_state` checks.

use crate::{
	genesis_config_presets, AllPalletsWithSystem, Aura, Balances, DataMarketplace, Grandpa,
	RuntimeGenesisConfig, ServiceBook, SharedCharging, UsageInsurance, VehicleIdentity,
};
use pallet_shared_charging::ChargerMeter;
use polkadot_sdk::{
	frame_support::{genesis_builder_helper::build_state, traits::IntegrityTest},
	sp_genesis_builder::{self, PresetId},
	sp_io::TestExternalities,
	sp_keyring::Sr25519Keyring,
};
use serde_json::Value;
use v2x_primitives::{VehicleRegistry, VehicleStatus};

/// Every preset the runtime offers.
const PRESETS: [&str; 3] = [
	sp_genesis_builder::DEV_RUNTIME_PRESET,
	sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET,
	genesis_config_presets::PRODUCTION_RUNTIME_PRESET,
];

/// The default genesis config with a preset's patch applied, pallet by pallet.
fn genesis_json(preset: &str) -> Vec<u8> {
	let patch = genesis_config_presets::get_preset(&PresetId::from(preset)).expect("preset exists");
	let patch: Value = serde_json::from_slice(&patch).unwrap();
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).unwrap();
	for (pallet, fields) in patch.as_object().unwrap() {
		let target = config.get_mut(pallet).expect("the patch names a pallet of this runtime");
		for (field, value) in fields.as_object().unwrap() {
			target[field] = value.clone();
		}
	}
	serde_json::to_vec(&config).unwrap()
}

/// Runs `test` on the genesis state a preset builds.
pub(super) fn with_genesis(preset: &str, test: impl FnOnce()) {
	let json = genesis_json(preset);
	let mut ext = TestExternalities::default();
	ext.execute_with(|| {
		build_state::<RuntimeGenesisConfig>(json).unwrap();
		test();
	});
}

#[test]
fn every_pallet_passes_its_integrity_test() {
	TestExternalities::default().execute_with(AllPalletsWithSystem::integrity_test);
}

#[test]
fn the_development_preset_has_one_validator_and_demo_vehicle_data() {
	with_genesis(sp_genesis_builder::DEV_RUNTIME_PRESET, || {
		assert_eq!(polkadot_sdk::pallet_aura::Authorities::<crate::Runtime>::get().len(), 1);
		assert_eq!(Grandpa::grandpa_authorities().len(), 1);
		let alice = Sr25519Keyring::Alice.to_account_id();
		let bob = Sr25519Keyring::Bob.to_account_id();
		assert_eq!(VehicleIdentity::owner(0), Some(alice));
		assert_eq!(VehicleIdentity::owner(1), Some(bob));
		assert_eq!(VehicleIdentity::status(1), Some(VehicleStatus::Active));
		assert_eq!(ServiceBook::record_count(0), 2);
		assert_eq!(ServiceBook::flag_count(0), 1);
		assert_eq!(ServiceBook::current_odometer(0), Some(31_000));
		let eve = Sr25519Keyring::Eve.to_account_id();
		let (_, policy) = UsageInsurance::active_policy(0).expect("the demo vehicle is insured");
		assert_eq!(policy.holder, Sr25519Keyring::Alice.to_account_id());
		assert_eq!(policy.prepaid, 100 * crate::UNIT);
		let pool = UsageInsurance::pool(eve).expect("Eve is an insurer");
		assert_eq!(pool.held, 10_000 * crate::UNIT);
		assert_eq!(pool.exposure, 20_000 * crate::UNIT);
		let listings = DataMarketplace::listings(0, 0, 10);
		assert_eq!(listings.len(), 1);
		assert_eq!(SharedCharging::chargers_near(b"u0yjjd".to_vec(), 0, 10).len(), 2);
		// The meters agreed to their chargers as part of the genesis setup.
		let meter = |charger| {
			pallet_shared_charging::Chargers::<crate::Runtime>::get(charger)
				.map(|entry| entry.meter)
		};
		let accepted = |who: Sr25519Keyring| Some(ChargerMeter::Accepted(who.to_account_id()));
		assert_eq!(meter(0), accepted(Sr25519Keyring::DaveStash));
		assert_eq!(meter(1), accepted(Sr25519Keyring::EveStash));
	});
}

/// Compiled when the native build has `try-runtime` (the node's default features do).
#[cfg(feature = "try-runtime")]
#[test]
fn every_pallets_invariants_hold_on_the_presets_genesis() {
	use polkadot_sdk::frame_support::traits::{TryState, TryStateSelect};
	for preset in PRESETS {
		with_genesis(preset, || {
			assert_eq!(AllPalletsWithSystem::try_state(0, TryStateSelect::All), Ok(()), "{preset}");
		});
	}
}

#[test]
fn the_local_testnet_preset_has_four_validators() {
	with_genesis(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET, || {
		assert_eq!(polkadot_sdk::pallet_aura::Authorities::<crate::Runtime>::get().len(), 4);
		assert_eq!(Grandpa::grandpa_authorities().len(), 4);
		assert_eq!(Aura::slot_duration(), crate::SLOT_DURATION);
		let validators = [
			Sr25519Keyring::Alice,
			Sr25519Keyring::Bob,
			Sr25519Keyring::Charlie,
			Sr25519Keyring::Dave,
		]
		.map(|k| k.to_account_id())
		.to_vec();
		assert_eq!(crate::ValidatorSet::validators(), validators);
		assert_eq!(crate::Session::validators(), validators);
	});
}

#[test]
fn every_preset_seats_the_council_and_only_dev_and_local_have_sudo() {
	// Seats are kept sorted by account.
	let mut council = [Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie]
		.map(|k| k.to_account_id())
		.to_vec();
	council.sort();
	for preset in PRESETS {
		with_genesis(preset, || {
			assert_eq!(crate::CouncilMembership::members().into_inner(), council, "{preset}");
			let seated = polkadot_sdk::pallet_collective::Members::<
				crate::Runtime,
				polkadot_sdk::pallet_collective::Instance1,
			>::get();
			assert_eq!(seated, council, "{preset}");
			let sudo = polkadot_sdk::pallet_sudo::Key::<crate::Runtime>::get();
			let expected = (preset != genesis_config_presets::PRODUCTION_RUNTIME_PRESET)
				.then(|| Sr25519Keyring::Alice.to_account_id());
			assert_eq!(sudo, expected, "{preset}");
		});
	}
}

#[test]
fn the_production_preset_has_no_demo_data() {
	with_genesis(genesis_config_presets::PRODUCTION_RUNTIME_PRESET, || {
		assert_eq!(VehicleIdentity::owner(0), None);
		assert_eq!(crate::Session::validators().len(), 4);
	});
}

#[test]
fn every_preset_keeps_the_treasury_account_alive() {
	use polkadot_sdk::frame_support::traits::fungible::Inspect;
	for preset in PRESETS {
		with_genesis(preset, || {
			let treasury = crate::configs::TreasuryAccount::get();
			assert_eq!(Balances::balance(&treasury), crate::EXISTENTIAL_DEPOSIT, "{preset}");
		});
	}
}
