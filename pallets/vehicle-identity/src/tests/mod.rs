//! Tests of every call: each success path and each way it can be refused.

mod control;
mod delegates;
mod liens;
mod lifecycle;
mod manufacturers;
mod migrations;
mod passport;
mod registration;
mod registry;
mod sale;
mod try_state;

use crate::{mock::*, Event, HoldReason};
use polkadot_sdk::frame_support::traits::fungible::InspectHold;

/// What `who` has on hold for this pallet's `reason`.
pub fn held(reason: HoldReason, who: u64) -> u64 {
	Balances::balance_on_hold(&RuntimeHoldReason::VehicleIdentity(reason), &who)
}

/// Free balance of `who`.
pub fn free(who: u64) -> u64 {
	Balances::free_balance(who)
}

/// This pallet's events since the last `System::reset_events`, in order.
pub fn pallet_events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::VehicleIdentity(event) => Some(event),
			_ => None,
		})
		.collect()
}
