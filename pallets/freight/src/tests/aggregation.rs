//! Packing units into parents and unpacking them.

use polkadot_sdk::frame_support::{assert_noop, assert_ok};

use super::*;
use crate::{
	Action, BizStep, Children, Disposition, Error, Event, EventKind, ShipmentState, UnitKind,
};

#[test]
fn aggregate_packs_a_unit_into_its_parent() {
	ExtBuilder::default().build_and_execute(|| {
		let item = create_shipment_of(UnitKind::Item);
		let pallet = create_default_shipment();
		run_to_block(3);
		assert_ok!(Freight::aggregate(signed(SHIPPER), item, pallet));
		let child = shipment(item);
		assert_eq!((child.custodian, child.parent), (None, Some(pallet)));
		assert_eq!(shipment(pallet).children, 1);
		assert!(Children::<Test>::contains_key(pallet, item));
		assert_eq!(Freight::custodian_of(item), Some(SHIPPER));
		// The packing event is on the parent.
		assert_eq!(shipment(item).events, 1);
		let event = epcis(pallet, 1);
		assert_eq!(
			(event.kind, event.action, event.biz_step, event.disposition),
			(EventKind::Aggregation, Action::Add, BizStep::Packing, Disposition::InProgress)
		);
		assert_eq!((event.by, event.at, event.child), (SHIPPER, 3, Some(item)));
		assert_eq!(last_event(), Event::ShipmentAggregated { child: item, parent: pallet });
		// Holds do not move.
		assert_eq!(held(HoldReason::Escrow, SHIPPER), 2 * ESCROW);
	});
}

#[test]
fn units_nest_two_levels_deep_and_follow_the_root() {
	ExtBuilder::default().build_and_execute(|| {
		let item = create_shipment_of(UnitKind::Item);
		let pallet = create_shipment_of(UnitKind::Pallet);
		let container = create_shipment_of(UnitKind::Container);
		assert_ok!(Freight::aggregate(signed(SHIPPER), item, pallet));
		// A pallet holding items goes into a container.
		assert_ok!(Freight::aggregate(signed(SHIPPER), pallet, container));
		assert_eq!(Freight::root_of(item).map(|(id, _)| id), Some(container));
		hand_off(container, SHIPPER, CARRIER);
		assert_eq!(Freight::custodian_of(item), Some(CARRIER));
		assert_eq!(Freight::custodian_of(pallet), Some(CARRIER));
		// An item goes straight into a container too.
		let loose = create_shipment_of(UnitKind::Item);
		hand_off(loose, SHIPPER, CARRIER);
		assert_ok!(Freight::aggregate(signed(CARRIER), loose, container));
		assert_eq!(shipment(container).children, 2);
	});
}

#[test]
fn aggregate_needs_both_shipments() {
	ExtBuilder::default().build_and_execute(|| {
		let pallet = create_default_shipment();
		assert_noop!(
			Freight::aggregate(signed(SHIPPER), 9, pallet),
			Error::<Test>::UnknownShipment
		);
		assert_noop!(
			Freight::aggregate(signed(SHIPPER), pallet, 9),
			Error::<Test>::UnknownShipment
		);
	});
}

#[test]
fn a_unit_goes_only_into_a_higher_kind() {
	ExtBuilder::default().build_and_execute(|| {
		let pallet = create_default_shipment();
		let other_pallet = create_default_shipment();
		let item = create_shipment_of(UnitKind::Item);
		assert_noop!(
			Freight::aggregate(signed(SHIPPER), pallet, pallet),
			Error::<Test>::InvalidAggregation
		);
		assert_noop!(
			Freight::aggregate(signed(SHIPPER), pallet, other_pallet),
			Error::<Test>::InvalidAggregation
		);
		assert_noop!(
			Freight::aggregate(signed(SHIPPER), pallet, item),
			Error::<Test>::InvalidAggregation
		);
	});
}

#[test]
fn an_aggregated_unit_cannot_be_packed_again() {
	ExtBuilder::default().build_and_execute(|| {
		let item = create_shipment_of(UnitKind::Item);
		let pallet = create_default_shipment();
		let container = create_shipment_of(UnitKind::Container);
		assert_ok!(Freight::aggregate(signed(SHIPPER), item, pallet));
		assert_noop!(
			Freight::aggregate(signed(SHIPPER), item, container),
			Error::<Test>::Aggregated
		);
	});
}

#[test]
fn only_the_custodian_of_both_may_aggregate() {
	ExtBuilder::default().build_and_execute(|| {
		let item = create_shipment_of(UnitKind::Item);
		let pallet = create_default_shipment();
		for who in [CARRIER, CONSIGNEE, STRANGER] {
			assert_noop!(
				Freight::aggregate(signed(who), item, pallet),
				Error::<Test>::NotCustodian
			);
		}
		// The carrier holds the pallet but not the item; the shipper the item only.
		hand_off(pallet, SHIPPER, CARRIER);
		assert_noop!(
			Freight::aggregate(signed(CARRIER), item, pallet),
			Error::<Test>::NotCustodian
		);
		assert_noop!(
			Freight::aggregate(signed(SHIPPER), item, pallet),
			Error::<Test>::NotCustodian
		);
	});
}

#[test]
fn a_closed_unit_cannot_be_packed() {
	ExtBuilder::default().build_and_execute(|| {
		let item = create_shipment_of(UnitKind::Item);
		let pallet = create_default_shipment();
		assert_ok!(Freight::cancel_shipment(signed(SHIPPER), item));
		assert_noop!(
			Freight::aggregate(signed(SHIPPER), item, pallet),
			Error::<Test>::NotInTransit
		);
		let other = create_shipment_of(UnitKind::Item);
		assert_ok!(Freight::cancel_shipment(signed(SHIPPER), pallet));
		assert_noop!(
			Freight::aggregate(signed(SHIPPER), other, pallet),
			Error::<Test>::NotInTransit
		);
	});
}

#[test]
fn a_pending_handoff_blocks_packing() {
	ExtBuilder::default().build_and_execute(|| {
		let item = create_shipment_of(UnitKind::Item);
		let pallet = create_shipment_of(UnitKind::Pallet);
		let container = create_shipment_of(UnitKind::Container);
		assert_ok!(Freight::offer_handoff(signed(SHIPPER), item, CARRIER, 10));
		assert_noop!(
			Freight::aggregate(signed(SHIPPER), item, pallet),
			Error::<Test>::HandoffPending
		);
		assert_ok!(Freight::cancel_handoff(signed(SHIPPER), item));
		// An offer on the parent's root counts too.
		assert_ok!(Freight::aggregate(signed(SHIPPER), pallet, container));
		assert_ok!(Freight::offer_handoff(signed(SHIPPER), container, CARRIER, 10));
		assert_noop!(
			Freight::aggregate(signed(SHIPPER), item, pallet),
			Error::<Test>::HandoffPending
		);
	});
}

#[test]
fn a_loaded_unit_cannot_be_packed() {
	ExtBuilder::default().build_and_execute(|| {
		let item = create_shipment_of(UnitKind::Item);
		let pallet = create_default_shipment();
		grant_operator(TRUCK, SHIPPER, 100);
		assert_ok!(Freight::load(signed(SHIPPER), item, TRUCK));
		assert_noop!(Freight::aggregate(signed(SHIPPER), item, pallet), Error::<Test>::Loaded);
	});
}

#[test]
fn a_parent_holds_at_most_its_maximum() {
	ExtBuilder::default().build_and_execute(|| {
		let pallet = create_default_shipment();
		for _ in 0..MAX_CHILDREN {
			let item = create_shipment_of(UnitKind::Item);
			assert_ok!(Freight::aggregate(signed(SHIPPER), item, pallet));
		}
		let item = create_shipment_of(UnitKind::Item);
		assert_noop!(
			Freight::aggregate(signed(SHIPPER), item, pallet),
			Error::<Test>::TooManyChildren
		);
		assert_eq!(shipment(pallet).children, MAX_CHILDREN);
	});
}

#[test]
fn disaggregate_unpacks_a_unit_to_the_caller() {
	ExtBuilder::default().build_and_execute(|| {
		let item = create_shipment_of(UnitKind::Item);
		let pallet = create_default_shipment();
		assert_ok!(Freight::aggregate(signed(SHIPPER), item, pallet));
		hand_off(pallet, SHIPPER, CARRIER);
		run_to_block(6);
		assert_ok!(Freight::disaggregate(signed(CARRIER), item));
		let child = shipment(item);
		assert_eq!((child.custodian, child.parent), (Some(CARRIER), None));
		// Unpacked by the carrier: no longer cancellable by the shipper.
		assert_eq!(child.state, ShipmentState::InTransit);
		assert_noop!(
			Freight::cancel_shipment(signed(SHIPPER), item),
			Error::<Test>::AlreadyPickedUp
		);
		assert_eq!(shipment(pallet).children, 0);
		assert!(!Children::<Test>::contains_key(pallet, item));
		let event = epcis(pallet, shipment(pallet).events - 1);
		assert_eq!(
			(event.kind, event.action, event.biz_step),
			(EventKind::Aggregation, Action::Delete, BizStep::Unpacking)
		);
		assert_eq!((event.by, event.at, event.child), (CARRIER, 6, Some(item)));
		assert_eq!(last_event(), Event::ShipmentDisaggregated { child: item, parent: pallet });
	});
}

#[test]
fn unpacked_by_its_shipper_a_unit_stays_cancellable() {
	ExtBuilder::default().build_and_execute(|| {
		let item = create_shipment_of(UnitKind::Item);
		let pallet = create_default_shipment();
		assert_ok!(Freight::aggregate(signed(SHIPPER), item, pallet));
		assert_ok!(Freight::disaggregate(signed(SHIPPER), item));
		assert_eq!(shipment(item).state, ShipmentState::Created);
		assert_ok!(Freight::cancel_shipment(signed(SHIPPER), item));
		assert_ok!(Freight::cancel_shipment(signed(SHIPPER), pallet));
	});
}

#[test]
fn disaggregate_needs_an_aggregated_unit() {
	ExtBuilder::default().build_and_execute(|| {
		let item = create_shipment_of(UnitKind::Item);
		assert_noop!(Freight::disaggregate(signed(SHIPPER), item), Error::<Test>::NotAggregated);
		assert_noop!(Freight::disaggregate(signed(SHIPPER), 9), Error::<Test>::UnknownShipment);
	});
}

#[test]
fn only_the_roots_custodian_may_disaggregate() {
	ExtBuilder::default().build_and_execute(|| {
		let item = create_shipment_of(UnitKind::Item);
		let pallet = create_default_shipment();
		assert_ok!(Freight::aggregate(signed(SHIPPER), item, pallet));
		hand_off(pallet, SHIPPER, CARRIER);
		for who in [SHIPPER, SUBCARRIER, CONSIGNEE, STRANGER] {
			assert_noop!(Freight::disaggregate(signed(who), item), Error::<Test>::NotCustodian);
		}
	});
}

#[test]
fn a_pending_handoff_blocks_unpacking() {
	ExtBuilder::default().build_and_execute(|| {
		let item = create_shipment_of(UnitKind::Item);
		let pallet = create_shipment_of(UnitKind::Pallet);
		let container = create_shipment_of(UnitKind::Container);
		assert_ok!(Freight::aggregate(signed(SHIPPER), item, pallet));
		assert_ok!(Freight::aggregate(signed(SHIPPER), pallet, container));
		assert_ok!(Freight::offer_handoff(signed(SHIPPER), container, CARRIER, 10));
		assert_noop!(Freight::disaggregate(signed(SHIPPER), item), Error::<Test>::HandoffPending);
		assert_noop!(Freight::disaggregate(signed(SHIPPER), pallet), Error::<Test>::HandoffPending);
		assert_ok!(Freight::cancel_handoff(signed(SHIPPER), container));
		// The item comes out of the pallet, which stays in the container.
		assert_ok!(Freight::disaggregate(signed(SHIPPER), item));
		assert_eq!(shipment(pallet).parent, Some(container));
		assert_eq!(shipment(item).custodian, Some(SHIPPER));
	});
}
