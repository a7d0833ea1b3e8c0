//! The pallets `benchmark pallet` measures, and the glue the benchmark runtime API needs.

use crate::*;
use alloc::{string::String, vec, vec::Vec};
use codec::Encode;
use frame_benchmarking::{BenchmarkBatch, BenchmarkConfig, BenchmarkList};
use frame_support::traits::{StorageInfo, StorageInfoTrait, WhitelistedStorageKeys};
use frame_system_benchmarking::{
	extensions::Pallet as SystemExtensionsBench, Pallet as SystemBench,
};
use sp_runtime::DigestItem;

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_transaction_payment, TransactionPayment]
	[pallet_timestamp, Timestamp]
	[pallet_sudo, Sudo]
	[pallet_utility, Utility]
	[pallet_validator_set, ValidatorSet]
	[pallet_vehicle_identity, VehicleIdentity]
	[pallet_service_book, ServiceBook]
	[pallet_usage_insurance, UsageInsurance]
	[pallet_shared_charging, SharedCharging]
	[pallet_data_marketplace, DataMarketplace]
	[pallet_car_sharing, CarSharing]
	[pallet_road_usage, RoadUsage]
	[pallet_usage_leasing, UsageLeasing]
	[pallet_freight, Freight]
	[pallet_software_updates, SoftwareUpdates]
);

use frame_benchmarking::baseline::Pallet as BaselineBench;

impl frame_system_benchmarking::Config for Runtime {}
impl frame_benchmarking::baseline::Config for Runtime {}

impl pallet_transaction_payment::BenchmarkConfig for Runtime {
	/// Makes the fee go where a block's fees go, to its Aura author, and counts the two accounts
	/// the fee touches as a block touches them: the payer's was read by `CheckNonce`, which runs
	/// first and is weighed with it, and the author's is the same key for every transaction of
	/// the block. Both are read from the block's overlay, not from the database.
	fn setup_benchmark_environment() {
		frame_system::Pallet::<Runtime>::deposit_log(DigestItem::PreRuntime(
			sp_consensus_aura::AURA_ENGINE_ID,
			sp_consensus_aura::Slot::from(0u64).encode(),
		));
		let payer: AccountId = frame_benchmarking::account("caller", 0, 0);
		let mut hot = vec![frame_system::Account::<Runtime>::hashed_key_for(&payer)];
		if let Some(author) = pallet_authorship::Pallet::<Runtime>::author() {
			hot.push(frame_system::Account::<Runtime>::hashed_key_for(&author));
		}
		for key in hot {
			frame_benchmarking::benchmarking::add_to_whitelist(key.into());
		}
	}
}

/// The benchmarks this runtime has, for `benchmark pallet --list`.
pub fn metadata(extra: bool) -> (Vec<BenchmarkList>, Vec<StorageInfo>) {
	let mut list = Vec::<BenchmarkList>::new();
	list_benchmarks!(list, extra);
	(list, AllPalletsWithSystem::storage_info())
}

/// Runs the benchmarks `config` selects.
pub fn dispatch(config: BenchmarkConfig) -> Result<Vec<BenchmarkBatch>, String> {
	let mut whitelist = AllPalletsWithSystem::whitelisted_storage_keys();
	// The timestamp inherent writes `Now` before any transaction of a block, so a transaction
	// that reads it reads the block's overlay, never the database.
	whitelist.push(pallet_timestamp::Now::<Runtime>::hashed_key().to_vec().into());
	let mut batches = Vec::<BenchmarkBatch>::new();
	let params = (&config, &whitelist);
	add_benchmarks!(params, batches);
	Ok(batches)
}
