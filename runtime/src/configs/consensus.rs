//! Block production (Aura with `pallet_timestamp`) and finality (GRANDPA).

use crate::{Aura, Runtime, RuntimeEvent, SLOT_DURATION};
use polkadot_sdk::{
	frame_support::traits::{ConstBool, ConstU32, ConstU64},
	sp_consensus_aura::sr25519::AuthorityId as AuraId,
	sp_core::Void,
	*,
};

/// At most this many validators: far above what a permissioned vehicle network runs.
type MaxAuthorities = ConstU32<32>;

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
