//! Claims: filed by the holder, approved or rejected by the insurer, escalated to
//! governance, whose decision is final; and ended policies' records closed afterwards.

use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	sp_runtime::{
		traits::{CheckedSub, Zero},
		DispatchError, DispatchResult, Saturating,
	},
};

use crate::{
	BalanceOf, Claim, ClaimId, ClaimOf, ClaimStatus, Claims, Config, DocumentHash, Error, Event,
	HoldReason, Insurers, NextClaimId, Pallet, Policies, PolicyId, PolicyStatus, Products,
	RejectionReason,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_file_claim(
		holder: T::AccountId,
		policy_id: PolicyId,
		amount: BalanceOf<T>,
		evidence: DocumentHash,
	) -> Result<ClaimId, DispatchError> {
		let mut policy = Policies::<T>::get(policy_id).ok_or(Error::<T>::PolicyNotFound)?;
		ensure!(policy.holder == holder, Error::<T>::NotHolder);
		let now = Self::now();
		if let PolicyStatus::Ended { at, .. } = policy.status {
			ensure!(now < at.saturating_add(T::ClaimWindow::get()), Error::<T>::ClaimWindowClosed);
		}
		let product = Products::<T>::get(policy.product).ok_or(Error::<T>::ProductNotFound)?;
		let above_deductible = amount
			.checked_sub(&product.terms.deductible)
			.filter(|above| !above.is_zero())
			.ok_or(Error::<T>::BelowDeductible)?;
		ensure!(policy.open_claims < T::MaxOpenClaimsPerPolicy::get(), Error::<T>::TooManyClaims);
		let id = NextClaimId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let deposit = T::ClaimDeposit::get();
		Self::hold(HoldReason::Claim, &holder, deposit)?;

		// The possible payout stays in the pool until the claim is decided.
		let reserved = above_deductible.min(policy.cover_left);
		Self::add_reserve(&policy.insurer, reserved);
		policy.open_claims = policy.open_claims.saturating_add(1);
		let claim = Claim {
			policy: policy_id,
			holder,
			insurer: policy.insurer.clone(),
			amount,
			reserved,
			evidence,
			filed_at: now,
			status: ClaimStatus::Filed,
			deposit,
		};
		Policies::<T>::insert(policy_id, policy);
		Claims::<T>::insert(id, claim);
		NextClaimId::<T>::put(next);
		Self::deposit_event(Event::ClaimFiled { claim: id, policy: policy_id, amount });
		Ok(id)
	}

	pub(crate) fn do_approve_claim(insurer: T::AccountId, id: ClaimId) -> DispatchResult {
		let claim = Self::insurers_filed_claim(&insurer, id)?;
		let payout = Self::decide(id, claim, true)?;
		Self::deposit_event(Event::ClaimApproved { claim: id, payout });
		Ok(())
	}

	pub(crate) fn do_reject_claim(
		insurer: T::AccountId,
		id: ClaimId,
		reason: RejectionReason,
	) -> DispatchResult {
		let mut claim = Self::insurers_filed_claim(&insurer, id)?;
		claim.status = ClaimStatus::Rejected { at: Self::now(), reason };
		Self::remove_reserve(&claim.insurer, claim.reserved);
		Claims::<T>::insert(id, claim);
		Self::deposit_event(Event::ClaimRejected { claim: id, reason });
		Ok(())
	}

	pub(crate) fn do_escalate_claim(holder: T::AccountId, id: ClaimId) -> DispatchResult {
		let mut claim = Claims::<T>::get(id).ok_or(Error::<T>::ClaimNotFound)?;
		ensure!(claim.holder == holder, Error::<T>::NotHolder);
		let now = Self::now();
		match claim.status {
			ClaimStatus::Rejected { at, .. } => {
				ensure!(
					now <= at.saturating_add(T::EscalationWindow::get()),
					Error::<T>::NotEscalatable
				);
				// Undecided again: its possible payout goes back into reserve.
				Self::add_reserve(&claim.insurer, claim.reserved);
			}
			ClaimStatus::Filed => ensure!(
				now > claim.filed_at.saturating_add(T::DecisionDeadline::get()),
				Error::<T>::NotEscalatable
			),
			ClaimStatus::Escalated => return Err(Error::<T>::NotEscalatable.into()),
		}
		claim.status = ClaimStatus::Escalated;
		Claims::<T>::insert(id, claim);
		Self::deposit_event(Event::ClaimEscalated { claim: id });
		Ok(())
	}

	pub(crate) fn do_decide_claim(id: ClaimId, approve: bool) -> DispatchResult {
		let claim = Claims::<T>::get(id).ok_or(Error::<T>::ClaimNotFound)?;
		ensure!(claim.status == ClaimStatus::Escalated, Error::<T>::NotEscalated);
		let payout = Self::decide(id, claim, approve)?;
		Self::deposit_event(Event::ClaimDecided { claim: id, approved: approve, payout });
		Ok(())
	}

	pub(crate) fn do_close_claim(id: ClaimId) -> DispatchResult {
		let claim = Claims::<T>::get(id).ok_or(Error::<T>::ClaimNotFound)?;
		let ClaimStatus::Rejected { at, .. } = claim.status else {
			return Err(Error::<T>::EscalationWindowOpen.into());
		};
		ensure!(
			Self::now() > at.saturating_add(T::EscalationWindow::get()),
			Error::<T>::EscalationWindowOpen
		);
		Self::remove_claim(id, &claim)?;
		Self::deposit_event(Event::ClaimClosed { claim: id });
		Ok(())
	}

	pub(crate) fn do_close_policy(id: PolicyId) -> DispatchResult {
		let policy = Policies::<T>::get(id).ok_or(Error::<T>::PolicyNotFound)?;
		let PolicyStatus::Ended { at, .. } = policy.status else {
			return Err(Error::<T>::PolicyStillOpen.into());
		};
		ensure!(
			Self::now() >= at.saturating_add(T::ClaimWindow::get()) && policy.open_claims == 0,
			Error::<T>::PolicyStillOpen
		);
		Self::release(HoldReason::Policy, &policy.holder, policy.deposit)?;
		Policies::<T>::remove(id);
		Self::deposit_event(Event::PolicyClosed { policy: id });
		Ok(())
	}

	/// Decides an undecided (filed or escalated) claim for good: approved, the amount above
	/// the deductible, capped by the policy's remaining cover and by the pool, goes from the
	/// pool to the holder (an active policy's exposure goes down with its cover). Its reserve
	/// and deposit are released and the claim removed. Returns the payout.
	fn decide(
		id: ClaimId,
		claim: ClaimOf<T>,
		approve: bool,
	) -> Result<BalanceOf<T>, DispatchError> {
		let mut policy = Policies::<T>::get(claim.policy).ok_or(Error::<T>::PolicyNotFound)?;
		let product = Products::<T>::get(policy.product).ok_or(Error::<T>::ProductNotFound)?;
		let payout = if approve {
			claim
				.amount
				.saturating_sub(product.terms.deductible)
				.min(policy.cover_left)
				.min(Self::pool_held(&claim.insurer))
		} else {
			Zero::zero()
		};
		Self::pay_from_hold(HoldReason::Pool, &claim.insurer, &claim.holder, payout)?;
		policy.cover_left = policy.cover_left.saturating_sub(payout);
		let active = policy.status == PolicyStatus::Active;
		Insurers::<T>::mutate(&claim.insurer, |insurer| {
			if let Some(insurer) = insurer {
				insurer.claims_reserved = insurer.claims_reserved.saturating_sub(claim.reserved);
				if active {
					insurer.exposure = insurer.exposure.saturating_sub(payout);
				}
			}
		});
		Policies::<T>::insert(claim.policy, policy);
		Self::remove_claim(id, &claim)?;
		Ok(payout)
	}

	/// Releases a claim's deposit, removes it and counts it off its policy.
	fn remove_claim(id: ClaimId, claim: &ClaimOf<T>) -> DispatchResult {
		Self::release(HoldReason::Claim, &claim.holder, claim.deposit)?;
		Policies::<T>::mutate(claim.policy, |policy| {
			if let Some(policy) = policy {
				policy.open_claims = policy.open_claims.saturating_sub(1);
			}
		});
		Claims::<T>::remove(id);
		Ok(())
	}

	/// The filed claim `id`, if `insurer` is its insurer.
	fn insurers_filed_claim(
		insurer: &T::AccountId,
		id: ClaimId,
	) -> Result<ClaimOf<T>, DispatchError> {
		let claim = Claims::<T>::get(id).ok_or(Error::<T>::ClaimNotFound)?;
		ensure!(claim.insurer == *insurer, Error::<T>::NotProductInsurer);
		ensure!(claim.status == ClaimStatus::Filed, Error::<T>::ClaimNotFiled);
		Ok(claim)
	}

	fn add_reserve(insurer: &T::AccountId, amount: BalanceOf<T>) {
		Insurers::<T>::mutate(insurer, |entry| {
			if let Some(entry) = entry {
				entry.claims_reserved = entry.claims_reserved.saturating_add(amount);
			}
		});
	}

	fn remove_reserve(insurer: &T::AccountId, amount: BalanceOf<T>) {
		Insurers::<T>::mutate(insurer, |entry| {
			if let Some(entry) = entry {
				entry.claims_reserved = entry.claims_reserved.saturating_sub(amount);
			}
		});
	}
}
