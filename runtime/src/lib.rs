//! The V2X Chain runtime.
//!
//! A solochain runtime (Aura blocks, GRANDPA finality, 6 s slots, validators changed by the
//! consortium council) with the standard FRAME pallets and the vehicle-data pallets of V2X
//! Chain. Each pallet's configuration lives in
//! `configs/`, the runtime APIs in `apis.rs` and the chain spec presets in
//! `genesis_config_presets.rs`.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime` and `impl_runtime_apis` expand to deeply nested types.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::vec::Vec;

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod genesis_config_presets;
pub mod migrations;
pub mod passport;
#[cfg(test)]
mod tests;
pub mod weights;

use polkadot_sdk::{
	sp_runtime::{
		generic, impl_opaque_keys,
		traits::{BlakeTwo256, IdentifyAccount, Verify},
		MultiAddress, MultiSignature,
	},
	sp_version::RuntimeVersion,
	*,
};

#[cfg(feature = "std")]
pub use polkadot_sdk::sp_runtime::BuildStorage;

/// Block number: 32 bits last for 800 years of 6 s blocks.
pub type BlockNumber = u32;
/// Signatures accepted by the chain: sr25519, ed25519 and ecdsa, as Polkadot.js signs.
pub type Signature = MultiSignature;
/// An account is the public key of its signing scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// Balance of an account, in the smallest unit (12 decimals to a V2X).
pub type Balance = u128;
/// Transaction counter of an account.
pub type Nonce = u32;
/// Block and state hashes.
pub type Hash = polkadot_sdk::sp_core::H256;

/// One V2X in the smallest unit.
pub const UNIT: Balance = 1_000_000_000_000;
/// A thousandth of a V2X.
pub const MILLI_UNIT: Balance = UNIT / 1_000;
/// A millionth of a V2X.
pub const MICRO_UNIT: Balance = UNIT / 1_000_000;
/// The minimum balance an account must keep to exist.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;
/// Token symbol and decimals shown by wallets (chain properties).
pub const TOKEN_SYMBOL: &str = "V2X";
pub const TOKEN_DECIMALS: u8 = 12;
/// SS58 address prefix: the generic Substrate prefix, so dev accounts look familiar.
pub const SS58_PREFIX: u16 = 42;

/// Target block time. Aura slots have this length; it can't change after genesis.
pub const MILLI_SECS_PER_BLOCK: u64 = 6_000;
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
pub const HOURS: BlockNumber = MINUTES * 60;
pub const DAYS: BlockNumber = HOURS * 24;

/// Types the node needs without knowing the runtime's extrinsic format.
pub mod opaque {
	use super::*;
	pub use polkadot_sdk::sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;

	impl_opaque_keys! {
		/// The session keys of a validator: Aura for blocks, GRANDPA for finality.
		pub struct SessionKeys {
			pub aura: Aura,
			pub grandpa: Grandpa,
		}
	}
}

#[cfg(not(feature = "spec-version-bump"))]
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("v2x-runtime"),
	impl_name: alloc::borrow::Cow::Borrowed("v2x-runtime"),
	authoring_version: 1,
	// Bump on every change of runtime logic: nodes then use the new on-chain Wasm.
	spec_version: 100,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	// Bump when the encoding of calls or transaction extensions changes.
	transaction_version: 1,
	system_version: 1,
};

/// Test only (`spec-version-bump`): the same runtime one `spec_version` higher, built by
/// `zombienet/upgrade-runtime` for the runtime upgrade test. `runtime_version` takes literals
/// only, hence a second constant: when bumping `spec_version` above, bump this one too.
#[cfg(feature = "spec-version-bump")]
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("v2x-runtime"),
	impl_name: alloc::borrow::Cow::Borrowed("v2x-runtime"),
	authoring_version: 1,
	spec_version: 101,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	// Bump when the encoding of calls or transaction extensions changes.
	transaction_version: 1,
	system_version: 1,
};

/// The address format for describing accounts.
pub type Address = MultiAddress<AccountId, ()>;
/// Block header type as expected by this runtime.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block type as expected by this runtime.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// The transaction extensions: the standard checks, fees, and the metadata hash that
/// offline signers use to prove they showed the right call.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// Unchecked extrinsic type as expected by this runtime.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Executive: dispatches blocks and extrinsics to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
>;

#[frame_support::runtime]
mod runtime {
	use super::*;
	use polkadot_sdk::frame_support::instances::Instance1;

	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;
	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;
	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;
	#[runtime::pallet_index(6)]
	pub type Sudo = pallet_sudo;
	#[runtime::pallet_index(7)]
	pub type Utility = pallet_utility;
	// Knows the block's author, who is paid the transaction fees.
	#[runtime::pallet_index(8)]
	pub type Authorship = pallet_authorship;
	// Before Session: the session pallet's genesis asks it for the first validators.
	#[runtime::pallet_index(9)]
	pub type ValidatorSet = pallet_validator_set;
	#[runtime::pallet_index(10)]
	pub type Session = pallet_session;
	#[runtime::pallet_index(11)]
	pub type Council = pallet_collective<Instance1>;
	#[runtime::pallet_index(12)]
	pub type CouncilMembership = pallet_membership<Instance1>;
	#[runtime::pallet_index(13)]
	pub type Treasury = pallet_treasury;
	#[runtime::pallet_index(14)]
	pub type Proxy = pallet_proxy;
	#[runtime::pallet_index(15)]
	pub type Multisig = pallet_multisig;
	#[runtime::pallet_index(16)]
	pub type Preimage = pallet_preimage;
	#[runtime::pallet_index(17)]
	pub type Whitelist = pallet_whitelist;
	// Vehicle-data pallets start at 20, leaving room for more standard pallets.
	#[runtime::pallet_index(20)]
	pub type VehicleIdentity = pallet_vehicle_identity;
	// After VehicleIdentity: its genesis records need the genesis vehicles.
	#[runtime::pallet_index(21)]
	pub type ServiceBook = pallet_service_book;
	// After VehicleIdentity: its genesis policies need the genesis vehicles.
	#[runtime::pallet_index(22)]
	pub type UsageInsurance = pallet_usage_insurance;
	#[runtime::pallet_index(23)]
	pub type SharedCharging = pallet_shared_charging;
	// After VehicleIdentity: genesis listings need the genesis vehicles.
	#[runtime::pallet_index(24)]
	pub type DataMarketplace = pallet_data_marketplace;
	// After VehicleIdentity: genesis co-ops need their vehicles.
	#[runtime::pallet_index(25)]
	pub type CarSharing = pallet_car_sharing;
	// After VehicleIdentity: genesis subscriptions, prepaid balances and platoons need vehicles.
	#[runtime::pallet_index(26)]
	pub type RoadUsage = pallet_road_usage;
	// After VehicleIdentity and ServiceBook: genesis leases need their vehicles, a lender and
	// an odometer reading.
	#[runtime::pallet_index(27)]
	pub type UsageLeasing = pallet_usage_leasing;
	// After VehicleIdentity: a genesis shipment in transit is loaded on a registered truck.
	#[runtime::pallet_index(28)]
	pub type Freight = pallet_freight;
	// After VehicleIdentity: a genesis report comes from a device bound to a registered car.
	#[runtime::pallet_index(29)]
	pub type SoftwareUpdates = pallet_software_updates;
}
