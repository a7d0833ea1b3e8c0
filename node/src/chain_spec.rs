//! Chain specifications built from the runtime's genesis presets.

use polkadot_sdk::{sc_service::ChainType, sp_genesis_builder, *};
use v2x_runtime::{SS58_PREFIX, TOKEN_DECIMALS, TOKEN_SYMBOL, WASM_BINARY};

/// A chain spec of this runtime; no extensions.
pub type ChainSpec = sc_service::GenericChainSpec;

/// What wallets need to show amounts and addresses right, with no custom types.
fn properties() -> sc_chain_spec::Properties {
	let mut properties = sc_chain_spec::Properties::new();
	properties.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), SS58_PREFIX.into());
	properties
}

fn wasm_binary() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"The runtime Wasm was not built (SKIP_WASM_BUILD was set): rebuild without it.".into()
	})
}

/// One validator (Alice) on one machine: `--dev`.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("V2X Development")
		.with_id("v2x_dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// Four validators (Alice, Bob, Charlie, Dave) for multi-node tests: `--chain local`.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("V2X Local Testnet")
		.with_id("v2x_local_testnet")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// The template of a consortium launch with no sudo key: `--chain production`. Its validators,
/// council and balances are the dev ones until replaced (docs/governance.md).
pub fn production_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("V2X Chain")
		.with_id("v2x")
		.with_chain_type(ChainType::Live)
		.with_genesis_config_preset_name(
			v2x_runtime::genesis_config_presets::PRODUCTION_RUNTIME_PRESET,
		)
		.with_properties(properties())
		.build())
}
