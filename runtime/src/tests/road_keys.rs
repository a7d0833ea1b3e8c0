//! The road-usage cast of the dev preset by its dev URIs (`//TollCharger`, `//Gantry1`, ...),
//! gantry attestations signed with the real sr25519 keys, and the wall-clock day of a block
//! on the tests' clock ([`super::run_to_block`]), for the matrix and the bad-input rows.

use crate::{AccountId, BlockNumber};
use codec::Encode;
use pallet_road_usage::{ContextId, Day, Passage};
use polkadot_sdk::{
	sp_core::{sr25519, Pair},
	sp_runtime::{traits::IdentifyAccount, MultiSignature, MultiSigner},
};

/// The sr25519 key of a dev URI.
pub(super) fn pair(uri: &str) -> sr25519::Pair {
	sr25519::Pair::from_string(uri, None).unwrap_or_else(|_| panic!("{uri} is a dev URI"))
}

/// The account of a dev URI.
pub(super) fn account_of(uri: &str) -> AccountId {
	MultiSigner::from(pair(uri).public()).into_account()
}

/// `uri`'s signature on `passage` in `context`, as a gantry attests it.
pub(super) fn attestation(uri: &str, context: ContextId, passage: &Passage) -> MultiSignature {
	MultiSignature::Sr25519(pair(uri).sign(&(*b"v2x/toll", context, passage).encode()))
}

/// Unix time (ms) of block 0 in [`super::run_to_block`].
const GENESIS_MS: u64 = 1_780_000_000_000;
const BLOCK_MS: u64 = 6_000;
const DAY_MS: u64 = 86_400_000;

/// The day (since 1970-01-01 UTC) block `n` is in.
pub(super) const fn day_at(n: BlockNumber) -> Day {
	((GENESIS_MS + n as u64 * BLOCK_MS) / DAY_MS) as Day
}

/// The first block of `day` (a later day than block 0's).
pub(super) const fn first_block_of(day: Day) -> BlockNumber {
	let from_genesis = day as u64 * DAY_MS - GENESIS_MS;
	from_genesis.div_ceil(BLOCK_MS) as BlockNumber
}

#[test]
fn first_block_of_is_the_first_block_of_its_day() {
	let day = day_at(2) + 1;
	assert_eq!(day_at(first_block_of(day)), day);
	assert_eq!(day_at(first_block_of(day) - 1), day - 1);
}
