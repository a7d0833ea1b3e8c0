//! Settling periods by hand and in `on_idle`, lapses, renewals.

use polkadot_sdk::frame_support::{assert_noop, assert_ok};
use v2x_primitives::testing::MockVehicles;

use super::*;
use crate::{
	weights::WeightInfo, DueAt, EndReason, Error, Event, PolicyStatus, Products, SettlementCursor,
	Usage,
};

#[test]
fn settling_pays_the_premium_and_starts_the_next_period() {
	ExtBuilder::ready().build_and_execute(|| {
		read(VEHICLE, 1_000);
		let id = buy(500);
		report(1_100, events(2, 1, 10));
		run_to_block(11);
		assert_ok!(UsageInsurance::settle(signed(STRANGER), id));
		// 100 + 100 km x 2 + 2 x 5 + 1 x 7 + 10 x 1.
		let premium = 327;
		assert_eq!(free(INSURER), BALANCE - POOL - PRODUCT_DEPOSIT + premium);
		assert_eq!(held(HoldReason::Prepayment, OWNER), 500 - premium);
		assert_eq!(free(OWNER), BALANCE - 500 - POLICY_DEPOSIT);
		let renewed = policy(id);
		assert_eq!(renewed.status, PolicyStatus::Active);
		assert_eq!((renewed.period_start, renewed.period_end, renewed.scheduled_at), (11, 20, 21));
		assert_eq!(renewed.prepaid, 500 - premium);
		assert_eq!(renewed.usage, Usage::default());
		assert_eq!(renewed.last_km, Some(1_100));
		assert!(DueAt::<Test>::contains_key(21, id));
		assert!(!DueAt::<Test>::contains_key(11, id));
		assert_eq!(insurer().exposure, 1_000);
		System::assert_last_event(
			Event::PeriodSettled { policy: id, premium, paid: premium, next_period_end: Some(20) }
				.into(),
		);
	});
}

#[test]
fn settling_needs_an_active_policy_whose_period_ended() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = buy(500);
		run_to_block(10);
		assert_noop!(UsageInsurance::settle(signed(STRANGER), id), Error::<Test>::PeriodNotEnded);
		assert_noop!(UsageInsurance::settle(signed(STRANGER), 9), Error::<Test>::PolicyNotFound);
		assert_ok!(UsageInsurance::cancel_policy(signed(OWNER), id));
		run_to_block(11);
		assert_noop!(UsageInsurance::settle(signed(STRANGER), id), Error::<Test>::PolicyNotActive);
	});
}

#[test]
fn an_underfunded_policy_lapses() {
	ExtBuilder::ready().build_and_execute(|| {
		read(VEHICLE, 1_000);
		let id = buy(100);
		report(1_010, RiskEvents::default());
		run_to_block(11);
		assert_ok!(UsageInsurance::settle(signed(STRANGER), id));
		let lapsed = policy(id);
		assert_eq!(lapsed.status, PolicyStatus::Ended { at: 11, reason: EndReason::Lapsed });
		assert_eq!((lapsed.prepaid, lapsed.shortfall), (0, 20));
		assert_eq!(free(INSURER), BALANCE - POOL - PRODUCT_DEPOSIT + 100);
		assert_eq!(held(HoldReason::Prepayment, OWNER), 0);
		assert_eq!(held(HoldReason::Policy, OWNER), POLICY_DEPOSIT);
		assert_eq!(free(OWNER), BALANCE - 100 - POLICY_DEPOSIT);
		assert_eq!(insurer().exposure, 0);
		assert_eq!(Products::<Test>::get(0).unwrap().open_policies, 0);
		assert_eq!(UsageInsurance::active_policy(VEHICLE), None);
		assert_eq!(DueAt::<Test>::iter().count(), 0);
		System::assert_last_event(
			Event::PolicyLapsed { policy: id, premium: 120, paid: 100, shortfall: 20 }.into(),
		);
	});
}

#[test]
fn a_policy_overdue_by_several_periods_settles_one_period_per_call() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = buy(500);
		run_to_block(25);
		assert_ok!(UsageInsurance::settle(signed(STRANGER), id));
		assert_eq!((policy(id).period_end, policy(id).scheduled_at), (20, 21));
		assert_ok!(UsageInsurance::settle(signed(STRANGER), id));
		assert_eq!((policy(id).period_end, policy(id).scheduled_at), (30, 31));
		assert_noop!(UsageInsurance::settle(signed(STRANGER), id), Error::<Test>::PeriodNotEnded);
		assert_eq!(policy(id).prepaid, 300);
	});
}

#[test]
fn a_retired_product_keeps_its_policies_on_their_terms() {
	ExtBuilder::ready().build_and_execute(|| {
		read(VEHICLE, 1_000);
		let id = buy(500);
		assert_ok!(UsageInsurance::retire_product(signed(INSURER), 0));
		assert_eq!(held(HoldReason::Product, INSURER), PRODUCT_DEPOSIT);
		report(1_010, RiskEvents::default());
		run_to_block(11);
		assert_ok!(UsageInsurance::settle(signed(STRANGER), id));
		System::assert_last_event(
			Event::PeriodSettled { policy: id, premium: 120, paid: 120, next_period_end: Some(20) }
				.into(),
		);
		assert_noop!(
			UsageInsurance::buy_policy(signed(OTHER_OWNER), OTHER_VEHICLE, 0, 500),
			Error::<Test>::ProductRetired
		);
		// The last policy ends: the retired product's deposit is released.
		assert_ok!(UsageInsurance::cancel_policy(signed(OWNER), id));
		assert_eq!(held(HoldReason::Product, INSURER), 0);
		assert_eq!(Products::<Test>::get(0).unwrap().deposit, 0);
	});
}

#[test]
fn an_operators_policy_ends_with_holder_left_after_the_right_ended() {
	ExtBuilder::ready().build_and_execute(|| {
		MockVehicles::update(VEHICLE, |v| v.operators = vec![(OPERATOR, 15)]);
		let id = buy_product(OPERATOR, VEHICLE, 0, 500);
		run_to_block(11);
		// The right lasts into the next period: renewed.
		assert_ok!(UsageInsurance::settle(signed(STRANGER), id));
		assert_eq!(policy(id).status, PolicyStatus::Active);
		run_to_block(21);
		assert_ok!(UsageInsurance::settle(signed(STRANGER), id));
		System::assert_has_event(
			Event::PeriodSettled { policy: id, premium: 100, paid: 100, next_period_end: None }
				.into(),
		);
		System::assert_last_event(
			Event::PolicyEnded {
				policy: id,
				reason: EndReason::HolderLeft,
				charged: 0,
				refunded: 300,
			}
			.into(),
		);
		assert_eq!(
			policy(id).status,
			PolicyStatus::Ended { at: 21, reason: EndReason::HolderLeft }
		);
		assert_eq!(held(HoldReason::Prepayment, OPERATOR), 0);
		assert_eq!(free(OPERATOR), BALANCE - POLICY_DEPOSIT - 200);
		assert_eq!(free(INSURER), BALANCE - POOL - PRODUCT_DEPOSIT + 200);
		assert_eq!(insurer().exposure, 0);
		// The owner may insure the vehicle again.
		buy(500);
	});
}

#[test]
fn on_idle_settles_due_policies() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = buy(500);
		run_idle_to(10);
		assert_eq!(policy(id).period_end, 10);
		assert_eq!(SettlementCursor::<Test>::get(), 11);
		run_idle_to(11);
		assert_eq!(policy(id).period_end, 20);
		assert_eq!(policy(id).prepaid, 400);
		assert_eq!(SettlementCursor::<Test>::get(), 12);
		System::assert_has_event(
			Event::PeriodSettled { policy: id, premium: 100, paid: 100, next_period_end: Some(20) }
				.into(),
		);
	});
}

/// Four policies due in block 11, the cursor at 11.
fn four_due_policies() -> Vec<PolicyId> {
	assert_ok!(UsageInsurance::fund_pool(signed(INSURER), 1_000));
	MockVehicles::add(2, OWNER, MANUFACTURER);
	MockVehicles::add(3, OWNER, MANUFACTURER);
	let ids = vec![
		buy(500),
		buy_product(OTHER_OWNER, OTHER_VEHICLE, 0, 500),
		buy_product(OWNER, 2, 0, 500),
		buy_product(OWNER, 3, 0, 500),
	];
	run_idle_to(10);
	run_to_block(11);
	ids
}

fn settled() -> usize {
	count_events(|event| matches!(event, Event::PeriodSettled { .. }))
}

#[test]
fn on_idle_is_bounded_by_max_settlements_per_block() {
	ExtBuilder::ready().build_and_execute(|| {
		four_due_policies();
		let used = UsageInsurance::on_idle(11, Weight::MAX);
		assert_eq!(settled(), MAX_SETTLEMENTS as usize);
		assert_eq!(used, <() as WeightInfo>::on_idle_settle() * 3);
		assert_eq!(SettlementCursor::<Test>::get(), 11);
		assert_eq!(DueAt::<Test>::iter_prefix(11).count(), 1);
		run_idle_to(12);
		assert_eq!(settled(), 4);
		assert_eq!(SettlementCursor::<Test>::get(), 13);
	});
}

#[test]
fn on_idle_is_bounded_by_the_weight_given() {
	ExtBuilder::ready().build_and_execute(|| {
		four_due_policies();
		let step = <() as WeightInfo>::on_idle_settle();
		let used = UsageInsurance::on_idle(11, step * 2 + step / 2);
		assert_eq!(used, step * 2);
		assert_eq!(settled(), 2);
		assert_eq!(UsageInsurance::on_idle(11, Weight::zero()), Weight::zero());
		assert_eq!(settled(), 2);
		assert_eq!(SettlementCursor::<Test>::get(), 11);
	});
}

#[test]
fn on_idle_catches_up_with_an_empty_schedule_step_by_step() {
	ExtBuilder::ready().build_and_execute(|| {
		run_to_block(10);
		let used = UsageInsurance::on_idle(10, Weight::MAX);
		assert_eq!(SettlementCursor::<Test>::get(), MAX_SETTLEMENTS as u64);
		assert_eq!(used, <() as WeightInfo>::on_idle_empty_step() * MAX_SETTLEMENTS as u64);
	});
}
