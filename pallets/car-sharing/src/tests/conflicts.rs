//! Conflicts of interest and the members' revenue: the assessor never judges its own
//! booking nor files the claims it decides, shares never go to a keyless co-op account, and
//! purchases never spend what members are owed.

use polkadot_sdk::{
	frame_support::{
		assert_noop, assert_ok,
		traits::{
			fungible::{Inspect, InspectHold, MutateHold},
			tokens::Precision,
		},
	},
	sp_core::H256,
	sp_runtime::traits::Zero,
};
use v2x_primitives::testing::{MockOffer, MockVehicles};

use super::{bookings::*, *};
use crate::{Coops, Error, HoldReason, ProposalKind};

#[test]
fn a_coop_whose_fleet_manager_is_its_assessor_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let founders = vec![(ALICE, ALICE_SHARES)].try_into().unwrap();
		assert_noop!(
			CarSharing::create_coop(
				signed(ALICE),
				b"Neighbours".to_vec().try_into().unwrap(),
				rules(),
				pricing(),
				founders,
				MANAGER,
				MANAGER,
			),
			Error::<Test>::ConflictOfInterest
		);
	});
}

#[test]
fn a_proposal_may_not_make_the_fleet_manager_the_assessor_or_back() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = create_coop();
		assert_noop!(
			CarSharing::propose(signed(ALICE), coop, ProposalKind::SetAssessor(MANAGER)),
			Error::<Test>::ConflictOfInterest
		);
		assert_noop!(
			CarSharing::propose(signed(ALICE), coop, ProposalKind::SetFleetManager(ASSESSOR)),
			Error::<Test>::ConflictOfInterest
		);
		assert_ok!(CarSharing::propose(signed(ALICE), coop, ProposalKind::SetAssessor(DAVE)));
	});
}

#[test]
fn the_assessor_may_not_rent_the_coops_cars() {
	ExtBuilder::default().build_and_execute(|| {
		fleet();
		assert_noop!(
			CarSharing::book(signed(ASSESSOR), VEHICLE, START, END, MAX_KM),
			Error::<Test>::ConflictOfInterest
		);
		assert_eq!(
			CarSharing::quote(VEHICLE, &ASSESSOR, START, END, MAX_KM).map(|_| ()),
			Err(Error::<Test>::ConflictOfInterest.into())
		);
	});
}

#[test]
fn an_assessor_named_after_the_booking_may_not_decide_its_own_claim() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = fleet();
		let id = book_usual();
		run_to_block(START);
		check_in(id, 1_000);
		run_to_block(START + 5);
		check_out(id, 1_010);
		assert_ok!(CarSharing::file_claim(signed(MANAGER), id, 10, H256::repeat_byte(9)));
		assert_ok!(CarSharing::dispute_claim(signed(RENTER), id));
		// The co-op voted its renter in as the assessor meanwhile.
		Coops::<Test>::mutate(coop, |entry| entry.as_mut().unwrap().assessor = RENTER);
		assert_noop!(
			CarSharing::decide_claim(signed(RENTER), id, 0),
			Error::<Test>::ConflictOfInterest
		);
	});
}

#[test]
fn shares_cannot_go_to_a_coop_account() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = create_coop();
		let account = CarSharing::coop_account(coop);
		assert_noop!(
			CarSharing::transfer_shares(signed(ALICE), coop, account, 1),
			Error::<Test>::CoopAccountReceiver
		);
	});
}

#[test]
fn a_purchase_never_spends_members_revenue_when_deposits_are_held_from_the_account() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = create_coop();
		// Reserve 250 (the endowment 50 and a fifth of 1 000), 800 owed to the members.
		income(coop, 1_000);
		let account = CarSharing::coop_account(coop);
		assert_eq!(CarSharing::spendable_reserve(coop, &coop_of(coop)), 250 - ENDOWMENT);
		// The identity pallet holds 150 of deposits from the account (a stand-in hold here):
		// only 1 050 - 150 - 800 - the existential deposit is free beyond the members' due.
		let reason = HoldReason::CoopDeposit.into();
		assert_ok!(<Balances as MutateHold<u64>>::hold(&reason, &account, 150));
		let spendable = CarSharing::spendable_reserve(coop, &coop_of(coop));
		assert_eq!(spendable, 1_050 - 150 - 800 - Balances::minimum_balance());
		let offer =
			MockOffer { seller: OWNER, buyer: account, price: Some(200), expires_at: 1_000 };
		MockVehicles::add_offer(OTHER_VEHICLE, offer);
		let kind = ProposalKind::BuyVehicle { vehicle: OTHER_VEHICLE, max_price: 200 };
		assert_ok!(CarSharing::propose(signed(ALICE), coop, kind));
		let proposal = 0;
		assert_ok!(CarSharing::vote(signed(ALICE), coop, proposal, true));
		assert_ok!(CarSharing::vote(signed(BOB), coop, proposal, true));
		run_to_block(VOTING_PERIOD + 2);
		assert_ok!(CarSharing::close_proposal(signed(STRANGER), coop, proposal));
		System::assert_last_event(
			crate::Event::ProposalClosed {
				coop,
				proposal,
				passed: true,
				executed: Some(Err(Error::<Test>::InsufficientReserve.into())),
			}
			.into(),
		);
		assert_eq!(free(account), 1_050 - 150, "nothing spent");
		// The stand-in hold goes, so that try_state judges the pallet's own holds.
		assert_ok!(<Balances as MutateHold<u64>>::release(
			&reason,
			&account,
			150,
			Precision::Exact
		));
		assert!(Balances::balance_on_hold(&reason, &account).is_zero());
	});
}
