//! Buying, topping up and cancelling policies.

use polkadot_sdk::frame_support::{assert_noop, assert_ok};
use v2x_primitives::{testing::MockVehicles, VehicleStatus};

use super::*;
use crate::{
	ActivePolicy, DueAt, EndReason, Error, Event, PolicyStatus, ProductTerms, Products, Usage,
};

#[test]
fn the_owner_buys_a_policy_prepaying_into_a_hold() {
	ExtBuilder::ready().build_and_execute(|| {
		read(VEHICLE, 1_000);
		let id = buy(500);
		let bought = policy(id);
		assert_eq!((bought.holder, bought.vehicle, bought.product), (OWNER, VEHICLE, 0));
		assert_eq!(bought.insurer, INSURER);
		assert_eq!(bought.status, PolicyStatus::Active);
		assert_eq!((bought.started_at, bought.period_start, bought.period_end), (1, 1, 10));
		assert_eq!(bought.scheduled_at, 11);
		assert_eq!((bought.prepaid, bought.cover_left), (500, 1_000));
		assert_eq!(bought.usage, Usage::default());
		assert_eq!(bought.last_km, Some(1_000));
		assert_eq!((bought.shortfall, bought.open_claims, bought.deposit), (0, 0, POLICY_DEPOSIT));
		assert_eq!(held(HoldReason::Prepayment, OWNER), 500);
		assert_eq!(held(HoldReason::Policy, OWNER), POLICY_DEPOSIT);
		assert_eq!(free(OWNER), BALANCE - 500 - POLICY_DEPOSIT);
		assert_eq!(insurer().exposure, 1_000);
		assert_eq!(Products::<Test>::get(0).unwrap().open_policies, 1);
		assert_eq!(ActivePolicy::<Test>::get(VEHICLE), Some(id));
		assert!(DueAt::<Test>::contains_key(11, id));
		System::assert_last_event(
			Event::PolicyBought {
				policy: id,
				vehicle: VEHICLE,
				product: 0,
				holder: OWNER,
				prepaid: 500,
				period_end: 10,
			}
			.into(),
		);
	});
}

#[test]
fn an_operator_buys_a_policy_and_holds_it() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = buy_product(OPERATOR, VEHICLE, 0, 300);
		assert_eq!(policy(id).holder, OPERATOR);
		assert_eq!(held(HoldReason::Prepayment, OPERATOR), 300);
		assert_eq!(held(HoldReason::Prepayment, OWNER), 0);
	});
}

#[test]
fn only_the_owner_or_a_current_operator_buys() {
	ExtBuilder::ready().build_and_execute(|| {
		for who in [STRANGER, DEVICE, INSURER, OTHER_OWNER] {
			assert_noop!(
				UsageInsurance::buy_policy(signed(who), VEHICLE, 0, 500),
				Error::<Test>::NotOperator
			);
		}
		run_to_block(OPERATOR_UNTIL + 1);
		assert_noop!(
			UsageInsurance::buy_policy(signed(OPERATOR), VEHICLE, 0, 500),
			Error::<Test>::NotOperator
		);
	});
}

#[test]
fn only_active_vehicles_are_insured() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			UsageInsurance::buy_policy(signed(OWNER), UNKNOWN_VEHICLE, 0, 500),
			Error::<Test>::VehicleNotActive
		);
		for status in [VehicleStatus::Stolen, VehicleStatus::Scrapped] {
			MockVehicles::update(VEHICLE, |v| v.status = status);
			assert_noop!(
				UsageInsurance::buy_policy(signed(OWNER), VEHICLE, 0, 500),
				Error::<Test>::VehicleNotActive
			);
		}
	});
}

#[test]
fn buying_needs_a_product_on_sale() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			UsageInsurance::buy_policy(signed(OWNER), VEHICLE, 7, 500),
			Error::<Test>::ProductNotFound
		);
		assert_ok!(UsageInsurance::retire_product(signed(INSURER), 0));
		assert_noop!(
			UsageInsurance::buy_policy(signed(OWNER), VEHICLE, 0, 500),
			Error::<Test>::ProductRetired
		);
	});
}

#[test]
fn a_vehicle_has_one_active_policy() {
	ExtBuilder::ready().build_and_execute(|| {
		buy(500);
		assert_noop!(
			UsageInsurance::buy_policy(signed(OPERATOR), VEHICLE, 0, 500),
			Error::<Test>::AlreadyInsured
		);
	});
}

#[test]
fn the_prepayment_covers_one_base_premium_at_least() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			UsageInsurance::buy_policy(signed(OWNER), VEHICLE, 0, 99),
			Error::<Test>::PrepaymentTooLow
		);
		buy(100);
	});
}

#[test]
fn a_buyer_who_cannot_afford_the_holds_fails() {
	ExtBuilder::ready().build_and_execute(|| {
		MockVehicles::update(VEHICLE, |v| v.operators.push((PAUPER, OPERATOR_UNTIL)));
		assert_noop!(
			UsageInsurance::buy_policy(signed(PAUPER), VEHICLE, 0, 100),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(
			UsageInsurance::buy_policy(signed(OWNER), VEHICLE, 0, BALANCE),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn solvency_refuses_a_sale_beyond_the_pool() {
	ExtBuilder::ready().build_and_execute(|| {
		MockVehicles::add(2, OWNER, MANUFACTURER);
		buy(500);
		// 50 % of 2 000 open cover is exactly the pool: sold.
		buy_product(OTHER_OWNER, OTHER_VEHICLE, 0, 500);
		assert_eq!(insurer().exposure, 2 * TERMS.max_cover);
		assert_noop!(
			UsageInsurance::buy_policy(signed(OWNER), 2, 0, 500),
			Error::<Test>::InsufficientPool
		);
		assert_ok!(UsageInsurance::fund_pool(signed(INSURER), 500));
		buy_product(OWNER, 2, 0, 500);
	});
}

#[test]
fn the_holder_tops_up_a_policy() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = buy(500);
		assert_ok!(UsageInsurance::top_up(signed(OWNER), id, 200));
		assert_eq!(policy(id).prepaid, 700);
		assert_eq!(held(HoldReason::Prepayment, OWNER), 700);
		assert_eq!(free(OWNER), BALANCE - 700 - POLICY_DEPOSIT);
		System::assert_last_event(
			Event::PolicyToppedUp { policy: id, amount: 200, prepaid: 700 }.into(),
		);
	});
}

#[test]
fn topping_up_needs_the_holder_an_amount_the_funds_and_an_active_policy() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = buy(500);
		for who in [STRANGER, OPERATOR, INSURER] {
			assert_noop!(UsageInsurance::top_up(signed(who), id, 10), Error::<Test>::NotHolder);
		}
		assert_noop!(UsageInsurance::top_up(signed(OWNER), 9, 10), Error::<Test>::PolicyNotFound);
		assert_noop!(UsageInsurance::top_up(signed(OWNER), id, 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			UsageInsurance::top_up(signed(OWNER), id, BALANCE),
			Error::<Test>::InsufficientBalance
		);
		assert_ok!(UsageInsurance::cancel_policy(signed(OWNER), id));
		assert_noop!(UsageInsurance::top_up(signed(OWNER), id, 10), Error::<Test>::PolicyNotActive);
	});
}

#[test]
fn cancelling_charges_the_running_period_pro_rata_and_refunds_the_rest() {
	ExtBuilder::ready().build_and_execute(|| {
		read(VEHICLE, 1_000);
		let id = buy(500);
		run_to_block(3);
		report(1_030, events(1, 0, 0));
		run_to_block(4);
		assert_ok!(UsageInsurance::cancel_policy(signed(OWNER), id));
		// 4 of 10 blocks begun: 40, plus 30 km x 2 and a harsh braking 5.
		let charged = 40 + 60 + 5;
		assert_eq!(free(INSURER), BALANCE - POOL - PRODUCT_DEPOSIT + charged);
		assert_eq!(free(OWNER), BALANCE - POLICY_DEPOSIT - charged);
		assert_eq!(held(HoldReason::Prepayment, OWNER), 0);
		assert_eq!(held(HoldReason::Policy, OWNER), POLICY_DEPOSIT);
		let ended = policy(id);
		assert_eq!(ended.status, PolicyStatus::Ended { at: 4, reason: EndReason::Cancelled });
		assert_eq!(ended.prepaid, 0);
		assert_eq!(insurer().exposure, 0);
		assert_eq!(Products::<Test>::get(0).unwrap().open_policies, 0);
		assert_eq!(ActivePolicy::<Test>::get(VEHICLE), None);
		assert!(!DueAt::<Test>::contains_key(11, id));
		System::assert_last_event(
			Event::PolicyEnded {
				policy: id,
				reason: EndReason::Cancelled,
				charged,
				refunded: 500 - charged,
			}
			.into(),
		);
	});
}

#[test]
fn the_pro_rata_base_rounds_down_in_the_holders_favour() {
	ExtBuilder::ready().build_and_execute(|| {
		let weekly = ProductTerms { period_length: 7, ..TERMS };
		assert_ok!(UsageInsurance::create_product(signed(INSURER), weekly));
		let id = buy_product(OWNER, VEHICLE, 1, 500);
		run_to_block(3);
		assert_ok!(UsageInsurance::cancel_policy(signed(OWNER), id));
		// 100 x 3 / 7 = 42.86: 42.
		System::assert_last_event(
			Event::PolicyEnded {
				policy: id,
				reason: EndReason::Cancelled,
				charged: 42,
				refunded: 458,
			}
			.into(),
		);
	});
}

#[test]
fn cancelling_in_the_first_and_last_block_of_a_period() {
	ExtBuilder::ready().build_and_execute(|| {
		let first = buy(500);
		assert_ok!(UsageInsurance::cancel_policy(signed(OWNER), first));
		System::assert_last_event(
			Event::PolicyEnded {
				policy: first,
				reason: EndReason::Cancelled,
				charged: 10,
				refunded: 490,
			}
			.into(),
		);
		let last = buy(500);
		run_to_block(10);
		assert_ok!(UsageInsurance::cancel_policy(signed(OWNER), last));
		System::assert_last_event(
			Event::PolicyEnded {
				policy: last,
				reason: EndReason::Cancelled,
				charged: 100,
				refunded: 400,
			}
			.into(),
		);
	});
}

#[test]
fn the_prepayment_pays_what_it_can_when_cancelling() {
	ExtBuilder::ready().build_and_execute(|| {
		read(VEHICLE, 0);
		let id = buy(100);
		report(100, RiskEvents::default());
		run_to_block(5);
		assert_ok!(UsageInsurance::cancel_policy(signed(OWNER), id));
		// 50 + 200 owed, 100 prepaid.
		System::assert_last_event(
			Event::PolicyEnded {
				policy: id,
				reason: EndReason::Cancelled,
				charged: 100,
				refunded: 0,
			}
			.into(),
		);
		assert_eq!(free(INSURER), BALANCE - POOL - PRODUCT_DEPOSIT + 100);
	});
}

#[test]
fn cancelling_needs_the_holder_and_a_running_period() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = buy(500);
		for who in [STRANGER, OPERATOR, INSURER] {
			assert_noop!(UsageInsurance::cancel_policy(signed(who), id), Error::<Test>::NotHolder);
		}
		assert_noop!(
			UsageInsurance::cancel_policy(signed(OWNER), 9),
			Error::<Test>::PolicyNotFound
		);
		run_to_block(11);
		assert_noop!(UsageInsurance::cancel_policy(signed(OWNER), id), Error::<Test>::PeriodEnded);
		assert_ok!(UsageInsurance::settle(signed(OWNER), id));
		assert_ok!(UsageInsurance::cancel_policy(signed(OWNER), id));
		assert_noop!(
			UsageInsurance::cancel_policy(signed(OWNER), id),
			Error::<Test>::PolicyNotActive
		);
	});
}
