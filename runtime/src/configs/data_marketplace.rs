//! The data marketplace: owners list access to their car's data, buyers pay through escrow
//! released as access time is used.

use crate::{
	configs::TreasuryAccount, Balance, Balances, BlockNumber, Runtime, RuntimeEvent,
	RuntimeHoldReason, VehicleIdentity, DAYS, UNIT,
};
use polkadot_sdk::{
	frame_support::{parameter_types, traits::ConstU32},
	sp_runtime::Perbill,
};

parameter_types! {
	/// The manufacturer's share of every data sale: it built the sensors.
	pub const ManufacturerShare: Perbill = Perbill::from_percent(10);
	/// The platform treasury's share of every data sale.
	pub const PlatformShare: Perbill = Perbill::from_percent(5);
	/// Held from the owner per listing, until it is withdrawn.
	pub const ListingDeposit: Balance = UNIT;
	/// A grant lasts at most a year; renewal extends it.
	pub const MaxAccessDuration: BlockNumber = 365 * DAYS;
}

impl pallet_data_marketplace::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Vehicles = VehicleIdentity;
	type Treasury = TreasuryAccount;
	type ManufacturerShare = ManufacturerShare;
	type PlatformShare = PlatformShare;
	type ListingDeposit = ListingDeposit;
	type MaxListingsPerVehicle = ConstU32<16>;
	type MaxAllowListLength = ConstU32<16>;
	type MaxGrantsPerListing = ConstU32<64>;
	type MaxGrantsPerBuyer = ConstU32<64>;
	type MaxAccessDuration = MaxAccessDuration;
	type MaxUriLength = ConstU32<256>;
	type MaxBatches = ConstU32<32>;
	/// Up to 16 voided grants refunded per block in idle time.
	type MaxSettlementsPerBlock = ConstU32<16>;
	type MaxPageSize = ConstU32<100>;
	type WeightInfo = pallet_data_marketplace::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = super::benchmarking::RegisteredVehicles;
}
