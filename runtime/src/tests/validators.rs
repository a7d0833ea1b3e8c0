//! The validators change by council motion: a new validator registers session keys
//! (`session.setKeys` with their ownership proof) and validates from the session after the next
//! one, a removed one stops the same way, and the set never drops below its minimum.

use super::{
	account,
	governance::{motion, TWO_OF_THREE},
	presets::with_genesis,
	signed,
};
use crate::{
	opaque::SessionKeys, AccountId, Authorship, Runtime, RuntimeOrigin, Session, System,
	ValidatorSet,
};
use codec::Encode;
use polkadot_sdk::{
	frame_support::{
		assert_noop, assert_ok,
		traits::{Get, Hooks},
	},
	sp_consensus_aura::{Slot, AURA_ENGINE_ID},
	sp_core::{ed25519, proof_of_possession::ProofOfPossessionGenerator, sr25519, Pair},
	sp_genesis_builder,
	sp_keyring::Sr25519Keyring,
	sp_runtime::{Digest, DigestItem},
	*,
};

/// Session keys of Eve's new node, generated apart from her account key (as
/// `author_rotateKeysWithOwner` does), with the proof that they sign for `owner`.
fn fresh_session_keys(owner: &AccountId) -> (SessionKeys, Vec<u8>) {
	let mut aura = sr25519::Pair::from_string("//EveNode//aura", None).unwrap();
	let mut grandpa = ed25519::Pair::from_string("//EveNode//grandpa", None).unwrap();
	let owner = owner.encode();
	let proof =
		(aura.generate_proof_of_possession(&owner), grandpa.generate_proof_of_possession(&owner))
			.encode();
	let keys = SessionKeys { aura: aura.public().into(), grandpa: grandpa.public().into() };
	(keys, proof)
}

/// Runs blocks up to `n`, rotating sessions as the node would.
fn run_to_block(n: u32) {
	for block in System::block_number() + 1..=n {
		System::set_block_number(block);
		Session::on_initialize(block);
	}
}

/// The author of a block in `slot`, as the chain sees it from the Aura digest.
fn author_of_slot(slot: u64) -> Option<AccountId> {
	let digest =
		Digest { logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, Slot::from(slot).encode())] };
	let number = System::block_number() + 1;
	System::initialize(&number, &Default::default(), &digest);
	Authorship::author()
}

#[test]
fn the_council_adds_a_validator_that_validates_from_the_session_after_next() {
	with_genesis(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET, || {
		let period = crate::configs::SessionPeriod::get();
		run_to_block(1);
		let eve = account(Sr25519Keyring::Eve);
		let dave = account(Sr25519Keyring::Dave);
		let add_eve = pallet_validator_set::Call::add_validator { who: eve.clone() };
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), eve.clone()),
			pallet_validator_set::Error::<Runtime>::NoSessionKeys
		);

		let (keys, proof) = fresh_session_keys(&eve);
		assert_ok!(Session::set_keys(signed(Sr25519Keyring::Eve), keys.clone(), proof));
		let batch = pallet_utility::Call::batch_all {
			calls: vec![
				add_eve.into(),
				pallet_validator_set::Call::remove_validator { who: dave.clone() }.into(),
			],
		};
		assert_eq!(motion(TWO_OF_THREE, batch), Some(Ok(())));
		assert_eq!(ValidatorSet::validators().len(), 4);

		// The rest of session 0: nothing changes yet.
		run_to_block(period - 1);
		assert!(!Session::validators().contains(&eve));
		// Session 1 starts: the new set is queued.
		run_to_block(period);
		assert_eq!(Session::current_index(), 1);
		assert!(!Session::validators().contains(&eve));
		assert!(Session::queued_keys().iter().any(|(who, _)| who == &eve));
		// Session 2 starts: Eve validates, Dave does not, and Aura has Eve's node's key.
		run_to_block(2 * period - 1);
		assert!(Session::validators().contains(&dave));
		run_to_block(2 * period);
		assert_eq!(Session::current_index(), 2);
		let validators = Session::validators();
		assert!(validators.contains(&eve) && !validators.contains(&dave));
		let authorities = pallet_aura::Authorities::<Runtime>::get();
		assert!(authorities.contains(&keys.aura) && authorities.len() == 4);
		assert_eq!(crate::Grandpa::grandpa_authorities().len(), 4);
		// A block in Eve's slot is credited to Eve's account, not to her node's key.
		let eve_index = validators.iter().position(|v| v == &eve).unwrap() as u64;
		let slot = 1_000 * 4 + eve_index;
		assert_eq!(author_of_slot(slot), Some(eve));
	});
}

#[test]
fn the_set_never_drops_below_its_minimum() {
	with_genesis(sp_genesis_builder::DEV_RUNTIME_PRESET, || {
		run_to_block(1);
		let alice = account(Sr25519Keyring::Alice);
		assert_eq!(ValidatorSet::validators(), vec![alice.clone()]);
		let minimum: u32 = <Runtime as pallet_validator_set::Config>::MinValidators::get();
		assert_eq!(minimum, 1);
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), alice),
			pallet_validator_set::Error::<Runtime>::TooFewValidators
		);
	});
}

#[test]
fn a_signed_council_member_alone_cannot_change_the_validators() {
	with_genesis(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET, || {
		run_to_block(1);
		assert_noop!(
			ValidatorSet::remove_validator(
				signed(Sr25519Keyring::Alice),
				account(Sr25519Keyring::Dave)
			),
			polkadot_sdk::sp_runtime::DispatchError::BadOrigin
		);
	});
}
