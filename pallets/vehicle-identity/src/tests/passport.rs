//! The identity and ownership sections of the passport: past owners with their sale dates,
//! the lien, the open offer, and lookup by VIN or id.

use super::liens::place_lien_on_vehicle_0;
use crate::{mock::*, Error, OwnershipHistory, MAX_RECENT_SALES};
use polkadot_sdk::frame_support::{assert_noop, assert_ok};
use v2x_primitives::{SaleEntry, SaleOfferEntry, VehicleRef, VehicleStatus, Vin};

const PRICE: u64 = 1_000;

/// `seller` offers vehicle 0 to `buyer` and `buyer` accepts, in block `at`.
fn sell(seller: u64, buyer: u64, price: Option<u64>, at: u64) {
	System::set_block_number(at);
	assert_ok!(VehicleIdentity::offer_sale(RuntimeOrigin::signed(seller), 0, buyer, price, at));
	assert_ok!(VehicleIdentity::accept_offer(RuntimeOrigin::signed(buyer), 0, PRICE));
}

fn sale(seller: u64, buyer: u64, price: Option<u64>, at: u64) -> SaleEntry<u64, u64, u64> {
	SaleEntry { seller, buyer, price, at }
}

#[test]
fn a_new_vehicle_shows_its_identity_and_no_past_owner() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		let (identity, status, ownership) = VehicleIdentity::passport_identity(0).unwrap();
		assert_eq!(identity.vin, honda_vin());
		assert_eq!(identity.manufacturer, HONDA);
		assert_eq!(identity.manufacturer_name, b"Maker".to_vec());
		assert_eq!(identity.powertrain, honda_registration(ALICE).powertrain);
		assert_eq!(status, VehicleStatus::Active);
		assert_eq!(ownership.owner, ALICE);
		assert_eq!(ownership.past_owners, 0);
		assert!(ownership.recent_sales.is_empty());
		assert_eq!((ownership.lien, ownership.open_offer), (None, None));
		assert_eq!(OwnershipHistory::<Test>::get(0), None);
	});
}

#[test]
fn each_sale_adds_a_past_owner_with_its_block_and_price() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		sell(ALICE, BOB, Some(PRICE), 5);
		sell(BOB, CHARLIE, None, 9);
		let (_, _, ownership) = VehicleIdentity::passport_identity(0).unwrap();
		assert_eq!(ownership.owner, CHARLIE);
		assert_eq!(ownership.past_owners, 2);
		assert_eq!(
			ownership.recent_sales,
			vec![sale(ALICE, BOB, Some(PRICE), 5), sale(BOB, CHARLIE, None, 9)]
		);
	});
}

#[test]
fn a_long_history_keeps_the_latest_sales_and_counts_them_all() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		let sales = MAX_RECENT_SALES as u64 + 3;
		for n in 0..sales {
			let (seller, buyer) = if n % 2 == 0 { (ALICE, BOB) } else { (BOB, ALICE) };
			sell(seller, buyer, Some(PRICE), 10 + n);
		}
		let (_, _, ownership) = VehicleIdentity::passport_identity(0).unwrap();
		assert_eq!(ownership.past_owners, sales as u32);
		assert_eq!(ownership.recent_sales.len(), MAX_RECENT_SALES as usize);
		assert_eq!(ownership.recent_sales.first().map(|sale| sale.at), Some(13));
		assert_eq!(ownership.recent_sales.last().map(|sale| sale.at), Some(10 + sales - 1));
	});
}

#[test]
fn a_refused_acceptance_leaves_the_history_unchanged() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		sell(ALICE, BOB, Some(PRICE), 5);
		assert_ok!(VehicleIdentity::offer_sale(RuntimeOrigin::signed(BOB), 0, CHARLIE, None, 6));
		System::set_block_number(7);
		assert_noop!(
			VehicleIdentity::accept_offer(RuntimeOrigin::signed(CHARLIE), 0, PRICE),
			Error::<Test>::OfferExpired
		);
		assert_eq!(OwnershipHistory::<Test>::get(0).map(|history| history.count), Some(1));
	});
}

#[test]
fn the_open_offer_and_the_lien_are_shown() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::offer_sale(RuntimeOrigin::signed(ALICE), 0, BOB, None, 40));
		let (_, _, ownership) = VehicleIdentity::passport_identity(0).unwrap();
		assert_eq!(
			ownership.open_offer,
			Some(SaleOfferEntry { buyer: BOB, price: None, expires_at: 40 })
		);
		place_lien_on_vehicle_0();
		let (_, _, ownership) = VehicleIdentity::passport_identity(0).unwrap();
		assert_eq!((ownership.lien, ownership.open_offer), (Some(LENDER), None));
	});
}

#[test]
fn vehicles_are_found_by_vin_or_id_and_unknown_ones_are_not() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_eq!(VehicleIdentity::vehicle_id(VehicleRef::Vin(honda_vin())), Some(0));
		assert_eq!(VehicleIdentity::vehicle_id(VehicleRef::Id(0)), Some(0));
		assert_eq!(VehicleIdentity::vehicle_id(VehicleRef::Id(1)), None);
		assert_eq!(VehicleIdentity::vehicle_id(VehicleRef::Vin(acura_vin())), None);
		assert_eq!(VehicleIdentity::vehicle_id(VehicleRef::Vin(Vin(*b"ZZZZZZZZZZZZZZZZZ"))), None);
		assert_eq!(VehicleIdentity::passport_identity(1), None);
	});
}
