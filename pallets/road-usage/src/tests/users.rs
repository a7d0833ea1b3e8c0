//! The owner picks the vehicle's provider (service periods: a change mid-day leaves both
//! serving that day; old periods are dropped once undeclarable) and keeps its prepaid balance.

use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_runtime::DispatchError,
};
use v2x_primitives::{testing::MockVehicles, VehicleStatus};

use super::*;
use crate::{Error, Prepaid, PrepaidBalance, ServicePeriods};

/// `PROVIDER` and `OTHER_PROVIDER` approved and bonded.
fn two_providers() {
	bonded_provider(PROVIDER);
	bonded_provider(OTHER_PROVIDER);
}

#[test]
fn the_owner_chooses_a_provider_from_today() {
	ExtBuilder::default().build_and_execute(|| {
		two_providers();

		assert_ok!(RoadUsage::set_provider(signed(OWNER), VEHICLE, Some(PROVIDER)));

		assert_eq!(periods(VEHICLE), vec![(PROVIDER, today(), None)]);
		assert!(RoadUsage::serves(&PROVIDER, VEHICLE, today()));
		assert!(!RoadUsage::serves(&PROVIDER, VEHICLE, today() - 1));
		assert!(RoadUsage::serves(&PROVIDER, VEHICLE, today() + 400));
		assert!(!RoadUsage::serves(&OTHER_PROVIDER, VEHICLE, today()));
		assert_eq!(RoadUsage::provider_on(VEHICLE, today()), Some(PROVIDER));
		assert_eq!(
			last_event(),
			Event::ProviderSet { vehicle: VEHICLE, provider: Some(PROVIDER), from: today() }
		);
	});
}

#[test]
fn a_change_of_provider_mid_day_leaves_both_serving_that_day_only() {
	ExtBuilder::default().build_and_execute(|| {
		two_providers();
		assert_ok!(RoadUsage::set_provider(signed(OWNER), VEHICLE, Some(PROVIDER)));
		pass_days(5);
		pass(12 * 3_600);
		let change = today();

		assert_ok!(RoadUsage::set_provider(signed(OWNER), VEHICLE, Some(OTHER_PROVIDER)));

		assert_eq!(
			periods(VEHICLE),
			vec![(PROVIDER, change - 5, Some(change)), (OTHER_PROVIDER, change, None)]
		);
		assert!(RoadUsage::serves(&PROVIDER, VEHICLE, change - 1));
		assert!(RoadUsage::serves(&PROVIDER, VEHICLE, change));
		assert!(!RoadUsage::serves(&PROVIDER, VEHICLE, change + 1));
		assert!(!RoadUsage::serves(&OTHER_PROVIDER, VEHICLE, change - 1));
		assert!(RoadUsage::serves(&OTHER_PROVIDER, VEHICLE, change));
		assert!(RoadUsage::serves(&OTHER_PROVIDER, VEHICLE, change + 1));
		// The newest provider is the one a passage today is made under.
		assert_eq!(RoadUsage::provider_on(VEHICLE, change), Some(OTHER_PROVIDER));
		assert_eq!(RoadUsage::provider_on(VEHICLE, change - 1), Some(PROVIDER));
		assert_eq!(RoadUsage::provider_on(VEHICLE, change - 6), None);
		assert_eq!(
			last_event(),
			Event::ProviderSet { vehicle: VEHICLE, provider: Some(OTHER_PROVIDER), from: change }
		);
	});
}

#[test]
fn the_owner_stops_its_provider_which_still_serves_today() {
	ExtBuilder::default().build_and_execute(|| {
		two_providers();
		assert_ok!(RoadUsage::set_provider(signed(OWNER), VEHICLE, Some(PROVIDER)));
		pass_days(1);

		assert_ok!(RoadUsage::set_provider(signed(OWNER), VEHICLE, None));

		assert_eq!(periods(VEHICLE), vec![(PROVIDER, today() - 1, Some(today()))]);
		assert!(RoadUsage::serves(&PROVIDER, VEHICLE, today()));
		assert!(!RoadUsage::serves(&PROVIDER, VEHICLE, today() + 1));
		assert_eq!(
			last_event(),
			Event::ProviderSet { vehicle: VEHICLE, provider: None, from: today() }
		);
		assert_noop!(
			RoadUsage::set_provider(signed(OWNER), VEHICLE, None),
			Error::<Test>::NoProvider
		);
	});
}

#[test]
fn a_vehicle_without_provider_cannot_stop_one() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			RoadUsage::set_provider(signed(OWNER), VEHICLE, None),
			Error::<Test>::NoProvider
		);
	});
}

#[test]
fn the_current_provider_is_not_chosen_again() {
	ExtBuilder::default().build_and_execute(|| {
		two_providers();
		assert_ok!(RoadUsage::set_provider(signed(OWNER), VEHICLE, Some(PROVIDER)));
		assert_noop!(
			RoadUsage::set_provider(signed(OWNER), VEHICLE, Some(PROVIDER)),
			Error::<Test>::AlreadySubscribed
		);
		// A provider whose period ended may serve again.
		assert_ok!(RoadUsage::set_provider(signed(OWNER), VEHICLE, None));
		assert_ok!(RoadUsage::set_provider(signed(OWNER), VEHICLE, Some(PROVIDER)));
		assert_eq!(
			periods(VEHICLE),
			vec![(PROVIDER, today(), Some(today())), (PROVIDER, today(), None)]
		);
	});
}

#[test]
fn only_an_approved_active_provider_is_chosen() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			RoadUsage::set_provider(signed(OWNER), VEHICLE, Some(STRANGER)),
			Error::<Test>::UnknownProvider
		);
		approve_charger();
		assert_noop!(
			RoadUsage::set_provider(signed(OWNER), VEHICLE, Some(CHARGER)),
			Error::<Test>::UnknownProvider
		);
		bonded_provider(PROVIDER);
		assert_ok!(RoadUsage::revoke_provider(root(), PROVIDER));
		assert_noop!(
			RoadUsage::set_provider(signed(OWNER), VEHICLE, Some(PROVIDER)),
			Error::<Test>::ProviderNotActive
		);
	});
}

#[test]
fn only_the_owner_of_an_active_vehicle_chooses_its_provider() {
	ExtBuilder::default().build_and_execute(|| {
		two_providers();
		for who in [DEVICE, PROVIDER, OTHER_OWNER, STRANGER] {
			assert_noop!(
				RoadUsage::set_provider(signed(who), VEHICLE, Some(PROVIDER)),
				Error::<Test>::NotOwner
			);
		}
		assert_noop!(
			RoadUsage::set_provider(root(), VEHICLE, Some(PROVIDER)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			RoadUsage::set_provider(signed(OWNER), UNKNOWN_VEHICLE, Some(PROVIDER)),
			Error::<Test>::UnknownVehicle
		);
		for status in [VehicleStatus::Stolen, VehicleStatus::Scrapped] {
			MockVehicles::update(VEHICLE, |v| v.status = status);
			assert_noop!(
				RoadUsage::set_provider(signed(OWNER), VEHICLE, Some(PROVIDER)),
				Error::<Test>::VehicleNotActive
			);
		}
	});
}

#[test]
fn a_vehicle_keeps_at_most_max_service_periods_while_they_are_declarable() {
	ExtBuilder::default().build_and_execute(|| {
		two_providers();
		assert_eq!(MAX_PERIODS, 3);
		assert_ok!(RoadUsage::set_provider(signed(OWNER), VEHICLE, Some(PROVIDER)));
		assert_ok!(RoadUsage::set_provider(signed(OWNER), VEHICLE, Some(OTHER_PROVIDER)));
		assert_ok!(RoadUsage::set_provider(signed(OWNER), VEHICLE, Some(PROVIDER)));

		assert_noop!(
			RoadUsage::set_provider(signed(OWNER), VEHICLE, Some(OTHER_PROVIDER)),
			Error::<Test>::TooManyProviderChanges
		);
		// The last day of the first periods is declarable up to MAX_DECLARATION_AGE days on.
		pass_days(MAX_DECLARATION_AGE);
		assert_noop!(
			RoadUsage::set_provider(signed(OWNER), VEHICLE, Some(OTHER_PROVIDER)),
			Error::<Test>::TooManyProviderChanges
		);
	});
}

#[test]
fn service_periods_are_dropped_the_day_after_their_last_day_stops_being_declarable() {
	ExtBuilder::default().build_and_execute(|| {
		two_providers();
		let start = today();
		assert_ok!(RoadUsage::set_provider(signed(OWNER), VEHICLE, Some(PROVIDER)));
		assert_ok!(RoadUsage::set_provider(signed(OWNER), VEHICLE, Some(OTHER_PROVIDER)));
		assert_ok!(RoadUsage::set_provider(signed(OWNER), VEHICLE, Some(PROVIDER)));
		pass_days(MAX_DECLARATION_AGE + 1);

		assert_ok!(RoadUsage::set_provider(signed(OWNER), VEHICLE, Some(OTHER_PROVIDER)));

		assert_eq!(
			periods(VEHICLE),
			vec![(PROVIDER, start, Some(today())), (OTHER_PROVIDER, today(), None)]
		);
	});
}

#[test]
fn stopping_a_provider_after_all_periods_expired_leaves_one_period() {
	ExtBuilder::default().build_and_execute(|| {
		two_providers();
		let start = today();
		assert_ok!(RoadUsage::set_provider(signed(OWNER), VEHICLE, Some(PROVIDER)));
		assert_ok!(RoadUsage::set_provider(signed(OWNER), VEHICLE, Some(OTHER_PROVIDER)));
		pass_days(MAX_DECLARATION_AGE + 1);

		assert_ok!(RoadUsage::set_provider(signed(OWNER), VEHICLE, None));

		assert_eq!(periods(VEHICLE), vec![(OTHER_PROVIDER, start, Some(today()))]);
		pass_days(MAX_DECLARATION_AGE + 1);
		assert_ok!(RoadUsage::set_provider(signed(OWNER), VEHICLE, Some(PROVIDER)));
		assert_eq!(periods(VEHICLE), vec![(PROVIDER, today(), None)]);
		assert!(ServicePeriods::<Test>::contains_key(VEHICLE));
	});
}

#[test]
fn the_owner_tops_up_the_prepaid_balance_which_is_held() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(RoadUsage::top_up(signed(OWNER), VEHICLE, 300));
		assert_eq!(
			last_event(),
			Event::PrepaidToppedUp { vehicle: VEHICLE, owner: OWNER, amount: 300, balance: 300 }
		);
		assert_ok!(RoadUsage::top_up(signed(OWNER), VEHICLE, 200));

		assert_eq!(
			Prepaid::<Test>::get(VEHICLE),
			Some(PrepaidBalance { owner: OWNER, amount: 500 })
		);
		assert_eq!(held(HoldReason::Prepaid, OWNER), 500);
		assert_eq!(free(OWNER), BALANCE - 500);
		assert_eq!(
			last_event(),
			Event::PrepaidToppedUp { vehicle: VEHICLE, owner: OWNER, amount: 200, balance: 500 }
		);
	});
}

#[test]
fn only_the_owner_tops_up_with_an_amount_it_has() {
	ExtBuilder::default().build_and_execute(|| {
		for who in [DEVICE, OTHER_OWNER, PROVIDER, STRANGER] {
			assert_noop!(RoadUsage::top_up(signed(who), VEHICLE, 100), Error::<Test>::NotOwner);
		}
		assert_noop!(RoadUsage::top_up(signed(OWNER), VEHICLE, 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			RoadUsage::top_up(signed(OWNER), UNKNOWN_VEHICLE, 100),
			Error::<Test>::UnknownVehicle
		);
		assert_noop!(
			RoadUsage::top_up(signed(OWNER), VEHICLE, BALANCE + 1),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn a_stolen_or_scrapped_vehicle_takes_no_top_up() {
	ExtBuilder::default().build_and_execute(|| {
		for status in [VehicleStatus::Stolen, VehicleStatus::Scrapped] {
			MockVehicles::update(VEHICLE, |v| v.status = status);
			assert_noop!(
				RoadUsage::top_up(signed(OWNER), VEHICLE, 100),
				Error::<Test>::VehicleNotActive
			);
		}
		MockVehicles::update(VEHICLE, |v| v.status = VehicleStatus::Active);
		assert_ok!(RoadUsage::top_up(signed(OWNER), VEHICLE, 100));
	});
}

#[test]
fn the_owner_withdraws_prepaid_and_the_entry_goes_at_zero() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(RoadUsage::top_up(signed(OWNER), VEHICLE, 500));

		assert_ok!(RoadUsage::withdraw_prepaid(signed(OWNER), VEHICLE, 200));
		assert_eq!(Prepaid::<Test>::get(VEHICLE).unwrap().amount, 300);
		assert_eq!(held(HoldReason::Prepaid, OWNER), 300);
		assert_eq!(
			last_event(),
			Event::PrepaidWithdrawn { vehicle: VEHICLE, owner: OWNER, amount: 200, balance: 300 }
		);

		assert_ok!(RoadUsage::withdraw_prepaid(signed(OWNER), VEHICLE, 300));
		assert!(Prepaid::<Test>::get(VEHICLE).is_none());
		assert_eq!(held(HoldReason::Prepaid, OWNER), 0);
		assert_eq!(free(OWNER), BALANCE);
		assert_eq!(
			last_event(),
			Event::PrepaidWithdrawn { vehicle: VEHICLE, owner: OWNER, amount: 300, balance: 0 }
		);
	});
}

#[test]
fn prepaid_is_withdrawn_by_its_owner_up_to_the_balance() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			RoadUsage::withdraw_prepaid(signed(OWNER), VEHICLE, 1),
			Error::<Test>::InsufficientPrepaid
		);
		assert_ok!(RoadUsage::top_up(signed(OWNER), VEHICLE, 500));
		for who in [DEVICE, OTHER_OWNER, PROVIDER, STRANGER] {
			assert_noop!(
				RoadUsage::withdraw_prepaid(signed(who), VEHICLE, 1),
				Error::<Test>::NotOwner
			);
		}
		assert_noop!(
			RoadUsage::withdraw_prepaid(signed(OWNER), VEHICLE, 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			RoadUsage::withdraw_prepaid(signed(OWNER), VEHICLE, 501),
			Error::<Test>::InsufficientPrepaid
		);
	});
}

#[test]
fn prepaid_balances_of_two_vehicles_are_kept_apart() {
	ExtBuilder::default().build_and_execute(|| {
		MockVehicles::update(OTHER_VEHICLE, |v| v.owner = OWNER);
		assert_ok!(RoadUsage::top_up(signed(OWNER), VEHICLE, 100));
		assert_ok!(RoadUsage::top_up(signed(OWNER), OTHER_VEHICLE, 40));

		assert_noop!(
			RoadUsage::withdraw_prepaid(signed(OWNER), OTHER_VEHICLE, 41),
			Error::<Test>::InsufficientPrepaid
		);
		assert_eq!(held(HoldReason::Prepaid, OWNER), 140);
	});
}

#[test]
fn a_prepaid_balance_beyond_the_balance_type_is_an_overflow() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(RoadUsage::top_up(signed(OWNER), VEHICLE, 1));
		assert_noop!(RoadUsage::top_up(signed(OWNER), VEHICLE, u64::MAX), Error::<Test>::Overflow);
	});
}
