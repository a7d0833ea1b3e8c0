//! Co-ops created at genesis.

use super::*;
use crate::{CoopFinances, Fleet, NextCoopId, VehicleCoop};

#[test]
fn genesis_creates_the_coop_with_its_vehicle_and_no_deposit() {
	ExtBuilder::default().with_genesis_coop().build_and_execute(|| {
		let entry = coop_of(0);
		assert_eq!(NextCoopId::<Test>::get(), 1);
		assert_eq!(entry.founder, ALICE);
		assert_eq!(entry.share_supply, SUPPLY);
		assert_eq!(entry.members, 3);
		assert_eq!(entry.deposit, 0);
		assert_eq!(held(HoldReason::CoopDeposit, ALICE), 0);
		assert_eq!(entry.finances, CoopFinances { reserve: ENDOWMENT, ..Default::default() });
		assert_eq!(member(0, CAROL).unwrap().shares, CAROL_SHARES);
		assert!(Fleet::<Test>::contains_key(0, VEHICLE));
		assert_eq!(VehicleCoop::<Test>::get(VEHICLE), Some(0));
		assert_eq!(entry.vehicles, 1);
	});
}

#[test]
#[should_panic(expected = "vehicle 1 is not owned by its account")]
fn genesis_refuses_a_vehicle_the_coop_does_not_own() {
	ExtBuilder::default().with_genesis_coop().with_genesis_vehicle(OTHER_VEHICLE).build();
}
