//! The odometer history: device reports, other pallets' readings, the flagging rule and
//! cluster replacements.

use polkadot_sdk::frame_support::{assert_noop, assert_ok};
use v2x_primitives::{FlagReason, OdometerLog, OdometerSource, ReadingVerdict};

use super::*;
use crate::{
	odometer::{judge, DailyLimit},
	Error, Event, FlaggedReadings, OdometerReading, OdometerState, Odometers, RecentReadings,
	WeightInfo,
};

const ROLLBACK: ReadingVerdict = ReadingVerdict::Flagged(FlagReason::Rollback);
const JUMP: ReadingVerdict = ReadingVerdict::Flagged(FlagReason::ImplausibleJump);

fn verdicts() -> Vec<ReadingVerdict> {
	ServiceBook::odometer_readings(VEHICLE).into_iter().map(|r| r.verdict).collect()
}

#[test]
fn a_bound_device_reports_the_odometer() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(ServiceBook::report_odometer(signed(DEVICE), VEHICLE, 20_000));
		let state = Odometers::<Test>::get(VEHICLE).unwrap();
		assert_eq!((state.displayed_km, state.total_km, state.readings), (20_000, 20_000, 1));
		assert_eq!(
			RecentReadings::<Test>::get(VEHICLE, 0),
			Some(OdometerReading {
				seq: 0,
				km: 20_000,
				total_km: 20_000,
				source: OdometerSource::Device,
				verdict: ReadingVerdict::Consistent,
				new_cluster: false,
				at: 1,
			})
		);
		System::assert_last_event(
			Event::OdometerRecorded {
				vehicle: VEHICLE,
				km: 20_000,
				total_km: 20_000,
				source: OdometerSource::Device,
			}
			.into(),
		);
	});
}

#[test]
fn only_a_bound_device_reports() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			ServiceBook::report_odometer(signed(OWNER), VEHICLE, 20_000),
			Error::<Test>::NotDevice
		);
	});
}

#[test]
fn a_device_reports_only_for_its_own_vehicle() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			ServiceBook::report_odometer(signed(DEVICE), OTHER_VEHICLE, 20_000),
			Error::<Test>::NotDevice
		);
	});
}

#[test]
fn a_scrapped_vehicle_takes_no_readings() {
	ExtBuilder::ready().build_and_execute(|| {
		scrap(VEHICLE);
		assert_noop!(
			ServiceBook::report_odometer(signed(DEVICE), VEHICLE, 20_000),
			Error::<Test>::VehicleScrapped
		);
	});
}

#[test]
fn a_rollback_is_kept_flagged_counted_and_announced() {
	ExtBuilder::ready().build_and_execute(|| {
		report(20_000);
		assert_ok!(ServiceBook::report_odometer(signed(DEVICE), VEHICLE, 15_000));
		let state = Odometers::<Test>::get(VEHICLE).unwrap();
		assert_eq!((state.displayed_km, state.total_km, state.flags), (20_000, 20_000, 1));
		let evidence = FlaggedReadings::<Test>::get(VEHICLE, 0).unwrap();
		assert_eq!((evidence.seq, evidence.km, evidence.verdict), (1, 15_000, ROLLBACK));
		assert_eq!(verdicts(), vec![ReadingVerdict::Consistent, ROLLBACK]);
		System::assert_last_event(
			Event::OdometerFlagged {
				vehicle: VEHICLE,
				km: 15_000,
				source: OdometerSource::Device,
				reason: FlagReason::Rollback,
				last_accepted_km: 20_000,
				flags: 1,
			}
			.into(),
		);
	});
}

#[test]
fn a_jump_beyond_a_days_distance_is_flagged() {
	ExtBuilder::ready().build_and_execute(|| {
		report(20_000);
		run_to_block(5);
		report(20_000 + KM_PER_DAY + 1);
		assert_eq!(ServiceBook::current_odometer(VEHICLE), Some(20_000));
		assert_eq!(verdicts(), vec![ReadingVerdict::Consistent, JUMP]);
	});
}

#[test]
fn a_days_distance_is_allowed_within_the_same_block() {
	ExtBuilder::ready().build_and_execute(|| {
		report(20_000);
		report(20_000 + KM_PER_DAY);
		assert_eq!(ServiceBook::current_odometer(VEHICLE), Some(20_000 + KM_PER_DAY));
		assert_eq!(ServiceBook::flag_count(VEHICLE), 0);
	});
}

#[test]
fn frequent_readings_share_one_days_distance() {
	ExtBuilder::ready().build_and_execute(|| {
		report(20_000);
		for block in 2..=5 {
			run_to_block(block);
			report(20_000 + (block as Km - 1) * 300);
		}
		// 900 km in blocks 2 to 4; block 5 would make it 1 200 km within a day.
		assert_eq!(ServiceBook::current_odometer(VEHICLE), Some(20_900));
		assert_eq!(ServiceBook::flag_count(VEHICLE), 1);
	});
}

#[test]
fn the_allowance_grows_with_the_days_elapsed() {
	ExtBuilder::ready().build_and_execute(|| {
		report(20_000);
		run_to_block(1 + 3 * BLOCKS_PER_DAY);
		report(20_000 + 3 * KM_PER_DAY);
		assert_eq!(ServiceBook::current_odometer(VEHICLE), Some(20_000 + 3 * KM_PER_DAY));
		run_to_block(1 + 3 * BLOCKS_PER_DAY + 1);
		report(20_000 + 4 * KM_PER_DAY + 1);
		assert_eq!(ServiceBook::flag_count(VEHICLE), 1);
	});
}

#[test]
fn a_flagged_jump_leaves_the_last_accepted_reading_as_reference() {
	ExtBuilder::ready().build_and_execute(|| {
		report(20_000);
		report(900_000);
		report(20_500);
		assert_eq!(verdicts(), vec![ReadingVerdict::Consistent, JUMP, ReadingVerdict::Consistent]);
		assert_eq!(ServiceBook::current_odometer(VEHICLE), Some(20_500));
	});
}

#[test]
fn other_pallets_record_readings_through_the_odometer_log() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_eq!(
			<ServiceBook as OdometerLog>::record_reading(VEHICLE, 8_000, OdometerSource::Charger),
			Ok(ReadingVerdict::Consistent)
		);
		assert_eq!(
			<ServiceBook as OdometerLog>::record_reading(
				VEHICLE,
				7_000,
				OdometerSource::Inspection
			),
			Ok(ROLLBACK)
		);
		assert_eq!(<ServiceBook as OdometerLog>::current_km(VEHICLE), Some(8_000));
		let sources: Vec<_> =
			ServiceBook::odometer_readings(VEHICLE).into_iter().map(|r| r.source).collect();
		assert_eq!(sources, vec![OdometerSource::Charger, OdometerSource::Inspection]);
	});
}

#[test]
fn the_odometer_log_rejects_unknown_and_scrapped_vehicles() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_eq!(
			<ServiceBook as OdometerLog>::record_reading(
				UNKNOWN_VEHICLE,
				1,
				OdometerSource::Charger
			),
			Err(Error::<Test>::VehicleNotFound.into())
		);
		scrap(VEHICLE);
		assert_eq!(
			<ServiceBook as OdometerLog>::record_reading(VEHICLE, 1, OdometerSource::Charger),
			Err(Error::<Test>::VehicleScrapped.into())
		);
		assert_eq!(<ServiceBook as OdometerLog>::current_km(VEHICLE), None);
	});
}

#[test]
fn the_odometer_log_weight_is_the_benchmarked_one() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(
			<ServiceBook as OdometerLog>::record_weight(),
			<() as WeightInfo>::record_reading()
		);
	});
}

#[test]
fn a_cluster_replacement_counts_from_the_new_cluster_and_keeps_the_total() {
	ExtBuilder::ready().build_and_execute(|| {
		report(80_000);
		let kind = RecordKind::OdometerReplacement { old_km: 80_200, new_km: 0 };
		record(VEHICLE, 0, kind);
		let state = Odometers::<Test>::get(VEHICLE).unwrap();
		assert_eq!((state.displayed_km, state.total_km), (0, 80_200));
		System::assert_has_event(
			Event::ClusterReplaced {
				vehicle: VEHICLE,
				old_km: 80_200,
				new_km: 0,
				total_km: 80_200,
			}
			.into(),
		);
		report(150);
		assert_eq!(ServiceBook::current_odometer(VEHICLE), Some(80_350));
		let readings = ServiceBook::odometer_readings(VEHICLE);
		let shown: Vec<_> = readings.iter().map(|r| (r.km, r.total_km, r.new_cluster)).collect();
		assert_eq!(
			shown,
			vec![
				(80_000, 80_000, false),
				(80_200, 80_200, false),
				(0, 80_200, true),
				(150, 80_350, false)
			]
		);
		assert_eq!(ServiceBook::flag_count(VEHICLE), 0);
	});
}

#[test]
fn after_a_replacement_rollbacks_are_judged_against_the_new_cluster() {
	ExtBuilder::ready().build_and_execute(|| {
		report(80_000);
		record(VEHICLE, 0, RecordKind::OdometerReplacement { old_km: 80_000, new_km: 0 });
		report(500);
		report(400);
		assert_eq!(ServiceBook::flag_count(VEHICLE), 1);
		assert_eq!(ServiceBook::current_odometer(VEHICLE), Some(80_500));
	});
}

#[test]
fn a_replacement_with_a_rolled_back_old_reading_is_flagged_and_keeps_the_total() {
	ExtBuilder::ready().build_and_execute(|| {
		report(80_000);
		let id = record(VEHICLE, 0, RecordKind::OdometerReplacement { old_km: 30_000, new_km: 0 });
		assert_eq!(crate::Records::<Test>::get(id).unwrap().odometer_verdict, Some(ROLLBACK));
		assert_eq!(ServiceBook::flag_count(VEHICLE), 1);
		let state = Odometers::<Test>::get(VEHICLE).unwrap();
		assert_eq!((state.displayed_km, state.total_km), (0, 80_000));
	});
}

#[test]
fn the_recent_readings_window_keeps_the_last_readings() {
	ExtBuilder::ready().build_and_execute(|| {
		for i in 0..6 {
			report(20_000 + i * 10);
		}
		let kept: Vec<_> = ServiceBook::odometer_readings(VEHICLE).iter().map(|r| r.seq).collect();
		assert_eq!(kept, vec![2, 3, 4, 5]);
		assert_eq!(RecentReadings::<Test>::iter_prefix(VEHICLE).count(), MAX_RECENT as usize);
		assert_eq!(RecentReadings::<Test>::get(VEHICLE, 1).unwrap().seq, 5);
	});
}

#[test]
fn flagged_evidence_is_bounded_but_the_count_goes_on() {
	ExtBuilder::ready().build_and_execute(|| {
		report(20_000);
		for i in 0..5 {
			report(10_000 + i);
		}
		assert_eq!(ServiceBook::flag_count(VEHICLE), 5);
		assert_eq!(FlaggedReadings::<Test>::iter_prefix(VEHICLE).count(), MAX_FLAGGED as usize);
		let first = FlaggedReadings::<Test>::get(VEHICLE, 0).unwrap();
		assert_eq!(first.km, 10_000);
		System::assert_last_event(
			Event::OdometerFlagged {
				vehicle: VEHICLE,
				km: 10_004,
				source: OdometerSource::Device,
				reason: FlagReason::Rollback,
				last_accepted_km: 20_000,
				flags: 5,
			}
			.into(),
		);
	});
}

#[test]
fn a_reading_past_the_largest_distance_is_an_implausible_jump() {
	let state = OdometerState::<u64> {
		displayed_km: 10,
		total_km: Km::MAX - 5,
		..OdometerState::first(10, 1)
	};
	assert_eq!(judge(&state, 20, 1, None), Err(FlagReason::ImplausibleJump));
}

#[test]
fn genesis_history_flags_rollbacks_only() {
	let state = OdometerState::<u64>::first(10, 0);
	assert!(judge(&state, 1_000_000, 0, None).is_ok());
	assert_eq!(judge(&state, 5, 0, None), Err(FlagReason::Rollback));
	let limit = DailyLimit { max_km_per_day: 100, blocks_per_day: 10 };
	assert_eq!(judge(&state, 1_000_000, 0, Some(limit)), Err(FlagReason::ImplausibleJump));
}
