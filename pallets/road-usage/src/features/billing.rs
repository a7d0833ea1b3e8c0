//! Billing (EN ISO 12855 billing details between toll charger and toll service provider): the
//! charger accepts or disputes each batch within the acceptance period, governance decides
//! disputes, and an unanswered batch counts as accepted. An accepted batch is paid from the
//! provider's bond; what corrections credit back is netted against later batches or repaid.

use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{
			fungible::{Mutate, MutateHold},
			tokens::{Fortitude, Precision, Preservation, Restriction},
			Get,
		},
	},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_core::H256,
	sp_runtime::{
		traits::{CheckedSub, Zero},
		DispatchError, DispatchResult, Saturating,
	},
};

use crate::{
	BalanceOf, Batch, BatchId, BatchStatus, Batches, ChargedBy, Chargers, Config, ContextId,
	Credits, Day, Error, Event, HoldReason, Pallet, Providers, TollTotals, VehicleDays,
};
use v2x_primitives::VehicleId;

impl<T: Config> Pallet<T> {
	fn batch(batch: BatchId) -> Result<Batch<T>, DispatchError> {
		Batches::<T>::get(batch).ok_or_else(|| Error::<T>::UnknownBatch.into())
	}

	/// The batch, if `who` is its charger and it awaits an answer.
	fn pending_for(batch: BatchId, who: &T::AccountId) -> Result<Batch<T>, DispatchError> {
		let entry = Self::batch(batch)?;
		ensure!(entry.charger == *who, Error::<T>::NotBatchCharger);
		ensure!(entry.status == BatchStatus::Pending, Error::<T>::NotPending);
		Ok(entry)
	}

	/// The last block in which the charger may dispute the batch.
	fn acceptance_ends(entry: &Batch<T>) -> BlockNumberFor<T> {
		entry.submitted_at.saturating_add(T::AcceptancePeriod::get())
	}

	/// The batch's charger accepts a pending batch: it is settled and paid at once.
	pub(crate) fn do_accept_batch(who: T::AccountId, batch: BatchId) -> DispatchResult {
		let entry = Self::pending_for(batch, &who)?;
		Self::settle_accepted(batch, entry)
	}

	/// The batch's charger disputes a pending batch up to the last block of its acceptance
	/// period; governance decides.
	pub(crate) fn do_dispute_batch(
		who: T::AccountId,
		batch: BatchId,
		reason: H256,
	) -> DispatchResult {
		let mut entry = Self::pending_for(batch, &who)?;
		ensure!(
			frame_system::Pallet::<T>::block_number() <= Self::acceptance_ends(&entry),
			Error::<T>::AcceptancePeriodOver
		);
		entry.status = BatchStatus::Disputed { reason };
		Batches::<T>::insert(batch, entry);
		Self::deposit_event(Event::BatchDisputed { batch, reason });
		Ok(())
	}

	/// Governance decides a disputed batch: paid as accepted, or rejected.
	pub(crate) fn do_resolve_dispute(batch: BatchId, pay: bool) -> DispatchResult {
		let entry = Self::batch(batch)?;
		ensure!(matches!(entry.status, BatchStatus::Disputed { .. }), Error::<T>::NotDisputed);
		if pay {
			Self::settle_accepted(batch, entry)
		} else {
			Self::reject(batch, entry);
			Ok(())
		}
	}

	/// A batch its charger left unanswered past the acceptance period counts as accepted.
	pub(crate) fn do_settle_unanswered(batch: BatchId) -> DispatchResult {
		let entry = Self::batch(batch)?;
		ensure!(entry.status == BatchStatus::Pending, Error::<T>::NotPending);
		ensure!(
			frame_system::Pallet::<T>::block_number() > Self::acceptance_ends(&entry),
			Error::<T>::AcceptancePeriodOpen
		);
		Self::settle_accepted(batch, entry)
	}

	/// The batch becomes final: the declarations it corrects give up their events, and the
	/// net of its charges and credits is paid from the provider's bond (after what the charger
	/// already owes the provider) or owed to the provider.
	fn settle_accepted(batch: BatchId, mut entry: Batch<T>) -> DispatchResult {
		let mut account = Providers::<T>::get(&entry.provider).ok_or(Error::<T>::NotProvider)?;
		let owed = Credits::<T>::get(&entry.charger, &entry.provider);
		let (paid, credited, owed) = if entry.charges >= entry.credits {
			let net = entry.charges.saturating_sub(entry.credits);
			let offset = net.min(owed);
			(net.saturating_sub(offset), Zero::zero(), owed.saturating_sub(offset))
		} else {
			let credited = entry.credits.saturating_sub(entry.charges);
			(Zero::zero(), credited, owed.saturating_add(credited))
		};
		if !paid.is_zero() {
			T::Currency::transfer_on_hold(
				&HoldReason::ProviderBond.into(),
				&entry.provider,
				&entry.charger,
				paid,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Polite,
			)?;
		}
		account.bond = account.bond.saturating_sub(paid);
		account.obligations = account.obligations.saturating_sub(entry.obligation);
		Providers::<T>::insert(&entry.provider, account);
		if owed.is_zero() {
			Credits::<T>::remove(&entry.charger, &entry.provider);
		} else {
			Credits::<T>::insert(&entry.charger, &entry.provider, owed);
		}
		for declaration in &entry.declarations {
			if let Some(old) = declaration.corrects {
				Self::uncharge_events(
					entry.context,
					declaration.vehicle,
					declaration.day,
					ChargedBy::Batch(old.batch),
				);
			}
			TollTotals::<T>::mutate(declaration.vehicle, |totals| {
				// A correction replaces the declaration it reverses: the vehicle paid the
				// difference, up or down, and still one declaration for that day.
				totals.paid = totals
					.paid
					.saturating_add(declaration.amount)
					.saturating_sub(declaration.reverses);
				if declaration.corrects.is_none() {
					totals.declarations = totals.declarations.saturating_add(1);
				}
			});
		}
		entry.status = BatchStatus::Accepted;
		Batches::<T>::insert(batch, entry);
		Self::deposit_event(Event::BatchAccepted { batch, paid, credited });
		Ok(())
	}

	/// Governance found the batch wrong: it is not paid, its events may be charged again and
	/// the declarations it corrected may be corrected again.
	fn reject(batch: BatchId, mut entry: Batch<T>) {
		Providers::<T>::mutate(&entry.provider, |account| {
			if let Some(account) = account {
				account.obligations = account.obligations.saturating_sub(entry.obligation);
			}
		});
		for declaration in &entry.declarations {
			Self::uncharge_events(
				entry.context,
				declaration.vehicle,
				declaration.day,
				ChargedBy::Batch(batch),
			);
			if let Some(old) = declaration.corrects {
				Self::mark_corrected(old, None);
			}
		}
		entry.status = BatchStatus::Rejected;
		Batches::<T>::insert(batch, entry);
		Self::deposit_event(Event::BatchRejected { batch });
	}

	/// The charger pays back part of what corrections credited the provider.
	pub(crate) fn do_repay_credit(
		charger: T::AccountId,
		provider: T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(Chargers::<T>::contains_key(&charger), Error::<T>::NotCharger);
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let owed = Credits::<T>::get(&charger, &provider);
		let left = owed.checked_sub(&amount).ok_or(Error::<T>::ExceedsCredit)?;
		T::Currency::transfer(&charger, &provider, amount, Preservation::Preserve)?;
		if left.is_zero() {
			Credits::<T>::remove(&charger, &provider);
		} else {
			Credits::<T>::insert(&charger, &provider, left);
		}
		Self::deposit_event(Event::CreditRepaid { charger, provider, amount });
		Ok(())
	}

	/// Removes a settled batch none of whose days can still be corrected; its deposit goes
	/// back to the provider.
	pub(crate) fn do_prune_batch(batch: BatchId) -> DispatchResult {
		let entry = Self::batch(batch)?;
		ensure!(
			matches!(entry.status, BatchStatus::Accepted | BatchStatus::Rejected),
			Error::<T>::BatchStillCorrectable
		);
		ensure!(
			entry.declarations.iter().all(|d| Self::day_closed(d.day)),
			Error::<T>::BatchStillCorrectable
		);
		Batches::<T>::remove(batch);
		Self::release(HoldReason::Deposit, &entry.provider, entry.deposit);
		Self::deposit_event(Event::BatchPruned { batch });
		Ok(())
	}

	/// Removes a vehicle-day that can no longer be declared; its deposit goes back to whoever
	/// opened it.
	pub(crate) fn do_prune_vehicle_day(
		context: ContextId,
		vehicle: VehicleId,
		day: Day,
	) -> DispatchResult {
		ensure!(Self::day_closed(day), Error::<T>::DayStillOpen);
		let entry =
			VehicleDays::<T>::take((context, vehicle), day).ok_or(Error::<T>::UnknownVehicleDay)?;
		Self::release(HoldReason::Deposit, &entry.depositor, entry.deposit);
		Self::deposit_event(Event::VehicleDayPruned { context, vehicle, day });
		Ok(())
	}

	/// Whether `day` can no longer be declared or corrected.
	fn day_closed(day: Day) -> bool {
		day.saturating_add(T::MaxDeclarationAge::get()) < Self::today()
	}
}
