//! Road usage: toll chargers and toll service providers (EN ISO 17573-1), versioned tariffs,
//! per-vehicle-day declarations paid from the provider's bond, direct passages paid from the
//! owner's prepaid balance, and truck platooning payments.

use crate::{
	Balance, Balances, BlockNumber, Runtime, RuntimeEvent, RuntimeHoldReason, Signature, Timestamp,
	VehicleIdentity, DAYS, MILLI_UNIT, UNIT,
};
use polkadot_sdk::{
	frame_support::{parameter_types, traits::ConstU32},
	sp_runtime::traits::Verify,
};

use super::governance::GovernanceOrigin;

parameter_types! {
	/// A provider's bond pays accepted batches: without at least this much it may not declare.
	pub const MinProviderBond: Balance = 100 * UNIT;
	/// Held from the charger for a context at its bounds: 16 tariff versions of 32 prices
	/// and 64 gantries, about 12 KB at 1 mV2X a byte.
	pub const ContextDeposit: Balance = 15 * UNIT;
	/// Held from the provider for a batch's own entry.
	pub const BatchDeposit: Balance = 200 * MILLI_UNIT;
	/// Held from the provider for each declaration in a batch (about 110 bytes).
	pub const DeclarationDeposit: Balance = 110 * MILLI_UNIT;
	/// Held from whoever opens a vehicle-day (128 charged event ids, about 4.4 KB); back when
	/// the day can no longer be declared and the entry is pruned.
	pub const VehicleDayDeposit: Balance = 4_500 * MILLI_UNIT;
	/// Held from the leader's side while the platoon exists.
	pub const PlatoonDeposit: Balance = UNIT;
	/// The charger answers a batch (accept or dispute) within two days; after that anyone
	/// settles it as accepted, so a toll bill is final within days, not a year.
	pub const AcceptancePeriod: BlockNumber = 2 * DAYS;
}

impl pallet_road_usage::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Vehicles = VehicleIdentity;
	type GovernanceOrigin = GovernanceOrigin;
	type UnixTime = Timestamp;
	type GantrySignature = Signature;
	type GantryPublic = <Signature as Verify>::Signer;
	type MaxNameLength = ConstU32<64>;
	type MaxDomainLength = ConstU32<64>;
	type MaxTariffPrices = ConstU32<32>;
	type MaxTariffVersions = ConstU32<16>;
	type MaxGantries = ConstU32<64>;
	type MaxServicePeriods = ConstU32<4>;
	type MaxUsageLines = ConstU32<4>;
	type MaxEventsPerDeclaration = ConstU32<64>;
	/// Twice a declaration's: a vehicle that changes provider mid-day is declared by both.
	type MaxEventsPerVehicleDay = ConstU32<128>;
	type MaxDeclarationsPerBatch = ConstU32<32>;
	type MaxFollowers = ConstU32<4>;
	/// A vehicle-day may be declared or corrected up to 30 days late.
	type MaxDeclarationAge = ConstU32<30>;
	/// A gantry's attestation is of today or yesterday.
	type MaxAttestationAge = ConstU32<1>;
	type AcceptancePeriod = AcceptancePeriod;
	type MinProviderBond = MinProviderBond;
	type ContextDeposit = ContextDeposit;
	type BatchDeposit = BatchDeposit;
	type DeclarationDeposit = DeclarationDeposit;
	type VehicleDayDeposit = VehicleDayDeposit;
	type PlatoonDeposit = PlatoonDeposit;
	type WeightInfo = pallet_road_usage::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = super::benchmarking::RegisteredVehicles;
}
