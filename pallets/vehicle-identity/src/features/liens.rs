//! Liens of approved lenders (leasing, financing): while one stands, no sale.

use crate::{Config, Error, Event, Lenders, LienConsents, Pallet, Vehicles};
use polkadot_sdk::{frame_support::ensure, sp_runtime::DispatchResult};
use v2x_primitives::VehicleId;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_approve_lender(lender: T::AccountId) -> DispatchResult {
		ensure!(!Lenders::<T>::contains_key(&lender), Error::<T>::AlreadyLender);
		Lenders::<T>::insert(&lender, ());
		Self::deposit_event(Event::LenderApproved { lender });
		Ok(())
	}

	pub(crate) fn do_revoke_lender(lender: T::AccountId) -> DispatchResult {
		ensure!(Lenders::<T>::take(&lender).is_some(), Error::<T>::NotLender);
		Self::deposit_event(Event::LenderRevoked { lender });
		Ok(())
	}

	pub(crate) fn do_consent_to_lien(
		owner: T::AccountId,
		vehicle: VehicleId,
		lender: T::AccountId,
	) -> DispatchResult {
		let entry = Self::owned_active_vehicle(&owner, vehicle)?;
		ensure!(Lenders::<T>::contains_key(&lender), Error::<T>::NotLender);
		ensure!(entry.lien.is_none(), Error::<T>::LienPresent);
		LienConsents::<T>::insert(vehicle, &lender);
		Self::deposit_event(Event::LienConsented { vehicle, vin: entry.vin, owner, lender });
		Ok(())
	}

	pub(crate) fn do_place_lien(lender: T::AccountId, vehicle: VehicleId) -> DispatchResult {
		let mut entry = Vehicles::<T>::get(vehicle).ok_or(Error::<T>::NotFound)?;
		ensure!(Lenders::<T>::contains_key(&lender), Error::<T>::NotLender);
		ensure!(entry.lien.is_none(), Error::<T>::LienPresent);
		ensure!(LienConsents::<T>::get(vehicle) == Some(lender.clone()), Error::<T>::NoLienConsent);
		LienConsents::<T>::remove(vehicle);
		entry.lien = Some(lender.clone());
		let vin = entry.vin;
		Vehicles::<T>::insert(vehicle, entry);
		Self::deposit_event(Event::LienPlaced { vehicle, vin, lender });
		Ok(())
	}

	pub(crate) fn do_release_lien(lender: T::AccountId, vehicle: VehicleId) -> DispatchResult {
		let mut entry = Vehicles::<T>::get(vehicle).ok_or(Error::<T>::NotFound)?;
		ensure!(entry.lien.as_ref() == Some(&lender), Error::<T>::NotLienHolder);
		entry.lien = None;
		let vin = entry.vin;
		Vehicles::<T>::insert(vehicle, entry);
		Self::deposit_event(Event::LienReleased { vehicle, vin, lender });
		Ok(())
	}
}
