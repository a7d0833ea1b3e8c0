//! Disputes of completed sessions, decided by governance, and the release of the operator's
//! share once the window ends.

use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{
			fungible::MutateHold,
			tokens::{Fortitude, Precision, Restriction},
			Get,
		},
	},
	frame_system,
	sp_runtime::{traits::Zero, DispatchError, DispatchResult, Saturating},
};

use crate::{
	BalanceOf, ChargeDetailRecord, ChargerTotals, Config, Dispute, Disputes, Error, Event,
	HeldPayments, HoldReason, MemberMonthTotals, MemberTotals, Pallet, Records, SessionId,
	Sessions, Totals, VehicleTotals,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_dispute_session(driver: T::AccountId, session: SessionId) -> DispatchResult {
		let record = Self::record(session)?;
		ensure!(record.driver == driver, Error::<T>::NotDriver);
		ensure!(!Disputes::<T>::contains_key(session), Error::<T>::AlreadyDisputed);
		let closes = record.settled_at.saturating_add(T::DisputeWindow::get());
		ensure!(
			frame_system::Pallet::<T>::block_number() <= closes,
			Error::<T>::DisputeWindowClosed
		);
		Disputes::<T>::insert(session, Dispute::Open);
		Self::deposit_event(Event::SessionDisputed { session, driver });
		Ok(())
	}

	pub(crate) fn do_resolve_dispute(session: SessionId, refund: BalanceOf<T>) -> DispatchResult {
		ensure!(Disputes::<T>::get(session) == Some(Dispute::Open), Error::<T>::NoOpenDispute);
		let record = Self::record(session)?;
		let mut held = HeldPayments::<T>::get(session);
		let share = held.as_ref().map_or_else(Zero::zero, |payment| payment.amount);
		ensure!(refund <= share, Error::<T>::RefundTooLarge);
		if let Some(payment) = held.as_mut().filter(|_| !refund.is_zero()) {
			T::Currency::transfer_on_hold(
				&HoldReason::OperatorPayment.into(),
				&payment.operator,
				&record.driver,
				refund,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Polite,
			)?;
			payment.amount = payment.amount.saturating_sub(refund);
			let subtract = |totals: &mut Totals<BalanceOf<T>>| {
				totals.cost = totals.cost.saturating_sub(refund);
			};
			VehicleTotals::<T>::mutate(record.vehicle, subtract);
			ChargerTotals::<T>::mutate(record.charger, subtract);
			MemberTotals::<T>::mutate(record.charger, &record.driver, subtract);
			MemberMonthTotals::<T>::mutate(
				(record.charger, &record.driver, record.month),
				subtract,
			);
		}
		match held {
			Some(payment) if !payment.amount.is_zero() => {
				HeldPayments::<T>::insert(session, payment)
			}
			_ => HeldPayments::<T>::remove(session),
		}
		Disputes::<T>::insert(session, Dispute::Resolved { refund });
		Self::deposit_event(Event::DisputeResolved { session, refund });
		Ok(())
	}

	pub(crate) fn do_release_payment(session: SessionId) -> DispatchResult {
		let record = Self::record(session)?;
		let closes = record.settled_at.saturating_add(T::DisputeWindow::get());
		ensure!(
			frame_system::Pallet::<T>::block_number() > closes
				&& Disputes::<T>::get(session) != Some(Dispute::Open),
			Error::<T>::DisputeWindowOpen
		);
		let payment = HeldPayments::<T>::take(session).ok_or(Error::<T>::NoHeldPayment)?;
		Self::release(HoldReason::OperatorPayment, &payment.operator, payment.amount)?;
		Self::deposit_event(Event::PaymentReleased {
			session,
			operator: payment.operator,
			amount: payment.amount,
		});
		Ok(())
	}

	/// The record of a completed session, or why there is none.
	fn record(session: SessionId) -> Result<ChargeDetailRecord<T>, DispatchError> {
		Records::<T>::get(session).ok_or_else(|| {
			if Sessions::<T>::contains_key(session) {
				Error::<T>::NotCompleted.into()
			} else {
				Error::<T>::SessionNotFound.into()
			}
		})
	}
}
