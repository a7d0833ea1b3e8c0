//! Defaults: requested by the holder after a due date's grace and notice, decided at the end
//! of the block after its payments, cured by paying the arrears, and written off.
//!
//! The usual lease starts in block 1: period 1 falls due in block 101 (100 owed when nothing
//! is driven), its grace runs to 111 and its notice to 131; a default is allowed from 132.

use polkadot_sdk::frame_support::{assert_noop, assert_ok};
use v2x_primitives::{testing::MockVehicles, VehicleControl, VehicleRegistry};

use super::*;
use crate::{DefaultChecks, Error, LeaseState, Standing};

/// The first block a default of the usual lease's first instalment is allowed in.
const DEFAULT_FROM: u64 = 1 + PERIOD + GRACE + NOTICE + 1;

/// The usual lease, its first instalment unpaid, run to block `DEFAULT_FROM`.
fn overdue_lease() -> LeaseId {
	let id = start_lease();
	run_to_block(DEFAULT_FROM);
	id
}

/// The usual lease in default: requested in `DEFAULT_FROM`, confirmed at its end; the next
/// block is open.
fn defaulted_lease() -> LeaseId {
	let id = overdue_lease();
	assert_ok!(UsageLeasing::mark_default(signed(LESSOR), id));
	next_block();
	assert_eq!(lease(id).state, LeaseState::Defaulted { since: DEFAULT_FROM });
	id
}

fn requested(id: LeaseId) -> bool {
	events().contains(&Event::DefaultRequested { lease: id })
}

fn authorised(id: LeaseId) -> bool {
	events()
		.iter()
		.any(|e| matches!(e, Event::ImmobilisationAuthorised { lease, .. } if *lease == id))
}

#[test]
fn default_is_refused_until_due_plus_grace_plus_notice() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		let due = 1 + PERIOD;
		// Grace, then notice: no default while either runs, the last block of the notice too.
		for block in [due, due + GRACE, due + GRACE + 1, due + GRACE + NOTICE] {
			run_to_block(block);
			assert_noop!(
				UsageLeasing::mark_default(signed(LESSOR), id),
				Error::<Test>::DefaultNotAllowed
			);
		}
		assert_eq!(UsageLeasing::standing(&lease(id), due + GRACE + NOTICE), Standing::Delinquent);

		next_block();
		assert_eq!(System::block_number(), due + GRACE + NOTICE + 1);
		assert_ok!(UsageLeasing::mark_default(signed(LESSOR), id));
		assert!(requested(id));
		assert_eq!(DefaultChecks::<Test>::get().into_inner(), vec![id]);
		// Requested only: decided at the end of the block.
		assert_eq!(lease(id).state, LeaseState::Running);
		assert!(!UsageLeasing::immobilisation_authorised(VEHICLE));

		next_block();
		assert!(DefaultChecks::<Test>::get().is_empty());
		assert_eq!(lease(id).state, LeaseState::Defaulted { since: due + GRACE + NOTICE + 1 });
		assert!(events().contains(&Event::ImmobilisationAuthorised {
			lease: id,
			vehicle: VEHICLE,
			holder: LESSOR,
			overdue: BASE_FEE,
		}));
		assert!(UsageLeasing::immobilisation_authorised(VEHICLE));
		assert_eq!(free(LESSOR), BALANCE - LEASE_DEPOSIT);
		assert_eq!(held(HoldReason::Deposit, LESSOR), LEASE_DEPOSIT);
	});
}

#[test]
fn pay_and_default_in_the_same_block_keeps_the_lease_current() {
	ExtBuilder::default().build_and_execute(|| {
		let id = overdue_lease();
		assert_ok!(UsageLeasing::mark_default(signed(LESSOR), id));
		assert_ok!(UsageLeasing::pay(signed(LESSEE), id, BASE_FEE));
		assert!(lease(id).arrears.is_empty());

		next_block();
		assert!(events().contains(&Event::DefaultAverted { lease: id }));
		assert!(!authorised(id));
		assert_eq!(lease(id).state, LeaseState::Running);
		assert_eq!(UsageLeasing::standing(&lease(id), System::block_number()), Standing::Current);
		assert!(!UsageLeasing::immobilisation_authorised(VEHICLE));
		assert!(DefaultChecks::<Test>::get().is_empty());
		assert_eq!(free(LESSOR), BALANCE - LEASE_DEPOSIT + BASE_FEE);
		assert_eq!(free(LESSEE), BALANCE - BASE_FEE);
		assert_eq!(held(HoldReason::Prepayment, LESSEE), 0);
		assert_eq!(lease(id).paid, BASE_FEE);
	});
}

#[test]
fn immobilisation_is_never_authorised_while_current() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		// Two periods prepaid: the lease is current until the third falls due.
		assert_ok!(UsageLeasing::pay(signed(LESSEE), id, 2 * BASE_FEE));
		let third_due = 1 + 3 * PERIOD;
		while System::block_number() < third_due {
			let now = System::block_number();
			assert_eq!(UsageLeasing::standing(&lease(id), now), Standing::Current);
			assert!(!UsageLeasing::immobilisation_authorised(VEHICLE));
			if now > 1 + PERIOD + GRACE + NOTICE && now.is_multiple_of(25) {
				assert_noop!(
					UsageLeasing::mark_default(signed(LESSOR), id),
					Error::<Test>::DefaultNotAllowed
				);
			}
			next_block();
		}
		assert!(!authorised(id));
		assert_eq!(lease(id).periods_settled, 2);
		assert_eq!(free(LESSOR), BALANCE - LEASE_DEPOSIT + 2 * BASE_FEE);
		assert_eq!(held(HoldReason::Prepayment, LESSEE), 0);
	});
}

#[test]
fn a_default_requested_on_a_lease_the_prepayment_pays_is_averted() {
	ExtBuilder::default().build_and_execute(|| {
		let id = overdue_lease();
		assert_ok!(UsageLeasing::mark_default(signed(LESSOR), id));
		// A prepayment paid in the same block goes to the arrears first.
		assert_ok!(UsageLeasing::pay(signed(LESSEE), id, 3 * BASE_FEE));
		next_block();
		assert!(events().contains(&Event::DefaultAverted { lease: id }));
		assert_eq!(lease(id).state, LeaseState::Running);
		assert_eq!(lease(id).prepaid, 2 * BASE_FEE);
		assert_eq!(held(HoldReason::Prepayment, LESSEE), 2 * BASE_FEE);
	});
}

#[test]
fn a_cure_revokes_the_immobilisation() {
	ExtBuilder::default().build_and_execute(|| {
		let id = defaulted_lease();
		assert!(UsageLeasing::immobilisation_authorised(VEHICLE));
		// A part payment leaves the default.
		assert_ok!(UsageLeasing::pay(signed(LESSEE), id, BASE_FEE - 1));
		assert!(UsageLeasing::immobilisation_authorised(VEHICLE));
		assert!(matches!(lease(id).state, LeaseState::Defaulted { .. }));

		assert_ok!(UsageLeasing::pay(signed(LESSEE), id, 1));
		assert_eq!(
			events().last(),
			Some(&Event::ImmobilisationRevoked { lease: id, vehicle: VEHICLE })
		);
		assert_eq!(lease(id).state, LeaseState::Running);
		assert!(!UsageLeasing::immobilisation_authorised(VEHICLE));
		assert_eq!(UsageLeasing::standing(&lease(id), System::block_number()), Standing::Current);
		assert_eq!(free(LESSOR), BALANCE - LEASE_DEPOSIT + BASE_FEE);
		assert_eq!(free(LESSEE), BALANCE - BASE_FEE);
		// The lien stays: two periods are left.
		assert_eq!(MockVehicles::lien_holder(VEHICLE), Some(LESSOR));
	});
}

#[test]
fn only_the_holder_requests_a_default_of_a_running_lease_once_a_block() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(UsageLeasing::mark_default(signed(LESSOR), 7), Error::<Test>::UnknownLease);
		let offer = offer();
		assert_noop!(UsageLeasing::mark_default(signed(LESSOR), offer), Error::<Test>::NotRunning);
		assert_ok!(UsageLeasing::accept_lease(signed(LESSEE), offer));
		run_to_block(DEFAULT_FROM);
		for who in [LESSEE, FINANCIER, STRANGER] {
			assert_noop!(UsageLeasing::mark_default(signed(who), offer), Error::<Test>::NotHolder);
		}
		assert_ok!(UsageLeasing::mark_default(signed(LESSOR), offer));
		assert_noop!(
			UsageLeasing::mark_default(signed(LESSOR), offer),
			Error::<Test>::DefaultAlreadyRequested
		);
		next_block();
		assert_noop!(
			UsageLeasing::mark_default(signed(LESSOR), offer),
			Error::<Test>::AlreadyDefaulted
		);
	});
}

#[test]
fn at_most_max_default_checks_are_requested_in_a_block() {
	ExtBuilder::default().build_and_execute(|| {
		let third = 5;
		MockVehicles::add(third, LESSOR, MANUFACTURER);
		TestOdometer::read(OTHER_VEHICLE, START_KM);
		TestOdometer::read(third, START_KM);
		let expires_at = 1 + MAX_OFFER_DURATION;
		let mut ids = Vec::new();
		for vehicle in [VEHICLE, OTHER_VEHICLE, third] {
			assert_ok!(UsageLeasing::offer_lease(
				signed(LESSOR),
				vehicle,
				LESSEE,
				terms(),
				expires_at
			));
			let id = NextLeaseId::<Test>::get() - 1;
			assert_ok!(UsageLeasing::accept_lease(signed(LESSEE), id));
			ids.push(id);
		}
		run_to_block(DEFAULT_FROM);
		assert_ok!(UsageLeasing::mark_default(signed(LESSOR), ids[0]));
		assert_ok!(UsageLeasing::mark_default(signed(LESSOR), ids[1]));
		assert_eq!(MAX_DEFAULT_CHECKS, 2);
		assert_noop!(
			UsageLeasing::mark_default(signed(LESSOR), ids[2]),
			Error::<Test>::TooManyDefaultChecks
		);
		next_block();
		assert!(authorised(ids[0]) && authorised(ids[1]) && !authorised(ids[2]));
		assert_ok!(UsageLeasing::mark_default(signed(LESSOR), ids[2]));
		next_block();
		assert!(authorised(ids[2]));
		assert_eq!(held(HoldReason::Deposit, LESSOR), 3 * LEASE_DEPOSIT);
	});
}

#[test]
fn write_off_releases_the_lien_and_revokes_the_operator() {
	ExtBuilder::default().build_and_execute(|| {
		let id = defaulted_lease();
		assert!(MockVehicles::operating_right(VEHICLE, &LESSEE).is_some());
		assert_ok!(UsageLeasing::write_off(signed(LESSOR), id));

		// The first instalment and the base fees of the two periods not settled.
		let written_off = BASE_FEE + 2 * BASE_FEE;
		assert_eq!(
			events().last(),
			Some(&Event::LeaseWrittenOff { lease: id, vehicle: VEHICLE, written_off })
		);
		assert!(Leases::<Test>::get(id).is_none());
		assert!(crate::VehicleLease::<Test>::get(VEHICLE).is_none());
		assert!(crate::DueLeases::<Test>::iter().next().is_none());
		assert_eq!(MockVehicles::lien_holder(VEHICLE), None);
		assert_eq!(MockVehicles::operating_right(VEHICLE, &LESSEE), None);
		assert_eq!(MockVehicles::owner(VEHICLE), Some(LESSOR));
		assert!(!UsageLeasing::immobilisation_authorised(VEHICLE));
		assert_eq!(held(HoldReason::Deposit, LESSOR), 0);
		assert_eq!(free(LESSOR), BALANCE);
		assert_eq!(free(LESSEE), BALANCE);
	});
}

#[test]
fn write_off_settles_first_and_returns_what_is_left_of_the_prepayment() {
	ExtBuilder::default().build_and_execute(|| {
		let id = defaulted_lease();
		run_to_block(1 + 2 * PERIOD);
		// Period 2 closes in the write-off's settlement; nothing prepaid is left to draw.
		assert_ok!(UsageLeasing::write_off(signed(LESSOR), id));
		assert!(events().contains(&Event::PeriodSettled {
			lease: id,
			period: 2,
			km: 0,
			amount: BASE_FEE,
			due: 1 + 2 * PERIOD,
		}));
		assert_eq!(
			events().last(),
			Some(&Event::LeaseWrittenOff {
				lease: id,
				vehicle: VEHICLE,
				written_off: 3 * BASE_FEE
			})
		);
		assert_eq!(held(HoldReason::Prepayment, LESSEE), 0);
		assert_eq!(free(LESSEE), BALANCE);
	});
}

#[test]
fn only_the_holder_writes_off_a_defaulted_lease() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(UsageLeasing::write_off(signed(LESSOR), 7), Error::<Test>::UnknownLease);
		let id = offer();
		assert_noop!(UsageLeasing::write_off(signed(LESSOR), id), Error::<Test>::NotDefaulted);
		assert_ok!(UsageLeasing::accept_lease(signed(LESSEE), id));
		run_to_block(DEFAULT_FROM);
		// Delinquent, but not in default.
		assert_noop!(UsageLeasing::write_off(signed(LESSOR), id), Error::<Test>::NotDefaulted);
		assert_ok!(UsageLeasing::mark_default(signed(LESSOR), id));
		// Requested, not yet confirmed.
		assert_noop!(UsageLeasing::write_off(signed(LESSOR), id), Error::<Test>::NotDefaulted);
		next_block();
		for who in [LESSEE, FINANCIER, STRANGER] {
			assert_noop!(UsageLeasing::write_off(signed(who), id), Error::<Test>::NotHolder);
		}
		assert!(MockVehicles::lien_holder(VEHICLE) == Some(LESSOR));
	});
}
