//! Sessions: started by drivers with an escrow, confirmed and stopped by chargers, settled
//! in one step, closed when they never charged or timed out.

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
	sp_runtime::{traits::Zero, DispatchError, DispatchResult, Saturating},
};
use v2x_primitives::{Km, OdometerLog, OdometerSource, VehicleId, VehicleRegistry, VehicleStatus};

use crate::{
	tariff, AccessRule, BalanceOf, ChargeDetailRecord, Charger, ChargerId, ChargerTotals, Chargers,
	Config, CostBreakdown, Discharges, Error, Event, HeldPayment, HeldPayments, HoldReason,
	MemberMonthTotals, MemberTotals, Members, MeterReading, NextSessionId, Pallet, PendingSince,
	Records, Session, SessionId, SessionState, Sessions, TariffVersions, Tariffs, Totals,
	VehicleSessions, VehicleTotals, WattHours,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_start_session(
		driver: T::AccountId,
		charger: ChargerId,
		vehicle: VehicleId,
		energy_cap_wh: WattHours,
	) -> Result<SessionId, DispatchError> {
		let mut entry = Chargers::<T>::get(charger).ok_or(Error::<T>::ChargerNotFound)?;
		ensure!(entry.enabled, Error::<T>::ChargerDisabled);
		ensure!(entry.session.is_none(), Error::<T>::ChargerBusy);
		Self::ensure_may_drive(&driver, vehicle)?;
		let tariff = Self::tariff_for(charger, &entry, &driver)?;
		ensure!(!VehicleSessions::<T>::contains_key(vehicle), Error::<T>::VehicleBusy);
		ensure!(
			energy_cap_wh > 0 && energy_cap_wh <= T::MaxEnergyCap::get(),
			Error::<T>::InvalidCap
		);
		let version = Tariffs::<T>::get(tariff).ok_or(Error::<T>::TariffNotFound)?.version;
		let mut priced =
			TariffVersions::<T>::get(tariff, version).ok_or(Error::<T>::TariffNotFound)?;
		let escrow = Self::worst_case(&priced.elements, energy_cap_wh)?;
		let session = NextSessionId::<T>::get();
		let next = session.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
		let record_deposit = T::RecordDeposit::get();
		Self::hold(HoldReason::SessionEscrow, &driver, escrow)?;
		Self::hold(HoldReason::ChargeRecord, &driver, record_deposit)?;

		NextSessionId::<T>::put(next);
		priced.sessions = priced.sessions.saturating_add(1);
		TariffVersions::<T>::insert(tariff, version, priced);
		entry.session = Some(session);
		Chargers::<T>::insert(charger, entry);
		VehicleSessions::<T>::insert(vehicle, session);
		PendingSince::<T>::insert(session, frame_system::Pallet::<T>::block_number());
		Sessions::<T>::insert(
			session,
			Session {
				charger,
				vehicle,
				driver: driver.clone(),
				tariff,
				version,
				energy_cap_wh,
				escrow,
				record_deposit,
				state: SessionState::Pending,
			},
		);
		Self::deposit_event(Event::SessionStarted {
			session,
			charger,
			vehicle,
			driver,
			tariff,
			version,
			escrow,
		});
		Ok(session)
	}

	pub(crate) fn do_confirm_session(caller: T::AccountId, session: SessionId) -> DispatchResult {
		if let Some(discharge) = Discharges::<T>::get(session) {
			return Self::confirm_discharge(caller, session, discharge);
		}
		let mut open = Self::open_session(session)?;
		let charger = Chargers::<T>::get(open.charger).ok_or(Error::<T>::ChargerNotFound)?;
		ensure!(is_charger_party(&charger, &caller), Error::<T>::NotCharger);
		ensure!(open.state == SessionState::Pending, Error::<T>::NotPending);
		let started_ms = Self::now_ms();
		open.state = SessionState::Active { started_ms };
		Sessions::<T>::insert(session, open);
		PendingSince::<T>::remove(session);
		Self::deposit_event(Event::SessionActivated { session, started_ms });
		Ok(())
	}

	pub(crate) fn do_stop_session(
		caller: T::AccountId,
		session: SessionId,
		reading: MeterReading,
		odometer_km: Option<Km>,
	) -> DispatchResult {
		let open = Self::open_session(session)?;
		let charger = Chargers::<T>::get(open.charger).ok_or(Error::<T>::ChargerNotFound)?;
		ensure!(is_charger_party(&charger, &caller), Error::<T>::NotCharger);
		let SessionState::Active { started_ms } = open.state else {
			return Err(Error::<T>::NotActive.into());
		};
		ensure!(reading.energy_wh <= open.energy_cap_wh, Error::<T>::CapExceeded);
		Self::ensure_plausible(&charger, started_ms, &reading)?;
		let elements = TariffVersions::<T>::get(open.tariff, open.version)
			.ok_or(Error::<T>::TariffNotFound)?
			.elements;
		let started_secs = started_ms / 1_000;
		let priced =
			tariff::price(&elements, started_secs, &reading).ok_or(Error::<T>::Overflow)?;
		let cost = CostBreakdown {
			energy: Self::balance(priced.energy)?,
			time: Self::balance(priced.time)?,
			parking: Self::balance(priced.parking)?,
			flat: Self::balance(priced.flat)?,
			total: Self::balance(priced.total)?,
		};
		// The escrow covers the worst case by construction (`tariff::worst_case`).
		ensure!(cost.total <= open.escrow, Error::<T>::Overflow);
		let platform_fee = T::PlatformFee::get().mul_floor(cost.total);
		let operator_share = cost.total.saturating_sub(platform_fee);
		let refund = open.escrow.saturating_sub(cost.total);

		Self::pay_from_escrow(&open.driver, &charger.operator, operator_share)?;
		if !operator_share.is_zero() {
			Self::hold(HoldReason::OperatorPayment, &charger.operator, operator_share)?;
			HeldPayments::<T>::insert(
				session,
				HeldPayment { operator: charger.operator.clone(), amount: operator_share },
			);
		}
		Self::pay_from_escrow(&open.driver, &T::Treasury::get(), platform_fee)?;
		Self::release(HoldReason::SessionEscrow, &open.driver, refund)?;

		let month = tariff::month_of(started_secs);
		let add = |totals: &mut Totals<BalanceOf<T>>| {
			totals.sessions = totals.sessions.saturating_add(1);
			totals.energy_wh = totals.energy_wh.saturating_add(reading.energy_wh.into());
			totals.cost = totals.cost.saturating_add(cost.total);
		};
		VehicleTotals::<T>::mutate(open.vehicle, add);
		ChargerTotals::<T>::mutate(open.charger, add);
		MemberTotals::<T>::mutate(open.charger, &open.driver, add);
		MemberMonthTotals::<T>::mutate((open.charger, &open.driver, month), add);
		Records::<T>::insert(
			session,
			ChargeDetailRecord {
				charger: open.charger,
				vehicle: open.vehicle,
				driver: open.driver.clone(),
				operator: charger.operator.clone(),
				tariff: open.tariff,
				version: open.version,
				started_ms,
				month,
				reading,
				cost,
				platform_fee,
				settled_at: frame_system::Pallet::<T>::block_number(),
				deposit: open.record_deposit,
			},
		);
		Self::end_curtailment(session, &open.driver, Some(&reading))?;
		Self::end_session(session, &open);
		if let Some(km) = odometer_km {
			// The reading is evidence for the odometer history (a flagged one is kept there);
			// settling must not depend on it.
			let _ = T::Odometer::record_reading(open.vehicle, km, OdometerSource::Charger);
		}
		Self::deposit_event(Event::SessionCompleted {
			session,
			energy_wh: reading.energy_wh,
			cost: cost.total,
			operator_share,
			platform_fee,
			refund,
		});
		Ok(())
	}

	pub(crate) fn do_close_session(caller: T::AccountId, session: SessionId) -> DispatchResult {
		if let Some(discharge) = Discharges::<T>::get(session) {
			return Self::close_discharge(caller, session, discharge);
		}
		let open = Self::open_session(session)?;
		let charger = Chargers::<T>::get(open.charger).ok_or(Error::<T>::ChargerNotFound)?;
		ensure_may_close::<T>(&caller, &open.driver, &charger, open.state)?;
		Self::invalidate_session(session, open)
	}

	/// Ends an open charge session without settling it: its escrow and record deposit go
	/// back to the driver, a curtailment it accepted ends unpaid.
	pub(crate) fn invalidate_session(session: SessionId, open: Session<T>) -> DispatchResult {
		Self::release(HoldReason::SessionEscrow, &open.driver, open.escrow)?;
		Self::release(HoldReason::ChargeRecord, &open.driver, open.record_deposit)?;
		Self::end_curtailment(session, &open.driver, None)?;
		Self::end_session(session, &open);
		Self::deposit_event(Event::SessionInvalidated {
			session,
			driver: open.driver,
			refund: open.escrow,
		});
		Ok(())
	}

	/// The open charge session, or why there is none.
	pub(crate) fn open_session(session: SessionId) -> Result<Session<T>, DispatchError> {
		Sessions::<T>::get(session).ok_or_else(|| {
			if Discharges::<T>::contains_key(session) {
				Error::<T>::WrongSessionKind.into()
			} else if session < NextSessionId::<T>::get() {
				Error::<T>::SessionClosed.into()
			} else {
				Error::<T>::SessionNotFound.into()
			}
		})
	}

	/// The vehicle exists, is active, and `driver` may operate it.
	pub(crate) fn ensure_may_drive(driver: &T::AccountId, vehicle: VehicleId) -> DispatchResult {
		match T::Vehicles::status(vehicle) {
			None => return Err(Error::<T>::VehicleNotFound.into()),
			Some(VehicleStatus::Active) => {}
			Some(VehicleStatus::Stolen | VehicleStatus::Scrapped) => {
				return Err(Error::<T>::VehicleNotActive.into())
			}
		}
		ensure!(T::Vehicles::may_operate(vehicle, driver), Error::<T>::NotOperator);
		Ok(())
	}

	/// The tariff `driver` pays at `charger`: a member's own, or the charger's. Members-only
	/// chargers refuse anyone else.
	pub(crate) fn tariff_for(
		charger: ChargerId,
		entry: &Charger<T>,
		driver: &T::AccountId,
	) -> Result<crate::TariffId, DispatchError> {
		match entry.access {
			AccessRule::Public => Ok(entry.tariff),
			AccessRule::Members => {
				let member = Members::<T>::get(charger, driver).ok_or(Error::<T>::NotMember)?;
				Ok(member.tariff.unwrap_or(entry.tariff))
			}
		}
	}

	/// The escrow for a session with `energy_cap_wh` under `elements`.
	pub(crate) fn worst_case(
		elements: &[crate::TariffElement<BalanceOf<T>>],
		energy_cap_wh: WattHours,
	) -> Result<BalanceOf<T>, DispatchError> {
		let worst = tariff::worst_case(elements, energy_cap_wh, T::MaxSessionDuration::get())
			.ok_or(Error::<T>::Overflow)?;
		Self::balance(worst)
	}

	/// `amount` in the balance type.
	pub(crate) fn balance(amount: u128) -> Result<BalanceOf<T>, DispatchError> {
		BalanceOf::<T>::try_from(amount).map_err(|_| Error::<T>::Overflow.into())
	}

	/// The reading lasts no longer than the time since the start and `MaxSessionDuration`,
	/// and its energy fits the charger's power over its charging time.
	pub(crate) fn ensure_plausible(
		charger: &Charger<T>,
		started_ms: u64,
		reading: &MeterReading,
	) -> DispatchResult {
		let duration = u64::from(reading.charging_secs).saturating_add(reading.parking_secs.into());
		let elapsed = Self::now_ms().saturating_sub(started_ms) / 1_000;
		let most_wh = u128::from(charger.max_power_kw)
			.saturating_mul(reading.charging_secs.into())
			.saturating_mul(1_000)
			/ 3_600;
		ensure!(
			duration <= elapsed
				&& duration <= u64::from(T::MaxSessionDuration::get())
				&& u128::from(reading.energy_wh) <= most_wh,
			Error::<T>::ImplausibleReading
		);
		Ok(())
	}

	/// Pays `amount` of `driver`'s escrow to `to`.
	fn pay_from_escrow(
		driver: &T::AccountId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Currency::transfer_on_hold(
			&HoldReason::SessionEscrow.into(),
			driver,
			to,
			amount,
			Precision::Exact,
			Restriction::Free,
			Fortitude::Polite,
		)
		.map(|_| ())
	}

	/// Removes an ended session from the open ones, frees its charger and vehicle, and lets
	/// its tariff version go if nothing else keeps it.
	fn end_session(session: SessionId, open: &Session<T>) {
		Sessions::<T>::remove(session);
		PendingSince::<T>::remove(session);
		VehicleSessions::<T>::remove(open.vehicle);
		Chargers::<T>::mutate(open.charger, |entry| {
			if let Some(entry) = entry {
				entry.session = None;
			}
		});
		TariffVersions::<T>::mutate(open.tariff, open.version, |entry| {
			if let Some(entry) = entry {
				entry.sessions = entry.sessions.saturating_sub(1);
			}
		});
		Self::drop_version_if_unused(open.tariff, open.version);
	}
}

/// Whether `who` is the charger's operator or its meter (once the meter accepted).
pub(crate) fn is_charger_party<T: Config>(charger: &Charger<T>, who: &T::AccountId) -> bool {
	*who == charger.operator || charger.meter.accepted() == Some(who)
}

/// `caller` may end a session in `state` without settling it: a pending one, its driver or
/// the charger's accepted meter or operator; an active one not stopped within
/// `MaxSessionDuration`, its driver.
pub(crate) fn ensure_may_close<T: Config>(
	caller: &T::AccountId,
	driver: &T::AccountId,
	charger: &Charger<T>,
	state: SessionState,
) -> DispatchResult {
	match state {
		SessionState::Pending => {
			ensure!(caller == driver || is_charger_party(charger, caller), Error::<T>::NotDriver)
		}
		SessionState::Active { started_ms } => {
			ensure!(caller == driver, Error::<T>::NotDriver);
			let timeout_ms = u64::from(T::MaxSessionDuration::get()).saturating_mul(1_000);
			ensure!(
				Pallet::<T>::now_ms() >= started_ms.saturating_add(timeout_ms),
				Error::<T>::NotTimedOut
			);
		}
		SessionState::Completed | SessionState::Invalid => {
			return Err(Error::<T>::SessionClosed.into())
		}
	}
	Ok(())
}
