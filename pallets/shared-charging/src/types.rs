//! What the shared charging pallet stores, and what its runtime API returns.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::frame_support::{
	BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use v2x_primitives::VehicleId;

use crate::Config;

/// A charger's number, assigned in registration order from 0.
pub type ChargerId = u32;
/// A tariff's number, assigned in creation order from 0.
pub type TariffId = u32;
/// A tariff's version: 0 when created, one more at each update.
pub type TariffVersion = u32;
/// A session's number, assigned in order from 0. Its charge detail record has the same id.
pub type SessionId = u64;
/// Energy in watt-hours.
pub type WattHours = u32;
/// A calendar month as `year * 100 + month` (UTC), e.g. `202311` for November 2023.
pub type Month = u32;

/// A charger's location as a geohash (base32 text, e.g. `u33dc0`), bounded as in storage.
pub type GeohashOf<T> = BoundedVec<u8, <T as Config>::MaxGeohashLength>;
/// A tariff's elements, bounded as in storage.
pub type ElementsOf<T> =
	BoundedVec<TariffElement<crate::BalanceOf<T>>, <T as Config>::MaxTariffElements>;

/// The plug a charger offers (OCPI `ConnectorType`, the common ones).
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
pub enum Connector {
	/// IEC 62196 Type 1 (SAE J1772), AC.
	Type1,
	/// IEC 62196 Type 2 (Mennekes), AC.
	Type2,
	/// Combined Charging System with a Type 1 inlet, DC.
	Ccs1,
	/// Combined Charging System with a Type 2 inlet, DC.
	Ccs2,
	/// CHAdeMO, DC.
	Chademo,
	/// SAE J3400 (NACS).
	Nacs,
	/// A domestic socket.
	Domestic,
}

/// Who may charge at a charger.
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
pub enum AccessRule {
	/// Anyone who may operate a vehicle.
	Public,
	/// Only the members the operator listed (a residence's shared car park).
	Members,
}

/// A charger's meter: the device account that confirms, stops and cancels its sessions once
/// its own key agreed. Until then, and once it left, the operator does all of that itself.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub enum ChargerMeter<AccountId> {
	/// No meter: the operator named none, or the meter left, or the operator removed it.
	None,
	/// The operator named this account; it has none of a meter's powers until it accepts.
	Invited(AccountId),
	/// The account accepted: it is the charger's meter until it leaves or is replaced.
	Accepted(AccountId),
}

impl<AccountId> ChargerMeter<AccountId> {
	/// The meter that accepted, if any.
	pub fn accepted(&self) -> Option<&AccountId> {
		match self {
			Self::Accepted(meter) => Some(meter),
			Self::None | Self::Invited(_) => None,
		}
	}

	/// The account named as the meter, invited or accepted.
	pub fn named(&self) -> Option<&AccountId> {
		match self {
			Self::Invited(meter) | Self::Accepted(meter) => Some(meter),
			Self::None => None,
		}
	}
}

/// A charge point, registered by its operator.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Charger<T: Config> {
	/// The charge point operator: manages it, is paid for its sessions.
	pub operator: T::AccountId,
	/// The charger's device account (its meter), invited by the operator; once it accepted,
	/// it confirms and stops sessions.
	pub meter: ChargerMeter<T::AccountId>,
	/// Where it is, as a geohash.
	pub location: GeohashOf<T>,
	/// Its highest power, in kW.
	pub max_power_kw: u32,
	/// Its plug.
	pub connector: Connector,
	/// Whether it can discharge a vehicle into the grid (vehicle-to-grid).
	pub bidirectional: bool,
	/// Who may charge.
	pub access: AccessRule,
	/// The tariff its sessions use (members may have their own).
	pub tariff: TariffId,
	/// A disabled charger takes no new sessions.
	pub enabled: bool,
	/// The session running on it, if any (one connector: one session at a time).
	pub session: Option<SessionId>,
	/// How many members it lists.
	pub members: u32,
	/// Held from the operator until the charger is removed.
	pub deposit: crate::BalanceOf<T>,
}

/// A member of a charger with the `Members` access rule.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Membership {
	/// The member's own tariff instead of the charger's, if any.
	pub tariff: Option<TariffId>,
}

/// A price (OCPI `PriceComponent`s of one element): in balance units per kWh of energy, per
/// hour of charging, per hour of parking, and once per session. `None`: this element does
/// not price that dimension, so the next matching element that does applies.
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
#[serde(rename_all = "camelCase")]
pub struct PriceComponents<Balance> {
	/// OCPI `ENERGY`: per kWh delivered.
	pub energy_per_kwh: Option<Balance>,
	/// OCPI `TIME`: per hour of charging.
	pub time_per_hour: Option<Balance>,
	/// OCPI `PARKING_TIME`: per hour connected but not charging.
	pub parking_per_hour: Option<Balance>,
	/// OCPI `FLAT`: once per session.
	pub flat: Option<Balance>,
}

/// When an element applies (OCPI `TariffRestrictions`). Every restriction that is set must
/// hold; an element without restrictions always applies. Times are UTC.
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
#[serde(rename_all = "camelCase")]
pub struct TariffRestrictions {
	/// From this minute of the day (0..1440, inclusive).
	pub start_minute: Option<u16>,
	/// Until this minute of the day (0..1440, exclusive). Before `start_minute`: the period
	/// wraps past midnight (22:00 to 06:00 is `1320` to `360`).
	pub end_minute: Option<u16>,
	/// The days it applies on: bit 0 Monday ... bit 6 Sunday; 0 means every day.
	pub days_of_week: u8,
	/// The session's energy is at least this (Wh, inclusive).
	pub min_wh: Option<WattHours>,
	/// The session's energy is below this (Wh, exclusive).
	pub max_wh: Option<WattHours>,
	/// The session lasts at least this (charging plus parking, seconds, inclusive).
	pub min_duration_secs: Option<u32>,
	/// The session lasts less than this (seconds, exclusive).
	pub max_duration_secs: Option<u32>,
}

/// One element of a tariff: prices and when they apply.
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
#[serde(rename_all = "camelCase")]
pub struct TariffElement<Balance> {
	/// The prices.
	pub prices: PriceComponents<Balance>,
	/// When they apply.
	pub restrictions: TariffRestrictions,
}

/// A tariff and its current version.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Tariff<T: Config> {
	/// The operator that created it: only its chargers and members use it.
	pub owner: T::AccountId,
	/// The version new sessions get.
	pub version: TariffVersion,
	/// How many chargers and members use it: it can be removed at 0.
	pub users: u32,
	/// Held from the owner until the tariff is removed.
	pub deposit: crate::BalanceOf<T>,
}

/// The elements of one version of a tariff, kept while it is current or a session uses it.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct TariffVersionEntry<T: Config> {
	/// The elements, in order: the first that matches prices each dimension.
	pub elements: ElementsOf<T>,
	/// How many open sessions priced by this version.
	pub sessions: u32,
}

/// Where a session is (OCPI `SessionStatus`). Completed and invalid sessions leave the
/// open sessions: a completed one becomes a charge detail record.
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
pub enum SessionState {
	/// The driver asked to charge and the escrow is held; the charger has not confirmed.
	Pending,
	/// The charger confirmed: energy flows. `started_ms` is the wall-clock start.
	Active { started_ms: u64 },
	/// Stopped and settled: see its charge detail record.
	Completed,
	/// Ended without charging (cancelled while pending, or timed out): the escrow went back.
	Invalid,
}

/// Why anyone could close a lapsed session (`close_lapsed_session`).
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
pub enum LapseReason {
	/// Its driver may no longer operate the vehicle: sold, stolen, scrapped, or an operator
	/// right that ended or was revoked.
	DriverLeft,
	/// The charger's meter did not confirm it within `MaxPendingDuration` blocks.
	PendingExpired,
}

/// An open (pending or active) session.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Session<T: Config> {
	/// Where.
	pub charger: ChargerId,
	/// Which vehicle.
	pub vehicle: VehicleId,
	/// Who pays: the owner or an operator of the vehicle.
	pub driver: T::AccountId,
	/// The tariff and the version it keeps until it ends.
	pub tariff: TariffId,
	/// See `tariff`.
	pub version: TariffVersion,
	/// The most energy the driver pays for, in Wh.
	pub energy_cap_wh: WattHours,
	/// Held from the driver: the worst-case cost under the tariff version and cap.
	pub escrow: crate::BalanceOf<T>,
	/// Held from the driver with the escrow; kept with the record once completed.
	pub record_deposit: crate::BalanceOf<T>,
	/// Pending or active.
	pub state: SessionState,
}

/// What the charger's meter read at the end of a session.
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
pub struct MeterReading {
	/// Energy delivered, in Wh.
	pub energy_wh: WattHours,
	/// Seconds charging, from the start.
	pub charging_secs: u32,
	/// Seconds connected after charging ended.
	pub parking_secs: u32,
}

/// What a session cost, by OCPI dimension, in balance units.
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
pub struct CostBreakdown<Balance> {
	/// Energy.
	pub energy: Balance,
	/// Charging time.
	pub time: Balance,
	/// Parking time.
	pub parking: Balance,
	/// The flat fee.
	pub flat: Balance,
	/// The sum: what the driver pays.
	pub total: Balance,
}

/// The immutable charge detail record of a completed session.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct ChargeDetailRecord<T: Config> {
	/// Where.
	pub charger: ChargerId,
	/// Which vehicle.
	pub vehicle: VehicleId,
	/// Who paid.
	pub driver: T::AccountId,
	/// Who was paid.
	pub operator: T::AccountId,
	/// The tariff version that priced it.
	pub tariff: TariffId,
	/// See `tariff`.
	pub version: TariffVersion,
	/// The wall-clock start (charger's confirmation), milliseconds since the Unix epoch.
	pub started_ms: u64,
	/// The UTC month of the start: the month the residence bills it in.
	pub month: Month,
	/// What the meter read.
	pub reading: MeterReading,
	/// The price by dimension.
	pub cost: CostBreakdown<crate::BalanceOf<T>>,
	/// The platform's share of `cost.total`, paid to the treasury.
	pub platform_fee: crate::BalanceOf<T>,
	/// The block it was settled in: disputes are open for `DisputeWindow` blocks after.
	pub settled_at: polkadot_sdk::frame_system::pallet_prelude::BlockNumberFor<T>,
	/// Held from the driver for as long as the record exists (for good).
	pub deposit: crate::BalanceOf<T>,
}

/// The operator's share of a settled session, held on the operator until the dispute window
/// ends, so a refund never depends on the operator's goodwill.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct HeldPayment<T: Config> {
	/// Who it is held on.
	pub operator: T::AccountId,
	/// How much.
	pub amount: crate::BalanceOf<T>,
}

/// A driver's dispute of a completed session.
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
pub enum Dispute<Balance> {
	/// Waiting for governance.
	Open,
	/// Governance refunded this much from the operator's share (0: rejected).
	Resolved { refund: Balance },
}

/// Sessions, energy and money over some scope (a vehicle, a charger, a member).
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
pub struct Totals<Balance> {
	/// Completed sessions.
	pub sessions: u32,
	/// Energy delivered, in Wh.
	pub energy_wh: u64,
	/// What was paid, after dispute refunds.
	pub cost: Balance,
}

/// A charger as the runtime API lists it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct ChargerInfo<AccountId> {
	/// Its number.
	pub id: ChargerId,
	/// Its operator.
	pub operator: AccountId,
	/// Its geohash.
	pub location: alloc::vec::Vec<u8>,
	/// Its highest power, in kW.
	pub max_power_kw: u32,
	/// Its plug.
	pub connector: Connector,
	/// Whether it can discharge.
	pub bidirectional: bool,
	/// Who may charge.
	pub access: AccessRule,
	/// Whether it takes sessions.
	pub enabled: bool,
	/// Whether a session runs on it now.
	pub busy: bool,
}

/// A session as the runtime API returns it: open, or completed with its record.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub enum SessionInfo<AccountId, Balance, BlockNumber> {
	/// Pending or active.
	Open {
		/// Where.
		charger: ChargerId,
		/// Which vehicle.
		vehicle: VehicleId,
		/// Who pays.
		driver: AccountId,
		/// The escrow held.
		escrow: Balance,
		/// The cap in Wh.
		energy_cap_wh: WattHours,
		/// Pending or active.
		state: SessionState,
	},
	/// Completed: its record, and its dispute if any.
	Completed {
		/// Where.
		charger: ChargerId,
		/// Which vehicle.
		vehicle: VehicleId,
		/// Who paid.
		driver: AccountId,
		/// The meter reading.
		reading: MeterReading,
		/// The price.
		cost: CostBreakdown<Balance>,
		/// The treasury's share.
		platform_fee: Balance,
		/// When it settled.
		settled_at: BlockNumber,
		/// Its dispute.
		dispute: Option<Dispute<Balance>>,
	},
}

/// What an operator says about a charger it registers.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
pub struct ChargerSpec<T: Config> {
	/// The charger's device account (its meter), invited: it accepts with its own key.
	pub device: T::AccountId,
	/// Where it is.
	pub location: GeohashOf<T>,
	/// Its highest power, in kW.
	pub max_power_kw: u32,
	/// Its plug.
	pub connector: Connector,
	/// Whether it can discharge.
	pub bidirectional: bool,
	/// Who may charge.
	pub access: AccessRule,
	/// The operator's tariff its sessions use.
	pub tariff: TariffId,
}

/// A charger seeded at genesis, with its members.
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GenesisCharger<AccountId> {
	/// Its operator (the owner of `tariff`).
	pub operator: AccountId,
	/// Its device account (its meter), recorded as accepted: a genesis charger is its
	/// operator's and its meter's joint setup.
	pub device: AccountId,
	/// Its geohash, as text.
	pub location: alloc::string::String,
	/// Its highest power, in kW.
	pub max_power_kw: u32,
	/// Its plug.
	pub connector: Connector,
	/// Whether it can discharge.
	pub bidirectional: bool,
	/// Who may charge.
	pub access: AccessRule,
	/// Its tariff (a genesis tariff of `operator`).
	pub tariff: TariffId,
	/// `(member, own tariff)`: members of a members-only charger.
	pub members: alloc::vec::Vec<(AccountId, Option<TariffId>)>,
}

/// A demand-response event's number, assigned in publication order from 0.
pub type GridEventId = u32;

/// A demand-response event published by a grid operator: chargers in `area` that opted in
/// are paid `reward_per_kwh` for each kWh their accepting sessions draw below their
/// baseline during the window, from `budget`.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct GridEvent<T: Config> {
	/// The grid operator that published and funds it.
	pub operator: T::AccountId,
	/// The geohash prefix of the chargers it concerns.
	pub area: GeohashOf<T>,
	/// The block it was published in: only baselines declared before it count.
	pub announced_at: polkadot_sdk::frame_system::pallet_prelude::BlockNumberFor<T>,
	/// The first block of the window.
	pub start: polkadot_sdk::frame_system::pallet_prelude::BlockNumberFor<T>,
	/// The block the window ends at (exclusive).
	pub end: polkadot_sdk::frame_system::pallet_prelude::BlockNumberFor<T>,
	/// Paid per kWh of reduction, in balance units.
	pub reward_per_kwh: crate::BalanceOf<T>,
	/// Still held from the operator: `reserved` for accepting sessions plus the unreserved
	/// rest. Rewards paid leave it.
	pub budget: crate::BalanceOf<T>,
	/// The part of `budget` promised to accepting sessions (their worst cases).
	pub reserved: crate::BalanceOf<T>,
	/// How many sessions accepted curtailment and have not ended yet.
	pub sessions: u32,
}

/// The power a session declared it would draw, against which a curtailment is measured.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Baseline<T: Config> {
	/// In watts.
	pub power_w: u32,
	/// The block it was declared in: it counts only for events announced after it.
	pub declared_at: polkadot_sdk::frame_system::pallet_prelude::BlockNumberFor<T>,
}

/// A session's acceptance of a demand-response event.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Curtailment<T: Config> {
	/// Which event.
	pub event: GridEventId,
	/// The block it was accepted in: the reduction counts from the later of it and the
	/// window's start.
	pub accepted_at: polkadot_sdk::frame_system::pallet_prelude::BlockNumberFor<T>,
	/// The event's budget promised to it: the reward if it drew nothing from `accepted_at`
	/// (or the window's start) to the window's end.
	pub reserved: crate::BalanceOf<T>,
}

/// A charger enrolled in grid services by its operator.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct GridEnrolment<T: Config> {
	/// What the operator pays a driver per kWh a vehicle exports (vehicle-to-grid), on a
	/// bidirectional charger; `None`: no discharge sessions.
	pub export_per_kwh: Option<crate::BalanceOf<T>>,
}

/// What the driver says about the vehicle's battery when it starts a discharge.
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
pub struct BatteryState {
	/// Its usable capacity, in Wh.
	pub capacity_wh: WattHours,
	/// Its state of charge now, in percent (0..=100).
	pub soc_percent: u8,
	/// The state of charge the discharge must never go below, in percent.
	pub min_soc_percent: u8,
}

/// An open (pending or active) vehicle-to-grid discharge session. It shares the session
/// ids, the charger's and the vehicle's one open session, and the session states.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Discharge<T: Config> {
	/// Where (a bidirectional charger enrolled with an export price).
	pub charger: ChargerId,
	/// Which vehicle.
	pub vehicle: VehicleId,
	/// Who is paid: the owner or an operator of the vehicle.
	pub driver: T::AccountId,
	/// Who pays: the charger's operator when the session started.
	pub operator: T::AccountId,
	/// The export price the session keeps, per kWh.
	pub export_per_kwh: crate::BalanceOf<T>,
	/// The battery at the start.
	pub battery: BatteryState,
	/// The most the vehicle may export: down to the minimum state of charge, at most
	/// `MaxEnergyCap`, in Wh.
	pub export_cap_wh: WattHours,
	/// Held from the operator: the payment for `export_cap_wh`.
	pub escrow: crate::BalanceOf<T>,
	/// Held from the driver with the escrow; kept with the record once completed.
	pub record_deposit: crate::BalanceOf<T>,
	/// Pending or active.
	pub state: SessionState,
}

/// What the charger's meter read at the end of a discharge.
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
pub struct DischargeReading {
	/// Energy exported from the vehicle, in Wh.
	pub exported_wh: WattHours,
	/// Seconds discharging, from the start.
	pub discharging_secs: u32,
	/// The vehicle's state of charge at the end, in percent.
	pub final_soc_percent: u8,
}

/// The immutable record of a completed discharge session.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct DischargeRecord<T: Config> {
	/// Where.
	pub charger: ChargerId,
	/// Which vehicle.
	pub vehicle: VehicleId,
	/// Who was paid.
	pub driver: T::AccountId,
	/// Who paid.
	pub operator: T::AccountId,
	/// The wall-clock start (charger's confirmation), milliseconds since the Unix epoch.
	pub started_ms: u64,
	/// The battery at the start.
	pub battery: BatteryState,
	/// What the meter read.
	pub reading: DischargeReading,
	/// The price per kWh.
	pub export_per_kwh: crate::BalanceOf<T>,
	/// What the operator paid the driver.
	pub payment: crate::BalanceOf<T>,
	/// The block it was settled in.
	pub settled_at: polkadot_sdk::frame_system::pallet_prelude::BlockNumberFor<T>,
	/// Held from the driver for as long as the record exists (for good).
	pub deposit: crate::BalanceOf<T>,
}

/// What a grid operator says about a demand-response event it publishes.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
pub struct GridWindow<T: Config> {
	/// The geohash prefix of the chargers it concerns.
	pub area: GeohashOf<T>,
	/// The first block of the window (after the current one).
	pub start: polkadot_sdk::frame_system::pallet_prelude::BlockNumberFor<T>,
	/// The block the window ends at (exclusive).
	pub end: polkadot_sdk::frame_system::pallet_prelude::BlockNumberFor<T>,
	/// Paid per kWh of reduction.
	pub reward_per_kwh: crate::BalanceOf<T>,
	/// Held from the grid operator to pay the rewards.
	pub budget: crate::BalanceOf<T>,
}
