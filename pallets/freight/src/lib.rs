//! # Freight
//!
//! A neutral custody and evidence ledger for shipments between a shipper, its carriers and the
//! consignee, in the vocabulary of GS1 EPCIS 2.0 / CBV 2.0: object, aggregation and transaction
//! events, sensor data by commitment, and error declarations instead of edits. No party owns
//! the ledger (TradeLens failed because one carrier did).
//!
//! - The **shipper** creates a shipment (an item, a pallet or a container), holds its deposit
//!   and an optional delivery escrow, and is its first custodian.
//! - Exactly one **custodian** holds a root shipment at any time; custody moves by an offer
//!   that the leg's **carrier** or the **consignee** accepts before it expires. Units packed
//!   into a parent (aggregation) follow the parent's custody.
//! - A custodian loads a shipment on a vehicle it may operate; a sale, theft or scrapping of
//!   the vehicle ends the link.
//! - **Sensors** (registered with their own signature, or bound to the carrying vehicle) commit
//!   one Merkle root of readings per day and report excursions from the condition spec; an
//!   excursion opens a claim on the escrow.
//! - The **consignee** confirms delivery with a proof-of-delivery hash; after the claim window
//!   the escrow goes to the carrier, or the parties agree a split, or **governance** decides.
//! - Closed shipments stay readable for `RetentionPeriod`, then the shipper removes them and
//!   gets the deposit back.
//!
//! Apps read shipments, their event logs and vehicle loads through
//! [`runtime_api::FreightApi`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod features;
mod genesis;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
// Natively always, so the runtime's tests check the invariants too; in the Wasm with
// `try-runtime` only.
#[cfg(any(feature = "try-runtime", feature = "std"))]
mod try_state;
pub mod types;
mod vehicle_hooks;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use polkadot_sdk::{frame_support::traits::fungible, frame_system};

/// The balance type of the configured currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// Sets up what the benchmarks need in the runtime: vehicles and a sensor's key.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId, Signature> {
	/// Registers an active vehicle owned by `owner` with `device` bound to it; returns its id.
	fn create_vehicle(owner: &AccountId, device: &AccountId) -> v2x_primitives::VehicleId;
	/// The account of a sensor whose key `sign_as_sensor` signs with.
	fn sensor() -> AccountId;
	/// The sensor's signature on `payload`.
	fn sign_as_sensor(payload: &[u8]) -> Signature;
}

// A shipment's creation takes nine arguments and a sensor's daily commitment seven: they are
// the forms apps show the shipper and the sensor.
#[allow(clippy::too_many_arguments)]
#[polkadot_sdk::frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use polkadot_sdk::{
		frame_support::{
			pallet_prelude::*,
			traits::{
				fungible::{Inspect, InspectHold, Mutate, MutateHold},
				UnixTime,
			},
			DefaultNoBound,
		},
		frame_system::pallet_prelude::*,
		sp_core::H256,
		sp_runtime::traits::{IdentifyAccount, Verify, Zero},
	};
	use v2x_primitives::{VehicleId, VehicleRegistry};

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>>
			+ IsType<<Self as polkadot_sdk::frame_system::Config>::RuntimeEvent>;

		/// The currency deposits and escrows are in.
		type Currency: Inspect<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ InspectHold<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The hold reasons of the runtime, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// Who may drive which vehicle, and which devices are bound to which vehicle.
		type Vehicles: VehicleRegistry<Self::AccountId, BlockNumberFor<Self>>;

		/// Decides a claim the parties cannot settle.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Wall-clock time: sensors commit one root per UTC day (day = now_secs / 86_400).
		type UnixTime: UnixTime;

		/// A sensor's signature consenting to its registration.
		type SensorSignature: Verify<Signer = Self::SensorPublic> + Parameter;

		/// The key a sensor signs with; it identifies the sensor's account.
		type SensorPublic: IdentifyAccount<AccountId = Self::AccountId>;

		/// The most legs of one shipment.
		#[pallet::constant]
		type MaxLegs: Get<u32>;

		/// The most units directly inside one parent.
		#[pallet::constant]
		type MaxChildren: Get<u32>;

		/// The most EPCIS events stored per shipment.
		#[pallet::constant]
		type MaxEvents: Get<u32>;

		/// The most registered sensors per shipment.
		#[pallet::constant]
		type MaxSensors: Get<u32>;

		/// The most daily roots stored per shipment (all sensors together).
		#[pallet::constant]
		type MaxConditionDays: Get<u32>;

		/// The most excursions stored per shipment; the counter keeps counting.
		#[pallet::constant]
		type MaxExcursions: Get<u32>;

		/// The most shipments loaded on one vehicle at once.
		#[pallet::constant]
		type MaxShipmentsPerVehicle: Get<u32>;

		/// The longest a hand-off offer stays open, in blocks.
		#[pallet::constant]
		type MaxHandoffDuration: Get<BlockNumberFor<Self>>;

		/// The shortest claim window after delivery, in blocks.
		#[pallet::constant]
		type MinClaimWindow: Get<BlockNumberFor<Self>>;

		/// The longest claim window after delivery, in blocks.
		#[pallet::constant]
		type MaxClaimWindow: Get<BlockNumberFor<Self>>;

		/// Closed shipments stay readable this many blocks before they may be removed.
		#[pallet::constant]
		type RetentionPeriod: Get<BlockNumberFor<Self>>;

		/// Held from the shipper per shipment; covers every stored record of it.
		#[pallet::constant]
		type ShipmentDeposit: Get<BalanceOf<Self>>;

		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;

		/// Creates vehicles and signs as a sensor for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId, Self::SensorSignature>;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A shipment's storage deposit, until it is removed.
		Deposit,
		/// A shipment's delivery escrow, until it is paid out or refunded.
		Escrow,
	}

	/// Every shipment not yet removed.
	#[pallet::storage]
	pub type Shipments<T: Config> = StorageMap<_, Twox64Concat, ShipmentId, Shipment<T>>;

	/// The id the next shipment gets.
	#[pallet::storage]
	pub type NextShipmentId<T: Config> = StorageValue<_, ShipmentId, ValueQuery>;

	/// The aggregation tree's edges: (parent, child).
	#[pallet::storage]
	pub type Children<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ShipmentId, Twox64Concat, ShipmentId, ()>;

	/// Each shipment's EPCIS events: append-only, never changed.
	#[pallet::storage]
	pub type Events<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ShipmentId, Twox64Concat, EventIndex, EpcisEventOf<T>>;

	/// Error declarations on stored events, at most one per event.
	#[pallet::storage]
	pub type ErrorDeclarations<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ShipmentId,
		Twox64Concat,
		EventIndex,
		ErrorDeclarationOf<T>,
	>;

	/// The sensors registered to each shipment.
	#[pallet::storage]
	pub type Sensors<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ShipmentId, Blake2_128Concat, T::AccountId, ()>;

	/// The daily roots of readings: (shipment, (day, sensor)).
	#[pallet::storage]
	pub type DailyRoots<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ShipmentId,
		Blake2_128Concat,
		(u32, T::AccountId),
		DailyRoot<BlockNumberFor<T>>,
	>;

	/// Every stored root and where: a root is never committed twice, across shipments. Hashed:
	/// the root is chosen by the sensor.
	#[pallet::storage]
	pub type SeenRoots<T: Config> = StorageMap<_, Blake2_128Concat, H256, (ShipmentId, u32)>;

	/// The first `MaxExcursions` excursions of each shipment: (shipment, index).
	#[pallet::storage]
	pub type Excursions<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ShipmentId, Twox64Concat, u32, ExcursionOf<T>>;

	/// The shipments each vehicle carries: (vehicle, shipment).
	#[pallet::storage]
	pub type VehicleLoads<T: Config> =
		StorageDoubleMap<_, Twox64Concat, VehicleId, Twox64Concat, ShipmentId, ()>;

	/// How many shipments each vehicle carries (at most `MaxShipmentsPerVehicle`).
	#[pallet::storage]
	pub type VehicleLoadCount<T: Config> = StorageMap<_, Twox64Concat, VehicleId, u32, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A shipper created a shipment; its deposit and `escrow` are held.
		ShipmentCreated {
			shipment: ShipmentId,
			shipper: T::AccountId,
			carrier: T::AccountId,
			consignee: T::AccountId,
			kind: UnitKind,
			escrow: BalanceOf<T>,
		},
		/// The shipper cancelled a shipment before pick-up; its escrow went back.
		ShipmentCancelled { shipment: ShipmentId },
		/// The custodian offered custody to `to` until `expires_at` (inclusive).
		HandoffOffered {
			shipment: ShipmentId,
			from: T::AccountId,
			to: T::AccountId,
			expires_at: BlockNumberFor<T>,
		},
		/// The custodian withdrew its hand-off offer.
		HandoffCancelled { shipment: ShipmentId },
		/// Custody passed from `from` to `to`; `leg` is the leg in progress.
		CustodyTransferred { shipment: ShipmentId, from: T::AccountId, to: T::AccountId, leg: u32 },
		/// The custodian loaded a shipment on a vehicle.
		ShipmentLoaded { shipment: ShipmentId, vehicle: VehicleId },
		/// The custodian unloaded a shipment from a vehicle.
		ShipmentUnloaded { shipment: ShipmentId, vehicle: VehicleId },
		/// A unit was packed into `parent`: it follows the parent's custody.
		ShipmentAggregated { child: ShipmentId, parent: ShipmentId },
		/// A unit was unpacked from `parent`: the caller holds its custody.
		ShipmentDisaggregated { child: ShipmentId, parent: ShipmentId },
		/// An EPCIS event was appended to a shipment's log at `index`.
		EpcisEventRecorded {
			shipment: ShipmentId,
			index: EventIndex,
			kind: EventKind,
			biz_step: BizStep,
			by: T::AccountId,
		},
		/// The recorder of an event declared it wrong (the event itself is unchanged).
		ErrorDeclared {
			shipment: ShipmentId,
			event: EventIndex,
			reason: ErrorReason,
			corrective: Option<EventIndex>,
		},
		/// A sensor was registered to a shipment with its own consent.
		SensorRegistered { shipment: ShipmentId, device: T::AccountId },
		/// A sensor left a shipment.
		SensorRemoved { shipment: ShipmentId, device: T::AccountId },
		/// A sensor committed the Merkle root of a day's readings.
		ReadingsCommitted {
			shipment: ShipmentId,
			sensor: T::AccountId,
			day: u32,
			root: H256,
			readings: u32,
		},
		/// A sensor reported a reading outside the condition spec.
		ExcursionReported {
			shipment: ShipmentId,
			sensor: T::AccountId,
			at: BlockNumberFor<T>,
			reading: DeciCelsius,
		},
		/// A claim on the escrow was opened: it is held until settled.
		ClaimOpened { shipment: ShipmentId },
		/// The consignee took custody and recorded its proof of delivery.
		ShipmentDelivered { shipment: ShipmentId, consignee: T::AccountId, pod: H256 },
		/// The shipper or the carrier proposed what the carrier gets of the escrow.
		SettlementProposed { shipment: ShipmentId, by: T::AccountId, to_carrier: BalanceOf<T> },
		/// A claim was settled: the escrow split between carrier and shipper.
		ClaimSettled {
			shipment: ShipmentId,
			to_carrier: BalanceOf<T>,
			to_shipper: BalanceOf<T>,
			by_governance: bool,
		},
		/// The claim window passed without a claim: the escrow went to the carrier.
		EscrowReleased { shipment: ShipmentId, carrier: T::AccountId, amount: BalanceOf<T> },
		/// A closed shipment and its records were removed; its deposit went back.
		ShipmentRemoved { shipment: ShipmentId },
		/// A vehicle's sale, theft or scrapping ended its link to a shipment.
		VehicleLinkEnded { shipment: ShipmentId, vehicle: VehicleId, cause: LinkEnd },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No shipment has this id.
		UnknownShipment,
		/// A shipment needs at least one leg.
		NoLegs,
		/// The condition spec's minimum is above its maximum.
		InvalidCondition,
		/// The claim window must lie between `MinClaimWindow` and `MaxClaimWindow`.
		InvalidClaimWindow,
		/// The consignee must not be the shipper.
		SelfDealing,
		/// Only the shipper may do this.
		NotShipper,
		/// Custody already left the shipper: the shipment can no longer be cancelled.
		AlreadyPickedUp,
		/// The shipment still contains units: disaggregate them first.
		HasChildren,
		/// The shipment is packed inside another: act on its root.
		Aggregated,
		/// The shipment is not packed inside another.
		NotAggregated,
		/// The shipment is loaded on a vehicle: unload it first.
		Loaded,
		/// The shipment is not loaded on a vehicle.
		NotLoaded,
		/// Only the custodian (of the shipment's root) may do this.
		NotCustodian,
		/// The shipment is not created or in transit (delivered or closed).
		NotInTransit,
		/// Only a party (a leg carrier or the consignee; for settlements the shipper or the
		/// carrier) may do this.
		NotAParty,
		/// The account already holds custody.
		AlreadyCustodian,
		/// A hand-off must expire after this block and within `MaxHandoffDuration`.
		InvalidExpiry,
		/// A hand-off offer is pending: wait for it, or cancel it first.
		HandoffPending,
		/// No hand-off offer is pending.
		NoHandoff,
		/// The hand-off is offered to someone else.
		NotOfferee,
		/// The hand-off offer expired: custody stays with the offerer.
		HandoffExpired,
		/// No vehicle has this id.
		UnknownVehicle,
		/// The vehicle is stolen or scrapped.
		VehicleNotActive,
		/// The caller may not operate this vehicle.
		NotOperator,
		/// The vehicle carries `MaxShipmentsPerVehicle` shipments already.
		VehicleFull,
		/// A unit goes only into a unit of a higher kind, never into itself.
		InvalidAggregation,
		/// The parent holds `MaxChildren` units already.
		TooManyChildren,
		/// The shipment is closed.
		ShipmentClosed,
		/// The shipment's event log is full (`MaxEvents`).
		TooManyEvents,
		/// The shipment has no event with this index.
		UnknownEvent,
		/// Only the account that recorded the event may declare it wrong.
		NotRecorder,
		/// The event was declared wrong already.
		AlreadyDeclared,
		/// An event cannot correct itself.
		InvalidCorrection,
		/// The device's signature on the registration payload is invalid.
		BadSignature,
		/// The sensor is registered to this shipment already.
		AlreadyRegistered,
		/// The shipment has `MaxSensors` sensors already.
		TooManySensors,
		/// The caller is not a sensor of this shipment (registered, or bound to its vehicle).
		NotSensor,
		/// The day must lie between the shipment's creation day and today.
		InvalidDay,
		/// Readings need a count above zero and `min <= max`.
		InvalidReadings,
		/// The sensor committed this day's root already.
		AlreadyCommitted,
		/// This root was committed before (here or in another shipment).
		RootReplayed,
		/// The shipment has `MaxConditionDays` daily roots already.
		TooManyCommitments,
		/// The shipment has no condition spec.
		NoCondition,
		/// The reading lies within the condition spec.
		NotAnExcursion,
		/// The time must lie between the shipment's creation and now.
		InvalidTime,
		/// The reading is after delivery: custody had passed to the consignee.
		AfterDelivery,
		/// The claim window closed.
		ClaimWindowClosed,
		/// Only the consignee may do this.
		NotConsignee,
		/// The amount is above the escrow.
		AboveEscrow,
		/// The shipment is not delivered.
		NotDelivered,
		/// The claim window is still open.
		ClaimWindowOpen,
		/// A claim is open: settle it first.
		ClaimOpen,
		/// The shipment is not closed.
		NotClosed,
		/// Closed shipments stay readable for `RetentionPeriod`.
		RetentionRunning,
		/// A counter reached its largest value.
		Overflow,
	}

	#[pallet::genesis_config]
	#[derive(DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Shipments (ids 0, 1, ...), created as by the calls.
		pub shipments: Vec<GenesisShipmentOf<T>>,
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
			assert!(T::MaxLegs::get() > 0, "shipments need legs");
			assert!(T::MaxEvents::get() > 0, "shipments need events");
			assert!(T::MaxChildren::get() > 0, "aggregation needs children");
			assert!(T::MaxShipmentsPerVehicle::get() > 0, "vehicles must carry shipments");
			assert!(T::MaxHandoffDuration::get() > Zero::zero(), "hand-offs need time");
			assert!(
				T::MinClaimWindow::get() <= T::MaxClaimWindow::get(),
				"the claim window bounds are in order"
			);
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
		/// Creates a shipment of `kind` from the caller (the shipper, its first custodian) to
		/// `consignee`, contracted to `carrier`, over `legs` (at least one). Holds
		/// `ShipmentDeposit` and `escrow` (if above zero) from the caller. Any signed account.
		///
		/// Emits `ShipmentCreated` and `EpcisEventRecorded` (commissioning).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_shipment())]
		pub fn create_shipment(
			origin: OriginFor<T>,
			kind: UnitKind,
			consignee: T::AccountId,
			carrier: T::AccountId,
			legs: LegsOf<T>,
			condition: Option<ConditionSpec>,
			escrow: BalanceOf<T>,
			document: H256,
			claim_window: BlockNumberFor<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_create_shipment(
				who,
				kind,
				consignee,
				carrier,
				legs,
				condition,
				escrow,
				document,
				claim_window,
			)
			.map(|_| ())
		}

		/// Cancels a shipment that never left the shipper: the escrow goes back, the deposit
		/// stays until removal. The shipper only; not aggregated, loaded or holding units.
		///
		/// Emits `ShipmentCancelled`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::cancel_shipment())]
		pub fn cancel_shipment(origin: OriginFor<T>, id: ShipmentId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel_shipment(who, id)
		}

		/// Offers custody of a root shipment to `to` (a leg carrier or the consignee) until
		/// `expires_at` (inclusive, within `MaxHandoffDuration`). The custodian only.
		///
		/// Emits `HandoffOffered`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::offer_handoff())]
		pub fn offer_handoff(
			origin: OriginFor<T>,
			id: ShipmentId,
			to: T::AccountId,
			expires_at: BlockNumberFor<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_offer_handoff(who, id, to, expires_at)
		}

		/// Withdraws the pending hand-off offer. The custodian only.
		///
		/// Emits `HandoffCancelled`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::cancel_handoff())]
		pub fn cancel_handoff(origin: OriginFor<T>, id: ShipmentId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel_handoff(who, id)
		}

		/// Takes custody offered to the caller, before the offer expires. The shipment leaves
		/// the previous custodian's vehicle. The offeree only.
		///
		/// Emits `CustodyTransferred` and `EpcisEventRecorded` (receiving).
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::accept_handoff())]
		pub fn accept_handoff(origin: OriginFor<T>, id: ShipmentId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_accept_handoff(who, id)
		}

		/// Loads a root shipment on an active vehicle the caller may operate. The custodian
		/// only.
		///
		/// Emits `ShipmentLoaded` and `EpcisEventRecorded` (loading).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::load())]
		pub fn load(origin: OriginFor<T>, id: ShipmentId, vehicle: VehicleId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_load(who, id, vehicle)
		}

		/// Unloads a shipment from its vehicle. The custodian only.
		///
		/// Emits `ShipmentUnloaded` and `EpcisEventRecorded` (unloading).
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::unload())]
		pub fn unload(origin: OriginFor<T>, id: ShipmentId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_unload(who, id)
		}

		/// Packs the root shipment `child` into `parent` (a unit of a higher kind): it then
		/// follows the parent's custody. The custodian of both only.
		///
		/// Emits `ShipmentAggregated` and `EpcisEventRecorded` (packing, on the parent).
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::aggregate())]
		pub fn aggregate(
			origin: OriginFor<T>,
			child: ShipmentId,
			parent: ShipmentId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_aggregate(who, child, parent)
		}

		/// Unpacks `child` from its parent: the caller holds its custody. The custodian of its
		/// root only.
		///
		/// Emits `ShipmentDisaggregated` and `EpcisEventRecorded` (unpacking, on the parent).
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::disaggregate())]
		pub fn disaggregate(origin: OriginFor<T>, child: ShipmentId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_disaggregate(who, child)
		}

		/// Appends an EPCIS object event (departing, arriving, inspecting...) to the shipment's
		/// log. The custodian of its root only, before it is closed.
		///
		/// Emits `EpcisEventRecorded`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::record_event())]
		pub fn record_event(
			origin: OriginFor<T>,
			id: ShipmentId,
			biz_step: BizStep,
			disposition: Disposition,
			location: Option<Location>,
			data: Option<H256>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_record_event(who, id, biz_step, disposition, location, data)
		}

		/// Declares a stored event wrong, optionally naming the corrective event; the event
		/// itself never changes. The event's recorder only, once per event.
		///
		/// Emits `ErrorDeclared`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::declare_error())]
		pub fn declare_error(
			origin: OriginFor<T>,
			id: ShipmentId,
			event: EventIndex,
			reason: ErrorReason,
			corrective: Option<EventIndex>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_declare_error(who, id, event, reason, corrective)
		}

		/// Registers `device` as a sensor of the shipment, with its signature on
		/// `sensor_payload(id)`. The shipper or the custodian of the root only.
		///
		/// Emits `SensorRegistered`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::register_sensor())]
		pub fn register_sensor(
			origin: OriginFor<T>,
			id: ShipmentId,
			device: T::AccountId,
			signature: T::SensorSignature,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register_sensor(who, id, device, signature)
		}

		/// Removes a registered sensor. The device itself or the shipper only.
		///
		/// Emits `SensorRemoved`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::remove_sensor())]
		pub fn remove_sensor(
			origin: OriginFor<T>,
			id: ShipmentId,
			device: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_sensor(who, id, device)
		}

		/// Commits the Merkle root of a day's readings. A registered sensor, or a device bound
		/// to the vehicle carrying the shipment's root, only.
		///
		/// Emits `ReadingsCommitted` (and `EpcisEventRecorded` if the log has room).
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::commit_readings())]
		pub fn commit_readings(
			origin: OriginFor<T>,
			id: ShipmentId,
			day: u32,
			root: H256,
			readings: u32,
			min: DeciCelsius,
			max: DeciCelsius,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_commit_readings(who, id, day, root, readings, min, max)
		}

		/// Reports a reading outside the condition spec at block `at`; opens a claim on a
		/// non-zero escrow. A sensor of the shipment only.
		///
		/// Emits `ExcursionReported` (and `ClaimOpened`, `EpcisEventRecorded`).
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::report_excursion())]
		pub fn report_excursion(
			origin: OriginFor<T>,
			id: ShipmentId,
			at: BlockNumberFor<T>,
			reading: DeciCelsius,
			evidence: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_report_excursion(who, id, at, reading, evidence)
		}

		/// Confirms delivery with the proof-of-delivery hash `pod`, taking custody (as the
		/// custodian or with a live offer). The consignee only.
		///
		/// Emits `ShipmentDelivered` and `EpcisEventRecorded` (receiving).
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::confirm_delivery())]
		pub fn confirm_delivery(origin: OriginFor<T>, id: ShipmentId, pod: H256) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_confirm_delivery(who, id, pod)
		}

		/// Proposes that the carrier gets `to_carrier` of the escrow (opening a claim); when
		/// the shipper's and the carrier's proposals match, the escrow is split. The shipper or
		/// the carrier only.
		///
		/// Emits `SettlementProposed` (and `ClaimSettled`).
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::agree_settlement())]
		pub fn agree_settlement(
			origin: OriginFor<T>,
			id: ShipmentId,
			to_carrier: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_agree_settlement(who, id, to_carrier)
		}

		/// Splits the escrow: `to_carrier` to the carrier, the rest to the shipper.
		/// `GovernanceOrigin` only.
		///
		/// Emits `ClaimSettled`.
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::decide_claim())]
		pub fn decide_claim(
			origin: OriginFor<T>,
			id: ShipmentId,
			to_carrier: BalanceOf<T>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_decide_claim(id, to_carrier)
		}

		/// Pays the escrow to the carrier once the claim window after delivery passed without
		/// a claim, and closes the shipment. Anyone.
		///
		/// Emits `EscrowReleased`.
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::release_escrow())]
		pub fn release_escrow(origin: OriginFor<T>, id: ShipmentId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_release_escrow(id)
		}

		/// Removes a shipment closed for `RetentionPeriod` with all its records; the deposit
		/// goes back. The shipper only.
		///
		/// Emits `ShipmentRemoved`.
		#[pallet::call_index(19)]
		#[pallet::weight(T::WeightInfo::remove_shipment())]
		pub fn remove_shipment(origin: OriginFor<T>, id: ShipmentId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_shipment(who, id)
		}
	}
}
