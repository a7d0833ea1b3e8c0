//! The invariants catch broken state, each with its own message.

use polkadot_sdk::frame_support::assert_ok;

use super::*;
use v2x_primitives::testing::MockVehicles;

use crate::{ActivePolicy, DueAt, Products};

fn broken(message: &'static str) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
	Err(message.into())
}

#[test]
fn a_wrong_exposure_breaks_the_invariants() {
	ExtBuilder::ready().build().execute_with(|| {
		buy(500);
		assert_ok!(UsageInsurance::do_try_state());
		Insurers::<Test>::mutate(INSURER, |i| i.as_mut().unwrap().exposure = 999);
		assert_eq!(
			UsageInsurance::do_try_state(),
			broken("an insurer's exposure is not its policies' remaining cover")
		);
	});
}

#[test]
fn a_prepayment_not_held_breaks_the_invariants() {
	ExtBuilder::ready().build().execute_with(|| {
		let id = buy(500);
		Policies::<Test>::mutate(id, |p| p.as_mut().unwrap().prepaid = 501);
		assert_eq!(UsageInsurance::do_try_state(), broken("prepayments not held"));
	});
}

#[test]
fn an_unscheduled_policy_breaks_the_invariants() {
	ExtBuilder::ready().build().execute_with(|| {
		let id = buy(500);
		DueAt::<Test>::remove(11, id);
		assert_eq!(
			UsageInsurance::do_try_state(),
			broken("an active policy is not scheduled for settlement")
		);
	});
}

#[test]
fn a_lost_active_policy_breaks_the_invariants() {
	ExtBuilder::ready().build().execute_with(|| {
		buy(500);
		ActivePolicy::<Test>::remove(VEHICLE);
		assert_eq!(
			UsageInsurance::do_try_state(),
			broken("an active policy is not its vehicle's active policy")
		);
	});
}

#[test]
fn a_wrong_open_policy_count_breaks_the_invariants() {
	ExtBuilder::ready().build().execute_with(|| {
		buy(500);
		Products::<Test>::mutate(0, |p| p.as_mut().unwrap().open_policies = 2);
		assert_eq!(
			UsageInsurance::do_try_state(),
			broken("a product's open policy count disagrees with its policies")
		);
	});
}

#[test]
fn a_wrong_claims_reserve_breaks_the_invariants() {
	ExtBuilder::ready().build().execute_with(|| {
		let id = buy(500);
		file(id, 300);
		Insurers::<Test>::mutate(INSURER, |i| i.as_mut().unwrap().claims_reserved = 0);
		assert_eq!(
			UsageInsurance::do_try_state(),
			broken("an insurer's claims reserved are not its undecided claims' reserves")
		);
	});
}

#[test]
fn an_owners_policy_held_by_someone_else_breaks_the_invariants() {
	ExtBuilder::ready().build().execute_with(|| {
		buy(500);
		// The identity pallet's sale ends the policy through its hook; the mock does not.
		MockVehicles::update(VEHICLE, |v| v.owner = OTHER_OWNER);
		assert_eq!(
			UsageInsurance::do_try_state(),
			broken("an owner's active policy is held by someone else than the owner")
		);
	});
}

#[test]
fn a_policy_with_other_terms_than_its_products_breaks_the_invariants() {
	ExtBuilder::ready().build().execute_with(|| {
		let id = buy(500);
		Policies::<Test>::mutate(id, |p| p.as_mut().unwrap().terms.rate_per_km = 7);
		assert_eq!(
			UsageInsurance::do_try_state(),
			broken("a policy's terms are not its product's")
		);
	});
}
