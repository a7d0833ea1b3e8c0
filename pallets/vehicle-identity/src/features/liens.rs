//! Liens of approved lenders (leasing, financing): while one stands, no offer, sale or
//! scrapping by the owner.

use crate::{Config, ControlledLiens, Error, Event, Lenders, LienConsents, Pallet, Vehicles};
use polkadot_sdk::{frame_support::ensure, sp_runtime::DispatchResult};
use v2x_primitives::{VehicleId, VehicleStatus};

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

	/// The vehicle must be active: a theft drops the consent, so after a recovery the owner
	/// consents again.
	pub(crate) fn do_place_lien(lender: T::AccountId, vehicle: VehicleId) -> DispatchResult {
		let mut entry = Vehicles::<T>::get(vehicle).ok_or(Error::<T>::NotFound)?;
		ensure!(Lenders::<T>::contains_key(&lender), Error::<T>::NotLender);
		ensure!(entry.status == VehicleStatus::Active, Error::<T>::VehicleNotActive);
		ensure!(entry.lien.is_none(), Error::<T>::LienPresent);
		ensure!(LienConsents::<T>::get(vehicle) == Some(lender.clone()), Error::<T>::NoLienConsent);
		LienConsents::<T>::remove(vehicle);
		Self::void_offer(vehicle, &entry);
		entry.lien = Some(lender.clone());
		let vin = entry.vin;
		Vehicles::<T>::insert(vehicle, entry);
		Self::deposit_event(Event::LienPlaced { vehicle, vin, lender });
		Ok(())
	}

	/// The owner's consent and the lien in one step, for an agreement another pallet manages
	/// (`VehicleControl::place_lien`): the same checks as a consent followed by a placement.
	pub(crate) fn do_place_controlled_lien(
		owner: T::AccountId,
		vehicle: VehicleId,
		lender: T::AccountId,
	) -> DispatchResult {
		let mut entry = Self::owned_active_vehicle(&owner, vehicle)?;
		ensure!(Lenders::<T>::contains_key(&lender), Error::<T>::NotLender);
		ensure!(entry.lien.is_none(), Error::<T>::LienPresent);
		LienConsents::<T>::remove(vehicle);
		Self::void_offer(vehicle, &entry);
		entry.lien = Some(lender.clone());
		let vin = entry.vin;
		Vehicles::<T>::insert(vehicle, entry);
		ControlledLiens::<T>::insert(vehicle, ());
		Self::deposit_event(Event::LienPlaced { vehicle, vin, lender });
		Ok(())
	}

	/// The lien holder releases its lien by the call, approved or not any more; a lien
	/// placed for an agreement is released only through `VehicleControl`.
	pub(crate) fn do_release_own_lien(lender: T::AccountId, vehicle: VehicleId) -> DispatchResult {
		ensure!(!ControlledLiens::<T>::contains_key(vehicle), Error::<T>::LienControlled);
		Self::do_release_lien(lender, vehicle)
	}

	/// The lien holder releases its lien.
	pub(crate) fn do_release_lien(lender: T::AccountId, vehicle: VehicleId) -> DispatchResult {
		let mut entry = Vehicles::<T>::get(vehicle).ok_or(Error::<T>::NotFound)?;
		ensure!(entry.lien.as_ref() == Some(&lender), Error::<T>::NotLienHolder);
		entry.lien = None;
		ControlledLiens::<T>::remove(vehicle);
		let vin = entry.vin;
		Vehicles::<T>::insert(vehicle, entry);
		Self::deposit_event(Event::LienReleased { vehicle, vin, lender });
		Ok(())
	}

	pub(crate) fn do_force_release_lien(vehicle: VehicleId) -> DispatchResult {
		let mut entry = Vehicles::<T>::get(vehicle).ok_or(Error::<T>::NotFound)?;
		ensure!(!ControlledLiens::<T>::contains_key(vehicle), Error::<T>::LienControlled);
		let lender = entry.lien.take().ok_or(Error::<T>::NoLien)?;
		let vin = entry.vin;
		Vehicles::<T>::insert(vehicle, entry);
		Self::deposit_event(Event::LienForceReleased { vehicle, vin, lender });
		Ok(())
	}
}
