//! A small runtime for the service book's tests and benchmarks.

use core::time::Duration;
use std::cell::Cell;

use polkadot_sdk::{
	frame_support::{
		derive_impl, parameter_types,
		traits::{ConstU32, ConstU64, UnixTime},
	},
	frame_system::EnsureRoot,
	sp_io::TestExternalities,
	sp_runtime::BuildStorage,
	*,
};
use v2x_primitives::{testing::MockVehicles, Km, VehicleId};

use crate::{self as pallet_service_book, GenesisRecord};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		ServiceBook: pallet_service_book,
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

/// Wall-clock time that moves 6 s per block from a fixed date, plus any time the chain
/// stalled (`stall`).
pub struct MockTime;

/// 2023-11-14, the mock chain's block 0.
pub const GENESIS_MS: u64 = 1_700_000_000_000;
/// Milliseconds per block.
pub const BLOCK_MS: u64 = 6_000;
/// Blocks in a day of 6 s blocks.
pub const DAY: u64 = 14_400;

thread_local! {
	static STALLED_MS: Cell<u64> = const { Cell::new(0) };
}

impl UnixTime for MockTime {
	fn now() -> Duration {
		let stalled = STALLED_MS.with(|s| s.get());
		Duration::from_millis(GENESIS_MS + System::block_number() * BLOCK_MS + stalled)
	}
}

/// The chain produces no block for `ms`: time moves on, the block number does not.
pub fn stall(ms: u64) {
	STALLED_MS.with(|s| s.set(s.get() + ms));
}

parameter_types! {
	pub const MaxKmPerDay: Km = KM_PER_DAY;
}

impl crate::Config for Test {
	#[allow(deprecated)]
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Vehicles = MockVehicles;
	type GovernanceOrigin = EnsureRoot<u64>;
	type UnixTime = MockTime;
	type RecordDeposit = ConstU64<RECORD_DEPOSIT>;
	type WorkOrderDeposit = ConstU64<WORK_ORDER_DEPOSIT>;
	type AuthorisationDeposit = ConstU64<AUTHORISATION_DEPOSIT>;
	type MaxNameLength = ConstU32<32>;
	type MaxCertifications = ConstU32<3>;
	type MaxCertificationLength = ConstU32<16>;
	type MaxUriLength = ConstU32<64>;
	type MaxOpenWorkOrders = ConstU32<2>;
	type MaxWorkOrderDuration = ConstU64<MAX_ORDER_DURATION>;
	type MaxRecentReadings = ConstU32<MAX_RECENT>;
	type MaxFlaggedReadings = ConstU32<MAX_FLAGGED>;
	type MaxKmPerDay = MaxKmPerDay;
	type MaxNewClusterKm = ConstU32<MAX_NEW_CLUSTER_KM>;
	type MaxPageSize = ConstU32<MAX_PAGE>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

pub const RECORD_DEPOSIT: u64 = 10;
pub const WORK_ORDER_DEPOSIT: u64 = 5;
pub const AUTHORISATION_DEPOSIT: u64 = 20;
pub const MAX_ORDER_DURATION: u64 = 100;
pub const MAX_RECENT: u32 = 4;
pub const MAX_FLAGGED: u32 = 3;
pub const KM_PER_DAY: Km = 1_000;
pub const MAX_NEW_CLUSTER_KM: Km = 100;
pub const MAX_PAGE: u32 = 5;

/// Every account starts with this balance.
pub const BALANCE: u64 = 1_000;

pub const OWNER: u64 = 1;
pub const OPERATOR: u64 = 2;
pub const DEVICE: u64 = 3;
pub const WORKSHOP: u64 = 10;
pub const OTHER_WORKSHOP: u64 = 11;
pub const MANUFACTURER: u64 = 20;
pub const OTHER_MANUFACTURER: u64 = 21;
pub const STRANGER: u64 = 99;
/// An account with no funds.
pub const PAUPER: u64 = 98;

/// The vehicle most tests use: owned by `OWNER`, made by `MANUFACTURER`, with `DEVICE` bound
/// and `OPERATOR` as operator until `OPERATOR_UNTIL`.
pub const VEHICLE: VehicleId = 0;
/// A second vehicle, by `OTHER_MANUFACTURER`, owned by `OWNER`, without device or operator.
pub const OTHER_VEHICLE: VehicleId = 1;
/// The last block of `OPERATOR`'s right on `VEHICLE`.
pub const OPERATOR_UNTIL: u64 = 1_000;
/// An id no vehicle has.
pub const UNKNOWN_VEHICLE: VehicleId = 404;

/// Builds a test chain: accounts funded, vehicles in the mock registry, and the service
/// book's genesis.
#[derive(Default)]
pub struct ExtBuilder {
	vehicles: bool,
	genesis: crate::GenesisConfig<Test>,
}

impl ExtBuilder {
	/// Adds `VEHICLE` and `OTHER_VEHICLE` to the registry.
	pub fn with_vehicles(mut self) -> Self {
		self.vehicles = true;
		self
	}

	/// Approves `workshop` at genesis.
	pub fn with_workshop(mut self, workshop: u64) -> Self {
		self.genesis.workshops.push((workshop, b"Garage".to_vec(), vec![b"ISO 9001".to_vec()]));
		self
	}

	/// Authorises `workshop` for `manufacturer`'s brand at genesis (no deposit).
	pub fn with_authorisation(mut self, manufacturer: u64, workshop: u64) -> Self {
		self.genesis.authorisations.push((manufacturer, workshop));
		self
	}

	/// Seeds a record at genesis.
	pub fn with_record(mut self, record: GenesisRecord<u64>) -> Self {
		self.genesis.records.push(record);
		self
	}

	/// Seeds a device reading at genesis.
	pub fn with_reading(mut self, vehicle: VehicleId, km: Km) -> Self {
		self.genesis.readings.push((vehicle, km));
		self
	}

	/// The usual start: both vehicles and an approved `WORKSHOP`.
	pub fn ready() -> Self {
		Self::default().with_vehicles().with_workshop(WORKSHOP)
	}

	pub fn build(self) -> TestExternalities {
		MockVehicles::use_clock(System::block_number);
		if self.vehicles {
			MockVehicles::add(VEHICLE, OWNER, MANUFACTURER);
			MockVehicles::update(VEHICLE, |v| {
				v.devices.push(DEVICE);
				v.operators.push((OPERATOR, OPERATOR_UNTIL));
			});
			MockVehicles::add(OTHER_VEHICLE, OWNER, OTHER_MANUFACTURER);
		}
		let balances = [OWNER, OPERATOR, DEVICE, WORKSHOP, OTHER_WORKSHOP, MANUFACTURER]
			.into_iter()
			.chain([OTHER_MANUFACTURER, STRANGER])
			.map(|who| (who, BALANCE))
			.collect();
		let storage = RuntimeGenesisConfig {
			system: Default::default(),
			balances: pallet_balances::GenesisConfig { balances, ..Default::default() },
			service_book: self.genesis,
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
			ServiceBook::do_try_state().expect("invariants hold");
		});
	}
}

/// An empty chain, for the benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_test_ext() -> TestExternalities {
	ExtBuilder::default().build()
}

/// Moves the chain to block `n`.
pub fn run_to_block(n: u64) {
	System::set_block_number(n);
}

#[cfg(feature = "runtime-benchmarks")]
thread_local! {
	static NEXT_BENCHMARK_VEHICLE: Cell<VehicleId> = const { Cell::new(1_000) };
}

/// The manufacturer of the vehicles the benchmarks create.
#[cfg(feature = "runtime-benchmarks")]
pub const BENCHMARK_MANUFACTURER: u64 = 1_000_000;

/// Creates benchmark vehicles in the mock registry.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64> for MockBenchmarkHelper {
	fn create_vehicle(owner: &u64, device: &u64) -> VehicleId {
		let vehicle = NEXT_BENCHMARK_VEHICLE.with(|next| next.replace(next.get() + 1));
		MockVehicles::add(vehicle, *owner, BENCHMARK_MANUFACTURER);
		MockVehicles::update(vehicle, |v| v.devices.push(*device));
		vehicle
	}

	fn add_operators(vehicle: VehicleId, operator: &u64) {
		MockVehicles::update(vehicle, |v| {
			v.operators.extend((0..15).map(|other| (2_000_000 + other, u64::MAX)));
			v.operators.push((*operator, u64::MAX));
		});
	}
}
