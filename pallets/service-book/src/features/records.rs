//! Service records: added under a work order, corrected by new records, never edited.

use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	frame_system,
	sp_runtime::{DispatchError, DispatchResult},
};
use v2x_primitives::{Km, OdometerLog, ReadingVerdict, VehicleId};

use crate::{
	odometer::DailyLimit, BalanceOf, Config, DocumentHash, Error, Event, HoldReason, NextRecordId,
	Pallet, RecordCount, RecordId, RecordKind, Records, ServiceRecord, UriOf, VehicleRecords,
	MAX_STATE_OF_HEALTH,
};

/// What a workshop writes in a record.
pub(crate) struct RecordEntry<T: Config> {
	pub vehicle: VehicleId,
	pub workshop: T::AccountId,
	pub odometer_km: Km,
	pub kind: RecordKind,
	pub document_hash: DocumentHash,
	pub document_uri: UriOf<T>,
}

impl<T: Config> Pallet<T> {
	pub(crate) fn do_add_record(
		workshop: T::AccountId,
		vehicle: VehicleId,
		odometer_km: Km,
		kind: RecordKind,
		document_hash: DocumentHash,
		document_uri: UriOf<T>,
	) -> Result<RecordId, DispatchError> {
		Self::active_workshop(&workshop)?;
		Self::ensure_active_vehicle(vehicle)?;
		let order = Self::usable_order(vehicle, &workshop)?;
		Self::ensure_valid_kind(odometer_km, kind)?;
		if let RecordKind::OdometerReplacement { old_km, new_km } = kind {
			Self::ensure_valid_replacement(vehicle, old_km, new_km)?;
		}
		let deposit = T::RecordDeposit::get();
		Self::hold_deposit(HoldReason::ServiceRecord, &workshop, deposit)?;
		Self::close_work_order(vehicle, &workshop, order)?;

		let verdict = match kind {
			RecordKind::OdometerReplacement { old_km, new_km } => {
				Self::replace_cluster(vehicle, old_km, new_km, Some(DailyLimit::of::<T>()))
			}
			_ => {
				<Self as OdometerLog>::record_reading(vehicle, odometer_km, kind.odometer_source())?
			}
		};
		let entry = RecordEntry {
			vehicle,
			workshop: workshop.clone(),
			odometer_km,
			kind,
			document_hash,
			document_uri,
		};
		let record = Self::insert_record(entry, None, Some(verdict), deposit, Self::now_ms())?;
		Self::deposit_event(Event::RecordAdded { record, vehicle, workshop, kind, odometer_km });
		Ok(record)
	}

	pub(crate) fn do_correct_record(
		workshop: T::AccountId,
		corrects: RecordId,
		odometer_km: Km,
		kind: RecordKind,
		document_hash: DocumentHash,
		document_uri: UriOf<T>,
	) -> Result<RecordId, DispatchError> {
		Self::active_workshop(&workshop)?;
		let original = Records::<T>::get(corrects).ok_or(Error::<T>::RecordNotFound)?;
		ensure!(original.workshop == workshop, Error::<T>::NotRecordAuthor);
		let vehicle = original.vehicle;
		Self::ensure_active_vehicle(vehicle)?;
		let order = Self::usable_order(vehicle, &workshop)?;
		ensure!(
			!matches!(kind, RecordKind::OdometerReplacement { .. }),
			Error::<T>::ReplacementNotCorrectable
		);
		Self::ensure_valid_kind(odometer_km, kind)?;
		let deposit = T::RecordDeposit::get();
		Self::hold_deposit(HoldReason::ServiceRecord, &workshop, deposit)?;
		Self::close_work_order(vehicle, &workshop, order)?;

		let entry = RecordEntry {
			vehicle,
			workshop: workshop.clone(),
			odometer_km,
			kind,
			document_hash,
			document_uri,
		};
		let record = Self::insert_record(entry, Some(corrects), None, deposit, Self::now_ms())?;
		Self::deposit_event(Event::RecordCorrected { record, corrects, vehicle, workshop });
		Ok(record)
	}

	/// Stores a record under the next id and indexes it on its vehicle.
	pub(crate) fn insert_record(
		entry: RecordEntry<T>,
		corrects: Option<RecordId>,
		odometer_verdict: Option<ReadingVerdict>,
		deposit: BalanceOf<T>,
		timestamp: u64,
	) -> Result<RecordId, DispatchError> {
		let id = NextRecordId::<T>::get();
		let next_id = id.checked_add(1).ok_or(Error::<T>::RecordLimitReached)?;
		let position = RecordCount::<T>::get(entry.vehicle);
		let next_position = position.checked_add(1).ok_or(Error::<T>::RecordLimitReached)?;
		let brand_authorised = Self::is_brand_authorised(entry.vehicle, &entry.workshop);
		let record = ServiceRecord::<T> {
			vehicle: entry.vehicle,
			workshop: entry.workshop,
			odometer_km: entry.odometer_km,
			kind: entry.kind,
			document_hash: entry.document_hash,
			document_uri: entry.document_uri,
			corrects,
			brand_authorised,
			odometer_verdict,
			recorded_at: frame_system::Pallet::<T>::block_number(),
			timestamp,
			deposit,
		};
		VehicleRecords::<T>::insert(record.vehicle, position, id);
		RecordCount::<T>::insert(record.vehicle, next_position);
		Records::<T>::insert(id, record);
		NextRecordId::<T>::put(next_id);
		Ok(id)
	}

	/// Checks what the kind of work says about itself.
	pub(crate) fn ensure_valid_kind(odometer_km: Km, kind: RecordKind) -> DispatchResult {
		match kind {
			RecordKind::BatteryHealth { state_of_health } => {
				ensure!(state_of_health <= MAX_STATE_OF_HEALTH, Error::<T>::InvalidStateOfHealth)
			}
			RecordKind::OdometerReplacement { new_km, .. } => {
				ensure!(new_km == odometer_km, Error::<T>::ReplacementMismatch)
			}
			_ => {}
		}
		Ok(())
	}
}
