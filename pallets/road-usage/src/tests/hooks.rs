//! What a sale, a theft, a recovery or a scrapping does to a vehicle's prepaid balance and
//! service periods (the platoon part is in `platoons.rs`'s hook, tested with platoons).

use polkadot_sdk::frame_support::assert_ok;
use v2x_primitives::{
	testing::MockVehicles, OnOwnershipTransferred, OnVehicleStatusChanged, VehicleStatus,
};

use super::*;
use crate::{Prepaid, WeightInfo};

/// `VEHICLE` served by `PROVIDER` since 3 days ago, with 500 prepaid by `OWNER`.
fn subscribed_vehicle_with_prepaid() {
	bonded_provider(PROVIDER);
	assert_ok!(RoadUsage::set_provider(signed(OWNER), VEHICLE, Some(PROVIDER)));
	assert_ok!(RoadUsage::top_up(signed(OWNER), VEHICLE, 500));
	pass_days(3);
	System::reset_events();
}

/// `VEHICLE` is sold to `BUYER`, as the identity pallet does it.
fn sell_vehicle() {
	MockVehicles::update(VEHICLE, |v| v.owner = BUYER);
	<RoadUsage as OnOwnershipTransferred<u64>>::on_ownership_transferred(VEHICLE, &OWNER, &BUYER);
}

fn set_status(status: VehicleStatus) {
	MockVehicles::update(VEHICLE, |v| v.status = status);
	<RoadUsage as OnVehicleStatusChanged>::on_status_changed(VEHICLE, status);
}

#[test]
fn a_sale_gives_the_prepaid_back_to_the_seller_and_ends_the_service_today() {
	ExtBuilder::default().build_and_execute(|| {
		subscribed_vehicle_with_prepaid();

		sell_vehicle();

		assert!(Prepaid::<Test>::get(VEHICLE).is_none());
		assert_eq!(held(HoldReason::Prepaid, OWNER), 0);
		assert_eq!(free(OWNER), BALANCE);
		assert_eq!(periods(VEHICLE), vec![(PROVIDER, today() - 3, Some(today()))]);
		// The seller's provider may still declare the sale day, not the next.
		assert!(RoadUsage::serves(&PROVIDER, VEHICLE, today()));
		assert!(!RoadUsage::serves(&PROVIDER, VEHICLE, today() + 1));
		assert_eq!(
			events(),
			vec![
				Event::PrepaidReleased { vehicle: VEHICLE, owner: OWNER, amount: 500 },
				Event::ProviderSet { vehicle: VEHICLE, provider: None, from: today() },
			]
		);
	});
}

#[test]
fn the_buyer_picks_its_own_provider_and_prepaid_after_a_sale() {
	ExtBuilder::default().build_and_execute(|| {
		subscribed_vehicle_with_prepaid();
		bonded_provider(OTHER_PROVIDER);
		sell_vehicle();

		assert_ok!(RoadUsage::set_provider(signed(BUYER), VEHICLE, Some(OTHER_PROVIDER)));
		assert_ok!(RoadUsage::top_up(signed(BUYER), VEHICLE, 70));

		assert_eq!(
			periods(VEHICLE),
			vec![(PROVIDER, today() - 3, Some(today())), (OTHER_PROVIDER, today(), None)]
		);
		assert_eq!(Prepaid::<Test>::get(VEHICLE).unwrap().owner, BUYER);
		assert_eq!(held(HoldReason::Prepaid, BUYER), 70);
		assert_eq!(RoadUsage::passport_section(VEHICLE).unwrap().provider, Some(OTHER_PROVIDER));
	});
}

#[test]
fn the_seller_can_no_longer_manage_the_sold_vehicle() {
	ExtBuilder::default().build_and_execute(|| {
		subscribed_vehicle_with_prepaid();
		sell_vehicle();
		use polkadot_sdk::frame_support::assert_noop;
		assert_noop!(
			RoadUsage::set_provider(signed(OWNER), VEHICLE, Some(PROVIDER)),
			crate::Error::<Test>::NotOwner
		);
		assert_noop!(RoadUsage::top_up(signed(OWNER), VEHICLE, 10), crate::Error::<Test>::NotOwner);
		assert_noop!(
			RoadUsage::withdraw_prepaid(signed(OWNER), VEHICLE, 10),
			crate::Error::<Test>::InsufficientPrepaid
		);
	});
}

#[test]
fn a_sale_of_a_vehicle_without_road_usage_changes_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		sell_vehicle();

		assert!(events().is_empty());
		assert!(periods(VEHICLE).is_empty());
		assert_eq!(RoadUsage::passport_section(VEHICLE), None);
	});
}

#[test]
fn a_sale_after_the_provider_was_stopped_keeps_the_history() {
	ExtBuilder::default().build_and_execute(|| {
		subscribed_vehicle_with_prepaid();
		assert_ok!(RoadUsage::set_provider(signed(OWNER), VEHICLE, None));
		let stopped = today();
		pass_days(1);
		System::reset_events();

		sell_vehicle();

		assert_eq!(periods(VEHICLE), vec![(PROVIDER, stopped - 3, Some(stopped))]);
		assert_eq!(
			events(),
			vec![Event::PrepaidReleased { vehicle: VEHICLE, owner: OWNER, amount: 500 }]
		);
	});
}

#[test]
fn scrapping_releases_the_prepaid_and_ends_the_service() {
	ExtBuilder::default().build_and_execute(|| {
		subscribed_vehicle_with_prepaid();

		set_status(VehicleStatus::Scrapped);

		assert!(Prepaid::<Test>::get(VEHICLE).is_none());
		assert_eq!(free(OWNER), BALANCE);
		assert_eq!(periods(VEHICLE), vec![(PROVIDER, today() - 3, Some(today()))]);
		assert_eq!(
			events(),
			vec![
				Event::PrepaidReleased { vehicle: VEHICLE, owner: OWNER, amount: 500 },
				Event::ProviderSet { vehicle: VEHICLE, provider: None, from: today() },
			]
		);
	});
}

#[test]
fn theft_and_recovery_keep_the_prepaid_and_the_provider() {
	ExtBuilder::default().build_and_execute(|| {
		subscribed_vehicle_with_prepaid();

		set_status(VehicleStatus::Stolen);
		assert_eq!(Prepaid::<Test>::get(VEHICLE).unwrap().amount, 500);
		assert_eq!(periods(VEHICLE), vec![(PROVIDER, today() - 3, None)]);
		// The owner still gets its money out of a stolen vehicle.
		assert_ok!(RoadUsage::withdraw_prepaid(signed(OWNER), VEHICLE, 100));

		set_status(VehicleStatus::Active);
		assert_eq!(Prepaid::<Test>::get(VEHICLE).unwrap().amount, 400);
		assert_eq!(periods(VEHICLE), vec![(PROVIDER, today() - 3, None)]);
		assert_eq!(
			events(),
			vec![Event::PrepaidWithdrawn {
				vehicle: VEHICLE,
				owner: OWNER,
				amount: 100,
				balance: 400
			}]
		);
	});
}

#[test]
fn the_hooks_weigh_their_benchmarked_worst_case() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(
			<RoadUsage as OnOwnershipTransferred<u64>>::weight(),
			<() as WeightInfo>::on_ownership_transferred()
		);
		assert_eq!(
			<RoadUsage as OnVehicleStatusChanged>::weight(),
			<() as WeightInfo>::on_status_changed()
		);
	});
}

#[test]
fn the_passport_shows_the_provider_serving_today_and_the_prepaid() {
	ExtBuilder::default().build_and_execute(|| {
		subscribed_vehicle_with_prepaid();

		let section = RoadUsage::passport_section(VEHICLE).unwrap();

		assert_eq!(section.provider, Some(PROVIDER));
		assert_eq!(section.prepaid, 500);
		assert_eq!((section.tolls_paid, section.passages, section.declarations), (0, 0, 0));
		assert_eq!((section.platoon, section.km_led, section.km_followed), (None, 0, 0));
		assert_eq!(RoadUsage::passport_section(OTHER_VEHICLE), None);
	});
}
