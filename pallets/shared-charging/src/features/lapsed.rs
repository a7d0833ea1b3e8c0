//! Lapsed sessions: anyone may close a session whose driver may no longer operate the
//! vehicle, or one the charger never confirmed within `MaxPendingDuration`, as the service
//! book lets anyone clean up a lapsed work order. Otherwise a session opened while its driver
//! had the right would keep the vehicle from every charger after that right ended.

use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	frame_system,
	sp_runtime::{DispatchError, DispatchResult, Saturating},
};
use v2x_primitives::VehicleId;

use crate::{
	Config, Discharges, Error, Event, LapseReason, Pallet, PendingSince, SessionId, SessionState,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_close_lapsed_session(
		closer: T::AccountId,
		session: SessionId,
	) -> DispatchResult {
		let (vehicle, driver, reason) = if let Some(open) = Discharges::<T>::get(session) {
			let reason = Self::lapse_reason(session, open.vehicle, &open.driver, open.state)?;
			let (vehicle, driver) = (open.vehicle, open.driver.clone());
			Self::invalidate_discharge(session, open)?;
			(vehicle, driver, reason)
		} else {
			let open = Self::open_session(session)?;
			let reason = Self::lapse_reason(session, open.vehicle, &open.driver, open.state)?;
			let (vehicle, driver) = (open.vehicle, open.driver.clone());
			Self::invalidate_session(session, open)?;
			(vehicle, driver, reason)
		};
		Self::deposit_event(Event::SessionLapsed { session, vehicle, driver, closer, reason });
		Ok(())
	}

	/// Why an open session in `state` has lapsed, or why it has not.
	fn lapse_reason(
		session: SessionId,
		vehicle: VehicleId,
		driver: &T::AccountId,
		state: SessionState,
	) -> Result<LapseReason, DispatchError> {
		// The same check as at the start: the vehicle is active and the driver may operate it.
		if Self::ensure_may_drive(driver, vehicle).is_err() {
			return Ok(LapseReason::DriverLeft);
		}
		ensure!(state == SessionState::Pending, Error::<T>::DriverMayOperate);
		// A session started before `PendingSince` existed has no entry: it counts as pending
		// since block 0, so it can be cleaned up at once.
		let since = PendingSince::<T>::get(session).unwrap_or_default();
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(
			now >= since.saturating_add(T::MaxPendingDuration::get()),
			Error::<T>::PendingNotExpired
		);
		Ok(LapseReason::PendingExpired)
	}
}
