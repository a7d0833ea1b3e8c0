//! Sensors: devices registered to a shipment with their own signature, or bound to the vehicle
//! carrying it, commit daily Merkle roots of their readings and report excursions.

use alloc::vec::Vec;
use codec::Encode;
use polkadot_sdk::{
	frame_system::pallet_prelude::BlockNumberFor, sp_core::H256, sp_runtime::DispatchResult,
};

use crate::{Config, DeciCelsius, Error, Pallet, ShipmentId};

impl<T: Config> Pallet<T> {
	/// What a device signs to consent to its registration to shipment `id`.
	pub fn sensor_payload(id: ShipmentId) -> Vec<u8> {
		(b"v2x/freight/sensor", id).encode()
	}

	// helper B implements
	pub(crate) fn do_register_sensor(
		_who: T::AccountId,
		_id: ShipmentId,
		_device: T::AccountId,
		_signature: T::SensorSignature,
	) -> DispatchResult {
		Err(Error::<T>::UnknownShipment.into())
	}

	// helper B implements
	pub(crate) fn do_remove_sensor(
		_who: T::AccountId,
		_id: ShipmentId,
		_device: T::AccountId,
	) -> DispatchResult {
		Err(Error::<T>::UnknownShipment.into())
	}

	// helper B implements
	pub(crate) fn do_commit_readings(
		_who: T::AccountId,
		_id: ShipmentId,
		_day: u32,
		_root: H256,
		_readings: u32,
		_min: DeciCelsius,
		_max: DeciCelsius,
	) -> DispatchResult {
		Err(Error::<T>::UnknownShipment.into())
	}

	// helper B implements
	pub(crate) fn do_report_excursion(
		_who: T::AccountId,
		_id: ShipmentId,
		_at: BlockNumberFor<T>,
		_reading: DeciCelsius,
		_evidence: H256,
	) -> DispatchResult {
		Err(Error::<T>::UnknownShipment.into())
	}
}
