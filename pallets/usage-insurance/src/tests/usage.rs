//! Usage reports by the vehicle's device.

use polkadot_sdk::frame_support::{assert_noop, assert_ok, dispatch::GetDispatchInfo};
use v2x_primitives::{FlagReason, ReadingVerdict};

use super::*;
use crate::{Error, Event, HolderRole, ProductTerms, Usage, WeightInfo};

#[test]
fn a_device_report_bills_the_odometers_distance_and_events() {
	ExtBuilder::ready().build_and_execute(|| {
		read(VEHICLE, 1_000);
		let id = buy(500);
		report(1_100, events(2, 1, 10));
		let reported = policy(id);
		assert_eq!(reported.usage, Usage { km: 100, events: events(2, 1, 10) });
		assert_eq!(reported.last_km, Some(1_100));
		assert_eq!(
			MonotonicOdometer::readings().last(),
			Some(&(VEHICLE, 1_100, OdometerSource::Device))
		);
		System::assert_last_event(
			Event::UsageReported {
				policy: id,
				vehicle: VEHICLE,
				odometer_km: 1_100,
				verdict: ReadingVerdict::Consistent,
				km_added: 100,
				period_km: 100,
			}
			.into(),
		);
	});
}

#[test]
fn reports_add_up_and_count_readings_by_others() {
	ExtBuilder::ready().build_and_execute(|| {
		read(VEHICLE, 1_000);
		let id = buy(500);
		report(1_100, events(2, 1, 10));
		// A workshop read 1 150 in between: the device's next report bills it too.
		read(VEHICLE, 1_150);
		report(1_200, events(1, 0, 5));
		assert_eq!(policy(id).usage, Usage { km: 200, events: events(3, 1, 15) });
	});
}

#[test]
fn the_first_reading_only_sets_the_baseline() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = buy(500);
		assert_eq!(policy(id).last_km, None);
		report(1_000, RiskEvents::default());
		assert_eq!(policy(id).usage.km, 0);
		assert_eq!(policy(id).last_km, Some(1_000));
		report(1_050, RiskEvents::default());
		assert_eq!(policy(id).usage.km, 50);
	});
}

#[test]
fn distance_read_by_others_after_a_policy_without_reading_is_billed() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = buy(500);
		assert_eq!(policy(id).last_km, None);
		// A workshop reads the odometer before the device's first report.
		read(VEHICLE, 1_000);
		report(1_020, RiskEvents::default());
		assert_eq!(policy(id).usage.km, 20);
		assert_eq!(policy(id).last_km, Some(1_020));
	});
}

#[test]
fn a_rolled_back_odometer_does_not_lower_the_premium() {
	ExtBuilder::ready().build_and_execute(|| {
		read(VEHICLE, 1_000);
		let id = buy(500);
		report(1_100, RiskEvents::default());
		report(900, RiskEvents::default());
		System::assert_last_event(
			Event::UsageReported {
				policy: id,
				vehicle: VEHICLE,
				odometer_km: 900,
				verdict: ReadingVerdict::Flagged(FlagReason::Rollback),
				km_added: 0,
				period_km: 100,
			}
			.into(),
		);
		// The rolled-back reading is kept as evidence.
		assert_eq!(
			MonotonicOdometer::readings().last(),
			Some(&(VEHICLE, 900, OdometerSource::Device))
		);
		report(1_150, RiskEvents::default());
		assert_eq!(policy(id).usage.km, 150);
		run_to_block(11);
		assert_ok!(UsageInsurance::settle(signed(STRANGER), id));
		// 100 + 150 km x 2: what the odometer's own distance says, not 1 150 - 900.
		System::assert_last_event(
			Event::PeriodSettled { policy: id, premium: 400, paid: 400, next_period_end: Some(20) }
				.into(),
		);
	});
}

#[test]
fn only_a_bound_device_of_an_insured_vehicle_reports() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			UsageInsurance::report_usage(signed(DEVICE), 10, RiskEvents::default()),
			Error::<Test>::NoActivePolicy
		);
		buy(500);
		for who in [STRANGER, OWNER, INSURER] {
			assert_noop!(
				UsageInsurance::report_usage(signed(who), 10, RiskEvents::default()),
				Error::<Test>::NotDevice
			);
		}
		// The other vehicle's device reports for its own, uninsured vehicle.
		assert_noop!(
			UsageInsurance::report_usage(signed(OTHER_DEVICE), 10, RiskEvents::default()),
			Error::<Test>::NoActivePolicy
		);
	});
}

#[test]
fn a_report_after_the_period_ended_waits_for_the_settlement() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = buy(500);
		run_to_block(11);
		assert_noop!(
			UsageInsurance::report_usage(signed(DEVICE), 10, RiskEvents::default()),
			Error::<Test>::PeriodEnded
		);
		assert_ok!(UsageInsurance::settle(signed(DEVICE), id));
		report(10, RiskEvents::default());
	});
}

#[test]
fn a_report_whose_premium_would_overflow_fails() {
	ExtBuilder::ready().build_and_execute(|| {
		let absurd = ProductTerms { rate_per_km: u64::MAX / 2, ..TERMS };
		assert_ok!(UsageInsurance::create_product(signed(INSURER), absurd));
		read(VEHICLE, 1_000);
		buy_product(OWNER, VEHICLE, 1, 500);
		report(1_001, RiskEvents::default());
		assert_noop!(
			UsageInsurance::report_usage(signed(DEVICE), 1_002, RiskEvents::default()),
			Error::<Test>::Overflow
		);
	});
}

#[test]
fn a_policy_keeps_its_products_terms_and_its_holders_role() {
	ExtBuilder::ready().build_and_execute(|| {
		let owners = buy(500);
		assert_eq!(policy(owners).terms, TERMS);
		assert_eq!(policy(owners).holder_role, HolderRole::Owner);
		assert_ok!(UsageInsurance::cancel_policy(signed(OWNER), owners));
		let operators = buy_product(OPERATOR, VEHICLE, 0, 500);
		assert_eq!(policy(operators).terms, TERMS);
		assert_eq!(policy(operators).holder_role, HolderRole::Operator);
	});
}

#[test]
fn an_owners_consistent_report_is_refunded_the_worst_case() {
	ExtBuilder::ready().build_and_execute(|| {
		read(VEHICLE, 1_000);
		buy(500);
		let call =
			crate::Call::<Test>::report_usage { odometer_km: 1_100, events: events(0, 0, 0) };
		let declared = call.get_dispatch_info().call_weight;
		let hot = <Test as crate::Config>::WeightInfo::report_usage();
		let worst = <Test as crate::Config>::WeightInfo::report_usage_by_operator_flagged();
		assert_eq!(declared, hot.max(worst));
		assert!(hot.all_lte(worst) && hot.ref_time() < worst.ref_time());

		let post = UsageInsurance::report_usage(signed(DEVICE), 1_100, events(0, 0, 0)).unwrap();
		assert_eq!(post.actual_weight, Some(hot));
	});
}

#[test]
fn an_owners_flagged_report_pays_the_declared_weight() {
	ExtBuilder::ready().build_and_execute(|| {
		read(VEHICLE, 1_000);
		buy(500);
		let call = crate::Call::<Test>::report_usage { odometer_km: 900, events: events(0, 0, 0) };
		let declared = call.get_dispatch_info().call_weight;

		let post = UsageInsurance::report_usage(signed(DEVICE), 900, events(0, 0, 0)).unwrap();
		assert_eq!(post.actual_weight, Some(declared));
	});
}

#[test]
fn an_operators_report_pays_the_declared_weight() {
	ExtBuilder::ready().build_and_execute(|| {
		read(VEHICLE, 1_000);
		buy_product(OPERATOR, VEHICLE, 0, 500);
		let call =
			crate::Call::<Test>::report_usage { odometer_km: 1_100, events: events(0, 0, 0) };
		let declared = call.get_dispatch_info().call_weight;

		let post = UsageInsurance::report_usage(signed(DEVICE), 1_100, events(0, 0, 0)).unwrap();
		assert_eq!(post.actual_weight, Some(declared));
	});
}
