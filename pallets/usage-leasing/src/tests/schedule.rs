//! The schedule: periods settled for their km, the prepayment drawn, completion, and
//! `on_idle` walking the due dates.

use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok, traits::Hooks, weights::Weight},
	sp_runtime::DispatchError,
};
use v2x_primitives::{
	testing::MockVehicles, FlagReason, ReadingVerdict, VehicleControl, VehicleRegistry,
};

use super::*;
use crate::{
	DueCursor, DueLeases, Error, Instalment, LeaseState, Pallet, Standing, VehicleLease, WeightInfo,
};

/// The first period's due date of a lease started in block 1.
const DUE_1: u64 = 1 + PERIOD;
const DUE_2: u64 = 1 + 2 * PERIOD;

/// `VEHICLE` is driven to `km` past `START_KM` (readings of its original cluster).
fn drive(km: u32) -> ReadingVerdict {
	TestOdometer::read(VEHICLE, START_KM + km)
}

fn due_leases() -> Vec<(u64, LeaseId)> {
	DueLeases::<Test>::iter_keys().collect()
}

#[test]
fn a_period_is_charged_its_base_fee_and_the_km_beyond_the_included() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		drive(700);
		run_to_block(DUE_1);
		assert_eq!(lease(id).periods_settled, 0, "settled only once the due block's work runs");
		System::reset_events();

		assert_ok!(UsageLeasing::settle(signed(STRANGER), id));

		let settled = lease(id);
		let owed = BASE_FEE + PRICE_PER_KM * 200;
		assert_eq!(settled.periods_settled, 1);
		assert_eq!(
			settled.arrears.to_vec(),
			vec![Instalment { period: 1, due: DUE_1, km: 700, owed }]
		);
		assert_eq!(settled.period_start_km, START_KM + 700);
		assert_eq!(settled.km_billed, 700);
		assert_eq!(settled.paid, 0);
		assert_eq!(due_leases(), vec![(DUE_2, id)]);
		assert_eq!(free(LESSEE), BALANCE);
		assert_eq!(free(LESSOR), BALANCE - LEASE_DEPOSIT);
		assert_eq!(
			events(),
			vec![Event::PeriodSettled { lease: id, period: 1, km: 700, amount: owed, due: DUE_1 }]
		);
	});
}

#[test]
fn a_period_within_its_included_km_costs_the_base_fee() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		drive(INCLUDED_KM);
		run_to_block(DUE_1 + 1);
		let settled = lease(id);
		assert_eq!(settled.arrears_total(), BASE_FEE);
		assert_eq!(settled.km_billed, INCLUDED_KM);
	});
}

#[test]
fn nothing_is_settled_before_the_due_block() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		run_to_block(DUE_1 - 1);
		assert_noop!(UsageLeasing::settle(signed(STRANGER), id), Error::<Test>::NothingDue);
		run_to_block(DUE_1);
		assert_ok!(UsageLeasing::settle(signed(STRANGER), id));
		assert_eq!(lease(id).periods_settled, 1);
	});
}

#[test]
fn settle_refuses_offers_unknown_leases_and_unsigned_origins() {
	ExtBuilder::default().build_and_execute(|| {
		let id = offer();
		run_to_block(DUE_1);
		assert_noop!(UsageLeasing::settle(signed(STRANGER), id), Error::<Test>::NotRunning);
		assert_noop!(UsageLeasing::settle(signed(STRANGER), id + 1), Error::<Test>::UnknownLease);
		assert_noop!(UsageLeasing::settle(RuntimeOrigin::none(), id), DispatchError::BadOrigin);
		assert_noop!(UsageLeasing::settle(RuntimeOrigin::root(), id), DispatchError::BadOrigin);
	});
}

#[test]
fn nothing_is_due_once_every_period_is_settled() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		run_to_block(1 + PERIOD * u64::from(PERIODS) + 1);
		let settled = lease(id);
		assert_eq!(settled.periods_settled, PERIODS);
		assert_eq!(settled.arrears_total(), BASE_FEE * u64::from(PERIODS));
		assert_eq!(due_leases(), vec![]);
		assert_noop!(UsageLeasing::settle(signed(STRANGER), id), Error::<Test>::NothingDue);
		assert_eq!(MockVehicles::lien_holder(VEHICLE), Some(LESSOR), "still owed: the lien stays");
	});
}

#[test]
fn rollback_during_a_period_never_lowers_the_km_owed() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		assert_eq!(drive(600), ReadingVerdict::Consistent);
		assert_eq!(drive(100), ReadingVerdict::Flagged(FlagReason::Rollback));
		assert_eq!(TestOdometer::flagged(), vec![(VEHICLE, START_KM + 100)]);
		run_to_block(DUE_1 + 1);

		let settled = lease(id);
		assert_eq!(settled.km_billed, 600);
		assert_eq!(settled.arrears_total(), BASE_FEE + PRICE_PER_KM * 100);
		assert!(events().contains(&Event::PeriodSettled {
			lease: id,
			period: 1,
			km: 600,
			amount: BASE_FEE + PRICE_PER_KM * 100,
			due: DUE_1,
		}));
	});
}

#[test]
fn a_reading_below_the_period_start_counts_no_km() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		let mut copy = lease(id);
		// Whatever the history says, the period's km are never negative nor a wrap-around.
		let (closed, drawn) =
			Pallet::<Test>::advance(&mut copy, DUE_1, Some(START_KM - 1)).unwrap();
		assert_eq!(closed, vec![Instalment { period: 1, due: DUE_1, km: 0, owed: BASE_FEE }]);
		assert_eq!(drawn, 0);
		assert_eq!(copy.period_start_km, START_KM);
	});
}

#[test]
fn device_replaced_mid_period_neither_drops_nor_double_counts_km() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		drive(300);
		// The old device goes; the new one reads a newly fitted cluster from 0.
		MockVehicles::update(VEHICLE, |v| v.devices = vec![STRANGER]);
		TestOdometer::new_cluster(VEHICLE, 0);
		assert_eq!(TestOdometer::read(VEHICLE, 400), ReadingVerdict::Consistent);
		run_to_block(DUE_1 + 1);

		let first = lease(id);
		assert_eq!(first.km_billed, 700);
		assert_eq!(first.period_start_km, START_KM + 700);
		assert_eq!(first.arrears_total(), BASE_FEE + PRICE_PER_KM * 200);

		assert_eq!(TestOdometer::read(VEHICLE, 600), ReadingVerdict::Consistent);
		run_to_block(DUE_2 + 1);
		let second = lease(id);
		assert_eq!(second.km_billed, 900);
		assert_eq!(
			second.arrears.last().map(|i| (i.period, i.km, i.owed)),
			Some((2, 200, BASE_FEE))
		);
	});
}

#[test]
fn a_late_settlement_puts_every_km_since_the_last_in_the_first_period_it_closes() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		drive(800);
		// Nothing settles the lease until the second due date (no idle time).
		System::set_block_number(DUE_2);
		assert_ok!(UsageLeasing::settle(signed(STRANGER), id));

		let settled = lease(id);
		assert_eq!(
			settled.arrears.to_vec(),
			vec![
				Instalment { period: 1, due: DUE_1, km: 800, owed: BASE_FEE + PRICE_PER_KM * 300 },
				Instalment { period: 2, due: DUE_2, km: 0, owed: BASE_FEE },
			]
		);
		assert_eq!(settled.km_billed, 800);
		assert_eq!(due_leases(), vec![(DUE_2 + PERIOD, id)]);
		let settled_events: Vec<_> =
			events().into_iter().filter(|e| matches!(e, Event::PeriodSettled { .. })).collect();
		assert_eq!(settled_events.len(), 2);
	});
}

#[test]
fn prepayment_is_drawn_at_the_due_date_in_on_idle() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		assert_ok!(UsageLeasing::pay(signed(LESSEE), id, 1_000));
		run_to_block(DUE_1);
		assert_eq!(lease(id).prepaid, 1_000, "not drawn before the due block's idle time");
		assert_eq!(held(HoldReason::Prepayment, LESSEE), 1_000);
		System::reset_events();

		next_block();

		let drawn = lease(id);
		assert_eq!(drawn.prepaid, 900);
		assert_eq!(drawn.paid, BASE_FEE);
		assert!(drawn.arrears.is_empty());
		assert_eq!(drawn.state, LeaseState::Running);
		assert_eq!(held(HoldReason::Prepayment, LESSEE), 900);
		assert_eq!(free(LESSEE), BALANCE - 1_000);
		assert_eq!(free(LESSOR), BALANCE - LEASE_DEPOSIT + BASE_FEE);
		assert_eq!(due_leases(), vec![(DUE_2, id)]);
		assert_eq!(DueCursor::<Test>::get(), Some(DUE_1 + 1));
		assert_eq!(
			events(),
			vec![
				Event::PeriodSettled { lease: id, period: 1, km: 0, amount: BASE_FEE, due: DUE_1 },
				Event::PrepaymentDrawn { lease: id, amount: BASE_FEE },
			]
		);
	});
}

#[test]
fn two_periods_then_completion_releases_the_lien_exactly_when_nothing_is_owed() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease_with(crate::LeaseTermsOf::<Test> { periods: 2, ..terms() });
		run_to_block(DUE_1 + 1);
		assert_eq!(lease(id).arrears_total(), BASE_FEE);
		assert_ok!(UsageLeasing::pay(signed(LESSEE), id, BASE_FEE));
		assert!(lease(id).arrears.is_empty());
		assert_eq!(MockVehicles::lien_holder(VEHICLE), Some(LESSOR), "a period is left");

		drive(700);
		run_to_block(DUE_2 + 1);
		let last = lease(id);
		assert_eq!(last.periods_settled, 2);
		assert_eq!(last.arrears_total(), BASE_FEE + PRICE_PER_KM * 200);
		assert_eq!(due_leases(), vec![]);
		assert_eq!(MockVehicles::lien_holder(VEHICLE), Some(LESSOR), "still owed");

		assert_ok!(UsageLeasing::pay(signed(LESSEE), id, BASE_FEE + PRICE_PER_KM * 200 - 1));
		assert_eq!(lease(id).arrears_total(), 1);
		assert_eq!(MockVehicles::lien_holder(VEHICLE), Some(LESSOR), "one unit still owed");
		System::reset_events();

		assert_ok!(UsageLeasing::pay(signed(LESSEE), id, 1));

		assert_eq!(MockVehicles::lien_holder(VEHICLE), None);
		assert_eq!(Leases::<Test>::get(id), None);
		assert_eq!(VehicleLease::<Test>::get(VEHICLE), None);
		assert_eq!(held(HoldReason::Deposit, LESSOR), 0);
		assert_eq!(held(HoldReason::Prepayment, LESSEE), 0);
		let total = 2 * BASE_FEE + PRICE_PER_KM * 200;
		assert_eq!(free(LESSOR), BALANCE + total);
		assert_eq!(free(LESSEE), BALANCE - total);
		assert_eq!(
			events(),
			vec![
				Event::PaymentMade { lease: id, to_holder: 1, prepaid: 0 },
				Event::LeaseCompleted { lease: id, vehicle: VEHICLE },
			]
		);
		// The vehicle is free to be sold or leased again.
		assert_ok!(MockVehicles::offer_sale(&LESSOR, VEHICLE, &STRANGER, Some(1), 100));
	});
}

#[test]
fn completion_returns_what_is_left_of_the_prepayment() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease_with(crate::LeaseTermsOf::<Test> { periods: 1, ..terms() });
		assert_ok!(UsageLeasing::pay(signed(LESSEE), id, 150));
		System::reset_events();
		run_to_block(DUE_1 + 1);

		assert_eq!(Leases::<Test>::get(id), None);
		assert_eq!(MockVehicles::lien_holder(VEHICLE), None);
		assert_eq!(held(HoldReason::Prepayment, LESSEE), 0);
		assert_eq!(held(HoldReason::Deposit, LESSOR), 0);
		assert_eq!(free(LESSEE), BALANCE - BASE_FEE);
		assert_eq!(free(LESSOR), BALANCE + BASE_FEE);
		assert_eq!(
			events(),
			vec![
				Event::PeriodSettled { lease: id, period: 1, km: 0, amount: BASE_FEE, due: DUE_1 },
				Event::PrepaymentDrawn { lease: id, amount: BASE_FEE },
				Event::LeaseCompleted { lease: id, vehicle: VEHICLE },
			]
		);
	});
}

/// `LESSOR` leases `OTHER_VEHICLE` (odometer at 0) to `LESSEE` on `terms`, in the current
/// block; returns the lease.
fn second_lease(terms: crate::LeaseTermsOf<Test>) -> LeaseId {
	TestOdometer::read(OTHER_VEHICLE, 0);
	let expires_at = System::block_number() + MAX_OFFER_DURATION;
	assert_ok!(UsageLeasing::offer_lease(signed(LESSOR), OTHER_VEHICLE, LESSEE, terms, expires_at));
	let id = NextLeaseId::<Test>::get() - 1;
	assert_ok!(UsageLeasing::accept_lease(signed(LESSEE), id));
	id
}

#[test]
fn on_idle_settles_as_many_leases_as_fit_and_goes_on_in_the_next_block() {
	ExtBuilder::default().build_and_execute(|| {
		let first = start_lease();
		let second = second_lease(terms());
		System::set_block_number(DUE_1);
		let settle = <() as WeightInfo>::settle();

		assert_eq!(UsageLeasing::on_idle(DUE_1, settle), settle);
		let settled = |id| lease(id).periods_settled;
		assert_eq!(settled(first) + settled(second), 1);
		assert_eq!(DueCursor::<Test>::get(), Some(DUE_1), "the block is not done");

		assert_eq!(UsageLeasing::on_idle(DUE_1, Weight::MAX), settle);
		assert_eq!((settled(first), settled(second)), (1, 1));
		assert_eq!(DueCursor::<Test>::get(), Some(DUE_1 + 1));
		assert_eq!(due_leases().len(), 2);
		assert!(due_leases().iter().all(|(due, _)| *due == DUE_2));
	});
}

#[test]
fn on_idle_settles_nothing_without_room() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		System::set_block_number(DUE_1);
		assert_eq!(UsageLeasing::on_idle(DUE_1, Weight::zero()), Weight::zero());
		assert_eq!(lease(id).periods_settled, 0);
		assert_eq!(due_leases(), vec![(DUE_1, id)]);
	});
}

#[test]
fn on_idle_catches_up_on_blocks_it_missed() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		next_block();
		assert_eq!(DueCursor::<Test>::get(), Some(2));
		// No idle time until well after the due date.
		System::set_block_number(DUE_1 + 5);
		UsageLeasing::on_idle(DUE_1 + 5, Weight::MAX);
		assert_eq!(lease(id).periods_settled, 1);
		assert_eq!(DueCursor::<Test>::get(), Some(DUE_1 + 6));
	});
}

#[test]
fn on_idle_walks_at_most_its_bound_of_blocks_and_goes_on_in_the_next() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		next_block();
		assert_eq!(DueCursor::<Test>::get(), Some(2));
		let bound = u64::from(crate::features::schedule::MAX_BLOCKS_WALKED_PER_IDLE);
		let late = 2 + 2 * bound + DUE_1;
		System::set_block_number(late);

		// The first call walks `bound` blocks, the due date among them: the lease is settled
		// for every period due by now.
		UsageLeasing::on_idle(late, Weight::MAX);
		assert_eq!(DueCursor::<Test>::get(), Some(2 + bound));
		assert!(DUE_1 < 2 + bound);
		assert_eq!(lease(id).periods_settled, PERIODS);

		UsageLeasing::on_idle(late, Weight::MAX);
		assert_eq!(DueCursor::<Test>::get(), Some(2 + 2 * bound));
		UsageLeasing::on_idle(late, Weight::MAX);
		assert_eq!(DueCursor::<Test>::get(), Some(late + 1), "caught up");
	});
}

#[test]
fn a_failing_settlement_does_not_block_the_others() {
	ExtBuilder::default().build_and_execute(|| {
		// The first lease's charge cannot be computed once a km beyond the included is driven:
		// terms no offer may have any more (`InvalidTerms`), written into storage.
		let broken = start_lease_with(terms());
		crate::Leases::<Test>::mutate(broken, |lease| {
			lease.as_mut().unwrap().terms.price_per_km = u64::MAX
		});
		drive(INCLUDED_KM + 1);
		let healthy = second_lease(terms());
		System::set_block_number(DUE_1);

		UsageLeasing::on_idle(DUE_1, Weight::MAX);

		assert_eq!(lease(healthy).periods_settled, 1);
		assert_eq!(lease(broken).periods_settled, 0);
		assert!(due_leases().contains(&(DUE_1, broken)), "left as it was");
		assert_eq!(DueCursor::<Test>::get(), Some(DUE_1 + 1));
		assert_noop!(
			UsageLeasing::settle(signed(STRANGER), broken),
			Error::<Test>::ArithmeticOverflow
		);
	});
}

#[test]
fn standing_runs_from_current_through_grace_to_delinquent() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(Pallet::<Test>::standing(&lease(offer()), 1), Standing::Offered);
		assert_ok!(UsageLeasing::accept_lease(signed(LESSEE), 0));
		assert_eq!(Pallet::<Test>::standing(&lease(0), 1), Standing::Current);
		run_to_block(DUE_1 + 1);

		let overdue = lease(0);
		assert_eq!(Pallet::<Test>::standing(&overdue, DUE_1), Standing::Grace);
		assert_eq!(Pallet::<Test>::standing(&overdue, DUE_1 + GRACE), Standing::Grace);
		assert_eq!(Pallet::<Test>::standing(&overdue, DUE_1 + GRACE + 1), Standing::Delinquent);
		let defaulted = Lease { state: LeaseState::Defaulted { since: 1 }, ..overdue };
		assert_eq!(Pallet::<Test>::standing(&defaulted, DUE_1), Standing::Defaulted);
	});
}

#[test]
fn a_default_is_allowed_only_after_the_due_date_grace_and_notice() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		assert!(!Pallet::<Test>::default_allowed(&lease(id), DUE_2 * 10), "nothing overdue");
		run_to_block(DUE_1 + 1);
		let overdue = lease(id);
		assert!(!Pallet::<Test>::default_allowed(&overdue, DUE_1 + GRACE + NOTICE));
		assert!(Pallet::<Test>::default_allowed(&overdue, DUE_1 + GRACE + NOTICE + 1));
	});
}

#[test]
fn the_payoff_counts_the_included_km_earned_so_far_rounded_down() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease_with(crate::LeaseTermsOf::<Test> { included_km: 333, ..terms() });
		drive(200);
		// Half the first period: 166.5 km included, rounded down to 166.
		let payoff = Pallet::<Test>::payoff(&lease(id), 1 + PERIOD / 2, Some(START_KM + 200));
		let open = BASE_FEE + PRICE_PER_KM * (200 - 166);
		assert_eq!(payoff, Ok(open + 2 * BASE_FEE + PURCHASE_PRICE));
	});
}

#[test]
fn the_payoff_adds_the_arrears_and_drops_the_later_fees_in_the_last_period() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		System::set_block_number(DUE_2);
		assert_ok!(UsageLeasing::settle(signed(STRANGER), id));
		// The last period begins: nothing driven, nothing included yet.
		let payoff = Pallet::<Test>::payoff(&lease(id), DUE_2, Some(START_KM));
		assert_eq!(payoff, Ok(2 * BASE_FEE + BASE_FEE + PURCHASE_PRICE));
		// Every period settled: the arrears and the purchase price.
		System::set_block_number(DUE_2 + PERIOD);
		assert_ok!(UsageLeasing::settle(signed(STRANGER), id));
		let payoff = Pallet::<Test>::payoff(&lease(id), DUE_2 + PERIOD, Some(START_KM));
		assert_eq!(payoff, Ok(3 * BASE_FEE + PURCHASE_PRICE));
	});
}

#[test]
fn advance_changes_nothing_stored() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		assert_ok!(UsageLeasing::pay(signed(LESSEE), id, 50));
		let stored = lease(id);
		let mut copy = stored.clone();
		let (closed, drawn) =
			Pallet::<Test>::advance(&mut copy, DUE_2, Some(START_KM + 600)).unwrap();

		assert_eq!(closed.len(), 2);
		assert_eq!(drawn, 50);
		assert_eq!(copy.arrears_total(), BASE_FEE + PRICE_PER_KM * 100 + BASE_FEE - 50);
		assert_eq!(lease(id), stored);
		assert_eq!(held(HoldReason::Prepayment, LESSEE), 50);
		assert_eq!(due_leases(), vec![(DUE_1, id)]);
	});
}

#[test]
fn an_offer_does_not_advance() {
	ExtBuilder::default().build_and_execute(|| {
		let mut copy = lease(offer());
		let (closed, drawn) = Pallet::<Test>::advance(&mut copy, DUE_2, Some(START_KM)).unwrap();
		assert!(closed.is_empty());
		assert_eq!(drawn, 0);
		assert_eq!(copy.periods_settled, 0);
		assert_eq!(MockVehicles::owner(VEHICLE), Some(LESSOR));
	});
}
