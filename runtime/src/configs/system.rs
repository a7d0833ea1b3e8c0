//! `frame_system`: block limits and account types.

use crate::{
	weights::{
		block_weights::BlockExecutionWeight, extrinsic_weights::ExtrinsicBaseWeight,
		paritydb_weights::constants::ParityDbWeight,
	},
	AccountId, Balance, Block, BlockNumber, Hash, Nonce, PalletInfo, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, RuntimeTask, SS58_PREFIX, VERSION,
};
use polkadot_sdk::{
	frame_support::{
		derive_impl,
		dispatch::DispatchClass,
		parameter_types,
		traits::ConstU32,
		weights::{constants::WEIGHT_REF_TIME_PER_SECOND, Weight},
	},
	sp_runtime::Perbill,
	sp_version::RuntimeVersion,
	*,
};

/// Normal transactions may fill 75% of a block; the rest is kept for operational ones.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);
/// 2 s of compute per 6 s block, leaving time to gossip and import it.
const MAXIMUM_BLOCK_WEIGHT: Weight = Weight::from_parts(2 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX);

parameter_types! {
	/// Blocks are pruned from the hash lookup after this many (4 hours of 6 s blocks).
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: RuntimeVersion = VERSION;
	/// The block's and each transaction's base weights as measured on this chain's reference
	/// machine (`crate::weights`); otherwise the SDK's sensible defaults: 10% of a block
	/// expected for its initialisation, and the normal/operational split above. The
	/// combination is checked when the runtime is built (`tests::weights`).
	pub BlockWeights: frame_system::limits::BlockWeights =
		frame_system::limits::BlockWeights::builder()
			.base_block(BlockExecutionWeight::get())
			.for_class(DispatchClass::all(), |class| {
				class.base_extrinsic = ExtrinsicBaseWeight::get();
			})
			.for_class(DispatchClass::Normal, |class| {
				class.max_total = Some(NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
			})
			.for_class(DispatchClass::Operational, |class| {
				class.max_total = Some(MAXIMUM_BLOCK_WEIGHT);
				class.reserved = Some(
					MAXIMUM_BLOCK_WEIGHT.saturating_sub(NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT),
				);
			})
			.avg_block_initialization(Perbill::from_percent(10))
			.build_or_panic();
	/// 5 MiB blocks, of which normal transactions may fill 75%.
	pub BlockLength: frame_system::limits::BlockLength = frame_system::limits::BlockLength::builder()
		.max_length(5 * 1024 * 1024)
		.modify_max_length_for_class(DispatchClass::Normal, |max| *max = NORMAL_DISPATCH_RATIO * *max)
		.build();
	pub const SS58Prefix: u16 = SS58_PREFIX;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = BlockWeights;
	type BlockLength = BlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// The node stores state in ParityDB: its reads and writes as measured on this chain's
	/// reference machine.
	type DbWeight = ParityDbWeight;
	type SystemWeightInfo = crate::weights::frame_system::WeightInfo<Runtime>;
	type ExtensionsWeightInfo = crate::weights::frame_system_extensions::WeightInfo<Runtime>;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
	/// The pallets' storage migrations, run once on the next runtime upgrade.
	type SingleBlockMigrations = crate::migrations::Migrations;
}
