//! Genesis shipments, built as the calls would.

use polkadot_sdk::frame_support::assert_ok;

use super::*;
use crate::{
	Action, BizStep, GenesisConfig, GenesisShipment, NextShipmentId, ShipmentState, UnitKind,
	VehicleLoadCount, VehicleLoads,
};

fn genesis_shipment(
	custodian: u64,
	vehicle: Option<v2x_primitives::VehicleId>,
) -> GenesisShipment<u64, u64, u64> {
	GenesisShipment {
		shipper: SHIPPER,
		carrier: CARRIER,
		consignee: CONSIGNEE,
		kind: UnitKind::Pallet,
		legs: two_legs().into_inner(),
		condition: Some(chilled()),
		escrow: ESCROW,
		document: document(),
		claim_window: CLAIM_WINDOW,
		custodian,
		vehicle,
	}
}

fn with(shipments: Vec<GenesisShipment<u64, u64, u64>>) -> ExtBuilder {
	ExtBuilder::default().with_genesis(GenesisConfig { shipments })
}

#[test]
fn a_genesis_shipment_handed_off_and_loaded_is_in_transit_on_its_vehicle() {
	with(vec![genesis_shipment(CARRIER, Some(TRUCK))]).build_and_execute(|| {
		assert_eq!(NextShipmentId::<Test>::get(), 1);
		let entry = shipment(0);
		assert_eq!(entry.state, ShipmentState::InTransit);
		assert_eq!((entry.custodian, entry.vehicle, entry.leg), (Some(CARRIER), Some(TRUCK), 0));
		assert_eq!((entry.created_at, entry.handoff), (0, None));
		assert!(VehicleLoads::<Test>::contains_key(TRUCK, 0));
		assert_eq!(VehicleLoadCount::<Test>::get(TRUCK), 1);
		let steps = Freight::event_log(0)
			.into_iter()
			.map(|(_, event, _)| (event.biz_step, event.action, event.by))
			.collect::<Vec<_>>();
		assert_eq!(
			steps,
			vec![
				(BizStep::Commissioning, Action::Add, SHIPPER),
				(BizStep::Receiving, Action::Observe, CARRIER),
				(BizStep::Loading, Action::Observe, CARRIER),
			]
		);
		assert_eq!(held(HoldReason::Escrow, SHIPPER), ESCROW);
		assert_eq!(held(HoldReason::Deposit, SHIPPER), SHIPMENT_DEPOSIT);
		assert_eq!(free(SHIPPER), BALANCE - ESCROW - SHIPMENT_DEPOSIT);
		// It goes on as any shipment.
		assert_ok!(Freight::unload(signed(CARRIER), 0));
		assert_eq!(create_default_shipment(), 1);
	});
}

#[test]
fn a_genesis_shipment_with_its_shipper_is_created() {
	with(vec![genesis_shipment(SHIPPER, None), genesis_shipment(SUBCARRIER, None)])
		.build_and_execute(|| {
			assert_eq!(shipment(0).state, ShipmentState::Created);
			assert_eq!((shipment(0).custodian, shipment(0).events), (Some(SHIPPER), 1));
			assert_eq!(shipment(1).state, ShipmentState::InTransit);
			// SUBCARRIER runs leg 1.
			assert_eq!((shipment(1).custodian, shipment(1).leg), (Some(SUBCARRIER), 1));
			assert_eq!(held(HoldReason::Escrow, SHIPPER), 2 * ESCROW);
		});
}

#[test]
#[should_panic(expected = "genesis shipment 0")]
fn a_genesis_shipment_on_a_vehicle_its_custodian_may_not_operate_stops_the_build() {
	with(vec![genesis_shipment(CARRIER, Some(SUB_TRUCK))]).build();
}

#[test]
#[should_panic(expected = "genesis shipment 0")]
fn a_genesis_shipment_handed_to_a_stranger_stops_the_build() {
	with(vec![genesis_shipment(STRANGER, None)]).build();
}
