//! The vehicle hooks: a sale, a theft or a scrapping voids an offer; a lease goes on through a
//! theft, its lessee's right comes back with the recovery, and a scrapping terminates it.

use polkadot_sdk::frame_support::{assert_noop, assert_ok};
use v2x_primitives::{
	testing::MockVehicles, OnVehicleStatusChanged, OperatingRight, VehicleControl, VehicleRegistry,
	VehicleStatus,
};

use super::*;
use crate::{DueLeases, Error, VehicleLease};

/// `VEHICLE` gets `status`, and the pallet hears of it, as from the identity pallet.
fn set_status(status: VehicleStatus) {
	match status {
		VehicleStatus::Stolen => {
			assert_ok!(MockVehicles::report_stolen(&LESSOR, VEHICLE));
		}
		VehicleStatus::Active => {
			assert_ok!(MockVehicles::report_recovered(&LESSOR, VEHICLE));
		}
		// Governance's scrapping ends the lien with the vehicle.
		VehicleStatus::Scrapped => MockVehicles::update(VEHICLE, |v| {
			v.status = VehicleStatus::Scrapped;
			v.lien = None;
			v.operators.clear();
		}),
	}
	<UsageLeasing as OnVehicleStatusChanged>::on_status_changed(VEHICLE, status);
}

/// The offer `id` is gone, voided, and its deposit is back.
fn assert_voided(id: LeaseId) {
	assert_eq!(events().last(), Some(&Event::LeaseOfferVoided { lease: id, vehicle: VEHICLE }));
	assert!(Leases::<Test>::get(id).is_none());
	assert!(VehicleLease::<Test>::get(VEHICLE).is_none());
	assert_eq!(held(HoldReason::Deposit, LESSOR), 0);
	assert_eq!(free(LESSOR), BALANCE);
	assert_noop!(UsageLeasing::accept_lease(signed(LESSEE), id), Error::<Test>::UnknownLease);
}

#[test]
fn a_sale_voids_the_offer() {
	ExtBuilder::default().build_and_execute(|| {
		let id = offer();
		assert_ok!(MockVehicles::offer_sale(&LESSOR, VEHICLE, &STRANGER, None, 10));
		assert_ok!(MockVehicles::accept_offer(&STRANGER, VEHICLE, 0));
		assert_eq!(MockVehicles::owner(VEHICLE), Some(STRANGER));
		assert_voided(id);
	});
}

#[test]
fn a_theft_voids_the_offer() {
	ExtBuilder::default().build_and_execute(|| {
		let id = offer();
		set_status(VehicleStatus::Stolen);
		assert_voided(id);
	});
}

#[test]
fn a_scrapping_voids_the_offer() {
	ExtBuilder::default().build_and_execute(|| {
		let id = offer();
		set_status(VehicleStatus::Scrapped);
		assert_voided(id);
	});
}

#[test]
fn a_lease_goes_on_through_a_theft_and_the_recovery_restores_the_lessees_right() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		let end = 1 + 3 * PERIOD;
		assert_eq!(
			MockVehicles::operating_right(VEHICLE, &LESSEE),
			Some(OperatingRight::OperatorUntil(end))
		);
		run_to_block(20);
		set_status(VehicleStatus::Stolen);
		assert_eq!(MockVehicles::operating_right(VEHICLE, &LESSEE), None);
		assert_eq!(lease(id).state, crate::LeaseState::Running);
		assert_eq!(MockVehicles::lien_holder(VEHICLE), Some(LESSOR));

		// The instalments stay due while the vehicle is missing.
		run_to_block(1 + PERIOD + 1);
		assert!(events().contains(&Event::PeriodSettled {
			lease: id,
			period: 1,
			km: 0,
			amount: BASE_FEE,
			due: 1 + PERIOD,
		}));
		assert_eq!(lease(id).arrears_total(), BASE_FEE);

		set_status(VehicleStatus::Active);
		assert_eq!(
			MockVehicles::operating_right(VEHICLE, &LESSEE),
			Some(OperatingRight::OperatorUntil(end))
		);
		assert_eq!(lease(id).state, crate::LeaseState::Running);
		assert_eq!(held(HoldReason::Deposit, LESSOR), LEASE_DEPOSIT);
	});
}

#[test]
fn a_recovery_after_the_end_grants_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		set_status(VehicleStatus::Stolen);
		// The last period is unpaid: the lease outlives its end.
		run_to_block(1 + 3 * PERIOD + 1);
		assert!(Leases::<Test>::get(id).is_some());
		set_status(VehicleStatus::Active);
		assert_eq!(MockVehicles::operating_right(VEHICLE, &LESSEE), None);
		assert!(Leases::<Test>::get(id).is_some());
	});
}

#[test]
fn governance_scrapping_terminates_the_lease() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		assert_ok!(UsageLeasing::pay(signed(LESSEE), id, 150));
		run_to_block(1 + PERIOD + 1);
		set_status(VehicleStatus::Scrapped);
		// 100 drawn for period 1; the two periods not settled are outstanding.
		assert_eq!(
			events().last(),
			Some(&Event::LeaseTerminated {
				lease: id,
				vehicle: VEHICLE,
				outstanding: 2 * BASE_FEE
			})
		);
		assert!(Leases::<Test>::get(id).is_none());
		assert!(VehicleLease::<Test>::get(VEHICLE).is_none());
		assert!(DueLeases::<Test>::iter().next().is_none());
		assert_eq!(held(HoldReason::Prepayment, LESSEE), 0);
		assert_eq!(free(LESSEE), BALANCE - BASE_FEE);
		assert_eq!(held(HoldReason::Deposit, LESSOR), 0);
		assert_eq!(free(LESSOR), BALANCE + BASE_FEE);
	});
}

#[test]
fn a_stolen_vehicle_cannot_be_offered_and_its_offer_cannot_be_accepted() {
	ExtBuilder::default().build_and_execute(|| {
		let id = offer();
		// Stolen without the hook: acceptance is refused by the registry.
		assert_ok!(MockVehicles::report_stolen(&LESSOR, VEHICLE));
		assert_noop!(
			UsageLeasing::accept_lease(signed(LESSEE), id),
			polkadot_sdk::sp_runtime::DispatchError::Other("VehicleNotActive")
		);
		<UsageLeasing as OnVehicleStatusChanged>::on_status_changed(VEHICLE, VehicleStatus::Stolen);
		assert_voided(id);
	});
}
