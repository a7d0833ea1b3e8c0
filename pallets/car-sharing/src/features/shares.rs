//! The share ledger: a bounded internal ledger per co-op (see the README for why not
//! pallet-assets). A transfer settles both sides' revenue first, so shares that change hands
//! between a distribution and a claim earn it once, for the holder at the distribution.

use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	sp_runtime::DispatchResult,
};

use crate::{Config, CoopId, CoopOfAccount, Coops, Error, Event, Members, Pallet, Shares};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_transfer_shares(
		coop: CoopId,
		from: T::AccountId,
		to: T::AccountId,
		amount: Shares,
	) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		ensure!(from != to, Error::<T>::SelfTransfer);
		ensure!(!CoopOfAccount::<T>::contains_key(&to), Error::<T>::CoopAccountReceiver);
		let mut entry = Self::coop(coop)?;
		let mut sender = Members::<T>::get(coop, &from).ok_or(Error::<T>::NotMember)?;
		ensure!(sender.shares >= amount, Error::<T>::InsufficientShares);
		ensure!(sender.open_votes == 0, Error::<T>::SharesLocked);
		let mut receiver = match Members::<T>::get(coop, &to) {
			Some(member) => member,
			None => {
				ensure!(entry.members < T::MaxMembers::get(), Error::<T>::TooManyMembers);
				entry.members = entry.members.saturating_add(1);
				Default::default()
			}
		};
		let reward_per_share = entry.finances.reward_per_share;
		Self::settle(&mut sender, reward_per_share)?;
		Self::settle(&mut receiver, reward_per_share)?;
		sender.shares = sender.shares.saturating_sub(amount);
		// The receiver's shares and the amount are both parts of the supply: no overflow.
		receiver.shares = receiver.shares.checked_add(amount).ok_or(Error::<T>::Overflow)?;
		Members::<T>::insert(coop, &to, receiver);
		Self::store_member(coop, &mut entry, &from, sender);
		Coops::<T>::insert(coop, entry);
		Self::deposit_event(Event::SharesTransferred { coop, from, to, amount });
		Ok(())
	}
}
