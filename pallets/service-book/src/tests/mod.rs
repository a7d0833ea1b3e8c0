//! Tests of the service book, one behaviour each. Every test ends by checking the pallet's
//! invariants (`ExtBuilder::build_and_execute`).

mod genesis;
mod migrations;
mod odometer;
mod records;
mod runtime_api;
mod try_state;
mod work_orders;
mod workshops;

use polkadot_sdk::frame_support::{assert_ok, traits::fungible::InspectHold};
use v2x_primitives::{testing::MockVehicles, Km, VehicleId, VehicleStatus};

use crate::{
	mock::*, CertificationsOf, HoldReason, NameOf, NextRecordId, RecordId, RecordKind, UriOf,
};

pub(crate) fn name(text: &[u8]) -> NameOf<Test> {
	text.to_vec().try_into().unwrap()
}

pub(crate) fn certifications(list: &[&[u8]]) -> CertificationsOf<Test> {
	list.iter().map(|c| c.to_vec().try_into().unwrap()).collect::<Vec<_>>().try_into().unwrap()
}

pub(crate) fn uri(text: &[u8]) -> UriOf<Test> {
	text.to_vec().try_into().unwrap()
}

pub(crate) fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// What `who` has on hold for `reason`.
pub(crate) fn held(reason: HoldReason, who: u64) -> u64 {
	Balances::balance_on_hold(&reason.into(), &who)
}

/// The block a work order opened now may last until.
pub(crate) fn soon() -> u64 {
	System::block_number() + 10
}

/// `OWNER` opens a work order for `workshop` on `vehicle`.
pub(crate) fn open_order(vehicle: VehicleId, workshop: u64) {
	assert_ok!(ServiceBook::open_work_order(signed(OWNER), vehicle, workshop, soon()));
}

/// `WORKSHOP` records `kind` at `km` on `vehicle` under a fresh work order; returns its id.
pub(crate) fn record(vehicle: VehicleId, km: Km, kind: RecordKind) -> RecordId {
	open_order(vehicle, WORKSHOP);
	assert_ok!(ServiceBook::add_record(
		signed(WORKSHOP),
		vehicle,
		km,
		kind,
		[1; 32],
		uri(b"ipfs://doc")
	));
	NextRecordId::<Test>::get() - 1
}

/// `DEVICE` reports `km` on `VEHICLE`.
pub(crate) fn report(km: Km) {
	assert_ok!(ServiceBook::report_odometer(signed(DEVICE), VEHICLE, km));
}

pub(crate) fn scrap(vehicle: VehicleId) {
	MockVehicles::update(vehicle, |v| v.status = VehicleStatus::Scrapped);
}
