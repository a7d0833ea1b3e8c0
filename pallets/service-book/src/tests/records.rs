//! Service records: added under a work order, corrected by new records.

use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok, traits::fungible::Mutate},
	sp_runtime::DispatchResult,
};
use v2x_primitives::{FlagReason, OdometerSource, ReadingVerdict};

use super::*;
use crate::{Error, Event, RecordCount, Records, ServiceRecord, VehicleRecords, WorkOrders};

const MAINTENANCE: RecordKind = RecordKind::Maintenance;

#[test]
fn a_workshop_adds_a_record_under_its_work_order() {
	ExtBuilder::ready().build_and_execute(|| {
		open_order(VEHICLE, WORKSHOP);
		run_to_block(3);
		assert_ok!(ServiceBook::add_record(
			signed(WORKSHOP),
			VEHICLE,
			12_000,
			MAINTENANCE,
			[9; 32],
			uri(b"ipfs://invoice")
		));
		assert_eq!(
			Records::<Test>::get(0),
			Some(ServiceRecord {
				vehicle: VEHICLE,
				workshop: WORKSHOP,
				odometer_km: 12_000,
				kind: MAINTENANCE,
				document_hash: [9; 32],
				document_uri: uri(b"ipfs://invoice"),
				corrects: None,
				brand_authorised: false,
				odometer_verdict: Some(ReadingVerdict::Consistent),
				recorded_at: 3,
				timestamp: GENESIS_MS + 3 * 6_000,
				deposit: RECORD_DEPOSIT,
			})
		);
		assert_eq!(ServiceBook::odometer_state(VEHICLE).unwrap().total_km, 12_000);
		System::assert_has_event(
			Event::OdometerRecorded {
				vehicle: VEHICLE,
				km: 12_000,
				total_km: 12_000,
				source: OdometerSource::Workshop,
			}
			.into(),
		);
		System::assert_last_event(
			Event::RecordAdded {
				record: 0,
				vehicle: VEHICLE,
				workshop: WORKSHOP,
				kind: MAINTENANCE,
				odometer_km: 12_000,
			}
			.into(),
		);
	});
}

#[test]
fn adding_a_record_closes_the_work_order_and_moves_the_deposits() {
	ExtBuilder::ready().build_and_execute(|| {
		record(VEHICLE, 12_000, MAINTENANCE);
		assert!(!WorkOrders::<Test>::contains_key(VEHICLE, WORKSHOP));
		assert_eq!(held(HoldReason::WorkOrder, OWNER), 0);
		assert_eq!(Balances::free_balance(OWNER), BALANCE);
		assert_eq!(held(HoldReason::ServiceRecord, WORKSHOP), RECORD_DEPOSIT);
		assert_noop!(
			ServiceBook::add_record(
				signed(WORKSHOP),
				VEHICLE,
				12_100,
				MAINTENANCE,
				[1; 32],
				uri(b"")
			),
			Error::<Test>::NoWorkOrder
		);
	});
}

#[test]
fn records_are_indexed_on_their_vehicle_in_order() {
	ExtBuilder::ready().build_and_execute(|| {
		let first = record(VEHICLE, 10_000, MAINTENANCE);
		let other = record(OTHER_VEHICLE, 5_000, RecordKind::Tyres);
		let second = record(VEHICLE, 10_500, RecordKind::Repair);
		assert_eq!((first, other, second), (0, 1, 2));
		assert_eq!(RecordCount::<Test>::get(VEHICLE), 2);
		assert_eq!(VehicleRecords::<Test>::get(VEHICLE, 0), Some(first));
		assert_eq!(VehicleRecords::<Test>::get(VEHICLE, 1), Some(second));
		assert_eq!(VehicleRecords::<Test>::get(OTHER_VEHICLE, 0), Some(other));
	});
}

#[test]
fn every_kind_of_work_can_be_recorded() {
	ExtBuilder::ready().build_and_execute(|| {
		let kinds = [
			RecordKind::Maintenance,
			RecordKind::Repair,
			RecordKind::Inspection { passed: true },
			RecordKind::Inspection { passed: false },
			RecordKind::RecallWork,
			RecordKind::Tyres,
			RecordKind::BatteryHealth { state_of_health: 100 },
		];
		for (i, kind) in kinds.into_iter().enumerate() {
			let id = record(VEHICLE, 1_000 + i as Km, kind);
			assert_eq!(Records::<Test>::get(id).unwrap().kind, kind);
		}
		assert_eq!(RecordCount::<Test>::get(VEHICLE), 7);
	});
}

#[test]
fn an_inspection_reads_the_odometer_as_an_inspection() {
	ExtBuilder::ready().build_and_execute(|| {
		record(VEHICLE, 30_000, RecordKind::Inspection { passed: false });
		System::assert_has_event(
			Event::OdometerRecorded {
				vehicle: VEHICLE,
				km: 30_000,
				total_km: 30_000,
				source: OdometerSource::Inspection,
			}
			.into(),
		);
	});
}

#[test]
fn a_record_says_whether_its_workshop_was_authorised_for_the_brand() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(ServiceBook::authorise_workshop(signed(MANUFACTURER), WORKSHOP));
		let authorised = record(VEHICLE, 1_000, MAINTENANCE);
		let other_brand = record(OTHER_VEHICLE, 1_000, MAINTENANCE);
		assert!(Records::<Test>::get(authorised).unwrap().brand_authorised);
		assert!(!Records::<Test>::get(other_brand).unwrap().brand_authorised);
	});
}

#[test]
fn a_record_with_a_rollback_is_kept_and_its_reading_flagged() {
	ExtBuilder::ready().build_and_execute(|| {
		report(50_000);
		let id = record(VEHICLE, 20_000, MAINTENANCE);
		assert_eq!(
			Records::<Test>::get(id).unwrap().odometer_verdict,
			Some(ReadingVerdict::Flagged(FlagReason::Rollback))
		);
		assert_eq!(ServiceBook::flag_count(VEHICLE), 1);
		assert_eq!(ServiceBook::current_odometer(VEHICLE), Some(50_000));
	});
}

#[test]
fn only_approved_workshops_add_records() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			ServiceBook::add_record(
				signed(STRANGER),
				VEHICLE,
				1_000,
				MAINTENANCE,
				[1; 32],
				uri(b"")
			),
			Error::<Test>::WorkshopNotFound
		);
	});
}

#[test]
fn a_suspended_workshop_adds_no_records() {
	ExtBuilder::ready().build_and_execute(|| {
		open_order(VEHICLE, WORKSHOP);
		assert_ok!(ServiceBook::suspend_workshop(RuntimeOrigin::root(), WORKSHOP));
		assert_noop!(
			ServiceBook::add_record(
				signed(WORKSHOP),
				VEHICLE,
				1_000,
				MAINTENANCE,
				[1; 32],
				uri(b"")
			),
			Error::<Test>::WorkshopSuspended
		);
	});
}

#[test]
fn a_record_needs_an_open_work_order() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			ServiceBook::add_record(
				signed(WORKSHOP),
				VEHICLE,
				1_000,
				MAINTENANCE,
				[1; 32],
				uri(b"")
			),
			Error::<Test>::NoWorkOrder
		);
	});
}

#[test]
fn an_expired_work_order_admits_no_record() {
	ExtBuilder::ready().build_and_execute(|| {
		open_order(VEHICLE, WORKSHOP);
		run_to_block(soon() + 1);
		assert_noop!(
			ServiceBook::add_record(
				signed(WORKSHOP),
				VEHICLE,
				1_000,
				MAINTENANCE,
				[1; 32],
				uri(b"")
			),
			Error::<Test>::WorkOrderExpired
		);
	});
}

#[test]
fn records_need_a_known_vehicle() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			ServiceBook::add_record(
				signed(WORKSHOP),
				UNKNOWN_VEHICLE,
				1_000,
				MAINTENANCE,
				[1; 32],
				uri(b"")
			),
			Error::<Test>::VehicleNotFound
		);
	});
}

#[test]
fn a_scrapped_vehicle_takes_no_records() {
	ExtBuilder::ready().build_and_execute(|| {
		open_order(VEHICLE, WORKSHOP);
		scrap(VEHICLE);
		assert_noop!(
			ServiceBook::add_record(
				signed(WORKSHOP),
				VEHICLE,
				1_000,
				MAINTENANCE,
				[1; 32],
				uri(b"")
			),
			Error::<Test>::VehicleScrapped
		);
	});
}

#[test]
fn a_state_of_health_is_at_most_100_percent() {
	ExtBuilder::ready().build_and_execute(|| {
		open_order(VEHICLE, WORKSHOP);
		let kind = RecordKind::BatteryHealth { state_of_health: 101 };
		assert_noop!(
			ServiceBook::add_record(signed(WORKSHOP), VEHICLE, 1_000, kind, [1; 32], uri(b"")),
			Error::<Test>::InvalidStateOfHealth
		);
	});
}

#[test]
fn a_replacement_record_reads_the_new_cluster() {
	ExtBuilder::ready().build_and_execute(|| {
		open_order(VEHICLE, WORKSHOP);
		let kind = RecordKind::OdometerReplacement { old_km: 80_000, new_km: 0 };
		assert_noop!(
			ServiceBook::add_record(signed(WORKSHOP), VEHICLE, 80_000, kind, [1; 32], uri(b"")),
			Error::<Test>::ReplacementMismatch
		);
	});
}

#[test]
fn a_record_needs_the_workshops_deposit() {
	ExtBuilder::ready().with_workshop(PAUPER).build_and_execute(|| {
		open_order(VEHICLE, PAUPER);
		assert_noop!(
			ServiceBook::add_record(signed(PAUPER), VEHICLE, 1_000, MAINTENANCE, [1; 32], uri(b"")),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn records_stop_when_the_ids_run_out() {
	ExtBuilder::ready().build_and_execute(|| {
		open_order(VEHICLE, WORKSHOP);
		NextRecordId::<Test>::put(u64::MAX);
		assert_noop!(
			ServiceBook::add_record(
				signed(WORKSHOP),
				VEHICLE,
				1_000,
				MAINTENANCE,
				[1; 32],
				uri(b"")
			),
			Error::<Test>::RecordLimitReached
		);
		// Back to the real count, for the invariants checked after the test.
		NextRecordId::<Test>::put(0);
	});
}

#[test]
fn a_workshop_corrects_its_record_with_a_new_one() {
	ExtBuilder::ready().build_and_execute(|| {
		let original = record(VEHICLE, 12_000, RecordKind::Repair);
		let before = Records::<Test>::get(original).unwrap();
		let readings = ServiceBook::odometer_state(VEHICLE).unwrap().readings;
		run_to_block(4);
		open_order(VEHICLE, WORKSHOP);
		assert_ok!(ServiceBook::correct_record(
			signed(WORKSHOP),
			original,
			12_000,
			RecordKind::Maintenance,
			[2; 32],
			uri(b"ipfs://fixed")
		));
		let correction = Records::<Test>::get(original + 1).unwrap();
		assert_eq!(correction.corrects, Some(original));
		assert_eq!(correction.kind, RecordKind::Maintenance);
		assert_eq!(correction.document_uri, uri(b"ipfs://fixed"));
		assert_eq!(correction.odometer_verdict, None);
		assert_eq!(correction.recorded_at, 4);
		assert_eq!(Records::<Test>::get(original), Some(before));
		assert_eq!(RecordCount::<Test>::get(VEHICLE), 2);
		assert_eq!(ServiceBook::odometer_state(VEHICLE).unwrap().readings, readings);
		assert_eq!(held(HoldReason::ServiceRecord, WORKSHOP), 2 * RECORD_DEPOSIT);
		// The correction used the owner's order up.
		assert!(!WorkOrders::<Test>::contains_key(VEHICLE, WORKSHOP));
		assert_eq!(held(HoldReason::WorkOrder, OWNER), 0);
		System::assert_last_event(
			Event::RecordCorrected {
				record: original + 1,
				corrects: original,
				vehicle: VEHICLE,
				workshop: WORKSHOP,
			}
			.into(),
		);
	});
}

#[test]
fn only_the_author_corrects_a_record() {
	ExtBuilder::ready().with_workshop(OTHER_WORKSHOP).build_and_execute(|| {
		let original = record(VEHICLE, 12_000, MAINTENANCE);
		assert_noop!(
			ServiceBook::correct_record(
				signed(OTHER_WORKSHOP),
				original,
				12_000,
				MAINTENANCE,
				[2; 32],
				uri(b"")
			),
			Error::<Test>::NotRecordAuthor
		);
	});
}

#[test]
fn only_workshops_correct_records() {
	ExtBuilder::ready().build_and_execute(|| {
		let original = record(VEHICLE, 12_000, MAINTENANCE);
		assert_noop!(
			ServiceBook::correct_record(
				signed(OWNER),
				original,
				12_000,
				MAINTENANCE,
				[2; 32],
				uri(b"")
			),
			Error::<Test>::WorkshopNotFound
		);
	});
}

#[test]
fn only_existing_records_can_be_corrected() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			ServiceBook::correct_record(
				signed(WORKSHOP),
				7,
				12_000,
				MAINTENANCE,
				[2; 32],
				uri(b"")
			),
			Error::<Test>::RecordNotFound
		);
	});
}

#[test]
fn a_suspended_workshop_corrects_nothing() {
	ExtBuilder::ready().build_and_execute(|| {
		let original = record(VEHICLE, 12_000, MAINTENANCE);
		assert_ok!(ServiceBook::suspend_workshop(RuntimeOrigin::root(), WORKSHOP));
		assert_noop!(
			ServiceBook::correct_record(
				signed(WORKSHOP),
				original,
				12_000,
				MAINTENANCE,
				[2; 32],
				uri(b"")
			),
			Error::<Test>::WorkshopSuspended
		);
	});
}

#[test]
fn records_of_a_scrapped_vehicle_are_not_corrected() {
	ExtBuilder::ready().build_and_execute(|| {
		let original = record(VEHICLE, 12_000, MAINTENANCE);
		scrap(VEHICLE);
		assert_noop!(
			ServiceBook::correct_record(
				signed(WORKSHOP),
				original,
				12_000,
				MAINTENANCE,
				[2; 32],
				uri(b"")
			),
			Error::<Test>::VehicleScrapped
		);
	});
}

#[test]
fn a_correction_cannot_replace_the_cluster() {
	ExtBuilder::ready().build_and_execute(|| {
		let original = record(VEHICLE, 12_000, MAINTENANCE);
		open_order(VEHICLE, WORKSHOP);
		let kind = RecordKind::OdometerReplacement { old_km: 12_000, new_km: 0 };
		assert_noop!(
			ServiceBook::correct_record(signed(WORKSHOP), original, 0, kind, [2; 32], uri(b"")),
			Error::<Test>::ReplacementNotCorrectable
		);
	});
}

#[test]
fn a_correction_is_validated_like_a_record() {
	ExtBuilder::ready().build_and_execute(|| {
		let original = record(VEHICLE, 12_000, MAINTENANCE);
		open_order(VEHICLE, WORKSHOP);
		let kind = RecordKind::BatteryHealth { state_of_health: 120 };
		assert_noop!(
			ServiceBook::correct_record(
				signed(WORKSHOP),
				original,
				12_000,
				kind,
				[2; 32],
				uri(b"")
			),
			Error::<Test>::InvalidStateOfHealth
		);
	});
}

#[test]
fn a_correction_needs_the_workshops_deposit() {
	ExtBuilder::ready().build_and_execute(|| {
		let original = record(VEHICLE, 12_000, MAINTENANCE);
		open_order(VEHICLE, WORKSHOP);
		Balances::set_balance(&WORKSHOP, 1);
		assert_noop!(
			ServiceBook::correct_record(
				signed(WORKSHOP),
				original,
				12_000,
				MAINTENANCE,
				[2; 32],
				uri(b"")
			),
			Error::<Test>::InsufficientBalance
		);
	});
}

/// `WORKSHOP` corrects `original` with a maintenance record at 12 000 km.
fn correct(original: RecordId) -> DispatchResult {
	ServiceBook::correct_record(signed(WORKSHOP), original, 12_000, MAINTENANCE, [2; 32], uri(b""))
}

/// `WORKSHOP` adds a maintenance record at `km` on `VEHICLE`.
fn add(km: Km) -> DispatchResult {
	ServiceBook::add_record(signed(WORKSHOP), VEHICLE, km, MAINTENANCE, [1; 32], uri(b""))
}

#[test]
fn a_correction_needs_an_open_work_order() {
	ExtBuilder::ready().build_and_execute(|| {
		let original = record(VEHICLE, 12_000, MAINTENANCE);
		assert_noop!(correct(original), Error::<Test>::NoWorkOrder);
	});
}

#[test]
fn a_correction_needs_an_unexpired_work_order() {
	ExtBuilder::ready().build_and_execute(|| {
		let original = record(VEHICLE, 12_000, MAINTENANCE);
		open_order(VEHICLE, WORKSHOP);
		run_to_block(soon() + 1);
		assert_noop!(correct(original), Error::<Test>::WorkOrderExpired);
	});
}

#[test]
fn after_a_sale_the_old_owners_order_admits_no_correction() {
	ExtBuilder::ready().build_and_execute(|| {
		let original = record(VEHICLE, 12_000, MAINTENANCE);
		open_order(VEHICLE, WORKSHOP);
		MockVehicles::update(VEHICLE, |v| v.owner = STRANGER);
		assert_noop!(correct(original), Error::<Test>::OrderConsentEnded);
	});
}

#[test]
fn a_replacement_and_a_correction_can_be_corrected() {
	ExtBuilder::ready().build_and_execute(|| {
		report(80_000);
		let replacement =
			record(VEHICLE, 0, RecordKind::OdometerReplacement { old_km: 80_000, new_km: 0 });
		open_order(VEHICLE, WORKSHOP);
		assert_ok!(correct(replacement));
		let correction = replacement + 1;
		open_order(VEHICLE, WORKSHOP);
		assert_ok!(correct(correction));
		assert_eq!(Records::<Test>::get(correction).unwrap().corrects, Some(replacement));
		assert_eq!(Records::<Test>::get(correction + 1).unwrap().corrects, Some(correction));
		// Corrections add no readings: the replacement's stays the odometer's state.
		let state = ServiceBook::odometer_state(VEHICLE).unwrap();
		assert_eq!((state.displayed_km, state.total_km, state.readings), (0, 80_000, 3));
		assert_eq!(RecordCount::<Test>::get(VEHICLE), 3);
	});
}

#[test]
fn a_record_is_accepted_in_the_orders_last_block() {
	ExtBuilder::ready().build_and_execute(|| {
		open_order(VEHICLE, WORKSHOP);
		run_to_block(WorkOrders::<Test>::get(VEHICLE, WORKSHOP).unwrap().expires_at);
		assert_ok!(add(1_000));
	});
}

#[test]
fn a_record_is_refused_one_block_after_the_order_expired() {
	ExtBuilder::ready().build_and_execute(|| {
		open_order(VEHICLE, WORKSHOP);
		run_to_block(WorkOrders::<Test>::get(VEHICLE, WORKSHOP).unwrap().expires_at + 1);
		assert_noop!(add(1_000), Error::<Test>::WorkOrderExpired);
	});
}

#[test]
fn after_a_sale_the_old_owners_order_admits_no_record() {
	ExtBuilder::ready().build_and_execute(|| {
		open_order(VEHICLE, WORKSHOP);
		MockVehicles::update(VEHICLE, |v| v.owner = STRANGER);
		assert_noop!(add(1_000), Error::<Test>::OrderConsentEnded);
	});
}

#[test]
fn a_revoked_operators_order_admits_no_record() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(ServiceBook::open_work_order(signed(OPERATOR), VEHICLE, WORKSHOP, soon()));
		MockVehicles::update(VEHICLE, |v| v.operators.clear());
		assert_noop!(add(1_000), Error::<Test>::OrderConsentEnded);
	});
}

#[test]
fn an_operators_order_admits_records_until_its_right_ends() {
	ExtBuilder::ready().build_and_execute(|| {
		run_to_block(OPERATOR_UNTIL - 5);
		assert_ok!(ServiceBook::open_work_order(signed(OPERATOR), VEHICLE, WORKSHOP, soon()));
		run_to_block(OPERATOR_UNTIL + 1);
		assert_noop!(add(1_000), Error::<Test>::WorkOrderExpired);
		run_to_block(OPERATOR_UNTIL);
		assert_ok!(add(1_000));
	});
}

#[test]
fn a_stolen_vehicle_takes_no_records() {
	ExtBuilder::ready().build_and_execute(|| {
		open_order(VEHICLE, WORKSHOP);
		MockVehicles::update(VEHICLE, |v| v.status = VehicleStatus::Stolen);
		assert_noop!(add(1_000), Error::<Test>::VehicleStolen);
	});
}
