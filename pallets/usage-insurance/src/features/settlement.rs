//! Premiums: computed from a product's terms and a period's usage, settled at the period's
//! end by anyone or by `on_idle`, and charged pro rata when a policy ends early.

use polkadot_sdk::{
	frame_support::{defensive, ensure, storage::with_storage_layer, traits::Get, weights::Weight},
	frame_system::pallet_prelude::BlockNumberFor,
	sp_runtime::{
		helpers_128bit::multiply_by_rational_with_rounding,
		traits::{Bounded, CheckedAdd, CheckedMul, One, Zero},
		DispatchResult, Rounding, SaturatedConversion, Saturating,
	},
};
use v2x_primitives::VehicleRegistry;

use crate::{
	BalanceOf, Config, DueAt, EndReason, Error, Event, HoldReason, Pallet, Policies, PolicyId,
	PolicyOf, PolicyStatus, ProductTermsOf, Products, SettlementCursor, Usage, WeightInfo,
};

impl<T: Config> Pallet<T> {
	/// A full period's premium: base + km x rate + each risk event x its surcharge. `None` if
	/// it does not fit the balance type.
	pub fn premium(terms: &ProductTermsOf<T>, usage: &Usage) -> Option<BalanceOf<T>> {
		terms.base_premium.checked_add(&Self::usage_charge(terms, usage)?)
	}

	/// What a period's usage costs on top of the base premium.
	fn usage_charge(terms: &ProductTermsOf<T>, usage: &Usage) -> Option<BalanceOf<T>> {
		let per = |price: BalanceOf<T>, count: u32| price.checked_mul(&BalanceOf::<T>::from(count));
		let surcharges = &terms.surcharges;
		per(terms.rate_per_km, usage.km)?
			.checked_add(&per(surcharges.harsh_braking, usage.events.harsh_braking)?)?
			.checked_add(&per(surcharges.speeding, usage.events.speeding)?)?
			.checked_add(&per(surcharges.night_km, usage.events.night_km)?)
	}

	/// What a policy ended in block `now` owes for its running period: the base premium for
	/// the blocks of the period begun by then, `now` included (`now - period_start + 1`, at
	/// most the period's length), rounded down, plus the period's whole usage charge.
	pub(crate) fn pro_rata_charge(
		policy: &PolicyOf<T>,
		terms: &ProductTermsOf<T>,
		now: BlockNumberFor<T>,
	) -> BalanceOf<T> {
		let length = terms.period_length;
		let elapsed =
			now.saturating_sub(policy.period_start).saturating_add(One::one()).min(length);
		let base = multiply_by_rational_with_rounding(
			terms.base_premium.saturated_into::<u128>(),
			elapsed.saturated_into::<u128>(),
			length.saturated_into::<u128>(),
			Rounding::Down,
		)
		.map_or(terms.base_premium, |base| base.saturated_into::<BalanceOf<T>>());
		// Reports keep the usage charge computable; saturating is only a defence.
		let usage = Self::usage_charge(terms, &policy.usage).unwrap_or_else(Bounded::max_value);
		base.saturating_add(usage)
	}

	/// Puts an active policy whose period ends in `period_end` on the settlement schedule,
	/// never behind `on_idle`'s cursor; returns its key.
	pub(crate) fn schedule(id: PolicyId, period_end: BlockNumberFor<T>) -> BlockNumberFor<T> {
		let key = period_end.saturating_add(One::one()).max(SettlementCursor::<T>::get());
		DueAt::<T>::insert(key, id, ());
		key
	}

	pub(crate) fn do_settle(id: PolicyId) -> DispatchResult {
		let mut policy = Policies::<T>::get(id).ok_or(Error::<T>::PolicyNotFound)?;
		ensure!(policy.status == PolicyStatus::Active, Error::<T>::PolicyNotActive);
		ensure!(Self::now() > policy.period_end, Error::<T>::PeriodNotEnded);
		let product = Products::<T>::get(policy.product).ok_or(Error::<T>::ProductNotFound)?;
		// Reports keep the premium computable; saturating is only a defence.
		let premium =
			Self::premium(&product.terms, &policy.usage).unwrap_or_else(Bounded::max_value);
		let paid = premium.min(policy.prepaid);
		Self::pay_from_hold(HoldReason::Prepayment, &policy.holder, &policy.insurer, paid)?;
		policy.prepaid = policy.prepaid.saturating_sub(paid);
		DueAt::<T>::remove(policy.scheduled_at, id);

		if paid < premium {
			let shortfall = premium.saturating_sub(paid);
			policy.shortfall = shortfall;
			Self::finish_policy(id, policy, EndReason::Lapsed, product)?;
			Self::deposit_event(Event::PolicyLapsed { policy: id, premium, paid, shortfall });
			return Ok(());
		}

		policy.period_start = policy.period_end.saturating_add(One::one());
		policy.period_end = Self::last_block_of_period(policy.period_start, &product);
		policy.usage = Usage::default();
		if !T::Vehicles::may_operate(policy.vehicle, &policy.holder) {
			Self::deposit_event(Event::PeriodSettled {
				policy: id,
				premium,
				paid,
				next_period_end: None,
			});
			let refunded = policy.prepaid;
			Self::release(HoldReason::Prepayment, &policy.holder, refunded)?;
			policy.prepaid = Zero::zero();
			Self::finish_policy(id, policy, EndReason::HolderLeft, product)?;
			Self::deposit_event(Event::PolicyEnded {
				policy: id,
				reason: EndReason::HolderLeft,
				charged: Zero::zero(),
				refunded,
			});
			return Ok(());
		}
		let next_period_end = policy.period_end;
		policy.scheduled_at = Self::schedule(id, next_period_end);
		Policies::<T>::insert(id, policy);
		Self::deposit_event(Event::PeriodSettled {
			policy: id,
			premium,
			paid,
			next_period_end: Some(next_period_end),
		});
		Ok(())
	}

	/// Settles due policies, walking `SettlementCursor` up to `now`: each step settles one
	/// policy due at the cursor, or moves the cursor on one block. At most
	/// `MaxSettlementsPerBlock` steps, and only while a step's worst case fits in
	/// `remaining`. Returns the weight used.
	pub(crate) fn settle_due(now: BlockNumberFor<T>, remaining: Weight) -> Weight {
		let settle_step = T::WeightInfo::on_idle_settle();
		let empty_step = T::WeightInfo::on_idle_empty_step();
		let worst_step = settle_step.max(empty_step);
		let mut used = Weight::zero();
		let mut cursor = SettlementCursor::<T>::get();
		for _ in 0..T::MaxSettlementsPerBlock::get() {
			if cursor > now || used.saturating_add(worst_step).any_gt(remaining) {
				break;
			}
			match DueAt::<T>::iter_key_prefix(cursor).next() {
				Some(id) => {
					if with_storage_layer(|| Self::do_settle(id)).is_err() {
						defensive!("a due policy could not be settled");
						Self::defer(cursor, id);
					}
					used = used.saturating_add(settle_step);
				}
				None => {
					cursor = cursor.saturating_add(One::one());
					// Stored at once: a renewal scheduled in this block must not land behind it.
					SettlementCursor::<T>::put(cursor);
					used = used.saturating_add(empty_step);
				}
			}
		}
		used
	}

	/// Moves a policy that could not be settled to the next block's schedule, so `on_idle`
	/// goes on; `try_state` and the `settle` call show what is wrong with it.
	fn defer(key: BlockNumberFor<T>, id: PolicyId) {
		DueAt::<T>::remove(key, id);
		Policies::<T>::mutate(id, |policy| {
			if let Some(policy) = policy.as_mut().filter(|p| p.status == PolicyStatus::Active) {
				let next = key.saturating_add(One::one());
				policy.scheduled_at = next;
				DueAt::<T>::insert(next, id, ());
			}
		});
	}
}
