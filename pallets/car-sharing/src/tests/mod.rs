//! Tests of car sharing, one behaviour each. Every test ends by checking the pallet's
//! invariants (`ExtBuilder::build_and_execute`).
//!
//! The usual co-op (`mock::create_coop`): ALICE 50, BOB 30 and CAROL 20 of 100 shares;
//! quorum 50 %, supermajority two thirds of the supply, 20 % of income kept in reserve.

mod bookings;
mod conflicts;
mod coops;
mod damage;
mod genesis;
mod governance;
mod hooks;
mod revenue;
mod shares;
mod trips;
mod try_state;

use polkadot_sdk::frame_support::traits::fungible::{Inspect, InspectHold};

use crate::{mock::*, Event, HoldReason};

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

/// The pallet's events emitted so far.
pub(crate) fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::CarSharing(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// The co-op's account is paid `amount` of trip income by `RENTER`, as a settled trip does.
pub(crate) fn income(coop: crate::CoopId, amount: u64) {
	use polkadot_sdk::frame_support::traits::{fungible::Mutate, tokens::Preservation};
	let account = CarSharing::coop_account(coop);
	<Balances as Mutate<u64>>::transfer(&RENTER, &account, amount, Preservation::Preserve).unwrap();
	CarSharing::credit_income(coop, amount);
}

/// The co-op's record.
pub(crate) fn coop_of(coop: crate::CoopId) -> crate::Coop<Test> {
	crate::Coops::<Test>::get(coop).unwrap()
}

/// `who`'s membership record.
pub(crate) fn member(coop: crate::CoopId, who: u64) -> Option<crate::Member<u64>> {
	crate::Members::<Test>::get(coop, who)
}
