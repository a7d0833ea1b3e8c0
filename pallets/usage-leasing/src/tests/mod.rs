//! Tests of leasing, one behaviour each. Every test ends by checking the pallet's invariants
//! (`ExtBuilder::build_and_execute`).
//!
//! The usual lease (`mock::terms`): `LESSOR` leases `VEHICLE` (odometer `START_KM`) to
//! `LESSEE` for 3 periods of 100 blocks at 100 plus 2 a km beyond 500 km; grace 10, notice
//! 20, purchase price 1 000.

mod defaults;
mod endings;
mod genesis;
mod hooks;
mod offers;
mod payments;
mod runtime_api;
mod schedule;
mod timeline;
mod try_state;

use polkadot_sdk::frame_support::{
	assert_ok,
	traits::fungible::{Inspect, InspectHold},
};

use crate::{mock::*, Event, HoldReason, Lease, LeaseId, Leases, NextLeaseId};

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
			RuntimeEvent::UsageLeasing(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// The offer or lease `id`; panics if there is none.
pub(crate) fn lease(id: LeaseId) -> Lease<Test> {
	Leases::<Test>::get(id).expect("the lease exists")
}

/// `LESSOR` offers `VEHICLE` to `LESSEE` on `terms`, open for `MAX_OFFER_DURATION` blocks;
/// returns the offer's id.
pub(crate) fn offer_with(terms: crate::LeaseTermsOf<Test>) -> LeaseId {
	let expires_at = System::block_number() + MAX_OFFER_DURATION;
	assert_ok!(UsageLeasing::offer_lease(signed(LESSOR), VEHICLE, LESSEE, terms, expires_at));
	NextLeaseId::<Test>::get() - 1
}

/// The usual offer.
pub(crate) fn offer() -> LeaseId {
	offer_with(terms())
}

/// The usual lease, accepted in the current block (its start).
pub(crate) fn start_lease() -> LeaseId {
	let id = offer();
	assert_ok!(UsageLeasing::accept_lease(signed(LESSEE), id));
	id
}

/// A lease on `terms`, accepted in the current block.
pub(crate) fn start_lease_with(terms: crate::LeaseTermsOf<Test>) -> LeaseId {
	let id = offer_with(terms);
	assert_ok!(UsageLeasing::accept_lease(signed(LESSEE), id));
	id
}
