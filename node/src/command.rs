//! Runs the command the user asked for.

use crate::{
	benchmarking::inherent_benchmark_data,
	chain_spec,
	cli::{Cli, Subcommand},
	service::{self, HostFunctions},
};
use frame_benchmarking_cli::{
	BenchmarkCmd, ExtrinsicFactory, SubstrateRemarkBuilder, SUBSTRATE_REFERENCE_HARDWARE,
};
use polkadot_sdk::{
	sc_cli::SubstrateCli, sc_service::PartialComponents, sp_runtime::traits::HashingFor, *,
};
use std::{
	io::ErrorKind,
	net::{Ipv4Addr, TcpListener},
};
use v2x_runtime::opaque::Block;

impl SubstrateCli for Cli {
	fn impl_name() -> String {
		"V2X Chain Node".into()
	}

	fn impl_version() -> String {
		env!("SUBSTRATE_CLI_IMPL_VERSION").into()
	}

	fn description() -> String {
		env!("CARGO_PKG_DESCRIPTION").into()
	}

	fn author() -> String {
		env!("CARGO_PKG_AUTHORS").into()
	}

	fn support_url() -> String {
		"https://github.com/v2x-chain/v2x-chain/issues".into()
	}

	fn copyright_start_year() -> i32 {
		2026
	}

	fn load_spec(&self, id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
		Ok(match id {
			"dev" => Box::new(chain_spec::development_chain_spec()?),
			"" | "local" => Box::new(chain_spec::local_chain_spec()?),
			"production" => Box::new(chain_spec::production_chain_spec()?),
			path if std::path::Path::new(path).is_file() => {
				Box::new(chain_spec::ChainSpec::from_json_file(std::path::PathBuf::from(path))?)
			}
			other => {
				return Err(format!(
					"Unknown chain '{other}': use 'dev', 'local', 'production' or the path of a chain spec \
					 JSON file."
				))
			}
		})
	}
}

/// Parses the command line and runs the command.
pub fn run() -> sc_cli::Result<()> {
	let cli = Cli::from_args();

	match &cli.subcommand {
		Some(Subcommand::Key(cmd)) => cmd.run(&cli),
		#[allow(deprecated)]
		Some(Subcommand::BuildSpec(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.chain_spec, config.network))
		}
		Some(Subcommand::ExportChainSpec(cmd)) => {
			let chain_spec = cli.load_spec(&cmd.chain)?;
			cmd.run(chain_spec)
		}
		Some(Subcommand::CheckBlock(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		}
		Some(Subcommand::ExportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.database), task_manager))
			})
		}
		Some(Subcommand::ExportState(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.chain_spec), task_manager))
			})
		}
		Some(Subcommand::ImportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		}
		Some(Subcommand::PurgeChain(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.database))
		}
		Some(Subcommand::Revert(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, backend, .. } =
					service::new_partial(&config)?;
				let aux_revert = Box::new(|client, _, blocks| {
					sc_consensus_grandpa::revert(client, blocks)?;
					Ok(())
				});
				Ok((cmd.run(client, backend, Some(aux_revert)), task_manager))
			})
		}
		Some(Subcommand::Benchmark(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| benchmark(cmd, config))
		}
		Some(Subcommand::ChainInfo(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run::<Block>(&config))
		}
		None => {
			ensure_chain_chosen(&cli.run)?;
			ensure_ports_free(&cli.run)?;
			let runner = cli.create_runner(&cli.run)?;
			runner.run_node_until_exit(|config| async move {
				match config.network.network_backend {
					sc_network::config::NetworkBackendType::Libp2p => service::new_full::<
						sc_network::NetworkWorker<
							Block,
							<Block as sp_runtime::traits::Block>::Hash,
						>,
					>(config)
					.map_err(sc_cli::Error::Service),
					sc_network::config::NetworkBackendType::Litep2p => {
						service::new_full::<sc_network::Litep2pNetworkBackend>(config)
							.map_err(sc_cli::Error::Service)
					}
				}
			})
		}
	}
}

/// A node started without `--chain` or `--dev` would run the `local` test network, whose
/// keys and sudo account (Alice) everyone knows. Make the user say which chain they mean.
fn ensure_chain_chosen(run: &sc_cli::RunCmd) -> sc_cli::Result<()> {
	let shared = &run.shared_params;
	if shared.chain.is_some() || shared.dev {
		return Ok(());
	}
	Err("No chain chosen: start a development chain with --dev, the four-validator test \
		 network with --chain local, or a real network with --chain <chain spec JSON file>."
		.into())
}

/// The ports the node listens on when nothing else is chosen.
const DEFAULT_RPC_PORT: u16 = 9944;
const DEFAULT_P2P_PORT: u16 = 30333;

/// Substrate quietly moves the RPC server to a random port when the chosen one is taken,
/// and keeps running without peers when its p2p port is. Users and scripts connect to the
/// ports they asked for, so refuse to start instead, saying which port and how to fix it.
fn ensure_ports_free(run: &sc_cli::RunCmd) -> sc_cli::Result<()> {
	let rpc = &run.rpc_params;
	if rpc.experimental_rpc_endpoint.is_empty() {
		let external = rpc.rpc_external || rpc.unsafe_rpc_external;
		let port = rpc.rpc_port.unwrap_or(DEFAULT_RPC_PORT);
		ensure_port_free("RPC", external, port, "--rpc-port")?;
	}
	let network = &run.network_params;
	if network.listen_addr.is_empty() {
		ensure_port_free("p2p", true, network.port.unwrap_or(DEFAULT_P2P_PORT), "--port")?;
	}
	Ok(())
}

fn ensure_port_free(what: &str, external: bool, port: u16, flag: &str) -> sc_cli::Result<()> {
	let ip = if external { Ipv4Addr::UNSPECIFIED } else { Ipv4Addr::LOCALHOST };
	match TcpListener::bind((ip, port)) {
		Ok(_) => Ok(()),
		Err(e) if e.kind() == ErrorKind::AddrInUse => Err(format!(
			"{what} port {port} is already in use (another node?): stop that process or \
			 choose another port with {flag}."
		)
		.into()),
		Err(e) => Err(format!("cannot open {what} port {port}: {e}").into()),
	}
}

/// The `benchmark` sub-commands. Measuring the runtime needs a node built with the
/// `runtime-benchmarks` feature (the default) and, for `benchmark pallet`, a runtime Wasm
/// built with it (`--runtime`): the one the node ships has none.
fn benchmark(cmd: &BenchmarkCmd, config: sc_service::Configuration) -> sc_cli::Result<()> {
	let needs_feature = || -> sc_cli::Result<()> {
		if cfg!(feature = "runtime-benchmarks") {
			Ok(())
		} else {
			Err("This node was built without runtime benchmarks: rebuild it with \
				 `--features runtime-benchmarks`."
				.into())
		}
	};
	match cmd {
		BenchmarkCmd::Pallet(cmd) => {
			needs_feature()?;
			if cmd.runtime.is_none() {
				return Err("The runtime this node ships has no benchmark code (it must fit a \
					 runtime upgrade): pass --runtime with a Wasm built with it; \
					 scripts/benchmark.sh builds one."
					.into());
			}
			cmd.run_with_spec::<HashingFor<Block>, HostFunctions>(Some(config.chain_spec))
		}
		BenchmarkCmd::Block(cmd) => {
			let PartialComponents { client, .. } = service::new_partial(&config)?;
			cmd.run(client)
		}
		#[cfg(feature = "runtime-benchmarks")]
		BenchmarkCmd::Storage(cmd) => {
			let PartialComponents { client, backend, .. } = service::new_partial(&config)?;
			let db = backend.expose_db();
			let storage = backend.expose_storage();
			let shared_cache = backend.expose_shared_trie_cache();
			cmd.run(config, client, db, storage, shared_cache)
		}
		#[cfg(not(feature = "runtime-benchmarks"))]
		BenchmarkCmd::Storage(_) => needs_feature(),
		BenchmarkCmd::Overhead(cmd) => {
			needs_feature()?;
			cmd.run_with_default_builder_and_spec::<Block, HostFunctions>(Some(config.chain_spec))
		}
		BenchmarkCmd::Extrinsic(cmd) => {
			let PartialComponents { client, .. } = service::new_partial(&config)?;
			let remark = SubstrateRemarkBuilder::new_from_client(client.clone())?;
			let ext_factory = ExtrinsicFactory(vec![Box::new(remark)]);
			cmd.run(client, inherent_benchmark_data()?, Vec::new(), &ext_factory)
		}
		BenchmarkCmd::Machine(cmd) => cmd.run(&config, SUBSTRATE_REFERENCE_HARDWARE.clone()),
	}
}
