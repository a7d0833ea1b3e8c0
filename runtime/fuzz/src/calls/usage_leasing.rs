//! Calls of usage leasing: offers of vehicles whose owner is an approved lender, their
//! acceptance, payments and prepayments, settlements, defaults and write-offs, buy-outs,
//! transfers of the lender's position and governance's terminations. Callers are mostly the
//! ones the state names: a lease's lessor, holder and lessee, the approved lenders.

use pallet_usage_leasing::{Call, LeaseState, LeaseTerms, Leases, NextLeaseId};
use v2x_primitives::VehicleId;
use v2x_runtime::{AccountId, Balance, BlockNumber, Runtime, RuntimeCall, DAYS, HOURS, UNIT};

use super::Ctx;
use crate::{
	actors::{self, Caller},
	source::Source,
	values, world,
};

type UsageLeasing = pallet_usage_leasing::Pallet<Runtime>;

pub fn generate(src: &mut Source, ctx: &Ctx, index: usize) -> (Caller, RuntimeCall) {
	let pool = ctx.pool;
	let id = lease_id(src, index);
	let lease = Leases::<Runtime>::get(id);
	let lessor: Vec<AccountId> = lease.iter().map(|l| l.owner.clone()).collect();
	let holder: Vec<AccountId> = lease.iter().map(|l| l.holder.clone()).collect();
	let lessee: Vec<AccountId> = lease.iter().map(|l| l.lessee.clone()).collect();
	let (likely, call) = match index {
		0 => {
			let (vehicle, owner) = offerable_vehicle(src);
			let lessee = actors::any(src, pool);
			let terms = terms(src);
			let expires_at = expiry(src, ctx.now);
			(owner, Call::offer_lease { vehicle, lessee, terms, expires_at })
		}
		1 => (lessor, Call::withdraw_offer { lease: id }),
		2 => (lessee, Call::accept_lease { lease: id }),
		3 => {
			let owed = lease.as_ref().map_or(UNIT, |l| l.arrears_total().max(l.terms.base_fee));
			let amount = if src.bool() { owed } else { values::amount(src, owed) };
			(lessee, Call::pay { lease: id, amount })
		}
		4 => {
			let prepaid = lease.as_ref().map_or(UNIT, |l| l.prepaid);
			let amount = if src.bool() { prepaid } else { values::amount(src, prepaid.max(1)) };
			(lessee, Call::withdraw_prepayment { lease: id, amount })
		}
		5 => (vec![], Call::settle { lease: id }),
		6 => (holder, Call::mark_default { lease: id }),
		7 => (holder, Call::write_off { lease: id }),
		8 => {
			let quote = lease.as_ref().and_then(|l| UsageLeasing::lease_view(l.vehicle));
			let quote = quote.map_or(100 * UNIT, |view| view.payoff);
			let max_price = match src.byte() % 6 {
				0..=2 => quote,
				3 => quote.saturating_sub(1),
				4 => Balance::MAX,
				_ => values::amount(src, quote),
			};
			(lessee, Call::buy_out { lease: id, max_price })
		}
		9 => {
			let to = actors::account(src, pool, &world::lenders());
			(holder, Call::transfer_position { lease: id, to })
		}
		_ => {
			return (
				actors::governance(src, pool),
				RuntimeCall::UsageLeasing(Call::force_terminate { lease: id }),
			)
		}
	};
	(actors::signer(src, pool, &likely), RuntimeCall::UsageLeasing(call))
}

/// A third of the time, the call that takes a lease one step further: the lessee accepts an
/// offer (or the lessor withdraws it), pays what is due or prepays, anyone settles a due
/// period, the holder requests a default once allowed and writes a defaulted lease off, the
/// lessee buys out, the holder transfers its position; or a new offer when a lender's vehicle
/// is free. A lease takes several calls in a row that uniformly chosen calls seldom make.
pub fn next_step(src: &mut Source, now: BlockNumber) -> Option<usize> {
	if !src.chance(85) {
		return None;
	}
	let mut steps: Vec<usize> = vec![0];
	for mut lease in Leases::<Runtime>::iter_values() {
		match lease.state {
			LeaseState::Offered { .. } => steps.extend([2, 2, 2, 1]),
			LeaseState::Defaulted { .. } => steps.extend([3, 7, 7]),
			LeaseState::Running => {
				let due = lease.next_due().is_some_and(|due| due <= now);
				let km = pallet_service_book::Pallet::<Runtime>::current_odometer(lease.vehicle);
				let _ = UsageLeasing::advance(&mut lease, now, km);
				if UsageLeasing::default_allowed(&lease, now) {
					steps.extend([6, 6, 3]);
				} else if !lease.arrears.is_empty() {
					steps.extend([3, 3, 6]);
				} else if due {
					steps.push(5);
				} else {
					steps.extend([3, 4, 8, 9, 5]);
				}
			}
		}
	}
	Some(src.pick(&steps))
}

/// A lease in the state the call `index` needs most of the time (an offer to withdraw or
/// accept, an accepted lease to pay, settle, default, buy out or transfer, a defaulted one to
/// write off), else any id.
fn lease_id(src: &mut Source, index: usize) -> u64 {
	let wanted = |state: &LeaseState<BlockNumber>| match index {
		1 | 2 => matches!(state, LeaseState::Offered { .. }),
		7 => matches!(state, LeaseState::Defaulted { .. }),
		3..=9 => !matches!(state, LeaseState::Offered { .. }),
		_ => true,
	};
	let open: Vec<u64> =
		Leases::<Runtime>::iter().filter(|(_, l)| wanted(&l.state)).map(|(id, _)| id).collect();
	if !open.is_empty() && src.byte() < 200 {
		return src.pick(&open);
	}
	values::id(src, NextLeaseId::<Runtime>::get())
}

/// A vehicle whose owner is an approved lender, with no offer or lease, most of the time (the
/// only ones that may be offered), with its owner as the likely caller; else any vehicle.
fn offerable_vehicle(src: &mut Source) -> (VehicleId, Vec<AccountId>) {
	let lenders = world::lenders();
	let free: Vec<(VehicleId, AccountId)> = pallet_vehicle_identity::Vehicles::<Runtime>::iter()
		.filter(|(vehicle, entry)| {
			lenders.contains(&entry.owner)
				&& !pallet_usage_leasing::VehicleLease::<Runtime>::contains_key(vehicle)
		})
		.map(|(vehicle, entry)| (vehicle, entry.owner))
		.collect();
	if !free.is_empty() && src.byte() < 200 {
		let (vehicle, owner) = src.pick(&free);
		return (vehicle, vec![owner]);
	}
	let vehicle = values::id(src, world::next_vehicle());
	(vehicle, world::owner(vehicle).into_iter().collect())
}

/// Terms that make a lease most of the time, with periods short enough to fall due within a
/// program (ten blocks to a day; sometimes a month), a few periods, small fees; else a period,
/// count, grace or notice at or past a limit, or fees so large that a charge overflows.
fn terms(src: &mut Source) -> LeaseTerms<Balance, BlockNumber> {
	let period_length = src.pick(&[10, 10, 20, 100, 100, HOURS, DAYS, 30 * DAYS, 9, 0]);
	let periods = src.pick(&[1, 2, 2, 3, 3, 12, 120, 0, 121, u32::MAX]);
	let grace = match src.byte() % 8 {
		0 => period_length,
		1 => period_length.saturating_sub(1),
		2 | 3 => 0,
		_ => period_length / 4,
	};
	let notice = src.pick(&[10, 10, 20, 100, DAYS, 9, 0]);
	let fee = |src: &mut Source, typical: Balance| {
		if src.chance(220) {
			src.pick(&[typical, typical, typical / 10, 0])
		} else {
			values::amount(src, typical)
		}
	};
	LeaseTerms {
		base_fee: fee(src, UNIT),
		price_per_km: fee(src, UNIT / 10),
		included_km: src.pick(&[0, 10, 100, 1_000, 1_000, u32::MAX]),
		period_length,
		periods,
		grace,
		notice,
		purchase_price: fee(src, 100 * UNIT),
	}
}

/// An offer's expiry: soon most of the time, else now, at or past `MaxOfferDuration` (7 days)
/// or in the past.
fn expiry(src: &mut Source, now: BlockNumber) -> BlockNumber {
	match src.byte() % 10 {
		0..=3 => now.saturating_add(10),
		4 | 5 => now.saturating_add(100),
		6 => now,
		7 => now.saturating_add(7 * DAYS),
		8 => now.saturating_add(7 * DAYS + 1),
		_ => now.saturating_sub(1),
	}
}
