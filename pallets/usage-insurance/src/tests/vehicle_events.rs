//! A sale, theft or scrapping ends the vehicle's policy through the identity pallet's hooks.

use v2x_primitives::{
	testing::MockVehicles, OnOwnershipTransferred, OnVehicleStatusChanged, VehicleStatus,
};

use super::*;
use crate::{weights::WeightInfo, ActivePolicy, EndReason, Event, PolicyStatus};

fn sell(vehicle: VehicleId, old: u64, new: u64) {
	MockVehicles::update(vehicle, |v| {
		v.owner = new;
		v.operators.clear();
	});
	<UsageInsurance as OnOwnershipTransferred<u64>>::on_ownership_transferred(vehicle, &old, &new);
}

fn change_status(vehicle: VehicleId, status: VehicleStatus) {
	MockVehicles::update(vehicle, |v| v.status = status);
	<UsageInsurance as OnVehicleStatusChanged>::on_status_changed(vehicle, status);
}

#[test]
fn a_sale_ends_the_policy_pro_rata_to_the_unit() {
	ExtBuilder::ready().build_and_execute(|| {
		read(VEHICLE, 1_000);
		let id = buy(500);
		run_to_block(2);
		report(1_030, RiskEvents::default());
		run_to_block(7);
		sell(VEHICLE, OWNER, OTHER_OWNER);
		// 7 of 10 blocks begun: 70, plus 30 km x 2.
		let charged = 70 + 60;
		System::assert_last_event(
			Event::PolicyEnded {
				policy: id,
				reason: EndReason::VehicleSold,
				charged,
				refunded: 370,
			}
			.into(),
		);
		assert_eq!(free(OWNER), BALANCE - POLICY_DEPOSIT - charged);
		assert_eq!(held(HoldReason::Prepayment, OWNER), 0);
		assert_eq!(held(HoldReason::Policy, OWNER), POLICY_DEPOSIT);
		assert_eq!(free(INSURER), BALANCE - POOL - PRODUCT_DEPOSIT + charged);
		assert_eq!(pool(), POOL);
		assert_eq!(insurer().exposure, 0);
		assert_eq!(
			policy(id).status,
			PolicyStatus::Ended { at: 7, reason: EndReason::VehicleSold }
		);
		assert_eq!(ActivePolicy::<Test>::get(VEHICLE), None);
		// The new owner insures the vehicle.
		buy_product(OTHER_OWNER, VEHICLE, 0, 500);
	});
}

#[test]
fn a_theft_ends_the_policy_pro_rata_to_the_unit() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = buy(500);
		run_to_block(3);
		change_status(VEHICLE, VehicleStatus::Stolen);
		System::assert_last_event(
			Event::PolicyEnded {
				policy: id,
				reason: EndReason::VehicleStolen,
				charged: 30,
				refunded: 470,
			}
			.into(),
		);
		assert_eq!(free(OWNER), BALANCE - POLICY_DEPOSIT - 30);
		assert_eq!(free(INSURER), BALANCE - POOL - PRODUCT_DEPOSIT + 30);
		assert_eq!(
			policy(id).status,
			PolicyStatus::Ended { at: 3, reason: EndReason::VehicleStolen }
		);
	});
}

#[test]
fn scrapping_ends_the_policy_pro_rata() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = buy(500);
		run_to_block(5);
		change_status(VEHICLE, VehicleStatus::Scrapped);
		System::assert_last_event(
			Event::PolicyEnded {
				policy: id,
				reason: EndReason::VehicleScrapped,
				charged: 50,
				refunded: 450,
			}
			.into(),
		);
		assert_eq!(free(OWNER), BALANCE - POLICY_DEPOSIT - 50);
		assert_eq!(insurer().exposure, 0);
	});
}

#[test]
fn a_sale_after_the_period_ended_charges_one_full_period() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = buy(500);
		run_to_block(13);
		sell(VEHICLE, OWNER, OTHER_OWNER);
		System::assert_last_event(
			Event::PolicyEnded {
				policy: id,
				reason: EndReason::VehicleSold,
				charged: 100,
				refunded: 400,
			}
			.into(),
		);
	});
}

#[test]
fn a_recovery_changes_nothing() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = buy(500);
		<UsageInsurance as OnVehicleStatusChanged>::on_status_changed(
			VEHICLE,
			VehicleStatus::Active,
		);
		assert_eq!(policy(id).status, PolicyStatus::Active);
		assert_eq!(held(HoldReason::Prepayment, OWNER), 500);
	});
}

#[test]
fn a_vehicle_without_a_policy_is_left_alone() {
	ExtBuilder::ready().build_and_execute(|| {
		buy(500);
		System::reset_events();
		sell(OTHER_VEHICLE, OTHER_OWNER, OWNER);
		change_status(OTHER_VEHICLE, VehicleStatus::Scrapped);
		assert!(System::events().is_empty());
		assert_eq!(insurer().exposure, 1_000);
	});
}

#[test]
fn the_hooks_weigh_their_benchmark() {
	ExtBuilder::ready().build_and_execute(|| {
		let benchmarked = <() as WeightInfo>::end_policy_on_vehicle_event();
		assert_eq!(<UsageInsurance as OnOwnershipTransferred<u64>>::weight(), benchmarked);
		assert_eq!(<UsageInsurance as OnVehicleStatusChanged>::weight(), benchmarked);
	});
}
