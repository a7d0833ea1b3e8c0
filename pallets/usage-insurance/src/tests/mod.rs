//! Tests of the insurance pallet, one behaviour each. Every test ends by checking the
//! pallet's invariants (`ExtBuilder::build_and_execute`).

mod claims;
mod genesis;
mod holder_left;
mod insurers;
mod migrations;
mod policies;
mod runtime_api;
mod settlement;
mod try_state;
mod usage;
mod vehicle_events;

use polkadot_sdk::frame_support::{
	assert_ok,
	traits::{fungible::InspectHold, Hooks},
	weights::Weight,
};
use v2x_primitives::{Km, OdometerLog, OdometerSource, VehicleId};

use crate::{
	mock::*, ClaimId, ClaimOf, Claims, HoldReason, Insurer, Insurers, NameOf, NextClaimId,
	NextPolicyId, Policies, PolicyId, PolicyOf, ProductId, RiskEvents,
};

pub(crate) fn name(text: &[u8]) -> NameOf<Test> {
	text.to_vec().try_into().unwrap()
}

pub(crate) fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// What `who` has on hold for `reason`.
pub(crate) fn held(reason: HoldReason, who: u64) -> u64 {
	Balances::balance_on_hold(&reason.into(), &who)
}

pub(crate) fn free(who: u64) -> u64 {
	Balances::free_balance(who)
}

/// `INSURER`'s pool.
pub(crate) fn pool() -> u64 {
	held(HoldReason::Pool, INSURER)
}

pub(crate) fn insurer() -> Insurer<Test> {
	Insurers::<Test>::get(INSURER).unwrap()
}

pub(crate) fn policy(id: PolicyId) -> PolicyOf<Test> {
	Policies::<Test>::get(id).unwrap()
}

pub(crate) fn claim(id: ClaimId) -> ClaimOf<Test> {
	Claims::<Test>::get(id).unwrap()
}

pub(crate) fn events(harsh_braking: u32, speeding: u32, night_km: u32) -> RiskEvents {
	RiskEvents { harsh_braking, speeding, night_km }
}

/// `holder` buys a policy on `product` for `vehicle`; returns its id.
pub(crate) fn buy_product(
	holder: u64,
	vehicle: VehicleId,
	product: ProductId,
	prepayment: u64,
) -> PolicyId {
	assert_ok!(UsageInsurance::buy_policy(signed(holder), vehicle, product, prepayment));
	NextPolicyId::<Test>::get() - 1
}

/// `OWNER` buys a policy on product 0 for `VEHICLE`.
pub(crate) fn buy(prepayment: u64) -> PolicyId {
	buy_product(OWNER, VEHICLE, 0, prepayment)
}

/// Someone else (a workshop) reads the odometer: the vehicle's distance.
pub(crate) fn read(vehicle: VehicleId, km: Km) {
	assert_ok!(MonotonicOdometer::record_reading(vehicle, km, OdometerSource::Workshop));
}

/// `DEVICE` reports on `VEHICLE`.
pub(crate) fn report(km: Km, reported: RiskEvents) {
	assert_ok!(UsageInsurance::report_usage(signed(DEVICE), km, reported));
}

/// `OWNER` files a claim on `policy`; returns its id.
pub(crate) fn file(policy: PolicyId, amount: u64) -> ClaimId {
	assert_ok!(UsageInsurance::file_claim(signed(OWNER), policy, amount, [9; 32]));
	NextClaimId::<Test>::get() - 1
}

pub(crate) fn approve_other_insurer() {
	assert_ok!(UsageInsurance::approve_insurer(
		RuntimeOrigin::root(),
		OTHER_INSURER,
		name(b"Other")
	));
}

/// Runs `on_idle` with unlimited weight in each block up to `n`.
pub(crate) fn run_idle_to(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		run_to_block(next);
		UsageInsurance::on_idle(next, Weight::MAX);
	}
}

/// How many events of the pallet match `filter`.
pub(crate) fn count_events(filter: impl Fn(&crate::Event<Test>) -> bool) -> usize {
	System::events()
		.into_iter()
		.filter(|record| match &record.event {
			RuntimeEvent::UsageInsurance(event) => filter(event),
			_ => false,
		})
		.count()
}
