//! Shared charging: chargers, OCPI-style tariffs, escrowed sessions and charge detail records.

use super::governance::GovernanceOrigin;
use crate::{
	configs::TreasuryAccount, Balance, Balances, BlockNumber, Runtime, RuntimeEvent,
	RuntimeHoldReason, ServiceBook, Timestamp, VehicleIdentity, DAYS, HOURS, UNIT,
};
use polkadot_sdk::{
	frame_support::{parameter_types, traits::ConstU32},
	sp_runtime::Perbill,
};

parameter_types! {
	/// The platform treasury's fee on every charging session's cost.
	pub const PlatformFee: Perbill = Perbill::from_percent(2);
	/// Held from the operator per charger, until it is removed.
	pub const ChargerDeposit: Balance = 10 * UNIT;
	/// Held from the operator per tariff, until it is removed.
	pub const TariffDeposit: Balance = 5 * UNIT;
	/// Held from the driver per charge detail record: records stay for good.
	pub const RecordDeposit: Balance = UNIT / 100;
	/// A driver may dispute a completed session for a week.
	pub const DisputeWindow: BlockNumber = 7 * DAYS;
	/// A day after a demand-response window for its sessions to stop and be paid.
	pub const GridClaimPeriod: BlockNumber = DAYS;
	/// An hour (600 blocks) for the charger's meter to confirm a session. A meter confirms
	/// within seconds of the plug going in; an hour rides out a lost connection or a slow
	/// handshake, and a session the meter never confirms keeps the vehicle and the charger
	/// from others for at most that long before anyone may close it.
	pub const MaxPendingDuration: BlockNumber = HOURS;
}

impl pallet_shared_charging::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Vehicles = VehicleIdentity;
	type Odometer = ServiceBook;
	type GovernanceOrigin = GovernanceOrigin;
	type UnixTime = Timestamp;
	type Treasury = TreasuryAccount;
	type PlatformFee = PlatformFee;
	type ChargerDeposit = ChargerDeposit;
	type TariffDeposit = TariffDeposit;
	type RecordDeposit = RecordDeposit;
	type MaxGeohashLength = ConstU32<12>;
	type MaxTariffElements = ConstU32<16>;
	type MaxMembers = ConstU32<64>;
	/// 200 kWh: the largest battery there is, with room to spare.
	type MaxEnergyCap = ConstU32<200_000>;
	/// 12 hours, in seconds: an overnight charge.
	type MaxSessionDuration = ConstU32<43_200>;
	type DisputeWindow = DisputeWindow;
	type MaxPendingDuration = MaxPendingDuration;
	type MaxPageSize = ConstU32<50>;
	/// Aura's slot: curtailment overlaps are counted in blocks of this many seconds.
	type SecondsPerBlock = ConstU32<6>;
	/// Sessions of a demand-response event have a day after its window to stop and be paid.
	type GridClaimPeriod = GridClaimPeriod;
	type MaxGridEvents = ConstU32<16>;
	type MaxEventSessions = ConstU32<64>;
	type WeightInfo = pallet_shared_charging::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = super::benchmarking::RegisteredVehicles;
}
