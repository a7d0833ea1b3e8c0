//! The matrix of pallet-data-marketplace (index 24): 7 calls. Listing 0 is Alice's week of
//! vehicle 0's battery data (dev preset).

use super::{
	assert_every_call_has_rows, on_base, refused, run, signed_only, sold, stolen, succeeds, text,
	Role::*, Row, V0,
};
use crate::{DataMarketplace, Runtime, UNIT};
use pallet_data_marketplace::DataCategory;
use polkadot_sdk::frame_support::{assert_ok, traits::GetCallName, BoundedVec};

type Call = pallet_data_marketplace::Call<Runtime>;
type Error = pallet_data_marketplace::Error<Runtime>;

fn create_listing() -> Call {
	Call::create_listing {
		vehicle: V0,
		category: DataCategory::Diagnostics,
		price: UNIT,
		duration: 100,
		terms_hash: [4; 32],
		allow_list: None,
	}
}

fn purchase(listing: u64) -> Call {
	Call::purchase { listing, public_key: [5; 32] }
}

fn publish_batch() -> Call {
	Call::publish_batch {
		vehicle: V0,
		category: DataCategory::Battery,
		hash: [6; 32],
		uri: text(b"ipfs://b"),
		from: 1,
		to: 2,
	}
}

/// GRANT: Bob bought access to listing 0.
fn grant() {
	assert_ok!(DataMarketplace::purchase(Buyer.signed(), 0, [5; 32]));
}

fn base_rows() -> Vec<Row> {
	[
		refused(
			&[
				Operator,
				ExpiredOperator,
				Device,
				Manufacturer,
				AnotherOwner,
				Stranger,
				Workshop,
				Insurer,
				Cpo,
				Lender,
			],
			create_listing(),
			Error::NotOwner,
		),
		signed_only(create_listing()),
		refused(
			&[AnotherOwner, Stranger, Manufacturer, Operator, Device],
			Call::withdraw_listing { listing: 0 },
			Error::NotSeller,
		),
		signed_only(Call::withdraw_listing { listing: 0 }),
		refused(&[Seller], purchase(0), Error::SellerCannotBuy),
		signed_only(purchase(0)),
		refused(
			&[
				OtherDevice,
				InvitedDevice,
				Operator,
				Manufacturer,
				AnotherOwner,
				Stranger,
				Meter,
				Insurer,
			],
			publish_batch(),
			Error::NotPublisher,
		),
		signed_only(publish_batch()),
	]
	.concat()
}

/// GRANT: Bob holds a grant on listing 0.
fn grant_rows() -> Vec<Row> {
	[
		refused(&[Buyer], Call::withdraw_listing { listing: 0 }, Error::NotSeller),
		refused(&[Buyer], purchase(0), Error::AlreadyGranted),
		refused(
			&[Seller, Stranger, Manufacturer],
			Call::renew_grant { listing: 0 },
			Error::GrantNotFound,
		),
		signed_only(Call::renew_grant { listing: 0 }),
		refused(&[Seller, Stranger], Call::renounce_grant { listing: 0 }, Error::GrantNotFound),
		signed_only(Call::renounce_grant { listing: 0 }),
		signed_only(Call::settle_grant { listing: 0, buyer: Buyer.id() }),
	]
	.concat()
}

/// ALLOW_LIST: Alice's listing 1 admits only Bob.
fn allow_list_rows() -> Vec<Row> {
	refused(&[Stranger, Manufacturer], purchase(1), Error::NotAllowed)
}

/// SOLD: Bob bought vehicle 0; Alice's listing 0 is void.
fn sold_rows() -> Vec<Row> {
	[
		refused(&[Seller], create_listing(), Error::NotOwner),
		refused(&[NewOwner, Stranger], purchase(0), Error::ListingClosed),
		refused(&[Seller, Device], publish_batch(), Error::NotPublisher),
	]
	.concat()
}

/// GRANT, then SOLD: Bob's grant ended with Alice's title.
fn sold_after_grant_rows() -> Vec<Row> {
	refused(&[Buyer], Call::renew_grant { listing: 0 }, Error::GrantEnded)
}

/// STOLEN: no new data deals for a stolen vehicle.
fn stolen_rows() -> Vec<Row> {
	[
		refused(&[Stranger, Owner], create_listing(), Error::VehicleStolen),
		refused(&[Stranger], purchase(0), Error::VehicleStolen),
	]
	.concat()
}

/// SCRAPPED: Alice scrapped vehicle 0.
fn scrapped_rows() -> Vec<Row> {
	refused(&[Owner, Device], publish_batch(), Error::VehicleScrapped)
}

/// Every scenario's rows, by scenario (the docs table is written from these).
pub(super) fn scenarios() -> Vec<(&'static str, Vec<Row>)> {
	vec![
		("BASE", base_rows()),
		("GRANT", grant_rows()),
		("ALLOW_LIST", allow_list_rows()),
		("SOLD", sold_rows()),
		("SOLD_AFTER_GRANT", sold_after_grant_rows()),
		("STOLEN", stolen_rows()),
		("SCRAPPED", scrapped_rows()),
	]
}

#[test]
fn every_marketplace_call_has_rows_in_the_matrix() {
	assert_every_call_has_rows("DataMarketplace", Call::get_call_names(), &scenarios());
}

#[test]
fn on_the_base_chain_only_the_owner_sells_and_publishes_and_anyone_else_buys() {
	on_base(|| {
		run("BASE", base_rows());
		succeeds(Owner, create_listing());
		succeeds(Device, publish_batch());
		succeeds(Stranger, purchase(0));
		succeeds(Seller, Call::withdraw_listing { listing: 1 });
	});
}

#[test]
fn a_grant_is_its_buyers_to_renew_or_renounce() {
	on_base(|| {
		grant();
		run("GRANT", grant_rows());
		succeeds(Buyer, Call::renew_grant { listing: 0 });
		succeeds(Buyer, Call::renounce_grant { listing: 0 });
	});
}

#[test]
fn an_allow_list_admits_only_its_buyers() {
	on_base(|| {
		let only_bob = BoundedVec::truncate_from(vec![Buyer.id()]);
		assert_ok!(DataMarketplace::create_listing(
			Owner.signed(),
			V0,
			DataCategory::Diagnostics,
			UNIT,
			100,
			[4; 32],
			Some(only_bob)
		));
		run("ALLOW_LIST", allow_list_rows());
		succeeds(Buyer, purchase(1));
	});
}

#[test]
fn a_sale_closes_the_sellers_listings_and_ends_their_grants() {
	on_base(|| {
		sold();
		run("SOLD", sold_rows());
		// A void listing is anyone's to clean up.
		succeeds(Stranger, Call::withdraw_listing { listing: 0 });
	});
	on_base(|| {
		grant();
		sold();
		run("GRANT, SOLD", sold_after_grant_rows());
		succeeds(Stranger, Call::settle_grant { listing: 0, buyer: Buyer.id() });
	});
}

#[test]
fn a_stolen_vehicle_is_not_traded_but_its_data_still_comes_in() {
	on_base(|| {
		stolen();
		run("STOLEN", stolen_rows());
		succeeds(Device, publish_batch());
	});
}

#[test]
fn a_scrapped_vehicle_publishes_nothing() {
	on_base(|| {
		succeeds(Owner, crate::RuntimeCall::from(scrap()));
		run("SCRAPPED", scrapped_rows());
	});
}

fn scrap() -> pallet_vehicle_identity::Call<Runtime> {
	pallet_vehicle_identity::Call::scrap_vehicle { vehicle: V0 }
}
