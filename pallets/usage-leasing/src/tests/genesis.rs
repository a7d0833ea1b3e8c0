//! Leases started at genesis (the dev chain's demo lease).

use polkadot_sdk::frame_support::assert_ok;
use v2x_primitives::{testing::MockVehicles, OperatingRight, VehicleControl, VehicleRegistry};

use super::*;
use crate::{DueLeases, LeaseState, VehicleLease};

#[test]
fn genesis_builds_a_running_lease() {
	ExtBuilder::default().with_genesis_lease(VEHICLE, LESSEE, terms()).build_and_execute(|| {
		let lease = lease(0);
		assert_eq!((lease.owner, lease.holder, lease.lessee), (LESSOR, LESSOR, LESSEE));
		assert_eq!(lease.state, LeaseState::Running);
		assert_eq!(lease.start, 0);
		assert_eq!(lease.terms, terms());
		assert_eq!(lease.period_start_km, START_KM);
		assert_eq!(lease.end(), 3 * PERIOD);
		assert_eq!(NextLeaseId::<Test>::get(), 1);
		assert_eq!(VehicleLease::<Test>::get(VEHICLE), Some(0));
		assert_eq!(DueLeases::<Test>::iter_keys().collect::<Vec<_>>(), vec![(PERIOD, 0)]);
		assert_eq!(MockVehicles::lien_holder(VEHICLE), Some(LESSOR));
		assert_eq!(
			MockVehicles::operating_right(VEHICLE, &LESSEE),
			Some(OperatingRight::OperatorUntil(3 * PERIOD))
		);
		assert_eq!(held(HoldReason::Deposit, LESSOR), LEASE_DEPOSIT);
		assert_eq!(free(LESSOR), BALANCE - LEASE_DEPOSIT);

		// It runs like any other: period 1 falls due at block 100.
		run_to_block(PERIOD + 1);
		assert!(events().contains(&Event::PeriodSettled {
			lease: 0,
			period: 1,
			km: 0,
			amount: BASE_FEE,
			due: PERIOD,
		}));
		assert_ok!(UsageLeasing::pay(signed(LESSEE), 0, BASE_FEE));
		assert_eq!(free(LESSOR), BALANCE - LEASE_DEPOSIT + BASE_FEE);
	});
}

#[test]
#[should_panic(expected = "genesis lease of vehicle 404: the vehicle is not registered")]
fn a_genesis_lease_of_an_unknown_vehicle_fails() {
	ExtBuilder::default().with_genesis_lease(UNKNOWN_VEHICLE, LESSEE, terms()).build();
}

#[test]
#[should_panic(expected = "genesis lease of vehicle 2: offer")]
fn a_genesis_lease_of_a_vehicle_its_owner_may_not_lease_fails() {
	// `STRANGER` is no lender.
	ExtBuilder::default().with_genesis_lease(STRANGER_VEHICLE, LESSEE, terms()).build();
}

#[test]
#[should_panic(expected = "genesis lease of vehicle 1: accept")]
fn a_genesis_lease_of_a_vehicle_without_odometer_fails() {
	ExtBuilder::default().with_genesis_lease(OTHER_VEHICLE, LESSEE, terms()).build();
}
