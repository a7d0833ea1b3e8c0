//! The share ledger: transfers, membership, and the lock of voters' shares.

use polkadot_sdk::frame_support::{assert_noop, assert_ok};

use super::*;
use crate::{Error, Member, ProposalKind, REWARD_SCALE};

#[test]
fn transfer_shares_moves_them_to_a_new_member() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = create_coop();

		assert_ok!(CarSharing::transfer_shares(signed(ALICE), coop, DAVE, 20));

		assert_eq!(member(coop, ALICE).unwrap().shares, ALICE_SHARES - 20);
		assert_eq!(member(coop, DAVE), Some(Member { shares: 20, ..Default::default() }));
		assert_eq!(coop_of(coop).members, 4);
		assert_eq!(coop_of(coop).share_supply, SUPPLY);
		assert!(CarSharing::is_member(coop, &DAVE));
		assert_eq!(
			events().last(),
			Some(&Event::SharesTransferred { coop, from: ALICE, to: DAVE, amount: 20 })
		);
	});
}

#[test]
fn transfer_of_all_shares_ends_the_membership() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = create_coop();

		assert_ok!(CarSharing::transfer_shares(signed(CAROL), coop, BOB, CAROL_SHARES));

		assert_eq!(member(coop, CAROL), None);
		assert_eq!(member(coop, BOB).unwrap().shares, BOB_SHARES + CAROL_SHARES);
		assert_eq!(coop_of(coop).members, 2);
		assert!(!CarSharing::is_member(coop, &CAROL));
	});
}

#[test]
fn a_holder_of_unclaimed_revenue_stays_a_member_until_it_claims() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = create_coop();
		income(coop, 1_000);
		assert_ok!(CarSharing::distribute(signed(STRANGER), coop));

		assert_ok!(CarSharing::transfer_shares(signed(CAROL), coop, BOB, CAROL_SHARES));
		// 800 distributed, CAROL's 20 % of it settled into her unclaimed balance.
		let settled =
			Member { unclaimed: 160, settled_per_share: 8 * REWARD_SCALE, ..Default::default() };
		assert_eq!(member(coop, CAROL), Some(settled));
		assert!(!CarSharing::is_member(coop, &CAROL));
		assert_eq!(coop_of(coop).members, 3);

		assert_ok!(CarSharing::claim_revenue(signed(CAROL), coop));
		assert_eq!(member(coop, CAROL), None);
		assert_eq!(coop_of(coop).members, 2);
	});
}

#[test]
fn transfer_shares_refuses_zero_and_self_transfers() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = create_coop();
		assert_noop!(
			CarSharing::transfer_shares(signed(ALICE), coop, BOB, 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			CarSharing::transfer_shares(signed(ALICE), coop, ALICE, 1),
			Error::<Test>::SelfTransfer
		);
	});
}

#[test]
fn transfer_shares_needs_a_coop_a_member_and_enough_shares() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = create_coop();
		assert_noop!(
			CarSharing::transfer_shares(signed(ALICE), coop + 1, BOB, 1),
			Error::<Test>::CoopNotFound
		);
		assert_noop!(
			CarSharing::transfer_shares(signed(STRANGER), coop, BOB, 1),
			Error::<Test>::NotMember
		);
		assert_noop!(
			CarSharing::transfer_shares(signed(CAROL), coop, BOB, CAROL_SHARES + 1),
			Error::<Test>::InsufficientShares
		);
	});
}

#[test]
fn transfer_shares_refuses_a_new_member_beyond_max_members() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = create_coop();
		assert_ok!(CarSharing::transfer_shares(signed(ALICE), coop, DAVE, 1));
		assert_eq!(coop_of(coop).members, MAX_MEMBERS);

		assert_noop!(
			CarSharing::transfer_shares(signed(ALICE), coop, STRANGER, 1),
			Error::<Test>::TooManyMembers
		);
		// Between existing members it still works.
		assert_ok!(CarSharing::transfer_shares(signed(ALICE), coop, DAVE, 1));
	});
}

#[test]
fn a_voter_s_shares_are_locked_until_the_proposal_closes() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = create_coop();
		assert_ok!(CarSharing::propose(signed(ALICE), coop, ProposalKind::SetAssessor(DAVE)));
		assert_ok!(CarSharing::vote(signed(CAROL), coop, 0, false));

		assert_noop!(
			CarSharing::transfer_shares(signed(CAROL), coop, BOB, 1),
			Error::<Test>::SharesLocked
		);

		run_to_block(1 + VOTING_PERIOD + 1);
		assert_ok!(CarSharing::close_proposal(signed(STRANGER), coop, 0));
		assert_ok!(CarSharing::transfer_shares(signed(CAROL), coop, BOB, 1));
	});
}
