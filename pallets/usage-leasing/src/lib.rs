//! # Usage-based leasing
//!
//! A lender leases its vehicle for a base fee per period plus a price per km beyond the km the
//! period includes, the km read from the vehicle's odometer history (the service book). While
//! anything is owed, the lender's lien keeps the vehicle from being sold.
//!
//! - The **lessor** is the vehicle's owner and an approved lender. It offers a lease to a
//!   lessee (a `LeaseDeposit` is held from it) and withdraws the offer until it is accepted.
//!   It stays the vehicle's owner for the whole lease.
//! - The **lessee** accepts: the lien of the holder is placed and the lessee may operate the
//!   vehicle until the lease's end. It pays instalments, or prepays (held, drawn as periods
//!   fall due), withdraws what is left of the prepayment, and may buy the vehicle out.
//! - The **holder** of the lender's position (the lessor at first) is paid every instalment
//!   and holds the lien. After a due date's grace and notice it may request a default, which
//!   is decided at the end of the block (`on_finalize`), after every payment of the block: a
//!   confirmed default authorises the vehicle's device to refuse to start it, until the
//!   arrears are paid. It may write an unpaid lease off and transfer its position to another
//!   approved lender.
//! - **Anyone** settles a lease's due periods; `on_idle` does it too, walking the due dates.
//! - **Governance** (`GovernanceOrigin`) may terminate any lease.
//!
//! Apps read a vehicle's lease, its standing and its payoff through
//! [`runtime_api::UsageLeasingApi`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod features;
mod genesis;
#[cfg(test)]
mod mock;
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
use v2x_primitives::{Km, VehicleId};

/// The balance type of the configured currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// Sets up what the benchmarks need in the runtime's vehicle registry and odometer history.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Registers an active vehicle owned by `owner` with an odometer reading of `km`, returns
	/// its id.
	fn create_vehicle(owner: &AccountId, km: Km) -> VehicleId;
	/// Makes `who` an approved lender.
	fn approve_lender(who: &AccountId);
	/// Records an accepted odometer reading of `km` for `vehicle`.
	fn drive_to(vehicle: VehicleId, km: Km);
}

#[polkadot_sdk::frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use polkadot_sdk::{
		frame_support::{
			pallet_prelude::*,
			traits::fungible::{Inspect, InspectHold, Mutate, MutateHold},
			DefaultNoBound,
		},
		frame_system::pallet_prelude::*,
		sp_runtime::traits::Zero,
	};
	use v2x_primitives::{OdometerLog, VehicleControl, VehicleRegistry};

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

		/// The currency fees, prepayments and deposits are paid in.
		type Currency: Inspect<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ InspectHold<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The hold reasons of the runtime, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// Who owns and operates vehicles; places the lease's lien and the lessee's operator
		/// right.
		type Vehicles: VehicleRegistry<Self::AccountId, BlockNumberFor<Self>>
			+ VehicleControl<Self::AccountId, BalanceOf<Self>, BlockNumberFor<Self>>;

		/// The vehicle's odometer history (the service book): a period's km are the
		/// difference of its accepted total at the period's two ends.
		type Odometer: OdometerLog;

		/// May terminate any lease.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The most periods of one lease (120 are ten years of monthly periods).
		#[pallet::constant]
		type MaxPeriods: Get<u32>;

		/// The shortest period, in blocks. Lessors pick real months; the runtime allows short
		/// periods so the dev chain's end-to-end tests can run a lease.
		#[pallet::constant]
		type MinPeriodLength: Get<BlockNumberFor<Self>>;

		/// The shortest notice between the grace's end and a default: a lessee is never
		/// immobilised by surprise.
		#[pallet::constant]
		type MinNoticePeriod: Get<BlockNumberFor<Self>>;

		/// An offer expires at most this many blocks after it is made.
		#[pallet::constant]
		type MaxOfferDuration: Get<BlockNumberFor<Self>>;

		/// The most defaults requested in one block (decided in `on_finalize`).
		#[pallet::constant]
		type MaxDefaultChecksPerBlock: Get<u32>;

		/// Held from the lessor for each offer or lease: its storage.
		#[pallet::constant]
		type LeaseDeposit: Get<BalanceOf<Self>>;

		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;

		/// Creates vehicles, lenders and readings for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// An offer's or lease's storage, held from the lessor.
		Deposit,
		/// What the lessee paid ahead, drawn as instalments fall due.
		Prepayment,
	}

	/// Every offer and every running or defaulted lease; finished ones are removed.
	#[pallet::storage]
	pub type Leases<T: Config> = StorageMap<_, Twox64Concat, LeaseId, Lease<T>>;

	/// The id the next offer gets.
	#[pallet::storage]
	pub type NextLeaseId<T: Config> = StorageValue<_, LeaseId, ValueQuery>;

	/// The offer or lease of each vehicle: at most one.
	#[pallet::storage]
	pub type VehicleLease<T: Config> = StorageMap<_, Twox64Concat, VehicleId, LeaseId>;

	/// Each running or defaulted lease with periods left, at its next due date:
	/// (due date, lease). `on_idle` settles them.
	#[pallet::storage]
	pub type DueLeases<T: Config> =
		StorageDoubleMap<_, Twox64Concat, BlockNumberFor<T>, Twox64Concat, LeaseId, ()>;

	/// The first block of `DueLeases` that `on_idle` has not fully processed.
	#[pallet::storage]
	pub type DueCursor<T: Config> = StorageValue<_, BlockNumberFor<T>, OptionQuery>;

	/// The defaults requested in this block, decided in `on_finalize` (which removes them).
	#[pallet::storage]
	pub type DefaultChecks<T: Config> =
		StorageValue<_, BoundedVec<LeaseId, T::MaxDefaultChecksPerBlock>, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The vehicle's owner offered `lessee` a lease on `terms`, open until `expires_at`.
		LeaseOffered {
			lease: LeaseId,
			vehicle: VehicleId,
			lessor: T::AccountId,
			lessee: T::AccountId,
			terms: LeaseTermsOf<T>,
			expires_at: BlockNumberFor<T>,
		},
		/// The lessor withdrew its offer; the deposit was released.
		LeaseOfferWithdrawn { lease: LeaseId },
		/// The offer ended with the vehicle's sale, theft or scrapping; the deposit was
		/// released.
		LeaseOfferVoided { lease: LeaseId, vehicle: VehicleId },
		/// The lessee accepted: `holder`'s lien is on the vehicle and the lessee may operate it
		/// until `end`.
		LeaseStarted {
			lease: LeaseId,
			vehicle: VehicleId,
			lessee: T::AccountId,
			holder: T::AccountId,
			start: BlockNumberFor<T>,
			end: BlockNumberFor<T>,
			odometer_km: Km,
		},
		/// A period closed: `amount` is its charge for `km`, due at `due`.
		PeriodSettled {
			lease: LeaseId,
			period: u32,
			km: Km,
			amount: BalanceOf<T>,
			due: BlockNumberFor<T>,
		},
		/// The lessee paid: `to_holder` against the arrears, `prepaid` held ahead.
		PaymentMade { lease: LeaseId, to_holder: BalanceOf<T>, prepaid: BalanceOf<T> },
		/// `amount` of the prepayment paid due instalments to the holder.
		PrepaymentDrawn { lease: LeaseId, amount: BalanceOf<T> },
		/// The lessee took `amount` of its prepayment back.
		PrepaymentWithdrawn { lease: LeaseId, amount: BalanceOf<T> },
		/// The holder requested a default; it is decided at the end of the block.
		DefaultRequested { lease: LeaseId },
		/// The requested default was not confirmed: the arrears were paid in the block.
		DefaultAverted { lease: LeaseId },
		/// The default is confirmed with `overdue` unpaid: the vehicle's device may refuse to
		/// start it until the arrears are paid.
		ImmobilisationAuthorised {
			lease: LeaseId,
			vehicle: VehicleId,
			holder: T::AccountId,
			overdue: BalanceOf<T>,
		},
		/// The arrears of a defaulted lease were paid: the vehicle may be started again.
		ImmobilisationRevoked { lease: LeaseId, vehicle: VehicleId },
		/// The holder wrote the defaulted lease off, `written_off` unpaid; the lien is released.
		LeaseWrittenOff { lease: LeaseId, vehicle: VehicleId, written_off: BalanceOf<T> },
		/// Every period was settled and paid: the lien is released.
		LeaseCompleted { lease: LeaseId, vehicle: VehicleId },
		/// The lessee paid `paid` and now owns the vehicle.
		LeaseBoughtOut {
			lease: LeaseId,
			vehicle: VehicleId,
			lessee: T::AccountId,
			paid: BalanceOf<T>,
		},
		/// The lender's position (payments and lien) moved from `from` to `to`.
		PositionTransferred { lease: LeaseId, from: T::AccountId, to: T::AccountId },
		/// The lease was ended early (governance, or the vehicle's scrapping) with
		/// `outstanding` unpaid.
		LeaseTerminated { lease: LeaseId, vehicle: VehicleId, outstanding: BalanceOf<T> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The vehicle is not registered: check its id.
		UnknownVehicle,
		/// Only the vehicle's owner may offer it.
		NotOwner,
		/// The vehicle is stolen or scrapped: recover it first.
		VehicleNotActive,
		/// Only an approved lender may offer a lease or hold a lease's position: ask
		/// governance for approval.
		NotLender,
		/// The vehicle carries a lien: it must be released first.
		LienPresent,
		/// The vehicle already has an offer or a lease: withdraw or finish it first.
		VehicleAlreadyLeased,
		/// The lessor cannot lease to itself.
		SelfDealing,
		/// The terms are unusable: 1 to `MaxPeriods` periods of at least `MinPeriodLength`
		/// blocks, a grace shorter than a period, a notice of at least `MinNoticePeriod`, and
		/// fees small enough that all base fees, every km at the per-km price and the purchase
		/// price together fit the balance type.
		InvalidTerms,
		/// The offer must expire no earlier than now and at most `MaxOfferDuration` blocks
		/// ahead.
		InvalidExpiry,
		/// No offer or lease has this id (or it finished).
		UnknownLease,
		/// Only the lessor may do this.
		NotLessor,
		/// Only the lessee may do this.
		NotLessee,
		/// Only the holder of the lender's position may do this.
		NotHolder,
		/// The lease was already accepted.
		NotOffered,
		/// The offer expired: ask the lessor for a new one.
		OfferExpired,
		/// The lease is not running (still an offer).
		NotRunning,
		/// The odometer history has no reading of the vehicle: record one (at a workshop, or by
		/// its device) before accepting.
		OdometerUnknown,
		/// The amount must be above zero.
		ZeroAmount,
		/// The prepayment is smaller than that.
		InsufficientPrepayment,
		/// No period is due yet (or none is left): settle after the next due date.
		NothingDue,
		/// The lease is already in default.
		AlreadyDefaulted,
		/// A default of this lease was already requested in this block.
		DefaultAlreadyRequested,
		/// No default is allowed: nothing is overdue, or not yet past its due date, grace and
		/// notice.
		DefaultNotAllowed,
		/// `MaxDefaultChecksPerBlock` defaults were requested in this block: try in the next.
		TooManyDefaultChecks,
		/// The lease is not in default.
		NotDefaulted,
		/// The payoff is above the caller's maximum: check the quote and raise the maximum.
		PayoffAboveMaximum,
		/// The account already holds the position.
		AlreadyHolder,
		/// An amount or a date does not fit its type: choose smaller figures.
		ArithmeticOverflow,
	}

	#[pallet::genesis_config]
	#[derive(DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Leases running from block 0: (vehicle, lessee, terms). The lessor is the vehicle's
		/// owner, an approved lender at genesis.
		pub leases: Vec<(VehicleId, T::AccountId, LeaseTermsOf<T>)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			self.seed();
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_idle(now: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::settle_due(now, remaining)
		}

		fn on_finalize(now: BlockNumberFor<T>) {
			Self::confirm_defaults(now);
		}

		fn integrity_test() {
			assert!(T::MaxPeriods::get() > 0, "a lease needs periods");
			assert!(T::MinPeriodLength::get() > Zero::zero(), "a period lasts a block at least");
			assert!(T::MaxOfferDuration::get() > Zero::zero(), "offers must be acceptable");
			assert!(T::MaxDefaultChecksPerBlock::get() > 0, "holders must be able to default");
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
		/// Offers `lessee` a lease of `vehicle` on `terms` until `expires_at` (at most
		/// `MaxOfferDuration` ahead). The caller must own the active vehicle, be an approved
		/// lender, and the vehicle must carry no lien and no other offer or lease. Holds
		/// `LeaseDeposit` from the caller, who becomes the holder of the lender's position.
		///
		/// Emits `LeaseOffered`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::offer_lease())]
		pub fn offer_lease(
			origin: OriginFor<T>,
			vehicle: VehicleId,
			lessee: T::AccountId,
			terms: LeaseTermsOf<T>,
			expires_at: BlockNumberFor<T>,
		) -> DispatchResult {
			let lessor = ensure_signed(origin)?;
			Self::do_offer_lease(lessor, vehicle, lessee, terms, expires_at).map(|_| ())
		}

		/// Withdraws an offer that was not accepted; the deposit is released. The lessor only.
		///
		/// Emits `LeaseOfferWithdrawn`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::withdraw_offer())]
		pub fn withdraw_offer(origin: OriginFor<T>, lease: LeaseId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_offer(who, lease)
		}

		/// Accepts an offer until its expiry (inclusive): the holder's lien is placed on the
		/// vehicle, the lessee may operate it until the lease's end, and the first period
		/// starts at the vehicle's current odometer. The lessee only.
		///
		/// Emits `LeaseStarted`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::accept_lease())]
		pub fn accept_lease(origin: OriginFor<T>, lease: LeaseId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_accept_lease(who, lease)
		}

		/// Pays `amount`: due periods are settled first, then the arrears are paid to the
		/// holder, oldest first, and the rest is held as prepayment. Paying the arrears of a
		/// defaulted lease ends the default; paying the last of them completes a lease whose
		/// periods are all settled. If the settlement alone completes the lease (the
		/// prepayment paid its last instalment), nothing is taken. The lessee only.
		///
		/// Emits `PaymentMade` (and `PeriodSettled`, `PrepaymentDrawn`,
		/// `ImmobilisationRevoked`, `LeaseCompleted` as they happen).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::pay())]
		pub fn pay(origin: OriginFor<T>, lease: LeaseId, amount: BalanceOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_pay(who, lease, amount)
		}

		/// Takes `amount` of the prepayment back. Due periods are settled first, so a due
		/// instalment is drawn before the money leaves; if that completes the lease, the whole
		/// rest of the prepayment is released with it. The lessee only.
		///
		/// Emits `PrepaymentWithdrawn`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::withdraw_prepayment())]
		pub fn withdraw_prepayment(
			origin: OriginFor<T>,
			lease: LeaseId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_prepayment(who, lease, amount)
		}

		/// Settles the lease's due periods: charges each for its km, draws the prepayment onto
		/// the arrears and completes the lease if nothing is left. Anyone; `on_idle` does it
		/// too.
		///
		/// Emits `PeriodSettled` (and `PrepaymentDrawn`, `LeaseCompleted` as they happen).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::settle())]
		pub fn settle(origin: OriginFor<T>, lease: LeaseId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_settle(lease)
		}

		/// Requests a default: allowed once the oldest unpaid instalment is past its due date,
		/// grace and notice. It is decided at the end of the block, after every payment of the
		/// block. The holder only.
		///
		/// Emits `DefaultRequested` (and in `on_finalize` `ImmobilisationAuthorised` or
		/// `DefaultAverted`).
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::mark_default().saturating_add(T::WeightInfo::confirm_default()))]
		pub fn mark_default(origin: OriginFor<T>, lease: LeaseId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_mark_default(who, lease)
		}

		/// Writes a defaulted lease off: the lien and the lessee's operator right end, the
		/// prepayment goes back to the lessee and the deposit to the lessor. The holder only.
		///
		/// Emits `LeaseWrittenOff`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::write_off())]
		pub fn write_off(origin: OriginFor<T>, lease: LeaseId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_write_off(who, lease)
		}

		/// Buys the vehicle out for the payoff (arrears, the open period so far, the base fees
		/// of the later periods and the purchase price), at most `max_price`: paid from the
		/// prepayment first, the rest from the caller's balance. The lien is released and the
		/// vehicle passes to the lessee. The lessee only.
		///
		/// Emits `LeaseBoughtOut` (and the identity pallet's sale events).
		#[pallet::call_index(8)]
		#[pallet::weight(
			T::WeightInfo::buy_out().saturating_add(T::Vehicles::accept_offer_weight())
		)]
		pub fn buy_out(
			origin: OriginFor<T>,
			lease: LeaseId,
			max_price: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_buy_out(who, lease, max_price)
		}

		/// Transfers the lender's position to the approved lender `to`: the lien moves, and
		/// every later instalment and draw is paid to `to`. The schedule, the prepayment and the
		/// arrears stay. The holder only.
		///
		/// Emits `PositionTransferred`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::transfer_position())]
		pub fn transfer_position(
			origin: OriginFor<T>,
			lease: LeaseId,
			to: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_transfer_position(who, lease, to)
		}

		/// Ends any offer or lease: the lien and the operator right end, the prepayment goes
		/// back to the lessee and the deposit to the lessor. Governance only.
		///
		/// Emits `LeaseTerminated` (an offer: `LeaseOfferWithdrawn`).
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::force_terminate())]
		pub fn force_terminate(origin: OriginFor<T>, lease: LeaseId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_force_terminate(lease)
		}
	}
}
