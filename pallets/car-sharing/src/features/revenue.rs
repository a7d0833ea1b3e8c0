//! The co-op's income and its distribution: a reward-per-share accumulator, so distributing
//! never loops over members. Each member remembers the accumulator's value when it was last
//! settled; settling adds what its shares earned since to its `unclaimed` balance.
//!
//! Rounding: a distribution raises the accumulator by `undistributed / supply` rounded down
//! and books as distributed that increase times the supply, rounded UP (never more than was
//! undistributed). Members' earnings are rounded down. So the members together are never owed
//! more than was distributed; the dust of each rounding stays in the co-op's account.

use polkadot_sdk::{
	frame_support::{
		defensive, ensure,
		traits::{fungible::Mutate, tokens::Preservation},
	},
	sp_runtime::{
		helpers_128bit::multiply_by_rational_with_rounding,
		traits::{CheckedAdd, Zero},
		DispatchError, DispatchResult, PerThing, Rounding, Saturating,
	},
};

use crate::{
	BalanceOf, Config, CoopId, Coops, Error, Event, Member, Members, Pallet, REWARD_SCALE,
};

/// `a * b / c`, rounded down, without intermediate overflow; `None` if `c` is zero or the
/// result exceeds `u128`.
fn mul_div(a: u128, b: u128, c: u128) -> Option<u128> {
	if c == 0 {
		return None;
	}
	multiply_by_rational_with_rounding(a, b, c, Rounding::Down)
}

pub(crate) fn to_u128<T: Config>(amount: BalanceOf<T>) -> Result<u128, DispatchError> {
	amount.try_into().map_err(|_| Error::<T>::Overflow.into())
}

pub(crate) fn to_balance<T: Config>(amount: u128) -> Result<BalanceOf<T>, DispatchError> {
	amount.try_into().map_err(|_| Error::<T>::Overflow.into())
}

impl<T: Config> Pallet<T> {
	/// Credits trip income or a fee the co-op's account was just paid: the reserve share to
	/// the reserve, the rest to be distributed. The distributable part is rounded down, so
	/// `distributed + undistributed` never exceeds `received` less the reserve share.
	pub(crate) fn credit_income(coop: CoopId, amount: BalanceOf<T>) {
		Coops::<T>::mutate(coop, |entry| {
			let Some(entry) = entry else {
				defensive!("income for a missing co-op");
				return;
			};
			let distributable = entry.rules.reserve.left_from_one().mul_floor(amount);
			let finances = &mut entry.finances;
			finances.received = finances.received.saturating_add(amount);
			finances.reserve =
				finances.reserve.saturating_add(amount.saturating_sub(distributable));
			finances.undistributed = finances.undistributed.saturating_add(distributable);
		});
	}

	/// Credits money the co-op's account was just paid that is not income to distribute
	/// (damage claims, sale proceeds): it all goes to the reserve.
	pub(crate) fn credit_reserve(coop: CoopId, amount: BalanceOf<T>) {
		Coops::<T>::mutate(coop, |entry| match entry {
			Some(entry) => entry.finances.reserve = entry.finances.reserve.saturating_add(amount),
			None => {
				defensive!("reserve credit for a missing co-op");
			}
		});
	}

	/// What `member`'s shares earned since it was last settled, rounded down.
	pub(crate) fn accrued(
		member: &Member<BalanceOf<T>>,
		reward_per_share: u128,
	) -> Result<u128, DispatchError> {
		let growth = reward_per_share.saturating_sub(member.settled_per_share);
		mul_div(u128::from(member.shares), growth, REWARD_SCALE)
			.ok_or_else(|| Error::<T>::Overflow.into())
	}

	/// Moves what `member`'s shares earned since it was last settled into its unclaimed
	/// balance. Call it before its shares change.
	pub(crate) fn settle(
		member: &mut Member<BalanceOf<T>>,
		reward_per_share: u128,
	) -> DispatchResult {
		let accrued = to_balance::<T>(Self::accrued(member, reward_per_share)?)?;
		member.unclaimed = member.unclaimed.checked_add(&accrued).ok_or(Error::<T>::Overflow)?;
		member.settled_per_share = reward_per_share;
		Ok(())
	}

	/// What `who` could claim from `coop` now (zero for a non-member).
	pub fn pending_revenue(coop: CoopId, who: &T::AccountId) -> BalanceOf<T> {
		let (Some(entry), Some(mut member)) = (Coops::<T>::get(coop), Members::<T>::get(coop, who))
		else {
			return Zero::zero();
		};
		match Self::settle(&mut member, entry.finances.reward_per_share) {
			Ok(()) => member.unclaimed,
			Err(_) => Zero::zero(),
		}
	}

	/// Moves the undistributed income into the accumulator, as far as it divides among the
	/// shares.
	pub(crate) fn do_distribute(coop: CoopId) -> DispatchResult {
		let mut entry = Self::coop(coop)?;
		let supply = u128::from(entry.share_supply);
		let finances = &mut entry.finances;
		let undistributed = to_u128::<T>(finances.undistributed)?;
		ensure!(undistributed > 0 && supply > 0, Error::<T>::NothingToDistribute);
		let increase = mul_div(undistributed, REWARD_SCALE, supply).ok_or(Error::<T>::Overflow)?;
		let moved =
			multiply_by_rational_with_rounding(increase, supply, REWARD_SCALE, Rounding::Up)
				.ok_or(Error::<T>::Overflow)?;
		ensure!(moved > 0, Error::<T>::NothingToDistribute);
		let moved = to_balance::<T>(moved)?;
		finances.reward_per_share =
			finances.reward_per_share.checked_add(increase).ok_or(Error::<T>::Overflow)?;
		finances.undistributed = finances.undistributed.saturating_sub(moved);
		finances.distributed =
			finances.distributed.checked_add(&moved).ok_or(Error::<T>::Overflow)?;
		let reward_per_share = finances.reward_per_share;
		Coops::<T>::insert(coop, entry);
		Self::deposit_event(Event::RevenueDistributed { coop, amount: moved, reward_per_share });
		Ok(())
	}

	/// Pays `who` everything its shares earned plus its unclaimed balance.
	pub(crate) fn do_claim_revenue(coop: CoopId, who: T::AccountId) -> DispatchResult {
		let mut entry = Self::coop(coop)?;
		let mut member = Members::<T>::get(coop, &who).ok_or(Error::<T>::NotMember)?;
		Self::settle(&mut member, entry.finances.reward_per_share)?;
		let amount = member.unclaimed;
		ensure!(!amount.is_zero(), Error::<T>::NothingToClaim);
		T::Currency::transfer(&Self::coop_account(coop), &who, amount, Preservation::Preserve)?;
		entry.finances.claimed = entry.finances.claimed.saturating_add(amount);
		member.unclaimed = Zero::zero();
		Self::store_member(coop, &mut entry, &who, member);
		Coops::<T>::insert(coop, entry);
		Self::deposit_event(Event::RevenueClaimed { coop, member: who, amount });
		Ok(())
	}

	/// Writes `member` back, or removes it (and counts it out of `entry`) if it holds no
	/// shares, no unclaimed revenue and no votes.
	pub(crate) fn store_member(
		coop: CoopId,
		entry: &mut crate::Coop<T>,
		who: &T::AccountId,
		member: Member<BalanceOf<T>>,
	) {
		if member.shares == 0 && member.unclaimed.is_zero() && member.open_votes == 0 {
			if Members::<T>::take(coop, who).is_some() {
				entry.members = entry.members.saturating_sub(1);
			}
		} else {
			Members::<T>::insert(coop, who, member);
		}
	}
}
