//! Freight with the real identity pallet and the runtime's MultiSignature: the dev preset's
//! shipment in transit on truck 3, a logger that signs its own registration, a trailer's bound
//! device reporting for the shipment its trailer carries, and a sale, theft or scrapping of the
//! truck ending what it carried (custody stays with the haulier).

use super::{
	account, dev_chain, road_keys::account_of, road_keys::day_at, road_keys::pair, run_to_block,
	signed,
};
use crate::{AccountId, Balances, Freight, Runtime, RuntimeOrigin, VehicleIdentity, UNIT};
use pallet_freight::{Event, HoldReason, LinkEnd, ShipmentState, Shipments};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold},
	sp_core::{Pair, H256},
	sp_keyring::Sr25519Keyring::{Alice, Bob, Dave},
	sp_runtime::MultiSignature,
};

/// The dev preset's shipment and the truck carrying it.
const SHIPMENT: u64 = 0;
const TRUCK: u64 = 3;
const ESCROW: u128 = 500 * UNIT;

fn haulier_a() -> AccountId {
	account_of("//HaulierA")
}

fn escrow_held(who: &AccountId) -> u128 {
	Balances::balance_on_hold(&crate::RuntimeHoldReason::Freight(HoldReason::Escrow), who)
}

fn freight_events() -> Vec<Event<Runtime>> {
	crate::System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			crate::RuntimeEvent::Freight(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// HaulierA binds `uri`'s account to the truck as a device; the device accepts.
fn bind_to_truck(uri: &str) -> AccountId {
	let device = account_of(uri);
	assert_ok!(Balances::transfer_keep_alive(signed(Alice), device.clone().into(), 10 * UNIT));
	assert_ok!(VehicleIdentity::bind_device(
		RuntimeOrigin::signed(haulier_a()),
		TRUCK,
		device.clone()
	));
	assert_ok!(VehicleIdentity::accept_device_binding(
		RuntimeOrigin::signed(device.clone()),
		TRUCK
	));
	device
}

fn commit(device: &AccountId, root: u8) -> polkadot_sdk::sp_runtime::DispatchResult {
	Freight::commit_readings(
		RuntimeOrigin::signed(device.clone()),
		SHIPMENT,
		day_at(crate::System::block_number()),
		H256::repeat_byte(root),
		96,
		40,
		60,
	)
}

fn assert_invariants() {
	assert_eq!(VehicleIdentity::do_try_state(), Ok(()));
	assert_eq!(Freight::do_try_state(), Ok(()));
}

#[test]
fn the_dev_preset_has_bobs_vaccines_in_transit_on_truck_3() {
	dev_chain(|| {
		let shipment = Shipments::<Runtime>::get(SHIPMENT).unwrap();
		assert_eq!(shipment.shipper, account(Bob));
		assert_eq!(shipment.consignee, account(Dave));
		assert_eq!(shipment.carrier, haulier_a());
		assert_eq!(shipment.custodian, Some(haulier_a()));
		assert_eq!(shipment.state, ShipmentState::InTransit);
		assert_eq!(shipment.vehicle, Some(TRUCK));
		assert_eq!(shipment.legs.len(), 2);
		assert_eq!(escrow_held(&account(Bob)), ESCROW);
		assert_eq!(Freight::carried_by(TRUCK), vec![SHIPMENT]);
		let passport =
			crate::passport::vehicle_passport(v2x_primitives::VehicleRef::Id(TRUCK), None).unwrap();
		assert_eq!(passport.freight, vec![SHIPMENT]);
		assert_invariants();
	});
}

#[test]
fn a_logger_registered_with_its_own_sr25519_signature_commits_the_days_root() {
	dev_chain(|| {
		run_to_block(10);
		let logger = pair("//Logger");
		let logger_account = account_of("//Logger");
		assert_ok!(Balances::transfer_keep_alive(
			signed(Alice),
			logger_account.clone().into(),
			10 * UNIT
		));
		let payload = pallet_freight::Pallet::<Runtime>::sensor_payload(SHIPMENT);
		// A signature by another key, or on another shipment, is refused.
		let forged = MultiSignature::Sr25519(pair("//Mallory").sign(&payload));
		assert_noop!(
			Freight::register_sensor(
				RuntimeOrigin::signed(haulier_a()),
				SHIPMENT,
				logger_account.clone(),
				forged
			),
			pallet_freight::Error::<Runtime>::BadSignature
		);
		let consent = MultiSignature::Sr25519(logger.sign(&payload));
		assert_ok!(Freight::register_sensor(
			RuntimeOrigin::signed(haulier_a()),
			SHIPMENT,
			logger_account.clone(),
			consent
		));
		assert_ok!(commit(&logger_account, 7));
		// The same root again, on any day or shipment, is a replay.
		run_to_block(10 + 14_400);
		assert_noop!(commit(&logger_account, 7), pallet_freight::Error::<Runtime>::RootReplayed);
		assert_invariants();
	});
}

#[test]
fn a_stolen_truck_stops_carrying_the_shipment_and_its_device_stops_reporting_for_it() {
	dev_chain(|| {
		run_to_block(10);
		let device = bind_to_truck("//TruckLogger");
		assert_ok!(commit(&device, 1));

		assert_ok!(VehicleIdentity::report_stolen(RuntimeOrigin::signed(haulier_a()), TRUCK));

		assert!(freight_events().contains(&Event::VehicleLinkEnded {
			shipment: SHIPMENT,
			vehicle: TRUCK,
			cause: LinkEnd::Stolen
		}));
		assert_eq!(Freight::carried_by(TRUCK), Vec::<u64>::new());
		let shipment = Shipments::<Runtime>::get(SHIPMENT).unwrap();
		assert_eq!(shipment.vehicle, None);
		assert_eq!(shipment.custodian, Some(haulier_a()), "custody stays with the haulier");
		assert_eq!(escrow_held(&account(Bob)), ESCROW);
		// The device is still bound to the stolen truck (evidence), but the truck no longer
		// carries the shipment.
		assert_noop!(commit(&device, 2), pallet_freight::Error::<Runtime>::NotSensor);
		assert_invariants();
	});
}

#[test]
fn selling_or_scrapping_the_truck_ends_the_link_and_the_passport_shows_it() {
	for scrap in [false, true] {
		dev_chain(|| {
			run_to_block(10);
			if scrap {
				assert_ok!(VehicleIdentity::scrap_vehicle(
					RuntimeOrigin::signed(haulier_a()),
					TRUCK
				));
			} else {
				assert_ok!(VehicleIdentity::offer_sale(
					RuntimeOrigin::signed(haulier_a()),
					TRUCK,
					account(Dave),
					None,
					100,
				));
				assert_ok!(VehicleIdentity::accept_offer(signed(Dave), TRUCK, 0));
			}
			let cause = if scrap { LinkEnd::Scrapped } else { LinkEnd::Sold };
			assert!(freight_events().contains(&Event::VehicleLinkEnded {
				shipment: SHIPMENT,
				vehicle: TRUCK,
				cause
			}));
			assert_eq!(Shipments::<Runtime>::get(SHIPMENT).unwrap().vehicle, None);
			let passport =
				crate::passport::vehicle_passport(v2x_primitives::VehicleRef::Id(TRUCK), None)
					.unwrap();
			assert!(passport.freight.is_empty());
			assert_invariants();
		});
	}
}
