//! The runtime APIs the node, Polkadot.js apps and the tools call.

use crate::{
	genesis_config_presets, opaque::SessionKeys, AccountId, Aura, Balance, Block, BlockNumber,
	CarSharing, DataMarketplace, Executive, Freight, Grandpa, InherentDataExt, Nonce, RoadUsage,
	Runtime, RuntimeCall, RuntimeGenesisConfig, ServiceBook, SharedCharging, SoftwareUpdates,
	System, TransactionPayment, UsageInsurance, UsageLeasing, VehicleIdentity, VERSION,
};
use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::{
		genesis_builder_helper::{build_state, get_preset},
		weights::Weight,
	},
	pallet_transaction_payment_rpc_runtime_api::{FeeDetails, RuntimeDispatchInfo},
	sp_api::impl_runtime_apis,
	sp_consensus_aura::sr25519::AuthorityId as AuraId,
	sp_consensus_grandpa::AuthorityId as GrandpaId,
	sp_core::{crypto::KeyTypeId, OpaqueMetadata},
	sp_runtime::{
		traits::{Block as BlockT, NumberFor},
		transaction_validity::{TransactionSource, TransactionValidity},
		ApplyExtrinsicResult,
	},
	sp_version::RuntimeVersion,
	*,
};
use v2x_primitives::{Km, VehicleId, VehicleRef};

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl frame_support::view_functions::runtime_api::RuntimeViewFunction<Block> for Runtime {
		fn execute_view_function(
			id: frame_support::view_functions::ViewFunctionId,
			input: Vec<u8>,
		) -> Result<Vec<u8>, frame_support::view_functions::ViewFunctionDispatchError> {
			Runtime::execute_view_function(id, input)
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(owner: Vec<u8>, seed: Option<Vec<u8>>) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			_key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			// Without sessions there is no key ownership to prove.
			None
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(uxt: <Block as BlockT>::Extrinsic, len: u32) -> RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}
		fn query_fee_details(uxt: <Block as BlockT>::Extrinsic, len: u32) -> FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(call: RuntimeCall, len: u32) -> RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}
		fn query_call_fee_details(call: RuntimeCall, len: u32) -> FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_service_book::runtime_api::ServiceBookApi<Block, AccountId, BlockNumber> for Runtime {
		fn records(
			vehicle: VehicleId,
			start: u32,
			limit: u32,
		) -> Vec<pallet_service_book::ServiceRecordInfo<AccountId, BlockNumber>> {
			ServiceBook::records(vehicle, start, limit)
		}

		fn record_count(vehicle: VehicleId) -> u32 {
			ServiceBook::record_count(vehicle)
		}

		fn odometer_readings(vehicle: VehicleId) -> Vec<pallet_service_book::OdometerReading<BlockNumber>> {
			ServiceBook::odometer_readings(vehicle)
		}

		fn current_odometer(vehicle: VehicleId) -> Option<Km> {
			ServiceBook::current_odometer(vehicle)
		}

		fn flag_count(vehicle: VehicleId) -> u32 {
			ServiceBook::flag_count(vehicle)
		}
	}

	impl pallet_usage_insurance::runtime_api::InsuranceApi<Block, AccountId, Balance, BlockNumber> for Runtime {
		fn quote(
			product: pallet_usage_insurance::ProductId,
			km: Km,
			events: pallet_usage_insurance::RiskEvents,
		) -> Option<Balance> {
			UsageInsurance::quote(product, km, events)
		}

		fn active_policy(
			vehicle: VehicleId,
		) -> Option<(
			pallet_usage_insurance::PolicyId,
			pallet_usage_insurance::Policy<AccountId, Balance, BlockNumber>,
		)> {
			UsageInsurance::active_policy(vehicle)
		}

		fn pool(insurer: AccountId) -> Option<pallet_usage_insurance::PoolInfo<Balance>> {
			UsageInsurance::pool(insurer)
		}
	}

	impl pallet_shared_charging::runtime_api::ChargingApi<Block, AccountId, Balance, BlockNumber> for Runtime {
		fn chargers_near(
			prefix: Vec<u8>,
			start: pallet_shared_charging::ChargerId,
			limit: u32,
		) -> Vec<pallet_shared_charging::ChargerInfo<AccountId>> {
			SharedCharging::chargers_near(prefix, start, limit)
		}

		fn quote(
			charger: pallet_shared_charging::ChargerId,
			driver: Option<AccountId>,
			energy_wh: pallet_shared_charging::WattHours,
			charging_secs: u32,
			parking_secs: u32,
		) -> Option<pallet_shared_charging::CostBreakdown<Balance>> {
			SharedCharging::quote(charger, driver, energy_wh, charging_secs, parking_secs)
		}

		fn session(
			session: pallet_shared_charging::SessionId,
		) -> Option<pallet_shared_charging::SessionInfo<AccountId, Balance, BlockNumber>> {
			SharedCharging::session(session)
		}

		fn vehicle_totals(vehicle: VehicleId) -> pallet_shared_charging::Totals<Balance> {
			SharedCharging::vehicle_totals(vehicle)
		}

		fn charger_totals(charger: pallet_shared_charging::ChargerId) -> pallet_shared_charging::Totals<Balance> {
			SharedCharging::charger_totals(charger)
		}

		fn member_totals(
			charger: pallet_shared_charging::ChargerId,
			member: AccountId,
			month: Option<pallet_shared_charging::Month>,
		) -> pallet_shared_charging::Totals<Balance> {
			SharedCharging::member_totals(charger, member, month)
		}
	}

	impl pallet_data_marketplace::runtime_api::DataAccessApi<Block, AccountId, Balance, BlockNumber> for Runtime {
		fn has_access(
			account: AccountId,
			vehicle: VehicleId,
			category: pallet_data_marketplace::DataCategory,
		) -> Option<BlockNumber> {
			DataMarketplace::has_access(account, vehicle, category)
		}

		fn listings(
			vehicle: VehicleId,
			start: u32,
			limit: u32,
		) -> Vec<pallet_data_marketplace::ListingInfo<AccountId, Balance, BlockNumber>> {
			DataMarketplace::listings(vehicle, start, limit)
		}

		fn batches(
			vehicle: VehicleId,
			category: pallet_data_marketplace::DataCategory,
			start: u32,
			limit: u32,
		) -> Vec<pallet_data_marketplace::BatchInfo<AccountId, BlockNumber>> {
			DataMarketplace::batches(vehicle, category, start, limit)
		}

		fn batch_count(vehicle: VehicleId, category: pallet_data_marketplace::DataCategory) -> u32 {
			DataMarketplace::batch_count(vehicle, category)
		}

		fn grants_of(
			buyer: AccountId,
			start: u32,
			limit: u32,
		) -> Vec<pallet_data_marketplace::GrantInfo<Balance, BlockNumber>> {
			DataMarketplace::grants_of(buyer, start, limit)
		}

		fn due(
			listing: pallet_data_marketplace::ListingId,
			buyer: AccountId,
		) -> Option<pallet_data_marketplace::Due<Balance>> {
			DataMarketplace::due(listing, buyer)
		}
	}

	impl pallet_car_sharing::runtime_api::CarSharingApi<Block, AccountId, Balance, BlockNumber> for Runtime {
		fn coop(
			coop: pallet_car_sharing::CoopId,
		) -> Option<pallet_car_sharing::CoopView<AccountId, Balance, BlockNumber>> {
			CarSharing::coop_view(coop)
		}

		fn quote(
			vehicle: VehicleId,
			who: AccountId,
			start: BlockNumber,
			end: BlockNumber,
			max_km: v2x_primitives::Km,
		) -> Result<(Balance, Balance), sp_runtime::DispatchError> {
			CarSharing::quote(vehicle, &who, start, end, max_km)
		}

		fn pending_revenue(coop: pallet_car_sharing::CoopId, who: AccountId) -> Balance {
			CarSharing::pending_revenue(coop, &who)
		}

		fn vehicle_bookings(
			vehicle: VehicleId,
		) -> Vec<pallet_car_sharing::SlotView<AccountId, BlockNumber>> {
			CarSharing::vehicle_slots(vehicle)
		}
	}

	impl pallet_road_usage::runtime_api::RoadUsageApi<Block, AccountId, Balance> for Runtime {
		fn quote(
			context: pallet_road_usage::ContextId,
			day: pallet_road_usage::Day,
			class: pallet_road_usage::VehicleClass,
			usage: Vec<pallet_road_usage::Usage>,
		) -> Option<Balance> {
			RoadUsage::quote(context, day, class, usage)
		}

		fn provider_exposure(provider: AccountId) -> Option<(Balance, Balance)> {
			RoadUsage::provider_exposure(&provider)
		}

		fn charged_events(
			context: pallet_road_usage::ContextId,
			vehicle: VehicleId,
			day: pallet_road_usage::Day,
		) -> Vec<pallet_road_usage::EventId> {
			RoadUsage::charged_events(context, vehicle, day)
		}
	}

	impl pallet_usage_leasing::runtime_api::UsageLeasingApi<Block, AccountId, Balance, BlockNumber>
		for Runtime
	{
		fn lease_of(
			vehicle: VehicleId,
		) -> Option<pallet_usage_leasing::runtime_api::LeaseView<AccountId, Balance, BlockNumber>> {
			UsageLeasing::lease_view(vehicle)
		}

		fn immobilisation_authorised(vehicle: VehicleId) -> bool {
			UsageLeasing::immobilisation_authorised(vehicle)
		}
	}

	impl pallet_freight::runtime_api::FreightApi<Block, AccountId, Balance, BlockNumber> for Runtime {
		fn shipment(
			id: pallet_freight::ShipmentId,
		) -> Option<pallet_freight::runtime_api::ShipmentView<AccountId, Balance, BlockNumber>> {
			Freight::shipment_view(id)
		}

		fn shipment_events(
			id: pallet_freight::ShipmentId,
		) -> Vec<pallet_freight::runtime_api::LoggedEvent<AccountId, BlockNumber>> {
			Freight::event_log(id)
		}

		fn carried_by(vehicle: VehicleId) -> Vec<pallet_freight::ShipmentId> {
			Freight::carried_by(vehicle)
		}
	}

	impl pallet_software_updates::runtime_api::SoftwareUpdatesApi<Block, AccountId, BlockNumber>
		for Runtime
	{
		fn check_image(
			vehicle: VehicleId,
			hardware_id: pallet_software_updates::HardwareId,
			hash: polkadot_sdk::sp_core::H256,
			installed: Option<u32>,
		) -> pallet_software_updates::ImageStatus {
			SoftwareUpdates::check_image(vehicle, hardware_id, hash, installed)
		}

		fn repository(
			manufacturer: AccountId,
		) -> Option<pallet_software_updates::runtime_api::RepositoryView<AccountId, BlockNumber>> {
			SoftwareUpdates::repository_view(manufacturer)
		}

		fn campaigns_for(
			vehicle: VehicleId,
		) -> Vec<(
			pallet_software_updates::CampaignId,
			pallet_software_updates::runtime_api::CampaignView<BlockNumber>,
		)> {
			// The pallet's records as the API's plain views (the identity if they already are).
			SoftwareUpdates::campaigns_for(vehicle)
				.into_iter()
				.map(|(id, campaign)| (id, campaign.into()))
				.collect()
		}

		fn installation(
			vehicle: VehicleId,
		) -> Option<pallet_software_updates::runtime_api::InstallationView<BlockNumber>> {
			SoftwareUpdates::installation(vehicle).map(Into::into)
		}
	}

	impl v2x_primitives::runtime_api::VehiclePassportApi<
		Block,
		AccountId,
		Balance,
		BlockNumber,
		crate::passport::PassportRecord,
		crate::passport::PassportPolicy,
		crate::passport::PassportListing,
	> for Runtime {
		fn vehicle_passport(
			vehicle: VehicleRef,
			newest_record: Option<u32>,
		) -> Option<crate::passport::Passport> {
			crate::passport::vehicle_passport(vehicle, newest_record)
		}

		fn vehicle_id(vehicle: VehicleRef) -> Option<VehicleId> {
			VehicleIdentity::vehicle_id(vehicle)
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			genesis_config_presets::preset_names()
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			crate::benchmarks::metadata(extra)
		}

		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig,
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			crate::benchmarks::dispatch(config)
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
			// Only the try-runtime tool calls this: a failed check must abort it, loudly.
			let weight = Executive::try_runtime_upgrade(checks)
				.unwrap_or_else(|e| panic!("try-runtime upgrade checks failed: {e:?}"));
			(weight, crate::configs::BlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect,
		) -> Weight {
			Executive::try_execute_block(block, state_root_check, signature_check, select)
				.unwrap_or_else(|e| panic!("try-runtime block execution failed: {e:?}"))
		}
	}
}
