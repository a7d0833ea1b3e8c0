//! What apps and the passport read: a vehicle's lease, settled in the view only.

use polkadot_sdk::frame_support::assert_ok;
use v2x_primitives::LeaseSection;

use super::*;
use crate::{runtime_api::LeaseView, Standing};

#[test]
fn a_vehicle_without_a_lease_has_no_view() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(UsageLeasing::lease_view(VEHICLE), None);
		assert_eq!(UsageLeasing::passport_section(VEHICLE), None);
		assert!(!UsageLeasing::immobilisation_authorised(VEHICLE));
		assert_eq!(UsageLeasing::lease_view(UNKNOWN_VEHICLE), None);
	});
}

#[test]
fn an_offer_shows_the_lease_as_if_accepted_now() {
	ExtBuilder::default().build_and_execute(|| {
		run_to_block(5);
		let id = offer();
		assert_eq!(
			UsageLeasing::lease_view(VEHICLE),
			Some(LeaseView {
				lease: id,
				vehicle: VEHICLE,
				lessor: LESSOR,
				holder: LESSOR,
				lessee: LESSEE,
				standing: Standing::Offered,
				next_due: None,
				overdue: 0,
				prepaid: 0,
				payoff: 3 * BASE_FEE + PURCHASE_PRICE,
				paid: 0,
				km_billed: 0,
				immobilisation_authorised: false,
				end: 5 + 3 * PERIOD,
			})
		);
	});
}

#[test]
fn the_view_settles_due_periods_without_storing_them() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		assert_ok!(UsageLeasing::pay(signed(LESSEE), id, 30));
		TestOdometer::read(VEHICLE, START_KM + 600);
		// Block 101 is open: period 1 fell due, `on_idle` has not settled it yet.
		run_to_block(1 + PERIOD);
		let stored = lease(id);
		let charge = BASE_FEE + PRICE_PER_KM * 100;
		let view = UsageLeasing::lease_view(VEHICLE).unwrap();
		assert_eq!(view.standing, Standing::Grace);
		assert_eq!(view.overdue, charge - 30);
		assert_eq!(view.prepaid, 0);
		assert_eq!(view.paid, 30);
		assert_eq!(view.km_billed, 600);
		assert_eq!(view.next_due, Some(1 + 2 * PERIOD));
		assert_eq!(view.end, 1 + 3 * PERIOD);
		// Arrears, the new period's base fee, one more base fee, the purchase price.
		assert_eq!(view.payoff, charge - 30 + 2 * BASE_FEE + PURCHASE_PRICE);
		assert!(!view.immobilisation_authorised);
		assert_eq!(lease(id), stored);
		assert_eq!(stored.periods_settled, 0);
		assert_eq!(held(HoldReason::Prepayment, LESSEE), 30);

		// The settlement then agrees with the view.
		next_block();
		let settled = UsageLeasing::lease_view(VEHICLE).unwrap();
		assert_eq!(settled, view);
		assert_eq!(lease(id).arrears_total(), charge - 30);
	});
}

#[test]
fn the_view_follows_the_standing_and_the_default() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		let due = 1 + PERIOD;
		let standing = || UsageLeasing::lease_view(VEHICLE).unwrap().standing;
		assert_eq!(standing(), Standing::Current);
		run_to_block(due + GRACE);
		assert_eq!(standing(), Standing::Grace);
		next_block();
		assert_eq!(standing(), Standing::Delinquent);
		run_to_block(due + GRACE + NOTICE + 1);
		assert_ok!(UsageLeasing::mark_default(signed(LESSOR), id));
		next_block();
		let view = UsageLeasing::lease_view(VEHICLE).unwrap();
		assert_eq!(view.standing, Standing::Defaulted);
		assert!(view.immobilisation_authorised);
		assert!(UsageLeasing::immobilisation_authorised(VEHICLE));
		assert!(!UsageLeasing::immobilisation_authorised(OTHER_VEHICLE));
		assert_ok!(UsageLeasing::pay(signed(LESSEE), id, BASE_FEE));
		assert_eq!(standing(), Standing::Current);
		assert!(!UsageLeasing::immobilisation_authorised(VEHICLE));
	});
}

#[test]
fn the_passport_section_is_the_view() {
	ExtBuilder::default().build_and_execute(|| {
		let id = start_lease();
		assert_ok!(UsageLeasing::transfer_position(signed(LESSOR), id, FINANCIER));
		run_to_block(1 + PERIOD + GRACE + 1);
		let view = UsageLeasing::lease_view(VEHICLE).unwrap();
		assert_eq!(
			UsageLeasing::passport_section(VEHICLE),
			Some(LeaseSection {
				lease: id,
				lessor: LESSOR,
				holder: FINANCIER,
				lessee: LESSEE,
				standing: Standing::Delinquent,
				next_due: Some(1 + 2 * PERIOD),
				overdue: BASE_FEE,
				prepaid: 0,
				paid: 0,
				km_billed: 0,
				end: 1 + 3 * PERIOD,
				immobilisation_authorised: false,
			})
		);
		assert_eq!(view.overdue, BASE_FEE);
	});
}
