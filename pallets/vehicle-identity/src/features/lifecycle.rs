//! Theft reports, recovery and scrapping.

use crate::{Config, Error, Event, LienConsents, Pallet, SaleOffers, Vehicles};
use polkadot_sdk::{frame_support::ensure, sp_runtime::DispatchResult};
use v2x_primitives::{OnVehicleStatusChanged, VehicleId, VehicleStatus};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_report_stolen(owner: T::AccountId, vehicle: VehicleId) -> DispatchResult {
		let mut entry = Self::owned_vehicle(&owner, vehicle)?;
		match entry.status {
			VehicleStatus::Active => {}
			VehicleStatus::Stolen => return Err(Error::<T>::AlreadyStolen.into()),
			VehicleStatus::Scrapped => return Err(Error::<T>::AlreadyScrapped.into()),
		}
		entry.status = VehicleStatus::Stolen;
		let vin = entry.vin;
		Vehicles::<T>::insert(vehicle, entry);
		SaleOffers::<T>::remove(vehicle);
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

	/// Scraps `vehicle`; `caller` is `None` for governance, else it must be the owner.
	pub(crate) fn do_scrap_vehicle(
		caller: Option<T::AccountId>,
		vehicle: VehicleId,
	) -> DispatchResult {
		let mut entry = Vehicles::<T>::get(vehicle).ok_or(Error::<T>::NotFound)?;
		if let Some(caller) = caller {
			ensure!(caller == entry.owner, Error::<T>::NotOwnerOrGovernance);
		}
		ensure!(entry.status != VehicleStatus::Scrapped, Error::<T>::AlreadyScrapped);
		Self::clear_delegates(vehicle, &entry)?;
		SaleOffers::<T>::remove(vehicle);
		LienConsents::<T>::remove(vehicle);
		entry.status = VehicleStatus::Scrapped;
		let (vin, owner) = (entry.vin, entry.owner.clone());
		Vehicles::<T>::insert(vehicle, entry);
		T::OnVehicleStatusChanged::on_status_changed(vehicle, VehicleStatus::Scrapped);
		Self::deposit_event(Event::VehicleScrapped { vehicle, vin, owner });
		Ok(())
	}
}
