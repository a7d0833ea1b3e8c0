//! Tests of software updates, one behaviour each. Every test ends by checking the pallet's
//! invariants (`ExtBuilder::build_and_execute`).
//!
//! The usual setup (`mock`): `MAKER` builds vehicles 1..=3 (owned by `OWNER`, devices
//! `DEVICE_1..=3` bound) and creates its repository with `default_root` (root keys 2 of 3,
//! targets 2 of 2, director 2 of 3, expiring after `ROOT_EXPIRY`).

use polkadot_sdk::frame_support::{
	assert_ok,
	traits::fungible::{Inspect, InspectHold},
};

use crate::{mock::*, HoldReason, Repositories, RepositoryOf};

pub(crate) fn origin(who: u64) -> RuntimeOrigin {
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

/// The pallet's last event.
pub(crate) fn last_event() -> crate::Event<Test> {
	events().pop().expect("an event was emitted")
}

/// `MAKER`'s stored repository.
pub(crate) fn repository() -> RepositoryOf<Test> {
	Repositories::<Test>::get(MAKER).expect("the repository exists")
}

/// `MAKER` creates its repository with `default_root`, signed by root keys 1001 and 1002.
pub(crate) fn create_repository() {
	let root = default_root();
	let signatures = signed(&ROOT_KEYS[..2], &SoftwareUpdates::root_payload(&MAKER, &root));
	assert_ok!(SoftwareUpdates::create_repository(origin(MAKER), root, signatures));
}

#[test]
fn a_manufacturer_creates_its_repository() {
	ExtBuilder::default().build_and_execute(|| {
		create_repository();
		assert_eq!(repository().root, default_root());
		assert_eq!(held(HoldReason::Repository, MAKER), REPOSITORY_DEPOSIT);
		assert_eq!(free(MAKER), BALANCE - REPOSITORY_DEPOSIT);
		assert_eq!(
			last_event(),
			crate::Event::RepositoryCreated {
				manufacturer: MAKER,
				root_hash: SoftwareUpdates::root_hash(&default_root()),
			}
		);
	});
}
