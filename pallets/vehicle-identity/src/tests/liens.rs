use crate::{mock::*, Error, Event, Lenders, LienConsents, Vehicles};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_runtime::DispatchError,
};

/// Governance approves `LENDER`, Alice consents, the lender places its lien on vehicle 0.
pub(super) fn place_lien_on_vehicle_0() {
	consent_to_lender();
	assert_ok!(VehicleIdentity::place_lien(RuntimeOrigin::signed(LENDER), 0));
}

/// Governance approves `LENDER` and Alice consents to its lien on vehicle 0.
fn consent_to_lender() {
	assert_ok!(VehicleIdentity::approve_lender(RuntimeOrigin::root(), LENDER));
	assert_ok!(VehicleIdentity::consent_to_lien(RuntimeOrigin::signed(ALICE), 0, LENDER));
}

fn lien() -> Option<u64> {
	Vehicles::<Test>::get(0).unwrap().lien
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
fn only_governance_approves_lenders() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::approve_lender(RuntimeOrigin::signed(LENDER), LENDER),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn only_governance_revokes_lenders() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(VehicleIdentity::approve_lender(RuntimeOrigin::root(), LENDER));
		assert_noop!(
			VehicleIdentity::revoke_lender(RuntimeOrigin::signed(LENDER), LENDER),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn a_lender_is_approved_once() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(VehicleIdentity::approve_lender(RuntimeOrigin::root(), LENDER));
		assert_noop!(
			VehicleIdentity::approve_lender(RuntimeOrigin::root(), LENDER),
			Error::<Test>::AlreadyLender
		);
	});
}

#[test]
fn only_an_approved_lender_is_revoked() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::revoke_lender(RuntimeOrigin::root(), LENDER),
			Error::<Test>::NotLender
		);
	});
}

#[test]
fn owner_consent_then_lender_places_the_lien() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		consent_to_lender();
		assert_eq!(LienConsents::<Test>::get(0), Some(LENDER));
		System::assert_last_event(
			Event::LienConsented { vehicle: 0, vin: honda_vin(), owner: ALICE, lender: LENDER }
				.into(),
		);
		assert_ok!(VehicleIdentity::place_lien(RuntimeOrigin::signed(LENDER), 0));
		assert_eq!(lien(), Some(LENDER));
		assert_eq!(LienConsents::<Test>::get(0), None);
		System::assert_last_event(
			Event::LienPlaced { vehicle: 0, vin: honda_vin(), lender: LENDER }.into(),
		);
	});
}

#[test]
fn consent_needs_an_approved_lender() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::consent_to_lien(RuntimeOrigin::signed(ALICE), 0, LENDER),
			Error::<Test>::NotLender
		);
	});
}

#[test]
fn only_the_owner_consents() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::approve_lender(RuntimeOrigin::root(), LENDER));
		assert_noop!(
			VehicleIdentity::consent_to_lien(RuntimeOrigin::signed(BOB), 0, LENDER),
			Error::<Test>::NotOwner
		);
	});
}

#[test]
fn the_owner_of_a_stolen_vehicle_cannot_consent() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::approve_lender(RuntimeOrigin::root(), LENDER));
		assert_ok!(VehicleIdentity::report_stolen(RuntimeOrigin::signed(ALICE), 0));
		assert_noop!(
			VehicleIdentity::consent_to_lien(RuntimeOrigin::signed(ALICE), 0, LENDER),
			Error::<Test>::VehicleNotActive
		);
	});
}

#[test]
fn a_liened_vehicle_takes_no_second_consent() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		place_lien_on_vehicle_0();
		assert_noop!(
			VehicleIdentity::consent_to_lien(RuntimeOrigin::signed(ALICE), 0, LENDER),
			Error::<Test>::LienPresent
		);
	});
}

#[test]
fn a_second_lien_cannot_be_placed() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		place_lien_on_vehicle_0();
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
fn a_revoked_lender_places_no_lien() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		consent_to_lender();
		assert_ok!(VehicleIdentity::revoke_lender(RuntimeOrigin::root(), LENDER));
		assert_noop!(
			VehicleIdentity::place_lien(RuntimeOrigin::signed(LENDER), 0),
			Error::<Test>::NotLender
		);
	});
}

#[test]
fn a_lien_on_an_unknown_vehicle_fails() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::approve_lender(RuntimeOrigin::root(), LENDER));
		assert_noop!(
			VehicleIdentity::place_lien(RuntimeOrigin::signed(LENDER), 5),
			Error::<Test>::NotFound
		);
	});
}

#[test]
fn a_stolen_vehicle_takes_no_lien() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		consent_to_lender();
		assert_ok!(VehicleIdentity::report_stolen(RuntimeOrigin::signed(ALICE), 0));
		assert_noop!(
			VehicleIdentity::place_lien(RuntimeOrigin::signed(LENDER), 0),
			Error::<Test>::VehicleNotActive
		);
	});
}

#[test]
fn after_a_recovery_a_lien_needs_a_new_consent() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		consent_to_lender();
		assert_ok!(VehicleIdentity::report_stolen(RuntimeOrigin::signed(ALICE), 0));
		assert_ok!(VehicleIdentity::report_recovered(RuntimeOrigin::signed(ALICE), 0));
		assert_noop!(
			VehicleIdentity::place_lien(RuntimeOrigin::signed(LENDER), 0),
			Error::<Test>::NoLienConsent
		);
	});
}

#[test]
fn a_scrapped_vehicle_takes_no_lien() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		consent_to_lender();
		assert_ok!(VehicleIdentity::scrap_vehicle(RuntimeOrigin::signed(ALICE), 0));
		assert_noop!(
			VehicleIdentity::place_lien(RuntimeOrigin::signed(LENDER), 0),
			Error::<Test>::VehicleNotActive
		);
	});
}

#[test]
fn the_lender_releases_its_lien_and_the_vehicle_can_be_sold() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		place_lien_on_vehicle_0();
		assert_ok!(VehicleIdentity::release_lien(RuntimeOrigin::signed(LENDER), 0));
		assert_eq!(lien(), None);
		System::assert_last_event(
			Event::LienReleased { vehicle: 0, vin: honda_vin(), lender: LENDER }.into(),
		);
		assert_ok!(VehicleIdentity::offer_sale(RuntimeOrigin::signed(ALICE), 0, BOB, None, 50));
	});
}

#[test]
fn a_revoked_lender_still_releases_its_lien() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		place_lien_on_vehicle_0();
		assert_ok!(VehicleIdentity::revoke_lender(RuntimeOrigin::root(), LENDER));
		assert_ok!(VehicleIdentity::release_lien(RuntimeOrigin::signed(LENDER), 0));
		assert_eq!(lien(), None);
		System::assert_last_event(
			Event::LienReleased { vehicle: 0, vin: honda_vin(), lender: LENDER }.into(),
		);
	});
}

#[test]
fn releasing_without_a_lien_fails() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::release_lien(RuntimeOrigin::signed(LENDER), 0),
			Error::<Test>::NotLienHolder
		);
	});
}

#[test]
fn only_the_lien_holder_releases_it() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		place_lien_on_vehicle_0();
		assert_noop!(
			VehicleIdentity::release_lien(RuntimeOrigin::signed(ALICE), 0),
			Error::<Test>::NotLienHolder
		);
	});
}

#[test]
fn releasing_on_an_unknown_vehicle_fails() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::release_lien(RuntimeOrigin::signed(LENDER), 3),
			Error::<Test>::NotFound
		);
	});
}

#[test]
fn governance_force_releases_a_lien() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		place_lien_on_vehicle_0();
		assert_ok!(VehicleIdentity::force_release_lien(RuntimeOrigin::root(), 0));
		assert_eq!(lien(), None);
		System::assert_last_event(
			Event::LienForceReleased { vehicle: 0, vin: honda_vin(), lender: LENDER }.into(),
		);
		assert_ok!(VehicleIdentity::offer_sale(RuntimeOrigin::signed(ALICE), 0, BOB, None, 50));
	});
}

#[test]
fn only_governance_force_releases_a_lien() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		place_lien_on_vehicle_0();
		assert_noop!(
			VehicleIdentity::force_release_lien(RuntimeOrigin::signed(ALICE), 0),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn force_releasing_needs_a_lien() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::force_release_lien(RuntimeOrigin::root(), 0),
			Error::<Test>::NoLien
		);
	});
}

#[test]
fn force_releasing_on_an_unknown_vehicle_fails() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::force_release_lien(RuntimeOrigin::root(), 3),
			Error::<Test>::NotFound
		);
	});
}

#[test]
fn a_sale_drops_the_sellers_lien_consent() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		consent_to_lender();
		assert_ok!(VehicleIdentity::offer_sale(RuntimeOrigin::signed(ALICE), 0, BOB, None, 50));
		assert_ok!(VehicleIdentity::accept_offer(RuntimeOrigin::signed(BOB), 0, 0));
		assert_eq!(LienConsents::<Test>::get(0), None);
		assert_noop!(
			VehicleIdentity::place_lien(RuntimeOrigin::signed(LENDER), 0),
			Error::<Test>::NoLienConsent
		);
	});
}
