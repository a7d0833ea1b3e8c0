//! A policy whose holder may no longer operate the vehicle (an operator whose right was
//! revoked or ran out): anyone ends it, a purchase by the owner ends it, and the vehicle's
//! device no longer reports into it.

use polkadot_sdk::frame_support::{assert_noop, assert_ok, dispatch::PostDispatchInfo};
use v2x_primitives::testing::MockVehicles;

use super::*;
use crate::{weights::WeightInfo, ActivePolicy, EndReason, Error, Event, PolicyStatus, Usage};

/// `OPERATOR` buys product 0 for `VEHICLE` with the odometer at 1 000, and the device
/// reports 50 km and one harsh braking: 105 of usage to bill.
fn operators_policy_with_usage() -> PolicyId {
	read(VEHICLE, 1_000);
	let id = buy_product(OPERATOR, VEHICLE, 0, 500);
	report(1_050, events(1, 0, 0));
	id
}

/// The owner revokes every operator of `VEHICLE`.
fn revoke_operators() {
	MockVehicles::update(VEHICLE, |v| v.operators.clear());
}

#[test]
fn anyone_ends_a_revoked_operators_policy_pro_rata() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = operators_policy_with_usage();
		run_to_block(4);
		revoke_operators();

		assert_ok!(UsageInsurance::end_holder_left(signed(STRANGER), id));

		// Four blocks of the ten-block period begun: 40 of the base, plus the usage.
		let charged = 40 + 105;
		System::assert_last_event(
			Event::PolicyEnded {
				policy: id,
				reason: EndReason::HolderLeft,
				charged,
				refunded: 500 - charged,
			}
			.into(),
		);
		assert_eq!(policy(id).status, PolicyStatus::Ended { at: 4, reason: EndReason::HolderLeft });
		assert_eq!(ActivePolicy::<Test>::get(VEHICLE), None);
		assert_eq!(held(HoldReason::Prepayment, OPERATOR), 0);
		// The record's deposit stays for claims until the policy is closed.
		assert_eq!(held(HoldReason::Policy, OPERATOR), POLICY_DEPOSIT);
		assert_eq!(free(OPERATOR), BALANCE - POLICY_DEPOSIT - charged);
		assert_eq!(free(INSURER), BALANCE - POOL - PRODUCT_DEPOSIT + charged);
		assert_eq!(insurer().exposure, 0);
		assert_eq!(free(STRANGER), BALANCE);

		run_to_block(4 + CLAIM_WINDOW + 1);
		assert_ok!(UsageInsurance::close_policy(signed(STRANGER), id));
		assert_eq!(held(HoldReason::Policy, OPERATOR), 0);
		assert_eq!(free(OPERATOR), BALANCE - charged);
	});
}

#[test]
fn the_owner_insures_the_vehicle_after_the_ex_operators_policy_ended() {
	ExtBuilder::ready().build_and_execute(|| {
		let old = operators_policy_with_usage();
		revoke_operators();
		assert_ok!(UsageInsurance::end_holder_left(signed(STRANGER), old));

		let new = buy(500);
		assert_eq!(ActivePolicy::<Test>::get(VEHICLE), Some(new));
		assert_eq!(policy(new).holder, OWNER);
		assert_eq!(held(HoldReason::Prepayment, OWNER), 500);
		assert_eq!(insurer().exposure, TERMS.max_cover);
	});
}

#[test]
fn ending_is_refused_while_the_holder_may_operate() {
	ExtBuilder::ready().build_and_execute(|| {
		let operators = buy_product(OPERATOR, VEHICLE, 0, 500);
		assert_noop!(
			UsageInsurance::end_holder_left(signed(STRANGER), operators),
			Error::<Test>::HolderStillOperates
		);
		let owners = buy_product(OTHER_OWNER, OTHER_VEHICLE, 0, 500);
		assert_noop!(
			UsageInsurance::end_holder_left(signed(STRANGER), owners),
			Error::<Test>::HolderStillOperates
		);
	});
}

#[test]
fn ending_needs_an_active_policy() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			UsageInsurance::end_holder_left(signed(STRANGER), 7),
			Error::<Test>::PolicyNotFound
		);
		let id = buy_product(OPERATOR, VEHICLE, 0, 500);
		revoke_operators();
		assert_ok!(UsageInsurance::end_holder_left(signed(STRANGER), id));
		assert_noop!(
			UsageInsurance::end_holder_left(signed(STRANGER), id),
			Error::<Test>::PolicyNotActive
		);
	});
}

#[test]
fn an_expired_right_ends_the_policy_only_after_its_last_block() {
	ExtBuilder::ready().build_and_execute(|| {
		MockVehicles::update(VEHICLE, |v| v.operators = vec![(OPERATOR, 5)]);
		let id = buy_product(OPERATOR, VEHICLE, 0, 500);
		run_to_block(5);
		assert_noop!(
			UsageInsurance::end_holder_left(signed(STRANGER), id),
			Error::<Test>::HolderStillOperates
		);
		run_to_block(6);
		assert_ok!(UsageInsurance::end_holder_left(signed(STRANGER), id));
		System::assert_last_event(
			Event::PolicyEnded {
				policy: id,
				reason: EndReason::HolderLeft,
				charged: 60,
				refunded: 440,
			}
			.into(),
		);
		assert_eq!(free(OPERATOR), BALANCE - POLICY_DEPOSIT - 60);
		assert_eq!(free(INSURER), BALANCE - POOL - PRODUCT_DEPOSIT + 60);
	});
}

#[test]
fn a_departed_holders_ended_period_is_settled_then_the_policy_ends() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = operators_policy_with_usage();
		revoke_operators();
		run_to_block(12);

		assert_ok!(UsageInsurance::end_holder_left(signed(STRANGER), id));

		System::assert_has_event(
			Event::PeriodSettled { policy: id, premium: 205, paid: 205, next_period_end: None }
				.into(),
		);
		System::assert_last_event(
			Event::PolicyEnded {
				policy: id,
				reason: EndReason::HolderLeft,
				charged: 0,
				refunded: 295,
			}
			.into(),
		);
		assert_eq!(free(OPERATOR), BALANCE - POLICY_DEPOSIT - 205);
		assert_eq!(free(INSURER), BALANCE - POOL - PRODUCT_DEPOSIT + 205);
		assert_eq!(ActivePolicy::<Test>::get(VEHICLE), None);
	});
}

#[test]
fn the_owners_device_cannot_report_into_an_ex_operators_policy() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = operators_policy_with_usage();
		revoke_operators();
		let readings = MonotonicOdometer::readings().len();

		assert_noop!(
			UsageInsurance::report_usage(signed(DEVICE), 1_300, events(2, 0, 0)),
			Error::<Test>::HolderLeft
		);
		assert_eq!(policy(id).usage, Usage { km: 50, events: events(1, 0, 0) });
		assert_eq!(MonotonicOdometer::readings().len(), readings);

		// Ended, it is billed only what was reported while the operator could drive.
		assert_ok!(UsageInsurance::end_holder_left(signed(STRANGER), id));
		System::assert_last_event(
			Event::PolicyEnded {
				policy: id,
				reason: EndReason::HolderLeft,
				charged: 10 + 105,
				refunded: 500 - 115,
			}
			.into(),
		);
	});
}

#[test]
fn the_owner_buying_ends_a_departed_holders_policy_first() {
	ExtBuilder::ready().build_and_execute(|| {
		let old = operators_policy_with_usage();
		run_to_block(3);
		revoke_operators();

		let bought = UsageInsurance::buy_policy(signed(OWNER), VEHICLE, 0, 500);

		// The ex-operator's policy ended in the call: the purchase is charged in full.
		assert_eq!(
			bought,
			Ok(PostDispatchInfo::from(None::<polkadot_sdk::frame_support::weights::Weight>))
		);
		let new = old + 1;
		System::assert_has_event(
			Event::PolicyEnded {
				policy: old,
				reason: EndReason::HolderLeft,
				charged: 30 + 105,
				refunded: 500 - 135,
			}
			.into(),
		);
		System::assert_last_event(
			Event::PolicyBought {
				policy: new,
				vehicle: VEHICLE,
				product: 0,
				holder: OWNER,
				prepaid: 500,
				period_end: 12,
			}
			.into(),
		);
		assert_eq!(
			policy(old).status,
			PolicyStatus::Ended { at: 3, reason: EndReason::HolderLeft }
		);
		assert_eq!(ActivePolicy::<Test>::get(VEHICLE), Some(new));
		assert_eq!(held(HoldReason::Prepayment, OPERATOR), 0);
		assert_eq!(free(OPERATOR), BALANCE - POLICY_DEPOSIT - 135);
		assert_eq!(held(HoldReason::Prepayment, OWNER), 500);
		assert_eq!(insurer().exposure, TERMS.max_cover);
		// The owner's device now reports into the owner's policy.
		report(1_080, RiskEvents::default());
		assert_eq!(policy(new).usage.km, 30);
	});
}

#[test]
fn a_purchase_that_ends_no_policy_pays_the_purchase_only() {
	ExtBuilder::ready().build_and_execute(|| {
		let bought = UsageInsurance::buy_policy(signed(OWNER), VEHICLE, 0, 500);
		assert_eq!(bought, Ok(PostDispatchInfo::from(Some(<() as WeightInfo>::buy_policy()))));
	});
}

#[test]
fn a_purchase_over_a_policy_whose_holder_may_operate_is_refused() {
	ExtBuilder::ready().build_and_execute(|| {
		buy_product(OPERATOR, VEHICLE, 0, 500);
		assert_noop!(
			UsageInsurance::buy_policy(signed(OWNER), VEHICLE, 0, 500),
			Error::<Test>::AlreadyInsured
		);
	});
}
