//! Usage leasing with the real identity pallet and service book: the dev preset's lease of
//! vehicle 5 (Ferdie's captive finance arm leases it to Dave), its lien that only the lease
//! releases, km from the real odometer history through a replaced unit and a rollback, a
//! default decided after the block's payments, a theft and recovery, governance's scrapping,
//! and a buy-out through the identity pallet's consent sale.

use super::{account, dev_chain, run_to_block, signed};
use crate::{
	Balances, RuntimeOrigin, ServiceBook, UsageLeasing, VehicleIdentity, DAYS, MILLI_UNIT, UNIT,
};
use pallet_usage_leasing::{Event, LeaseState, Leases, VehicleLease};
use polkadot_sdk::{
	frame_support::{
		assert_noop, assert_ok,
		traits::{
			fungible::{Inspect, InspectHold},
			Hooks,
		},
	},
	frame_system,
	sp_keyring::Sr25519Keyring::{Alice, Dave, Eve, EveStash, Ferdie, FerdieStash},
	sp_runtime::traits::Zero,
};
use v2x_primitives::{OdometerLog, OperatingRight, VehicleControl, VehicleRegistry};

type IdentityError = pallet_vehicle_identity::Error<crate::Runtime>;

/// The dev preset's leased car, its lease, and the lease's terms.
const CAR: u64 = 5;
const LEASE: u64 = 0;
const PERIOD: u32 = 30 * DAYS;
const PERIODS: u32 = 36;
const BASE_FEE: u128 = 300 * UNIT;
const PER_KM: u128 = 100 * MILLI_UNIT;
const INCLUDED_KM: u32 = 1_250;
const GRACE: u32 = 5 * DAYS;
const NOTICE: u32 = 10 * DAYS;
const PURCHASE_PRICE: u128 = 18_000 * UNIT;
/// The car's odometer at genesis.
const START_KM: u32 = 1_200;

/// The leasing events of the current block, oldest first.
fn events() -> Vec<Event<crate::Runtime>> {
	frame_system::Pallet::<crate::Runtime>::events()
		.into_iter()
		.filter_map(|record| match record.event {
			crate::RuntimeEvent::UsageLeasing(event) => Some(event),
			_ => None,
		})
		.collect()
}

fn lien() -> Option<crate::AccountId> {
	<VehicleIdentity as VehicleControl<_, _, _>>::lien_holder(CAR)
}

/// Ferdie binds `unit` to the car; the unit accepts.
fn bind_unit(unit: polkadot_sdk::sp_keyring::Sr25519Keyring) {
	assert_ok!(VehicleIdentity::bind_device(signed(Ferdie), CAR, account(unit)));
	assert_ok!(VehicleIdentity::accept_device_binding(signed(unit), CAR));
}

/// Every pallet the lease touches keeps its invariants.
fn assert_invariants() {
	assert_eq!(VehicleIdentity::do_try_state(), Ok(()));
	assert_eq!(ServiceBook::do_try_state(), Ok(()));
	assert_eq!(UsageLeasing::do_try_state(), Ok(()));
}

#[test]
fn the_dev_preset_leases_vehicle_5_to_dave_under_a_lien_only_the_lease_releases() {
	dev_chain(|| {
		let lease = Leases::<crate::Runtime>::get(LEASE).unwrap();
		assert_eq!(VehicleLease::<crate::Runtime>::get(CAR), Some(LEASE));
		assert_eq!((lease.owner.clone(), lease.holder.clone()), (account(Ferdie), account(Ferdie)));
		assert_eq!(lease.lessee, account(Dave));
		assert_eq!(lease.state, LeaseState::Running);
		assert_eq!(lease.period_start_km, START_KM);
		assert_eq!(lien(), Some(account(Ferdie)));
		assert_eq!(
			VehicleIdentity::operating_right(CAR, &account(Dave)),
			Some(OperatingRight::OperatorUntil(PERIOD * PERIODS))
		);

		// Neither the holder nor governance lifts the lien behind the lease's back, and the
		// owner can neither sell nor scrap the car.
		assert_noop!(
			VehicleIdentity::release_lien(signed(Ferdie), CAR),
			IdentityError::LienControlled
		);
		assert_noop!(
			VehicleIdentity::force_release_lien(RuntimeOrigin::root(), CAR),
			IdentityError::LienControlled
		);
		assert_noop!(
			VehicleIdentity::offer_sale(signed(Ferdie), CAR, account(Eve), None, 10),
			IdentityError::LienPresent
		);
		assert_noop!(
			VehicleIdentity::scrap_vehicle(signed(Ferdie), CAR),
			IdentityError::LienPresent
		);
		assert_invariants();
	});
}

#[test]
fn a_replaced_unit_and_a_rollback_neither_drop_nor_double_count_km() {
	dev_chain(|| {
		run_to_block(2);
		// The first unit reports 1 700 km, is replaced, and the new one first reads low (a
		// rollback, flagged), then 2 450 km.
		bind_unit(EveStash);
		assert_ok!(ServiceBook::report_odometer(signed(EveStash), CAR, 1_700));
		assert_ok!(VehicleIdentity::unbind_device(signed(Ferdie), CAR, account(EveStash)));
		bind_unit(FerdieStash);
		assert_ok!(ServiceBook::report_odometer(signed(FerdieStash), CAR, 1_500));
		assert_eq!(<ServiceBook as OdometerLog>::current_km(CAR), Some(1_700));
		assert_ok!(ServiceBook::report_odometer(signed(FerdieStash), CAR, 2_650));

		// The period falls due: 1 450 km, 200 beyond the included 1 250, drawn from nothing.
		run_to_block(PERIOD);
		UsageLeasing::on_idle(PERIOD, polkadot_sdk::frame_support::weights::Weight::MAX);
		let charge = BASE_FEE + u128::from(1_450 - INCLUDED_KM) * PER_KM;
		assert!(events().contains(&Event::PeriodSettled {
			lease: LEASE,
			period: 1,
			km: 1_450,
			amount: charge,
			due: PERIOD,
		}));
		let lease = Leases::<crate::Runtime>::get(LEASE).unwrap();
		assert_eq!((lease.km_billed, lease.period_start_km), (1_450, 2_650));
		assert_eq!(lease.arrears.iter().map(|i| i.owed).sum::<u128>(), charge);

		// Dave pays it; the next period starts where this one ended.
		let ferdie_before = Balances::free_balance(account(Ferdie));
		assert_ok!(UsageLeasing::pay(signed(Dave), LEASE, charge));
		assert_eq!(Balances::free_balance(account(Ferdie)), ferdie_before + charge);
		assert!(Leases::<crate::Runtime>::get(LEASE).unwrap().arrears.is_empty());
		assert_invariants();
	});
}

#[test]
fn a_payment_in_the_block_of_a_default_request_averts_it() {
	dev_chain(|| {
		run_to_block(PERIOD);
		UsageLeasing::on_idle(PERIOD, polkadot_sdk::frame_support::weights::Weight::MAX);
		// The default may be requested only after due date + grace + notice.
		let first_allowed = PERIOD + GRACE + NOTICE + 1;
		run_to_block(first_allowed - 1);
		assert_noop!(
			UsageLeasing::mark_default(signed(Ferdie), LEASE),
			pallet_usage_leasing::Error::<crate::Runtime>::DefaultNotAllowed
		);
		run_to_block(first_allowed);
		frame_system::Pallet::<crate::Runtime>::reset_events();
		assert_ok!(UsageLeasing::mark_default(signed(Ferdie), LEASE));
		// Dave pays later in the same block: the check at the block's end finds nothing owed.
		assert_ok!(UsageLeasing::pay(signed(Dave), LEASE, BASE_FEE));
		UsageLeasing::on_finalize(first_allowed);
		assert!(events().contains(&Event::DefaultAverted { lease: LEASE }));
		assert!(!UsageLeasing::immobilisation_authorised(CAR));
		assert_eq!(Leases::<crate::Runtime>::get(LEASE).unwrap().state, LeaseState::Running);
		assert_invariants();
	});
}

#[test]
fn a_confirmed_default_authorises_immobilisation_until_the_cure() {
	dev_chain(|| {
		let first_allowed = PERIOD + GRACE + NOTICE + 1;
		run_to_block(first_allowed);
		assert_ok!(UsageLeasing::mark_default(signed(Ferdie), LEASE));
		UsageLeasing::on_finalize(first_allowed);
		assert!(events().contains(&Event::ImmobilisationAuthorised {
			lease: LEASE,
			vehicle: CAR,
			holder: account(Ferdie),
			overdue: BASE_FEE,
		}));
		assert!(UsageLeasing::immobilisation_authorised(CAR));
		assert_eq!(
			UsageLeasing::lease_view(CAR).unwrap().standing,
			v2x_primitives::LeaseStanding::Defaulted
		);

		run_to_block(first_allowed + 1);
		assert_ok!(UsageLeasing::pay(signed(Dave), LEASE, BASE_FEE));
		assert!(events().contains(&Event::ImmobilisationRevoked { lease: LEASE, vehicle: CAR }));
		assert!(!UsageLeasing::immobilisation_authorised(CAR));
		assert_invariants();
	});
}

#[test]
fn a_theft_keeps_the_lease_and_the_recovery_gives_the_lessee_its_right_back() {
	dev_chain(|| {
		assert_ok!(VehicleIdentity::report_stolen(signed(Ferdie), CAR));
		assert_eq!(VehicleIdentity::operating_right(CAR, &account(Dave)), None);
		assert_eq!(Leases::<crate::Runtime>::get(LEASE).unwrap().state, LeaseState::Running);
		assert_eq!(lien(), Some(account(Ferdie)));

		assert_ok!(VehicleIdentity::report_recovered(signed(Ferdie), CAR));
		assert_eq!(
			VehicleIdentity::operating_right(CAR, &account(Dave)),
			Some(OperatingRight::OperatorUntil(PERIOD * PERIODS))
		);
		assert_invariants();
	});
}

#[test]
fn governance_scrapping_ends_the_lien_and_terminates_the_lease() {
	dev_chain(|| {
		let deposit = Balances::balance_on_hold(
			&crate::RuntimeHoldReason::UsageLeasing(pallet_usage_leasing::HoldReason::Deposit),
			&account(Ferdie),
		);
		assert!(!deposit.is_zero());
		assert_ok!(VehicleIdentity::scrap_vehicle(RuntimeOrigin::root(), CAR));
		assert_eq!(lien(), None);
		assert!(Leases::<crate::Runtime>::get(LEASE).is_none());
		assert!(VehicleLease::<crate::Runtime>::get(CAR).is_none());
		assert!(events().contains(&Event::LeaseTerminated {
			lease: LEASE,
			vehicle: CAR,
			outstanding: BASE_FEE * u128::from(PERIODS),
		}));
		assert_eq!(
			Balances::balance_on_hold(
				&crate::RuntimeHoldReason::UsageLeasing(pallet_usage_leasing::HoldReason::Deposit),
				&account(Ferdie),
			),
			0
		);
		assert_invariants();
	});
}

#[test]
fn a_buy_out_moves_the_title_through_the_identity_sale() {
	dev_chain(|| {
		// On the first day: every base fee (the first period's included km are not driven)
		// and the purchase price.
		let payoff = BASE_FEE * u128::from(PERIODS) + PURCHASE_PRICE;
		assert_eq!(UsageLeasing::lease_view(CAR).unwrap().payoff, payoff);
		let dave = Balances::free_balance(account(Dave));
		let ferdie = Balances::total_balance(&account(Ferdie));
		assert_noop!(
			UsageLeasing::buy_out(signed(Dave), LEASE, payoff - 1),
			pallet_usage_leasing::Error::<crate::Runtime>::PayoffAboveMaximum
		);
		assert_noop!(
			UsageLeasing::buy_out(signed(Alice), LEASE, payoff),
			pallet_usage_leasing::Error::<crate::Runtime>::NotLessee
		);
		assert_ok!(UsageLeasing::buy_out(signed(Dave), LEASE, payoff));

		assert_eq!(VehicleIdentity::owner(CAR), Some(account(Dave)));
		assert_eq!(lien(), None);
		assert_eq!(
			VehicleIdentity::operating_right(CAR, &account(Dave)),
			Some(OperatingRight::Owner)
		);
		assert_eq!(Balances::free_balance(account(Dave)), dave - payoff);
		// Ferdie gets the payoff; its lease deposit and the operator deposit the sale returned
		// move from held to free.
		assert_eq!(Balances::total_balance(&account(Ferdie)), ferdie + payoff);
		assert!(events().contains(&Event::LeaseBoughtOut {
			lease: LEASE,
			vehicle: CAR,
			lessee: account(Dave),
			paid: payoff,
		}));
		assert!(Leases::<crate::Runtime>::get(LEASE).is_none());
		assert_invariants();
	});
}
