use super::{free, held};
use crate::{
	mock::*, DeviceVehicle, Error, Event, HoldReason, OwnedVehicles, PendingDevices, SaleOffer,
	SaleOffers, VehicleDevices, VehicleOperators, Vehicles,
};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_runtime::TokenError,
};
use v2x_primitives::testing::RecordingHooks;

const PRICE: u64 = 1_000;

fn offer_to_bob(price: Option<u64>, expires_at: u64) {
	assert_ok!(VehicleIdentity::offer_sale(
		RuntimeOrigin::signed(ALICE),
		0,
		BOB,
		price,
		expires_at
	));
}

#[test]
fn the_owner_offers_the_vehicle_to_a_buyer() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		offer_to_bob(Some(PRICE), 50);
		assert_eq!(
			SaleOffers::<Test>::get(0),
			Some(SaleOffer { seller: ALICE, buyer: BOB, price: Some(PRICE), expires_at: 50 })
		);
		System::assert_last_event(
			Event::SaleOffered {
				vehicle: 0,
				vin: honda_vin(),
				seller: ALICE,
				buyer: BOB,
				price: Some(PRICE),
				expires_at: 50,
			}
			.into(),
		);
	});
}

#[test]
fn accepting_moves_payment_and_title_together() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		offer_to_bob(Some(PRICE), 50);
		assert_ok!(VehicleIdentity::accept_offer(RuntimeOrigin::signed(BOB), 0, PRICE));
		assert_eq!(free(ALICE), STARTING_BALANCE + PRICE);
		assert_eq!(free(BOB), STARTING_BALANCE - PRICE);
		assert_eq!(Vehicles::<Test>::get(0).unwrap().owner, BOB);
		assert!(OwnedVehicles::<Test>::contains_key(BOB, 0));
		assert!(!OwnedVehicles::<Test>::contains_key(ALICE, 0));
		assert_eq!(SaleOffers::<Test>::get(0), None);
		assert_eq!(RecordingHooks::transfers(), vec![(0, ALICE, BOB)]);
		System::assert_last_event(
			Event::OwnershipTransferred {
				vehicle: 0,
				vin: honda_vin(),
				seller: ALICE,
				buyer: BOB,
				price: Some(PRICE),
			}
			.into(),
		);
	});
}

#[test]
fn an_offer_without_price_moves_the_title_for_free() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		offer_to_bob(None, 50);
		assert_ok!(VehicleIdentity::accept_offer(RuntimeOrigin::signed(BOB), 0, 0));
		assert_eq!(Vehicles::<Test>::get(0).unwrap().owner, BOB);
		assert_eq!(free(BOB), STARTING_BALANCE);
		assert_eq!(free(ALICE), STARTING_BALANCE);
		System::assert_last_event(
			Event::OwnershipTransferred {
				vehicle: 0,
				vin: honda_vin(),
				seller: ALICE,
				buyer: BOB,
				price: None,
			}
			.into(),
		);
	});
}

#[test]
fn a_sale_clears_devices_invitations_and_operators_and_returns_their_deposits() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		bind_device(ALICE, 0, DEVICE);
		assert_ok!(VehicleIdentity::bind_device(RuntimeOrigin::signed(ALICE), 0, DEVICE_2));
		assert_ok!(VehicleIdentity::grant_operator(RuntimeOrigin::signed(ALICE), 0, OPERATOR, 90));
		assert_eq!(held(HoldReason::Delegate, ALICE), 3 * DELEGATE_DEPOSIT);
		offer_to_bob(Some(PRICE), 50);
		assert_ok!(VehicleIdentity::accept_offer(RuntimeOrigin::signed(BOB), 0, PRICE));
		assert!(VehicleDevices::<Test>::get(0).is_empty());
		assert!(PendingDevices::<Test>::get(0).is_empty());
		assert!(VehicleOperators::<Test>::get(0).is_empty());
		assert_eq!(DeviceVehicle::<Test>::get(DEVICE), None);
		assert_eq!(held(HoldReason::Delegate, ALICE), 0);
		assert_eq!(held(HoldReason::Delegate, BOB), 0);
		assert_eq!(free(ALICE), STARTING_BALANCE + PRICE);
		System::assert_has_event(
			Event::DeviceUnbound { vehicle: 0, vin: honda_vin(), device: DEVICE }.into(),
		);
		System::assert_has_event(
			Event::DeviceInvitationWithdrawn { vehicle: 0, vin: honda_vin(), device: DEVICE_2 }
				.into(),
		);
		System::assert_has_event(
			Event::OperatorRevoked { vehicle: 0, vin: honda_vin(), operator: OPERATOR }.into(),
		);
	});
}

#[test]
fn an_invitation_of_the_former_owner_cannot_be_accepted_after_a_sale() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::bind_device(RuntimeOrigin::signed(ALICE), 0, DEVICE));
		offer_to_bob(None, 50);
		assert_ok!(VehicleIdentity::accept_offer(RuntimeOrigin::signed(BOB), 0, 0));
		assert_noop!(
			VehicleIdentity::accept_device_binding(RuntimeOrigin::signed(DEVICE), 0),
			Error::<Test>::NotInvited
		);
	});
}

#[test]
fn only_the_owner_offers() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::offer_sale(RuntimeOrigin::signed(BOB), 0, CHARLIE, None, 50),
			Error::<Test>::NotOwner
		);
	});
}

#[test]
fn only_the_owner_cancels() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		offer_to_bob(None, 50);
		assert_noop!(
			VehicleIdentity::cancel_offer(RuntimeOrigin::signed(BOB), 0),
			Error::<Test>::NotOwner
		);
	});
}

#[test]
fn offering_an_unknown_vehicle_fails() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::offer_sale(RuntimeOrigin::signed(ALICE), 7, BOB, None, 50),
			Error::<Test>::NotFound
		);
	});
}

#[test]
fn the_owner_cannot_sell_to_itself() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::offer_sale(RuntimeOrigin::signed(ALICE), 0, ALICE, None, 50),
			Error::<Test>::SelfDealing
		);
	});
}

#[test]
fn an_offer_expires_between_now_and_the_maximum_duration() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		System::set_block_number(10);
		assert_noop!(
			VehicleIdentity::offer_sale(RuntimeOrigin::signed(ALICE), 0, BOB, None, 9),
			Error::<Test>::InvalidExpiry
		);
		assert_noop!(
			VehicleIdentity::offer_sale(
				RuntimeOrigin::signed(ALICE),
				0,
				BOB,
				None,
				10 + MAX_OFFER_DURATION + 1
			),
			Error::<Test>::InvalidExpiry
		);
		offer_to_bob(None, 10 + MAX_OFFER_DURATION);
	});
}

#[test]
fn a_liened_vehicle_cannot_be_offered() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		super::liens::place_lien_on_vehicle_0();
		assert_noop!(
			VehicleIdentity::offer_sale(RuntimeOrigin::signed(ALICE), 0, BOB, None, 50),
			Error::<Test>::LienPresent
		);
	});
}

#[test]
fn a_stolen_vehicle_cannot_be_offered() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::report_stolen(RuntimeOrigin::signed(ALICE), 0));
		assert_noop!(
			VehicleIdentity::offer_sale(RuntimeOrigin::signed(ALICE), 0, BOB, None, 50),
			Error::<Test>::VehicleNotActive
		);
	});
}

#[test]
fn the_owner_cancels_an_offer() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		offer_to_bob(Some(PRICE), 50);
		assert_ok!(VehicleIdentity::cancel_offer(RuntimeOrigin::signed(ALICE), 0));
		assert_eq!(SaleOffers::<Test>::get(0), None);
		System::assert_last_event(
			Event::SaleOfferCancelled { vehicle: 0, vin: honda_vin(), seller: ALICE }.into(),
		);
		assert_noop!(
			VehicleIdentity::accept_offer(RuntimeOrigin::signed(BOB), 0, PRICE),
			Error::<Test>::NoOffer
		);
	});
}

#[test]
fn cancelling_without_an_offer_fails() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::cancel_offer(RuntimeOrigin::signed(ALICE), 0),
			Error::<Test>::NoOffer
		);
	});
}

#[test]
fn only_the_named_buyer_accepts() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		offer_to_bob(Some(PRICE), 50);
		assert_noop!(
			VehicleIdentity::accept_offer(RuntimeOrigin::signed(CHARLIE), 0, PRICE),
			Error::<Test>::NotBuyer
		);
	});
}

#[test]
fn an_offer_cannot_be_accepted_a_block_after_its_last() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		offer_to_bob(Some(PRICE), 50);
		System::set_block_number(51);
		assert_noop!(
			VehicleIdentity::accept_offer(RuntimeOrigin::signed(BOB), 0, PRICE),
			Error::<Test>::OfferExpired
		);
	});
}

#[test]
fn the_offer_can_be_accepted_in_its_last_block() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		offer_to_bob(Some(PRICE), 50);
		System::set_block_number(50);
		assert_ok!(VehicleIdentity::accept_offer(RuntimeOrigin::signed(BOB), 0, PRICE));
		assert_eq!(Vehicles::<Test>::get(0).unwrap().owner, BOB);
	});
}

#[test]
fn a_price_above_the_buyers_maximum_is_refused() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		offer_to_bob(Some(PRICE), 50);
		assert_noop!(
			VehicleIdentity::accept_offer(RuntimeOrigin::signed(BOB), 0, PRICE - 1),
			Error::<Test>::PriceAboveMaximum
		);
	});
}

#[test]
fn a_buyer_who_cannot_pay_gets_nothing() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::offer_sale(
			RuntimeOrigin::signed(ALICE),
			0,
			PAUPER,
			Some(PRICE),
			50
		));
		assert_noop!(
			VehicleIdentity::accept_offer(RuntimeOrigin::signed(PAUPER), 0, PRICE),
			TokenError::FundsUnavailable
		);
		assert_eq!(Vehicles::<Test>::get(0).unwrap().owner, ALICE);
		assert_eq!(free(ALICE), STARTING_BALANCE);
	});
}

/// The event that says Alice's offer to Bob became void.
fn offer_to_bob_voided() -> RuntimeEvent {
	Event::SaleOfferVoided { vehicle: 0, vin: honda_vin(), seller: ALICE, buyer: BOB }.into()
}

#[test]
fn a_lien_voids_the_open_offer() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		offer_to_bob(Some(PRICE), 50);
		super::liens::place_lien_on_vehicle_0();
		assert_eq!(SaleOffers::<Test>::get(0), None);
		System::assert_has_event(offer_to_bob_voided());
		assert_noop!(
			VehicleIdentity::accept_offer(RuntimeOrigin::signed(BOB), 0, PRICE),
			Error::<Test>::NoOffer
		);
	});
}

#[test]
fn an_offer_voided_by_a_lien_stays_void_after_the_release() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		offer_to_bob(Some(PRICE), 50);
		super::liens::place_lien_on_vehicle_0();
		assert_ok!(VehicleIdentity::release_lien(RuntimeOrigin::signed(LENDER), 0));
		assert_noop!(
			VehicleIdentity::accept_offer(RuntimeOrigin::signed(BOB), 0, PRICE),
			Error::<Test>::NoOffer
		);
	});
}

#[test]
fn a_theft_voids_the_open_offer() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		offer_to_bob(Some(PRICE), 50);
		assert_ok!(VehicleIdentity::report_stolen(RuntimeOrigin::signed(ALICE), 0));
		assert_eq!(SaleOffers::<Test>::get(0), None);
		System::assert_has_event(offer_to_bob_voided());
		assert_noop!(
			VehicleIdentity::accept_offer(RuntimeOrigin::signed(BOB), 0, PRICE),
			Error::<Test>::NoOffer
		);
	});
}

#[test]
fn an_offer_voided_by_a_theft_stays_void_after_the_recovery() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		offer_to_bob(Some(PRICE), 50);
		assert_ok!(VehicleIdentity::report_stolen(RuntimeOrigin::signed(ALICE), 0));
		assert_ok!(VehicleIdentity::report_recovered(RuntimeOrigin::signed(ALICE), 0));
		assert_noop!(
			VehicleIdentity::accept_offer(RuntimeOrigin::signed(BOB), 0, PRICE),
			Error::<Test>::NoOffer
		);
	});
}

#[test]
fn scrapping_voids_the_open_offer() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		offer_to_bob(Some(PRICE), 50);
		assert_ok!(VehicleIdentity::scrap_vehicle(RuntimeOrigin::signed(ALICE), 0));
		assert_eq!(SaleOffers::<Test>::get(0), None);
		System::assert_has_event(offer_to_bob_voided());
		assert_noop!(
			VehicleIdentity::accept_offer(RuntimeOrigin::signed(BOB), 0, PRICE),
			Error::<Test>::NoOffer
		);
	});
}

#[test]
fn a_new_offer_replaces_the_earlier_one() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		offer_to_bob(None, 50);
		assert_ok!(VehicleIdentity::offer_sale(RuntimeOrigin::signed(ALICE), 0, CHARLIE, None, 60));
		assert_eq!(
			SaleOffers::<Test>::get(0),
			Some(SaleOffer { seller: ALICE, buyer: CHARLIE, price: None, expires_at: 60 })
		);
		assert_noop!(
			VehicleIdentity::accept_offer(RuntimeOrigin::signed(BOB), 0, 0),
			Error::<Test>::NotBuyer
		);
	});
}

#[test]
fn a_sale_consumes_the_offer() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		offer_to_bob(None, 50);
		assert_ok!(VehicleIdentity::accept_offer(RuntimeOrigin::signed(BOB), 0, 0));
		assert_eq!(SaleOffers::<Test>::get(0), None);
		assert_noop!(
			VehicleIdentity::accept_offer(RuntimeOrigin::signed(BOB), 0, 0),
			Error::<Test>::NoOffer
		);
	});
}

#[test]
fn accepting_an_unknown_vehicle_fails() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::accept_offer(RuntimeOrigin::signed(BOB), 9, PRICE),
			Error::<Test>::NotFound
		);
	});
}
