//! # Usage-based insurance
//!
//! Pay-as-you-drive cover priced from the vehicle's own odometer and risk events.
//!
//! - **Governance** (`GovernanceOrigin`) approves insurers, suspends and reinstates them, and
//!   decides escalated claims (final).
//! - An **insurer** publishes products (base premium per period, rate per km, surcharges per
//!   risk event, period length, deductible, maximum cover; never changed once published, only
//!   retired) and funds its capital pool. The pool is a hold on the insurer's own account
//!   (`HoldReason::Pool`), not a transfer to a pallet account. It sells only cover it can pay:
//!   a sale must leave the pool at least `SolvencyRatio` x open maximum cover + the reserves
//!   of undecided claims, and the pool cannot be withdrawn below that.
//! - The **owner** (or a current **operator**) of an active vehicle buys a policy, prepaying
//!   into a hold; tops it up; cancels it (pro-rata charge of the running period, refund of
//!   the rest).
//! - The vehicle's bound **device** reports usage: an odometer reading (fed to
//!   [`v2x_primitives::OdometerLog`]; the km billed are the odometer history's own accepted
//!   distance, so a rollback or implausible jump never lowers the premium) and risk events.
//! - **Anyone** ends a policy whose holder may no longer operate the vehicle (an operator
//!   whose right was revoked or ran out), pro rata like a cancellation; a purchase by the
//!   owner or a current operator ends it too, and the device's reports are refused for it.
//! - **Anyone** settles a policy whose period ended; `on_idle` settles due policies too,
//!   within the block's spare weight and at most `MaxSettlementsPerBlock` steps. An
//!   underfunded policy lapses. A sale, theft report or scrapping ends the policy through the
//!   [`v2x_primitives::OnOwnershipTransferred`] and [`v2x_primitives::OnVehicleStatusChanged`]
//!   hooks (O(1)).
//! - The **holder** files claims (amount, evidence hash); the insurer approves (payout from
//!   the pool minus the deductible, capped by the remaining cover) or rejects with a reason;
//!   the holder may escalate a rejection, or a claim left undecided past `DecisionDeadline`.
//!
//! Queries go through [`runtime_api::InsuranceApi`].

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
	/// id.
	fn create_vehicle(owner: &AccountId, device: &AccountId) -> v2x_primitives::VehicleId;

	/// Makes `operator` an operator of `vehicle`, as its owner grants it, for a long time.
	fn grant_operator(vehicle: v2x_primitives::VehicleId, operator: &AccountId);

	/// Ends `operator`'s right on `vehicle`, as its owner's revocation does.
	fn revoke_operator(vehicle: v2x_primitives::VehicleId, operator: &AccountId);
}

#[polkadot_sdk::frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use polkadot_sdk::{
		frame_support::{
			pallet_prelude::*,
			traits::fungible::{Inspect, Mutate, MutateHold},
			DefaultNoBound,
		},
		frame_system::pallet_prelude::*,
		sp_runtime::Perbill,
	};
	use v2x_primitives::{Km, OdometerLog, ReadingVerdict, VehicleId, VehicleRegistry};

	/// 1: the first layout. 2: policies carry their product's terms and their holder's role
	/// (`migrations::v2`), so a usage report reads neither the product nor the owner.
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

		/// The currency pools, prepayments and deposits are held in.
		type Currency: Inspect<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The hold reasons of the runtime, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// Who owns and operates vehicles, their status and bound devices.
		type Vehicles: VehicleRegistry<Self::AccountId, BlockNumberFor<Self>>;

		/// The odometer history usage reports feed and are billed from.
		type Odometer: OdometerLog;

		/// Approves, suspends and reinstates insurers, and decides escalated claims.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The share of its open maximum cover an insurer's pool must hold.
		#[pallet::constant]
		type SolvencyRatio: Get<Perbill>;

		/// Held from the insurer for each product until it is retired with no open policy.
		#[pallet::constant]
		type ProductDeposit: Get<BalanceOf<Self>>;

		/// Held from the holder for each policy until its record is closed.
		#[pallet::constant]
		type PolicyDeposit: Get<BalanceOf<Self>>;

		/// Held from the holder for each claim until it is decided or closed.
		#[pallet::constant]
		type ClaimDeposit: Get<BalanceOf<Self>>;

		/// The longest insurer name, in bytes.
		#[pallet::constant]
		type MaxNameLength: Get<u32>;

		/// The most products (not retired) an insurer may have.
		#[pallet::constant]
		type MaxProductsPerInsurer: Get<u32>;

		/// The most open claims on one policy.
		#[pallet::constant]
		type MaxOpenClaimsPerPolicy: Get<u32>;

		/// The shortest period a product may have, in blocks.
		#[pallet::constant]
		type MinPeriodLength: Get<BlockNumberFor<Self>>;

		/// The longest period a product may have, in blocks.
		#[pallet::constant]
		type MaxPeriodLength: Get<BlockNumberFor<Self>>;

		/// Blocks after a policy ended during which claims may still be filed on it.
		#[pallet::constant]
		type ClaimWindow: Get<BlockNumberFor<Self>>;

		/// Blocks the insurer has to decide a claim before the holder may escalate it.
		#[pallet::constant]
		type DecisionDeadline: Get<BlockNumberFor<Self>>;

		/// Blocks after a rejection during which the holder may escalate it.
		#[pallet::constant]
		type EscalationWindow: Get<BlockNumberFor<Self>>;

		/// The most settlement steps `on_idle` takes in a block.
		#[pallet::constant]
		type MaxSettlementsPerBlock: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Creates vehicles in the runtime's registry for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// An insurer's capital pool, held on its own account.
		Pool,
		/// A published product, held from its insurer.
		Product,
		/// A policy record, held from its holder.
		Policy,
		/// A policy's prepaid premiums, held from its holder.
		Prepayment,
		/// A filed claim, held from the holder.
		Claim,
	}

	/// Insurers approved by governance.
	#[pallet::storage]
	pub type Insurers<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, Insurer<T>>;

	/// Every product, by id. Retired products stay: ended policies' claims use their terms.
	#[pallet::storage]
	pub type Products<T: Config> = StorageMap<_, Twox64Concat, ProductId, ProductOf<T>>;

	/// The id the next product gets.
	#[pallet::storage]
	pub type NextProductId<T: Config> = StorageValue<_, ProductId, ValueQuery>;

	/// Policies, active and ended (until closed), by id.
	#[pallet::storage]
	pub type Policies<T: Config> = StorageMap<_, Twox64Concat, PolicyId, PolicyOf<T>>;

	/// The id the next policy gets.
	#[pallet::storage]
	pub type NextPolicyId<T: Config> = StorageValue<_, PolicyId, ValueQuery>;

	/// Each insured vehicle's active policy.
	#[pallet::storage]
	pub type ActivePolicy<T: Config> = StorageMap<_, Twox64Concat, VehicleId, PolicyId>;

	/// Active policies by the block from which they are due for settlement: (block, policy).
	#[pallet::storage]
	pub type DueAt<T: Config> =
		StorageDoubleMap<_, Twox64Concat, BlockNumberFor<T>, Twox64Concat, PolicyId, ()>;

	/// The block `on_idle` settles due policies of next; it walks up to the current block.
	#[pallet::storage]
	pub type SettlementCursor<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// Claims not closed yet, by id.
	#[pallet::storage]
	pub type Claims<T: Config> = StorageMap<_, Twox64Concat, ClaimId, ClaimOf<T>>;

	/// The id the next claim gets.
	#[pallet::storage]
	pub type NextClaimId<T: Config> = StorageValue<_, ClaimId, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Governance approved an insurer.
		InsurerApproved { insurer: T::AccountId, name: NameOf<T> },
		/// Governance suspended an insurer: no new products or policies.
		InsurerSuspended { insurer: T::AccountId },
		/// Governance lifted an insurer's suspension.
		InsurerReinstated { insurer: T::AccountId },
		/// An insurer published a product.
		ProductCreated { product: ProductId, insurer: T::AccountId },
		/// An insurer retired a product: no new policies; running ones keep its terms.
		ProductRetired { product: ProductId },
		/// An insurer added to its pool.
		PoolFunded { insurer: T::AccountId, amount: BalanceOf<T>, held: BalanceOf<T> },
		/// An insurer took funds out of its pool.
		PoolWithdrawn { insurer: T::AccountId, amount: BalanceOf<T>, held: BalanceOf<T> },
		/// A policy was bought.
		PolicyBought {
			policy: PolicyId,
			vehicle: VehicleId,
			product: ProductId,
			holder: T::AccountId,
			prepaid: BalanceOf<T>,
			period_end: BlockNumberFor<T>,
		},
		/// The holder added to a policy's prepayment.
		PolicyToppedUp { policy: PolicyId, amount: BalanceOf<T>, prepaid: BalanceOf<T> },
		/// A device reported usage: `km_added` to the running period, `period_km` in total.
		UsageReported {
			policy: PolicyId,
			vehicle: VehicleId,
			odometer_km: Km,
			verdict: ReadingVerdict,
			km_added: Km,
			period_km: Km,
		},
		/// A period was settled: `paid` (the premium) went to the insurer. `next_period_end`
		/// is the renewed period's last block, `None` if the policy ended (`PolicyEnded`).
		PeriodSettled {
			policy: PolicyId,
			premium: BalanceOf<T>,
			paid: BalanceOf<T>,
			next_period_end: Option<BlockNumberFor<T>>,
		},
		/// The prepayment did not cover a period's premium: it all went to the insurer and
		/// the policy ended.
		PolicyLapsed {
			policy: PolicyId,
			premium: BalanceOf<T>,
			paid: BalanceOf<T>,
			shortfall: BalanceOf<T>,
		},
		/// A policy ended: `charged` went to the insurer, `refunded` back to the holder.
		PolicyEnded {
			policy: PolicyId,
			reason: EndReason,
			charged: BalanceOf<T>,
			refunded: BalanceOf<T>,
		},
		/// An ended policy's record was removed and its deposit released.
		PolicyClosed { policy: PolicyId },
		/// The holder filed a claim.
		ClaimFiled { claim: ClaimId, policy: PolicyId, amount: BalanceOf<T> },
		/// The insurer approved a claim: `payout` went from its pool to the holder.
		ClaimApproved { claim: ClaimId, payout: BalanceOf<T> },
		/// The insurer rejected a claim.
		ClaimRejected { claim: ClaimId, reason: RejectionReason },
		/// The holder escalated a claim to governance.
		ClaimEscalated { claim: ClaimId },
		/// Governance decided an escalated claim, for good.
		ClaimDecided { claim: ClaimId, approved: bool, payout: BalanceOf<T> },
		/// A rejected claim was closed after its escalation window.
		ClaimClosed { claim: ClaimId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is not an approved insurer: governance approves insurers.
		NotInsurer,
		/// The insurer is suspended: no new products or policies until governance reinstates
		/// it.
		InsurerSuspended,
		/// The insurer is not suspended.
		NotSuspended,
		/// This account is already an approved insurer.
		AlreadyInsurer,
		/// An insurer needs a name.
		EmptyName,
		/// No product has this id.
		ProductNotFound,
		/// Only the product's insurer may do this.
		NotProductInsurer,
		/// The product is retired: it sells no new policies.
		ProductRetired,
		/// The insurer has `MaxProductsPerInsurer` products: retire one first.
		TooManyProducts,
		/// The period length is outside `MinPeriodLength..=MaxPeriodLength`.
		InvalidPeriod,
		/// A product's maximum cover must be above zero.
		InvalidCover,
		/// The amount must be above zero.
		ZeroAmount,
		/// The insurer's pool is too small for this cover: it must fund its pool first.
		InsufficientPool,
		/// The withdrawal would leave the pool below what open policies and claims need.
		PoolBelowRequirement,
		/// The caller cannot afford the hold (free balance above the existential deposit).
		InsufficientBalance,
		/// The vehicle is unknown, stolen or scrapped: only active vehicles are insured.
		VehicleNotActive,
		/// Only the vehicle's owner or a current operator may insure it.
		NotOperator,
		/// The vehicle already has an active policy, whose holder may still operate it.
		AlreadyInsured,
		/// The prepayment must cover at least one base premium.
		PrepaymentTooLow,
		/// No policy has this id.
		PolicyNotFound,
		/// Only the policy's holder may do this.
		NotHolder,
		/// The policy has ended.
		PolicyNotActive,
		/// The caller is not a device bound to a vehicle.
		NotDevice,
		/// The device's vehicle has no active policy.
		NoActivePolicy,
		/// The running period has ended: settle the policy first (anyone may).
		PeriodEnded,
		/// The running period has not ended yet.
		PeriodNotEnded,
		/// The claimed amount is not above the deductible: nothing would be paid.
		BelowDeductible,
		/// The policy has `MaxOpenClaimsPerPolicy` open claims: wait for a decision.
		TooManyClaims,
		/// The policy ended more than `ClaimWindow` blocks ago.
		ClaimWindowClosed,
		/// No open claim has this id.
		ClaimNotFound,
		/// The claim has already been decided by the insurer or escalated.
		ClaimNotFiled,
		/// The claim cannot be escalated: it is neither rejected within `EscalationWindow`
		/// nor left undecided past `DecisionDeadline`.
		NotEscalatable,
		/// The claim has not been escalated: governance decides escalated claims only.
		NotEscalated,
		/// The claim is not rejected, or its escalation window is still open.
		EscalationWindowOpen,
		/// The policy is active, within its claim window, or has open claims.
		PolicyStillOpen,
		/// The policy's holder may still operate the vehicle: only the holder may end it
		/// (`cancel_policy`), or the owner revokes the holder's operator right first.
		HolderStillOperates,
		/// The policy's holder may no longer operate the vehicle, so the vehicle's usage is
		/// not billed to it: end it first (`end_holder_left`, anyone may), then insure the
		/// vehicle anew.
		HolderLeft,
		/// A number grew beyond its type: the amounts or counts are absurd.
		Overflow,
	}

	#[pallet::genesis_config]
	#[derive(DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// `(account, name, pool)` of each approved insurer; the pool is held from it.
		pub insurers: Vec<GenesisInsurer<T::AccountId, BalanceOf<T>>>,
		/// `(insurer, terms)` of each product, ids from 0 in order; deposits are held.
		pub products: Vec<(T::AccountId, ProductTermsOf<T>)>,
		/// `(holder, vehicle, product, prepayment)` of each policy, ids from 0 in order; the
		/// vehicles must exist in `T::Vehicles` already. Deposit and prepayment are held.
		pub policies: Vec<GenesisPolicy<T::AccountId, BalanceOf<T>>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			self.seed();
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_idle(now: BlockNumberFor<T>, remaining_weight: Weight) -> Weight {
			Self::settle_due(now, remaining_weight)
		}

		fn integrity_test() {
			assert!(T::MaxNameLength::get() > 0, "insurers need a name");
			assert!(T::MaxProductsPerInsurer::get() > 0, "insurers must be able to sell");
			assert!(T::MaxOpenClaimsPerPolicy::get() > 0, "holders must be able to claim");
			assert!(T::MinPeriodLength::get() > Zero::zero(), "a period lasts a block at least");
			assert!(
				T::MinPeriodLength::get() <= T::MaxPeriodLength::get(),
				"no period length is allowed"
			);
			assert!(T::MaxSettlementsPerBlock::get() > 0, "on_idle must make progress");
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
		/// Approves `insurer` under `name`. Governance only.
		///
		/// Emits `InsurerApproved`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::approve_insurer())]
		pub fn approve_insurer(
			origin: OriginFor<T>,
			insurer: T::AccountId,
			name: NameOf<T>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_approve_insurer(insurer, name)
		}

		/// Suspends an insurer: no new products or policies; running policies, settlements,
		/// claims and its pool go on. Governance only.
		///
		/// Emits `InsurerSuspended`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::suspend_insurer())]
		pub fn suspend_insurer(origin: OriginFor<T>, insurer: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_suspended(insurer, true)
		}

		/// Lifts an insurer's suspension. Governance only.
		///
		/// Emits `InsurerReinstated`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::reinstate_insurer())]
		pub fn reinstate_insurer(origin: OriginFor<T>, insurer: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_suspended(insurer, false)
		}

		/// Publishes a product with `terms` (never changed afterwards) and holds
		/// `ProductDeposit` from the caller. An approved, unsuspended insurer with fewer than
		/// `MaxProductsPerInsurer` products; the period within `MinPeriodLength..=
		/// MaxPeriodLength`, the maximum cover above zero.
		///
		/// Emits `ProductCreated`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::create_product())]
		pub fn create_product(origin: OriginFor<T>, terms: ProductTermsOf<T>) -> DispatchResult {
			let insurer = ensure_signed(origin)?;
			Self::do_create_product(insurer, terms).map(|_| ())
		}

		/// Retires a product: it sells no new policies, running ones keep its terms. Its
		/// deposit is released now if no policy is open on it, else when the last one ends.
		/// The product's insurer only.
		///
		/// Emits `ProductRetired`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::retire_product())]
		pub fn retire_product(origin: OriginFor<T>, product: ProductId) -> DispatchResult {
			let insurer = ensure_signed(origin)?;
			Self::do_retire_product(insurer, product)
		}

		/// Adds `amount` to the caller's capital pool (a hold on its own account). Approved
		/// insurers only, suspended ones too.
		///
		/// Emits `PoolFunded`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::fund_pool())]
		pub fn fund_pool(origin: OriginFor<T>, amount: BalanceOf<T>) -> DispatchResult {
			let insurer = ensure_signed(origin)?;
			Self::do_fund_pool(insurer, amount)
		}

		/// Releases `amount` from the caller's pool, down to `SolvencyRatio` x exposure +
		/// claims reserved at the lowest. Approved insurers only.
		///
		/// Emits `PoolWithdrawn`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::withdraw_pool())]
		pub fn withdraw_pool(origin: OriginFor<T>, amount: BalanceOf<T>) -> DispatchResult {
			let insurer = ensure_signed(origin)?;
			Self::do_withdraw_pool(insurer, amount)
		}

		/// Buys a policy on `product` for `vehicle`, holding `PolicyDeposit` and `prepayment`
		/// (at least one base premium) from the caller, who becomes its holder. The owner or a
		/// current operator of an active vehicle; the product not retired, its insurer not
		/// suspended and its pool able to carry the cover. A vehicle insured by a holder who
		/// may no longer operate it is not insured for this: that policy ends first, as
		/// `end_holder_left` ends it.
		///
		/// Emits `PolicyBought` (after `PolicyEnded` with `HolderLeft` if one ended).
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::buy_policy().saturating_add(Pallet::<T>::end_holder_left_weight()))]
		pub fn buy_policy(
			origin: OriginFor<T>,
			vehicle: VehicleId,
			product: ProductId,
			prepayment: BalanceOf<T>,
		) -> DispatchResultWithPostInfo {
			let buyer = ensure_signed(origin)?;
			let insured = ActivePolicy::<T>::contains_key(vehicle);
			Self::do_buy_policy(buyer, vehicle, product, prepayment)?;
			// Only a departed holder's policy, ended in the call, costs more than a purchase.
			Ok((!insured).then(T::WeightInfo::buy_policy).into())
		}

		/// Adds `amount` to an active policy's prepayment (held). Its holder only.
		///
		/// Emits `PolicyToppedUp`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::top_up())]
		pub fn top_up(
			origin: OriginFor<T>,
			policy: PolicyId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let holder = ensure_signed(origin)?;
			Self::do_top_up(holder, policy, amount)
		}

		/// Ends an active policy: the running period is charged pro rata (base premium for
		/// the blocks begun, rounded down, plus its usage) and the rest of the prepayment is
		/// released. Its holder only, within the running period (settle an ended one first).
		///
		/// Emits `PolicyEnded`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::cancel_policy())]
		pub fn cancel_policy(origin: OriginFor<T>, policy: PolicyId) -> DispatchResult {
			let holder = ensure_signed(origin)?;
			Self::do_cancel_policy(holder, policy)
		}

		/// Reports the odometer and the risk events since the last report of the vehicle the
		/// calling device is bound to. The reading enters the odometer history (a flagged one
		/// is kept as evidence); the period is billed the history's own accepted distance.
		/// A bound device whose vehicle has an active policy, within the running period, whose
		/// holder may still operate the vehicle.
		///
		/// The weight covers an operator's policy and a flagged reading; an owner's policy
		/// with a consistent reading (the usual report) is refunded the difference.
		///
		/// Emits `UsageReported`.
		#[pallet::call_index(10)]
		// The benchmarks measure the runtime's odometer history recording the reading too.
		#[pallet::weight(Pallet::<T>::report_usage_weight())]
		pub fn report_usage(
			origin: OriginFor<T>,
			odometer_km: Km,
			events: RiskEvents,
		) -> DispatchResultWithPostInfo {
			let device = ensure_signed(origin)?;
			let used = Self::do_report_usage(device, odometer_km, events)?;
			Ok(Some(used).into())
		}

		/// Settles an active policy's ended period: the premium goes from the prepayment to
		/// the insurer and the next period starts; an underfunded policy lapses, and one whose
		/// holder may no longer operate the vehicle ends (rest refunded). One period per call.
		/// Anyone.
		///
		/// Emits `PeriodSettled` (and `PolicyEnded`), or `PolicyLapsed`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::settle())]
		pub fn settle(origin: OriginFor<T>, policy: PolicyId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_settle(policy)
		}

		/// Files a claim of `amount` (before the deductible) with the hash of its evidence and
		/// holds `ClaimDeposit` from the caller. The policy's holder, while it is active or
		/// within `ClaimWindow` blocks of its end; the amount above the deductible.
		///
		/// Emits `ClaimFiled`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::file_claim())]
		pub fn file_claim(
			origin: OriginFor<T>,
			policy: PolicyId,
			amount: BalanceOf<T>,
			evidence: DocumentHash,
		) -> DispatchResult {
			let holder = ensure_signed(origin)?;
			Self::do_file_claim(holder, policy, amount, evidence).map(|_| ())
		}

		/// Approves a filed claim: the amount above the deductible, capped by the policy's
		/// remaining cover and by the pool, goes from the pool to the holder; the claim
		/// deposit is released. The policy's insurer only.
		///
		/// Emits `ClaimApproved`.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::approve_claim())]
		pub fn approve_claim(origin: OriginFor<T>, claim: ClaimId) -> DispatchResult {
			let insurer = ensure_signed(origin)?;
			Self::do_approve_claim(insurer, claim)
		}

		/// Rejects a filed claim with a reason code; the holder may escalate it for
		/// `EscalationWindow` blocks. The policy's insurer only.
		///
		/// Emits `ClaimRejected`.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::reject_claim())]
		pub fn reject_claim(
			origin: OriginFor<T>,
			claim: ClaimId,
			reason: RejectionReason,
		) -> DispatchResult {
			let insurer = ensure_signed(origin)?;
			Self::do_reject_claim(insurer, claim, reason)
		}

		/// Escalates a claim to governance: a rejected one within `EscalationWindow` blocks of
		/// the rejection, or one the insurer left undecided for more than `DecisionDeadline`
		/// blocks. The claim's holder only.
		///
		/// Emits `ClaimEscalated`.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::escalate_claim())]
		pub fn escalate_claim(origin: OriginFor<T>, claim: ClaimId) -> DispatchResult {
			let holder = ensure_signed(origin)?;
			Self::do_escalate_claim(holder, claim)
		}

		/// Decides an escalated claim for good: approved, it pays like `approve_claim`;
		/// rejected, it closes. The claim deposit is released either way. Governance only.
		///
		/// Emits `ClaimDecided`.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::decide_claim())]
		pub fn decide_claim(origin: OriginFor<T>, claim: ClaimId, approve: bool) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_decide_claim(claim, approve)
		}

		/// Closes a rejected claim whose escalation window has passed and releases its
		/// deposit to the holder. Anyone.
		///
		/// Emits `ClaimClosed`.
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::close_claim())]
		pub fn close_claim(origin: OriginFor<T>, claim: ClaimId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_close_claim(claim)
		}

		/// Removes an ended policy's record once its claim window has passed and no claim is
		/// open, and releases its deposit to the holder. Anyone.
		///
		/// Emits `PolicyClosed`.
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::close_policy())]
		pub fn close_policy(origin: OriginFor<T>, policy: PolicyId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_close_policy(policy)
		}

		/// Ends an active policy whose holder may no longer operate the vehicle (an operator
		/// whose right was revoked, renounced or ran out), as a lapsed work order may be
		/// cleaned up: the running period is charged pro rata like `cancel_policy` and the
		/// rest is refunded to the holder; a period that already ended is settled, which ends
		/// the policy. The vehicle may then be insured again. Anyone.
		///
		/// Emits `PolicyEnded` with `HolderLeft` (after `PeriodSettled`, or `PolicyLapsed`
		/// instead, for a period that had ended).
		#[pallet::call_index(19)]
		#[pallet::weight(Pallet::<T>::end_holder_left_weight())]
		pub fn end_holder_left(origin: OriginFor<T>, policy: PolicyId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_end_holder_left(policy)
		}
	}
}
