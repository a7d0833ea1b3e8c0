//! Insurers, their products and pools.

use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_runtime::DispatchError,
};

use super::*;
use crate::{Error, Event, ProductTerms, Products};

#[test]
fn governance_approves_an_insurer() {
	ExtBuilder::ready().build_and_execute(|| {
		approve_other_insurer();
		let entry = Insurers::<Test>::get(OTHER_INSURER).unwrap();
		assert_eq!(entry.name, name(b"Other"));
		assert!(!entry.suspended);
		assert_eq!((entry.exposure, entry.claims_reserved, entry.products), (0, 0, 0));
		System::assert_last_event(
			Event::InsurerApproved { insurer: OTHER_INSURER, name: name(b"Other") }.into(),
		);
	});
}

#[test]
fn only_governance_approves_suspends_and_reinstates_insurers() {
	ExtBuilder::ready().build_and_execute(|| {
		let origin = signed(INSURER);
		assert_noop!(
			UsageInsurance::approve_insurer(origin.clone(), STRANGER, name(b"Me")),
			DispatchError::BadOrigin
		);
		assert_noop!(
			UsageInsurance::suspend_insurer(origin.clone(), INSURER),
			DispatchError::BadOrigin
		);
		assert_noop!(UsageInsurance::reinstate_insurer(origin, INSURER), DispatchError::BadOrigin);
	});
}

#[test]
fn an_insurer_is_approved_once() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			UsageInsurance::approve_insurer(RuntimeOrigin::root(), INSURER, name(b"Again")),
			Error::<Test>::AlreadyInsurer
		);
	});
}

#[test]
fn an_insurer_needs_a_name() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			UsageInsurance::approve_insurer(RuntimeOrigin::root(), OTHER_INSURER, name(b"")),
			Error::<Test>::EmptyName
		);
	});
}

#[test]
fn governance_suspends_and_reinstates_an_insurer() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(UsageInsurance::suspend_insurer(RuntimeOrigin::root(), INSURER));
		assert!(insurer().suspended);
		System::assert_last_event(Event::InsurerSuspended { insurer: INSURER }.into());
		assert_noop!(
			UsageInsurance::suspend_insurer(RuntimeOrigin::root(), INSURER),
			Error::<Test>::InsurerSuspended
		);
		assert_ok!(UsageInsurance::reinstate_insurer(RuntimeOrigin::root(), INSURER));
		assert!(!insurer().suspended);
		System::assert_last_event(Event::InsurerReinstated { insurer: INSURER }.into());
		assert_noop!(
			UsageInsurance::reinstate_insurer(RuntimeOrigin::root(), INSURER),
			Error::<Test>::NotSuspended
		);
	});
}

#[test]
fn suspending_a_stranger_fails() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			UsageInsurance::suspend_insurer(RuntimeOrigin::root(), STRANGER),
			Error::<Test>::NotInsurer
		);
		assert_noop!(
			UsageInsurance::reinstate_insurer(RuntimeOrigin::root(), STRANGER),
			Error::<Test>::NotInsurer
		);
	});
}

#[test]
fn a_suspended_insurer_sells_nothing_new_but_its_policies_go_on() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = buy(500);
		assert_ok!(UsageInsurance::suspend_insurer(RuntimeOrigin::root(), INSURER));
		assert_noop!(
			UsageInsurance::create_product(signed(INSURER), TERMS),
			Error::<Test>::InsurerSuspended
		);
		assert_noop!(
			UsageInsurance::buy_policy(signed(OTHER_OWNER), OTHER_VEHICLE, 0, 500),
			Error::<Test>::InsurerSuspended
		);
		run_to_block(11);
		assert_ok!(UsageInsurance::settle(signed(STRANGER), id));
		assert_eq!(policy(id).period_end, 20);
		assert_ok!(UsageInsurance::fund_pool(signed(INSURER), 10));
	});
}

#[test]
fn an_insurer_publishes_a_product_holding_its_deposit() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_eq!(held(HoldReason::Product, INSURER), PRODUCT_DEPOSIT);
		let terms = ProductTerms { base_premium: 70, ..TERMS };
		assert_ok!(UsageInsurance::create_product(signed(INSURER), terms));
		let product = Products::<Test>::get(1).unwrap();
		assert_eq!(product.insurer, INSURER);
		assert_eq!(product.terms, terms);
		assert!(!product.retired);
		assert_eq!((product.open_policies, product.deposit), (0, PRODUCT_DEPOSIT));
		assert_eq!(insurer().products, 2);
		assert_eq!(held(HoldReason::Product, INSURER), 2 * PRODUCT_DEPOSIT);
		assert_eq!(free(INSURER), BALANCE - POOL - 2 * PRODUCT_DEPOSIT);
		System::assert_last_event(Event::ProductCreated { product: 1, insurer: INSURER }.into());
	});
}

#[test]
fn only_insurers_publish_products() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			UsageInsurance::create_product(signed(STRANGER), TERMS),
			Error::<Test>::NotInsurer
		);
	});
}

#[test]
fn a_product_period_must_be_within_bounds() {
	ExtBuilder::ready().build_and_execute(|| {
		for period_length in [MIN_PERIOD - 1, MAX_PERIOD + 1] {
			assert_noop!(
				UsageInsurance::create_product(
					signed(INSURER),
					ProductTerms { period_length, ..TERMS }
				),
				Error::<Test>::InvalidPeriod
			);
		}
		let shortest = ProductTerms { period_length: MIN_PERIOD, ..TERMS };
		assert_ok!(UsageInsurance::create_product(signed(INSURER), shortest));
		assert_ok!(UsageInsurance::retire_product(signed(INSURER), 1));
		let longest = ProductTerms { period_length: MAX_PERIOD, ..TERMS };
		assert_ok!(UsageInsurance::create_product(signed(INSURER), longest));
	});
}

#[test]
fn a_product_needs_cover() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			UsageInsurance::create_product(signed(INSURER), ProductTerms { max_cover: 0, ..TERMS }),
			Error::<Test>::InvalidCover
		);
	});
}

#[test]
fn an_insurer_has_at_most_max_products_until_it_retires_one() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(UsageInsurance::create_product(signed(INSURER), TERMS));
		assert_noop!(
			UsageInsurance::create_product(signed(INSURER), TERMS),
			Error::<Test>::TooManyProducts
		);
		assert_ok!(UsageInsurance::retire_product(signed(INSURER), 1));
		assert_ok!(UsageInsurance::create_product(signed(INSURER), TERMS));
		assert_eq!(insurer().products, MAX_PRODUCTS);
	});
}

#[test]
fn a_product_deposit_the_insurer_cannot_afford_fails() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(UsageInsurance::approve_insurer(RuntimeOrigin::root(), PAUPER, name(b"Poor")));
		assert_noop!(
			UsageInsurance::create_product(signed(PAUPER), TERMS),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn retiring_a_product_without_policies_releases_its_deposit() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(UsageInsurance::retire_product(signed(INSURER), 0));
		let product = Products::<Test>::get(0).unwrap();
		assert!(product.retired);
		assert_eq!(product.deposit, 0);
		assert_eq!(held(HoldReason::Product, INSURER), 0);
		assert_eq!(free(INSURER), BALANCE - POOL);
		assert_eq!(insurer().products, 0);
		System::assert_last_event(Event::ProductRetired { product: 0 }.into());
	});
}

#[test]
fn only_the_products_insurer_retires_it_once() {
	ExtBuilder::ready().build_and_execute(|| {
		approve_other_insurer();
		for who in [OTHER_INSURER, STRANGER, OWNER] {
			assert_noop!(
				UsageInsurance::retire_product(signed(who), 0),
				Error::<Test>::NotProductInsurer
			);
		}
		assert_noop!(
			UsageInsurance::retire_product(signed(INSURER), 7),
			Error::<Test>::ProductNotFound
		);
		assert_ok!(UsageInsurance::retire_product(signed(INSURER), 0));
		assert_noop!(
			UsageInsurance::retire_product(signed(INSURER), 0),
			Error::<Test>::ProductRetired
		);
	});
}

#[test]
fn an_insurer_funds_its_pool() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(UsageInsurance::fund_pool(signed(INSURER), 500));
		assert_eq!(pool(), POOL + 500);
		assert_eq!(free(INSURER), BALANCE - POOL - 500 - PRODUCT_DEPOSIT);
		System::assert_last_event(
			Event::PoolFunded { insurer: INSURER, amount: 500, held: POOL + 500 }.into(),
		);
	});
}

#[test]
fn funding_a_pool_needs_an_insurer_an_amount_and_the_funds() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(UsageInsurance::fund_pool(signed(STRANGER), 5), Error::<Test>::NotInsurer);
		assert_noop!(UsageInsurance::fund_pool(signed(INSURER), 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			UsageInsurance::fund_pool(signed(INSURER), BALANCE),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn withdrawing_is_refused_below_the_requirement_and_allowed_exactly_at_it() {
	ExtBuilder::ready().build_and_execute(|| {
		buy(500);
		// 50 % of 1 000 open cover.
		assert_noop!(
			UsageInsurance::withdraw_pool(signed(INSURER), 501),
			Error::<Test>::PoolBelowRequirement
		);
		assert_ok!(UsageInsurance::withdraw_pool(signed(INSURER), 500));
		assert_eq!(pool(), 500);
		assert_eq!(free(INSURER), BALANCE - 500 - PRODUCT_DEPOSIT);
		System::assert_last_event(
			Event::PoolWithdrawn { insurer: INSURER, amount: 500, held: 500 }.into(),
		);
	});
}

#[test]
fn withdrawing_needs_an_insurer_an_amount_and_a_pool() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(UsageInsurance::withdraw_pool(signed(STRANGER), 5), Error::<Test>::NotInsurer);
		assert_noop!(UsageInsurance::withdraw_pool(signed(INSURER), 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			UsageInsurance::withdraw_pool(signed(INSURER), POOL + 1),
			Error::<Test>::PoolBelowRequirement
		);
		assert_ok!(UsageInsurance::withdraw_pool(signed(INSURER), POOL));
		assert_eq!(pool(), 0);
	});
}

#[test]
fn undecided_claims_raise_the_requirement() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = buy(500);
		file(id, 300);
		// 500 for the cover, 250 reserved for the claim.
		assert_noop!(
			UsageInsurance::withdraw_pool(signed(INSURER), 251),
			Error::<Test>::PoolBelowRequirement
		);
		assert_ok!(UsageInsurance::withdraw_pool(signed(INSURER), 250));
	});
}
