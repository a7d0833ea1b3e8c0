//! The generator reaches every call, short runs pass every check, a seed replays the same
//! program, and the checks do catch what they look for.

use std::collections::BTreeSet;

use polkadot_sdk::{
	frame_support::traits::{
		fungible::{Mutate, MutateHold},
		GetCallMetadata,
	},
	sp_io::TestExternalities,
	sp_keyring::Sr25519Keyring,
};
use v2x_runtime::{Balances, RuntimeHoldReason, UNIT};

use crate::{
	actors,
	calls::{self, Ctx, PALLETS},
	chain, invariants, program, program_bytes,
	rng::SplitMix64,
	source::Source,
	stats::Stats,
};

/// Runs `test` on the dev chain at block 1.
fn on_dev_chain(test: impl FnOnce()) {
	crate::logger::install();
	TestExternalities::new(chain::dev_genesis()).execute_with(|| {
		chain::start_block(1);
		test();
	});
}

#[test]
fn the_generator_reaches_every_call_of_every_domain_pallet() {
	on_dev_chain(|| {
		let pool = actors::pool();
		let ctx = Ctx { pool: &pool, now: 1 };
		let bytes = SplitMix64::new(7).bytes(400_000);
		let mut src = Source::new(&bytes);
		let mut seen = vec![BTreeSet::new(); PALLETS.len()];
		while !src.is_empty() {
			let (pallet, _, call) = calls::generate(&mut src, &ctx);
			let metadata = call.get_call_metadata();
			assert_eq!(metadata.pallet_name, PALLETS[pallet]);
			seen[pallet].insert(metadata.function_name);
		}
		for (pallet, name) in PALLETS.iter().enumerate() {
			let all: BTreeSet<_> = calls::call_names(pallet).iter().copied().collect();
			let missing: Vec<_> = all.difference(&seen[pallet]).collect();
			assert!(missing.is_empty(), "{name}: never generated {missing:?}");
		}
	});
}

#[test]
fn short_runs_pass_every_check_and_succeed_in_every_pallet() {
	let genesis = chain::dev_genesis();
	let pool = actors::pool();
	let mut stats = Stats::default();
	for seed in 0..40 {
		let bytes = program_bytes(seed, 4_096);
		if let Err(failure) = program::run(&bytes, &genesis, &pool, &mut stats) {
			panic!("seed {seed}: {}\n{}", failure.reason, program::describe(&failure.steps, &pool));
		}
	}
	for (pallet, name) in PALLETS.iter().enumerate() {
		assert!(
			stats.succeeded[pallet] > 0,
			"no call of {name} succeeded:\n{}",
			stats.per_call_table()
		);
	}
}

#[test]
fn a_seed_replays_the_same_program() {
	let genesis = chain::dev_genesis();
	let pool = actors::pool();
	let (mut first, mut second) = (Stats::default(), Stats::default());
	let bytes = program_bytes(42, 4_096);
	assert!(program::run(&bytes, &genesis, &pool, &mut first).is_ok());
	assert!(program::run(&program_bytes(42, 4_096), &genesis, &pool, &mut second).is_ok());
	assert!(first.total_calls() > 0);
	assert_eq!(first.per_call, second.per_call);
	assert_eq!(first.outcomes, second.outcomes);
}

#[test]
fn the_checks_catch_minted_money() {
	on_dev_chain(|| {
		let issuance = Balances::total_issuance();
		assert_eq!(invariants::check(1, issuance), Ok(()));
		let dave = Sr25519Keyring::Dave.to_account_id();
		Balances::mint_into(&dave, UNIT).unwrap();
		let error = invariants::check(1, issuance).unwrap_err();
		assert!(error.contains("total issuance moved"), "{error}");
	});
}

#[test]
fn the_checks_catch_a_hold_no_pallet_accounts_for() {
	on_dev_chain(|| {
		let issuance = Balances::total_issuance();
		let dave = Sr25519Keyring::Dave.to_account_id();
		let reason = RuntimeHoldReason::ServiceBook(pallet_service_book::HoldReason::WorkOrder);
		Balances::hold(&reason, &dave, UNIT).unwrap();
		let error = invariants::check(1, issuance).unwrap_err();
		assert!(error.contains("work order deposits not held"), "{error}");
	});
}
