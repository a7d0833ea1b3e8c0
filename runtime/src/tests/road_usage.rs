//! Road usage with the real identity pallet and the runtime's MultiSignature: a gantry's sr25519
//! attestation pays a passage from the owner's prepaid balance, and a sale or a theft ends what
//! the old owner's consent carried (the prepaid balance, the toll provider, the platoon).

use super::{
	account, dev_chain,
	road_keys::{account_of, attestation, day_at},
	run_to_block, signed,
};
use crate::{AccountId, Balances, RoadUsage, Runtime, VehicleIdentity, UNIT};
use pallet_road_usage::{
	Event, HoldReason, Passage, Platoons, Prepaid, ServicePeriods, VehiclePlatoon,
};
use polkadot_sdk::{
	frame_support::{
		assert_noop, assert_ok,
		traits::fungible::{Inspect, InspectHold},
	},
	sp_core::H256,
	sp_keyring::Sr25519Keyring::{Alice, Dave},
};
use v2x_primitives::VehicleRegistry;

const MOTORWAY: u32 = 0;
const CAR: u64 = 0;
const LEADER: u64 = 3;
const FOLLOWER: u64 = 4;
const PLATOON: u64 = 0;

fn held(reason: HoldReason, who: &AccountId) -> u128 {
	Balances::balance_on_hold(&crate::RuntimeHoldReason::RoadUsage(reason), who)
}

fn last_event() -> Option<Event<Runtime>> {
	crate::System::events().into_iter().rev().find_map(|record| match record.event {
		crate::RuntimeEvent::RoadUsage(event) => Some(event),
		_ => None,
	})
}

#[test]
fn the_dev_preset_road_cast_has_the_keys_its_uris_name() {
	dev_chain(|| {
		assert!(pallet_road_usage::Chargers::<Runtime>::contains_key(account_of("//TollCharger")));
		assert!(pallet_road_usage::Providers::<Runtime>::contains_key(account_of(
			"//TollProvider"
		)));
		assert_eq!(VehicleIdentity::owner(LEADER), Some(account_of("//HaulierA")));
		assert_eq!(VehicleIdentity::owner(FOLLOWER), Some(account_of("//HaulierB")));
		let context = pallet_road_usage::Contexts::<Runtime>::get(MOTORWAY).unwrap();
		assert_eq!(
			context.gantries.into_inner(),
			vec![account_of("//Gantry1"), account_of("//Gantry2")]
		);
	});
}

#[test]
fn a_gantry_signed_passage_is_paid_from_the_prepaid_balance() {
	dev_chain(|| {
		run_to_block(10);
		let unit = account_of("//Alice//obu");
		assert_ok!(Balances::transfer_keep_alive(signed(Alice), unit.clone().into(), 10 * UNIT));
		assert_ok!(VehicleIdentity::bind_device(signed(Alice), CAR, unit.clone()));
		assert_ok!(VehicleIdentity::accept_device_binding(
			crate::RuntimeOrigin::signed(unit.clone()),
			CAR
		));
		let passage =
			Passage { vehicle: CAR, day: day_at(10), event: H256::repeat_byte(1), class: 1 };
		let charger = account_of("//TollCharger");
		let charger_before = Balances::balance(&charger);

		// Another key's signature is no gantry's attestation.
		assert_noop!(
			RoadUsage::report_passage(
				crate::RuntimeOrigin::signed(unit.clone()),
				MOTORWAY,
				passage,
				account_of("//Gantry1"),
				attestation("//Gantry2", MOTORWAY, &passage),
			),
			pallet_road_usage::Error::<Runtime>::BadAttestation
		);
		assert_ok!(RoadUsage::report_passage(
			crate::RuntimeOrigin::signed(unit.clone()),
			MOTORWAY,
			passage,
			account_of("//Gantry1"),
			attestation("//Gantry1", MOTORWAY, &passage),
		));
		// A car passage is 8 V2X, from Alice's 50 V2X prepaid to the charger.
		assert_eq!(Balances::balance(&charger), charger_before + 8 * UNIT);
		assert_eq!(held(HoldReason::Prepaid, &account(Alice)), 42 * UNIT);
		assert_eq!(Prepaid::<Runtime>::get(CAR).unwrap().amount, 42 * UNIT);
		assert!(
			matches!(last_event(), Some(Event::PassagePaid { amount, .. }) if amount == 8 * UNIT)
		);
	});
}

#[test]
fn selling_the_lead_truck_dissolves_the_platoon_and_returns_the_escrow() {
	dev_chain(|| {
		run_to_block(10);
		let (leader_owner, follower_owner) = (account_of("//HaulierA"), account_of("//HaulierB"));
		let escrow = held(HoldReason::PlatoonEscrow, &follower_owner);
		assert_eq!(escrow, 100 * UNIT);
		let follower_free = Balances::balance(&follower_owner);
		let leader_deposit = held(HoldReason::Deposit, &leader_owner);

		assert_ok!(VehicleIdentity::offer_sale(
			crate::RuntimeOrigin::signed(leader_owner.clone()),
			LEADER,
			account(Dave),
			None,
			100,
		));
		assert_ok!(VehicleIdentity::accept_offer(signed(Dave), LEADER, 0));

		assert!(Platoons::<Runtime>::get(PLATOON).is_none());
		assert_eq!(VehiclePlatoon::<Runtime>::get(LEADER), None);
		assert_eq!(VehiclePlatoon::<Runtime>::get(FOLLOWER), None);
		assert_eq!(held(HoldReason::PlatoonEscrow, &follower_owner), 0);
		assert_eq!(Balances::balance(&follower_owner), follower_free + escrow);
		assert_eq!(held(HoldReason::Deposit, &leader_owner), 0);
		assert!(leader_deposit > 0, "the platoon's deposit was held and is back");
		// The new owner chooses a toll provider: the old one's period ended with the sale.
		let periods = ServicePeriods::<Runtime>::get(LEADER);
		assert!(periods.iter().all(|period| period.until.is_some()));
	});
}

#[test]
fn selling_the_car_returns_the_prepaid_tolls_to_the_seller() {
	dev_chain(|| {
		run_to_block(10);
		assert_ok!(VehicleIdentity::offer_sale(signed(Alice), CAR, account(Dave), None, 100));
		assert_ok!(VehicleIdentity::accept_offer(signed(Dave), CAR, 0));
		assert_eq!(Prepaid::<Runtime>::get(CAR), None);
		assert_eq!(held(HoldReason::Prepaid, &account(Alice)), 0);
		// (Alice's free balance also gets her insurance prepayment back: the event says what
		// road usage released.)
		assert!(crate::System::events().into_iter().any(|record| record.event
			== crate::RuntimeEvent::RoadUsage(Event::PrepaidReleased {
				vehicle: CAR,
				owner: account(Alice),
				amount: 50 * UNIT
			})));
		// The buyer's unit cannot spend what the seller paid in: there is nothing left.
		assert!(VehicleIdentity::may_operate(CAR, &account(Dave)));
	});
}

#[test]
fn a_stolen_follower_leaves_the_platoon_with_its_escrow() {
	dev_chain(|| {
		run_to_block(10);
		let follower_owner = account_of("//HaulierB");
		assert_ok!(VehicleIdentity::report_stolen(
			crate::RuntimeOrigin::signed(follower_owner.clone()),
			FOLLOWER
		));
		assert_eq!(held(HoldReason::PlatoonEscrow, &follower_owner), 0);
		assert_eq!(VehiclePlatoon::<Runtime>::get(FOLLOWER), None);
		let platoon = Platoons::<Runtime>::get(PLATOON).unwrap();
		assert!(platoon.followers.is_empty());
		assert_eq!(VehiclePlatoon::<Runtime>::get(LEADER), Some(PLATOON));
	});
}
