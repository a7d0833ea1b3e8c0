//! A small runtime for the shared charging pallet's tests and benchmarks.

use core::time::Duration;
use std::cell::Cell;

use polkadot_sdk::{
	frame_support::{
		derive_impl, parameter_types,
		traits::{ConstU32, ConstU64, UnixTime},
	},
	frame_system::EnsureRoot,
	sp_io::TestExternalities,
	sp_runtime::{BuildStorage, Perbill},
	*,
};
use v2x_primitives::{
	testing::{MockVehicles, RecordingOdometer},
	VehicleId,
};

use crate::{
	self as pallet_shared_charging, AccessRule, Connector, GenesisCharger, PriceComponents,
	TariffElement, TariffId, TariffRestrictions,
};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		SharedCharging: pallet_shared_charging,
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
/// Milliseconds per block.
pub const BLOCK_MS: u64 = 6_000;

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

/// Seconds since the Unix epoch now.
pub fn now_secs() -> u64 {
	MockTime::now().as_secs()
}

parameter_types! {
	pub const Treasury: u64 = TREASURY;
	pub const PlatformFee: Perbill = Perbill::from_percent(FEE_PERCENT);
}

impl crate::Config for Test {
	#[allow(deprecated)]
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Vehicles = MockVehicles;
	type Odometer = RecordingOdometer;
	type GovernanceOrigin = EnsureRoot<u64>;
	type UnixTime = MockTime;
	type Treasury = Treasury;
	type PlatformFee = PlatformFee;
	type ChargerDeposit = ConstU64<CHARGER_DEPOSIT>;
	type TariffDeposit = ConstU64<TARIFF_DEPOSIT>;
	type RecordDeposit = ConstU64<RECORD_DEPOSIT>;
	type MaxGeohashLength = ConstU32<12>;
	type MaxTariffElements = ConstU32<MAX_ELEMENTS>;
	type MaxMembers = ConstU32<MAX_MEMBERS>;
	type MaxEnergyCap = ConstU32<MAX_CAP_WH>;
	type MaxSessionDuration = ConstU32<MAX_DURATION_SECS>;
	type DisputeWindow = ConstU64<DISPUTE_WINDOW>;
	type MaxPendingDuration = ConstU64<MAX_PENDING_BLOCKS>;
	type MaxPageSize = ConstU32<MAX_PAGE>;
	type SecondsPerBlock = ConstU32<{ (BLOCK_MS / 1_000) as u32 }>;
	type GridClaimPeriod = ConstU64<GRID_CLAIM_PERIOD>;
	type MaxGridEvents = ConstU32<MAX_GRID_EVENTS>;
	type MaxEventSessions = ConstU32<MAX_EVENT_SESSIONS>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

pub const FEE_PERCENT: u32 = 5;
pub const CHARGER_DEPOSIT: u64 = 50;
pub const TARIFF_DEPOSIT: u64 = 20;
pub const RECORD_DEPOSIT: u64 = 2;
pub const MAX_PENDING_BLOCKS: u64 = 10;
pub const MAX_ELEMENTS: u32 = 4;
pub const MAX_MEMBERS: u32 = 3;
pub const MAX_CAP_WH: u32 = 100_000;
/// Four hours.
pub const MAX_DURATION_SECS: u32 = 14_400;
pub const DISPUTE_WINDOW: u64 = 10;
pub const MAX_PAGE: u32 = 2;
pub const GRID_CLAIM_PERIOD: u64 = 5;
pub const MAX_GRID_EVENTS: u32 = 2;
pub const MAX_EVENT_SESSIONS: u32 = 2;

/// Every funded account starts with this balance.
pub const BALANCE: u64 = 100_000;

/// Owns `VEHICLE`.
pub const DRIVER: u64 = 1;
/// Member of `RESIDENCE` on the charger's tariff; owns `MEMBER_VEHICLE`.
pub const MEMBER: u64 = 2;
/// Member of `RESIDENCE` on `MEMBER_TARIFF`; owns `OTHER_MEMBER_VEHICLE`.
pub const OTHER_MEMBER: u64 = 3;
/// An operator of `VEHICLE` until `VEHICLE_OPERATOR_UNTIL`.
pub const VEHICLE_OPERATOR: u64 = 4;
/// The charge point operator of both genesis chargers, owner of the genesis tariffs.
pub const CPO: u64 = 10;
/// The public charger's meter.
pub const DEVICE: u64 = 11;
/// The residence charger's meter.
pub const RESIDENCE_DEVICE: u64 = 12;
/// Another charge point operator.
pub const OTHER_CPO: u64 = 20;
/// A grid operator (approved by governance in the grid tests).
pub const GRID_OPERATOR: u64 = 30;
pub const TREASURY: u64 = 50;
pub const STRANGER: u64 = 99;
/// An account with no funds.
pub const PAUPER: u64 = 98;

pub const VEHICLE: VehicleId = 0;
pub const MEMBER_VEHICLE: VehicleId = 1;
pub const OTHER_MEMBER_VEHICLE: VehicleId = 2;
pub const UNKNOWN_VEHICLE: VehicleId = 404;
pub const VEHICLE_OPERATOR_UNTIL: u64 = 1_000;

/// Public charger, 22 kW, on `SIMPLE_TARIFF`.
pub const PUBLIC: u32 = 0;
/// Residence charger, 11 kW, members only, on `SIMPLE_TARIFF`; `MEMBER` and `OTHER_MEMBER`.
pub const RESIDENCE: u32 = 1;

/// 300 per kWh, 120 per hour parked, 50 flat.
pub const SIMPLE_TARIFF: TariffId = 0;
/// 400 per kWh from 08:00 to 20:00 UTC, 200 per kWh otherwise.
pub const TIME_OF_USE_TARIFF: TariffId = 1;
/// 100 per kWh: `OTHER_MEMBER`'s own at the residence.
pub const MEMBER_TARIFF: TariffId = 2;

/// An element with these prices and no restrictions.
pub fn element(prices: PriceComponents<u128>) -> TariffElement<u128> {
	TariffElement { prices, restrictions: TariffRestrictions::default() }
}

pub fn simple_tariff() -> Vec<TariffElement<u128>> {
	vec![element(PriceComponents {
		energy_per_kwh: Some(300),
		parking_per_hour: Some(120),
		flat: Some(50),
		..Default::default()
	})]
}

pub fn time_of_use_tariff() -> Vec<TariffElement<u128>> {
	let day = TariffRestrictions {
		start_minute: Some(8 * 60),
		end_minute: Some(20 * 60),
		..Default::default()
	};
	vec![
		TariffElement {
			prices: PriceComponents { energy_per_kwh: Some(400), ..Default::default() },
			restrictions: day,
		},
		element(PriceComponents { energy_per_kwh: Some(200), ..Default::default() }),
	]
}

pub fn member_tariff() -> Vec<TariffElement<u128>> {
	vec![element(PriceComponents { energy_per_kwh: Some(100), ..Default::default() })]
}

/// Builds a test chain: accounts funded, vehicles in the mock registry, and the pallet's
/// genesis.
#[derive(Default)]
pub struct ExtBuilder {
	genesis: crate::GenesisConfig<Test>,
}

impl ExtBuilder {
	/// The usual start: the three genesis tariffs, the public charger and the residence
	/// charger with its two members.
	pub fn ready() -> Self {
		let mut builder = Self::default();
		builder.genesis.tariffs =
			vec![(CPO, simple_tariff()), (CPO, time_of_use_tariff()), (CPO, member_tariff())];
		builder.genesis.chargers = vec![
			GenesisCharger {
				operator: CPO,
				device: DEVICE,
				location: "u33dc0".into(),
				max_power_kw: 22,
				connector: Connector::Type2,
				bidirectional: false,
				access: AccessRule::Public,
				tariff: SIMPLE_TARIFF,
				members: vec![],
			},
			GenesisCharger {
				operator: CPO,
				device: RESIDENCE_DEVICE,
				location: "u33dc1".into(),
				max_power_kw: 11,
				connector: Connector::Type2,
				bidirectional: true,
				access: AccessRule::Members,
				tariff: SIMPLE_TARIFF,
				members: vec![(MEMBER, None), (OTHER_MEMBER, Some(MEMBER_TARIFF))],
			},
		];
		builder
	}

	/// Points the first genesis charger at a tariff that does not exist.
	pub fn break_first_charger_tariff(&mut self) {
		if let Some(charger) = self.genesis.chargers.first_mut() {
			charger.tariff = 99;
		}
	}

	pub fn build(self) -> TestExternalities {
		MockVehicles::use_clock(System::block_number);
		MockVehicles::add(VEHICLE, DRIVER, 1_000);
		MockVehicles::update(VEHICLE, |v| {
			v.operators.push((VEHICLE_OPERATOR, VEHICLE_OPERATOR_UNTIL))
		});
		MockVehicles::add(MEMBER_VEHICLE, MEMBER, 1_000);
		MockVehicles::add(OTHER_MEMBER_VEHICLE, OTHER_MEMBER, 1_000);
		let balances = [DRIVER, MEMBER, OTHER_MEMBER, VEHICLE_OPERATOR, CPO, DEVICE]
			.into_iter()
			.chain([RESIDENCE_DEVICE, OTHER_CPO, GRID_OPERATOR, TREASURY, STRANGER])
			.map(|who| (who, BALANCE))
			.collect();
		let storage = RuntimeGenesisConfig {
			system: Default::default(),
			balances: pallet_balances::GenesisConfig { balances, ..Default::default() },
			shared_charging: self.genesis,
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
			SharedCharging::do_try_state().expect("invariants hold");
		});
	}
}

/// An empty chain, for the benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_test_ext() -> TestExternalities {
	ExtBuilder::default().build()
}

/// Moves the chain to block `n` (and the clock with it).
pub fn run_to_block(n: u64) {
	System::set_block_number(n);
}

#[cfg(feature = "runtime-benchmarks")]
thread_local! {
	static NEXT_BENCHMARK_VEHICLE: Cell<VehicleId> = const { Cell::new(1_000) };
}

/// Creates benchmark vehicles in the mock registry.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64> for MockBenchmarkHelper {
	fn create_vehicle(owner: &u64, device: &u64) -> VehicleId {
		let vehicle = NEXT_BENCHMARK_VEHICLE.with(|next| next.replace(next.get() + 1));
		MockVehicles::add(vehicle, *owner, 1_000_000);
		MockVehicles::update(vehicle, |v| v.devices.push(*device));
		vehicle
	}
}
