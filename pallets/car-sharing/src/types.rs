//! What the car-sharing pallet stores, and what its runtime API returns.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::{
	frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_core::H256,
	sp_runtime::Perbill,
};
use scale_info::TypeInfo;
use v2x_primitives::{Km, VehicleId};

use crate::{BalanceOf, Config};

/// A co-op's number, assigned in order from 0.
pub type CoopId = u32;
/// A booking's number, assigned in order from 0 across all co-ops.
pub type BookingId = u64;
/// A proposal's number within its co-op, assigned in order from 0.
pub type ProposalId = u32;
/// A count of a co-op's shares.
pub type Shares = u64;

/// The fixed-point scale of `CoopFinances::reward_per_share`: revenue per share times 10^18.
pub const REWARD_SCALE: u128 = 1_000_000_000_000_000_000;

/// A co-op's name.
pub type CoopNameOf<T> = BoundedVec<u8, <T as Config>::MaxNameLength>;
/// The founders of a co-op and their shares.
pub type FoundersOf<T> =
	BoundedVec<(<T as frame_system::Config>::AccountId, Shares), <T as Config>::MaxMembers>;
/// A vehicle's booked slots, sorted by start: `(start, end, booking)`, both ends inclusive.
pub type SlotsOf<T> = BoundedVec<
	(BlockNumberFor<T>, BlockNumberFor<T>, BookingId),
	<T as Config>::MaxBookingsPerVehicle,
>;

/// What a trip costs: per started hour and per km driven.
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
pub struct Rate<Balance> {
	pub per_hour: Balance,
	pub per_km: Balance,
}

/// A co-op's (or one vehicle's) prices: members (holders of at least one share of the co-op)
/// pay `member`, everyone else `renter`; `damage_deposit` is held from every renter.
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
pub struct Pricing<Balance> {
	pub member: Rate<Balance>,
	pub renter: Rate<Balance>,
	pub damage_deposit: Balance,
}

/// How a co-op decides and what it keeps.
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
#[serde(rename_all = "camelCase")]
pub struct CoopRules<BlockNumber> {
	/// The part of the share supply that must vote (aye or nay) for a proposal to pass.
	pub quorum: Perbill,
	/// The part of the share SUPPLY (not of the votes) that must vote aye to sell or buy a
	/// vehicle or to change prices. More than half.
	pub supermajority: Perbill,
	/// The part of each income the co-op keeps in its reserve instead of distributing it.
	pub reserve: Perbill,
	/// A renter who cancels at least this long before the start pays no fee.
	pub free_cancellation: BlockNumber,
	/// The part of the held price a later cancellation (or a no-show) costs.
	pub late_cancellation_fee: Perbill,
}

/// A co-op's money, as booked by the pallet. Everything lives in the co-op's account.
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
pub struct CoopFinances<Balance> {
	/// All trip income and fees ever credited.
	pub received: Balance,
	/// Kept by the co-op: the reserve share of each income, the founder's endowment, paid
	/// damage claims and sale proceeds, minus vehicles bought and exits paid. Part of it may
	/// be held by the identity pallet (device and operator deposits).
	pub reserve: Balance,
	/// The distributable share of income not yet distributed.
	pub undistributed: Balance,
	/// Moved into the reward accumulator so far.
	pub distributed: Balance,
	/// Paid out to members (claims and exits) so far.
	pub claimed: Balance,
	/// The revenue distributed per share so far, times [`REWARD_SCALE`].
	pub reward_per_share: u128,
}

/// A cooperative that owns vehicles through its keyless account.
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
pub struct Coop<T: Config> {
	pub name: CoopNameOf<T>,
	/// Paid the co-op deposit; gets it back never (co-ops are not dissolved yet).
	pub founder: T::AccountId,
	/// Adds vehicles, manages devices, reports theft, files damage claims.
	pub fleet_manager: T::AccountId,
	/// Decides disputed damage claims.
	pub assessor: T::AccountId,
	pub rules: CoopRules<BlockNumberFor<T>>,
	/// The prices of its vehicles that have none of their own.
	pub pricing: Pricing<BalanceOf<T>>,
	/// Shares in existence: the sum of the members' shares.
	pub share_supply: Shares,
	/// Entries in `Members` (holders of shares or of unclaimed revenue).
	pub members: u32,
	/// Vehicles in its fleet.
	pub vehicles: u32,
	/// Proposals not yet closed.
	pub open_proposals: u32,
	/// The id of its next proposal.
	pub next_proposal: ProposalId,
	/// Held from the founder (`CoopDeposit`).
	pub deposit: BalanceOf<T>,
	pub finances: CoopFinances<BalanceOf<T>>,
}

/// A member's stake in a co-op.
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
pub struct Member<Balance> {
	pub shares: Shares,
	/// The co-op's `reward_per_share` when the member was last settled: its shares earn
	/// `shares * (reward_per_share - settled_per_share) / REWARD_SCALE` from then on. (A
	/// checkpoint rather than an amount, so rounding never owes members more than was
	/// distributed.)
	pub settled_per_share: u128,
	/// Revenue settled to the member (at share transfers) and not yet claimed.
	pub unclaimed: Balance,
	/// Open proposals the member voted on: its shares cannot move while this is not zero.
	pub open_votes: u32,
}

/// A vehicle in a co-op's fleet.
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
pub struct FleetVehicle<Balance> {
	/// Its own prices; `None`: the co-op's.
	pub pricing: Option<Pricing<Balance>>,
}

/// A damage claim against a returned booking's deposit.
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
pub struct Claim<Balance, BlockNumber> {
	pub amount: Balance,
	/// Hash of the evidence (photos, workshop quote), kept off chain.
	pub evidence: H256,
	pub filed_at: BlockNumber,
	/// The renter disputed it: the co-op's assessor decides.
	pub disputed: bool,
}

/// Where a booking is.
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
pub enum BookingState<BlockNumber, Balance> {
	/// Booked, not started.
	Booked,
	/// The vehicle's device checked the renter in.
	InTrip { checked_in_at: BlockNumber, start_km: Km },
	/// The trip ended and was paid; the deposit waits for the claim window.
	Returned { returned_at: BlockNumber, claim: Option<Claim<Balance, BlockNumber>> },
}

/// A renter's booking of a vehicle.
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
pub struct Booking<T: Config> {
	pub coop: CoopId,
	pub vehicle: VehicleId,
	pub renter: T::AccountId,
	/// The first block of the slot.
	pub start: BlockNumberFor<T>,
	/// The last block of the slot (inclusive).
	pub end: BlockNumberFor<T>,
	/// The distance the held price covers.
	pub max_km: Km,
	/// The rate fixed at booking.
	pub rate: Rate<BalanceOf<T>>,
	/// Held from the renter (`BookingPrice`): the slot's hours and `max_km` at `rate`.
	pub held_price: BalanceOf<T>,
	/// Held from the renter (`DamageDeposit`); after a trip, what is left of it.
	pub deposit: BalanceOf<T>,
	pub state: BookingState<BlockNumberFor<T>, BalanceOf<T>>,
}

/// What a co-op proposal would do.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub enum ProposalKind<AccountId, Balance> {
	/// Offer a fleet vehicle to `buyer` for `price` (identity pallet's consent sale).
	SellVehicle {
		vehicle: VehicleId,
		buyer: AccountId,
		price: Balance,
	},
	/// Accept the open offer of `vehicle` to the co-op, paying at most `max_price` from the
	/// reserve.
	BuyVehicle {
		vehicle: VehicleId,
		max_price: Balance,
	},
	/// Change the prices of one fleet vehicle (`Some`) or the co-op's default (`None`).
	SetPricing {
		vehicle: Option<VehicleId>,
		pricing: Pricing<Balance>,
	},
	SetFleetManager(AccountId),
	SetAssessor(AccountId),
}

impl<AccountId, Balance> ProposalKind<AccountId, Balance> {
	/// Whether passing needs the supermajority of the share supply (otherwise more ayes than
	/// nays).
	pub fn needs_supermajority(&self) -> bool {
		matches!(
			self,
			ProposalKind::SellVehicle { .. }
				| ProposalKind::BuyVehicle { .. }
				| ProposalKind::SetPricing { .. }
		)
	}
}

/// The kind of proposal this pallet's Config stores.
pub type ProposalKindOf<T> = ProposalKind<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

/// A proposal open for votes.
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
pub struct Proposal<T: Config> {
	pub proposer: T::AccountId,
	pub kind: ProposalKindOf<T>,
	/// Shares voting aye.
	pub ayes: Shares,
	/// Shares voting nay.
	pub nays: Shares,
	/// The last block votes are taken; anyone may close it after.
	pub ends_at: BlockNumberFor<T>,
}

/// A member's vote, weighted by its shares when it voted.
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
pub struct Vote {
	pub aye: bool,
	pub shares: Shares,
}

/// The co-op's open offer of a vehicle, made by a passed sale proposal.
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
pub struct PendingSale<AccountId, Balance, BlockNumber> {
	pub coop: CoopId,
	pub proposal: ProposalId,
	pub buyer: AccountId,
	pub price: Balance,
	/// The offer's last block.
	pub expires_at: BlockNumber,
}

/// A co-op's open sale offer as this pallet's Config stores it.
pub type PendingSaleOf<T> =
	PendingSale<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

/// The buy-back offered to the members who voted against a completed sale.
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
pub struct SaleExit<BlockNumber, Balance> {
	/// The co-op's reserve after the proceeds (less the existential deposit), per share.
	pub price_per_share: Balance,
	/// The last block a dissenter may exit.
	pub until: BlockNumber,
}

/// A co-op as the runtime API returns it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct CoopView<AccountId, Balance, BlockNumber> {
	pub name: Vec<u8>,
	/// The co-op's keyless account: it owns the vehicles and holds the money.
	pub account: AccountId,
	pub founder: AccountId,
	pub fleet_manager: AccountId,
	pub assessor: AccountId,
	pub rules: CoopRules<BlockNumber>,
	pub pricing: Pricing<Balance>,
	pub share_supply: Shares,
	pub members: u32,
	pub open_proposals: u32,
	pub finances: CoopFinances<Balance>,
	/// Its vehicles, with their own pricing if they have one.
	pub fleet: Vec<(VehicleId, Option<Pricing<Balance>>)>,
}

/// What a fleet vehicle's trips added up to since it joined its co-op (its passport shows it).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct TripTotals<Balance> {
	/// Trips settled.
	pub trips: u32,
	/// Kilometres driven on them.
	pub km: u64,
	/// What they paid the co-op.
	pub revenue: Balance,
}

/// A booking as the runtime API lists a vehicle's booked slots.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct SlotView<AccountId, BlockNumber> {
	pub booking: BookingId,
	pub start: BlockNumber,
	pub end: BlockNumber,
	pub renter: AccountId,
}

/// A co-op the genesis config creates, without deposit; its account's genesis balance is its
/// reserve.
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GenesisCoop<AccountId, Balance, BlockNumber> {
	pub name: Vec<u8>,
	pub rules: CoopRules<BlockNumber>,
	pub pricing: Pricing<Balance>,
	/// The first is the founder.
	pub founders: Vec<(AccountId, Shares)>,
	pub fleet_manager: AccountId,
	pub assessor: AccountId,
	/// Vehicles the co-op's account already owns in the identity genesis.
	pub vehicles: Vec<VehicleId>,
}

/// What a founder sets up a co-op with (`create_coop`'s arguments, and genesis co-ops').
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
pub struct CoopSetup<T: Config> {
	pub name: CoopNameOf<T>,
	pub rules: CoopRules<BlockNumberFor<T>>,
	pub pricing: Pricing<BalanceOf<T>>,
	pub founders: FoundersOf<T>,
	pub fleet_manager: T::AccountId,
	pub assessor: T::AccountId,
}
