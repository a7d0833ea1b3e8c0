//! Calls of road usage: chargers, providers and their bonds, contexts, tariffs and gantries,
//! the owners' providers and prepaid balances, declarations and their billing, direct
//! passages with gantry attestations signed by the dev preset's real gantry keys (valid,
//! forged, misdirected or stale), and platoons. Callers are mostly the ones the state names:
//! a context's or batch's charger, the providers, a vehicle's owner, devices and drivers, a
//! platoon's payee, payers and devices.

use std::sync::OnceLock;

use pallet_road_usage::{
	Batches, Call, ChargeKind, Chargers, Contexts, Credits, DeclarationInput, DeclarationRef,
	NextBatchId, NextContextId, NextPlatoonId, Passage, PlatoonRule, Platoons, Prepaid, Providers,
	ServicePeriods, TariffPrice, Usage, VehicleDays,
};
use polkadot_sdk::{
	frame_support::BoundedVec,
	sp_core::{sr25519, Pair, H256},
	sp_runtime::{MultiSignature, Perbill},
};
use v2x_runtime::{AccountId, Runtime, RuntimeCall, UNIT};

use super::Ctx;
use crate::{actors, chain, source::Source, values, world};

type RoadUsage = pallet_road_usage::Pallet<Runtime>;

/// The dev preset's gantry keys (`//Gantry1`, `//Gantry2` of context 0) and one no context
/// registers (`//Gantry3`).
fn gantry_keys() -> &'static [sr25519::Pair; 3] {
	static KEYS: OnceLock<[sr25519::Pair; 3]> = OnceLock::new();
	KEYS.get_or_init(|| {
		["//Gantry1", "//Gantry2", "//Gantry3"]
			.map(|uri| sr25519::Pair::from_string(uri, None).expect("a dev URI derives a key"))
	})
}

fn gantry_account(key: &sr25519::Pair) -> AccountId {
	AccountId::new(key.public().0)
}

/// The day of block `now` (days since 1970), as the pallet's clock sees it.
fn today(now: u32) -> u32 {
	(chain::timestamp(now) / 86_400_000) as u32
}

/// A day around today: today most often, yesterday, two days ago, the window's edge
/// (`MaxDeclarationAge` 30) and just past it, tomorrow, day 0 or `u32::MAX`.
fn day(src: &mut Source, now: u32) -> u32 {
	let today = today(now);
	match src.byte() % 12 {
		0..=4 => today,
		5 | 6 => today.saturating_sub(1),
		7 => today.saturating_sub(2),
		8 => today.saturating_sub(30),
		9 => today.saturating_sub(31),
		10 => today.saturating_add(1),
		_ => src.pick(&[0, u32::MAX]),
	}
}

/// An event id from a small set, so that the same event is charged twice now and then.
fn event(src: &mut Source) -> H256 {
	H256::repeat_byte(src.byte() % 24)
}

/// A vehicle class: 1 (car) and 2 (truck) are priced in the preset, 9 nowhere.
fn class(src: &mut Source) -> u8 {
	src.pick(&[1, 1, 2, 2, 2, 9])
}

pub fn generate(src: &mut Source, ctx: &Ctx, index: usize) -> (actors::Caller, RuntimeCall) {
	let pool = ctx.pool;
	let chargers: Vec<AccountId> = Chargers::<Runtime>::iter_keys().collect();
	let providers: Vec<AccountId> = Providers::<Runtime>::iter_keys().collect();
	let context = context_id(src, index);
	let entry = Contexts::<Runtime>::get(context);
	let context_charger: Vec<AccountId> = entry.iter().map(|c| c.charger.clone()).collect();
	let vehicle = values::id(src, world::next_vehicle());
	let batch = batch_id(src, index);
	let batch_charger: Vec<AccountId> =
		Batches::<Runtime>::get(batch).map(|b| b.charger).into_iter().collect();
	let platoon = values::id(src, NextPlatoonId::<Runtime>::get());
	let call = match index {
		0 => {
			let who = actors::account(src, pool, &[]);
			let name = values::bounded(src);
			return (actors::governance(src, pool), wrap(Call::approve_charger { who, name }));
		}
		1 => {
			let who = actors::account(src, pool, &providers);
			let name = values::bounded(src);
			return (actors::governance(src, pool), wrap(Call::approve_provider { who, name }));
		}
		2 => {
			let who = actors::account(src, pool, &providers);
			return (actors::governance(src, pool), wrap(Call::revoke_provider { who }));
		}
		3 => (&providers[..], Call::post_bond { amount: values::amount(src, 100 * UNIT) }),
		4 => (&providers[..], Call::withdraw_bond { amount: values::amount(src, 100 * UNIT) }),
		5 => {
			let kind = src.pick(&[ChargeKind::Passage, ChargeKind::Distance]);
			(&chargers[..], Call::create_context { domain: values::bounded(src), kind })
		}
		6 => {
			let kind = entry.as_ref().map_or(ChargeKind::Passage, |c| c.kind);
			let valid_from = tariff_day(src, ctx.now);
			let prices = prices(src, kind);
			(&context_charger[..], Call::publish_tariff { context, valid_from, prices })
		}
		7 => {
			let gantries: Vec<AccountId> = gantry_keys().iter().map(gantry_account).collect();
			let gantry = actors::account(src, pool, &gantries);
			(&context_charger[..], Call::add_gantry { context, gantry })
		}
		8 => {
			let registered: Vec<AccountId> =
				entry.iter().flat_map(|c| c.gantries.iter().cloned()).collect();
			let gantry = actors::account(src, pool, &registered);
			(&context_charger[..], Call::remove_gantry { context, gantry })
		}
		9 => {
			let provider = actors::account(src, pool, &providers);
			let provider = src.some(provider);
			let owner = world::owner(vehicle).into_iter().collect::<Vec<_>>();
			return (
				actors::signer(src, pool, &owner),
				wrap(Call::set_provider { vehicle, provider }),
			);
		}
		10 | 11 => {
			let mut payers: Vec<AccountId> = world::owner(vehicle).into_iter().collect();
			payers.extend(Prepaid::<Runtime>::get(vehicle).map(|p| p.owner));
			let amount = values::amount(src, 10 * UNIT);
			let call = if index == 10 {
				Call::top_up { vehicle, amount }
			} else {
				Call::withdraw_prepaid { vehicle, amount }
			};
			return (actors::signer(src, pool, &payers), wrap(call));
		}
		12 => {
			let caller = actors::signer(src, pool, &providers);
			let provider = match &caller {
				actors::Caller::Signed(who) => Some(who.clone()),
				_ => None,
			};
			let kind = entry.as_ref().map_or(ChargeKind::Passage, |c| c.kind);
			let declarations = declarations(src, ctx.now, context, kind, provider);
			return (caller, wrap(Call::declare { context, declarations }));
		}
		13 => (&batch_charger[..], Call::accept_batch { batch }),
		14 => {
			let reason = H256(values::hash(src));
			(&batch_charger[..], Call::dispute_batch { batch, reason })
		}
		15 => {
			let pay = src.bool();
			return (actors::governance(src, pool), wrap(Call::resolve_dispute { batch, pay }));
		}
		16 => (&[][..], Call::settle_unanswered { batch }),
		17 => {
			let owed: Vec<(AccountId, AccountId, u128)> = Credits::<Runtime>::iter().collect();
			let (charger, provider, typical) = if !owed.is_empty() && src.bool() {
				src.pick(&owed)
			} else {
				let provider = actors::account(src, pool, &providers);
				(actors::account(src, pool, &chargers), provider, UNIT)
			};
			let amount = values::amount(src, typical);
			return (
				actors::signer(src, pool, &[charger]),
				wrap(Call::repay_credit { provider, amount }),
			);
		}
		18 => (&[][..], Call::prune_batch { batch }),
		19 => {
			let days: Vec<((u32, u64), u32)> = VehicleDays::<Runtime>::iter_keys().collect();
			let ((context, vehicle), day) = if !days.is_empty() && src.byte() < 192 {
				src.pick(&days)
			} else {
				((context, vehicle), day(src, ctx.now))
			};
			(&[][..], Call::prune_vehicle_day { context, vehicle, day })
		}
		20 => {
			let (vehicle, devices) = vehicle_with_device(src, vehicle);
			let passage =
				Passage { vehicle, day: day(src, ctx.now), event: event(src), class: class(src) };
			let (gantry, signature) = attestation(src, pool, context, &passage);
			return (
				actors::signer(src, pool, &devices),
				wrap(Call::report_passage { context, passage, gantry, signature }),
			);
		}
		21 => {
			let rule = PlatoonRule {
				saving_per_km: values::amount(src, UNIT / 5),
				leader_share: Perbill::from_percent(src.pick(&[0, 10, 50, 50, 100])),
			};
			let drivers = world::drivers(vehicle);
			return (
				actors::signer(src, pool, &drivers),
				wrap(Call::form_platoon { leader: vehicle, rule }),
			);
		}
		22 => {
			let max_km = values::small(src, 200);
			let drivers = world::drivers(vehicle);
			return (
				actors::signer(src, pool, &drivers),
				wrap(Call::join_platoon { platoon, follower: vehicle, max_km }),
			);
		}
		23 => {
			let leader = Platoons::<Runtime>::get(platoon).map(|p| p.leader);
			let devices = leader.map(world::bound_devices).unwrap_or_default();
			let planned_km = values::small(src, 100);
			return (
				actors::signer(src, pool, &devices),
				wrap(Call::start_segment { platoon, planned_km }),
			);
		}
		24 => {
			let entry = Platoons::<Runtime>::get(platoon);
			let devices: Vec<AccountId> = entry
				.iter()
				.flat_map(|p| {
					core::iter::once(p.leader).chain(p.followers.iter().map(|f| f.vehicle))
				})
				.flat_map(world::bound_devices)
				.collect();
			let planned = entry.and_then(|p| p.segment).map_or(100, |s| s.planned_km);
			let km = match src.byte() % 6 {
				0 => planned,
				1 => planned / 2,
				2 => planned.saturating_add(1),
				_ => values::small(src, planned / 3),
			};
			return (
				actors::signer(src, pool, &devices),
				wrap(Call::attest_segment { platoon, km }),
			);
		}
		_ => {
			let entry = Platoons::<Runtime>::get(platoon);
			let members: Vec<(u64, AccountId)> = entry
				.iter()
				.flat_map(|p| {
					core::iter::once((p.leader, p.payee.clone()))
						.chain(p.followers.iter().map(|f| (f.vehicle, f.payer.clone())))
				})
				.collect();
			let (vehicle, responsible) = if !members.is_empty() && src.byte() < 200 {
				src.pick(&members)
			} else {
				(vehicle, actors::any(src, pool))
			};
			let likely = world::and(world::drivers(vehicle), [responsible]);
			return (
				actors::signer(src, pool, &likely),
				wrap(Call::leave_platoon { platoon, vehicle }),
			);
		}
	};
	let (likely, call) = call;
	(actors::signer(src, pool, likely), wrap(call))
}

/// A quarter of the time, the call that takes an open batch, credit or segment one step
/// further (accepting, disputing or settling a pending batch, deciding a disputed one,
/// correcting an accepted one, repaying a credit, attesting a segment), or a declaration or a
/// passage: billing takes several calls in a row, which uniformly chosen calls seldom make.
pub fn next_step(src: &mut Source) -> Option<usize> {
	if !src.chance(64) {
		return None;
	}
	let mut steps: Vec<usize> = vec![12, 20];
	for batch in Batches::<Runtime>::iter_values() {
		steps.push(match batch.status {
			pallet_road_usage::BatchStatus::Pending => src.pick(&[13, 13, 14, 16]),
			pallet_road_usage::BatchStatus::Disputed { .. } => 15,
			pallet_road_usage::BatchStatus::Accepted => src.pick(&[12, 18]),
			pallet_road_usage::BatchStatus::Rejected => 18,
		});
	}
	steps.extend(Credits::<Runtime>::iter().map(|_| 17));
	steps.extend(Platoons::<Runtime>::iter_values().filter(|p| p.segment.is_some()).map(|_| 24));
	Some(src.pick(&steps))
}

/// A batch in the state the call `index` needs most of the time (pending to accept, dispute
/// or settle; disputed to decide; settled to prune), else any id.
fn batch_id(src: &mut Source, index: usize) -> u64 {
	use pallet_road_usage::BatchStatus::*;
	let wanted = |status: &pallet_road_usage::BatchStatus| match index {
		13 | 14 | 16 => matches!(status, Pending),
		15 => matches!(status, Disputed { .. }),
		18 => matches!(status, Accepted | Rejected),
		_ => false,
	};
	let open: Vec<u64> =
		Batches::<Runtime>::iter().filter(|(_, b)| wanted(&b.status)).map(|(id, _)| id).collect();
	if !open.is_empty() && src.byte() < 192 {
		return src.pick(&open);
	}
	values::id(src, NextBatchId::<Runtime>::get())
}

/// A context; for a declaration, half the time one with an accepted batch (which a correction
/// may correct).
fn context_id(src: &mut Source, index: usize) -> u32 {
	if index == 12 && src.bool() {
		let accepted: Vec<u32> = Batches::<Runtime>::iter_values()
			.filter(|b| b.status == pallet_road_usage::BatchStatus::Accepted)
			.map(|b| b.context)
			.collect();
		if !accepted.is_empty() {
			return src.pick(&accepted);
		}
	}
	let id = values::id(src, NextContextId::<Runtime>::get().into());
	u32::try_from(id).unwrap_or(u32::MAX)
}

fn wrap(call: Call<Runtime>) -> RuntimeCall {
	RuntimeCall::RoadUsage(call)
}

/// A tariff's first day: tomorrow most often (the earliest a new version may start), today,
/// a week on, yesterday, day 0 or `u32::MAX` (after which no version can follow).
fn tariff_day(src: &mut Source, now: u32) -> u32 {
	let today = today(now);
	match src.byte() % 10 {
		0..=4 => today.saturating_add(1),
		5 => today,
		6 | 7 => today.saturating_add(7),
		8 => today.saturating_sub(1),
		_ => src.pick(&[0, u32::MAX]),
	}
}

/// Prices valid for `kind` most of the time (sorted by class and band, band 0 per passage),
/// else empty, unsorted, duplicated, free or banded per passage.
fn prices(
	src: &mut Source,
	kind: ChargeKind,
) -> BoundedVec<TariffPrice<u128>, <Runtime as pallet_road_usage::Config>::MaxTariffPrices> {
	let price = |src: &mut Source| values::amount(src, UNIT).max(1);
	let mut prices = match kind {
		ChargeKind::Passage => vec![
			TariffPrice { class: 1, band: 0, price: price(src) },
			TariffPrice { class: 2, band: 0, price: price(src) },
		],
		ChargeKind::Distance => vec![
			TariffPrice { class: 2, band: 0, price: price(src) },
			TariffPrice { class: 2, band: 1, price: price(src) },
		],
	};
	match src.byte() % 12 {
		0 => prices.clear(),
		1 => prices.reverse(),
		2 => prices.push(prices[prices.len() - 1]),
		3 => prices[0].price = 0,
		4 => prices[0].band = 1,
		5 => prices.truncate(1),
		_ => {}
	}
	BoundedVec::truncate_from(prices)
}

/// Up to three declarations (sometimes none) of vehicles `provider` serves most of the time,
/// on days around today, with event ids from a small set (so some were charged already),
/// passage counts that match their events most of the time, and one time in five a correction:
/// mostly of an uncorrected declaration of the provider's accepted batches in the context, for
/// its vehicle and day (so corrections are settled and credits arise), else of any batch.
fn declarations(
	src: &mut Source,
	now: u32,
	context: u32,
	kind: ChargeKind,
	provider: Option<AccountId>,
) -> pallet_road_usage::DeclarationInputsOf<Runtime> {
	let served: Vec<u64> = ServicePeriods::<Runtime>::iter()
		.filter(|(_, periods)| {
			periods.iter().any(|period| Some(&period.provider) == provider.as_ref())
		})
		.map(|(vehicle, _)| vehicle)
		.collect();
	let correctable: Vec<(DeclarationRef, u64, u32)> = Batches::<Runtime>::iter()
		.filter(|(_, b)| {
			Some(&b.provider) == provider.as_ref()
				&& b.context == context
				&& b.status == pallet_road_usage::BatchStatus::Accepted
		})
		.flat_map(|(batch, b)| {
			b.declarations.into_iter().enumerate().filter(|(_, d)| d.corrected_by.is_none()).map(
				move |(index, d)| (DeclarationRef { batch, index: index as u16 }, d.vehicle, d.day),
			)
		})
		.collect();
	let count = src.pick(&[0, 1, 1, 1, 2, 3]);
	let mut inputs = Vec::new();
	for _ in 0..count {
		let vehicle = if !served.is_empty() && src.byte() < 220 {
			src.pick(&served)
		} else {
			values::id(src, world::next_vehicle())
		};
		let class = class(src);
		let events: Vec<H256> = (0..src.pick(&[0, 1, 1, 2, 3])).map(|_| event(src)).collect();
		let usage = match (kind, src.byte() % 8) {
			(ChargeKind::Passage, 0..=5) => vec![Usage { band: 0, quantity: events.len() as u32 }],
			(ChargeKind::Distance, 0..=5) => {
				let quantity = values::small(src, 40);
				vec![Usage { band: src.pick(&[0, 0, 1]), quantity }]
			}
			(_, 6) => vec![],
			_ => vec![
				Usage { band: 0, quantity: values::small(src, 2) },
				Usage { band: src.pick(&[0, 1, 7]), quantity: values::small(src, 2) },
			],
		};
		let mut vehicle = vehicle;
		let mut day = day(src, now);
		let corrects = if !src.chance(48) {
			None
		} else if !correctable.is_empty() && src.byte() < 192 {
			let (target, target_vehicle, target_day) = src.pick(&correctable);
			(vehicle, day) = (target_vehicle, target_day);
			Some(target)
		} else {
			let batch = values::id(src, NextBatchId::<Runtime>::get());
			Some(DeclarationRef { batch, index: src.pick(&[0, 0, 0, 1, u16::MAX]) })
		};
		inputs.push(DeclarationInput {
			vehicle,
			day,
			class,
			usage: BoundedVec::truncate_from(usage),
			events: BoundedVec::truncate_from(events),
			details_root: H256(values::hash(src)),
			corrects,
		});
	}
	BoundedVec::truncate_from(inputs)
}

/// A vehicle with a bound device most of the time (a device reports its own vehicle's
/// passages), with its devices.
fn vehicle_with_device(src: &mut Source, vehicle: u64) -> (u64, Vec<AccountId>) {
	let with_devices: Vec<u64> =
		pallet_vehicle_identity::VehicleDevices::<Runtime>::iter_keys().collect();
	let vehicle = if !with_devices.is_empty() && src.byte() < 200 {
		src.pick(&with_devices)
	} else {
		vehicle
	};
	(vehicle, world::bound_devices(vehicle))
}

/// The gantry claimed and its signature: a registered gantry of the context signing this
/// passage most of the time, else another gantry's key, a signature over another passage or
/// context, a key no context has, or no valid signature at all.
fn attestation(
	src: &mut Source,
	pool: &[(AccountId, &'static str)],
	context: u32,
	passage: &Passage,
) -> (AccountId, MultiSignature) {
	let keys = gantry_keys();
	let signer = &keys[src.pick(&[0, 0, 1, 1, 2])];
	let gantry = match src.byte() % 8 {
		0 => gantry_account(&keys[src.below(3)]),
		1 => actors::any(src, pool),
		_ => gantry_account(signer),
	};
	let mut signed = *passage;
	let mut signed_context = context;
	match src.byte() % 12 {
		0 => signed.event = H256::repeat_byte(0xff),
		1 => signed.day = signed.day.saturating_sub(1),
		2 => signed.class = signed.class.wrapping_add(1),
		3 => signed_context = context.wrapping_add(1),
		4 => {
			return (gantry, MultiSignature::Sr25519(sr25519::Signature::from_raw([0; 64])));
		}
		_ => {}
	}
	let payload = RoadUsage::attestation_payload(signed_context, &signed);
	(gantry, MultiSignature::Sr25519(signer.sign(&payload)))
}
