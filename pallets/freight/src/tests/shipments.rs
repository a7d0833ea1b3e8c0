//! Creating and cancelling shipments.

use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_runtime::TokenError,
};

use super::*;
use crate::{
	Action, BizStep, ConditionSpec, Disposition, Error, Event, EventKind, LegsOf, NextShipmentId,
	ShipmentState, UnitKind,
};

fn create(
	who: u64,
	consignee: u64,
	legs: LegsOf<Test>,
	condition: Option<ConditionSpec>,
	escrow: u64,
	claim_window: u64,
) -> polkadot_sdk::sp_runtime::DispatchResult {
	Freight::create_shipment(
		signed(who),
		UnitKind::Pallet,
		consignee,
		CARRIER,
		legs,
		condition,
		escrow,
		document(),
		claim_window,
	)
}

#[test]
fn create_shipment_holds_deposit_and_escrow_and_commissions_the_unit() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		assert_eq!(id, 0);
		assert_eq!(NextShipmentId::<Test>::get(), 1);
		assert_eq!(held(HoldReason::Deposit, SHIPPER), SHIPMENT_DEPOSIT);
		assert_eq!(held(HoldReason::Escrow, SHIPPER), ESCROW);
		assert_eq!(free(SHIPPER), BALANCE - SHIPMENT_DEPOSIT - ESCROW);
		let entry = shipment(id);
		assert_eq!(entry.kind, UnitKind::Pallet);
		assert_eq!((entry.shipper, entry.carrier, entry.consignee), (SHIPPER, CARRIER, CONSIGNEE));
		assert_eq!(entry.legs, two_legs());
		assert_eq!(entry.leg, 0);
		assert_eq!(entry.condition, Some(chilled()));
		assert_eq!(entry.document, document());
		assert_eq!((entry.escrow, entry.deposit), (ESCROW, SHIPMENT_DEPOSIT));
		assert_eq!(entry.claim_window, CLAIM_WINDOW);
		assert_eq!((entry.created_at, entry.created_day), (1, GENESIS_DAY));
		assert_eq!(entry.state, ShipmentState::Created);
		assert_eq!((entry.custodian, entry.parent), (Some(SHIPPER), None));
		assert_eq!(
			(entry.handoff, entry.vehicle, entry.claim, entry.pod),
			(None, None, None, None)
		);
		assert_eq!(entry.events, 1);
		let event = epcis(id, 0);
		assert_eq!(
			(event.kind, event.action, event.biz_step, event.disposition),
			(EventKind::Object, Action::Add, BizStep::Commissioning, Disposition::Active)
		);
		assert_eq!((event.by, event.at), (SHIPPER, 1));
		assert_eq!(
			(event.location, event.data, event.child),
			(Some(WAREHOUSE), Some(document()), None)
		);
		assert_eq!(
			events(),
			vec![
				Event::ShipmentCreated {
					shipment: id,
					shipper: SHIPPER,
					carrier: CARRIER,
					consignee: CONSIGNEE,
					kind: UnitKind::Pallet,
					escrow: ESCROW,
				},
				Event::EpcisEventRecorded {
					shipment: id,
					index: 0,
					kind: EventKind::Object,
					biz_step: BizStep::Commissioning,
					by: SHIPPER,
				},
			]
		);
	});
}

#[test]
fn create_shipment_without_escrow_holds_only_the_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(create(SHIPPER, CONSIGNEE, two_legs(), None, 0, CLAIM_WINDOW));
		assert_eq!(held(HoldReason::Deposit, SHIPPER), SHIPMENT_DEPOSIT);
		assert_eq!(held(HoldReason::Escrow, SHIPPER), 0);
		assert_eq!(free(SHIPPER), BALANCE - SHIPMENT_DEPOSIT);
		assert_eq!(shipment(0).escrow, 0);
		assert_eq!(shipment(0).condition, None);
	});
}

#[test]
fn shipment_ids_are_assigned_in_order() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(create_default_shipment(), 0);
		assert_eq!(create_default_shipment(), 1);
		assert_eq!(NextShipmentId::<Test>::get(), 2);
		assert_eq!(held(HoldReason::Escrow, SHIPPER), 2 * ESCROW);
		assert_eq!(held(HoldReason::Deposit, SHIPPER), 2 * SHIPMENT_DEPOSIT);
	});
}

#[test]
fn create_shipment_needs_a_leg() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			create(SHIPPER, CONSIGNEE, Default::default(), None, ESCROW, CLAIM_WINDOW),
			Error::<Test>::NoLegs
		);
	});
}

#[test]
fn create_shipment_needs_an_ordered_condition() {
	ExtBuilder::default().build_and_execute(|| {
		let inverted = ConditionSpec { min: 81, max: 80 };
		assert_noop!(
			create(SHIPPER, CONSIGNEE, two_legs(), Some(inverted), ESCROW, CLAIM_WINDOW),
			Error::<Test>::InvalidCondition
		);
		// A single temperature is a valid range.
		let exact = ConditionSpec { min: 40, max: 40 };
		assert_ok!(create(SHIPPER, CONSIGNEE, two_legs(), Some(exact), ESCROW, CLAIM_WINDOW));
	});
}

#[test]
fn create_shipment_refuses_a_claim_window_outside_the_bounds() {
	ExtBuilder::default().build_and_execute(|| {
		for window in [0, MIN_CLAIM_WINDOW - 1, MAX_CLAIM_WINDOW + 1] {
			assert_noop!(
				create(SHIPPER, CONSIGNEE, two_legs(), None, ESCROW, window),
				Error::<Test>::InvalidClaimWindow
			);
		}
	});
}

#[test]
fn create_shipment_accepts_the_claim_window_bounds() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(create(SHIPPER, CONSIGNEE, two_legs(), None, ESCROW, MIN_CLAIM_WINDOW));
		assert_ok!(create(SHIPPER, CONSIGNEE, two_legs(), None, ESCROW, MAX_CLAIM_WINDOW));
		assert_eq!(shipment(0).claim_window, MIN_CLAIM_WINDOW);
		assert_eq!(shipment(1).claim_window, MAX_CLAIM_WINDOW);
	});
}

#[test]
fn shipper_cannot_ship_to_itself() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			create(SHIPPER, SHIPPER, two_legs(), None, ESCROW, CLAIM_WINDOW),
			Error::<Test>::SelfDealing
		);
	});
}

#[test]
fn create_shipment_needs_funds_for_deposit_and_escrow() {
	ExtBuilder::default().build_and_execute(|| {
		// An account with no funds cannot pay the deposit.
		let pauper = 99;
		assert_noop!(
			create(pauper, CONSIGNEE, two_legs(), None, 0, CLAIM_WINDOW),
			TokenError::FundsUnavailable
		);
		// Nor can the shipper hold an escrow beyond its balance: nothing is held.
		assert_noop!(
			create(SHIPPER, CONSIGNEE, two_legs(), None, BALANCE, CLAIM_WINDOW),
			TokenError::FundsUnavailable
		);
		assert_eq!(held(HoldReason::Deposit, SHIPPER), 0);
		assert_eq!(free(SHIPPER), BALANCE);
	});
}

#[test]
fn cancel_shipment_refunds_the_escrow_and_keeps_the_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		run_to_block(4);
		assert_ok!(Freight::cancel_shipment(signed(SHIPPER), id));
		let entry = shipment(id);
		assert_eq!(entry.state, ShipmentState::Closed { at: 4 });
		assert_eq!(entry.escrow, 0);
		assert_eq!(entry.custodian, Some(SHIPPER));
		assert_eq!(held(HoldReason::Escrow, SHIPPER), 0);
		assert_eq!(held(HoldReason::Deposit, SHIPPER), SHIPMENT_DEPOSIT);
		assert_eq!(free(SHIPPER), BALANCE - SHIPMENT_DEPOSIT);
		assert_eq!(last_event(), Event::ShipmentCancelled { shipment: id });
	});
}

#[test]
fn only_the_shipper_may_cancel() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		for who in [CARRIER, SUBCARRIER, CONSIGNEE, STRANGER] {
			assert_noop!(Freight::cancel_shipment(signed(who), id), Error::<Test>::NotShipper);
		}
		assert_noop!(Freight::cancel_shipment(signed(SHIPPER), 7), Error::<Test>::UnknownShipment);
	});
}

#[test]
fn a_picked_up_shipment_cannot_be_cancelled() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		hand_off(id, SHIPPER, CARRIER);
		assert_noop!(Freight::cancel_shipment(signed(SHIPPER), id), Error::<Test>::AlreadyPickedUp);
		assert_eq!(held(HoldReason::Escrow, SHIPPER), ESCROW);
	});
}

#[test]
fn a_cancelled_shipment_cannot_be_cancelled_again() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		assert_ok!(Freight::cancel_shipment(signed(SHIPPER), id));
		assert_noop!(Freight::cancel_shipment(signed(SHIPPER), id), Error::<Test>::AlreadyPickedUp);
	});
}

#[test]
fn a_parent_or_an_aggregated_unit_cannot_be_cancelled() {
	ExtBuilder::default().build_and_execute(|| {
		let item = create_shipment_of(UnitKind::Item);
		let pallet = create_default_shipment();
		assert_ok!(Freight::aggregate(signed(SHIPPER), item, pallet));
		assert_noop!(Freight::cancel_shipment(signed(SHIPPER), pallet), Error::<Test>::HasChildren);
		assert_noop!(Freight::cancel_shipment(signed(SHIPPER), item), Error::<Test>::Aggregated);
	});
}

#[test]
fn a_loaded_shipment_cannot_be_cancelled() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		grant_operator(TRUCK, SHIPPER, 100);
		assert_ok!(Freight::load(signed(SHIPPER), id, TRUCK));
		assert_noop!(Freight::cancel_shipment(signed(SHIPPER), id), Error::<Test>::Loaded);
		assert_ok!(Freight::unload(signed(SHIPPER), id));
		assert_ok!(Freight::cancel_shipment(signed(SHIPPER), id));
	});
}

#[test]
fn cancelling_withdraws_a_pending_handoff() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		assert_ok!(Freight::offer_handoff(signed(SHIPPER), id, CARRIER, 10));
		assert_ok!(Freight::cancel_shipment(signed(SHIPPER), id));
		assert_eq!(shipment(id).handoff, None);
		assert_noop!(Freight::accept_handoff(signed(CARRIER), id), Error::<Test>::NoHandoff);
	});
}
