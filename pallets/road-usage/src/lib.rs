//! # Road usage
//!
//! Tolls, distance-based road charging and truck platooning payments, with the roles of
//! EN ISO 17573-1 (see the README):
//!
//! - **Interoperability management** (`GovernanceOrigin`) approves toll chargers and toll
//!   service providers, revokes providers and decides disputed batches.
//! - A **toll charger** (road operator) creates toll contexts (a road network, a bridge, a
//!   zone) charged per passage or per km, publishes immutable tariff versions (a charge uses
//!   the version valid on its day), registers the gantries that attest passages, and accepts
//!   or disputes the providers' declaration batches.
//! - A **toll service provider** posts a bond, serves vehicles (their owners choose it),
//!   declares its users' usage per vehicle and day (a total and the Merkle root of the
//!   EN ISO 12855 billing details kept off chain) and pays accepted batches from its bond.
//!   A wrong declaration is corrected by a new one, never edited. Each event id is charged
//!   once across all providers and direct passages.
//! - A **service user** (the vehicle's owner) picks the provider and may keep a prepaid toll
//!   balance, from which the vehicle's on-board unit (a device bound to it) pays a gantry
//!   passage at once with the gantry's signed attestation.
//! - **Platoons**: trucks follow a leader under a payment rule fixed at formation; a segment
//!   is paid from the follower's escrow only when the leader's and the follower's devices
//!   both attested it.
//!
//! Apps read quotes, providers' exposure and charged events through
//! [`runtime_api::RoadUsageApi`].

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

/// Sets up what the benchmarks need in the runtime: vehicles, a gantry's key and the clock.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId, Signature> {
	/// Registers an active vehicle owned by `owner` with `device` bound to it, and returns its
	/// id. Its manufacturer must be a registered manufacturer.
	fn create_vehicle(owner: &AccountId, device: &AccountId) -> v2x_primitives::VehicleId;
	/// The account of a gantry whose key `sign_as_gantry` signs with.
	fn gantry() -> AccountId;
	/// The gantry's signature on `payload`.
	fn sign_as_gantry(payload: &[u8]) -> Signature;
	/// Moves wall-clock time (`T::UnixTime`) on by `days` whole days, so a day can close for
	/// the pruning benchmarks (the runtime: the timestamp pallet's `Now`).
	fn pass_days(days: Day);
}

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

		/// The currency tolls, bonds, prepaid balances, escrows and deposits are in.
		type Currency: Inspect<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ InspectHold<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The hold reasons of the runtime, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// Who owns and operates vehicles, and which devices are bound to them.
		type Vehicles: VehicleRegistry<Self::AccountId, BlockNumberFor<Self>>;

		/// Interoperability management: approves toll chargers and providers, revokes
		/// providers, decides disputed batches.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Wall-clock time: tolls are incurred on wall-clock days.
		type UnixTime: UnixTime;

		/// A gantry's off-chain signature on a passage.
		type GantrySignature: Verify<Signer = Self::GantryPublic> + Parameter;

		/// The key a gantry signs with; it identifies the gantry's account.
		type GantryPublic: IdentifyAccount<AccountId = Self::AccountId>;

		/// The longest charger or provider name, in bytes.
		#[pallet::constant]
		type MaxNameLength: Get<u32>;

		/// The longest domain name of a toll context, in bytes.
		#[pallet::constant]
		type MaxDomainLength: Get<u32>;

		/// The most prices in one tariff version.
		#[pallet::constant]
		type MaxTariffPrices: Get<u32>;

		/// The most tariff versions kept per context.
		#[pallet::constant]
		type MaxTariffVersions: Get<u32>;

		/// The most gantries per context.
		#[pallet::constant]
		type MaxGantries: Get<u32>;

		/// The most service periods (provider history) kept per vehicle.
		#[pallet::constant]
		type MaxServicePeriods: Get<u32>;

		/// The most (band, quantity) lines per declaration.
		#[pallet::constant]
		type MaxUsageLines: Get<u32>;

		/// The most event ids per declaration.
		#[pallet::constant]
		type MaxEventsPerDeclaration: Get<u32>;

		/// The most event ids charged for one vehicle on one day in one context, across
		/// providers and direct passages.
		#[pallet::constant]
		type MaxEventsPerVehicleDay: Get<u32>;

		/// The most declarations in one batch.
		#[pallet::constant]
		type MaxDeclarationsPerBatch: Get<u32>;

		/// The most followers behind one platoon leader.
		#[pallet::constant]
		type MaxFollowers: Get<u32>;

		/// A vehicle-day may be declared or corrected up to this many days late: no toll bill
		/// a year late.
		#[pallet::constant]
		type MaxDeclarationAge: Get<Day>;

		/// A direct passage's attestation is at most this many days old.
		#[pallet::constant]
		type MaxAttestationAge: Get<Day>;

		/// The toll charger accepts or disputes a batch within this many blocks; after it
		/// anyone may settle the batch as accepted.
		#[pallet::constant]
		type AcceptancePeriod: Get<BlockNumberFor<Self>>;

		/// The least bond an active provider keeps, and needs to declare.
		#[pallet::constant]
		type MinProviderBond: Get<BalanceOf<Self>>;

		/// Held from the charger per toll context (its versions and gantries at their bounds).
		#[pallet::constant]
		type ContextDeposit: Get<BalanceOf<Self>>;

		/// Held from the provider per batch (its base).
		#[pallet::constant]
		type BatchDeposit: Get<BalanceOf<Self>>;

		/// Held from the provider per declaration in a batch.
		#[pallet::constant]
		type DeclarationDeposit: Get<BalanceOf<Self>>;

		/// Held from whoever creates a vehicle-day entry (provider or device), until it is
		/// pruned.
		#[pallet::constant]
		type VehicleDayDeposit: Get<BalanceOf<Self>>;

		/// Held from the leader's caller while its platoon exists.
		#[pallet::constant]
		type PlatoonDeposit: Get<BalanceOf<Self>>;

		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;

		/// Creates vehicles and signs as a gantry for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId, Self::GantrySignature>;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// Storage deposits: a context, a batch and its declarations, a vehicle-day, a platoon.
		Deposit,
		/// A provider's bond: pays its accepted batches.
		ProviderBond,
		/// An owner's prepaid toll balance for a vehicle.
		Prepaid,
		/// A follower's payment for its most km, held for the leader.
		PlatoonEscrow,
	}

	/// The toll chargers governance approved.
	#[pallet::storage]
	pub type Chargers<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, Charger<T>>;

	/// The toll service providers governance approved.
	#[pallet::storage]
	pub type Providers<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, Provider<T>>;

	/// Every toll context.
	#[pallet::storage]
	pub type Contexts<T: Config> = StorageMap<_, Twox64Concat, ContextId, TollContext<T>>;

	/// The id the next toll context gets.
	#[pallet::storage]
	pub type NextContextId<T: Config> = StorageValue<_, ContextId, ValueQuery>;

	/// The kept tariff versions of each context: (context, version).
	#[pallet::storage]
	pub type TariffVersions<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ContextId,
		Twox64Concat,
		TariffVersionId,
		TariffVersion<T>,
	>;

	/// Each vehicle's providers over time, oldest first; at most one period is open.
	#[pallet::storage]
	pub type ServicePeriods<T: Config> =
		StorageMap<_, Twox64Concat, VehicleId, ServicePeriodsOf<T>, ValueQuery>;

	/// Each vehicle's prepaid toll balance, held from its owner.
	#[pallet::storage]
	pub type Prepaid<T: Config> = StorageMap<_, Twox64Concat, VehicleId, PrepaidBalance<T>>;

	/// Every declaration batch not yet pruned.
	#[pallet::storage]
	pub type Batches<T: Config> = StorageMap<_, Twox64Concat, BatchId, Batch<T>>;

	/// The id the next batch gets.
	#[pallet::storage]
	pub type NextBatchId<T: Config> = StorageValue<_, BatchId, ValueQuery>;

	/// The event ids charged per ((context, vehicle), day), kept while the day can be declared.
	#[pallet::storage]
	pub type VehicleDays<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		(ContextId, VehicleId),
		Blake2_128Concat,
		Day,
		VehicleDay<T>,
	>;

	/// What a toll charger owes a provider from corrections, netted against its later batches:
	/// (charger, provider).
	#[pallet::storage]
	pub type Credits<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		BalanceOf<T>,
		ValueQuery,
	>;

	/// What each vehicle paid in tolls and drove in platoons, for its passport.
	#[pallet::storage]
	pub type TollTotals<T: Config> =
		StorageMap<_, Twox64Concat, VehicleId, VehicleTotals<BalanceOf<T>>, ValueQuery>;

	/// Every platoon.
	#[pallet::storage]
	pub type Platoons<T: Config> = StorageMap<_, Twox64Concat, PlatoonId, Platoon<T>>;

	/// The id the next platoon gets.
	#[pallet::storage]
	pub type NextPlatoonId<T: Config> = StorageValue<_, PlatoonId, ValueQuery>;

	/// The platoon each vehicle drives in (as leader or follower).
	#[pallet::storage]
	pub type VehiclePlatoon<T: Config> = StorageMap<_, Twox64Concat, VehicleId, PlatoonId>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Governance approved a toll charger.
		ChargerApproved { charger: T::AccountId },
		/// Governance approved a toll service provider; it posts a bond before declaring.
		ProviderApproved { provider: T::AccountId },
		/// Governance revoked a provider: no new declarations or clients; its open batches
		/// still settle.
		ProviderRevoked { provider: T::AccountId },
		/// A provider added `amount` to its bond, now `bond`.
		BondPosted { provider: T::AccountId, amount: BalanceOf<T>, bond: BalanceOf<T> },
		/// A provider took `amount` out of its bond, now `bond`.
		BondWithdrawn { provider: T::AccountId, amount: BalanceOf<T>, bond: BalanceOf<T> },
		/// A toll charger created a toll context.
		ContextCreated { context: ContextId, charger: T::AccountId, kind: ChargeKind },
		/// A toll charger published a tariff version, valid from `valid_from`.
		TariffPublished { context: ContextId, version: TariffVersionId, valid_from: Day },
		/// The oldest tariff version was dropped: no declaration can be priced at it any more.
		TariffVersionDropped { context: ContextId, version: TariffVersionId },
		/// A toll charger registered a gantry: its signatures attest passages.
		GantryAdded { context: ContextId, gantry: T::AccountId },
		/// A toll charger removed a gantry.
		GantryRemoved { context: ContextId, gantry: T::AccountId },
		/// The vehicle's provider from day `from` (`None`: none); a previous one serves until
		/// that day too.
		ProviderSet { vehicle: VehicleId, provider: Option<T::AccountId>, from: Day },
		/// The owner added `amount` to the vehicle's prepaid toll balance, now `balance`.
		PrepaidToppedUp {
			vehicle: VehicleId,
			owner: T::AccountId,
			amount: BalanceOf<T>,
			balance: BalanceOf<T>,
		},
		/// The owner took `amount` out of the vehicle's prepaid toll balance, now `balance`.
		PrepaidWithdrawn {
			vehicle: VehicleId,
			owner: T::AccountId,
			amount: BalanceOf<T>,
			balance: BalanceOf<T>,
		},
		/// The vehicle was sold or scrapped: its prepaid balance went back to `owner`.
		PrepaidReleased { vehicle: VehicleId, owner: T::AccountId, amount: BalanceOf<T> },
		/// A provider declared a batch of usage to a context's toll charger.
		BatchDeclared {
			batch: BatchId,
			context: ContextId,
			provider: T::AccountId,
			charges: BalanceOf<T>,
			credits: BalanceOf<T>,
			declarations: u32,
		},
		/// A batch was settled as accepted: `paid` from the bond to the charger, `credited`
		/// to the provider's credit with the charger.
		BatchAccepted { batch: BatchId, paid: BalanceOf<T>, credited: BalanceOf<T> },
		/// The toll charger disputed a batch: governance decides.
		BatchDisputed { batch: BatchId, reason: H256 },
		/// Governance rejected a disputed batch: nothing paid, its events may be declared again.
		BatchRejected { batch: BatchId },
		/// A toll charger repaid `amount` of its credit to a provider.
		CreditRepaid { charger: T::AccountId, provider: T::AccountId, amount: BalanceOf<T> },
		/// A settled batch that can no longer be corrected was removed; its deposit released.
		BatchPruned { batch: BatchId },
		/// A vehicle-day that can no longer be declared was removed; its deposit released.
		VehicleDayPruned { context: ContextId, vehicle: VehicleId, day: Day },
		/// The vehicle's device paid a gantry passage from the prepaid balance.
		PassagePaid {
			context: ContextId,
			vehicle: VehicleId,
			event: EventId,
			provider: T::AccountId,
			amount: BalanceOf<T>,
		},
		/// A platoon was formed behind `leader`; followers pay `price_per_km` to `payee`.
		PlatoonFormed {
			platoon: PlatoonId,
			leader: VehicleId,
			payee: T::AccountId,
			price_per_km: BalanceOf<T>,
		},
		/// A follower joined; `held` is escrowed from `payer` for its `max_km`.
		FollowerJoined {
			platoon: PlatoonId,
			follower: VehicleId,
			payer: T::AccountId,
			max_km: u32,
			held: BalanceOf<T>,
		},
		/// The leader's device started a segment.
		SegmentStarted { platoon: PlatoonId, segment: u32, planned_km: u32 },
		/// A truck's device attested the km it drove in the segment.
		SegmentAttested { platoon: PlatoonId, segment: u32, vehicle: VehicleId, km: u32 },
		/// A follower paid the leader's payee for km both attested.
		SegmentPaid {
			platoon: PlatoonId,
			segment: u32,
			follower: VehicleId,
			km: u32,
			amount: BalanceOf<T>,
		},
		/// A segment closed; `unpaid` follower attestations the leader never matched.
		SegmentClosed { platoon: PlatoonId, segment: u32, unpaid: u32 },
		/// A follower left; `refunded` of its escrow went back to its payer.
		FollowerLeft { platoon: PlatoonId, follower: VehicleId, refunded: BalanceOf<T> },
		/// The leader left: the platoon dissolved, every escrow and the deposit released.
		PlatoonDissolved { platoon: PlatoonId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// A name (or a domain) must not be empty.
		EmptyName,
		/// The account is already an approved toll charger.
		AlreadyCharger,
		/// The account is already an approved provider.
		AlreadyProvider,
		/// The account is not an approved provider.
		UnknownProvider,
		/// The provider was revoked (or is not approved): it takes no new clients or batches.
		ProviderNotActive,
		/// Only an approved provider may do this.
		NotProvider,
		/// Only an approved toll charger may do this.
		NotCharger,
		/// The amount must be above zero.
		ZeroAmount,
		/// The caller cannot afford the deposit, bond, balance or payment.
		InsufficientBalance,
		/// The bond would fall below the provider's open obligations (or, while active, below
		/// `MinProviderBond`), or does not cover a new batch: post more bond.
		BondTooLow,
		/// An amount does not fit the balance type: choose smaller figures.
		Overflow,
		/// No toll context has this id.
		UnknownContext,
		/// Only the context's toll charger may do this.
		NotContextCharger,
		/// A tariff's prices must be non-empty, strictly sorted by (class, band), above zero,
		/// and in band 0 for a passage context.
		InvalidTariff,
		/// A tariff takes effect tomorrow at the earliest (today for a context's first
		/// version): no retroactive prices.
		TariffNotInFuture,
		/// A tariff must take effect after the latest published version.
		TariffNotAfterLatest,
		/// The context keeps `MaxTariffVersions`, and the oldest can still price declarations.
		TooManyTariffVersions,
		/// The gantry is already registered in the context.
		GantryExists,
		/// The context has `MaxGantries` gantries.
		TooManyGantries,
		/// The gantry is not registered in the context.
		UnknownGantry,
		/// No vehicle has this id.
		UnknownVehicle,
		/// Only the vehicle's owner may do this.
		NotOwner,
		/// The vehicle is stolen, scrapped or unknown.
		VehicleNotActive,
		/// The provider already serves the vehicle.
		AlreadySubscribed,
		/// The vehicle changed providers too often lately: its recent periods must be kept
		/// while they can still be declared.
		TooManyProviderChanges,
		/// No provider serves the vehicle.
		NoProvider,
		/// The prepaid balance does not cover this.
		InsufficientPrepaid,
		/// A batch needs at least one declaration.
		EmptyBatch,
		/// A declaration's day is in the future or more than `MaxDeclarationAge` days ago.
		DayOutOfWindow,
		/// The provider did not serve the vehicle on that day.
		NotServingVehicle,
		/// No tariff version of the context is valid on that day.
		NoTariff,
		/// The tariff valid that day has no price for this (class, band).
		UnpricedUsage,
		/// A declaration needs usage lines, quantities above zero, and event ids.
		EmptyDeclaration,
		/// In a passage context, the passages declared must equal the event ids.
		PassageCountMismatch,
		/// The batch declares the same vehicle-day twice.
		DuplicateDeclaration,
		/// An event id was already charged for this vehicle-day (or appears twice).
		EventAlreadyCharged,
		/// The vehicle-day holds `MaxEventsPerVehicleDay` event ids.
		TooManyEvents,
		/// No declaration is at this reference.
		UnknownDeclaration,
		/// Only a declaration of this provider and context in an accepted batch can be
		/// corrected.
		NotCorrectable,
		/// A correction must be for the same vehicle and day.
		CorrectionMismatch,
		/// The declaration was already corrected: correct the correction.
		AlreadyCorrected,
		/// No batch has this id.
		UnknownBatch,
		/// Only the batch's toll charger may do this.
		NotBatchCharger,
		/// The batch is not pending.
		NotPending,
		/// The acceptance period of the batch is over: it can only be settled as accepted.
		AcceptancePeriodOver,
		/// The batch is not disputed.
		NotDisputed,
		/// The acceptance period of the batch is still open: the charger answers first.
		AcceptancePeriodOpen,
		/// The charger owes the provider less credit than that.
		ExceedsCredit,
		/// The batch is open, or one of its declarations can still be corrected.
		BatchStillCorrectable,
		/// No vehicle-day entry at this key.
		UnknownVehicleDay,
		/// The day can still be declared.
		DayStillOpen,
		/// Only a device bound to the vehicle may report its passage.
		NotVehicleDevice,
		/// The context charges per km: passages are declared by providers.
		NotPassageContext,
		/// The gantry's signature does not match the passage.
		BadAttestation,
		/// The attestation is older than `MaxAttestationAge` days, or in the future.
		StaleAttestation,
		/// Only who may operate the vehicle may do this.
		NotOperator,
		/// The vehicle already drives in a platoon.
		AlreadyInPlatoon,
		/// The vehicle does not drive in this platoon.
		NotInPlatoon,
		/// No platoon has this id.
		UnknownPlatoon,
		/// The platoon's rule must pay the leader above zero per km.
		InvalidPlatoonRule,
		/// A segment is open: wait until the leader attested it.
		SegmentOpen,
		/// The platoon has `MaxFollowers` followers.
		PlatoonFull,
		/// The distance must be above zero.
		ZeroDistance,
		/// Only a device bound to the platoon's leader may do this.
		NotLeaderDevice,
		/// The platoon has no followers.
		NoFollowers,
		/// Only a device bound to the leader or a follower may attest.
		NotPlatoonDevice,
		/// The platoon has no open segment.
		NoOpenSegment,
		/// The km attested exceed the segment's planned km.
		BeyondPlannedDistance,
		/// The vehicle already attested this segment.
		AlreadyAttested,
	}

	#[pallet::genesis_config]
	#[derive(DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Toll chargers: (account, name).
		pub chargers: Vec<(T::AccountId, Vec<u8>)>,
		/// Providers: (account, name, bond held from it).
		pub providers: Vec<(T::AccountId, Vec<u8>, BalanceOf<T>)>,
		/// Toll contexts (ids 0, 1, ...) with tariff version 0 valid from day 0.
		pub contexts: Vec<GenesisContext<T::AccountId, BalanceOf<T>>>,
		/// Vehicles served by a provider from day 0: (vehicle, provider).
		pub subscriptions: Vec<(VehicleId, T::AccountId)>,
		/// Prepaid toll balances held from the vehicles' owners: (vehicle, amount).
		pub prepaid: Vec<(VehicleId, BalanceOf<T>)>,
		/// Platoons (ids 0, 1, ...).
		pub platoons: Vec<GenesisPlatoon<T::AccountId, BalanceOf<T>>>,
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
			assert!(T::MaxNameLength::get() > 0, "chargers and providers need names");
			assert!(T::MaxDomainLength::get() > 0, "contexts need domain names");
			assert!(T::MaxTariffPrices::get() > 0, "a tariff needs prices");
			assert!(T::MaxTariffVersions::get() > 1, "a tariff must be able to change");
			assert!(T::MaxServicePeriods::get() > 1, "a vehicle must be able to change provider");
			assert!(T::MaxUsageLines::get() > 0, "declarations need usage");
			assert!(T::MaxEventsPerDeclaration::get() > 0, "declarations need events");
			assert!(
				T::MaxEventsPerVehicleDay::get() >= T::MaxEventsPerDeclaration::get(),
				"a vehicle-day must hold a full declaration"
			);
			assert!(T::MaxDeclarationsPerBatch::get() > 0, "batches need declarations");
			assert!(
				T::MaxDeclarationsPerBatch::get() <= u32::from(u16::MAX),
				"declarations are referenced by a u16 index"
			);
			assert!(T::MaxFollowers::get() > 0, "platoons need followers");
			assert!(T::AcceptancePeriod::get() > Zero::zero(), "chargers need time to answer");
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
		/// Approves `who` as a toll charger named `name` (non-empty). Interoperability
		/// management (`GovernanceOrigin`) only.
		///
		/// Emits `ChargerApproved`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::approve_charger())]
		pub fn approve_charger(
			origin: OriginFor<T>,
			who: T::AccountId,
			name: NameOf<T>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_approve_charger(who, name)
		}

		/// Approves `who` as an active toll service provider named `name` (non-empty), with no
		/// bond yet. `GovernanceOrigin` only.
		///
		/// Emits `ProviderApproved`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::approve_provider())]
		pub fn approve_provider(
			origin: OriginFor<T>,
			who: T::AccountId,
			name: NameOf<T>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_approve_provider(who, name)
		}

		/// Revokes an active provider: no new declarations or clients; its open batches still
		/// settle, and its bond can be withdrawn down to its obligations. `GovernanceOrigin`
		/// only.
		///
		/// Emits `ProviderRevoked`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::revoke_provider())]
		pub fn revoke_provider(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_revoke_provider(who)
		}

		/// Adds `amount` to the caller's bond (held `ProviderBond`). An approved provider only.
		///
		/// Emits `BondPosted`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::post_bond())]
		pub fn post_bond(origin: OriginFor<T>, amount: BalanceOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_post_bond(who, amount)
		}

		/// Releases `amount` of the caller's bond: what is left must cover its obligations
		/// and, while it is active, `MinProviderBond`. An approved provider only.
		///
		/// Emits `BondWithdrawn`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::withdraw_bond())]
		pub fn withdraw_bond(origin: OriginFor<T>, amount: BalanceOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_bond(who, amount)
		}

		/// Creates a toll context on `domain` (non-empty) charged per passage or per km; holds
		/// `ContextDeposit` from the caller. An approved toll charger only.
		///
		/// Emits `ContextCreated`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::create_context())]
		pub fn create_context(
			origin: OriginFor<T>,
			domain: DomainOf<T>,
			kind: ChargeKind,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_create_context(who, domain, kind)
		}

		/// Publishes a new, immutable tariff version of `context` valid from `valid_from`:
		/// tomorrow at the earliest (today for the first version) and after the latest
		/// version. With `MaxTariffVersions` kept, the oldest is dropped once no declaration
		/// can be priced at it. The context's toll charger only.
		///
		/// Emits `TariffPublished` (and `TariffVersionDropped`).
		///
		/// The weight adds the drop of the oldest version, which the runtime's benchmark (on
		/// day 0) cannot reach.
		#[pallet::call_index(6)]
		#[pallet::weight(
			T::WeightInfo::publish_tariff().saturating_add(T::DbWeight::get().reads_writes(1, 1))
		)]
		pub fn publish_tariff(
			origin: OriginFor<T>,
			context: ContextId,
			valid_from: Day,
			prices: PricesOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_publish_tariff(who, context, valid_from, prices)
		}

		/// Registers `gantry` in `context`: its signatures attest passages. The context's toll
		/// charger only.
		///
		/// Emits `GantryAdded`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::add_gantry())]
		pub fn add_gantry(
			origin: OriginFor<T>,
			context: ContextId,
			gantry: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_add_gantry(who, context, gantry)
		}

		/// Removes `gantry` from `context`. The context's toll charger only.
		///
		/// Emits `GantryRemoved`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::remove_gantry())]
		pub fn remove_gantry(
			origin: OriginFor<T>,
			context: ContextId,
			gantry: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_gantry(who, context, gantry)
		}

		/// Chooses the active `provider` serving `vehicle` from today (`None`: stop the current
		/// one). The current provider's period ends today, so both serve today (a mid-day
		/// change). The owner of an active vehicle only.
		///
		/// Emits `ProviderSet`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::set_provider())]
		pub fn set_provider(
			origin: OriginFor<T>,
			vehicle: VehicleId,
			provider: Option<T::AccountId>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_provider(who, vehicle, provider)
		}

		/// Adds `amount` to `vehicle`'s prepaid toll balance (held `Prepaid` from the caller).
		/// The vehicle's owner only.
		///
		/// Emits `PrepaidToppedUp`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::top_up())]
		pub fn top_up(
			origin: OriginFor<T>,
			vehicle: VehicleId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_top_up(who, vehicle, amount)
		}

		/// Releases `amount` of `vehicle`'s prepaid toll balance; the entry goes at zero. The
		/// owner who topped it up only.
		///
		/// Emits `PrepaidWithdrawn`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::withdraw_prepaid())]
		pub fn withdraw_prepaid(
			origin: OriginFor<T>,
			vehicle: VehicleId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_prepaid(who, vehicle, amount)
		}

		/// Declares the usage of the caller's users in `context`, one declaration per
		/// vehicle-day, priced at the tariff version valid on its day; each event id is charged
		/// once. Holds the batch's deposits; the bond must cover the new obligation. An active
		/// provider only.
		///
		/// Emits `BatchDeclared`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::declare(
			declarations.len() as u32,
			declarations.iter().map(|d| d.events.len() as u32).sum(),
		))]
		pub fn declare(
			origin: OriginFor<T>,
			context: ContextId,
			declarations: DeclarationInputsOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_declare(who, context, declarations)
		}

		/// Accepts a pending batch: it is paid from the provider's bond (net of credits). The
		/// batch's toll charger only.
		///
		/// Emits `BatchAccepted`.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::accept_batch())]
		pub fn accept_batch(origin: OriginFor<T>, batch: BatchId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_accept_batch(who, batch)
		}

		/// Disputes a pending batch within its acceptance period: governance decides. The
		/// batch's toll charger only.
		///
		/// Emits `BatchDisputed`.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::dispute_batch())]
		pub fn dispute_batch(origin: OriginFor<T>, batch: BatchId, reason: H256) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_dispute_batch(who, batch, reason)
		}

		/// Decides a disputed batch: `pay` settles it as accepted; otherwise it is rejected
		/// (nothing paid, its events free again). `GovernanceOrigin` only.
		///
		/// Emits `BatchAccepted` or `BatchRejected`.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::resolve_dispute())]
		pub fn resolve_dispute(origin: OriginFor<T>, batch: BatchId, pay: bool) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_resolve_dispute(batch, pay)
		}

		/// Settles a pending batch as accepted after its acceptance period. Anyone.
		///
		/// Emits `BatchAccepted`.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::settle_unanswered())]
		pub fn settle_unanswered(origin: OriginFor<T>, batch: BatchId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_settle_unanswered(batch)
		}

		/// Pays `amount` of the credit the caller owes `provider` from corrections. A toll
		/// charger only.
		///
		/// Emits `CreditRepaid`.
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::repay_credit())]
		pub fn repay_credit(
			origin: OriginFor<T>,
			provider: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_repay_credit(who, provider, amount)
		}

		/// Removes a settled batch none of whose declarations can be corrected any more; its
		/// deposits go back to the provider. Anyone.
		///
		/// Emits `BatchPruned`.
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::prune_batch())]
		pub fn prune_batch(origin: OriginFor<T>, batch: BatchId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_prune_batch(batch)
		}

		/// Removes a vehicle-day that can no longer be declared; its deposit goes back to its
		/// depositor. Anyone.
		///
		/// Emits `VehicleDayPruned`.
		#[pallet::call_index(19)]
		#[pallet::weight(T::WeightInfo::prune_vehicle_day())]
		pub fn prune_vehicle_day(
			origin: OriginFor<T>,
			context: ContextId,
			vehicle: VehicleId,
			day: Day,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_prune_vehicle_day(context, vehicle, day)
		}

		/// Pays a gantry passage at once from the vehicle's prepaid balance to the toll
		/// charger, with the gantry's signature on `(b"v2x/toll", context, passage)`. A device
		/// bound to the vehicle only.
		///
		/// Emits `PassagePaid`.
		#[pallet::call_index(20)]
		#[pallet::weight(T::WeightInfo::report_passage())]
		pub fn report_passage(
			origin: OriginFor<T>,
			context: ContextId,
			passage: Passage,
			gantry: T::AccountId,
			signature: T::GantrySignature,
		) -> DispatchResult {
			let device = ensure_signed(origin)?;
			Self::do_report_passage(device, context, passage, gantry, signature)
		}

		/// Forms a platoon behind `leader` with a payment rule fixed for its life; holds
		/// `PlatoonDeposit` from the caller, who is paid by the followers. Who may operate the
		/// active leader only.
		///
		/// Emits `PlatoonFormed`.
		#[pallet::call_index(21)]
		#[pallet::weight(T::WeightInfo::form_platoon())]
		pub fn form_platoon(
			origin: OriginFor<T>,
			leader: VehicleId,
			rule: PlatoonRule<BalanceOf<T>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_form_platoon(who, leader, rule)
		}

		/// Adds `follower` to `platoon` for up to `max_km`; their price is held from the caller
		/// (`PlatoonEscrow`). Who may operate the active follower only.
		///
		/// Emits `FollowerJoined`.
		#[pallet::call_index(22)]
		#[pallet::weight(T::WeightInfo::join_platoon())]
		pub fn join_platoon(
			origin: OriginFor<T>,
			platoon: PlatoonId,
			follower: VehicleId,
			max_km: u32,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_join_platoon(who, platoon, follower, max_km)
		}

		/// Starts a segment of `planned_km`; an open segment the leader attested is closed
		/// first. A device bound to the leader only.
		///
		/// Emits `SegmentStarted` (and `SegmentClosed`).
		#[pallet::call_index(23)]
		#[pallet::weight(T::WeightInfo::start_segment())]
		pub fn start_segment(
			origin: OriginFor<T>,
			platoon: PlatoonId,
			planned_km: u32,
		) -> DispatchResult {
			let device = ensure_signed(origin)?;
			Self::do_start_segment(device, platoon, planned_km)
		}

		/// Attests the km the caller's vehicle drove in the open segment; a follower pays for
		/// the km both it and the leader attested. A device bound to the leader or a follower
		/// only.
		///
		/// Emits `SegmentAttested` (and `SegmentPaid`, `SegmentClosed`).
		#[pallet::call_index(24)]
		#[pallet::weight(T::WeightInfo::attest_segment())]
		pub fn attest_segment(origin: OriginFor<T>, platoon: PlatoonId, km: u32) -> DispatchResult {
			let device = ensure_signed(origin)?;
			Self::do_attest_segment(device, platoon, km)
		}

		/// Takes `vehicle` out of `platoon`: a follower's escrow is released; a leader
		/// dissolves the platoon. Who may operate the vehicle, or its payer or payee.
		///
		/// Emits `FollowerLeft` or `PlatoonDissolved`.
		#[pallet::call_index(25)]
		#[pallet::weight(T::WeightInfo::leave_platoon())]
		pub fn leave_platoon(
			origin: OriginFor<T>,
			platoon: PlatoonId,
			vehicle: VehicleId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_leave_platoon(who, platoon, vehicle)
		}
	}
}
