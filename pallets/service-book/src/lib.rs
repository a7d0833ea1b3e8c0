//! # Service book and odometer
//!
//! A vehicle's lasting maintenance history and a tamper-evident odometer.
//!
//! - **Governance** (`GovernanceOrigin`, root on the dev chain) approves workshops with their
//!   name and certifications, updates them, and suspends or reinstates them.
//! - A **manufacturer** marks approved workshops as authorised for its brand (a deposit is held
//!   from it); records say whether their workshop was authorised by the vehicle's maker.
//! - The **owner** (or a current **operator**) of an active vehicle opens a work order for a
//!   workshop, with an expiry (an operator's order ends with its right at the latest); a
//!   deposit is held from the opener until the order is closed. The order is the owner's
//!   consent, and it ends with the consent: a sale, a theft report or scrapping ends every
//!   open order of the vehicle at once (deposits back), and a workshop cannot use an order
//!   whose opener may no longer operate the vehicle.
//! - A **workshop** holding an open order adds one record: odometer, kind of work (maintenance,
//!   repair, inspection pass/fail, recall work, tyres, battery state of health, instrument
//!   cluster replacement), documents hash and URI. Adding it closes the order. A deposit is
//!   held from the workshop for as long as the record exists: records are never edited or
//!   deleted, so this deposit is never returned. A correction is a new record, by the same
//!   workshop, pointing to the one it corrects, and needs an open order too: the owner's
//!   consent again. Scrapped vehicles take no new records.
//! - A **device** bound to the vehicle reports the odometer (`report_odometer`).
//!
//! Every reading (workshops, devices, and other pallets such as chargers and inspections)
//! goes through [`v2x_primitives::OdometerLog`], implemented by [`Pallet`]; the rule that
//! flags rollbacks and implausible jumps is in [`odometer`]. Flagged readings are kept as
//! evidence, counted on the vehicle and announced by an event.
//!
//! Storage stays bounded: the vehicle's odometer state with a ring buffer of its last
//! `MaxRecentReadings` readings in the same value (one read and one write per consistent
//! reading), its first and its latest `MaxFlaggedReadings` flagged readings
//! (the counter goes on), records by id with a per-vehicle index, and at most
//! `MaxOpenWorkOrders` orders per vehicle. Anyone reads a vehicle's history through the [`runtime_api::ServiceBookApi`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod features;
mod genesis;
pub mod migrations;
#[cfg(test)]
mod mock;
pub mod odometer;
mod passport;
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

/// Sets up what the benchmarks need in the runtime's vehicle registry.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Registers an active vehicle owned by `owner` with `device` bound to it, and returns its
	/// id. Its manufacturer must be a registered manufacturer (`VehicleRegistry::manufacturer`
	/// and `is_manufacturer`).
	fn create_vehicle(owner: &AccountId, device: &AccountId) -> v2x_primitives::VehicleId;
	/// Fills `vehicle`'s operator list to the registry's maximum with `operator` last (the
	/// slowest to find), each with a right for the rest of the benchmark.
	fn add_operators(vehicle: v2x_primitives::VehicleId, operator: &AccountId);
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
	};
	use v2x_primitives::{FlagReason, Km, OdometerSource, VehicleId, VehicleRegistry};

	/// 2: the odometer's plausibility window became a distance credit (`migrations::v2`).
	/// 3: the recent readings moved into the odometer's value (`migrations::v3`).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(3);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>>
			+ IsType<<Self as polkadot_sdk::frame_system::Config>::RuntimeEvent>;

		/// The currency deposits are held in.
		type Currency: Inspect<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The hold reasons of the runtime, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// Who owns and operates vehicles, their status and bound devices.
		type Vehicles: VehicleRegistry<Self::AccountId, BlockNumberFor<Self>>;

		/// Approves, updates, suspends and reinstates workshops.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Wall-clock time, stamped on records and earning odometer distance credit.
		type UnixTime: UnixTime;

		/// Held from the workshop for each record it adds, for as long as the record exists.
		#[pallet::constant]
		type RecordDeposit: Get<BalanceOf<Self>>;

		/// Held from the opener of a work order until the order is closed.
		#[pallet::constant]
		type WorkOrderDeposit: Get<BalanceOf<Self>>;

		/// Held from a manufacturer for each workshop it authorises for its brand.
		#[pallet::constant]
		type AuthorisationDeposit: Get<BalanceOf<Self>>;

		/// The longest workshop name, in bytes.
		#[pallet::constant]
		type MaxNameLength: Get<u32>;

		/// The most certifications a workshop may list.
		#[pallet::constant]
		type MaxCertifications: Get<u32>;

		/// The longest certification, in bytes.
		#[pallet::constant]
		type MaxCertificationLength: Get<u32>;

		/// The longest document URI, in bytes.
		#[pallet::constant]
		type MaxUriLength: Get<u32>;

		/// The most work orders open on one vehicle at a time.
		#[pallet::constant]
		type MaxOpenWorkOrders: Get<u32>;

		/// How far ahead a work order may expire, in blocks.
		#[pallet::constant]
		type MaxWorkOrderDuration: Get<BlockNumberFor<Self>>;

		/// How many recent readings each vehicle keeps (a ring buffer inside its `Odometers`
		/// value: older ones are overwritten). Changing it needs a migration: a stored ring
		/// longer than the bound no longer decodes, and ring positions follow the bound.
		#[pallet::constant]
		type MaxRecentReadings: Get<u32>;

		/// How many flagged readings each vehicle keeps as evidence: the first this many for
		/// good, and the latest this many (the flag counter keeps counting).
		#[pallet::constant]
		type MaxFlaggedReadings: Get<u32>;

		/// The most kilometres a vehicle can plausibly drive in a day.
		#[pallet::constant]
		type MaxKmPerDay: Get<Km>;

		/// The highest reading a newly fitted instrument cluster may start at.
		#[pallet::constant]
		type MaxNewClusterKm: Get<Km>;

		/// The most records one runtime API call returns.
		#[pallet::constant]
		type MaxPageSize: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Creates vehicles in the runtime's registry for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A service record, held from its workshop.
		ServiceRecord,
		/// An open work order, held from its opener.
		WorkOrder,
		/// A workshop authorised for a brand, held from the manufacturer.
		BrandAuthorisation,
	}

	/// Workshops approved by governance.
	#[pallet::storage]
	pub type Workshops<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, Workshop<T>>;

	/// Workshops a manufacturer authorised for its brand: (manufacturer, workshop).
	#[pallet::storage]
	pub type BrandAuthorisations<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		BrandAuthorisation<T>,
	>;

	/// Open work orders: (vehicle, workshop).
	#[pallet::storage]
	pub type WorkOrders<T: Config> =
		StorageDoubleMap<_, Twox64Concat, VehicleId, Blake2_128Concat, T::AccountId, WorkOrder<T>>;

	/// How many work orders are open on each vehicle.
	#[pallet::storage]
	pub type OpenWorkOrders<T: Config> = StorageMap<_, Twox64Concat, VehicleId, u32, ValueQuery>;

	/// The id the next record gets.
	#[pallet::storage]
	pub type NextRecordId<T: Config> = StorageValue<_, RecordId, ValueQuery>;

	/// Every service record, by id.
	#[pallet::storage]
	pub type Records<T: Config> = StorageMap<_, Twox64Concat, RecordId, ServiceRecord<T>>;

	/// Each vehicle's records in order: (vehicle, position from 0) -> record id.
	#[pallet::storage]
	pub type VehicleRecords<T: Config> =
		StorageDoubleMap<_, Twox64Concat, VehicleId, Twox64Concat, u32, RecordId>;

	/// How many records each vehicle has.
	#[pallet::storage]
	pub type RecordCount<T: Config> = StorageMap<_, Twox64Concat, VehicleId, u32, ValueQuery>;

	/// Each vehicle's odometer: last accepted reading, true distance, counters, and its last
	/// `MaxRecentReadings` readings (one value, so a consistent reading writes it once).
	#[pallet::storage]
	pub type Odometers<T: Config> = StorageMap<_, Twox64Concat, VehicleId, OdometerHistoryOf<T>>;

	/// Flagged readings of each vehicle: (vehicle, slot). Slots `0..MaxFlaggedReadings` hold
	/// the first ones for good, the next `MaxFlaggedReadings` slots a ring of the latest
	/// (`odometer::flag_slot`).
	#[pallet::storage]
	pub type FlaggedReadings<T: Config> =
		StorageDoubleMap<_, Twox64Concat, VehicleId, Twox64Concat, u32, ReadingOf<T>>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Governance approved a workshop.
		WorkshopApproved { workshop: T::AccountId, name: NameOf<T> },
		/// Governance changed a workshop's name or certifications.
		WorkshopUpdated { workshop: T::AccountId, name: NameOf<T> },
		/// Governance suspended a workshop: no new work orders or records.
		WorkshopSuspended { workshop: T::AccountId },
		/// Governance lifted a workshop's suspension.
		WorkshopReinstated { workshop: T::AccountId },
		/// A manufacturer authorised a workshop for its brand.
		WorkshopAuthorised { manufacturer: T::AccountId, workshop: T::AccountId },
		/// A manufacturer withdrew a workshop's authorisation for its brand.
		WorkshopAuthorisationRevoked { manufacturer: T::AccountId, workshop: T::AccountId },
		/// The owner or an operator opened a work order for a workshop.
		WorkOrderOpened {
			vehicle: VehicleId,
			workshop: T::AccountId,
			opener: T::AccountId,
			expires_at: BlockNumberFor<T>,
		},
		/// An open work order was cancelled by its opener or its workshop.
		WorkOrderCancelled { vehicle: VehicleId, workshop: T::AccountId, by: T::AccountId },
		/// An expired work order, or one whose opener may no longer operate the vehicle, was
		/// cleaned up; its deposit went back to the opener.
		WorkOrderExpired { vehicle: VehicleId, workshop: T::AccountId, opener: T::AccountId },
		/// A sale, theft report or scrapping ended an open work order: the consent behind it
		/// ended. Its deposit went back to the opener.
		WorkOrderEnded { vehicle: VehicleId, workshop: T::AccountId, opener: T::AccountId },
		/// A workshop added a record, closing its work order.
		RecordAdded {
			record: RecordId,
			vehicle: VehicleId,
			workshop: T::AccountId,
			kind: RecordKind,
			odometer_km: Km,
		},
		/// A workshop corrected one of its records with a new record.
		RecordCorrected {
			record: RecordId,
			corrects: RecordId,
			vehicle: VehicleId,
			workshop: T::AccountId,
		},
		/// A reading was accepted: `total_km` is the vehicle's true distance now.
		OdometerRecorded { vehicle: VehicleId, km: Km, total_km: Km, source: OdometerSource },
		/// A reading was kept as evidence but not accepted: below the last accepted reading
		/// (`Rollback`) or further than the vehicle could have driven (`ImplausibleJump`).
		OdometerFlagged {
			vehicle: VehicleId,
			km: Km,
			source: OdometerSource,
			reason: FlagReason,
			last_accepted_km: Km,
			flags: u32,
		},
		/// An approved workshop replaced the instrument cluster: readings now count from
		/// `new_km`; `total_km` carries on.
		ClusterReplaced { vehicle: VehicleId, old_km: Km, new_km: Km, total_km: Km },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is not an approved workshop: governance approves workshops.
		WorkshopNotFound,
		/// This account is already an approved workshop: use `update_workshop`.
		AlreadyApproved,
		/// The workshop is suspended: it takes no work orders and adds no records until
		/// governance reinstates it.
		WorkshopSuspended,
		/// The workshop is already suspended.
		AlreadySuspended,
		/// The workshop is not suspended.
		NotSuspended,
		/// A workshop needs a name.
		EmptyName,
		/// A certification cannot be empty.
		EmptyCertification,
		/// Only a registered manufacturer may authorise workshops for its brand.
		NotManufacturer,
		/// The workshop is already authorised for the caller's brand.
		AlreadyAuthorised,
		/// The workshop is not authorised for the caller's brand.
		NotAuthorised,
		/// No such vehicle: check the id.
		VehicleNotFound,
		/// The vehicle is scrapped: it takes no new records, orders or readings.
		VehicleScrapped,
		/// The vehicle is reported stolen: no work orders or records until its owner reports
		/// it recovered.
		VehicleStolen,
		/// Only the vehicle's owner or a current operator may open a work order.
		NotOperator,
		/// The expiry is not after the current block, or further ahead than
		/// `MaxWorkOrderDuration`.
		InvalidExpiry,
		/// This workshop already has an open work order for the vehicle.
		OrderAlreadyOpen,
		/// The vehicle has `MaxOpenWorkOrders` open orders: cancel one first.
		TooManyOpenOrders,
		/// The workshop holds no open work order for this vehicle: the owner opens one.
		NoWorkOrder,
		/// The work order has expired: the owner must open a new one.
		WorkOrderExpired,
		/// Whoever opened the work order may no longer operate the vehicle (it was sold, or the
		/// operator's right ended): the vehicle's owner must open a new one.
		OrderConsentEnded,
		/// Before it expires, only the opener, the workshop or the vehicle's owner may cancel a
		/// work order.
		NotOrderParty,
		/// A battery's state of health is a percentage: at most 100.
		InvalidStateOfHealth,
		/// For a cluster replacement, the record's odometer is the new cluster's (`new_km`).
		ReplacementMismatch,
		/// A new instrument cluster starts low: `new_km` is above `MaxNewClusterKm`.
		ImplausibleNewCluster,
		/// The old cluster's reading in a replacement is a rollback or an implausible jump: a
		/// replacement cannot hide it. Record the old cluster's true reading.
		ReplacementReadingFlagged,
		/// No record has this id.
		RecordNotFound,
		/// Only the workshop that wrote a record may correct it.
		NotRecordAuthor,
		/// A correction cannot be a cluster replacement: record a new replacement under a work
		/// order instead.
		ReplacementNotCorrectable,
		/// The caller is not a device bound to this vehicle.
		NotDevice,
		/// The caller cannot afford the deposit (free balance above the existential deposit).
		InsufficientBalance,
		/// No more records can be stored: the record ids or the vehicle's record positions
		/// are used up.
		RecordLimitReached,
		/// A workshop cannot certify its own vehicle's service: the workshop owns or may
		/// operate this vehicle. Another workshop writes its records.
		SelfDealing,
	}

	#[pallet::genesis_config]
	#[derive(DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// `(account, name, certifications)` of each approved workshop.
		pub workshops: Vec<GenesisWorkshop<T::AccountId>>,
		/// `(manufacturer, workshop)`: workshops authorised for a brand (no deposit).
		pub authorisations: Vec<(T::AccountId, T::AccountId)>,
		/// Records to seed, in order (ids 0, 1, ...), without work orders or deposits. Their
		/// readings enter the odometer history like any workshop's.
		pub records: Vec<GenesisRecord<T::AccountId>>,
		/// `(vehicle, km)`: device readings to seed after the records, in order. A reading
		/// below the vehicle's last accepted one is flagged as a rollback.
		pub readings: Vec<(VehicleId, Km)>,
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
			assert!(T::MaxNameLength::get() > 0, "workshops need a name");
			assert!(
				T::MaxCertifications::get() == 0 || T::MaxCertificationLength::get() > 0,
				"certifications need room for a character"
			);
			assert!(T::MaxOpenWorkOrders::get() > 0, "owners must be able to open work orders");
			assert!(T::MaxWorkOrderDuration::get() > Zero::zero(), "work orders must be usable");
			assert!(T::MaxRecentReadings::get() > 0, "the recent readings window is empty");
			assert!(T::MaxFlaggedReadings::get() > 0, "flagged readings are evidence to keep");
			assert!(T::MaxKmPerDay::get() > 0, "vehicles must be able to move");
			assert!(T::MaxPageSize::get() > 0, "the runtime API must return records");
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
		/// Approves `workshop` with its `name` and `certifications`. Governance only.
		///
		/// Emits `WorkshopApproved`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::approve_workshop())]
		pub fn approve_workshop(
			origin: OriginFor<T>,
			workshop: T::AccountId,
			name: NameOf<T>,
			certifications: CertificationsOf<T>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_approve_workshop(workshop, name, certifications)
		}

		/// Replaces an approved workshop's `name` and `certifications`. Governance only.
		///
		/// Emits `WorkshopUpdated`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::update_workshop())]
		pub fn update_workshop(
			origin: OriginFor<T>,
			workshop: T::AccountId,
			name: NameOf<T>,
			certifications: CertificationsOf<T>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_update_workshop(workshop, name, certifications)
		}

		/// Suspends a workshop: it takes no new work orders and adds no records or corrections
		/// until reinstated; its records stay. Governance only.
		///
		/// Emits `WorkshopSuspended`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::suspend_workshop())]
		pub fn suspend_workshop(origin: OriginFor<T>, workshop: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_suspend_workshop(workshop)
		}

		/// Lifts a workshop's suspension. Governance only.
		///
		/// Emits `WorkshopReinstated`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::reinstate_workshop())]
		pub fn reinstate_workshop(origin: OriginFor<T>, workshop: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_reinstate_workshop(workshop)
		}

		/// Marks an approved `workshop` as authorised for the calling manufacturer's brand, and
		/// holds `AuthorisationDeposit` from the manufacturer. Registered manufacturers only.
		///
		/// Emits `WorkshopAuthorised`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::authorise_workshop())]
		pub fn authorise_workshop(origin: OriginFor<T>, workshop: T::AccountId) -> DispatchResult {
			let manufacturer = ensure_signed(origin)?;
			Self::do_authorise_workshop(manufacturer, workshop, T::AuthorisationDeposit::get())
		}

		/// Withdraws the calling manufacturer's authorisation of `workshop` and releases its
		/// deposit. Records already written keep saying they were authorised.
		///
		/// Emits `WorkshopAuthorisationRevoked`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::revoke_workshop_authorisation())]
		pub fn revoke_workshop_authorisation(
			origin: OriginFor<T>,
			workshop: T::AccountId,
		) -> DispatchResult {
			let manufacturer = ensure_signed(origin)?;
			Self::do_revoke_workshop_authorisation(manufacturer, workshop)
		}

		/// Opens a work order for an active (not suspended) `workshop` on `vehicle`, usable
		/// until block `expires_at` (inclusive, at most `MaxWorkOrderDuration` ahead; an
		/// operator's order ends with the operator's right at the latest), and holds
		/// `WorkOrderDeposit` from the caller. The vehicle's owner or a current operator; the
		/// vehicle must be active (not stolen or scrapped), and the workshop must not own or
		/// operate it (no self-dealing). A sale, theft report or scrapping ends the order.
		///
		/// Emits `WorkOrderOpened`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::open_work_order())]
		pub fn open_work_order(
			origin: OriginFor<T>,
			vehicle: VehicleId,
			workshop: T::AccountId,
			expires_at: BlockNumberFor<T>,
		) -> DispatchResult {
			let opener = ensure_signed(origin)?;
			Self::do_open_work_order(opener, vehicle, workshop, expires_at)
		}

		/// Closes a work order without a record and releases the opener's deposit. While it is
		/// usable: its opener, its workshop or the vehicle's owner. Once it expired, or its
		/// opener may no longer operate the vehicle: anyone (cleanup).
		///
		/// Emits `WorkOrderCancelled`, or `WorkOrderExpired` for an expired order.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::cancel_work_order())]
		pub fn cancel_work_order(
			origin: OriginFor<T>,
			vehicle: VehicleId,
			workshop: T::AccountId,
		) -> DispatchResult {
			let caller = ensure_signed(origin)?;
			Self::do_cancel_work_order(caller, vehicle, workshop)
		}

		/// Adds a service record for `vehicle`: the odometer as read, the kind of work, and the
		/// hash and URI of its documents. Its reading enters the odometer history (a cluster
		/// replacement records the old reading, then counts from `new_km`, which must equal
		/// `odometer_km`). Closes the caller's work order, releasing the opener's deposit, and
		/// holds `RecordDeposit` from the caller (for good: records stay). An active workshop
		/// holding an unexpired work order for an active vehicle, opened by someone who may
		/// still operate it, the workshop itself not owning or operating it. A replacement's
		/// old reading must be consistent and its new one at most `MaxNewClusterKm`.
		///
		/// Emits `RecordAdded`, and `OdometerRecorded`, `OdometerFlagged` or `ClusterReplaced`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::add_record())]
		pub fn add_record(
			origin: OriginFor<T>,
			vehicle: VehicleId,
			odometer_km: Km,
			kind: RecordKind,
			document_hash: DocumentHash,
			document_uri: UriOf<T>,
		) -> DispatchResult {
			let workshop = ensure_signed(origin)?;
			Self::do_add_record(workshop, vehicle, odometer_km, kind, document_hash, document_uri)
				.map(|_| ())
		}

		/// Corrects one of the caller's records with a new record that points to it; the
		/// original stays. The correction adds no odometer reading (the history keeps the
		/// reading as it was taken) and cannot be a cluster replacement. Like a record, it needs
		/// the owner's consent: it uses and closes the caller's open work order for the
		/// vehicle. Holds `RecordDeposit` from the caller (for good). The active workshop that
		/// wrote `record`, not owning or operating the vehicle.
		///
		/// Emits `RecordCorrected`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::correct_record())]
		pub fn correct_record(
			origin: OriginFor<T>,
			record: RecordId,
			odometer_km: Km,
			kind: RecordKind,
			document_hash: DocumentHash,
			document_uri: UriOf<T>,
		) -> DispatchResult {
			let workshop = ensure_signed(origin)?;
			Self::do_correct_record(
				workshop,
				record,
				odometer_km,
				kind,
				document_hash,
				document_uri,
			)
			.map(|_| ())
		}

		/// Reports the odometer of the vehicle the calling device is bound to. A reading below
		/// the last accepted one or beyond a plausible distance is kept and flagged, and the
		/// call still succeeds: the attempt is evidence. Bound devices only (a scrapped
		/// vehicle has none).
		///
		/// The weight covers a flagged reading (its evidence is a second write); a consistent
		/// reading is refunded the difference.
		///
		/// Emits `OdometerRecorded` or `OdometerFlagged`.
		#[pallet::call_index(10)]
		#[pallet::weight(Pallet::<T>::report_odometer_weight())]
		pub fn report_odometer(
			origin: OriginFor<T>,
			vehicle: VehicleId,
			km: Km,
		) -> DispatchResultWithPostInfo {
			let device = ensure_signed(origin)?;
			let verdict = Self::do_report_odometer(device, vehicle, km)?;
			Ok(Some(Self::report_odometer_actual_weight(verdict)).into())
		}
	}
}
