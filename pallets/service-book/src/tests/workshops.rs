//! Workshops: approval, updates, suspension, brand authorisation.

use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_runtime::DispatchError,
};
use v2x_primitives::testing::MockVehicles;

use super::*;
use crate::{BrandAuthorisations, Error, Event, WorkshopStatus, Workshops};

#[test]
fn governance_approves_a_workshop() {
	ExtBuilder::default().build_and_execute(|| {
		let certs = certifications(&[b"ISO 9001", b"EV HV level 3"]);
		assert_ok!(ServiceBook::approve_workshop(
			RuntimeOrigin::root(),
			WORKSHOP,
			name(b"Main St Garage"),
			certs.clone()
		));
		let workshop = Workshops::<Test>::get(WORKSHOP).unwrap();
		assert_eq!(workshop.name, name(b"Main St Garage"));
		assert_eq!(workshop.certifications, certs);
		assert_eq!(workshop.status, WorkshopStatus::Active);
		assert_eq!(workshop.approved_at, 1);
		System::assert_last_event(
			Event::WorkshopApproved { workshop: WORKSHOP, name: name(b"Main St Garage") }.into(),
		);
	});
}

#[test]
fn approving_a_workshop_needs_governance() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			ServiceBook::approve_workshop(
				signed(WORKSHOP),
				WORKSHOP,
				name(b"G"),
				certifications(&[])
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn an_approved_workshop_cannot_be_approved_again() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			ServiceBook::approve_workshop(
				RuntimeOrigin::root(),
				WORKSHOP,
				name(b"G"),
				certifications(&[])
			),
			Error::<Test>::AlreadyApproved
		);
	});
}

#[test]
fn a_workshop_needs_a_name() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			ServiceBook::approve_workshop(
				RuntimeOrigin::root(),
				WORKSHOP,
				name(b""),
				certifications(&[])
			),
			Error::<Test>::EmptyName
		);
	});
}

#[test]
fn certifications_cannot_be_empty() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			ServiceBook::approve_workshop(
				RuntimeOrigin::root(),
				WORKSHOP,
				name(b"G"),
				certifications(&[b"ISO 9001", b""])
			),
			Error::<Test>::EmptyCertification
		);
	});
}

#[test]
fn governance_updates_a_workshop() {
	ExtBuilder::ready().build_and_execute(|| {
		let certs = certifications(&[b"ISO 14001"]);
		assert_ok!(ServiceBook::update_workshop(
			RuntimeOrigin::root(),
			WORKSHOP,
			name(b"New name"),
			certs.clone()
		));
		let workshop = Workshops::<Test>::get(WORKSHOP).unwrap();
		assert_eq!(workshop.name, name(b"New name"));
		assert_eq!(workshop.certifications, certs);
		System::assert_last_event(
			Event::WorkshopUpdated { workshop: WORKSHOP, name: name(b"New name") }.into(),
		);
	});
}

#[test]
fn updating_a_workshop_needs_governance() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			ServiceBook::update_workshop(
				signed(WORKSHOP),
				WORKSHOP,
				name(b"G"),
				certifications(&[])
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn only_approved_workshops_can_be_updated() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			ServiceBook::update_workshop(
				RuntimeOrigin::root(),
				WORKSHOP,
				name(b"G"),
				certifications(&[])
			),
			Error::<Test>::WorkshopNotFound
		);
	});
}

#[test]
fn an_update_needs_a_name() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			ServiceBook::update_workshop(
				RuntimeOrigin::root(),
				WORKSHOP,
				name(b""),
				certifications(&[])
			),
			Error::<Test>::EmptyName
		);
	});
}

#[test]
fn governance_suspends_a_workshop() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(ServiceBook::suspend_workshop(RuntimeOrigin::root(), WORKSHOP));
		assert_eq!(Workshops::<Test>::get(WORKSHOP).unwrap().status, WorkshopStatus::Suspended);
		System::assert_last_event(Event::WorkshopSuspended { workshop: WORKSHOP }.into());
	});
}

#[test]
fn suspending_needs_governance() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			ServiceBook::suspend_workshop(signed(OWNER), WORKSHOP),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn only_approved_workshops_can_be_suspended() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			ServiceBook::suspend_workshop(RuntimeOrigin::root(), WORKSHOP),
			Error::<Test>::WorkshopNotFound
		);
	});
}

#[test]
fn a_suspended_workshop_cannot_be_suspended_again() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(ServiceBook::suspend_workshop(RuntimeOrigin::root(), WORKSHOP));
		assert_noop!(
			ServiceBook::suspend_workshop(RuntimeOrigin::root(), WORKSHOP),
			Error::<Test>::AlreadySuspended
		);
	});
}

#[test]
fn governance_reinstates_a_suspended_workshop() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(ServiceBook::suspend_workshop(RuntimeOrigin::root(), WORKSHOP));
		assert_ok!(ServiceBook::reinstate_workshop(RuntimeOrigin::root(), WORKSHOP));
		assert_eq!(Workshops::<Test>::get(WORKSHOP).unwrap().status, WorkshopStatus::Active);
		System::assert_last_event(Event::WorkshopReinstated { workshop: WORKSHOP }.into());
	});
}

#[test]
fn reinstating_needs_governance() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(ServiceBook::suspend_workshop(RuntimeOrigin::root(), WORKSHOP));
		assert_noop!(
			ServiceBook::reinstate_workshop(signed(WORKSHOP), WORKSHOP),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn only_suspended_workshops_can_be_reinstated() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			ServiceBook::reinstate_workshop(RuntimeOrigin::root(), WORKSHOP),
			Error::<Test>::NotSuspended
		);
	});
}

#[test]
fn only_approved_workshops_can_be_reinstated() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			ServiceBook::reinstate_workshop(RuntimeOrigin::root(), WORKSHOP),
			Error::<Test>::WorkshopNotFound
		);
	});
}

#[test]
fn a_manufacturer_authorises_a_workshop_for_its_brand() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(ServiceBook::authorise_workshop(signed(MANUFACTURER), WORKSHOP));
		let authorisation = BrandAuthorisations::<Test>::get(MANUFACTURER, WORKSHOP).unwrap();
		assert_eq!(authorisation.deposit, AUTHORISATION_DEPOSIT);
		assert_eq!(authorisation.since, 1);
		assert_eq!(held(HoldReason::BrandAuthorisation, MANUFACTURER), AUTHORISATION_DEPOSIT);
		System::assert_last_event(
			Event::WorkshopAuthorised { manufacturer: MANUFACTURER, workshop: WORKSHOP }.into(),
		);
	});
}

#[test]
fn only_manufacturers_authorise_workshops() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			ServiceBook::authorise_workshop(signed(OWNER), WORKSHOP),
			Error::<Test>::NotManufacturer
		);
	});
}

#[test]
fn only_approved_workshops_can_be_authorised() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			ServiceBook::authorise_workshop(signed(MANUFACTURER), OTHER_WORKSHOP),
			Error::<Test>::WorkshopNotFound
		);
	});
}

#[test]
fn a_workshop_is_authorised_once_per_brand() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(ServiceBook::authorise_workshop(signed(MANUFACTURER), WORKSHOP));
		assert_noop!(
			ServiceBook::authorise_workshop(signed(MANUFACTURER), WORKSHOP),
			Error::<Test>::AlreadyAuthorised
		);
		assert_ok!(ServiceBook::authorise_workshop(signed(OTHER_MANUFACTURER), WORKSHOP));
	});
}

#[test]
fn authorising_needs_the_deposit() {
	ExtBuilder::ready().build_and_execute(|| {
		MockVehicles::add(7, OWNER, PAUPER);
		assert_noop!(
			ServiceBook::authorise_workshop(signed(PAUPER), WORKSHOP),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn a_manufacturer_revokes_an_authorisation_and_gets_its_deposit_back() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(ServiceBook::authorise_workshop(signed(MANUFACTURER), WORKSHOP));
		assert_ok!(ServiceBook::revoke_workshop_authorisation(signed(MANUFACTURER), WORKSHOP));
		assert!(!BrandAuthorisations::<Test>::contains_key(MANUFACTURER, WORKSHOP));
		assert_eq!(held(HoldReason::BrandAuthorisation, MANUFACTURER), 0);
		assert_eq!(Balances::free_balance(MANUFACTURER), BALANCE);
		System::assert_last_event(
			Event::WorkshopAuthorisationRevoked { manufacturer: MANUFACTURER, workshop: WORKSHOP }
				.into(),
		);
	});
}

#[test]
fn only_an_existing_authorisation_can_be_revoked() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(ServiceBook::authorise_workshop(signed(MANUFACTURER), WORKSHOP));
		assert_noop!(
			ServiceBook::revoke_workshop_authorisation(signed(OTHER_MANUFACTURER), WORKSHOP),
			Error::<Test>::NotAuthorised
		);
	});
}

#[test]
fn the_constants_pass_the_integrity_test() {
	ExtBuilder::default().build_and_execute(|| {
		use polkadot_sdk::frame_support::traits::Hooks;
		<ServiceBook as Hooks<u64>>::integrity_test();
	});
}
