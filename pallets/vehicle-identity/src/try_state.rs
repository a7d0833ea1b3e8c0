//! The invariants of the identity pallet, checked by the `try_state` hook and after every
//! test.

use crate::{
	BalanceOf, Config, ControlledLiens, Delegate, DeviceVehicle, HoldReason, LienConsents,
	Manufacturers, NextVehicleId, OwnedVehicles, OwnershipHistory, Pallet, PendingDevices,
	SaleOffers, Vehicle, VehicleByVin, VehicleDevices, VehicleOperators, Vehicles, WmiOwner,
};
use alloc::collections::BTreeMap;
use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{fungible::InspectHold, Get},
	},
	frame_system,
	sp_runtime::{
		traits::{Saturating, Zero},
		TryRuntimeError,
	},
};
use v2x_primitives::{VehicleId, VehicleStatus};

impl<T: Config> Pallet<T> {
	/// Checks that
	/// - the indexes agree with the vehicle map: every vehicle has an id below
	///   `NextVehicleId`, its VIN points back to it and its owner's index lists it; the VIN
	///   and owner indexes hold nothing else; every device points to a vehicle that lists it
	///   and the other way round; every WMI owner is a manufacturer that lists the WMI;
	/// - offers, lien consents, ownership histories and the device, invitation and operator
	///   lists belong to existing vehicles; a history counts at least the sales it keeps, and
	///   those chain from seller to buyer up to the current owner;
	/// - no account is listed twice as a device, invited device or operator of a vehicle, and
	///   bound and invited devices together stay within `MaxDevicesPerVehicle`;
	/// - a vehicle that is not active has no invitations, operators or lien consent; a
	///   scrapped one also no devices, no lien and no deposit; a liened one no lien consent;
	///   a controlled lien is a lien;
	/// - an offer is on an active vehicle without a lien, and its seller is the owner;
	/// - every account's holds equal the deposits recorded for it: `VehicleRegistration` the
	///   sum of the `deposit` of the vehicles it registered, `Delegate` the sum of the
	///   deposits of the devices, invitations and operators of the vehicles it owns. Both
	///   ways: an account holding a deposit no entry records is found too.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::check_indexes()?;
		Self::check_references()?;
		for (id, vehicle) in Vehicles::<T>::iter() {
			Self::check_rights(id, &vehicle)?;
		}
		Self::check_deposits()
	}

	fn check_indexes() -> Result<(), TryRuntimeError> {
		let next_id = NextVehicleId::<T>::get();
		let mut vehicles: u64 = 0;
		for (id, vehicle) in Vehicles::<T>::iter() {
			vehicles = vehicles.saturating_add(1);
			ensure!(id < next_id, "vehicle id not below NextVehicleId");
			ensure!(VehicleByVin::<T>::get(vehicle.vin) == Some(id), "VIN index disagrees");
			ensure!(
				OwnedVehicles::<T>::contains_key(&vehicle.owner, id),
				"owner index misses a vehicle"
			);
			for device in VehicleDevices::<T>::get(id) {
				ensure!(
					DeviceVehicle::<T>::get(&device.account) == Some(id),
					"vehicle lists a device bound elsewhere"
				);
			}
		}
		ensure!(VehicleByVin::<T>::iter().count() as u64 == vehicles, "stale VIN index entry");
		for (owner, id, ()) in OwnedVehicles::<T>::iter() {
			ensure!(
				Vehicles::<T>::get(id).is_some_and(|v| v.owner == owner),
				"stale owner index entry"
			);
		}
		for (device, id) in DeviceVehicle::<T>::iter() {
			ensure!(
				VehicleDevices::<T>::get(id).iter().any(|d| d.account == device),
				"device points to a vehicle that does not list it"
			);
		}
		for (wmi, manufacturer) in WmiOwner::<T>::iter() {
			ensure!(
				Manufacturers::<T>::get(&manufacturer).is_some_and(|m| m.wmis.contains(&wmi)),
				"WMI owned by an unknown manufacturer"
			);
		}
		Ok(())
	}

	fn check_references() -> Result<(), TryRuntimeError> {
		for id in SaleOffers::<T>::iter_keys() {
			ensure!(Vehicles::<T>::contains_key(id), "offer on an unknown vehicle");
		}
		for id in LienConsents::<T>::iter_keys() {
			ensure!(Vehicles::<T>::contains_key(id), "lien consent on an unknown vehicle");
		}
		for id in ControlledLiens::<T>::iter_keys() {
			ensure!(
				Vehicles::<T>::get(id).is_some_and(|vehicle| vehicle.lien.is_some()),
				"a controlled lien on a vehicle without a lien"
			);
		}
		for id in VehicleDevices::<T>::iter_keys() {
			ensure!(Vehicles::<T>::contains_key(id), "devices of an unknown vehicle");
		}
		for id in PendingDevices::<T>::iter_keys() {
			ensure!(Vehicles::<T>::contains_key(id), "device invitations of an unknown vehicle");
		}
		for id in VehicleOperators::<T>::iter_keys() {
			ensure!(Vehicles::<T>::contains_key(id), "operators of an unknown vehicle");
		}
		for (id, history) in OwnershipHistory::<T>::iter() {
			let vehicle =
				Vehicles::<T>::get(id).ok_or("ownership history of an unknown vehicle")?;
			ensure!(
				history.recent.len() as u64 <= u64::from(history.count),
				"more sales kept than counted"
			);
			let last = history.recent.last().ok_or("an ownership history without a sale")?;
			ensure!(last.buyer == vehicle.owner, "the last sale's buyer is not the owner");
			ensure!(
				history
					.recent
					.windows(2)
					.all(|pair| pair[0].buyer == pair[1].seller && pair[0].at <= pair[1].at),
				"kept sales do not chain"
			);
		}
		Ok(())
	}

	fn check_rights(id: VehicleId, vehicle: &Vehicle<T>) -> Result<(), TryRuntimeError> {
		let devices = VehicleDevices::<T>::get(id);
		let pending = PendingDevices::<T>::get(id);
		let operators = VehicleOperators::<T>::get(id);
		ensure!(!lists_an_account_twice(&devices), "an account is listed twice as a device");
		ensure!(!lists_an_account_twice(&pending), "an account is invited twice as a device");
		ensure!(!lists_an_account_twice(&operators), "an account is listed twice as an operator");
		ensure!(
			!pending.iter().any(|p| devices.iter().any(|d| d.account == p.account)),
			"a device is both bound to and invited by a vehicle"
		);
		ensure!(
			devices.len().saturating_add(pending.len()) <= T::MaxDevicesPerVehicle::get() as usize,
			"more devices and invitations than MaxDevicesPerVehicle"
		);
		let consent = LienConsents::<T>::contains_key(id);
		if vehicle.status != VehicleStatus::Active {
			ensure!(pending.is_empty(), "a vehicle that is not active has device invitations");
			ensure!(operators.is_empty(), "a vehicle that is not active has operators");
			ensure!(!consent, "a vehicle that is not active has a lien consent");
		}
		if vehicle.status == VehicleStatus::Scrapped {
			ensure!(devices.is_empty(), "a scrapped vehicle has devices");
			ensure!(vehicle.lien.is_none(), "a scrapped vehicle has a lien");
			ensure!(vehicle.deposit.is_zero(), "a scrapped vehicle still holds its deposit");
		}
		if vehicle.lien.is_some() {
			ensure!(!consent, "a liened vehicle has a lien consent");
		}
		if let Some(offer) = SaleOffers::<T>::get(id) {
			ensure!(
				vehicle.status == VehicleStatus::Active,
				"offer on a vehicle that is not active"
			);
			ensure!(vehicle.lien.is_none(), "offer on a liened vehicle");
			ensure!(offer.seller == vehicle.owner, "an offer's seller is not the vehicle's owner");
		}
		Ok(())
	}

	fn check_deposits() -> Result<(), TryRuntimeError> {
		let mut registrations: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut delegates: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (id, vehicle) in Vehicles::<T>::iter() {
			let registered = registrations.entry(vehicle.manufacturer).or_default();
			*registered = registered.saturating_add(vehicle.deposit);
			let delegated = delegates.entry(vehicle.owner).or_default();
			let lists = [
				VehicleDevices::<T>::get(id).into_inner(),
				PendingDevices::<T>::get(id).into_inner(),
				VehicleOperators::<T>::get(id).into_inner(),
			];
			for delegate in lists.iter().flatten() {
				*delegated = delegated.saturating_add(delegate.deposit);
			}
		}
		let registration_reason: T::RuntimeHoldReason = HoldReason::VehicleRegistration.into();
		let delegate_reason: T::RuntimeHoldReason = HoldReason::Delegate.into();
		for (manufacturer, deposits) in &registrations {
			ensure!(
				T::Currency::balance_on_hold(&registration_reason, manufacturer) == *deposits,
				"a manufacturer's hold differs from its vehicles' deposits"
			);
		}
		for (owner, deposits) in &delegates {
			ensure!(
				T::Currency::balance_on_hold(&delegate_reason, owner) == *deposits,
				"an owner's hold differs from its delegates' deposits"
			);
		}
		for who in frame_system::Account::<T>::iter_keys() {
			if !registrations.contains_key(&who) {
				ensure!(
					T::Currency::balance_on_hold(&registration_reason, &who).is_zero(),
					"a registration hold on an account that registered no vehicle"
				);
			}
			if !delegates.contains_key(&who) {
				ensure!(
					T::Currency::balance_on_hold(&delegate_reason, &who).is_zero(),
					"a delegate hold on an account that owns no vehicle"
				);
			}
		}
		Ok(())
	}
}

/// Whether an account appears twice in `list`.
fn lists_an_account_twice<T: Config>(list: &[Delegate<T>]) -> bool {
	list.iter()
		.enumerate()
		.any(|(index, d)| list.iter().skip(index.saturating_add(1)).any(|e| e.account == d.account))
}
