//! Transaction fees and tips go to the block's author instead of being burned.

use super::presets::with_genesis;
use crate::{configs::ToBlockAuthor, AccountId, Authorship, Balances, System};
use codec::Encode;
use polkadot_sdk::{
	frame_support::traits::{
		fungible::{Balanced, Inspect},
		OnUnbalanced,
	},
	sp_consensus_aura::{Slot, AURA_ENGINE_ID},
	sp_genesis_builder,
	sp_keyring::Sr25519Keyring,
	sp_runtime::{Digest, DigestItem},
};

/// Starts block 1 as Aura's author of `slot` would: with the slot in a pre-runtime digest.
fn start_block_in_slot(slot: u64) {
	let digest =
		Digest { logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, Slot::from(slot).encode())] };
	System::initialize(&1, &Default::default(), &digest);
}

/// The local testnet: Alice, Bob, Charlie and Dave validate, in that order.
fn with_four_validators(test: impl FnOnce()) {
	with_genesis(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET, test);
}

#[test]
fn the_author_is_the_validator_account_of_the_slot() {
	with_four_validators(|| {
		// Slot 7 of four authorities is the fourth's: Dave.
		start_block_in_slot(7);
		assert_eq!(Authorship::author(), Some(Sr25519Keyring::Dave.to_account_id()));
	});
}

#[test]
fn fees_go_to_the_author_and_issuance_stays() {
	with_four_validators(|| {
		start_block_in_slot(5);
		let bob: AccountId = Sr25519Keyring::Bob.to_account_id();
		let before = Balances::balance(&bob);
		let fee = Balances::issue(5_000_000_000);
		let issuance = Balances::total_issuance();
		ToBlockAuthor::on_unbalanced(fee);
		assert_eq!(Balances::balance(&bob), before + 5_000_000_000);
		assert_eq!(Balances::total_issuance(), issuance);
	});
}
