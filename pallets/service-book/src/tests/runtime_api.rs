//! The queries behind the `ServiceBookApi` runtime API.

use v2x_primitives::{FlagReason, ReadingVerdict};

use super::*;

#[test]
fn records_come_in_pages() {
	ExtBuilder::ready().build_and_execute(|| {
		for km in [1_000, 2_000, 3_000] {
			record(VEHICLE, km, RecordKind::Maintenance);
		}
		let page: Vec<_> =
			ServiceBook::records(VEHICLE, 1, 10).into_iter().map(|r| r.odometer_km).collect();
		assert_eq!(page, vec![2_000, 3_000]);
		let first = ServiceBook::records(VEHICLE, 0, 1);
		assert_eq!(first.len(), 1);
		assert_eq!(first[0].id, 0);
		assert_eq!(first[0].workshop, WORKSHOP);
		assert_eq!(first[0].document_uri, b"ipfs://doc".to_vec());
		assert!(ServiceBook::records(VEHICLE, 3, 10).is_empty());
		assert_eq!(ServiceBook::record_count(VEHICLE), 3);
	});
}

#[test]
fn a_page_holds_at_most_the_page_size() {
	ExtBuilder::ready().build_and_execute(|| {
		for km in 0..(MAX_PAGE + 2) {
			record(VEHICLE, 1_000 + km, RecordKind::Maintenance);
		}
		assert_eq!(ServiceBook::records(VEHICLE, 0, u32::MAX).len(), MAX_PAGE as usize);
	});
}

#[test]
fn old_flagged_readings_stay_in_the_history() {
	ExtBuilder::ready().build_and_execute(|| {
		report(20_000);
		report(19_000);
		for i in 1..=MAX_RECENT {
			report(20_000 + i);
		}
		let history: Vec<_> = ServiceBook::odometer_readings(VEHICLE)
			.into_iter()
			.map(|r| (r.seq, r.verdict))
			.collect();
		assert_eq!(
			history,
			vec![
				(1, ReadingVerdict::Flagged(FlagReason::Rollback)),
				(2, ReadingVerdict::Consistent),
				(3, ReadingVerdict::Consistent),
				(4, ReadingVerdict::Consistent),
				(5, ReadingVerdict::Consistent),
			]
		);
	});
}

#[test]
fn a_vehicle_without_history_has_empty_answers() {
	ExtBuilder::ready().build_and_execute(|| {
		assert!(ServiceBook::records(VEHICLE, 0, 10).is_empty());
		assert!(ServiceBook::odometer_readings(VEHICLE).is_empty());
		assert_eq!(ServiceBook::current_odometer(VEHICLE), None);
		assert_eq!(ServiceBook::flag_count(VEHICLE), 0);
		assert_eq!(ServiceBook::record_count(VEHICLE), 0);
	});
}

#[test]
fn the_passport_pages_records_newest_first() {
	ExtBuilder::ready().build_and_execute(|| {
		let total = v2x_primitives::PASSPORT_RECORDS_PER_PAGE + 3;
		for km in 0..total {
			record(VEHICLE, 1_000 + km, RecordKind::Maintenance);
		}
		let first = ServiceBook::passport_records(VEHICLE, None);
		assert_eq!(first.total, total);
		assert_eq!(first.items.len(), v2x_primitives::PASSPORT_RECORDS_PER_PAGE as usize);
		assert_eq!(first.items.first().map(|r| r.odometer_km), Some(1_000 + total - 1));
		assert_eq!(first.next, Some(2));
		let last = ServiceBook::passport_records(VEHICLE, first.next);
		let km: Vec<_> = last.items.iter().map(|r| r.odometer_km).collect();
		assert_eq!((km, last.next), (vec![1_002, 1_001, 1_000], None));
		assert_eq!(ServiceBook::passport_records(VEHICLE + 1, None).items, vec![]);
	});
}

#[test]
fn the_passport_odometer_shows_both_distances_and_the_flagged_reading() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_eq!(ServiceBook::passport_odometer(VEHICLE).true_km, None);
		report(20_000);
		report(19_000);
		let odometer = ServiceBook::passport_odometer(VEHICLE);
		assert_eq!((odometer.displayed_km, odometer.true_km), (Some(20_000), Some(20_000)));
		assert_eq!(odometer.flag_count, 1);
		let verdicts: Vec<_> = odometer.readings.iter().map(|r| (r.km, r.verdict)).collect();
		assert_eq!(
			verdicts,
			vec![
				(20_000, ReadingVerdict::Consistent),
				(19_000, ReadingVerdict::Flagged(FlagReason::Rollback))
			]
		);
	});
}
