//! Other pallets act for an account through [`VehicleControl`] under the calls' own rules.

use super::{free, held};
use crate::{
	mock::*, ControlledLiens, Error, Event, HoldReason, SaleOffers, VehicleDevices, Vehicles,
};
use polkadot_sdk::frame_support::{assert_noop, assert_ok};
use v2x_primitives::{testing::RecordingHooks, VehicleControl, VehicleRegistry};

type Control = VehicleIdentity;

#[test]
fn a_sale_through_the_trait_pays_moves_title_and_calls_the_hooks() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(<Control as VehicleControl<_, _, _>>::offer_sale(
			&ALICE,
			0,
			&BOB,
			Some(500),
			50
		));
		assert_ok!(<Control as VehicleControl<_, _, _>>::accept_offer(&BOB, 0, 500));
		assert_eq!(Vehicles::<Test>::get(0).unwrap().owner, BOB);
		assert_eq!(free(ALICE), STARTING_BALANCE + 500);
		assert_eq!(free(BOB), STARTING_BALANCE - 500);
		assert_eq!(RecordingHooks::transfers(), vec![(0, ALICE, BOB)]);
		System::assert_last_event(
			Event::OwnershipTransferred {
				vehicle: 0,
				vin: honda_vin(),
				seller: ALICE,
				buyer: BOB,
				price: Some(500),
			}
			.into(),
		);
	});
}

#[test]
fn the_trait_refuses_what_the_calls_refuse() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_noop!(
			<Control as VehicleControl<_, _, _>>::offer_sale(&BOB, 0, &CHARLIE, None, 50),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			<Control as VehicleControl<_, _, _>>::accept_offer(&BOB, 0, 0),
			Error::<Test>::NoOffer
		);
		assert_ok!(<Control as VehicleControl<_, _, _>>::offer_sale(
			&ALICE,
			0,
			&BOB,
			Some(500),
			50
		));
		assert_noop!(
			<Control as VehicleControl<_, _, _>>::accept_offer(&BOB, 0, 499),
			Error::<Test>::PriceAboveMaximum
		);
		assert_noop!(
			<Control as VehicleControl<_, _, _>>::accept_offer(&CHARLIE, 0, 500),
			Error::<Test>::NotBuyer
		);
		assert_ok!(<Control as VehicleControl<_, _, _>>::cancel_offer(&ALICE, 0));
		assert_eq!(SaleOffers::<Test>::get(0), None);
		assert_noop!(
			<Control as VehicleControl<_, _, _>>::grant_operator(&BOB, 0, &OPERATOR, 10),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			<Control as VehicleControl<_, _, _>>::revoke_operator(&ALICE, 0, &OPERATOR),
			Error::<Test>::NotOperator
		);
	});
}

#[test]
fn operators_and_devices_through_the_trait_hold_the_owners_deposit() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(<Control as VehicleControl<_, _, _>>::grant_operator(&ALICE, 0, &OPERATOR, 20));
		assert_eq!(
			<Control as VehicleRegistry<_, _>>::operating_right(0, &OPERATOR),
			Some(v2x_primitives::OperatingRight::OperatorUntil(20))
		);
		assert_eq!(held(HoldReason::Delegate, ALICE), DELEGATE_DEPOSIT);
		assert_ok!(<Control as VehicleControl<_, _, _>>::revoke_operator(&ALICE, 0, &OPERATOR));
		assert_eq!(<Control as VehicleRegistry<_, _>>::operating_right(0, &OPERATOR), None);
		assert_eq!(held(HoldReason::Delegate, ALICE), 0);

		assert_ok!(<Control as VehicleControl<_, _, _>>::invite_device(&ALICE, 0, &DEVICE));
		assert_ok!(VehicleIdentity::accept_device_binding(RuntimeOrigin::signed(DEVICE), 0));
		assert_eq!(VehicleDevices::<Test>::get(0).len(), 1);
		assert_eq!(<Control as VehicleRegistry<_, _>>::vehicle_of_device(&DEVICE), Some(0));
		assert_ok!(<Control as VehicleControl<_, _, _>>::unbind_device(&ALICE, 0, &DEVICE));
		assert_eq!(<Control as VehicleRegistry<_, _>>::vehicle_of_device(&DEVICE), None);
		assert_eq!(held(HoldReason::Delegate, ALICE), 0);
	});
}

#[test]
fn a_theft_through_the_trait_runs_the_status_hooks() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_noop!(
			<Control as VehicleControl<_, _, _>>::report_stolen(&BOB, 0),
			Error::<Test>::NotOwner
		);
		assert_ok!(<Control as VehicleControl<_, _, _>>::report_stolen(&ALICE, 0));
		assert_eq!(
			<Control as VehicleRegistry<_, _>>::status(0),
			Some(v2x_primitives::VehicleStatus::Stolen)
		);
		assert_eq!(
			RecordingHooks::status_changes(),
			vec![(0, v2x_primitives::VehicleStatus::Stolen)]
		);
		assert_ok!(<Control as VehicleControl<_, _, _>>::report_recovered(&ALICE, 0));
		assert_eq!(
			<Control as VehicleRegistry<_, _>>::status(0),
			Some(v2x_primitives::VehicleStatus::Active)
		);
	});
}

#[test]
fn a_lien_through_the_trait_needs_no_separate_consent_and_voids_the_offer() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert!(!<Control as VehicleControl<_, _, _>>::is_lender(&LENDER));
		assert_noop!(
			<Control as VehicleControl<_, _, _>>::place_lien(&ALICE, 0, &LENDER),
			Error::<Test>::NotLender
		);
		assert_ok!(VehicleIdentity::approve_lender(RuntimeOrigin::root(), LENDER));
		assert!(<Control as VehicleControl<_, _, _>>::is_lender(&LENDER));
		assert_noop!(
			<Control as VehicleControl<_, _, _>>::place_lien(&BOB, 0, &LENDER),
			Error::<Test>::NotOwner
		);
		assert_ok!(VehicleIdentity::offer_sale(RuntimeOrigin::signed(ALICE), 0, BOB, None, 50));
		assert_ok!(<Control as VehicleControl<_, _, _>>::place_lien(&ALICE, 0, &LENDER));
		assert_eq!(<Control as VehicleControl<_, _, _>>::lien_holder(0), Some(LENDER));
		assert!(!SaleOffers::<Test>::contains_key(0));
		assert!(ControlledLiens::<Test>::contains_key(0));
		System::assert_last_event(
			Event::LienPlaced { vehicle: 0, vin: honda_vin(), lender: LENDER }.into(),
		);
		assert_noop!(
			<Control as VehicleControl<_, _, _>>::place_lien(&ALICE, 0, &LENDER),
			Error::<Test>::LienPresent
		);
	});
}

#[test]
fn a_lien_placed_through_the_trait_is_released_only_through_it() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::approve_lender(RuntimeOrigin::root(), LENDER));
		assert_ok!(<Control as VehicleControl<_, _, _>>::place_lien(&ALICE, 0, &LENDER));
		assert_noop!(
			VehicleIdentity::release_lien(RuntimeOrigin::signed(LENDER), 0),
			Error::<Test>::LienControlled
		);
		assert_noop!(
			VehicleIdentity::force_release_lien(RuntimeOrigin::root(), 0),
			Error::<Test>::LienControlled
		);
		assert_noop!(
			<Control as VehicleControl<_, _, _>>::release_lien(&BOB, 0),
			Error::<Test>::NotLienHolder
		);
		assert_ok!(<Control as VehicleControl<_, _, _>>::release_lien(&LENDER, 0));
		assert_eq!(<Control as VehicleControl<_, _, _>>::lien_holder(0), None);
		assert!(!ControlledLiens::<Test>::contains_key(0));
		System::assert_last_event(
			Event::LienReleased { vehicle: 0, vin: honda_vin(), lender: LENDER }.into(),
		);
		assert_ok!(VehicleIdentity::offer_sale(RuntimeOrigin::signed(ALICE), 0, BOB, None, 50));
	});
}

#[test]
fn governance_scrapping_ends_a_controlled_lien() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::approve_lender(RuntimeOrigin::root(), LENDER));
		assert_ok!(<Control as VehicleControl<_, _, _>>::place_lien(&ALICE, 0, &LENDER));
		assert_noop!(
			VehicleIdentity::scrap_vehicle(RuntimeOrigin::signed(ALICE), 0),
			Error::<Test>::LienPresent
		);
		assert_ok!(VehicleIdentity::scrap_vehicle(RuntimeOrigin::root(), 0));
		assert_eq!(<Control as VehicleControl<_, _, _>>::lien_holder(0), None);
		assert!(!ControlledLiens::<Test>::contains_key(0));
	});
}
