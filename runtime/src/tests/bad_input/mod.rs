//! Bad input at the edges, for each domain pallet, sent by the role that may make the call:
//! malformed VINs, zero and maximum amounts, blocks in the past or too far ahead, ids that
//! do not exist. Each row must fail with its typed error and change nothing (storage root
//! and total issuance, see [`assert_rejected`]). Bounded arguments (names, URIs, lists) one
//! element over their bound are refused earlier: their call does not even decode.
//! `docs/bad-input.md` lists what each pallet refuses and with which error.

mod car_sharing;
mod data_marketplace;
mod freight;
mod road_usage;
mod service_book;
mod shared_charging;
mod software_updates;
mod usage_insurance;
mod usage_leasing;
mod vehicle_identity;

use super::assert_rejected;
use crate::{RuntimeCall, RuntimeOrigin};
use codec::{Decode, DecodeAll, Encode};
use polkadot_sdk::sp_runtime::DispatchError;

/// A vehicle, policy, product, charger, ... id that the dev preset never hands out.
const UNKNOWN: u32 = 9_999;

/// One bad input: what is wrong with it, the legitimate caller, the call, and the error.
struct Row {
	what: &'static str,
	origin: RuntimeOrigin,
	call: RuntimeCall,
	error: DispatchError,
}

/// A row; `call` is anything that converts into a `RuntimeCall` (a pallet's `Call`).
fn row(
	what: &'static str,
	origin: RuntimeOrigin,
	call: impl Into<RuntimeCall>,
	error: impl Into<DispatchError>,
) -> Row {
	Row { what, origin, call: call.into(), error: error.into() }
}

/// Dispatches every row on the same chain: each is refused with its error and leaves the
/// chain as it found it. Prints each row first, so a failure names its row.
fn check_rows(rows: Vec<Row>) {
	for Row { what, origin, call, error } in rows {
		println!("bad input: {what}");
		assert_rejected(origin, call, error);
	}
}

/// Asserts that `call` (built with a bounded argument exactly at its bound) is what its
/// pallet and call index followed by `at_bound` decode to, and that the same prefix followed
/// by `over_bound` (the argument one element longer) does not decode at all: a transaction
/// carrying it is refused before it reaches the pallet.
#[track_caller]
fn assert_bound(call: RuntimeCall, at_bound: impl Encode, over_bound: impl Encode) {
	let encoded = call.encode();
	let prefix = encoded.get(..2).unwrap_or_default();
	let bytes = |args: &dyn Fn(&mut Vec<u8>)| {
		let mut bytes = prefix.to_vec();
		args(&mut bytes);
		bytes
	};
	let at = bytes(&|out| at_bound.encode_to(out));
	assert_eq!(at, encoded, "the plain encoding at the bound is the call's");
	assert_eq!(RuntimeCall::decode_all(&mut &at[..]).ok(), Some(call.clone()));
	let over = bytes(&|out| over_bound.encode_to(out));
	assert!(RuntimeCall::decode(&mut &over[..]).is_err(), "one over the bound decoded: {call:?}");
}

/// Asserts that `bytes` are not a call: decoding fails or leaves bytes over.
#[track_caller]
fn assert_undecodable(bytes: &[u8]) {
	assert!(RuntimeCall::decode_all(&mut &bytes[..]).is_err(), "decoded: {bytes:?}");
}
