//! The runtime API apps and explorers read a vehicle's history with, and the queries on
//! [`Pallet`] that the runtime's implementation calls.

use alloc::vec::Vec;
use polkadot_sdk::{frame_support::traits::Get, frame_system::pallet_prelude::BlockNumberFor};
use v2x_primitives::{Km, VehicleId};

use crate::{
	Config, FlaggedReadings, OdometerReading, Odometers, Pallet, ReadingOf, RecordCount, Records,
	ServiceRecordInfo, VehicleRecords,
};

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// A vehicle's service book and odometer history.
	pub trait ServiceBookApi<AccountId, BlockNumber>
	where
		AccountId: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// The vehicle's records in the order they were added, from position `start`, at most
		/// `limit` of them (and at most `MaxPageSize`).
		fn records(
			vehicle: VehicleId,
			start: u32,
			limit: u32,
		) -> Vec<ServiceRecordInfo<AccountId, BlockNumber>>;

		/// How many records the vehicle has (for paging through `records`).
		fn record_count(vehicle: VehicleId) -> u32;

		/// The vehicle's kept odometer readings, oldest first, each with its verdict: the last
		/// `MaxRecentReadings` and every stored flagged reading before them.
		fn odometer_readings(vehicle: VehicleId) -> Vec<OdometerReading<BlockNumber>>;

		/// The vehicle's true distance, after any instrument cluster replacement; `None` if it
		/// has no reading yet.
		fn current_odometer(vehicle: VehicleId) -> Option<Km>;

		/// How many of the vehicle's readings were flagged (rollbacks and implausible jumps).
		fn flag_count(vehicle: VehicleId) -> u32;
	}
}

impl<T: Config> Pallet<T> {
	/// See [`ServiceBookApi::records`].
	pub fn records(
		vehicle: VehicleId,
		start: u32,
		limit: u32,
	) -> Vec<ServiceRecordInfo<T::AccountId, BlockNumberFor<T>>> {
		let end = start
			.saturating_add(limit.min(T::MaxPageSize::get()))
			.min(RecordCount::<T>::get(vehicle));
		(start..end).filter_map(|position| Self::record_at(vehicle, position)).collect()
	}

	/// The vehicle's record at `position` in the order they were added.
	pub(crate) fn record_at(
		vehicle: VehicleId,
		position: u32,
	) -> Option<ServiceRecordInfo<T::AccountId, BlockNumberFor<T>>> {
		let id = VehicleRecords::<T>::get(vehicle, position)?;
		Records::<T>::get(id).map(|record| record.info(id))
	}

	/// See [`ServiceBookApi::record_count`].
	pub fn record_count(vehicle: VehicleId) -> u32 {
		RecordCount::<T>::get(vehicle)
	}

	/// See [`ServiceBookApi::odometer_readings`].
	pub fn odometer_readings(vehicle: VehicleId) -> Vec<ReadingOf<T>> {
		let Some(history) = Odometers::<T>::get(vehicle) else { return Vec::new() };
		let recent = history.recent_in_order();
		let first_recent = recent.first().map_or(history.state.readings, |reading| reading.seq);
		let mut readings: Vec<ReadingOf<T>> = FlaggedReadings::<T>::iter_prefix_values(vehicle)
			.filter(|reading| reading.seq < first_recent)
			.collect();
		readings.sort_by_key(|reading| reading.seq);
		readings.extend(recent);
		readings
	}

	/// See [`ServiceBookApi::current_odometer`].
	pub fn current_odometer(vehicle: VehicleId) -> Option<Km> {
		Self::odometer_state(vehicle).map(|state| state.total_km)
	}

	/// See [`ServiceBookApi::flag_count`].
	pub fn flag_count(vehicle: VehicleId) -> u32 {
		Self::odometer_state(vehicle).map_or(0, |state| state.flags)
	}
}
