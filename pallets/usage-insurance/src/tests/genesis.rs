//! The genesis config seeds insurers, products and policies through the calls' logic.

use super::*;
use crate::{DueAt, Products};

#[test]
fn genesis_seeds_insurers_products_and_policies() {
	ExtBuilder::ready().with_policy(OWNER, VEHICLE, 500).build_and_execute(|| {
		assert_eq!(insurer().name, name(b"Insurer"));
		assert_eq!(pool(), POOL);
		assert_eq!(Products::<Test>::get(0).unwrap().terms, TERMS);
		assert_eq!(held(HoldReason::Product, INSURER), PRODUCT_DEPOSIT);
		let seeded = policy(0);
		assert_eq!((seeded.holder, seeded.vehicle, seeded.prepaid), (OWNER, VEHICLE, 500));
		// Sold in block 0: the first period is blocks 0 to 9.
		assert_eq!((seeded.period_start, seeded.period_end), (0, 9));
		assert!(DueAt::<Test>::contains_key(10, 0));
		assert_eq!(held(HoldReason::Prepayment, OWNER), 500);
		assert_eq!(held(HoldReason::Policy, OWNER), POLICY_DEPOSIT);
		assert_eq!(insurer().exposure, TERMS.max_cover);
	});
}

#[test]
#[should_panic(expected = "invalid genesis policy for vehicle 404")]
fn a_genesis_policy_on_an_unknown_vehicle_stops_the_chain() {
	ExtBuilder::ready().with_policy(OWNER, UNKNOWN_VEHICLE, 500).build();
}

#[test]
#[should_panic(expected = "invalid genesis product 0")]
fn a_genesis_product_of_no_insurer_stops_the_chain() {
	ExtBuilder::default().with_product(STRANGER, TERMS).build();
}

#[test]
#[should_panic(expected = "genesis insurer name too long")]
fn a_genesis_insurer_name_too_long_stops_the_chain() {
	ExtBuilder::default().with_named_insurer(INSURER, &[b'n'; 17]).build();
}

#[test]
fn the_genesis_config_goes_through_json() {
	let mut config = crate::GenesisConfig::<Test>::default();
	config.insurers.push((INSURER, b"Insurer".to_vec(), POOL));
	config.products.push((INSURER, TERMS));
	config.policies.push((OWNER, VEHICLE, 0, 500));
	let json = serde_json::to_string(&config).unwrap();
	assert!(json.contains("\"base_premium\":100"));
	let back: crate::GenesisConfig<Test> = serde_json::from_str(&json).unwrap();
	assert_eq!(back.products, config.products);
	assert_eq!(back.insurers, config.insurers);
	assert_eq!(back.policies, config.policies);
}
