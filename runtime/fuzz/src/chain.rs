//! The chain a program runs on: the dev preset's genesis (built once, copied for each
//! program) and blocks advanced the way the executive does it: `on_initialize` with an Aura
//! pre-digest and the timestamp inherent, the program's calls, then `on_idle` and
//! `on_finalize`.

use codec::Encode;
use polkadot_sdk::{
	frame_support::{
		dispatch::DispatchClass,
		traits::{OnFinalize, OnIdle, OnInitialize},
		weights::Weight,
	},
	sp_core::{storage::Storage, H256},
	sp_genesis_builder::{self, PresetId},
	sp_runtime::{traits::Dispatchable, BuildStorage, Digest, DigestItem},
};
use serde_json::Value;
use v2x_runtime::{
	configs::BlockWeights, genesis_config_presets, AllPalletsWithSystem, BlockNumber, RuntimeCall,
	RuntimeGenesisConfig, RuntimeOrigin, System, SLOT_DURATION,
};

/// Unix time (ms) of block 0, as in the runtime tests: recent enough for the model-year check.
const GENESIS_MS: u64 = 1_780_000_000_000;

/// The dev preset's genesis storage: the default genesis config with the preset's patch
/// applied pallet by pallet (as the chain spec builder does).
pub fn dev_genesis() -> Storage {
	let preset = PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET);
	let patch = genesis_config_presets::get_preset(&preset).expect("the dev preset exists");
	let patch: Value = serde_json::from_slice(&patch).expect("the preset is JSON");
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).expect("serialises");
	for (pallet, fields) in patch.as_object().expect("the preset is an object") {
		let target = config.get_mut(pallet).expect("the patch names a pallet of this runtime");
		for (field, value) in fields.as_object().expect("each pallet's patch is an object") {
			target[field] = value.clone();
		}
	}
	let config: RuntimeGenesisConfig = serde_json::from_value(config).expect("a valid config");
	config.build_storage().expect("the dev genesis builds")
}

/// Unix time (ms) of block `n` on a chain with 6-second slots.
pub fn timestamp(n: BlockNumber) -> u64 {
	GENESIS_MS + u64::from(n) * SLOT_DURATION
}

/// Starts block `n`: system initialisation with the Aura slot of its time, every pallet's
/// `on_initialize`, then the timestamp inherent.
pub fn start_block(n: BlockNumber) {
	let now = timestamp(n);
	let slot = now / SLOT_DURATION;
	let digest = Digest { logs: vec![DigestItem::PreRuntime(*b"aura", slot.encode())] };
	System::reset_events();
	// `initialize` wants the parent's number: skipped blocks are blocks that had no effect.
	System::set_block_number(n.saturating_sub(1));
	System::initialize(&n, &H256::from_low_u64_be(n.into()), &digest);
	let weight = AllPalletsWithSystem::on_initialize(n);
	System::register_extra_weight_unchecked(weight, DispatchClass::Mandatory);
	RuntimeCall::Timestamp(polkadot_sdk::pallet_timestamp::Call::set { now })
		.dispatch(RuntimeOrigin::none())
		.expect("the timestamp inherent is accepted");
}

/// Ends block `n`: `on_idle` with the weight left in the block, then every pallet's
/// `on_finalize`. Fails if `on_idle` used more weight than it was given.
pub fn end_block(n: BlockNumber) -> Result<(), String> {
	let max = BlockWeights::get().max_block;
	let remaining = max.saturating_sub(System::block_weight().total());
	// As `frame_executive`: no `on_idle` in a full block (a session rotation's `on_initialize`
	// claims the whole block).
	if remaining.all_gt(Weight::zero()) {
		let used = AllPalletsWithSystem::on_idle(n, remaining);
		if used.any_gt(remaining) {
			return Err(format!("on_idle used {used:?} of the {remaining:?} it was given"));
		}
	}
	AllPalletsWithSystem::on_finalize(n);
	Ok(())
}

/// The largest weight one normal call may have to fit in a block.
pub fn max_extrinsic() -> Weight {
	BlockWeights::get().get(DispatchClass::Normal).max_extrinsic.unwrap_or(Weight::MAX)
}
