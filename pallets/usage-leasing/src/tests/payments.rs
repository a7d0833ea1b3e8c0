//! Payments and prepayments.

use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_runtime::{DispatchError, TokenError},
};
use v2x_primitives::{testing::MockVehicles, VehicleControl};

use super::*;
use crate::{Error, Instalment, LeaseState, Pallet, Standing};

const DUE_1: u64 = 1 + PERIOD;
const DUE_2: u64 = 1 + 2 * PERIOD;

#[test]
fn a_payment_before_anything_is_due_is_held_as_prepayment() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		System::reset_events();
		assert_ok!(UsageLeasing::pay(signed(LESSEE), id, 250));

		let paid = lease(id);
		assert_eq!(paid.prepaid, 250);
		assert_eq!(paid.paid, 0);
		assert_eq!(held(HoldReason::Prepayment, LESSEE), 250);
		assert_eq!(free(LESSEE), BALANCE - 250);
		assert_eq!(free(LESSOR), BALANCE - LEASE_DEPOSIT);
		assert_eq!(events(), vec![Event::PaymentMade { lease: id, to_holder: 0, prepaid: 250 }]);
	});
}

#[test]
fn a_payment_settles_the_due_periods_first() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		run_to_block(DUE_1);
		System::reset_events();
		assert_ok!(UsageLeasing::pay(signed(LESSEE), id, BASE_FEE));

		let paid = lease(id);
		assert_eq!(paid.periods_settled, 1);
		assert!(paid.arrears.is_empty());
		assert_eq!(paid.paid, BASE_FEE);
		assert_eq!(free(LESSOR), BALANCE - LEASE_DEPOSIT + BASE_FEE);
		assert_eq!(free(LESSEE), BALANCE - BASE_FEE);
		assert_eq!(
			events(),
			vec![
				Event::PeriodSettled { lease: id, period: 1, km: 0, amount: BASE_FEE, due: DUE_1 },
				Event::PaymentMade { lease: id, to_holder: BASE_FEE, prepaid: 0 },
			]
		);
	});
}

#[test]
fn a_payment_goes_to_the_oldest_instalment_first_and_the_rest_is_held() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		TestOdometer::read(VEHICLE, START_KM + 700);
		System::set_block_number(DUE_2);
		let first = BASE_FEE + PRICE_PER_KM * 200;

		assert_ok!(UsageLeasing::pay(signed(LESSEE), id, first + 50));
		assert_eq!(
			lease(id).arrears.to_vec(),
			vec![Instalment { period: 2, due: DUE_2, km: 0, owed: BASE_FEE - 50 }]
		);
		System::reset_events();

		assert_ok!(UsageLeasing::pay(signed(LESSEE), id, 80));

		let paid = lease(id);
		assert!(paid.arrears.is_empty());
		assert_eq!(paid.prepaid, 30);
		assert_eq!(paid.paid, first + BASE_FEE);
		assert_eq!(held(HoldReason::Prepayment, LESSEE), 30);
		assert_eq!(free(LESSEE), BALANCE - first - BASE_FEE - 30);
		assert_eq!(free(LESSOR), BALANCE - LEASE_DEPOSIT + first + BASE_FEE);
		assert_eq!(
			events(),
			vec![Event::PaymentMade { lease: id, to_holder: BASE_FEE - 50, prepaid: 30 }]
		);
	});
}

#[test]
fn payment_one_block_after_grace_is_accepted_and_blocks_the_default() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		let late = DUE_1 + GRACE + 1;
		run_to_block(late);
		assert_eq!(Pallet::<Test>::standing(&lease(id), late), Standing::Delinquent);

		assert_ok!(UsageLeasing::pay(signed(LESSEE), id, BASE_FEE));

		let paid = lease(id);
		assert_eq!(Pallet::<Test>::standing(&paid, late), Standing::Current);
		assert_eq!(paid.state, LeaseState::Running);
		assert!(!Pallet::<Test>::default_allowed(&paid, late));
		assert_eq!(free(LESSOR), BALANCE - LEASE_DEPOSIT + BASE_FEE);
		assert_eq!(
			events().last(),
			Some(&Event::PaymentMade { lease: id, to_holder: BASE_FEE, prepaid: 0 })
		);
		// Even once due date + grace + notice has passed, there is nothing to default on.
		run_to_block(DUE_1 + GRACE + NOTICE + 1);
		assert_noop!(
			UsageLeasing::mark_default(signed(LESSOR), id),
			Error::<Test>::DefaultNotAllowed
		);
	});
}

#[test]
fn only_the_lessee_pays() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		for who in [LESSOR, FINANCIER, STRANGER] {
			assert_noop!(UsageLeasing::pay(signed(who), id, 10), Error::<Test>::NotLessee);
		}
		assert_noop!(UsageLeasing::pay(RuntimeOrigin::root(), id, 10), DispatchError::BadOrigin);
		assert_noop!(UsageLeasing::pay(signed(LESSEE), id + 1, 10), Error::<Test>::UnknownLease);
	});
}

#[test]
fn an_offer_takes_no_payment() {
	ExtBuilder::default().build_and_execute(|| {
		let id = offer();
		assert_noop!(UsageLeasing::pay(signed(LESSEE), id, 10), Error::<Test>::NotRunning);
		assert_noop!(
			UsageLeasing::withdraw_prepayment(signed(LESSEE), id, 10),
			Error::<Test>::NotRunning
		);
	});
}

#[test]
fn a_payment_of_zero_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		assert_noop!(UsageLeasing::pay(signed(LESSEE), id, 0), Error::<Test>::ZeroAmount);
	});
}

#[test]
fn a_payment_the_lessee_cannot_afford_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		assert_noop!(
			UsageLeasing::pay(signed(LESSEE), id, BALANCE + 1),
			TokenError::FundsUnavailable
		);
		// Arrears above the lessee's balance: paying all of it would end the account.
		TestOdometer::read(VEHICLE, START_KM + INCLUDED_KM + 5_000);
		run_to_block(DUE_1);
		assert_noop!(UsageLeasing::pay(signed(LESSEE), id, BALANCE), TokenError::NotExpendable);
	});
}

#[test]
fn paying_after_the_prepayment_covered_the_last_period_takes_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease_with(crate::LeaseTermsOf::<Test> { periods: 1, ..terms() });
		assert_ok!(UsageLeasing::pay(signed(LESSEE), id, BASE_FEE));
		run_to_block(DUE_1);
		System::reset_events();

		assert_ok!(UsageLeasing::pay(signed(LESSEE), id, 40));

		assert_eq!(Leases::<Test>::get(id), None);
		assert_eq!(MockVehicles::lien_holder(VEHICLE), None);
		assert_eq!(free(LESSEE), BALANCE - BASE_FEE);
		assert_eq!(held(HoldReason::Prepayment, LESSEE), 0);
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

#[test]
fn the_lessee_takes_back_what_is_left_of_its_prepayment() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		assert_ok!(UsageLeasing::pay(signed(LESSEE), id, 300));
		System::reset_events();

		assert_ok!(UsageLeasing::withdraw_prepayment(signed(LESSEE), id, 100));

		assert_eq!(lease(id).prepaid, 200);
		assert_eq!(held(HoldReason::Prepayment, LESSEE), 200);
		assert_eq!(free(LESSEE), BALANCE - 200);
		assert_eq!(events(), vec![Event::PrepaymentWithdrawn { lease: id, amount: 100 }]);
		assert_noop!(
			UsageLeasing::withdraw_prepayment(signed(LESSEE), id, 201),
			Error::<Test>::InsufficientPrepayment
		);
		assert_ok!(UsageLeasing::withdraw_prepayment(signed(LESSEE), id, 200));
		assert_eq!(lease(id).prepaid, 0);
		assert_eq!(held(HoldReason::Prepayment, LESSEE), 0);
		assert_eq!(free(LESSEE), BALANCE);
	});
}

#[test]
fn a_due_instalment_is_drawn_before_a_withdrawal() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		assert_ok!(UsageLeasing::pay(signed(LESSEE), id, 300));
		run_to_block(DUE_1);
		assert_noop!(
			UsageLeasing::withdraw_prepayment(signed(LESSEE), id, 300),
			Error::<Test>::InsufficientPrepayment
		);
		System::reset_events();

		assert_ok!(UsageLeasing::withdraw_prepayment(signed(LESSEE), id, 200));

		let drawn = lease(id);
		assert_eq!(drawn.prepaid, 0);
		assert_eq!(drawn.paid, BASE_FEE);
		assert!(drawn.arrears.is_empty());
		assert_eq!(held(HoldReason::Prepayment, LESSEE), 0);
		assert_eq!(free(LESSEE), BALANCE - BASE_FEE);
		assert_eq!(free(LESSOR), BALANCE - LEASE_DEPOSIT + BASE_FEE);
		assert_eq!(
			events(),
			vec![
				Event::PeriodSettled { lease: id, period: 1, km: 0, amount: BASE_FEE, due: DUE_1 },
				Event::PrepaymentDrawn { lease: id, amount: BASE_FEE },
				Event::PrepaymentWithdrawn { lease: id, amount: 200 },
			]
		);
	});
}

#[test]
fn only_the_lessee_withdraws_a_prepayment_and_not_zero() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		assert_ok!(UsageLeasing::pay(signed(LESSEE), id, 300));
		for who in [LESSOR, FINANCIER, STRANGER] {
			assert_noop!(
				UsageLeasing::withdraw_prepayment(signed(who), id, 10),
				Error::<Test>::NotLessee
			);
		}
		assert_noop!(
			UsageLeasing::withdraw_prepayment(signed(LESSEE), id + 1, 10),
			Error::<Test>::UnknownLease
		);
		assert_noop!(
			UsageLeasing::withdraw_prepayment(signed(LESSEE), id, 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			UsageLeasing::withdraw_prepayment(RuntimeOrigin::root(), id, 10),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn payments_go_to_the_holder_not_the_lessor() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		// As a transfer of the position leaves it (helper B's `transfer_position`).
		assert_ok!(MockVehicles::release_lien(&LESSOR, VEHICLE));
		assert_ok!(MockVehicles::place_lien(&LESSOR, VEHICLE, &FINANCIER));
		Leases::<Test>::mutate(id, |l| l.as_mut().unwrap().holder = FINANCIER);
		run_to_block(DUE_1);

		assert_ok!(UsageLeasing::pay(signed(LESSEE), id, BASE_FEE + 20));
		assert_eq!(free(FINANCIER), BALANCE + BASE_FEE);
		assert_eq!(free(LESSOR), BALANCE - LEASE_DEPOSIT);
		run_to_block(DUE_2 + 1);
		assert_eq!(free(FINANCIER), BALANCE + BASE_FEE + 20, "the draw too");
	});
}
