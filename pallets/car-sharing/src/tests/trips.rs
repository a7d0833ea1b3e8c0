//! Trips: check-in by the vehicle's device, the renter's operator right, check-out and the
//! settlement, and trips that end without a device.

use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_core::H256,
	sp_runtime::{DispatchError, Percent},
};
use v2x_primitives::{
	testing::{MockVehicles, RecordingOdometer},
	OdometerLog, OdometerSource, OperatingRight, VehicleRegistry,
};

use super::{bookings::*, *};
use crate::{BookingState, Error};

/// `VEHICLE`'s operators in the mock registry: `(operator, last block)`.
fn operators() -> Vec<(u64, u64)> {
	let mut list = Vec::new();
	MockVehicles::update(VEHICLE, |v| list = v.operators.clone());
	list
}

fn right(who: u64) -> Option<OperatingRight<u64>> {
	<MockVehicles as VehicleRegistry<u64, u64>>::operating_right(VEHICLE, &who)
}

/// The usual booking, checked in at `START` at 1 000 km.
fn in_trip() -> u64 {
	fleet();
	let id = book_usual();
	run_to_block(START);
	check_in(id, 1_000);
	id
}

#[test]
fn check_in_records_the_reading_and_makes_the_renter_an_operator_until_the_end() {
	ExtBuilder::default().build_and_execute(|| {
		fleet();
		let id = book_usual();
		run_to_block(START);
		assert_ok!(CarSharing::check_in(
			signed(DEVICE),
			id,
			1_000,
			Percent::from_percent(80),
			H256::repeat_byte(1)
		));

		System::assert_last_event(
			Event::TripStarted {
				booking: id,
				vehicle: VEHICLE,
				renter: RENTER,
				odometer_km: 1_000,
				state_of_charge: Percent::from_percent(80),
				evidence: H256::repeat_byte(1),
			}
			.into(),
		);
		assert_eq!(
			booking(id).state,
			BookingState::InTrip { checked_in_at: START, start_km: 1_000 }
		);
		assert_eq!(RecordingOdometer::readings(), vec![(VEHICLE, 1_000, OdometerSource::Device)]);
		assert_eq!(right(RENTER), Some(OperatingRight::OperatorUntil(END)));
		// Nothing is paid yet.
		assert_eq!(held(HoldReason::BookingPrice, RENTER), RENTER_PRICE);
		assert_eq!(held(HoldReason::DamageDeposit, RENTER), DEPOSIT);
		assert_eq!(slots(), vec![(START, END, id)]);
	});
}

#[test]
fn the_operator_right_lasts_until_the_end_inclusive() {
	ExtBuilder::default().build_and_execute(|| {
		in_trip();
		run_to_block(END);
		assert_eq!(right(RENTER), Some(OperatingRight::OperatorUntil(END)));
		run_to_block(END + 1);
		assert_eq!(right(RENTER), None);
	});
}

#[test]
fn check_out_ends_the_operator_right() {
	ExtBuilder::default().build_and_execute(|| {
		let id = in_trip();
		run_to_block(START + 5);
		assert_eq!(operators(), vec![(RENTER, END)]);
		check_out(id, 1_010);
		assert_eq!(right(RENTER), None);
		assert!(operators().is_empty());
	});
}

#[test]
fn check_out_settles_the_actual_hours_and_km() {
	ExtBuilder::default().build_and_execute(|| {
		let id = in_trip();
		// Blocks 100..=119: 2 hours; 30 km. 2 * 20 + 30 * 2 = 100.
		run_to_block(START + 19);
		assert_ok!(CarSharing::check_out(
			signed(DEVICE),
			id,
			1_030,
			Percent::from_percent(40),
			H256::repeat_byte(2)
		));

		System::assert_last_event(
			Event::TripEnded { booking: id, hours: 2, km: 30, price: 100, from_deposit: 0 }.into(),
		);
		assert_eq!(
			booking(id).state,
			BookingState::Returned { returned_at: START + 19, claim: None }
		);
		assert_eq!(booking(id).deposit, DEPOSIT);
		assert!(slots().is_empty());
		assert_eq!(
			RecordingOdometer::readings(),
			vec![
				(VEHICLE, 1_000, OdometerSource::Device),
				(VEHICLE, 1_030, OdometerSource::Device)
			]
		);
		assert_eq!(held(HoldReason::BookingPrice, RENTER), 0);
		assert_eq!(held(HoldReason::DamageDeposit, RENTER), DEPOSIT);
		assert_eq!(free(RENTER), BALANCE - 100 - DEPOSIT);
		assert_eq!(free(coop_account()), ENDOWMENT + 100);
		let finances = coop_of(0).finances;
		assert_eq!(finances.received, 100);
		assert_eq!(finances.undistributed, 80);
		assert_eq!(finances.reserve, ENDOWMENT + 20);
	});
}

#[test]
fn a_trip_costs_at_least_an_hour() {
	ExtBuilder::default().build_and_execute(|| {
		let id = in_trip();
		check_out(id, 1_000);
		System::assert_last_event(
			Event::TripEnded { booking: id, hours: 1, km: 0, price: 20, from_deposit: 0 }.into(),
		);
		assert_eq!(free(RENTER), BALANCE - 20 - DEPOSIT);
	});
}

#[test]
fn a_price_above_the_held_price_is_taken_from_the_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		let id = in_trip();
		// 2 hours and 200 km (50 were booked): 40 + 400 = 440, of which 160 held.
		run_to_block(START + 19);
		check_out(id, 1_200);

		System::assert_last_event(
			Event::TripEnded { booking: id, hours: 2, km: 200, price: 440, from_deposit: 280 }
				.into(),
		);
		assert_eq!(booking(id).deposit, DEPOSIT - 280);
		assert_eq!(held(HoldReason::BookingPrice, RENTER), 0);
		assert_eq!(held(HoldReason::DamageDeposit, RENTER), DEPOSIT - 280);
		assert_eq!(free(RENTER), BALANCE - RENTER_PRICE - DEPOSIT);
		assert_eq!(free(coop_account()), ENDOWMENT + 440);
		assert_eq!(coop_of(0).finances.received, 440);
	});
}

#[test]
fn a_price_beyond_the_price_and_deposit_takes_both_and_no_more() {
	ExtBuilder::default().build_and_execute(|| {
		let id = in_trip();
		// 1 000 km: 20 + 2 000, but only 160 + 500 are held.
		check_out(id, 2_000);

		System::assert_last_event(
			Event::TripEnded { booking: id, hours: 1, km: 1_000, price: 660, from_deposit: 500 }
				.into(),
		);
		assert_eq!(booking(id).deposit, 0);
		assert_eq!(held(HoldReason::DamageDeposit, RENTER), 0);
		assert_eq!(free(RENTER), BALANCE - RENTER_PRICE - DEPOSIT);
		assert_eq!(free(coop_account()), ENDOWMENT + 660);
	});
}

#[test]
fn a_rolled_back_reading_at_check_out_counts_no_km() {
	ExtBuilder::default().build_and_execute(|| {
		let id = in_trip();
		run_to_block(START + 9);
		// Below the check-in reading: the trip's km never go below zero, and the price is the
		// hour alone.
		check_out(id, 900);

		System::assert_last_event(
			Event::TripEnded { booking: id, hours: 1, km: 0, price: 20, from_deposit: 0 }.into(),
		);
		assert_eq!(free(RENTER), BALANCE - 20 - DEPOSIT);
		assert_eq!(free(coop_account()), ENDOWMENT + 20);
	});
}

#[test]
fn the_trip_counts_the_odometer_historys_km_not_the_check_out_reading() {
	ExtBuilder::default().build_and_execute(|| {
		let id = in_trip();
		// A workshop read 1 040 during the trip; the check-out reading says 1 030: the history
		// (here: the last reading) decides.
		assert_ok!(RecordingOdometer::record_reading(VEHICLE, 1_040, OdometerSource::Workshop));
		run_to_block(START + 9);
		check_out(id, 1_030);
		System::assert_last_event(
			Event::TripEnded { booking: id, hours: 1, km: 30, price: 80, from_deposit: 0 }.into(),
		);
	});
}

#[test]
fn check_in_refusals() {
	ExtBuilder::default().build_and_execute(|| {
		fleet();
		let id = book_usual();
		let checked_in =
			|who| CarSharing::check_in(signed(who), id, 1_000, Percent::zero(), H256::zero());
		assert_noop!(
			CarSharing::check_in(signed(DEVICE), 7, 1_000, Percent::zero(), H256::zero()),
			Error::<Test>::BookingNotFound
		);
		run_to_block(START - 1);
		assert_noop!(checked_in(DEVICE), Error::<Test>::OutsideSlot);
		run_to_block(END + 1);
		assert_noop!(checked_in(DEVICE), Error::<Test>::OutsideSlot);
		run_to_block(END);
		assert_noop!(checked_in(OTHER_DEVICE), Error::<Test>::NotVehicleDevice);
		assert_noop!(checked_in(RENTER), Error::<Test>::NotVehicleDevice);
		assert_ok!(checked_in(DEVICE));
		assert_noop!(checked_in(DEVICE), Error::<Test>::NotBooked);
	});
}

#[test]
fn check_in_fails_with_the_registrys_error_and_leaves_the_booking_booked() {
	ExtBuilder::default().build_and_execute(|| {
		fleet();
		let id = book_usual();
		run_to_block(START);
		// The registry refuses the operator right (here: the co-op no longer owns the vehicle).
		MockVehicles::update(VEHICLE, |v| v.owner = BUYER);
		assert_noop!(
			CarSharing::check_in(signed(DEVICE), id, 1_000, Percent::zero(), H256::zero()),
			DispatchError::Other("NotOwner")
		);
		assert_eq!(booking(id).state, BookingState::Booked);
		MockVehicles::update(VEHICLE, |v| v.owner = coop_account());
	});
}

#[test]
fn the_rate_is_fixed_when_booking() {
	ExtBuilder::default().build_and_execute(|| {
		fleet();
		let id = book_usual();
		// The co-op's prices change after the booking.
		crate::Coops::<Test>::mutate(0, |c| {
			c.as_mut().unwrap().pricing.renter = crate::Rate { per_hour: 100, per_km: 100 }
		});
		run_to_block(START);
		check_in(id, 1_000);
		check_out(id, 1_010);
		System::assert_last_event(
			Event::TripEnded { booking: id, hours: 1, km: 10, price: 40, from_deposit: 0 }.into(),
		);
	});
}

#[test]
fn check_out_refusals() {
	ExtBuilder::default().build_and_execute(|| {
		fleet();
		let id = book_usual();
		let checked_out =
			|who| CarSharing::check_out(signed(who), id, 1_000, Percent::zero(), H256::zero());
		assert_noop!(
			CarSharing::check_out(signed(DEVICE), 7, 1_000, Percent::zero(), H256::zero()),
			Error::<Test>::BookingNotFound
		);
		run_to_block(START);
		assert_noop!(checked_out(DEVICE), Error::<Test>::NotInTrip);
		check_in(id, 1_000);
		assert_noop!(checked_out(OTHER_DEVICE), Error::<Test>::NotVehicleDevice);
		assert_noop!(checked_out(RENTER), Error::<Test>::NotVehicleDevice);
		assert_ok!(checked_out(DEVICE));
		assert_noop!(checked_out(DEVICE), Error::<Test>::NotInTrip);
	});
}

#[test]
fn a_replacement_device_checks_out_a_trip_its_predecessor_checked_in() {
	ExtBuilder::default().build_and_execute(|| {
		let id = in_trip();
		assert_ok!(CarSharing::unbind_device(signed(MANAGER), 0, VEHICLE, DEVICE));
		assert_ok!(CarSharing::invite_device(signed(MANAGER), 0, VEHICLE, OTHER_DEVICE));
		run_to_block(START + 9);
		assert_noop!(
			CarSharing::check_out(signed(DEVICE), id, 1_010, Percent::zero(), H256::zero()),
			Error::<Test>::NotVehicleDevice
		);
		assert_ok!(CarSharing::check_out(
			signed(OTHER_DEVICE),
			id,
			1_010,
			Percent::zero(),
			H256::zero()
		));
		System::assert_last_event(
			Event::TripEnded { booking: id, hours: 1, km: 10, price: 40, from_deposit: 0 }.into(),
		);
		assert_eq!(right(RENTER), None);
	});
}

#[test]
fn the_renter_ends_a_trip_without_a_device_at_any_time() {
	ExtBuilder::default().build_and_execute(|| {
		let id = in_trip();
		assert_ok!(CarSharing::unbind_device(signed(MANAGER), 0, VEHICLE, DEVICE));
		// Another source fed the history during the trip.
		assert_ok!(RecordingOdometer::record_reading(VEHICLE, 1_025, OdometerSource::Charger));
		run_to_block(START + 9);
		assert_ok!(CarSharing::end_trip_without_device(signed(RENTER), id));

		System::assert_last_event(
			Event::TripEnded { booking: id, hours: 1, km: 25, price: 70, from_deposit: 0 }.into(),
		);
		assert_eq!(
			booking(id).state,
			BookingState::Returned { returned_at: START + 9, claim: None }
		);
		assert_eq!(right(RENTER), None);
		assert_eq!(free(RENTER), BALANCE - 70 - DEPOSIT);
		assert_eq!(free(coop_account()), ENDOWMENT + 70);
	});
}

#[test]
fn the_fleet_manager_ends_a_trip_without_a_device_only_after_the_end() {
	ExtBuilder::default().build_and_execute(|| {
		let id = in_trip();
		run_to_block(END);
		assert_noop!(
			CarSharing::end_trip_without_device(signed(MANAGER), id),
			Error::<Test>::TooEarly
		);
		run_to_block(END + 1);
		assert_ok!(CarSharing::end_trip_without_device(signed(MANAGER), id));
		// Blocks 100..=130: 4 hours, no km seen.
		System::assert_last_event(
			Event::TripEnded { booking: id, hours: 4, km: 0, price: 80, from_deposit: 0 }.into(),
		);
		assert!(operators().is_empty());
	});
}

#[test]
fn end_trip_without_device_refusals() {
	ExtBuilder::default().build_and_execute(|| {
		fleet();
		let id = book_usual();
		assert_noop!(
			CarSharing::end_trip_without_device(signed(RENTER), 7),
			Error::<Test>::BookingNotFound
		);
		assert_noop!(
			CarSharing::end_trip_without_device(signed(RENTER), id),
			Error::<Test>::NotInTrip
		);
		run_to_block(START);
		check_in(id, 1_000);
		run_to_block(END + 1);
		assert_noop!(
			CarSharing::end_trip_without_device(signed(STRANGER), id),
			Error::<Test>::NotAllowed
		);
	});
}

#[test]
fn a_revocation_failure_is_ignored_only_when_the_right_is_gone() {
	ExtBuilder::default().build_and_execute(|| {
		let id = in_trip();
		// The registry dropped the renter's right on its own.
		MockVehicles::update(VEHICLE, |v| v.operators.clear());
		assert_ok!(CarSharing::end_trip_without_device(signed(RENTER), id));
		assert!(matches!(booking(id).state, BookingState::Returned { .. }));
	});
}

#[test]
fn a_revocation_failure_while_the_right_lasts_undoes_the_check_out() {
	ExtBuilder::default().build_and_execute(|| {
		let id = in_trip();
		// The co-op no longer owns the vehicle, but the registry kept the renter's right.
		MockVehicles::update(VEHICLE, |v| v.owner = BUYER);
		assert_noop!(
			CarSharing::end_trip_without_device(signed(RENTER), id),
			DispatchError::Other("NotOwner")
		);
		MockVehicles::update(VEHICLE, |v| v.owner = coop_account());
	});
}

#[test]
fn the_next_booking_waits_until_a_car_not_returned_is_ended() {
	ExtBuilder::default().build_and_execute(|| {
		let first = in_trip();
		let next = book(BOB, END + 1, END + 10, 0);
		run_to_block(END + 1);
		assert_noop!(
			CarSharing::check_in(signed(DEVICE), next, 1_050, Percent::zero(), H256::zero()),
			Error::<Test>::VehicleInTrip
		);
		assert_ok!(CarSharing::end_trip_without_device(signed(MANAGER), first));
		check_in(next, 1_050);
		assert_eq!(right(BOB), Some(OperatingRight::OperatorUntil(END + 10)));
	});
}

#[test]
fn the_passport_section_counts_the_trips_since_the_vehicle_joined_and_forgets_them_when_it_leaves()
{
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(CarSharing::passport_section(VEHICLE), None, "not in a fleet yet");
		let id = in_trip();
		let section = CarSharing::passport_section(VEHICLE).unwrap();
		assert_eq!((section.coop, section.trips, section.km, section.revenue), (0, 0, 0, 0));
		assert_eq!(section.coop_name, b"Neighbours".to_vec());
		assert_eq!(section.open_bookings, 1, "the trip's booking");
		assert_eq!(section.members, coop_of(0).members);

		run_to_block(START + 19);
		assert_ok!(CarSharing::check_out(
			signed(DEVICE),
			id,
			1_030,
			Percent::from_percent(40),
			H256::repeat_byte(2)
		));
		let section = CarSharing::passport_section(VEHICLE).unwrap();
		assert_eq!(
			(section.trips, section.km, section.revenue, section.open_bookings),
			(1, 30, 100, 0)
		);

		MockVehicles::update(VEHICLE, |v| v.status = v2x_primitives::VehicleStatus::Scrapped);
		<CarSharing as v2x_primitives::OnVehicleStatusChanged>::on_status_changed(
			VEHICLE,
			v2x_primitives::VehicleStatus::Scrapped,
		);
		assert_eq!(CarSharing::passport_section(VEHICLE), None);
		assert_eq!(crate::VehicleTripTotals::<Test>::get(VEHICLE), Default::default());
	});
}
