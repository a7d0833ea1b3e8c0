//! Settlement: the split to the unit, records, totals, and the tariff version a session keeps.

use polkadot_sdk::frame_support::assert_ok;

use super::*;
use crate::{
	ChargerTotals, CostBreakdown, Event, HeldPayments, MemberMonthTotals, Records, TariffVersions,
	Totals, VehicleTotals,
};

#[test]
fn exact_split_to_the_unit() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = completed_session();
		// 5 % of 2_269 is 113.45: the fee rounds down to 113, the operator gets the rest.
		let fee = 113;
		let operator_share = COMPLETED_COST - fee;
		let refund = SIMPLE_ESCROW - COMPLETED_COST;
		assert_eq!(operator_share + fee + refund, SIMPLE_ESCROW);
		assert_eq!(free(DRIVER), BALANCE - COMPLETED_COST - RECORD_DEPOSIT);
		assert_eq!(held(HoldReason::SessionEscrow, DRIVER), 0);
		assert_eq!(held(HoldReason::ChargeRecord, DRIVER), RECORD_DEPOSIT);
		assert_eq!(free(CPO), BALANCE);
		assert_eq!(held(HoldReason::OperatorPayment, CPO), operator_share);
		assert_eq!(free(TREASURY), BALANCE + fee);
		System::assert_last_event(
			Event::SessionCompleted {
				session,
				energy_wh: 7_333,
				cost: COMPLETED_COST,
				operator_share,
				platform_fee: fee,
				refund,
			}
			.into(),
		);
		assert_eq!(Balances::total_issuance(), 11 * BALANCE);
	});
}

#[test]
fn settlement_writes_the_charge_detail_record() {
	ExtBuilder::ready().build_and_execute(|| {
		let started_secs = now_secs();
		let session = completed_session();
		let record = Records::<Test>::get(session).unwrap();
		assert_eq!((record.driver, record.operator, record.vehicle), (DRIVER, CPO, VEHICLE));
		assert_eq!(record.started_ms, started_secs * 1_000);
		assert_eq!(record.month, 202_401);
		assert_eq!(record.reading, reading(7_333, 3_000, 600));
		assert_eq!(
			record.cost,
			CostBreakdown { energy: 2_199, time: 0, parking: 20, flat: 50, total: COMPLETED_COST }
		);
		assert_eq!(record.platform_fee, 113);
		assert_eq!(HeldPayments::<Test>::get(session).unwrap().amount, COMPLETED_COST - 113);
	});
}

#[test]
fn totals_follow_each_completed_session() {
	ExtBuilder::ready().build_and_execute(|| {
		completed_session();
		let expected = Totals { sessions: 1, energy_wh: 7_333, cost: COMPLETED_COST };
		assert_eq!(VehicleTotals::<Test>::get(VEHICLE), expected);
		assert_eq!(ChargerTotals::<Test>::get(PUBLIC), expected);
		assert_eq!(MemberMonthTotals::<Test>::get((PUBLIC, DRIVER, 202_401)), expected);
	});
}

#[test]
fn residence_members_split_the_month_from_their_totals() {
	ExtBuilder::ready().build_and_execute(|| {
		for (member, vehicle, wh) in
			[(MEMBER, MEMBER_VEHICLE, 4_000), (OTHER_MEMBER, OTHER_MEMBER_VEHICLE, 6_000)]
		{
			let session = start(member, RESIDENCE, vehicle, 10_000);
			assert_ok!(SharedCharging::confirm_session(signed(RESIDENCE_DEVICE), session));
			pass(3_600);
			assert_ok!(SharedCharging::stop_session(
				signed(RESIDENCE_DEVICE),
				session,
				reading(wh, 3_600, 0),
				None
			));
		}
		// MEMBER on the charger's tariff: 50 + 300 * 4 kWh; OTHER_MEMBER on its own: 100 * 6.
		assert_eq!(
			SharedCharging::member_totals(RESIDENCE, MEMBER, Some(202_401)),
			Totals { sessions: 1, energy_wh: 4_000, cost: 1_250 }
		);
		assert_eq!(
			SharedCharging::member_totals(RESIDENCE, OTHER_MEMBER, Some(202_401)),
			Totals { sessions: 1, energy_wh: 6_000, cost: 600 }
		);
		assert_eq!(
			SharedCharging::charger_totals(RESIDENCE),
			Totals { sessions: 2, energy_wh: 10_000, cost: 1_850 }
		);
		assert_eq!(
			SharedCharging::member_totals(RESIDENCE, MEMBER, Some(202_402)),
			Totals::default()
		);
	});
}

#[test]
fn tariff_changed_mid_session_keeps_the_old_version() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = active_session();
		assert_ok!(SharedCharging::update_tariff(signed(CPO), SIMPLE_TARIFF, energy_only(1_000)));
		// Version 0 stays while the session uses it.
		assert!(TariffVersions::<Test>::contains_key(SIMPLE_TARIFF, 0));
		pass(3_600);
		assert_ok!(SharedCharging::stop_session(
			signed(DEVICE),
			session,
			reading(7_333, 3_000, 600),
			None
		));
		assert_eq!(Records::<Test>::get(session).unwrap().cost.total, COMPLETED_COST);
		assert_eq!(Records::<Test>::get(session).unwrap().version, 0);
		assert!(!TariffVersions::<Test>::contains_key(SIMPLE_TARIFF, 0));
		// The next session pays the new version.
		let next = start(DRIVER, PUBLIC, VEHICLE, 10_000);
		assert_eq!(crate::Sessions::<Test>::get(next).unwrap().version, 1);
		assert_eq!(held(HoldReason::SessionEscrow, DRIVER), 10_000);
	});
}

#[test]
fn time_of_use_boundary_inside_a_session() {
	ExtBuilder::ready().build_and_execute(|| {
		let charger = register_with_meter(TIME_OF_USE_TARIFF);
		// Block 1 is 00:00:06 on Monday; start at 19:30:00.
		pass(19 * 3_600 + 30 * 60 - 6);
		let session = start(DRIVER, charger, VEHICLE, 10_000);
		assert_eq!(held(HoldReason::SessionEscrow, DRIVER), 4_000);
		assert_ok!(SharedCharging::confirm_session(signed(DEVICE), session));
		pass(3_600);
		assert_ok!(SharedCharging::stop_session(
			signed(DEVICE),
			session,
			reading(6_000, 3_600, 0),
			None
		));
		// 3 kWh before 20:00 at 400, 3 kWh after at 200.
		let cost = Records::<Test>::get(session).unwrap().cost;
		assert_eq!(cost.energy, 1_200 + 600);
		assert_eq!(free(DRIVER), BALANCE - 1_800 - RECORD_DEPOSIT);
	});
}

#[test]
fn nothing_delivered_costs_only_the_flat_fee() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = active_session();
		assert_ok!(SharedCharging::stop_session(signed(DEVICE), session, reading(0, 0, 0), None));
		assert_eq!(Records::<Test>::get(session).unwrap().cost.total, 50);
		assert_eq!(free(DRIVER), BALANCE - 50 - RECORD_DEPOSIT);
	});
}
