//! Claims: filing, the insurer's decision, escalation and governance's decision; closing
//! ended policies.

use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_runtime::DispatchError,
};

use super::*;
use crate::{ClaimStatus, Error, Event, RejectionReason};

#[test]
fn the_holder_files_a_claim_reserving_its_possible_payout() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = buy(500);
		run_to_block(3);
		let claim_id = file(id, 300);
		let filed = claim(claim_id);
		assert_eq!((filed.policy, filed.holder, filed.insurer), (id, OWNER, INSURER));
		assert_eq!((filed.amount, filed.reserved, filed.evidence), (300, 250, [9; 32]));
		assert_eq!(
			(filed.filed_at, filed.status, filed.deposit),
			(3, ClaimStatus::Filed, CLAIM_DEPOSIT)
		);
		assert_eq!(insurer().claims_reserved, 250);
		assert_eq!(held(HoldReason::Claim, OWNER), CLAIM_DEPOSIT);
		assert_eq!(policy(id).open_claims, 1);
		System::assert_last_event(
			Event::ClaimFiled { claim: claim_id, policy: id, amount: 300 }.into(),
		);
	});
}

#[test]
fn only_the_holder_files_claims_above_the_deductible() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = buy(500);
		for who in [STRANGER, INSURER, OPERATOR] {
			assert_noop!(
				UsageInsurance::file_claim(signed(who), id, 300, [9; 32]),
				Error::<Test>::NotHolder
			);
		}
		assert_noop!(
			UsageInsurance::file_claim(signed(OWNER), 9, 300, [9; 32]),
			Error::<Test>::PolicyNotFound
		);
		for amount in [10, TERMS.deductible] {
			assert_noop!(
				UsageInsurance::file_claim(signed(OWNER), id, amount, [9; 32]),
				Error::<Test>::BelowDeductible
			);
		}
		file(id, TERMS.deductible + 1);
	});
}

#[test]
fn a_policy_has_at_most_max_open_claims() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = buy(500);
		let first = file(id, 100);
		file(id, 100);
		assert_noop!(
			UsageInsurance::file_claim(signed(OWNER), id, 100, [9; 32]),
			Error::<Test>::TooManyClaims
		);
		assert_ok!(UsageInsurance::approve_claim(signed(INSURER), first));
		file(id, 100);
	});
}

#[test]
fn an_ended_policy_takes_claims_within_its_claim_window() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = buy(500);
		run_to_block(2);
		assert_ok!(UsageInsurance::cancel_policy(signed(OWNER), id));
		run_to_block(2 + CLAIM_WINDOW);
		assert_noop!(
			UsageInsurance::file_claim(signed(OWNER), id, 300, [9; 32]),
			Error::<Test>::ClaimWindowClosed
		);
		run_to_block(1 + CLAIM_WINDOW);
		file(id, 300);
	});
}

#[test]
fn the_insurer_approves_a_claim_paying_from_the_pool() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = buy(500);
		let claim_id = file(id, 300);
		assert_ok!(UsageInsurance::approve_claim(signed(INSURER), claim_id));
		assert_eq!(free(OWNER), BALANCE - 500 - POLICY_DEPOSIT + 250);
		assert_eq!(held(HoldReason::Claim, OWNER), 0);
		assert_eq!(pool(), POOL - 250);
		assert_eq!(free(INSURER), BALANCE - POOL - PRODUCT_DEPOSIT);
		assert_eq!(policy(id).cover_left, 750);
		assert_eq!(policy(id).open_claims, 0);
		assert_eq!((insurer().exposure, insurer().claims_reserved), (750, 0));
		assert!(Claims::<Test>::get(claim_id).is_none());
		System::assert_last_event(Event::ClaimApproved { claim: claim_id, payout: 250 }.into());
	});
}

#[test]
fn a_payout_is_capped_by_the_remaining_cover() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(UsageInsurance::fund_pool(signed(INSURER), 2_000));
		let id = buy(500);
		let claim_id = file(id, 1_300);
		assert_eq!(claim(claim_id).reserved, 1_000);
		assert_ok!(UsageInsurance::approve_claim(signed(INSURER), claim_id));
		System::assert_last_event(Event::ClaimApproved { claim: claim_id, payout: 1_000 }.into());
		assert_eq!(policy(id).cover_left, 0);
		assert_eq!(pool(), POOL + 2_000 - 1_000);
		assert_eq!(free(OWNER), BALANCE - 500 - POLICY_DEPOSIT + 1_000);
		assert_eq!(insurer().exposure, 0);
		// Nothing is left to pay.
		let again = file(id, 300);
		assert_ok!(UsageInsurance::approve_claim(signed(INSURER), again));
		System::assert_last_event(Event::ClaimApproved { claim: again, payout: 0 }.into());
	});
}

#[test]
fn a_payout_is_capped_by_the_pool() {
	ExtBuilder::ready().build_and_execute(|| {
		let first = buy(500);
		let second = buy_product(OTHER_OWNER, OTHER_VEHICLE, 0, 500);
		let claim_id = file(first, 650);
		assert_ok!(UsageInsurance::approve_claim(signed(INSURER), claim_id));
		assert_eq!(pool(), POOL - 600);
		assert_ok!(UsageInsurance::file_claim(signed(OTHER_OWNER), second, 1_050, [9; 32]));
		let other = NextClaimId::<Test>::get() - 1;
		assert_ok!(UsageInsurance::approve_claim(signed(INSURER), other));
		System::assert_last_event(Event::ClaimApproved { claim: other, payout: 400 }.into());
		assert_eq!(pool(), 0);
		assert_eq!(policy(second).cover_left, 600);
		assert_eq!(free(OTHER_OWNER), BALANCE - 500 - POLICY_DEPOSIT + 400);
		assert_eq!(insurer().exposure, 400 + 600);
	});
}

#[test]
fn a_claim_on_an_ended_policy_pays_without_touching_exposure() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = buy(500);
		let other = buy_product(OTHER_OWNER, OTHER_VEHICLE, 0, 500);
		assert_ok!(UsageInsurance::cancel_policy(signed(OWNER), id));
		run_to_block(5);
		let claim_id = file(id, 300);
		assert_ok!(UsageInsurance::approve_claim(signed(INSURER), claim_id));
		assert_eq!(pool(), POOL - 250);
		assert_eq!(insurer().exposure, policy(other).cover_left);
		assert_eq!(policy(id).cover_left, 750);
	});
}

#[test]
fn only_the_policys_insurer_decides_a_filed_claim() {
	ExtBuilder::ready().build_and_execute(|| {
		approve_other_insurer();
		let id = buy(500);
		let claim_id = file(id, 300);
		for who in [OTHER_INSURER, STRANGER, OWNER] {
			assert_noop!(
				UsageInsurance::approve_claim(signed(who), claim_id),
				Error::<Test>::NotProductInsurer
			);
			assert_noop!(
				UsageInsurance::reject_claim(signed(who), claim_id, RejectionReason::Other),
				Error::<Test>::NotProductInsurer
			);
		}
		assert_noop!(
			UsageInsurance::approve_claim(signed(INSURER), 9),
			Error::<Test>::ClaimNotFound
		);
		assert_noop!(
			UsageInsurance::reject_claim(signed(INSURER), 9, RejectionReason::Other),
			Error::<Test>::ClaimNotFound
		);
		assert_ok!(UsageInsurance::reject_claim(signed(INSURER), claim_id, RejectionReason::Other));
		assert_noop!(
			UsageInsurance::approve_claim(signed(INSURER), claim_id),
			Error::<Test>::ClaimNotFiled
		);
		assert_noop!(
			UsageInsurance::reject_claim(signed(INSURER), claim_id, RejectionReason::Other),
			Error::<Test>::ClaimNotFiled
		);
	});
}

#[test]
fn the_insurer_rejects_a_claim_releasing_its_reserve() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = buy(500);
		let claim_id = file(id, 300);
		run_to_block(4);
		let reason = RejectionReason::SuspectedFraud;
		assert_ok!(UsageInsurance::reject_claim(signed(INSURER), claim_id, reason));
		assert_eq!(claim(claim_id).status, ClaimStatus::Rejected { at: 4, reason });
		assert_eq!(insurer().claims_reserved, 0);
		assert_eq!(held(HoldReason::Claim, OWNER), CLAIM_DEPOSIT);
		assert_eq!(pool(), POOL);
		System::assert_last_event(Event::ClaimRejected { claim: claim_id, reason }.into());
	});
}

/// A claim on a new policy, rejected in block `at`.
fn rejected_at(at: u64) -> ClaimId {
	let id = buy(500);
	let claim_id = file(id, 300);
	run_to_block(at);
	assert_ok!(UsageInsurance::reject_claim(
		signed(INSURER),
		claim_id,
		RejectionReason::NotCovered
	));
	claim_id
}

#[test]
fn a_rejection_is_escalated_in_the_last_block_of_the_window() {
	ExtBuilder::ready().build_and_execute(|| {
		let claim_id = rejected_at(5);
		run_to_block(5 + ESCALATION_WINDOW);
		assert_ok!(UsageInsurance::escalate_claim(signed(OWNER), claim_id));
		assert_eq!(claim(claim_id).status, ClaimStatus::Escalated);
		assert_eq!(insurer().claims_reserved, 250);
		System::assert_last_event(Event::ClaimEscalated { claim: claim_id }.into());
	});
}

#[test]
fn a_rejection_is_not_escalated_after_the_window() {
	ExtBuilder::ready().build_and_execute(|| {
		let claim_id = rejected_at(5);
		run_to_block(5 + ESCALATION_WINDOW + 1);
		assert_noop!(
			UsageInsurance::escalate_claim(signed(OWNER), claim_id),
			Error::<Test>::NotEscalatable
		);
	});
}

#[test]
fn an_undecided_claim_is_escalated_after_the_deadline_only() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = buy(500);
		let claim_id = file(id, 300);
		run_to_block(1 + DECISION_DEADLINE);
		assert_noop!(
			UsageInsurance::escalate_claim(signed(OWNER), claim_id),
			Error::<Test>::NotEscalatable
		);
		run_to_block(2 + DECISION_DEADLINE);
		assert_ok!(UsageInsurance::escalate_claim(signed(OWNER), claim_id));
		assert_eq!(claim(claim_id).status, ClaimStatus::Escalated);
		assert_eq!(insurer().claims_reserved, 250);
	});
}

#[test]
fn only_the_holder_escalates_once() {
	ExtBuilder::ready().build_and_execute(|| {
		let claim_id = rejected_at(2);
		for who in [INSURER, STRANGER] {
			assert_noop!(
				UsageInsurance::escalate_claim(signed(who), claim_id),
				Error::<Test>::NotHolder
			);
		}
		assert_noop!(
			UsageInsurance::escalate_claim(signed(OWNER), 9),
			Error::<Test>::ClaimNotFound
		);
		assert_ok!(UsageInsurance::escalate_claim(signed(OWNER), claim_id));
		assert_noop!(
			UsageInsurance::escalate_claim(signed(OWNER), claim_id),
			Error::<Test>::NotEscalatable
		);
	});
}

#[test]
fn governance_approves_an_escalated_claim_for_good() {
	ExtBuilder::ready().build_and_execute(|| {
		let claim_id = rejected_at(2);
		assert_ok!(UsageInsurance::escalate_claim(signed(OWNER), claim_id));
		assert_ok!(UsageInsurance::decide_claim(RuntimeOrigin::root(), claim_id, true));
		System::assert_last_event(
			Event::ClaimDecided { claim: claim_id, approved: true, payout: 250 }.into(),
		);
		assert_eq!(free(OWNER), BALANCE - 500 - POLICY_DEPOSIT + 250);
		assert_eq!(pool(), POOL - 250);
		assert_eq!((insurer().exposure, insurer().claims_reserved), (750, 0));
		assert!(Claims::<Test>::get(claim_id).is_none());
	});
}

#[test]
fn governance_rejects_an_escalated_claim_for_good() {
	ExtBuilder::ready().build_and_execute(|| {
		let claim_id = rejected_at(2);
		assert_ok!(UsageInsurance::escalate_claim(signed(OWNER), claim_id));
		assert_ok!(UsageInsurance::decide_claim(RuntimeOrigin::root(), claim_id, false));
		System::assert_last_event(
			Event::ClaimDecided { claim: claim_id, approved: false, payout: 0 }.into(),
		);
		assert_eq!(free(OWNER), BALANCE - 500 - POLICY_DEPOSIT);
		assert_eq!(held(HoldReason::Claim, OWNER), 0);
		assert_eq!(pool(), POOL);
		assert_eq!(insurer().claims_reserved, 0);
		assert_eq!(policy(0).open_claims, 0);
		assert!(Claims::<Test>::get(claim_id).is_none());
	});
}

#[test]
fn only_governance_decides_escalated_claims() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = buy(500);
		let claim_id = file(id, 300);
		assert_noop!(
			UsageInsurance::decide_claim(signed(INSURER), claim_id, true),
			DispatchError::BadOrigin
		);
		assert_noop!(
			UsageInsurance::decide_claim(RuntimeOrigin::root(), claim_id, true),
			Error::<Test>::NotEscalated
		);
		assert_noop!(
			UsageInsurance::decide_claim(RuntimeOrigin::root(), 9, true),
			Error::<Test>::ClaimNotFound
		);
	});
}

#[test]
fn a_rejected_claim_is_closed_after_its_escalation_window() {
	ExtBuilder::ready().build_and_execute(|| {
		let claim_id = rejected_at(2);
		run_to_block(2 + ESCALATION_WINDOW);
		assert_noop!(
			UsageInsurance::close_claim(signed(STRANGER), claim_id),
			Error::<Test>::EscalationWindowOpen
		);
		run_to_block(3 + ESCALATION_WINDOW);
		assert_ok!(UsageInsurance::close_claim(signed(STRANGER), claim_id));
		assert_eq!(held(HoldReason::Claim, OWNER), 0);
		assert_eq!(free(OWNER), BALANCE - 500 - POLICY_DEPOSIT);
		assert_eq!(policy(0).open_claims, 0);
		assert!(Claims::<Test>::get(claim_id).is_none());
		System::assert_last_event(Event::ClaimClosed { claim: claim_id }.into());
		assert_noop!(
			UsageInsurance::close_claim(signed(STRANGER), claim_id),
			Error::<Test>::ClaimNotFound
		);
	});
}

#[test]
fn an_undecided_claim_is_not_closed() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = buy(500);
		let claim_id = file(id, 300);
		run_to_block(100);
		assert_noop!(
			UsageInsurance::close_claim(signed(STRANGER), claim_id),
			Error::<Test>::EscalationWindowOpen
		);
	});
}

#[test]
fn an_ended_policy_is_closed_after_its_claim_window() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = buy(500);
		assert_noop!(
			UsageInsurance::close_policy(signed(STRANGER), id),
			Error::<Test>::PolicyStillOpen
		);
		run_to_block(2);
		assert_ok!(UsageInsurance::cancel_policy(signed(OWNER), id));
		run_to_block(1 + CLAIM_WINDOW);
		assert_noop!(
			UsageInsurance::close_policy(signed(STRANGER), id),
			Error::<Test>::PolicyStillOpen
		);
		run_to_block(2 + CLAIM_WINDOW);
		assert_ok!(UsageInsurance::close_policy(signed(STRANGER), id));
		assert_eq!(held(HoldReason::Policy, OWNER), 0);
		assert!(Policies::<Test>::get(id).is_none());
		System::assert_last_event(Event::PolicyClosed { policy: id }.into());
		assert_noop!(
			UsageInsurance::close_policy(signed(STRANGER), id),
			Error::<Test>::PolicyNotFound
		);
	});
}

#[test]
fn an_open_claim_keeps_its_policy() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = buy(500);
		let claim_id = file(id, 300);
		assert_ok!(UsageInsurance::cancel_policy(signed(OWNER), id));
		run_to_block(1 + CLAIM_WINDOW);
		assert_noop!(
			UsageInsurance::close_policy(signed(STRANGER), id),
			Error::<Test>::PolicyStillOpen
		);
		assert_ok!(UsageInsurance::approve_claim(signed(INSURER), claim_id));
		assert_ok!(UsageInsurance::close_policy(signed(STRANGER), id));
	});
}

#[test]
fn claims_may_leave_the_pool_below_the_requirement_blocking_sales_and_withdrawals() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = buy(500);
		// 500 for the cover and 550 reserved: more than the pool of 1 000.
		file(id, 600);
		assert_eq!(UsageInsurance::pool(INSURER).unwrap().required, 1_050);
		assert_noop!(
			UsageInsurance::buy_policy(signed(OTHER_OWNER), OTHER_VEHICLE, 0, 500),
			Error::<Test>::InsufficientPool
		);
		assert_noop!(
			UsageInsurance::withdraw_pool(signed(INSURER), 1),
			Error::<Test>::PoolBelowRequirement
		);
		assert_ok!(UsageInsurance::fund_pool(signed(INSURER), 1_050));
		buy_product(OTHER_OWNER, OTHER_VEHICLE, 0, 500);
	});
}
