//! Direct passages: a vehicle's device reports a gantry passage with the gantry's signed
//! attestation and pays it at once from the owner's prepaid toll balance to the toll charger.
//! The event id is charged for the vehicle-day (tag `Direct`), so no provider can declare it
//! again.

use alloc::vec::Vec;
use codec::Encode;
use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{
			fungible::MutateHold,
			tokens::{Fortitude, Precision, Restriction},
			Get,
		},
	},
	sp_runtime::{
		traits::{Saturating, Verify, Zero},
		DispatchResult,
	},
};
use v2x_primitives::VehicleRegistry;

use crate::{
	ChargeKind, ChargedBy, Config, ContextId, Error, Event, HoldReason, Pallet, Passage, Prepaid,
	TollTotals,
};

/// What a gantry's signature starts with: its attestations are valid for nothing else.
pub const ATTESTATION_TAG: &[u8; 8] = b"v2x/toll";

impl<T: Config> Pallet<T> {
	/// The bytes a gantry signs to attest `passage` in `context`:
	/// `(b"v2x/toll", context, passage)` SCALE-encoded.
	pub fn attestation_payload(context: ContextId, passage: &Passage) -> Vec<u8> {
		(ATTESTATION_TAG, context, passage).encode()
	}

	pub(crate) fn do_report_passage(
		device: T::AccountId,
		context: ContextId,
		passage: Passage,
		gantry: T::AccountId,
		signature: T::GantrySignature,
	) -> DispatchResult {
		let vehicle = passage.vehicle;
		ensure!(
			T::Vehicles::vehicle_of_device(&device) == Some(vehicle),
			Error::<T>::NotVehicleDevice
		);
		// A stolen vehicle's devices stay bound: its passages are not paid from the owner's
		// balance.
		Self::ensure_active(vehicle)?;
		let entry = Self::context(context)?;
		ensure!(entry.kind == ChargeKind::Passage, Error::<T>::NotPassageContext);
		ensure!(entry.gantries.contains(&gantry), Error::<T>::UnknownGantry);
		ensure!(
			signature.verify(&Self::attestation_payload(context, &passage)[..], &gantry),
			Error::<T>::BadAttestation
		);
		let today = Self::today();
		ensure!(
			passage.day <= today
				&& today.saturating_sub(T::MaxAttestationAge::get()) <= passage.day,
			Error::<T>::StaleAttestation
		);
		let provider = Self::provider_on(vehicle, today).ok_or(Error::<T>::NoProvider)?;
		Self::charge_events(
			context,
			vehicle,
			passage.day,
			&[passage.event],
			ChargedBy::Direct,
			None,
			&device,
		)?;
		let (_, version) = Self::version_valid_on(context, &entry, passage.day)?;
		let amount = Self::price(&version, passage.class, 0, 1)?;
		let mut prepaid = Prepaid::<T>::get(vehicle).ok_or(Error::<T>::InsufficientPrepaid)?;
		ensure!(prepaid.amount >= amount, Error::<T>::InsufficientPrepaid);
		T::Currency::transfer_on_hold(
			&HoldReason::Prepaid.into(),
			&prepaid.owner,
			&entry.charger,
			amount,
			Precision::Exact,
			Restriction::Free,
			Fortitude::Polite,
		)?;
		prepaid.amount = prepaid.amount.saturating_sub(amount);
		if prepaid.amount.is_zero() {
			Prepaid::<T>::remove(vehicle);
		} else {
			Prepaid::<T>::insert(vehicle, prepaid);
		}
		TollTotals::<T>::mutate(vehicle, |totals| {
			totals.paid = totals.paid.saturating_add(amount);
			totals.passages = totals.passages.saturating_add(1);
		});
		Self::deposit_event(Event::PassagePaid {
			context,
			vehicle,
			event: passage.event,
			provider,
			amount,
		});
		Ok(())
	}
}
