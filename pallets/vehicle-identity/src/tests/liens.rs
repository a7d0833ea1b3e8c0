use crate::{mock::*, Error, Event, Lenders, LienConsents, Vehicles};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_runtime::DispatchError,
};

/// Governance approves `LENDER`, Alice consents, the lender places its lien on vehicle 0.
pub fn place_lien_on_vehicle_0() {
	assert_ok!(VehicleIdentity::approve_lender(RuntimeOrigin::root(), LENDER));
	assert_ok!(VehicleIdentity::consent_to_lien(RuntimeOrigin::signed(ALICE), 0, LENDER));
	assert_ok!(VehicleIdentity::place_lien(RuntimeOrigin::signed(LENDER), 0));
}

#[test]
fn governance_approves_and_revokes_lenders() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(VehicleIdentity::approve_lender(RuntimeOrigin::root(), LENDER));
		assert!(Lenders::<Test>::contains_key(LENDER));
		System::assert_last_event(Event::LenderApproved { lender: LENDER }.into());
		assert_ok!(VehicleIdentity::revoke_lender(RuntimeOrigin::root(), LENDER));
		assert!(!Lenders::<Test>::contains_key(LENDER));
		System::assert_last_event(Event::LenderRevoked { lender: LENDER }.into());
	});
}

#[test]
fn only_governance_manages_lenders() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::approve_lender(RuntimeOrigin::signed(LENDER), LENDER),
			DispatchError::BadOrigin
		);
		assert_ok!(VehicleIdentity::approve_lender(RuntimeOrigin::root(), LENDER));
		assert_noop!(
			VehicleIdentity::revoke_lender(RuntimeOrigin::signed(LENDER), LENDER),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn a_lender_is_approved_once_and_revoked_once() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(VehicleIdentity::approve_lender(RuntimeOrigin::root(), LENDER));
		assert_noop!(
			VehicleIdentity::approve_lender(RuntimeOrigin::root(), LENDER),
			Error::<Test>::AlreadyLender
		);
		assert_ok!(VehicleIdentity::revoke_lender(RuntimeOrigin::root(), LENDER));
		assert_noop!(
			VehicleIdentity::revoke_lender(RuntimeOrigin::root(), LENDER),
			Error::<Test>::NotLender
		);
	});
}

#[test]
fn owner_consent_then_lender_places_the_lien() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::approve_lender(RuntimeOrigin::root(), LENDER));
		assert_ok!(VehicleIdentity::consent_to_lien(RuntimeOrigin::signed(ALICE), 0, LENDER));
		assert_eq!(LienConsents::<Test>::get(0), Some(LENDER));
		System::assert_last_event(
			Event::LienConsented { vehicle: 0, vin: honda_vin(), owner: ALICE, lender: LENDER }
				.into(),
		);
		assert_ok!(VehicleIdentity::place_lien(RuntimeOrigin::signed(LENDER), 0));
		assert_eq!(Vehicles::<Test>::get(0).unwrap().lien, Some(LENDER));
		assert_eq!(LienConsents::<Test>::get(0), None);
		System::assert_last_event(
			Event::LienPlaced { vehicle: 0, vin: honda_vin(), lender: LENDER }.into(),
		);
	});
}

#[test]
fn consent_needs_the_owner_and_an_approved_lender() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::consent_to_lien(RuntimeOrigin::signed(ALICE), 0, LENDER),
			Error::<Test>::NotLender
		);
		assert_ok!(VehicleIdentity::approve_lender(RuntimeOrigin::root(), LENDER));
		assert_noop!(
			VehicleIdentity::consent_to_lien(RuntimeOrigin::signed(BOB), 0, LENDER),
			Error::<Test>::NotOwner
		);
	});
}

#[test]
fn a_second_lien_cannot_be_consented_or_placed() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		place_lien_on_vehicle_0();
		assert_noop!(
			VehicleIdentity::consent_to_lien(RuntimeOrigin::signed(ALICE), 0, LENDER),
			Error::<Test>::LienPresent
		);
		assert_noop!(
			VehicleIdentity::place_lien(RuntimeOrigin::signed(LENDER), 0),
			Error::<Test>::LienPresent
		);
	});
}

#[test]
fn a_lien_needs_the_owners_consent() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::approve_lender(RuntimeOrigin::root(), LENDER));
		assert_noop!(
			VehicleIdentity::place_lien(RuntimeOrigin::signed(LENDER), 0),
			Error::<Test>::NoLienConsent
		);
	});
}

#[test]
fn only_approved_lenders_place_liens() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::approve_lender(RuntimeOrigin::root(), LENDER));
		assert_ok!(VehicleIdentity::consent_to_lien(RuntimeOrigin::signed(ALICE), 0, LENDER));
		assert_ok!(VehicleIdentity::revoke_lender(RuntimeOrigin::root(), LENDER));
		assert_noop!(
			VehicleIdentity::place_lien(RuntimeOrigin::signed(LENDER), 0),
			Error::<Test>::NotLender
		);
		assert_noop!(
			VehicleIdentity::place_lien(RuntimeOrigin::signed(LENDER), 5),
			Error::<Test>::NotFound
		);
	});
}

#[test]
fn the_lender_releases_its_lien_and_the_vehicle_can_be_sold() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		place_lien_on_vehicle_0();
		assert_ok!(VehicleIdentity::release_lien(RuntimeOrigin::signed(LENDER), 0));
		assert_eq!(Vehicles::<Test>::get(0).unwrap().lien, None);
		System::assert_last_event(
			Event::LienReleased { vehicle: 0, vin: honda_vin(), lender: LENDER }.into(),
		);
		assert_ok!(VehicleIdentity::offer_sale(RuntimeOrigin::signed(ALICE), 0, BOB, None, 50));
	});
}

#[test]
fn only_the_lien_holder_releases_it() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::release_lien(RuntimeOrigin::signed(LENDER), 0),
			Error::<Test>::NotLienHolder
		);
		place_lien_on_vehicle_0();
		assert_noop!(
			VehicleIdentity::release_lien(RuntimeOrigin::signed(ALICE), 0),
			Error::<Test>::NotLienHolder
		);
		assert_noop!(
			VehicleIdentity::release_lien(RuntimeOrigin::signed(LENDER), 3),
			Error::<Test>::NotFound
		);
	});
}

#[test]
fn a_sale_drops_the_sellers_lien_consent() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::approve_lender(RuntimeOrigin::root(), LENDER));
		assert_ok!(VehicleIdentity::consent_to_lien(RuntimeOrigin::signed(ALICE), 0, LENDER));
		assert_ok!(VehicleIdentity::offer_sale(RuntimeOrigin::signed(ALICE), 0, BOB, None, 50));
		assert_ok!(VehicleIdentity::accept_offer(RuntimeOrigin::signed(BOB), 0, 0));
		assert_noop!(
			VehicleIdentity::place_lien(RuntimeOrigin::signed(LENDER), 0),
			Error::<Test>::NoLienConsent
		);
	});
}
