//! Transaction fees and tips go to the block's author instead of being burned.

use crate::{configs::ToBlockAuthor, AccountId, Authorship, Balances, Runtime, System};
use codec::Encode;
use polkadot_sdk::{
	frame_support::traits::{
		fungible::{Balanced, Inspect},
		OnUnbalanced,
	},
	sp_consensus_aura::{Slot, AURA_ENGINE_ID},
	sp_io::TestExternalities,
	sp_keyring::Sr25519Keyring,
	sp_runtime::{Digest, DigestItem},
};

/// Starts block 1 as Aura's author of `slot` would: with the slot in a pre-runtime digest.
fn start_block_in_slot(slot: u64) {
	let digest =
		Digest { logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, Slot::from(slot).encode())] };
	System::initialize(&1, &Default::default(), &digest);
}

fn with_validators(validators: &[Sr25519Keyring], test: impl FnOnce()) {
	let mut ext = TestExternalities::default();
	ext.execute_with(|| {
		let authorities = validators.iter().map(|k| k.public().into()).collect::<Vec<_>>();
		polkadot_sdk::pallet_aura::Authorities::<Runtime>::put(
			polkadot_sdk::frame_support::BoundedVec::truncate_from(authorities),
		);
		test();
	});
}

#[test]
fn the_author_is_the_account_of_the_slots_aura_key() {
	with_validators(&[Sr25519Keyring::Alice, Sr25519Keyring::Bob], || {
		start_block_in_slot(7);
		assert_eq!(Authorship::author(), Some(Sr25519Keyring::Bob.to_account_id()));
	});
}

#[test]
fn fees_go_to_the_author_and_issuance_stays() {
	with_validators(&[Sr25519Keyring::Alice, Sr25519Keyring::Bob], || {
		start_block_in_slot(4);
		let alice: AccountId = Sr25519Keyring::Alice.to_account_id();
		let fee = Balances::issue(5_000_000_000);
		let issuance = Balances::total_issuance();
		ToBlockAuthor::on_unbalanced(fee);
		assert_eq!(Balances::balance(&alice), 5_000_000_000);
		assert_eq!(Balances::total_issuance(), issuance);
	});
}
