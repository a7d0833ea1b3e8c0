//! The odometer history: device reports, other pallets' readings, the flagging rule and
//! cluster replacements.

use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok, dispatch::GetDispatchInfo},
	sp_runtime::DispatchResult,
};
use v2x_primitives::{FlagReason, OdometerLog, OdometerSource, ReadingVerdict};

use super::*;
use crate::{
	odometer::{flag_slot, judge, DailyLimit, ReadingTime, CREDIT_PER_KM},
	Error, Event, FlaggedReadings, OdometerReading, OdometerState, Odometers, WeightInfo,
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
		let state = ServiceBook::odometer_state(VEHICLE).unwrap();
		assert_eq!((state.displayed_km, state.total_km, state.readings), (20_000, 20_000, 1));
		assert_eq!(
			Odometers::<Test>::get(VEHICLE).map(|history| history.recent.into_inner()),
			Some(vec![OdometerReading {
				seq: 0,
				km: 20_000,
				total_km: 20_000,
				source: OdometerSource::Device,
				verdict: ReadingVerdict::Consistent,
				new_cluster: false,
				at: 1,
			}])
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

// Scrapping unbinds the vehicle's devices, so the report stops at the binding: the call does
// not read the vehicle's status.
#[test]
fn a_scrapped_vehicle_takes_no_device_readings() {
	ExtBuilder::ready().build_and_execute(|| {
		scrap(VEHICLE);
		assert_noop!(
			ServiceBook::report_odometer(signed(DEVICE), VEHICLE, 20_000),
			Error::<Test>::NotDevice
		);
	});
}

#[test]
fn a_consistent_report_is_refunded_the_evidence_write() {
	ExtBuilder::ready().build_and_execute(|| {
		let call = crate::Call::<Test>::report_odometer { vehicle: VEHICLE, km: 20_000 };
		let declared = call.get_dispatch_info().call_weight;
		let flagged = <Test as crate::Config>::WeightInfo::report_odometer_flagged();
		let consistent = <Test as crate::Config>::WeightInfo::report_odometer();
		assert_eq!(declared, flagged.max(consistent));
		assert!(consistent.all_lte(flagged) && consistent.ref_time() < flagged.ref_time());

		let post = ServiceBook::report_odometer(signed(DEVICE), VEHICLE, 20_000).unwrap();
		assert_eq!(post.actual_weight, Some(consistent));
		assert_eq!(ServiceBook::flag_count(VEHICLE), 0);
	});
}

#[test]
fn a_flagged_report_pays_its_whole_weight() {
	ExtBuilder::ready().build_and_execute(|| {
		report(20_000);
		let call = crate::Call::<Test>::report_odometer { vehicle: VEHICLE, km: 15_000 };
		let declared = call.get_dispatch_info().call_weight;

		let post = ServiceBook::report_odometer(signed(DEVICE), VEHICLE, 15_000).unwrap();
		assert_eq!(post.actual_weight, Some(declared));
		assert_eq!(ServiceBook::flag_count(VEHICLE), 1);
	});
}

#[test]
fn a_rollback_is_kept_flagged_counted_and_announced() {
	ExtBuilder::ready().build_and_execute(|| {
		report(20_000);
		assert_ok!(ServiceBook::report_odometer(signed(DEVICE), VEHICLE, 15_000));
		let state = ServiceBook::odometer_state(VEHICLE).unwrap();
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
fn readings_days_apart_may_differ_by_a_days_distance_for_each_day() {
	ExtBuilder::ready().build_and_execute(|| {
		report(20_000);
		run_to_block(1 + 3 * DAY);
		report(20_000 + 3 * KM_PER_DAY);
		assert_eq!(ServiceBook::current_odometer(VEHICLE), Some(20_000 + 3 * KM_PER_DAY));
		// The three days' credit is used up: one block later even one more km is too much.
		run_to_block(2 + 3 * DAY);
		report(20_000 + 3 * KM_PER_DAY + 1);
		assert_eq!(verdicts(), vec![ReadingVerdict::Consistent, ReadingVerdict::Consistent, JUMP]);
	});
}

#[test]
fn a_vehicle_read_once_a_year_adds_the_years_distance() {
	ExtBuilder::ready().build_and_execute(|| {
		report(10_000);
		run_to_block(1 + 365 * DAY);
		report(25_000);
		assert_eq!(ServiceBook::current_odometer(VEHICLE), Some(25_000));
		assert_eq!(ServiceBook::flag_count(VEHICLE), 0);
		// What the year earned beyond the reading is kept only up to one day's distance.
		let state = ServiceBook::odometer_state(VEHICLE).unwrap();
		assert_eq!(state.credit, u64::from(KM_PER_DAY) * CREDIT_PER_KM);
	});
}

#[test]
fn the_limit_holds_to_the_block_at_one_day() {
	ExtBuilder::ready().build_and_execute(|| {
		report(20_000);
		// A day's distance at once uses up the credit.
		report(20_000 + KM_PER_DAY);
		run_to_block(1 + DAY - 1);
		report(20_000 + 2 * KM_PER_DAY);
		assert_eq!(ServiceBook::current_odometer(VEHICLE), Some(20_000 + KM_PER_DAY));
		run_to_block(1 + DAY);
		report(20_000 + 2 * KM_PER_DAY);
		assert_eq!(ServiceBook::current_odometer(VEHICLE), Some(20_000 + 2 * KM_PER_DAY));
		assert_eq!(
			verdicts(),
			vec![
				ReadingVerdict::Consistent,
				ReadingVerdict::Consistent,
				JUMP,
				ReadingVerdict::Consistent
			]
		);
	});
}

#[test]
fn two_readings_a_block_apart_never_add_two_days_distance() {
	ExtBuilder::ready().build_and_execute(|| {
		report(20_000);
		run_to_block(DAY);
		report(20_000 + KM_PER_DAY);
		run_to_block(DAY + 1);
		report(20_000 + 2 * KM_PER_DAY);
		assert_eq!(ServiceBook::current_odometer(VEHICLE), Some(20_000 + KM_PER_DAY));
		assert_eq!(verdicts(), vec![ReadingVerdict::Consistent, ReadingVerdict::Consistent, JUMP]);
	});
}

#[test]
fn a_chain_that_stalls_for_a_day_does_not_flag_the_days_distance() {
	ExtBuilder::ready().build_and_execute(|| {
		report(20_000);
		report(20_000 + KM_PER_DAY);
		stall(DAY * BLOCK_MS);
		run_to_block(2);
		report(20_000 + 2 * KM_PER_DAY);
		assert_eq!(ServiceBook::current_odometer(VEHICLE), Some(20_000 + 2 * KM_PER_DAY));
		assert_eq!(ServiceBook::flag_count(VEHICLE), 0);
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
		let state = ServiceBook::odometer_state(VEHICLE).unwrap();
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

/// `WORKSHOP` tries to record a cluster replacement under a fresh order.
fn replace(old_km: Km, new_km: Km) -> DispatchResult {
	ServiceBook::add_record(
		signed(WORKSHOP),
		VEHICLE,
		new_km,
		RecordKind::OdometerReplacement { old_km, new_km },
		[1; 32],
		uri(b"ipfs://doc"),
	)
}

#[test]
fn a_replacement_cannot_hide_a_rolled_back_old_reading() {
	ExtBuilder::ready().build_and_execute(|| {
		report(80_000);
		open_order(VEHICLE, WORKSHOP);
		assert_noop!(replace(30_000, 0), Error::<Test>::ReplacementReadingFlagged);
	});
}

#[test]
fn a_replacement_cannot_hide_an_implausible_old_reading() {
	ExtBuilder::ready().build_and_execute(|| {
		report(80_000);
		open_order(VEHICLE, WORKSHOP);
		assert_noop!(replace(80_000 + KM_PER_DAY + 1, 0), Error::<Test>::ReplacementReadingFlagged);
	});
}

#[test]
fn a_new_cluster_starts_low() {
	ExtBuilder::ready().build_and_execute(|| {
		report(80_000);
		open_order(VEHICLE, WORKSHOP);
		assert_noop!(replace(80_000, MAX_NEW_CLUSTER_KM + 1), Error::<Test>::ImplausibleNewCluster);
		assert_noop!(replace(80_000, Km::MAX), Error::<Test>::ImplausibleNewCluster);
		assert_ok!(replace(80_000, MAX_NEW_CLUSTER_KM));
		assert_eq!(ServiceBook::odometer_state(VEHICLE).unwrap().displayed_km, MAX_NEW_CLUSTER_KM);
	});
}

#[test]
fn a_replacement_can_be_the_very_first_reading_with_a_non_zero_new_cluster() {
	ExtBuilder::ready().build_and_execute(|| {
		record(VEHICLE, 12, RecordKind::OdometerReplacement { old_km: 50_000, new_km: 12 });
		let state = ServiceBook::odometer_state(VEHICLE).unwrap();
		assert_eq!((state.displayed_km, state.total_km, state.readings), (12, 50_000, 2));
		let shown: Vec<_> = ServiceBook::odometer_readings(VEHICLE)
			.iter()
			.map(|r| (r.km, r.total_km, r.new_cluster, r.verdict))
			.collect();
		assert_eq!(
			shown,
			vec![
				(50_000, 50_000, false, ReadingVerdict::Consistent),
				(12, 50_000, true, ReadingVerdict::Consistent)
			]
		);
		report(40);
		assert_eq!(ServiceBook::current_odometer(VEHICLE), Some(50_028));
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
		// In ring order: reading `seq` at position `seq % MAX_RECENT`.
		let ring: Vec<_> =
			Odometers::<Test>::get(VEHICLE).unwrap().recent.iter().map(|r| r.seq).collect();
		assert_eq!(ring, vec![4, 5, 2, 3]);
	});
}

#[test]
fn flagged_evidence_keeps_the_first_and_the_latest_and_the_count_goes_on() {
	ExtBuilder::ready().build_and_execute(|| {
		report(20_000);
		for i in 0..8 {
			report(10_000 + i);
		}
		assert_eq!(ServiceBook::flag_count(VEHICLE), 8);
		let mut kept: Vec<_> =
			FlaggedReadings::<Test>::iter_prefix_values(VEHICLE).map(|r| r.km).collect();
		kept.sort();
		// The first three for good, the latest three in the ring.
		assert_eq!(kept, vec![10_000, 10_001, 10_002, 10_005, 10_006, 10_007]);
		// The history adds the flagged readings still in the recent window (10 004 on).
		let in_history: Vec<_> = ServiceBook::odometer_readings(VEHICLE)
			.into_iter()
			.filter(|r| r.verdict == ROLLBACK)
			.map(|r| r.km)
			.collect();
		assert_eq!(in_history, vec![10_000, 10_001, 10_002, 10_004, 10_005, 10_006, 10_007]);
		System::assert_last_event(
			Event::OdometerFlagged {
				vehicle: VEHICLE,
				km: 10_007,
				source: OdometerSource::Device,
				reason: FlagReason::Rollback,
				last_accepted_km: 20_000,
				flags: 8,
			}
			.into(),
		);
	});
}

#[test]
fn consistent_reports_do_not_flush_the_latest_flags() {
	ExtBuilder::ready().build_and_execute(|| {
		report(20_000);
		for i in 0..(MAX_FLAGGED + 2) {
			report(10_000 + i);
		}
		for i in 0..(2 * MAX_RECENT) {
			report(20_001 + i);
		}
		let flagged: Vec<_> = ServiceBook::odometer_readings(VEHICLE)
			.into_iter()
			.filter(|r| r.verdict == ROLLBACK)
			.map(|r| r.km)
			.collect();
		assert_eq!(flagged, vec![10_000, 10_001, 10_002, 10_003, 10_004]);
	});
}

#[test]
fn flag_slots_keep_the_first_and_ring_the_latest() {
	let slots: Vec<_> = (0..8).map(|n| flag_slot(n, 3)).collect();
	assert_eq!(slots, [0, 1, 2, 3, 4, 5, 3, 4].map(Some).to_vec());
	assert_eq!(flag_slot(0, 0), None);
}

const LIMIT: DailyLimit = DailyLimit { max_km_per_day: 100 };
const AT_START: ReadingTime<u64> = ReadingTime { block: 1, ms: 0 };

#[test]
fn a_reading_past_the_largest_distance_is_an_implausible_jump() {
	let state = OdometerState::<u64> {
		displayed_km: 10,
		total_km: Km::MAX - 5,
		..OdometerState::first(10, AT_START, LIMIT)
	};
	assert_eq!(judge(&state, 20, AT_START, None), Err(FlagReason::ImplausibleJump));
}

#[test]
fn genesis_history_flags_rollbacks_only() {
	let state = OdometerState::<u64>::first(10, AT_START, LIMIT);
	assert_eq!(judge(&state, 1_000_000, AT_START, None).map(|s| s.total_km), Ok(1_000_000));
	assert_eq!(judge(&state, 5, AT_START, None), Err(FlagReason::Rollback));
	assert_eq!(judge(&state, 1_000_000, AT_START, Some(LIMIT)), Err(FlagReason::ImplausibleJump));
}

#[test]
fn credit_is_counted_to_the_millisecond() {
	let state = OdometerState::<u64> { credit: 0, ..OdometerState::first(10, AT_START, LIMIT) };
	// 100 km a day: one km takes 864 000 ms.
	let just_short = ReadingTime { block: 2, ms: 863_999 };
	assert_eq!(judge(&state, 11, just_short, Some(LIMIT)), Err(FlagReason::ImplausibleJump));
	let accepted = judge(&state, 11, ReadingTime { block: 2, ms: 864_000 }, Some(LIMIT));
	assert_eq!(accepted.map(|s| (s.total_km, s.credit, s.credited_at_ms)), Ok((11, 0, 864_000)));
	assert_eq!(CREDIT_PER_KM, 86_400_000);
}
