//! Tariffs: created, versioned and removed by their owners.

use polkadot_sdk::{
	frame_support::ensure,
	sp_runtime::{DispatchError, DispatchResult},
};

use crate::{
	tariff::{check_element, TariffFault},
	BalanceOf, Config, ElementsOf, Error, Event, HoldReason, NextTariffId, Pallet, Tariff,
	TariffId, TariffVersion, TariffVersionEntry, TariffVersions, Tariffs,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_create_tariff(
		owner: T::AccountId,
		elements: ElementsOf<T>,
		deposit: BalanceOf<T>,
	) -> Result<TariffId, DispatchError> {
		Self::ensure_valid_elements(&elements)?;
		let tariff = NextTariffId::<T>::get();
		let next = tariff.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
		Self::hold(HoldReason::Tariff, &owner, deposit)?;
		NextTariffId::<T>::put(next);
		Tariffs::<T>::insert(
			tariff,
			Tariff { owner: owner.clone(), version: 0, users: 0, deposit },
		);
		TariffVersions::<T>::insert(tariff, 0, TariffVersionEntry { elements, sessions: 0 });
		Self::deposit_event(Event::TariffCreated { tariff, owner });
		Ok(tariff)
	}

	pub(crate) fn do_update_tariff(
		owner: T::AccountId,
		tariff: TariffId,
		elements: ElementsOf<T>,
	) -> DispatchResult {
		let mut entry = Self::owned_tariff(&owner, tariff)?;
		Self::ensure_valid_elements(&elements)?;
		let old = entry.version;
		let version = old.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
		entry.version = version;
		TariffVersions::<T>::insert(tariff, version, TariffVersionEntry { elements, sessions: 0 });
		Tariffs::<T>::insert(tariff, entry);
		Self::drop_version_if_unused(tariff, old);
		Self::deposit_event(Event::TariffUpdated { tariff, version });
		Ok(())
	}

	pub(crate) fn do_remove_tariff(owner: T::AccountId, tariff: TariffId) -> DispatchResult {
		let entry = Self::owned_tariff(&owner, tariff)?;
		ensure!(entry.users == 0, Error::<T>::TariffInUse);
		Self::release(HoldReason::Tariff, &owner, entry.deposit)?;
		Tariffs::<T>::remove(tariff);
		Self::drop_version_if_unused(tariff, entry.version);
		Self::deposit_event(Event::TariffRemoved { tariff });
		Ok(())
	}

	/// The tariff, if `owner` owns it.
	pub(crate) fn owned_tariff(
		owner: &T::AccountId,
		tariff: TariffId,
	) -> Result<Tariff<T>, DispatchError> {
		let entry = Tariffs::<T>::get(tariff).ok_or(Error::<T>::TariffNotFound)?;
		ensure!(entry.owner == *owner, Error::<T>::NotTariffOwner);
		Ok(entry)
	}

	/// Counts one more (`true`) or one fewer charger or member using `tariff`.
	pub(crate) fn count_tariff_user(tariff: TariffId, more: bool) {
		Tariffs::<T>::mutate(tariff, |entry| {
			if let Some(entry) = entry {
				entry.users = if more {
					entry.users.saturating_add(1)
				} else {
					entry.users.saturating_sub(1)
				};
			}
		});
	}

	/// Removes a version no session uses and that is no longer current (or whose tariff is
	/// gone).
	pub(crate) fn drop_version_if_unused(tariff: TariffId, version: TariffVersion) {
		let current = Tariffs::<T>::get(tariff).map(|entry| entry.version);
		let unused = TariffVersions::<T>::get(tariff, version).is_some_and(|v| v.sessions == 0);
		if unused && current != Some(version) {
			TariffVersions::<T>::remove(tariff, version);
		}
	}

	fn ensure_valid_elements(elements: &ElementsOf<T>) -> DispatchResult {
		ensure!(!elements.is_empty(), Error::<T>::EmptyTariff);
		for element in elements {
			check_element(element).map_err(|fault| match fault {
				TariffFault::NoPrice => Error::<T>::NoPrice,
				TariffFault::BadTime => Error::<T>::InvalidTime,
				TariffFault::EmptyRange => Error::<T>::EmptyRange,
			})?;
		}
		Ok(())
	}
}
