//! Tests of shared charging, one behaviour each. Every test ends by checking the pallet's
//! invariants (`ExtBuilder::build_and_execute`).

use polkadot_sdk::frame_support::traits::fungible::{Inspect, InspectHold};

use crate::{mock::*, HoldReason};

pub(crate) fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// What `who` has on hold for `reason`.
pub(crate) fn held(reason: HoldReason, who: u64) -> u64 {
	Balances::balance_on_hold(&reason.into(), &who)
}

/// `who`'s free balance.
pub(crate) fn free(who: u64) -> u64 {
	Balances::balance(&who)
}

#[test]
fn genesis_builds() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_eq!(free(DRIVER), BALANCE);
		assert_eq!(held(HoldReason::Charger, CPO), 0);
	});
}
