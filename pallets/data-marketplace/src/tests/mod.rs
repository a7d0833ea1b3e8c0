//! Tests of the data marketplace, one behaviour each. Every test ends by checking the
//! pallet's invariants (`ExtBuilder::build_and_execute`).
//!
//! The usual listing sells `PRICE` (1 000) for `DURATION` (100 blocks): 10 units a block,
//! split 10 % manufacturer, 5 % platform, 85 % owner.

mod batches;
mod consent;
mod escrow;
mod genesis;
mod grants;
mod listings;
mod runtime_api;
mod try_state;

use polkadot_sdk::frame_support::{
	assert_ok,
	traits::{fungible::InspectHold, Hooks},
	weights::Weight,
};
use v2x_primitives::{
	testing::MockVehicles, OnOwnershipTransferred, OnVehicleStatusChanged, VehicleId,
	VehicleRegistry, VehicleStatus,
};

use crate::{mock::*, AllowListOf, DataCategory, Event, HoldReason, ListingId, NextListingId};

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

/// `OWNER` lists `vehicle`'s diagnostics for `PRICE` and `DURATION`, optionally only for
/// `allowed`; returns the listing's id.
pub(crate) fn list_for(vehicle: VehicleId, allowed: Option<Vec<u64>>) -> ListingId {
	let allow_list = allowed.map(|list| AllowListOf::<Test>::try_from(list).unwrap());
	assert_ok!(Marketplace::create_listing(
		signed(OWNER),
		vehicle,
		DataCategory::Diagnostics,
		PRICE,
		DURATION,
		[1; 32],
		allow_list
	));
	NextListingId::<Test>::get() - 1
}

/// `OWNER` lists `VEHICLE`'s diagnostics for anyone.
pub(crate) fn list() -> ListingId {
	list_for(VEHICLE, None)
}

pub(crate) fn buy(buyer: u64, listing: ListingId) {
	assert_ok!(Marketplace::purchase(signed(buyer), listing, [9; 32]));
}

/// The vehicle changes hands, as the identity pallet would announce it.
pub(crate) fn sell(vehicle: VehicleId, to: u64) {
	let old = <MockVehicles as VehicleRegistry<u64, u64>>::owner(vehicle).unwrap();
	MockVehicles::update(vehicle, |v| v.owner = to);
	<Marketplace as OnOwnershipTransferred<u64>>::on_ownership_transferred(vehicle, &old, &to);
}

/// The vehicle's status changes, as the identity pallet would announce it.
pub(crate) fn set_status(vehicle: VehicleId, status: VehicleStatus) {
	MockVehicles::update(vehicle, |v| v.status = status);
	<Marketplace as OnVehicleStatusChanged>::on_status_changed(vehicle, status);
}

/// Runs `on_idle` with plenty of weight; returns the weight it used.
pub(crate) fn idle() -> Weight {
	Marketplace::on_idle(System::block_number(), Weight::MAX)
}

/// The marketplace events emitted so far.
pub(crate) fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Marketplace(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// What `buyer`'s grants paid out so far, by `PaymentsReleased` events: (owner,
/// manufacturer, platform).
pub(crate) fn paid_by(buyer: u64) -> (u64, u64, u64) {
	events().into_iter().fold((0, 0, 0), |(o, m, p), event| match event {
		Event::PaymentsReleased { buyer: b, to_owner, to_manufacturer, to_platform, .. }
			if b == buyer =>
		{
			(o + to_owner, m + to_manufacturer, p + to_platform)
		}
		_ => (o, m, p),
	})
}
