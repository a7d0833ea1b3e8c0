//! Data marketplace: listings at a price of 0 or for a duration of 0 or beyond
//! `MaxAccessDuration`, a price nobody can pay, batches whose time range runs backwards, and
//! vehicles, listings and grants that do not exist.

use super::{assert_bound, check_rows, row, UNKNOWN};
use crate::{
	tests::{account, dev_chain, run_to_block, signed},
	AccountId, DataMarketplace, Runtime, RuntimeCall, DAYS, UNIT,
};
use pallet_data_marketplace::{Call, DataCategory, Error};
use polkadot_sdk::{
	frame_support::{assert_ok, BoundedVec},
	sp_keyring::Sr25519Keyring::{Alice, Bob, Dave},
};

type E = Error<Runtime>;

/// The block the rows run at.
const NOW: u32 = 10;
/// Alice's listing of vehicle 0's diagnostics at u128::MAX (listing 0 is the preset's).
const PRICELESS: u64 = 1;
/// The runtime's limits (`configs/data_marketplace.rs`).
const MAX_ACCESS_DURATION: u32 = 365 * DAYS;
const MAX_ALLOW_LIST: usize = 16;
const MAX_URI: usize = 256;

fn listing(vehicle: u64, price: u128, duration: u32) -> Call<Runtime> {
	Call::create_listing {
		vehicle,
		category: DataCategory::Diagnostics,
		price,
		duration,
		terms_hash: [0; 32],
		allow_list: None,
	}
}

fn batch(vehicle: u64, from: u64, to: u64) -> Call<Runtime> {
	Call::publish_batch {
		vehicle,
		category: DataCategory::Battery,
		hash: [0; 32],
		uri: Default::default(),
		from,
		to,
	}
}

/// Block 10; Alice lists vehicle 0's diagnostics for u128::MAX (listing 1).
fn setup() {
	run_to_block(NOW);
	assert_ok!(DataMarketplace::create_listing(
		signed(Alice),
		0,
		DataCategory::Diagnostics,
		u128::MAX,
		DAYS,
		[0; 32],
		None
	));
}

#[test]
fn data_marketplace_refuses_bad_input_with_typed_errors() {
	dev_chain(|| {
		setup();
		let (alice, bob, dave) = (|| signed(Alice), || signed(Bob), || signed(Dave));
		let unknown = u64::from(UNKNOWN);
		check_rows(vec![
			// Listings (the owner).
			row(
				"listing of an unknown vehicle",
				alice(),
				listing(unknown, UNIT, DAYS),
				E::VehicleNotFound,
			),
			row("price of 0", alice(), listing(0, 0, DAYS), E::InvalidPrice),
			row("access for 0 blocks", alice(), listing(0, UNIT, 0), E::InvalidDuration),
			row(
				"access beyond MaxAccessDuration",
				alice(),
				listing(0, UNIT, MAX_ACCESS_DURATION + 1),
				E::InvalidDuration,
			),
			row(
				"access for u32::MAX blocks",
				alice(),
				listing(0, UNIT, u32::MAX),
				E::InvalidDuration,
			),
			row(
				"withdraw an unknown listing",
				alice(),
				Call::withdraw_listing { listing: unknown },
				E::ListingNotFound,
			),
			// Grants (the buyer, anyone).
			row(
				"buy an unknown listing",
				bob(),
				Call::purchase { listing: unknown, public_key: [5; 32] },
				E::ListingNotFound,
			),
			row(
				"buy at u128::MAX",
				bob(),
				Call::purchase { listing: PRICELESS, public_key: [5; 32] },
				E::InsufficientBalance,
			),
			row(
				"renew on an unknown listing",
				bob(),
				Call::renew_grant { listing: unknown },
				E::ListingNotFound,
			),
			row(
				"renew a grant never bought",
				bob(),
				Call::renew_grant { listing: 0 },
				E::GrantNotFound,
			),
			row(
				"renounce on an unknown listing",
				bob(),
				Call::renounce_grant { listing: unknown },
				E::ListingNotFound,
			),
			row(
				"renounce a grant never bought",
				bob(),
				Call::renounce_grant { listing: 0 },
				E::GrantNotFound,
			),
			row(
				"settle on an unknown listing",
				dave(),
				Call::settle_grant { listing: unknown, buyer: account(Bob) },
				E::ListingNotFound,
			),
			row(
				"settle a grant never bought",
				dave(),
				Call::settle_grant { listing: 0, buyer: account(Bob) },
				E::GrantNotFound,
			),
			// Batches (the owner or its device).
			row("batch of an unknown vehicle", alice(), batch(unknown, 0, 1), E::VehicleNotFound),
			row("batch ending before it starts", alice(), batch(0, 2, 1), E::InvalidTimeRange),
			row("batch from u64::MAX to 0", alice(), batch(0, u64::MAX, 0), E::InvalidTimeRange),
		]);
	});
}

#[test]
fn data_marketplace_bounded_arguments_one_over_do_not_decode() {
	let allowed: Vec<AccountId> =
		(0..MAX_ALLOW_LIST as u8).map(|n| AccountId::new([n; 32])).collect();
	let args = |allowed: &[AccountId]| {
		(0u64, DataCategory::Battery, UNIT, DAYS, [0u8; 32], Some(allowed.to_vec()))
	};
	let call: RuntimeCall = Call::<Runtime>::create_listing {
		vehicle: 0,
		category: DataCategory::Battery,
		price: UNIT,
		duration: DAYS,
		terms_hash: [0; 32],
		allow_list: Some(BoundedVec::truncate_from(allowed.clone())),
	}
	.into();
	let mut more = allowed.clone();
	more.push(AccountId::new([99; 32]));
	assert_bound(call, args(&allowed), args(&more));

	let uri = vec![b'u'; MAX_URI];
	let args = |uri: &[u8]| (0u64, DataCategory::Battery, [0u8; 32], uri.to_vec(), 0u64, 1u64);
	let call: RuntimeCall = Call::<Runtime>::publish_batch {
		vehicle: 0,
		category: DataCategory::Battery,
		hash: [0; 32],
		uri: BoundedVec::truncate_from(uri.clone()),
		from: 0,
		to: 1,
	}
	.into();
	let mut longer = uri.clone();
	longer.push(b'u');
	assert_bound(call, args(&uri), args(&longer));
}
