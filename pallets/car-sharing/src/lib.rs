//! # Car sharing
//!
//! Vehicles that belong to no one person: a cooperative (or a group of neighbours) owns cars
//! together, members and renters book them, the car's own device opens and closes each trip,
//! and the revenue goes to the co-owners.
//!
//! - A **founder** creates a co-op with a name, a share supply split among the founders, its
//!   rules (quorum, supermajority, reserve share, cancellation terms) and its default prices.
//!   The co-op's account is derived from the pallet id (no private key); it owns the co-op's
//!   vehicles through the identity pallet's consent sale and holds its money.
//! - The co-op's **fleet manager** adds vehicles that owners give to the co-op, invites and
//!   unbinds their devices, reports theft and files damage claims.
//! - **Members** hold shares in a bounded internal ledger, transfer them, claim their part of
//!   the distributed revenue (a reward-per-share accumulator: no loop over members) and vote
//!   on proposals: sell or buy a vehicle, change prices, change the fleet manager or the
//!   assessor. A member who voted against a completed sale may exit at a fair price.
//! - **Renters** (members pay members' prices) book a slot; the worst-case price and a damage
//!   deposit are held. The vehicle's bound **device** checks the trip in (the renter gets a
//!   timed operator right) and out; the odometer readings go to the odometer history and the
//!   price is settled from the actual hours and km.
//! - The co-op's **assessor** decides disputed damage claims.
//!
//! Apps read co-ops, quotes, pending revenue and booked slots through
//! [`runtime_api::CarSharingApi`].

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

/// Sets up what the benchmarks need in the runtime's vehicle registry.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Registers an active vehicle owned by `owner` with `device` bound to it, and returns its
	/// id. Its manufacturer must be a registered manufacturer.
	fn create_vehicle(owner: &AccountId, device: &AccountId) -> v2x_primitives::VehicleId;
}

#[polkadot_sdk::frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use polkadot_sdk::{
		frame_support::{
			pallet_prelude::*,
			traits::fungible::{Inspect, Mutate, MutateHold},
			DefaultNoBound, PalletId,
		},
		frame_system::pallet_prelude::*,
		sp_core::H256,
		sp_runtime::{DispatchError, Percent},
	};
	use v2x_primitives::{Km, OdometerLog, VehicleControl, VehicleId, VehicleRegistry};

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

		/// The currency prices, deposits and revenue are paid in.
		type Currency: Inspect<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The hold reasons of the runtime, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// Who owns vehicles and their devices, and what the co-op's account may do to them
		/// (accept a gift or purchase, offer a sale, bind devices, grant renters a timed
		/// operator right, report theft).
		type Vehicles: VehicleRegistry<Self::AccountId, BlockNumberFor<Self>>
			+ VehicleControl<Self::AccountId, BalanceOf<Self>, BlockNumberFor<Self>>;

		/// The odometer history trips' readings go to.
		type Odometer: OdometerLog;

		/// Derives each co-op's keyless account (`into_sub_account_truncating(coop)`).
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Held from a co-op's founder: its storage at its bounds (members, vehicles,
		/// proposals).
		#[pallet::constant]
		type CoopDeposit: Get<BalanceOf<Self>>;

		/// Transferred by the founder into the co-op's account at creation: the existential
		/// deposit and room for the identity pallet's device and operator deposits. It is the
		/// co-op's first reserve.
		#[pallet::constant]
		type MinEndowment: Get<BalanceOf<Self>>;

		/// The longest co-op name, in bytes.
		#[pallet::constant]
		type MaxNameLength: Get<u32>;

		/// The most members (share holders, or holders of unclaimed revenue) of one co-op.
		#[pallet::constant]
		type MaxMembers: Get<u32>;

		/// The most vehicles in one co-op's fleet.
		#[pallet::constant]
		type MaxVehiclesPerCoop: Get<u32>;

		/// The most bookings (booked or in trip) of one vehicle.
		#[pallet::constant]
		type MaxBookingsPerVehicle: Get<u32>;

		/// The most open proposals of one co-op.
		#[pallet::constant]
		type MaxOpenProposals: Get<u32>;

		/// Blocks in an hour: trips are priced per started hour.
		#[pallet::constant]
		type BlocksPerHour: Get<BlockNumberFor<Self>>;

		/// The longest booking, in blocks (a booking is shorter than this).
		#[pallet::constant]
		type MaxBookingDuration: Get<BlockNumberFor<Self>>;

		/// A booking starts at most this many blocks ahead.
		#[pallet::constant]
		type MaxBookAhead: Get<BlockNumberFor<Self>>;

		/// After a check-out, the fleet manager may file a damage claim this long (inclusive).
		#[pallet::constant]
		type ClaimWindow: Get<BlockNumberFor<Self>>;

		/// After a claim is filed, the renter may dispute it this long (inclusive).
		#[pallet::constant]
		type DisputeWindow: Get<BlockNumberFor<Self>>;

		/// How long a proposal takes votes.
		#[pallet::constant]
		type VotingPeriod: Get<BlockNumberFor<Self>>;

		/// How long the offer made by a passed sale proposal stays open (at most the identity
		/// pallet's longest offer).
		#[pallet::constant]
		type SaleOfferDuration: Get<BlockNumberFor<Self>>;

		/// How long after a completed sale its dissenters may exit.
		#[pallet::constant]
		type ExitWindow: Get<BlockNumberFor<Self>>;

		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;

		/// Creates vehicles in the runtime's registry for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A co-op's storage, held from its founder.
		CoopDeposit,
		/// A booking's worst-case price, held from the renter until the trip is settled.
		BookingPrice,
		/// A booking's damage deposit, held from the renter until the claim window ends.
		DamageDeposit,
	}

	/// The id the next co-op gets.
	#[pallet::storage]
	pub type NextCoopId<T: Config> = StorageValue<_, CoopId, ValueQuery>;

	/// Every co-op.
	#[pallet::storage]
	pub type Coops<T: Config> = StorageMap<_, Twox64Concat, CoopId, Coop<T>>;

	/// The co-op each co-op account belongs to: recognises co-op accounts in the hooks.
	#[pallet::storage]
	pub type CoopOfAccount<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, CoopId>;

	/// Each co-op's members: (co-op, account).
	#[pallet::storage]
	pub type Members<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		CoopId,
		Blake2_128Concat,
		T::AccountId,
		crate::types::Member<BalanceOf<T>>,
	>;

	/// Each co-op's vehicles: (co-op, vehicle).
	#[pallet::storage]
	pub type Fleet<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		CoopId,
		Twox64Concat,
		VehicleId,
		FleetVehicle<BalanceOf<T>>,
	>;

	/// The co-op each fleet vehicle belongs to.
	#[pallet::storage]
	pub type VehicleCoop<T: Config> = StorageMap<_, Twox64Concat, VehicleId, CoopId>;

	/// What each fleet vehicle's trips added up to since it joined its co-op; removed when it
	/// leaves the fleet.
	#[pallet::storage]
	pub type VehicleTripTotals<T: Config> =
		StorageMap<_, Twox64Concat, VehicleId, TripTotals<BalanceOf<T>>, ValueQuery>;

	/// The id the next booking gets.
	#[pallet::storage]
	pub type NextBookingId<T: Config> = StorageValue<_, BookingId, ValueQuery>;

	/// Every booking not yet finished (booked, in trip, or returned with its deposit held).
	#[pallet::storage]
	pub type Bookings<T: Config> = StorageMap<_, Twox64Concat, BookingId, Booking<T>>;

	/// Each vehicle's booked and in-trip slots, sorted by start; they never overlap.
	#[pallet::storage]
	pub type VehicleBookings<T: Config> =
		StorageMap<_, Twox64Concat, VehicleId, SlotsOf<T>, ValueQuery>;

	/// Each co-op's open proposals: (co-op, proposal).
	#[pallet::storage]
	pub type Proposals<T: Config> =
		StorageDoubleMap<_, Twox64Concat, CoopId, Twox64Concat, ProposalId, Proposal<T>>;

	/// Votes on open proposals, and on passed sale proposals until their exit window ends:
	/// ((co-op, proposal), voter).
	#[pallet::storage]
	pub type Votes<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		(CoopId, ProposalId),
		Blake2_128Concat,
		T::AccountId,
		Vote,
	>;

	/// The co-ops' open sale offers, by vehicle.
	#[pallet::storage]
	pub type PendingSales<T: Config> = StorageMap<_, Twox64Concat, VehicleId, PendingSaleOf<T>>;

	/// The buy-back offered to the dissenters of each completed sale: (co-op, proposal).
	#[pallet::storage]
	pub type SaleExits<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		CoopId,
		Twox64Concat,
		ProposalId,
		SaleExit<BlockNumberFor<T>, BalanceOf<T>>,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A co-op was created; its account holds the founder's endowment.
		CoopCreated {
			coop: CoopId,
			account: T::AccountId,
			founder: T::AccountId,
			share_supply: Shares,
		},
		/// A vehicle joined the co-op's fleet.
		VehicleAdded { coop: CoopId, vehicle: VehicleId },
		/// A vehicle left the co-op's fleet (sold or scrapped).
		VehicleRemoved { coop: CoopId, vehicle: VehicleId },
		/// The fleet manager invited a device to bind to a fleet vehicle.
		DeviceInvited { coop: CoopId, vehicle: VehicleId, device: T::AccountId },
		/// The fleet manager unbound a device from a fleet vehicle.
		DeviceUnbound { coop: CoopId, vehicle: VehicleId, device: T::AccountId },
		/// The fleet manager reported a fleet vehicle stolen.
		VehicleReportedStolen { coop: CoopId, vehicle: VehicleId },
		/// The fleet manager reported a stolen fleet vehicle recovered.
		VehicleRecovered { coop: CoopId, vehicle: VehicleId },
		/// Shares changed hands; both sides' revenue so far was settled first.
		SharesTransferred { coop: CoopId, from: T::AccountId, to: T::AccountId, amount: Shares },
		/// Undistributed income moved into the reward accumulator.
		RevenueDistributed { coop: CoopId, amount: BalanceOf<T>, reward_per_share: u128 },
		/// A member was paid its revenue.
		RevenueClaimed { coop: CoopId, member: T::AccountId, amount: BalanceOf<T> },
		/// A renter booked a slot; the worst-case price and the deposit are held.
		Booked {
			booking: BookingId,
			coop: CoopId,
			vehicle: VehicleId,
			renter: T::AccountId,
			start: BlockNumberFor<T>,
			end: BlockNumberFor<T>,
			held_price: BalanceOf<T>,
			deposit: BalanceOf<T>,
		},
		/// A booking was cancelled; `fee` went to the co-op, the rest back to the renter.
		BookingCancelled { booking: BookingId, fee: BalanceOf<T> },
		/// The vehicle's device checked the renter in: it may operate the vehicle until the
		/// slot's end.
		TripStarted {
			booking: BookingId,
			vehicle: VehicleId,
			renter: T::AccountId,
			odometer_km: Km,
			state_of_charge: Percent,
			evidence: H256,
		},
		/// A trip ended and was paid: `price` for `hours` and `km` (at most the held price plus
		/// the deposit), `from_deposit` of it taken from the damage deposit.
		TripEnded {
			booking: BookingId,
			hours: u32,
			km: Km,
			price: BalanceOf<T>,
			from_deposit: BalanceOf<T>,
		},
		/// A booked slot ended without a check-in: `fee` went to the co-op.
		NoShow { booking: BookingId, fee: BalanceOf<T> },
		/// The fleet manager filed a damage claim against a returned booking's deposit.
		ClaimFiled { booking: BookingId, amount: BalanceOf<T>, evidence: H256 },
		/// The renter disputed the claim: the co-op's assessor decides.
		ClaimDisputed { booking: BookingId },
		/// The renter accepted the claim.
		ClaimAccepted { booking: BookingId, amount: BalanceOf<T> },
		/// The assessor awarded `award` of a disputed claim.
		ClaimDecided { booking: BookingId, award: BalanceOf<T> },
		/// A booking's deposit was released: `to_coop` paid a claim (into the reserve), the
		/// rest went back to the renter. The booking is finished.
		DepositReleased { booking: BookingId, to_renter: BalanceOf<T>, to_coop: BalanceOf<T> },
		/// A member proposed something to its co-op.
		Proposed {
			coop: CoopId,
			proposal: ProposalId,
			proposer: T::AccountId,
			kind: ProposalKindOf<T>,
			ends_at: BlockNumberFor<T>,
		},
		/// A member voted with all its shares; they are locked until the proposal closes.
		Voted { coop: CoopId, proposal: ProposalId, voter: T::AccountId, aye: bool, shares: Shares },
		/// A proposal was closed: `executed` is `None` if it did not pass, otherwise the result
		/// of carrying it out (an error leaves nothing of the execution behind).
		ProposalClosed {
			coop: CoopId,
			proposal: ProposalId,
			passed: bool,
			executed: Option<Result<(), DispatchError>>,
		},
		/// The buyer accepted a co-op's sale offer: `price` went into the reserve; the
		/// proposal's dissenters may exit at `price_per_share` until `exit_until`.
		SaleCompleted {
			coop: CoopId,
			proposal: ProposalId,
			vehicle: VehicleId,
			price: BalanceOf<T>,
			price_per_share: BalanceOf<T>,
			exit_until: BlockNumberFor<T>,
		},
		/// A dissenter of a completed sale sold its shares back to the co-op: `paid` covers
		/// the shares and its pending revenue.
		MemberExited { coop: CoopId, member: T::AccountId, shares: Shares, paid: BalanceOf<T> },
		/// A sale offer expired unaccepted and was withdrawn.
		SaleOfferWithdrawn { coop: CoopId, proposal: ProposalId, vehicle: VehicleId },
		/// A completed sale's exit window ended; its votes were removed.
		SaleExitClosed { coop: CoopId, proposal: ProposalId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No co-op has this id.
		CoopNotFound,
		/// A co-op name must not be empty.
		InvalidName,
		/// The rules are unusable: the quorum must be above zero and the supermajority above
		/// half of the supply.
		InvalidRules,
		/// The founders' shares must be above zero each, and their sum must fit a `u64`.
		InvalidShares,
		/// A founder appears twice.
		DuplicateFounder,
		/// Only the co-op's fleet manager may do this.
		NotFleetManager,
		/// Only the co-op's assessor may decide a claim.
		NotAssessor,
		/// Only a member holding shares of the co-op may do this.
		NotMember,
		/// Only the booking's renter may do this.
		NotRenter,
		/// Only the renter or the co-op's fleet manager may do this.
		NotAllowed,
		/// The caller cannot afford the deposit, endowment, price or damage deposit.
		InsufficientBalance,
		/// An amount does not fit the balance type: choose smaller figures.
		Overflow,
		/// The vehicle is not active (stolen or scrapped) or unknown.
		VehicleNotActive,
		/// The vehicle is already in a co-op's fleet.
		AlreadyInFleet,
		/// The vehicle is not in this co-op's fleet.
		NotInFleet,
		/// The co-op has `MaxVehiclesPerCoop` vehicles.
		TooManyVehicles,
		/// The co-op has `MaxMembers` members.
		TooManyMembers,
		/// The amount must be above zero.
		ZeroAmount,
		/// Shares cannot be transferred to their holder.
		SelfTransfer,
		/// The member holds fewer shares than that.
		InsufficientShares,
		/// The member voted on an open proposal: its shares move after the proposal closes.
		SharesLocked,
		/// The co-op has no undistributed income (or too little for one unit per share).
		NothingToDistribute,
		/// The member has no revenue to claim.
		NothingToClaim,
		/// The co-op's reserve (less the existential deposit) cannot pay this.
		InsufficientReserve,
		/// A booking cannot start in the past.
		StartInPast,
		/// A booking starts at most `MaxBookAhead` blocks ahead.
		StartTooFarAhead,
		/// A booking's end must not be before its start.
		InvalidSlot,
		/// A booking must be shorter than `MaxBookingDuration`.
		BookingTooLong,
		/// The slot overlaps another booking of the vehicle.
		SlotTaken,
		/// The vehicle has `MaxBookingsPerVehicle` bookings.
		TooManyBookings,
		/// No booking has this id (or it finished).
		BookingNotFound,
		/// The booking is not booked (it started or ended).
		NotBooked,
		/// The booking is not in a trip.
		NotInTrip,
		/// The booking's trip has not ended.
		NotReturned,
		/// The booking started: the renter can no longer cancel it.
		TooLate,
		/// Too early: the slot (or window) has not ended.
		TooEarly,
		/// A check-in must be within the booked slot.
		OutsideSlot,
		/// Only a device bound to the booking's vehicle may do this.
		NotVehicleDevice,
		/// The booking already has a claim.
		ClaimExists,
		/// The booking has no claim.
		NoClaim,
		/// The claim window after the check-out has ended.
		ClaimWindowClosed,
		/// The claim window after the check-out has not ended.
		ClaimWindowOpen,
		/// A claim cannot exceed what is left of the deposit.
		ClaimAboveDeposit,
		/// The claim is already disputed.
		AlreadyDisputed,
		/// Only a disputed claim is decided by the assessor.
		NotDisputed,
		/// A disputed claim is settled by the assessor's decision.
		ClaimDisputed,
		/// The dispute window of the claim has ended.
		DisputeWindowClosed,
		/// The dispute window of the claim has not ended.
		DisputeWindowOpen,
		/// The award cannot exceed the claim.
		AwardAboveClaim,
		/// The booking has an open claim: it must be settled first.
		ClaimOpen,
		/// The co-op has `MaxOpenProposals` open proposals.
		TooManyProposals,
		/// No open proposal has this id.
		ProposalNotFound,
		/// A price must be above zero.
		InvalidPrice,
		/// The vehicle already has an open sale offer.
		SalePending,
		/// The proposal's voting period has ended.
		VotingClosed,
		/// The proposal's voting period has not ended.
		VotingOpen,
		/// The member already voted on this proposal.
		AlreadyVoted,
		/// No completed sale with an exit offer has this id.
		NoSaleExit,
		/// The sale's exit window has ended.
		ExitClosed,
		/// The sale's exit window has not ended.
		ExitOpen,
		/// Only a member who voted against the sale may exit.
		NotDissenter,
		/// The vehicle has no open sale offer.
		NoPendingSale,
		/// The sale offer has not expired.
		OfferNotExpired,
		/// The vehicle's previous trip has not ended: its renter or a device must end it (or the
		/// fleet manager, after its slot).
		VehicleInTrip,
		/// The co-op's assessor decides its damage claims: it may not be the fleet manager who
		/// files them, rent the co-op's cars, or decide a claim on its own booking.
		ConflictOfInterest,
		/// A co-op's account cannot receive shares: nobody could vote or sell them.
		CoopAccountReceiver,
	}

	#[pallet::genesis_config]
	#[derive(DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Co-ops to create (ids 0, 1, ...), with vehicles their accounts already own.
		pub coops: Vec<GenesisCoop<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>>,
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
			assert!(T::MaxMembers::get() > 0, "a co-op needs members");
			assert!(T::MaxNameLength::get() > 0, "co-ops need names");
			assert!(T::MaxVehiclesPerCoop::get() > 0, "a co-op needs vehicles");
			assert!(T::MaxBookingsPerVehicle::get() > 0, "vehicles must be bookable");
			assert!(T::MaxOpenProposals::get() > 0, "co-ops must be able to decide");
			assert!(T::BlocksPerHour::get() > Zero::zero(), "trips are priced per hour");
			assert!(T::MaxBookingDuration::get() > Zero::zero(), "bookings must be possible");
			assert!(T::VotingPeriod::get() > Zero::zero(), "proposals need votes");
			assert!(
				T::MinEndowment::get() >= T::Currency::minimum_balance(),
				"the endowment must keep the co-op's account alive"
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
		/// Creates a co-op named `name` with `rules`, default `pricing`, its `fleet_manager`
		/// and `assessor`, and the share supply split among `founders` (each above zero, no
		/// account twice). Holds `CoopDeposit` from the caller (the founder) and transfers
		/// `MinEndowment` from it into the co-op's new account, as its first reserve.
		///
		/// Emits `CoopCreated`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_coop())]
		pub fn create_coop(
			origin: OriginFor<T>,
			name: CoopNameOf<T>,
			rules: CoopRules<BlockNumberFor<T>>,
			pricing: Pricing<BalanceOf<T>>,
			founders: FoundersOf<T>,
			fleet_manager: T::AccountId,
			assessor: T::AccountId,
		) -> DispatchResult {
			let founder = ensure_signed(origin)?;
			let setup = CoopSetup { name, rules, pricing, founders, fleet_manager, assessor };
			Self::do_create_coop(founder, setup).map(|_| ())
		}

		/// Adds `vehicle` to the co-op's fleet: its owner offered it to the co-op's account as
		/// a gift (no price) in the identity pallet; the co-op accepts it. Paid purchases go
		/// through a `BuyVehicle` proposal. The co-op's fleet manager only.
		///
		/// Emits `VehicleAdded` (and the identity pallet's sale events).
		///
		/// The sale runs every pallet's ownership hook for the giver's vehicle (its work orders,
		/// policy, data grants), which the benchmark's fresh vehicle does not have: their worst
		/// case is charged on top.
		#[pallet::call_index(1)]
		#[pallet::weight(
			T::WeightInfo::add_vehicle().saturating_add(T::Vehicles::accept_offer_weight())
		)]
		pub fn add_vehicle(
			origin: OriginFor<T>,
			coop: CoopId,
			vehicle: VehicleId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_add_vehicle(who, coop, vehicle)
		}

		/// Invites `device` to bind to the fleet vehicle `vehicle`; the device accepts in the
		/// identity pallet. The co-op's account pays the identity pallet's deposit. The co-op's
		/// fleet manager only.
		///
		/// Emits `DeviceInvited`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::invite_device())]
		pub fn invite_device(
			origin: OriginFor<T>,
			coop: CoopId,
			vehicle: VehicleId,
			device: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_invite_device(who, coop, vehicle, device)
		}

		/// Unbinds `device` from the fleet vehicle `vehicle` (or withdraws its invitation).
		/// A trip in progress can still end by a replacement device or without one. The co-op's
		/// fleet manager only.
		///
		/// Emits `DeviceUnbound`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::unbind_device())]
		pub fn unbind_device(
			origin: OriginFor<T>,
			coop: CoopId,
			vehicle: VehicleId,
			device: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_unbind_device(who, coop, vehicle, device)
		}

		/// Reports the fleet vehicle `vehicle` stolen in the identity pallet: its bookings are
		/// cancelled (a trip in progress is settled) by this pallet's status hook. The co-op's
		/// fleet manager only.
		///
		/// Emits `VehicleReportedStolen`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::report_stolen().saturating_add(T::Vehicles::status_weight()))]
		pub fn report_stolen(
			origin: OriginFor<T>,
			coop: CoopId,
			vehicle: VehicleId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_report_stolen(who, coop, vehicle)
		}

		/// Reports the stolen fleet vehicle `vehicle` recovered: it can be booked again. The
		/// co-op's fleet manager only.
		///
		/// Emits `VehicleRecovered`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::report_recovered().saturating_add(T::Vehicles::status_weight()))]
		pub fn report_recovered(
			origin: OriginFor<T>,
			coop: CoopId,
			vehicle: VehicleId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_report_recovered(who, coop, vehicle)
		}

		/// Transfers `amount` of the caller's shares of `coop` to `to`. Both sides' revenue so
		/// far is settled into their unclaimed balances first, so a transfer between a
		/// distribution and a claim pays nobody twice. Refused while the caller has votes on
		/// open proposals; a new holder counts against `MaxMembers`; a holder left with no
		/// shares and no unclaimed revenue stops being a member.
		///
		/// Emits `SharesTransferred`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::transfer_shares())]
		pub fn transfer_shares(
			origin: OriginFor<T>,
			coop: CoopId,
			to: T::AccountId,
			amount: Shares,
		) -> DispatchResult {
			let from = ensure_signed(origin)?;
			Self::do_transfer_shares(coop, from, to, amount)
		}

		/// Distributes the co-op's undistributed income to its shares (the reward-per-share
		/// accumulator grows; no loop over members). What does not divide evenly stays
		/// undistributed. Anyone.
		///
		/// Emits `RevenueDistributed`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::distribute())]
		pub fn distribute(origin: OriginFor<T>, coop: CoopId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_distribute(coop)
		}

		/// Pays the caller its revenue from `coop`: what its shares earned since it was last
		/// settled, plus its unclaimed balance. A member only.
		///
		/// Emits `RevenueClaimed`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::claim_revenue())]
		pub fn claim_revenue(origin: OriginFor<T>, coop: CoopId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_claim_revenue(coop, who)
		}

		/// Books the fleet vehicle `vehicle` from block `start` to `end` (inclusive) for up to
		/// `max_km`. Holds the worst-case price (members' or renters' rate) and the damage
		/// deposit from the caller. The slot must not overlap another booking.
		///
		/// Emits `Booked`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::book())]
		pub fn book(
			origin: OriginFor<T>,
			vehicle: VehicleId,
			start: BlockNumberFor<T>,
			end: BlockNumberFor<T>,
			max_km: Km,
		) -> DispatchResult {
			let renter = ensure_signed(origin)?;
			Self::do_book(renter, vehicle, start, end, max_km)
		}

		/// Cancels a booking that has not started: the renter before its start (free at least
		/// `free_cancellation` blocks ahead, otherwise the late fee goes to the co-op), or the
		/// co-op's fleet manager at any time, without fee. The rest is released.
		///
		/// Emits `BookingCancelled`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::cancel_booking())]
		pub fn cancel_booking(origin: OriginFor<T>, booking: BookingId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel_booking(who, booking)
		}

		/// Starts the trip: signed by a device bound to the booking's vehicle, within the slot.
		/// Records the odometer reading and grants the renter an operator right until the
		/// slot's end.
		///
		/// Emits `TripStarted`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::check_in())]
		pub fn check_in(
			origin: OriginFor<T>,
			booking: BookingId,
			odometer_km: Km,
			state_of_charge: Percent,
			evidence: H256,
		) -> DispatchResult {
			let device = ensure_signed(origin)?;
			Self::do_check_in(device, booking, odometer_km, state_of_charge, evidence)
		}

		/// Ends the trip: signed by a device bound to the vehicle now (a replacement device
		/// works). Records the reading, settles the price from the actual hours and the km of
		/// the odometer history (a flagged reading changes neither) and ends the renter's
		/// operator right (a failed revocation is ignored only if the right is already gone).
		///
		/// Emits `TripEnded`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::check_out())]
		pub fn check_out(
			origin: OriginFor<T>,
			booking: BookingId,
			odometer_km: Km,
			state_of_charge: Percent,
			evidence: H256,
		) -> DispatchResult {
			let device = ensure_signed(origin)?;
			Self::do_check_out(device, booking, odometer_km, state_of_charge, evidence)
		}

		/// Ends a trip without a device (unbound mid-trip, or a car not returned): the renter at
		/// any time, the fleet manager after the slot's end. Settles with the km the odometer
		/// history has seen since the check-in.
		///
		/// Emits `TripEnded`.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::end_trip_without_device())]
		pub fn end_trip_without_device(origin: OriginFor<T>, booking: BookingId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_end_trip_without_device(who, booking)
		}

		/// Closes a booking whose slot ended without a check-in: the late-cancellation fee goes
		/// to the co-op, the rest and the deposit back to the renter. Anyone.
		///
		/// Emits `NoShow`.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::close_no_show())]
		pub fn close_no_show(origin: OriginFor<T>, booking: BookingId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_close_no_show(booking)
		}

		/// Files a damage claim of `amount` (at most what is left of the deposit) against a
		/// returned booking, with an evidence hash, up to `ClaimWindow` blocks after the
		/// check-out (inclusive). The co-op's fleet manager only.
		///
		/// Emits `ClaimFiled`.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::file_claim())]
		pub fn file_claim(
			origin: OriginFor<T>,
			booking: BookingId,
			amount: BalanceOf<T>,
			evidence: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_file_claim(who, booking, amount, evidence)
		}

		/// Disputes the claim against the caller's booking, within `DisputeWindow` blocks of its
		/// filing: the co-op's assessor decides. The renter only.
		///
		/// Emits `ClaimDisputed`.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::dispute_claim())]
		pub fn dispute_claim(origin: OriginFor<T>, booking: BookingId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_dispute_claim(who, booking)
		}

		/// Accepts the claim against the caller's booking: it is paid from the deposit now, the
		/// rest released. The renter only.
		///
		/// Emits `ClaimAccepted` and `DepositReleased`.
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::accept_claim())]
		pub fn accept_claim(origin: OriginFor<T>, booking: BookingId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_accept_claim(who, booking)
		}

		/// Decides a disputed claim: `award` (at most the claim) is paid from the deposit, the
		/// rest released. The co-op's assessor only.
		///
		/// Emits `ClaimDecided` and `DepositReleased`.
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::decide_claim())]
		pub fn decide_claim(
			origin: OriginFor<T>,
			booking: BookingId,
			award: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_decide_claim(who, booking, award)
		}

		/// Pays an undisputed claim after its dispute window: the claim from the deposit, the
		/// rest released. Anyone.
		///
		/// Emits `DepositReleased`.
		#[pallet::call_index(19)]
		#[pallet::weight(T::WeightInfo::settle_claim())]
		pub fn settle_claim(origin: OriginFor<T>, booking: BookingId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_settle_claim(booking)
		}

		/// Releases the deposit of a returned booking without a claim after the claim window,
		/// and finishes the booking. Anyone.
		///
		/// Emits `DepositReleased`.
		#[pallet::call_index(20)]
		#[pallet::weight(T::WeightInfo::release_deposit())]
		pub fn release_deposit(origin: OriginFor<T>, booking: BookingId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_release_deposit(booking)
		}

		/// Proposes `kind` to the co-op (at most `MaxOpenProposals` open): votes are taken for
		/// `VotingPeriod` blocks. A member holding shares only.
		///
		/// Emits `Proposed`.
		#[pallet::call_index(21)]
		#[pallet::weight(T::WeightInfo::propose())]
		pub fn propose(
			origin: OriginFor<T>,
			coop: CoopId,
			kind: ProposalKindOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_propose(coop, who, kind)
		}

		/// Votes aye or nay on an open proposal with all the caller's shares, once; the shares
		/// cannot be transferred until the proposal closes. A member holding shares only.
		///
		/// Emits `Voted`.
		#[pallet::call_index(22)]
		#[pallet::weight(T::WeightInfo::vote())]
		pub fn vote(
			origin: OriginFor<T>,
			coop: CoopId,
			proposal: ProposalId,
			aye: bool,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_vote(coop, proposal, who, aye)
		}

		/// Closes a proposal after its voting period and carries it out if it passed: the
		/// votes reach the quorum of the supply, and the ayes the supermajority of the supply
		/// (sales, purchases, prices) or outnumber the nays (fleet manager, assessor). An
		/// execution error does not undo the close. Unlocks the voters' shares. Anyone.
		///
		/// Emits `ProposalClosed`.
		#[pallet::call_index(23)]
		#[pallet::weight(
			T::WeightInfo::close_proposal().saturating_add(T::Vehicles::accept_offer_weight())
		)]
		pub fn close_proposal(
			origin: OriginFor<T>,
			coop: CoopId,
			proposal: ProposalId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_close_proposal(coop, proposal)
		}

		/// Sells the caller's shares back to the co-op at the fair price set when the sale it
		/// voted against completed (at most the shares it voted with), and pays its pending
		/// revenue; the shares are cancelled. Until the sale's exit window ends; not while the
		/// caller has votes on open proposals.
		///
		/// Emits `MemberExited`.
		#[pallet::call_index(24)]
		#[pallet::weight(T::WeightInfo::exit())]
		pub fn exit(origin: OriginFor<T>, coop: CoopId, proposal: ProposalId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_exit(coop, proposal, who)
		}

		/// Withdraws a co-op's sale offer of `vehicle` that expired unaccepted, and removes the
		/// sale proposal's votes. Anyone.
		///
		/// Emits `SaleOfferWithdrawn`.
		#[pallet::call_index(25)]
		#[pallet::weight(T::WeightInfo::clear_expired_sale())]
		pub fn clear_expired_sale(origin: OriginFor<T>, vehicle: VehicleId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_clear_expired_sale(vehicle)
		}

		/// Ends a completed sale's exit offer after its window and removes the proposal's
		/// votes. Anyone.
		///
		/// Emits `SaleExitClosed`.
		#[pallet::call_index(26)]
		#[pallet::weight(T::WeightInfo::clear_sale_exit())]
		pub fn clear_sale_exit(
			origin: OriginFor<T>,
			coop: CoopId,
			proposal: ProposalId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_clear_sale_exit(coop, proposal)
		}
	}
}
