//! Car identity: manufacturers, VINs, sales, liens, devices and operators.

use super::governance::GovernanceOrigin;
use crate::{
	Balance, Balances, BlockNumber, CarSharing, DataMarketplace, Freight, RoadUsage, Runtime,
	RuntimeEvent, RuntimeHoldReason, ServiceBook, SoftwareUpdates, Timestamp, UsageInsurance,
	UsageLeasing, DAYS, MILLI_UNIT, UNIT,
};
use polkadot_sdk::frame_support::{
	parameter_types,
	traits::{ConstBool, ConstU32},
};

parameter_types! {
	/// Held from the manufacturer per vehicle: the entry (about 400 bytes) stays for good.
	pub const VehicleDeposit: Balance = UNIT;
	/// Held from the owner per bound device or operator.
	pub const DelegateDeposit: Balance = 100 * MILLI_UNIT;
	/// A buyer has at most 30 days to accept an offer.
	pub const MaxOfferDuration: BlockNumber = 30 * DAYS;
}

impl pallet_vehicle_identity::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type GovernanceOrigin = GovernanceOrigin;
	type UnixTime = Timestamp;
	/// VINs carry the check digit where their region requires it (North America, China).
	type EnforceCheckDigit = ConstBool<true>;
	type VehicleDeposit = VehicleDeposit;
	type DelegateDeposit = DelegateDeposit;
	type MaxNameLength = ConstU32<64>;
	type MaxWmisPerManufacturer = ConstU32<16>;
	type MaxUriLength = ConstU32<256>;
	type MaxDevicesPerVehicle = ConstU32<8>;
	type MaxOperatorsPerVehicle = ConstU32<16>;
	type MaxOfferDuration = MaxOfferDuration;
	/// A sale ends what the old owner's consent stood behind: open work orders, the insurance
	/// policy (pro rata, the rest refunded), data access grants (refunds settled lazily) and,
	/// when a co-op sold it, its bookings (refunded) and trip (settled); a lease offer; the
	/// links of the shipments loaded on it.
	type OnOwnershipTransferred = (
		ServiceBook,
		UsageInsurance,
		DataMarketplace,
		CarSharing,
		RoadUsage,
		UsageLeasing,
		Freight,
	);
	/// A theft report or scrapping ends the vehicle's open work orders, its policy and its
	/// data grants, a co-op car's bookings and trip, a lease offer (scrapping: the lease) and
	/// the links of the shipments loaded on it; scrapping also clears its software reports.
	type OnVehicleStatusChanged = (
		ServiceBook,
		UsageInsurance,
		DataMarketplace,
		CarSharing,
		RoadUsage,
		UsageLeasing,
		Freight,
		SoftwareUpdates,
	);
	type WeightInfo = pallet_vehicle_identity::weights::SubstrateWeight<Runtime>;
}
