//! Tests of road usage, one behaviour each. Every test ends by checking the pallet's
//! invariants (`ExtBuilder::build_and_execute`).
//!
//! The usual setup (`mock`): `CHARGER` runs the toll contexts, `PROVIDER` and
//! `OTHER_PROVIDER` serve vehicles, `OWNER` owns `VEHICLE` (its on-board unit `DEVICE`).
//! Days are wall-clock days; the mock chain starts on `GENESIS_DAY` and `pass_days` moves on.

mod billing;
mod contexts;
mod declarations;
mod genesis;
mod hooks;
mod passages;
mod platoons;
mod roles;
mod timeline;
mod try_state;
mod users;

use polkadot_sdk::frame_support::{
	assert_ok,
	traits::fungible::{Inspect, InspectHold},
};

use crate::{
	mock::*, ChargeKind, ContextId, Day, Event, HoldReason, NextContextId, PricesOf, TariffPrice,
};

pub(crate) fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

pub(crate) fn root() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

/// What `who` has on hold for `reason`.
pub(crate) fn held(reason: HoldReason, who: u64) -> u64 {
	Balances::balance_on_hold(&reason.into(), &who)
}

/// `who`'s free balance.
pub(crate) fn free(who: u64) -> u64 {
	Balances::balance(&who)
}

/// The pallet's events emitted so far.
pub(crate) fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::RoadUsage(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// The pallet's last event.
pub(crate) fn last_event() -> Event<Test> {
	events().pop().expect("an event was emitted")
}

/// A bounded name.
pub(crate) fn name(text: &[u8]) -> crate::NameOf<Test> {
	text.to_vec().try_into().expect("short enough")
}

/// Bounded prices from (class, band, price).
pub(crate) fn prices(list: &[(u8, u8, u64)]) -> PricesOf<Test> {
	list.iter()
		.map(|&(class, band, price)| TariffPrice { class, band, price })
		.collect::<Vec<_>>()
		.try_into()
		.expect("within MaxTariffPrices")
}

/// Cars (class 1) pay 8 a passage, trucks (class 2) 25.
pub(crate) fn passage_prices() -> PricesOf<Test> {
	prices(&[(1, 0, 8), (2, 0, 25)])
}

/// Trucks (class 2) pay 3 a km by day (band 0) and 4 at night (band 1).
pub(crate) fn distance_prices() -> PricesOf<Test> {
	prices(&[(2, 0, 3), (2, 1, 4)])
}

/// Governance approves `CHARGER`.
pub(crate) fn approve_charger() {
	assert_ok!(RoadUsage::approve_charger(root(), CHARGER, name(b"Alpine Motorways")));
}

/// `CHARGER` (approved) creates a context of `kind`; returns its id.
pub(crate) fn create_context(kind: ChargeKind) -> ContextId {
	if !crate::Chargers::<Test>::contains_key(CHARGER) {
		approve_charger();
	}
	assert_ok!(RoadUsage::create_context(
		signed(CHARGER),
		b"A13 Brenner".to_vec().try_into().unwrap(),
		kind
	));
	NextContextId::<Test>::get() - 1
}

/// A passage context with `passage_prices` valid from today.
pub(crate) fn passage_context() -> ContextId {
	let context = create_context(ChargeKind::Passage);
	assert_ok!(RoadUsage::publish_tariff(signed(CHARGER), context, today(), passage_prices()));
	context
}

/// Governance approves `who` as a provider, and it posts `MIN_BOND`.
pub(crate) fn bonded_provider(who: u64) {
	assert_ok!(RoadUsage::approve_provider(root(), who, name(b"Toll Services")));
	assert_ok!(RoadUsage::post_bond(signed(who), MIN_BOND));
}

/// The vehicle's service periods as (provider, from, until).
pub(crate) fn periods(vehicle: v2x_primitives::VehicleId) -> Vec<(u64, Day, Option<Day>)> {
	crate::ServicePeriods::<Test>::get(vehicle)
		.into_iter()
		.map(|period| (period.provider, period.from, period.until))
		.collect()
}

#[test]
fn days_are_wall_clock_days_from_genesis() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(today(), GENESIS_DAY);
		// 6 s blocks: the day changes at block 14 400 (genesis is at midnight UTC).
		run_to_block(14_399);
		assert_eq!(today(), GENESIS_DAY);
		run_to_block(14_400);
		assert_eq!(today(), GENESIS_DAY + 1);
		pass_days(2);
		assert_eq!(today(), GENESIS_DAY + 3);
	});
}
