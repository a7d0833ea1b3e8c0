//! Runtime-level tests: the presets build what they promise, the real pallets work together
//! along a vehicle's timeline (sale, theft, scrapping, expiry), fees reach the author, and
//! governance (council motions, treasury, proxies, multisig, validators) works as documented.

mod acting_for_others;
mod fees;
mod governance;
mod hooks;
mod insurance;
mod passport;
mod presets;
mod timeline;
mod validators;

use crate::{AccountId, RuntimeOrigin, System};
use polkadot_sdk::{sp_genesis_builder, sp_keyring::Sr25519Keyring};

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
