//! A small runtime for road usage's tests and benchmarks.

use core::time::Duration;
use std::cell::Cell;

use polkadot_sdk::{
	frame_support::{
		derive_impl,
		traits::{ConstU32, ConstU64, UnixTime},
	},
	frame_system::EnsureRoot,
	sp_io::TestExternalities,
	sp_runtime::{
		testing::{TestSignature, UintAuthorityId},
		BuildStorage,
	},
	*,
};
use v2x_primitives::{testing::MockVehicles, VehicleId};

use crate::{self as pallet_road_usage, Day};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		RoadUsage: pallet_road_usage,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

/// Monday 2024-01-01 00:00:00 UTC, the mock chain's block 0, in seconds.
pub const GENESIS_SECS: u64 = 1_704_067_200;
/// The day of `GENESIS_SECS`.
pub const GENESIS_DAY: Day = 19_723;
/// Milliseconds per block.
pub const BLOCK_MS: u64 = 6_000;
/// Seconds per day.
pub const DAY_SECS: u64 = 86_400;

thread_local! {
	static SKIPPED_MS: Cell<u64> = const { Cell::new(0) };
}

/// Wall-clock time: 6 s per block from `GENESIS_SECS`, plus time moved on by `pass`.
pub struct MockTime;

impl UnixTime for MockTime {
	fn now() -> Duration {
		let skipped = SKIPPED_MS.with(|s| s.get());
		Duration::from_millis(GENESIS_SECS * 1_000 + System::block_number() * BLOCK_MS + skipped)
	}
}

/// Wall-clock time moves on by `secs` (the block number does not).
pub fn pass(secs: u64) {
	SKIPPED_MS.with(|s| s.set(s.get() + secs * 1_000));
}

/// Wall-clock time moves on by `days` whole days.
pub fn pass_days(days: u32) {
	pass(u64::from(days) * DAY_SECS);
}

/// Today's day on the mock chain.
pub fn today() -> Day {
	RoadUsage::today()
}

impl crate::Config for Test {
	#[allow(deprecated)]
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Vehicles = MockVehicles;
	type GovernanceOrigin = EnsureRoot<u64>;
	type UnixTime = MockTime;
	type GantrySignature = TestSignature;
	type GantryPublic = UintAuthorityId;
	type MaxNameLength = ConstU32<MAX_NAME>;
	type MaxDomainLength = ConstU32<MAX_NAME>;
	type MaxTariffPrices = ConstU32<MAX_PRICES>;
	type MaxTariffVersions = ConstU32<MAX_VERSIONS>;
	type MaxGantries = ConstU32<MAX_GANTRIES>;
	type MaxServicePeriods = ConstU32<MAX_PERIODS>;
	type MaxUsageLines = ConstU32<MAX_USAGE_LINES>;
	type MaxEventsPerDeclaration = ConstU32<MAX_EVENTS_PER_DECLARATION>;
	type MaxEventsPerVehicleDay = ConstU32<MAX_EVENTS_PER_VEHICLE_DAY>;
	type MaxDeclarationsPerBatch = ConstU32<MAX_DECLARATIONS>;
	type MaxFollowers = ConstU32<MAX_FOLLOWERS>;
	type MaxDeclarationAge = ConstU32<MAX_DECLARATION_AGE>;
	type MaxAttestationAge = ConstU32<MAX_ATTESTATION_AGE>;
	type AcceptancePeriod = ConstU64<ACCEPTANCE_PERIOD>;
	type MinProviderBond = ConstU64<MIN_BOND>;
	type ContextDeposit = ConstU64<CONTEXT_DEPOSIT>;
	type BatchDeposit = ConstU64<BATCH_DEPOSIT>;
	type DeclarationDeposit = ConstU64<DECLARATION_DEPOSIT>;
	type VehicleDayDeposit = ConstU64<VEHICLE_DAY_DEPOSIT>;
	type PlatoonDeposit = ConstU64<PLATOON_DEPOSIT>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

pub const MAX_NAME: u32 = 16;
pub const MAX_PRICES: u32 = 4;
pub const MAX_VERSIONS: u32 = 3;
pub const MAX_GANTRIES: u32 = 2;
pub const MAX_PERIODS: u32 = 3;
pub const MAX_USAGE_LINES: u32 = 2;
pub const MAX_EVENTS_PER_DECLARATION: u32 = 4;
pub const MAX_EVENTS_PER_VEHICLE_DAY: u32 = 6;
pub const MAX_DECLARATIONS: u32 = 3;
pub const MAX_FOLLOWERS: u32 = 2;
pub const MAX_DECLARATION_AGE: u32 = 30;
pub const MAX_ATTESTATION_AGE: u32 = 1;
/// Blocks.
pub const ACCEPTANCE_PERIOD: u64 = 10;
pub const MIN_BOND: u64 = 1_000;
pub const CONTEXT_DEPOSIT: u64 = 100;
pub const BATCH_DEPOSIT: u64 = 10;
pub const DECLARATION_DEPOSIT: u64 = 2;
pub const VEHICLE_DAY_DEPOSIT: u64 = 1;
pub const PLATOON_DEPOSIT: u64 = 50;

/// Every funded account starts with this balance.
pub const BALANCE: u64 = 100_000;

/// A toll charger (road operator).
pub const CHARGER: u64 = 1;
/// Another toll charger.
pub const OTHER_CHARGER: u64 = 2;
/// A toll service provider.
pub const PROVIDER: u64 = 3;
/// Another toll service provider.
pub const OTHER_PROVIDER: u64 = 4;
/// Owns `VEHICLE`.
pub const OWNER: u64 = 5;
/// Owns `OTHER_VEHICLE`.
pub const OTHER_OWNER: u64 = 6;
/// `VEHICLE`'s on-board unit.
pub const DEVICE: u64 = 7;
/// `OTHER_VEHICLE`'s on-board unit.
pub const OTHER_DEVICE: u64 = 8;
/// A gantry: signs with `UintAuthorityId(GANTRY)`.
pub const GANTRY: u64 = 9;
/// Buys vehicles.
pub const BUYER: u64 = 10;
/// Owns the trucks `LEADER` and `FOLLOWER`, `SECOND_FOLLOWER`.
pub const HAULIER: u64 = 11;
/// Another haulier: owns `OTHER_FOLLOWER`.
pub const OTHER_HAULIER: u64 = 12;
pub const LEADER_DEVICE: u64 = 13;
pub const FOLLOWER_DEVICE: u64 = 14;
pub const SECOND_FOLLOWER_DEVICE: u64 = 15;
pub const OTHER_FOLLOWER_DEVICE: u64 = 16;
/// Another gantry.
pub const OTHER_GANTRY: u64 = 17;
pub const MANUFACTURER: u64 = 20;
pub const STRANGER: u64 = 99;
/// An account with no funds.
pub const PAUPER: u64 = 98;

/// `OWNER`'s car, `DEVICE` bound.
pub const VEHICLE: VehicleId = 0;
/// `OTHER_OWNER`'s car, `OTHER_DEVICE` bound.
pub const OTHER_VEHICLE: VehicleId = 1;
/// `HAULIER`'s truck that leads platoons, `LEADER_DEVICE` bound.
pub const LEADER: VehicleId = 2;
/// `HAULIER`'s truck, `FOLLOWER_DEVICE` bound.
pub const FOLLOWER: VehicleId = 3;
/// `HAULIER`'s truck, `SECOND_FOLLOWER_DEVICE` bound.
pub const SECOND_FOLLOWER: VehicleId = 4;
/// `OTHER_HAULIER`'s truck, `OTHER_FOLLOWER_DEVICE` bound.
pub const OTHER_FOLLOWER: VehicleId = 5;
/// An id no vehicle has.
pub const UNKNOWN_VEHICLE: VehicleId = 404;

/// Builds a test chain: accounts funded, the vehicles in the mock registry, and the pallet's
/// genesis.
#[derive(Default)]
pub struct ExtBuilder {
	pub genesis: crate::GenesisConfig<Test>,
}

impl ExtBuilder {
	/// Uses `genesis` as the pallet's genesis config.
	pub fn with_genesis(mut self, genesis: crate::GenesisConfig<Test>) -> Self {
		self.genesis = genesis;
		self
	}

	pub fn build(self) -> TestExternalities {
		SKIPPED_MS.with(|s| s.set(0));
		MockVehicles::use_clock(System::block_number);
		for (vehicle, owner, device) in [
			(VEHICLE, OWNER, DEVICE),
			(OTHER_VEHICLE, OTHER_OWNER, OTHER_DEVICE),
			(LEADER, HAULIER, LEADER_DEVICE),
			(FOLLOWER, HAULIER, FOLLOWER_DEVICE),
			(SECOND_FOLLOWER, HAULIER, SECOND_FOLLOWER_DEVICE),
			(OTHER_FOLLOWER, OTHER_HAULIER, OTHER_FOLLOWER_DEVICE),
		] {
			MockVehicles::add(vehicle, owner, MANUFACTURER);
			MockVehicles::update(vehicle, |v| v.devices.push(device));
		}
		let balances: Vec<(u64, u64)> = [
			CHARGER,
			OTHER_CHARGER,
			PROVIDER,
			OTHER_PROVIDER,
			OWNER,
			OTHER_OWNER,
			DEVICE,
			OTHER_DEVICE,
			GANTRY,
			BUYER,
			HAULIER,
			OTHER_HAULIER,
			LEADER_DEVICE,
			FOLLOWER_DEVICE,
			SECOND_FOLLOWER_DEVICE,
			OTHER_FOLLOWER_DEVICE,
			MANUFACTURER,
			STRANGER,
		]
		.into_iter()
		.map(|who| (who, BALANCE))
		.collect();
		let storage = RuntimeGenesisConfig {
			system: Default::default(),
			balances: pallet_balances::GenesisConfig { balances, ..Default::default() },
			road_usage: self.genesis,
		}
		.build_storage()
		.unwrap();
		let mut ext = TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Runs `test`, then checks the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			RoadUsage::do_try_state().expect("invariants hold");
		});
	}
}

/// Moves the chain to block `n` (wall-clock time moves with it, 6 s per block).
pub fn run_to_block(n: u64) {
	System::set_block_number(n);
}

/// The gantry's signature on `payload`, as `report_passage` checks it.
#[allow(dead_code)] // the passage tests' and the benchmarks'
pub fn gantry_signature(gantry: u64, payload: &[u8]) -> TestSignature {
	TestSignature(gantry, payload.to_vec())
}

/// An empty chain, for the benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_test_ext() -> TestExternalities {
	ExtBuilder::default().build()
}

#[cfg(feature = "runtime-benchmarks")]
thread_local! {
	static NEXT_BENCHMARK_VEHICLE: Cell<VehicleId> = const { Cell::new(1_000) };
}

/// Creates benchmark vehicles in the mock registry and signs as `GANTRY`.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64, TestSignature> for MockBenchmarkHelper {
	fn create_vehicle(owner: &u64, device: &u64) -> VehicleId {
		let vehicle = NEXT_BENCHMARK_VEHICLE.with(|next| next.replace(next.get() + 1));
		MockVehicles::add(vehicle, *owner, MANUFACTURER);
		MockVehicles::update(vehicle, |v| v.devices.push(*device));
		vehicle
	}

	fn gantry() -> u64 {
		GANTRY
	}

	fn sign_as_gantry(payload: &[u8]) -> TestSignature {
		gantry_signature(GANTRY, payload)
	}

	fn pass_days(days: Day) {
		pass_days(days)
	}
}
