//! Vehicle Identification Numbers (ISO 3779).

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// A VIN has exactly this many characters.
pub const VIN_LENGTH: usize = 17;

/// World Manufacturer Identifier: the first three characters of a VIN.
pub type Wmi = [u8; 3];

/// Why a byte string is not a valid VIN.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum VinError {
	/// A VIN has exactly 17 characters.
	WrongLength,
	/// Only digits and capital letters other than I, O and Q are allowed.
	InvalidCharacter,
	/// Position 9 does not match the check digit of the other characters (required for VINs
	/// of North America and China).
	WrongCheckDigit,
}

/// A Vehicle Identification Number: 17 characters of the ISO 3779 set (digits and capital
/// letters except I, O and Q).
///
/// The SCALE form is the 17 ASCII bytes, so wallets can submit one without custom types.
/// Decoding does not validate (a call must fail with a typed error, not as undecodable):
/// pallets call [`Vin::validate`] on every VIN they receive.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Vin(pub [u8; VIN_LENGTH]);

/// Check digit weights of positions 1 to 17 (position 9, the check digit itself, weighs 0).
const CHECK_WEIGHTS: [u32; VIN_LENGTH] = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
/// Position of the check digit (0-based).
const CHECK_DIGIT_INDEX: usize = 8;

impl Vin {
	/// Parses and validates the characters of a VIN (not its check digit).
	pub fn parse(bytes: &[u8]) -> Result<Self, VinError> {
		let array: [u8; VIN_LENGTH] = bytes.try_into().map_err(|_| VinError::WrongLength)?;
		let vin = Vin(array);
		vin.validate()?;
		Ok(vin)
	}

	/// Checks that every character is in the ISO 3779 set.
	pub fn validate(&self) -> Result<(), VinError> {
		if self.0.iter().all(|c| transliterate(*c).is_some()) {
			Ok(())
		} else {
			Err(VinError::InvalidCharacter)
		}
	}

	/// Checks the characters, and the check digit at position 9 where the VIN's region
	/// requires one ([`Vin::check_digit_required`]).
	pub fn validate_with_regional_check_digit(&self) -> Result<(), VinError> {
		if self.check_digit_required() {
			self.validate_with_check_digit()
		} else {
			self.validate()
		}
	}

	/// Whether the VIN's region makes the check digit mandatory, as ISO 3779 practice has it:
	/// North America (49 CFR 565: WMIs starting `1` to `5`) and China (GB 16735: `L`).
	/// Elsewhere position 9 is free (a European VW reads `WVWZZZ...` with a filler there).
	pub fn check_digit_required(&self) -> bool {
		matches!(self.0.first(), Some(b'1'..=b'5' | b'L'))
	}

	/// Checks the characters and the check digit at position 9, whatever the region.
	pub fn validate_with_check_digit(&self) -> Result<(), VinError> {
		self.validate()?;
		match self.0.get(CHECK_DIGIT_INDEX) {
			Some(digit) if Some(*digit) == self.expected_check_digit() => Ok(()),
			_ => Err(VinError::WrongCheckDigit),
		}
	}

	/// The check digit the other characters call for: `0`-`9`, or `X` for ten. `None` if a
	/// character is outside the ISO 3779 set.
	pub fn expected_check_digit(&self) -> Option<u8> {
		let mut sum: u32 = 0;
		for (c, weight) in self.0.iter().zip(CHECK_WEIGHTS) {
			sum = sum.saturating_add(transliterate(*c)?.saturating_mul(weight));
		}
		match sum % 11 {
			10 => Some(b'X'),
			// `sum % 11` is below 10 here, so this is one decimal digit.
			digit => Some(b'0'.saturating_add(digit as u8)),
		}
	}

	/// The World Manufacturer Identifier: the first three characters.
	pub fn wmi(&self) -> Wmi {
		let [a, b, c, ..] = self.0;
		[a, b, c]
	}

	/// The 17 ASCII characters.
	pub fn as_bytes(&self) -> &[u8; VIN_LENGTH] {
		&self.0
	}
}

impl core::fmt::Debug for Vin {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match core::str::from_utf8(&self.0) {
			Ok(text) => write!(f, "Vin({text})"),
			Err(_) => write!(f, "Vin({:?})", self.0),
		}
	}
}

/// The ISO 3779 value of a VIN character, or `None` if it may not appear in a VIN.
fn transliterate(c: u8) -> Option<u32> {
	let value = match c {
		b'0'..=b'9' => c - b'0',
		b'A' | b'J' => 1,
		b'B' | b'K' | b'S' => 2,
		b'C' | b'L' | b'T' => 3,
		b'D' | b'M' | b'U' => 4,
		b'E' | b'N' | b'V' => 5,
		b'F' | b'W' => 6,
		b'G' | b'P' | b'X' => 7,
		b'H' | b'Y' => 8,
		b'R' | b'Z' => 9,
		_ => return None,
	};
	Some(value.into())
}

#[cfg(test)]
mod tests {
	use super::*;

	/// VINs published with valid North American check digits.
	const PUBLISHED: [&str; 4] = [
		"1M8GDM9AXKP042788", // the check digit example of 49 CFR 565: X stands for ten
		"1HGCM82633A004352", // Honda Accord 2003
		"JH4KA7561PC008269", // Acura Legend 1993
		"1G1JC5444R7252367", // Chevrolet Cavalier 1994
	];

	#[test]
	fn published_vins_pass_the_check_digit() {
		for text in PUBLISHED {
			let vin = Vin::parse(text.as_bytes()).unwrap();
			assert_eq!(vin.validate_with_check_digit(), Ok(()), "{text}");
		}
	}

	#[test]
	fn check_digit_ten_is_written_x() {
		let vin = Vin::parse(b"1M8GDM9AXKP042788").unwrap();
		assert_eq!(vin.expected_check_digit(), Some(b'X'));
	}

	#[test]
	fn a_changed_character_breaks_the_check_digit() {
		let vin = Vin::parse(b"1HGCM82633A004353").unwrap();
		assert_eq!(vin.validate_with_check_digit(), Err(VinError::WrongCheckDigit));
	}

	#[test]
	fn european_vin_is_valid_but_has_no_north_american_check_digit() {
		let vin = Vin::parse(b"WVWZZZ1JZXW000001").unwrap();
		assert_eq!(vin.validate(), Ok(()));
		assert_eq!(vin.validate_with_check_digit(), Err(VinError::WrongCheckDigit));
	}

	#[test]
	fn the_check_digit_is_required_in_north_america_and_china_only() {
		for (text, required) in [
			("1HGCM82633A004352", true),
			("5YJ3E1EA7KF000001", true),
			("LSVAU2180N2000001", true),
			("WVWZZZ1JZXW000001", false),
			("JH4KA7561PC008269", false),
			("VF1RFB00X63000001", false),
		] {
			let vin = Vin::parse(text.as_bytes()).unwrap();
			assert_eq!(vin.check_digit_required(), required, "{text}");
		}
	}

	#[test]
	fn a_european_vin_passes_the_regional_rule_without_a_check_digit() {
		let vin = Vin::parse(b"WVWZZZ1JZXW000001").unwrap();
		assert_eq!(vin.validate_with_regional_check_digit(), Ok(()));
	}

	#[test]
	fn north_american_and_chinese_vins_need_their_check_digit() {
		// Both carry a wrong check digit at position 9.
		for text in ["1HGCM82633A004353", "LSVAU2180N2000001"] {
			let vin = Vin::parse(text.as_bytes()).unwrap();
			assert_eq!(vin.validate_with_regional_check_digit(), Err(VinError::WrongCheckDigit));
		}
	}

	#[test]
	fn a_chinese_vin_with_its_check_digit_passes() {
		let mut vin = Vin::parse(b"LSVAU2180N2000001").unwrap();
		vin.0[8] = vin.expected_check_digit().unwrap();
		assert_eq!(vin.validate_with_regional_check_digit(), Ok(()));
	}

	#[test]
	fn letters_i_o_q_and_lower_case_are_rejected() {
		for text in
			["1HGCM82633A00435I", "1HGCM82633A00435O", "1HGCM82633A00435Q", "1hgcm82633a004352"]
		{
			assert_eq!(Vin::parse(text.as_bytes()), Err(VinError::InvalidCharacter), "{text}");
		}
	}

	#[test]
	fn length_must_be_seventeen() {
		assert_eq!(Vin::parse(b"1HGCM82633A00435"), Err(VinError::WrongLength));
		assert_eq!(Vin::parse(b"1HGCM82633A0043521"), Err(VinError::WrongLength));
	}

	#[test]
	fn wmi_is_the_first_three_characters() {
		assert_eq!(Vin::parse(b"1HGCM82633A004352").unwrap().wmi(), *b"1HG");
	}
}
