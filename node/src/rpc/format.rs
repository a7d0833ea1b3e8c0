//! How the `v2x_` methods write chain values as JSON a person can read: accounts in SS58,
//! amounts as decimal strings in V2X, hashes in hex, times in ISO 8601 (UTC).

use polkadot_sdk::sp_core::crypto::Ss58Codec;
use v2x_runtime::{AccountId, Balance, TOKEN_DECIMALS};

/// An account in SS58 (the chain's prefix, 42).
pub fn account(who: &AccountId) -> String {
	who.to_ss58check()
}

/// An amount in V2X with its decimals, trailing zeros trimmed: `"100"`, `"0.002"`.
pub fn amount(value: Balance) -> String {
	let unit = 10u128.pow(u32::from(TOKEN_DECIMALS));
	let (whole, fraction) = (value / unit, value % unit);
	if fraction == 0 {
		return whole.to_string();
	}
	let digits = format!("{fraction:0width$}", width = usize::from(TOKEN_DECIMALS));
	format!("{whole}.{}", digits.trim_end_matches('0'))
}

/// Bytes as `0x`-prefixed lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
	let digits: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
	format!("0x{digits}")
}

/// Bytes the chain stores as text (names, URIs), lossily as UTF-8.
pub fn text(bytes: &[u8]) -> String {
	String::from_utf8_lossy(bytes).into_owned()
}

/// Milliseconds since the Unix epoch as an ISO 8601 UTC time: `2026-11-25T19:00:12.000Z`.
pub fn iso_time(ms: u64) -> String {
	let (secs, millis) = (ms / 1_000, ms % 1_000);
	let (days, day_secs) = (secs / 86_400, secs % 86_400);
	let (year, month, day) = civil_date(days);
	let (hour, minute, second) = (day_secs / 3_600, day_secs % 3_600 / 60, day_secs % 60);
	format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}.{millis:03}Z")
}

/// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_date(days: u64) -> (u64, u64, u64) {
	let shifted = days + 719_468;
	let era = shifted / 146_097;
	let day_of_era = shifted % 146_097;
	let year_of_era =
		(day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
	let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
	let month_from_march = (5 * day_of_year + 2) / 153;
	let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
	let month = if month_from_march < 10 { month_from_march + 3 } else { month_from_march - 9 };
	let year = year_of_era + era * 400 + u64::from(month <= 2);
	(year, month, day)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn amounts_are_decimal_v2x_with_trailing_zeros_trimmed() {
		assert_eq!(amount(0), "0");
		assert_eq!(amount(100 * v2x_runtime::UNIT), "100");
		assert_eq!(amount(2_000_000_000), "0.002");
		assert_eq!(amount(v2x_runtime::UNIT + 1), "1.000000000001");
		assert_eq!(amount(u128::MAX), "340282366920938463463374607.431768211455");
	}

	#[test]
	fn times_are_iso_8601_utc() {
		assert_eq!(iso_time(0), "1970-01-01T00:00:00.000Z");
		assert_eq!(iso_time(1_700_000_000_123), "2023-11-14T22:13:20.123Z");
		assert_eq!(iso_time(951_782_400_000), "2000-02-29T00:00:00.000Z");
		assert_eq!(iso_time(1_798_761_599_999), "2026-12-31T23:59:59.999Z");
	}

	#[test]
	fn hashes_are_prefixed_hex() {
		assert_eq!(hex(&[0, 0xab, 0x10]), "0x00ab10");
		assert_eq!(hex(&[]), "0x");
	}
}
