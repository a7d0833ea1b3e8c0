//! Block production (Aura with `pallet_timestamp`), finality (GRANDPA), and the validators
//! behind both: `pallet_session` hands each session's validators' keys to Aura and GRANDPA,
//! and `pallet_validator_set` (changed by council motion) plans the validators.

use super::governance::GovernanceOrigin;
use crate::{
	opaque::SessionKeys, AccountId, Aura, Balance, Balances, BlockNumber, Runtime, RuntimeEvent,
	Session, ValidatorSet, MINUTES, SLOT_DURATION, UNIT,
};
use polkadot_sdk::{
	frame_support::{
		parameter_types,
		traits::{ConstBool, ConstU32, ConstU64},
	},
	sp_consensus_aura::sr25519::AuthorityId as AuraId,
	sp_core::Void,
	sp_runtime::traits::{ConvertInto, OpaqueKeys},
	*,
};

/// At most this many validators: far above what a permissioned vehicle network runs.
pub type MaxAuthorities = ConstU32<32>;

parameter_types! {
	/// A session lasts one minute (10 blocks): a change of validators decided by the council
	/// is live one to two minutes later. A rotation that changes nothing costs one read.
	pub const SessionPeriod: BlockNumber = MINUTES;
	pub const SessionOffset: BlockNumber = 0;
	/// Held from an account while it has session keys registered (`session.setKeys`), so that
	/// nobody fills storage with keys for free; `session.purgeKeys` returns it.
	pub const SessionKeyDeposit: Balance = UNIT;
}

type Sessions = pallet_session::PeriodicSessions<SessionPeriod, SessionOffset>;

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// A validator is known by its account.
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = Sessions;
	type NextSessionRotation = Sessions;
	type SessionManager = ValidatorSet;
	/// Aura and GRANDPA, in the order of [`SessionKeys`].
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	/// No offences are reported on this chain, so nobody is disabled.
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = SessionKeyDeposit;
}

impl pallet_validator_set::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddRemoveOrigin = GovernanceOrigin;
	/// Only an account with session keys may be added.
	type ValidatorRegistration = Session;
	/// One: the single-validator dev chain is governed the same way as the others. A
	/// consortium that wants GRANDPA to survive a failed validator raises it to four.
	type MinValidators = ConstU32<1>;
	type MaxValidators = MaxAuthorities;
	type WeightInfo = pallet_validator_set::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = super::benchmarking::RegisteredSessionKeys;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = MaxAuthorities;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	/// No staking, so no equivocation reports to prove against sessions.
	type KeyOwnerProof = Void;
	type EquivocationReportSystem = ();
}

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch.
	type Moment = u64;
	type OnTimestampSet = Aura;
	/// Aura derives its slot length as twice this period.
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}
