//! Theft reports, recovery and scrapping.

use crate::{Config, Error, Event, HoldReason, LienConsents, Pallet, Vehicle, Vehicles};
use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{fungible::MutateHold, tokens::Precision},
	},
	sp_runtime::{traits::Zero, DispatchResult},
};
use v2x_primitives::{OnVehicleStatusChanged, VehicleId, VehicleStatus};

impl<T: Config> Pallet<T> {
	/// A theft ends every right the owner gave (operators, invitations, lien consent, open
	/// offer). Bound devices stay: a stolen car's telematics keeps reporting.
	pub(crate) fn do_report_stolen(owner: T::AccountId, vehicle: VehicleId) -> DispatchResult {
		let mut entry = Self::owned_vehicle(&owner, vehicle)?;
		match entry.status {
			VehicleStatus::Active => {}
			VehicleStatus::Stolen => return Err(Error::<T>::AlreadyStolen.into()),
			VehicleStatus::Scrapped => return Err(Error::<T>::AlreadyScrapped.into()),
		}
		Self::void_offer(vehicle, &entry);
		LienConsents::<T>::remove(vehicle);
		Self::end_granted_rights(vehicle, &entry)?;
		entry.status = VehicleStatus::Stolen;
		let vin = entry.vin;
		Vehicles::<T>::insert(vehicle, entry);
		T::OnVehicleStatusChanged::on_status_changed(vehicle, VehicleStatus::Stolen);
		Self::deposit_event(Event::VehicleReportedStolen { vehicle, vin, owner });
		Ok(())
	}

	pub(crate) fn do_report_recovered(owner: T::AccountId, vehicle: VehicleId) -> DispatchResult {
		let mut entry = Self::owned_vehicle(&owner, vehicle)?;
		ensure!(entry.status == VehicleStatus::Stolen, Error::<T>::NotStolen);
		entry.status = VehicleStatus::Active;
		let vin = entry.vin;
		Vehicles::<T>::insert(vehicle, entry);
		T::OnVehicleStatusChanged::on_status_changed(vehicle, VehicleStatus::Active);
		Self::deposit_event(Event::VehicleRecovered { vehicle, vin, owner });
		Ok(())
	}

	/// Scraps `vehicle`; `caller` is `None` for governance, else it must be the owner and no
	/// lien may stand. Governance's scrapping ends a lien.
	pub(crate) fn do_scrap_vehicle(
		caller: Option<T::AccountId>,
		vehicle: VehicleId,
	) -> DispatchResult {
		let mut entry = Vehicles::<T>::get(vehicle).ok_or(Error::<T>::NotFound)?;
		if let Some(caller) = &caller {
			ensure!(*caller == entry.owner, Error::<T>::NotOwnerOrGovernance);
		}
		ensure!(entry.status != VehicleStatus::Scrapped, Error::<T>::AlreadyScrapped);
		if caller.is_some() {
			ensure!(entry.lien.is_none(), Error::<T>::LienPresent);
		}
		Self::clear_delegates(vehicle, &entry)?;
		Self::void_offer(vehicle, &entry);
		LienConsents::<T>::remove(vehicle);
		if let Some(lender) = entry.lien.take() {
			crate::ControlledLiens::<T>::remove(vehicle);
			Self::deposit_event(Event::LienForceReleased { vehicle, vin: entry.vin, lender });
		}
		// The entry stays as history; its deposit goes back to the manufacturer.
		Self::release_vehicle_deposit(&entry)?;
		entry.deposit = Zero::zero();
		entry.status = VehicleStatus::Scrapped;
		let (vin, owner) = (entry.vin, entry.owner.clone());
		Vehicles::<T>::insert(vehicle, entry);
		T::OnVehicleStatusChanged::on_status_changed(vehicle, VehicleStatus::Scrapped);
		Self::deposit_event(Event::VehicleScrapped { vehicle, vin, owner });
		Ok(())
	}

	/// Releases the deposit held from the vehicle's manufacturer for its entry (at
	/// scrapping: the entry stays as history).
	pub(crate) fn release_vehicle_deposit(entry: &Vehicle<T>) -> DispatchResult {
		if entry.deposit.is_zero() {
			return Ok(());
		}
		T::Currency::release(
			&HoldReason::VehicleRegistration.into(),
			&entry.manufacturer,
			entry.deposit,
			Precision::Exact,
		)
		.map(|_| ())
	}
}
