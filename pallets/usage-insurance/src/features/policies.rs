//! Policies: bought by a vehicle's owner or operator, topped up, cancelled, ended by a sale,
//! theft or scrapping; and the usage their vehicle's device reports.

use polkadot_sdk::{
	frame_support::{ensure, traits::Get, weights::Weight},
	sp_runtime::{
		traits::{CheckedAdd, One, Zero},
		DispatchError, DispatchResult, Saturating,
	},
};
use v2x_primitives::{
	Km, OdometerLog, OperatingRight, ReadingVerdict, VehicleId, VehicleRegistry, VehicleStatus,
};

use crate::{
	ActivePolicy, BalanceOf, Config, DueAt, EndReason, Error, Event, HoldReason, HolderRole,
	Insurers, NextPolicyId, Pallet, Policies, Policy, PolicyId, PolicyOf, PolicyStatus, ProductId,
	ProductOf, Products, RiskEvents, Usage, WeightInfo,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_buy_policy(
		buyer: T::AccountId,
		vehicle: VehicleId,
		product_id: ProductId,
		prepayment: BalanceOf<T>,
	) -> Result<PolicyId, DispatchError> {
		let product = Products::<T>::get(product_id).ok_or(Error::<T>::ProductNotFound)?;
		ensure!(!product.retired, Error::<T>::ProductRetired);
		Self::selling_insurer(&product.insurer)?;
		ensure!(
			T::Vehicles::status(vehicle) == Some(VehicleStatus::Active),
			Error::<T>::VehicleNotActive
		);
		let holder_role = match T::Vehicles::operating_right(vehicle, &buyer) {
			Some(OperatingRight::Owner) => HolderRole::Owner,
			Some(OperatingRight::OperatorUntil(_)) => HolderRole::Operator,
			None => return Err(Error::<T>::NotOperator.into()),
		};
		Self::end_departed_holders_policy(vehicle)?;
		// Ending that policy may have changed this product and insurer: read them again.
		let mut product = Products::<T>::get(product_id).ok_or(Error::<T>::ProductNotFound)?;
		let mut insurer = Self::selling_insurer(&product.insurer)?;
		ensure!(prepayment >= product.terms.base_premium, Error::<T>::PrepaymentTooLow);
		let max_cover = product.terms.max_cover;
		Self::ensure_solvent_with(&product.insurer, &insurer, max_cover)?;
		let id = NextPolicyId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let open_policies = product.open_policies.checked_add(1).ok_or(Error::<T>::Overflow)?;

		let deposit = T::PolicyDeposit::get();
		Self::hold(HoldReason::Policy, &buyer, deposit)?;
		Self::hold(HoldReason::Prepayment, &buyer, prepayment)?;

		let now = Self::now();
		let period_end = Self::last_block_of_period(now, &product);
		let scheduled_at = Self::schedule(id, period_end);
		insurer.exposure = insurer.exposure.saturating_add(max_cover);
		Insurers::<T>::insert(&product.insurer, insurer);
		product.open_policies = open_policies;
		let policy = Policy {
			holder: buyer.clone(),
			vehicle,
			product: product_id,
			insurer: product.insurer.clone(),
			status: PolicyStatus::Active,
			started_at: now,
			period_start: now,
			period_end,
			scheduled_at,
			prepaid: prepayment,
			cover_left: max_cover,
			usage: Usage::default(),
			last_km: T::Odometer::current_km(vehicle),
			shortfall: Zero::zero(),
			open_claims: 0,
			deposit,
			terms: product.terms,
			holder_role,
		};
		Products::<T>::insert(product_id, product);
		Policies::<T>::insert(id, policy);
		ActivePolicy::<T>::insert(vehicle, id);
		NextPolicyId::<T>::put(next);
		Self::deposit_event(Event::PolicyBought {
			policy: id,
			vehicle,
			product: product_id,
			holder: buyer,
			prepaid: prepayment,
			period_end,
		});
		Ok(id)
	}

	pub(crate) fn do_top_up(
		holder: T::AccountId,
		id: PolicyId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		let mut policy = Self::holders_active_policy(&holder, id)?;
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		policy.prepaid = policy.prepaid.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		Self::hold(HoldReason::Prepayment, &holder, amount)?;
		let prepaid = policy.prepaid;
		Policies::<T>::insert(id, policy);
		Self::deposit_event(Event::PolicyToppedUp { policy: id, amount, prepaid });
		Ok(())
	}

	pub(crate) fn do_cancel_policy(holder: T::AccountId, id: PolicyId) -> DispatchResult {
		let policy = Self::holders_active_policy(&holder, id)?;
		ensure!(Self::now() <= policy.period_end, Error::<T>::PeriodEnded);
		Self::end_pro_rata(id, policy, EndReason::Cancelled)
	}

	/// Returns the weight the report used (see [`Self::report_usage_weight`]).
	pub(crate) fn do_report_usage(
		device: T::AccountId,
		odometer_km: Km,
		events: RiskEvents,
	) -> Result<Weight, DispatchError> {
		let vehicle = T::Vehicles::vehicle_of_device(&device).ok_or(Error::<T>::NotDevice)?;
		let id = ActivePolicy::<T>::get(vehicle).ok_or(Error::<T>::NoActivePolicy)?;
		let mut policy = Policies::<T>::get(id).ok_or(Error::<T>::PolicyNotFound)?;
		ensure!(Self::now() <= policy.period_end, Error::<T>::PeriodEnded);
		// The vehicle's usage is no longer the holder's: refused rather than left unbilled,
		// so the device learns the policy must end and nothing is recorded as billed to it.
		// An owner's active policy implies the ownership ([`HolderRole`]): not looked up.
		ensure!(
			policy.holder_role == HolderRole::Owner
				|| T::Vehicles::may_operate(vehicle, &policy.holder),
			Error::<T>::HolderLeft
		);

		// A policy bought before the vehicle's first reading counts from the first reading
		// anyone recorded since (a workshop's, a charger's), so that distance is billed too.
		let baseline = policy.last_km.or_else(|| T::Odometer::current_km(vehicle));
		// A flagged reading stays in the history as evidence: the call goes on. The vehicle
		// was found through the device's binding, so it takes readings.
		let verdict = T::Odometer::record_bound_device_reading(vehicle, odometer_km)?;
		// Billed: the history's own accepted distance since the last report, never the
		// reading itself, so a rollback or implausible jump never changes the bill.
		let (km_added, last_km) = match (baseline, T::Odometer::current_km(vehicle)) {
			(Some(last), Some(current)) => (current.saturating_sub(last), Some(current.max(last))),
			(None, current) => (0, current),
			(last, None) => (0, last),
		};
		policy.usage.km = policy.usage.km.checked_add(km_added).ok_or(Error::<T>::Overflow)?;
		policy.usage.events = policy.usage.events.saturating_add(events);
		policy.last_km = last_km;
		// The period's premium must stay computable, so settling it never fails.
		Self::premium(&policy.terms, &policy.usage).ok_or(Error::<T>::Overflow)?;
		let period_km = policy.usage.km;
		let used = Self::report_usage_actual_weight(policy.holder_role, verdict);
		Policies::<T>::insert(id, policy);
		Self::deposit_event(Event::UsageReported {
			policy: id,
			vehicle,
			odometer_km,
			verdict,
			km_added,
			period_km,
		});
		Ok(used)
	}

	/// What `report_usage` declares: an operator's policy (its right is looked up) and a
	/// flagged reading (the history writes its evidence).
	pub(crate) fn report_usage_weight() -> Weight {
		T::WeightInfo::report_usage().max(T::WeightInfo::report_usage_by_operator_flagged())
	}

	/// What a report on a policy held in `role` with a reading judged `verdict` used: the hot
	/// path (an owner's policy, a consistent reading) is refunded the rest.
	fn report_usage_actual_weight(role: HolderRole, verdict: ReadingVerdict) -> Weight {
		match (role, verdict) {
			(HolderRole::Owner, ReadingVerdict::Consistent) => T::WeightInfo::report_usage(),
			_ => Self::report_usage_weight(),
		}
	}

	pub(crate) fn do_end_holder_left(id: PolicyId) -> DispatchResult {
		let policy = Policies::<T>::get(id).ok_or(Error::<T>::PolicyNotFound)?;
		ensure!(policy.status == PolicyStatus::Active, Error::<T>::PolicyNotActive);
		ensure!(
			!T::Vehicles::may_operate(policy.vehicle, &policy.holder),
			Error::<T>::HolderStillOperates
		);
		Self::end_for_holder_left(id, policy)
	}

	/// Makes way for a new policy on `vehicle`: ends its active policy if the holder may no
	/// longer operate the vehicle; `AlreadyInsured` if the holder still may.
	fn end_departed_holders_policy(vehicle: VehicleId) -> DispatchResult {
		let Some(id) = ActivePolicy::<T>::get(vehicle) else { return Ok(()) };
		let policy = Policies::<T>::get(id).ok_or(Error::<T>::PolicyNotFound)?;
		ensure!(
			!T::Vehicles::may_operate(policy.vehicle, &policy.holder),
			Error::<T>::AlreadyInsured
		);
		Self::end_for_holder_left(id, policy)
	}

	/// Ends the active policy `id`, whose holder may no longer operate the vehicle: a running
	/// period pro rata ([`Self::end_pro_rata`]); a period that ended is settled instead, as
	/// `on_idle` would, and settling a departed holder's policy ends it.
	fn end_for_holder_left(id: PolicyId, policy: PolicyOf<T>) -> DispatchResult {
		if Self::now() > policy.period_end {
			Self::do_settle(id)
		} else {
			Self::end_pro_rata(id, policy, EndReason::HolderLeft)
		}
	}

	/// The most ending a departed holder's policy costs: pro rata, or a settlement.
	pub(crate) fn end_holder_left_weight() -> polkadot_sdk::frame_support::weights::Weight {
		use crate::WeightInfo;
		T::WeightInfo::end_holder_left().max(T::WeightInfo::settle())
	}

	/// Ends an active policy now: the running period is charged pro rata
	/// ([`Self::pro_rata_charge`]) from the prepayment (what is there, if short), the rest is
	/// released to the holder.
	pub(crate) fn end_pro_rata(
		id: PolicyId,
		mut policy: PolicyOf<T>,
		reason: EndReason,
	) -> DispatchResult {
		let product = Products::<T>::get(policy.product).ok_or(Error::<T>::ProductNotFound)?;
		let charge = Self::pro_rata_charge(&policy, &product.terms, Self::now());
		let charged = charge.min(policy.prepaid);
		Self::pay_from_hold(HoldReason::Prepayment, &policy.holder, &policy.insurer, charged)?;
		let refunded = policy.prepaid.saturating_sub(charged);
		Self::release(HoldReason::Prepayment, &policy.holder, refunded)?;
		policy.prepaid = Zero::zero();
		Self::finish_policy(id, policy, reason, product)?;
		Self::deposit_event(Event::PolicyEnded { policy: id, reason, charged, refunded });
		Ok(())
	}

	/// Marks a policy ended (its prepayment already paid or released): its remaining cover
	/// leaves the insurer's exposure, the product has one open policy less (a retired one
	/// may release its deposit), and the vehicle is no longer insured. The record stays for
	/// claims until `close_policy`.
	pub(crate) fn finish_policy(
		id: PolicyId,
		mut policy: PolicyOf<T>,
		reason: EndReason,
		mut product: ProductOf<T>,
	) -> DispatchResult {
		policy.status = PolicyStatus::Ended { at: Self::now(), reason };
		Insurers::<T>::mutate(&policy.insurer, |insurer| {
			if let Some(insurer) = insurer {
				insurer.exposure = insurer.exposure.saturating_sub(policy.cover_left);
			}
		});
		product.open_policies = product.open_policies.saturating_sub(1);
		Self::release_retired_product_deposit(&mut product)?;
		Products::<T>::insert(policy.product, product);
		ActivePolicy::<T>::remove(policy.vehicle);
		DueAt::<T>::remove(policy.scheduled_at, id);
		Policies::<T>::insert(id, policy);
		Ok(())
	}

	/// The active policy `id`, if `holder` holds it.
	fn holders_active_policy(
		holder: &T::AccountId,
		id: PolicyId,
	) -> Result<PolicyOf<T>, DispatchError> {
		let policy = Policies::<T>::get(id).ok_or(Error::<T>::PolicyNotFound)?;
		ensure!(policy.holder == *holder, Error::<T>::NotHolder);
		ensure!(policy.status == PolicyStatus::Active, Error::<T>::PolicyNotActive);
		Ok(policy)
	}

	/// The last block of a period of `product` starting in block `start`.
	pub(crate) fn last_block_of_period(
		start: polkadot_sdk::frame_system::pallet_prelude::BlockNumberFor<T>,
		product: &ProductOf<T>,
	) -> polkadot_sdk::frame_system::pallet_prelude::BlockNumberFor<T> {
		start.saturating_add(product.terms.period_length).saturating_sub(One::one())
	}
}
