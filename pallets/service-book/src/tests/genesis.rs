//! The genesis config seeds workshops, authorisations, records and readings.

use v2x_primitives::{FlagReason, OdometerSource, ReadingVerdict};

use super::*;
use crate::{BrandAuthorisations, Records, WorkshopStatus, Workshops};

fn seeded() -> ExtBuilder {
	ExtBuilder::default()
		.with_vehicles()
		.with_workshop(WORKSHOP)
		.with_authorisation(MANUFACTURER, WORKSHOP)
		.with_record((
			VEHICLE,
			WORKSHOP,
			15_000,
			RecordKind::Maintenance,
			[1; 32],
			b"ipfs://a".to_vec(),
		))
		.with_record((VEHICLE, WORKSHOP, 30_000, RecordKind::Tyres, [2; 32], b"ipfs://b".to_vec()))
		.with_reading(VEHICLE, 31_000)
		.with_reading(VEHICLE, 12_000)
}

#[test]
fn genesis_approves_workshops_and_brand_authorisations() {
	seeded().build_and_execute(|| {
		let workshop = Workshops::<Test>::get(WORKSHOP).unwrap();
		assert_eq!(workshop.name, name(b"Garage"));
		assert_eq!(workshop.certifications, certifications(&[b"ISO 9001"]));
		assert_eq!(workshop.status, WorkshopStatus::Active);
		assert_eq!(BrandAuthorisations::<Test>::get(MANUFACTURER, WORKSHOP).unwrap().deposit, 0);
	});
}

#[test]
fn genesis_seeds_records_without_deposits() {
	seeded().build_and_execute(|| {
		assert_eq!(ServiceBook::record_count(VEHICLE), 2);
		let first = Records::<Test>::get(0).unwrap();
		assert_eq!(
			(first.odometer_km, first.kind, first.deposit),
			(15_000, RecordKind::Maintenance, 0)
		);
		assert!(first.brand_authorised);
		assert_eq!((first.recorded_at, first.timestamp), (0, 0));
		assert_eq!(held(HoldReason::ServiceRecord, WORKSHOP), 0);
	});
}

#[test]
fn genesis_seeds_the_odometer_with_a_flagged_rollback() {
	seeded().build_and_execute(|| {
		let readings: Vec<_> = ServiceBook::odometer_readings(VEHICLE)
			.into_iter()
			.map(|r| (r.km, r.source, r.verdict))
			.collect();
		assert_eq!(
			readings,
			vec![
				(15_000, OdometerSource::Workshop, ReadingVerdict::Consistent),
				(30_000, OdometerSource::Workshop, ReadingVerdict::Consistent),
				(31_000, OdometerSource::Device, ReadingVerdict::Consistent),
				(12_000, OdometerSource::Device, ReadingVerdict::Flagged(FlagReason::Rollback)),
			]
		);
		assert_eq!(ServiceBook::current_odometer(VEHICLE), Some(31_000));
		assert_eq!(ServiceBook::flag_count(VEHICLE), 1);
	});
}

#[test]
fn genesis_seeds_a_cluster_replacement() {
	let replacement = RecordKind::OdometerReplacement { old_km: 20_000, new_km: 0 };
	ExtBuilder::ready()
		.with_record((VEHICLE, WORKSHOP, 15_000, RecordKind::Maintenance, [1; 32], Vec::new()))
		.with_record((VEHICLE, WORKSHOP, 0, replacement, [2; 32], Vec::new()))
		.with_reading(VEHICLE, 500)
		.build_and_execute(|| {
			let state = ServiceBook::odometer_state(VEHICLE).unwrap();
			assert_eq!((state.displayed_km, state.total_km), (500, 20_500));
			assert_eq!(ServiceBook::flag_count(VEHICLE), 0);
		});
}

#[test]
#[should_panic(expected = "invalid genesis record")]
fn genesis_records_need_a_known_vehicle() {
	ExtBuilder::ready()
		.with_record((UNKNOWN_VEHICLE, WORKSHOP, 1, RecordKind::Repair, [0; 32], Vec::new()))
		.build();
}

#[test]
#[should_panic(expected = "invalid genesis record")]
fn genesis_records_need_an_approved_workshop() {
	ExtBuilder::ready()
		.with_record((VEHICLE, OTHER_WORKSHOP, 1, RecordKind::Repair, [0; 32], Vec::new()))
		.build();
}

#[test]
#[should_panic(expected = "invalid genesis reading")]
fn genesis_readings_need_a_known_vehicle() {
	ExtBuilder::ready().with_reading(UNKNOWN_VEHICLE, 1).build();
}
