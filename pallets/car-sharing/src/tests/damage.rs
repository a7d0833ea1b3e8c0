//! Damage claims against a returned booking's deposit, disputes, and the deposit's release.
//!
//! The usual returned trip (`returned`): checked in at 100, out at 119 with 30 km, 100 paid;
//! the 500 deposit stays held until the claim window (20 blocks) ends.

use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_core::H256,
};

use super::{bookings::*, *};
use crate::{BookingState, Bookings, Claim, Error};

const RETURNED_AT: u64 = START + 19;
const TRIP_PRICE: u64 = 100;

/// The usual co-op and booking, driven and returned at `RETURNED_AT`.
fn returned() -> u64 {
	fleet();
	drive()
}

/// The usual booking, driven and returned at `RETURNED_AT`.
fn drive() -> u64 {
	let id = book_usual();
	run_to_block(START);
	check_in(id, 1_000);
	run_to_block(RETURNED_AT);
	check_out(id, 1_030);
	id
}

fn file(id: u64, amount: u64) {
	assert_ok!(CarSharing::file_claim(signed(MANAGER), id, amount, H256::repeat_byte(9)));
}

fn claim_of(id: u64) -> Option<Claim<u64, u64>> {
	match booking(id).state {
		BookingState::Returned { claim, .. } => claim,
		_ => None,
	}
}

#[test]
fn a_claim_in_the_windows_last_block_is_accepted() {
	ExtBuilder::default().build_and_execute(|| {
		let id = returned();
		run_to_block(RETURNED_AT + CLAIM_WINDOW);
		assert_ok!(CarSharing::file_claim(signed(MANAGER), id, 200, H256::repeat_byte(9)));

		System::assert_last_event(
			Event::ClaimFiled { booking: id, amount: 200, evidence: H256::repeat_byte(9) }.into(),
		);
		assert_eq!(
			claim_of(id),
			Some(Claim {
				amount: 200,
				evidence: H256::repeat_byte(9),
				filed_at: RETURNED_AT + CLAIM_WINDOW,
				disputed: false,
			})
		);
		// Nothing moves until the claim is settled.
		assert_eq!(held(HoldReason::DamageDeposit, RENTER), DEPOSIT);
	});
}

#[test]
fn a_claim_one_block_after_the_window_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let id = returned();
		run_to_block(RETURNED_AT + CLAIM_WINDOW + 1);
		assert_noop!(
			CarSharing::file_claim(signed(MANAGER), id, 200, H256::repeat_byte(9)),
			Error::<Test>::ClaimWindowClosed
		);
	});
}

#[test]
fn file_claim_refusals() {
	ExtBuilder::default().build_and_execute(|| {
		fleet();
		let id = book_usual();
		let claim = |who, amount| CarSharing::file_claim(signed(who), id, amount, H256::zero());
		assert_noop!(
			CarSharing::file_claim(signed(MANAGER), 7, 1, H256::zero()),
			Error::<Test>::BookingNotFound
		);
		assert_noop!(claim(MANAGER, 1), Error::<Test>::NotReturned);
		run_to_block(START);
		check_in(id, 1_000);
		assert_noop!(claim(MANAGER, 1), Error::<Test>::NotReturned);
		// 240 km: 20 + 480 = 500, 340 of it from the deposit: 160 left.
		check_out(id, 1_240);
		assert_eq!(booking(id).deposit, 160);
		assert_noop!(claim(RENTER, 1), Error::<Test>::NotFleetManager);
		assert_noop!(claim(MANAGER, 0), Error::<Test>::ZeroAmount);
		assert_noop!(claim(MANAGER, 161), Error::<Test>::ClaimAboveDeposit);
		assert_ok!(claim(MANAGER, 160));
		assert_noop!(claim(MANAGER, 1), Error::<Test>::ClaimExists);
	});
}

#[test]
fn the_renter_accepts_a_claim_and_it_goes_to_the_reserve() {
	ExtBuilder::default().build_and_execute(|| {
		let id = returned();
		file(id, 200);
		let reserve = coop_of(0).finances.reserve;
		assert_noop!(CarSharing::accept_claim(signed(STRANGER), id), Error::<Test>::NotRenter);
		assert_ok!(CarSharing::accept_claim(signed(RENTER), id));

		assert_eq!(
			events()[events().len() - 2..],
			[
				Event::ClaimAccepted { booking: id, amount: 200 },
				Event::DepositReleased { booking: id, to_renter: 300, to_coop: 200 },
			]
		);
		assert_eq!(Bookings::<Test>::get(id), None);
		assert_eq!(held(HoldReason::DamageDeposit, RENTER), 0);
		assert_eq!(free(RENTER), BALANCE - TRIP_PRICE - 200);
		assert_eq!(free(coop_account()), ENDOWMENT + TRIP_PRICE + 200);
		let finances = coop_of(0).finances;
		assert_eq!(finances.reserve, reserve + 200);
		// A claim is not income: nothing more to distribute.
		assert_eq!(finances.received, TRIP_PRICE);
		assert_eq!(finances.undistributed, 80);
	});
}

#[test]
fn the_renter_disputes_within_the_dispute_window() {
	ExtBuilder::default().build_and_execute(|| {
		let id = returned();
		file(id, 200);
		assert_noop!(CarSharing::dispute_claim(signed(STRANGER), id), Error::<Test>::NotRenter);
		run_to_block(RETURNED_AT + DISPUTE_WINDOW);
		assert_ok!(CarSharing::dispute_claim(signed(RENTER), id));

		System::assert_last_event(Event::ClaimDisputed { booking: id }.into());
		assert_eq!(claim_of(id).map(|c| c.disputed), Some(true));
		assert_noop!(CarSharing::dispute_claim(signed(RENTER), id), Error::<Test>::AlreadyDisputed);
		assert_eq!(held(HoldReason::DamageDeposit, RENTER), DEPOSIT);
	});
}

#[test]
fn a_dispute_after_the_dispute_window_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let id = returned();
		file(id, 200);
		run_to_block(RETURNED_AT + DISPUTE_WINDOW + 1);
		assert_noop!(
			CarSharing::dispute_claim(signed(RENTER), id),
			Error::<Test>::DisputeWindowClosed
		);
	});
}

#[test]
fn the_assessor_decides_a_disputed_claim() {
	ExtBuilder::default().build_and_execute(|| {
		let id = returned();
		file(id, 200);
		assert_noop!(
			CarSharing::decide_claim(signed(ASSESSOR), id, 150),
			Error::<Test>::NotDisputed
		);
		assert_ok!(CarSharing::dispute_claim(signed(RENTER), id));
		assert_noop!(
			CarSharing::decide_claim(signed(MANAGER), id, 150),
			Error::<Test>::NotAssessor
		);
		assert_noop!(
			CarSharing::decide_claim(signed(ASSESSOR), id, 201),
			Error::<Test>::AwardAboveClaim
		);
		let reserve = coop_of(0).finances.reserve;
		assert_ok!(CarSharing::decide_claim(signed(ASSESSOR), id, 150));

		assert_eq!(
			events()[events().len() - 2..],
			[
				Event::ClaimDecided { booking: id, award: 150 },
				Event::DepositReleased { booking: id, to_renter: 350, to_coop: 150 },
			]
		);
		assert_eq!(Bookings::<Test>::get(id), None);
		assert_eq!(held(HoldReason::DamageDeposit, RENTER), 0);
		assert_eq!(free(RENTER), BALANCE - TRIP_PRICE - 150);
		assert_eq!(free(coop_account()), ENDOWMENT + TRIP_PRICE + 150);
		assert_eq!(coop_of(0).finances.reserve, reserve + 150);
	});
}

#[test]
fn an_undisputed_claim_is_settled_after_the_dispute_window() {
	ExtBuilder::default().build_and_execute(|| {
		let id = returned();
		file(id, 200);
		run_to_block(RETURNED_AT + DISPUTE_WINDOW);
		assert_noop!(
			CarSharing::settle_claim(signed(STRANGER), id),
			Error::<Test>::DisputeWindowOpen
		);
		run_to_block(RETURNED_AT + DISPUTE_WINDOW + 1);
		assert_ok!(CarSharing::settle_claim(signed(STRANGER), id));

		System::assert_last_event(
			Event::DepositReleased { booking: id, to_renter: 300, to_coop: 200 }.into(),
		);
		assert_eq!(Bookings::<Test>::get(id), None);
		assert_eq!(held(HoldReason::DamageDeposit, RENTER), 0);
		assert_eq!(free(RENTER), BALANCE - TRIP_PRICE - 200);
		assert_eq!(free(coop_account()), ENDOWMENT + TRIP_PRICE + 200);
	});
}

#[test]
fn a_disputed_claim_waits_for_the_assessor() {
	ExtBuilder::default().build_and_execute(|| {
		let id = returned();
		file(id, 200);
		assert_ok!(CarSharing::dispute_claim(signed(RENTER), id));
		run_to_block(RETURNED_AT + DISPUTE_WINDOW + 1);
		assert_noop!(CarSharing::settle_claim(signed(STRANGER), id), Error::<Test>::ClaimDisputed);
	});
}

#[test]
fn claim_calls_need_a_claim() {
	ExtBuilder::default().build_and_execute(|| {
		let id = returned();
		assert_noop!(CarSharing::dispute_claim(signed(RENTER), id), Error::<Test>::NoClaim);
		assert_noop!(CarSharing::accept_claim(signed(RENTER), id), Error::<Test>::NoClaim);
		assert_noop!(CarSharing::decide_claim(signed(ASSESSOR), id, 0), Error::<Test>::NoClaim);
		assert_noop!(CarSharing::settle_claim(signed(STRANGER), id), Error::<Test>::NoClaim);
		assert_noop!(CarSharing::settle_claim(signed(STRANGER), 7), Error::<Test>::BookingNotFound);
	});
}

#[test]
fn the_deposit_is_released_after_the_claim_window_without_a_claim() {
	ExtBuilder::default().build_and_execute(|| {
		let id = returned();
		run_to_block(RETURNED_AT + CLAIM_WINDOW);
		assert_noop!(
			CarSharing::release_deposit(signed(STRANGER), id),
			Error::<Test>::ClaimWindowOpen
		);
		run_to_block(RETURNED_AT + CLAIM_WINDOW + 1);
		assert_ok!(CarSharing::release_deposit(signed(STRANGER), id));

		System::assert_last_event(
			Event::DepositReleased { booking: id, to_renter: DEPOSIT, to_coop: 0 }.into(),
		);
		assert_eq!(Bookings::<Test>::get(id), None);
		assert_eq!(held(HoldReason::DamageDeposit, RENTER), 0);
		assert_eq!(free(RENTER), BALANCE - TRIP_PRICE);
		assert_eq!(free(coop_account()), ENDOWMENT + TRIP_PRICE);
	});
}

#[test]
fn release_deposit_refusals() {
	ExtBuilder::default().build_and_execute(|| {
		fleet();
		let booked = book(BOB, 300, 309, 0);
		let id = drive();
		assert_noop!(
			CarSharing::release_deposit(signed(STRANGER), 7),
			Error::<Test>::BookingNotFound
		);
		assert_noop!(
			CarSharing::release_deposit(signed(STRANGER), booked),
			Error::<Test>::NotReturned
		);
		file(id, 10);
		run_to_block(RETURNED_AT + CLAIM_WINDOW + 1);
		assert_noop!(CarSharing::release_deposit(signed(STRANGER), id), Error::<Test>::ClaimOpen);
	});
}

#[test]
fn the_renter_may_still_accept_a_claim_it_disputed() {
	ExtBuilder::default().build_and_execute(|| {
		let id = returned();
		file(id, 200);
		assert_ok!(CarSharing::dispute_claim(signed(RENTER), id));
		assert_ok!(CarSharing::accept_claim(signed(RENTER), id));
		System::assert_last_event(
			Event::DepositReleased { booking: id, to_renter: 300, to_coop: 200 }.into(),
		);
		assert_eq!(free(RENTER), BALANCE - TRIP_PRICE - 200);
	});
}

#[test]
fn an_award_of_nothing_releases_the_whole_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		let id = returned();
		file(id, 200);
		assert_ok!(CarSharing::dispute_claim(signed(RENTER), id));
		let reserve = coop_of(0).finances.reserve;
		assert_ok!(CarSharing::decide_claim(signed(ASSESSOR), id, 0));
		System::assert_last_event(
			Event::DepositReleased { booking: id, to_renter: DEPOSIT, to_coop: 0 }.into(),
		);
		assert_eq!(free(RENTER), BALANCE - TRIP_PRICE);
		assert_eq!(free(coop_account()), ENDOWMENT + TRIP_PRICE);
		assert_eq!(coop_of(0).finances.reserve, reserve);
	});
}
