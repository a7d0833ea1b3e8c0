//! A small runtime for leasing's tests: balances, the mock vehicle registry, and an odometer
//! history that flags rollbacks as the service book does.

use std::{cell::RefCell, collections::BTreeMap};

use polkadot_sdk::{
	frame_support::{
		derive_impl,
		traits::{fungible::Mutate, tokens::Preservation, ConstU32, ConstU64, Hooks},
		weights::Weight,
	},
	frame_system::EnsureRoot,
	sp_io::TestExternalities,
	sp_runtime::{BuildStorage, DispatchError, DispatchResult},
	*,
};
use v2x_primitives::{
	testing::MockVehicles, FlagReason, Km, OdometerLog, OdometerSource, OnOwnershipTransferred,
	ReadingVerdict, VehicleId,
};

use crate::{self as pallet_usage_leasing, LeaseTermsOf};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		UsageLeasing: pallet_usage_leasing,
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

impl crate::Config for Test {
	#[allow(deprecated)]
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Vehicles = MockVehicles;
	type Odometer = TestOdometer;
	type GovernanceOrigin = EnsureRoot<u64>;
	type MaxPeriods = ConstU32<MAX_PERIODS>;
	type MinPeriodLength = ConstU64<MIN_PERIOD>;
	type MinNoticePeriod = ConstU64<MIN_NOTICE>;
	type MaxOfferDuration = ConstU64<MAX_OFFER_DURATION>;
	type MaxDefaultChecksPerBlock = ConstU32<MAX_DEFAULT_CHECKS>;
	type LeaseDeposit = ConstU64<LEASE_DEPOSIT>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

pub const MAX_PERIODS: u32 = 12;
pub const MIN_PERIOD: u64 = 10;
pub const MIN_NOTICE: u64 = 5;
pub const MAX_OFFER_DURATION: u64 = 50;
pub const MAX_DEFAULT_CHECKS: u32 = 2;
pub const LEASE_DEPOSIT: u64 = 50;

/// The usual terms (`terms()`).
pub const BASE_FEE: u64 = 100;
pub const PRICE_PER_KM: u64 = 2;
pub const INCLUDED_KM: Km = 500;
pub const PERIOD: u64 = 100;
pub const PERIODS: u32 = 3;
pub const GRACE: u64 = 10;
pub const NOTICE: u64 = 20;
pub const PURCHASE_PRICE: u64 = 1_000;

/// Every funded account starts with this balance.
pub const BALANCE: u64 = 10_000;

/// Owns `VEHICLE` and `OTHER_VEHICLE`; an approved lender.
pub const LESSOR: u64 = 1;
pub const LESSEE: u64 = 2;
/// An approved lender who owns no vehicle: takes over positions.
pub const FINANCIER: u64 = 3;
/// Owns `STRANGER_VEHICLE`; not a lender.
pub const STRANGER: u64 = 4;
pub const MANUFACTURER: u64 = 20;
/// An account with no funds.
pub const PAUPER: u64 = 99;

/// `LESSOR`'s vehicle, its odometer at `START_KM`.
pub const VEHICLE: VehicleId = 0;
/// `LESSOR`'s second vehicle, never read by an odometer.
pub const OTHER_VEHICLE: VehicleId = 1;
/// `STRANGER`'s vehicle, its odometer at `START_KM`.
pub const STRANGER_VEHICLE: VehicleId = 2;
/// An id no vehicle has.
pub const UNKNOWN_VEHICLE: VehicleId = 404;
/// `VEHICLE`'s odometer when the chain starts.
pub const START_KM: Km = 10_000;

/// The usual terms: 3 periods of 100 blocks at 100 plus 2 a km beyond 500 km, grace 10,
/// notice 20, purchase price 1 000.
pub fn terms() -> LeaseTermsOf<Test> {
	LeaseTermsOf::<Test> {
		base_fee: BASE_FEE,
		price_per_km: PRICE_PER_KM,
		included_km: INCLUDED_KM,
		period_length: PERIOD,
		periods: PERIODS,
		grace: GRACE,
		notice: NOTICE,
		purchase_price: PURCHASE_PRICE,
	}
}

/// One vehicle's odometer in the mock history: the accepted total, and the instrument
/// cluster's own reading it came from.
#[derive(Clone, Copy, Default)]
struct Odometer {
	total: Km,
	cluster: Km,
}

thread_local! {
	static ODOMETERS: RefCell<BTreeMap<VehicleId, Odometer>> = const { RefCell::new(BTreeMap::new()) };
	static FLAGGED: RefCell<Vec<(VehicleId, Km)>> = const { RefCell::new(Vec::new()) };
}

/// An [`OdometerLog`] that behaves like the service book: a reading below the cluster's last
/// accepted one is flagged as a rollback and changes nothing; a newly fitted cluster starts
/// from its own reading while the vehicle's total goes on.
pub struct TestOdometer;

impl TestOdometer {
	/// Records `km` read from `vehicle`'s current cluster.
	pub fn read(vehicle: VehicleId, km: Km) -> ReadingVerdict {
		ODOMETERS.with(|o| {
			let mut odometers = o.borrow_mut();
			match odometers.get_mut(&vehicle) {
				Some(odometer) if km < odometer.cluster => {
					FLAGGED.with(|f| f.borrow_mut().push((vehicle, km)));
					ReadingVerdict::Flagged(FlagReason::Rollback)
				}
				Some(odometer) => {
					odometer.total = odometer.total.saturating_add(km - odometer.cluster);
					odometer.cluster = km;
					ReadingVerdict::Consistent
				}
				None => {
					odometers.insert(vehicle, Odometer { total: km, cluster: km });
					ReadingVerdict::Consistent
				}
			}
		})
	}

	/// Records the first reading `km` of a cluster newly fitted to `vehicle`: the total goes
	/// on from where the old cluster left it.
	pub fn new_cluster(vehicle: VehicleId, km: Km) {
		ODOMETERS.with(|o| {
			let mut odometers = o.borrow_mut();
			let odometer = odometers.entry(vehicle).or_default();
			odometer.cluster = km;
		});
	}

	/// The readings flagged as rollbacks on this thread.
	pub fn flagged() -> Vec<(VehicleId, Km)> {
		FLAGGED.with(|f| f.borrow().clone())
	}
}

impl OdometerLog for TestOdometer {
	fn record_reading(
		vehicle: VehicleId,
		km: Km,
		_source: OdometerSource,
	) -> Result<ReadingVerdict, DispatchError> {
		Ok(Self::read(vehicle, km))
	}
	fn current_km(vehicle: VehicleId) -> Option<Km> {
		ODOMETERS.with(|o| o.borrow().get(&vehicle).map(|odometer| odometer.total))
	}
	fn record_weight() -> Weight {
		Weight::zero()
	}
}

/// Builds a test chain: accounts funded, vehicles in the mock registry, `LESSOR` and
/// `FINANCIER` approved lenders, and the pallet's genesis.
#[derive(Default)]
pub struct ExtBuilder {
	genesis: crate::GenesisConfig<Test>,
}

impl ExtBuilder {
	/// Adds a lease of `vehicle` to `lessee` on `terms`, started at genesis.
	#[allow(dead_code)] // the genesis tests'
	pub fn with_genesis_lease(
		mut self,
		vehicle: VehicleId,
		lessee: u64,
		terms: LeaseTermsOf<Test>,
	) -> Self {
		self.genesis.leases.push((vehicle, lessee, terms));
		self
	}

	pub fn build(self) -> TestExternalities {
		MockVehicles::use_clock(System::block_number);
		MockVehicles::use_payment(pay);
		MockVehicles::use_sale_hook(sale_hook);
		MockVehicles::add(VEHICLE, LESSOR, MANUFACTURER);
		MockVehicles::add(OTHER_VEHICLE, LESSOR, MANUFACTURER);
		MockVehicles::add(STRANGER_VEHICLE, STRANGER, MANUFACTURER);
		MockVehicles::approve_lender(LESSOR);
		MockVehicles::approve_lender(FINANCIER);
		TestOdometer::read(VEHICLE, START_KM);
		TestOdometer::read(STRANGER_VEHICLE, START_KM);
		let balances = [LESSOR, LESSEE, FINANCIER, STRANGER, MANUFACTURER]
			.into_iter()
			.map(|who| (who, BALANCE))
			.collect();
		let storage = RuntimeGenesisConfig {
			system: Default::default(),
			balances: pallet_balances::GenesisConfig { balances, ..Default::default() },
			usage_leasing: self.genesis,
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
			UsageLeasing::do_try_state().expect("invariants hold");
		});
	}
}

/// Pays a sale price as the identity pallet does.
fn pay(from: &u64, to: &u64, amount: u64) -> DispatchResult {
	<Balances as Mutate<u64>>::transfer(from, to, amount, Preservation::Expendable).map(|_| ())
}

/// Tells the pallet about a sale, as the identity pallet's ownership hooks do.
fn sale_hook(vehicle: VehicleId, seller: &u64, buyer: &u64) {
	<UsageLeasing as OnOwnershipTransferred<u64>>::on_ownership_transferred(vehicle, seller, buyer);
}

/// Ends the current block (`on_idle` with ample weight, then `on_finalize`) and runs the
/// next ones up to block `n`, which is left open: its extrinsics are the test's next calls.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let now = System::block_number();
		UsageLeasing::on_idle(now, Weight::MAX);
		UsageLeasing::on_finalize(now);
		System::on_finalize(now);
		System::set_block_number(now + 1);
		System::on_initialize(now + 1);
		UsageLeasing::on_initialize(now + 1);
	}
}

/// Ends the current block (`on_idle`, `on_finalize`) and opens the next.
pub fn next_block() {
	run_to_block(System::block_number() + 1);
}

/// An empty chain, for the benchmarks.
#[cfg(feature = "runtime-benchmarks")]
#[allow(dead_code)] // the benchmarks' test suite, once they are written
pub fn new_test_ext() -> TestExternalities {
	ExtBuilder::default().build()
}

#[cfg(feature = "runtime-benchmarks")]
thread_local! {
	static NEXT_BENCHMARK_VEHICLE: std::cell::Cell<VehicleId> = const { std::cell::Cell::new(1_000) };
}

/// Creates benchmark vehicles, lenders and readings in the mocks.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64> for MockBenchmarkHelper {
	fn create_vehicle(owner: &u64, km: Km) -> VehicleId {
		let vehicle = NEXT_BENCHMARK_VEHICLE.with(|next| next.replace(next.get() + 1));
		MockVehicles::add(vehicle, *owner, MANUFACTURER);
		TestOdometer::read(vehicle, km);
		vehicle
	}
	fn approve_lender(who: &u64) {
		MockVehicles::approve_lender(*who);
	}
	fn drive_to(vehicle: VehicleId, km: Km) {
		TestOdometer::read(vehicle, km);
	}
}
