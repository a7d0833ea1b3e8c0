//! Grants: purchased, renewed and renounced by buyers.

use polkadot_sdk::frame_support::{assert_noop, assert_ok};

use super::*;
use crate::{BuyerGrants, Error, Grant, Grants, Listings, Shares};

#[test]
fn a_buyer_purchases_access() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list();
		assert_ok!(Marketplace::purchase(signed(BUYER), id, [9; 32]));
		assert_eq!(
			Grants::<Test>::get(id, BUYER),
			Some(Grant {
				epoch: 0,
				public_key: [9; 32],
				manufacturer: MANUFACTURER,
				start: 1,
				expires_at: 1 + DURATION,
				amount: PRICE,
				released: 0,
				paid: Shares::default(),
			})
		);
		assert_eq!(Listings::<Test>::get(id).unwrap().grants, 1);
		assert_eq!(BuyerGrants::<Test>::get(BUYER).into_inner(), vec![id]);
		assert_eq!(held(HoldReason::Escrow, BUYER), PRICE);
		assert_eq!(free(BUYER), BALANCE - PRICE);
		assert_eq!(
			Marketplace::has_access(BUYER, VEHICLE, DataCategory::Diagnostics),
			Some(1 + DURATION)
		);
		System::assert_last_event(
			Event::GrantPurchased {
				listing: id,
				buyer: BUYER,
				vehicle: VEHICLE,
				category: DataCategory::Diagnostics,
				price: PRICE,
				expires_at: 1 + DURATION,
			}
			.into(),
		);
	});
}

#[test]
fn the_seller_cannot_buy_its_own_listing() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list();
		assert_noop!(
			Marketplace::purchase(signed(OWNER), id, [9; 32]),
			Error::<Test>::SellerCannotBuy
		);
	});
}

#[test]
fn the_allow_list_refuses_other_buyers() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list_for(VEHICLE, Some(vec![BUYER]));
		for who in [OTHER_BUYER, MANUFACTURER, DEVICE, STRANGER] {
			assert_noop!(
				Marketplace::purchase(signed(who), id, [9; 32]),
				Error::<Test>::NotAllowed
			);
		}
		buy(BUYER, id);
	});
}

#[test]
fn a_purchase_needs_the_price() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list();
		assert_noop!(
			Marketplace::purchase(signed(PAUPER), id, [9; 32]),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn an_unknown_listing_cannot_be_bought() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			Marketplace::purchase(signed(BUYER), 7, [9; 32]),
			Error::<Test>::ListingNotFound
		);
	});
}

#[test]
fn a_withdrawn_listing_cannot_be_bought() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list();
		buy(BUYER, id);
		assert_ok!(Marketplace::withdraw_listing(signed(OWNER), id));
		assert_noop!(
			Marketplace::purchase(signed(OTHER_BUYER), id, [9; 32]),
			Error::<Test>::ListingClosed
		);
	});
}

#[test]
fn a_listing_from_before_a_sale_cannot_be_bought() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list();
		sell(VEHICLE, NEW_OWNER);
		assert_noop!(
			Marketplace::purchase(signed(BUYER), id, [9; 32]),
			Error::<Test>::ListingClosed
		);
	});
}

#[test]
fn a_stolen_vehicle_takes_no_purchases() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list();
		set_status(VEHICLE, VehicleStatus::Stolen);
		assert_noop!(
			Marketplace::purchase(signed(BUYER), id, [9; 32]),
			Error::<Test>::VehicleStolen
		);
	});
}

#[test]
fn a_live_grant_cannot_be_bought_twice() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list();
		buy(BUYER, id);
		run_to_block(DURATION);
		assert_noop!(
			Marketplace::purchase(signed(BUYER), id, [9; 32]),
			Error::<Test>::AlreadyGranted
		);
	});
}

#[test]
fn a_listing_takes_at_most_max_grants() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list();
		buy(BUYER, id);
		buy(OTHER_BUYER, id);
		assert_eq!(MAX_GRANTS_PER_LISTING, 2);
		assert_noop!(
			Marketplace::purchase(signed(STRANGER), id, [9; 32]),
			Error::<Test>::TooManyGrants
		);
	});
}

#[test]
fn a_buyer_holds_at_most_max_grants() {
	ExtBuilder::ready().build_and_execute(|| {
		let first = list();
		let second = list();
		let third = list_for(OTHER_VEHICLE, None);
		buy(BUYER, first);
		buy(BUYER, second);
		assert_eq!(MAX_GRANTS_PER_BUYER, 2);
		assert_noop!(
			Marketplace::purchase(signed(BUYER), third, [9; 32]),
			Error::<Test>::TooManyBuyerGrants
		);
	});
}

#[test]
fn buying_again_after_expiry_settles_the_old_grant() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list();
		buy(BUYER, id);
		run_to_block(1 + DURATION + 5);
		buy(BUYER, id);
		assert!(events().contains(&Event::GrantSettled {
			listing: id,
			buyer: BUYER,
			ended_at: 1 + DURATION,
			refund: 0
		}));
		assert_eq!(paid_by(BUYER), (850, 100, 50));
		assert_eq!(Grants::<Test>::get(id, BUYER).unwrap().start, 1 + DURATION + 5);
		assert_eq!(held(HoldReason::Escrow, BUYER), PRICE);
		assert_eq!(free(BUYER), BALANCE - 2 * PRICE);
	});
}

#[test]
fn renewal_extends_the_grant_at_the_same_rate() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list();
		buy(BUYER, id);
		run_to_block(51);
		assert_ok!(Marketplace::renew_grant(signed(BUYER), id));
		let grant = Grants::<Test>::get(id, BUYER).unwrap();
		assert_eq!((grant.expires_at, grant.amount), (1 + 2 * DURATION, 2 * PRICE));
		assert_eq!(held(HoldReason::Escrow, BUYER), 2 * PRICE);
		System::assert_last_event(
			Event::GrantRenewed { listing: id, buyer: BUYER, price: PRICE, expires_at: 201 }.into(),
		);
		// Still 10 a block: 500 accrued by block 51.
		assert_ok!(Marketplace::settle_grant(signed(STRANGER), id, BUYER));
		assert_eq!(paid_by(BUYER), (425, 50, 25));
		assert_eq!(Marketplace::has_access(BUYER, VEHICLE, DataCategory::Diagnostics), Some(201));
	});
}

#[test]
fn renewal_needs_a_grant() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list();
		assert_noop!(Marketplace::renew_grant(signed(BUYER), id), Error::<Test>::GrantNotFound);
		assert_noop!(Marketplace::renew_grant(signed(BUYER), 9), Error::<Test>::ListingNotFound);
	});
}

#[test]
fn an_expired_grant_cannot_be_renewed() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list();
		buy(BUYER, id);
		run_to_block(1 + DURATION);
		assert_noop!(Marketplace::renew_grant(signed(BUYER), id), Error::<Test>::GrantEnded);
	});
}

#[test]
fn a_grant_whose_consent_ended_cannot_be_renewed() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list();
		buy(BUYER, id);
		assert_ok!(Marketplace::withdraw_listing(signed(OWNER), id));
		assert_noop!(Marketplace::renew_grant(signed(BUYER), id), Error::<Test>::GrantEnded);
	});
}

#[test]
fn renewal_needs_the_price() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list();
		buy(BUYER, id);
		let spare = free(BUYER) - PRICE + 1;
		assert_ok!(Balances::transfer_allow_death(signed(BUYER), STRANGER, spare));
		assert_noop!(
			Marketplace::renew_grant(signed(BUYER), id),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn the_buyer_renounces_a_grant() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list();
		buy(BUYER, id);
		run_to_block(31);
		assert_ok!(Marketplace::renounce_grant(signed(BUYER), id));
		// 30 blocks used: 300 paid out (255 / 30 / 15), 700 back.
		assert_eq!(paid_by(BUYER), (255, 30, 15));
		assert_eq!(free(BUYER), BALANCE - 300);
		assert_eq!(free(OWNER), BALANCE - LISTING_DEPOSIT + 255);
		assert_eq!(free(MANUFACTURER), BALANCE + 30);
		assert_eq!(free(TREASURY), BALANCE + 15);
		assert_eq!(held(HoldReason::Escrow, BUYER), 0);
		assert_eq!(Grants::<Test>::get(id, BUYER), None);
		assert!(BuyerGrants::<Test>::get(BUYER).is_empty());
		assert_eq!(Listings::<Test>::get(id).unwrap().grants, 0);
		assert_eq!(Marketplace::has_access(BUYER, VEHICLE, DataCategory::Diagnostics), None);
		assert!(events().contains(&Event::GrantRenounced { listing: id, buyer: BUYER }));
		System::assert_last_event(
			Event::GrantSettled { listing: id, buyer: BUYER, ended_at: 31, refund: 700 }.into(),
		);
	});
}

#[test]
fn only_a_buyer_renounces() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = list();
		buy(BUYER, id);
		for who in [OWNER, OTHER_BUYER, STRANGER] {
			assert_noop!(
				Marketplace::renounce_grant(signed(who), id),
				Error::<Test>::GrantNotFound
			);
		}
		assert_noop!(Marketplace::renounce_grant(signed(BUYER), 9), Error::<Test>::ListingNotFound);
	});
}
