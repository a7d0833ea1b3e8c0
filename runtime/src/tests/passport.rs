//! The vehicle passport on the dev chain: every section from its pallet, and a sale seen in
//! it (a past owner, the policy ended, the listing closed).

use super::{account, dev_chain, signed};
use crate::{
	passport::vehicle_passport, DataMarketplace, Runtime, UsageInsurance, VehicleIdentity, DAYS,
	UNIT,
};
use pallet_service_book::RecordKind;
use polkadot_sdk::{
	frame_support::{assert_ok, traits::Get},
	sp_keyring::Sr25519Keyring::{Alice, Bob, Dave, Eve, Ferdie},
};
use v2x_primitives::{
	FlagReason, Powertrain, ReadingVerdict, SaleEntry, VehicleRef, VehicleStatus, Vin,
};

const DEMO_VIN: Vin = Vin(*b"5YJ3E1EA5RF000001");

#[test]
fn the_demo_cars_passport_tells_its_story() {
	dev_chain(|| {
		let passport = vehicle_passport(VehicleRef::Vin(DEMO_VIN), None).unwrap();
		assert_eq!(passport.identity.id, 0);
		assert_eq!(passport.identity.manufacturer, account(Ferdie));
		assert_eq!(passport.identity.manufacturer_name, b"V2X Demo Motors".to_vec());
		assert_eq!(passport.identity.powertrain, Powertrain::Bev);
		assert_eq!(passport.identity.battery_capacity_wh, Some(75_000));
		assert_eq!(passport.status, VehicleStatus::Active);
		assert_eq!(passport.ownership.owner, account(Alice));
		assert_eq!(passport.ownership.past_owners, 0);

		let records: Vec<_> = passport
			.service_records
			.items
			.iter()
			.map(|(record, workshop)| (record.kind, workshop.as_slice()))
			.collect();
		assert_eq!(
			records,
			vec![
				(RecordKind::Inspection { passed: true }, &b"Demo Garage"[..]),
				(RecordKind::Maintenance, &b"Demo Garage"[..])
			]
		);
		assert_eq!((passport.service_records.total, passport.service_records.next), (2, None));

		assert_eq!(passport.odometer.displayed_km, Some(31_000));
		assert_eq!(passport.odometer.true_km, Some(31_000));
		assert_eq!(passport.odometer.flag_count, 1);
		let last = passport.odometer.readings.last().unwrap();
		assert_eq!(
			(last.km, last.verdict),
			(12_000, ReadingVerdict::Flagged(FlagReason::Rollback))
		);

		let (policy_id, policy, insurer) = passport.insurance.unwrap();
		assert_eq!((policy_id, &policy.insurer, policy.prepaid), (0, &account(Eve), 100 * UNIT));
		assert_eq!(insurer, b"V2X Mutual".to_vec());
		assert_eq!(passport.charging.sessions, 0);
		let listings: Vec<_> = passport.data_listings.iter().map(|l| (l.id, l.price)).collect();
		assert_eq!(listings, vec![(0, 5 * UNIT)]);
	});
}

#[test]
fn the_leased_car_shows_its_lease() {
	dev_chain(|| {
		let passport = vehicle_passport(VehicleRef::Id(5), None).unwrap();
		let lease = passport.leasing.unwrap();
		assert_eq!((lease.lease, lease.lessee), (0, account(Dave)));
		assert_eq!((lease.lessor, lease.holder.clone()), (account(Ferdie), account(Ferdie)));
		assert_eq!(passport.ownership.lien, Some(lease.holder));
		assert_eq!(lease.standing, v2x_primitives::LeaseStanding::Current);
		assert_eq!((lease.next_due, lease.end), (Some(30 * DAYS), 36 * 30 * DAYS));
		assert!(!lease.immobilisation_authorised);
		assert_eq!(vehicle_passport(VehicleRef::Id(0), None).unwrap().leasing, None);
	});
}

#[test]
fn the_passport_by_id_is_the_passport_by_vin_and_unknown_cars_have_none() {
	dev_chain(|| {
		assert_eq!(
			vehicle_passport(VehicleRef::Id(0), None),
			vehicle_passport(VehicleRef::Vin(DEMO_VIN), None)
		);
		assert_eq!(vehicle_passport(VehicleRef::Id(6), None), None);
		assert_eq!(vehicle_passport(VehicleRef::Vin(Vin(*b"1HGCM82633A004352")), None), None);
	});
}

#[test]
fn a_sale_shows_in_the_passport_with_the_policy_and_listing_ended() {
	dev_chain(|| {
		assert_ok!(VehicleIdentity::offer_sale(signed(Alice), 0, account(Bob), Some(UNIT), 20));
		let offered = vehicle_passport(VehicleRef::Id(0), None).unwrap();
		assert_eq!(offered.ownership.open_offer.map(|offer| offer.price), Some(Some(UNIT)));

		assert_ok!(VehicleIdentity::accept_offer(signed(Bob), 0, UNIT));
		let sold = vehicle_passport(VehicleRef::Id(0), None).unwrap();
		assert_eq!(sold.ownership.owner, account(Bob));
		assert_eq!(sold.ownership.past_owners, 1);
		assert_eq!(
			sold.ownership.recent_sales,
			vec![SaleEntry {
				seller: account(Alice),
				buyer: account(Bob),
				price: Some(UNIT),
				at: 1
			}]
		);
		assert_eq!(sold.ownership.open_offer, None);
		assert_eq!(sold.insurance, None);
		assert_eq!(UsageInsurance::active_policy(0), None);
		assert!(sold.data_listings.is_empty());
		assert!(!DataMarketplace::listings(0, 0, 10).is_empty());
	});
}

#[test]
fn one_page_holds_every_listing_of_a_vehicle() {
	use pallet_data_marketplace::Config;
	let per_vehicle: u32 = <<Runtime as Config>::MaxListingsPerVehicle as Get<u32>>::get();
	assert!(per_vehicle <= <<Runtime as Config>::MaxPageSize as Get<u32>>::get());
}
