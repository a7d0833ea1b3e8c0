//! A toll service provider's declarations (EN ISO 12855 toll declarations): per vehicle and
//! day, a total priced at the tariff version valid that day and the Merkle root of the
//! billing details kept off chain. Each event id is charged once per context, vehicle and day
//! across every provider and every direct passage; a wrong declaration is corrected by a new
//! one that reverses the old amount, never edited.

use alloc::{collections::BTreeSet, vec::Vec};
use polkadot_sdk::{
	frame_support::{ensure, traits::Get, BoundedVec},
	frame_system,
	sp_core::H256,
	sp_runtime::{
		traits::{CheckedAdd, CheckedMul, Zero},
		DispatchError, DispatchResult, Saturating,
	},
};
use v2x_primitives::{VehicleId, VehicleRegistry};

use crate::{
	BalanceOf, Batch, BatchId, BatchStatus, Batches, ChargeKind, ChargedBy, ChargedEvent, Config,
	ContextId, Contexts, Day, Declaration, DeclarationInput, DeclarationInputsOf, DeclarationRef, Error, Event,
	HoldReason, NextBatchId, Pallet, Providers, VehicleDay, VehicleDays,
};

/// A vehicle-day as the batch will leave it, written only once every declaration passed.
struct StagedDay<T: Config> {
	key: (ContextId, VehicleId),
	day: Day,
	entry: VehicleDay<T>,
	created: bool,
}

impl<T: Config> Pallet<T> {
	pub(crate) fn do_declare(
		provider: T::AccountId,
		context: ContextId,
		inputs: DeclarationInputsOf<T>,
	) -> DispatchResult {
		let mut account = Providers::<T>::get(&provider).ok_or(Error::<T>::NotProvider)?;
		ensure!(account.active, Error::<T>::ProviderNotActive);
		ensure!(account.bond >= T::MinProviderBond::get(), Error::<T>::BondTooLow);
		ensure!(!inputs.is_empty(), Error::<T>::EmptyBatch);
		let toll_context = Contexts::<T>::get(context).ok_or(Error::<T>::UnknownContext)?;
		let batch = NextBatchId::<T>::get();
		let today = Self::today();
		let oldest = today.saturating_sub(T::MaxDeclarationAge::get());

		let mut days: Vec<StagedDay<T>> = Vec::with_capacity(inputs.len());
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
			ensure!(
				!days.iter().any(|d| d.key.1 == input.vehicle && d.day == input.day),
				Error::<T>::DuplicateDeclaration
			);
			ensure!(
				!input.usage.is_empty() &&
					!input.events.is_empty() &&
					input.usage.iter().all(|line| line.quantity > 0),
				Error::<T>::EmptyDeclaration
			);
			if toll_context.kind == ChargeKind::Passage {
				let passages =
					input.usage.iter().fold(0u64, |sum, line| sum.saturating_add(line.quantity.into()));
				ensure!(passages == input.events.len() as u64, Error::<T>::PassageCountMismatch);
			}
			let (version, tariff) =
				Self::version_valid_on(context, &toll_context, input.day)?;
			let amount = Self::price_usage(&tariff, input.class, &input.usage)?;
			let (reverses, corrected_batch) = match input.corrects {
				Some(old) => (Self::correctable(&provider, context, &input, old)?, Some(old.batch)),
				None => (Zero::zero(), None),
			};
			let key = (context, input.vehicle);
			let (entry, created) = match VehicleDays::<T>::get(&key, input.day) {
				Some(entry) => (entry, false),
				None => (
					VehicleDay {
						depositor: provider.clone(),
						deposit: T::VehicleDayDeposit::get(),
						events: BoundedVec::new(),
					},
					true,
				),
			};
			let entry = Self::stage_events(entry, &input.events, batch, corrected_batch)?;
			days.push(StagedDay { key, day: input.day, entry, created });
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
		let created = days.iter().filter(|d| d.created).count() as u32;
		let count = declarations.len() as u32;
		let deposit = T::DeclarationDeposit::get()
			.checked_mul(&count.into())
			.and_then(|d| d.checked_add(&T::BatchDeposit::get()))
			.ok_or(Error::<T>::Overflow)?;
		let day_deposits = T::VehicleDayDeposit::get()
			.checked_mul(&created.into())
			.ok_or(Error::<T>::Overflow)?;
		Self::hold(
			HoldReason::Deposit,
			&provider,
			deposit.checked_add(&day_deposits).ok_or(Error::<T>::Overflow)?,
		)?;

		for declaration in &declarations {
			if let Some(old) = declaration.corrects {
				Self::mark_corrected(old, Some(batch));
			}
		}
		for staged in days {
			VehicleDays::<T>::insert(&staged.key, staged.day, staged.entry);
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

	/// The amount of `old`, which `input` may correct: an undisputed-final declaration of the
	/// same provider, context, vehicle and day that nothing corrected yet.
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

	/// `entry` with `events` added, tagged `Batch(batch)`. Each must be new to the vehicle-day,
	/// except the events of the corrected declaration (tagged `Batch(corrected)`): until the
	/// correction is settled both tags are kept, so either outcome leaves every event charged
	/// exactly once.
	fn stage_events(
		mut entry: VehicleDay<T>,
		events: &[H256],
		batch: BatchId,
		corrected: Option<BatchId>,
	) -> Result<VehicleDay<T>, DispatchError> {
		let mut taken: BTreeSet<H256> = entry
			.events
			.iter()
			.filter(|charged| corrected.is_none_or(|old| charged.by != ChargedBy::Batch(old)))
			.map(|charged| charged.event)
			.collect();
		for event in events {
			ensure!(taken.insert(*event), Error::<T>::EventAlreadyCharged);
			entry
				.events
				.try_push(ChargedEvent { event: *event, by: ChargedBy::Batch(batch) })
				.map_err(|_| Error::<T>::TooManyEvents)?;
		}
		Ok(entry)
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
