//! Interoperability management approves toll chargers and providers and revokes providers;
//! providers post and withdraw their bond.

use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	sp_runtime::{
		traits::{CheckedAdd, CheckedSub, Zero},
		DispatchResult,
	},
};

use crate::{
	BalanceOf, Charger, Chargers, Config, Error, Event, HoldReason, NameOf, Pallet, Provider,
	Providers,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_approve_charger(who: T::AccountId, name: NameOf<T>) -> DispatchResult {
		ensure!(!name.is_empty(), Error::<T>::EmptyName);
		ensure!(!Chargers::<T>::contains_key(&who), Error::<T>::AlreadyCharger);
		Chargers::<T>::insert(&who, Charger { name, contexts: 0 });
		Self::deposit_event(Event::ChargerApproved { charger: who });
		Ok(())
	}

	/// Approves a new provider, or approves a revoked one again (its bond and open
	/// obligations stay as they are).
	pub(crate) fn do_approve_provider(who: T::AccountId, name: NameOf<T>) -> DispatchResult {
		ensure!(!name.is_empty(), Error::<T>::EmptyName);
		let provider = match Providers::<T>::get(&who) {
			Some(provider) => {
				ensure!(!provider.active, Error::<T>::AlreadyProvider);
				Provider { name, active: true, ..provider }
			}
			None => Provider { name, active: true, bond: Zero::zero(), obligations: Zero::zero() },
		};
		Providers::<T>::insert(&who, provider);
		Self::deposit_event(Event::ProviderApproved { provider: who });
		Ok(())
	}

	pub(crate) fn do_revoke_provider(who: T::AccountId) -> DispatchResult {
		let mut provider = Providers::<T>::get(&who).ok_or(Error::<T>::UnknownProvider)?;
		ensure!(provider.active, Error::<T>::ProviderNotActive);
		provider.active = false;
		Providers::<T>::insert(&who, provider);
		Self::deposit_event(Event::ProviderRevoked { provider: who });
		Ok(())
	}

	pub(crate) fn do_post_bond(provider: T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let mut entry = Providers::<T>::get(&provider).ok_or(Error::<T>::NotProvider)?;
		entry.bond = entry.bond.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		Self::hold(HoldReason::ProviderBond, &provider, amount)?;
		let bond = entry.bond;
		Providers::<T>::insert(&provider, entry);
		Self::deposit_event(Event::BondPosted { provider, amount, bond });
		Ok(())
	}

	pub(crate) fn do_withdraw_bond(provider: T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let mut entry = Providers::<T>::get(&provider).ok_or(Error::<T>::NotProvider)?;
		let bond = entry.bond.checked_sub(&amount).ok_or(Error::<T>::BondTooLow)?;
		ensure!(bond >= entry.obligations, Error::<T>::BondTooLow);
		ensure!(!entry.active || bond >= T::MinProviderBond::get(), Error::<T>::BondTooLow);
		entry.bond = bond;
		Providers::<T>::insert(&provider, entry);
		Self::release(HoldReason::ProviderBond, &provider, amount);
		Self::deposit_event(Event::BondWithdrawn { provider, amount, bond });
		Ok(())
	}
}
