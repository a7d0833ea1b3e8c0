//! Governance by the consortium council: `pallet_collective` (motions and votes) seated by
//! `pallet_membership`. A motion carried by two thirds of the council, or root, is the
//! [`GovernanceOrigin`] of every pallet: it approves manufacturers, lenders, workshops,
//! insurers and grid operators, decides disputes, spends the treasury and changes the
//! validators. A motion of three quarters dispatches any call as root (`pallet_whitelist`
//! with `pallet_preimage`), a runtime upgrade for one. `pallet_sudo` has a key on the dev and
//! local chains only; `pallet_utility` batches calls (a motion may carry a batch).

use super::BlockWeights;
use crate::{
	AccountId, Balance, Balances, BlockNumber, Council, OriginCaller, Preimage, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeHoldReason, RuntimeOrigin, System, DAYS, MICRO_UNIT, UNIT,
};
use polkadot_sdk::{
	frame_support::{
		parameter_types,
		traits::{
			fungible::HoldConsideration,
			tokens::{pay::PayFromAccount, UnityAssetBalanceConversion},
			ConstU32, EitherOfDiverse, LinearStoragePrice,
		},
		weights::Weight,
		PalletId,
	},
	frame_system::{EnsureRoot, EnsureWithSuccess},
	sp_runtime::traits::IdentityLookup,
	*,
};

/// The council's instance of `pallet_collective`.
pub type CouncilCollective = pallet_collective::Instance1;

/// Root, or a council motion carried by at least two thirds of the members. Every pallet's
/// governance origin is this one type, so the majority is changed here, once.
pub type GovernanceOrigin = EitherOfDiverse<
	EnsureRoot<AccountId>,
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilCollective, 2, 3>,
>;

/// Root, or a council motion carried by at least three quarters of the members (all three
/// of a council of three): may dispatch any call as root through `pallet_whitelist`, such as
/// a runtime upgrade (`system.setCode`). Without a sudo key this is the chain's only root.
pub type RootByCouncil = EitherOfDiverse<
	EnsureRoot<AccountId>,
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilCollective, 3, 4>,
>;

parameter_types! {
	/// A motion that has not reached its threshold may be closed (and fails) after this.
	pub const CouncilMotionDuration: BlockNumber = 3 * DAYS;
	/// Open motions at once; the council is a handful of trusted members, so proposals carry
	/// no deposit and this bound keeps their storage small.
	pub const CouncilMaxProposals: u32 = 100;
	/// Seats on the council: one per consortium member, with room to grow.
	pub const CouncilMaxMembers: u32 = 32;
	/// A motion may dispatch at most half a block's weight.
	pub MaxCouncilProposalWeight: Weight = BlockWeights::get().max_block.saturating_div(2);
}

impl pallet_collective::Config<CouncilCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = CouncilMotionDuration;
	type MaxProposals = CouncilMaxProposals;
	type MaxMembers = CouncilMaxMembers;
	/// An absent member's vote follows the prime member's, if the council named one.
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	/// Seats change through `pallet_membership` (which tells this pallet), or by root.
	type SetMembersOrigin = EnsureRoot<AccountId>;
	type MaxProposalWeight = MaxCouncilProposalWeight;
	type DisapproveOrigin = GovernanceOrigin;
	type KillOrigin = GovernanceOrigin;
	type Consideration = ();
}

/// Who sits on the council: changed by a council motion (or root).
impl pallet_membership::Config<pallet_membership::Instance1> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = GovernanceOrigin;
	type RemoveOrigin = GovernanceOrigin;
	type SwapOrigin = GovernanceOrigin;
	type ResetOrigin = GovernanceOrigin;
	type PrimeOrigin = GovernanceOrigin;
	type MembershipInitialized = Council;
	type MembershipChanged = Council;
	type MaxMembers = CouncilMaxMembers;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// `pallet_treasury`'s usual id: its account receives the charging platform fee and the
	/// data market's platform share.
	pub const TreasuryPalletId: PalletId = PalletId(*b"py/trsry");
	/// The treasury's account, derived from its id: no private key.
	pub TreasuryAccount: AccountId = pallet_treasury::Pallet::<Runtime>::account_id();
	/// The most one council motion may spend.
	pub const MaxTreasurySpend: Balance = 1_000_000 * UNIT;
}

impl pallet_treasury::Config for Runtime {
	type Currency = Balances;
	type RejectOrigin = GovernanceOrigin;
	type RuntimeEvent = RuntimeEvent;
	/// How often approved legacy spends (`spend_local`) are paid out.
	type SpendPeriod = ConstU32<DAYS>;
	/// Nothing is burnt: unspent funds stay for later.
	type Burn = ();
	type PalletId = TreasuryPalletId;
	type BurnDestination = ();
	type WeightInfo = pallet_treasury::weights::SubstrateWeight<Runtime>;
	type SpendFunds = ();
	type MaxApprovals = ConstU32<100>;
	/// A council motion (or root) spends up to [`MaxTreasurySpend`] at a time.
	type SpendOrigin = EnsureWithSuccess<GovernanceOrigin, AccountId, MaxTreasurySpend>;
	/// Only the native V2X token.
	type AssetKind = ();
	type Beneficiary = AccountId;
	type BeneficiaryLookup = IdentityLookup<AccountId>;
	type Paymaster = PayFromAccount<Balances, TreasuryAccount>;
	type BalanceConverter = UnityAssetBalanceConversion;
	/// An approved spend must be paid out (`treasury.payout`) within 30 days.
	type PayoutPeriod = ConstU32<{ 30 * DAYS }>;
	type BlockNumberProvider = System;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

parameter_types! {
	pub const PreimageHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Preimage(pallet_preimage::HoldReason::Preimage);
	/// 1 V2X a preimage plus 0.01 V2X a kilobyte: a 700 kB runtime holds about 8 V2X.
	pub const PreimageBaseDeposit: Balance = UNIT;
	pub const PreimageByteDeposit: Balance = 10 * MICRO_UNIT;
}

/// Stores the calls a council motion dispatches as root (`preimage.notePreimage`), deposit
/// held from whoever noted them until they are unnoted.
impl pallet_preimage::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_preimage::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type ManagerOrigin = GovernanceOrigin;
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		PreimageHoldReason,
		LinearStoragePrice<PreimageBaseDeposit, PreimageByteDeposit, Balance>,
	>;
}

/// Root by council motion: a motion whitelists a call's hash and dispatches it as root
/// (`whitelist.whitelistCall` then `whitelist.dispatchWhitelistedCall`, in one batch), both
/// with [`RootByCouncil`].
impl pallet_whitelist::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WhitelistOrigin = RootByCouncil;
	type DispatchWhitelistedOrigin = RootByCouncil;
	type Preimages = Preimage;
	/// A dispatch deferred for lack of weight may be retried for a week.
	type DeferredDispatchExpiration = ConstU32<{ 7 * DAYS }>;
	type BlockNumberProvider = System;
	type WeightInfo = pallet_whitelist::weights::SubstrateWeight<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = pallet_utility::weights::SubstrateWeight<Runtime>;
}
