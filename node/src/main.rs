//! The V2X Chain node.

#![warn(missing_docs)]
// `sc_cli::Error` is the SDK's error type; boxing it at every call site would only add noise.
#![allow(clippy::result_large_err)]

mod benchmarking;
mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

fn main() -> polkadot_sdk::sc_cli::Result<()> {
	command::run()
}
