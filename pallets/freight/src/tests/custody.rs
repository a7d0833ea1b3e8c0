//! Hand-offs of custody, loading and unloading.

use polkadot_sdk::frame_support::{assert_noop, assert_ok};
use v2x_primitives::{testing::MockVehicles, VehicleStatus};

use super::*;
use crate::{
	Action, BizStep, Disposition, Error, Event, EventKind, Handoff, ShipmentState, Shipments,
	UnitKind, VehicleLoadCount, VehicleLoads,
};

#[test]
fn offer_handoff_records_the_offer() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		assert_ok!(Freight::offer_handoff(signed(SHIPPER), id, CARRIER, 11));
		assert_eq!(shipment(id).handoff, Some(Handoff { to: CARRIER, expires_at: 11 }));
		assert_eq!(shipment(id).custodian, Some(SHIPPER));
		assert_eq!(
			last_event(),
			Event::HandoffOffered { shipment: id, from: SHIPPER, to: CARRIER, expires_at: 11 }
		);
	});
}

#[test]
fn only_the_custodian_may_offer_a_handoff() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		for who in [CARRIER, SUBCARRIER, CONSIGNEE, STRANGER] {
			assert_noop!(
				Freight::offer_handoff(signed(who), id, SUBCARRIER, 11),
				Error::<Test>::NotCustodian
			);
		}
		hand_off(id, SHIPPER, CARRIER);
		// The shipper no longer holds custody.
		assert_noop!(
			Freight::offer_handoff(signed(SHIPPER), id, SUBCARRIER, 11),
			Error::<Test>::NotCustodian
		);
		assert_noop!(
			Freight::offer_handoff(signed(SHIPPER), 9, CARRIER, 11),
			Error::<Test>::UnknownShipment
		);
	});
}

#[test]
fn handoffs_go_to_leg_carriers_or_the_consignee_only() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		for who in [STRANGER, SHIPPER, SENSOR] {
			assert_noop!(
				Freight::offer_handoff(signed(SHIPPER), id, who, 11),
				Error::<Test>::NotAParty
			);
		}
		for who in [CARRIER, SUBCARRIER, CONSIGNEE] {
			assert_ok!(Freight::offer_handoff(signed(SHIPPER), id, who, 11));
			assert_ok!(Freight::cancel_handoff(signed(SHIPPER), id));
		}
	});
}

#[test]
fn a_custodian_cannot_offer_custody_to_itself() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		hand_off(id, SHIPPER, CARRIER);
		assert_noop!(
			Freight::offer_handoff(signed(CARRIER), id, CARRIER, 11),
			Error::<Test>::AlreadyCustodian
		);
	});
}

#[test]
fn handoff_expiry_must_be_in_the_future_within_the_maximum() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		run_to_block(5);
		for expires_at in [0, 4, 5, 5 + MAX_HANDOFF_DURATION + 1] {
			assert_noop!(
				Freight::offer_handoff(signed(SHIPPER), id, CARRIER, expires_at),
				Error::<Test>::InvalidExpiry
			);
		}
		assert_ok!(Freight::offer_handoff(signed(SHIPPER), id, CARRIER, 6));
		assert_ok!(Freight::cancel_handoff(signed(SHIPPER), id));
		assert_ok!(Freight::offer_handoff(signed(SHIPPER), id, CARRIER, 5 + MAX_HANDOFF_DURATION));
	});
}

#[test]
fn a_live_offer_blocks_a_new_one_until_it_expires() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		assert_ok!(Freight::offer_handoff(signed(SHIPPER), id, CARRIER, 11));
		run_to_block(11);
		assert_noop!(
			Freight::offer_handoff(signed(SHIPPER), id, SUBCARRIER, 20),
			Error::<Test>::HandoffPending
		);
		// Expired: replaced.
		run_to_block(12);
		assert_ok!(Freight::offer_handoff(signed(SHIPPER), id, SUBCARRIER, 20));
		assert_eq!(shipment(id).handoff, Some(Handoff { to: SUBCARRIER, expires_at: 20 }));
	});
}

#[test]
fn an_aggregated_unit_is_handed_off_with_its_root() {
	ExtBuilder::default().build_and_execute(|| {
		let item = create_shipment_of(UnitKind::Item);
		let pallet = create_default_shipment();
		assert_ok!(Freight::aggregate(signed(SHIPPER), item, pallet));
		assert_noop!(
			Freight::offer_handoff(signed(SHIPPER), item, CARRIER, 11),
			Error::<Test>::Aggregated
		);
		assert_noop!(
			Freight::offer_handoff(signed(STRANGER), item, CARRIER, 11),
			Error::<Test>::NotCustodian
		);
		hand_off(pallet, SHIPPER, CARRIER);
		assert_eq!(Freight::custodian_of(item), Some(CARRIER));
		assert_eq!(shipment(item).custodian, None);
	});
}

#[test]
fn a_closed_shipment_cannot_be_offered() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		assert_ok!(Freight::cancel_shipment(signed(SHIPPER), id));
		assert_noop!(
			Freight::offer_handoff(signed(SHIPPER), id, CARRIER, 11),
			Error::<Test>::NotInTransit
		);
	});
}

#[test]
fn cancel_handoff_withdraws_the_offer() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		assert_ok!(Freight::offer_handoff(signed(SHIPPER), id, CARRIER, 11));
		assert_ok!(Freight::cancel_handoff(signed(SHIPPER), id));
		assert_eq!(shipment(id).handoff, None);
		assert_eq!(last_event(), Event::HandoffCancelled { shipment: id });
		assert_noop!(Freight::accept_handoff(signed(CARRIER), id), Error::<Test>::NoHandoff);
	});
}

#[test]
fn only_the_custodian_may_cancel_a_handoff() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		assert_noop!(Freight::cancel_handoff(signed(SHIPPER), id), Error::<Test>::NoHandoff);
		assert_ok!(Freight::offer_handoff(signed(SHIPPER), id, CARRIER, 11));
		for who in [CARRIER, CONSIGNEE, STRANGER] {
			assert_noop!(Freight::cancel_handoff(signed(who), id), Error::<Test>::NotCustodian);
		}
		assert_noop!(Freight::cancel_handoff(signed(SHIPPER), 9), Error::<Test>::UnknownShipment);
	});
}

#[test]
fn accept_handoff_transfers_custody() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		assert_ok!(Freight::offer_handoff(signed(SHIPPER), id, CARRIER, 11));
		run_to_block(3);
		assert_ok!(Freight::accept_handoff(signed(CARRIER), id));
		let entry = shipment(id);
		assert_eq!(entry.custodian, Some(CARRIER));
		assert_eq!(entry.handoff, None);
		assert_eq!(entry.state, ShipmentState::InTransit);
		assert_eq!(entry.leg, 0);
		assert_eq!(entry.events, 2);
		let event = epcis(id, 1);
		assert_eq!(
			(event.kind, event.action, event.biz_step, event.disposition),
			(EventKind::Transaction, Action::Observe, BizStep::Receiving, Disposition::InTransit)
		);
		assert_eq!((event.by, event.at), (CARRIER, 3));
		assert_eq!(
			events()[events().len() - 2..],
			[
				Event::EpcisEventRecorded {
					shipment: id,
					index: 1,
					kind: EventKind::Transaction,
					biz_step: BizStep::Receiving,
					by: CARRIER,
				},
				Event::CustodyTransferred { shipment: id, from: SHIPPER, to: CARRIER, leg: 0 },
			]
		);
		// Money does not move on a hand-off.
		assert_eq!(held(HoldReason::Escrow, SHIPPER), ESCROW);
		assert_eq!(free(CARRIER), BALANCE);
	});
}

#[test]
fn accept_handoff_at_expiry_works() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		assert_ok!(Freight::offer_handoff(signed(SHIPPER), id, CARRIER, 11));
		run_to_block(11);
		assert_ok!(Freight::accept_handoff(signed(CARRIER), id));
		assert_eq!(shipment(id).custodian, Some(CARRIER));
	});
}

#[test]
fn handoff_not_accepted_before_expiry_leaves_custody_with_the_offerer() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		assert_ok!(Freight::offer_handoff(signed(SHIPPER), id, CARRIER, 11));
		run_to_block(12);
		assert_noop!(Freight::accept_handoff(signed(CARRIER), id), Error::<Test>::HandoffExpired);
		let entry = shipment(id);
		assert_eq!(entry.custodian, Some(SHIPPER));
		assert_eq!(entry.state, ShipmentState::Created);
		// The offerer still holds custody: it may cancel the shipment or offer again.
		assert_ok!(Freight::offer_handoff(signed(SHIPPER), id, CARRIER, 20));
	});
}

#[test]
fn only_the_offeree_may_accept() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		assert_noop!(Freight::accept_handoff(signed(CARRIER), id), Error::<Test>::NoHandoff);
		assert_ok!(Freight::offer_handoff(signed(SHIPPER), id, CARRIER, 11));
		for who in [SHIPPER, SUBCARRIER, CONSIGNEE, STRANGER] {
			assert_noop!(Freight::accept_handoff(signed(who), id), Error::<Test>::NotOfferee);
		}
		assert_noop!(Freight::accept_handoff(signed(CARRIER), 9), Error::<Test>::UnknownShipment);
	});
}

#[test]
fn an_offer_left_on_a_closed_shipment_cannot_reopen_it() {
	ExtBuilder::default().build().execute_with(|| {
		let id = create_default_shipment();
		assert_ok!(Freight::offer_handoff(signed(SHIPPER), id, CARRIER, 11));
		// A state no call leaves behind (closing withdraws the offer), built by hand.
		Shipments::<Test>::mutate(id, |entry| {
			entry.as_mut().expect("exists").state = ShipmentState::Closed { at: 1 }
		});
		assert_noop!(Freight::accept_handoff(signed(CARRIER), id), Error::<Test>::NotInTransit);
	});
}

#[test]
fn a_later_legs_carrier_moves_the_leg_on() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		hand_off(id, SHIPPER, CARRIER);
		hand_off(id, CARRIER, SUBCARRIER);
		assert_eq!(shipment(id).leg, 1);
		assert_eq!(
			last_event(),
			Event::CustodyTransferred { shipment: id, from: CARRIER, to: SUBCARRIER, leg: 1 }
		);
		// An earlier leg's carrier does not move it back; the consignee leaves it.
		hand_off(id, SUBCARRIER, CARRIER);
		assert_eq!(shipment(id).leg, 1);
		hand_off(id, CARRIER, CONSIGNEE);
		assert_eq!(shipment(id).leg, 1);
		assert_eq!(shipment(id).custodian, Some(CONSIGNEE));
	});
}

#[test]
fn accepting_custody_ends_the_previous_vehicle_link() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		hand_off(id, SHIPPER, CARRIER);
		assert_ok!(Freight::load(signed(CARRIER), id, TRUCK));
		hand_off(id, CARRIER, SUBCARRIER);
		assert_eq!(shipment(id).vehicle, None);
		assert!(!VehicleLoads::<Test>::contains_key(TRUCK, id));
		assert!(!VehicleLoadCount::<Test>::contains_key(TRUCK));
		assert_ok!(Freight::load(signed(SUBCARRIER), id, SUB_TRUCK));
	});
}

#[test]
fn load_links_the_shipment_to_the_vehicle() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		hand_off(id, SHIPPER, CARRIER);
		run_to_block(4);
		assert_ok!(Freight::load(signed(CARRIER), id, TRUCK));
		assert_eq!(shipment(id).vehicle, Some(TRUCK));
		assert!(VehicleLoads::<Test>::contains_key(TRUCK, id));
		assert_eq!(VehicleLoadCount::<Test>::get(TRUCK), 1);
		let event = epcis(id, 2);
		assert_eq!(
			(event.kind, event.action, event.biz_step, event.disposition),
			(EventKind::Object, Action::Observe, BizStep::Loading, Disposition::InTransit)
		);
		assert_eq!((event.by, event.at), (CARRIER, 4));
		assert_eq!(last_event(), Event::ShipmentLoaded { shipment: id, vehicle: TRUCK });
	});
}

#[test]
fn only_the_custodian_may_load() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		// The truck's owner is not the custodian yet.
		for who in [CARRIER, SUBCARRIER, STRANGER] {
			assert_noop!(Freight::load(signed(who), id, TRUCK), Error::<Test>::NotCustodian);
		}
		assert_noop!(Freight::load(signed(CARRIER), 9, TRUCK), Error::<Test>::UnknownShipment);
	});
}

#[test]
fn load_needs_a_vehicle_the_custodian_may_operate() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		hand_off(id, SHIPPER, CARRIER);
		assert_noop!(Freight::load(signed(CARRIER), id, SUB_TRUCK), Error::<Test>::NotOperator);
		assert_noop!(
			Freight::load(signed(CARRIER), id, UNKNOWN_VEHICLE),
			Error::<Test>::UnknownVehicle
		);
	});
}

#[test]
fn an_operators_right_ends_after_its_last_block() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		grant_operator(TRUCK, SHIPPER, 5);
		run_to_block(6);
		assert_noop!(Freight::load(signed(SHIPPER), id, TRUCK), Error::<Test>::NotOperator);
		run_to_block(5);
		assert_ok!(Freight::load(signed(SHIPPER), id, TRUCK));
	});
}

#[test]
fn load_refuses_a_stolen_or_scrapped_vehicle() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		hand_off(id, SHIPPER, CARRIER);
		for status in [VehicleStatus::Stolen, VehicleStatus::Scrapped] {
			MockVehicles::update(TRUCK, |v| v.status = status);
			assert_noop!(
				Freight::load(signed(CARRIER), id, TRUCK),
				Error::<Test>::VehicleNotActive
			);
		}
	});
}

#[test]
fn a_loaded_shipment_cannot_be_loaded_again() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		hand_off(id, SHIPPER, CARRIER);
		assert_ok!(Freight::load(signed(CARRIER), id, TRUCK));
		assert_noop!(Freight::load(signed(CARRIER), id, TRAILER), Error::<Test>::Loaded);
		assert_noop!(Freight::load(signed(CARRIER), id, TRUCK), Error::<Test>::Loaded);
	});
}

#[test]
fn a_vehicle_carries_at_most_its_maximum() {
	ExtBuilder::default().build_and_execute(|| {
		let ids: Vec<_> =
			(0..=MAX_SHIPMENTS_PER_VEHICLE).map(|_| create_default_shipment()).collect();
		for id in &ids {
			hand_off(*id, SHIPPER, CARRIER);
		}
		for id in &ids[..MAX_SHIPMENTS_PER_VEHICLE as usize] {
			assert_ok!(Freight::load(signed(CARRIER), *id, TRUCK));
		}
		let last = ids[MAX_SHIPMENTS_PER_VEHICLE as usize];
		assert_noop!(Freight::load(signed(CARRIER), last, TRUCK), Error::<Test>::VehicleFull);
		assert_eq!(VehicleLoadCount::<Test>::get(TRUCK), MAX_SHIPMENTS_PER_VEHICLE);
		assert_ok!(Freight::load(signed(CARRIER), last, TRAILER));
	});
}

#[test]
fn an_aggregated_unit_rides_with_its_root() {
	ExtBuilder::default().build_and_execute(|| {
		let item = create_shipment_of(UnitKind::Item);
		let pallet = create_default_shipment();
		assert_ok!(Freight::aggregate(signed(SHIPPER), item, pallet));
		hand_off(pallet, SHIPPER, CARRIER);
		assert_noop!(Freight::load(signed(CARRIER), item, TRUCK), Error::<Test>::Aggregated);
		assert_ok!(Freight::load(signed(CARRIER), pallet, TRUCK));
	});
}

#[test]
fn a_closed_shipment_cannot_be_loaded() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		grant_operator(TRUCK, SHIPPER, 100);
		assert_ok!(Freight::cancel_shipment(signed(SHIPPER), id));
		assert_noop!(Freight::load(signed(SHIPPER), id, TRUCK), Error::<Test>::NotInTransit);
	});
}

#[test]
fn unload_ends_the_vehicle_link() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		hand_off(id, SHIPPER, CARRIER);
		assert_ok!(Freight::load(signed(CARRIER), id, TRUCK));
		run_to_block(7);
		assert_ok!(Freight::unload(signed(CARRIER), id));
		assert_eq!(shipment(id).vehicle, None);
		assert!(!VehicleLoads::<Test>::contains_key(TRUCK, id));
		assert!(!VehicleLoadCount::<Test>::contains_key(TRUCK));
		let event = epcis(id, 3);
		assert_eq!((event.biz_step, event.by, event.at), (BizStep::Unloading, CARRIER, 7));
		assert_eq!(last_event(), Event::ShipmentUnloaded { shipment: id, vehicle: TRUCK });
	});
}

#[test]
fn unload_needs_a_loaded_shipment_and_its_custodian() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_default_shipment();
		hand_off(id, SHIPPER, CARRIER);
		assert_noop!(Freight::unload(signed(CARRIER), id), Error::<Test>::NotLoaded);
		assert_ok!(Freight::load(signed(CARRIER), id, TRUCK));
		for who in [SHIPPER, SUBCARRIER, CONSIGNEE, STRANGER] {
			assert_noop!(Freight::unload(signed(who), id), Error::<Test>::NotCustodian);
		}
		assert_noop!(Freight::unload(signed(CARRIER), 9), Error::<Test>::UnknownShipment);
	});
}
