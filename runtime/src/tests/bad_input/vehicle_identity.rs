//! Vehicle identity: malformed VINs and WMIs, model years and battery capacities outside
//! what a car can have, offers and operator rights expiring in the past or too far ahead,
//! prices a buyer did not agree to, and vehicles, lenders, devices and operators that do
//! not exist.

use super::{assert_bound, assert_undecodable, check_rows, row, UNKNOWN};
use crate::{
	tests::{account, dev_chain, run_to_block, signed},
	AccountId, Runtime, RuntimeCall, RuntimeOrigin, VehicleIdentity, DAYS, UNIT,
};
use codec::Encode;
use pallet_vehicle_identity::{Call, Error, Powertrain};
use polkadot_sdk::{
	frame_support::{assert_ok, BoundedVec},
	sp_keyring::Sr25519Keyring::{Alice, Bob, Dave, Ferdie, FerdieStash},
	sp_runtime::{ArithmeticError, DispatchError},
};
use v2x_primitives::Vin;

type E = Error<Runtime>;

/// The block the rows run at (the dev chain moved on, so the past is not block 0).
const NOW: u32 = 10;
/// An approved lender without any consent.
const LENDER: [u8; 32] = [1; 32];
/// A new, valid North American VIN of Ferdie's WMI `5YJ` (check digit 9).
const VALID_VIN: &[u8; 17] = b"5YJ3E1EA9RF000003";
/// The name and WMI limits of the runtime (`configs/vehicle_identity.rs`).
const MAX_NAME: usize = 64;
const MAX_WMIS: usize = 16;
const MAX_URI: usize = 256;

fn register(vin: &[u8; 17]) -> Call<Runtime> {
	register_with(vin, 2024, Powertrain::Bev, Some(75_000))
}

fn register_with(
	vin: &[u8; 17],
	model_year: u16,
	powertrain: Powertrain,
	battery_capacity: Option<u32>,
) -> Call<Runtime> {
	Call::register_vehicle {
		vin: Vin(*vin),
		owner: account(Alice),
		model_year,
		powertrain,
		battery_capacity,
		metadata_hash: [0; 32],
		metadata_uri: Default::default(),
	}
}

fn manufacturer(name: &[u8], wmis: &[&[u8; 3]]) -> Call<Runtime> {
	Call::register_manufacturer {
		manufacturer: account(Dave),
		name: BoundedVec::truncate_from(name.to_vec()),
		wmis: BoundedVec::truncate_from(wmis.iter().map(|wmi| **wmi).collect()),
	}
}

fn offer(expires_at: u32) -> Call<Runtime> {
	Call::offer_sale { vehicle: 0, buyer: account(Bob), price: Some(UNIT), expires_at }
}

fn grant(until: u32) -> Call<Runtime> {
	Call::grant_operator { vehicle: 0, operator: account(Dave), until }
}

/// Block 10 with a timestamp; FerdieStash owns WMI `WVW`; `LENDER` is approved; Bob offers
/// vehicle 1 to Alice for all the money there is, until block 10.
fn setup() {
	run_to_block(NOW);
	let root = RuntimeOrigin::root;
	assert_ok!(VehicleIdentity::register_manufacturer(
		root(),
		account(FerdieStash),
		BoundedVec::truncate_from(b"Other Motors".to_vec()),
		BoundedVec::truncate_from(vec![*b"WVW"]),
	));
	assert_ok!(VehicleIdentity::approve_lender(root(), AccountId::new(LENDER)));
	assert_ok!(VehicleIdentity::offer_sale(signed(Bob), 1, account(Alice), Some(u128::MAX), NOW));
}

#[test]
fn vehicle_identity_refuses_bad_input_with_typed_errors() {
	dev_chain(|| {
		setup();
		let root = RuntimeOrigin::root;
		let (alice, bob) = (|| signed(Alice), || signed(Bob));
		let (ferdie, dave) = (|| signed(Ferdie), || signed(Dave));
		let lender = || RuntimeOrigin::signed(AccountId::new(LENDER));
		let unknown = u64::from(UNKNOWN);
		let past = NOW - 1;
		let too_far = NOW + 30 * DAYS + 1;
		check_rows(vec![
			// Manufacturers and their WMIs (governance).
			row("manufacturer without a name", root(), manufacturer(b"", &[b"WDD"]), E::EmptyName),
			row("manufacturer without a WMI", root(), manufacturer(b"Dave", &[]), E::NoWmi),
			row("WMI in lower case", root(), manufacturer(b"Dave", &[b"wdd"]), E::InvalidWmi),
			row("WMI with an I", root(), manufacturer(b"Dave", &[b"WDI"]), E::InvalidWmi),
			row("WMI with an O", root(), manufacturer(b"Dave", &[b"OWD"]), E::InvalidWmi),
			row("WMI with a Q", root(), manufacturer(b"Dave", &[b"WQD"]), E::InvalidWmi),
			row("WMI with a NUL byte", root(), manufacturer(b"Dave", &[b"WD\0"]), E::InvalidWmi),
			row(
				"WMI of another manufacturer",
				root(),
				manufacturer(b"Dave", &[b"5YJ"]),
				E::WmiTaken,
			),
			row("WMI listed twice", root(), manufacturer(b"Dave", &[b"WDD", b"WDD"]), E::WmiTaken),
			row(
				"unknown manufacturer deregistered",
				root(),
				Call::deregister_manufacturer { manufacturer: account(Dave) },
				E::NotManufacturer,
			),
			// VINs (the manufacturer).
			row("VIN in lower case", ferdie(), register(b"5yj3e1ea9rf000003"), E::InvalidVin),
			row("VIN with an I", ferdie(), register(b"5YJ3E1EA9RF00000I"), E::InvalidVin),
			row("VIN with an O", ferdie(), register(b"5YJ3E1EA9RF00000O"), E::InvalidVin),
			row("VIN with a Q", ferdie(), register(b"5YJ3E1EA9RF00000Q"), E::InvalidVin),
			row("VIN with a space", ferdie(), register(b"5YJ3E1EA9RF 00003"), E::InvalidVin),
			row("VIN with a NUL byte", ferdie(), register(b"5YJ3E1EA9RF0000\0\0"), E::InvalidVin),
			row("VIN with a hyphen", ferdie(), register(b"5YJ-E1EA9RF000003"), E::InvalidVin),
			row("wrong check digit", ferdie(), register(b"5YJ3E1EA0RF000003"), E::WrongCheckDigit),
			row(
				"North American VIN with a filler for a check digit",
				ferdie(),
				register(b"5YJ3E1EAZRF000003"),
				E::WrongCheckDigit,
			),
			row(
				"Chinese VIN with a wrong check digit (checked before the WMI)",
				ferdie(),
				register(b"LRW3E1EA0RF000003"),
				E::WrongCheckDigit,
			),
			row("unknown WMI", ferdie(), register(b"SALZZZ1KZAW000001"), E::WmiNotOwned),
			row(
				"unknown North American WMI, valid check digit",
				ferdie(),
				register(b"1HGCM8262RA004352"),
				E::WmiNotOwned,
			),
			row(
				"WMI of another manufacturer",
				ferdie(),
				register(b"WVWZZZ1KZAW000001"),
				E::WmiNotOwned,
			),
			row(
				"VIN of vehicle 0 again",
				ferdie(),
				register(b"5YJ3E1EA5RF000001"),
				E::DuplicateVin,
			),
			// Model years and batteries.
			row(
				"model year 0",
				ferdie(),
				register_with(VALID_VIN, 0, Powertrain::Bev, Some(75_000)),
				E::InvalidModelYear,
			),
			row(
				"model year 1885, before the first car",
				ferdie(),
				register_with(VALID_VIN, 1885, Powertrain::Bev, Some(75_000)),
				E::InvalidModelYear,
			),
			row(
				"model year two years ahead",
				ferdie(),
				register_with(VALID_VIN, 2028, Powertrain::Bev, Some(75_000)),
				E::InvalidModelYear,
			),
			row(
				"model year u16::MAX",
				ferdie(),
				register_with(VALID_VIN, u16::MAX, Powertrain::Bev, Some(75_000)),
				E::InvalidModelYear,
			),
			row(
				"battery of 0 Wh",
				ferdie(),
				register_with(VALID_VIN, 2024, Powertrain::Bev, Some(0)),
				E::InvalidBatteryCapacity,
			),
			row(
				"electric car without a battery",
				ferdie(),
				register_with(VALID_VIN, 2024, Powertrain::Bev, None),
				E::InvalidBatteryCapacity,
			),
			row(
				"combustion car with a traction battery",
				ferdie(),
				register_with(VALID_VIN, 2024, Powertrain::Ice, Some(u32::MAX)),
				E::InvalidBatteryCapacity,
			),
			// Sale offers (the owner, the buyer).
			row("offer expiring in the past", alice(), offer(past), E::InvalidExpiry),
			row("offer expiring at block 0", alice(), offer(0), E::InvalidExpiry),
			row("offer beyond MaxOfferDuration", alice(), offer(too_far), E::InvalidExpiry),
			row("offer expiring at u32::MAX", alice(), offer(u32::MAX), E::InvalidExpiry),
			row(
				"offer of an unknown vehicle",
				alice(),
				Call::offer_sale {
					vehicle: unknown,
					buyer: account(Bob),
					price: None,
					expires_at: NOW,
				},
				E::NotFound,
			),
			row(
				"offer to oneself",
				alice(),
				Call::offer_sale {
					vehicle: 0,
					buyer: account(Alice),
					price: None,
					expires_at: NOW,
				},
				E::SelfDealing,
			),
			row(
				"cancel on an unknown vehicle",
				alice(),
				Call::cancel_offer { vehicle: unknown },
				E::NotFound,
			),
			row("cancel without an offer", alice(), Call::cancel_offer { vehicle: 0 }, E::NoOffer),
			row(
				"accept on an unknown vehicle",
				alice(),
				Call::accept_offer { vehicle: unknown, max_price: u128::MAX },
				E::NotFound,
			),
			row(
				"accept without an offer",
				bob(),
				Call::accept_offer { vehicle: 0, max_price: u128::MAX },
				E::NoOffer,
			),
			row(
				"accept with a maximum price of 0",
				alice(),
				Call::accept_offer { vehicle: 1, max_price: 0 },
				E::PriceAboveMaximum,
			),
			row(
				"accept a price of u128::MAX (the balances error passes through)",
				alice(),
				Call::accept_offer { vehicle: 1, max_price: u128::MAX },
				DispatchError::Arithmetic(ArithmeticError::Underflow),
			),
			// Liens (the owner, the lender, governance).
			row(
				"lien consent on an unknown vehicle",
				alice(),
				Call::consent_to_lien { vehicle: unknown, lender: AccountId::new(LENDER) },
				E::NotFound,
			),
			row(
				"lien consent to an account that is no lender",
				alice(),
				Call::consent_to_lien { vehicle: 0, lender: account(Dave) },
				E::NotLender,
			),
			row(
				"lien on an unknown vehicle",
				lender(),
				Call::place_lien { vehicle: unknown },
				E::NotFound,
			),
			row(
				"lien without consent",
				lender(),
				Call::place_lien { vehicle: 0 },
				E::NoLienConsent,
			),
			row(
				"release on an unknown vehicle",
				lender(),
				Call::release_lien { vehicle: unknown },
				E::NotFound,
			),
			row(
				"release without a lien",
				lender(),
				Call::release_lien { vehicle: 0 },
				E::NotLienHolder,
			),
			row(
				"force release on an unknown vehicle",
				root(),
				Call::force_release_lien { vehicle: unknown },
				E::NotFound,
			),
			row(
				"force release without a lien",
				root(),
				Call::force_release_lien { vehicle: 0 },
				E::NoLien,
			),
			// Devices and operators (the owner, the device, the operator).
			row(
				"device for an unknown vehicle",
				alice(),
				Call::bind_device { vehicle: unknown, device: account(Dave) },
				E::NotFound,
			),
			row(
				"the owner as its own device",
				alice(),
				Call::bind_device { vehicle: 0, device: account(Alice) },
				E::SelfDealing,
			),
			row(
				"unbind a device never bound",
				alice(),
				Call::unbind_device { vehicle: 0, device: account(Dave) },
				E::DeviceNotBound,
			),
			row(
				"unbind on an unknown vehicle",
				alice(),
				Call::unbind_device { vehicle: unknown, device: account(Dave) },
				E::NotFound,
			),
			row(
				"accept an invitation to an unknown vehicle",
				dave(),
				Call::accept_device_binding { vehicle: unknown },
				E::NotFound,
			),
			row(
				"accept an invitation never made",
				dave(),
				Call::accept_device_binding { vehicle: 0 },
				E::NotInvited,
			),
			row(
				"leave an unknown vehicle",
				dave(),
				Call::leave_vehicle { vehicle: unknown },
				E::NotFound,
			),
			row(
				"leave a vehicle never bound to",
				dave(),
				Call::leave_vehicle { vehicle: 0 },
				E::DeviceNotBound,
			),
			row("operator right ending in the past", alice(), grant(past), E::InvalidExpiry),
			row("operator right ending at block 0", alice(), grant(0), E::InvalidExpiry),
			row(
				"operator of an unknown vehicle",
				alice(),
				Call::grant_operator { vehicle: unknown, operator: account(Dave), until: NOW },
				E::NotFound,
			),
			row(
				"the owner as its own operator",
				alice(),
				Call::grant_operator { vehicle: 0, operator: account(Alice), until: NOW },
				E::SelfDealing,
			),
			row(
				"revoke an operator never granted",
				alice(),
				Call::revoke_operator { vehicle: 0, operator: account(Dave) },
				E::NotOperator,
			),
			row(
				"revoke on an unknown vehicle",
				alice(),
				Call::revoke_operator { vehicle: unknown, operator: account(Dave) },
				E::NotFound,
			),
			row(
				"renounce on an unknown vehicle",
				dave(),
				Call::renounce_operator { vehicle: unknown },
				E::NotFound,
			),
			row(
				"renounce a right never granted",
				dave(),
				Call::renounce_operator { vehicle: 0 },
				E::NotOperator,
			),
			// Status changes (the owner, governance).
			row(
				"stolen: unknown vehicle",
				alice(),
				Call::report_stolen { vehicle: unknown },
				E::NotFound,
			),
			row(
				"recovered: unknown vehicle",
				alice(),
				Call::report_recovered { vehicle: unknown },
				E::NotFound,
			),
			row(
				"recovered: never stolen",
				alice(),
				Call::report_recovered { vehicle: 0 },
				E::NotStolen,
			),
			row(
				"scrap an unknown vehicle",
				root(),
				Call::scrap_vehicle { vehicle: unknown },
				E::NotFound,
			),
		]);

		// The offer expired at block 10: one block later nobody can take it.
		run_to_block(NOW + 1);
		check_rows(vec![row(
			"accept an offer one block after it expired",
			alice(),
			Call::accept_offer { vehicle: 1, max_price: u128::MAX },
			E::OfferExpired,
		)]);

		// What the rows were refused against is accepted: the VIN with its right check digit,
		// an offer expiring now, an operator right without end (no maximum, documented).
		let now = NOW + 1;
		assert_ok!(VehicleIdentity::offer_sale(signed(Alice), 0, account(Bob), Some(0), now));
		assert_ok!(VehicleIdentity::grant_operator(signed(Alice), 0, account(Dave), u32::MAX));
		assert_ok!(VehicleIdentity::register_vehicle(
			signed(Ferdie),
			Vin(*VALID_VIN),
			account(Alice),
			2024,
			Powertrain::Bev,
			Some(75_000),
			[0; 32],
			Default::default(),
		));
	});
}

#[test]
fn vehicle_identity_bounded_arguments_one_over_do_not_decode() {
	let dave = account(Dave);
	let name = vec![b'M'; MAX_NAME];
	let wmis = vec![*b"WDD"; MAX_WMIS];
	let call = |name: &[u8], wmis: &[[u8; 3]]| -> RuntimeCall {
		Call::<Runtime>::register_manufacturer {
			manufacturer: dave.clone(),
			name: BoundedVec::truncate_from(name.to_vec()),
			wmis: BoundedVec::truncate_from(wmis.to_vec()),
		}
		.into()
	};
	let longer = |mut v: Vec<u8>| {
		v.push(b'M');
		v
	};
	assert_bound(call(&name, &wmis), (&dave, &name, &wmis), (&dave, longer(name.clone()), &wmis));
	let mut more_wmis = wmis.clone();
	more_wmis.push(*b"WDE");
	assert_bound(call(&name, &wmis), (&dave, &name, &wmis), (&dave, &name, more_wmis));

	let uri = vec![b'u'; MAX_URI];
	let alice = account(Alice);
	let args = |uri: Vec<u8>| {
		(Vin(*VALID_VIN), &alice, 2024u16, Powertrain::Bev, Some(75_000u32), [0u8; 32], uri)
	};
	let at_bound: RuntimeCall = Call::<Runtime>::register_vehicle {
		vin: Vin(*VALID_VIN),
		owner: alice.clone(),
		model_year: 2024,
		powertrain: Powertrain::Bev,
		battery_capacity: Some(75_000),
		metadata_hash: [0; 32],
		metadata_uri: BoundedVec::truncate_from(uri.clone()),
	}
	.into();
	assert_bound(at_bound.clone(), args(uri.clone()), args(longer(uri)));

	// A VIN is 17 bytes: 16 or 18 in its place leave the call's bytes short or over.
	let encoded = at_bound.encode();
	let (prefix, rest) = encoded.split_at(2);
	let (_vin, after_vin) = rest.split_at(17);
	for vin in [&VALID_VIN[..16], &b"5YJ3E1EA9RF0000033"[..]] {
		assert_undecodable(&[prefix, vin, after_vin].concat());
	}
}
