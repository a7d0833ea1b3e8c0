//! The escrow: the price accrues linearly with access time and splits exactly.

use polkadot_sdk::frame_support::{assert_noop, assert_ok};

use super::*;
use crate::{Error, Grants, Shares, WeightInfo};

#[test]
fn payments_accrue_linearly_and_split_exactly() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list();
		buy(BUYER, id);
		run_to_block(41);
		assert_ok!(Marketplace::settle_grant(signed(STRANGER), id, BUYER));
		// 40 of 100 blocks: 400 of 1 000; 15 % of it is 60, of which 40 the manufacturer's.
		System::assert_last_event(
			Event::PaymentsReleased {
				listing: id,
				buyer: BUYER,
				to_owner: 340,
				to_manufacturer: 40,
				to_platform: 20,
			}
			.into(),
		);
		let grant = Grants::<Test>::get(id, BUYER).unwrap();
		assert_eq!(grant.released, 400);
		assert_eq!(grant.paid, Shares { owner: 340, manufacturer: 40, platform: 20 });
		assert_eq!(held(HoldReason::Escrow, BUYER), 600);
		assert_eq!(free(OWNER), BALANCE - LISTING_DEPOSIT + 340);
		assert_eq!(free(MANUFACTURER), BALANCE + 40);
		assert_eq!(free(TREASURY), BALANCE + 20);
		// Access goes on.
		assert_eq!(
			Marketplace::has_access(BUYER, VEHICLE, DataCategory::Diagnostics),
			Some(1 + DURATION)
		);
	});
}

#[test]
fn the_grants_end_pays_everything() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list();
		buy(BUYER, id);
		run_to_block(41);
		assert_ok!(Marketplace::settle_grant(signed(STRANGER), id, BUYER));
		run_to_block(1_000);
		assert_ok!(Marketplace::settle_grant(signed(STRANGER), id, BUYER));
		assert_eq!(paid_by(BUYER), (850, 100, 50));
		assert_eq!(free(BUYER), BALANCE - PRICE);
		assert_eq!(held(HoldReason::Escrow, BUYER), 0);
		assert_eq!(Grants::<Test>::get(id, BUYER), None);
		System::assert_last_event(
			Event::GrantSettled { listing: id, buyer: BUYER, ended_at: 1 + DURATION, refund: 0 }
				.into(),
		);
	});
}

#[test]
fn nothing_is_due_in_the_purchase_block() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list();
		buy(BUYER, id);
		assert_ok!(Marketplace::settle_grant(signed(STRANGER), id, BUYER));
		assert_eq!(paid_by(BUYER), (0, 0, 0));
		assert_eq!(held(HoldReason::Escrow, BUYER), PRICE);
	});
}

#[test]
fn rounding_never_drifts_however_often_payments_are_released() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(Marketplace::create_listing(
			signed(OWNER),
			VEHICLE,
			DataCategory::LocationTraces,
			997,
			7,
			[1; 32],
			None
		));
		let id = NextListingId::<Test>::get() - 1;
		buy(BUYER, id);
		buy(OTHER_BUYER, id);
		for block in 2..=8 {
			run_to_block(block);
			assert_ok!(Marketplace::settle_grant(signed(STRANGER), id, BUYER));
		}
		assert_ok!(Marketplace::settle_grant(signed(STRANGER), id, OTHER_BUYER));
		// 15 % of 997 is 149 (rounded down), 99 of it the manufacturer's.
		assert_eq!(paid_by(BUYER), (848, 99, 50));
		assert_eq!(paid_by(OTHER_BUYER), (848, 99, 50));
	});
}

#[test]
fn each_partys_due_only_grows_and_the_shares_add_up() {
	ExtBuilder::ready().build_and_execute(|| {
		let mut last = Shares::default();
		for total in 0..3_000u64 {
			let due = Marketplace::split(total);
			assert_eq!(due.owner + due.manufacturer + due.platform, total);
			assert!(due.owner >= last.owner, "owner's due went down at {total}");
			assert!(due.manufacturer >= last.manufacturer, "manufacturer's went down at {total}");
			assert!(due.platform >= last.platform, "platform's went down at {total}");
			last = due;
		}
		assert_eq!(
			Marketplace::split(1_000),
			Shares { owner: 850, manufacturer: 100, platform: 50 }
		);
	});
}

#[test]
fn anyone_may_release_what_is_due() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list();
		buy(BUYER, id);
		run_to_block(11);
		for who in [OWNER, MANUFACTURER, BUYER, STRANGER] {
			assert_ok!(Marketplace::settle_grant(signed(who), id, BUYER));
		}
		assert_eq!(paid_by(BUYER), (85, 10, 5));
	});
}

#[test]
fn settling_needs_a_grant() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list();
		assert_noop!(
			Marketplace::settle_grant(signed(STRANGER), id, BUYER),
			Error::<Test>::GrantNotFound
		);
		assert_noop!(
			Marketplace::settle_grant(signed(STRANGER), 9, BUYER),
			Error::<Test>::ListingNotFound
		);
	});
}

#[test]
fn the_seller_at_purchase_is_paid_not_a_later_owner() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list();
		buy(BUYER, id);
		run_to_block(21);
		sell(VEHICLE, NEW_OWNER);
		run_to_block(90);
		assert_ok!(Marketplace::settle_grant(signed(STRANGER), id, BUYER));
		assert_eq!(free(OWNER), BALANCE - LISTING_DEPOSIT + 170);
		assert_eq!(free(NEW_OWNER), BALANCE);
	});
}

#[test]
fn the_settlement_weight_covers_both_idle_steps() {
	ExtBuilder::ready().build_and_execute(|| {
		let step =
			<() as WeightInfo>::settle_voided_grant().max(<() as WeightInfo>::end_void_listing());
		assert!(step.all_gte(<() as WeightInfo>::settle_voided_grant()));
		assert!(step.all_gte(<() as WeightInfo>::end_void_listing()));
	});
}
