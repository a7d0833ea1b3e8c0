//! Tariffs: created, versioned and removed by their owners.

use polkadot_sdk::frame_support::{assert_noop, assert_ok};

use super::*;
use crate::{Error, Event, TariffRestrictions, TariffVersions, Tariffs};

fn restricted(restrictions: TariffRestrictions) -> ElementsOf<Test> {
	vec![TariffElement {
		prices: PriceComponents { energy_per_kwh: Some(1), ..Default::default() },
		restrictions,
	}]
	.try_into()
	.unwrap()
}

#[test]
fn anyone_creates_a_tariff_with_a_deposit() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(SharedCharging::create_tariff(signed(OTHER_CPO), energy_only(250)));
		let tariff = Tariffs::<Test>::get(3).unwrap();
		assert_eq!((tariff.owner, tariff.version, tariff.users), (OTHER_CPO, 0, 0));
		assert_eq!(TariffVersions::<Test>::get(3, 0).unwrap().elements, energy_only(250));
		assert_eq!(held(HoldReason::Tariff, OTHER_CPO), TARIFF_DEPOSIT);
		System::assert_last_event(Event::TariffCreated { tariff: 3, owner: OTHER_CPO }.into());
	});
}

#[test]
fn a_tariff_needs_an_element() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			SharedCharging::create_tariff(signed(CPO), Default::default()),
			Error::<Test>::EmptyTariff
		);
	});
}

#[test]
fn an_element_needs_a_price() {
	ExtBuilder::ready().build_and_execute(|| {
		let priceless: ElementsOf<Test> = vec![TariffElement::default()].try_into().unwrap();
		assert_noop!(SharedCharging::create_tariff(signed(CPO), priceless), Error::<Test>::NoPrice);
	});
}

#[test]
fn restriction_times_must_exist() {
	ExtBuilder::ready().build_and_execute(|| {
		for restrictions in [
			TariffRestrictions { start_minute: Some(1_440), ..Default::default() },
			TariffRestrictions { end_minute: Some(2_000), ..Default::default() },
			TariffRestrictions { days_of_week: 0b1000_0000, ..Default::default() },
		] {
			assert_noop!(
				SharedCharging::create_tariff(signed(CPO), restricted(restrictions)),
				Error::<Test>::InvalidTime
			);
		}
	});
}

#[test]
fn restriction_ranges_must_not_be_empty() {
	ExtBuilder::ready().build_and_execute(|| {
		for restrictions in [
			TariffRestrictions { min_wh: Some(5), max_wh: Some(5), ..Default::default() },
			TariffRestrictions {
				min_duration_secs: Some(60),
				max_duration_secs: Some(10),
				..Default::default()
			},
			TariffRestrictions {
				start_minute: Some(60),
				end_minute: Some(60),
				..Default::default()
			},
		] {
			assert_noop!(
				SharedCharging::create_tariff(signed(CPO), restricted(restrictions)),
				Error::<Test>::EmptyRange
			);
		}
	});
}

#[test]
fn the_owner_updates_a_tariff_to_a_new_version() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(SharedCharging::update_tariff(signed(CPO), SIMPLE_TARIFF, energy_only(500)));
		assert_eq!(Tariffs::<Test>::get(SIMPLE_TARIFF).unwrap().version, 1);
		assert_eq!(
			TariffVersions::<Test>::get(SIMPLE_TARIFF, 1).unwrap().elements,
			energy_only(500)
		);
		// No session uses version 0: it is gone.
		assert!(!TariffVersions::<Test>::contains_key(SIMPLE_TARIFF, 0));
		System::assert_last_event(
			Event::TariffUpdated { tariff: SIMPLE_TARIFF, version: 1 }.into(),
		);
	});
}

#[test]
fn only_the_owner_changes_a_tariff() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			SharedCharging::update_tariff(signed(OTHER_CPO), SIMPLE_TARIFF, energy_only(1)),
			Error::<Test>::NotTariffOwner
		);
		assert_noop!(
			SharedCharging::remove_tariff(signed(DRIVER), MEMBER_TARIFF),
			Error::<Test>::NotTariffOwner
		);
		assert_noop!(
			SharedCharging::update_tariff(signed(CPO), 9, energy_only(1)),
			Error::<Test>::TariffNotFound
		);
	});
}

#[test]
fn a_tariff_in_use_cannot_be_removed() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			SharedCharging::remove_tariff(signed(CPO), SIMPLE_TARIFF),
			Error::<Test>::TariffInUse
		);
	});
}

#[test]
fn removing_a_tariff_releases_its_deposit() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(SharedCharging::create_tariff(signed(CPO), energy_only(1)));
		assert_ok!(SharedCharging::remove_tariff(signed(CPO), 3));
		assert_eq!(held(HoldReason::Tariff, CPO), 0);
		assert!(!TariffVersions::<Test>::contains_key(3, 0));
		System::assert_last_event(Event::TariffRemoved { tariff: 3 }.into());
	});
}
