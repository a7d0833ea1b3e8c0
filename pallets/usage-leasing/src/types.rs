//! What the leasing pallet stores, and the schedule arithmetic every part of it shares.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::{
	frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound},
	frame_system::pallet_prelude::BlockNumberFor,
	sp_runtime::{
		traits::{CheckedAdd, CheckedMul, Zero},
		Saturating,
	},
};
use scale_info::TypeInfo;
use v2x_primitives::{Km, VehicleId};

use crate::{BalanceOf, Config};

/// A lease's (or offer's) number, assigned in order from 0.
pub type LeaseId = u64;

/// A lease's terms, as the lessor offers them and the lessee accepts them.
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
pub struct LeaseTerms<Balance, BlockNumber> {
	/// Owed for each period, driven or not.
	pub base_fee: Balance,
	/// Owed for each km of a period beyond its included km.
	pub price_per_km: Balance,
	/// The km each period includes.
	pub included_km: Km,
	/// Blocks in a period; period k (from 1) falls due `k * period_length` after the start.
	pub period_length: BlockNumber,
	/// How many periods the lease runs: 1 to `MaxPeriods`.
	pub periods: u32,
	/// Blocks after a due date in which an unpaid instalment has no consequence.
	pub grace: BlockNumber,
	/// Blocks after the grace in which the lessee is delinquent but not yet in default: the
	/// lessee's warning before the vehicle may be immobilised.
	pub notice: BlockNumber,
	/// The residual: what buying the vehicle costs on top of what is owed.
	pub purchase_price: Balance,
}

/// The terms in the pallet's configured types.
pub type LeaseTermsOf<T> = LeaseTerms<BalanceOf<T>, BlockNumberFor<T>>;

/// Where a lease is in its life.
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
pub enum LeaseState<BlockNumber> {
	/// Offered to the lessee, who may accept until `expires_at` (inclusive).
	Offered { expires_at: BlockNumber },
	/// Accepted: periods fall due; the lessee operates the vehicle.
	Running,
	/// The holder's default was confirmed in block `since`: the vehicle's device may refuse to
	/// start it until the arrears are paid.
	Defaulted { since: BlockNumber },
}

/// An unpaid (part of a) period's charge.
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
pub struct Instalment<Balance, BlockNumber> {
	/// The period it charges, from 1.
	pub period: u32,
	/// The period's due date: grace and notice run from it.
	pub due: BlockNumber,
	/// The km the period was charged for.
	pub km: Km,
	/// What is still unpaid of it; above zero.
	pub owed: Balance,
}

/// An instalment in the pallet's configured types.
pub type InstalmentOf<T> = Instalment<BalanceOf<T>, BlockNumberFor<T>>;
/// A lease's unpaid instalments, oldest first.
pub type ArrearsOf<T> = BoundedVec<InstalmentOf<T>, <T as Config>::MaxPeriods>;

/// An offer, or a running or defaulted lease. Finished leases are removed; their events keep
/// the history.
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
pub struct Lease<T: Config> {
	pub vehicle: VehicleId,
	/// The lessor: the vehicle's owner for the whole lease (the lien blocks sales).
	pub owner: T::AccountId,
	/// Who holds the lender's position: the payee of every payment and the lien holder.
	pub holder: T::AccountId,
	pub lessee: T::AccountId,
	pub terms: LeaseTermsOf<T>,
	/// Held from `owner` (`HoldReason::Deposit`) until the lease ends.
	pub deposit: BalanceOf<T>,
	pub state: LeaseState<BlockNumberFor<T>>,
	/// The block the lessee accepted in (0 while offered).
	pub start: BlockNumberFor<T>,
	/// Periods closed and charged so far.
	pub periods_settled: u32,
	/// The odometer (`total_km`) where the open period began.
	pub period_start_km: Km,
	/// Unpaid instalments, oldest first.
	pub arrears: ArrearsOf<T>,
	/// Held from `lessee` (`HoldReason::Prepayment`), drawn as instalments fall due.
	pub prepaid: BalanceOf<T>,
	/// Everything paid to holders so far.
	pub paid: BalanceOf<T>,
	/// The km of the settled periods.
	pub km_billed: Km,
}

impl<T: Config> Lease<T> {
	/// The due date of period `k` (from 1): `start + k * period_length`. Acceptance checked
	/// that the end fits the block number type, so no due date of the lease saturates.
	pub fn due(&self, k: u32) -> BlockNumberFor<T> {
		self.start
			.saturating_add(self.terms.period_length.saturating_mul(BlockNumberFor::<T>::from(k)))
	}

	/// The lease's last block: the due date of its last period.
	pub fn end(&self) -> BlockNumberFor<T> {
		self.due(self.terms.periods)
	}

	/// The due date of the open period, while periods are left.
	pub fn next_due(&self) -> Option<BlockNumberFor<T>> {
		(self.periods_settled < self.terms.periods)
			.then(|| self.due(self.periods_settled.saturating_add(1)))
	}

	/// The block the open period began in.
	pub fn period_start(&self) -> BlockNumberFor<T> {
		self.due(self.periods_settled)
	}

	/// The odometer to charge the open period up to, given the history's accepted total
	/// `current_km`: never below where the period began, so a lower figure (none is accepted,
	/// but the lease does not rely on it) never reduces what is owed.
	pub fn odometer_now(&self, current_km: Option<Km>) -> Km {
		current_km.unwrap_or(self.period_start_km).max(self.period_start_km)
	}

	/// Whether the lessee accepted (running or defaulted).
	pub fn is_accepted(&self) -> bool {
		!matches!(self.state, LeaseState::Offered { .. })
	}

	/// What is overdue: the unpaid instalments' total.
	pub fn arrears_total(&self) -> BalanceOf<T> {
		self.arrears
			.iter()
			.fold(Zero::zero(), |total: BalanceOf<T>, i| total.saturating_add(i.owed))
	}

	/// The base fees of the periods not yet settled: what the lease would still charge for
	/// periods not yet driven, at the least.
	pub fn unsettled_base_fees(&self) -> BalanceOf<T> {
		let left = self.terms.periods.saturating_sub(self.periods_settled);
		self.terms.base_fee.saturating_mul(BalanceOf::<T>::from(left))
	}

	/// What the lessee still owes at the least: the arrears and the base fees of the periods
	/// not settled. Reported when a lease ends early (written off, terminated).
	pub fn outstanding(&self) -> BalanceOf<T> {
		self.arrears_total().saturating_add(self.unsettled_base_fees())
	}
}

impl<Balance, BlockNumber> LeaseTerms<Balance, BlockNumber>
where
	Balance: CheckedAdd + CheckedMul + From<u32> + Copy,
{
	/// A period's charge for `km` driven with `included_km` included (a whole period's
	/// `self.included_km`, or a part of it for a period cut short): the base fee plus the km
	/// beyond at `price_per_km`. `None` if it does not fit the balance type.
	pub fn charge(&self, km: Km, included_km: Km) -> Option<Balance> {
		let beyond = Balance::from(km.saturating_sub(included_km));
		self.base_fee.checked_add(&self.price_per_km.checked_mul(&beyond)?)
	}
}

/// Where a lease stands now (offered, current, in grace, delinquent, defaulted). Derived from
/// the lease and the block, never stored; the passport shows the same type.
pub use v2x_primitives::LeaseStanding as Standing;
