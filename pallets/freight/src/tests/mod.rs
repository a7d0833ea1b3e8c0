//! Tests of freight, one behaviour each. Every test ends by checking the pallet's invariants
//! (`ExtBuilder::build_and_execute`).
//!
//! The usual setup (`mock`): `SHIPPER` ships a chilled pallet to `CONSIGNEE` with `CARRIER`
//! (leg 0) and `SUBCARRIER` (leg 1); `CARRIER` owns `TRUCK` and `TRAILER` (its logger
//! `TRAILER_DEVICE`), `SUBCARRIER` owns `SUB_TRUCK`.

mod aggregation;
mod custody;
mod delivery;
mod events;
mod genesis;
mod hooks;
mod removal;
mod runtime_api;
mod sensors;
mod settlement;
mod shipments;
mod try_state;

use polkadot_sdk::frame_support::{
	assert_ok,
	traits::fungible::{Inspect, InspectHold},
};

use crate::{
	mock::*, EpcisEventOf, EventIndex, Events, HoldReason, Shipment, ShipmentId, Shipments,
};

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

/// The pallet's last event.
pub(crate) fn last_event() -> crate::Event<Test> {
	events().pop().expect("an event was emitted")
}

/// The stored shipment `id`.
pub(crate) fn shipment(id: ShipmentId) -> Shipment<Test> {
	Shipments::<Test>::get(id).expect("the shipment exists")
}

/// The stored EPCIS event `index` of shipment `id`.
pub(crate) fn epcis(id: ShipmentId, index: EventIndex) -> EpcisEventOf<Test> {
	Events::<Test>::get(id, index).expect("the event exists")
}

/// `from` (the custodian) hands `id` off to `to`, who accepts at once.
pub(crate) fn hand_off(id: ShipmentId, from: u64, to: u64) {
	let expires_at = System::block_number() + MAX_HANDOFF_DURATION;
	assert_ok!(Freight::offer_handoff(signed(from), id, to, expires_at));
	assert_ok!(Freight::accept_handoff(signed(to), id));
}

/// Lets `who` operate `vehicle` until block `until`.
pub(crate) fn grant_operator(vehicle: v2x_primitives::VehicleId, who: u64, until: u64) {
	v2x_primitives::testing::MockVehicles::update(vehicle, |v| v.operators.push((who, until)));
}

/// The proof-of-delivery hash the tests' consignee records.
pub(crate) fn pod() -> polkadot_sdk::sp_core::H256 {
	polkadot_sdk::sp_core::H256::repeat_byte(0xB0)
}

/// A default shipment handed off to `CARRIER`, then to `CONSIGNEE`, who confirms delivery with
/// `pod()` in the current block; returns its id.
pub(crate) fn delivered_shipment() -> ShipmentId {
	let id = create_default_shipment();
	hand_off(id, SHIPPER, CARRIER);
	hand_off(id, CARRIER, CONSIGNEE);
	assert_ok!(Freight::confirm_delivery(signed(CONSIGNEE), id, pod()));
	id
}

/// `SENSOR` registered to `id` with its consent, by the shipper.
pub(crate) fn register_sensor(id: ShipmentId) {
	assert_ok!(Freight::register_sensor(signed(SHIPPER), id, SENSOR, sensor_signature(SENSOR, id)));
}
