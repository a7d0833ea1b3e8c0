//! Offers: made, withdrawn, accepted, expired.

use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_runtime::{DispatchError, TokenError},
};
use v2x_primitives::{
	testing::MockVehicles, OperatingRight, VehicleControl, VehicleRegistry, VehicleStatus,
};

use super::*;
use crate::{DueLeases, Error, LeaseState, LeaseTermsOf, VehicleLease};

fn expiry() -> u64 {
	System::block_number() + MAX_OFFER_DURATION
}

#[test]
fn an_offer_holds_the_deposit_and_names_the_lessor_as_holder() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(UsageLeasing::offer_lease(signed(LESSOR), VEHICLE, LESSEE, terms(), 51));

		let offer = lease(0);
		assert_eq!(offer.owner, LESSOR);
		assert_eq!(offer.holder, LESSOR);
		assert_eq!(offer.lessee, LESSEE);
		assert_eq!(offer.state, LeaseState::Offered { expires_at: 51 });
		assert_eq!(offer.deposit, LEASE_DEPOSIT);
		assert_eq!(offer.start, 0);
		assert_eq!(VehicleLease::<Test>::get(VEHICLE), Some(0));
		assert_eq!(NextLeaseId::<Test>::get(), 1);
		assert_eq!(held(HoldReason::Deposit, LESSOR), LEASE_DEPOSIT);
		assert_eq!(free(LESSOR), BALANCE - LEASE_DEPOSIT);
		assert_eq!(MockVehicles::lien_holder(VEHICLE), None, "no lien before acceptance");
		assert_eq!(
			events(),
			vec![Event::LeaseOffered {
				lease: 0,
				vehicle: VEHICLE,
				lessor: LESSOR,
				lessee: LESSEE,
				terms: terms(),
				expires_at: 51,
			}]
		);
	});
}

#[test]
fn only_the_owner_of_a_known_vehicle_may_offer_it() {
	ExtBuilder::default().build_and_execute(|| {
		for who in [LESSEE, FINANCIER, STRANGER] {
			assert_noop!(
				UsageLeasing::offer_lease(signed(who), VEHICLE, PAUPER, terms(), expiry()),
				Error::<Test>::NotOwner
			);
		}
		assert_noop!(
			UsageLeasing::offer_lease(signed(LESSOR), UNKNOWN_VEHICLE, LESSEE, terms(), expiry()),
			Error::<Test>::UnknownVehicle
		);
	});
}

#[test]
fn an_owner_who_is_not_a_lender_cannot_offer() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			UsageLeasing::offer_lease(
				signed(STRANGER),
				STRANGER_VEHICLE,
				LESSEE,
				terms(),
				expiry()
			),
			Error::<Test>::NotLender
		);
	});
}

#[test]
fn a_stolen_or_scrapped_vehicle_cannot_be_offered() {
	ExtBuilder::default().build_and_execute(|| {
		for status in [VehicleStatus::Stolen, VehicleStatus::Scrapped] {
			MockVehicles::update(VEHICLE, |v| v.status = status);
			assert_noop!(
				UsageLeasing::offer_lease(signed(LESSOR), VEHICLE, LESSEE, terms(), expiry()),
				Error::<Test>::VehicleNotActive
			);
		}
	});
}

#[test]
fn a_vehicle_under_a_lien_cannot_be_offered() {
	ExtBuilder::default().build_and_execute(|| {
		MockVehicles::update(OTHER_VEHICLE, |v| v.lien = Some(FINANCIER));
		assert_noop!(
			UsageLeasing::offer_lease(signed(LESSOR), OTHER_VEHICLE, LESSEE, terms(), expiry()),
			Error::<Test>::LienPresent
		);
	});
}

#[test]
fn a_vehicle_has_at_most_one_offer_or_lease() {
	ExtBuilder::default().build_and_execute(|| {
		offer();
		assert_noop!(
			UsageLeasing::offer_lease(signed(LESSOR), VEHICLE, FINANCIER, terms(), expiry()),
			Error::<Test>::VehicleAlreadyLeased
		);
	});
}

#[test]
fn the_lessor_cannot_lease_to_itself() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			UsageLeasing::offer_lease(signed(LESSOR), VEHICLE, LESSOR, terms(), expiry()),
			Error::<Test>::SelfDealing
		);
	});
}

#[test]
fn unusable_terms_are_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let bad: [fn(&mut LeaseTermsOf<Test>); 6] = [
			|t| t.periods = 0,
			|t| t.periods = MAX_PERIODS + 1,
			|t| t.period_length = MIN_PERIOD - 1,
			|t| t.notice = MIN_NOTICE - 1,
			|t| t.grace = t.period_length,
			|t| {
				t.period_length = u64::MAX / 2;
				t.periods = 3;
			},
		];
		for change in bad {
			let mut terms = terms();
			change(&mut terms);
			assert_noop!(
				UsageLeasing::offer_lease(signed(LESSOR), VEHICLE, LESSEE, terms, expiry()),
				Error::<Test>::InvalidTerms
			);
		}
	});
}

/// Found by the runtime's bad-input harness (issue 18): a lease whose period charge or payoff
/// overflowed could never be settled, so never paid, defaulted, written off or bought out,
/// and its lien stayed. Terms whose most possible cost does not fit the balance are refused;
/// the largest that fit are accepted.
#[test]
fn terms_whose_cost_could_overflow_are_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let km_max = u64::from(v2x_primitives::Km::MAX);
		let bad: [fn(&mut LeaseTermsOf<Test>); 4] = [
			|t| t.base_fee = u64::MAX / 2,
			|t| t.price_per_km = u64::MAX / u64::from(v2x_primitives::Km::MAX) + 1,
			|t| t.purchase_price = u64::MAX,
			|t| {
				t.price_per_km = 0;
				t.base_fee = u64::MAX / 3 + 1;
			},
		];
		for change in bad {
			let mut terms = terms();
			change(&mut terms);
			assert_noop!(
				UsageLeasing::offer_lease(signed(LESSOR), VEHICLE, LESSEE, terms, expiry()),
				Error::<Test>::InvalidTerms
			);
		}
		// Every base fee, every km and the purchase price add up to `u64::MAX` exactly.
		let mut largest = terms();
		largest.price_per_km = 1;
		largest.base_fee = 1_000;
		largest.purchase_price = u64::MAX - km_max - 3 * 1_000;
		let id = offer_with(largest);
		assert_eq!(lease(id).terms, largest);
	});
}

#[test]
fn terms_at_their_limits_are_accepted() {
	ExtBuilder::default().build_and_execute(|| {
		let limits: [fn(&mut LeaseTermsOf<Test>); 4] = [
			|t| t.periods = 1,
			|t| t.periods = MAX_PERIODS,
			|t| {
				t.period_length = MIN_PERIOD;
				t.grace = MIN_PERIOD - 1;
			},
			|t| t.notice = MIN_NOTICE,
		];
		for change in limits {
			let mut terms = terms();
			change(&mut terms);
			let id = offer_with(terms);
			assert_eq!(lease(id).terms, terms);
			assert_ok!(UsageLeasing::withdraw_offer(signed(LESSOR), id));
		}
	});
}

#[test]
fn an_offer_expires_between_now_and_the_longest_offer_duration() {
	ExtBuilder::default().build_and_execute(|| {
		run_to_block(10);
		for expires_at in [9, 10 + MAX_OFFER_DURATION + 1] {
			assert_noop!(
				UsageLeasing::offer_lease(signed(LESSOR), VEHICLE, LESSEE, terms(), expires_at),
				Error::<Test>::InvalidExpiry
			);
		}
		for expires_at in [10, 10 + MAX_OFFER_DURATION] {
			assert_ok!(UsageLeasing::offer_lease(
				signed(LESSOR),
				VEHICLE,
				LESSEE,
				terms(),
				expires_at
			));
			let id = NextLeaseId::<Test>::get() - 1;
			assert_ok!(UsageLeasing::withdraw_offer(signed(LESSOR), id));
		}
	});
}

#[test]
fn a_lessor_who_cannot_afford_the_deposit_cannot_offer() {
	ExtBuilder::default().build_and_execute(|| {
		MockVehicles::update(VEHICLE, |v| v.owner = PAUPER);
		MockVehicles::approve_lender(PAUPER);
		assert_noop!(
			UsageLeasing::offer_lease(signed(PAUPER), VEHICLE, LESSEE, terms(), expiry()),
			TokenError::FundsUnavailable
		);
	});
}

#[test]
fn withdrawing_an_offer_releases_the_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		let id = offer();
		assert_ok!(UsageLeasing::withdraw_offer(signed(LESSOR), id));

		assert_eq!(Leases::<Test>::get(id), None);
		assert_eq!(VehicleLease::<Test>::get(VEHICLE), None);
		assert_eq!(held(HoldReason::Deposit, LESSOR), 0);
		assert_eq!(free(LESSOR), BALANCE);
		assert_eq!(events().last(), Some(&Event::LeaseOfferWithdrawn { lease: id }));
		// The vehicle may be offered again.
		offer();
	});
}

#[test]
fn only_the_lessor_withdraws_an_offer_and_only_before_acceptance() {
	ExtBuilder::default().build_and_execute(|| {
		let id = offer();
		for who in [LESSEE, FINANCIER, STRANGER] {
			assert_noop!(UsageLeasing::withdraw_offer(signed(who), id), Error::<Test>::NotLessor);
		}
		assert_noop!(
			UsageLeasing::withdraw_offer(signed(LESSOR), id + 1),
			Error::<Test>::UnknownLease
		);
		assert_ok!(UsageLeasing::accept_lease(signed(LESSEE), id));
		assert_noop!(UsageLeasing::withdraw_offer(signed(LESSOR), id), Error::<Test>::NotOffered);
	});
}

#[test]
fn accepting_places_the_lien_grants_the_lessee_and_schedules_the_first_due_date() {
	ExtBuilder::default().build_and_execute(|| {
		run_to_block(5);
		let id = offer();
		assert_ok!(UsageLeasing::accept_lease(signed(LESSEE), id));

		let end = 5 + PERIOD * u64::from(PERIODS);
		let running = lease(id);
		assert_eq!(running.state, LeaseState::Running);
		assert_eq!(running.start, 5);
		assert_eq!(running.period_start_km, START_KM);
		assert_eq!(running.end(), end);
		assert_eq!(running.next_due(), Some(5 + PERIOD));
		assert_eq!(DueLeases::<Test>::iter_keys().collect::<Vec<_>>(), vec![(5 + PERIOD, id)]);
		assert_eq!(MockVehicles::lien_holder(VEHICLE), Some(LESSOR));
		assert_eq!(
			MockVehicles::operating_right(VEHICLE, &LESSEE),
			Some(OperatingRight::OperatorUntil(end))
		);
		assert_eq!(MockVehicles::owner(VEHICLE), Some(LESSOR), "the lessor keeps the title");
		assert_eq!(held(HoldReason::Deposit, LESSOR), LEASE_DEPOSIT);
		assert_eq!(held(HoldReason::Prepayment, LESSEE), 0);
		assert_eq!(free(LESSEE), BALANCE);
		assert_eq!(
			events().last(),
			Some(&Event::LeaseStarted {
				lease: id,
				vehicle: VEHICLE,
				lessee: LESSEE,
				holder: LESSOR,
				start: 5,
				end,
				odometer_km: START_KM,
			})
		);
	});
}

#[test]
fn only_the_lessee_accepts_and_only_once() {
	ExtBuilder::default().build_and_execute(|| {
		let id = offer();
		for who in [LESSOR, FINANCIER, STRANGER] {
			assert_noop!(UsageLeasing::accept_lease(signed(who), id), Error::<Test>::NotLessee);
		}
		assert_noop!(
			UsageLeasing::accept_lease(signed(LESSEE), id + 1),
			Error::<Test>::UnknownLease
		);
		assert_ok!(UsageLeasing::accept_lease(signed(LESSEE), id));
		assert_noop!(UsageLeasing::accept_lease(signed(LESSEE), id), Error::<Test>::NotOffered);
	});
}

#[test]
fn an_offer_is_accepted_up_to_its_expiry_block_inclusive() {
	ExtBuilder::default().build_and_execute(|| {
		let id = offer();
		let expires_at = 1 + MAX_OFFER_DURATION;
		run_to_block(expires_at);
		assert_ok!(UsageLeasing::accept_lease(signed(LESSEE), id));
		assert_eq!(lease(id).start, expires_at);
	});
}

#[test]
fn an_offer_cannot_be_accepted_after_its_expiry_block() {
	ExtBuilder::default().build_and_execute(|| {
		let id = offer();
		run_to_block(1 + MAX_OFFER_DURATION + 1);
		assert_noop!(UsageLeasing::accept_lease(signed(LESSEE), id), Error::<Test>::OfferExpired);
		// The lessor takes its deposit back.
		assert_ok!(UsageLeasing::withdraw_offer(signed(LESSOR), id));
		assert_eq!(held(HoldReason::Deposit, LESSOR), 0);
	});
}

#[test]
fn a_vehicle_without_an_odometer_reading_cannot_be_leased_yet() {
	ExtBuilder::default().build_and_execute(|| {
		let expires_at = expiry();
		assert_ok!(UsageLeasing::offer_lease(
			signed(LESSOR),
			OTHER_VEHICLE,
			LESSEE,
			terms(),
			expires_at
		));
		assert_noop!(UsageLeasing::accept_lease(signed(LESSEE), 0), Error::<Test>::OdometerUnknown);
	});
}

#[test]
fn a_vehicle_stolen_since_the_offer_is_refused_by_the_registry() {
	ExtBuilder::default().build_and_execute(|| {
		let id = offer();
		MockVehicles::update(VEHICLE, |v| v.status = VehicleStatus::Stolen);
		assert_noop!(
			UsageLeasing::accept_lease(signed(LESSEE), id),
			DispatchError::Other("VehicleNotActive")
		);
	});
}

#[test]
fn a_lien_placed_since_the_offer_is_refused_by_the_registry() {
	ExtBuilder::default().build_and_execute(|| {
		let id = offer();
		MockVehicles::update(VEHICLE, |v| v.lien = Some(FINANCIER));
		assert_noop!(
			UsageLeasing::accept_lease(signed(LESSEE), id),
			DispatchError::Other("LienPresent")
		);
	});
}

#[test]
fn offers_and_acceptances_need_a_signed_origin() {
	ExtBuilder::default().build_and_execute(|| {
		for origin in [RuntimeOrigin::root(), RuntimeOrigin::none()] {
			assert_noop!(
				UsageLeasing::offer_lease(origin.clone(), VEHICLE, LESSEE, terms(), expiry()),
				DispatchError::BadOrigin
			);
		}
		let id = offer();
		for origin in [RuntimeOrigin::root(), RuntimeOrigin::none()] {
			assert_noop!(
				UsageLeasing::withdraw_offer(origin.clone(), id),
				DispatchError::BadOrigin
			);
			assert_noop!(UsageLeasing::accept_lease(origin, id), DispatchError::BadOrigin);
		}
	});
}
