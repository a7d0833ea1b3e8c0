//! Accounts the owner lets act for the vehicle: bound devices (telematics unit, on-board
//! charger) that sign telemetry, and operators (lessee, car-sharing user, fleet driver)
//! with a right until a block. Each entry holds `DelegateDeposit` from the owner.

use crate::{
	Config, Delegate, DeviceVehicle, Error, Event, HoldReason, Pallet, Vehicle, VehicleDevices,
	VehicleOperators,
};
use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{fungible::MutateHold, tokens::Precision, Get},
	},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::DispatchResult,
};
use v2x_primitives::VehicleId;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_bind_device(
		owner: T::AccountId,
		vehicle: VehicleId,
		device: T::AccountId,
	) -> DispatchResult {
		let entry = Self::owned_vehicle(&owner, vehicle)?;
		ensure!(
			entry.status != v2x_primitives::VehicleStatus::Scrapped,
			Error::<T>::VehicleNotActive
		);
		ensure!(device != owner, Error::<T>::SelfDealing);
		ensure!(!DeviceVehicle::<T>::contains_key(&device), Error::<T>::DeviceAlreadyBound);
		let deposit = T::DelegateDeposit::get();
		VehicleDevices::<T>::try_mutate(vehicle, |devices| {
			devices
				.try_push(Delegate { account: device.clone(), until: None, deposit })
				.map_err(|_| Error::<T>::TooManyDevices)
		})?;
		T::Currency::hold(&HoldReason::Delegate.into(), &owner, deposit)?;
		DeviceVehicle::<T>::insert(&device, vehicle);
		Self::deposit_event(Event::DeviceBound { vehicle, vin: entry.vin, device });
		Ok(())
	}

	pub(crate) fn do_unbind_device(
		owner: T::AccountId,
		vehicle: VehicleId,
		device: T::AccountId,
	) -> DispatchResult {
		let entry = Self::owned_vehicle(&owner, vehicle)?;
		let removed = VehicleDevices::<T>::try_mutate(vehicle, |devices| {
			let index = devices
				.iter()
				.position(|d| d.account == device)
				.ok_or(Error::<T>::DeviceNotBound)?;
			Ok::<_, Error<T>>(devices.remove(index))
		})?;
		DeviceVehicle::<T>::remove(&device);
		Self::release_delegate_deposit(&owner, &removed)?;
		Self::deposit_event(Event::DeviceUnbound { vehicle, vin: entry.vin, device });
		Ok(())
	}

	pub(crate) fn do_grant_operator(
		owner: T::AccountId,
		vehicle: VehicleId,
		operator: T::AccountId,
		until: BlockNumberFor<T>,
	) -> DispatchResult {
		let entry = Self::owned_active_vehicle(&owner, vehicle)?;
		ensure!(operator != owner, Error::<T>::SelfDealing);
		ensure!(until >= frame_system::Pallet::<T>::block_number(), Error::<T>::InvalidExpiry);
		let deposit = T::DelegateDeposit::get();
		let is_new = VehicleOperators::<T>::try_mutate(vehicle, |operators| {
			if let Some(existing) = operators.iter_mut().find(|o| o.account == operator) {
				existing.until = Some(until);
				return Ok(false);
			}
			operators
				.try_push(Delegate { account: operator.clone(), until: Some(until), deposit })
				.map(|_| true)
				.map_err(|_| Error::<T>::TooManyOperators)
		})?;
		if is_new {
			T::Currency::hold(&HoldReason::Delegate.into(), &owner, deposit)?;
		}
		Self::deposit_event(Event::OperatorGranted { vehicle, vin: entry.vin, operator, until });
		Ok(())
	}

	pub(crate) fn do_revoke_operator(
		owner: T::AccountId,
		vehicle: VehicleId,
		operator: T::AccountId,
	) -> DispatchResult {
		let entry = Self::owned_vehicle(&owner, vehicle)?;
		let removed = VehicleOperators::<T>::try_mutate(vehicle, |operators| {
			let index = operators
				.iter()
				.position(|o| o.account == operator)
				.ok_or(Error::<T>::NotOperator)?;
			Ok::<_, Error<T>>(operators.remove(index))
		})?;
		Self::release_delegate_deposit(&owner, &removed)?;
		Self::deposit_event(Event::OperatorRevoked { vehicle, vin: entry.vin, operator });
		Ok(())
	}

	/// Unbinds every device and revokes every operator of `vehicle` (on a sale or
	/// scrapping), releasing the deposits to the owner who put them down.
	pub(crate) fn clear_delegates(vehicle: VehicleId, entry: &Vehicle<T>) -> DispatchResult {
		for device in VehicleDevices::<T>::take(vehicle) {
			DeviceVehicle::<T>::remove(&device.account);
			Self::release_delegate_deposit(&entry.owner, &device)?;
			Self::deposit_event(Event::DeviceUnbound {
				vehicle,
				vin: entry.vin,
				device: device.account,
			});
		}
		for operator in VehicleOperators::<T>::take(vehicle) {
			Self::release_delegate_deposit(&entry.owner, &operator)?;
			Self::deposit_event(Event::OperatorRevoked {
				vehicle,
				vin: entry.vin,
				operator: operator.account,
			});
		}
		Ok(())
	}

	fn release_delegate_deposit(owner: &T::AccountId, delegate: &Delegate<T>) -> DispatchResult {
		T::Currency::release(
			&HoldReason::Delegate.into(),
			owner,
			delegate.deposit,
			Precision::Exact,
		)
		.map(|_| ())
	}

	/// Whether `who` is an operator of `vehicle` whose right has not ended.
	pub(crate) fn is_current_operator(vehicle: VehicleId, who: &T::AccountId) -> bool {
		let now = frame_system::Pallet::<T>::block_number();
		VehicleOperators::<T>::get(vehicle)
			.iter()
			.any(|o| o.account == *who && o.until.is_some_and(|until| until >= now))
	}
}
