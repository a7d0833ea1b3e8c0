//! The EPCIS event log: users' object events and error declarations.

use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_core::H256,
};

use super::*;
use crate::{
	Action, BizStep, Disposition, Error, ErrorDeclaration, ErrorDeclarations, ErrorReason, Event,
	EventKind, ShipmentState, UnitKind,
};

fn record(who: u64, id: ShipmentId, biz_step: BizStep) -> polkadot_sdk::sp_runtime::DispatchResult {
	Freight::record_event(signed(who), id, biz_step, Disposition::InTransit, Some(HUB), None)
}

#[test]
fn record_event_appends_an_object_event() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		hand_off(id, SHIPPER, CARRIER);
		run_to_block(5);
		let evidence = H256::repeat_byte(7);
		assert_ok!(Freight::record_event(
			signed(CARRIER),
			id,
			BizStep::Departing,
			Disposition::InTransit,
			Some(WAREHOUSE),
			Some(evidence),
		));
		assert_eq!(shipment(id).events, 3);
		let event = epcis(id, 2);
		assert_eq!(
			(event.kind, event.action, event.biz_step, event.disposition),
			(EventKind::Object, Action::Observe, BizStep::Departing, Disposition::InTransit)
		);
		assert_eq!((event.by, event.at), (CARRIER, 5));
		assert_eq!(
			(event.location, event.data, event.child),
			(Some(WAREHOUSE), Some(evidence), None)
		);
		assert_eq!(
			last_event(),
			Event::EpcisEventRecorded {
				shipment: id,
				index: 2,
				kind: EventKind::Object,
				biz_step: BizStep::Departing,
				by: CARRIER,
			}
		);
	});
}

#[test]
fn only_the_custodian_may_record_events() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		hand_off(id, SHIPPER, CARRIER);
		for who in [SHIPPER, SUBCARRIER, CONSIGNEE, STRANGER] {
			assert_noop!(record(who, id, BizStep::Arriving), Error::<Test>::NotCustodian);
		}
		assert_noop!(record(CARRIER, 9, BizStep::Arriving), Error::<Test>::UnknownShipment);
	});
}

#[test]
fn the_roots_custodian_records_events_of_an_aggregated_unit() {
	ExtBuilder::default().build_and_execute(|| {
		let item = create_shipment_of(UnitKind::Item);
		let pallet = create_default_shipment();
		assert_ok!(Freight::aggregate(signed(SHIPPER), item, pallet));
		hand_off(pallet, SHIPPER, CARRIER);
		assert_ok!(record(CARRIER, item, BizStep::Inspecting));
		assert_eq!(epcis(item, 1).by, CARRIER);
		assert_noop!(record(SHIPPER, item, BizStep::Inspecting), Error::<Test>::NotCustodian);
	});
}

#[test]
fn a_closed_shipment_takes_no_events() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		assert_ok!(Freight::cancel_shipment(signed(SHIPPER), id));
		assert!(matches!(shipment(id).state, ShipmentState::Closed { .. }));
		assert_noop!(record(SHIPPER, id, BizStep::Storing), Error::<Test>::ShipmentClosed);
	});
}

#[test]
fn a_full_log_refuses_users_events_but_not_custody() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		for _ in 1..MAX_EVENTS {
			assert_ok!(record(SHIPPER, id, BizStep::Storing));
		}
		assert_eq!(shipment(id).events, MAX_EVENTS);
		assert_noop!(record(SHIPPER, id, BizStep::Storing), Error::<Test>::TooManyEvents);
		// The hand-off's own event is skipped; custody still moves.
		hand_off(id, SHIPPER, CARRIER);
		assert_eq!(shipment(id).custodian, Some(CARRIER));
		assert_eq!(shipment(id).events, MAX_EVENTS);
		assert_eq!(
			last_event(),
			Event::CustodyTransferred { shipment: id, from: SHIPPER, to: CARRIER, leg: 0 }
		);
		assert_ok!(Freight::load(signed(CARRIER), id, TRUCK));
		assert_ok!(Freight::unload(signed(CARRIER), id));
	});
}

#[test]
fn error_declaration_corrects_an_event_without_changing_it() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		hand_off(id, SHIPPER, CARRIER);
		// The carrier records an arrival at the wrong place, then the right one.
		assert_ok!(Freight::record_event(
			signed(CARRIER),
			id,
			BizStep::Arriving,
			Disposition::InTransit,
			Some(STORE),
			None,
		));
		let wrong = epcis(id, 2);
		assert_ok!(Freight::record_event(
			signed(CARRIER),
			id,
			BizStep::Arriving,
			Disposition::InTransit,
			Some(HUB),
			None,
		));
		run_to_block(8);
		assert_ok!(Freight::declare_error(
			signed(CARRIER),
			id,
			2,
			ErrorReason::IncorrectData,
			Some(3)
		));
		assert_eq!(epcis(id, 2), wrong);
		assert_eq!(shipment(id).events, 4);
		assert_eq!(
			ErrorDeclarations::<Test>::get(id, 2),
			Some(ErrorDeclaration {
				by: CARRIER,
				at: 8,
				reason: ErrorReason::IncorrectData,
				corrective: Some(3),
			})
		);
		assert_eq!(
			last_event(),
			Event::ErrorDeclared {
				shipment: id,
				event: 2,
				reason: ErrorReason::IncorrectData,
				corrective: Some(3),
			}
		);
	});
}

#[test]
fn an_event_that_did_not_occur_is_declared_without_a_correction() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		// The shipper's own commissioning event, after it handed custody off.
		hand_off(id, SHIPPER, CARRIER);
		assert_ok!(Freight::declare_error(signed(SHIPPER), id, 0, ErrorReason::DidNotOccur, None));
		assert_eq!(ErrorDeclarations::<Test>::get(id, 0).map(|d| d.corrective), Some(None));
	});
}

#[test]
fn only_the_recorder_may_declare_an_error() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		hand_off(id, SHIPPER, CARRIER);
		// Event 0 is the shipper's, event 1 the carrier's.
		for who in [CARRIER, CONSIGNEE, STRANGER] {
			assert_noop!(
				Freight::declare_error(signed(who), id, 0, ErrorReason::DidNotOccur, None),
				Error::<Test>::NotRecorder
			);
		}
		assert_noop!(
			Freight::declare_error(signed(SHIPPER), id, 1, ErrorReason::DidNotOccur, None),
			Error::<Test>::NotRecorder
		);
	});
}

#[test]
fn declare_error_needs_stored_events() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		assert_noop!(
			Freight::declare_error(signed(SHIPPER), 9, 0, ErrorReason::DidNotOccur, None),
			Error::<Test>::UnknownShipment
		);
		assert_noop!(
			Freight::declare_error(signed(SHIPPER), id, 1, ErrorReason::DidNotOccur, None),
			Error::<Test>::UnknownEvent
		);
		assert_noop!(
			Freight::declare_error(signed(SHIPPER), id, 0, ErrorReason::IncorrectData, Some(1)),
			Error::<Test>::UnknownEvent
		);
		assert_noop!(
			Freight::declare_error(signed(SHIPPER), id, 0, ErrorReason::IncorrectData, Some(0)),
			Error::<Test>::InvalidCorrection
		);
	});
}

#[test]
fn an_event_is_declared_wrong_once() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		assert_ok!(Freight::declare_error(signed(SHIPPER), id, 0, ErrorReason::DidNotOccur, None));
		assert_noop!(
			Freight::declare_error(signed(SHIPPER), id, 0, ErrorReason::IncorrectData, None),
			Error::<Test>::AlreadyDeclared
		);
	});
}
