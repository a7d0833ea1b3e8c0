//! The queries behind `FreightApi`.

use polkadot_sdk::frame_support::assert_ok;

use super::*;
use crate::{ErrorDeclaration, ErrorReason, ShipmentState, UnitKind};

#[test]
fn the_view_of_a_packed_unit_shows_its_roots_custodian() {
	ExtBuilder::default().build_and_execute(|| {
		let item = create_shipment_of(UnitKind::Item);
		let id = create_default_shipment();
		assert_ok!(Freight::aggregate(signed(SHIPPER), item, id));
		hand_off(id, SHIPPER, CARRIER);
		assert_ok!(Freight::load(signed(CARRIER), id, TRUCK));
		let view = Freight::shipment_view(item).expect("the item exists");
		assert_eq!((view.custodian, view.parent, view.root), (Some(CARRIER), Some(id), id));
		assert_eq!((view.kind, view.vehicle, view.escrow), (UnitKind::Item, None, ESCROW));
		assert_eq!(view.legs, two_legs().into_inner());
		assert_eq!(view.state, ShipmentState::Created);
		let view = Freight::shipment_view(id).expect("the pallet exists");
		assert_eq!((view.custodian, view.parent, view.root), (Some(CARRIER), None, id));
		assert_eq!((view.children, view.vehicle, view.events), (1, Some(TRUCK), 4));
		assert_eq!(view.state, ShipmentState::InTransit);
		assert_eq!(Freight::shipment_view(9), None);
	});
}

#[test]
fn the_event_log_lists_every_event_in_order_with_its_declaration() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		hand_off(id, SHIPPER, CARRIER);
		assert_ok!(Freight::load(signed(CARRIER), id, TRUCK));
		run_to_block(2);
		assert_ok!(Freight::declare_error(
			signed(CARRIER),
			id,
			2,
			ErrorReason::DidNotOccur,
			Some(1)
		));
		let log = Freight::event_log(id);
		assert_eq!(log.iter().map(|(index, ..)| *index).collect::<Vec<_>>(), vec![0, 1, 2]);
		for (index, event, _) in &log {
			assert_eq!(*event, epcis(id, *index));
		}
		assert_eq!((log[0].2.clone(), log[1].2.clone()), (None, None));
		assert_eq!(
			log[2].2,
			Some(ErrorDeclaration {
				by: CARRIER,
				at: 2,
				reason: ErrorReason::DidNotOccur,
				corrective: Some(1)
			})
		);
		assert!(Freight::event_log(9).is_empty());
	});
}

#[test]
fn carried_by_lists_a_vehicles_shipments_by_id() {
	ExtBuilder::default().build_and_execute(|| {
		let first = create_default_shipment();
		let second = create_default_shipment();
		for id in [second, first] {
			hand_off(id, SHIPPER, CARRIER);
			assert_ok!(Freight::load(signed(CARRIER), id, TRUCK));
		}
		assert_eq!(Freight::carried_by(TRUCK), vec![first, second]);
		assert!(Freight::carried_by(TRAILER).is_empty());
		assert!(Freight::carried_by(UNKNOWN_VEHICLE).is_empty());
	});
}
