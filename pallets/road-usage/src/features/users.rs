//! Service users: the owner picks the vehicle's provider (its service periods) and keeps its
//! prepaid toll balance; which provider serves a vehicle on a day.

use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	sp_runtime::{
		traits::{CheckedAdd, CheckedSub, Zero},
		DispatchResult,
	},
};
use v2x_primitives::{VehicleId, VehicleRegistry, VehicleStatus};

use crate::{
	BalanceOf, Config, Day, Error, Event, HoldReason, Pallet, Prepaid, PrepaidBalance, Providers,
	ServicePeriod, ServicePeriods,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_set_provider(
		who: T::AccountId,
		vehicle: VehicleId,
		provider: Option<T::AccountId>,
	) -> DispatchResult {
		Self::ensure_owner(&who, vehicle)?;
		Self::ensure_active(vehicle)?;
		if let Some(provider) = &provider {
			let entry = Providers::<T>::get(provider).ok_or(Error::<T>::UnknownProvider)?;
			ensure!(entry.active, Error::<T>::ProviderNotActive);
		}
		let today = Self::today();
		let mut periods = ServicePeriods::<T>::get(vehicle);
		let current = periods.last_mut().filter(|period| period.until.is_none());
		match (&current, &provider) {
			(Some(period), Some(provider)) => {
				ensure!(period.provider != *provider, Error::<T>::AlreadySubscribed)
			}
			(None, None) => return Err(Error::<T>::NoProvider.into()),
			_ => {}
		}
		// The current provider serves today too: it declares today's usage until the change.
		if let Some(period) = current {
			period.until = Some(today);
		}
		let age = T::MaxDeclarationAge::get();
		periods
			.retain(|period| period.until.is_none_or(|until| until.saturating_add(age) >= today));
		if let Some(provider) = &provider {
			periods
				.try_push(ServicePeriod { provider: provider.clone(), from: today, until: None })
				.map_err(|_| Error::<T>::TooManyProviderChanges)?;
		}
		if periods.is_empty() {
			ServicePeriods::<T>::remove(vehicle);
		} else {
			ServicePeriods::<T>::insert(vehicle, periods);
		}
		Self::deposit_event(Event::ProviderSet { vehicle, provider, from: today });
		Ok(())
	}

	pub(crate) fn do_top_up(
		who: T::AccountId,
		vehicle: VehicleId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		Self::ensure_owner(&who, vehicle)?;
		// A stolen or scrapped vehicle's unit may not pay passages: no money goes in for it.
		Self::ensure_active(vehicle)?;
		let mut entry = Prepaid::<T>::get(vehicle)
			.unwrap_or(PrepaidBalance { owner: who.clone(), amount: Zero::zero() });
		ensure!(entry.owner == who, Error::<T>::NotOwner);
		entry.amount = entry.amount.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		Self::hold(HoldReason::Prepaid, &who, amount)?;
		let balance = entry.amount;
		Prepaid::<T>::insert(vehicle, entry);
		Self::deposit_event(Event::PrepaidToppedUp { vehicle, owner: who, amount, balance });
		Ok(())
	}

	pub(crate) fn do_withdraw_prepaid(
		who: T::AccountId,
		vehicle: VehicleId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let mut entry = Prepaid::<T>::get(vehicle).ok_or(Error::<T>::InsufficientPrepaid)?;
		ensure!(entry.owner == who, Error::<T>::NotOwner);
		entry.amount = entry.amount.checked_sub(&amount).ok_or(Error::<T>::InsufficientPrepaid)?;
		let balance = entry.amount;
		if balance.is_zero() {
			Prepaid::<T>::remove(vehicle);
		} else {
			Prepaid::<T>::insert(vehicle, entry);
		}
		Self::release(HoldReason::Prepaid, &who, amount);
		Self::deposit_event(Event::PrepaidWithdrawn { vehicle, owner: who, amount, balance });
		Ok(())
	}

	/// Fails unless `who` owns `vehicle`.
	pub(crate) fn ensure_owner(who: &T::AccountId, vehicle: VehicleId) -> DispatchResult {
		let owner = T::Vehicles::owner(vehicle).ok_or(Error::<T>::UnknownVehicle)?;
		ensure!(owner == *who, Error::<T>::NotOwner);
		Ok(())
	}

	/// Fails unless `vehicle` is active: a stolen or scrapped vehicle gets no provider, no
	/// prepaid tolls, no paid passage and no platoon.
	pub(crate) fn ensure_active(vehicle: VehicleId) -> DispatchResult {
		ensure!(
			T::Vehicles::status(vehicle) == Some(VehicleStatus::Active),
			Error::<T>::VehicleNotActive
		);
		Ok(())
	}

	/// Whether `provider` serves `vehicle` on `day` (on the day of a change, the old and the
	/// new provider both do).
	pub fn serves(provider: &T::AccountId, vehicle: VehicleId, day: Day) -> bool {
		ServicePeriods::<T>::get(vehicle).iter().any(|period| period.serves(provider, day))
	}

	/// The provider serving `vehicle` on `day`: the newest of its periods that covers it.
	pub fn provider_on(vehicle: VehicleId, day: Day) -> Option<T::AccountId> {
		ServicePeriods::<T>::get(vehicle)
			.into_iter()
			.rev()
			.find(|period| period.covers(day))
			.map(|period| period.provider)
	}

	/// Ends the vehicle's open service period today (a sale or scrapping: the new owner picks
	/// a provider). Today's usage can still be declared by the provider.
	pub(crate) fn end_service(vehicle: VehicleId) {
		let today = Self::today();
		let mut periods = ServicePeriods::<T>::get(vehicle);
		let Some(current) = periods.last_mut().filter(|period| period.until.is_none()) else {
			return;
		};
		current.until = Some(today);
		ServicePeriods::<T>::insert(vehicle, periods);
		Self::deposit_event(Event::ProviderSet { vehicle, provider: None, from: today });
	}

	/// Releases the vehicle's whole prepaid balance to the owner who topped it up (a sale or
	/// scrapping).
	pub(crate) fn release_prepaid(vehicle: VehicleId) {
		let Some(entry) = Prepaid::<T>::take(vehicle) else { return };
		Self::release(HoldReason::Prepaid, &entry.owner, entry.amount);
		Self::deposit_event(Event::PrepaidReleased {
			vehicle,
			owner: entry.owner,
			amount: entry.amount,
		});
	}
}
