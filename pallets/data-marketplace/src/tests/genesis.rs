//! Genesis seeds listings for the vehicles' owners.

use super::*;
use crate::{Consent, Listings, VehicleConsent};

#[test]
fn genesis_seeds_a_listing_without_a_deposit() {
	ExtBuilder::ready().with_genesis_listing().build_and_execute(|| {
		let listing = Listings::<Test>::get(0).unwrap();
		assert_eq!((listing.seller, listing.price, listing.deposit), (OWNER, PRICE, 0));
		assert_eq!(Consent::<Test>::get(VEHICLE), VehicleConsent { epoch: 0, listings: 1 });
		assert_eq!(NextListingId::<Test>::get(), 1);
		buy(BUYER, 0);
	});
}

#[test]
#[should_panic(expected = "genesis listing for unknown vehicle 0")]
fn a_genesis_listing_needs_its_vehicle() {
	ExtBuilder::default().with_genesis_listing().build();
}

#[test]
fn the_genesis_config_reads_from_json() {
	let json = r#"{"listings":[{"vehicle":0,"category":"Diagnostics","price":1000,"duration":100,
		"termsHash":[7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7],
		"allowList":null}]}"#;
	let config: crate::GenesisConfig<Test> = serde_json::from_str(json).unwrap();
	assert_eq!(config.listings[0].terms_hash, [7; 32]);
	assert_eq!(config.listings[0].category, DataCategory::Diagnostics);
}
