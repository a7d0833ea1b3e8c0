//! Arguments from small biased domains, so calls often succeed and the edges get tried too:
//! amounts 0, 1, typical and `u128::MAX`; blocks before, at and after now; valid and malformed
//! VINs; bounded vectors empty, short and exactly at their bound.

use polkadot_sdk::frame_support::{traits::Get, BoundedVec};
use v2x_primitives::{Vin, VIN_LENGTH};
use v2x_runtime::{Balance, BlockNumber, DAYS, HOURS};

use crate::source::Source;

/// 0, 1, `u128::MAX`, a big multiple or a fraction of `typical`, or `typical` itself.
pub fn amount(src: &mut Source, typical: Balance) -> Balance {
	match src.byte() % 10 {
		0 => 0,
		1 => 1,
		2 => Balance::MAX,
		3 => typical.saturating_mul(1_000_000),
		4 => typical / 10,
		5 => typical.saturating_mul(Balance::from(src.byte() % 8 + 2)),
		_ => typical,
	}
}

/// An optional amount (`None` a quarter of the time).
pub fn maybe_amount(src: &mut Source, typical: Balance) -> Option<Balance> {
	let amount = amount(src, typical);
	src.some(amount)
}

/// A block around `now`: the past, now, soon, far away, past any limit, or `u32::MAX`.
pub fn block(src: &mut Source, now: BlockNumber) -> BlockNumber {
	match src.byte() % 12 {
		0 => 0,
		1 => now.saturating_sub(1),
		2 => now,
		3 => now.saturating_add(1),
		4 => now.saturating_add(10),
		5 | 6 => now.saturating_add(100),
		7 => now.saturating_add(HOURS),
		8 => now.saturating_add(DAYS),
		9 => now.saturating_add(30 * DAYS),
		10 => now.saturating_add(30 * DAYS + 1),
		_ => BlockNumber::MAX,
	}
}

/// A length of time in blocks, short ones most often.
pub fn duration(src: &mut Source) -> BlockNumber {
	src.pick(&[
		0,
		1,
		10,
		10,
		100,
		100,
		HOURS,
		DAYS,
		DAYS,
		30 * DAYS,
		365 * DAYS,
		366 * DAYS + 1,
		BlockNumber::MAX,
	])
}

/// An id: mostly one that exists (below `next`), else the next one or the largest.
pub fn id(src: &mut Source, next: u64) -> u64 {
	match src.byte() % 10 {
		0 => next,
		1 => u64::MAX,
		_ if next == 0 => 0,
		// Recent ids more often: they are the ones still open.
		2..=5 => next.saturating_sub(1 + src.below(3) as u64),
		_ => src.u16() as u64 % next,
	}
}

/// A small number, sometimes zero or the type's maximum.
pub fn small(src: &mut Source, typical: u32) -> u32 {
	match src.byte() % 8 {
		0 => 0,
		1 => u32::MAX,
		2 => 1,
		3 => typical.saturating_mul(10),
		4 => src.u16().into(),
		_ => typical,
	}
}

/// Bytes empty, short or exactly at the bound `S` (a longer vector cannot be built as a typed
/// call: it fails to decode before any pallet sees it).
pub fn bounded<S: Get<u32>>(src: &mut Source) -> BoundedVec<u8, S> {
	let bound = S::get() as usize;
	let len = match src.byte() % 6 {
		0 => 0,
		1 => bound,
		2 => 1,
		_ => 8.min(bound),
	};
	let fill = b'a' + src.byte() % 26;
	BoundedVec::truncate_from(vec![fill; len])
}

/// A 32-byte hash: all zero sometimes, otherwise one repeated byte.
pub fn hash(src: &mut Source) -> [u8; 32] {
	[src.byte(); 32]
}

/// A geohash near the dev preset's chargers, another area, or an empty or full one.
pub fn geohash<S: Get<u32>>(src: &mut Source) -> BoundedVec<u8, S> {
	let area: &[u8] = match src.byte() % 8 {
		0 => b"",
		1 => b"u0yjjd7xxxxxxxxxxxx",
		2 => b"u0yj",
		3 => b"9q8yy",
		4 => b"u0yjjd7",
		5 => b"u0yjjd8",
		_ => b"u0yjjd",
	};
	BoundedVec::truncate_from(area.to_vec())
}

/// A VIN: well formed (with the right check digit where the region needs one) for the dev
/// manufacturer's WMI or another, or malformed (wrong check digit, a forbidden letter).
pub fn vin(src: &mut Source) -> Vin {
	let wmi = src.pick(&[*b"5YJ", *b"5YJ", *b"WVW", *b"1HG"]);
	let serial = format!("{:06}", src.below(64));
	let mut bytes = [0u8; VIN_LENGTH];
	bytes[..3].copy_from_slice(&wmi);
	bytes[3..8].copy_from_slice(b"3E1EA");
	bytes[8] = b'0';
	bytes[9..11].copy_from_slice(b"RF");
	bytes[11..].copy_from_slice(serial.as_bytes());
	let mut vin = Vin(bytes);
	if let Some(digit) = vin.expected_check_digit() {
		vin.0[8] = digit;
	}
	match src.byte() % 8 {
		// A wrong check digit.
		0 => vin.0[8] = if vin.0[8] == b'1' { b'2' } else { b'1' },
		// `I`, `O` and `Q` are not VIN characters.
		1 => vin.0[16] = b'I',
		_ => {}
	}
	vin
}

/// An odometer reading around `current`: on, a little or much above, below, 0 or the maximum.
pub fn km(src: &mut Source, current: Option<u32>) -> u32 {
	let current = current.unwrap_or(0);
	match src.byte() % 10 {
		0 => 0,
		1 => u32::MAX,
		2 => current,
		3 => current.saturating_sub(100),
		4 => current.saturating_add(5_000),
		_ => current.saturating_add(1 + u32::from(src.byte()) * 4),
	}
}

/// A percentage, sometimes over 100.
pub fn percent(src: &mut Source) -> u8 {
	src.pick(&[0, 10, 20, 50, 80, 100, 101, 255])
}
