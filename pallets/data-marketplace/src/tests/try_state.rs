//! The invariants catch broken state, each with its own message.

use polkadot_sdk::frame_support::{
	assert_ok,
	traits::{fungible::MutateHold, tokens::Precision},
};

use super::*;
use crate::{Grants, Listings};

fn broken(message: &'static str) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
	Err(message.into())
}

#[test]
fn escrow_not_matching_the_unreleased_price_breaks_the_invariants() {
	ExtBuilder::ready().build().execute_with(|| {
		let id = list();
		buy(BUYER, id);
		assert_ok!(Marketplace::do_try_state());
		assert_ok!(Balances::release(&HoldReason::Escrow.into(), &BUYER, 1, Precision::Exact));
		assert_eq!(Marketplace::do_try_state(), broken("escrow disagrees with unreleased prices"));
	});
}

#[test]
fn payouts_not_adding_up_break_the_invariants() {
	ExtBuilder::ready().build().execute_with(|| {
		let id = list();
		buy(BUYER, id);
		run_to_block(11);
		assert_ok!(Marketplace::settle_grant(signed(STRANGER), id, BUYER));
		Grants::<Test>::mutate(id, BUYER, |grant| grant.as_mut().unwrap().paid.owner += 1);
		assert_eq!(
			Marketplace::do_try_state(),
			broken("a grant's payouts disagree with what it released")
		);
	});
}

#[test]
fn a_grant_of_another_epoch_than_its_listing_breaks_the_invariants() {
	ExtBuilder::ready().build().execute_with(|| {
		let id = list();
		buy(BUYER, id);
		Grants::<Test>::mutate(id, BUYER, |g| g.as_mut().unwrap().epoch = 5);
		assert_eq!(Marketplace::do_try_state(), broken("a grant's epoch is not its listing's"));
	});
}

#[test]
fn a_wrong_listing_deposit_breaks_the_invariants() {
	ExtBuilder::ready().build().execute_with(|| {
		list();
		assert_ok!(Balances::hold(&HoldReason::ListingDeposit.into(), &OWNER, 1));
		assert_eq!(Marketplace::do_try_state(), broken("listing deposits not held"));
	});
}

#[test]
fn a_wrong_grant_count_breaks_the_invariants() {
	ExtBuilder::ready().build().execute_with(|| {
		let id = list();
		buy(BUYER, id);
		Listings::<Test>::mutate(id, |l| l.as_mut().unwrap().grants = 2);
		assert_eq!(
			Marketplace::do_try_state(),
			broken("a listing's grant count disagrees with its grants")
		);
	});
}
