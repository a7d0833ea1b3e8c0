//! The service book's sections of a vehicle's passport: a page of service records and the
//! odometer history, for the runtime's `VehiclePassportApi`.

use polkadot_sdk::frame_system::pallet_prelude::BlockNumberFor;
use v2x_primitives::{newest_first_page, OdometerSection, PassportPage, VehicleId};

use crate::{Config, Pallet, RecordCount, ServiceRecordInfo};

impl<T: Config> Pallet<T> {
	/// The vehicle's service records, newest first, from position `newest` (default: its
	/// latest record).
	pub fn passport_records(
		vehicle: VehicleId,
		newest: Option<u32>,
	) -> PassportPage<ServiceRecordInfo<T::AccountId, BlockNumberFor<T>>> {
		let total = RecordCount::<T>::get(vehicle);
		let (positions, next) = newest_first_page(total, newest);
		let items = positions
			.into_iter()
			.filter_map(|position| Self::record_at(vehicle, position))
			.collect();
		PassportPage { total, items, next }
	}

	/// The vehicle's odometer: displayed and true distance, kept readings and flag count.
	pub fn passport_odometer(vehicle: VehicleId) -> OdometerSection<BlockNumberFor<T>> {
		let state = Self::odometer_state(vehicle);
		OdometerSection {
			displayed_km: state.as_ref().map(|state| state.displayed_km),
			true_km: state.as_ref().map(|state| state.total_km),
			readings: Self::odometer_readings(vehicle),
			flag_count: state.map_or(0, |state| state.flags),
		}
	}
}
