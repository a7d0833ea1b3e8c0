//! A charger's meter agrees to serve it: the operator invites a device account, the account
//! accepts with its own key, and it may leave. Only an accepted meter confirms, stops and
//! cancels sessions; the operator always may, so a charger without one keeps working.
//!
//! Open sessions are not touched when a meter leaves or is replaced: the operator (or the
//! next accepted meter) confirms and stops them, their driver closes a pending one, and a
//! pending one lapses after `MaxPendingDuration` (`close_lapsed_session`).

use polkadot_sdk::{frame_support::ensure, sp_runtime::DispatchResult};

use crate::{ChargerId, ChargerMeter, Chargers, Config, Error, Event, Pallet};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_accept_charger_meter(
		meter: T::AccountId,
		charger: ChargerId,
	) -> DispatchResult {
		Chargers::<T>::try_mutate(charger, |entry| -> DispatchResult {
			let entry = entry.as_mut().ok_or(Error::<T>::ChargerNotFound)?;
			ensure!(
				entry.meter == ChargerMeter::Invited(meter.clone()),
				Error::<T>::NotInvitedMeter
			);
			entry.meter = ChargerMeter::Accepted(meter.clone());
			Ok(())
		})?;
		Self::deposit_event(Event::MeterAccepted { charger, meter });
		Ok(())
	}

	pub(crate) fn do_leave_charger_meter(
		meter: T::AccountId,
		charger: ChargerId,
	) -> DispatchResult {
		Chargers::<T>::try_mutate(charger, |entry| -> DispatchResult {
			let entry = entry.as_mut().ok_or(Error::<T>::ChargerNotFound)?;
			ensure!(entry.meter.named() == Some(&meter), Error::<T>::NotMeter);
			entry.meter = ChargerMeter::None;
			Ok(())
		})?;
		Self::deposit_event(Event::MeterLeft { charger, meter });
		Ok(())
	}

	pub(crate) fn do_set_charger_meter(
		operator: T::AccountId,
		charger: ChargerId,
		device: Option<T::AccountId>,
	) -> DispatchResult {
		let mut entry = Self::operated_charger(&operator, charger)?;
		let previous = entry.meter.named().cloned();
		match &device {
			Some(device) => {
				ensure!(*device != operator, Error::<T>::MeterIsOperator);
				ensure!(previous.as_ref() != Some(device), Error::<T>::MeterUnchanged);
			}
			None => ensure!(previous.is_some(), Error::<T>::NoMeter),
		}
		entry.meter = device.clone().map_or(ChargerMeter::None, ChargerMeter::Invited);
		Chargers::<T>::insert(charger, entry);
		if let Some(meter) = previous {
			Self::deposit_event(Event::MeterRemoved { charger, meter });
		}
		if let Some(meter) = device {
			Self::deposit_event(Event::MeterInvited { charger, meter });
		}
		Ok(())
	}
}
