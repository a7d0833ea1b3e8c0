//! The calls' logic, as `do_*` functions on [`Pallet`](crate::Pallet), by domain.

mod records;
pub(crate) use records::RecordEntry;
mod work_orders;
mod workshops;

use polkadot_sdk::{
	frame_support::traits::{fungible::MutateHold, tokens::Precision, UnixTime},
	sp_runtime::{traits::Zero, DispatchResult},
};
use v2x_primitives::{VehicleId, VehicleRegistry, VehicleStatus};

use crate::{BalanceOf, Config, Error, HoldReason, Pallet};

impl<T: Config> Pallet<T> {
	/// Fails unless the vehicle exists and is not scrapped: scrapped vehicles take no new
	/// records, work orders or readings.
	pub(crate) fn ensure_accepts_records(vehicle: VehicleId) -> DispatchResult {
		match T::Vehicles::status(vehicle) {
			None => Err(Error::<T>::VehicleNotFound.into()),
			Some(VehicleStatus::Scrapped) => Err(Error::<T>::VehicleScrapped.into()),
			Some(VehicleStatus::Active | VehicleStatus::Stolen) => Ok(()),
		}
	}

	/// Fails unless the vehicle exists and is active: stolen and scrapped vehicles take no
	/// work orders or records.
	pub(crate) fn ensure_active_vehicle(vehicle: VehicleId) -> DispatchResult {
		match T::Vehicles::status(vehicle) {
			None => Err(Error::<T>::VehicleNotFound.into()),
			Some(VehicleStatus::Scrapped) => Err(Error::<T>::VehicleScrapped.into()),
			Some(VehicleStatus::Stolen) => Err(Error::<T>::VehicleStolen.into()),
			Some(VehicleStatus::Active) => Ok(()),
		}
	}

	/// Milliseconds since the Unix epoch.
	pub(crate) fn now_ms() -> u64 {
		u64::try_from(T::UnixTime::now().as_millis()).unwrap_or(u64::MAX)
	}

	/// Holds a deposit from `who`; a zero deposit (genesis entries) holds nothing.
	pub(crate) fn hold_deposit(
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Currency::hold(&reason.into(), who, amount)
			.map_err(|_| Error::<T>::InsufficientBalance.into())
	}

	/// Releases a deposit held from `who` when its entry was created.
	pub(crate) fn release_deposit(
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Currency::release(&reason.into(), who, amount, Precision::BestEffort).map(|_| ())
	}
}
