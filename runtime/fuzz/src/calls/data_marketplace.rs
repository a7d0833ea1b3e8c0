//! Calls of the data marketplace: listings, grants (purchase, renewal, renouncing,
//! settlement) and data batches.

use pallet_data_marketplace::{Call, DataCategory, Grants, Listings};
use polkadot_sdk::frame_support::BoundedVec;
use v2x_runtime::{Runtime, RuntimeCall, UNIT};

use super::Ctx;
use crate::{
	actors::{self, Caller},
	source::Source,
	values, world,
};

pub fn generate(src: &mut Source, ctx: &Ctx, index: usize) -> (Caller, RuntimeCall) {
	let pool = ctx.pool;
	let vehicle = values::id(src, world::next_vehicle());
	let listing = values::id(src, pallet_data_marketplace::NextListingId::<Runtime>::get());
	let seller: Vec<_> = Listings::<Runtime>::get(listing).map(|l| l.seller).into_iter().collect();
	let buyers: Vec<_> = Grants::<Runtime>::iter_key_prefix(listing).collect();
	let category = src.pick(&[
		DataCategory::Diagnostics,
		DataCategory::LocationTraces,
		DataCategory::DrivingBehaviour,
		DataCategory::Battery,
		DataCategory::AdasLidar,
		DataCategory::Infotainment,
		DataCategory::CrashBlackbox,
	]);
	let (caller, call) = match index {
		0 => {
			let allow_list = match src.byte() % 4 {
				0 => Some(BoundedVec::truncate_from(vec![actors::any(src, pool)])),
				1 => Some(BoundedVec::truncate_from(vec![])),
				2 => Some(BoundedVec::truncate_from(
					(0..16).map(|_| actors::any(src, pool)).collect(),
				)),
				_ => None,
			};
			(
				actors::signer(src, pool, &world::owner(vehicle).into_iter().collect::<Vec<_>>()),
				Call::create_listing {
					vehicle,
					category,
					price: values::amount(src, UNIT),
					duration: values::duration(src),
					terms_hash: values::hash(src),
					allow_list,
				},
			)
		}
		1 => (actors::signer(src, pool, &seller), Call::withdraw_listing { listing }),
		2 => (
			actors::signer(src, pool, &[pool[1].0.clone(), pool[3].0.clone()]),
			Call::purchase { listing, public_key: values::hash(src) },
		),
		3 => (actors::signer(src, pool, &buyers), Call::renew_grant { listing }),
		4 => (actors::signer(src, pool, &buyers), Call::renounce_grant { listing }),
		5 => (
			actors::signer(src, pool, &[]),
			Call::settle_grant { listing, buyer: actors::account(src, pool, &buyers) },
		),
		_ => {
			let from = src.pick(&[0, 1_000, u64::MAX]);
			let to = src.pick(&[from, from.saturating_add(60_000), 0]);
			(
				actors::signer(
					src,
					pool,
					&world::and(
						world::owner(vehicle).into_iter().collect(),
						world::devices(vehicle),
					),
				),
				Call::publish_batch {
					vehicle,
					category,
					hash: values::hash(src),
					uri: values::bounded(src),
					from,
					to,
				},
			)
		}
	};
	(caller, RuntimeCall::DataMarketplace(call))
}
