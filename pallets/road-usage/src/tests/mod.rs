//! Tests of road usage, one behaviour each. Every test ends by checking the pallet's
//! invariants (`ExtBuilder::build_and_execute`).

mod billing;
mod declarations;

use polkadot_sdk::frame_support::traits::fungible::{Inspect, InspectHold};

use crate::{mock::*, Event, HoldReason};

pub(crate) fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

pub(crate) fn root() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

/// What `who` has on hold for `reason`.
pub(crate) fn held(reason: HoldReason, who: u64) -> u64 {
	Balances::balance_on_hold(&reason.into(), &who)
}

/// `who`'s free balance.
pub(crate) fn free(who: u64) -> u64 {
	Balances::balance(&who)
}

/// The pallet's events emitted so far.
pub(crate) fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::RoadUsage(event) => Some(event),
			_ => None,
		})
		.collect()
}

#[test]
fn the_mock_chain_starts_on_its_genesis_day_with_funded_accounts() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(today(), GENESIS_DAY);
		assert_eq!(free(OWNER), BALANCE);
		assert_eq!(held(HoldReason::Prepaid, OWNER), 0);
		assert!(events().is_empty());
		pass_days(1);
		assert_eq!(today(), GENESIS_DAY + 1);
		let _ = (signed(OWNER), root());
	});
}
