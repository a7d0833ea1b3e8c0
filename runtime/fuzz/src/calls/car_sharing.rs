//! Calls of car sharing: co-ops and their fleets, shares and revenue, bookings, trips, damage
//! claims, and the co-ops' proposals, sales and exits. Callers are mostly the ones the state
//! names: a co-op's fleet manager, assessor and members, a booking's renter, the devices of
//! its vehicle.

use pallet_car_sharing::{
	BookingState, Bookings, Call, CoopRules, Coops, Pricing, ProposalKind, Proposals, Rate,
	SaleExits,
};
use polkadot_sdk::{
	frame_support::BoundedVec,
	sp_core::H256,
	sp_runtime::{Perbill, Percent},
};
use v2x_runtime::{AccountId, Runtime, RuntimeCall, DAYS, HOURS, UNIT};

use super::Ctx;
use crate::{
	actors::{self, Caller, CAR_DEVICE, DEVICE},
	source::Source,
	values, world,
};

pub fn generate(src: &mut Source, ctx: &Ctx, index: usize) -> (Caller, RuntimeCall) {
	let pool = ctx.pool;
	// Half the time a co-op with vehicles (whose bookings bring income), else any id.
	let with_cars: Vec<u32> = pallet_car_sharing::VehicleCoop::<Runtime>::iter_values().collect();
	let coop = if !with_cars.is_empty() && src.bool() {
		src.pick(&with_cars)
	} else {
		let id = values::id(src, pallet_car_sharing::NextCoopId::<Runtime>::get().into());
		u32::try_from(id).unwrap_or(u32::MAX)
	};
	let parties = world::coop_parties(coop);
	// A fleet vehicle most of the time: bookings and the fleet calls need one.
	let fleet = world::fleet(coop);
	let vehicle = if !fleet.is_empty() && src.byte() < 200 {
		src.pick(&fleet)
	} else {
		values::id(src, world::next_vehicle())
	};
	let booking = booking_id(src, index);
	let (renter, booked_vehicle, booking_parties) = match Bookings::<Runtime>::get(booking) {
		Some(b) => (vec![b.renter], b.vehicle, world::coop_parties(b.coop)),
		None => (vec![], vehicle, world::CoopParties::default()),
	};
	let proposal = proposal_id(src, coop);
	// Funded accounts without a part in co-op 0, and its members: who books.
	let renters = world::and(
		[0, 3, 4, 5, 12].map(|i| pool[i].0.clone()).to_vec(),
		parties.members.iter().cloned(),
	);
	let (caller, call) = match index {
		0 => (actors::signer(src, pool, &renters), create_coop(src, pool)),
		1 => (
			actors::signer(src, pool, &parties.manager),
			Call::add_vehicle { coop, vehicle: values::id(src, world::next_vehicle()) },
		),
		2 => {
			// The spare account and the extra device, so that the identity pallet's
			// `accept_device_binding` finds them invited.
			let device =
				actors::account(src, pool, &[CAR_DEVICE.into(), pool[11].0.clone(), DEVICE.into()]);
			(
				actors::signer(src, pool, &parties.manager),
				Call::invite_device { coop, vehicle, device },
			)
		}
		3 => {
			// Mostly an invitation withdrawn: unbinding the car's device ends its trips.
			let invited = world::invited_devices(vehicle);
			let devices = if !invited.is_empty() && src.byte() < 192 {
				invited
			} else {
				world::devices(vehicle)
			};
			let device = actors::account(src, pool, &devices);
			(
				actors::signer(src, pool, &parties.manager),
				Call::unbind_device { coop, vehicle, device },
			)
		}
		4 => (actors::signer(src, pool, &parties.manager), Call::report_stolen { coop, vehicle }),
		5 => {
			(actors::signer(src, pool, &parties.manager), Call::report_recovered { coop, vehicle })
		}
		6 => (
			actors::signer(src, pool, &parties.members),
			Call::transfer_shares {
				coop,
				to: actors::account(src, pool, &parties.members),
				amount: shares(src),
			},
		),
		7 => (actors::signer(src, pool, &[]), Call::distribute { coop }),
		8 => (actors::signer(src, pool, &parties.members), Call::claim_revenue { coop }),
		9 => {
			let (start, end) = slot(src, ctx.now);
			(
				actors::signer(src, pool, &renters),
				Call::book { vehicle, start, end, max_km: km_allowance(src) },
			)
		}
		10 => (
			actors::signer(src, pool, &world::and(renter.clone(), booking_parties.manager)),
			Call::cancel_booking { booking },
		),
		11 | 12 => {
			let current = pallet_service_book::Pallet::<Runtime>::current_odometer(booked_vehicle);
			let odometer_km = values::km(src, current);
			let state_of_charge = Percent::from_percent(src.pick(&[0, 20, 80, 100]));
			let evidence = H256(values::hash(src));
			let caller = actors::signer(src, pool, &world::bound_devices(booked_vehicle));
			let call = if index == 11 {
				Call::check_in { booking, odometer_km, state_of_charge, evidence }
			} else {
				Call::check_out { booking, odometer_km, state_of_charge, evidence }
			};
			(caller, call)
		}
		13 => (
			actors::signer(src, pool, &world::and(renter.clone(), booking_parties.manager)),
			Call::end_trip_without_device { booking },
		),
		14 => (actors::signer(src, pool, &[]), Call::close_no_show { booking }),
		15 => (
			actors::signer(src, pool, &booking_parties.manager),
			Call::file_claim {
				booking,
				amount: values::amount(src, 10 * UNIT),
				evidence: H256(values::hash(src)),
			},
		),
		16 => (actors::signer(src, pool, &renter), Call::dispute_claim { booking }),
		17 => (actors::signer(src, pool, &renter), Call::accept_claim { booking }),
		18 => (
			actors::signer(src, pool, &booking_parties.assessor),
			Call::decide_claim { booking, award: values::amount(src, 5 * UNIT) },
		),
		19 => (actors::signer(src, pool, &[]), Call::settle_claim { booking }),
		20 => (actors::signer(src, pool, &[]), Call::release_deposit { booking }),
		21 => {
			let kind = proposal_kind(src, pool, vehicle, &parties);
			(actors::signer(src, pool, &parties.members), Call::propose { coop, kind })
		}
		22 => (
			actors::signer(src, pool, &parties.members),
			Call::vote { coop, proposal, aye: src.byte() < 192 },
		),
		23 => (actors::signer(src, pool, &[]), Call::close_proposal { coop, proposal }),
		24 => (actors::signer(src, pool, &parties.members), Call::exit { coop, proposal }),
		25 => {
			let sales: Vec<u64> =
				pallet_car_sharing::PendingSales::<Runtime>::iter_keys().collect();
			let vehicle = if !sales.is_empty() && src.bool() { src.pick(&sales) } else { vehicle };
			(actors::signer(src, pool, &[]), Call::clear_expired_sale { vehicle })
		}
		_ => (actors::signer(src, pool, &[]), Call::clear_sale_exit { coop, proposal }),
	};
	(caller, RuntimeCall::CarSharing(call))
}

/// A quarter of the time, the call that takes an open booking or proposal one step further
/// (check-in, check-out or ending of a trip, a claim and its answer, the deposit's release; a
/// vote, the close after the voting period, a dissenter's exit, the clean-ups): a trip or a
/// sale needs several calls in a row, which uniformly chosen calls seldom make.
pub fn next_step(src: &mut Source, now: u32) -> Option<usize> {
	if !src.chance(64) {
		return None;
	}
	let mut steps: Vec<usize> = Bookings::<Runtime>::iter_values()
		.map(|booking| match booking.state {
			BookingState::Booked => src.pick(&[11, 11, 11, 10, 14]),
			BookingState::InTrip { .. } => src.pick(&[12, 12, 12, 13]),
			BookingState::Returned { claim: None, .. } => src.pick(&[15, 15, 20]),
			BookingState::Returned { claim: Some(claim), .. } if claim.disputed => 18,
			BookingState::Returned { .. } => src.pick(&[16, 17, 19]),
		})
		.collect();
	steps.extend(Proposals::<Runtime>::iter_values().map(|proposal| {
		if now > proposal.ends_at {
			23
		} else {
			22
		}
	}));
	steps.extend(
		SaleExits::<Runtime>::iter_values().map(|exit| if now > exit.until { 26 } else { 24 }),
	);
	steps.extend(pallet_car_sharing::PendingSales::<Runtime>::iter_values().map(|_| 25));
	(!steps.is_empty()).then(|| src.pick(&steps))
}

/// A booking in the state the call `index` needs most of the time (a booking takes several
/// steps: booked, in trip, returned), else any id.
fn booking_id(src: &mut Source, index: usize) -> u64 {
	let wanted = |state: &BookingState<u32, u128>| match index {
		10 | 11 | 14 => matches!(state, BookingState::Booked),
		12 | 13 => matches!(state, BookingState::InTrip { .. }),
		15 | 20 => matches!(state, BookingState::Returned { claim: None, .. }),
		_ => matches!(state, BookingState::Returned { claim: Some(_), .. }),
	};
	let open: Vec<u64> = Bookings::<Runtime>::iter()
		.filter(|(_, booking)| wanted(&booking.state))
		.map(|(id, _)| id)
		.collect();
	if !open.is_empty() && src.byte() < 192 {
		return src.pick(&open);
	}
	values::id(src, pallet_car_sharing::NextBookingId::<Runtime>::get())
}

/// An open proposal of `coop` (or one with a sale exit) most of the time, else any id.
fn proposal_id(src: &mut Source, coop: u32) -> u32 {
	let live: Vec<u32> = Proposals::<Runtime>::iter_key_prefix(coop)
		.chain(SaleExits::<Runtime>::iter_key_prefix(coop))
		.collect();
	if !live.is_empty() && src.byte() < 192 {
		return src.pick(&live);
	}
	let next = Coops::<Runtime>::get(coop).map(|c| c.next_proposal).unwrap_or_default();
	u32::try_from(values::id(src, next.into())).unwrap_or(u32::MAX)
}

/// A co-op: usable most of the time, else an empty name, a quorum of 0, a supermajority of
/// half or less, no founders, zero or overflowing shares, or a founder twice.
fn create_coop(src: &mut Source, pool: &[(AccountId, &'static str)]) -> Call<Runtime> {
	let mut founders: Vec<(AccountId, u64)> =
		(0..1 + src.below(3)).map(|_| (actors::any(src, pool), shares(src))).collect();
	if src.chance(16) {
		founders.clear();
	}
	Call::create_coop {
		name: values::bounded(src),
		rules: rules(src),
		pricing: pricing(src),
		founders: BoundedVec::truncate_from(founders),
		fleet_manager: actors::any(src, pool),
		assessor: actors::any(src, pool),
	}
}

fn rules(src: &mut Source) -> CoopRules<u32> {
	CoopRules {
		quorum: Perbill::from_percent(src.pick(&[0, 1, 50, 50, 100])),
		supermajority: Perbill::from_percent(src.pick(&[0, 50, 51, 67, 67, 100])),
		reserve: Perbill::from_percent(src.pick(&[0, 10, 10, 100])),
		free_cancellation: src.pick(&[0, 10, HOURS, DAYS, u32::MAX]),
		late_cancellation_fee: Perbill::from_percent(src.pick(&[0, 20, 20, 100])),
	}
}

fn pricing(src: &mut Source) -> Pricing<u128> {
	Pricing {
		member: Rate {
			per_hour: values::amount(src, 2 * UNIT),
			per_km: values::amount(src, UNIT / 10),
		},
		renter: Rate {
			per_hour: values::amount(src, 4 * UNIT),
			per_km: values::amount(src, UNIT / 5),
		},
		damage_deposit: values::amount(src, 50 * UNIT),
	}
}

/// Shares: one, a few, a co-op's typical holding, zero or the maximum.
fn shares(src: &mut Source) -> u64 {
	src.pick(&[1, 1, 5, 20, 50, 0, u64::MAX])
}

/// A slot starting now or soon most of the time (so that a check-in can follow), else in the
/// past, at or beyond `MaxBookAhead`, inverted, or at or beyond `MaxBookingDuration`.
fn slot(src: &mut Source, now: u32) -> (u32, u32) {
	let start = match src.byte() % 10 {
		0..=3 => now,
		4 => now.saturating_add(1),
		5 => now.saturating_add(10),
		6 => now.saturating_sub(1),
		7 => now.saturating_add(30 * DAYS),
		8 => now.saturating_add(30 * DAYS + 1),
		_ => values::block(src, now),
	};
	let length = src.pick(&[0, 10, 100, 100, HOURS - 1, HOURS, DAYS, 7 * DAYS - 1, 7 * DAYS]);
	let end = if src.chance(16) { start.saturating_sub(1) } else { start.saturating_add(length) };
	(start, end)
}

/// The km a booking allows: none, a few, many, or so many the price overflows.
fn km_allowance(src: &mut Source) -> u32 {
	src.pick(&[0, 10, 100, 100, 1_000, u32::MAX])
}

fn proposal_kind(
	src: &mut Source,
	pool: &[(AccountId, &'static str)],
	vehicle: u64,
	parties: &world::CoopParties,
) -> ProposalKind<AccountId, u128> {
	match src.byte() % 6 {
		0 | 1 => ProposalKind::SellVehicle {
			vehicle,
			buyer: actors::any(src, pool),
			price: values::amount(src, 10 * UNIT),
		},
		2 => ProposalKind::BuyVehicle {
			vehicle: values::id(src, world::next_vehicle()),
			max_price: values::amount(src, 20 * UNIT),
		},
		3 => ProposalKind::SetPricing { vehicle: src.some(vehicle), pricing: pricing(src) },
		4 => ProposalKind::SetFleetManager(actors::account(src, pool, &parties.members)),
		_ => ProposalKind::SetAssessor(actors::any(src, pool)),
	}
}
