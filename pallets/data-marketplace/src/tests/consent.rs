//! Consent ends: a withdrawal, a sale, a theft report or scrapping ends access at once;
//! refunds are settled later, exactly, as of the block consent ended.

use polkadot_sdk::frame_support::{assert_noop, assert_ok, traits::Hooks, weights::Weight};

use super::*;
use crate::{
	Consent, EndedListings, EpochEnd, EpochEnds, Error, Grants, Listings, PendingVoids,
	VehicleConsent, VehicleListings, WeightInfo,
};

fn access(buyer: u64) -> Option<u64> {
	Marketplace::has_access(buyer, VEHICLE, DataCategory::Diagnostics)
}

#[test]
fn access_ends_at_the_exact_expiry_block() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list();
		buy(BUYER, id);
		run_to_block(DURATION);
		assert_eq!(access(BUYER), Some(1 + DURATION));
		run_to_block(1 + DURATION);
		assert_eq!(access(BUYER), None);
	});
}

#[test]
fn a_sale_ends_access_at_once() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list();
		buy(BUYER, id);
		run_to_block(31);
		sell(VEHICLE, NEW_OWNER);
		assert_eq!(access(BUYER), None);
		assert_eq!(Consent::<Test>::get(VEHICLE), VehicleConsent { epoch: 1, listings: 0 });
		assert_eq!(EpochEnds::<Test>::get(VEHICLE, 0), Some(EpochEnd { at: 31, listings: 1 }));
		assert!(PendingVoids::<Test>::contains_key(VEHICLE));
		System::assert_last_event(Event::ConsentEnded { vehicle: VEHICLE, epoch: 0 }.into());
		// The escrow stays held until settlement.
		assert_eq!(held(HoldReason::Escrow, BUYER), PRICE);
	});
}

#[test]
fn a_sale_refund_is_exact_even_when_settled_much_later() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list();
		buy(BUYER, id);
		run_to_block(31);
		sell(VEHICLE, NEW_OWNER);
		run_to_block(500);
		assert_ok!(Marketplace::settle_grant(signed(STRANGER), id, BUYER));
		// 30 blocks of consent: 300 paid out, 700 back to the buyer.
		assert_eq!(paid_by(BUYER), (255, 30, 15));
		assert_eq!(free(BUYER), BALANCE - 300);
		assert_eq!(free(OWNER), BALANCE - LISTING_DEPOSIT + 255);
		assert_eq!(free(NEW_OWNER), BALANCE);
		assert_eq!(free(MANUFACTURER), BALANCE + 30);
		assert_eq!(free(TREASURY), BALANCE + 15);
		System::assert_last_event(
			Event::GrantSettled { listing: id, buyer: BUYER, ended_at: 31, refund: 700 }.into(),
		);
	});
}

#[test]
fn payments_released_before_a_sale_count_towards_the_refund() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list();
		buy(BUYER, id);
		run_to_block(21);
		assert_ok!(Marketplace::settle_grant(signed(STRANGER), id, BUYER));
		run_to_block(31);
		sell(VEHICLE, NEW_OWNER);
		run_to_block(80);
		assert_ok!(Marketplace::settle_grant(signed(STRANGER), id, BUYER));
		assert_eq!(paid_by(BUYER), (255, 30, 15));
		assert_eq!(free(BUYER), BALANCE - 300);
	});
}

#[test]
fn withdrawal_ends_access_and_refunds_exactly() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list();
		buy(BUYER, id);
		run_to_block(11);
		assert_ok!(Marketplace::withdraw_listing(signed(OWNER), id));
		assert_eq!(access(BUYER), None);
		assert!(EndedListings::<Test>::contains_key(id));
		run_to_block(60);
		assert_ok!(Marketplace::settle_grant(signed(STRANGER), id, BUYER));
		assert_eq!(paid_by(BUYER), (85, 10, 5));
		assert_eq!(free(BUYER), BALANCE - 100);
		assert_eq!(free(OWNER), BALANCE + 85);
		assert_eq!(Listings::<Test>::get(id), None);
		assert!(!EndedListings::<Test>::contains_key(id));
	});
}

#[test]
fn theft_ends_access_and_recovery_does_not_restore_it() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list();
		buy(BUYER, id);
		run_to_block(11);
		set_status(VEHICLE, VehicleStatus::Stolen);
		assert_eq!(access(BUYER), None);
		run_to_block(20);
		set_status(VEHICLE, VehicleStatus::Active);
		assert_eq!(access(BUYER), None);
		assert_noop!(
			Marketplace::purchase(signed(OTHER_BUYER), id, [9; 32]),
			Error::<Test>::ListingClosed
		);
		assert_ok!(Marketplace::settle_grant(signed(STRANGER), id, BUYER));
		assert_eq!(free(BUYER), BALANCE - 100);
		// The recovered vehicle takes new listings and purchases.
		let relisted = list();
		buy(OTHER_BUYER, relisted);
		assert_eq!(access(OTHER_BUYER), Some(20 + DURATION));
	});
}

#[test]
fn scrapping_ends_access() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list();
		buy(BUYER, id);
		run_to_block(51);
		set_status(VEHICLE, VehicleStatus::Scrapped);
		assert_eq!(access(BUYER), None);
		run_to_block(70);
		assert_ok!(Marketplace::settle_grant(signed(STRANGER), id, BUYER));
		assert_eq!(free(BUYER), BALANCE - 500);
	});
}

#[test]
fn a_sale_without_listings_leaves_nothing_to_settle() {
	ExtBuilder::ready().build_and_execute(|| {
		sell(VEHICLE, NEW_OWNER);
		assert_eq!(Consent::<Test>::get(VEHICLE), VehicleConsent { epoch: 1, listings: 0 });
		assert_eq!(EpochEnds::<Test>::iter().count(), 0);
		assert!(!PendingVoids::<Test>::contains_key(VEHICLE));
	});
}

#[test]
fn on_idle_settles_voided_grants() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list();
		buy(BUYER, id);
		buy(OTHER_BUYER, id);
		run_to_block(41);
		sell(VEHICLE, NEW_OWNER);
		run_to_block(300);
		// Two steps: the void listing ends (deposit back), one grant is settled.
		idle();
		assert!(VehicleListings::<Test>::get(VEHICLE).is_empty());
		assert_eq!(held(HoldReason::ListingDeposit, OWNER), 0);
		assert_eq!(Grants::<Test>::iter_prefix(id).count(), 1);
		run_to_block(301);
		idle();
		assert_eq!(Listings::<Test>::get(id), None);
		assert_eq!(EpochEnds::<Test>::iter().count(), 0);
		assert!(!PendingVoids::<Test>::contains_key(VEHICLE));
		for buyer in [BUYER, OTHER_BUYER] {
			assert_eq!(paid_by(buyer), (340, 40, 20));
			assert_eq!(free(buyer), BALANCE - 400);
		}
		assert_eq!(free(OWNER), BALANCE + 680);
		// Nothing left to do.
		assert_eq!(idle(), Weight::zero());
	});
}

#[test]
fn on_idle_takes_no_step_without_room() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list();
		buy(BUYER, id);
		sell(VEHICLE, NEW_OWNER);
		Marketplace::on_idle(2, Weight::zero());
		assert!(PendingVoids::<Test>::contains_key(VEHICLE));
		assert_eq!(VehicleListings::<Test>::get(VEHICLE).into_inner(), vec![id]);
	});
}

#[test]
fn on_idle_takes_at_most_max_settlements_per_block() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list();
		buy(BUYER, id);
		buy(OTHER_BUYER, id);
		assert_ok!(Marketplace::withdraw_listing(signed(OWNER), id));
		let step =
			<() as WeightInfo>::settle_voided_grant().max(<() as WeightInfo>::end_void_listing());
		assert_eq!(MAX_SETTLEMENTS, 2);
		assert_eq!(idle(), step * 2);
		assert_eq!(Listings::<Test>::get(id), None);
	});
}

#[test]
fn the_hooks_weigh_one_consent_end() {
	ExtBuilder::ready().build_and_execute(|| {
		let end = <() as WeightInfo>::end_consent();
		assert_eq!(<Marketplace as OnOwnershipTransferred<u64>>::weight(), end);
		assert_eq!(<Marketplace as OnVehicleStatusChanged>::weight(), end);
	});
}
