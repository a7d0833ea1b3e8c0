//! What a sale, a theft or scrapping does to a fleet vehicle's bookings: booked ones are
//! refunded in full, a trip under way is settled as of now, and a sold or scrapped vehicle
//! leaves the fleet.

use polkadot_sdk::frame_support::{assert_noop, assert_ok};
use v2x_primitives::{
	testing::{MockOffer, MockVehicles, RecordingOdometer},
	OdometerLog, OdometerSource, OnOwnershipTransferred, OnVehicleStatusChanged, VehicleControl,
	VehicleRegistry, VehicleStatus,
};

use super::{bookings::*, *};
use crate::{BookingState, Bookings, Error, Fleet, ProposalKind, SaleExits, VehicleCoop};

/// `BOB` (a member: 10 an hour, 1 a km) is on a trip in `VEHICLE` booked for 5..=34 and
/// checked in at block 5 at 1 000 km; `RENTER` has the usual booking (100..=129). Returns
/// (trip, booked).
fn trip_and_booking() -> (u64, u64) {
	let trip = book(BOB, 5, 34, MAX_KM);
	let booked = book_usual();
	run_to_block(5);
	check_in(trip, 1_000);
	(trip, booked)
}

/// The booked booking was refunded in full and is gone.
fn assert_refunded(booked: u64) {
	assert_eq!(Bookings::<Test>::get(booked), None);
	assert_eq!(free(RENTER), BALANCE);
	assert_eq!(held(HoldReason::BookingPrice, RENTER), 0);
	assert_eq!(held(HoldReason::DamageDeposit, RENTER), 0);
}

/// The trip was settled at block `at` for 1 hour and 20 km (10 + 20 = 30); its deposit
/// waits for the claim window.
fn assert_settled(trip: u64, at: u64) {
	assert_eq!(booking(trip).state, BookingState::Returned { returned_at: at, claim: None });
	assert_eq!(free(BOB), BALANCE - 30 - DEPOSIT);
	assert_eq!(held(HoldReason::BookingPrice, BOB), 0);
	assert_eq!(held(HoldReason::DamageDeposit, BOB), DEPOSIT);
	assert!(slots().is_empty());
}

fn theft() {
	assert_ok!(CarSharing::report_stolen(signed(MANAGER), 0, VEHICLE));
	// The mock registry leaves the hooks to the test, as the identity pallet calls them.
	<CarSharing as OnVehicleStatusChanged>::on_status_changed(VEHICLE, VehicleStatus::Stolen);
}

#[test]
fn a_completed_sale_refunds_the_bookings_settles_the_trip_and_funds_the_reserve() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = fleet();
		let kind = ProposalKind::SellVehicle { vehicle: VEHICLE, buyer: BUYER, price: 1_000 };
		assert_ok!(CarSharing::propose(signed(ALICE), coop, kind));
		assert_ok!(CarSharing::vote(signed(ALICE), coop, 0, true));
		assert_ok!(CarSharing::vote(signed(BOB), coop, 0, true));
		assert_ok!(CarSharing::vote(signed(CAROL), coop, 0, false));
		let (trip, booked) = trip_and_booking();
		run_to_block(1 + VOTING_PERIOD + 1);
		assert_ok!(CarSharing::close_proposal(signed(STRANGER), coop, 0));
		assert_ok!(RecordingOdometer::record_reading(VEHICLE, 1_020, OdometerSource::Workshop));
		run_to_block(14);

		assert_ok!(<MockVehicles as VehicleControl<u64, u64, u64>>::accept_offer(
			&BUYER, VEHICLE, 1_000
		));

		// Blocks 5..=14: one hour; 20 km.
		assert_settled(trip, 14);
		assert_refunded(booked);
		let tail: Vec<_> = events().into_iter().rev().take(4).collect();
		assert!(matches!(tail[1], Event::SaleCompleted { price: 1_000, .. }), "{tail:?}");
		assert_eq!(
			[&tail[0], &tail[2], &tail[3]],
			[
				&Event::VehicleRemoved { coop, vehicle: VEHICLE },
				&Event::BookingCancelled { booking: booked, fee: 0 },
				&Event::TripEnded { booking: trip, hours: 1, km: 20, price: 30, from_deposit: 0 },
			]
		);
		// The trip's 30 is income (6 to the reserve), the price goes to the reserve.
		assert_eq!(free(coop_account()), ENDOWMENT + 30 + 1_000);
		let finances = coop_of(coop).finances;
		assert_eq!(finances.received, 30);
		assert_eq!(finances.reserve, ENDOWMENT + 6 + 1_000);
		assert!(SaleExits::<Test>::contains_key(coop, 0));
		assert_eq!(VehicleCoop::<Test>::get(VEHICLE), None);
		assert_noop!(
			CarSharing::book(signed(RENTER), VEHICLE, 200, 209, 0),
			Error::<Test>::NotInFleet
		);
		// The returned trip's deposit can still be claimed against.
		assert_ok!(CarSharing::file_claim(signed(MANAGER), trip, 100, Default::default()));
	});
}

#[test]
fn any_sale_by_the_coop_account_ends_the_bookings_and_the_fleet_membership() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = fleet();
		let (trip, booked) = trip_and_booking();
		// An offer the co-op did not vote for (not through a proposal): no proceeds, no exit.
		let seller = coop_account();
		MockVehicles::add_offer(
			VEHICLE,
			MockOffer { seller, buyer: BUYER, price: None, expires_at: 100 },
		);
		assert_ok!(RecordingOdometer::record_reading(VEHICLE, 1_020, OdometerSource::Workshop));
		run_to_block(14);
		assert_ok!(<MockVehicles as VehicleControl<u64, u64, u64>>::accept_offer(
			&BUYER, VEHICLE, 0
		));

		assert_settled(trip, 14);
		assert_refunded(booked);
		assert!(!Fleet::<Test>::contains_key(coop, VEHICLE));
		assert!(!SaleExits::<Test>::contains_key(coop, 0));
		assert_eq!(coop_of(coop).finances.reserve, ENDOWMENT + 6);
	});
}

#[test]
fn a_sale_by_anyone_else_changes_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		fleet();
		book_usual();
		let before = events().len();
		<CarSharing as OnOwnershipTransferred<u64>>::on_ownership_transferred(
			OTHER_VEHICLE,
			&OWNER,
			&BUYER,
		);
		// Even for a fleet vehicle, a transfer whose seller is not the co-op is not its sale.
		<CarSharing as OnOwnershipTransferred<u64>>::on_ownership_transferred(
			VEHICLE, &OWNER, &BUYER,
		);
		assert_eq!(events().len(), before);
		assert_eq!(slots().len(), 1);
	});
}

#[test]
fn a_theft_refunds_the_bookings_and_settles_the_trip() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = fleet();
		let (trip, booked) = trip_and_booking();
		assert_ok!(RecordingOdometer::record_reading(VEHICLE, 1_020, OdometerSource::Workshop));
		run_to_block(14);
		theft();

		assert_settled(trip, 14);
		assert_refunded(booked);
		assert_eq!(free(coop_account()), ENDOWMENT + 30);
		// The vehicle stays in the fleet, but takes no bookings until recovered.
		assert_eq!(VehicleCoop::<Test>::get(VEHICLE), Some(coop));
		assert_noop!(
			CarSharing::book(signed(RENTER), VEHICLE, 200, 209, 0),
			Error::<Test>::VehicleNotActive
		);
		assert_ok!(CarSharing::report_recovered(signed(MANAGER), coop, VEHICLE));
		<CarSharing as OnVehicleStatusChanged>::on_status_changed(VEHICLE, VehicleStatus::Active);
		assert_ok!(CarSharing::book(signed(RENTER), VEHICLE, 200, 209, 0));
	});
}

#[test]
fn the_renter_cannot_end_a_trip_the_theft_already_settled() {
	ExtBuilder::default().build_and_execute(|| {
		fleet();
		let (trip, _) = trip_and_booking();
		theft();
		assert_noop!(
			CarSharing::end_trip_without_device(signed(BOB), trip),
			Error::<Test>::NotInTrip
		);
		assert_eq!(
			<MockVehicles as VehicleRegistry<u64, u64>>::operating_right(VEHICLE, &BOB),
			None
		);
	});
}

#[test]
fn scrapping_refunds_the_bookings_settles_the_trip_and_leaves_the_fleet() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = fleet();
		let (trip, booked) = trip_and_booking();
		assert_ok!(RecordingOdometer::record_reading(VEHICLE, 1_020, OdometerSource::Workshop));
		run_to_block(14);
		MockVehicles::update(VEHICLE, |v| {
			v.status = VehicleStatus::Scrapped;
			v.operators.clear();
			v.devices.clear();
		});
		<CarSharing as OnVehicleStatusChanged>::on_status_changed(VEHICLE, VehicleStatus::Scrapped);

		assert_settled(trip, 14);
		assert_refunded(booked);
		System::assert_last_event(Event::VehicleRemoved { coop, vehicle: VEHICLE }.into());
		assert_eq!(coop_of(coop).vehicles, 0);
		assert_noop!(
			CarSharing::book(signed(RENTER), VEHICLE, 200, 209, 0),
			Error::<Test>::NotInFleet
		);
	});
}

#[test]
fn status_changes_of_other_vehicles_change_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		fleet();
		book_usual();
		let before = events().len();
		<CarSharing as OnVehicleStatusChanged>::on_status_changed(
			OTHER_VEHICLE,
			VehicleStatus::Scrapped,
		);
		<CarSharing as OnVehicleStatusChanged>::on_status_changed(VEHICLE, VehicleStatus::Active);
		assert_eq!(events().len(), before);
		assert_eq!(slots().len(), 1);
	});
}
