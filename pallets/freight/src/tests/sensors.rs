//! Sensors: registration by consent, daily roots, the replay guard and excursions.

use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_core::H256,
	sp_runtime::testing::TestSignature,
};

use super::*;
use crate::{
	Action, BizStep, Claim, DailyRoot, DailyRoots, Disposition, Error, Event, EventKind, Excursion,
	Excursions, SeenRoots, Sensors, UnitKind,
};

fn root(byte: u8) -> H256 {
	H256::repeat_byte(byte)
}

fn evidence() -> H256 {
	H256::repeat_byte(0xE1)
}

/// `who` commits `root` for `day` of shipment `id`: 96 readings between 4.0 and 6.0 °C.
fn commit(
	who: u64,
	id: ShipmentId,
	day: u32,
	root: H256,
) -> polkadot_sdk::sp_runtime::DispatchResult {
	Freight::commit_readings(signed(who), id, day, root, 96, 40, 60)
}

fn excursion(
	who: u64,
	id: ShipmentId,
	at: u64,
	reading: i16,
) -> polkadot_sdk::sp_runtime::DispatchResult {
	Freight::report_excursion(signed(who), id, at, reading, evidence())
}

#[test]
fn a_sensor_registers_with_its_own_signature() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		register_sensor(id);
		assert!(Sensors::<Test>::contains_key(id, SENSOR));
		assert_eq!(shipment(id).sensors, 1);
		assert_eq!(last_event(), Event::SensorRegistered { shipment: id, device: SENSOR });
		// The custodian may register too.
		hand_off(id, SHIPPER, CARRIER);
		assert_ok!(Freight::register_sensor(
			signed(CARRIER),
			id,
			TRAILER_DEVICE,
			sensor_signature(TRAILER_DEVICE, id)
		));
		assert_eq!(shipment(id).sensors, 2);
	});
}

#[test]
fn only_the_shipper_or_the_custodian_registers_a_sensor() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		for who in [CARRIER, SUBCARRIER, CONSIGNEE, STRANGER, SENSOR] {
			assert_noop!(
				Freight::register_sensor(signed(who), id, SENSOR, sensor_signature(SENSOR, id)),
				Error::<Test>::NotCustodian
			);
		}
		assert_noop!(
			Freight::register_sensor(signed(SHIPPER), 9, SENSOR, sensor_signature(SENSOR, 9)),
			Error::<Test>::UnknownShipment
		);
	});
}

#[test]
fn register_sensor_refuses_a_forged_or_reused_consent() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		let other = create_default_shipment();
		// Signed by another device.
		assert_noop!(
			Freight::register_sensor(signed(SHIPPER), id, SENSOR, sensor_signature(STRANGER, id)),
			Error::<Test>::BadSignature
		);
		// The consent to another shipment.
		assert_noop!(
			Freight::register_sensor(signed(SHIPPER), id, SENSOR, sensor_signature(SENSOR, other)),
			Error::<Test>::BadSignature
		);
		assert_noop!(
			Freight::register_sensor(signed(SHIPPER), id, SENSOR, TestSignature(SENSOR, vec![])),
			Error::<Test>::BadSignature
		);
	});
}

#[test]
fn register_sensor_refuses_a_twice_registered_sensor_and_more_than_max_sensors() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		register_sensor(id);
		assert_noop!(
			Freight::register_sensor(signed(SHIPPER), id, SENSOR, sensor_signature(SENSOR, id)),
			Error::<Test>::AlreadyRegistered
		);
		assert_ok!(Freight::register_sensor(
			signed(SHIPPER),
			id,
			TRAILER_DEVICE,
			sensor_signature(TRAILER_DEVICE, id)
		));
		assert_eq!(shipment(id).sensors, MAX_SENSORS);
		assert_noop!(
			Freight::register_sensor(signed(SHIPPER), id, STRANGER, sensor_signature(STRANGER, id)),
			Error::<Test>::TooManySensors
		);
	});
}

#[test]
fn no_sensor_registers_to_a_delivered_or_closed_shipment() {
	ExtBuilder::default().build_and_execute(|| {
		let id = delivered_shipment();
		assert_noop!(
			Freight::register_sensor(signed(SHIPPER), id, SENSOR, sensor_signature(SENSOR, id)),
			Error::<Test>::NotInTransit
		);
		let cancelled = create_default_shipment();
		assert_ok!(Freight::cancel_shipment(signed(SHIPPER), cancelled));
		assert_noop!(
			Freight::register_sensor(
				signed(SHIPPER),
				cancelled,
				SENSOR,
				sensor_signature(SENSOR, cancelled)
			),
			Error::<Test>::NotInTransit
		);
	});
}

#[test]
fn the_device_or_the_shipper_removes_a_sensor() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		register_sensor(id);
		for who in [CARRIER, CONSIGNEE, STRANGER, TRAILER_DEVICE] {
			assert_noop!(Freight::remove_sensor(signed(who), id, SENSOR), Error::<Test>::NotSensor);
		}
		assert_ok!(Freight::remove_sensor(signed(SENSOR), id, SENSOR));
		assert!(!Sensors::<Test>::contains_key(id, SENSOR));
		assert_eq!(shipment(id).sensors, 0);
		assert_eq!(last_event(), Event::SensorRemoved { shipment: id, device: SENSOR });
		// Not registered any more.
		assert_noop!(Freight::remove_sensor(signed(SHIPPER), id, SENSOR), Error::<Test>::NotSensor);
		register_sensor(id);
		assert_ok!(Freight::remove_sensor(signed(SHIPPER), id, SENSOR));
		assert_eq!(shipment(id).sensors, 0);
	});
}

#[test]
fn a_registered_sensor_commits_a_days_root() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		register_sensor(id);
		run_to_block(3);
		assert_ok!(commit(SENSOR, id, GENESIS_DAY, root(1)));
		assert_eq!(
			DailyRoots::<Test>::get(id, (GENESIS_DAY, SENSOR)),
			Some(DailyRoot { root: root(1), readings: 96, min: 40, max: 60, at: 3 })
		);
		assert_eq!(SeenRoots::<Test>::get(root(1)), Some((id, GENESIS_DAY)));
		let entry = shipment(id);
		assert_eq!((entry.commitments, entry.events), (1, 2));
		let event = epcis(id, 1);
		assert_eq!(
			(event.kind, event.action, event.biz_step, event.by, event.data),
			(EventKind::Object, Action::Observe, BizStep::SensorReporting, SENSOR, Some(root(1)))
		);
		assert_eq!(
			last_event(),
			Event::ReadingsCommitted {
				shipment: id,
				sensor: SENSOR,
				day: GENESIS_DAY,
				root: root(1),
				readings: 96
			}
		);
	});
}

#[test]
fn a_device_bound_to_the_carrying_vehicle_reports_for_the_shipment_and_its_units() {
	ExtBuilder::default().build_and_execute(|| {
		let item = create_shipment_of(UnitKind::Item);
		let id = create_default_shipment();
		assert_ok!(Freight::aggregate(signed(SHIPPER), item, id));
		hand_off(id, SHIPPER, CARRIER);
		// Not loaded yet: the trailer's logger is nobody's sensor.
		assert_noop!(commit(TRAILER_DEVICE, id, GENESIS_DAY, root(1)), Error::<Test>::NotSensor);
		assert_ok!(Freight::load(signed(CARRIER), id, TRAILER));
		assert_ok!(commit(TRAILER_DEVICE, id, GENESIS_DAY, root(1)));
		// The item rides with its pallet.
		assert_ok!(commit(TRAILER_DEVICE, item, GENESIS_DAY, root(2)));
		assert_ok!(excursion(TRAILER_DEVICE, item, 1, 90));
		assert_eq!(shipment(item).excursions, 1);
		// Another vehicle's logger is not.
		v2x_primitives::testing::MockVehicles::update(SUB_TRUCK, |v| v.devices.push(STRANGER));
		assert_noop!(commit(STRANGER, id, GENESIS_DAY, root(3)), Error::<Test>::NotSensor);
		assert_ok!(Freight::unload(signed(CARRIER), id));
		set_day(GENESIS_DAY + 1);
		assert_noop!(
			commit(TRAILER_DEVICE, id, GENESIS_DAY + 1, root(3)),
			Error::<Test>::NotSensor
		);
	});
}

#[test]
fn only_a_sensor_commits_readings() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		for who in [SHIPPER, CARRIER, CONSIGNEE, STRANGER, SENSOR, TRAILER_DEVICE] {
			assert_noop!(commit(who, id, GENESIS_DAY, root(1)), Error::<Test>::NotSensor);
		}
		assert_noop!(commit(SENSOR, 9, GENESIS_DAY, root(1)), Error::<Test>::UnknownShipment);
	});
}

#[test]
fn commit_readings_refuses_days_outside_the_journey_and_malformed_readings() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		register_sensor(id);
		assert_noop!(commit(SENSOR, id, GENESIS_DAY - 1, root(1)), Error::<Test>::InvalidDay);
		assert_noop!(commit(SENSOR, id, GENESIS_DAY + 1, root(1)), Error::<Test>::InvalidDay);
		assert_noop!(
			Freight::commit_readings(signed(SENSOR), id, GENESIS_DAY, root(1), 96, 61, 60),
			Error::<Test>::InvalidReadings
		);
		assert_noop!(
			Freight::commit_readings(signed(SENSOR), id, GENESIS_DAY, root(1), 0, 40, 60),
			Error::<Test>::InvalidReadings
		);
		// A single reading (min == max) is fine; tomorrow, today's day still is.
		set_day(GENESIS_DAY + 1);
		assert_ok!(Freight::commit_readings(signed(SENSOR), id, GENESIS_DAY, root(1), 1, 50, 50));
		assert_ok!(commit(SENSOR, id, GENESIS_DAY + 1, root(2)));
	});
}

#[test]
fn replayed_sensor_root_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		let other = create_default_shipment();
		register_sensor(id);
		assert_ok!(Freight::register_sensor(
			signed(SHIPPER),
			other,
			SENSOR,
			sensor_signature(SENSOR, other)
		));
		assert_ok!(commit(SENSOR, id, GENESIS_DAY, root(1)));
		// The same day twice by the same sensor, with the same or another root.
		assert_noop!(commit(SENSOR, id, GENESIS_DAY, root(1)), Error::<Test>::AlreadyCommitted);
		assert_noop!(commit(SENSOR, id, GENESIS_DAY, root(2)), Error::<Test>::AlreadyCommitted);
		// The same root for another day or another shipment.
		set_day(GENESIS_DAY + 1);
		assert_noop!(commit(SENSOR, id, GENESIS_DAY + 1, root(1)), Error::<Test>::RootReplayed);
		assert_noop!(commit(SENSOR, other, GENESIS_DAY, root(1)), Error::<Test>::RootReplayed);
		assert_eq!(SeenRoots::<Test>::get(root(1)), Some((id, GENESIS_DAY)));
		// Fresh roots pass.
		assert_ok!(commit(SENSOR, id, GENESIS_DAY + 1, root(2)));
		assert_ok!(commit(SENSOR, other, GENESIS_DAY, root(3)));
		assert_eq!((shipment(id).commitments, shipment(other).commitments), (2, 1));
	});
}

#[test]
fn commit_readings_refuses_more_than_max_condition_days_and_a_closed_shipment() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		register_sensor(id);
		for day in 0..MAX_CONDITION_DAYS {
			set_day(GENESIS_DAY + day);
			assert_ok!(commit(SENSOR, id, GENESIS_DAY + day, root(day as u8 + 1)));
		}
		set_day(GENESIS_DAY + MAX_CONDITION_DAYS);
		assert_noop!(
			commit(SENSOR, id, GENESIS_DAY + MAX_CONDITION_DAYS, root(0xAA)),
			Error::<Test>::TooManyCommitments
		);
		let cancelled = create_default_shipment();
		assert_ok!(Freight::register_sensor(
			signed(SHIPPER),
			cancelled,
			SENSOR,
			sensor_signature(SENSOR, cancelled)
		));
		assert_ok!(Freight::cancel_shipment(signed(SHIPPER), cancelled));
		assert_noop!(
			commit(SENSOR, cancelled, GENESIS_DAY + MAX_CONDITION_DAYS, root(0xAB)),
			Error::<Test>::ShipmentClosed
		);
	});
}

#[test]
fn an_excursion_in_transit_opens_a_claim() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		register_sensor(id);
		hand_off(id, SHIPPER, CARRIER);
		run_to_block(4);
		assert_ok!(excursion(SENSOR, id, 3, 85));
		let entry = shipment(id);
		assert_eq!(entry.excursions, 1);
		assert_eq!(
			entry.claim,
			Some(Claim { opened_at: 4, shipper_offer: None, carrier_offer: None })
		);
		assert_eq!(
			Excursions::<Test>::get(id, 0),
			Some(Excursion { sensor: SENSOR, at: 3, reading: 85, evidence: evidence() })
		);
		let event = epcis(id, entry.events - 1);
		assert_eq!(
			(event.biz_step, event.disposition, event.by, event.data),
			(BizStep::SensorReporting, Disposition::ConformanceIssue, SENSOR, Some(evidence()))
		);
		let all = events();
		assert_eq!(
			all[all.len() - 2..],
			[
				Event::ExcursionReported { shipment: id, sensor: SENSOR, at: 3, reading: 85 },
				Event::ClaimOpened { shipment: id },
			]
		);
		assert_eq!(held(HoldReason::Escrow, SHIPPER), ESCROW);
	});
}

#[test]
fn excursions_past_the_maximum_are_counted_and_one_claim_stays_open() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		register_sensor(id);
		run_to_block(5);
		for at in 1..=3 {
			assert_ok!(excursion(SENSOR, id, at, 19));
		}
		let entry = shipment(id);
		assert_eq!(entry.excursions, 3);
		assert_eq!(Excursions::<Test>::iter_prefix(id).count(), MAX_EXCURSIONS as usize);
		assert_eq!(Excursions::<Test>::get(id, 2), None);
		assert_eq!(entry.claim.map(|claim| claim.opened_at), Some(5));
		let opened =
			events().into_iter().filter(|e| matches!(e, Event::ClaimOpened { .. })).count();
		assert_eq!(opened, 1);
	});
}

#[test]
fn an_excursion_without_escrow_opens_no_claim() {
	ExtBuilder::default().build_and_execute(|| {
		let id = crate::NextShipmentId::<Test>::get();
		assert_ok!(Freight::create_shipment(
			signed(SHIPPER),
			UnitKind::Pallet,
			CONSIGNEE,
			CARRIER,
			two_legs(),
			Some(chilled()),
			0,
			document(),
			CLAIM_WINDOW,
		));
		register_sensor(id);
		assert_ok!(excursion(SENSOR, id, 1, 81));
		assert_eq!(shipment(id).claim, None);
		assert_eq!(
			last_event(),
			Event::ExcursionReported { shipment: id, sensor: SENSOR, at: 1, reading: 81 }
		);
	});
}

#[test]
fn report_excursion_refuses_non_sensors_readings_within_the_spec_and_bad_times() {
	ExtBuilder::default().build_and_execute(|| {
		run_to_block(2);
		let id = create_default_shipment();
		register_sensor(id);
		run_to_block(6);
		for who in [SHIPPER, CARRIER, CONSIGNEE, STRANGER, TRAILER_DEVICE] {
			assert_noop!(excursion(who, id, 3, 90), Error::<Test>::NotSensor);
		}
		// The bounds themselves are within 2-8 °C.
		for reading in [20, 50, 80] {
			assert_noop!(excursion(SENSOR, id, 3, reading), Error::<Test>::NotAnExcursion);
		}
		assert_noop!(excursion(SENSOR, id, 1, 90), Error::<Test>::InvalidTime);
		assert_noop!(excursion(SENSOR, id, 7, 90), Error::<Test>::InvalidTime);
		assert_ok!(excursion(SENSOR, id, 2, 90));
		assert_ok!(excursion(SENSOR, id, 6, 90));
		assert_noop!(excursion(SENSOR, 9, 6, 90), Error::<Test>::UnknownShipment);
	});
}

#[test]
fn report_excursion_needs_a_condition_spec() {
	ExtBuilder::default().build_and_execute(|| {
		let id = crate::NextShipmentId::<Test>::get();
		assert_ok!(Freight::create_shipment(
			signed(SHIPPER),
			UnitKind::Pallet,
			CONSIGNEE,
			CARRIER,
			two_legs(),
			None,
			ESCROW,
			document(),
			CLAIM_WINDOW,
		));
		register_sensor(id);
		assert_noop!(excursion(SENSOR, id, 1, 500), Error::<Test>::NoCondition);
	});
}

#[test]
fn excursion_reported_after_proof_of_delivery_opens_a_claim_and_holds_the_escrow() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		register_sensor(id);
		hand_off(id, SHIPPER, CARRIER);
		run_to_block(5);
		hand_off(id, CARRIER, CONSIGNEE);
		assert_ok!(Freight::confirm_delivery(signed(CONSIGNEE), id, pod()));
		run_to_block(8);
		// Reported after delivery, about a reading on the way.
		assert_ok!(excursion(SENSOR, id, 4, 95));
		let entry = shipment(id);
		assert_eq!(
			entry.claim,
			Some(Claim { opened_at: 8, shipper_offer: None, carrier_offer: None })
		);
		assert_eq!(entry.escrow, ESCROW);
		assert_eq!(
			Excursions::<Test>::get(id, 0),
			Some(Excursion { sensor: SENSOR, at: 4, reading: 95, evidence: evidence() })
		);
		assert_eq!(last_event(), Event::ClaimOpened { shipment: id });
		// The claim window passes: the escrow stays held until the claim is settled.
		run_to_block(5 + CLAIM_WINDOW + 1);
		assert_noop!(Freight::release_escrow(signed(STRANGER), id), Error::<Test>::ClaimOpen);
		assert_eq!(held(HoldReason::Escrow, SHIPPER), ESCROW);
		assert_eq!(free(SHIPPER), BALANCE - SHIPMENT_DEPOSIT - ESCROW);
		assert_eq!(free(CARRIER), BALANCE);
	});
}

#[test]
fn after_delivery_an_excursion_must_predate_it_and_come_within_the_claim_window() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		register_sensor(id);
		hand_off(id, SHIPPER, CARRIER);
		run_to_block(5);
		hand_off(id, CARRIER, CONSIGNEE);
		assert_ok!(Freight::confirm_delivery(signed(CONSIGNEE), id, pod()));
		run_to_block(7);
		assert_noop!(excursion(SENSOR, id, 6, 95), Error::<Test>::AfterDelivery);
		run_to_block(5 + CLAIM_WINDOW + 1);
		assert_noop!(excursion(SENSOR, id, 5, 95), Error::<Test>::ClaimWindowClosed);
		run_to_block(5 + CLAIM_WINDOW);
		assert_ok!(excursion(SENSOR, id, 5, 95));
	});
}

#[test]
fn a_closed_shipment_takes_no_excursion() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		register_sensor(id);
		assert_ok!(Freight::cancel_shipment(signed(SHIPPER), id));
		assert_noop!(excursion(SENSOR, id, 1, 95), Error::<Test>::ShipmentClosed);
	});
}
