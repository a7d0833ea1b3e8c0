//! Toll chargers create contexts, publish immutable tariff versions (none retroactive; the
//! oldest dropped once nothing can be priced at it) and register gantries; the version valid
//! on a day and its prices.

use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_runtime::DispatchError,
};

use super::*;
use crate::{Chargers, Contexts, Error, TariffVersions, Usage};

#[test]
fn a_charger_creates_a_context_and_its_deposit_is_held() {
	ExtBuilder::default().build_and_execute(|| {
		approve_charger();

		assert_ok!(RoadUsage::create_context(
			signed(CHARGER),
			b"Tyrol network".to_vec().try_into().unwrap(),
			ChargeKind::Distance
		));

		let context = Contexts::<Test>::get(0).unwrap();
		assert_eq!(context.charger, CHARGER);
		assert_eq!(context.domain.to_vec(), b"Tyrol network".to_vec());
		assert_eq!(context.kind, ChargeKind::Distance);
		assert_eq!((context.next_version, context.oldest_version), (0, 0));
		assert!(context.gantries.is_empty());
		assert_eq!(context.deposit, CONTEXT_DEPOSIT);
		assert_eq!(held(HoldReason::Deposit, CHARGER), CONTEXT_DEPOSIT);
		assert_eq!(free(CHARGER), BALANCE - CONTEXT_DEPOSIT);
		assert_eq!(Chargers::<Test>::get(CHARGER).unwrap().contexts, 1);
		assert_eq!(NextContextId::<Test>::get(), 1);
		assert_eq!(
			last_event(),
			Event::ContextCreated { context: 0, charger: CHARGER, kind: ChargeKind::Distance }
		);
	});
}

#[test]
fn only_an_approved_charger_creates_contexts_with_a_domain() {
	ExtBuilder::default().build_and_execute(|| {
		let domain = || b"Bridge".to_vec().try_into().unwrap();
		for who in [STRANGER, PROVIDER] {
			assert_noop!(
				RoadUsage::create_context(signed(who), domain(), ChargeKind::Passage),
				Error::<Test>::NotCharger
			);
		}
		bonded_provider(PROVIDER);
		assert_noop!(
			RoadUsage::create_context(signed(PROVIDER), domain(), ChargeKind::Passage),
			Error::<Test>::NotCharger
		);
		approve_charger();
		assert_noop!(
			RoadUsage::create_context(signed(CHARGER), Default::default(), ChargeKind::Passage),
			Error::<Test>::EmptyName
		);
	});
}

#[test]
fn a_charger_who_cannot_afford_the_deposit_creates_no_context() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(RoadUsage::approve_charger(root(), PAUPER, name(b"Broke Roads")));
		assert_noop!(
			RoadUsage::create_context(
				signed(PAUPER),
				b"Bridge".to_vec().try_into().unwrap(),
				ChargeKind::Passage
			),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn the_first_tariff_may_start_today() {
	ExtBuilder::default().build_and_execute(|| {
		let context = create_context(ChargeKind::Passage);

		assert_ok!(RoadUsage::publish_tariff(signed(CHARGER), context, today(), passage_prices()));

		let version = TariffVersions::<Test>::get(context, 0).unwrap();
		assert_eq!(version.valid_from, today());
		assert_eq!(version.prices, passage_prices());
		assert_eq!(Contexts::<Test>::get(context).unwrap().next_version, 1);
		assert_eq!(
			last_event(),
			Event::TariffPublished { context, version: 0, valid_from: today() }
		);
	});
}

#[test]
fn the_first_tariff_may_not_start_yesterday() {
	ExtBuilder::default().build_and_execute(|| {
		let context = create_context(ChargeKind::Passage);
		assert_noop!(
			RoadUsage::publish_tariff(signed(CHARGER), context, today() - 1, passage_prices()),
			Error::<Test>::TariffNotInFuture
		);
	});
}

#[test]
fn a_later_tariff_starts_tomorrow_at_the_earliest() {
	ExtBuilder::default().build_and_execute(|| {
		let context = passage_context();
		pass_days(3);

		assert_noop!(
			RoadUsage::publish_tariff(signed(CHARGER), context, today(), passage_prices()),
			Error::<Test>::TariffNotInFuture
		);
		assert_ok!(RoadUsage::publish_tariff(
			signed(CHARGER),
			context,
			today() + 1,
			prices(&[(1, 0, 9)])
		));

		assert_eq!(TariffVersions::<Test>::get(context, 1).unwrap().valid_from, today() + 1);
		assert_eq!(
			last_event(),
			Event::TariffPublished { context, version: 1, valid_from: today() + 1 }
		);
	});
}

#[test]
fn a_tariff_starts_after_the_latest_version() {
	ExtBuilder::default().build_and_execute(|| {
		let context = passage_context();
		let later = today() + 10;
		assert_ok!(RoadUsage::publish_tariff(signed(CHARGER), context, later, passage_prices()));

		for valid_from in [today() + 1, later] {
			assert_noop!(
				RoadUsage::publish_tariff(signed(CHARGER), context, valid_from, passage_prices()),
				Error::<Test>::TariffNotAfterLatest
			);
		}
		assert_ok!(RoadUsage::publish_tariff(
			signed(CHARGER),
			context,
			later + 1,
			passage_prices()
		));
	});
}

#[test]
fn only_the_contexts_charger_publishes_its_tariff() {
	ExtBuilder::default().build_and_execute(|| {
		let context = create_context(ChargeKind::Passage);
		assert_ok!(RoadUsage::approve_charger(root(), OTHER_CHARGER, name(b"Other Roads")));
		for who in [OTHER_CHARGER, PROVIDER, OWNER, STRANGER] {
			assert_noop!(
				RoadUsage::publish_tariff(signed(who), context, today(), passage_prices()),
				Error::<Test>::NotContextCharger
			);
		}
		assert_noop!(
			RoadUsage::publish_tariff(signed(CHARGER), context + 1, today(), passage_prices()),
			Error::<Test>::UnknownContext
		);
	});
}

#[test]
fn a_tariff_must_be_sorted_positive_and_banded_for_its_kind() {
	ExtBuilder::default().build_and_execute(|| {
		let passage = create_context(ChargeKind::Passage);
		let distance = create_context(ChargeKind::Distance);
		let invalid = [
			(passage, prices(&[])),
			(passage, prices(&[(1, 0, 0)])),
			(passage, prices(&[(2, 0, 25), (1, 0, 8)])),
			(passage, prices(&[(1, 0, 8), (1, 0, 9)])),
			(passage, prices(&[(1, 1, 8)])),
			(distance, prices(&[(2, 1, 4), (2, 0, 3)])),
			(distance, prices(&[(2, 0, 3), (2, 0, 3)])),
			(distance, prices(&[(2, 0, 3), (2, 1, 0)])),
		];
		for (context, list) in invalid {
			assert_noop!(
				RoadUsage::publish_tariff(signed(CHARGER), context, today(), list),
				Error::<Test>::InvalidTariff
			);
		}
		assert_ok!(RoadUsage::publish_tariff(
			signed(CHARGER),
			distance,
			today(),
			prices(&[(1, 0, 1), (1, 1, 2), (2, 0, 3), (2, 1, 4)])
		));
	});
}

/// `CHARGER`'s passage context with `MAX_VERSIONS` versions: from today, +10 and +20 days.
fn context_with_full_history() -> ContextId {
	let context = passage_context();
	let start = today();
	for offset in [10, 20] {
		assert_ok!(RoadUsage::publish_tariff(
			signed(CHARGER),
			context,
			start + offset,
			prices(&[(1, 0, 8 + u64::from(offset))])
		));
	}
	assert_eq!(MAX_VERSIONS, 3);
	context
}

#[test]
fn a_full_history_keeps_the_oldest_version_while_it_can_price_a_declaration() {
	ExtBuilder::default().build_and_execute(|| {
		let start = today();
		let context = context_with_full_history();
		// Version 1 took over on start + 10: days before it are declarable up to
		// MAX_DECLARATION_AGE days later.
		pass_days(10 + MAX_DECLARATION_AGE);
		assert_eq!(today(), start + 10 + MAX_DECLARATION_AGE);

		assert_noop!(
			RoadUsage::publish_tariff(signed(CHARGER), context, today() + 1, passage_prices()),
			Error::<Test>::TooManyTariffVersions
		);
	});
}

#[test]
fn the_oldest_version_is_dropped_the_day_after_its_last_day_stops_being_declarable() {
	ExtBuilder::default().build_and_execute(|| {
		let start = today();
		let context = context_with_full_history();
		pass_days(10 + MAX_DECLARATION_AGE + 1);

		assert_ok!(RoadUsage::publish_tariff(
			signed(CHARGER),
			context,
			today() + 1,
			passage_prices()
		));

		assert!(TariffVersions::<Test>::get(context, 0).is_none());
		let entry = Contexts::<Test>::get(context).unwrap();
		assert_eq!((entry.oldest_version, entry.next_version), (1, 4));
		assert_eq!(TariffVersions::<Test>::get(context, 3).unwrap().valid_from, today() + 1);
		let tail = events().split_off(events().len() - 2);
		assert_eq!(
			tail,
			vec![
				Event::TariffVersionDropped { context, version: 0 },
				Event::TariffPublished { context, version: 3, valid_from: today() + 1 },
			]
		);
		// The oldest declarable day is priced at version 1, as before.
		let oldest_declarable = today() - MAX_DECLARATION_AGE;
		assert!(oldest_declarable > start + 10);
		assert_eq!(RoadUsage::tariff_version_at(context, oldest_declarable).unwrap().0, 1);
		assert_eq!(
			RoadUsage::tariff_version_at(context, start).unwrap_err(),
			Error::<Test>::NoTariff.into()
		);
	});
}

#[test]
fn the_version_valid_on_a_day_is_the_newest_started_by_then() {
	ExtBuilder::default().build_and_execute(|| {
		let start = today();
		let context = context_with_full_history();
		let expected = [
			(start, 0),
			(start + 9, 0),
			(start + 10, 1),
			(start + 19, 1),
			(start + 20, 2),
			(start + 1_000, 2),
		];
		for (day, version) in expected {
			let (id, tariff) = RoadUsage::tariff_version_at(context, day).unwrap();
			assert_eq!(id, version, "day {day}");
			assert_eq!(tariff, TariffVersions::<Test>::get(context, version).unwrap());
		}
		assert_eq!(
			RoadUsage::tariff_version_at(context, start - 1).unwrap_err(),
			Error::<Test>::NoTariff.into()
		);
		assert_eq!(
			RoadUsage::tariff_version_at(context + 1, start).unwrap_err(),
			Error::<Test>::UnknownContext.into()
		);
	});
}

#[test]
fn a_context_without_a_tariff_prices_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let context = create_context(ChargeKind::Distance);
		assert_eq!(
			RoadUsage::tariff_version_at(context, today()).unwrap_err(),
			Error::<Test>::NoTariff.into()
		);
		assert_eq!(
			RoadUsage::quote(context, today(), 2, vec![Usage { band: 0, quantity: 1 }]),
			None
		);
	});
}

#[test]
fn usage_is_priced_per_class_and_band() {
	ExtBuilder::default().build_and_execute(|| {
		let context = create_context(ChargeKind::Distance);
		assert_ok!(RoadUsage::publish_tariff(signed(CHARGER), context, today(), distance_prices()));
		let (_, version) = RoadUsage::tariff_version_at(context, today()).unwrap();

		assert_eq!(RoadUsage::price(&version, 2, 0, 100), Ok(300));
		assert_eq!(RoadUsage::price(&version, 2, 1, 100), Ok(400));
		assert_eq!(RoadUsage::price(&version, 2, 1, 0), Ok(0));
		assert_eq!(RoadUsage::price(&version, 1, 0, 1), Err(Error::<Test>::UnpricedUsage.into()));
		assert_eq!(RoadUsage::price(&version, 2, 2, 1), Err(Error::<Test>::UnpricedUsage.into()));
		let usage = [Usage { band: 0, quantity: 120 }, Usage { band: 1, quantity: 30 }];
		assert_eq!(RoadUsage::price_usage(&version, 2, &usage), Ok(120 * 3 + 30 * 4));
		assert_eq!(RoadUsage::quote(context, today(), 2, usage.to_vec()), Some(480));
		assert_eq!(RoadUsage::quote(context, today(), 1, usage.to_vec()), None);
		assert_eq!(RoadUsage::quote(context, today() - 1, 2, usage.to_vec()), None);
	});
}

#[test]
fn a_price_that_does_not_fit_the_balance_is_an_overflow() {
	ExtBuilder::default().build_and_execute(|| {
		let context = create_context(ChargeKind::Distance);
		assert_ok!(RoadUsage::publish_tariff(
			signed(CHARGER),
			context,
			today(),
			prices(&[(2, 0, u64::MAX / 2)])
		));
		let (_, version) = RoadUsage::tariff_version_at(context, today()).unwrap();

		assert_eq!(RoadUsage::price(&version, 2, 0, 3), Err(Error::<Test>::Overflow.into()));
		let usage = [Usage { band: 0, quantity: 1 }, Usage { band: 0, quantity: 2 }];
		assert_eq!(
			RoadUsage::price_usage(&version, 2, &usage),
			Err(Error::<Test>::Overflow.into())
		);
	});
}

#[test]
fn a_charger_registers_and_removes_gantries() {
	ExtBuilder::default().build_and_execute(|| {
		let context = passage_context();

		assert_ok!(RoadUsage::add_gantry(signed(CHARGER), context, GANTRY));
		assert_eq!(last_event(), Event::GantryAdded { context, gantry: GANTRY });
		assert_ok!(RoadUsage::add_gantry(signed(CHARGER), context, OTHER_GANTRY));
		assert_eq!(
			Contexts::<Test>::get(context).unwrap().gantries.to_vec(),
			vec![GANTRY, OTHER_GANTRY]
		);

		assert_ok!(RoadUsage::remove_gantry(signed(CHARGER), context, GANTRY));
		assert_eq!(last_event(), Event::GantryRemoved { context, gantry: GANTRY });
		assert_eq!(Contexts::<Test>::get(context).unwrap().gantries.to_vec(), vec![OTHER_GANTRY]);
	});
}

#[test]
fn gantries_are_unique_and_bounded() {
	ExtBuilder::default().build_and_execute(|| {
		let context = passage_context();
		assert_ok!(RoadUsage::add_gantry(signed(CHARGER), context, GANTRY));
		assert_noop!(
			RoadUsage::add_gantry(signed(CHARGER), context, GANTRY),
			Error::<Test>::GantryExists
		);
		assert_ok!(RoadUsage::add_gantry(signed(CHARGER), context, OTHER_GANTRY));
		assert_eq!(MAX_GANTRIES, 2);
		assert_noop!(
			RoadUsage::add_gantry(signed(CHARGER), context, STRANGER),
			Error::<Test>::TooManyGantries
		);
		assert_noop!(
			RoadUsage::remove_gantry(signed(CHARGER), context, STRANGER),
			Error::<Test>::UnknownGantry
		);
	});
}

#[test]
fn only_the_contexts_charger_manages_its_gantries() {
	ExtBuilder::default().build_and_execute(|| {
		let context = passage_context();
		assert_ok!(RoadUsage::add_gantry(signed(CHARGER), context, GANTRY));
		assert_ok!(RoadUsage::approve_charger(root(), OTHER_CHARGER, name(b"Other Roads")));
		for who in [OTHER_CHARGER, GANTRY, STRANGER] {
			assert_noop!(
				RoadUsage::add_gantry(signed(who), context, OTHER_GANTRY),
				Error::<Test>::NotContextCharger
			);
			assert_noop!(
				RoadUsage::remove_gantry(signed(who), context, GANTRY),
				Error::<Test>::NotContextCharger
			);
		}
		assert_noop!(
			RoadUsage::add_gantry(signed(CHARGER), context + 1, GANTRY),
			Error::<Test>::UnknownContext
		);
		assert_noop!(
			RoadUsage::remove_gantry(signed(CHARGER), context + 1, GANTRY),
			Error::<Test>::UnknownContext
		);
	});
}

#[test]
fn governance_cannot_act_as_a_charger() {
	ExtBuilder::default().build_and_execute(|| {
		let context = passage_context();
		assert_noop!(
			RoadUsage::publish_tariff(root(), context, today() + 1, passage_prices()),
			DispatchError::BadOrigin
		);
		assert_noop!(RoadUsage::add_gantry(root(), context, GANTRY), DispatchError::BadOrigin);
	});
}
