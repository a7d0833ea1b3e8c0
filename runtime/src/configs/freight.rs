//! Freight and tracking (GS1 EPCIS 2.0): shipments with one custodian at a time and two-phase
//! hand-offs, aggregation into pallets and containers, sensors' daily reading commitments and
//! excursions, append-only events with error declarations, proof of delivery and an escrow
//! paid to the carrier once the claim window passed.

use crate::{
	Balance, Balances, BlockNumber, Runtime, RuntimeEvent, RuntimeHoldReason, Signature, Timestamp,
	VehicleIdentity, DAYS, MILLI_UNIT,
};
use polkadot_sdk::{
	frame_support::{parameter_types, traits::ConstU32},
	sp_runtime::traits::Verify,
};

use super::governance::GovernanceOrigin;

parameter_types! {
	/// A hand-off offer stays open for at most a day: custody must not hang in the air.
	pub const MaxHandoffDuration: BlockNumber = DAYS;
	/// The shortest claim window a shipper may set after delivery (ten blocks, for tests; a
	/// shipper picks days).
	pub const MinClaimWindow: BlockNumber = 10;
	/// The longest claim window: a month, as road-freight conventions (CMR) allow for
	/// hidden damage reports.
	pub const MaxClaimWindow: BlockNumber = 30 * DAYS;
	/// A closed shipment's record stays on chain a month before its shipper may remove it.
	pub const RetentionPeriod: BlockNumber = 30 * DAYS;
	/// Held from the shipper for a shipment at its bounds: 64 events and their error
	/// declarations, 45 daily roots and their replay guards, 16 excursions, about 16 KB at
	/// 1 mV2X a byte.
	pub const ShipmentDeposit: Balance = 16_000 * MILLI_UNIT;
}

impl pallet_freight::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Vehicles = VehicleIdentity;
	type GovernanceOrigin = GovernanceOrigin;
	type UnixTime = Timestamp;
	type SensorSignature = Signature;
	type SensorPublic = <Signature as Verify>::Signer;
	/// Pre-carriage, main carriage and on-carriage with room for trans-shipments.
	type MaxLegs = ConstU32<8>;
	/// A container of 32 pallets, a pallet of 32 cases.
	type MaxChildren = ConstU32<32>;
	type MaxEvents = ConstU32<64>;
	type MaxSensors = ConstU32<4>;
	/// A month and a half of daily roots across the shipment's sensors.
	type MaxConditionDays = ConstU32<45>;
	type MaxExcursions = ConstU32<16>;
	/// A road train or a container ship's share of one operator's consignments.
	type MaxShipmentsPerVehicle = ConstU32<16>;
	type MaxHandoffDuration = MaxHandoffDuration;
	type MinClaimWindow = MinClaimWindow;
	type MaxClaimWindow = MaxClaimWindow;
	type RetentionPeriod = RetentionPeriod;
	type ShipmentDeposit = ShipmentDeposit;
	type WeightInfo = pallet_freight::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = super::benchmarking::RegisteredVehicles;
}
