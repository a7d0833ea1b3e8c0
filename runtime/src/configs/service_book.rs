//! The service book: workshops, work orders, records and the odometer history.

use super::governance::GovernanceOrigin;
use crate::{
	Balance, Balances, BlockNumber, Runtime, RuntimeEvent, RuntimeHoldReason, Timestamp,
	VehicleIdentity, DAYS, UNIT,
};
use polkadot_sdk::frame_support::{parameter_types, traits::ConstU32};

parameter_types! {
	/// Held from the workshop per record: records stay for good.
	pub const RecordDeposit: Balance = UNIT / 10;
	/// Held from whoever opens a work order, until it is closed.
	pub const WorkOrderDeposit: Balance = UNIT / 100;
	/// Held from a manufacturer per workshop it authorises.
	pub const AuthorisationDeposit: Balance = UNIT / 10;
	/// A work order may stay open at most 30 days.
	pub const MaxWorkOrderDuration: BlockNumber = 30 * DAYS;
	/// No car covers more than 2000 km in a day: a faster rise is flagged.
	pub const MaxKmPerDay: v2x_primitives::Km = 2_000;
	/// A replacement instrument cluster is new or reset: it shows at most 1000 km.
	pub const MaxNewClusterKm: v2x_primitives::Km = 1_000;
}

impl pallet_service_book::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Vehicles = VehicleIdentity;
	type GovernanceOrigin = GovernanceOrigin;
	type UnixTime = Timestamp;
	type RecordDeposit = RecordDeposit;
	type WorkOrderDeposit = WorkOrderDeposit;
	type AuthorisationDeposit = AuthorisationDeposit;
	type MaxNameLength = ConstU32<64>;
	type MaxCertifications = ConstU32<8>;
	type MaxCertificationLength = ConstU32<64>;
	type MaxUriLength = ConstU32<256>;
	type MaxOpenWorkOrders = ConstU32<4>;
	type MaxWorkOrderDuration = MaxWorkOrderDuration;
	type MaxRecentReadings = ConstU32<32>;
	type MaxFlaggedReadings = ConstU32<64>;
	type MaxKmPerDay = MaxKmPerDay;
	type MaxNewClusterKm = MaxNewClusterKm;
	type MaxPageSize = ConstU32<100>;
	type WeightInfo = pallet_service_book::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = super::benchmarking::RegisteredVehicles;
}
