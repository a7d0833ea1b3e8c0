//! How a tariff prices a session, the way OCPI 2.2.1 does, and the worst case the escrow
//! covers. Pure functions on plain numbers: no storage.
//!
//! - A session is cut into segments at every minute of the day where some element's time
//!   restriction starts or ends, and at midnight (day of week). In each segment, each
//!   dimension (energy, charging time, parking time) is priced by the first element that
//!   prices it and whose restrictions match. So a session crossing 22:00 into a cheaper
//!   night rate pays each part at its own rate.
//! - The meter reports energy for the whole session, not per segment: energy is spread
//!   evenly over the charging seconds (the energy up to second `t` is
//!   `floor(energy * t / charging_secs)`, so the parts add up exactly).
//! - Energy and duration restrictions (`min_wh`, `max_wh`, `min_duration_secs`,
//!   `max_duration_secs`) are judged on the session's totals (OCPI judges them as the
//!   session goes; on chain only the final reading is known).
//! - The flat fee is the first flat price among the elements matching at the start.
//! - Each segment's cost is rounded down (in the driver's favour), so a session pays at most
//!   one unit less per segment and dimension than exact arithmetic would.
//! - The worst case is the highest flat fee, plus the highest energy price for the whole
//!   cap, plus the highest time or parking price for the longest session, each rounded up,
//!   whatever the restrictions: no priced session can exceed it.

use alloc::vec::Vec;
use polkadot_sdk::sp_runtime::{helpers_128bit::multiply_by_rational_with_rounding, Rounding};

use crate::{CostBreakdown, MeterReading, TariffElement, TariffRestrictions, WattHours};

/// Seconds in a day.
pub const DAY_SECS: u64 = 86_400;
/// Minutes in a day: restriction minutes are below this.
pub const MINUTES_PER_DAY: u16 = 1_440;
/// Wh in a kWh: energy prices are per kWh.
const WH_PER_KWH: u128 = 1_000;
/// Seconds in an hour: time prices are per hour.
const SECS_PER_HOUR: u128 = 3_600;
/// Every day of the week: bits 0 (Monday) to 6 (Sunday).
pub const EVERY_DAY: u8 = 0b111_1111;

/// Why a tariff cannot be stored.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TariffFault {
	/// An element prices nothing.
	NoPrice,
	/// A minute of the day at or beyond 1440, or a day bit beyond Sunday.
	BadTime,
	/// A minimum at or above its maximum.
	EmptyRange,
}

/// Checks one element: it prices something and its restrictions can hold.
pub fn check_element<B>(element: &TariffElement<B>) -> Result<(), TariffFault> {
	let prices = &element.prices;
	if prices.energy_per_kwh.is_none()
		&& prices.time_per_hour.is_none()
		&& prices.parking_per_hour.is_none()
		&& prices.flat.is_none()
	{
		return Err(TariffFault::NoPrice);
	}
	let r = &element.restrictions;
	let minute_ok = |m: Option<u16>| m.is_none_or(|m| m < MINUTES_PER_DAY);
	if !minute_ok(r.start_minute) || !minute_ok(r.end_minute) || r.days_of_week > EVERY_DAY {
		return Err(TariffFault::BadTime);
	}
	let ordered = |min: Option<u32>, max: Option<u32>| match (min, max) {
		(Some(min), Some(max)) => min < max,
		_ => true,
	};
	if !ordered(r.min_wh, r.max_wh)
		|| !ordered(r.min_duration_secs, r.max_duration_secs)
		|| r.start_minute.is_some() && r.start_minute == r.end_minute
	{
		return Err(TariffFault::EmptyRange);
	}
	Ok(())
}

/// The minute of the day (UTC) of a Unix time in seconds.
fn minute_of_day(unix_secs: u64) -> u16 {
	u16::try_from((unix_secs % DAY_SECS) / 60).unwrap_or(0)
}

/// The day of the week of a Unix time, 0 for Monday (1970-01-01 was a Thursday).
fn weekday(unix_secs: u64) -> u8 {
	u8::try_from((unix_secs / DAY_SECS).saturating_add(3) % 7).unwrap_or(0)
}

/// The UTC calendar month of a Unix time in seconds, as `year * 100 + month`.
pub fn month_of(unix_secs: u64) -> crate::Month {
	// Howard Hinnant's `civil_from_days`, on days since 0000-03-01, all non-negative.
	let z = (unix_secs / DAY_SECS).saturating_add(719_468);
	let era = z / 146_097;
	let doe = z % 146_097;
	let yoe =
		doe.saturating_sub(doe / 1_460).saturating_add(doe / 36_524).saturating_sub(doe / 146_096)
			/ 365;
	let doy = doe
		.saturating_sub(yoe.saturating_mul(365).saturating_add(yoe / 4).saturating_sub(yoe / 100));
	let mp = doy.saturating_mul(5).saturating_add(2) / 153;
	let month = if mp < 10 { mp.saturating_add(3) } else { mp.saturating_sub(9) };
	let year = era.saturating_mul(400).saturating_add(yoe).saturating_add(u64::from(month <= 2));
	u32::try_from(year.saturating_mul(100).saturating_add(month)).unwrap_or(u32::MAX)
}

/// Whether the element's energy and duration restrictions hold for the session's totals.
fn matches_totals(r: &TariffRestrictions, energy_wh: WattHours, duration_secs: u64) -> bool {
	r.min_wh.is_none_or(|min| energy_wh >= min)
		&& r.max_wh.is_none_or(|max| energy_wh < max)
		&& r.min_duration_secs.is_none_or(|min| duration_secs >= u64::from(min))
		&& r.max_duration_secs.is_none_or(|max| duration_secs < u64::from(max))
}

/// Whether the element's time-of-day and day-of-week restrictions hold at `unix_secs`.
fn matches_time(r: &TariffRestrictions, unix_secs: u64) -> bool {
	let minute = minute_of_day(unix_secs);
	let in_time = match (r.start_minute, r.end_minute) {
		(Some(start), Some(end)) if end < start => minute >= start || minute < end,
		(start, end) => start.is_none_or(|s| minute >= s) && end.is_none_or(|e| minute < e),
	};
	let day_bit = 1u8.checked_shl(u32::from(weekday(unix_secs))).unwrap_or(0);
	in_time && (r.days_of_week == 0 || r.days_of_week & day_bit != 0)
}

/// A tariff ready to price one session: the elements that pass the totals' restrictions.
struct Pricer<'a, B> {
	elements: Vec<&'a TariffElement<B>>,
}

impl<'a, B: Copy + TryInto<u128>> Pricer<'a, B> {
	/// The first price `pick` finds among the elements matching at `unix_secs`.
	fn price_at(&self, unix_secs: u64, pick: impl Fn(&TariffElement<B>) -> Option<B>) -> u128 {
		self.elements
			.iter()
			.filter(|e| matches_time(&e.restrictions, unix_secs))
			.find_map(|e| pick(e))
			.and_then(|price| price.try_into().ok())
			.unwrap_or(0)
	}

	/// The end of the segment starting at `from`: the next restriction boundary or midnight.
	fn segment_end(&self, from: u64, until: u64) -> u64 {
		let day_start = from.saturating_sub(from % DAY_SECS);
		let second = from % DAY_SECS;
		let next = self
			.elements
			.iter()
			.flat_map(|e| [e.restrictions.start_minute, e.restrictions.end_minute])
			.flatten()
			.map(|minute| u64::from(minute).saturating_mul(60))
			.filter(|boundary| *boundary > second)
			.min()
			.unwrap_or(DAY_SECS);
		day_start.saturating_add(next).min(until)
	}

	/// Calls `each(start, end)` for every segment of `[from, until)`.
	fn for_segments(
		&self,
		from: u64,
		until: u64,
		mut each: impl FnMut(u64, u64) -> Option<()>,
	) -> Option<()> {
		let mut start = from;
		while start < until {
			let end = self.segment_end(start, until);
			each(start, end)?;
			start = end;
		}
		Some(())
	}
}

/// `amount * numerator / denominator`, rounded as asked; `None` on overflow.
fn scale(amount: u128, numerator: u128, denominator: u128, rounding: Rounding) -> Option<u128> {
	multiply_by_rational_with_rounding(amount, numerator, denominator, rounding)
}

/// What a session that started (charger's confirmation) at `started_secs` costs for
/// `reading`, or `None` when the reading is inconsistent (energy without charging time) or
/// the amounts overflow.
pub fn price<B: Copy + TryInto<u128>>(
	elements: &[TariffElement<B>],
	started_secs: u64,
	reading: &MeterReading,
) -> Option<CostBreakdown<u128>> {
	let charging = u64::from(reading.charging_secs);
	let duration = charging.saturating_add(u64::from(reading.parking_secs));
	if reading.energy_wh > 0 && charging == 0 {
		return None;
	}
	let pricer = Pricer {
		elements: elements
			.iter()
			.filter(|e| matches_totals(&e.restrictions, reading.energy_wh, duration))
			.collect(),
	};
	let charging_end = started_secs.checked_add(charging)?;
	let parking_end = started_secs.checked_add(duration)?;
	let energy = u128::from(reading.energy_wh);
	let delivered_by = |t: u64| -> Option<u128> {
		let elapsed = u128::from(t.saturating_sub(started_secs));
		scale(energy, elapsed, u128::from(charging.max(1)), Rounding::Down)
	};

	let mut cost = CostBreakdown::<u128> {
		flat: pricer.price_at(started_secs, |e| e.prices.flat),
		..Default::default()
	};
	pricer.for_segments(started_secs, charging_end, |start, end| {
		let wh = delivered_by(end)?.checked_sub(delivered_by(start)?)?;
		let per_kwh = pricer.price_at(start, |e| e.prices.energy_per_kwh);
		cost.energy = cost.energy.checked_add(scale(per_kwh, wh, WH_PER_KWH, Rounding::Down)?)?;
		let per_hour = pricer.price_at(start, |e| e.prices.time_per_hour);
		let secs = u128::from(end.saturating_sub(start));
		cost.time = cost.time.checked_add(scale(per_hour, secs, SECS_PER_HOUR, Rounding::Down)?)?;
		Some(())
	})?;
	pricer.for_segments(charging_end, parking_end, |start, end| {
		let per_hour = pricer.price_at(start, |e| e.prices.parking_per_hour);
		let secs = u128::from(end.saturating_sub(start));
		cost.parking =
			cost.parking.checked_add(scale(per_hour, secs, SECS_PER_HOUR, Rounding::Down)?)?;
		Some(())
	})?;
	cost.total =
		cost.energy.checked_add(cost.time)?.checked_add(cost.parking)?.checked_add(cost.flat)?;
	Some(cost)
}

/// The most a session with `energy_cap_wh` lasting at most `max_duration_secs` can cost under
/// these elements, whatever the restrictions; `None` on overflow.
pub fn worst_case<B: Copy + TryInto<u128>>(
	elements: &[TariffElement<B>],
	energy_cap_wh: WattHours,
	max_duration_secs: u32,
) -> Option<u128> {
	let highest = |pick: fn(&TariffElement<B>) -> Option<B>| -> u128 {
		elements
			.iter()
			.filter_map(pick)
			.filter_map(|price| price.try_into().ok())
			.max()
			.unwrap_or(0)
	};
	let flat = highest(|e| e.prices.flat);
	let per_kwh = highest(|e| e.prices.energy_per_kwh);
	let per_hour = highest(|e| e.prices.time_per_hour).max(highest(|e| e.prices.parking_per_hour));
	let energy = scale(per_kwh, u128::from(energy_cap_wh), WH_PER_KWH, Rounding::Up)?;
	let time = scale(per_hour, u128::from(max_duration_secs), SECS_PER_HOUR, Rounding::Up)?;
	flat.checked_add(energy)?.checked_add(time)
}
