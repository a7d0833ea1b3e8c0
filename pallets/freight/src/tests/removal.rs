//! Removing closed shipments after the retention period.

use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_core::H256,
};

use super::*;
use crate::{
	DailyRoots, Error, ErrorDeclarations, ErrorReason, Event, Events, Excursions, SeenRoots,
	Sensors,
};

/// A delivered shipment with a sensor, two daily roots, an excursion and an error declaration,
/// its claim settled in the current block.
fn closed_with_records() -> ShipmentId {
	let id = create_default_shipment();
	register_sensor(id);
	assert_ok!(Freight::commit_readings(
		signed(SENSOR),
		id,
		GENESIS_DAY,
		H256::repeat_byte(1),
		9,
		40,
		50
	));
	assert_ok!(Freight::report_excursion(
		signed(SENSOR),
		id,
		System::block_number(),
		99,
		H256::repeat_byte(2)
	));
	assert_ok!(Freight::declare_error(signed(SHIPPER), id, 0, ErrorReason::IncorrectData, None));
	hand_off(id, SHIPPER, CARRIER);
	set_day(GENESIS_DAY + 1);
	assert_ok!(Freight::commit_readings(
		signed(SENSOR),
		id,
		GENESIS_DAY + 1,
		H256::repeat_byte(3),
		9,
		40,
		50
	));
	hand_off(id, CARRIER, CONSIGNEE);
	assert_ok!(Freight::confirm_delivery(signed(CONSIGNEE), id, pod()));
	assert_ok!(Freight::decide_claim(RuntimeOrigin::root(), id, 100));
	id
}

#[test]
fn the_shipper_removes_a_shipment_at_the_end_of_retention_with_all_its_records() {
	ExtBuilder::default().build_and_execute(|| {
		run_to_block(3);
		let id = closed_with_records();
		let kept = closed_with_records_of_another_day();
		assert_eq!(Sensors::<Test>::iter_prefix(id).count(), 1);
		assert_eq!(DailyRoots::<Test>::iter_prefix(id).count(), 2);
		run_to_block(3 + RETENTION_PERIOD - 1);
		assert_noop!(
			Freight::remove_shipment(signed(SHIPPER), id),
			Error::<Test>::RetentionRunning
		);
		run_to_block(3 + RETENTION_PERIOD);
		assert_ok!(Freight::remove_shipment(signed(SHIPPER), id));
		assert!(!crate::Shipments::<Test>::contains_key(id));
		assert_eq!(Events::<Test>::iter_prefix(id).count(), 0);
		assert_eq!(ErrorDeclarations::<Test>::iter_prefix(id).count(), 0);
		assert_eq!(Sensors::<Test>::iter_prefix(id).count(), 0);
		assert_eq!(DailyRoots::<Test>::iter_prefix(id).count(), 0);
		assert_eq!(Excursions::<Test>::iter_prefix(id).count(), 0);
		assert!(!SeenRoots::<Test>::contains_key(H256::repeat_byte(1)));
		assert!(!SeenRoots::<Test>::contains_key(H256::repeat_byte(3)));
		assert_eq!(last_event(), Event::ShipmentRemoved { shipment: id });
		// The other shipment's records stay.
		assert_eq!(DailyRoots::<Test>::iter_prefix(kept).count(), 1);
		assert!(SeenRoots::<Test>::contains_key(H256::repeat_byte(7)));
		assert_eq!(shipment(kept).events, Events::<Test>::iter_prefix(kept).count() as u32);
		// One deposit back; the other shipment's still held. 100 went to the carrier twice.
		assert_eq!(held(HoldReason::Deposit, SHIPPER), SHIPMENT_DEPOSIT);
		assert_eq!(held(HoldReason::Escrow, SHIPPER), 0);
		assert_eq!(free(SHIPPER), BALANCE - SHIPMENT_DEPOSIT - 200);
		assert_eq!(free(CARRIER), BALANCE + 200);
		assert_noop!(Freight::remove_shipment(signed(SHIPPER), id), Error::<Test>::UnknownShipment);
	});
}

/// A second shipment, settled, with one daily root (`7…`).
fn closed_with_records_of_another_day() -> ShipmentId {
	let id = create_default_shipment();
	register_sensor(id);
	assert_ok!(Freight::commit_readings(
		signed(SENSOR),
		id,
		Freight::today(),
		H256::repeat_byte(7),
		9,
		40,
		50
	));
	assert_ok!(Freight::decide_claim(RuntimeOrigin::root(), id, 100));
	id
}

#[test]
fn only_the_shipper_removes_a_shipment() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		assert_ok!(Freight::cancel_shipment(signed(SHIPPER), id));
		run_to_block(1 + RETENTION_PERIOD);
		for who in [CARRIER, SUBCARRIER, CONSIGNEE, STRANGER, SENSOR] {
			assert_noop!(Freight::remove_shipment(signed(who), id), Error::<Test>::NotShipper);
		}
		assert_ok!(Freight::remove_shipment(signed(SHIPPER), id));
		assert_eq!(held(HoldReason::Deposit, SHIPPER), 0);
		assert_eq!(free(SHIPPER), BALANCE);
	});
}

#[test]
fn an_open_or_delivered_shipment_is_not_removed() {
	ExtBuilder::default().build_and_execute(|| {
		let created = create_default_shipment();
		let delivered = delivered_shipment();
		run_to_block(1 + RETENTION_PERIOD);
		for id in [created, delivered] {
			assert_noop!(Freight::remove_shipment(signed(SHIPPER), id), Error::<Test>::NotClosed);
		}
	});
}
