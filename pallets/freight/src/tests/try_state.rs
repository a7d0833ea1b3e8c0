//! `do_try_state` reports each broken invariant. These tests break the state by hand, so they
//! check the invariants themselves instead of `build_and_execute`.

use polkadot_sdk::frame_support::{
	assert_ok,
	traits::{fungible::MutateHold, tokens::Precision},
};

use super::*;
use crate::{Children, Events, UnitKind, VehicleLoadCount};

/// An item packed into a pallet, the pallet handed off to `CARRIER` and loaded on `TRUCK`.
fn setup() -> (ShipmentId, ShipmentId) {
	let item = create_shipment_of(UnitKind::Item);
	let pallet = create_default_shipment();
	assert_ok!(Freight::aggregate(signed(SHIPPER), item, pallet));
	hand_off(pallet, SHIPPER, CARRIER);
	assert_ok!(Freight::load(signed(CARRIER), pallet, TRUCK));
	assert_ok!(Freight::do_try_state());
	(item, pallet)
}

#[test]
fn try_state_catches_two_custodians() {
	ExtBuilder::default().build().execute_with(|| {
		let (item, _) = setup();
		Shipments::<Test>::mutate(item, |entry| {
			entry.as_mut().expect("exists").custodian = Some(SHIPPER);
		});
		assert!(Freight::do_try_state().is_err());
	});
}

#[test]
fn try_state_catches_a_broken_aggregation_tree() {
	ExtBuilder::default().build().execute_with(|| {
		let (item, pallet) = setup();
		Children::<Test>::remove(pallet, item);
		assert!(Freight::do_try_state().is_err());
		Children::<Test>::insert(pallet, item, ());
		assert_ok!(Freight::do_try_state());
		Shipments::<Test>::mutate(pallet, |entry| entry.as_mut().expect("exists").children = 2);
		assert!(Freight::do_try_state().is_err());
	});
}

#[test]
fn try_state_catches_unaccounted_escrow() {
	ExtBuilder::default().build().execute_with(|| {
		let _ = setup();
		assert_ok!(Balances::release(&HoldReason::Escrow.into(), &SHIPPER, 1, Precision::Exact));
		assert!(Freight::do_try_state().is_err());
	});
}

#[test]
fn try_state_catches_escrow_kept_on_a_closed_shipment() {
	ExtBuilder::default().build().execute_with(|| {
		let id = create_default_shipment();
		assert_ok!(Freight::cancel_shipment(signed(SHIPPER), id));
		Shipments::<Test>::mutate(id, |entry| entry.as_mut().expect("exists").escrow = ESCROW);
		assert!(Freight::do_try_state().is_err());
	});
}

#[test]
fn try_state_catches_a_broken_vehicle_link() {
	ExtBuilder::default().build().execute_with(|| {
		let (_, pallet) = setup();
		VehicleLoadCount::<Test>::insert(TRUCK, 2);
		assert!(Freight::do_try_state().is_err());
		VehicleLoadCount::<Test>::insert(TRUCK, 1);
		Shipments::<Test>::mutate(pallet, |entry| entry.as_mut().expect("exists").vehicle = None);
		assert!(Freight::do_try_state().is_err());
	});
}

#[test]
fn try_state_catches_a_miscounted_event_log() {
	ExtBuilder::default().build().execute_with(|| {
		let (_, pallet) = setup();
		Events::<Test>::remove(pallet, 0);
		assert!(Freight::do_try_state().is_err());
	});
}
