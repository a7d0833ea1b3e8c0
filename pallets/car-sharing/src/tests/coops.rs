//! Creating co-ops, and the fleet manager's work on the fleet.

use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok, BoundedVec},
	sp_runtime::{DispatchError, Perbill},
};
use v2x_primitives::{
	testing::{MockOffer, MockVehicles},
	VehicleRegistry, VehicleStatus,
};

use super::*;
use crate::{
	CoopFinances, CoopOfAccount, CoopRules, Error, Fleet, FoundersOf, Member, NextCoopId,
	VehicleCoop,
};

fn name(bytes: &[u8]) -> crate::CoopNameOf<Test> {
	bytes.to_vec().try_into().unwrap()
}

fn founders(list: Vec<(u64, u64)>) -> FoundersOf<Test> {
	BoundedVec::truncate_from(list)
}

fn create_with(
	who: u64,
	coop_name: &[u8],
	coop_rules: CoopRules<u64>,
	list: Vec<(u64, u64)>,
) -> polkadot_sdk::frame_support::dispatch::DispatchResult {
	CarSharing::create_coop(
		signed(who),
		name(coop_name),
		coop_rules,
		pricing(),
		founders(list),
		MANAGER,
		ASSESSOR,
	)
}

fn usual_founders() -> Vec<(u64, u64)> {
	vec![(ALICE, ALICE_SHARES), (BOB, BOB_SHARES), (CAROL, CAROL_SHARES)]
}

/// `OWNER` offers `vehicle` to the co-op's account for `price` (`None`: a gift).
fn offer_to_coop(coop: crate::CoopId, vehicle: u64, price: Option<u64>) {
	let buyer = CarSharing::coop_account(coop);
	MockVehicles::add_offer(vehicle, MockOffer { seller: OWNER, buyer, price, expires_at: 1_000 });
}

#[test]
fn create_coop_holds_the_deposit_endows_the_account_and_issues_the_shares() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = create_coop();
		let account = CarSharing::coop_account(coop);

		assert_eq!(coop, 0);
		assert_eq!(NextCoopId::<Test>::get(), 1);
		assert_eq!(held(HoldReason::CoopDeposit, ALICE), COOP_DEPOSIT);
		assert_eq!(free(ALICE), BALANCE - COOP_DEPOSIT - ENDOWMENT);
		assert_eq!(free(account), ENDOWMENT);
		assert_eq!(CoopOfAccount::<Test>::get(account), Some(coop));
		let entry = coop_of(coop);
		assert_eq!(entry.founder, ALICE);
		assert_eq!(entry.fleet_manager, MANAGER);
		assert_eq!(entry.assessor, ASSESSOR);
		assert_eq!(entry.share_supply, SUPPLY);
		assert_eq!(entry.members, 3);
		assert_eq!(entry.deposit, COOP_DEPOSIT);
		assert_eq!(entry.finances, CoopFinances { reserve: ENDOWMENT, ..Default::default() });
		assert_eq!(member(coop, BOB), Some(Member { shares: BOB_SHARES, ..Default::default() }));
		assert_eq!(
			events(),
			vec![Event::CoopCreated { coop, account, founder: ALICE, share_supply: SUPPLY }]
		);
	});
}

#[test]
fn create_coop_refuses_an_empty_name() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			create_with(ALICE, b"", rules(), usual_founders()),
			Error::<Test>::InvalidName
		);
	});
}

#[test]
fn create_coop_refuses_a_zero_quorum() {
	ExtBuilder::default().build_and_execute(|| {
		let bad = CoopRules { quorum: Perbill::zero(), ..rules() };
		assert_noop!(create_with(ALICE, b"c", bad, usual_founders()), Error::<Test>::InvalidRules);
	});
}

#[test]
fn create_coop_refuses_a_supermajority_of_half_the_supply() {
	ExtBuilder::default().build_and_execute(|| {
		let bad = CoopRules { supermajority: Perbill::from_percent(50), ..rules() };
		assert_noop!(create_with(ALICE, b"c", bad, usual_founders()), Error::<Test>::InvalidRules);
	});
}

#[test]
fn create_coop_refuses_no_founders_zero_shares_and_a_supply_beyond_u64() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(create_with(ALICE, b"c", rules(), vec![]), Error::<Test>::InvalidShares);
		assert_noop!(
			create_with(ALICE, b"c", rules(), vec![(ALICE, 10), (BOB, 0)]),
			Error::<Test>::InvalidShares
		);
		assert_noop!(
			create_with(ALICE, b"c", rules(), vec![(ALICE, u64::MAX), (BOB, 1)]),
			Error::<Test>::InvalidShares
		);
	});
}

#[test]
fn create_coop_refuses_a_founder_twice() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			create_with(ALICE, b"c", rules(), vec![(ALICE, 10), (BOB, 5), (ALICE, 1)]),
			Error::<Test>::DuplicateFounder
		);
	});
}

#[test]
fn create_coop_refuses_a_founder_who_cannot_pay() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			create_with(PAUPER, b"c", rules(), usual_founders()),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn add_vehicle_accepts_a_gift_into_the_fleet() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = create_coop();
		offer_to_coop(coop, VEHICLE, None);

		assert_ok!(CarSharing::add_vehicle(signed(MANAGER), coop, VEHICLE));

		let account = CarSharing::coop_account(coop);
		assert_eq!(<MockVehicles as VehicleRegistry<u64, u64>>::owner(VEHICLE), Some(account));
		assert!(Fleet::<Test>::contains_key(coop, VEHICLE));
		assert_eq!(VehicleCoop::<Test>::get(VEHICLE), Some(coop));
		assert_eq!(coop_of(coop).vehicles, 1);
		assert_eq!(free(account), ENDOWMENT);
		assert_eq!(events().last(), Some(&Event::VehicleAdded { coop, vehicle: VEHICLE }));
	});
}

#[test]
fn add_vehicle_is_for_the_fleet_manager_of_an_existing_coop() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = create_coop();
		offer_to_coop(coop, VEHICLE, None);
		assert_noop!(
			CarSharing::add_vehicle(signed(ALICE), coop, VEHICLE),
			Error::<Test>::NotFleetManager
		);
		assert_noop!(
			CarSharing::add_vehicle(signed(MANAGER), coop + 1, VEHICLE),
			Error::<Test>::CoopNotFound
		);
	});
}

#[test]
fn add_vehicle_refuses_a_vehicle_already_in_a_fleet() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = coop_with_vehicle();
		assert_noop!(
			CarSharing::add_vehicle(signed(MANAGER), coop, VEHICLE),
			Error::<Test>::AlreadyInFleet
		);
	});
}

#[test]
fn add_vehicle_refuses_beyond_max_vehicles() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = coop_with_vehicle();
		add_fleet_vehicle(coop, OTHER_VEHICLE);
		offer_to_coop(coop, THIRD_VEHICLE, None);
		assert_noop!(
			CarSharing::add_vehicle(signed(MANAGER), coop, THIRD_VEHICLE),
			Error::<Test>::TooManyVehicles
		);
	});
}

#[test]
fn add_vehicle_needs_an_offer_without_a_price() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = create_coop();
		assert_noop!(
			CarSharing::add_vehicle(signed(MANAGER), coop, UNKNOWN_VEHICLE),
			DispatchError::Other("NotFound")
		);
		assert_noop!(
			CarSharing::add_vehicle(signed(MANAGER), coop, VEHICLE),
			DispatchError::Other("NoOffer")
		);
		offer_to_coop(coop, VEHICLE, Some(10));
		assert_noop!(
			CarSharing::add_vehicle(signed(MANAGER), coop, VEHICLE),
			DispatchError::Other("PriceAboveMaximum")
		);
	});
}

#[test]
fn invite_and_unbind_device_act_for_the_coop_account() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = coop_with_vehicle();
		assert_ok!(CarSharing::invite_device(signed(MANAGER), coop, VEHICLE, OTHER_DEVICE));
		assert_eq!(
			<MockVehicles as VehicleRegistry<u64, u64>>::vehicle_of_device(&OTHER_DEVICE),
			Some(VEHICLE)
		);
		assert_eq!(
			events().last(),
			Some(&Event::DeviceInvited { coop, vehicle: VEHICLE, device: OTHER_DEVICE })
		);

		assert_ok!(CarSharing::unbind_device(signed(MANAGER), coop, VEHICLE, OTHER_DEVICE));
		assert_eq!(
			<MockVehicles as VehicleRegistry<u64, u64>>::vehicle_of_device(&OTHER_DEVICE),
			None
		);
		assert_eq!(
			events().last(),
			Some(&Event::DeviceUnbound { coop, vehicle: VEHICLE, device: OTHER_DEVICE })
		);
	});
}

#[test]
fn invite_device_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = coop_with_vehicle();
		assert_noop!(
			CarSharing::invite_device(signed(ALICE), coop, VEHICLE, OTHER_DEVICE),
			Error::<Test>::NotFleetManager
		);
		assert_noop!(
			CarSharing::invite_device(signed(MANAGER), coop, OTHER_VEHICLE, OTHER_DEVICE),
			Error::<Test>::NotInFleet
		);
		assert_ok!(CarSharing::invite_device(signed(MANAGER), coop, VEHICLE, OTHER_DEVICE));
		assert_noop!(
			CarSharing::invite_device(signed(MANAGER), coop, VEHICLE, OTHER_DEVICE),
			DispatchError::Other("DeviceAlreadyBound")
		);
	});
}

#[test]
fn unbind_device_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = coop_with_vehicle();
		assert_noop!(
			CarSharing::unbind_device(signed(ALICE), coop, VEHICLE, DEVICE),
			Error::<Test>::NotFleetManager
		);
		assert_noop!(
			CarSharing::unbind_device(signed(MANAGER), coop, OTHER_VEHICLE, DEVICE),
			Error::<Test>::NotInFleet
		);
		// The sale to the co-op unbound the old owner's device.
		assert_noop!(
			CarSharing::unbind_device(signed(MANAGER), coop, VEHICLE, DEVICE),
			DispatchError::Other("DeviceNotBound")
		);
	});
}

#[test]
fn report_stolen_and_recovered_change_the_status() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = coop_with_vehicle();
		let status = || <MockVehicles as VehicleRegistry<u64, u64>>::status(VEHICLE);

		assert_ok!(CarSharing::report_stolen(signed(MANAGER), coop, VEHICLE));
		assert_eq!(status(), Some(VehicleStatus::Stolen));
		assert_eq!(events().last(), Some(&Event::VehicleReportedStolen { coop, vehicle: VEHICLE }));

		assert_ok!(CarSharing::report_recovered(signed(MANAGER), coop, VEHICLE));
		assert_eq!(status(), Some(VehicleStatus::Active));
		assert_eq!(events().last(), Some(&Event::VehicleRecovered { coop, vehicle: VEHICLE }));
	});
}

#[test]
fn report_stolen_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = coop_with_vehicle();
		assert_noop!(
			CarSharing::report_stolen(signed(ALICE), coop, VEHICLE),
			Error::<Test>::NotFleetManager
		);
		assert_noop!(
			CarSharing::report_stolen(signed(MANAGER), coop, OTHER_VEHICLE),
			Error::<Test>::NotInFleet
		);
		assert_ok!(CarSharing::report_stolen(signed(MANAGER), coop, VEHICLE));
		assert_noop!(
			CarSharing::report_stolen(signed(MANAGER), coop, VEHICLE),
			DispatchError::Other("VehicleNotActive")
		);
	});
}

#[test]
fn report_recovered_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = coop_with_vehicle();
		assert_noop!(
			CarSharing::report_recovered(signed(ALICE), coop, VEHICLE),
			Error::<Test>::NotFleetManager
		);
		assert_noop!(
			CarSharing::report_recovered(signed(MANAGER), coop, OTHER_VEHICLE),
			Error::<Test>::NotInFleet
		);
		assert_noop!(
			CarSharing::report_recovered(signed(MANAGER), coop, VEHICLE),
			DispatchError::Other("NotStolen")
		);
	});
}

#[test]
fn coop_view_shows_the_coop_and_its_fleet() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = coop_with_vehicle();
		let view = CarSharing::coop_view(coop).unwrap();
		assert_eq!(view.name, b"Neighbours".to_vec());
		assert_eq!(view.account, CarSharing::coop_account(coop));
		assert_eq!(view.share_supply, SUPPLY);
		assert_eq!(view.members, 3);
		assert_eq!(view.fleet, vec![(VEHICLE, None)]);
		assert_eq!(view.finances.reserve, ENDOWMENT);
		assert_eq!(CarSharing::coop_view(coop + 1), None);
	});
}

#[test]
fn create_coop_refuses_when_the_ids_run_out() {
	ExtBuilder::default().build_and_execute(|| {
		NextCoopId::<Test>::put(u32::MAX);
		assert_noop!(create_with(ALICE, b"c", rules(), usual_founders()), Error::<Test>::Overflow);
	});
}
