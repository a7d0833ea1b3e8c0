//! Car sharing: co-ops own vehicles together, members and renters book them, the car's
//! device opens and closes each trip, and the revenue goes to the co-owners by shares.

use crate::{
	Balance, Balances, BlockNumber, Runtime, RuntimeEvent, RuntimeHoldReason, ServiceBook,
	VehicleIdentity, DAYS, HOURS, UNIT,
};
use polkadot_sdk::frame_support::{parameter_types, traits::ConstU32, PalletId};

parameter_types! {
	/// Co-op accounts are derived from this id and the co-op's number: nobody holds their key.
	pub const CarSharingPalletId: PalletId = PalletId(*b"v2x/shar");
	/// Held from the founder for the co-op's storage at its bounds (64 members, 16 vehicles,
	/// 4 open proposals).
	pub const CoopDeposit: Balance = 10 * UNIT;
	/// The founder's first payment into the co-op account: it keeps the account alive and
	/// pays the identity pallet's deposits for the devices and renters it authorises.
	pub const MinEndowment: Balance = 10 * UNIT;
	pub const MaxBookingDuration: BlockNumber = 7 * DAYS;
	pub const MaxBookAhead: BlockNumber = 30 * DAYS;
	/// A day after check-out for the fleet manager to inspect the car and file a claim.
	pub const ClaimWindow: BlockNumber = DAYS;
	/// A day for the renter to dispute a claim.
	pub const DisputeWindow: BlockNumber = DAYS;
	pub const VotingPeriod: BlockNumber = 3 * DAYS;
	/// A week for the buyer of a co-op car to accept the offer (the identity pallet allows 30
	/// days).
	pub const SaleOfferDuration: BlockNumber = 7 * DAYS;
	/// Members who voted against a sale may leave at the fair price for 30 days after it.
	pub const ExitWindow: BlockNumber = 30 * DAYS;
}

impl pallet_car_sharing::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Vehicles = VehicleIdentity;
	type Odometer = ServiceBook;
	type PalletId = CarSharingPalletId;
	type CoopDeposit = CoopDeposit;
	type MinEndowment = MinEndowment;
	type MaxNameLength = ConstU32<64>;
	type MaxMembers = ConstU32<64>;
	type MaxVehiclesPerCoop = ConstU32<16>;
	type MaxBookingsPerVehicle = ConstU32<16>;
	type MaxOpenProposals = ConstU32<4>;
	type BlocksPerHour = ConstU32<HOURS>;
	type MaxBookingDuration = MaxBookingDuration;
	type MaxBookAhead = MaxBookAhead;
	type ClaimWindow = ClaimWindow;
	type DisputeWindow = DisputeWindow;
	type VotingPeriod = VotingPeriod;
	type SaleOfferDuration = SaleOfferDuration;
	type ExitWindow = ExitWindow;
	type WeightInfo = pallet_car_sharing::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = super::benchmarking::RegisteredVehicles;
}
