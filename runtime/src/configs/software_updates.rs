//! Software updates (Uptane 2.1.0, UN R156): each manufacturer's image repository anchored on
//! chain, with threshold-signed root metadata and its rotations, targets and supplier
//! delegations, campaigns the director's keys approve with the RXSWIN they give, and
//! vehicles' installation reports as salted commitments the owner may reveal.

use crate::{
	Balance, Balances, Runtime, RuntimeEvent, RuntimeHoldReason, Signature, VehicleIdentity, UNIT,
};
use polkadot_sdk::{
	frame_support::{parameter_types, traits::ConstU32},
	sp_runtime::traits::Verify,
};

parameter_types! {
	/// Held from the manufacturer for its repository: the root metadata (three roles of up to
	/// 8 keys), 16 delegations and 32 revoked keys at their bounds, about 10 KB.
	pub const RepositoryDeposit: Balance = 10 * UNIT;
	/// Held per stored root version beyond the first: the root history's 40-byte entry, and
	/// a price on rotating for nothing.
	pub const RootVersionDeposit: Balance = UNIT / 10;
	/// Held from the manufacturer per image, whoever signed it: about 400 bytes at bounds
	/// plus the newest-release entries of its hardware ids.
	pub const ImageDeposit: Balance = UNIT / 2;
	/// Held from the manufacturer per campaign: 16 targets and 8 selectors, about 2 KB.
	pub const CampaignDeposit: Balance = 2 * UNIT;
	/// Held from a vehicle's device at its first report: four reports and the revealed
	/// installation of 16 ECUs, about 1 KB.
	pub const ReportDeposit: Balance = UNIT;
}

impl pallet_software_updates::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Vehicles = VehicleIdentity;
	type KeySignature = Signature;
	type KeyPublic = <Signature as Verify>::Signer;
	/// Uptane's examples use up to a few keys a role; 8 leaves room for a manufacturer's
	/// offline key ceremony (a 5-of-8 root).
	type MaxKeys = ConstU32<8>;
	type MaxHardwareIds = ConstU32<8>;
	type MaxImages = ConstU32<256>;
	type MaxDelegations = ConstU32<16>;
	type MaxRevokedKeys = ConstU32<32>;
	type MaxCampaigns = ConstU32<32>;
	/// A car has tens of ECUs; one campaign updates at most 16 of them together.
	type MaxCampaignTargets = ConstU32<16>;
	type MaxSelectors = ConstU32<8>;
	type MaxEcus = ConstU32<16>;
	type MaxReports = ConstU32<4>;
	type RepositoryDeposit = RepositoryDeposit;
	type RootVersionDeposit = RootVersionDeposit;
	type ImageDeposit = ImageDeposit;
	type CampaignDeposit = CampaignDeposit;
	type ReportDeposit = ReportDeposit;
	type WeightInfo = pallet_software_updates::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = super::benchmarking::RegisteredVehicles;
}
