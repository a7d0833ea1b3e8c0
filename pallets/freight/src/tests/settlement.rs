//! Claims on the escrow: agreed splits and governance's decisions.

use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_runtime::DispatchError,
};

use super::*;
use crate::{Claim, Error, Event, ShipmentState, UnitKind, VehicleLoadCount, VehicleLoads};

#[test]
fn matching_offers_split_the_escrow() {
	ExtBuilder::default().build_and_execute(|| {
		let id = delivered_shipment();
		run_to_block(3);
		assert_ok!(Freight::agree_settlement(signed(SHIPPER), id, 600));
		assert_eq!(
			shipment(id).claim,
			Some(Claim { opened_at: 3, shipper_offer: Some(600), carrier_offer: None })
		);
		let all = events();
		assert_eq!(
			all[all.len() - 2..],
			[
				Event::ClaimOpened { shipment: id },
				Event::SettlementProposed { shipment: id, by: SHIPPER, to_carrier: 600 },
			]
		);
		// Different offers: nothing moves.
		assert_ok!(Freight::agree_settlement(signed(CARRIER), id, 800));
		assert_eq!(
			shipment(id).claim,
			Some(Claim { opened_at: 3, shipper_offer: Some(600), carrier_offer: Some(800) })
		);
		assert_eq!(held(HoldReason::Escrow, SHIPPER), ESCROW);
		run_to_block(4);
		assert_ok!(Freight::agree_settlement(signed(CARRIER), id, 600));
		let entry = shipment(id);
		assert_eq!(entry.state, ShipmentState::Closed { at: 4 });
		assert_eq!((entry.escrow, entry.claim), (0, None));
		assert_eq!(entry.custodian, Some(CONSIGNEE));
		let all = events();
		assert_eq!(
			all[all.len() - 2..],
			[
				Event::SettlementProposed { shipment: id, by: CARRIER, to_carrier: 600 },
				Event::ClaimSettled {
					shipment: id,
					to_carrier: 600,
					to_shipper: 400,
					by_governance: false
				},
			]
		);
		assert_eq!(held(HoldReason::Escrow, SHIPPER), 0);
		assert_eq!(held(HoldReason::Deposit, SHIPPER), SHIPMENT_DEPOSIT);
		assert_eq!(free(SHIPPER), BALANCE - SHIPMENT_DEPOSIT - 600);
		assert_eq!(free(CARRIER), BALANCE + 600);
		assert_noop!(
			Freight::agree_settlement(signed(SHIPPER), id, 600),
			Error::<Test>::ShipmentClosed
		);
	});
}

#[test]
fn only_the_shipper_and_the_carrier_propose_a_settlement() {
	ExtBuilder::default().build_and_execute(|| {
		let id = delivered_shipment();
		for who in [SUBCARRIER, CONSIGNEE, STRANGER, SENSOR] {
			assert_noop!(Freight::agree_settlement(signed(who), id, 500), Error::<Test>::NotAParty);
		}
		assert_noop!(
			Freight::agree_settlement(signed(SHIPPER), 9, 500),
			Error::<Test>::UnknownShipment
		);
	});
}

#[test]
fn a_settlement_gives_the_carrier_at_most_the_escrow() {
	ExtBuilder::default().build_and_execute(|| {
		let id = delivered_shipment();
		assert_noop!(
			Freight::agree_settlement(signed(CARRIER), id, ESCROW + 1),
			Error::<Test>::AboveEscrow
		);
		assert_noop!(
			Freight::decide_claim(RuntimeOrigin::root(), id, ESCROW + 1),
			Error::<Test>::AboveEscrow
		);
		assert_ok!(Freight::agree_settlement(signed(CARRIER), id, ESCROW));
		assert_ok!(Freight::agree_settlement(signed(SHIPPER), id, ESCROW));
		assert_eq!(free(CARRIER), BALANCE + ESCROW);
		assert_eq!(free(SHIPPER), BALANCE - SHIPMENT_DEPOSIT - ESCROW);
	});
}

#[test]
fn settlements_need_a_root_without_units() {
	ExtBuilder::default().build_and_execute(|| {
		let item = create_shipment_of(UnitKind::Item);
		let id = create_default_shipment();
		assert_ok!(Freight::aggregate(signed(SHIPPER), item, id));
		assert_noop!(
			Freight::agree_settlement(signed(SHIPPER), item, 0),
			Error::<Test>::Aggregated
		);
		assert_noop!(Freight::agree_settlement(signed(SHIPPER), id, 0), Error::<Test>::HasChildren);
		assert_noop!(
			Freight::decide_claim(RuntimeOrigin::root(), item, 0),
			Error::<Test>::Aggregated
		);
		assert_noop!(
			Freight::decide_claim(RuntimeOrigin::root(), id, 0),
			Error::<Test>::HasChildren
		);
	});
}

#[test]
fn governance_decides_a_claim_in_transit_and_the_shipment_leaves_its_truck() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		hand_off(id, SHIPPER, CARRIER);
		assert_ok!(Freight::load(signed(CARRIER), id, TRUCK));
		assert_ok!(Freight::offer_handoff(signed(CARRIER), id, SUBCARRIER, 10));
		assert_ok!(Freight::agree_settlement(signed(SHIPPER), id, 0));
		for who in [SHIPPER, CARRIER, CONSIGNEE, STRANGER] {
			assert_noop!(Freight::decide_claim(signed(who), id, 300), DispatchError::BadOrigin);
		}
		run_to_block(7);
		assert_ok!(Freight::decide_claim(RuntimeOrigin::root(), id, 300));
		let entry = shipment(id);
		assert_eq!(entry.state, ShipmentState::Closed { at: 7 });
		assert_eq!(
			(entry.escrow, entry.claim, entry.handoff, entry.vehicle),
			(0, None, None, None)
		);
		assert_eq!(entry.custodian, Some(CARRIER));
		assert!(!VehicleLoads::<Test>::contains_key(TRUCK, id));
		assert_eq!(VehicleLoadCount::<Test>::get(TRUCK), 0);
		assert_eq!(
			last_event(),
			Event::ClaimSettled {
				shipment: id,
				to_carrier: 300,
				to_shipper: 700,
				by_governance: true
			}
		);
		assert_eq!(free(CARRIER), BALANCE + 300);
		assert_eq!(free(SHIPPER), BALANCE - SHIPMENT_DEPOSIT - 300);
		assert_eq!(held(HoldReason::Escrow, SHIPPER), 0);
		// The offer went with the closing.
		assert_noop!(Freight::accept_handoff(signed(SUBCARRIER), id), Error::<Test>::NoHandoff);
		assert_noop!(
			Freight::decide_claim(RuntimeOrigin::root(), id, 0),
			Error::<Test>::ShipmentClosed
		);
	});
}

#[test]
fn a_claim_after_an_excursion_is_settled_by_agreement() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		register_sensor(id);
		hand_off(id, SHIPPER, CARRIER);
		hand_off(id, CARRIER, CONSIGNEE);
		assert_ok!(Freight::confirm_delivery(signed(CONSIGNEE), id, pod()));
		assert_ok!(Freight::report_excursion(
			signed(SENSOR),
			id,
			1,
			99,
			polkadot_sdk::sp_core::H256::repeat_byte(1)
		));
		assert_ok!(Freight::agree_settlement(signed(CARRIER), id, 250));
		// The claim was open already: no second ClaimOpened.
		assert_eq!(
			last_event(),
			Event::SettlementProposed { shipment: id, by: CARRIER, to_carrier: 250 }
		);
		assert_ok!(Freight::agree_settlement(signed(SHIPPER), id, 250));
		assert_eq!(free(CARRIER), BALANCE + 250);
		assert_eq!(free(SHIPPER), BALANCE - SHIPMENT_DEPOSIT - 250);
		assert_eq!(held(HoldReason::Escrow, SHIPPER), 0);
	});
}
