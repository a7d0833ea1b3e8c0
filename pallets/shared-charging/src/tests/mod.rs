//! Tests of shared charging, one behaviour each. Every test ends by checking the pallet's
//! invariants (`ExtBuilder::build_and_execute`).

mod chargers;
mod discharge;
mod disputes;
mod genesis;
mod grid;
mod lapsed;
mod meters;
mod migrations;
mod pricing;
mod runtime_api;
mod sessions;
mod settlement;
mod tariffs;
mod try_state;

use polkadot_sdk::frame_support::{
	assert_ok,
	traits::fungible::{Inspect, InspectHold},
};

use crate::{
	mock::*, AccessRule, ChargerId, Connector, ElementsOf, GeohashOf, HoldReason, MeterReading,
	NextChargerId, NextSessionId, PriceComponents, SessionId, TariffElement, TariffId,
};

pub(crate) fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// What `who` has on hold for `reason`.
pub(crate) fn held(reason: HoldReason, who: u64) -> u64 {
	Balances::balance_on_hold(&reason.into(), &who)
}

/// `who`'s free balance.
pub(crate) fn free(who: u64) -> u64 {
	Balances::balance(&who)
}

pub(crate) fn geohash(text: &str) -> GeohashOf<Test> {
	text.as_bytes().to_vec().try_into().unwrap()
}

/// The mock's `u128` genesis elements in the test balance type.
pub(crate) fn elements(list: Vec<TariffElement<u128>>) -> ElementsOf<Test> {
	let price = |p: Option<u128>| p.map(|p| p as u64);
	list.into_iter()
		.map(|e| TariffElement {
			prices: PriceComponents {
				energy_per_kwh: price(e.prices.energy_per_kwh),
				time_per_hour: price(e.prices.time_per_hour),
				parking_per_hour: price(e.prices.parking_per_hour),
				flat: price(e.prices.flat),
			},
			restrictions: e.restrictions,
		})
		.collect::<Vec<_>>()
		.try_into()
		.unwrap()
}

pub(crate) fn energy_only(per_kwh: u128) -> ElementsOf<Test> {
	elements(vec![element(PriceComponents { energy_per_kwh: Some(per_kwh), ..Default::default() })])
}

pub(crate) fn reading(energy_wh: u32, charging_secs: u32, parking_secs: u32) -> MeterReading {
	MeterReading { energy_wh, charging_secs, parking_secs }
}

/// `CPO` registers a public 22 kW charger at `u33dc2` on `tariff`, inviting `DEVICE` as its
/// meter.
pub(crate) fn register(tariff: TariffId) -> ChargerId {
	assert_ok!(SharedCharging::register_charger(
		signed(CPO),
		DEVICE,
		geohash("u33dc2"),
		22,
		Connector::Ccs2,
		false,
		AccessRule::Public,
		tariff,
	));
	NextChargerId::<Test>::get() - 1
}

/// `register`, and `DEVICE` accepts to be the charger's meter.
pub(crate) fn register_with_meter(tariff: TariffId) -> ChargerId {
	let charger = register(tariff);
	assert_ok!(SharedCharging::accept_charger_meter(signed(DEVICE), charger));
	charger
}

/// `driver` starts a session for `vehicle` at `charger` with `cap` Wh.
pub(crate) fn start(driver: u64, charger: ChargerId, vehicle: u64, cap: u32) -> SessionId {
	assert_ok!(SharedCharging::start_session(signed(driver), charger, vehicle, cap));
	NextSessionId::<Test>::get() - 1
}

/// `DRIVER` starts a session at `PUBLIC` with 10 kWh, and `DEVICE` confirms it.
pub(crate) fn active_session() -> SessionId {
	let session = start(DRIVER, PUBLIC, VEHICLE, 10_000);
	assert_ok!(SharedCharging::confirm_session(signed(DEVICE), session));
	session
}

/// The escrow of a 10 kWh session on `SIMPLE_TARIFF`: 50 flat, 300 per kWh for 10 kWh and
/// 120 per hour for the longest session (4 h).
pub(crate) const SIMPLE_ESCROW: u64 = 50 + 3_000 + 480;

/// An active session at `PUBLIC` stopped after an hour: 7.333 kWh in 50 minutes, then 10
/// minutes parked. Costs 2_199 (energy, rounded down) + 20 (parking) + 50 (flat) = 2_269.
pub(crate) fn completed_session() -> SessionId {
	let session = active_session();
	pass(3_600);
	assert_ok!(SharedCharging::stop_session(
		signed(DEVICE),
		session,
		reading(7_333, 3_000, 600),
		None
	));
	session
}
pub(crate) const COMPLETED_COST: u64 = 2_269;
