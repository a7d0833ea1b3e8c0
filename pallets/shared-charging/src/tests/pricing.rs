//! How a tariff prices a reading (`tariff::price`) and the escrow's worst case.

use crate::{
	mock::{element, GENESIS_SECS},
	tariff::{month_of, price, worst_case},
	MeterReading, PriceComponents, TariffElement, TariffRestrictions,
};

fn energy(per_kwh: u128, restrictions: TariffRestrictions) -> TariffElement<u128> {
	TariffElement {
		prices: PriceComponents { energy_per_kwh: Some(per_kwh), ..Default::default() },
		restrictions,
	}
}

fn one_kwh_in_an_hour() -> MeterReading {
	MeterReading { energy_wh: 1_000, charging_secs: 3_600, parking_secs: 0 }
}

const HOUR: u64 = 3_600;

#[test]
fn a_night_window_wraps_past_midnight() {
	let night = TariffRestrictions {
		start_minute: Some(22 * 60),
		end_minute: Some(6 * 60),
		..Default::default()
	};
	let tariff = [energy(100, night), energy(300, Default::default())];
	let at = |hour: u64| price(&tariff, GENESIS_SECS + hour * HOUR, &one_kwh_in_an_hour()).unwrap();
	assert_eq!(at(23).energy, 100);
	assert_eq!(at(2).energy, 100);
	assert_eq!(at(12).energy, 300);
}

#[test]
fn days_of_week_select_the_element() {
	// Saturday and Sunday only. 2024-01-01 is a Monday.
	let weekend = TariffRestrictions { days_of_week: 0b110_0000, ..Default::default() };
	let tariff = [energy(100, weekend), energy(300, Default::default())];
	let on_day = |day: u64| {
		price(&tariff, GENESIS_SECS + day * 24 * HOUR + 12 * HOUR, &one_kwh_in_an_hour())
			.unwrap()
			.energy
	};
	assert_eq!(on_day(0), 300);
	assert_eq!(on_day(5), 100);
	assert_eq!(on_day(6), 100);
}

#[test]
fn energy_and_duration_restrictions_judge_the_totals() {
	let bulk = TariffRestrictions { min_wh: Some(20_000), ..Default::default() };
	let short = TariffRestrictions { max_duration_secs: Some(1_800), ..Default::default() };
	let tariff = [energy(200, bulk), energy(500, short), energy(300, Default::default())];
	let cost = |wh: u32, secs: u32| {
		let reading = MeterReading { energy_wh: wh, charging_secs: secs, parking_secs: 0 };
		price(&tariff, GENESIS_SECS, &reading).unwrap().energy
	};
	assert_eq!(cost(20_000, 3_600), 4_000);
	assert_eq!(cost(1_000, 1_200), 500);
	assert_eq!(cost(1_000, 3_600), 300);
}

#[test]
fn each_dimension_takes_the_first_element_that_prices_it() {
	let tariff = [
		element(PriceComponents { energy_per_kwh: Some(250), ..Default::default() }),
		element(PriceComponents {
			energy_per_kwh: Some(999),
			time_per_hour: Some(60),
			flat: Some(10),
			..Default::default()
		}),
	];
	let cost = price(&tariff, GENESIS_SECS, &one_kwh_in_an_hour()).unwrap();
	assert_eq!((cost.energy, cost.time, cost.flat, cost.total), (250, 60, 10, 320));
}

#[test]
fn energy_without_charging_time_is_not_priced() {
	let tariff = [energy(100, Default::default())];
	let reading = MeterReading { energy_wh: 1, charging_secs: 0, parking_secs: 10 };
	assert_eq!(price(&tariff, GENESIS_SECS, &reading), None);
}

#[test]
fn the_worst_case_covers_the_highest_prices() {
	let tariff = [
		element(PriceComponents { energy_per_kwh: Some(150), flat: Some(7), ..Default::default() }),
		element(PriceComponents {
			energy_per_kwh: Some(400),
			time_per_hour: Some(30),
			parking_per_hour: Some(90),
			..Default::default()
		}),
	];
	// 7 + 400 * 10.001 kWh (4_000.4, rounded up) + 90 per hour for 2 h.
	assert_eq!(worst_case(&tariff, 10_001, 7_200), Some(7 + 4_001 + 180));
}

#[test]
fn months_are_utc_calendar_months() {
	assert_eq!(month_of(GENESIS_SECS), 202_401);
	assert_eq!(month_of(GENESIS_SECS - 1), 202_312);
	// 2024-02-29 12:00 (leap day) and 2024-03-01 00:00.
	assert_eq!(month_of(GENESIS_SECS + (31 + 28) * 24 * HOUR + 12 * HOUR), 202_402);
	assert_eq!(month_of(GENESIS_SECS + (31 + 29) * 24 * HOUR), 202_403);
	assert_eq!(month_of(0), 197_001);
}
