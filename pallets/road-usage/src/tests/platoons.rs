//! Platoons: followers pay the leader's payee per km that both the leader's and their own
//! devices attested, from the escrow held when they joined.
//!
//! The usual platoon (`platoon_of_two`): `HAULIER` forms platoon 0 behind `LEADER` (10 saved
//! per km, half to the leader: 5 per km); `OTHER_HAULIER` joins `OTHER_FOLLOWER` and `BUYER`
//! (an operator of `HAULIER`'s `FOLLOWER`) joins `FOLLOWER`, each for 100 km (500 held).

use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_runtime::{DispatchResult, Perbill},
};
use v2x_primitives::{testing::MockVehicles, VehicleId, VehicleStatus};

use super::*;
use crate::{
	Error, Follower, Platoon, PlatoonId, PlatoonRule, Platoons, TollTotals, VehiclePlatoon,
};

const PLATOON: PlatoonId = 0;
const PRICE_PER_KM: u64 = 5;
const MAX_KM: u32 = 100;
const ESCROW: u64 = PRICE_PER_KM * MAX_KM as u64;

fn rule() -> PlatoonRule<u64> {
	PlatoonRule { saving_per_km: 10, leader_share: Perbill::from_percent(50) }
}

fn form() {
	assert_ok!(RoadUsage::form_platoon(signed(HAULIER), LEADER, rule()));
}

/// `who` may operate `vehicle` from now on.
fn grant(vehicle: VehicleId, who: u64) {
	MockVehicles::update(vehicle, |v| v.operators.push((who, u64::MAX)));
}

fn join(who: u64, vehicle: VehicleId, max_km: u32) -> DispatchResult {
	RoadUsage::join_platoon(signed(who), PLATOON, vehicle, max_km)
}

/// The usual platoon.
fn platoon_of_two() {
	form();
	assert_ok!(join(OTHER_HAULIER, OTHER_FOLLOWER, MAX_KM));
	grant(FOLLOWER, BUYER);
	assert_ok!(join(BUYER, FOLLOWER, MAX_KM));
}

fn start(planned_km: u32) -> DispatchResult {
	RoadUsage::start_segment(signed(LEADER_DEVICE), PLATOON, planned_km)
}

fn attest(device: u64, km: u32) -> DispatchResult {
	RoadUsage::attest_segment(signed(device), PLATOON, km)
}

fn platoon() -> Platoon<Test> {
	Platoons::<Test>::get(PLATOON).unwrap()
}

fn follower(vehicle: VehicleId) -> Follower<Test> {
	platoon().followers.into_iter().find(|f| f.vehicle == vehicle).unwrap()
}

fn km_led_and_followed(vehicle: VehicleId) -> (u64, u64) {
	let totals = TollTotals::<Test>::get(vehicle);
	(totals.km_led, totals.km_followed)
}

/// The payee received `paid` and keeps its deposit held.
fn assert_payee_received(paid: u64) {
	assert_eq!(free(HAULIER), BALANCE - PLATOON_DEPOSIT + paid);
	assert_eq!(held(HoldReason::Deposit, HAULIER), PLATOON_DEPOSIT);
}

/// `payer` paid `paid` of its escrow, the rest still held.
fn assert_payer_paid(payer: u64, paid: u64) {
	assert_eq!(free(payer), BALANCE - ESCROW);
	assert_eq!(held(HoldReason::PlatoonEscrow, payer), ESCROW - paid);
}

/// Everything released: `payer` paid `paid` in all, `HAULIER` received what all paid.
fn assert_released(payer: u64, paid: u64) {
	assert_eq!(free(payer), BALANCE - paid);
	assert_eq!(held(HoldReason::PlatoonEscrow, payer), 0);
}

#[test]
fn forming_a_platoon_holds_the_deposit_from_the_leaders_operator() {
	ExtBuilder::default().build_and_execute(|| {
		form();

		assert_eq!(
			platoon(),
			Platoon {
				leader: LEADER,
				payee: HAULIER,
				rule: rule(),
				price_per_km: PRICE_PER_KM,
				followers: Default::default(),
				segment: None,
				next_segment: 0,
				deposit: PLATOON_DEPOSIT,
			}
		);
		assert_eq!(VehiclePlatoon::<Test>::get(LEADER), Some(PLATOON));
		assert_eq!(held(HoldReason::Deposit, HAULIER), PLATOON_DEPOSIT);
		assert_eq!(free(HAULIER), BALANCE - PLATOON_DEPOSIT);
		assert_eq!(
			events(),
			vec![Event::PlatoonFormed {
				platoon: PLATOON,
				leader: LEADER,
				payee: HAULIER,
				price_per_km: PRICE_PER_KM,
			}]
		);
	});
}

#[test]
fn an_operator_of_the_leader_forms_a_platoon_and_is_its_payee() {
	ExtBuilder::default().build_and_execute(|| {
		grant(LEADER, STRANGER);

		assert_ok!(RoadUsage::form_platoon(signed(STRANGER), LEADER, rule()));

		assert_eq!(platoon().payee, STRANGER);
		assert_eq!(held(HoldReason::Deposit, STRANGER), PLATOON_DEPOSIT);
	});
}

#[test]
fn a_platoon_rule_must_pay_the_leader_something_per_km() {
	ExtBuilder::default().build_and_execute(|| {
		let no_share = PlatoonRule { saving_per_km: 10, leader_share: Perbill::zero() };
		let no_saving = PlatoonRule { saving_per_km: 0, leader_share: Perbill::one() };
		// Half of 1 rounds down to nothing.
		let rounded_away =
			PlatoonRule { saving_per_km: 1, leader_share: Perbill::from_percent(50) };

		for rule in [no_share, no_saving, rounded_away] {
			assert_noop!(
				RoadUsage::form_platoon(signed(HAULIER), LEADER, rule),
				Error::<Test>::InvalidPlatoonRule
			);
		}
	});
}

#[test]
fn only_who_may_operate_an_active_leader_in_no_platoon_forms_one() {
	ExtBuilder::default().build_and_execute(|| {
		for who in [STRANGER, LEADER_DEVICE, OTHER_HAULIER] {
			assert_noop!(
				RoadUsage::form_platoon(signed(who), LEADER, rule()),
				Error::<Test>::NotOperator
			);
		}
		assert_noop!(
			RoadUsage::form_platoon(signed(HAULIER), UNKNOWN_VEHICLE, rule()),
			Error::<Test>::NotOperator
		);
		grant(LEADER, PAUPER);
		assert_noop!(
			RoadUsage::form_platoon(signed(PAUPER), LEADER, rule()),
			Error::<Test>::InsufficientBalance
		);
		form();
		assert_noop!(
			RoadUsage::form_platoon(signed(HAULIER), LEADER, rule()),
			Error::<Test>::AlreadyInPlatoon
		);
		// A follower leads no platoon of its own.
		assert_ok!(join(OTHER_HAULIER, OTHER_FOLLOWER, MAX_KM));
		assert_noop!(
			RoadUsage::form_platoon(signed(OTHER_HAULIER), OTHER_FOLLOWER, rule()),
			Error::<Test>::AlreadyInPlatoon
		);
		// Its owner may still operate a stolen truck: it leads no platoon.
		MockVehicles::update(FOLLOWER, |v| v.status = VehicleStatus::Stolen);
		assert_noop!(
			RoadUsage::form_platoon(signed(HAULIER), FOLLOWER, rule()),
			Error::<Test>::VehicleNotActive
		);
	});
}

#[test]
fn joining_holds_the_followers_price_for_its_most_km() {
	ExtBuilder::default().build_and_execute(|| {
		form();

		assert_ok!(join(OTHER_HAULIER, OTHER_FOLLOWER, MAX_KM));

		assert_eq!(
			platoon().followers.into_inner(),
			vec![Follower {
				vehicle: OTHER_FOLLOWER,
				payer: OTHER_HAULIER,
				max_km: MAX_KM,
				paid_km: 0,
				held: ESCROW,
			}]
		);
		assert_eq!(VehiclePlatoon::<Test>::get(OTHER_FOLLOWER), Some(PLATOON));
		assert_payer_paid(OTHER_HAULIER, 0);
		assert_eq!(
			events().last(),
			Some(&Event::FollowerJoined {
				platoon: PLATOON,
				follower: OTHER_FOLLOWER,
				payer: OTHER_HAULIER,
				max_km: MAX_KM,
				held: ESCROW,
			})
		);
	});
}

#[test]
fn only_who_may_operate_an_active_follower_in_no_platoon_joins_an_idle_platoon() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(join(OTHER_HAULIER, OTHER_FOLLOWER, MAX_KM), Error::<Test>::UnknownPlatoon);
		form();
		for who in [STRANGER, HAULIER, OTHER_FOLLOWER_DEVICE] {
			assert_noop!(join(who, OTHER_FOLLOWER, MAX_KM), Error::<Test>::NotOperator);
		}
		// The leader cannot follow itself.
		assert_noop!(join(HAULIER, LEADER, MAX_KM), Error::<Test>::AlreadyInPlatoon);
		assert_noop!(join(OTHER_HAULIER, OTHER_FOLLOWER, 0), Error::<Test>::ZeroDistance);
		grant(FOLLOWER, PAUPER);
		assert_noop!(join(PAUPER, FOLLOWER, MAX_KM), Error::<Test>::InsufficientBalance);
		MockVehicles::update(SECOND_FOLLOWER, |v| v.status = VehicleStatus::Stolen);
		assert_noop!(join(HAULIER, SECOND_FOLLOWER, MAX_KM), Error::<Test>::VehicleNotActive);

		assert_ok!(join(OTHER_HAULIER, OTHER_FOLLOWER, MAX_KM));
		assert_noop!(join(OTHER_HAULIER, OTHER_FOLLOWER, MAX_KM), Error::<Test>::AlreadyInPlatoon);
		assert_ok!(start(50));
		assert_noop!(join(HAULIER, FOLLOWER, MAX_KM), Error::<Test>::SegmentOpen);
		assert_ok!(RoadUsage::leave_platoon(signed(OTHER_HAULIER), PLATOON, OTHER_FOLLOWER));
		// With no follower left the leader attests on its own to close the segment.
		assert_ok!(attest(LEADER_DEVICE, 50));
		assert_eq!(platoon().segment, None);
		assert_ok!(join(HAULIER, FOLLOWER, MAX_KM));
		assert_ok!(join(OTHER_HAULIER, OTHER_FOLLOWER, MAX_KM));
		MockVehicles::update(SECOND_FOLLOWER, |v| v.status = VehicleStatus::Active);
		assert_noop!(join(HAULIER, SECOND_FOLLOWER, MAX_KM), Error::<Test>::PlatoonFull);
	});
}

#[test]
fn an_escrow_beyond_the_balance_type_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let dear = PlatoonRule { saving_per_km: u64::MAX, leader_share: Perbill::one() };
		assert_ok!(RoadUsage::form_platoon(signed(HAULIER), LEADER, dear));

		assert_noop!(join(OTHER_HAULIER, OTHER_FOLLOWER, 2), Error::<Test>::Overflow);
	});
}

#[test]
fn the_leaders_device_starts_a_segment() {
	ExtBuilder::default().build_and_execute(|| {
		platoon_of_two();

		assert_ok!(start(100));

		let segment = platoon().segment.unwrap();
		assert_eq!((segment.number, segment.planned_km, segment.leader_km), (0, 100, None));
		assert!(segment.attested.is_empty());
		assert_eq!(platoon().next_segment, 1);
		assert_eq!(
			events().last(),
			Some(&Event::SegmentStarted { platoon: PLATOON, segment: 0, planned_km: 100 })
		);
	});
}

#[test]
fn only_the_leaders_device_starts_a_segment_with_followers_and_a_distance() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(start(100), Error::<Test>::UnknownPlatoon);
		form();
		assert_noop!(start(100), Error::<Test>::NoFollowers);
		assert_ok!(join(OTHER_HAULIER, OTHER_FOLLOWER, MAX_KM));
		for who in [HAULIER, OTHER_FOLLOWER_DEVICE, DEVICE, STRANGER] {
			assert_noop!(
				RoadUsage::start_segment(signed(who), PLATOON, 100),
				Error::<Test>::NotLeaderDevice
			);
		}
		assert_noop!(start(0), Error::<Test>::ZeroDistance);
		assert_ok!(start(100));
		// The leader has not attested the open segment.
		assert_noop!(start(100), Error::<Test>::SegmentOpen);
		assert_ok!(attest(OTHER_FOLLOWER_DEVICE, 100));
		assert_noop!(start(100), Error::<Test>::SegmentOpen);
	});
}

#[test]
fn both_attestations_pay_the_lesser_distance_from_the_escrow() {
	ExtBuilder::default().build_and_execute(|| {
		platoon_of_two();
		assert_ok!(start(100));

		// A follower attests before the leader, which drove further: the follower's km count.
		assert_ok!(attest(OTHER_FOLLOWER_DEVICE, 80));
		assert_ok!(attest(LEADER_DEVICE, 90));

		// 80 km × 5.
		assert_payer_paid(OTHER_HAULIER, 400);
		assert_payee_received(400);
		assert_eq!((follower(OTHER_FOLLOWER).paid_km, follower(OTHER_FOLLOWER).held), (80, 100));
		assert_eq!(km_led_and_followed(OTHER_FOLLOWER), (0, 80));
		assert_eq!(km_led_and_followed(LEADER), (80, 0));
		assert_eq!(
			events().into_iter().rev().take(3).collect::<Vec<_>>(),
			vec![
				Event::SegmentPaid {
					platoon: PLATOON,
					segment: 0,
					follower: OTHER_FOLLOWER,
					km: 80,
					amount: 400,
				},
				Event::SegmentAttested { platoon: PLATOON, segment: 0, vehicle: LEADER, km: 90 },
				Event::SegmentAttested {
					platoon: PLATOON,
					segment: 0,
					vehicle: OTHER_FOLLOWER,
					km: 80,
				},
			]
		);
		// The other follower attests after the leader, further than it: it pays the leader's
		// 90 km at once, and the segment everyone attested closes.
		assert_ok!(attest(FOLLOWER_DEVICE, 100));
		assert_payer_paid(BUYER, 450);
		assert_payee_received(850);
		assert_eq!(km_led_and_followed(LEADER), (170, 0));
		assert_eq!(platoon().segment, None);
		assert_eq!(
			events().last(),
			Some(&Event::SegmentClosed { platoon: PLATOON, segment: 0, unpaid: 0 })
		);
	});
}

#[test]
fn one_sided_platoon_attestation_is_not_paid() {
	ExtBuilder::default().build_and_execute(|| {
		platoon_of_two();
		assert_ok!(start(100));

		// A follower only: nothing is paid, and the segment waits for the leader.
		assert_ok!(attest(OTHER_FOLLOWER_DEVICE, 100));
		assert_payer_paid(OTHER_HAULIER, 0);
		assert_payee_received(0);
		assert_eq!(
			platoon().segment.unwrap().attested.into_inner(),
			vec![(OTHER_FOLLOWER, 100, false)]
		);

		// Both: the leader's attestation pays the follower that attested.
		assert_ok!(attest(LEADER_DEVICE, 100));
		assert_payer_paid(OTHER_HAULIER, 500);
		assert_payee_received(500);

		// The leader only, for `FOLLOWER`: the next segment closes this one unpaid for it.
		assert_ok!(start(50));
		assert_eq!(
			events().into_iter().rev().nth(1),
			Some(Event::SegmentClosed { platoon: PLATOON, segment: 0, unpaid: 1 })
		);
		assert_payer_paid(BUYER, 0);
		assert_eq!(follower(FOLLOWER).paid_km, 0);
		assert_eq!(km_led_and_followed(FOLLOWER), (0, 0));
		assert_eq!(km_led_and_followed(LEADER), (100, 0));
	});
}

#[test]
fn a_follower_attestation_the_leader_never_matched_is_refunded_when_the_platoon_dissolves() {
	ExtBuilder::default().build_and_execute(|| {
		platoon_of_two();
		assert_ok!(start(100));
		assert_ok!(attest(OTHER_FOLLOWER_DEVICE, 100));
		assert_ok!(attest(FOLLOWER_DEVICE, 100));

		assert_ok!(RoadUsage::leave_platoon(signed(HAULIER), PLATOON, LEADER));

		assert_released(OTHER_HAULIER, 0);
		assert_released(BUYER, 0);
		assert_eq!(free(HAULIER), BALANCE);
		assert_eq!(held(HoldReason::Deposit, HAULIER), 0);
		assert_eq!(km_led_and_followed(OTHER_FOLLOWER), (0, 0));
	});
}

#[test]
fn leader_leaving_mid_segment_is_paid_pro_rata() {
	ExtBuilder::default().build_and_execute(|| {
		platoon_of_two();
		assert_ok!(start(100));
		// The leader drives 40 of the 100 km planned, attests them and leaves; the followers
		// attest what they drove behind it (one claims the whole segment).
		assert_ok!(attest(LEADER_DEVICE, 40));
		assert_ok!(attest(OTHER_FOLLOWER_DEVICE, 40));
		assert_ok!(attest(FOLLOWER_DEVICE, 100));

		assert_ok!(RoadUsage::leave_platoon(signed(HAULIER), PLATOON, LEADER));

		// 40 km × 5 each; the rest of each escrow goes back.
		assert_released(OTHER_HAULIER, 200);
		assert_released(BUYER, 200);
		assert_eq!(free(HAULIER), BALANCE + 400);
		assert_eq!(held(HoldReason::Deposit, HAULIER), 0);
		assert_eq!(km_led_and_followed(LEADER), (80, 0));
		assert_eq!(km_led_and_followed(FOLLOWER), (0, 40));
		assert_eq!(Platoons::<Test>::get(PLATOON), None);
		for vehicle in [LEADER, FOLLOWER, OTHER_FOLLOWER] {
			assert_eq!(VehiclePlatoon::<Test>::get(vehicle), None);
		}
		assert_eq!(
			events().into_iter().rev().take(3).collect::<Vec<_>>(),
			vec![
				Event::PlatoonDissolved { platoon: PLATOON },
				Event::FollowerLeft { platoon: PLATOON, follower: FOLLOWER, refunded: 300 },
				Event::FollowerLeft { platoon: PLATOON, follower: OTHER_FOLLOWER, refunded: 300 },
			]
		);
	});
}

#[test]
fn a_leader_leaving_before_attesting_leaves_the_segment_unpaid() {
	ExtBuilder::default().build_and_execute(|| {
		platoon_of_two();
		assert_ok!(start(100));
		assert_ok!(attest(OTHER_FOLLOWER_DEVICE, 60));

		assert_ok!(RoadUsage::leave_platoon(signed(HAULIER), PLATOON, LEADER));

		assert_released(OTHER_HAULIER, 0);
		assert_eq!(free(HAULIER), BALANCE);
	});
}

#[test]
fn max_km_caps_what_a_follower_pays() {
	ExtBuilder::default().build_and_execute(|| {
		form();
		assert_ok!(join(OTHER_HAULIER, OTHER_FOLLOWER, 50));
		assert_ok!(start(40));
		assert_ok!(attest(LEADER_DEVICE, 40));
		assert_ok!(attest(OTHER_FOLLOWER_DEVICE, 40));
		assert_eq!(held(HoldReason::PlatoonEscrow, OTHER_HAULIER), 50);

		// 40 more km attested: only the 10 left of its 50 are paid.
		assert_ok!(start(40));
		assert_ok!(attest(OTHER_FOLLOWER_DEVICE, 40));
		assert_ok!(attest(LEADER_DEVICE, 40));
		assert_eq!((follower(OTHER_FOLLOWER).paid_km, follower(OTHER_FOLLOWER).held), (50, 0));
		assert_eq!(held(HoldReason::PlatoonEscrow, OTHER_HAULIER), 0);
		assert_eq!(free(OTHER_HAULIER), BALANCE - 250);
		assert_eq!(free(HAULIER), BALANCE - PLATOON_DEPOSIT + 250);
		assert!(events().contains(&Event::SegmentPaid {
			platoon: PLATOON,
			segment: 1,
			follower: OTHER_FOLLOWER,
			km: 10,
			amount: 50,
		}));

		// Beyond its most km it drives along unpaid.
		assert_ok!(start(40));
		assert_ok!(attest(LEADER_DEVICE, 40));
		assert_ok!(attest(OTHER_FOLLOWER_DEVICE, 40));
		assert_eq!(free(OTHER_HAULIER), BALANCE - 250);
		assert_eq!(km_led_and_followed(OTHER_FOLLOWER), (0, 50));
	});
}

#[test]
fn a_follower_whose_device_does_not_attest_is_not_paid_when_the_next_segment_starts() {
	ExtBuilder::default().build_and_execute(|| {
		platoon_of_two();
		assert_ok!(start(100));
		assert_ok!(attest(LEADER_DEVICE, 100));
		assert_ok!(attest(OTHER_FOLLOWER_DEVICE, 100));

		assert_ok!(start(30));

		assert!(events().contains(&Event::SegmentClosed {
			platoon: PLATOON,
			segment: 0,
			unpaid: 1
		}));
		// A late attestation counts for the new segment, which the leader has not attested.
		assert_ok!(attest(FOLLOWER_DEVICE, 30));
		assert_payer_paid(BUYER, 0);
		assert_eq!(platoon().segment.unwrap().number, 1);
		assert_payer_paid(OTHER_HAULIER, 500);
		assert_payee_received(500);
	});
}

#[test]
fn only_the_platoons_devices_attest_an_open_segment_once_within_its_plan() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(attest(LEADER_DEVICE, 10), Error::<Test>::UnknownPlatoon);
		platoon_of_two();
		assert_noop!(attest(LEADER_DEVICE, 10), Error::<Test>::NoOpenSegment);
		assert_ok!(start(100));
		for who in [HAULIER, OTHER_HAULIER, BUYER, DEVICE, SECOND_FOLLOWER_DEVICE, STRANGER] {
			assert_noop!(attest(who, 10), Error::<Test>::NotPlatoonDevice);
		}
		assert_noop!(attest(LEADER_DEVICE, 101), Error::<Test>::BeyondPlannedDistance);
		assert_noop!(attest(FOLLOWER_DEVICE, 101), Error::<Test>::BeyondPlannedDistance);
		assert_ok!(attest(LEADER_DEVICE, 100));
		assert_noop!(attest(LEADER_DEVICE, 100), Error::<Test>::AlreadyAttested);
		assert_ok!(attest(FOLLOWER_DEVICE, 100));
		assert_noop!(attest(FOLLOWER_DEVICE, 100), Error::<Test>::AlreadyAttested);
	});
}

#[test]
fn a_follower_leaves_with_the_rest_of_its_escrow() {
	ExtBuilder::default().build_and_execute(|| {
		platoon_of_two();
		assert_ok!(start(100));
		assert_ok!(attest(LEADER_DEVICE, 30));
		assert_ok!(attest(OTHER_FOLLOWER_DEVICE, 30));

		assert_ok!(RoadUsage::leave_platoon(signed(OTHER_HAULIER), PLATOON, OTHER_FOLLOWER));

		assert_released(OTHER_HAULIER, 150);
		assert_eq!(VehiclePlatoon::<Test>::get(OTHER_FOLLOWER), None);
		assert_eq!(platoon().followers.len(), 1);
		assert_eq!(
			events().last(),
			Some(&Event::FollowerLeft {
				platoon: PLATOON,
				follower: OTHER_FOLLOWER,
				refunded: 350
			})
		);
		// `FOLLOWER` has not attested: the segment stays open for it.
		assert_eq!(platoon().segment.unwrap().attested.len(), 0);
	});
}

#[test]
fn a_follower_leaving_closes_the_segment_everyone_else_attested() {
	ExtBuilder::default().build_and_execute(|| {
		platoon_of_two();
		assert_ok!(start(100));
		assert_ok!(attest(LEADER_DEVICE, 100));
		assert_ok!(attest(OTHER_FOLLOWER_DEVICE, 100));

		// Its owner (not the payer) takes `FOLLOWER` out before it attested.
		assert_ok!(RoadUsage::leave_platoon(signed(HAULIER), PLATOON, FOLLOWER));

		assert_released(BUYER, 0);
		assert_eq!(platoon().segment, None);
		assert_eq!(
			events().last(),
			Some(&Event::SegmentClosed { platoon: PLATOON, segment: 0, unpaid: 0 })
		);
		assert_ok!(join(HAULIER, SECOND_FOLLOWER, MAX_KM));
	});
}

#[test]
fn only_who_operates_or_pays_for_a_vehicle_takes_it_out() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			RoadUsage::leave_platoon(signed(HAULIER), PLATOON, LEADER),
			Error::<Test>::UnknownPlatoon
		);
		platoon_of_two();
		// The payee is not the other haulier's operator, nor a device the vehicle's.
		for who in [HAULIER, BUYER, OTHER_FOLLOWER_DEVICE, STRANGER] {
			assert_noop!(
				RoadUsage::leave_platoon(signed(who), PLATOON, OTHER_FOLLOWER),
				Error::<Test>::NotOperator
			);
		}
		for who in [OTHER_HAULIER, BUYER, LEADER_DEVICE, STRANGER] {
			assert_noop!(
				RoadUsage::leave_platoon(signed(who), PLATOON, LEADER),
				Error::<Test>::NotOperator
			);
		}
		assert_noop!(
			RoadUsage::leave_platoon(signed(HAULIER), PLATOON, SECOND_FOLLOWER),
			Error::<Test>::NotInPlatoon
		);
		// The payer leaves after its operator right ended.
		MockVehicles::update(FOLLOWER, |v| v.operators.clear());
		assert_ok!(RoadUsage::leave_platoon(signed(BUYER), PLATOON, FOLLOWER));
		// Anyone who may operate the leader may dissolve its platoon.
		grant(LEADER, STRANGER);
		assert_ok!(RoadUsage::leave_platoon(signed(STRANGER), PLATOON, LEADER));
		assert_eq!(Platoons::<Test>::get(PLATOON), None);
		assert_released(OTHER_HAULIER, 0);
	});
}

/// What a sale, a theft or scrapping of a leader or a follower does to its platoon, through the
/// pallet's vehicle hooks (as the identity pallet calls them).
mod hooks {
	use v2x_primitives::{OnOwnershipTransferred, OnVehicleStatusChanged, VehicleRegistry};

	use super::*;

	#[derive(Clone, Copy, Debug)]
	enum Change {
		Sale,
		Theft,
		Scrapping,
	}

	const CHANGES: [Change; 3] = [Change::Sale, Change::Theft, Change::Scrapping];

	/// `vehicle` is sold to `BUYER`, stolen or scrapped, and the pallet is told.
	fn happens(change: Change, vehicle: VehicleId) {
		let owner = MockVehicles::owner(vehicle).unwrap();
		match change {
			Change::Sale => {
				MockVehicles::update(vehicle, |v| {
					v.owner = BUYER;
					v.operators.clear();
					v.devices.clear();
				});
				<RoadUsage as OnOwnershipTransferred<u64>>::on_ownership_transferred(
					vehicle, &owner, &BUYER,
				);
			}
			Change::Theft | Change::Scrapping => {
				let status = if matches!(change, Change::Theft) {
					VehicleStatus::Stolen
				} else {
					VehicleStatus::Scrapped
				};
				MockVehicles::update(vehicle, |v| v.status = status);
				<RoadUsage as OnVehicleStatusChanged>::on_status_changed(vehicle, status);
			}
		}
	}

	/// The usual platoon, 20 km of a segment paid by `OTHER_FOLLOWER`, `FOLLOWER` attested
	/// alone.
	fn under_way() {
		platoon_of_two();
		assert_ok!(start(100));
		assert_ok!(attest(OTHER_FOLLOWER_DEVICE, 20));
		assert_ok!(attest(FOLLOWER_DEVICE, 30));
		assert_ok!(attest(LEADER_DEVICE, 20));
		assert_payer_paid(OTHER_HAULIER, 100);
		assert_payer_paid(BUYER, 100);
	}

	#[test]
	fn a_follower_sold_stolen_or_scrapped_leaves_with_the_rest_of_its_escrow() {
		for change in CHANGES {
			ExtBuilder::default().build_and_execute(|| {
				under_way();

				happens(change, OTHER_FOLLOWER);

				assert_released(OTHER_HAULIER, 100);
				assert_eq!(VehiclePlatoon::<Test>::get(OTHER_FOLLOWER), None, "{change:?}");
				assert_eq!(platoon().followers.len(), 1, "{change:?}");
				assert!(
					events().contains(&Event::FollowerLeft {
						platoon: PLATOON,
						follower: OTHER_FOLLOWER,
						refunded: ESCROW - 100,
					}),
					"{change:?}"
				);
				// The platoon goes on with the other follower.
				assert_payer_paid(BUYER, 100);
				assert_payee_received(200);
			});
		}
	}

	#[test]
	fn a_leader_sold_stolen_or_scrapped_dissolves_its_platoon() {
		for change in CHANGES {
			ExtBuilder::default().build_and_execute(|| {
				under_way();

				happens(change, LEADER);

				assert_released(OTHER_HAULIER, 100);
				assert_released(BUYER, 100);
				// Paid 200; its deposit is back.
				assert_eq!(free(HAULIER), BALANCE + 200, "{change:?}");
				assert_eq!(held(HoldReason::Deposit, HAULIER), 0, "{change:?}");
				assert_eq!(Platoons::<Test>::get(PLATOON), None, "{change:?}");
				for vehicle in [LEADER, FOLLOWER, OTHER_FOLLOWER] {
					assert_eq!(VehiclePlatoon::<Test>::get(vehicle), None, "{change:?}");
				}
				assert_eq!(last_event(), Event::PlatoonDissolved { platoon: PLATOON });
			});
		}
	}

	#[test]
	fn a_recovered_vehicle_and_a_vehicle_in_no_platoon_change_nothing() {
		ExtBuilder::default().build_and_execute(|| {
			under_way();
			let before = platoon();

			<RoadUsage as OnVehicleStatusChanged>::on_status_changed(
				FOLLOWER,
				VehicleStatus::Active,
			);
			for change in CHANGES {
				happens(change, SECOND_FOLLOWER);
			}

			assert_eq!(platoon(), before);
			assert_payer_paid(BUYER, 100);
		});
	}
}
