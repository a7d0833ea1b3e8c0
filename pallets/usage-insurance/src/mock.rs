//! A small runtime for the insurance pallet's tests and benchmarks.

use std::{cell::RefCell, collections::BTreeMap};

use polkadot_sdk::{
	frame_support::{
		derive_impl, parameter_types,
		traits::{ConstU32, ConstU64},
		weights::Weight,
	},
	frame_system::EnsureRoot,
	sp_io::TestExternalities,
	sp_runtime::{BuildStorage, DispatchError, Perbill},
	*,
};
use v2x_primitives::{
	testing::MockVehicles, FlagReason, Km, OdometerLog, OdometerSource, ReadingVerdict, VehicleId,
};

use crate::{self as pallet_usage_insurance, ProductTerms, RiskSurcharges};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		UsageInsurance: pallet_usage_insurance,
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

thread_local! {
	static HIGHEST_KM: RefCell<BTreeMap<VehicleId, Km>> = const { RefCell::new(BTreeMap::new()) };
	static DEVICE_READINGS: RefCell<Vec<(VehicleId, Km, OdometerSource)>> = const { RefCell::new(Vec::new()) };
}

/// An odometer history like the service book's, for rollbacks: a reading below the highest
/// one is kept but flagged as a rollback, and the vehicle's distance stays the highest.
pub struct MonotonicOdometer;

impl MonotonicOdometer {
	/// Every reading recorded on this thread.
	pub fn readings() -> Vec<(VehicleId, Km, OdometerSource)> {
		DEVICE_READINGS.with(|r| r.borrow().clone())
	}
}

impl OdometerLog for MonotonicOdometer {
	fn record_reading(
		vehicle: VehicleId,
		km: Km,
		source: OdometerSource,
	) -> Result<ReadingVerdict, DispatchError> {
		DEVICE_READINGS.with(|r| r.borrow_mut().push((vehicle, km, source)));
		HIGHEST_KM.with(|h| {
			let mut highest = h.borrow_mut();
			match highest.get(&vehicle) {
				Some(top) if km < *top => Ok(ReadingVerdict::Flagged(FlagReason::Rollback)),
				_ => {
					highest.insert(vehicle, km);
					Ok(ReadingVerdict::Consistent)
				}
			}
		})
	}

	fn current_km(vehicle: VehicleId) -> Option<Km> {
		HIGHEST_KM.with(|h| h.borrow().get(&vehicle).copied())
	}

	fn record_weight() -> Weight {
		Weight::from_parts(1_000, 0)
	}
}

parameter_types! {
	pub const SolvencyRatio: Perbill = Perbill::from_percent(50);
}

impl crate::Config for Test {
	#[allow(deprecated)]
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Vehicles = MockVehicles;
	type Odometer = MonotonicOdometer;
	type GovernanceOrigin = EnsureRoot<u64>;
	type SolvencyRatio = SolvencyRatio;
	type ProductDeposit = ConstU64<PRODUCT_DEPOSIT>;
	type PolicyDeposit = ConstU64<POLICY_DEPOSIT>;
	type ClaimDeposit = ConstU64<CLAIM_DEPOSIT>;
	type MaxNameLength = ConstU32<16>;
	type MaxProductsPerInsurer = ConstU32<MAX_PRODUCTS>;
	type MaxOpenClaimsPerPolicy = ConstU32<MAX_OPEN_CLAIMS>;
	type MinPeriodLength = ConstU64<MIN_PERIOD>;
	type MaxPeriodLength = ConstU64<MAX_PERIOD>;
	type ClaimWindow = ConstU64<CLAIM_WINDOW>;
	type DecisionDeadline = ConstU64<DECISION_DEADLINE>;
	type EscalationWindow = ConstU64<ESCALATION_WINDOW>;
	type MaxSettlementsPerBlock = ConstU32<MAX_SETTLEMENTS>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

pub const PRODUCT_DEPOSIT: u64 = 10;
pub const POLICY_DEPOSIT: u64 = 5;
pub const CLAIM_DEPOSIT: u64 = 3;
pub const MAX_PRODUCTS: u32 = 2;
pub const MAX_OPEN_CLAIMS: u32 = 2;
pub const MIN_PERIOD: u64 = 5;
pub const MAX_PERIOD: u64 = 100;
pub const CLAIM_WINDOW: u64 = 20;
pub const DECISION_DEADLINE: u64 = 10;
pub const ESCALATION_WINDOW: u64 = 10;
pub const MAX_SETTLEMENTS: u32 = 3;

/// Every account starts with this balance.
pub const BALANCE: u64 = 10_000;
/// `INSURER`'s pool at genesis in [`ExtBuilder::ready`].
pub const POOL: u64 = 1_000;

pub const OWNER: u64 = 1;
pub const OPERATOR: u64 = 2;
pub const DEVICE: u64 = 3;
pub const OTHER_OWNER: u64 = 4;
pub const OTHER_DEVICE: u64 = 5;
pub const INSURER: u64 = 10;
pub const OTHER_INSURER: u64 = 11;
pub const MANUFACTURER: u64 = 20;
pub const STRANGER: u64 = 99;
/// An account with no funds.
pub const PAUPER: u64 = 98;

/// Owned by `OWNER`, with `DEVICE` bound and `OPERATOR` as operator until `OPERATOR_UNTIL`.
pub const VEHICLE: VehicleId = 0;
/// Owned by `OTHER_OWNER`, with `OTHER_DEVICE` bound.
pub const OTHER_VEHICLE: VehicleId = 1;
pub const OPERATOR_UNTIL: u64 = 1_000;
pub const UNKNOWN_VEHICLE: VehicleId = 404;

/// The product most tests sell: 100 a period of 10 blocks, 2 a km, surcharges 5 (harsh
/// braking), 7 (speeding), 1 (night km), deductible 50, cover 1 000.
pub const TERMS: ProductTerms<u64, u64> = ProductTerms {
	base_premium: 100,
	rate_per_km: 2,
	surcharges: RiskSurcharges { harsh_braking: 5, speeding: 7, night_km: 1 },
	period_length: 10,
	deductible: 50,
	max_cover: 1_000,
	terms_hash: [7; 32],
};

/// Builds a test chain: accounts funded, vehicles in the mock registry, and the pallet's
/// genesis.
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

	/// Approves `insurer` at genesis with `pool` held.
	pub fn with_insurer(mut self, insurer: u64, pool: u64) -> Self {
		self.genesis.insurers.push((insurer, b"Insurer".to_vec(), pool));
		self
	}

	/// Approves `insurer` under `name` at genesis, with no pool.
	pub fn with_named_insurer(mut self, insurer: u64, name: &[u8]) -> Self {
		self.genesis.insurers.push((insurer, name.to_vec(), 0));
		self
	}

	/// Publishes a product at genesis.
	pub fn with_product(mut self, insurer: u64, terms: ProductTerms<u64, u64>) -> Self {
		self.genesis.products.push((insurer, terms));
		self
	}

	/// Sells a policy at genesis.
	pub fn with_policy(mut self, holder: u64, vehicle: VehicleId, prepayment: u64) -> Self {
		self.genesis.policies.push((holder, vehicle, 0, prepayment));
		self
	}

	/// The usual start: both vehicles, `INSURER` with a pool of `POOL` and product 0 on
	/// `TERMS`.
	pub fn ready() -> Self {
		Self::default().with_vehicles().with_insurer(INSURER, POOL).with_product(INSURER, TERMS)
	}

	pub fn build(self) -> TestExternalities {
		MockVehicles::use_clock(System::block_number);
		if self.vehicles {
			MockVehicles::add(VEHICLE, OWNER, MANUFACTURER);
			MockVehicles::update(VEHICLE, |v| {
				v.devices.push(DEVICE);
				v.operators.push((OPERATOR, OPERATOR_UNTIL));
			});
			MockVehicles::add(OTHER_VEHICLE, OTHER_OWNER, MANUFACTURER);
			MockVehicles::update(OTHER_VEHICLE, |v| v.devices.push(OTHER_DEVICE));
		}
		let balances = [OWNER, OPERATOR, DEVICE, OTHER_OWNER, OTHER_DEVICE, INSURER]
			.into_iter()
			.chain([OTHER_INSURER, MANUFACTURER, STRANGER])
			.map(|who| (who, BALANCE))
			.collect();
		let storage = RuntimeGenesisConfig {
			system: Default::default(),
			balances: pallet_balances::GenesisConfig { balances, ..Default::default() },
			usage_insurance: self.genesis,
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
			UsageInsurance::do_try_state().expect("invariants hold");
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
	static NEXT_BENCHMARK_VEHICLE: std::cell::Cell<VehicleId> = const { std::cell::Cell::new(1_000) };
}

/// Creates benchmark vehicles in the mock registry.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64> for MockBenchmarkHelper {
	fn create_vehicle(owner: &u64, device: &u64) -> VehicleId {
		let vehicle = NEXT_BENCHMARK_VEHICLE.with(|next| next.replace(next.get() + 1));
		MockVehicles::add(vehicle, *owner, MANUFACTURER);
		MockVehicles::update(vehicle, |v| v.devices.push(*device));
		vehicle
	}

	fn grant_operator(vehicle: VehicleId, operator: &u64) {
		MockVehicles::update(vehicle, |v| v.operators.push((*operator, u64::MAX)));
	}

	fn revoke_operator(vehicle: VehicleId, operator: &u64) {
		MockVehicles::update(vehicle, |v| v.operators.retain(|(who, _)| who != operator));
	}
}
