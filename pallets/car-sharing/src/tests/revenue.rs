//! Income, distribution through the reward-per-share accumulator, and claims.

use polkadot_sdk::frame_support::{assert_noop, assert_ok, BoundedVec};

use super::*;
use crate::{CoopFinances, Error, REWARD_SCALE};

#[test]
fn income_keeps_the_reserve_share_and_leaves_the_rest_to_distribute() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = create_coop();
		income(coop, 1_000);
		assert_eq!(
			coop_of(coop).finances,
			CoopFinances {
				received: 1_000,
				reserve: ENDOWMENT + 200,
				undistributed: 800,
				..Default::default()
			}
		);
		assert_eq!(free(CarSharing::coop_account(coop)), ENDOWMENT + 1_000);
	});
}

#[test]
fn the_reserve_credit_is_not_income() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = create_coop();
		let account = CarSharing::coop_account(coop);
		assert_ok!(
			<Balances as polkadot_sdk::frame_support::traits::fungible::Mutate<u64>>::transfer(
				&RENTER,
				&account,
				300,
				polkadot_sdk::frame_support::traits::tokens::Preservation::Preserve
			)
		);
		CarSharing::credit_reserve(coop, 300);
		assert_eq!(
			coop_of(coop).finances,
			CoopFinances { reserve: ENDOWMENT + 300, ..Default::default() }
		);
	});
}

#[test]
fn distribute_moves_the_undistributed_income_into_the_accumulator() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = create_coop();
		income(coop, 1_000);

		assert_ok!(CarSharing::distribute(signed(STRANGER), coop));

		let finances = coop_of(coop).finances;
		assert_eq!(finances.undistributed, 0);
		assert_eq!(finances.distributed, 800);
		assert_eq!(finances.reward_per_share, 8 * REWARD_SCALE);
		assert_eq!(
			events().last(),
			Some(&Event::RevenueDistributed {
				coop,
				amount: 800,
				reward_per_share: 8 * REWARD_SCALE
			})
		);
		assert_eq!(CarSharing::pending_revenue(coop, &ALICE), 400);
		assert_eq!(CarSharing::pending_revenue(coop, &BOB), 240);
		assert_eq!(CarSharing::pending_revenue(coop, &CAROL), 160);
		assert_eq!(CarSharing::pending_revenue(coop, &STRANGER), 0);
	});
}

/// A co-op of three founders with one share each: 800 does not divide by 3.
fn three_share_coop() -> crate::CoopId {
	assert_ok!(CarSharing::create_coop(
		signed(ALICE),
		b"Thirds".to_vec().try_into().unwrap(),
		rules(),
		pricing(),
		BoundedVec::truncate_from(vec![(ALICE, 1), (BOB, 1), (CAROL, 1)]),
		MANAGER,
		ASSESSOR,
	));
	crate::NextCoopId::<Test>::get() - 1
}

#[test]
fn rounding_never_owes_more_than_was_distributed_and_leaves_the_dust_in_the_account() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = three_share_coop();
		income(coop, 1_000);

		assert_ok!(CarSharing::distribute(signed(STRANGER), coop));

		// 800 / 3 per share, rounded down in the accumulator; booked as the 800 it came from.
		let finances = coop_of(coop).finances;
		assert_eq!(finances.reward_per_share, 800 * REWARD_SCALE / 3);
		assert_eq!(finances.distributed, 800);
		assert_eq!(finances.undistributed, 0);
		for who in [ALICE, BOB, CAROL] {
			assert_eq!(CarSharing::pending_revenue(coop, &who), 266);
			assert_ok!(CarSharing::claim_revenue(signed(who), coop));
		}
		assert_eq!(coop_of(coop).finances.claimed, 798);
		// The 2 units of dust stay in the account.
		assert_eq!(free(CarSharing::coop_account(coop)), ENDOWMENT + 1_000 - 798);
		assert_noop!(
			CarSharing::distribute(signed(STRANGER), coop),
			Error::<Test>::NothingToDistribute
		);
	});
}

#[test]
fn many_small_distributions_between_transfers_never_owe_more_than_was_distributed() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = three_share_coop();
		let holders = [ALICE, BOB, CAROL];
		for round in 0..30u64 {
			income(coop, 7 + round % 5);
			assert_ok!(CarSharing::distribute(signed(STRANGER), coop));
			// A share moves around the three holders, settling both sides each time.
			let from = holders[(round % 3) as usize];
			let to = holders[((round + 1) % 3) as usize];
			if CarSharing::shares_of(coop, &from) > 0 {
				assert_ok!(CarSharing::transfer_shares(signed(from), coop, to, 1));
			}
			// The invariants (owed <= distributed - claimed) hold after every step.
			assert_eq!(CarSharing::do_try_state(), Ok(()));
		}
		for who in holders {
			if CarSharing::pending_revenue(coop, &who) > 0 {
				assert_ok!(CarSharing::claim_revenue(signed(who), coop));
			}
		}
		let finances = coop_of(coop).finances;
		assert!(finances.claimed <= finances.distributed);
		// At most one unit per holder per settlement is lost to rounding.
		assert!(finances.distributed - finances.claimed <= 3 * 30 * 2);
	});
}

#[test]
fn distribute_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = create_coop();
		assert_noop!(
			CarSharing::distribute(signed(STRANGER), coop),
			Error::<Test>::NothingToDistribute
		);
		assert_noop!(
			CarSharing::distribute(signed(STRANGER), coop + 1),
			Error::<Test>::CoopNotFound
		);
	});
}

#[test]
fn claim_revenue_pays_the_member_its_part() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = create_coop();
		income(coop, 1_000);
		assert_ok!(CarSharing::distribute(signed(STRANGER), coop));
		let account = CarSharing::coop_account(coop);
		let before = free(BOB);

		assert_ok!(CarSharing::claim_revenue(signed(BOB), coop));

		assert_eq!(free(BOB), before + 240);
		assert_eq!(free(account), ENDOWMENT + 1_000 - 240);
		assert_eq!(coop_of(coop).finances.claimed, 240);
		assert_eq!(CarSharing::pending_revenue(coop, &BOB), 0);
		assert_eq!(
			events().last(),
			Some(&Event::RevenueClaimed { coop, member: BOB, amount: 240 })
		);
		assert_noop!(CarSharing::claim_revenue(signed(BOB), coop), Error::<Test>::NothingToClaim);
	});
}

#[test]
fn claim_revenue_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = create_coop();
		assert_noop!(CarSharing::claim_revenue(signed(BOB), coop), Error::<Test>::NothingToClaim);
		assert_noop!(CarSharing::claim_revenue(signed(STRANGER), coop), Error::<Test>::NotMember);
		assert_noop!(CarSharing::claim_revenue(signed(BOB), coop + 1), Error::<Test>::CoopNotFound);
	});
}

#[test]
fn a_share_transfer_between_distribute_and_claim_never_pays_twice() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = create_coop();
		let (alice_before, dave_before) = (free(ALICE), free(DAVE));
		income(coop, 1_000);
		assert_ok!(CarSharing::distribute(signed(STRANGER), coop));

		// ALICE's 50 shares earned 400 of this distribution; she sells them all to DAVE.
		assert_ok!(CarSharing::transfer_shares(signed(ALICE), coop, DAVE, ALICE_SHARES));
		assert_eq!(CarSharing::pending_revenue(coop, &DAVE), 0);
		assert_noop!(CarSharing::claim_revenue(signed(DAVE), coop), Error::<Test>::NothingToClaim);
		assert_ok!(CarSharing::claim_revenue(signed(ALICE), coop));
		assert_noop!(CarSharing::claim_revenue(signed(ALICE), coop), Error::<Test>::NotMember);

		// The next distribution is DAVE's.
		income(coop, 1_000);
		assert_ok!(CarSharing::distribute(signed(STRANGER), coop));
		assert_ok!(CarSharing::claim_revenue(signed(DAVE), coop));
		assert_ok!(CarSharing::claim_revenue(signed(BOB), coop));
		assert_ok!(CarSharing::claim_revenue(signed(CAROL), coop));

		assert_eq!(free(ALICE), alice_before + 400);
		assert_eq!(free(DAVE), dave_before + 400);
		let finances = coop_of(coop).finances;
		assert_eq!(finances.distributed, 1_600);
		// BOB 2 x 240, CAROL 2 x 160: everything distributed was paid exactly once.
		assert_eq!(finances.claimed, 400 + 400 + 480 + 320);
		assert_eq!(free(CarSharing::coop_account(coop)), ENDOWMENT + 2_000 - 1_600);
	});
}

#[test]
fn distribute_refuses_an_accumulator_that_would_overflow() {
	ExtBuilder::default().build().execute_with(|| {
		let coop = create_coop();
		income(coop, 1_000);
		crate::Coops::<Test>::mutate(coop, |entry| {
			entry.as_mut().unwrap().finances.reward_per_share = u128::MAX - 1
		});
		assert_noop!(CarSharing::distribute(signed(STRANGER), coop), Error::<Test>::Overflow);
	});
}
