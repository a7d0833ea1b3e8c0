//! What the road-usage pallet stores, what its calls take, and what its genesis builds.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::{
	frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound},
	frame_system,
	sp_core::H256,
	sp_runtime::Perbill,
};
use scale_info::TypeInfo;
use v2x_primitives::VehicleId;

use crate::{BalanceOf, Config};

/// A toll context's number, assigned in order from 0.
pub type ContextId = u32;
/// A declaration batch's number, assigned in order from 0 across all contexts.
pub type BatchId = u64;
/// A platoon's number, assigned in order from 0.
pub type PlatoonId = u64;
/// A tariff version's number within its context, assigned in order from 0.
pub type TariffVersionId = u32;
/// Days since 1970-01-01 UTC (wall-clock days: tolls are incurred off chain at wall-clock times).
pub type Day = u32;
/// The toll charger's or provider's off-chain id of a passage or a distance segment: each is
/// charged at most once.
pub type EventId = H256;
/// The toll charger's vehicle class code (axles, weight, emission class).
pub type VehicleClass = u8;
/// The toll charger's time band code (0 for passage contexts).
pub type TimeBand = u8;

type AccountIdOf<T> = <T as frame_system::Config>::AccountId;

/// A charger's or provider's name.
pub type NameOf<T> = BoundedVec<u8, <T as Config>::MaxNameLength>;
/// A toll context's domain name ("A8 Munich-Salzburg").
pub type DomainOf<T> = BoundedVec<u8, <T as Config>::MaxDomainLength>;
/// The prices of one tariff version, strictly sorted by (class, band).
pub type PricesOf<T> = BoundedVec<TariffPrice<BalanceOf<T>>, <T as Config>::MaxTariffPrices>;
/// A context's registered gantries (the accounts whose signatures attest passages).
pub type GantriesOf<T> = BoundedVec<AccountIdOf<T>, <T as Config>::MaxGantries>;
/// A vehicle's provider history, oldest first.
pub type ServicePeriodsOf<T> =
	BoundedVec<ServicePeriod<AccountIdOf<T>>, <T as Config>::MaxServicePeriods>;
/// The (band, quantity) lines of one declaration.
pub type UsageOf<T> = BoundedVec<Usage, <T as Config>::MaxUsageLines>;
/// The event ids one declaration charges.
pub type DeclaredEventsOf<T> = BoundedVec<EventId, <T as Config>::MaxEventsPerDeclaration>;
/// The declarations a provider submits in one batch.
pub type DeclarationInputsOf<T> =
	BoundedVec<DeclarationInput<T>, <T as Config>::MaxDeclarationsPerBatch>;
/// The declarations of a stored batch.
pub type DeclarationsOf<T> = BoundedVec<Declaration<T>, <T as Config>::MaxDeclarationsPerBatch>;
/// The event ids charged for one vehicle on one day in one context, with who charged them.
pub type ChargedEventsOf<T> = BoundedVec<ChargedEvent, <T as Config>::MaxEventsPerVehicleDay>;
/// A platoon's followers.
pub type FollowersOf<T> = BoundedVec<Follower<T>, <T as Config>::MaxFollowers>;
/// The follower attestations of a segment: (vehicle, km, paid).
pub type AttestationsOf<T> = BoundedVec<(VehicleId, u32, bool), <T as Config>::MaxFollowers>;

/// What a toll context charges for.
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
pub enum ChargeKind {
	/// Per passage (a bridge, a tunnel, a gantry): quantities are passages, band 0.
	Passage,
	/// Per km (a road network, a zone), by time band: quantities are km.
	Distance,
}

/// The price of one (vehicle class, time band): per passage (band 0) or per km.
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
pub struct TariffPrice<Balance> {
	pub class: VehicleClass,
	pub band: TimeBand,
	pub price: Balance,
}

/// One published version of a context's tariff; immutable once published. The version valid
/// on day `d` is the newest with `valid_from <= d`.
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
pub struct TariffVersion<T: Config> {
	pub valid_from: Day,
	pub prices: PricesOf<T>,
}

/// A toll charger (road operator), approved by governance.
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
pub struct Charger<T: Config> {
	pub name: NameOf<T>,
	/// How many toll contexts it created.
	pub contexts: u32,
}

/// A toll service provider, approved by governance.
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
pub struct Provider<T: Config> {
	pub name: NameOf<T>,
	/// Takes new clients and declares; a revoked provider's open batches still settle.
	pub active: bool,
	/// Held `ProviderBond`: pays accepted batches.
	pub bond: BalanceOf<T>,
	/// The net of its Pending and Disputed batches: the bond must cover it.
	pub obligations: BalanceOf<T>,
}

/// A toll context: a domain a toll charger charges on, by passage or by km.
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
pub struct TollContext<T: Config> {
	pub charger: AccountIdOf<T>,
	pub domain: DomainOf<T>,
	pub kind: ChargeKind,
	/// The id the next tariff version gets (= how many were ever published).
	pub next_version: TariffVersionId,
	/// The oldest tariff version still kept (older ones can price no declaration any more).
	pub oldest_version: TariffVersionId,
	pub gantries: GantriesOf<T>,
	/// `ContextDeposit`, held from the charger.
	pub deposit: BalanceOf<T>,
}

/// A provider serving a vehicle from day `from` to day `until` (both inclusive; `None`: open).
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct ServicePeriod<AccountId> {
	pub provider: AccountId,
	pub from: Day,
	pub until: Option<Day>,
}

impl<AccountId: PartialEq> ServicePeriod<AccountId> {
	/// Whether `provider` serves the vehicle on `day` under this period.
	pub fn serves(&self, provider: &AccountId, day: Day) -> bool {
		self.provider == *provider && self.covers(day)
	}

	/// Whether `day` lies in this period.
	pub fn covers(&self, day: Day) -> bool {
		self.from <= day && day <= self.until.unwrap_or(Day::MAX)
	}
}

/// An owner's prepaid toll balance for one vehicle, held `Prepaid` from `owner`.
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
pub struct PrepaidBalance<T: Config> {
	pub owner: AccountIdOf<T>,
	pub amount: BalanceOf<T>,
}

/// One line of a declaration: `quantity` passages or km in time band `band`.
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
pub struct Usage {
	pub band: TimeBand,
	pub quantity: u32,
}

/// Points at a declaration: its batch and its position in it.
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
pub struct DeclarationRef {
	pub batch: BatchId,
	pub index: u16,
}

/// What a provider declares for one vehicle on one day (an EN ISO 12855 toll declaration).
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
pub struct DeclarationInput<T: Config> {
	pub vehicle: VehicleId,
	pub day: Day,
	pub class: VehicleClass,
	pub usage: UsageOf<T>,
	pub events: DeclaredEventsOf<T>,
	/// The Merkle root of the EN ISO 12855 billing details (gantry, time, place) kept off chain.
	pub details_root: H256,
	/// The accepted declaration this one replaces (a correction is a new entry, never an edit).
	pub corrects: Option<DeclarationRef>,
}

/// A declaration as a batch stores it, priced.
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
pub struct Declaration<T: Config> {
	pub vehicle: VehicleId,
	pub day: Day,
	pub class: VehicleClass,
	/// The tariff version valid on `day`, which priced it.
	pub version: TariffVersionId,
	/// Σ price × quantity.
	pub amount: BalanceOf<T>,
	/// The corrected declaration's amount, credited back; 0 if not a correction.
	pub reverses: BalanceOf<T>,
	/// How many event ids it charged.
	pub events: u32,
	pub details_root: H256,
	pub corrects: Option<DeclarationRef>,
	/// The batch whose declaration corrects this one.
	pub corrected_by: Option<BatchId>,
}

/// Where a batch stands.
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
pub enum BatchStatus {
	/// Waiting for the toll charger, up to `AcceptancePeriod` blocks.
	Pending,
	/// The toll charger disputed it: governance decides.
	Disputed { reason: H256 },
	/// Paid (or credited): final.
	Accepted,
	/// Governance rejected the dispute's batch: nothing paid, its events free again.
	Rejected,
}

/// A provider's declarations for one context, billed to its toll charger together.
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
	pub context: ContextId,
	pub provider: AccountIdOf<T>,
	pub charger: AccountIdOf<T>,
	pub submitted_at: frame_system::pallet_prelude::BlockNumberFor<T>,
	pub status: BatchStatus,
	/// Σ amount.
	pub charges: BalanceOf<T>,
	/// Σ reverses.
	pub credits: BalanceOf<T>,
	/// `charges.saturating_sub(credits)`, counted in the provider's obligations while open.
	pub obligation: BalanceOf<T>,
	pub declarations: DeclarationsOf<T>,
	/// `BatchDeposit` + n × `DeclarationDeposit`, held from the provider.
	pub deposit: BalanceOf<T>,
}

/// Who charged an event id.
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
pub enum ChargedBy {
	/// A declaration of this batch.
	Batch(BatchId),
	/// A passage the vehicle's device paid from the prepaid balance.
	Direct,
}

/// An event id charged for a vehicle-day.
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
pub struct ChargedEvent {
	pub event: EventId,
	pub by: ChargedBy,
}

/// The event ids charged for one vehicle on one day in one context (any provider, any batch,
/// direct passages): each is charged once.
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
pub struct VehicleDay<T: Config> {
	/// Who created the entry (a provider or a device) and gets `deposit` back at prune.
	pub depositor: AccountIdOf<T>,
	/// `VehicleDayDeposit`, held `Deposit` from the depositor.
	pub deposit: BalanceOf<T>,
	pub events: ChargedEventsOf<T>,
}

/// What a vehicle paid in tolls and drove in platoons, for its passport.
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
pub struct VehicleTotals<Balance> {
	/// Direct passages, plus accepted declarations' net of their corrections.
	pub paid: Balance,
	/// Direct passages.
	pub passages: u32,
	/// Accepted declarations (a correction replaces one: not counted again).
	pub declarations: u32,
	pub km_led: u64,
	pub km_followed: u64,
}

/// A passage a vehicle's device reports with the gantry's attestation, to pay it at once.
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
pub struct Passage {
	pub vehicle: VehicleId,
	pub day: Day,
	pub event: EventId,
	pub class: VehicleClass,
}

/// A platoon's payment rule, fixed at formation: followers pay the leader `leader_share` of
/// their estimated fuel saving per km.
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
#[serde(rename_all = "camelCase")]
pub struct PlatoonRule<Balance> {
	/// The estimated fuel saving of a follower per km.
	pub saving_per_km: Balance,
	/// The part of it paid to the leader.
	pub leader_share: Perbill,
}

/// A truck following a platoon's leader.
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
pub struct Follower<T: Config> {
	pub vehicle: VehicleId,
	/// Who joined it: pays from `held` (`PlatoonEscrow`) and gets the rest back.
	pub payer: AccountIdOf<T>,
	pub max_km: u32,
	pub paid_km: u32,
	pub held: BalanceOf<T>,
}

/// A stretch the platoon drives together; paid per follower once the leader and that follower
/// both attested it.
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
pub struct Segment<T: Config> {
	pub number: u32,
	pub planned_km: u32,
	/// The km the leader attested.
	pub leader_km: Option<u32>,
	/// The followers' attestations: (vehicle, km, paid).
	pub attested: AttestationsOf<T>,
}

/// Trucks driving close behind a leader, who is paid per km they attest together.
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
pub struct Platoon<T: Config> {
	pub leader: VehicleId,
	/// The leader's caller: receives the followers' payments.
	pub payee: AccountIdOf<T>,
	pub rule: PlatoonRule<BalanceOf<T>>,
	/// `rule.leader_share.mul_floor(rule.saving_per_km)`, above zero.
	pub price_per_km: BalanceOf<T>,
	pub followers: FollowersOf<T>,
	pub segment: Option<Segment<T>>,
	/// The number the next segment gets.
	pub next_segment: u32,
	/// `PlatoonDeposit`, held from the payee.
	pub deposit: BalanceOf<T>,
}

/// A toll context the genesis config creates with tariff version 0 (valid from day 0).
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GenesisContext<AccountId, Balance> {
	/// A charger of the genesis config; the context deposit is held from it.
	pub charger: AccountId,
	pub domain: Vec<u8>,
	pub kind: ChargeKind,
	pub prices: Vec<TariffPrice<Balance>>,
	pub gantries: Vec<AccountId>,
}

/// A platoon the genesis config forms (deposits and escrows held).
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GenesisPlatoon<AccountId, Balance> {
	pub leader: VehicleId,
	pub payee: AccountId,
	pub rule: PlatoonRule<Balance>,
	/// (vehicle, payer, max km).
	pub followers: Vec<(VehicleId, AccountId, u32)>,
}
