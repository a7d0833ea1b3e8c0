//! Chargers and their members, managed by their operators.

use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	sp_runtime::{DispatchError, DispatchResult},
};

use crate::{
	AccessRule, BalanceOf, Charger, ChargerId, ChargerMeter, ChargerSpec, Chargers, Config, Error,
	Event, GridChargers, HoldReason, Members, Membership, NextChargerId, Pallet, TariffId,
};

/// The characters of a geohash (base32 without `a`, `i`, `l`, `o`).
const GEOHASH_ALPHABET: &[u8] = b"0123456789bcdefghjkmnpqrstuvwxyz";

impl<T: Config> Pallet<T> {
	pub(crate) fn do_register_charger(
		operator: T::AccountId,
		spec: ChargerSpec<T>,
		deposit: BalanceOf<T>,
	) -> Result<ChargerId, DispatchError> {
		ensure!(is_geohash(&spec.location), Error::<T>::InvalidGeohash);
		ensure!(spec.max_power_kw > 0, Error::<T>::InvalidPower);
		ensure!(spec.device != operator, Error::<T>::MeterIsOperator);
		Self::owned_tariff(&operator, spec.tariff)?;
		let charger = NextChargerId::<T>::get();
		let next = charger.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
		Self::hold(HoldReason::Charger, &operator, deposit)?;
		NextChargerId::<T>::put(next);
		Self::count_tariff_user(spec.tariff, true);
		let entry = Charger {
			operator: operator.clone(),
			meter: ChargerMeter::Invited(spec.device.clone()),
			location: spec.location.clone(),
			max_power_kw: spec.max_power_kw,
			connector: spec.connector,
			bidirectional: spec.bidirectional,
			access: spec.access,
			tariff: spec.tariff,
			enabled: true,
			session: None,
			members: 0,
			deposit,
		};
		Chargers::<T>::insert(charger, entry);
		Self::deposit_event(Event::ChargerRegistered {
			charger,
			operator,
			device: spec.device,
			location: spec.location,
			access: spec.access,
			tariff: spec.tariff,
		});
		Ok(charger)
	}

	pub(crate) fn do_set_enabled(
		operator: T::AccountId,
		charger: ChargerId,
		enabled: bool,
	) -> DispatchResult {
		let mut entry = Self::operated_charger(&operator, charger)?;
		match (entry.enabled, enabled) {
			(true, true) => return Err(Error::<T>::AlreadyEnabled.into()),
			(false, false) => return Err(Error::<T>::AlreadyDisabled.into()),
			_ => {}
		}
		entry.enabled = enabled;
		Chargers::<T>::insert(charger, entry);
		let event = if enabled {
			Event::ChargerEnabled { charger }
		} else {
			Event::ChargerDisabled { charger }
		};
		Self::deposit_event(event);
		Ok(())
	}

	pub(crate) fn do_remove_charger(operator: T::AccountId, charger: ChargerId) -> DispatchResult {
		let entry = Self::operated_charger(&operator, charger)?;
		ensure!(entry.session.is_none(), Error::<T>::ChargerBusy);
		Self::release(HoldReason::Charger, &operator, entry.deposit)?;
		for (_, member) in Members::<T>::drain_prefix(charger) {
			if let Some(tariff) = member.tariff {
				Self::count_tariff_user(tariff, false);
			}
		}
		Self::count_tariff_user(entry.tariff, false);
		GridChargers::<T>::remove(charger);
		Chargers::<T>::remove(charger);
		Self::deposit_event(Event::ChargerRemoved { charger, operator });
		Ok(())
	}

	pub(crate) fn do_add_member(
		operator: T::AccountId,
		charger: ChargerId,
		member: T::AccountId,
		tariff: Option<TariffId>,
	) -> DispatchResult {
		let mut entry = Self::operated_charger(&operator, charger)?;
		ensure!(entry.access == AccessRule::Members, Error::<T>::PublicCharger);
		ensure!(!Members::<T>::contains_key(charger, &member), Error::<T>::AlreadyMember);
		ensure!(entry.members < T::MaxMembers::get(), Error::<T>::TooManyMembers);
		if let Some(tariff) = tariff {
			Self::owned_tariff(&operator, tariff)?;
			Self::count_tariff_user(tariff, true);
		}
		entry.members = entry.members.saturating_add(1);
		Chargers::<T>::insert(charger, entry);
		Members::<T>::insert(charger, &member, Membership { tariff });
		Self::deposit_event(Event::MemberAdded { charger, member, tariff });
		Ok(())
	}

	pub(crate) fn do_remove_member(
		operator: T::AccountId,
		charger: ChargerId,
		member: T::AccountId,
	) -> DispatchResult {
		let mut entry = Self::operated_charger(&operator, charger)?;
		let removed = Members::<T>::take(charger, &member).ok_or(Error::<T>::NotMember)?;
		if let Some(tariff) = removed.tariff {
			Self::count_tariff_user(tariff, false);
		}
		entry.members = entry.members.saturating_sub(1);
		Chargers::<T>::insert(charger, entry);
		Self::deposit_event(Event::MemberRemoved { charger, member });
		Ok(())
	}

	/// The charger, if `operator` operates it.
	pub(crate) fn operated_charger(
		operator: &T::AccountId,
		charger: ChargerId,
	) -> Result<Charger<T>, DispatchError> {
		let entry = Chargers::<T>::get(charger).ok_or(Error::<T>::ChargerNotFound)?;
		ensure!(entry.operator == *operator, Error::<T>::NotChargerOperator);
		Ok(entry)
	}
}

/// Whether `location` is a non-empty geohash.
pub(crate) fn is_geohash(location: &[u8]) -> bool {
	!location.is_empty() && location.iter().all(|c| GEOHASH_ALPHABET.contains(c))
}
