//! What the freight pallet stores, what its calls take, and what its genesis builds. The
//! vocabulary is GS1 EPCIS 2.0 / CBV 2.0: object, aggregation and transaction events, business
//! steps, dispositions and error declarations.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::{
	frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_core::H256,
};
use scale_info::TypeInfo;
use v2x_primitives::VehicleId;

use crate::{BalanceOf, Config};

/// A shipment's number, assigned in order from 0.
pub type ShipmentId = u64;
/// The index of an EPCIS event in its shipment's log, from 0.
pub type EventIndex = u32;
/// A GS1 Global Location Number (13 digits, as ASCII bytes): where a leg starts or ends, where
/// an event was read.
pub type Location = [u8; 13];
/// Tenths of a degree Celsius (2-8 °C = 20..=80).
pub type DeciCelsius = i16;

type AccountIdOf<T> = <T as frame_system::Config>::AccountId;

/// A shipment's legs, in the order they are run.
pub type LegsOf<T> = BoundedVec<Leg<AccountIdOf<T>>, <T as Config>::MaxLegs>;
/// An EPCIS event as the pallet stores it.
pub type EpcisEventOf<T> = EpcisEvent<AccountIdOf<T>, BlockNumberFor<T>>;
/// An error declaration as the pallet stores it.
pub type ErrorDeclarationOf<T> = ErrorDeclaration<AccountIdOf<T>, BlockNumberFor<T>>;
/// A pending hand-off offer as the pallet stores it.
pub type HandoffOf<T> = Handoff<AccountIdOf<T>, BlockNumberFor<T>>;
/// An open claim as the pallet stores it.
pub type ClaimOf<T> = Claim<BalanceOf<T>, BlockNumberFor<T>>;
/// A stored excursion.
pub type ExcursionOf<T> = Excursion<AccountIdOf<T>, BlockNumberFor<T>>;
/// A shipment's state.
pub type ShipmentStateOf<T> = ShipmentState<BlockNumberFor<T>>;
/// A genesis shipment of this runtime.
pub type GenesisShipmentOf<T> = GenesisShipment<AccountIdOf<T>, BalanceOf<T>, BlockNumberFor<T>>;

/// The logistic unit a shipment is. Ordered: a child's kind is lower than its parent's, so an
/// item goes into a pallet and a pallet into a container, never the other way.
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
pub enum UnitKind {
	/// A single trade item or parcel.
	Item,
	/// A pallet of items.
	Pallet,
	/// A container of pallets (or items).
	Container,
}

/// One leg of the journey and the carrier that runs it.
#[derive(
	Clone,
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
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Leg<AccountId> {
	/// The contracting carrier or its subcontractor.
	pub carrier: AccountId,
	pub from: Location,
	pub to: Location,
}

/// The temperature range the goods must stay in (inclusive), `min <= max`.
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
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ConditionSpec {
	pub min: DeciCelsius,
	pub max: DeciCelsius,
}

impl ConditionSpec {
	/// Whether the range is well formed.
	pub fn is_valid(&self) -> bool {
		self.min <= self.max
	}

	/// Whether `reading` lies outside the range.
	pub fn is_excursion(&self, reading: DeciCelsius) -> bool {
		reading < self.min || reading > self.max
	}
}

/// A pending custody hand-off: `to` may accept it until `expires_at` (inclusive).
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Handoff<AccountId, BlockNumber> {
	pub to: AccountId,
	pub expires_at: BlockNumber,
}

/// A dispute over the escrow: each party's offer of what the carrier should get.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Claim<Balance, BlockNumber> {
	pub opened_at: BlockNumber,
	pub shipper_offer: Option<Balance>,
	pub carrier_offer: Option<Balance>,
}

/// Where a shipment is in its life.
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
pub enum ShipmentState<BlockNumber> {
	/// Custody still with the shipper, never handed off: it may be cancelled.
	Created,
	/// Custody passed to a carrier at least once.
	InTransit,
	/// The consignee recorded its proof of delivery; the claim window runs from `at`.
	Delivered { at: BlockNumber },
	/// The escrow was paid out or refunded; removable `RetentionPeriod` after `at`.
	Closed { at: BlockNumber },
}

impl<BlockNumber> ShipmentState<BlockNumber> {
	/// Custody may still move: created or in transit.
	pub fn is_open(&self) -> bool {
		matches!(self, ShipmentState::Created | ShipmentState::InTransit)
	}

	/// Whether it is closed.
	pub fn is_closed(&self) -> bool {
		matches!(self, ShipmentState::Closed { .. })
	}
}

/// A logistic unit (item, pallet or container) on its way from the shipper to the consignee.
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
pub struct Shipment<T: Config> {
	pub kind: UnitKind,
	pub shipper: AccountIdOf<T>,
	/// The contracting carrier: paid the escrow on delivery.
	pub carrier: AccountIdOf<T>,
	pub consignee: AccountIdOf<T>,
	/// 1..=MaxLegs legs.
	pub legs: LegsOf<T>,
	/// The index of the leg in progress (0 until a later leg's carrier takes custody).
	pub leg: u32,
	pub condition: Option<ConditionSpec>,
	/// The e-CMR / eFTI document's hash.
	pub document: H256,
	/// Held from the shipper (`HoldReason::Escrow`); may be 0; set to 0 when paid out.
	pub escrow: BalanceOf<T>,
	/// Held from the shipper (`HoldReason::Deposit`) until the shipment is removed.
	pub deposit: BalanceOf<T>,
	pub claim_window: BlockNumberFor<T>,
	pub created_at: BlockNumberFor<T>,
	/// The UTC day of creation (`UnixTime`).
	pub created_day: u32,
	pub state: ShipmentStateOf<T>,
	/// Exactly one of `custodian` and `parent` is Some: an aggregated unit follows its parent.
	pub custodian: Option<AccountIdOf<T>>,
	pub parent: Option<ShipmentId>,
	/// The entries in `Children(self, _)`.
	pub children: u32,
	/// A pending offer (roots only).
	pub handoff: Option<HandoffOf<T>>,
	/// The vehicle carrying it (roots only; children ride with their parent).
	pub vehicle: Option<VehicleId>,
	/// The stored EPCIS events (the next index).
	pub events: EventIndex,
	/// The registered sensors.
	pub sensors: u32,
	/// The stored daily roots.
	pub commitments: u32,
	/// Every excursion reported (counts past `MaxExcursions`).
	pub excursions: u32,
	pub claim: Option<ClaimOf<T>>,
	/// The proof of delivery's hash.
	pub pod: Option<H256>,
}

/// CBV 2.0 business steps used on chain.
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
pub enum BizStep {
	Commissioning,
	Packing,
	Unpacking,
	Loading,
	Unloading,
	Departing,
	Arriving,
	Shipping,
	Receiving,
	Inspecting,
	Storing,
	SensorReporting,
	Accepting,
}

/// CBV 2.0 dispositions used on chain.
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
pub enum Disposition {
	Active,
	InProgress,
	InTransit,
	Damaged,
	Stolen,
	Destroyed,
	ConformanceIssue,
	CompletenessVerified,
}

/// EPCIS event types.
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
pub enum EventKind {
	Object,
	Aggregation,
	Transaction,
}

/// EPCIS actions.
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
pub enum Action {
	Add,
	Observe,
	Delete,
}

/// One EPCIS event of a shipment's log: append-only, never changed.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct EpcisEvent<AccountId, BlockNumber> {
	pub kind: EventKind,
	pub action: Action,
	pub biz_step: BizStep,
	pub disposition: Disposition,
	pub by: AccountId,
	pub at: BlockNumber,
	pub location: Option<Location>,
	/// The document, POD, evidence or sensor root the event refers to.
	pub data: Option<H256>,
	/// Aggregation events: the child packed or unpacked.
	pub child: Option<ShipmentId>,
}

/// CBV error reasons.
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
pub enum ErrorReason {
	/// The event did not happen.
	DidNotOccur,
	/// The event happened, but its data is wrong.
	IncorrectData,
}

/// An EPCIS error declaration: marks a stored event as wrong without changing it, optionally
/// pointing to the corrective event.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct ErrorDeclaration<AccountId, BlockNumber> {
	pub by: AccountId,
	pub at: BlockNumber,
	pub reason: ErrorReason,
	pub corrective: Option<EventIndex>,
}

/// A sensor's commitment to one day of readings (the Merkle root of them, kept off chain).
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct DailyRoot<BlockNumber> {
	pub root: H256,
	pub readings: u32,
	pub min: DeciCelsius,
	pub max: DeciCelsius,
	pub at: BlockNumber,
}

/// A reading outside the shipment's condition spec, with the hash of its evidence.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Excursion<AccountId, BlockNumber> {
	pub sensor: AccountId,
	pub at: BlockNumber,
	pub reading: DeciCelsius,
	pub evidence: H256,
}

/// Why a vehicle stopped carrying a shipment.
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
pub enum LinkEnd {
	Sold,
	Stolen,
	Scrapped,
}

/// A shipment the genesis config creates as `create_shipment` would (holds taken, EPCIS events
/// appended); with `custodian` other than the shipper it is handed off and in transit.
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GenesisShipment<AccountId, Balance, BlockNumber> {
	pub shipper: AccountId,
	pub carrier: AccountId,
	pub consignee: AccountId,
	pub kind: UnitKind,
	pub legs: Vec<Leg<AccountId>>,
	pub condition: Option<ConditionSpec>,
	pub escrow: Balance,
	pub document: H256,
	pub claim_window: BlockNumber,
	/// Who holds custody: the shipper (created), or the party it was handed off to (then in
	/// transit).
	pub custodian: AccountId,
	/// The vehicle the custodian loaded it on.
	pub vehicle: Option<VehicleId>,
}
