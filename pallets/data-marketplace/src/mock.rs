//! A small runtime for the marketplace's tests and benchmarks.

use polkadot_sdk::{
	frame_support::{
		derive_impl, parameter_types,
		traits::{ConstU32, ConstU64},
	},
	sp_io::TestExternalities,
	sp_runtime::{BuildStorage, Perbill},
	*,
};
use v2x_primitives::{testing::MockVehicles, VehicleId};

use crate::{self as pallet_data_marketplace, DataCategory, GenesisListing};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Marketplace: pallet_data_marketplace,
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

parameter_types! {
	pub const Treasury: u64 = TREASURY;
	pub const ManufacturerShare: Perbill = Perbill::from_percent(10);
	pub const PlatformShare: Perbill = Perbill::from_percent(5);
}

impl crate::Config for Test {
	#[allow(deprecated)]
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Vehicles = MockVehicles;
	type Treasury = Treasury;
	type ManufacturerShare = ManufacturerShare;
	type PlatformShare = PlatformShare;
	type ListingDeposit = ConstU64<LISTING_DEPOSIT>;
	type MaxListingsPerVehicle = ConstU32<MAX_LISTINGS>;
	type MaxAllowListLength = ConstU32<2>;
	type MaxGrantsPerListing = ConstU32<MAX_GRANTS_PER_LISTING>;
	type MaxGrantsPerBuyer = ConstU32<MAX_GRANTS_PER_BUYER>;
	type MaxAccessDuration = ConstU64<MAX_DURATION>;
	type MaxUriLength = ConstU32<32>;
	type MaxBatches = ConstU32<MAX_BATCHES>;
	type MaxSettlementsPerBlock = ConstU32<MAX_SETTLEMENTS>;
	type MaxPageSize = ConstU32<MAX_PAGE>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

pub const LISTING_DEPOSIT: u64 = 10;
pub const MAX_LISTINGS: u32 = 2;
pub const MAX_GRANTS_PER_LISTING: u32 = 2;
pub const MAX_GRANTS_PER_BUYER: u32 = 2;
pub const MAX_DURATION: u64 = 1_000;
pub const MAX_BATCHES: u32 = 3;
pub const MAX_SETTLEMENTS: u32 = 2;
pub const MAX_PAGE: u32 = 5;

/// The price and period of the listings most tests use: 1 unit per block.
pub const PRICE: u64 = 1_000;
pub const DURATION: u64 = 100;

/// Every account starts with this balance.
pub const BALANCE: u64 = 10_000;

pub const OWNER: u64 = 1;
pub const DEVICE: u64 = 3;
pub const BUYER: u64 = 4;
pub const OTHER_BUYER: u64 = 5;
pub const NEW_OWNER: u64 = 6;
pub const MANUFACTURER: u64 = 20;
pub const TREASURY: u64 = 30;
pub const STRANGER: u64 = 99;
/// An account with no funds.
pub const PAUPER: u64 = 98;

/// The vehicle most tests use: owned by `OWNER`, made by `MANUFACTURER`, with `DEVICE` bound.
pub const VEHICLE: VehicleId = 0;
/// A second vehicle, owned by `OWNER`, without a device.
pub const OTHER_VEHICLE: VehicleId = 1;
/// An id no vehicle has.
pub const UNKNOWN_VEHICLE: VehicleId = 404;

/// Builds a test chain: accounts funded, vehicles in the mock registry, and the
/// marketplace's genesis.
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

	/// Seeds a listing of `VEHICLE`'s diagnostics at genesis (`PRICE` for `DURATION`).
	pub fn with_genesis_listing(mut self) -> Self {
		self.genesis.listings.push(GenesisListing {
			vehicle: VEHICLE,
			category: DataCategory::Diagnostics,
			price: PRICE,
			duration: DURATION,
			terms_hash: [7; 32],
			allow_list: None,
		});
		self
	}

	/// The usual start: both vehicles.
	pub fn ready() -> Self {
		Self::default().with_vehicles()
	}

	pub fn build(self) -> TestExternalities {
		MockVehicles::use_clock(System::block_number);
		if self.vehicles {
			MockVehicles::add(VEHICLE, OWNER, MANUFACTURER);
			MockVehicles::update(VEHICLE, |v| v.devices.push(DEVICE));
			MockVehicles::add(OTHER_VEHICLE, OWNER, MANUFACTURER);
		}
		let balances = [OWNER, DEVICE, BUYER, OTHER_BUYER, NEW_OWNER, MANUFACTURER, TREASURY]
			.into_iter()
			.chain([STRANGER])
			.map(|who| (who, BALANCE))
			.collect();
		let storage = RuntimeGenesisConfig {
			system: Default::default(),
			balances: pallet_balances::GenesisConfig { balances, ..Default::default() },
			marketplace: self.genesis,
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
			Marketplace::do_try_state().expect("invariants hold");
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
	static NEXT_BENCHMARK_VEHICLE: core::cell::Cell<VehicleId> = const { core::cell::Cell::new(1_000) };
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
}
