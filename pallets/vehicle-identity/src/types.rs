//! What the identity pallet stores.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::{
	frame_support::{
		traits::ConstU32, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
	},
	frame_system::pallet_prelude::BlockNumberFor,
};
use scale_info::TypeInfo;
pub use v2x_primitives::Powertrain;
use v2x_primitives::{VehicleStatus, Vin, Wmi};

use crate::{BalanceOf, Config};

/// A 32-byte hash of off-chain documents (blake2-256 or sha2-256, as the publisher chose).
pub type DocumentHash = [u8; 32];

/// Battery capacity in watt-hours (a 75 kWh pack is 75_000).
pub type WattHours = u32;

/// The first car was built in 1886: no model year comes before.
pub const EARLIEST_MODEL_YEAR: u16 = 1886;

/// A manufacturer's name, bounded as in storage.
pub type NameOf<T> = BoundedVec<u8, <T as Config>::MaxNameLength>;
/// A manufacturer's WMI codes, bounded as in storage.
pub type WmisOf<T> = BoundedVec<Wmi, <T as Config>::MaxWmisPerManufacturer>;
/// A metadata URI, bounded as in storage.
pub type UriOf<T> = BoundedVec<u8, <T as Config>::MaxUriLength>;

/// A manufacturer approved by governance, with the WMI codes it owns.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Manufacturer<T: Config> {
	/// Brand or company name, as shown to users.
	pub name: NameOf<T>,
	/// The World Manufacturer Identifiers of its VINs.
	pub wmis: WmisOf<T>,
}

/// A registered vehicle.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Vehicle<T: Config> {
	pub vin: Vin,
	/// The manufacturer account that registered it (and holds its deposit).
	pub manufacturer: T::AccountId,
	pub owner: T::AccountId,
	pub model_year: u16,
	pub powertrain: Powertrain,
	/// Traction battery capacity; `Some` exactly for electrified powertrains.
	pub battery_capacity: Option<WattHours>,
	/// Hash of the off-chain vehicle documents (certificate of conformity, specification).
	pub metadata_hash: DocumentHash,
	/// Where those documents can be fetched.
	pub metadata_uri: UriOf<T>,
	pub status: VehicleStatus,
	/// The lender holding a lien: while set, the vehicle cannot be sold.
	pub lien: Option<T::AccountId>,
	/// The deposit held from the manufacturer for this entry.
	pub deposit: BalanceOf<T>,
	pub registered_at: BlockNumberFor<T>,
}

/// An owner's offer to sell a vehicle to one buyer.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct SaleOffer<T: Config> {
	/// The owner who made the offer: a new owner does not inherit it.
	pub seller: T::AccountId,
	pub buyer: T::AccountId,
	/// What the buyer pays on acceptance; `None` for a gift or an off-chain payment.
	pub price: Option<BalanceOf<T>>,
	/// The last block in which the buyer can accept.
	pub expires_at: BlockNumberFor<T>,
}

/// An account the owner let act for the vehicle: a device signing telemetry (bound, or
/// invited and not accepted yet), or an operator (lessee, car-sharing user, fleet driver)
/// until a block.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Delegate<T: Config> {
	pub account: T::AccountId,
	/// Operators act until this block, inclusive; devices until unbound (`None`).
	pub until: Option<BlockNumberFor<T>>,
	/// Held from the owner who created the entry, released when it goes.
	pub deposit: BalanceOf<T>,
}

/// Whether an account is bound to a vehicle as its device or as an operator.
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
pub enum DelegateKind {
	Device,
	Operator,
}

/// A vehicle the genesis config registers: `(manufacturer, VIN, owner, model year,
/// powertrain, battery capacity)`.
pub type GenesisVehicle<AccountId> =
	(AccountId, alloc::vec::Vec<u8>, AccountId, u16, Powertrain, Option<WattHours>);

/// How many sales a vehicle's history keeps in full; older ones are only counted.
pub const MAX_RECENT_SALES: u32 = 8;

/// One change of owner.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Sale<T: Config> {
	pub seller: T::AccountId,
	pub buyer: T::AccountId,
	/// What the buyer paid on chain; `None` for a gift or an off-chain payment.
	pub price: Option<BalanceOf<T>>,
	pub at: BlockNumberFor<T>,
}

/// A vehicle's owners before the current one.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct PastOwners<T: Config> {
	/// Every earlier owner: one per sale.
	pub count: u32,
	/// The latest sales, oldest first.
	pub recent: BoundedVec<Sale<T>, ConstU32<MAX_RECENT_SALES>>,
}
