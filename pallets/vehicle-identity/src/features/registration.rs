//! Vehicle registration by its manufacturer.

use crate::{
	Config, Error, Event, HoldReason, Manufacturers, NextVehicleId, OwnedVehicles, Pallet, Vehicle,
	VehicleByVin, VehicleRegistration, Vehicles, WmiOwner, EARLIEST_MODEL_YEAR,
};
use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{fungible::MutateHold, Get, UnixTime},
	},
	frame_system,
	sp_runtime::{traits::Zero, DispatchError},
};
use v2x_primitives::{VehicleId, VehicleStatus, VinError};

/// Average seconds in a Gregorian year: turns a Unix time into a year without a calendar.
const SECONDS_PER_YEAR: u64 = 31_556_952;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_register_vehicle(
		manufacturer: T::AccountId,
		registration: VehicleRegistration<T>,
	) -> Result<VehicleId, DispatchError> {
		let VehicleRegistration {
			vin,
			owner,
			model_year,
			powertrain,
			battery_capacity,
			metadata_hash,
			metadata_uri,
		} = registration;
		ensure!(Manufacturers::<T>::contains_key(&manufacturer), Error::<T>::NotManufacturer);
		let checked = if T::EnforceCheckDigit::get() {
			vin.validate_with_regional_check_digit()
		} else {
			vin.validate()
		};
		checked.map_err(|e| match e {
			VinError::WrongCheckDigit => Error::<T>::WrongCheckDigit,
			VinError::WrongLength | VinError::InvalidCharacter => Error::<T>::InvalidVin,
		})?;
		ensure!(
			WmiOwner::<T>::get(vin.wmi()).as_ref() == Some(&manufacturer),
			Error::<T>::WmiNotOwned
		);
		ensure!(!VehicleByVin::<T>::contains_key(vin), Error::<T>::DuplicateVin);
		ensure!(
			model_year >= EARLIEST_MODEL_YEAR
				&& Self::latest_model_year().is_none_or(|latest| model_year <= latest),
			Error::<T>::InvalidModelYear
		);
		let battery_ok = match battery_capacity {
			Some(capacity) => powertrain.is_electrified() && capacity > 0,
			None => !powertrain.is_electrified(),
		};
		ensure!(battery_ok, Error::<T>::InvalidBatteryCapacity);

		let id = NextVehicleId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::VehicleIdsExhausted)?;
		let deposit = T::VehicleDeposit::get();
		T::Currency::hold(&HoldReason::VehicleRegistration.into(), &manufacturer, deposit)?;

		NextVehicleId::<T>::put(next);
		VehicleByVin::<T>::insert(vin, id);
		OwnedVehicles::<T>::insert(&owner, id, ());
		Vehicles::<T>::insert(
			id,
			Vehicle {
				vin,
				manufacturer: manufacturer.clone(),
				owner: owner.clone(),
				model_year,
				powertrain,
				battery_capacity,
				metadata_hash,
				metadata_uri,
				status: VehicleStatus::Active,
				lien: None,
				deposit,
				registered_at: frame_system::Pallet::<T>::block_number(),
			},
		);
		Self::deposit_event(Event::VehicleRegistered { vehicle: id, vin, manufacturer, owner });
		Ok(id)
	}

	/// Next year's models are sold from the middle of this year; nothing later exists yet.
	/// `None` while the chain does not know the date (at genesis, or no timestamp set).
	fn latest_model_year() -> Option<u16> {
		if frame_system::Pallet::<T>::block_number().is_zero() {
			return None;
		}
		let now = T::UnixTime::now().as_secs();
		if now.is_zero() {
			return None;
		}
		let years_since_1970 = now / SECONDS_PER_YEAR;
		let this_year = u16::try_from(years_since_1970.saturating_add(1970)).unwrap_or(u16::MAX);
		Some(this_year.saturating_add(1))
	}
}
