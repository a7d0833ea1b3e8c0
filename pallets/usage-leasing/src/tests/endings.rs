//! Endings before the last period: the lessee's buy-out, the holder's transfer of its
//! position, and governance's termination.

use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_runtime::{DispatchError, TokenError},
};
use v2x_primitives::{testing::MockVehicles, OperatingRight, VehicleControl, VehicleRegistry};

use super::*;
use crate::{DueLeases, Error, LeaseState, VehicleLease};

/// Nothing of `id` is left: no lease, no index entry, no due date, nothing held.
fn assert_gone(id: LeaseId) {
	assert!(Leases::<Test>::get(id).is_none());
	assert!(VehicleLease::<Test>::get(VEHICLE).is_none());
	assert!(DueLeases::<Test>::iter().next().is_none());
	for who in [LESSOR, LESSEE, FINANCIER] {
		assert_eq!(held(HoldReason::Deposit, who), 0);
		assert_eq!(held(HoldReason::Prepayment, who), 0);
	}
}

#[test]
fn rounding_at_payoff_still_releases_the_lien() {
	ExtBuilder::default().build_and_execute(|| {
		// 333 km a period: 37 blocks earn 333 * 37 / 100 = 123.21 km, rounded down to 123.
		let terms = crate::LeaseTermsOf::<Test> { included_km: 333, ..terms() };
		let id = start_lease_with(terms);
		assert_ok!(UsageLeasing::pay(signed(LESSEE), id, 100));
		TestOdometer::read(VEHICLE, START_KM + 200);
		run_to_block(1 + 37);

		// The open period: 100 and 2 a km for the 200 - 123 km beyond; two base fees after it;
		// the purchase price.
		let payoff = BASE_FEE + PRICE_PER_KM * (200 - 123) + 2 * BASE_FEE + PURCHASE_PRICE;
		assert_eq!(payoff, 1_454);
		let quote = UsageLeasing::lease_view(VEHICLE).unwrap().payoff;
		assert_eq!(quote, payoff);
		assert_noop!(
			UsageLeasing::buy_out(signed(LESSEE), id, payoff - 1),
			Error::<Test>::PayoffAboveMaximum
		);

		assert_ok!(UsageLeasing::buy_out(signed(LESSEE), id, quote));
		assert_eq!(
			events().last(),
			Some(&Event::LeaseBoughtOut {
				lease: id,
				vehicle: VEHICLE,
				lessee: LESSEE,
				paid: payoff
			})
		);
		// The prepayment paid 100 of it, the lessee's balance the rest.
		assert_eq!(free(LESSEE), BALANCE - payoff);
		assert_eq!(free(LESSOR), BALANCE + payoff);
		assert_gone(id);
		assert_eq!(MockVehicles::lien_holder(VEHICLE), None);
		// The consent sale moved the title.
		assert_eq!(MockVehicles::owner(VEHICLE), Some(LESSEE));
		assert_eq!(MockVehicles::operating_right(VEHICLE, &LESSEE), Some(OperatingRight::Owner));
		assert_eq!(MockVehicles::operating_right(VEHICLE, &LESSOR), None);
		assert_eq!(MockVehicles::offer(VEHICLE), None);
		assert!(UsageLeasing::lease_view(VEHICLE).is_none());
	});
}

#[test]
fn buy_out_of_a_defaulted_lease_pays_its_arrears_to_the_holder() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		run_to_block(1 + PERIOD + GRACE + NOTICE + 1);
		assert_ok!(UsageLeasing::mark_default(signed(LESSOR), id));
		next_block();
		assert!(matches!(lease(id).state, LeaseState::Defaulted { .. }));
		// Arrears 100; the open period 100 (no km); one later base fee; the purchase price.
		let payoff = BASE_FEE + BASE_FEE + BASE_FEE + PURCHASE_PRICE;
		assert_eq!(UsageLeasing::lease_view(VEHICLE).unwrap().payoff, payoff);
		assert_ok!(UsageLeasing::buy_out(signed(LESSEE), id, payoff));
		assert_eq!(free(LESSOR), BALANCE + payoff);
		assert_eq!(free(LESSEE), BALANCE - payoff);
		assert_gone(id);
		assert_eq!(MockVehicles::owner(VEHICLE), Some(LESSEE));
		assert!(!UsageLeasing::immobilisation_authorised(VEHICLE));
	});
}

#[test]
fn only_the_lessee_buys_out_an_accepted_lease_it_can_pay() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			UsageLeasing::buy_out(signed(LESSEE), 7, u64::MAX),
			Error::<Test>::UnknownLease
		);
		let id = offer();
		assert_noop!(
			UsageLeasing::buy_out(signed(LESSEE), id, u64::MAX),
			Error::<Test>::NotRunning
		);
		assert_ok!(UsageLeasing::accept_lease(signed(LESSEE), id));
		for who in [LESSOR, FINANCIER, STRANGER] {
			assert_noop!(
				UsageLeasing::buy_out(signed(who), id, u64::MAX),
				Error::<Test>::NotLessee
			);
		}
		// 1 500 at the start: more than the lessee has once it gave most of it away.
		let keep = 1_000;
		assert_ok!(
			<Balances as polkadot_sdk::frame_support::traits::fungible::Mutate<u64>>::transfer(
				&LESSEE,
				&STRANGER,
				BALANCE - keep,
				polkadot_sdk::frame_support::traits::tokens::Preservation::Preserve,
			)
		);
		assert_noop!(
			UsageLeasing::buy_out(signed(LESSEE), id, u64::MAX),
			DispatchError::Token(TokenError::FundsUnavailable)
		);
		assert_eq!(MockVehicles::lien_holder(VEHICLE), Some(LESSOR));
	});
}

#[test]
fn transferred_position_keeps_the_schedule_and_pays_the_new_holder() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		assert_ok!(UsageLeasing::pay(signed(LESSEE), id, 2 * BASE_FEE));
		run_to_block(50);
		let before = lease(id);

		assert_ok!(UsageLeasing::transfer_position(signed(LESSOR), id, FINANCIER));
		assert_eq!(
			events().last(),
			Some(&Event::PositionTransferred { lease: id, from: LESSOR, to: FINANCIER })
		);
		let after = lease(id);
		assert_eq!(after.holder, FINANCIER);
		assert_eq!(after.owner, LESSOR);
		assert_eq!(Lease { holder: LESSOR, ..after.clone() }, before);
		assert_eq!(MockVehicles::lien_holder(VEHICLE), Some(FINANCIER));
		assert_eq!(DueLeases::<Test>::iter_keys().collect::<Vec<_>>(), vec![(1 + PERIOD, id)]);
		assert_eq!(held(HoldReason::Deposit, LESSOR), LEASE_DEPOSIT);

		// The draw at the next due date goes to the new holder.
		run_to_block(1 + PERIOD + 1);
		assert!(events().contains(&Event::PrepaymentDrawn { lease: id, amount: BASE_FEE }));
		assert_eq!(free(FINANCIER), BALANCE + BASE_FEE);
		assert_eq!(free(LESSOR), BALANCE - LEASE_DEPOSIT);
		assert_eq!(held(HoldReason::Prepayment, LESSEE), BASE_FEE);
		assert_eq!(lease(id).paid, BASE_FEE);

		// And so does a payment; the old holder has no say any more.
		run_to_block(1 + 3 * PERIOD);
		assert_ok!(UsageLeasing::pay(signed(LESSEE), id, BASE_FEE));
		assert!(events().contains(&Event::LeaseCompleted { lease: id, vehicle: VEHICLE }));
		assert_eq!(free(FINANCIER), BALANCE + 3 * BASE_FEE);
		assert_eq!(MockVehicles::lien_holder(VEHICLE), None);
		assert!(Leases::<Test>::get(id).is_none());
		assert_eq!(free(LESSOR), BALANCE);
	});
}

#[test]
fn a_transfer_settles_what_fell_due_for_the_old_holder() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		assert_ok!(UsageLeasing::pay(signed(LESSEE), id, BASE_FEE));
		run_to_block(1 + PERIOD);
		// Period 1 fell due in this block and was not settled yet.
		assert_ok!(UsageLeasing::transfer_position(signed(LESSOR), id, FINANCIER));
		assert_eq!(free(LESSOR), BALANCE - LEASE_DEPOSIT + BASE_FEE);
		assert_eq!(free(FINANCIER), BALANCE);
		assert_eq!(lease(id).periods_settled, 1);
	});
}

#[test]
fn only_the_holder_transfers_an_accepted_lease_to_another_lender() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			UsageLeasing::transfer_position(signed(LESSOR), 7, FINANCIER),
			Error::<Test>::UnknownLease
		);
		let id = offer();
		assert_noop!(
			UsageLeasing::transfer_position(signed(LESSOR), id, FINANCIER),
			Error::<Test>::NotRunning
		);
		assert_ok!(UsageLeasing::accept_lease(signed(LESSEE), id));
		for who in [LESSEE, FINANCIER, STRANGER] {
			assert_noop!(
				UsageLeasing::transfer_position(signed(who), id, FINANCIER),
				Error::<Test>::NotHolder
			);
		}
		assert_noop!(
			UsageLeasing::transfer_position(signed(LESSOR), id, LESSOR),
			Error::<Test>::AlreadyHolder
		);
		for to in [STRANGER, LESSEE] {
			assert_noop!(
				UsageLeasing::transfer_position(signed(LESSOR), id, to),
				Error::<Test>::NotLender
			);
		}
		assert_ok!(UsageLeasing::transfer_position(signed(LESSOR), id, FINANCIER));
		// The lessor is no holder any more.
		assert_noop!(
			UsageLeasing::transfer_position(signed(LESSOR), id, FINANCIER),
			Error::<Test>::NotHolder
		);
		assert_ok!(UsageLeasing::transfer_position(signed(FINANCIER), id, LESSOR));
		assert_eq!(MockVehicles::lien_holder(VEHICLE), Some(LESSOR));
	});
}

#[test]
fn force_terminate_ends_a_lease_and_returns_its_money() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		assert_ok!(UsageLeasing::pay(signed(LESSEE), id, 50));
		run_to_block(1 + PERIOD + 5);
		assert_ok!(UsageLeasing::force_terminate(RuntimeOrigin::root(), id));
		// Period 1's 100 less the 50 drawn, and the two periods not settled.
		assert_eq!(
			events().last(),
			Some(&Event::LeaseTerminated { lease: id, vehicle: VEHICLE, outstanding: 50 + 200 })
		);
		assert_gone(id);
		assert_eq!(MockVehicles::lien_holder(VEHICLE), None);
		assert_eq!(MockVehicles::operating_right(VEHICLE, &LESSEE), None);
		assert_eq!(MockVehicles::owner(VEHICLE), Some(LESSOR));
		assert_eq!(free(LESSOR), BALANCE + 50);
		assert_eq!(free(LESSEE), BALANCE - 50);
	});
}

#[test]
fn force_terminate_withdraws_an_offer() {
	ExtBuilder::default().build_and_execute(|| {
		let id = offer();
		assert_ok!(UsageLeasing::force_terminate(RuntimeOrigin::root(), id));
		assert_eq!(events().last(), Some(&Event::LeaseOfferWithdrawn { lease: id }));
		assert_gone(id);
		assert_eq!(free(LESSOR), BALANCE);
	});
}

#[test]
fn force_terminate_is_governance_only() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		for who in [LESSOR, LESSEE, FINANCIER, STRANGER] {
			assert_noop!(UsageLeasing::force_terminate(signed(who), id), DispatchError::BadOrigin);
		}
		assert_noop!(
			UsageLeasing::force_terminate(RuntimeOrigin::none(), id),
			DispatchError::BadOrigin
		);
		assert_noop!(
			UsageLeasing::force_terminate(RuntimeOrigin::root(), 7),
			Error::<Test>::UnknownLease
		);
		assert_eq!(MockVehicles::lien_holder(VEHICLE), Some(LESSOR));
	});
}

#[test]
fn after_a_transfer_only_the_new_holder_defaults_and_writes_off() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		assert_ok!(UsageLeasing::transfer_position(signed(LESSOR), id, FINANCIER));
		run_to_block(1 + PERIOD + GRACE + NOTICE + 1);
		assert_noop!(UsageLeasing::mark_default(signed(LESSOR), id), Error::<Test>::NotHolder);
		assert_ok!(UsageLeasing::mark_default(signed(FINANCIER), id));
		next_block();
		assert!(events().contains(&Event::ImmobilisationAuthorised {
			lease: id,
			vehicle: VEHICLE,
			holder: FINANCIER,
			overdue: BASE_FEE,
		}));
		assert_noop!(UsageLeasing::write_off(signed(LESSOR), id), Error::<Test>::NotHolder);
		assert_ok!(UsageLeasing::write_off(signed(FINANCIER), id));
		assert_gone(id);
		assert_eq!(MockVehicles::lien_holder(VEHICLE), None);
		// The deposit was the lessor's.
		assert_eq!(free(LESSOR), BALANCE);
		assert_eq!(free(FINANCIER), BALANCE);
	});
}

#[test]
fn a_stolen_vehicle_cannot_be_bought_out_until_recovered() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		assert_ok!(MockVehicles::report_stolen(&LESSOR, VEHICLE));
		assert_noop!(
			UsageLeasing::buy_out(signed(LESSEE), id, u64::MAX),
			Error::<Test>::VehicleNotActive
		);
		assert_eq!(MockVehicles::lien_holder(VEHICLE), Some(LESSOR));
		assert_ok!(MockVehicles::report_recovered(&LESSOR, VEHICLE));
		assert_ok!(UsageLeasing::buy_out(signed(LESSEE), id, u64::MAX));
		assert_eq!(MockVehicles::owner(VEHICLE), Some(LESSEE));
		assert_gone(id);
	});
}

#[test]
fn a_position_is_not_transferred_while_the_vehicle_is_stolen() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		assert_ok!(MockVehicles::report_stolen(&LESSOR, VEHICLE));
		assert_noop!(
			UsageLeasing::transfer_position(signed(LESSOR), id, FINANCIER),
			Error::<Test>::VehicleNotActive
		);
		assert_eq!(MockVehicles::lien_holder(VEHICLE), Some(LESSOR));
		assert_ok!(MockVehicles::report_recovered(&LESSOR, VEHICLE));
		assert_ok!(UsageLeasing::transfer_position(signed(LESSOR), id, FINANCIER));
		assert_eq!(MockVehicles::lien_holder(VEHICLE), Some(FINANCIER));
	});
}
