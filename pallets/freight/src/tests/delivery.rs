//! Proof of delivery and the escrow's release after the claim window.

use polkadot_sdk::frame_support::{assert_noop, assert_ok};

use super::*;
use crate::{
	Action, BizStep, Disposition, Error, Event, EventKind, Handoff, ShipmentState, UnitKind,
	VehicleLoadCount, VehicleLoads,
};

#[test]
fn the_consignee_holding_custody_confirms_delivery() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		hand_off(id, SHIPPER, CARRIER);
		hand_off(id, CARRIER, CONSIGNEE);
		run_to_block(3);
		assert_ok!(Freight::confirm_delivery(signed(CONSIGNEE), id, pod()));
		let entry = shipment(id);
		assert_eq!(entry.state, ShipmentState::Delivered { at: 3 });
		assert_eq!((entry.custodian, entry.pod), (Some(CONSIGNEE), Some(pod())));
		let event = epcis(id, entry.events - 1);
		assert_eq!(
			(event.kind, event.action, event.biz_step, event.disposition),
			(
				EventKind::Object,
				Action::Observe,
				BizStep::Receiving,
				Disposition::CompletenessVerified
			)
		);
		assert_eq!((event.by, event.at, event.data), (CONSIGNEE, 3, Some(pod())));
		assert_eq!(
			last_event(),
			Event::ShipmentDelivered { shipment: id, consignee: CONSIGNEE, pod: pod() }
		);
		// The escrow waits for the claim window.
		assert_eq!(held(HoldReason::Escrow, SHIPPER), ESCROW);
	});
}

#[test]
fn the_consignee_signs_for_an_offered_shipment_off_the_truck() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		hand_off(id, SHIPPER, CARRIER);
		assert_ok!(Freight::load(signed(CARRIER), id, TRUCK));
		assert_ok!(Freight::offer_handoff(signed(CARRIER), id, CONSIGNEE, 5));
		run_to_block(5);
		assert_ok!(Freight::confirm_delivery(signed(CONSIGNEE), id, pod()));
		let entry = shipment(id);
		assert_eq!(entry.state, ShipmentState::Delivered { at: 5 });
		assert_eq!((entry.custodian, entry.handoff, entry.vehicle), (Some(CONSIGNEE), None, None));
		assert!(!VehicleLoads::<Test>::contains_key(TRUCK, id));
		assert_eq!(VehicleLoadCount::<Test>::get(TRUCK), 0);
		assert_eq!(Freight::carried_by(TRUCK), Vec::<ShipmentId>::new());
		// No hand-off may follow a delivery.
		assert_noop!(Freight::accept_handoff(signed(CONSIGNEE), id), Error::<Test>::NoHandoff);
	});
}

#[test]
fn an_expired_offer_does_not_deliver() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		hand_off(id, SHIPPER, CARRIER);
		assert_ok!(Freight::offer_handoff(signed(CARRIER), id, CONSIGNEE, 5));
		run_to_block(6);
		assert_noop!(
			Freight::confirm_delivery(signed(CONSIGNEE), id, pod()),
			Error::<Test>::HandoffExpired
		);
		assert_eq!(shipment(id).custodian, Some(CARRIER));
		assert_eq!(shipment(id).handoff, Some(Handoff { to: CONSIGNEE, expires_at: 5 }));
	});
}

#[test]
fn only_the_consignee_confirms_delivery() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		hand_off(id, SHIPPER, CARRIER);
		assert_ok!(Freight::offer_handoff(signed(CARRIER), id, CONSIGNEE, 5));
		for who in [SHIPPER, CARRIER, SUBCARRIER, STRANGER, SENSOR] {
			assert_noop!(
				Freight::confirm_delivery(signed(who), id, pod()),
				Error::<Test>::NotConsignee
			);
		}
		assert_noop!(
			Freight::confirm_delivery(signed(CONSIGNEE), 9, pod()),
			Error::<Test>::UnknownShipment
		);
	});
}

#[test]
fn the_consignee_needs_custody_or_an_offer() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		hand_off(id, SHIPPER, CARRIER);
		assert_noop!(
			Freight::confirm_delivery(signed(CONSIGNEE), id, pod()),
			Error::<Test>::NotCustodian
		);
		// An offer to someone else does not do.
		assert_ok!(Freight::offer_handoff(signed(CARRIER), id, SUBCARRIER, 5));
		assert_noop!(
			Freight::confirm_delivery(signed(CONSIGNEE), id, pod()),
			Error::<Test>::NotCustodian
		);
	});
}

#[test]
fn confirm_delivery_needs_a_root_in_transit_without_units() {
	ExtBuilder::default().build_and_execute(|| {
		// Still with the shipper.
		let created = create_default_shipment();
		assert_noop!(
			Freight::confirm_delivery(signed(CONSIGNEE), created, pod()),
			Error::<Test>::NotInTransit
		);
		let item = create_shipment_of(UnitKind::Item);
		let id = create_default_shipment();
		assert_ok!(Freight::aggregate(signed(SHIPPER), item, id));
		hand_off(id, SHIPPER, CARRIER);
		hand_off(id, CARRIER, CONSIGNEE);
		assert_noop!(
			Freight::confirm_delivery(signed(CONSIGNEE), item, pod()),
			Error::<Test>::Aggregated
		);
		assert_noop!(
			Freight::confirm_delivery(signed(CONSIGNEE), id, pod()),
			Error::<Test>::HasChildren
		);
		assert_ok!(Freight::disaggregate(signed(CONSIGNEE), item));
		assert_ok!(Freight::confirm_delivery(signed(CONSIGNEE), id, pod()));
		// Delivered once.
		assert_noop!(
			Freight::confirm_delivery(signed(CONSIGNEE), id, pod()),
			Error::<Test>::NotInTransit
		);
	});
}

#[test]
fn the_escrow_goes_to_the_carrier_the_block_after_the_claim_window() {
	ExtBuilder::default().build_and_execute(|| {
		run_to_block(4);
		let id = delivered_shipment();
		run_to_block(4 + CLAIM_WINDOW);
		assert_noop!(Freight::release_escrow(signed(STRANGER), id), Error::<Test>::ClaimWindowOpen);
		run_to_block(4 + CLAIM_WINDOW + 1);
		assert_ok!(Freight::release_escrow(signed(STRANGER), id));
		let entry = shipment(id);
		assert_eq!(entry.state, ShipmentState::Closed { at: 4 + CLAIM_WINDOW + 1 });
		assert_eq!(entry.escrow, 0);
		assert_eq!(
			last_event(),
			Event::EscrowReleased { shipment: id, carrier: CARRIER, amount: ESCROW }
		);
		assert_eq!(held(HoldReason::Escrow, SHIPPER), 0);
		assert_eq!(held(HoldReason::Deposit, SHIPPER), SHIPMENT_DEPOSIT);
		assert_eq!(free(SHIPPER), BALANCE - SHIPMENT_DEPOSIT - ESCROW);
		assert_eq!(free(CARRIER), BALANCE + ESCROW);
		assert_eq!(free(STRANGER), BALANCE);
		// Paid once.
		assert_noop!(Freight::release_escrow(signed(STRANGER), id), Error::<Test>::NotDelivered);
	});
}

#[test]
fn release_escrow_needs_a_delivered_shipment_without_claim() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		hand_off(id, SHIPPER, CARRIER);
		run_to_block(50);
		assert_noop!(Freight::release_escrow(signed(CARRIER), id), Error::<Test>::NotDelivered);
		assert_noop!(Freight::release_escrow(signed(CARRIER), 9), Error::<Test>::UnknownShipment);
		hand_off(id, CARRIER, CONSIGNEE);
		assert_ok!(Freight::confirm_delivery(signed(CONSIGNEE), id, pod()));
		assert_ok!(Freight::agree_settlement(signed(SHIPPER), id, 0));
		run_to_block(50 + CLAIM_WINDOW + 1);
		assert_noop!(Freight::release_escrow(signed(CARRIER), id), Error::<Test>::ClaimOpen);
	});
}

#[test]
fn a_shipment_without_escrow_closes_with_nothing_to_pay() {
	ExtBuilder::default().build_and_execute(|| {
		let id = crate::NextShipmentId::<Test>::get();
		assert_ok!(Freight::create_shipment(
			signed(SHIPPER),
			UnitKind::Pallet,
			CONSIGNEE,
			CARRIER,
			two_legs(),
			None,
			0,
			document(),
			MIN_CLAIM_WINDOW,
		));
		hand_off(id, SHIPPER, CONSIGNEE);
		assert_ok!(Freight::confirm_delivery(signed(CONSIGNEE), id, pod()));
		run_to_block(1 + MIN_CLAIM_WINDOW + 1);
		assert_ok!(Freight::release_escrow(signed(CONSIGNEE), id));
		assert_eq!(
			last_event(),
			Event::EscrowReleased { shipment: id, carrier: CARRIER, amount: 0 }
		);
		assert_eq!(free(CARRIER), BALANCE);
		assert_eq!(free(SHIPPER), BALANCE - SHIPMENT_DEPOSIT);
	});
}
