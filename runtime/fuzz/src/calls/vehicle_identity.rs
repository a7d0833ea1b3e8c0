//! Calls of the vehicle identity pallet: manufacturers, registration, sales, liens, devices,
//! operators, theft and scrapping.

use pallet_vehicle_identity::Call;
use polkadot_sdk::frame_support::BoundedVec;
use v2x_primitives::{Powertrain, VehicleId};
use v2x_runtime::{Runtime, RuntimeCall, UNIT};

use super::Ctx;
use crate::{
	actors::{self, Caller, DEVICE, LENDER, OPERATOR},
	source::Source,
	values, world,
};

pub fn generate(src: &mut Source, ctx: &Ctx, index: usize) -> (Caller, RuntimeCall) {
	let pool = ctx.pool;
	let vehicle = values::id(src, world::next_vehicle());
	let owner: Vec<_> = world::owner(vehicle).into_iter().collect();
	// Accounts that are handed rights, so that later calls by them find those rights.
	let delegates =
		[OPERATOR.into(), DEVICE.into(), pool[6].0.clone(), pool[7].0.clone(), pool[3].0.clone()];
	let delegate = actors::account(src, pool, &delegates);
	let (caller, call) = match index {
		0 => {
			let wmis = match src.byte() % 5 {
				0 => vec![],
				1 => vec![*b"5YJ"],
				2 => (0..16u8).map(|i| [b'W', b'A' + i, b'Z']).collect(),
				_ => vec![src.pick(&[*b"WVW", *b"1HG", *b"JTD"])],
			};
			(
				actors::governance(src, pool),
				Call::register_manufacturer {
					manufacturer: actors::account(src, pool, &[pool[11].0.clone()]),
					name: values::bounded(src),
					wmis: BoundedVec::truncate_from(wmis),
				},
			)
		}
		1 => (
			actors::governance(src, pool),
			Call::deregister_manufacturer {
				manufacturer: actors::account(src, pool, &world::manufacturers()),
			},
		),
		2 => {
			let powertrain = src.pick(&[
				Powertrain::Bev,
				Powertrain::Ice,
				Powertrain::Phev,
				Powertrain::Hev,
				Powertrain::Fcev,
			]);
			let battery = src.pick(&[None, Some(75_000), Some(0), Some(u32::MAX)]);
			(
				actors::signer(src, pool, &world::manufacturers()),
				Call::register_vehicle {
					vin: values::vin(src),
					owner: actors::any(src, pool),
					model_year: src.pick(&[2024, 2025, 2026, 1900, 2100, 0]),
					powertrain,
					battery_capacity: battery,
					metadata_hash: values::hash(src),
					metadata_uri: values::bounded(src),
				},
			)
		}
		3 => (
			actors::signer(src, pool, &owner),
			Call::offer_sale {
				vehicle,
				// Sometimes a car-sharing co-op: a gift to it is what its fleet manager adds.
				buyer: match world::coop_accounts() {
					coops if !coops.is_empty() && src.chance(48) => src.pick(&coops),
					_ => actors::any(src, pool),
				},
				price: values::maybe_amount(src, 10 * UNIT),
				expires_at: values::block(src, ctx.now),
			},
		),
		4 => (actors::signer(src, pool, &owner), Call::cancel_offer { vehicle }),
		5 => {
			// A vehicle on offer most of the time: a co-op's sale completes only through this.
			let offered: Vec<VehicleId> =
				pallet_vehicle_identity::SaleOffers::<Runtime>::iter_keys().collect();
			let vehicle =
				if !offered.is_empty() && src.byte() < 192 { src.pick(&offered) } else { vehicle };
			let buyer: Vec<_> = pallet_vehicle_identity::SaleOffers::<Runtime>::get(vehicle)
				.map(|offer| offer.buyer)
				.filter(world::can_sign)
				.into_iter()
				.collect();
			(
				actors::signer(src, pool, &buyer),
				Call::accept_offer { vehicle, max_price: values::amount(src, 10 * UNIT) },
			)
		}
		6 => (
			actors::governance(src, pool),
			Call::approve_lender { lender: actors::account(src, pool, &[LENDER.into()]) },
		),
		7 => (
			actors::governance(src, pool),
			Call::revoke_lender { lender: actors::account(src, pool, &world::lenders()) },
		),
		8 => (
			actors::signer(src, pool, &owner),
			Call::consent_to_lien {
				vehicle,
				lender: actors::account(src, pool, &world::lenders()),
			},
		),
		9 => {
			// A vehicle whose owner consented to a lender, half the time.
			let consents: Vec<_> =
				pallet_vehicle_identity::LienConsents::<Runtime>::iter().collect();
			let (vehicle, lender) = match consents.is_empty() || src.bool() {
				true => (vehicle, world::lenders()),
				false => {
					let (vehicle, lender) = src.pick(&consents);
					(vehicle, vec![lender])
				}
			};
			(actors::signer(src, pool, &lender), Call::place_lien { vehicle })
		}
		10 => {
			let liens: Vec<_> = pallet_vehicle_identity::Vehicles::<Runtime>::iter()
				.filter_map(|(id, v)| v.lien.map(|lender| (id, lender)))
				.collect();
			let (vehicle, lender) = match liens.is_empty() || src.bool() {
				true => (vehicle, vec![]),
				false => {
					let (vehicle, lender) = src.pick(&liens);
					(vehicle, vec![lender])
				}
			};
			(actors::signer(src, pool, &lender), Call::release_lien { vehicle })
		}
		11 => (actors::signer(src, pool, &owner), Call::bind_device { vehicle, device: delegate }),
		12 => {
			let device = actors::account(src, pool, &world::devices(vehicle));
			(actors::signer(src, pool, &owner), Call::unbind_device { vehicle, device })
		}
		13 => (
			actors::signer(src, pool, &owner),
			Call::grant_operator {
				vehicle,
				operator: delegate,
				until: values::block(src, ctx.now),
			},
		),
		14 => {
			let operators = world::drivers(vehicle);
			let operator = actors::account(src, pool, &operators);
			(actors::signer(src, pool, &owner), Call::revoke_operator { vehicle, operator })
		}
		15 => (actors::signer(src, pool, &owner), Call::report_stolen { vehicle }),
		16 => (actors::signer(src, pool, &owner), Call::report_recovered { vehicle }),
		17 => {
			let caller = if src.chance(64) {
				actors::governance(src, pool)
			} else {
				actors::signer(src, pool, &owner)
			};
			(caller, Call::scrap_vehicle { vehicle })
		}
		18 => {
			// A vehicle with an open invitation most of the time: a co-op car's devices are
			// invited by its fleet manager and bound only by this call.
			let invited: Vec<VehicleId> =
				pallet_vehicle_identity::PendingDevices::<Runtime>::iter_keys().collect();
			let vehicle =
				if !invited.is_empty() && src.byte() < 192 { src.pick(&invited) } else { vehicle };
			(
				actors::signer(src, pool, &world::devices(vehicle)),
				Call::accept_device_binding { vehicle },
			)
		}
		19 => {
			(actors::signer(src, pool, &world::devices(vehicle)), Call::leave_vehicle { vehicle })
		}
		20 => (
			actors::signer(src, pool, &world::drivers(vehicle)),
			Call::renounce_operator { vehicle },
		),
		_ => (actors::governance(src, pool), Call::force_release_lien { vehicle }),
	};
	(caller, RuntimeCall::VehicleIdentity(call))
}
