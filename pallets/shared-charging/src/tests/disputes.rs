//! Disputes: opened by drivers within the window, decided by governance; the operator's
//! share released after the window.

use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_runtime::DispatchError,
};

use super::*;
use crate::{Dispute, Disputes, Error, Event, HeldPayments, Totals, VehicleTotals};

const SHARE: u64 = COMPLETED_COST - 113;

#[test]
fn a_driver_disputes_and_governance_refunds_part() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = completed_session();
		assert_ok!(SharedCharging::dispute_session(signed(DRIVER), session));
		System::assert_last_event(Event::SessionDisputed { session, driver: DRIVER }.into());
		assert_ok!(SharedCharging::resolve_dispute(RuntimeOrigin::root(), session, 1_000));
		System::assert_last_event(Event::DisputeResolved { session, refund: 1_000 }.into());
		assert_eq!(Disputes::<Test>::get(session), Some(Dispute::Resolved { refund: 1_000 }));
		assert_eq!(free(DRIVER), BALANCE - COMPLETED_COST - RECORD_DEPOSIT + 1_000);
		assert_eq!(held(HoldReason::OperatorPayment, CPO), SHARE - 1_000);
		assert_eq!(
			VehicleTotals::<Test>::get(VEHICLE),
			Totals { sessions: 1, energy_wh: 7_333, cost: COMPLETED_COST - 1_000 }
		);
	});
}

#[test]
fn governance_refunds_the_whole_share() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = completed_session();
		assert_ok!(SharedCharging::dispute_session(signed(DRIVER), session));
		assert_ok!(SharedCharging::resolve_dispute(RuntimeOrigin::root(), session, SHARE));
		assert_eq!(held(HoldReason::OperatorPayment, CPO), 0);
		assert!(!HeldPayments::<Test>::contains_key(session));
		// The platform fee is not refunded.
		assert_eq!(free(DRIVER), BALANCE - 113 - RECORD_DEPOSIT);
	});
}

#[test]
fn governance_rejects_a_dispute() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = completed_session();
		assert_ok!(SharedCharging::dispute_session(signed(DRIVER), session));
		assert_ok!(SharedCharging::resolve_dispute(RuntimeOrigin::root(), session, 0));
		assert_eq!(held(HoldReason::OperatorPayment, CPO), SHARE);
		assert_noop!(
			SharedCharging::resolve_dispute(RuntimeOrigin::root(), session, 0),
			Error::<Test>::NoOpenDispute
		);
	});
}

#[test]
fn only_governance_decides_and_at_most_the_share() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = completed_session();
		assert_noop!(
			SharedCharging::resolve_dispute(RuntimeOrigin::root(), session, 1),
			Error::<Test>::NoOpenDispute
		);
		assert_ok!(SharedCharging::dispute_session(signed(DRIVER), session));
		for who in [DRIVER, CPO, STRANGER] {
			assert_noop!(
				SharedCharging::resolve_dispute(signed(who), session, 1),
				DispatchError::BadOrigin
			);
		}
		assert_noop!(
			SharedCharging::resolve_dispute(RuntimeOrigin::root(), session, SHARE + 1),
			Error::<Test>::RefundTooLarge
		);
	});
}

#[test]
fn only_the_driver_disputes_once_within_the_window() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = completed_session();
		for who in [CPO, STRANGER, DEVICE] {
			assert_noop!(
				SharedCharging::dispute_session(signed(who), session),
				Error::<Test>::NotDriver
			);
		}
		run_to_block(1 + DISPUTE_WINDOW);
		assert_ok!(SharedCharging::dispute_session(signed(DRIVER), session));
		assert_noop!(
			SharedCharging::dispute_session(signed(DRIVER), session),
			Error::<Test>::AlreadyDisputed
		);
	});
}

#[test]
fn a_late_dispute_is_refused() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = completed_session();
		run_to_block(2 + DISPUTE_WINDOW);
		assert_noop!(
			SharedCharging::dispute_session(signed(DRIVER), session),
			Error::<Test>::DisputeWindowClosed
		);
	});
}

#[test]
fn open_and_unknown_sessions_cannot_be_disputed() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = active_session();
		assert_noop!(
			SharedCharging::dispute_session(signed(DRIVER), session),
			Error::<Test>::NotCompleted
		);
		assert_noop!(
			SharedCharging::dispute_session(signed(DRIVER), 9),
			Error::<Test>::SessionNotFound
		);
	});
}

#[test]
fn the_share_is_released_after_the_window() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = completed_session();
		assert_noop!(
			SharedCharging::release_payment(signed(STRANGER), session),
			Error::<Test>::DisputeWindowOpen
		);
		run_to_block(2 + DISPUTE_WINDOW);
		assert_ok!(SharedCharging::release_payment(signed(STRANGER), session));
		System::assert_last_event(
			Event::PaymentReleased { session, operator: CPO, amount: SHARE }.into(),
		);
		assert_eq!(free(CPO), BALANCE + SHARE);
		assert_eq!(held(HoldReason::OperatorPayment, CPO), 0);
		assert_noop!(
			SharedCharging::release_payment(signed(STRANGER), session),
			Error::<Test>::NoHeldPayment
		);
	});
}

#[test]
fn an_open_dispute_keeps_the_share_held() {
	ExtBuilder::ready().build_and_execute(|| {
		let session = completed_session();
		assert_ok!(SharedCharging::dispute_session(signed(DRIVER), session));
		run_to_block(2 + DISPUTE_WINDOW);
		assert_noop!(
			SharedCharging::release_payment(signed(CPO), session),
			Error::<Test>::DisputeWindowOpen
		);
		assert_ok!(SharedCharging::resolve_dispute(RuntimeOrigin::root(), session, 100));
		assert_ok!(SharedCharging::release_payment(signed(CPO), session));
		assert_eq!(free(CPO), BALANCE + SHARE - 100);
	});
}
