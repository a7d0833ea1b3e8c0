//! Sensors: devices registered to a shipment with their own signature, or bound to the vehicle
//! carrying it, commit daily Merkle roots of their readings and report excursions.

use alloc::vec::Vec;
use codec::Encode;
use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_core::H256,
	sp_runtime::{
		traits::{Saturating, Verify, Zero},
		DispatchResult,
	},
};
use v2x_primitives::VehicleRegistry;

use crate::{
	Action, BizStep, Claim, Config, DailyRoot, DailyRoots, DeciCelsius, Disposition, Error, Event,
	EventKind, Excursion, Excursions, Pallet, SeenRoots, Sensors, ShipmentId, ShipmentState,
	Shipments,
};

impl<T: Config> Pallet<T> {
	/// What a device signs to consent to its registration to shipment `id`.
	pub fn sensor_payload(id: ShipmentId) -> Vec<u8> {
		(b"v2x/freight/sensor", id).encode()
	}

	/// Whether `who` reports for shipment `id`: a sensor registered to it, or a device bound to
	/// the vehicle carrying its root (a reefer trailer's logger; an aggregated unit rides with
	/// its root).
	pub(crate) fn is_sensor(id: ShipmentId, who: &T::AccountId) -> bool {
		if Sensors::<T>::contains_key(id, who) {
			return true;
		}
		let Some((_, root)) = Self::root_of(id) else { return false };
		root.vehicle.is_some() && T::Vehicles::vehicle_of_device(who) == root.vehicle
	}

	pub(crate) fn do_register_sensor(
		who: T::AccountId,
		id: ShipmentId,
		device: T::AccountId,
		signature: T::SensorSignature,
	) -> DispatchResult {
		let mut shipment = Self::shipment(id)?;
		ensure!(
			shipment.shipper == who || Self::custodian_of(id).as_ref() == Some(&who),
			Error::<T>::NotCustodian
		);
		ensure!(shipment.state.is_open(), Error::<T>::NotInTransit);
		ensure!(signature.verify(&Self::sensor_payload(id)[..], &device), Error::<T>::BadSignature);
		ensure!(!Sensors::<T>::contains_key(id, &device), Error::<T>::AlreadyRegistered);
		ensure!(shipment.sensors < T::MaxSensors::get(), Error::<T>::TooManySensors);
		shipment.sensors = shipment.sensors.saturating_add(1);
		Sensors::<T>::insert(id, &device, ());
		Shipments::<T>::insert(id, shipment);
		Self::deposit_event(Event::SensorRegistered { shipment: id, device });
		Ok(())
	}

	pub(crate) fn do_remove_sensor(
		who: T::AccountId,
		id: ShipmentId,
		device: T::AccountId,
	) -> DispatchResult {
		let mut shipment = Self::shipment(id)?;
		ensure!(who == device || who == shipment.shipper, Error::<T>::NotSensor);
		ensure!(Sensors::<T>::contains_key(id, &device), Error::<T>::NotSensor);
		shipment.sensors = shipment.sensors.saturating_sub(1);
		Sensors::<T>::remove(id, &device);
		Shipments::<T>::insert(id, shipment);
		Self::deposit_event(Event::SensorRemoved { shipment: id, device });
		Ok(())
	}

	#[allow(clippy::too_many_arguments)]
	pub(crate) fn do_commit_readings(
		who: T::AccountId,
		id: ShipmentId,
		day: u32,
		root: H256,
		readings: u32,
		min: DeciCelsius,
		max: DeciCelsius,
	) -> DispatchResult {
		let mut shipment = Self::shipment(id)?;
		ensure!(Self::is_sensor(id, &who), Error::<T>::NotSensor);
		ensure!(!shipment.state.is_closed(), Error::<T>::ShipmentClosed);
		ensure!(shipment.created_day <= day && day <= Self::today(), Error::<T>::InvalidDay);
		ensure!(min <= max && readings > 0, Error::<T>::InvalidReadings);
		let key = (day, who.clone());
		ensure!(!DailyRoots::<T>::contains_key(id, &key), Error::<T>::AlreadyCommitted);
		ensure!(!SeenRoots::<T>::contains_key(root), Error::<T>::RootReplayed);
		ensure!(shipment.commitments < T::MaxConditionDays::get(), Error::<T>::TooManyCommitments);
		let at = frame_system::Pallet::<T>::block_number();
		DailyRoots::<T>::insert(id, &key, DailyRoot { root, readings, min, max, at });
		SeenRoots::<T>::insert(root, (id, day));
		shipment.commitments = shipment.commitments.saturating_add(1);
		let mut event = Self::epcis_event(
			EventKind::Object,
			Action::Observe,
			BizStep::SensorReporting,
			Disposition::InTransit,
			who.clone(),
		);
		event.data = Some(root);
		Self::try_append(id, &mut shipment, event);
		Shipments::<T>::insert(id, shipment);
		Self::deposit_event(Event::ReadingsCommitted {
			shipment: id,
			sensor: who,
			day,
			root,
			readings,
		});
		Ok(())
	}

	pub(crate) fn do_report_excursion(
		who: T::AccountId,
		id: ShipmentId,
		at: BlockNumberFor<T>,
		reading: DeciCelsius,
		evidence: H256,
	) -> DispatchResult {
		let mut shipment = Self::shipment(id)?;
		ensure!(Self::is_sensor(id, &who), Error::<T>::NotSensor);
		let Some(condition) = shipment.condition else {
			return Err(Error::<T>::NoCondition.into());
		};
		ensure!(condition.is_excursion(reading), Error::<T>::NotAnExcursion);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(shipment.created_at <= at && at <= now, Error::<T>::InvalidTime);
		ensure!(!shipment.state.is_closed(), Error::<T>::ShipmentClosed);
		if let ShipmentState::Delivered { at: delivered } = shipment.state {
			// After delivery the goods are the consignee's: only what happened before counts,
			// and only while the claim window is open.
			ensure!(at <= delivered, Error::<T>::AfterDelivery);
			ensure!(
				now <= delivered.saturating_add(shipment.claim_window),
				Error::<T>::ClaimWindowClosed
			);
		}
		let index = shipment.excursions;
		shipment.excursions = index.checked_add(1).ok_or(Error::<T>::Overflow)?;
		if index < T::MaxExcursions::get() {
			Excursions::<T>::insert(
				id,
				index,
				Excursion { sensor: who.clone(), at, reading, evidence },
			);
		}
		let mut event = Self::epcis_event(
			EventKind::Object,
			Action::Observe,
			BizStep::SensorReporting,
			Disposition::ConformanceIssue,
			who.clone(),
		);
		event.data = Some(evidence);
		Self::try_append(id, &mut shipment, event);
		let opens_claim = !shipment.escrow.is_zero() && shipment.claim.is_none();
		if opens_claim {
			shipment.claim =
				Some(Claim { opened_at: now, shipper_offer: None, carrier_offer: None });
		}
		Shipments::<T>::insert(id, shipment);
		Self::deposit_event(Event::ExcursionReported { shipment: id, sensor: who, at, reading });
		if opens_claim {
			Self::deposit_event(Event::ClaimOpened { shipment: id });
		}
		Ok(())
	}
}
