//! Accounts the owner lets act for the vehicle: devices (telematics unit, on-board charger)
//! that sign telemetry, and operators (lessee, car-sharing user, fleet driver) with a right
//! until a block. Each entry holds `DelegateDeposit` from the owner, released to the owner
//! when it goes.
//!
//! A device is bound in two steps: the owner invites it, the device accepts. Invitations are
//! kept per vehicle, so inviting a device to one vehicle does not stop another owner from
//! inviting it too; the first invitation it accepts binds it.

use crate::{
	Config, Delegate, DeviceVehicle, Error, Event, HoldReason, Pallet, PendingDevices, Vehicle,
	VehicleDevices, VehicleOperators, Vehicles,
};
use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{fungible::MutateHold, tokens::Precision, Get},
		BoundedVec,
	},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::{DispatchError, DispatchResult},
};
use v2x_primitives::{VehicleId, VehicleStatus};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_bind_device(
		owner: T::AccountId,
		vehicle: VehicleId,
		device: T::AccountId,
	) -> DispatchResult {
		let entry = Self::owned_active_vehicle(&owner, vehicle)?;
		ensure!(device != owner, Error::<T>::SelfDealing);
		ensure!(!DeviceVehicle::<T>::contains_key(&device), Error::<T>::DeviceAlreadyBound);
		let bound = VehicleDevices::<T>::decode_len(vehicle).unwrap_or(0);
		let deposit = T::DelegateDeposit::get();
		PendingDevices::<T>::try_mutate(vehicle, |pending| {
			ensure!(!pending.iter().any(|d| d.account == device), Error::<T>::AlreadyInvited);
			ensure!(
				bound.saturating_add(pending.len()) < T::MaxDevicesPerVehicle::get() as usize,
				Error::<T>::TooManyDevices
			);
			pending
				.try_push(Delegate { account: device.clone(), until: None, deposit })
				.map_err(|_| Error::<T>::TooManyDevices)
		})?;
		T::Currency::hold(&HoldReason::Delegate.into(), &owner, deposit)?;
		Self::deposit_event(Event::DeviceInvited { vehicle, vin: entry.vin, device });
		Ok(())
	}

	pub(crate) fn do_accept_device_binding(
		device: T::AccountId,
		vehicle: VehicleId,
	) -> DispatchResult {
		let entry = Vehicles::<T>::get(vehicle).ok_or(Error::<T>::NotFound)?;
		ensure!(entry.status == VehicleStatus::Active, Error::<T>::VehicleNotActive);
		let mut pending = PendingDevices::<T>::get(vehicle);
		let invitation = take_delegate(&mut pending, &device).ok_or(Error::<T>::NotInvited)?;
		ensure!(!DeviceVehicle::<T>::contains_key(&device), Error::<T>::DeviceAlreadyBound);
		// The invitation held a slot: moving it to the bound list cannot exceed the bound.
		VehicleDevices::<T>::try_mutate(vehicle, |devices| {
			devices.try_push(invitation).map_err(|_| Error::<T>::TooManyDevices)
		})?;
		PendingDevices::<T>::insert(vehicle, pending);
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
		let mut devices = VehicleDevices::<T>::get(vehicle);
		if let Some(removed) = take_delegate(&mut devices, &device) {
			VehicleDevices::<T>::insert(vehicle, devices);
			DeviceVehicle::<T>::remove(&device);
			Self::release_delegate_deposit(&owner, &removed)?;
			Self::deposit_event(Event::DeviceUnbound { vehicle, vin: entry.vin, device });
			return Ok(());
		}
		let mut pending = PendingDevices::<T>::get(vehicle);
		let withdrawn = take_delegate(&mut pending, &device).ok_or(Error::<T>::DeviceNotBound)?;
		PendingDevices::<T>::insert(vehicle, pending);
		Self::release_delegate_deposit(&owner, &withdrawn)?;
		Self::deposit_event(Event::DeviceInvitationWithdrawn { vehicle, vin: entry.vin, device });
		Ok(())
	}

	pub(crate) fn do_leave_vehicle(device: T::AccountId, vehicle: VehicleId) -> DispatchResult {
		let entry = Vehicles::<T>::get(vehicle).ok_or(Error::<T>::NotFound)?;
		let mut devices = VehicleDevices::<T>::get(vehicle);
		let removed = take_delegate(&mut devices, &device).ok_or(Error::<T>::DeviceNotBound)?;
		VehicleDevices::<T>::insert(vehicle, devices);
		DeviceVehicle::<T>::remove(&device);
		Self::release_delegate_deposit(&entry.owner, &removed)?;
		Self::deposit_event(Event::DeviceLeft { vehicle, vin: entry.vin, device });
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
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(until >= now, Error::<T>::InvalidExpiry);
		Self::prune_expired_operators(vehicle, &entry, now)?;
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
		Self::remove_operator(vehicle, &entry, &operator)?;
		Self::deposit_event(Event::OperatorRevoked { vehicle, vin: entry.vin, operator });
		Ok(())
	}

	pub(crate) fn do_renounce_operator(
		operator: T::AccountId,
		vehicle: VehicleId,
	) -> DispatchResult {
		let entry = Vehicles::<T>::get(vehicle).ok_or(Error::<T>::NotFound)?;
		Self::remove_operator(vehicle, &entry, &operator)?;
		Self::deposit_event(Event::OperatorRenounced { vehicle, vin: entry.vin, operator });
		Ok(())
	}

	/// Unbinds every device, withdraws every invitation and revokes every operator of
	/// `vehicle` (on a sale or scrapping), releasing the deposits to the owner.
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
		Self::end_granted_rights(vehicle, entry)
	}

	/// Withdraws every device invitation and revokes every operator of `vehicle` (on a theft,
	/// sale or scrapping), releasing the deposits to the owner. Bound devices stay.
	pub(crate) fn end_granted_rights(vehicle: VehicleId, entry: &Vehicle<T>) -> DispatchResult {
		for invitation in PendingDevices::<T>::take(vehicle) {
			Self::release_delegate_deposit(&entry.owner, &invitation)?;
			Self::deposit_event(Event::DeviceInvitationWithdrawn {
				vehicle,
				vin: entry.vin,
				device: invitation.account,
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

	/// Removes the operators of `vehicle` whose right ended before `now`, releasing their
	/// deposits to the owner.
	fn prune_expired_operators(
		vehicle: VehicleId,
		entry: &Vehicle<T>,
		now: BlockNumberFor<T>,
	) -> DispatchResult {
		let mut operators = VehicleOperators::<T>::get(vehicle);
		let mut expired = alloc::vec::Vec::new();
		operators.retain(|o| {
			let live = o.until.is_some_and(|until| until >= now);
			if !live {
				expired.push(o.clone());
			}
			live
		});
		if expired.is_empty() {
			return Ok(());
		}
		VehicleOperators::<T>::insert(vehicle, operators);
		for operator in expired {
			Self::release_delegate_deposit(&entry.owner, &operator)?;
			Self::deposit_event(Event::OperatorExpired {
				vehicle,
				vin: entry.vin,
				operator: operator.account,
				until: operator.until.unwrap_or(now),
			});
		}
		Ok(())
	}

	/// Removes `operator` from `vehicle` and releases its deposit to the owner.
	fn remove_operator(
		vehicle: VehicleId,
		entry: &Vehicle<T>,
		operator: &T::AccountId,
	) -> DispatchResult {
		let mut operators = VehicleOperators::<T>::get(vehicle);
		let removed = take_delegate(&mut operators, operator).ok_or(Error::<T>::NotOperator)?;
		VehicleOperators::<T>::insert(vehicle, operators);
		Self::release_delegate_deposit(&entry.owner, &removed)
	}

	fn release_delegate_deposit(
		owner: &T::AccountId,
		delegate: &Delegate<T>,
	) -> Result<(), DispatchError> {
		T::Currency::release(
			&HoldReason::Delegate.into(),
			owner,
			delegate.deposit,
			Precision::Exact,
		)
		.map(|_| ())
	}

	/// The last block of `who`'s operator right on `vehicle`, if it has not ended.
	pub(crate) fn live_operator_until(
		vehicle: VehicleId,
		who: &T::AccountId,
	) -> Option<BlockNumberFor<T>> {
		let now = frame_system::Pallet::<T>::block_number();
		VehicleOperators::<T>::get(vehicle)
			.iter()
			.find(|o| o.account == *who)
			.and_then(|o| o.until)
			.filter(|until| *until >= now)
	}
}

/// Removes `account`'s entry from `list` and returns it.
fn take_delegate<T: Config, S>(
	list: &mut BoundedVec<Delegate<T>, S>,
	account: &T::AccountId,
) -> Option<Delegate<T>> {
	let index = list.iter().position(|d| d.account == *account)?;
	Some(list.remove(index))
}
