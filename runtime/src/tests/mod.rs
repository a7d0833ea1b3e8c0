//! Runtime-level tests: the presets build what they promise, the real pallets work together
//! along a vehicle's timeline (sale, theft, scrapping, expiry), fees reach the author, and
//! governance (council motions, treasury, proxies, multisig, validators) works as documented.

mod acting_for_others;
mod authorization;
mod bad_input;
mod car_sharing;
mod consent;
mod fees;
mod freight;
mod governance;
mod hooks;
mod insurance;
mod passport;
mod presets;
mod road_keys;
mod road_usage;
mod software_updates;
mod timeline;
mod upgrade;
mod usage_leasing;
mod validators;
mod weights;

use crate::{AccountId, Balances, Runtime, RuntimeCall, RuntimeOrigin, System};
use polkadot_sdk::{
	sp_genesis_builder, sp_io,
	sp_keyring::Sr25519Keyring,
	sp_runtime::{traits::Dispatchable, DispatchError, StateVersion},
};

fn account(keyring: Sr25519Keyring) -> AccountId {
	keyring.to_account_id()
}

fn signed(keyring: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(account(keyring))
}

/// The dev preset's chain at block 1 (events are kept from block 1 on).
fn dev_chain(test: impl FnOnce()) {
	presets::with_genesis(sp_genesis_builder::DEV_RUNTIME_PRESET, || {
		System::set_block_number(1);
		test();
	});
}

/// Moves the chain to block `n`, with the timestamp a 6-second slot chain would have there.
fn run_to_block(n: u32) {
	System::set_block_number(n);
	polkadot_sdk::pallet_timestamp::Now::<Runtime>::put(1_780_000_000_000 + u64::from(n) * 6_000);
}

/// Dispatches `call` from `origin` and asserts that it fails with exactly `expected` and
/// leaves everything as it was: the storage root (every pallet's state, every balance and
/// hold) and the total issuance.
#[track_caller]
fn assert_rejected(origin: RuntimeOrigin, call: RuntimeCall, expected: impl Into<DispatchError>) {
	let described = format!("{call:?}");
	assert_rejected_as(&described, origin, call, expected);
}

/// [`assert_rejected`], with `described` (for example a matrix row's label) in the failure
/// messages instead of the call.
#[track_caller]
fn assert_rejected_as(
	described: &str,
	origin: RuntimeOrigin,
	call: RuntimeCall,
	expected: impl Into<DispatchError>,
) {
	let expected = expected.into();
	let root_before = sp_io::storage::root(StateVersion::V1);
	let issuance_before = Balances::total_issuance();
	let result = call.dispatch(origin).map_err(|failure| failure.error);
	assert_eq!(result, Err(expected), "{described}");
	assert_eq!(sp_io::storage::root(StateVersion::V1), root_before, "state changed by {described}");
	assert_eq!(Balances::total_issuance(), issuance_before, "issuance changed by {described}");
}
