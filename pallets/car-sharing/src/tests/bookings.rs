//! Booking a slot, cancelling it, and no-shows.
//!
//! The usual booking (`book_usual`): `RENTER` (not a member: 20 an hour, 2 a km) books
//! `VEHICLE` for blocks 100..=129 (3 hours at 10 blocks an hour) and up to 50 km: 160 and
//! the 500 deposit held.

use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_core::H256,
	sp_runtime::Percent,
};
use v2x_primitives::{testing::MockVehicles, VehicleStatus};

use super::*;
use crate::{
	Booking, BookingId, BookingState, Bookings, CoopId, Error, Fleet, NextBookingId, Pricing, Rate,
	SlotView, VehicleBookings,
};

pub(crate) const START: u64 = 100;
pub(crate) const END: u64 = 129;
pub(crate) const MAX_KM: u32 = 50;
/// 3 hours * 20 + 50 km * 2.
pub(crate) const RENTER_PRICE: u64 = 160;
/// 3 hours * 10 + 50 km * 1.
pub(crate) const MEMBER_PRICE: u64 = 80;
pub(crate) const DEPOSIT: u64 = 500;

/// The usual co-op with `VEHICLE` in its fleet and `DEVICE` bound to it again (the gift to
/// the co-op unbound it).
pub(crate) fn fleet() -> CoopId {
	let coop = coop_with_vehicle();
	assert_ok!(CarSharing::invite_device(signed(MANAGER), coop, VEHICLE, DEVICE));
	coop
}

/// `who` books `VEHICLE` for `start..=end` and `max_km`; returns the booking's id.
pub(crate) fn book(who: u64, start: u64, end: u64, max_km: u32) -> BookingId {
	assert_ok!(CarSharing::book(signed(who), VEHICLE, start, end, max_km));
	NextBookingId::<Test>::get() - 1
}

/// `RENTER` books `VEHICLE` for `START..=END` and `MAX_KM`.
pub(crate) fn book_usual() -> BookingId {
	book(RENTER, START, END, MAX_KM)
}

/// `DEVICE` checks `booking` in now at `km`.
pub(crate) fn check_in(booking: BookingId, km: u32) {
	assert_ok!(CarSharing::check_in(
		signed(DEVICE),
		booking,
		km,
		Percent::from_percent(80),
		H256::repeat_byte(1)
	));
}

/// `DEVICE` checks `booking` out now at `km`.
pub(crate) fn check_out(booking: BookingId, km: u32) {
	assert_ok!(CarSharing::check_out(
		signed(DEVICE),
		booking,
		km,
		Percent::from_percent(40),
		H256::repeat_byte(2)
	));
}

pub(crate) fn booking(id: BookingId) -> Booking<Test> {
	Bookings::<Test>::get(id).unwrap()
}

pub(crate) fn coop_account() -> u64 {
	CarSharing::coop_account(0)
}

/// The vehicle's slots as `(start, end, booking)`.
pub(crate) fn slots() -> Vec<(u64, u64, BookingId)> {
	VehicleBookings::<Test>::get(VEHICLE).into_inner()
}

#[test]
fn book_holds_the_worst_case_price_and_the_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = fleet();
		assert_ok!(CarSharing::book(signed(RENTER), VEHICLE, START, END, MAX_KM));

		System::assert_last_event(
			Event::Booked {
				booking: 0,
				coop,
				vehicle: VEHICLE,
				renter: RENTER,
				start: START,
				end: END,
				held_price: RENTER_PRICE,
				deposit: DEPOSIT,
			}
			.into(),
		);
		assert_eq!(
			booking(0),
			Booking {
				coop,
				vehicle: VEHICLE,
				renter: RENTER,
				start: START,
				end: END,
				max_km: MAX_KM,
				rate: Rate { per_hour: 20, per_km: 2 },
				held_price: RENTER_PRICE,
				deposit: DEPOSIT,
				state: BookingState::Booked,
			}
		);
		assert_eq!(NextBookingId::<Test>::get(), 1);
		assert_eq!(slots(), vec![(START, END, 0)]);
		assert_eq!(held(HoldReason::BookingPrice, RENTER), RENTER_PRICE);
		assert_eq!(held(HoldReason::DamageDeposit, RENTER), DEPOSIT);
		assert_eq!(free(RENTER), BALANCE - RENTER_PRICE - DEPOSIT);
	});
}

#[test]
fn members_pay_the_members_rate() {
	ExtBuilder::default().build_and_execute(|| {
		fleet();
		let id = book(BOB, START, END, MAX_KM);
		assert_eq!(booking(id).rate, Rate { per_hour: 10, per_km: 1 });
		assert_eq!(booking(id).held_price, MEMBER_PRICE);
		assert_eq!(held(HoldReason::BookingPrice, BOB), MEMBER_PRICE);
		assert_eq!(free(BOB), BALANCE - MEMBER_PRICE - DEPOSIT);
	});
}

#[test]
fn a_vehicles_own_pricing_overrides_the_coops() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = fleet();
		let own = Pricing {
			member: Rate { per_hour: 1, per_km: 1 },
			renter: Rate { per_hour: 5, per_km: 3 },
			damage_deposit: 70,
		};
		Fleet::<Test>::insert(coop, VEHICLE, crate::FleetVehicle { pricing: Some(own) });
		book_usual();
		// 3 hours * 5 + 50 km * 3.
		assert_eq!(held(HoldReason::BookingPrice, RENTER), 165);
		assert_eq!(held(HoldReason::DamageDeposit, RENTER), 70);
	});
}

#[test]
fn hours_are_counted_per_started_hour() {
	ExtBuilder::default().build_and_execute(|| {
		fleet();
		// 31 blocks start a fourth hour: 4 * 20 + 0 km.
		let id = book(RENTER, START, START + 30, 0);
		assert_eq!(booking(id).held_price, 80);
		// A single block is an hour.
		let id = book(RENTER, 200, 200, 0);
		assert_eq!(booking(id).held_price, 20);
	});
}

#[test]
fn overlapping_bookings_are_refused_at_both_edges() {
	ExtBuilder::default().build_and_execute(|| {
		fleet();
		book_usual();
		// Starting in the block the other ends.
		assert_noop!(
			CarSharing::book(signed(BOB), VEHICLE, END, END + 10, 0),
			Error::<Test>::SlotTaken
		);
		// Ending in the block the other starts.
		assert_noop!(
			CarSharing::book(signed(BOB), VEHICLE, START - 10, START, 0),
			Error::<Test>::SlotTaken
		);
		// Around it.
		assert_noop!(
			CarSharing::book(signed(BOB), VEHICLE, START - 1, END + 1, 0),
			Error::<Test>::SlotTaken
		);
		// One block later and one block earlier are free.
		let after = book(BOB, END + 1, END + 10, 0);
		let before = book(CAROL, START - 10, START - 1, 0);
		assert_eq!(
			slots(),
			vec![(START - 10, START - 1, before), (START, END, 0), (END + 1, END + 10, after)]
		);
	});
}

#[test]
fn book_needs_a_fleet_vehicle_that_is_active() {
	ExtBuilder::default().build_and_execute(|| {
		fleet();
		assert_noop!(
			CarSharing::book(signed(RENTER), OTHER_VEHICLE, START, END, 0),
			Error::<Test>::NotInFleet
		);
		assert_noop!(
			CarSharing::book(signed(RENTER), UNKNOWN_VEHICLE, START, END, 0),
			Error::<Test>::NotInFleet
		);
		MockVehicles::update(VEHICLE, |v| v.status = VehicleStatus::Stolen);
		assert_noop!(
			CarSharing::book(signed(RENTER), VEHICLE, START, END, 0),
			Error::<Test>::VehicleNotActive
		);
	});
}

#[test]
fn book_checks_the_slot() {
	ExtBuilder::default().build_and_execute(|| {
		fleet();
		run_to_block(10);
		assert_noop!(
			CarSharing::book(signed(RENTER), VEHICLE, 9, 20, 0),
			Error::<Test>::StartInPast
		);
		assert_noop!(
			CarSharing::book(
				signed(RENTER),
				VEHICLE,
				10 + MAX_BOOK_AHEAD + 1,
				10 + MAX_BOOK_AHEAD + 1,
				0
			),
			Error::<Test>::StartTooFarAhead
		);
		assert_noop!(
			CarSharing::book(signed(RENTER), VEHICLE, START, START - 1, 0),
			Error::<Test>::InvalidSlot
		);
		assert_noop!(
			CarSharing::book(signed(RENTER), VEHICLE, START, START + MAX_BOOKING_DURATION, 0),
			Error::<Test>::BookingTooLong
		);
		// The limits themselves are fine: starting now, at the horizon, the longest slot.
		book(RENTER, 10, 10, 0);
		book(RENTER, 10 + MAX_BOOK_AHEAD, 10 + MAX_BOOK_AHEAD, 0);
		book(RENTER, START, START + MAX_BOOKING_DURATION - 1, 0);
	});
}

#[test]
fn book_refuses_more_than_max_bookings_per_vehicle() {
	ExtBuilder::default().build_and_execute(|| {
		fleet();
		for i in 0..u64::from(MAX_BOOKINGS) {
			book(RENTER, 100 + 10 * i, 109 + 10 * i, 0);
		}
		assert_noop!(
			CarSharing::book(signed(RENTER), VEHICLE, 500, 509, 0),
			Error::<Test>::TooManyBookings
		);
	});
}

#[test]
fn book_needs_the_price_and_the_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		fleet();
		assert_noop!(
			CarSharing::book(signed(PAUPER), VEHICLE, START, END, MAX_KM),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn book_refuses_a_price_beyond_the_balance_type() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = fleet();
		let huge = Rate { per_hour: u64::MAX, per_km: 1 };
		let own = Pricing { member: huge, renter: huge, damage_deposit: 0 };
		Fleet::<Test>::insert(coop, VEHICLE, crate::FleetVehicle { pricing: Some(own) });
		assert_noop!(
			CarSharing::book(signed(RENTER), VEHICLE, START, END, 0),
			Error::<Test>::Overflow
		);
	});
}

#[test]
fn the_renter_cancels_free_up_to_free_cancellation_before_the_start() {
	ExtBuilder::default().build_and_execute(|| {
		fleet();
		let id = book_usual();
		// free_cancellation is 50 blocks: block 50 is the last free one.
		run_to_block(START - 50);
		assert_ok!(CarSharing::cancel_booking(signed(RENTER), id));

		System::assert_last_event(Event::BookingCancelled { booking: id, fee: 0 }.into());
		assert_eq!(Bookings::<Test>::get(id), None);
		assert!(slots().is_empty());
		assert_eq!(free(RENTER), BALANCE);
		assert_eq!(held(HoldReason::BookingPrice, RENTER), 0);
		assert_eq!(held(HoldReason::DamageDeposit, RENTER), 0);
		assert_eq!(free(coop_account()), ENDOWMENT);
		assert_eq!(coop_of(0).finances.received, 0);
	});
}

#[test]
fn the_renter_pays_the_late_fee_one_block_after_the_free_window() {
	ExtBuilder::default().build_and_execute(|| {
		fleet();
		let id = book_usual();
		run_to_block(START - 50 + 1);
		assert_ok!(CarSharing::cancel_booking(signed(RENTER), id));

		// 10 % of 160.
		System::assert_last_event(Event::BookingCancelled { booking: id, fee: 16 }.into());
		assert_eq!(free(RENTER), BALANCE - 16);
		assert_eq!(held(HoldReason::BookingPrice, RENTER), 0);
		assert_eq!(held(HoldReason::DamageDeposit, RENTER), 0);
		assert_eq!(free(coop_account()), ENDOWMENT + 16);
		// Income: 20 % to the reserve (3.2, the distributable part rounded down: 12).
		let finances = coop_of(0).finances;
		assert_eq!(finances.received, 16);
		assert_eq!(finances.undistributed, 12);
		assert_eq!(finances.reserve, ENDOWMENT + 4);
	});
}

#[test]
fn the_fleet_manager_cancels_without_fee_even_after_the_start() {
	ExtBuilder::default().build_and_execute(|| {
		fleet();
		let id = book_usual();
		run_to_block(START + 5);
		assert_ok!(CarSharing::cancel_booking(signed(MANAGER), id));

		System::assert_last_event(Event::BookingCancelled { booking: id, fee: 0 }.into());
		assert_eq!(free(RENTER), BALANCE);
		assert_eq!(free(coop_account()), ENDOWMENT);
		assert!(slots().is_empty());
	});
}

#[test]
fn cancel_booking_refusals() {
	ExtBuilder::default().build_and_execute(|| {
		fleet();
		let id = book_usual();
		assert_noop!(CarSharing::cancel_booking(signed(RENTER), 7), Error::<Test>::BookingNotFound);
		assert_noop!(CarSharing::cancel_booking(signed(STRANGER), id), Error::<Test>::NotAllowed);
		run_to_block(START);
		assert_noop!(CarSharing::cancel_booking(signed(RENTER), id), Error::<Test>::TooLate);
		check_in(id, 1_000);
		assert_noop!(CarSharing::cancel_booking(signed(MANAGER), id), Error::<Test>::NotBooked);
	});
}

#[test]
fn a_no_show_pays_the_late_fee_after_the_slot() {
	ExtBuilder::default().build_and_execute(|| {
		fleet();
		let id = book_usual();
		run_to_block(END);
		assert_noop!(CarSharing::close_no_show(signed(STRANGER), id), Error::<Test>::TooEarly);
		run_to_block(END + 1);
		assert_ok!(CarSharing::close_no_show(signed(STRANGER), id));

		System::assert_last_event(Event::NoShow { booking: id, fee: 16 }.into());
		assert_eq!(Bookings::<Test>::get(id), None);
		assert!(slots().is_empty());
		assert_eq!(free(RENTER), BALANCE - 16);
		assert_eq!(held(HoldReason::BookingPrice, RENTER), 0);
		assert_eq!(held(HoldReason::DamageDeposit, RENTER), 0);
		assert_eq!(free(coop_account()), ENDOWMENT + 16);
		assert_eq!(coop_of(0).finances.received, 16);
	});
}

#[test]
fn close_no_show_refusals() {
	ExtBuilder::default().build_and_execute(|| {
		fleet();
		let id = book_usual();
		assert_noop!(
			CarSharing::close_no_show(signed(STRANGER), 7),
			Error::<Test>::BookingNotFound
		);
		run_to_block(START);
		check_in(id, 1_000);
		run_to_block(END + 1);
		assert_noop!(CarSharing::close_no_show(signed(STRANGER), id), Error::<Test>::NotBooked);
	});
}

#[test]
fn quote_says_what_book_would_hold_or_why_not() {
	ExtBuilder::default().build_and_execute(|| {
		fleet();
		assert_eq!(
			CarSharing::quote(VEHICLE, &RENTER, START, END, MAX_KM),
			Ok((RENTER_PRICE, DEPOSIT))
		);
		assert_eq!(
			CarSharing::quote(VEHICLE, &BOB, START, END, MAX_KM),
			Ok((MEMBER_PRICE, DEPOSIT))
		);
		book_usual();
		assert_eq!(
			CarSharing::quote(VEHICLE, &BOB, END, END, 0),
			Err(Error::<Test>::SlotTaken.into())
		);
		assert_eq!(
			CarSharing::quote(OTHER_VEHICLE, &BOB, START, END, 0),
			Err(Error::<Test>::NotInFleet.into())
		);
	});
}

#[test]
fn vehicle_slots_lists_the_booked_slots_by_start() {
	ExtBuilder::default().build_and_execute(|| {
		fleet();
		let later = book(BOB, 300, 309, 0);
		let first = book_usual();
		assert_eq!(
			CarSharing::vehicle_slots(VEHICLE),
			vec![
				SlotView { booking: first, start: START, end: END, renter: RENTER },
				SlotView { booking: later, start: 300, end: 309, renter: BOB },
			]
		);
		assert_eq!(CarSharing::vehicle_slots(OTHER_VEHICLE), vec![]);
	});
}

#[test]
fn try_state_catches_overlapping_slots_and_unaccounted_holds() {
	ExtBuilder::default().build_and_execute(|| {
		fleet();
		let id = book_usual();
		book(BOB, END + 1, END + 10, 0);
		VehicleBookings::<Test>::mutate(VEHICLE, |slots| slots[1].0 = END);
		Bookings::<Test>::mutate(id + 1, |b| b.as_mut().unwrap().start = END);
		assert_eq!(CarSharing::do_try_state(), Err("overlapping bookings on a vehicle".into()));
		VehicleBookings::<Test>::mutate(VEHICLE, |slots| slots[1].0 = END + 1);
		Bookings::<Test>::mutate(id + 1, |b| b.as_mut().unwrap().start = END + 1);
		assert_ok!(CarSharing::do_try_state());

		Bookings::<Test>::mutate(id, |b| b.as_mut().unwrap().deposit = DEPOSIT - 1);
		assert_eq!(CarSharing::do_try_state(), Err("damage deposits not held".into()));
		Bookings::<Test>::mutate(id, |b| b.as_mut().unwrap().deposit = DEPOSIT);
		VehicleBookings::<Test>::mutate(VEHICLE, |slots| slots.remove(0));
		assert_eq!(
			CarSharing::do_try_state(),
			Err("an open booking is not listed on its vehicle".into())
		);
		VehicleBookings::<Test>::mutate(VEHICLE, |slots| {
			slots.try_insert(0, (START, END, id)).unwrap()
		});
	});
}
