//! `try_state` catches broken invariants.

use polkadot_sdk::frame_support::assert_ok;

use super::*;
use crate::{Coops, Fleet, Members, ProposalKind, VehicleCoop, Votes};

/// Runs `break_it` on a chain with a co-op, a vehicle, an open vote and a distribution, and
/// returns what `try_state` says.
fn broken(break_it: impl FnOnce(crate::CoopId)) -> Result<(), &'static str> {
	let mut result = Ok(());
	ExtBuilder::default().build().execute_with(|| {
		let coop = coop_with_vehicle();
		income(coop, 1_000);
		assert_ok!(CarSharing::distribute(signed(STRANGER), coop));
		assert_ok!(CarSharing::propose(signed(ALICE), coop, ProposalKind::SetAssessor(DAVE)));
		assert_ok!(CarSharing::vote(signed(BOB), coop, 0, true));
		assert_eq!(CarSharing::do_try_state(), Ok(()));
		break_it(coop);
		result = CarSharing::do_try_state().map_err(|e| match e {
			polkadot_sdk::sp_runtime::DispatchError::Other(message) => message,
			_ => "another error",
		});
	});
	result
}

#[test]
fn shares_that_do_not_add_up_to_the_supply_are_caught() {
	let result =
		broken(|coop| Members::<Test>::mutate(coop, CAROL, |m| m.as_mut().unwrap().shares += 1));
	assert_eq!(result, Err("a co-op's shares do not add up to its supply"));
}

#[test]
fn distributing_more_than_the_income_less_the_reserve_is_caught() {
	let result = broken(|coop| {
		Coops::<Test>::mutate(coop, |c| c.as_mut().unwrap().finances.undistributed += 1)
	});
	assert_eq!(result, Err("a co-op distributed more than its income less the reserve share"));
}

#[test]
fn paying_out_more_than_was_distributed_is_caught() {
	let result =
		broken(|coop| Coops::<Test>::mutate(coop, |c| c.as_mut().unwrap().finances.claimed = 801));
	assert_eq!(result, Err("a co-op paid out more than it distributed"));
}

#[test]
fn an_account_short_of_its_reserve_is_caught() {
	let result =
		broken(|coop| Coops::<Test>::mutate(coop, |c| c.as_mut().unwrap().finances.reserve += 1));
	assert_eq!(result, Err("a co-op's account holds less than its reserve and revenue"));
}

#[test]
fn a_member_owed_more_than_was_distributed_is_caught() {
	let result =
		broken(|coop| Members::<Test>::mutate(coop, ALICE, |m| m.as_mut().unwrap().unclaimed = 1));
	assert_eq!(result, Err("members are owed more than was distributed"));
}

#[test]
fn an_unlocked_voter_is_caught() {
	let result =
		broken(|coop| Members::<Test>::mutate(coop, BOB, |m| m.as_mut().unwrap().open_votes = 0));
	assert_eq!(result, Err("a member's open votes disagree with its votes"));
}

#[test]
fn a_vote_missing_from_the_tally_is_caught() {
	let result =
		broken(|coop| Votes::<Test>::mutate((coop, 0), BOB, |v| v.as_mut().unwrap().shares = 1));
	assert_eq!(result, Err("a proposal's tally disagrees"));
}

#[test]
fn a_fleet_vehicle_without_its_index_is_caught() {
	let result = broken(|_| VehicleCoop::<Test>::remove(VEHICLE));
	assert_eq!(result, Err("a fleet vehicle not indexed"));
}

#[test]
fn a_fleet_count_that_disagrees_is_caught() {
	let result = broken(|coop| {
		Fleet::<Test>::remove(coop, VEHICLE);
		VehicleCoop::<Test>::remove(VEHICLE);
	});
	assert_eq!(result, Err("a co-op's vehicle count disagrees"));
}

#[test]
fn a_released_coop_deposit_is_caught() {
	let result = broken(|coop| Coops::<Test>::mutate(coop, |c| c.as_mut().unwrap().deposit = 0));
	assert_eq!(result, Err("co-op deposits not held"));
}
