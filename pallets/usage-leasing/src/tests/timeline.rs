//! A lease through time: the offer's expiry at its exact block, the lessee's right to the
//! lease's end block, and completion once nothing is owed.

use polkadot_sdk::frame_support::{assert_noop, assert_ok};
use v2x_primitives::{testing::MockVehicles, OperatingRight, VehicleControl, VehicleRegistry};

use super::*;
use crate::Error;

#[test]
fn an_offer_is_accepted_in_its_last_block_and_the_right_ends_with_the_lease() {
	ExtBuilder::default().build_and_execute(|| {
		let id = offer();
		let expires_at = 1 + MAX_OFFER_DURATION;
		run_to_block(expires_at);
		assert_ok!(UsageLeasing::accept_lease(signed(LESSEE), id));
		let end = expires_at + 3 * PERIOD;
		assert_eq!(lease(id).end(), end);
		assert_ok!(UsageLeasing::pay(signed(LESSEE), id, 3 * BASE_FEE));

		run_to_block(end - 1);
		assert_eq!(
			MockVehicles::operating_right(VEHICLE, &LESSEE),
			Some(OperatingRight::OperatorUntil(end))
		);
		assert_eq!(MockVehicles::lien_holder(VEHICLE), Some(LESSOR));
		// The last period falls due at the end block: the prepayment pays it and the lease
		// completes in that block's `on_idle`.
		run_to_block(end);
		assert!(MockVehicles::operating_right(VEHICLE, &LESSEE).is_some());
		next_block();
		assert!(events().contains(&Event::LeaseCompleted { lease: id, vehicle: VEHICLE }));
		assert_eq!(MockVehicles::operating_right(VEHICLE, &LESSEE), None);
		assert_eq!(MockVehicles::lien_holder(VEHICLE), None);
		assert!(Leases::<Test>::get(id).is_none());
		assert_eq!(free(LESSOR), BALANCE + 3 * BASE_FEE);
		assert_eq!(free(LESSEE), BALANCE - 3 * BASE_FEE);
		assert_eq!(held(HoldReason::Prepayment, LESSEE), 0);
	});
}

#[test]
fn an_offer_is_refused_one_block_after_its_expiry() {
	ExtBuilder::default().build_and_execute(|| {
		let id = offer();
		run_to_block(1 + MAX_OFFER_DURATION + 1);
		assert_noop!(UsageLeasing::accept_lease(signed(LESSEE), id), Error::<Test>::OfferExpired);
		assert_eq!(held(HoldReason::Deposit, LESSOR), LEASE_DEPOSIT);
	});
}
