//! # Shared charging
//!
//! Chargers shared by neighbours in a residence's car park, and public chargers anyone can
//! use, paid exactly for what each driver draws.
//!
//! - A **charge point operator** (any account) registers chargers with a deposit: location
//!   (geohash), power, connector, whether it is bidirectional, the charger's **device**
//!   account (its **meter**) and an access rule: public, or a member list the operator
//!   manages (members may have their own tariff). The meter is only invited: it accepts with
//!   its own key (`accept_charger_meter`) before it may act, and may leave
//!   (`leave_charger_meter`); the operator may name another (`set_charger_meter`), and acts
//!   itself for a charger without an accepted meter. The operator creates **tariffs**
//!   (deposit) priced the way OCPI 2.2.1 prices sessions ([`tariff`]); updating one makes a
//!   new version, and a running session keeps the version it started with.
//! - A **driver** (the owner or an operator of an active vehicle, passing the access rule)
//!   starts a session with an energy cap: the worst case under the tariff version, the cap
//!   and `MaxSessionDuration` is held from the driver as escrow (OCPI `PENDING`). The
//!   charger's meter (or its operator) confirms it (`ACTIVE`) and stops it with the meter
//!   reading. Settlement is one step: the cost minus the platform fee goes to the operator
//!   (held on it for the dispute window), the fee to the treasury, the rest back to the
//!   driver, and an immutable charge detail record is written (`COMPLETED`). Totals per
//!   vehicle, per charger and per driver at a charger (all time and per month) follow.
//! - A session not stopped within `MaxSessionDuration` can be closed by its driver: the
//!   escrow goes back (`INVALID`). A lapsed session is closed the same way by anyone: once
//!   its driver may no longer operate the vehicle (sold, stolen, scrapped, an operator
//!   right ended), or once it stayed pending for `MaxPendingDuration` blocks, so no session
//!   keeps a vehicle from charging after its driver's right ends. A driver may dispute a completed session within
//!   `DisputeWindow`; **governance** refunds part or all of the operator's share, or rejects.
//! - **Grid services.** Governance approves **grid operators**. A grid operator publishes a
//!   demand-response event (an area as a geohash prefix, a window of blocks, a reward per kWh)
//!   funded from a held budget. A charger's operator enrols it in grid services. An active
//!   session there declares its baseline power; once an event is announced, a baseline
//!   declared before it lets the driver accept curtailment: the worst-case reward is reserved
//!   from the budget, and at stop the reward per kWh drawn below the baseline during the
//!   window is paid from it. On a bidirectional charger enrolled with an export price, a
//!   driver runs a **discharge** (vehicle-to-grid) session, paid per exported kWh from an
//!   escrow held from the operator, never below the minimum state of charge it set.
//!
//! Storage stays bounded: chargers, tariffs and records take deposits, a tariff has at most
//! `MaxTariffElements` elements, a charger at most `MaxMembers` members, a charger and a
//! vehicle one open session each. Anyone reads chargers, quotes, sessions and totals
//! through the [`runtime_api::ChargingApi`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod features;
mod genesis;
pub mod migrations;
#[cfg(test)]
mod mock;
pub mod runtime_api;
pub mod tariff;
#[cfg(test)]
mod tests;
// Natively always, so the runtime's tests check the invariants too; in the Wasm with
// `try-runtime` only.
#[cfg(any(feature = "try-runtime", feature = "std"))]
mod try_state;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use polkadot_sdk::{frame_support::traits::fungible, frame_system};

/// The balance type of the configured currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// Sets up what the benchmarks need in the runtime's vehicle registry.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Registers an active vehicle owned by `owner` with `device` bound to it, and returns its
	/// id.
	fn create_vehicle(owner: &AccountId, device: &AccountId) -> v2x_primitives::VehicleId;
}

#[polkadot_sdk::frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use polkadot_sdk::{
		frame_support::{
			pallet_prelude::*,
			traits::{
				fungible::{Inspect, Mutate, MutateHold},
				UnixTime,
			},
			DefaultNoBound,
		},
		frame_system::pallet_prelude::*,
		sp_runtime::Perbill,
	};
	use v2x_primitives::{Km, OdometerLog, VehicleId, VehicleRegistry};

	/// 2: a charger's meter is invited and accepts before it acts (`migrations::v2`).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>>
			+ IsType<<Self as polkadot_sdk::frame_system::Config>::RuntimeEvent>;

		/// The currency deposits, escrows and payments are in.
		type Currency: Inspect<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The hold reasons of the runtime, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// Who owns and operates vehicles, and their status.
		type Vehicles: VehicleRegistry<Self::AccountId, BlockNumberFor<Self>>;

		/// Where a charger's odometer reading at the end of a session goes.
		type Odometer: OdometerLog;

		/// Decides disputes; approves and removes grid operators.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Wall-clock time (UTC): session starts, time-of-day and day-of-week prices, months.
		type UnixTime: UnixTime;

		/// Receives the platform fee of every settled session. Must exist (hold at least the
		/// existential deposit), or small fees cannot be paid to it.
		type Treasury: Get<Self::AccountId>;

		/// The platform's share of each session's cost (rounded down).
		#[pallet::constant]
		type PlatformFee: Get<Perbill>;

		/// Held from the operator for each charger until it is removed.
		#[pallet::constant]
		type ChargerDeposit: Get<BalanceOf<Self>>;

		/// Held from the operator for each tariff until it is removed.
		#[pallet::constant]
		type TariffDeposit: Get<BalanceOf<Self>>;

		/// Held from the driver for each completed session's charge detail record, for as
		/// long as the record exists (for good); given back if the session ends invalid.
		#[pallet::constant]
		type RecordDeposit: Get<BalanceOf<Self>>;

		/// The longest geohash, in characters.
		#[pallet::constant]
		type MaxGeohashLength: Get<u32>;

		/// The most elements a tariff may have.
		#[pallet::constant]
		type MaxTariffElements: Get<u32>;

		/// The most members a charger may list.
		#[pallet::constant]
		type MaxMembers: Get<u32>;

		/// The largest energy cap a session may ask for, in Wh.
		#[pallet::constant]
		type MaxEnergyCap: Get<WattHours>;

		/// The longest a session may last (charging plus parking), in seconds; after this its
		/// driver may close it and take the escrow back.
		#[pallet::constant]
		type MaxSessionDuration: Get<u32>;

		/// How many blocks after settlement a driver may dispute a session; the operator's
		/// share stays held until then.
		#[pallet::constant]
		type DisputeWindow: Get<BlockNumberFor<Self>>;

		/// How many blocks a session (charge or discharge) may stay pending, unconfirmed by
		/// the charger's meter; from then on anyone may close it with `close_lapsed_session`.
		#[pallet::constant]
		type MaxPendingDuration: Get<BlockNumberFor<Self>>;

		/// The most chargers one runtime API call returns.
		#[pallet::constant]
		type MaxPageSize: Get<u32>;

		/// The expected block time, in seconds: a curtailment's overlap with an event's
		/// window is counted in blocks and converted with it.
		#[pallet::constant]
		type SecondsPerBlock: Get<u32>;

		/// How many blocks after a demand-response window ends its accepting sessions may
		/// still settle; after that anyone may close the event and its unused budget goes
		/// back.
		#[pallet::constant]
		type GridClaimPeriod: Get<BlockNumberFor<Self>>;

		/// The most open demand-response events one grid operator may have.
		#[pallet::constant]
		type MaxGridEvents: Get<u32>;

		/// The most sessions that may accept one demand-response event.
		#[pallet::constant]
		type MaxEventSessions: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Creates vehicles in the runtime's registry for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A registered charger, held from its operator.
		Charger,
		/// A tariff, held from its owner.
		Tariff,
		/// An open session's worst-case cost, held from its driver.
		SessionEscrow,
		/// A charge detail record, held from its driver.
		ChargeRecord,
		/// An operator's share of a settled session, held on the operator during the dispute
		/// window.
		OperatorPayment,
		/// A demand-response event's budget, held from its grid operator.
		GridBudget,
		/// A discharge session's worst-case payment, held from the charger's operator.
		DischargeEscrow,
	}

	/// The id the next charger gets.
	#[pallet::storage]
	pub type NextChargerId<T: Config> = StorageValue<_, ChargerId, ValueQuery>;

	/// Registered chargers.
	#[pallet::storage]
	pub type Chargers<T: Config> = StorageMap<_, Twox64Concat, ChargerId, Charger<T>>;

	/// Members of chargers with the `Members` access rule: (charger, member).
	#[pallet::storage]
	pub type Members<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ChargerId, Blake2_128Concat, T::AccountId, Membership>;

	/// The id the next tariff gets.
	#[pallet::storage]
	pub type NextTariffId<T: Config> = StorageValue<_, TariffId, ValueQuery>;

	/// Tariffs and their current versions.
	#[pallet::storage]
	pub type Tariffs<T: Config> = StorageMap<_, Twox64Concat, TariffId, Tariff<T>>;

	/// The elements of each kept tariff version: the current one, and older ones while open
	/// sessions use them.
	#[pallet::storage]
	pub type TariffVersions<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		TariffId,
		Twox64Concat,
		TariffVersion,
		TariffVersionEntry<T>,
	>;

	/// The id the next session gets.
	#[pallet::storage]
	pub type NextSessionId<T: Config> = StorageValue<_, SessionId, ValueQuery>;

	/// Open (pending or active) sessions.
	#[pallet::storage]
	pub type Sessions<T: Config> = StorageMap<_, Twox64Concat, SessionId, Session<T>>;

	/// The block each pending session (charge or discharge) was started in; removed once the
	/// charger confirms it or it ends.
	#[pallet::storage]
	pub type PendingSince<T: Config> = StorageMap<_, Twox64Concat, SessionId, BlockNumberFor<T>>;

	/// The open session of each vehicle (one at a time).
	#[pallet::storage]
	pub type VehicleSessions<T: Config> = StorageMap<_, Twox64Concat, VehicleId, SessionId>;

	/// Charge detail records of completed sessions, by session id. Never changed or removed.
	#[pallet::storage]
	pub type Records<T: Config> = StorageMap<_, Twox64Concat, SessionId, ChargeDetailRecord<T>>;

	/// Operators' shares still held for the dispute window, by session.
	#[pallet::storage]
	pub type HeldPayments<T: Config> = StorageMap<_, Twox64Concat, SessionId, HeldPayment<T>>;

	/// Disputes, by session.
	#[pallet::storage]
	pub type Disputes<T: Config> = StorageMap<_, Twox64Concat, SessionId, Dispute<BalanceOf<T>>>;

	/// Totals of each vehicle.
	#[pallet::storage]
	pub type VehicleTotals<T: Config> =
		StorageMap<_, Twox64Concat, VehicleId, Totals<BalanceOf<T>>, ValueQuery>;

	/// Totals of each charger.
	#[pallet::storage]
	pub type ChargerTotals<T: Config> =
		StorageMap<_, Twox64Concat, ChargerId, Totals<BalanceOf<T>>, ValueQuery>;

	/// Totals of each driver at each charger: (charger, driver). At a residence's charger,
	/// each member's share of the bill.
	#[pallet::storage]
	pub type MemberTotals<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ChargerId,
		Blake2_128Concat,
		T::AccountId,
		Totals<BalanceOf<T>>,
		ValueQuery,
	>;

	/// The same per UTC month of the session's start: (charger, driver, month).
	#[pallet::storage]
	pub type MemberMonthTotals<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, ChargerId>,
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Twox64Concat, Month>,
		),
		Totals<BalanceOf<T>>,
		ValueQuery,
	>;

	/// Grid operators approved by governance.
	#[pallet::storage]
	pub type GridOperators<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, ()>;

	/// How many open demand-response events each grid operator has (also after removal).
	#[pallet::storage]
	pub type OpenGridEvents<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The id the next demand-response event gets.
	#[pallet::storage]
	pub type NextGridEventId<T: Config> = StorageValue<_, GridEventId, ValueQuery>;

	/// Open demand-response events (published, not yet cancelled or closed).
	#[pallet::storage]
	pub type GridEvents<T: Config> = StorageMap<_, Twox64Concat, GridEventId, GridEvent<T>>;

	/// The sessions that accepted each event and have not ended: (event, session).
	#[pallet::storage]
	pub type GridEventSessions<T: Config> =
		StorageDoubleMap<_, Twox64Concat, GridEventId, Twox64Concat, SessionId, ()>;

	/// Chargers their operators enrolled in grid services.
	#[pallet::storage]
	pub type GridChargers<T: Config> = StorageMap<_, Twox64Concat, ChargerId, GridEnrolment<T>>;

	/// The baseline power open sessions declared.
	#[pallet::storage]
	pub type Baselines<T: Config> = StorageMap<_, Twox64Concat, SessionId, Baseline<T>>;

	/// The event each open session accepted to curtail for, if any (one at a time).
	#[pallet::storage]
	pub type Curtailments<T: Config> = StorageMap<_, Twox64Concat, SessionId, Curtailment<T>>;

	/// Open (pending or active) discharge sessions.
	#[pallet::storage]
	pub type Discharges<T: Config> = StorageMap<_, Twox64Concat, SessionId, Discharge<T>>;

	/// Records of completed discharge sessions, by session id. Never changed or removed.
	#[pallet::storage]
	pub type DischargeRecords<T: Config> =
		StorageMap<_, Twox64Concat, SessionId, DischargeRecord<T>>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An operator registered a charger and invited `device` as its meter.
		ChargerRegistered {
			charger: ChargerId,
			operator: T::AccountId,
			device: T::AccountId,
			location: GeohashOf<T>,
			access: AccessRule,
			tariff: TariffId,
		},
		/// The operator disabled a charger: no new sessions.
		ChargerDisabled { charger: ChargerId },
		/// The operator enabled a charger again.
		ChargerEnabled { charger: ChargerId },
		/// The operator removed a charger and its members; its deposit went back.
		ChargerRemoved { charger: ChargerId, operator: T::AccountId },
		/// The operator added a member to a charger.
		MemberAdded { charger: ChargerId, member: T::AccountId, tariff: Option<TariffId> },
		/// The operator removed a member from a charger.
		MemberRemoved { charger: ChargerId, member: T::AccountId },
		/// An operator created a tariff (version 0).
		TariffCreated { tariff: TariffId, owner: T::AccountId },
		/// The owner updated a tariff: new sessions get `version`.
		TariffUpdated { tariff: TariffId, version: TariffVersion },
		/// The owner removed a tariff; its deposit went back.
		TariffRemoved { tariff: TariffId },
		/// A driver started a session: `escrow` is held until it ends (pending).
		SessionStarted {
			session: SessionId,
			charger: ChargerId,
			vehicle: VehicleId,
			driver: T::AccountId,
			tariff: TariffId,
			version: TariffVersion,
			escrow: BalanceOf<T>,
		},
		/// The charger confirmed a session: energy flows (active).
		SessionActivated { session: SessionId, started_ms: u64 },
		/// A session was stopped and settled, and its charge detail record written.
		SessionCompleted {
			session: SessionId,
			energy_wh: WattHours,
			cost: BalanceOf<T>,
			operator_share: BalanceOf<T>,
			platform_fee: BalanceOf<T>,
			refund: BalanceOf<T>,
		},
		/// A session ended without charging (cancelled while pending, or closed after it
		/// timed out); its escrow and record deposit went back to the driver.
		SessionInvalidated { session: SessionId, driver: T::AccountId, refund: BalanceOf<T> },
		/// A driver disputed a completed session.
		SessionDisputed { session: SessionId, driver: T::AccountId },
		/// Governance decided a dispute: `refund` of the operator's share went to the driver
		/// (0: rejected).
		DisputeResolved { session: SessionId, refund: BalanceOf<T> },
		/// The dispute window ended and the operator's share was released to it.
		PaymentReleased { session: SessionId, operator: T::AccountId, amount: BalanceOf<T> },
		/// Governance approved a grid operator.
		GridOperatorApproved { operator: T::AccountId },
		/// Governance removed a grid operator; its open events run to their end.
		GridOperatorRemoved { operator: T::AccountId },
		/// A grid operator published a demand-response event; `budget` is held from it.
		GridEventPublished {
			event: GridEventId,
			operator: T::AccountId,
			area: GeohashOf<T>,
			start: BlockNumberFor<T>,
			end: BlockNumberFor<T>,
			reward_per_kwh: BalanceOf<T>,
			budget: BalanceOf<T>,
		},
		/// The grid operator cancelled an event before its window; `refund` went back to it.
		GridEventCancelled { event: GridEventId, refund: BalanceOf<T> },
		/// An event was closed after its claim period; `refund` (the unused budget) went back
		/// to its grid operator.
		GridEventClosed { event: GridEventId, refund: BalanceOf<T> },
		/// An operator enrolled a charger in grid services (or changed its export price).
		ChargerOptedIn { charger: ChargerId, export_per_kwh: Option<BalanceOf<T>> },
		/// An operator withdrew a charger from grid services.
		ChargerOptedOut { charger: ChargerId },
		/// A session declared the power it draws.
		BaselineDeclared { session: SessionId, power_w: u32 },
		/// A session accepted to curtail for an event; `reserved` of its budget is promised.
		CurtailmentAccepted { session: SessionId, event: GridEventId, reserved: BalanceOf<T> },
		/// A curtailing session was settled: `reward` for `reduction_wh` went from the event's
		/// budget to the driver.
		CurtailmentRewarded {
			session: SessionId,
			event: GridEventId,
			reduction_wh: u64,
			reward: BalanceOf<T>,
		},
		/// A driver started a discharge session (pending): `escrow` is held from the
		/// charger's operator.
		DischargeStarted {
			session: SessionId,
			charger: ChargerId,
			vehicle: VehicleId,
			driver: T::AccountId,
			export_cap_wh: WattHours,
			escrow: BalanceOf<T>,
		},
		/// A discharge session was stopped and settled, and its record written: `payment`
		/// went from the operator to the driver, `refund` back to the operator.
		DischargeCompleted {
			session: SessionId,
			exported_wh: WattHours,
			payment: BalanceOf<T>,
			refund: BalanceOf<T>,
		},
		/// A discharge session ended without exporting; its escrow went back to the operator
		/// and its record deposit to the driver.
		DischargeInvalidated { session: SessionId, operator: T::AccountId, refund: BalanceOf<T> },
		/// `closer` closed a lapsed session (after its `SessionInvalidated` or
		/// `DischargeInvalidated`): its driver may no longer operate the vehicle, or it stayed
		/// pending for `MaxPendingDuration` blocks.
		SessionLapsed {
			session: SessionId,
			vehicle: VehicleId,
			driver: T::AccountId,
			closer: T::AccountId,
			reason: LapseReason,
		},
		/// The charger's operator invited `meter` as its meter; it acts once it accepts.
		MeterInvited { charger: ChargerId, meter: T::AccountId },
		/// The invited meter accepted: it may now confirm, stop and cancel the charger's
		/// sessions.
		MeterAccepted { charger: ChargerId, meter: T::AccountId },
		/// The meter (or an invited one) left the charger.
		MeterLeft { charger: ChargerId, meter: T::AccountId },
		/// The charger's operator removed its meter, or withdrew its invitation.
		MeterRemoved { charger: ChargerId, meter: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No charger has this id.
		ChargerNotFound,
		/// Only the charger's operator may do this.
		NotChargerOperator,
		/// The charger is disabled: its operator can enable it.
		ChargerDisabled,
		/// The charger is already disabled.
		AlreadyDisabled,
		/// The charger is already enabled.
		AlreadyEnabled,
		/// A session runs on the charger: wait until it ends.
		ChargerBusy,
		/// A charger needs a location: a geohash of base32 characters (`0-9`, `b-z` without
		/// `i`, `l`, `o`).
		InvalidGeohash,
		/// A charger's power must be above 0 kW.
		InvalidPower,
		/// No tariff has this id.
		TariffNotFound,
		/// Only the tariff's owner may change it, and only its chargers and members use it.
		NotTariffOwner,
		/// A tariff needs at least one element.
		EmptyTariff,
		/// A tariff element must have at least one price.
		NoPrice,
		/// A restriction's minute of the day must be below 1440, its days bits 0 to 6.
		InvalidTime,
		/// A restriction's minimum must be below its maximum, and a time window cannot start
		/// and end at the same minute.
		EmptyRange,
		/// The tariff is used by chargers or members: change theirs first.
		TariffInUse,
		/// The charger is public: it has no member list.
		PublicCharger,
		/// The account is already a member of this charger.
		AlreadyMember,
		/// Only members may use this charger (or: the account is not a member).
		NotMember,
		/// The charger has `MaxMembers` members.
		TooManyMembers,
		/// No such vehicle: check the id.
		VehicleNotFound,
		/// The vehicle is stolen or scrapped: it takes no sessions.
		VehicleNotActive,
		/// Only the vehicle's owner or a current operator may charge it.
		NotOperator,
		/// The vehicle already has an open session.
		VehicleBusy,
		/// The energy cap must be above 0 and at most `MaxEnergyCap`.
		InvalidCap,
		/// No open session or record has this id.
		SessionNotFound,
		/// The session has already ended.
		SessionClosed,
		/// The session is still open: only completed sessions can be disputed.
		NotCompleted,
		/// Only the session's driver may do this.
		NotDriver,
		/// Only the charger's operator or its meter (once the meter accepted) may do this.
		NotCharger,
		/// The session is not pending.
		NotPending,
		/// The session is not active: the charger confirms it first.
		NotActive,
		/// The session is of the other kind: charge sessions stop with `stop_session`,
		/// discharge sessions with `stop_discharge`; only charge sessions curtail.
		WrongSessionKind,
		/// The reading's energy is above the session's cap.
		CapExceeded,
		/// The reading is longer than the time since the start or `MaxSessionDuration`, or
		/// more energy than the charger's power delivers in its charging time.
		ImplausibleReading,
		/// The session has not run for `MaxSessionDuration` yet: the charger stops it.
		NotTimedOut,
		/// The dispute window of this session has ended.
		DisputeWindowClosed,
		/// The dispute window is still open, or a dispute waits for governance.
		DisputeWindowOpen,
		/// This session has already been disputed.
		AlreadyDisputed,
		/// This session has no open dispute.
		NoOpenDispute,
		/// The refund is larger than the operator's share.
		RefundTooLarge,
		/// Nothing is held for this session's operator (released, or it had no share).
		NoHeldPayment,
		/// The caller cannot afford the deposit or escrow (free balance above the existential
		/// deposit).
		InsufficientBalance,
		/// An amount does not fit the balance type: lower the prices or the cap.
		Overflow,
		/// No more ids can be assigned.
		IdsExhausted,
		/// Only an approved grid operator may publish events (or: the account is not one).
		NotGridOperator,
		/// The account is already an approved grid operator.
		AlreadyGridOperator,
		/// The grid operator has `MaxGridEvents` open events: close or cancel one.
		TooManyGridEvents,
		/// An event's window must start after this block and end after it starts.
		InvalidWindow,
		/// An event needs a reward per kWh and a budget above 0.
		InvalidBudget,
		/// No open demand-response event has this id.
		GridEventNotFound,
		/// Only the event's grid operator may do this.
		NotEventOperator,
		/// The event's window has started: it can no longer be cancelled.
		EventStarted,
		/// The event's window and claim period have not passed: it cannot be closed yet.
		EventNotOver,
		/// The event's window has ended: it takes no more sessions.
		EventOver,
		/// The charger is not enrolled in grid services: its operator opts it in.
		NotOptedIn,
		/// Only a bidirectional charger can discharge or have an export price.
		NotBidirectional,
		/// The charger is not in the event's area (its geohash does not start with the
		/// event's prefix).
		OutsideArea,
		/// A baseline must be above 0 W and at most the charger's power.
		InvalidBaseline,
		/// The session declared no baseline: declare one before an event is announced.
		NoBaseline,
		/// The baseline was declared after the event was announced, so it does not count.
		LateBaseline,
		/// The session already curtails for an event: its baseline and event stay until it
		/// ends.
		AlreadyCurtailing,
		/// `MaxEventSessions` sessions already accepted this event.
		TooManyParticipants,
		/// The event's unreserved budget cannot cover this session's worst-case reward.
		BudgetExhausted,
		/// The charger has no export price: its operator sets one when opting it in.
		NoExportPrice,
		/// A state of charge is at most 100 %, the minimum below the current one, and the
		/// capacity above 0 Wh.
		InvalidSoc,
		/// The export would take the battery below the minimum state of charge the driver
		/// set.
		BelowMinimumSoc,
		/// The charger's operator cannot fund the discharge escrow now.
		OperatorUnfunded,
		/// The session's driver may still operate the vehicle and the charger confirmed it:
		/// only the charger stops it, or its driver closes it after `MaxSessionDuration`.
		DriverMayOperate,
		/// The session's driver may still operate the vehicle and it has been pending for
		/// fewer than `MaxPendingDuration` blocks: try again once they have passed.
		PendingNotExpired,
		/// The operator confirms and stops sessions itself: name another account as the
		/// charger's meter.
		MeterIsOperator,
		/// The charger's operator has not invited this account as its meter: ask the operator
		/// to name it (`set_charger_meter`).
		NotInvitedMeter,
		/// This account is not the charger's meter, nor invited as it.
		NotMeter,
		/// This account is already the charger's meter, or invited as it.
		MeterUnchanged,
		/// The charger has no meter and no invitation to remove.
		NoMeter,
	}

	#[pallet::genesis_config]
	#[derive(DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// `(owner, elements)` of each tariff, ids 0, 1, ... in order (no deposit). Prices in
		/// balance units.
		pub tariffs: Vec<(T::AccountId, Vec<TariffElement<u128>>)>,
		/// Chargers, ids 0, 1, ... in order, with their members (no deposit).
		pub chargers: Vec<GenesisCharger<T::AccountId>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			self.seed();
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxGeohashLength::get() > 0, "chargers need a location");
			assert!(T::MaxTariffElements::get() > 0, "tariffs need an element");
			assert!(T::MaxEnergyCap::get() > 0, "sessions need energy");
			assert!(T::MaxSessionDuration::get() > 0, "sessions need time");
			assert!(T::MaxPendingDuration::get() > 0u32.into(), "chargers need time to confirm");
			assert!(T::MaxPageSize::get() > 0, "the runtime API must return chargers");
			assert!(T::SecondsPerBlock::get() > 0, "blocks take time");
			assert!(T::MaxGridEvents::get() > 0, "grid operators need events");
			assert!(T::MaxEventSessions::get() > 0, "events need sessions");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(
			_n: BlockNumberFor<T>,
		) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Registers a charger operated by the caller, using the caller's `tariff`, and holds
		/// `ChargerDeposit` from the caller. `device` (not the caller) is invited as its meter:
		/// it has a meter's powers once it accepts (`accept_charger_meter`). Anyone (becoming
		/// its operator).
		///
		/// Emits `ChargerRegistered`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_charger())]
		#[allow(clippy::too_many_arguments)] // a charger's profile, flat so apps show each field
		pub fn register_charger(
			origin: OriginFor<T>,
			device: T::AccountId,
			location: GeohashOf<T>,
			max_power_kw: u32,
			connector: Connector,
			bidirectional: bool,
			access: AccessRule,
			tariff: TariffId,
		) -> DispatchResult {
			let operator = ensure_signed(origin)?;
			let spec = ChargerSpec {
				device,
				location,
				max_power_kw,
				connector,
				bidirectional,
				access,
				tariff,
			};
			Self::do_register_charger(operator, spec, T::ChargerDeposit::get()).map(|_| ())
		}

		/// Disables a charger: it takes no new sessions; a running one goes on. Its operator.
		///
		/// Emits `ChargerDisabled`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::disable_charger())]
		pub fn disable_charger(origin: OriginFor<T>, charger: ChargerId) -> DispatchResult {
			let operator = ensure_signed(origin)?;
			Self::do_set_enabled(operator, charger, false)
		}

		/// Enables a disabled charger again. Its operator.
		///
		/// Emits `ChargerEnabled`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::enable_charger())]
		pub fn enable_charger(origin: OriginFor<T>, charger: ChargerId) -> DispatchResult {
			let operator = ensure_signed(origin)?;
			Self::do_set_enabled(operator, charger, true)
		}

		/// Removes a charger with no open session, and its members; releases its deposit.
		/// Its records and totals stay. Its operator.
		///
		/// Emits `ChargerRemoved`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::remove_charger(T::MaxMembers::get()))]
		pub fn remove_charger(origin: OriginFor<T>, charger: ChargerId) -> DispatchResult {
			let operator = ensure_signed(origin)?;
			Self::do_remove_charger(operator, charger)
		}

		/// Adds `member` to a members-only charger, optionally on its own `tariff` (one of the
		/// operator's). The charger's operator; at most `MaxMembers` members.
		///
		/// Emits `MemberAdded`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::add_member())]
		pub fn add_member(
			origin: OriginFor<T>,
			charger: ChargerId,
			member: T::AccountId,
			tariff: Option<TariffId>,
		) -> DispatchResult {
			let operator = ensure_signed(origin)?;
			Self::do_add_member(operator, charger, member, tariff)
		}

		/// Removes `member` from a charger; a session it runs there goes on. The charger's
		/// operator.
		///
		/// Emits `MemberRemoved`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::remove_member())]
		pub fn remove_member(
			origin: OriginFor<T>,
			charger: ChargerId,
			member: T::AccountId,
		) -> DispatchResult {
			let operator = ensure_signed(origin)?;
			Self::do_remove_member(operator, charger, member)
		}

		/// Creates a tariff (version 0) owned by the caller and holds `TariffDeposit`. Anyone.
		///
		/// Emits `TariffCreated`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::create_tariff(T::MaxTariffElements::get()))]
		pub fn create_tariff(origin: OriginFor<T>, elements: ElementsOf<T>) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_create_tariff(owner, elements, T::TariffDeposit::get()).map(|_| ())
		}

		/// Replaces a tariff's elements with a new version for new sessions; open sessions
		/// keep theirs. The tariff's owner.
		///
		/// Emits `TariffUpdated`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::update_tariff(T::MaxTariffElements::get()))]
		pub fn update_tariff(
			origin: OriginFor<T>,
			tariff: TariffId,
			elements: ElementsOf<T>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_update_tariff(owner, tariff, elements)
		}

		/// Removes a tariff no charger or member uses and releases its deposit; open sessions
		/// keep their version. The tariff's owner.
		///
		/// Emits `TariffRemoved`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::remove_tariff())]
		pub fn remove_tariff(origin: OriginFor<T>, tariff: TariffId) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_remove_tariff(owner, tariff)
		}

		/// Starts a session (pending) at an enabled, free `charger` for `vehicle`, for at most
		/// `energy_cap_wh`, and holds from the caller the worst-case cost under the current
		/// tariff version (the member's own, or the charger's) and `RecordDeposit`. The
		/// vehicle's owner or a current operator, a member at a members-only charger; the
		/// vehicle active and without an open session.
		///
		/// Emits `SessionStarted`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::start_session(T::MaxTariffElements::get()))]
		pub fn start_session(
			origin: OriginFor<T>,
			charger: ChargerId,
			vehicle: VehicleId,
			energy_cap_wh: WattHours,
		) -> DispatchResult {
			let driver = ensure_signed(origin)?;
			Self::do_start_session(driver, charger, vehicle, energy_cap_wh).map(|_| ())
		}

		/// Confirms a pending session (charge or discharge): the vehicle is plugged in and
		/// energy flows (active); the session's clock starts now. The charger's accepted meter
		/// or its operator.
		///
		/// Emits `SessionActivated`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::confirm_session())]
		pub fn confirm_session(origin: OriginFor<T>, session: SessionId) -> DispatchResult {
			let caller = ensure_signed(origin)?;
			Self::do_confirm_session(caller, session)
		}

		/// Stops an active session with the meter `reading` (energy at most the cap, time at
		/// most the time since the start and `MaxSessionDuration`) and settles it: the cost
		/// under the session's tariff version minus the platform fee to the operator (held
		/// for `DisputeWindow`), the fee to the treasury, the rest of the escrow back to the
		/// driver; writes the charge detail record and updates the totals. An optional
		/// `odometer_km` read by the charger goes to the vehicle's odometer history. The
		/// charger's accepted meter or its operator.
		///
		/// Emits `SessionCompleted`.
		#[pallet::call_index(11)]
		#[pallet::weight(
			T::WeightInfo::stop_session(T::MaxTariffElements::get())
				.saturating_add(T::Odometer::record_weight())
		)]
		pub fn stop_session(
			origin: OriginFor<T>,
			session: SessionId,
			reading: MeterReading,
			odometer_km: Option<Km>,
		) -> DispatchResult {
			let caller = ensure_signed(origin)?;
			Self::do_stop_session(caller, session, reading, odometer_km)
		}

		/// Ends a session without charging and gives the escrow and record deposit back
		/// (invalid): a pending one, by its driver or the charger's meter or operator; an
		/// active one not stopped within `MaxSessionDuration`, by its driver. A curtailment it
		/// accepted ends unpaid, its reservation back in the event's budget. A discharge
		/// session likewise; its escrow goes back to the operator.
		///
		/// Emits `SessionInvalidated` (`DischargeInvalidated`).
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::close_session())]
		pub fn close_session(origin: OriginFor<T>, session: SessionId) -> DispatchResult {
			let caller = ensure_signed(origin)?;
			Self::do_close_session(caller, session)
		}

		/// Disputes a completed session within `DisputeWindow` blocks of its settlement; the
		/// operator's share stays held until governance decides. Its driver, once.
		///
		/// Emits `SessionDisputed`.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::dispute_session())]
		pub fn dispute_session(origin: OriginFor<T>, session: SessionId) -> DispatchResult {
			let driver = ensure_signed(origin)?;
			Self::do_dispute_session(driver, session)
		}

		/// Decides an open dispute: `refund` (at most the operator's share; 0 rejects) goes
		/// from the operator's held share to the driver, and the totals drop by it.
		/// Governance only.
		///
		/// Emits `DisputeResolved`.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::resolve_dispute())]
		pub fn resolve_dispute(
			origin: OriginFor<T>,
			session: SessionId,
			refund: BalanceOf<T>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_resolve_dispute(session, refund)
		}

		/// Releases an operator's held share once the dispute window ended and no dispute
		/// waits. Anyone.
		///
		/// Emits `PaymentReleased`.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::release_payment())]
		pub fn release_payment(origin: OriginFor<T>, session: SessionId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_release_payment(session)
		}

		/// Approves `operator` as a grid operator: it may publish demand-response events.
		/// Governance only.
		///
		/// Emits `GridOperatorApproved`.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::approve_grid_operator())]
		pub fn approve_grid_operator(
			origin: OriginFor<T>,
			operator: T::AccountId,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_approve_grid_operator(operator)
		}

		/// Removes a grid operator: it publishes no more events; its open events run to
		/// their end. Governance only.
		///
		/// Emits `GridOperatorRemoved`.
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::remove_grid_operator())]
		pub fn remove_grid_operator(
			origin: OriginFor<T>,
			operator: T::AccountId,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_remove_grid_operator(operator)
		}

		/// Publishes a demand-response event for chargers whose geohash starts with `area`,
		/// from block `start` (after this one) to `end` (exclusive), paying `reward_per_kwh`
		/// per kWh of reduction, and holds `budget` from the caller. An approved grid
		/// operator with fewer than `MaxGridEvents` open events.
		///
		/// Emits `GridEventPublished`.
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::publish_grid_event())]
		pub fn publish_grid_event(
			origin: OriginFor<T>,
			area: GeohashOf<T>,
			start: BlockNumberFor<T>,
			end: BlockNumberFor<T>,
			reward_per_kwh: BalanceOf<T>,
			budget: BalanceOf<T>,
		) -> DispatchResult {
			let operator = ensure_signed(origin)?;
			let window = GridWindow { area, start, end, reward_per_kwh, budget };
			Self::do_publish_grid_event(operator, window).map(|_| ())
		}

		/// Cancels an event before its window starts: sessions that accepted it are let go
		/// and the whole budget goes back. Its grid operator.
		///
		/// Emits `GridEventCancelled`.
		#[pallet::call_index(19)]
		#[pallet::weight(T::WeightInfo::cancel_grid_event(T::MaxEventSessions::get()))]
		pub fn cancel_grid_event(origin: OriginFor<T>, event: GridEventId) -> DispatchResult {
			let operator = ensure_signed(origin)?;
			Self::do_cancel_grid_event(operator, event)
		}

		/// Closes an event once its window and `GridClaimPeriod` have passed: sessions still
		/// open lose their reward and the unused budget goes back to the grid operator.
		/// Anyone.
		///
		/// Emits `GridEventClosed`.
		#[pallet::call_index(20)]
		#[pallet::weight(T::WeightInfo::close_grid_event(T::MaxEventSessions::get()))]
		pub fn close_grid_event(origin: OriginFor<T>, event: GridEventId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_close_grid_event(event)
		}

		/// Enrols a charger in grid services (or changes its terms): its sessions may accept
		/// curtailment, and with `export_per_kwh` on a bidirectional charger drivers may
		/// discharge, paid that price per kWh by the operator. Its operator.
		///
		/// Emits `ChargerOptedIn`.
		#[pallet::call_index(21)]
		#[pallet::weight(T::WeightInfo::opt_in_grid())]
		pub fn opt_in_grid(
			origin: OriginFor<T>,
			charger: ChargerId,
			export_per_kwh: Option<BalanceOf<T>>,
		) -> DispatchResult {
			let operator = ensure_signed(origin)?;
			Self::do_opt_in_grid(operator, charger, export_per_kwh)
		}

		/// Withdraws a charger from grid services: no new curtailments or discharges there;
		/// running ones go on. Its operator.
		///
		/// Emits `ChargerOptedOut`.
		#[pallet::call_index(22)]
		#[pallet::weight(T::WeightInfo::opt_out_grid())]
		pub fn opt_out_grid(origin: OriginFor<T>, charger: ChargerId) -> DispatchResult {
			let operator = ensure_signed(origin)?;
			Self::do_opt_out_grid(operator, charger)
		}

		/// Declares the power an active session draws, in W (above 0, at most the charger's
		/// power); it counts for events announced after this block. Its driver or the
		/// charger's accepted meter or its operator, while the session curtails for no event.
		///
		/// Emits `BaselineDeclared`.
		#[pallet::call_index(23)]
		#[pallet::weight(T::WeightInfo::declare_baseline())]
		pub fn declare_baseline(
			origin: OriginFor<T>,
			session: SessionId,
			power_w: u32,
		) -> DispatchResult {
			let caller = ensure_signed(origin)?;
			Self::do_declare_baseline(caller, session, power_w)
		}

		/// Accepts to curtail an active session for `event` before its window ends, at an
		/// enrolled charger in its area, with a baseline declared before the event was
		/// announced; reserves the worst-case reward from the event's budget. Its driver.
		///
		/// Emits `CurtailmentAccepted`.
		#[pallet::call_index(24)]
		#[pallet::weight(T::WeightInfo::accept_curtailment())]
		pub fn accept_curtailment(
			origin: OriginFor<T>,
			session: SessionId,
			event: GridEventId,
		) -> DispatchResult {
			let driver = ensure_signed(origin)?;
			Self::do_accept_curtailment(driver, session, event)
		}

		/// Starts a discharge session (pending) at an enabled, free, bidirectional charger
		/// enrolled with an export price, for `vehicle` with `battery`: the vehicle may export
		/// down to `battery.min_soc_percent` (at most `MaxEnergyCap`). Holds the payment for
		/// that from the charger's operator and `RecordDeposit` from the caller. The
		/// vehicle's owner or a current operator, a member at a members-only charger.
		///
		/// Emits `DischargeStarted`.
		#[pallet::call_index(25)]
		#[pallet::weight(T::WeightInfo::start_discharge())]
		pub fn start_discharge(
			origin: OriginFor<T>,
			charger: ChargerId,
			vehicle: VehicleId,
			battery: BatteryState,
		) -> DispatchResult {
			let driver = ensure_signed(origin)?;
			Self::do_start_discharge(driver, charger, vehicle, battery).map(|_| ())
		}

		/// Stops an active discharge session with the meter `reading` and settles it: the
		/// export price times the exported kWh from the operator's escrow to the driver, the
		/// rest back to the operator; writes the discharge record. Refused when the export
		/// would take the battery below the minimum state of charge. The charger's accepted
		/// meter or its operator.
		///
		/// Emits `DischargeCompleted`.
		#[pallet::call_index(26)]
		#[pallet::weight(T::WeightInfo::stop_discharge())]
		pub fn stop_discharge(
			origin: OriginFor<T>,
			session: SessionId,
			reading: DischargeReading,
		) -> DispatchResult {
			let caller = ensure_signed(origin)?;
			Self::do_stop_discharge(caller, session, reading)
		}

		/// Closes a lapsed session (charge or discharge) without settling it, as
		/// `close_session` does: the escrow and the record deposit go back to whoever paid
		/// them, a curtailment it accepted ends unpaid. Anyone may call it once the session's
		/// driver may no longer operate the vehicle (sold, stolen, scrapped, or an operator
		/// right that ended or was revoked), or once it has been pending for
		/// `MaxPendingDuration` blocks. The caller pays only the transaction fee.
		///
		/// Emits `SessionInvalidated` (`DischargeInvalidated`), then `SessionLapsed`.
		#[pallet::call_index(27)]
		#[pallet::weight(T::WeightInfo::close_lapsed_session())]
		pub fn close_lapsed_session(origin: OriginFor<T>, session: SessionId) -> DispatchResult {
			let closer = ensure_signed(origin)?;
			Self::do_close_lapsed_session(closer, session)
		}

		/// Accepts the operator's invitation to be the charger's meter: from now on the caller
		/// confirms, stops and cancels its sessions. The invited account, with its own key.
		///
		/// Emits `MeterAccepted`.
		#[pallet::call_index(28)]
		#[pallet::weight(T::WeightInfo::accept_charger_meter())]
		pub fn accept_charger_meter(origin: OriginFor<T>, charger: ChargerId) -> DispatchResult {
			let meter = ensure_signed(origin)?;
			Self::do_accept_charger_meter(meter, charger)
		}

		/// Leaves a charger as its meter, or declines the invitation: the caller loses the
		/// meter's powers at once. Open sessions go on; the operator confirms and stops them.
		/// The meter (or invited account) itself.
		///
		/// Emits `MeterLeft`.
		#[pallet::call_index(29)]
		#[pallet::weight(T::WeightInfo::leave_charger_meter())]
		pub fn leave_charger_meter(origin: OriginFor<T>, charger: ChargerId) -> DispatchResult {
			let meter = ensure_signed(origin)?;
			Self::do_leave_charger_meter(meter, charger)
		}

		/// Names `device` (not the caller) as the charger's meter, invited: it acts once it
		/// accepts. The current meter or invitation ends at once; `None` only removes it. Open
		/// sessions go on; the operator confirms and stops them. The charger's operator.
		///
		/// Emits `MeterRemoved` for the meter or invitation it replaces, then `MeterInvited`.
		#[pallet::call_index(30)]
		#[pallet::weight(T::WeightInfo::set_charger_meter())]
		pub fn set_charger_meter(
			origin: OriginFor<T>,
			charger: ChargerId,
			device: Option<T::AccountId>,
		) -> DispatchResult {
			let operator = ensure_signed(origin)?;
			Self::do_set_charger_meter(operator, charger, device)
		}
	}
}
