//! Vehicle-to-grid discharge sessions: a driver lets the vehicle export energy through a
//! bidirectional charger, never below the minimum state of charge it set, and the charger's
//! operator pays it per exported kWh from an escrow held at the start.

use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{
			fungible::MutateHold,
			tokens::{Fortitude, Precision, Restriction},
			Get,
		},
	},
	frame_system,
	sp_runtime::{traits::Zero, DispatchError, DispatchResult, SaturatedConversion, Saturating},
};
use v2x_primitives::VehicleId;

use super::sessions::{ensure_may_close, is_charger_party};
use crate::{
	BalanceOf, BatteryState, ChargerId, Chargers, Config, Discharge, DischargeReading,
	DischargeRecord, DischargeRecords, Discharges, Error, Event, GridChargers, HoldReason,
	MeterReading, NextSessionId, Pallet, PendingSince, SessionId, SessionState, VehicleSessions,
	WattHours,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_start_discharge(
		driver: T::AccountId,
		charger: ChargerId,
		vehicle: VehicleId,
		battery: BatteryState,
	) -> Result<SessionId, DispatchError> {
		let mut entry = Chargers::<T>::get(charger).ok_or(Error::<T>::ChargerNotFound)?;
		ensure!(entry.enabled, Error::<T>::ChargerDisabled);
		ensure!(entry.session.is_none(), Error::<T>::ChargerBusy);
		ensure!(entry.bidirectional, Error::<T>::NotBidirectional);
		let export_per_kwh = GridChargers::<T>::get(charger)
			.ok_or(Error::<T>::NotOptedIn)?
			.export_per_kwh
			.ok_or(Error::<T>::NoExportPrice)?;
		Self::ensure_may_drive(&driver, vehicle)?;
		Self::tariff_for(charger, &entry, &driver)?;
		ensure!(!VehicleSessions::<T>::contains_key(vehicle), Error::<T>::VehicleBusy);
		ensure!(
			battery.capacity_wh > 0
				&& battery.soc_percent <= 100
				&& battery.min_soc_percent < battery.soc_percent,
			Error::<T>::InvalidSoc
		);
		let export_cap_wh = above_minimum_wh(&battery).min(T::MaxEnergyCap::get());
		ensure!(export_cap_wh > 0, Error::<T>::InvalidCap);
		let escrow = Self::export_payment(export_per_kwh, export_cap_wh)?;
		let session = NextSessionId::<T>::get();
		let next = session.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
		let record_deposit = T::RecordDeposit::get();
		Self::hold(HoldReason::DischargeEscrow, &entry.operator, escrow)
			.map_err(|_| Error::<T>::OperatorUnfunded)?;
		Self::hold(HoldReason::ChargeRecord, &driver, record_deposit)?;

		NextSessionId::<T>::put(next);
		let operator = entry.operator.clone();
		entry.session = Some(session);
		Chargers::<T>::insert(charger, entry);
		VehicleSessions::<T>::insert(vehicle, session);
		PendingSince::<T>::insert(session, frame_system::Pallet::<T>::block_number());
		Discharges::<T>::insert(
			session,
			Discharge {
				charger,
				vehicle,
				driver: driver.clone(),
				operator,
				export_per_kwh,
				battery,
				export_cap_wh,
				escrow,
				record_deposit,
				state: SessionState::Pending,
			},
		);
		Self::deposit_event(Event::DischargeStarted {
			session,
			charger,
			vehicle,
			driver,
			export_cap_wh,
			escrow,
		});
		Ok(session)
	}

	/// `confirm_session` for a discharge session.
	pub(crate) fn confirm_discharge(
		caller: T::AccountId,
		session: SessionId,
		mut open: Discharge<T>,
	) -> DispatchResult {
		let charger = Chargers::<T>::get(open.charger).ok_or(Error::<T>::ChargerNotFound)?;
		ensure!(is_charger_party(&charger, &caller), Error::<T>::NotCharger);
		ensure!(open.state == SessionState::Pending, Error::<T>::NotPending);
		let started_ms = Self::now_ms();
		open.state = SessionState::Active { started_ms };
		Discharges::<T>::insert(session, open);
		PendingSince::<T>::remove(session);
		Self::deposit_event(Event::SessionActivated { session, started_ms });
		Ok(())
	}

	pub(crate) fn do_stop_discharge(
		caller: T::AccountId,
		session: SessionId,
		reading: DischargeReading,
	) -> DispatchResult {
		let open = Self::open_discharge(session)?;
		let charger = Chargers::<T>::get(open.charger).ok_or(Error::<T>::ChargerNotFound)?;
		ensure!(is_charger_party(&charger, &caller), Error::<T>::NotCharger);
		let SessionState::Active { started_ms } = open.state else {
			return Err(Error::<T>::NotActive.into());
		};
		ensure!(
			reading.final_soc_percent >= open.battery.min_soc_percent
				&& reading.exported_wh <= above_minimum_wh(&open.battery),
			Error::<T>::BelowMinimumSoc
		);
		ensure!(reading.exported_wh <= open.export_cap_wh, Error::<T>::CapExceeded);
		ensure!(
			reading.final_soc_percent <= open.battery.soc_percent,
			Error::<T>::ImplausibleReading
		);
		let metered = MeterReading {
			energy_wh: reading.exported_wh,
			charging_secs: reading.discharging_secs,
			parking_secs: 0,
		};
		Self::ensure_plausible(&charger, started_ms, &metered)?;
		let payment = Self::export_payment(open.export_per_kwh, reading.exported_wh)?;
		// The escrow pays the cap by construction, and the payment grows with the energy.
		ensure!(payment <= open.escrow, Error::<T>::Overflow);
		let refund = open.escrow.saturating_sub(payment);
		if !payment.is_zero() {
			T::Currency::transfer_on_hold(
				&HoldReason::DischargeEscrow.into(),
				&open.operator,
				&open.driver,
				payment,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Polite,
			)?;
		}
		Self::release(HoldReason::DischargeEscrow, &open.operator, refund)?;
		DischargeRecords::<T>::insert(
			session,
			DischargeRecord {
				charger: open.charger,
				vehicle: open.vehicle,
				driver: open.driver.clone(),
				operator: open.operator.clone(),
				started_ms,
				battery: open.battery,
				reading,
				export_per_kwh: open.export_per_kwh,
				payment,
				settled_at: frame_system::Pallet::<T>::block_number(),
				deposit: open.record_deposit,
			},
		);
		Self::end_discharge(session, &open);
		Self::deposit_event(Event::DischargeCompleted {
			session,
			exported_wh: reading.exported_wh,
			payment,
			refund,
		});
		Ok(())
	}

	/// `close_session` for a discharge session: the escrow back to the operator, the record
	/// deposit to the driver.
	pub(crate) fn close_discharge(
		caller: T::AccountId,
		session: SessionId,
		open: Discharge<T>,
	) -> DispatchResult {
		let charger = Chargers::<T>::get(open.charger).ok_or(Error::<T>::ChargerNotFound)?;
		ensure_may_close::<T>(&caller, &open.driver, &charger, open.state)?;
		Self::invalidate_discharge(session, open)
	}

	/// Ends an open discharge session without settling it: its escrow goes back to the
	/// operator, its record deposit to the driver.
	pub(crate) fn invalidate_discharge(session: SessionId, open: Discharge<T>) -> DispatchResult {
		Self::release(HoldReason::DischargeEscrow, &open.operator, open.escrow)?;
		Self::release(HoldReason::ChargeRecord, &open.driver, open.record_deposit)?;
		Self::end_discharge(session, &open);
		Self::deposit_event(Event::DischargeInvalidated {
			session,
			operator: open.operator,
			refund: open.escrow,
		});
		Ok(())
	}

	/// What the operator pays for `exported_wh` at `export_per_kwh` (rounded down).
	pub(crate) fn export_payment(
		export_per_kwh: BalanceOf<T>,
		exported_wh: WattHours,
	) -> Result<BalanceOf<T>, DispatchError> {
		let payment = export_per_kwh
			.saturated_into::<u128>()
			.checked_mul(exported_wh.into())
			.ok_or(Error::<T>::Overflow)?
			/ 1_000;
		Self::balance(payment)
	}

	/// The open discharge session, or why there is none.
	fn open_discharge(session: SessionId) -> Result<Discharge<T>, DispatchError> {
		Discharges::<T>::get(session).ok_or_else(|| {
			if crate::Sessions::<T>::contains_key(session) {
				Error::<T>::WrongSessionKind.into()
			} else if session < NextSessionId::<T>::get() {
				Error::<T>::SessionClosed.into()
			} else {
				Error::<T>::SessionNotFound.into()
			}
		})
	}

	/// Removes an ended discharge from the open ones and frees its charger and vehicle.
	fn end_discharge(session: SessionId, open: &Discharge<T>) {
		Discharges::<T>::remove(session);
		PendingSince::<T>::remove(session);
		VehicleSessions::<T>::remove(open.vehicle);
		Chargers::<T>::mutate(open.charger, |entry| {
			if let Some(entry) = entry {
				entry.session = None;
			}
		});
	}
}

/// The energy between the battery's state of charge and its minimum, in Wh (rounded down).
pub(crate) fn above_minimum_wh(battery: &BatteryState) -> WattHours {
	let percent = battery.soc_percent.saturating_sub(battery.min_soc_percent);
	let wh = u64::from(battery.capacity_wh).saturating_mul(percent.into()) / 100;
	WattHours::try_from(wh).unwrap_or(WattHours::MAX)
}
