//! Billing: the charger accepts or disputes a batch within the acceptance period, governance
//! decides disputes, unanswered batches settle as accepted, credits from corrections are netted
//! or repaid, and settled batches and closed vehicle-days are pruned. The chain of
//! `declarations::genesis`.

use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_core::H256,
	sp_runtime::DispatchError,
};

use super::{declarations::*, *};
use crate::{BatchStatus, Batches, ChargedBy, Credits, Error, TollTotals, VehicleDays};

const TODAY: crate::Day = GENESIS_DAY;
const REASON: H256 = H256::repeat_byte(0xee);

/// `PROVIDER`'s batch of three car passages of `VEHICLE` today: 30 to pay.
fn three_passages() -> crate::BatchId {
	declared(PROVIDER, PASSAGES, vec![passages(VEHICLE, TODAY, &[1, 2, 3])])
}

#[test]
fn accepting_a_batch_pays_the_charger_from_the_bond() {
	run(|| {
		let batch = three_passages();
		let charger_free = free(CHARGER);

		assert_ok!(RoadUsage::accept_batch(signed(CHARGER), batch));

		assert_eq!(Batches::<Test>::get(batch).unwrap().status, BatchStatus::Accepted);
		assert_eq!(free(CHARGER), charger_free + 3 * CAR_PASSAGE);
		assert_eq!(held(HoldReason::ProviderBond, PROVIDER), BOND - 3 * CAR_PASSAGE);
		assert_eq!(provider(PROVIDER).bond, BOND - 3 * CAR_PASSAGE);
		assert_eq!(provider(PROVIDER).obligations, 0);
		let totals = TollTotals::<Test>::get(VEHICLE);
		assert_eq!((totals.paid, totals.declarations), (3 * CAR_PASSAGE, 1));
		assert_eq!(
			events().last(),
			Some(&Event::BatchAccepted { batch, paid: 3 * CAR_PASSAGE, credited: 0 })
		);
		// The events stay charged; the deposits stay held until pruning.
		assert_eq!(charged(PASSAGES, VEHICLE, TODAY), by_batch(batch, &[1, 2, 3]));
		assert_eq!(
			held(HoldReason::Deposit, PROVIDER),
			BATCH_DEPOSIT + DECLARATION_DEPOSIT + VEHICLE_DAY_DEPOSIT
		);
	});
}

#[test]
fn only_the_batch_charger_answers_a_pending_batch() {
	run(|| {
		let batch = three_passages();
		for who in [OTHER_CHARGER, PROVIDER, OTHER_PROVIDER, OWNER, STRANGER] {
			assert_noop!(
				RoadUsage::accept_batch(signed(who), batch),
				Error::<Test>::NotBatchCharger
			);
			assert_noop!(
				RoadUsage::dispute_batch(signed(who), batch, REASON),
				Error::<Test>::NotBatchCharger
			);
		}
		assert_noop!(RoadUsage::accept_batch(signed(CHARGER), 99), Error::<Test>::UnknownBatch);
		assert_noop!(
			RoadUsage::dispute_batch(signed(CHARGER), 99, REASON),
			Error::<Test>::UnknownBatch
		);
		assert_ok!(RoadUsage::accept_batch(signed(CHARGER), batch));
		assert_noop!(RoadUsage::accept_batch(signed(CHARGER), batch), Error::<Test>::NotPending);
		assert_noop!(
			RoadUsage::dispute_batch(signed(CHARGER), batch, REASON),
			Error::<Test>::NotPending
		);
	});
}

#[test]
fn the_charger_may_dispute_in_the_last_block_of_the_acceptance_period() {
	run(|| {
		let batch = three_passages();
		run_to_block(1 + ACCEPTANCE_PERIOD);
		assert_noop!(
			RoadUsage::settle_unanswered(signed(STRANGER), batch),
			Error::<Test>::AcceptancePeriodOpen
		);

		assert_ok!(RoadUsage::dispute_batch(signed(CHARGER), batch, REASON));

		assert_eq!(
			Batches::<Test>::get(batch).unwrap().status,
			BatchStatus::Disputed { reason: REASON }
		);
		assert_eq!(events().last(), Some(&Event::BatchDisputed { batch, reason: REASON }));
		// Still owed, not paid.
		assert_eq!(provider(PROVIDER).obligations, 3 * CAR_PASSAGE);
		assert_eq!(provider(PROVIDER).bond, BOND);
		assert_noop!(RoadUsage::accept_batch(signed(CHARGER), batch), Error::<Test>::NotPending);
		run_to_block(100);
		assert_noop!(
			RoadUsage::settle_unanswered(signed(STRANGER), batch),
			Error::<Test>::NotPending
		);
	});
}

#[test]
fn after_the_acceptance_period_anyone_settles_the_batch_as_accepted() {
	run(|| {
		let batch = three_passages();
		run_to_block(2 + ACCEPTANCE_PERIOD);
		assert_noop!(
			RoadUsage::dispute_batch(signed(CHARGER), batch, REASON),
			Error::<Test>::AcceptancePeriodOver
		);
		let charger_free = free(CHARGER);

		assert_ok!(RoadUsage::settle_unanswered(signed(STRANGER), batch));

		assert_eq!(Batches::<Test>::get(batch).unwrap().status, BatchStatus::Accepted);
		assert_eq!(free(CHARGER), charger_free + 3 * CAR_PASSAGE);
		assert_eq!(provider(PROVIDER).bond, BOND - 3 * CAR_PASSAGE);
		assert_eq!(
			events().last(),
			Some(&Event::BatchAccepted { batch, paid: 3 * CAR_PASSAGE, credited: 0 })
		);
		assert_noop!(
			RoadUsage::settle_unanswered(signed(STRANGER), batch),
			Error::<Test>::NotPending
		);
		assert_noop!(
			RoadUsage::settle_unanswered(signed(STRANGER), 99),
			Error::<Test>::UnknownBatch
		);
	});
}

#[test]
fn governance_may_pay_a_disputed_batch() {
	run(|| {
		let batch = three_passages();
		assert_noop!(RoadUsage::resolve_dispute(root(), batch, true), Error::<Test>::NotDisputed);
		assert_ok!(RoadUsage::dispute_batch(signed(CHARGER), batch, REASON));
		for who in [CHARGER, PROVIDER, STRANGER] {
			assert_noop!(
				RoadUsage::resolve_dispute(signed(who), batch, true),
				DispatchError::BadOrigin
			);
		}
		let charger_free = free(CHARGER);

		assert_ok!(RoadUsage::resolve_dispute(root(), batch, true));

		assert_eq!(Batches::<Test>::get(batch).unwrap().status, BatchStatus::Accepted);
		assert_eq!(free(CHARGER), charger_free + 3 * CAR_PASSAGE);
		assert_eq!(provider(PROVIDER).bond, BOND - 3 * CAR_PASSAGE);
		assert_eq!(provider(PROVIDER).obligations, 0);
		assert_eq!(
			events().last(),
			Some(&Event::BatchAccepted { batch, paid: 3 * CAR_PASSAGE, credited: 0 })
		);
		assert_noop!(RoadUsage::resolve_dispute(root(), batch, false), Error::<Test>::NotDisputed);
		assert_noop!(RoadUsage::resolve_dispute(root(), 99, false), Error::<Test>::UnknownBatch);
	});
}

#[test]
fn a_rejected_batch_frees_its_event_ids_and_pays_nothing() {
	run(|| {
		let other = declared(PROVIDER, PASSAGES, vec![passages(VEHICLE, TODAY, &[4])]);
		let batch = three_passages();
		assert_ok!(RoadUsage::dispute_batch(signed(CHARGER), batch, REASON));
		let charger_free = free(CHARGER);

		assert_ok!(RoadUsage::resolve_dispute(root(), batch, false));

		assert_eq!(Batches::<Test>::get(batch).unwrap().status, BatchStatus::Rejected);
		assert_eq!(events().last(), Some(&Event::BatchRejected { batch }));
		assert_eq!(free(CHARGER), charger_free);
		assert_eq!(provider(PROVIDER).bond, BOND);
		assert_eq!(provider(PROVIDER).obligations, CAR_PASSAGE);
		assert_eq!(TollTotals::<Test>::get(VEHICLE), Default::default());
		assert_eq!(charged(PASSAGES, VEHICLE, TODAY), by_batch(other, &[4]));
		// The ids are free again, for this provider or another.
		let again = declared(PROVIDER, PASSAGES, vec![passages(VEHICLE, TODAY, &[1, 2, 3])]);
		let mut expected = by_batch(other, &[4]);
		expected.extend(by_batch(again, &[1, 2, 3]));
		assert_eq!(charged(PASSAGES, VEHICLE, TODAY), expected);
	});
}

#[test]
fn a_rejected_correction_leaves_the_corrected_declaration_charged_and_correctable() {
	run(|| {
		let old = accepted(PROVIDER, PASSAGES, vec![passages(VEHICLE, TODAY, &[1, 2])]);
		let fix =
			declared(PROVIDER, PASSAGES, vec![correcting(passages(VEHICLE, TODAY, &[1]), old, 0)]);
		assert_ok!(RoadUsage::dispute_batch(signed(CHARGER), fix, REASON));

		assert_ok!(RoadUsage::resolve_dispute(root(), fix, false));

		assert_eq!(batch(old).declarations[0].corrected_by, None);
		assert_eq!(charged(PASSAGES, VEHICLE, TODAY), by_batch(old, &[1, 2]));
		assert_eq!(Credits::<Test>::get(CHARGER, PROVIDER), 0);
		let fix =
			declared(PROVIDER, PASSAGES, vec![correcting(passages(VEHICLE, TODAY, &[2]), old, 0)]);
		assert_eq!(batch(old).declarations[0].corrected_by, Some(fix));
	});
}

#[test]
fn a_correction_credit_is_netted_against_a_later_batch() {
	run(|| {
		let old = accepted(PROVIDER, PASSAGES, vec![passages(VEHICLE, TODAY, &[1, 2, 3])]);
		assert_eq!(provider(PROVIDER).bond, BOND - 30);
		// Only passage 1 was the vehicle's: 20 to credit back.
		let fix =
			declared(PROVIDER, PASSAGES, vec![correcting(passages(VEHICLE, TODAY, &[1]), old, 0)]);
		assert_eq!(batch(fix).obligation, 0);
		assert_eq!(provider(PROVIDER).obligations, 0);
		assert_ok!(RoadUsage::accept_batch(signed(CHARGER), fix));
		assert_eq!(
			events().last(),
			Some(&Event::BatchAccepted { batch: fix, paid: 0, credited: 20 })
		);
		assert_eq!(Credits::<Test>::get(CHARGER, PROVIDER), 20);
		// The passport counts what the vehicle's day cost after the correction (30 - 20), and
		// still one declared day.
		let totals = TollTotals::<Test>::get(VEHICLE);
		assert_eq!((totals.paid, totals.declarations), (10, 1));

		// A later batch of 25: the credit pays 20 of it, the bond 5.
		let charger_free = free(CHARGER);
		let later =
			declared(PROVIDER, PASSAGES, vec![usage(VEHICLE, TODAY - 1, TRUCK, &[(0, 1)], &[7])]);
		assert_ok!(RoadUsage::accept_batch(signed(CHARGER), later));
		assert_eq!(
			events().last(),
			Some(&Event::BatchAccepted { batch: later, paid: 5, credited: 0 })
		);
		assert_eq!(Credits::<Test>::get(CHARGER, PROVIDER), 0);
		assert!(!Credits::<Test>::contains_key(CHARGER, PROVIDER));
		assert_eq!(free(CHARGER), charger_free + 5);
		assert_eq!(provider(PROVIDER).bond, BOND - 35);
		assert_eq!(held(HoldReason::ProviderBond, PROVIDER), BOND - 35);
	});
}

#[test]
fn the_charger_repays_a_credit_and_no_more() {
	run(|| {
		let old = accepted(PROVIDER, PASSAGES, vec![passages(VEHICLE, TODAY, &[1, 2, 3])]);
		let fix =
			declared(PROVIDER, PASSAGES, vec![correcting(passages(VEHICLE, TODAY, &[1]), old, 0)]);
		assert_ok!(RoadUsage::accept_batch(signed(CHARGER), fix));
		assert_noop!(
			RoadUsage::repay_credit(signed(CHARGER), PROVIDER, 21),
			Error::<Test>::ExceedsCredit
		);
		assert_noop!(
			RoadUsage::repay_credit(signed(CHARGER), PROVIDER, 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			RoadUsage::repay_credit(signed(OTHER_CHARGER), PROVIDER, 1),
			Error::<Test>::ExceedsCredit
		);
		assert_noop!(
			RoadUsage::repay_credit(signed(CHARGER), OTHER_PROVIDER, 1),
			Error::<Test>::ExceedsCredit
		);
		for who in [STRANGER, PROVIDER] {
			assert_noop!(
				RoadUsage::repay_credit(signed(who), PROVIDER, 1),
				Error::<Test>::NotCharger
			);
		}
		let (charger_free, provider_free) = (free(CHARGER), free(PROVIDER));

		assert_ok!(RoadUsage::repay_credit(signed(CHARGER), PROVIDER, 15));

		assert_eq!(free(CHARGER), charger_free - 15);
		assert_eq!(free(PROVIDER), provider_free + 15);
		assert_eq!(Credits::<Test>::get(CHARGER, PROVIDER), 5);
		assert_eq!(
			events().last(),
			Some(&Event::CreditRepaid { charger: CHARGER, provider: PROVIDER, amount: 15 })
		);
		assert_ok!(RoadUsage::repay_credit(signed(CHARGER), PROVIDER, 5));
		assert!(!Credits::<Test>::contains_key(CHARGER, PROVIDER));
	});
}

#[test]
fn a_batch_is_pruned_only_once_none_of_its_days_can_be_corrected() {
	run(|| {
		let batch = declared(
			PROVIDER,
			PASSAGES,
			vec![passages(VEHICLE, TODAY - 1, &[1]), passages(VEHICLE, TODAY, &[2])],
		);
		pass_days(MAX_DECLARATION_AGE + 2);
		// Pending: still open.
		assert_noop!(
			RoadUsage::prune_batch(signed(STRANGER), batch),
			Error::<Test>::BatchStillCorrectable
		);
		assert_ok!(RoadUsage::accept_batch(signed(CHARGER), batch));
		let deposit = BATCH_DEPOSIT + 2 * DECLARATION_DEPOSIT;
		assert_eq!(held(HoldReason::Deposit, PROVIDER), deposit + 2 * VEHICLE_DAY_DEPOSIT);

		assert_ok!(RoadUsage::prune_batch(signed(STRANGER), batch));

		assert!(!Batches::<Test>::contains_key(batch));
		assert_eq!(held(HoldReason::Deposit, PROVIDER), 2 * VEHICLE_DAY_DEPOSIT);
		assert_eq!(events().last(), Some(&Event::BatchPruned { batch }));
		assert_noop!(RoadUsage::prune_batch(signed(STRANGER), batch), Error::<Test>::UnknownBatch);
	});
}

#[test]
fn a_batch_is_not_pruned_while_its_last_day_can_be_corrected() {
	run(|| {
		let batch = accepted(PROVIDER, PASSAGES, vec![passages(VEHICLE, TODAY, &[2])]);
		pass_days(MAX_DECLARATION_AGE);
		// The last day a correction is accepted.
		declared(PROVIDER, PASSAGES, vec![correcting(passages(VEHICLE, TODAY, &[2]), batch, 0)]);
		assert_noop!(
			RoadUsage::prune_batch(signed(STRANGER), batch),
			Error::<Test>::BatchStillCorrectable
		);
		pass_days(1);
		assert_ok!(RoadUsage::prune_batch(signed(STRANGER), batch));
	});
}

#[test]
fn a_rejected_batch_is_pruned_with_its_deposit_back() {
	run(|| {
		let batch = three_passages();
		assert_ok!(RoadUsage::dispute_batch(signed(CHARGER), batch, REASON));
		assert_ok!(RoadUsage::resolve_dispute(root(), batch, false));
		pass_days(MAX_DECLARATION_AGE + 1);
		assert_ok!(RoadUsage::prune_batch(signed(STRANGER), batch));
		assert_eq!(held(HoldReason::Deposit, PROVIDER), VEHICLE_DAY_DEPOSIT);
	});
}

#[test]
fn a_vehicle_day_is_pruned_only_after_its_declaration_window() {
	run(|| {
		three_passages();
		direct_passage(PASSAGES, TODAY - 1, 9);
		pass_days(MAX_DECLARATION_AGE);
		assert_noop!(
			RoadUsage::prune_vehicle_day(signed(STRANGER), PASSAGES, VEHICLE, TODAY),
			Error::<Test>::DayStillOpen
		);
		assert_noop!(
			RoadUsage::prune_vehicle_day(signed(STRANGER), PASSAGES, VEHICLE, TODAY - 2),
			Error::<Test>::UnknownVehicleDay
		);
		let device_free = free(DEVICE);

		// `TODAY - 1` closed a day earlier; its entry's deposit was the device's.
		assert_ok!(RoadUsage::prune_vehicle_day(signed(STRANGER), PASSAGES, VEHICLE, TODAY - 1));

		assert_eq!(free(DEVICE), device_free + VEHICLE_DAY_DEPOSIT);
		assert!(!VehicleDays::<Test>::contains_key((PASSAGES, VEHICLE), TODAY - 1));
		assert_eq!(
			events().last(),
			Some(&Event::VehicleDayPruned { context: PASSAGES, vehicle: VEHICLE, day: TODAY - 1 })
		);
		pass_days(1);
		let provider_held = held(HoldReason::Deposit, PROVIDER);
		assert_ok!(RoadUsage::prune_vehicle_day(signed(OWNER), PASSAGES, VEHICLE, TODAY));
		assert_eq!(held(HoldReason::Deposit, PROVIDER), provider_held - VEHICLE_DAY_DEPOSIT);
		assert_eq!(charged(PASSAGES, VEHICLE, TODAY), Vec::<(H256, ChargedBy)>::new());
	});
}

#[test]
fn try_state_finds_a_bond_that_does_not_cover_the_obligations() {
	ExtBuilder::default().with_genesis(genesis()).build().execute_with(|| {
		three_passages();
		assert_ok!(RoadUsage::do_try_state());
		crate::Providers::<Test>::mutate(PROVIDER, |p| p.as_mut().unwrap().obligations = BOND + 1);
		assert_eq!(
			RoadUsage::do_try_state(),
			Err("a provider's bond does not cover its obligations".into())
		);
	});
}

#[test]
fn try_state_finds_an_event_id_charged_twice() {
	ExtBuilder::default().with_genesis(genesis()).build().execute_with(|| {
		let first = three_passages();
		let second = declared(PROVIDER, PASSAGES, vec![passages(VEHICLE, TODAY, &[4])]);
		assert_ok!(RoadUsage::do_try_state());
		VehicleDays::<Test>::mutate((PASSAGES, VEHICLE), TODAY, |entry| {
			let events = &mut entry.as_mut().unwrap().events;
			events
				.try_push(crate::ChargedEvent { event: ev(1), by: ChargedBy::Batch(second) })
				.unwrap();
		});
		assert_eq!(
			RoadUsage::do_try_state(),
			Err("an event id charged twice in a vehicle-day".into())
		);
		let _ = first;
	});
}

#[test]
fn a_rejected_declaration_cannot_be_corrected() {
	run(|| {
		let batch = three_passages();
		assert_ok!(RoadUsage::dispute_batch(signed(CHARGER), batch, REASON));
		assert_ok!(RoadUsage::resolve_dispute(root(), batch, false));
		assert_noop!(
			declare(PROVIDER, PASSAGES, vec![correcting(passages(VEHICLE, TODAY, &[1]), batch, 0)]),
			Error::<Test>::NotCorrectable
		);
	});
}

#[test]
fn a_revoked_providers_open_batch_still_settles() {
	run(|| {
		let batch = three_passages();
		assert_ok!(RoadUsage::revoke_provider(root(), PROVIDER));
		assert_noop!(
			declare(PROVIDER, PASSAGES, vec![passages(VEHICLE, TODAY, &[4])]),
			Error::<Test>::ProviderNotActive
		);
		assert_ok!(RoadUsage::accept_batch(signed(CHARGER), batch));
		assert_eq!(provider(PROVIDER).bond, BOND - 3 * CAR_PASSAGE);
		assert_eq!(provider(PROVIDER).obligations, 0);
	});
}
