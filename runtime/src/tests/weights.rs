//! The runtime charges what was measured on its reference machine (`crate::weights`): the
//! block and transaction bases, ParityDB's reads and writes, and the transaction extensions'
//! own weights, so that a full block takes about as long to build as its weight says.

use crate::{
	configs::BlockWeights,
	weights::{
		block_weights::BlockExecutionWeight, extrinsic_weights::ExtrinsicBaseWeight,
		frame_system_extensions::WeightInfo as Extensions,
		pallet_balances::WeightInfo as BalancesWeights,
		pallet_transaction_payment::WeightInfo as PaymentWeights,
		paritydb_weights::constants::ParityDbWeight,
	},
	Runtime, RuntimeCall, TxExtension,
};
use polkadot_sdk::{
	frame_metadata_hash_extension::CheckMetadataHash,
	frame_support::{
		dispatch::DispatchClass,
		weights::{constants::WEIGHT_REF_TIME_PER_MILLIS, Weight},
	},
	frame_system::{
		self, CheckEra, CheckGenesis, CheckNonZeroSender, CheckNonce, CheckSpecVersion,
		CheckTxVersion, CheckWeight, ExtensionsWeightInfo, WeightInfo as _, WeightReclaim,
	},
	pallet_balances::{self, WeightInfo as _},
	pallet_transaction_payment::{self, ChargeTransactionPayment, WeightInfo as _},
	sp_keyring::Sr25519Keyring,
	sp_runtime::{generic::Era, traits::TransactionExtension},
};

/// A signed transaction's extensions as a wallet sends them.
fn extensions() -> TxExtension {
	(
		CheckNonZeroSender::<Runtime>::new(),
		CheckSpecVersion::<Runtime>::new(),
		CheckTxVersion::<Runtime>::new(),
		CheckGenesis::<Runtime>::new(),
		CheckEra::<Runtime>::from(Era::mortal(64, 1)),
		CheckNonce::<Runtime>::from(0),
		CheckWeight::<Runtime>::new(),
		ChargeTransactionPayment::<Runtime>::from(0),
		CheckMetadataHash::<Runtime>::new(false),
		WeightReclaim::<Runtime>::new(),
	)
}

fn transfer() -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: Sr25519Keyring::Bob.to_account_id().into(),
		value: 1_000_000_000_000,
	})
}

#[test]
fn blocks_carry_the_measured_bases_within_two_seconds_of_which_normal_gets_75_percent() {
	let weights = BlockWeights::get();
	assert!(weights.clone().validate().is_ok());
	assert_eq!(weights.base_block, BlockExecutionWeight::get());
	assert_eq!(weights.max_block.ref_time(), 2_000 * WEIGHT_REF_TIME_PER_MILLIS);
	for class in DispatchClass::all() {
		assert_eq!(weights.get(*class).base_extrinsic, ExtrinsicBaseWeight::get());
	}
	let normal = weights.get(DispatchClass::Normal);
	assert_eq!(normal.max_total.map(|w| w.ref_time()), Some(1_500 * WEIGHT_REF_TIME_PER_MILLIS));
	let operational = weights.get(DispatchClass::Operational);
	assert_eq!(operational.reserved.map(|w| w.ref_time()), Some(500 * WEIGHT_REF_TIME_PER_MILLIS));
}

#[test]
fn storage_is_priced_at_the_measured_paritydb_costs() {
	let db = <Runtime as frame_system::Config>::DbWeight::get();
	assert_eq!(db, ParityDbWeight::get());
	// A write commits the trie node path, a read may find it cached: a write never costs less.
	assert!(db.write >= db.read && db.read > 0, "read {} write {}", db.read, db.write);
}

#[test]
fn a_signed_transfer_weighs_its_extensions_as_measured_on_this_machine() {
	let measured = Extensions::<Runtime>::check_non_zero_sender()
		.saturating_add(Extensions::<Runtime>::check_spec_version())
		.saturating_add(Extensions::<Runtime>::check_tx_version())
		.saturating_add(Extensions::<Runtime>::check_genesis())
		.saturating_add(Extensions::<Runtime>::check_mortality_mortal_transaction())
		.saturating_add(Extensions::<Runtime>::check_nonce())
		.saturating_add(Extensions::<Runtime>::check_weight())
		.saturating_add(PaymentWeights::<Runtime>::charge_transaction_payment())
		.saturating_add(Extensions::<Runtime>::weight_reclaim());
	assert_eq!(extensions().weight(&transfer()), measured);
	assert_ne!(measured, Weight::zero());
}

#[test]
fn the_runtime_charges_the_measured_pallet_weights() {
	assert_eq!(
		<Runtime as pallet_balances::Config>::WeightInfo::transfer_keep_alive(),
		BalancesWeights::<Runtime>::transfer_keep_alive()
	);
	assert_eq!(
		<Runtime as pallet_transaction_payment::Config>::WeightInfo::charge_transaction_payment(),
		PaymentWeights::<Runtime>::charge_transaction_payment()
	);
	assert_eq!(
		<Runtime as frame_system::Config>::SystemWeightInfo::remark(0),
		crate::weights::frame_system::WeightInfo::<Runtime>::remark(0)
	);
}
