//! What the insurance pallet stores, and what its runtime API returns.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::{
	frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound},
	frame_system::pallet_prelude::BlockNumberFor,
};
use scale_info::TypeInfo;
use v2x_primitives::{Km, VehicleId};

use crate::{BalanceOf, Config};

/// A product's number, assigned in order from 0 across all insurers.
pub type ProductId = u32;
/// A policy's number, assigned in order from 0.
pub type PolicyId = u64;
/// A claim's number, assigned in order from 0.
pub type ClaimId = u64;
/// A 32-byte hash of off-chain documents (terms and conditions, claim evidence).
pub type DocumentHash = [u8; 32];

/// An insurer's name, bounded as in storage.
pub type NameOf<T> = BoundedVec<u8, <T as Config>::MaxNameLength>;
/// Product terms as stored for a runtime.
pub type ProductTermsOf<T> = ProductTerms<BalanceOf<T>, BlockNumberFor<T>>;
/// A product as stored for a runtime.
pub type ProductOf<T> =
	Product<<T as polkadot_sdk::frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
/// A policy as stored for a runtime.
pub type PolicyOf<T> =
	Policy<<T as polkadot_sdk::frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
/// A claim as stored for a runtime.
pub type ClaimOf<T> =
	Claim<<T as polkadot_sdk::frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

/// Counts of risk events a device reported: the surcharges apply to each.
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct RiskEvents {
	/// Harsh braking events.
	pub harsh_braking: u32,
	/// Speeding events.
	pub speeding: u32,
	/// Kilometres driven at night.
	pub night_km: u32,
}

impl RiskEvents {
	/// Both counts added up, saturating.
	pub fn saturating_add(self, other: RiskEvents) -> RiskEvents {
		RiskEvents {
			harsh_braking: self.harsh_braking.saturating_add(other.harsh_braking),
			speeding: self.speeding.saturating_add(other.speeding),
			night_km: self.night_km.saturating_add(other.night_km),
		}
	}
}

/// The price of each risk event (and of each night km).
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct RiskSurcharges<Balance> {
	/// Per harsh braking event.
	pub harsh_braking: Balance,
	/// Per speeding event.
	pub speeding: Balance,
	/// Per km driven at night.
	pub night_km: Balance,
}

/// What an insurer offers: never changed once published.
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
	serde::Serialize,
	serde::Deserialize,
)]
pub struct ProductTerms<Balance, BlockNumber> {
	/// The premium of each period, whatever the usage.
	pub base_premium: Balance,
	/// The price of each km driven.
	pub rate_per_km: Balance,
	/// The price of each risk event.
	pub surcharges: RiskSurcharges<Balance>,
	/// A period's length, in blocks.
	pub period_length: BlockNumber,
	/// What the holder bears of each claim.
	pub deductible: Balance,
	/// The most the policy pays out over its life.
	pub max_cover: Balance,
	/// Hash of the full terms and conditions, off chain.
	pub terms_hash: DocumentHash,
}

/// A published product.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Product<AccountId, Balance, BlockNumber> {
	/// Who sells it, pays its claims and holds its deposit.
	pub insurer: AccountId,
	pub terms: ProductTerms<Balance, BlockNumber>,
	/// Retired products sell no new policies; running ones keep their terms.
	pub retired: bool,
	/// Active policies on this product.
	pub open_policies: u32,
	/// Held from the insurer; zero once released (retired and no open policy).
	pub deposit: Balance,
}

/// An insurer approved by governance. Its capital pool is not here: it is the insurer's
/// balance on hold for [`HoldReason::Pool`](crate::HoldReason::Pool).
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Insurer<T: Config> {
	/// Business name, as shown to buyers.
	pub name: NameOf<T>,
	/// Suspended insurers publish no products and sell no policies; running ones go on.
	pub suspended: bool,
	/// Sum of the remaining cover of its active policies.
	pub exposure: BalanceOf<T>,
	/// Sum of the possible payouts of its undecided (filed or escalated) claims.
	pub claims_reserved: BalanceOf<T>,
	/// Its products that are not retired (at most `MaxProductsPerInsurer`).
	pub products: u32,
}

/// What a policy's running period has seen so far.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Usage {
	/// Km driven, as the odometer history accepted them.
	pub km: Km,
	/// Risk events reported.
	pub events: RiskEvents,
}

/// Why a policy ended.
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
pub enum EndReason {
	/// The holder cancelled it.
	Cancelled,
	/// A period's premium was more than the prepayment.
	Lapsed,
	/// The vehicle was sold.
	VehicleSold,
	/// The vehicle was reported stolen.
	VehicleStolen,
	/// The vehicle was scrapped.
	VehicleScrapped,
	/// The holder could no longer operate the vehicle (an operator's right ended): found at
	/// a renewal, or ended early by anyone (`end_holder_left`) or by a new purchase.
	HolderLeft,
}

/// Whether a policy covers its vehicle.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub enum PolicyStatus<BlockNumber> {
	/// It covers the vehicle and renews at each period's end.
	Active,
	/// It ended in block `at`; claims may be filed until `ClaimWindow` blocks later.
	Ended { at: BlockNumber, reason: EndReason },
}

/// What a policy's holder was to the vehicle when it bought the policy.
///
/// A device's usage report must refuse a policy whose holder may no longer operate the
/// vehicle. An owner's policy ends with the ownership: a sale, a theft report and scrapping
/// end it through the vehicle hooks. So while an owner's policy is active its holder still
/// owns the vehicle, and the report does not look the owner up (one read less on the hot
/// path; `try_state` checks it). An operator's right ends on its own (expiry, revocation), so
/// the report looks it up.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub enum HolderRole {
	/// The vehicle's owner.
	Owner,
	/// An operator, with a right until a block.
	Operator,
}

/// A policy: a holder's cover of a vehicle under a product's terms.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Policy<AccountId, Balance, BlockNumber> {
	/// Who bought it, holds its prepayment and deposit, and files its claims.
	pub holder: AccountId,
	pub vehicle: VehicleId,
	pub product: ProductId,
	pub insurer: AccountId,
	pub status: PolicyStatus<BlockNumber>,
	pub started_at: BlockNumber,
	/// The first block of the running period.
	pub period_start: BlockNumber,
	/// The last block of the running period (inclusive).
	pub period_end: BlockNumber,
	/// Its key in `DueAt`: when `on_idle` settles it.
	pub scheduled_at: BlockNumber,
	/// What is left of the prepayment, held from the holder.
	pub prepaid: Balance,
	/// What the policy may still pay out.
	pub cover_left: Balance,
	/// The running period's usage.
	pub usage: Usage,
	/// The odometer's distance the running usage counts from; `None` until the first reading.
	pub last_km: Option<Km>,
	/// What the prepayment did not cover when the policy lapsed.
	pub shortfall: Balance,
	/// Claims filed and not closed yet.
	pub open_claims: u32,
	/// Held from the holder until the policy record is closed.
	pub deposit: Balance,
	/// The product's terms (published terms never change): a usage report checks the
	/// period's premium against this copy instead of reading the product.
	pub terms: ProductTerms<Balance, BlockNumber>,
	/// Whether the holder bought it as the owner or as an operator.
	pub holder_role: HolderRole,
}

/// Why an insurer rejected a claim.
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
pub enum RejectionReason {
	/// The loss is not covered by the terms.
	NotCovered,
	/// The evidence does not support the claim.
	InsufficientEvidence,
	/// The insurer suspects fraud.
	SuspectedFraud,
	/// Another reason, given off chain.
	Other,
}

/// Where a claim is.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub enum ClaimStatus<BlockNumber> {
	/// Waiting for the insurer's decision.
	Filed,
	/// The insurer rejected it in block `at`; the holder may escalate it for
	/// `EscalationWindow` blocks.
	Rejected { at: BlockNumber, reason: RejectionReason },
	/// Waiting for governance's final decision.
	Escalated,
}

/// A claim on a policy.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Claim<AccountId, Balance, BlockNumber> {
	pub policy: PolicyId,
	/// The policy's holder, who holds the claim deposit.
	pub holder: AccountId,
	pub insurer: AccountId,
	/// The loss claimed, before the deductible.
	pub amount: Balance,
	/// The possible payout kept in the insurer's pool while the claim is undecided.
	pub reserved: Balance,
	/// Hash of the evidence, off chain.
	pub evidence: DocumentHash,
	pub filed_at: BlockNumber,
	pub status: ClaimStatus<BlockNumber>,
	/// Held from the holder until the claim is decided or closed.
	pub deposit: Balance,
}

/// An insurer's capital pool, as the runtime API shows it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct PoolInfo<Balance> {
	/// What the insurer holds in its pool.
	pub held: Balance,
	/// Sum of the remaining cover of its active policies.
	pub exposure: Balance,
	/// Possible payouts of its undecided claims.
	pub claims_reserved: Balance,
	/// What the pool must hold: `SolvencyRatio` x exposure + claims reserved.
	pub required: Balance,
	/// What the insurer may withdraw now.
	pub withdrawable: Balance,
}

/// An insurer the genesis config approves: `(account, name, pool)`.
pub type GenesisInsurer<AccountId, Balance> = (AccountId, alloc::vec::Vec<u8>, Balance);
/// A policy the genesis config sells: `(holder, vehicle, product, prepayment)`.
pub type GenesisPolicy<AccountId, Balance> = (AccountId, VehicleId, ProductId, Balance);
