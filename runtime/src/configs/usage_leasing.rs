//! Usage-based leasing: an approved lender leases out a car it owns, priced per period and
//! per km from the odometer history, secured by a lien that stands exactly while something
//! is owed, with defaults allowed only after due date, grace and notice.

use crate::{
	Balance, Balances, BlockNumber, Runtime, RuntimeEvent, RuntimeHoldReason, ServiceBook,
	VehicleIdentity, DAYS, MILLI_UNIT,
};
use polkadot_sdk::frame_support::{parameter_types, traits::ConstU32};

use super::governance::GovernanceOrigin;

parameter_types! {
	/// The shortest period a lease may bill: a lessor picks real months; the chain refuses
	/// only degenerate schedules (and the client tests use short ones).
	pub const MinPeriodLength: BlockNumber = 10;
	/// The shortest notice between the end of grace and a default: ten blocks is the floor,
	/// a lessor's terms set the real one, and every lessee sees it before accepting.
	pub const MinNoticePeriod: BlockNumber = 10;
	/// An offer stays open for at most a week.
	pub const MaxLeaseOfferDuration: BlockNumber = 7 * DAYS;
	/// Held from the lessor for a lease at its bounds (120 unpaid instalments, about 3.6 KB
	/// at 1 mV2X a byte).
	pub const LeaseDeposit: Balance = 4_000 * MILLI_UNIT;
}

impl pallet_usage_leasing::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Vehicles = VehicleIdentity;
	type Odometer = ServiceBook;
	type GovernanceOrigin = GovernanceOrigin;
	/// Ten years of monthly instalments.
	type MaxPeriods = ConstU32<120>;
	type MinPeriodLength = MinPeriodLength;
	type MinNoticePeriod = MinNoticePeriod;
	type MaxOfferDuration = MaxLeaseOfferDuration;
	type MaxDefaultChecksPerBlock = ConstU32<64>;
	type LeaseDeposit = LeaseDeposit;
	type WeightInfo = pallet_usage_leasing::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = super::benchmarking::RegisteredVehicles;
}
