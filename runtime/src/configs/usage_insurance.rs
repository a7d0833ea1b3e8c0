//! Usage-based insurance: insurers, products, capital pools, policies, usage and claims.

use super::governance::GovernanceOrigin;
use crate::{
	Balance, Balances, BlockNumber, Runtime, RuntimeEvent, RuntimeHoldReason, ServiceBook,
	VehicleIdentity, DAYS, UNIT,
};
use polkadot_sdk::{
	frame_support::{parameter_types, traits::ConstU32},
	sp_runtime::Perbill,
};

parameter_types! {
	/// An insurer's pool must hold a quarter of the maximum cover of its open policies.
	pub const SolvencyRatio: Perbill = Perbill::from_percent(25);
	/// Held from the insurer per product: products stay while policies use them.
	pub const ProductDeposit: Balance = UNIT;
	/// Held from the buyer per policy, until the policy is closed.
	pub const PolicyDeposit: Balance = UNIT / 10;
	/// Held from the holder per claim, until it is decided or closed.
	pub const ClaimDeposit: Balance = UNIT / 10;
	/// The shortest period a product may have: ten blocks (a minute), so that demos and tests
	/// see a settlement; real products use days or months.
	pub const MinPeriodLength: BlockNumber = 10;
	/// The longest period: a year.
	pub const MaxPeriodLength: BlockNumber = 366 * DAYS;
	/// Claims for a policy may be filed up to 30 days after it ended.
	pub const ClaimWindow: BlockNumber = 30 * DAYS;
	/// An insurer has 14 days to decide a claim before the holder may escalate it.
	pub const DecisionDeadline: BlockNumber = 14 * DAYS;
	/// A rejected claim may be escalated to governance for 14 days.
	pub const EscalationWindow: BlockNumber = 14 * DAYS;
}

impl pallet_usage_insurance::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Vehicles = VehicleIdentity;
	type Odometer = ServiceBook;
	type GovernanceOrigin = GovernanceOrigin;
	type SolvencyRatio = SolvencyRatio;
	type ProductDeposit = ProductDeposit;
	type PolicyDeposit = PolicyDeposit;
	type ClaimDeposit = ClaimDeposit;
	type MaxNameLength = ConstU32<64>;
	type MaxProductsPerInsurer = ConstU32<32>;
	type MaxOpenClaimsPerPolicy = ConstU32<4>;
	type MinPeriodLength = MinPeriodLength;
	type MaxPeriodLength = MaxPeriodLength;
	type ClaimWindow = ClaimWindow;
	type DecisionDeadline = DecisionDeadline;
	type EscalationWindow = EscalationWindow;
	/// Up to 20 due policies settled per block in idle time.
	type MaxSettlementsPerBlock = ConstU32<20>;
	type WeightInfo = pallet_usage_insurance::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = super::benchmarking::RegisteredVehicles;
}
