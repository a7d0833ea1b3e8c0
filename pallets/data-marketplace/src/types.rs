//! What the data marketplace stores, and what its runtime API returns.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::{
	frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound},
	frame_system::pallet_prelude::BlockNumberFor,
};
use scale_info::TypeInfo;
use v2x_primitives::VehicleId;

use crate::{BalanceOf, Config};

/// A listing's number, assigned in order from 0 across all vehicles.
pub type ListingId = u64;

/// A 32-byte hash (blake2-256 or sha2-256): of a listing's terms, or of a data batch.
pub type Hash32 = [u8; 32];

/// A buyer's encryption public key (x25519 or similar): the gateway encrypts the data to it.
pub type PublicKey = [u8; 32];

/// Which data a listing sells and a batch carries.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum DataCategory {
	/// Diagnostic trouble codes and sensor readings.
	Diagnostics,
	/// GPS traces.
	LocationTraces,
	/// Speed, braking, acceleration: how the vehicle is driven.
	DrivingBehaviour,
	/// Traction battery state of charge, health and charging sessions.
	Battery,
	/// Camera, radar and LiDAR data of the driver assistance systems.
	AdasLidar,
	/// Infotainment usage.
	Infotainment,
	/// Event data recorder (crash / black box).
	CrashBlackbox,
	/// Anything else, by a number the parties agree on off chain.
	Other(u8),
}

/// A vehicle's consent epoch and how many listings were created in it.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct VehicleConsent {
	/// Bumped by every sale, theft report and scrapping: listings and grants of an older
	/// epoch give no access and take no purchases.
	pub epoch: u32,
	/// Listings of this epoch still in storage (open, or withdrawn with grants to settle).
	pub listings: u32,
}

/// When an older consent epoch of a vehicle ended, kept while listings of that epoch are
/// in storage (their grants' refunds are computed as of this block).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct EpochEnd<BlockNumber> {
	/// The block of the sale, theft report or scrapping: no access from this block on.
	pub at: BlockNumber,
	/// Listings of the epoch still in storage.
	pub listings: u32,
}

/// An offer of access to a vehicle's data, made by its owner.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(T))]
pub struct Listing<T: Config> {
	pub vehicle: VehicleId,
	/// The owner who listed (the data producer); paid the owner's share of its grants.
	pub seller: T::AccountId,
	pub category: DataCategory,
	/// The price of one access period.
	pub price: BalanceOf<T>,
	/// One access period, in blocks.
	pub duration: BlockNumberFor<T>,
	/// Hash of the licence terms, kept off chain.
	pub terms_hash: Hash32,
	/// If set, only these accounts may buy.
	pub allow_list: Option<AllowListOf<T>>,
	/// Held from the seller until withdrawal.
	pub deposit: BalanceOf<T>,
	/// The vehicle's consent epoch when it was listed.
	pub epoch: u32,
	/// Set when the seller (or anyone, for a void listing) withdrew it: no access from this
	/// block on. A withdrawn listing stays in storage until its grants are settled.
	pub ended_at: Option<BlockNumberFor<T>>,
	/// Grants bought on it and not yet settled (at most `MaxGrantsPerListing`).
	pub grants: u32,
}

/// The payouts of a grant so far, to each party.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct Shares<Balance> {
	pub owner: Balance,
	pub manufacturer: Balance,
	pub platform: Balance,
}

/// A buyer's access to a listing's data, paid from escrow as it is used.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(T))]
pub struct Grant<T: Config> {
	/// The listing's consent epoch (the vehicle's when bought).
	pub epoch: u32,
	/// The gateway encrypts the data to this key.
	pub public_key: PublicKey,
	/// The vehicle's manufacturer, paid the manufacturer's share.
	pub manufacturer: T::AccountId,
	/// The block the grant was bought: payment accrues from here.
	pub start: BlockNumberFor<T>,
	/// The first block without access; everything is paid out at this block.
	pub expires_at: BlockNumberFor<T>,
	/// Everything the buyer paid into escrow (the price times the periods bought).
	pub amount: BalanceOf<T>,
	/// What has left escrow to the parties so far.
	pub released: BalanceOf<T>,
	/// What each party got so far; the three add up to `released`.
	pub paid: Shares<BalanceOf<T>>,
}

/// One published batch of a vehicle's data: where to fetch it and how to check it.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(T))]
pub struct Batch<T: Config> {
	/// The batch's number among the vehicle's batches of its category, from 0.
	pub seq: u32,
	/// Hash of the (unencrypted) batch.
	pub hash: Hash32,
	/// Where a gateway serves it.
	pub uri: UriOf<T>,
	/// The time range the data covers, Unix seconds, inclusive.
	pub from: u64,
	pub to: u64,
	/// The owner or device that published it.
	pub publisher: T::AccountId,
	pub published_at: BlockNumberFor<T>,
}

/// A listing's buyer allow-list, bounded as in storage.
pub type AllowListOf<T> = BoundedVec<
	<T as polkadot_sdk::frame_system::Config>::AccountId,
	<T as Config>::MaxAllowListLength,
>;
/// A batch URI, bounded as in storage.
pub type UriOf<T> = BoundedVec<u8, <T as Config>::MaxUriLength>;

/// A listing as the runtime API returns it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct ListingInfo<AccountId, Balance, BlockNumber> {
	pub id: ListingId,
	pub vehicle: VehicleId,
	pub seller: AccountId,
	pub category: DataCategory,
	pub price: Balance,
	pub duration: BlockNumber,
	pub terms_hash: Hash32,
	pub allow_list: Option<Vec<AccountId>>,
	/// Whether it takes purchases now (not withdrawn, vehicle active, no sale or theft since).
	pub open: bool,
}

/// A grant as the runtime API returns it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct GrantInfo<Balance, BlockNumber> {
	pub listing: ListingId,
	pub vehicle: VehicleId,
	pub category: DataCategory,
	pub public_key: PublicKey,
	pub start: BlockNumber,
	pub expires_at: BlockNumber,
	/// The block access ended early (withdrawal, sale, theft, scrapping, renouncing), if it did.
	pub ended_at: Option<BlockNumber>,
	/// Whether it gives access now.
	pub active: bool,
	/// Still held in escrow.
	pub escrow: Balance,
}

/// What settling a grant now would move: to each party, and back to the buyer.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct Due<Balance> {
	/// Due to each party now, beyond what it was paid.
	pub shares: Shares<Balance>,
	/// Goes back to the buyer now: the unused part of an ended grant, zero for a live one.
	pub refund: Balance,
}

/// A batch as the runtime API returns it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct BatchInfo<AccountId, BlockNumber> {
	pub seq: u32,
	pub hash: Hash32,
	pub uri: Vec<u8>,
	pub from: u64,
	pub to: u64,
	pub publisher: AccountId,
	pub published_at: BlockNumber,
}

/// A listing the genesis config seeds for the vehicle's current owner, without a deposit.
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GenesisListing<AccountId, Balance, BlockNumber> {
	pub vehicle: VehicleId,
	pub category: DataCategory,
	pub price: Balance,
	pub duration: BlockNumber,
	pub terms_hash: Hash32,
	pub allow_list: Option<Vec<AccountId>>,
}

/// What an owner offers in a listing.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
pub struct ListingTerms<T: Config> {
	pub category: DataCategory,
	pub price: BalanceOf<T>,
	pub duration: BlockNumberFor<T>,
	pub terms_hash: Hash32,
	pub allow_list: Option<AllowListOf<T>>,
}
