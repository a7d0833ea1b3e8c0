//! The invariants of insurance, checked after every test and by `try-runtime`.
//!
//! Not an invariant: the pool holding `SolvencyRatio` x exposure + claims reserved. That is
//! enforced where the insurer acts (a sale, a withdrawal), but a holder filing a claim raises
//! the requirement without touching the pool, and a payout can lower the pool by more than
//! the requirement (a ratio below 100 %, or a claim on an ended policy). The pool is what
//! the insurer deposited; the checks here are the bookkeeping that the requirement is
//! computed from, and the holds behind every promise.

use alloc::collections::{BTreeMap, BTreeSet};
use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{fungible::InspectHold, Get},
	},
	frame_system,
	sp_runtime::{traits::Zero, Saturating, TryRuntimeError},
};

use v2x_primitives::VehicleRegistry;

use crate::{
	ActivePolicy, BalanceOf, ClaimStatus, Claims, Config, DueAt, HoldReason, HolderRole, Insurers,
	NextClaimId, NextPolicyId, NextProductId, Pallet, Policies, PolicyStatus, Products,
};

type Sums<T> = BTreeMap<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

fn add<T: Config>(sums: &mut Sums<T>, who: &T::AccountId, amount: BalanceOf<T>) {
	let sum = sums.entry(who.clone()).or_insert_with(Zero::zero);
	*sum = sum.saturating_add(amount);
}

impl<T: Config> Pallet<T> {
	/// Checks every invariant of insurance; `Err` names the first one broken.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::check_products()?;
		Self::check_policies()?;
		Self::check_claims()?;
		Self::check_insurers()
	}

	/// Product ids are below the next id, each product's insurer is approved, its deposit is
	/// held while it is live or has open policies, and open policy counts are right.
	fn check_products() -> Result<(), TryRuntimeError> {
		let mut open = BTreeMap::<u32, u32>::new();
		for policy in Policies::<T>::iter_values() {
			if policy.status == PolicyStatus::Active {
				let count = open.entry(policy.product).or_insert(0);
				*count = count.saturating_add(1);
			}
		}
		let mut deposits = Sums::<T>::new();
		for (id, product) in Products::<T>::iter() {
			ensure!(id < NextProductId::<T>::get(), "a product id beyond the next id");
			ensure!(Insurers::<T>::contains_key(&product.insurer), "a product of no insurer");
			ensure!(
				product.open_policies == open.get(&id).copied().unwrap_or(0),
				"a product's open policy count disagrees with its policies"
			);
			ensure!(
				product.deposit.is_zero() == (product.retired && product.open_policies == 0),
				"a product deposit held when it should be released, or the other way round"
			);
			add::<T>(&mut deposits, &product.insurer, product.deposit);
		}
		Self::check_held(HoldReason::Product, deposits, "product deposits not held")
	}

	/// Active policies are the vehicles' active policies and are scheduled, and an owner's is
	/// held by the vehicle's owner (usage reports rely on it, see `HolderRole`); ended ones
	/// hold no prepayment; every policy carries its product's terms; holders hold every
	/// prepayment and deposit.
	fn check_policies() -> Result<(), TryRuntimeError> {
		let mut prepaid = Sums::<T>::new();
		let mut deposits = Sums::<T>::new();
		let mut active = 0usize;
		for (id, policy) in Policies::<T>::iter() {
			ensure!(id < NextPolicyId::<T>::get(), "a policy id beyond the next id");
			let product = Products::<T>::get(policy.product).ok_or("a policy of no product")?;
			ensure!(policy.terms == product.terms, "a policy's terms are not its product's");
			add::<T>(&mut deposits, &policy.holder, policy.deposit);
			match policy.status {
				PolicyStatus::Active => {
					active = active.saturating_add(1);
					add::<T>(&mut prepaid, &policy.holder, policy.prepaid);
					ensure!(
						ActivePolicy::<T>::get(policy.vehicle) == Some(id),
						"an active policy is not its vehicle's active policy"
					);
					ensure!(
						DueAt::<T>::contains_key(policy.scheduled_at, id),
						"an active policy is not scheduled for settlement"
					);
					ensure!(
						policy.scheduled_at > policy.period_end,
						"a policy is scheduled before its period ends"
					);
					ensure!(
						policy.holder_role == HolderRole::Operator
							|| T::Vehicles::owner(policy.vehicle).as_ref() == Some(&policy.holder),
						"an owner's active policy is held by someone else than the owner"
					);
				}
				PolicyStatus::Ended { .. } => {
					ensure!(policy.prepaid.is_zero(), "an ended policy keeps a prepayment");
				}
			}
		}
		ensure!(
			ActivePolicy::<T>::iter_keys().count() == active,
			"a vehicle's active policy is not an active policy"
		);
		ensure!(DueAt::<T>::iter_keys().count() == active, "a scheduled policy is not active");
		Self::check_held(HoldReason::Prepayment, prepaid, "prepayments not held")?;
		Self::check_held(HoldReason::Policy, deposits, "policy deposits not held")
	}

	/// Claims belong to stored policies, whose open claim counts are right and within the
	/// bound; holders hold their deposits.
	fn check_claims() -> Result<(), TryRuntimeError> {
		let mut open = BTreeMap::<u64, u32>::new();
		let mut deposits = Sums::<T>::new();
		for (id, claim) in Claims::<T>::iter() {
			ensure!(id < NextClaimId::<T>::get(), "a claim id beyond the next id");
			let policy = Policies::<T>::get(claim.policy).ok_or("a claim of no policy")?;
			ensure!(
				policy.holder == claim.holder && policy.insurer == claim.insurer,
				"a claim's parties are not its policy's"
			);
			let count = open.entry(claim.policy).or_insert(0);
			*count = count.saturating_add(1);
			add::<T>(&mut deposits, &claim.holder, claim.deposit);
		}
		for (id, policy) in Policies::<T>::iter() {
			let count = open.get(&id).copied().unwrap_or(0);
			ensure!(policy.open_claims == count, "a policy's open claim count is wrong");
			ensure!(count <= T::MaxOpenClaimsPerPolicy::get(), "too many open claims on a policy");
		}
		Self::check_held(HoldReason::Claim, deposits, "claim deposits not held")
	}

	/// Each insurer's exposure is the remaining cover of its active policies, its claims
	/// reserved the reserves of its undecided claims, and its product count its live
	/// products. Only insurers hold pools.
	fn check_insurers() -> Result<(), TryRuntimeError> {
		let mut exposure = Sums::<T>::new();
		for policy in Policies::<T>::iter_values() {
			if policy.status == PolicyStatus::Active {
				add::<T>(&mut exposure, &policy.insurer, policy.cover_left);
			}
		}
		let mut reserved = Sums::<T>::new();
		for claim in Claims::<T>::iter_values() {
			if matches!(claim.status, ClaimStatus::Filed | ClaimStatus::Escalated) {
				add::<T>(&mut reserved, &claim.insurer, claim.reserved);
			}
		}
		let mut insurers = BTreeSet::new();
		for (who, insurer) in Insurers::<T>::iter() {
			let zero = Zero::zero();
			ensure!(
				insurer.exposure == *exposure.get(&who).unwrap_or(&zero),
				"an insurer's exposure is not its policies' remaining cover"
			);
			ensure!(
				insurer.claims_reserved == *reserved.get(&who).unwrap_or(&zero),
				"an insurer's claims reserved are not its undecided claims' reserves"
			);
			let live = Products::<T>::iter_values()
				.filter(|product| product.insurer == who && !product.retired)
				.count();
			ensure!(insurer.products as usize == live, "an insurer's product count is wrong");
			insurers.insert(who);
		}
		let pool = HoldReason::Pool.into();
		for who in frame_system::Account::<T>::iter_keys() {
			if !insurers.contains(&who) {
				ensure!(
					T::Currency::balance_on_hold(&pool, &who).is_zero(),
					"a pool held by an account that is no insurer"
				);
			}
		}
		Ok(())
	}

	/// Every account holds exactly the sums its entries say for this reason, both ways.
	fn check_held(
		reason: HoldReason,
		sums: Sums<T>,
		message: &'static str,
	) -> Result<(), TryRuntimeError> {
		let reason = reason.into();
		for (who, amount) in &sums {
			ensure!(T::Currency::balance_on_hold(&reason, who) == *amount, message);
		}
		for who in frame_system::Account::<T>::iter_keys() {
			if !sums.contains_key(&who) {
				ensure!(T::Currency::balance_on_hold(&reason, &who).is_zero(), message);
			}
		}
		Ok(())
	}
}
