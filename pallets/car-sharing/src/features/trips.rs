//! Trips: the vehicle's bound device checks the renter in and out; the price is settled from
//! the actual hours and km.

use polkadot_sdk::{
	sp_core::H256,
	sp_runtime::{DispatchResult, Percent},
};
use v2x_primitives::Km;

use crate::{BookingId, Config, Pallet};

impl<T: Config> Pallet<T> {
	// helper B
	pub(crate) fn do_check_in(
		_device: T::AccountId,
		_booking: BookingId,
		_odometer_km: Km,
		_state_of_charge: Percent,
		_evidence: H256,
	) -> DispatchResult {
		Ok(())
	}

	// helper B
	pub(crate) fn do_check_out(
		_device: T::AccountId,
		_booking: BookingId,
		_odometer_km: Km,
		_state_of_charge: Percent,
		_evidence: H256,
	) -> DispatchResult {
		Ok(())
	}

	// helper B
	pub(crate) fn do_end_trip_without_device(
		_who: T::AccountId,
		_booking: BookingId,
	) -> DispatchResult {
		Ok(())
	}
}
