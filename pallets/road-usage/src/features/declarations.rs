//! A toll service provider's declarations (EN ISO 12855 toll declarations): per vehicle and
//! day, a total priced at the tariff version valid that day and the Merkle root of the
//! billing details kept off chain. Each event id is charged once per context, vehicle and day
//! across every provider and every direct passage; a wrong declaration is corrected by a new
//! one that reverses the old amount, never edited.

use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::{ensure, traits::Get, BoundedVec},
	frame_system,
	sp_runtime::{
		traits::{CheckedAdd, CheckedMul, Zero},
		DispatchError, DispatchResult, Saturating,
	},
};
use v2x_primitives::{VehicleId, VehicleRegistry};

use crate::{
	BalanceOf, Batch, BatchId, BatchStatus, Batches, ChargeKind, ChargedBy, Config, ContextId, Day,
	Declaration, DeclarationInput, DeclarationInputsOf, DeclarationRef, Error, Event, HoldReason,
	NextBatchId, Pallet, Providers,
};

impl<T: Config> Pallet<T> {
	/// Prices and records a batch of declarations, each checked on its own (window, service,
	/// tariff, events); then the bond must cover the new obligation and the deposits are held.
	/// Writes happen as the checks pass: the call's storage layer undoes them on an error.
	pub(crate) fn do_declare(
		provider: T::AccountId,
		context: ContextId,
		inputs: DeclarationInputsOf<T>,
	) -> DispatchResult {
		let mut account = Providers::<T>::get(&provider).ok_or(Error::<T>::NotProvider)?;
		ensure!(account.active, Error::<T>::ProviderNotActive);
		ensure!(account.bond >= T::MinProviderBond::get(), Error::<T>::BondTooLow);
		ensure!(!inputs.is_empty(), Error::<T>::EmptyBatch);
		let toll_context = Self::context(context)?;
		let batch = NextBatchId::<T>::get();
		let today = Self::today();
		let oldest = today.saturating_sub(T::MaxDeclarationAge::get());

		let mut days: Vec<(VehicleId, Day)> = Vec::with_capacity(inputs.len());
		let mut declarations = Vec::with_capacity(inputs.len());
		let mut charges = BalanceOf::<T>::zero();
		let mut credits = BalanceOf::<T>::zero();
		for input in inputs {
			ensure!(oldest <= input.day && input.day <= today, Error::<T>::DayOutOfWindow);
			ensure!(T::Vehicles::owner(input.vehicle).is_some(), Error::<T>::UnknownVehicle);
			ensure!(
				Self::serves(&provider, input.vehicle, input.day),
				Error::<T>::NotServingVehicle
			);
			ensure!(!days.contains(&(input.vehicle, input.day)), Error::<T>::DuplicateDeclaration);
			ensure!(
				!input.usage.is_empty()
					&& !input.events.is_empty()
					&& input.usage.iter().all(|line| line.quantity > 0),
				Error::<T>::EmptyDeclaration
			);
			if toll_context.kind == ChargeKind::Passage {
				let passages = input
					.usage
					.iter()
					.fold(0u64, |sum, line| sum.saturating_add(line.quantity.into()));
				ensure!(passages == input.events.len() as u64, Error::<T>::PassageCountMismatch);
			}
			let (version, tariff) = Self::version_valid_on(context, &toll_context, input.day)?;
			let amount = Self::price_usage(&tariff, input.class, &input.usage)?;
			let (reverses, corrected_batch) = match input.corrects {
				Some(old) => (Self::correctable(&provider, context, &input, old)?, Some(old.batch)),
				None => (Zero::zero(), None),
			};
			days.push((input.vehicle, input.day));
			Self::charge_events(
				context,
				input.vehicle,
				input.day,
				&input.events,
				ChargedBy::Batch(batch),
				corrected_batch,
				&provider,
			)?;
			charges = charges.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
			credits = credits.checked_add(&reverses).ok_or(Error::<T>::Overflow)?;
			declarations.push(Declaration {
				vehicle: input.vehicle,
				day: input.day,
				class: input.class,
				version,
				amount,
				reverses,
				events: input.events.len() as u32,
				details_root: input.details_root,
				corrects: input.corrects,
				corrected_by: None,
			});
		}

		let obligation = charges.saturating_sub(credits);
		ensure!(
			account.bond.saturating_sub(account.obligations) >= obligation,
			Error::<T>::BondTooLow
		);
		let count = declarations.len() as u32;
		let deposit = T::DeclarationDeposit::get()
			.checked_mul(&count.into())
			.and_then(|d| d.checked_add(&T::BatchDeposit::get()))
			.ok_or(Error::<T>::Overflow)?;
		Self::hold(HoldReason::Deposit, &provider, deposit)?;

		for declaration in &declarations {
			if let Some(old) = declaration.corrects {
				Self::mark_corrected(old, Some(batch));
			}
		}
		account.obligations = account.obligations.saturating_add(obligation);
		Providers::<T>::insert(&provider, account);
		Batches::<T>::insert(
			batch,
			Batch {
				context,
				provider: provider.clone(),
				charger: toll_context.charger,
				submitted_at: frame_system::Pallet::<T>::block_number(),
				status: BatchStatus::Pending,
				charges,
				credits,
				obligation,
				declarations: BoundedVec::truncate_from(declarations),
				deposit,
			},
		);
		NextBatchId::<T>::put(batch.saturating_add(1));
		Self::deposit_event(Event::BatchDeclared {
			batch,
			context,
			provider,
			charges,
			credits,
			declarations: count,
		});
		Ok(())
	}

	/// The amount of `old`, which `input` may correct: an accepted declaration of the same
	/// provider, context, vehicle and day that nothing corrected yet.
	fn correctable(
		provider: &T::AccountId,
		context: ContextId,
		input: &DeclarationInput<T>,
		old: DeclarationRef,
	) -> Result<BalanceOf<T>, DispatchError> {
		let batch = Batches::<T>::get(old.batch)
			.filter(|b| b.provider == *provider && b.context == context)
			.ok_or(Error::<T>::UnknownDeclaration)?;
		let declaration =
			batch.declarations.get(usize::from(old.index)).ok_or(Error::<T>::UnknownDeclaration)?;
		ensure!(batch.status == BatchStatus::Accepted, Error::<T>::NotCorrectable);
		ensure!(
			declaration.vehicle == input.vehicle && declaration.day == input.day,
			Error::<T>::CorrectionMismatch
		);
		ensure!(declaration.corrected_by.is_none(), Error::<T>::AlreadyCorrected);
		Ok(declaration.amount)
	}

	/// Records on the declaration `old` which batch corrects it (`None`: no longer).
	pub(crate) fn mark_corrected(old: DeclarationRef, by: Option<BatchId>) {
		Batches::<T>::mutate(old.batch, |batch| {
			if let Some(declaration) =
				batch.as_mut().and_then(|b| b.declarations.get_mut(usize::from(old.index)))
			{
				declaration.corrected_by = by;
			}
		});
	}
}
