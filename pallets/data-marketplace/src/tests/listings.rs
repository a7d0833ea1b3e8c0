//! Listings: created by the owner of an active vehicle, withdrawn at any time.

use polkadot_sdk::frame_support::{assert_noop, assert_ok};

use super::*;
use crate::{Consent, Error, Listing, Listings, VehicleConsent, VehicleListings};

#[test]
fn the_owner_lists_an_offer() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list_for(VEHICLE, Some(vec![BUYER]));
		assert_eq!(
			Listings::<Test>::get(id),
			Some(Listing {
				vehicle: VEHICLE,
				seller: OWNER,
				category: DataCategory::Diagnostics,
				price: PRICE,
				duration: DURATION,
				terms_hash: [1; 32],
				allow_list: Some(AllowListOf::<Test>::try_from(vec![BUYER]).unwrap()),
				deposit: LISTING_DEPOSIT,
				epoch: 0,
				ended_at: None,
				grants: 0,
			})
		);
		assert_eq!(VehicleListings::<Test>::get(VEHICLE).into_inner(), vec![id]);
		assert_eq!(Consent::<Test>::get(VEHICLE), VehicleConsent { epoch: 0, listings: 1 });
		assert_eq!(held(HoldReason::ListingDeposit, OWNER), LISTING_DEPOSIT);
		System::assert_last_event(
			Event::ListingCreated {
				listing: id,
				vehicle: VEHICLE,
				seller: OWNER,
				category: DataCategory::Diagnostics,
				price: PRICE,
				duration: DURATION,
			}
			.into(),
		);
	});
}

#[test]
fn only_the_owner_lists() {
	ExtBuilder::ready().build_and_execute(|| {
		for who in [DEVICE, BUYER, MANUFACTURER, STRANGER] {
			assert_noop!(
				Marketplace::create_listing(
					signed(who),
					VEHICLE,
					DataCategory::Battery,
					PRICE,
					DURATION,
					[1; 32],
					None
				),
				Error::<Test>::NotOwner
			);
		}
	});
}

fn create(
	vehicle: VehicleId,
	price: u64,
	duration: u64,
) -> polkadot_sdk::sp_runtime::DispatchResult {
	Marketplace::create_listing(
		signed(OWNER),
		vehicle,
		DataCategory::CrashBlackbox,
		price,
		duration,
		[1; 32],
		None,
	)
}

#[test]
fn a_stolen_vehicle_takes_no_listings() {
	ExtBuilder::ready().build_and_execute(|| {
		set_status(VEHICLE, VehicleStatus::Stolen);
		assert_noop!(create(VEHICLE, PRICE, DURATION), Error::<Test>::VehicleStolen);
	});
}

#[test]
fn a_scrapped_vehicle_takes_no_listings() {
	ExtBuilder::ready().build_and_execute(|| {
		set_status(VEHICLE, VehicleStatus::Scrapped);
		assert_noop!(create(VEHICLE, PRICE, DURATION), Error::<Test>::VehicleScrapped);
	});
}

#[test]
fn an_unknown_vehicle_takes_no_listings() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(create(UNKNOWN_VEHICLE, PRICE, DURATION), Error::<Test>::VehicleNotFound);
	});
}

#[test]
fn a_listing_needs_a_price() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(create(VEHICLE, 0, DURATION), Error::<Test>::InvalidPrice);
	});
}

#[test]
fn a_listing_needs_a_period_within_the_bound() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(create(VEHICLE, PRICE, 0), Error::<Test>::InvalidDuration);
		assert_noop!(create(VEHICLE, PRICE, MAX_DURATION + 1), Error::<Test>::InvalidDuration);
		assert_ok!(create(VEHICLE, PRICE, MAX_DURATION));
	});
}

#[test]
fn a_vehicle_takes_at_most_max_listings() {
	ExtBuilder::ready().build_and_execute(|| {
		for _ in 0..MAX_LISTINGS {
			list();
		}
		assert_noop!(create(VEHICLE, PRICE, DURATION), Error::<Test>::TooManyListings);
		// Another vehicle has its own bound.
		list_for(OTHER_VEHICLE, None);
	});
}

#[test]
fn the_owner_must_afford_the_deposit() {
	ExtBuilder::ready().build_and_execute(|| {
		MockVehicles::update(VEHICLE, |v| v.owner = PAUPER);
		assert_noop!(
			Marketplace::create_listing(
				signed(PAUPER),
				VEHICLE,
				DataCategory::Battery,
				PRICE,
				DURATION,
				[1; 32],
				None
			),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn the_seller_withdraws_a_listing() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list();
		run_to_block(5);
		assert_ok!(Marketplace::withdraw_listing(signed(OWNER), id));
		assert_eq!(Listings::<Test>::get(id), None);
		assert!(VehicleListings::<Test>::get(VEHICLE).is_empty());
		assert_eq!(Consent::<Test>::get(VEHICLE), VehicleConsent { epoch: 0, listings: 0 });
		assert_eq!(held(HoldReason::ListingDeposit, OWNER), 0);
		assert_eq!(free(OWNER), BALANCE);
		System::assert_last_event(
			Event::ListingWithdrawn { listing: id, vehicle: VEHICLE, ended_at: 5 }.into(),
		);
	});
}

#[test]
fn only_the_seller_withdraws_an_open_listing() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list();
		buy(BUYER, id);
		for who in [BUYER, DEVICE, MANUFACTURER, STRANGER] {
			assert_noop!(Marketplace::withdraw_listing(signed(who), id), Error::<Test>::NotSeller);
		}
	});
}

#[test]
fn a_withdrawn_listing_with_grants_stays_until_they_are_settled() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list();
		buy(BUYER, id);
		assert_ok!(Marketplace::withdraw_listing(signed(OWNER), id));
		assert_eq!(Listings::<Test>::get(id).unwrap().ended_at, Some(1));
		assert_eq!(held(HoldReason::ListingDeposit, OWNER), 0);
		assert_noop!(
			Marketplace::withdraw_listing(signed(OWNER), id),
			Error::<Test>::ListingClosed
		);
		assert_ok!(Marketplace::settle_grant(signed(STRANGER), id, BUYER));
		assert_eq!(Listings::<Test>::get(id), None);
		assert_noop!(
			Marketplace::withdraw_listing(signed(OWNER), id),
			Error::<Test>::ListingNotFound
		);
	});
}

#[test]
fn anyone_withdraws_a_listing_voided_by_a_sale() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list();
		run_to_block(7);
		sell(VEHICLE, NEW_OWNER);
		run_to_block(9);
		assert_ok!(Marketplace::withdraw_listing(signed(STRANGER), id));
		System::assert_last_event(
			Event::ListingWithdrawn { listing: id, vehicle: VEHICLE, ended_at: 7 }.into(),
		);
		// The deposit goes back to the seller, not the new owner.
		assert_eq!(free(OWNER), BALANCE);
		assert_eq!(free(NEW_OWNER), BALANCE);
		assert_eq!(Listings::<Test>::get(id), None);
	});
}

#[test]
fn the_new_owner_lists_after_a_sale() {
	ExtBuilder::ready().build_and_execute(|| {
		list();
		sell(VEHICLE, NEW_OWNER);
		assert_noop!(create(VEHICLE, PRICE, DURATION), Error::<Test>::NotOwner);
		assert_ok!(Marketplace::create_listing(
			signed(NEW_OWNER),
			VEHICLE,
			DataCategory::Battery,
			PRICE,
			DURATION,
			[2; 32],
			None
		));
		assert_eq!(Consent::<Test>::get(VEHICLE), VehicleConsent { epoch: 1, listings: 1 });
	});
}
