//! `try_state` catches broken invariants.

use polkadot_sdk::frame_support::{assert_ok, traits::fungible::MutateHold};
use v2x_primitives::testing::MockVehicles;

use super::*;
use crate::{DueLeases, Instalment, LeaseState, VehicleLease};

/// Runs `break_it` on a chain with a running lease (one period overdue) and an offer, and
/// returns what `try_state` says.
fn broken(break_it: impl FnOnce(LeaseId, LeaseId)) -> Result<(), &'static str> {
	let mut result = Ok(());
	ExtBuilder::default().build().execute_with(|| {
		let running = start_lease();
		run_to_block(2 + PERIOD);
		let expires_at = System::block_number() + 1;
		assert_ok!(UsageLeasing::offer_lease(
			signed(LESSOR),
			OTHER_VEHICLE,
			LESSEE,
			terms(),
			expires_at
		));
		let offer = NextLeaseId::<Test>::get() - 1;
		assert_eq!(UsageLeasing::do_try_state(), Ok(()));
		break_it(running, offer);
		result = UsageLeasing::do_try_state().map_err(|e| match e {
			polkadot_sdk::sp_runtime::DispatchError::Other(message) => message,
			_ => "another error",
		});
	});
	result
}

fn change(id: LeaseId, edit: impl FnOnce(&mut Lease<Test>)) {
	Leases::<Test>::mutate(id, |lease| edit(lease.as_mut().unwrap()));
}

#[test]
fn a_running_lease_without_its_lien_is_caught() {
	let result = broken(|_, _| MockVehicles::update(VEHICLE, |v| v.lien = None));
	assert_eq!(result, Err("an accepted lease without its holder's lien"));
}

#[test]
fn a_lien_held_by_someone_else_than_the_holder_is_caught() {
	let result = broken(|running, _| change(running, |l| l.holder = FINANCIER));
	assert_eq!(result, Err("an accepted lease without its holder's lien"));
}

#[test]
fn a_defaulted_lease_with_nothing_overdue_is_caught() {
	let result = broken(|running, _| {
		change(running, |l| {
			l.state = LeaseState::Defaulted { since: 2 };
			l.arrears.clear();
		})
	});
	assert_eq!(result, Err("a defaulted lease with nothing overdue"));
}

#[test]
fn an_unaccounted_prepayment_hold_is_caught() {
	let result = broken(|_, _| {
		assert_ok!(Balances::hold(&HoldReason::Prepayment.into(), &LESSEE, 1));
	});
	assert_eq!(result, Err("a lessee's prepayment hold does not match its leases"));
}

#[test]
fn a_prepayment_recorded_but_not_held_is_caught() {
	let result = broken(|running, _| {
		change(running, |l| {
			l.arrears.clear();
			l.prepaid = 5;
		})
	});
	assert_eq!(result, Err("a lessee's prepayment hold does not match its leases"));
}

#[test]
fn an_unaccounted_deposit_hold_is_caught() {
	let result = broken(|_, _| {
		assert_ok!(Balances::hold(&HoldReason::Deposit.into(), &LESSOR, 1));
	});
	assert_eq!(result, Err("a lessor's deposit hold does not match its leases"));
}

#[test]
fn a_lease_its_vehicle_does_not_point_to_is_caught() {
	let result = broken(|running, _| VehicleLease::<Test>::remove(lease(running).vehicle));
	assert_eq!(result, Err("a lease not indexed by its vehicle"));
}

#[test]
fn a_vehicle_pointing_to_no_lease_is_caught() {
	let result = broken(|_, _| VehicleLease::<Test>::insert(STRANGER_VEHICLE, 7));
	assert_eq!(result, Err("a vehicle indexed to a lease that does not exist"));
}

#[test]
fn a_lease_id_beyond_the_next_is_caught() {
	let result = broken(|_, _| NextLeaseId::<Test>::put(1));
	assert_eq!(result, Err("a lease id at or beyond NextLeaseId"));
}

#[test]
fn more_periods_settled_than_the_lease_has_are_caught() {
	let result = broken(|running, _| change(running, |l| l.periods_settled = PERIODS + 1));
	assert_eq!(result, Err("a lease settled more periods than it has"));
}

#[test]
fn an_instalment_with_nothing_owed_is_caught() {
	let result =
		broken(|running, _| change(running, |l| l.arrears.iter_mut().for_each(|i| i.owed = 0)));
	assert_eq!(result, Err("an instalment with nothing owed"));
}

#[test]
fn arrears_out_of_order_are_caught() {
	let result = broken(|running, _| {
		change(running, |l| {
			let late = Instalment { period: 1, due: 1 + PERIOD, km: 0, owed: 1 };
			l.arrears.try_push(late).unwrap();
		})
	});
	assert_eq!(result, Err("arrears out of period order"));
}

#[test]
fn a_prepayment_beside_unpaid_arrears_is_caught() {
	let result = broken(|running, _| {
		assert_ok!(Balances::hold(&HoldReason::Prepayment.into(), &LESSEE, 5));
		change(running, |l| l.prepaid = 5);
	});
	assert_eq!(result, Err("a prepayment beside unpaid arrears"));
}

#[test]
fn an_offer_with_a_schedule_is_caught() {
	let result = broken(|_, offer| change(offer, |l| l.start = 3));
	assert_eq!(result, Err("an offer with a schedule or money"));
}

#[test]
fn a_paid_up_lease_left_running_is_caught() {
	let result = broken(|running, _| {
		DueLeases::<Test>::remove(1 + 2 * PERIOD, running);
		change(running, |l| {
			l.periods_settled = PERIODS;
			l.arrears.clear();
		})
	});
	assert_eq!(result, Err("a lease with nothing left to charge or pay was not completed"));
}

#[test]
fn an_accepted_lease_missing_from_the_due_dates_is_caught() {
	let result = broken(|running, _| DueLeases::<Test>::remove(1 + 2 * PERIOD, running));
	assert_eq!(result, Err("an accepted lease with periods left is not due"));
}

#[test]
fn a_due_entry_off_the_next_due_date_is_caught() {
	let result = broken(|running, _| {
		DueLeases::<Test>::remove(1 + 2 * PERIOD, running);
		DueLeases::<Test>::insert(2 + 2 * PERIOD, running, ());
	});
	assert_eq!(result, Err("a due entry off the lease's next due date"));
}

#[test]
fn a_due_entry_of_an_offer_or_of_no_lease_is_caught() {
	let result = broken(|_, offer| DueLeases::<Test>::insert(1 + PERIOD, offer, ()));
	assert_eq!(result, Err("a due entry of an offer"));
	let result = broken(|_, _| DueLeases::<Test>::insert(1 + PERIOD, 9, ()));
	assert_eq!(result, Err("a due entry of no lease"));
}

#[test]
fn the_constants_of_the_test_runtime_are_sane() {
	use polkadot_sdk::frame_support::traits::Hooks;
	ExtBuilder::default().build_and_execute(|| {
		<UsageLeasing as Hooks<u64>>::integrity_test();
	});
}
