//! Proposals, votes, their execution, and the exit of a sale's dissenters.

use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_runtime::DispatchError,
};
use v2x_primitives::{
	testing::{MockOffer, MockVehicles},
	OnOwnershipTransferred, OnVehicleStatusChanged, VehicleControl, VehicleRegistry, VehicleStatus,
};

use super::*;
use crate::{
	Error, Fleet, FleetVehicle, PendingSale, PendingSales, Proposal, ProposalKind, Proposals, Rate,
	SaleExit, SaleExits, Vote, Votes,
};

const SALE_PRICE: u64 = 1_000;

fn sell(vehicle: u64) -> ProposalKind<u64, u64> {
	ProposalKind::SellVehicle { vehicle, buyer: BUYER, price: SALE_PRICE }
}

/// The proposal's last voting block, for a proposal made at block 1.
const ENDS_AT: u64 = 1 + VOTING_PERIOD;

fn propose(coop: crate::CoopId, kind: ProposalKind<u64, u64>) -> crate::ProposalId {
	let id = coop_of(coop).next_proposal;
	assert_ok!(CarSharing::propose(signed(ALICE), coop, kind));
	id
}

fn vote(coop: crate::CoopId, proposal: crate::ProposalId, who: u64, aye: bool) {
	assert_ok!(CarSharing::vote(signed(who), coop, proposal, aye));
}

/// Moves past the voting period and closes the proposal; returns its `ProposalClosed` event.
fn close(coop: crate::CoopId, proposal: crate::ProposalId) -> Event<Test> {
	let ends_at = Proposals::<Test>::get(coop, proposal).unwrap().ends_at;
	if System::block_number() <= ends_at {
		run_to_block(ends_at + 1);
	}
	assert_ok!(CarSharing::close_proposal(signed(STRANGER), coop, proposal));
	events().into_iter().rev().find(|e| matches!(e, Event::ProposalClosed { .. })).unwrap()
}

fn closed(
	proposal: crate::ProposalId,
	passed: bool,
	executed: Option<Result<(), DispatchError>>,
) -> Event<Test> {
	Event::ProposalClosed { coop: 0, proposal, passed, executed }
}

/// A sale of `VEHICLE` to `BUYER` proposed and passed by ALICE and BOB (80 of 100), with CAROL
/// voting against; the offer is open.
fn passed_sale(coop: crate::CoopId) -> crate::ProposalId {
	let proposal = propose(coop, sell(VEHICLE));
	vote(coop, proposal, ALICE, true);
	vote(coop, proposal, BOB, true);
	vote(coop, proposal, CAROL, false);
	assert_eq!(close(coop, proposal), closed(proposal, true, Some(Ok(()))));
	proposal
}

/// `BUYER` accepts the co-op's offer of `VEHICLE`, as through the identity pallet.
fn buyer_accepts() {
	assert_ok!(<MockVehicles as VehicleControl<u64, u64, u64>>::accept_offer(
		&BUYER, VEHICLE, SALE_PRICE
	));
}

#[test]
fn propose_opens_a_proposal_for_the_voting_period() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = create_coop();
		let kind = ProposalKind::SetFleetManager(DAVE);

		assert_ok!(CarSharing::propose(signed(CAROL), coop, kind.clone()));

		assert_eq!(
			Proposals::<Test>::get(coop, 0),
			Some(Proposal {
				proposer: CAROL,
				kind: kind.clone(),
				ayes: 0,
				nays: 0,
				ends_at: ENDS_AT
			})
		);
		assert_eq!(coop_of(coop).open_proposals, 1);
		assert_eq!(coop_of(coop).next_proposal, 1);
		assert_eq!(
			events().last(),
			Some(&Event::Proposed { coop, proposal: 0, proposer: CAROL, kind, ends_at: ENDS_AT })
		);
	});
}

#[test]
fn propose_is_for_members_of_an_existing_coop() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = create_coop();
		let kind = ProposalKind::SetAssessor(DAVE);
		assert_noop!(
			CarSharing::propose(signed(MANAGER), coop, kind.clone()),
			Error::<Test>::NotMember
		);
		assert_noop!(
			CarSharing::propose(signed(ALICE), coop + 1, kind),
			Error::<Test>::CoopNotFound
		);
	});
}

#[test]
fn propose_refuses_beyond_max_open_proposals() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = create_coop();
		for _ in 0..MAX_PROPOSALS {
			propose(coop, ProposalKind::SetAssessor(DAVE));
		}
		assert_noop!(
			CarSharing::propose(signed(ALICE), coop, ProposalKind::SetAssessor(DAVE)),
			Error::<Test>::TooManyProposals
		);
	});
}

#[test]
fn propose_validates_sales() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = coop_with_vehicle();
		assert_noop!(
			CarSharing::propose(signed(ALICE), coop, sell(OTHER_VEHICLE)),
			Error::<Test>::NotInFleet
		);
		let free_sale = ProposalKind::SellVehicle { vehicle: VEHICLE, buyer: BUYER, price: 0 };
		assert_noop!(
			CarSharing::propose(signed(ALICE), coop, free_sale),
			Error::<Test>::InvalidPrice
		);
		passed_sale(coop);
		assert_noop!(
			CarSharing::propose(signed(ALICE), coop, sell(VEHICLE)),
			Error::<Test>::SalePending
		);
	});
}

#[test]
fn propose_validates_purchases_and_prices() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = coop_with_vehicle();
		let buy = |vehicle, max_price| ProposalKind::BuyVehicle { vehicle, max_price };
		assert_noop!(
			CarSharing::propose(signed(ALICE), coop, buy(OTHER_VEHICLE, 0)),
			Error::<Test>::InvalidPrice
		);
		assert_noop!(
			CarSharing::propose(signed(ALICE), coop, buy(VEHICLE, 10)),
			Error::<Test>::AlreadyInFleet
		);
		add_fleet_vehicle(coop, OTHER_VEHICLE);
		assert_noop!(
			CarSharing::propose(signed(ALICE), coop, buy(THIRD_VEHICLE, 10)),
			Error::<Test>::TooManyVehicles
		);
		let prices = ProposalKind::SetPricing { vehicle: Some(THIRD_VEHICLE), pricing: pricing() };
		assert_noop!(CarSharing::propose(signed(ALICE), coop, prices), Error::<Test>::NotInFleet);
	});
}

#[test]
fn vote_counts_the_voter_s_shares_and_locks_them() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = create_coop();
		let proposal = propose(coop, ProposalKind::SetAssessor(DAVE));

		vote(coop, proposal, BOB, true);
		vote(coop, proposal, CAROL, false);

		let open = Proposals::<Test>::get(coop, proposal).unwrap();
		assert_eq!((open.ayes, open.nays), (BOB_SHARES, CAROL_SHARES));
		assert_eq!(
			Votes::<Test>::get((coop, proposal), BOB),
			Some(Vote { aye: true, shares: BOB_SHARES })
		);
		assert_eq!(member(coop, BOB).unwrap().open_votes, 1);
		assert_eq!(
			events().last(),
			Some(&Event::Voted { coop, proposal, voter: CAROL, aye: false, shares: CAROL_SHARES })
		);
	});
}

#[test]
fn vote_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = create_coop();
		let proposal = propose(coop, ProposalKind::SetAssessor(DAVE));
		assert_noop!(
			CarSharing::vote(signed(BOB), coop, proposal + 1, true),
			Error::<Test>::ProposalNotFound
		);
		assert_noop!(
			CarSharing::vote(signed(STRANGER), coop, proposal, true),
			Error::<Test>::NotMember
		);
		vote(coop, proposal, BOB, true);
		assert_noop!(
			CarSharing::vote(signed(BOB), coop, proposal, false),
			Error::<Test>::AlreadyVoted
		);
		// The last block of the period takes votes, the next does not.
		run_to_block(ENDS_AT);
		vote(coop, proposal, CAROL, true);
		run_to_block(ENDS_AT + 1);
		assert_noop!(
			CarSharing::vote(signed(ALICE), coop, proposal, true),
			Error::<Test>::VotingClosed
		);
	});
}

#[test]
fn close_proposal_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = create_coop();
		let proposal = propose(coop, ProposalKind::SetAssessor(DAVE));
		run_to_block(ENDS_AT);
		assert_noop!(
			CarSharing::close_proposal(signed(STRANGER), coop, proposal),
			Error::<Test>::VotingOpen
		);
		assert_noop!(
			CarSharing::close_proposal(signed(STRANGER), coop, proposal + 1),
			Error::<Test>::ProposalNotFound
		);
	});
}

#[test]
fn a_majority_changes_the_fleet_manager_and_unlocks_the_voters() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = create_coop();
		let proposal = propose(coop, ProposalKind::SetFleetManager(DAVE));
		vote(coop, proposal, ALICE, true);
		vote(coop, proposal, CAROL, false);

		assert_eq!(close(coop, proposal), closed(proposal, true, Some(Ok(()))));

		assert_eq!(coop_of(coop).fleet_manager, DAVE);
		assert_eq!(coop_of(coop).open_proposals, 0);
		assert_eq!(Proposals::<Test>::get(coop, proposal), None);
		assert_eq!(Votes::<Test>::iter_prefix((coop, proposal)).count(), 0);
		assert_eq!(member(coop, ALICE).unwrap().open_votes, 0);
		assert_eq!(member(coop, CAROL).unwrap().open_votes, 0);
	});
}

#[test]
fn a_proposal_without_quorum_fails() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = create_coop();
		let proposal = propose(coop, ProposalKind::SetAssessor(DAVE));
		vote(coop, proposal, BOB, true);

		// 30 of 100 voted; the quorum is 50.
		assert_eq!(close(coop, proposal), closed(proposal, false, None));
		assert_eq!(coop_of(coop).assessor, ASSESSOR);
	});
}

#[test]
fn a_tie_does_not_pass_a_simple_majority_proposal() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = create_coop();
		let proposal = propose(coop, ProposalKind::SetAssessor(DAVE));
		vote(coop, proposal, ALICE, true);
		vote(coop, proposal, BOB, false);
		vote(coop, proposal, CAROL, false);

		assert_eq!(close(coop, proposal), closed(proposal, false, None));
		assert_eq!(coop_of(coop).assessor, ASSESSOR);
	});
}

#[test]
fn a_51_percent_coalition_cannot_sell_without_the_supermajority_but_changes_the_fleet_manager() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = coop_with_vehicle();
		// ALICE holds 51 of 100 shares; the supermajority is two thirds of the supply (67).
		assert_ok!(CarSharing::transfer_shares(signed(CAROL), coop, ALICE, 1));
		let sale = propose(coop, sell(VEHICLE));
		let manager = propose(coop, ProposalKind::SetFleetManager(DAVE));
		for proposal in [sale, manager] {
			vote(coop, proposal, ALICE, true);
			vote(coop, proposal, BOB, false);
			vote(coop, proposal, CAROL, false);
		}

		assert_eq!(close(coop, sale), closed(sale, false, None));
		assert_eq!(MockVehicles::offer(VEHICLE), None);
		assert_eq!(PendingSales::<Test>::get(VEHICLE), None);
		assert_eq!(Votes::<Test>::iter_prefix((coop, sale)).count(), 0);

		assert_eq!(close(coop, manager), closed(manager, true, Some(Ok(()))));
		assert_eq!(coop_of(coop).fleet_manager, DAVE);
	});
}

#[test]
fn a_passed_sale_offers_the_vehicle_and_keeps_the_votes_for_the_exit() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = coop_with_vehicle();
		let account = CarSharing::coop_account(coop);

		let proposal = passed_sale(coop);

		let expires_at = ENDS_AT + 1 + SALE_OFFER_DURATION;
		assert_eq!(
			MockVehicles::offer(VEHICLE),
			Some(MockOffer { seller: account, buyer: BUYER, price: Some(SALE_PRICE), expires_at })
		);
		assert_eq!(
			PendingSales::<Test>::get(VEHICLE),
			Some(PendingSale { coop, proposal, buyer: BUYER, price: SALE_PRICE, expires_at })
		);
		assert_eq!(Votes::<Test>::iter_prefix((coop, proposal)).count(), 3);
		// The shares are free to move again.
		assert_eq!(member(coop, CAROL).unwrap().open_votes, 0);
	});
}

#[test]
fn a_completed_sale_funds_the_reserve_and_opens_the_exit() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = coop_with_vehicle();
		let account = CarSharing::coop_account(coop);
		let proposal = passed_sale(coop);
		let buyer_before = free(BUYER);

		buyer_accepts();

		// Reserve 50 + 1 000; less the existential deposit, per share: 1 049 / 100.
		let until = System::block_number() + EXIT_WINDOW;
		assert_eq!(<MockVehicles as VehicleRegistry<u64, u64>>::owner(VEHICLE), Some(BUYER));
		assert_eq!(free(BUYER), buyer_before - SALE_PRICE);
		assert_eq!(free(account), ENDOWMENT + SALE_PRICE);
		assert_eq!(coop_of(coop).finances.reserve, ENDOWMENT + SALE_PRICE);
		assert_eq!(
			SaleExits::<Test>::get(coop, proposal),
			Some(SaleExit { price_per_share: 10, until })
		);
		assert_eq!(PendingSales::<Test>::get(VEHICLE), None);
		assert!(!Fleet::<Test>::contains_key(coop, VEHICLE));
		assert_eq!(coop_of(coop).vehicles, 0);
		let tail: Vec<_> = events().into_iter().rev().take(2).collect();
		assert_eq!(
			tail,
			vec![
				Event::VehicleRemoved { coop, vehicle: VEHICLE },
				Event::SaleCompleted {
					coop,
					proposal,
					vehicle: VEHICLE,
					price: SALE_PRICE,
					price_per_share: 10,
					exit_until: until
				},
			]
		);
	});
}

#[test]
fn a_dissenter_exits_at_the_fair_price_after_a_completed_sale() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = coop_with_vehicle();
		income(coop, 1_000);
		assert_ok!(CarSharing::distribute(signed(STRANGER), coop));
		let proposal = passed_sale(coop);
		buyer_accepts();
		// Reserve: endowment 50 + income's 200 + proceeds 1 000 = 1 250; (1 250 - 1) / 100.
		assert_eq!(SaleExits::<Test>::get(coop, proposal).unwrap().price_per_share, 12);
		let account = CarSharing::coop_account(coop);
		let (carol_before, account_before) = (free(CAROL), free(account));

		assert_ok!(CarSharing::exit(signed(CAROL), coop, proposal));

		// 20 shares at 12, and CAROL's 160 of the distributed 800.
		let paid = 20 * 12 + 160;
		assert_eq!(free(CAROL), carol_before + paid);
		assert_eq!(free(account), account_before - paid);
		let entry = coop_of(coop);
		assert_eq!(entry.share_supply, SUPPLY - CAROL_SHARES);
		assert_eq!(entry.members, 2);
		assert_eq!(entry.finances.reserve, 1_250 - 240);
		assert_eq!(entry.finances.claimed, 160);
		assert_eq!(member(coop, CAROL), None);
		assert_eq!(
			events().last(),
			Some(&Event::MemberExited { coop, member: CAROL, shares: CAROL_SHARES, paid })
		);
		// The others' revenue is untouched: ALICE 400, BOB 240.
		assert_eq!(CarSharing::pending_revenue(coop, &ALICE), 400);
		assert_eq!(CarSharing::pending_revenue(coop, &BOB), 240);
		assert_noop!(CarSharing::exit(signed(CAROL), coop, proposal), Error::<Test>::NotDissenter);
	});
}

#[test]
fn exit_is_for_dissenters_of_a_completed_sale_within_the_window() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = coop_with_vehicle();
		let proposal = passed_sale(coop);
		assert_noop!(CarSharing::exit(signed(CAROL), coop, proposal), Error::<Test>::NoSaleExit);
		buyer_accepts();
		assert_noop!(CarSharing::exit(signed(ALICE), coop, proposal), Error::<Test>::NotDissenter);
		assert_noop!(CarSharing::exit(signed(DAVE), coop, proposal), Error::<Test>::NotDissenter);
		let until = SaleExits::<Test>::get(coop, proposal).unwrap().until;
		run_to_block(until + 1);
		assert_noop!(CarSharing::exit(signed(CAROL), coop, proposal), Error::<Test>::ExitClosed);
	});
}

#[test]
fn exit_waits_for_the_dissenter_s_open_votes() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = coop_with_vehicle();
		let proposal = passed_sale(coop);
		buyer_accepts();
		let other = propose(coop, ProposalKind::SetAssessor(DAVE));
		vote(coop, other, CAROL, true);
		assert_noop!(CarSharing::exit(signed(CAROL), coop, proposal), Error::<Test>::SharesLocked);
	});
}

#[test]
fn exit_needs_the_dissenter_to_hold_shares() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = coop_with_vehicle();
		income(coop, 1_000);
		assert_ok!(CarSharing::distribute(signed(STRANGER), coop));
		let proposal = passed_sale(coop);
		buyer_accepts();
		// CAROL sold her shares after the vote; her unclaimed revenue keeps her a member.
		assert_ok!(CarSharing::transfer_shares(signed(CAROL), coop, BOB, CAROL_SHARES));
		assert_noop!(
			CarSharing::exit(signed(CAROL), coop, proposal),
			Error::<Test>::InsufficientShares
		);
		assert_ok!(CarSharing::claim_revenue(signed(CAROL), coop));
		assert_noop!(CarSharing::exit(signed(CAROL), coop, proposal), Error::<Test>::NotMember);
	});
}

#[test]
fn exit_cannot_spend_a_reserve_the_coop_spent_on_a_purchase() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = coop_with_vehicle();
		let proposal = passed_sale(coop);
		buyer_accepts();
		// The reserve (1 050) buys another car for 1 000 before CAROL exits: all it may spend,
		// as the endowment (50) stays for the identity pallet's deposits.
		let account = CarSharing::coop_account(coop);
		let offer =
			MockOffer { seller: OWNER, buyer: account, price: Some(1_000), expires_at: 1_000 };
		MockVehicles::add_offer(OTHER_VEHICLE, offer);
		let purchase =
			propose(coop, ProposalKind::BuyVehicle { vehicle: OTHER_VEHICLE, max_price: 1_000 });
		vote(coop, purchase, ALICE, true);
		vote(coop, purchase, BOB, true);
		assert_eq!(close(coop, purchase), closed(purchase, true, Some(Ok(()))));
		assert_eq!(coop_of(coop).finances.reserve, ENDOWMENT);

		assert_noop!(
			CarSharing::exit(signed(CAROL), coop, proposal),
			Error::<Test>::InsufficientReserve
		);
	});
}

#[test]
fn a_passed_purchase_pays_from_the_reserve_and_joins_the_fleet() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = create_coop();
		income(coop, 1_000);
		let account = CarSharing::coop_account(coop);
		let offer =
			MockOffer { seller: OWNER, buyer: account, price: Some(200), expires_at: 1_000 };
		MockVehicles::add_offer(OTHER_VEHICLE, offer);
		let owner_before = free(OWNER);
		// The reserve is 250 (the endowment and a fifth of the income); the endowment stays.
		let proposal =
			propose(coop, ProposalKind::BuyVehicle { vehicle: OTHER_VEHICLE, max_price: 200 });
		vote(coop, proposal, ALICE, true);
		vote(coop, proposal, BOB, true);

		assert_eq!(close(coop, proposal), closed(proposal, true, Some(Ok(()))));

		assert_eq!(
			<MockVehicles as VehicleRegistry<u64, u64>>::owner(OTHER_VEHICLE),
			Some(account)
		);
		assert_eq!(free(OWNER), owner_before + 200);
		assert_eq!(free(account), ENDOWMENT + 1_000 - 200);
		assert_eq!(coop_of(coop).finances.reserve, ENDOWMENT + 200 - 200);
		assert_eq!(coop_of(coop).finances.undistributed, 800);
		assert!(Fleet::<Test>::contains_key(coop, OTHER_VEHICLE));
		assert_eq!(coop_of(coop).vehicles, 1);
	});
}

#[test]
fn a_purchase_beyond_the_reserve_fails_and_leaves_nothing_behind_but_the_close() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = create_coop();
		income(coop, 1_000);
		let account = CarSharing::coop_account(coop);
		// The account holds 1 050, but only 250 of it is reserve (the rest is members' income).
		let offer =
			MockOffer { seller: OWNER, buyer: account, price: Some(300), expires_at: 1_000 };
		MockVehicles::add_offer(OTHER_VEHICLE, offer);
		let owner_before = free(OWNER);
		let proposal =
			propose(coop, ProposalKind::BuyVehicle { vehicle: OTHER_VEHICLE, max_price: 300 });
		vote(coop, proposal, ALICE, true);
		vote(coop, proposal, BOB, true);

		let error = Error::<Test>::InsufficientReserve.into();
		assert_eq!(close(coop, proposal), closed(proposal, true, Some(Err(error))));

		assert_eq!(<MockVehicles as VehicleRegistry<u64, u64>>::owner(OTHER_VEHICLE), Some(OWNER));
		assert_eq!(free(OWNER), owner_before);
		assert_eq!(free(account), ENDOWMENT + 1_000);
		assert_eq!(coop_of(coop).finances.reserve, ENDOWMENT + 200);
		assert!(!Fleet::<Test>::contains_key(coop, OTHER_VEHICLE));
		assert_eq!(coop_of(coop).open_proposals, 0);
		assert_eq!(member(coop, ALICE).unwrap().open_votes, 0);
	});
}

#[test]
fn passed_pricing_changes_the_vehicle_s_or_the_coop_s_prices() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = coop_with_vehicle();
		let cheaper = crate::Pricing { member: Rate { per_hour: 5, per_km: 1 }, ..pricing() };
		let for_vehicle =
			propose(coop, ProposalKind::SetPricing { vehicle: Some(VEHICLE), pricing: cheaper });
		let for_coop = propose(coop, ProposalKind::SetPricing { vehicle: None, pricing: cheaper });
		for proposal in [for_vehicle, for_coop] {
			vote(coop, proposal, ALICE, true);
			vote(coop, proposal, BOB, true);
		}

		assert_eq!(close(coop, for_vehicle), closed(for_vehicle, true, Some(Ok(()))));
		assert_eq!(
			Fleet::<Test>::get(coop, VEHICLE),
			Some(FleetVehicle { pricing: Some(cheaper) })
		);
		assert_eq!(coop_of(coop).pricing, pricing());

		assert_eq!(close(coop, for_coop), closed(for_coop, true, Some(Ok(()))));
		assert_eq!(coop_of(coop).pricing, cheaper);
	});
}

#[test]
fn pricing_needs_the_supermajority() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = create_coop();
		let proposal =
			propose(coop, ProposalKind::SetPricing { vehicle: None, pricing: Default::default() });
		// 50 ayes against 20 nays: a majority of the votes, not two thirds of the supply.
		vote(coop, proposal, ALICE, true);
		vote(coop, proposal, CAROL, false);
		assert_eq!(close(coop, proposal), closed(proposal, false, None));
		assert_eq!(coop_of(coop).pricing, pricing());
	});
}

#[test]
fn a_passed_proposal_changes_the_assessor() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = create_coop();
		let proposal = propose(coop, ProposalKind::SetAssessor(DAVE));
		vote(coop, proposal, ALICE, true);
		assert_eq!(close(coop, proposal), closed(proposal, true, Some(Ok(()))));
		assert_eq!(coop_of(coop).assessor, DAVE);
	});
}

#[test]
fn a_transfer_to_someone_else_than_the_buyer_completes_no_sale() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = coop_with_vehicle();
		let account = CarSharing::coop_account(coop);
		let proposal = passed_sale(coop);

		// The vehicle leaves the co-op some other way (say, a court order in the registry).
		MockVehicles::update(VEHICLE, |v| v.owner = STRANGER);
		<CarSharing as OnOwnershipTransferred<u64>>::on_ownership_transferred(
			VEHICLE, &account, &STRANGER,
		);

		assert_eq!(coop_of(coop).finances.reserve, ENDOWMENT);
		assert_eq!(SaleExits::<Test>::get(coop, proposal), None);
		assert_eq!(PendingSales::<Test>::get(VEHICLE), None);
		assert_eq!(Votes::<Test>::iter_prefix((coop, proposal)).count(), 0);
		assert!(!Fleet::<Test>::contains_key(coop, VEHICLE));
		assert_eq!(events().last(), Some(&Event::VehicleRemoved { coop, vehicle: VEHICLE }));
	});
}

#[test]
fn scrapping_a_vehicle_on_offer_drops_the_offer_and_its_votes() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = coop_with_vehicle();
		let proposal = passed_sale(coop);

		MockVehicles::update(VEHICLE, |v| v.status = VehicleStatus::Scrapped);
		<CarSharing as OnVehicleStatusChanged>::on_status_changed(VEHICLE, VehicleStatus::Scrapped);

		assert_eq!(PendingSales::<Test>::get(VEHICLE), None);
		assert_eq!(Votes::<Test>::iter_prefix((coop, proposal)).count(), 0);
		assert!(!Fleet::<Test>::contains_key(coop, VEHICLE));
		assert_eq!(coop_of(coop).vehicles, 0);
	});
}

#[test]
fn an_expired_sale_offer_is_withdrawn_with_its_votes() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = coop_with_vehicle();
		let proposal = passed_sale(coop);
		let expires_at = PendingSales::<Test>::get(VEHICLE).unwrap().expires_at;
		assert_noop!(
			CarSharing::clear_expired_sale(signed(STRANGER), VEHICLE),
			Error::<Test>::OfferNotExpired
		);
		run_to_block(expires_at + 1);

		assert_ok!(CarSharing::clear_expired_sale(signed(STRANGER), VEHICLE));

		assert_eq!(MockVehicles::offer(VEHICLE), None);
		assert_eq!(PendingSales::<Test>::get(VEHICLE), None);
		assert_eq!(Votes::<Test>::iter_prefix((coop, proposal)).count(), 0);
		assert!(Fleet::<Test>::contains_key(coop, VEHICLE));
		assert_eq!(
			events().last(),
			Some(&Event::SaleOfferWithdrawn { coop, proposal, vehicle: VEHICLE })
		);
		assert_noop!(
			CarSharing::clear_expired_sale(signed(STRANGER), VEHICLE),
			Error::<Test>::NoPendingSale
		);
	});
}

#[test]
fn a_sale_exit_is_cleared_after_its_window() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = coop_with_vehicle();
		let proposal = passed_sale(coop);
		assert_noop!(
			CarSharing::clear_sale_exit(signed(STRANGER), coop, proposal),
			Error::<Test>::NoSaleExit
		);
		buyer_accepts();
		let until = SaleExits::<Test>::get(coop, proposal).unwrap().until;
		run_to_block(until);
		assert_noop!(
			CarSharing::clear_sale_exit(signed(STRANGER), coop, proposal),
			Error::<Test>::ExitOpen
		);
		run_to_block(until + 1);

		assert_ok!(CarSharing::clear_sale_exit(signed(STRANGER), coop, proposal));

		assert_eq!(SaleExits::<Test>::get(coop, proposal), None);
		assert_eq!(Votes::<Test>::iter_prefix((coop, proposal)).count(), 0);
		assert_eq!(events().last(), Some(&Event::SaleExitClosed { coop, proposal }));
	});
}

#[test]
fn propose_refuses_when_the_proposal_ids_run_out() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = create_coop();
		crate::Coops::<Test>::mutate(coop, |entry| {
			entry.as_mut().unwrap().next_proposal = u32::MAX
		});
		assert_noop!(
			CarSharing::propose(signed(ALICE), coop, ProposalKind::SetAssessor(DAVE)),
			Error::<Test>::Overflow
		);
	});
}
