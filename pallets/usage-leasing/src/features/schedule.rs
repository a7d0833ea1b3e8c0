//! The schedule: periods close at their due dates and are charged for the km the odometer
//! history saw in them, the prepayment pays them, and a lease with nothing left to charge or
//! pay completes. Anyone settles a lease; `on_idle` walks `DueLeases` and settles them too.
//! Where a lease stands (current, in grace, delinquent) and what buying it out costs are
//! derived here as well.

use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::{
		ensure,
		storage::with_storage_layer,
		traits::Get,
		weights::{RuntimeDbWeight, Weight},
	},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::{
		helpers_128bit::multiply_by_rational_with_rounding,
		traits::{CheckedAdd, CheckedMul, One, Zero},
		DispatchError, DispatchResult, Rounding, SaturatedConversion, Saturating,
	},
};
use v2x_primitives::{Km, OdometerLog, VehicleControl};

use crate::{
	BalanceOf, Config, DueCursor, DueLeases, Error, Event, HoldReason, InstalmentOf, Lease,
	LeaseId, LeaseState, Leases, Pallet, Standing, VehicleLease, WeightInfo,
};

impl<T: Config> Pallet<T> {
	/// Closes every period of an accepted lease due by `now` and draws the prepayment onto the
	/// arrears, oldest first. Returns the closed periods (their charge in `owed`, zero
	/// included) and the amount drawn. Pure: no storage, no money; `settle_lease` carries the
	/// result out, the runtime API shows it on a copy.
	///
	/// A period's km are the odometer history's accepted total (`current_km`) less the km
	/// where the period began (see [`Lease::odometer_now`]); settled late, all km since the
	/// last settlement go to the first period closed, so no km is dropped or counted twice.
	pub fn advance(
		lease: &mut Lease<T>,
		now: BlockNumberFor<T>,
		current_km: Option<Km>,
	) -> Result<(Vec<InstalmentOf<T>>, BalanceOf<T>), DispatchError> {
		let mut closed = Vec::new();
		if !lease.is_accepted() {
			return Ok((closed, Zero::zero()));
		}
		while let Some(due) = lease.next_due().filter(|due| *due <= now) {
			let km_now = lease.odometer_now(current_km);
			let km = km_now.saturating_sub(lease.period_start_km);
			let owed = lease
				.terms
				.charge(km, lease.terms.included_km)
				.ok_or(Error::<T>::ArithmeticOverflow)?;
			let period = lease.periods_settled.saturating_add(1);
			let instalment = InstalmentOf::<T> { period, due, km, owed };
			if !owed.is_zero() {
				// At most `periods` (<= `MaxPeriods`) instalments are ever pushed.
				lease.arrears.try_push(instalment).map_err(|_| Error::<T>::ArithmeticOverflow)?;
			}
			closed.push(instalment);
			lease.period_start_km = km_now;
			lease.periods_settled = period;
			lease.km_billed = lease.km_billed.saturating_add(km);
		}
		let drawn = lease.prepaid.min(lease.arrears_total());
		lease.prepaid = lease.prepaid.saturating_sub(drawn);
		Self::apply_to_arrears(lease, drawn);
		Ok((closed, drawn))
	}

	/// Pays `amount` (at most the arrears' total) off the arrears, oldest first; paid
	/// instalments leave the list.
	pub(crate) fn apply_to_arrears(lease: &mut Lease<T>, amount: BalanceOf<T>) {
		let mut left = amount;
		for instalment in lease.arrears.iter_mut() {
			if left.is_zero() {
				break;
			}
			let part = left.min(instalment.owed);
			instalment.owed = instalment.owed.saturating_sub(part);
			left = left.saturating_sub(part);
		}
		lease.arrears.retain(|instalment| !instalment.owed.is_zero());
	}

	/// Settles the accepted lease `id` now: closes its due periods with the vehicle's current
	/// odometer, pays the holder from the prepayment, moves its `DueLeases` entry to the next
	/// due date, ends a paid-up default and completes a lease with nothing left (see
	/// [`Self::conclude`]). Every call that touches a running lease does this first.
	///
	/// Returns the lease as stored now, or `None` if it completed.
	pub(crate) fn settle_lease(id: LeaseId) -> Result<Option<Lease<T>>, DispatchError> {
		let mut lease = Self::lease(id)?;
		ensure!(lease.is_accepted(), Error::<T>::NotRunning);
		let scheduled = lease.next_due();
		let current_km = T::Odometer::current_km(lease.vehicle);
		let (closed, drawn) = Self::advance(&mut lease, Self::now(), current_km)?;
		Self::pay_from_hold(HoldReason::Prepayment, &lease.lessee, &lease.holder, drawn)?;
		lease.paid = lease.paid.saturating_add(drawn);
		for instalment in closed {
			Self::deposit_event(Event::PeriodSettled {
				lease: id,
				period: instalment.period,
				km: instalment.km,
				amount: instalment.owed,
				due: instalment.due,
			});
		}
		if !drawn.is_zero() {
			Self::deposit_event(Event::PrepaymentDrawn { lease: id, amount: drawn });
		}
		let next = lease.next_due();
		if next != scheduled {
			if let Some(due) = scheduled {
				DueLeases::<T>::remove(due, id);
			}
			if let Some(due) = next {
				DueLeases::<T>::insert(due, id, ());
			}
		}
		Self::conclude(id, lease)
	}

	/// Stores an accepted lease after a change: a defaulted lease whose arrears are paid runs
	/// again (`ImmobilisationRevoked`), and a lease with every period settled and nothing owed
	/// completes (see [`Self::finish_if_paid_up`]). Returns the lease as stored, or `None` if
	/// it completed.
	pub(crate) fn conclude(
		id: LeaseId,
		mut lease: Lease<T>,
	) -> Result<Option<Lease<T>>, DispatchError> {
		Self::cure(id, &mut lease);
		if Self::finish_if_paid_up(id, &lease)? {
			return Ok(None);
		}
		Leases::<T>::insert(id, &lease);
		Ok(Some(lease))
	}

	/// Ends the default of `lease` if its arrears are paid: the vehicle may be started again.
	/// The caller stores the lease.
	pub(crate) fn cure(id: LeaseId, lease: &mut Lease<T>) {
		if matches!(lease.state, LeaseState::Defaulted { .. }) && lease.arrears.is_empty() {
			lease.state = LeaseState::Running;
			Self::deposit_event(Event::ImmobilisationRevoked { lease: id, vehicle: lease.vehicle });
		}
	}

	/// Completes `lease` if every period is settled and nothing is owed: releases the lien,
	/// the rest of the prepayment to the lessee and the deposit to the lessor, and removes the
	/// lease (`LeaseCompleted`). The lessee's operator right ends by itself at the end block.
	/// Returns whether it completed.
	pub(crate) fn finish_if_paid_up(id: LeaseId, lease: &Lease<T>) -> Result<bool, DispatchError> {
		if lease.periods_settled < lease.terms.periods || !lease.arrears.is_empty() {
			return Ok(false);
		}
		Self::release_lien_if_held(lease)?;
		Self::close_lease(id, lease);
		Self::deposit_event(Event::LeaseCompleted { lease: id, vehicle: lease.vehicle });
		Ok(true)
	}

	/// Releases the holder's lien on the lease's vehicle, if it still stands (governance's
	/// scrapping ends it without the lease).
	pub(crate) fn release_lien_if_held(lease: &Lease<T>) -> DispatchResult {
		if T::Vehicles::lien_holder(lease.vehicle).as_ref() == Some(&lease.holder) {
			T::Vehicles::release_lien(&lease.holder, lease.vehicle)?;
		}
		Ok(())
	}

	/// Removes an accepted lease and returns its money: the rest of the prepayment to the
	/// lessee, the deposit to the lessor; its `DueLeases` entry and the vehicle's index go
	/// too. The lien and the operator right are the caller's to end (or keep), and so is the
	/// event.
	pub(crate) fn close_lease(id: LeaseId, lease: &Lease<T>) {
		Self::release(HoldReason::Prepayment, &lease.lessee, lease.prepaid);
		Self::release(HoldReason::Deposit, &lease.owner, lease.deposit);
		if let Some(due) = lease.next_due() {
			DueLeases::<T>::remove(due, id);
		}
		Leases::<T>::remove(id);
		VehicleLease::<T>::remove(lease.vehicle);
	}

	/// Where `lease` stands at `now`, as settled (settle or `advance` it first).
	pub fn standing(lease: &Lease<T>, now: BlockNumberFor<T>) -> Standing {
		match lease.state {
			LeaseState::Offered { .. } => Standing::Offered,
			LeaseState::Defaulted { .. } => Standing::Defaulted,
			LeaseState::Running => match lease.arrears.first() {
				None => Standing::Current,
				Some(oldest) if now <= oldest.due.saturating_add(lease.terms.grace) => {
					Standing::Grace
				}
				Some(_) => Standing::Delinquent,
			},
		}
	}

	/// Whether the holder may request a default of `lease` (as settled) at `now`: its oldest
	/// unpaid instalment is past its due date, grace and notice.
	pub fn default_allowed(lease: &Lease<T>, now: BlockNumberFor<T>) -> bool {
		lease.arrears.first().is_some_and(|oldest| {
			now > oldest.due.saturating_add(lease.terms.grace).saturating_add(lease.terms.notice)
		})
	}

	/// What buying `lease` (as settled) out costs at `now` with the odometer at `current_km`:
	/// the arrears, the open period's charge so far (its base fee, and the km beyond the part
	/// of the included km its elapsed blocks earned, rounded down), the base fees of the later
	/// periods, and the purchase price.
	pub fn payoff(
		lease: &Lease<T>,
		now: BlockNumberFor<T>,
		current_km: Option<Km>,
	) -> Result<BalanceOf<T>, DispatchError> {
		let overflow = || DispatchError::from(Error::<T>::ArithmeticOverflow);
		let terms = &lease.terms;
		let mut total = lease.arrears_total();
		if lease.periods_settled < terms.periods {
			let km = lease.odometer_now(current_km).saturating_sub(lease.period_start_km);
			let elapsed = now.saturating_sub(lease.period_start()).min(terms.period_length);
			let included = multiply_by_rational_with_rounding(
				u128::from(terms.included_km),
				elapsed.saturated_into::<u128>(),
				terms.period_length.saturated_into::<u128>(),
				Rounding::Down,
			)
			.ok_or_else(overflow)?;
			// At most `included_km`: `elapsed` is at most a period.
			let included = Km::try_from(included).unwrap_or(terms.included_km);
			let open = terms.charge(km, included).ok_or_else(overflow)?;
			let later = terms.periods.saturating_sub(lease.periods_settled).saturating_sub(1);
			let later_fees =
				terms.base_fee.checked_mul(&BalanceOf::<T>::from(later)).ok_or_else(overflow)?;
			total = total
				.checked_add(&open)
				.and_then(|t| t.checked_add(&later_fees))
				.ok_or_else(overflow)?;
		}
		total.checked_add(&terms.purchase_price).ok_or_else(overflow)
	}

	/// Settles due leases, walking `DueLeases` from `DueCursor` up to `now`: the leases due in
	/// the cursor's block are settled, then the cursor moves on a block. Each block costs a
	/// read, each lease `WeightInfo::settle`; it stops when the next would not fit in
	/// `remaining`, or after [`MAX_BLOCKS_WALKED_PER_IDLE`] blocks, and goes on from there in
	/// the next block. A lease whose settlement fails is left as it was (its `settle` call
	/// shows why): one lease never blocks the others. Returns the weight used.
	pub(crate) fn settle_due(now: BlockNumberFor<T>, remaining: Weight) -> Weight {
		let db: RuntimeDbWeight = <T as frame_system::Config>::DbWeight::get();
		let settle = T::WeightInfo::settle();
		let block_read = db.reads(1);
		let mut used = db.reads_writes(1, 1);
		if used.any_gt(remaining) {
			return Weight::zero();
		}
		let mut cursor = DueCursor::<T>::get().unwrap_or(now);
		let mut walked: u32 = 0;
		while cursor <= now
			&& walked < MAX_BLOCKS_WALKED_PER_IDLE
			&& used.saturating_add(block_read).all_lte(remaining)
		{
			walked = walked.saturating_add(1);
			used.saturating_accrue(block_read);
			let room = how_many(remaining.saturating_sub(used), settle);
			let due: Vec<LeaseId> =
				DueLeases::<T>::iter_key_prefix(cursor).take(room.saturating_add(1)).collect();
			let more = due.len() > room;
			for id in due.into_iter().take(room) {
				let _ = with_storage_layer(|| Self::settle_lease(id).map(|_| ()));
				used.saturating_accrue(settle);
			}
			if more {
				break;
			}
			cursor = cursor.saturating_add(One::one());
		}
		DueCursor::<T>::put(cursor);
		used
	}

	pub(crate) fn do_settle(id: LeaseId) -> DispatchResult {
		let lease = Self::lease(id)?;
		ensure!(lease.is_accepted(), Error::<T>::NotRunning);
		ensure!(lease.next_due().is_some_and(|due| due <= Self::now()), Error::<T>::NothingDue);
		Self::settle_lease(id).map(|_| ())
	}
}

/// The most blocks one `on_idle` walks. A live chain walks one block a block, so this never
/// binds there; after blocks without idle time it catches up this many times faster than it
/// fell behind, and a test chain that jumps a month of blocks (the fuzzer) does not spend every
/// block's idle time reading empty ones. Calls on a lease settle it first in any case.
pub(crate) const MAX_BLOCKS_WALKED_PER_IDLE: u32 = 256;

/// How many steps of weight `each` fit in `room` (without bound if `each` is zero).
fn how_many(room: Weight, each: Weight) -> usize {
	let per = |room: u64, each: u64| room.checked_div(each).unwrap_or(u64::MAX);
	let steps =
		per(room.ref_time(), each.ref_time()).min(per(room.proof_size(), each.proof_size()));
	usize::try_from(steps).unwrap_or(usize::MAX)
}
