//! A vehicle's sale, theft, recovery or scrapping while it carries shipments.

use polkadot_sdk::frame_support::{assert_noop, assert_ok};
use v2x_primitives::{OnOwnershipTransferred, OnVehicleStatusChanged, VehicleStatus};

use super::*;
use crate::{Error, Event, LinkEnd, VehicleLoadCount, VehicleLoads};

/// Two shipments in `CARRIER`'s custody on `TRAILER`, a third on `SUB_TRUCK`.
fn loaded() -> (ShipmentId, ShipmentId, ShipmentId) {
	let first = create_default_shipment();
	let second = create_default_shipment();
	let third = create_default_shipment();
	for id in [first, second] {
		hand_off(id, SHIPPER, CARRIER);
		assert_ok!(Freight::load(signed(CARRIER), id, TRAILER));
	}
	hand_off(third, SHIPPER, SUBCARRIER);
	assert_ok!(Freight::load(signed(SUBCARRIER), third, SUB_TRUCK));
	(first, second, third)
}

fn assert_links_ended(first: ShipmentId, second: ShipmentId, third: ShipmentId, cause: LinkEnd) {
	let all = events();
	assert_eq!(
		all[all.len() - 2..],
		[
			Event::VehicleLinkEnded { shipment: first, vehicle: TRAILER, cause },
			Event::VehicleLinkEnded { shipment: second, vehicle: TRAILER, cause },
		]
	);
	for id in [first, second] {
		assert_eq!(shipment(id).vehicle, None);
		assert_eq!(shipment(id).custodian, Some(CARRIER), "custody stays");
		assert!(!VehicleLoads::<Test>::contains_key(TRAILER, id));
	}
	assert_eq!(VehicleLoadCount::<Test>::get(TRAILER), 0);
	assert_eq!(Freight::carried_by(TRAILER), Vec::<ShipmentId>::new());
	// Another vehicle's loads stay.
	assert_eq!(shipment(third).vehicle, Some(SUB_TRUCK));
	assert_eq!(Freight::carried_by(SUB_TRUCK), vec![third]);
	assert_eq!(held(HoldReason::Escrow, SHIPPER), 3 * ESCROW);
}

#[test]
fn a_sale_of_a_loaded_vehicle_ends_its_links() {
	ExtBuilder::default().build_and_execute(|| {
		let (first, second, third) = loaded();
		<Freight as OnOwnershipTransferred<u64>>::on_ownership_transferred(
			TRAILER, &CARRIER, &STRANGER,
		);
		assert_links_ended(first, second, third, LinkEnd::Sold);
	});
}

#[test]
fn a_theft_of_a_loaded_vehicle_ends_its_links_and_its_logger_stops_reporting() {
	ExtBuilder::default().build_and_execute(|| {
		let (first, second, third) = loaded();
		assert_ok!(Freight::commit_readings(
			signed(TRAILER_DEVICE),
			first,
			GENESIS_DAY,
			polkadot_sdk::sp_core::H256::repeat_byte(1),
			9,
			40,
			50
		));
		v2x_primitives::testing::MockVehicles::update(TRAILER, |v| {
			v.status = VehicleStatus::Stolen
		});
		<Freight as OnVehicleStatusChanged>::on_status_changed(TRAILER, VehicleStatus::Stolen);
		assert_links_ended(first, second, third, LinkEnd::Stolen);
		assert_noop!(
			Freight::report_excursion(
				signed(TRAILER_DEVICE),
				first,
				1,
				99,
				polkadot_sdk::sp_core::H256::repeat_byte(2)
			),
			Error::<Test>::NotSensor
		);
	});
}

#[test]
fn scrapping_a_loaded_vehicle_ends_its_links() {
	ExtBuilder::default().build_and_execute(|| {
		let (first, second, third) = loaded();
		<Freight as OnVehicleStatusChanged>::on_status_changed(TRAILER, VehicleStatus::Scrapped);
		assert_links_ended(first, second, third, LinkEnd::Scrapped);
	});
}

#[test]
fn a_recovery_or_an_empty_vehicle_changes_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let (first, _, _) = loaded();
		let before = events().len();
		<Freight as OnVehicleStatusChanged>::on_status_changed(TRAILER, VehicleStatus::Active);
		<Freight as OnVehicleStatusChanged>::on_status_changed(TRUCK, VehicleStatus::Stolen);
		<Freight as OnOwnershipTransferred<u64>>::on_ownership_transferred(
			UNKNOWN_VEHICLE,
			&CARRIER,
			&STRANGER,
		);
		assert_eq!(events().len(), before);
		assert_eq!(shipment(first).vehicle, Some(TRAILER));
		assert_eq!(VehicleLoadCount::<Test>::get(TRAILER), 2);
	});
}
