//! The runtime API's queries.

use polkadot_sdk::frame_support::assert_ok;

use super::*;
use crate::{Due, GrantInfo, ListingInfo, Shares};

#[test]
fn has_access_reports_the_latest_expiry_in_the_category() {
	ExtBuilder::ready().build_and_execute(|| {
		let first = list();
		buy(BUYER, first);
		run_to_block(30);
		let second = list();
		buy(BUYER, second);
		assert_eq!(
			Marketplace::has_access(BUYER, VEHICLE, DataCategory::Diagnostics),
			Some(30 + DURATION)
		);
		assert_eq!(Marketplace::has_access(BUYER, VEHICLE, DataCategory::Battery), None);
		assert_eq!(Marketplace::has_access(BUYER, OTHER_VEHICLE, DataCategory::Diagnostics), None);
		assert_eq!(Marketplace::has_access(STRANGER, VEHICLE, DataCategory::Diagnostics), None);
	});
}

#[test]
fn listings_say_which_take_purchases() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list_for(VEHICLE, Some(vec![BUYER]));
		let info = |open| ListingInfo {
			id,
			vehicle: VEHICLE,
			seller: OWNER,
			category: DataCategory::Diagnostics,
			price: PRICE,
			duration: DURATION,
			terms_hash: [1; 32],
			allow_list: Some(vec![BUYER]),
			open,
		};
		assert_eq!(Marketplace::listings(VEHICLE, 0, 10), vec![info(true)]);
		set_status(VEHICLE, VehicleStatus::Stolen);
		assert_eq!(Marketplace::listings(VEHICLE, 0, 10), vec![info(false)]);
		assert_eq!(Marketplace::listings(VEHICLE, 1, 10), vec![]);
	});
}

#[test]
fn grants_of_pages_through_a_buyers_grants() {
	ExtBuilder::ready().build_and_execute(|| {
		let first = list();
		let second = list_for(OTHER_VEHICLE, None);
		buy(BUYER, first);
		buy(BUYER, second);
		run_to_block(11);
		assert_ok!(Marketplace::withdraw_listing(signed(OWNER), second));
		assert_eq!(Marketplace::grants_of(BUYER, 0, 10).len(), 2);
		assert_eq!(
			Marketplace::grants_of(BUYER, 1, 1),
			vec![GrantInfo {
				listing: second,
				vehicle: OTHER_VEHICLE,
				category: DataCategory::Diagnostics,
				public_key: [9; 32],
				start: 1,
				expires_at: 1 + DURATION,
				ended_at: Some(11),
				active: false,
				escrow: PRICE,
			}]
		);
		assert!(Marketplace::grants_of(BUYER, 0, 1)[0].active);
	});
}

#[test]
fn due_reports_each_partys_due_and_the_refund() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list();
		buy(BUYER, id);
		run_to_block(41);
		let live = Due { shares: Shares { owner: 340, manufacturer: 40, platform: 20 }, refund: 0 };
		assert_eq!(Marketplace::due(id, BUYER), Some(live));
		assert_ok!(Marketplace::settle_grant(signed(STRANGER), id, BUYER));
		run_to_block(51);
		sell(VEHICLE, NEW_OWNER);
		run_to_block(90);
		let ended =
			Due { shares: Shares { owner: 85, manufacturer: 10, platform: 5 }, refund: 500 };
		assert_eq!(Marketplace::due(id, BUYER), Some(ended));
		assert_eq!(Marketplace::due(id, STRANGER), None);
	});
}
