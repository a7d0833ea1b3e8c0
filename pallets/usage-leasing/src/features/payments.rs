//! The lessee's money: payments to the holder, prepayments held ahead, and taking a
//! prepayment back.

use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{
			fungible::{Mutate, MutateHold},
			tokens::{Precision, Preservation},
		},
	},
	sp_runtime::{traits::Zero, DispatchResult, Saturating},
};

use crate::{BalanceOf, Config, Error, Event, HoldReason, LeaseId, Leases, Pallet};

impl<T: Config> Pallet<T> {
	/// Settles first, so the payment meets every instalment due by now. If the settlement
	/// completes the lease (the prepayment paid its last instalment), nothing is owed and
	/// nothing is taken.
	pub(crate) fn do_pay(who: T::AccountId, id: LeaseId, amount: BalanceOf<T>) -> DispatchResult {
		Self::lessees_lease(id, &who)?;
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let Some(mut lease) = Self::settle_lease(id)? else {
			return Ok(());
		};
		let to_holder = amount.min(lease.arrears_total());
		let prepaid = amount.saturating_sub(to_holder);
		if !to_holder.is_zero() {
			T::Currency::transfer(&who, &lease.holder, to_holder, Preservation::Preserve)?;
		}
		Self::hold(HoldReason::Prepayment, &who, prepaid)?;
		Self::apply_to_arrears(&mut lease, to_holder);
		lease.paid = lease.paid.saturating_add(to_holder);
		lease.prepaid = lease.prepaid.saturating_add(prepaid);
		Self::deposit_event(Event::PaymentMade { lease: id, to_holder, prepaid });
		Self::conclude(id, lease).map(|_| ())
	}

	/// Settles first, so an instalment due by now is drawn before the money leaves. If the
	/// settlement completes the lease, the whole rest of the prepayment was released with it.
	pub(crate) fn do_withdraw_prepayment(
		who: T::AccountId,
		id: LeaseId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		Self::lessees_lease(id, &who)?;
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let Some(mut lease) = Self::settle_lease(id)? else {
			return Ok(());
		};
		ensure!(amount <= lease.prepaid, Error::<T>::InsufficientPrepayment);
		T::Currency::release(&HoldReason::Prepayment.into(), &who, amount, Precision::Exact)?;
		lease.prepaid = lease.prepaid.saturating_sub(amount);
		Leases::<T>::insert(id, lease);
		Self::deposit_event(Event::PrepaymentWithdrawn { lease: id, amount });
		Ok(())
	}
}
