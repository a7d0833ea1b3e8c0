//! Custody: exactly one account holds a root shipment; an aggregated unit follows its parent
//! (at most two hops: item -> pallet -> container). Custody moves by an offer the offeree
//! accepts before it expires, and the custodian loads the shipment on vehicles it may operate.

use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::{traits::Saturating, DispatchResult},
};
use v2x_primitives::{VehicleId, VehicleRegistry, VehicleStatus};

use crate::{
	Action, BizStep, Config, Disposition, Error, Event, EventKind, Handoff, Pallet, Shipment,
	ShipmentId, ShipmentState, Shipments, VehicleLoadCount, VehicleLoads,
};

/// The most parent links between a unit and its root: item -> pallet -> container.
pub(crate) const MAX_DEPTH: usize = 2;

impl<T: Config> Pallet<T> {
	/// The root of `id` (itself if not aggregated), following at most `MAX_DEPTH` parents;
	/// `None` for an unknown shipment or a broken tree.
	pub fn root_of(id: ShipmentId) -> Option<(ShipmentId, Shipment<T>)> {
		let mut current = id;
		for _ in 0..=MAX_DEPTH {
			let shipment = Shipments::<T>::get(current)?;
			match shipment.parent {
				None => return Some((current, shipment)),
				Some(parent) => current = parent,
			}
		}
		None
	}

	/// Who holds custody of `id`: its root's custodian.
	pub fn custodian_of(id: ShipmentId) -> Option<T::AccountId> {
		Self::root_of(id).and_then(|(_, root)| root.custodian)
	}

	/// Whether `who` may receive custody: a leg's carrier or the consignee.
	pub(crate) fn is_party(shipment: &Shipment<T>, who: &T::AccountId) -> bool {
		shipment.consignee == *who || shipment.legs.iter().any(|leg| leg.carrier == *who)
	}

	/// Ends the link to the vehicle carrying `shipment` (the caller writes the shipment back)
	/// and returns that vehicle.
	pub(crate) fn end_vehicle_link(
		id: ShipmentId,
		shipment: &mut Shipment<T>,
	) -> Option<VehicleId> {
		let vehicle = shipment.vehicle.take()?;
		VehicleLoads::<T>::remove(vehicle, id);
		let count = VehicleLoadCount::<T>::get(vehicle).saturating_sub(1);
		if count == 0 {
			VehicleLoadCount::<T>::remove(vehicle);
		} else {
			VehicleLoadCount::<T>::insert(vehicle, count);
		}
		Some(vehicle)
	}

	/// The shipment `id` if `who` holds custody of it and it is a root.
	fn custodied_root(who: &T::AccountId, id: ShipmentId) -> Result<Shipment<T>, Error<T>> {
		let shipment = Self::shipment(id)?;
		ensure!(Self::custodian_of(id).as_ref() == Some(who), Error::<T>::NotCustodian);
		ensure!(shipment.parent.is_none(), Error::<T>::Aggregated);
		Ok(shipment)
	}

	pub(crate) fn do_offer_handoff(
		who: T::AccountId,
		id: ShipmentId,
		to: T::AccountId,
		expires_at: BlockNumberFor<T>,
	) -> DispatchResult {
		let mut shipment = Self::custodied_root(&who, id)?;
		ensure!(shipment.state.is_open(), Error::<T>::NotInTransit);
		ensure!(Self::is_party(&shipment, &to), Error::<T>::NotAParty);
		ensure!(to != who, Error::<T>::AlreadyCustodian);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(
			now < expires_at && expires_at <= now.saturating_add(T::MaxHandoffDuration::get()),
			Error::<T>::InvalidExpiry
		);
		if let Some(pending) = &shipment.handoff {
			ensure!(now > pending.expires_at, Error::<T>::HandoffPending);
		}
		shipment.handoff = Some(Handoff { to: to.clone(), expires_at });
		Shipments::<T>::insert(id, shipment);
		Self::deposit_event(Event::HandoffOffered { shipment: id, from: who, to, expires_at });
		Ok(())
	}

	pub(crate) fn do_cancel_handoff(who: T::AccountId, id: ShipmentId) -> DispatchResult {
		let mut shipment = Self::shipment(id)?;
		ensure!(shipment.custodian.as_ref() == Some(&who), Error::<T>::NotCustodian);
		ensure!(shipment.handoff.take().is_some(), Error::<T>::NoHandoff);
		Shipments::<T>::insert(id, shipment);
		Self::deposit_event(Event::HandoffCancelled { shipment: id });
		Ok(())
	}

	pub(crate) fn do_accept_handoff(who: T::AccountId, id: ShipmentId) -> DispatchResult {
		let mut shipment = Self::shipment(id)?;
		let Some(offer) = shipment.handoff.clone() else {
			return Err(Error::<T>::NoHandoff.into());
		};
		ensure!(offer.to == who, Error::<T>::NotOfferee);
		ensure!(
			frame_system::Pallet::<T>::block_number() <= offer.expires_at,
			Error::<T>::HandoffExpired
		);
		// Delivery and settlement withdraw offers; this guards a closed shipment regardless.
		ensure!(shipment.state.is_open(), Error::<T>::NotInTransit);
		// Offers exist on roots only, which always have a custodian.
		let from = shipment.custodian.clone().ok_or(Error::<T>::Aggregated)?;
		shipment.custodian = Some(who.clone());
		shipment.handoff = None;
		shipment.state = ShipmentState::InTransit;
		// The new custodian loads the shipment on its own vehicle.
		Self::end_vehicle_link(id, &mut shipment);
		let current = shipment.leg as usize;
		if let Some(position) =
			shipment.legs.iter().skip(current).position(|leg| leg.carrier == who)
		{
			shipment.leg = u32::try_from(current.saturating_add(position)).unwrap_or(shipment.leg);
		}
		let leg = shipment.leg;
		let event = Self::epcis_event(
			EventKind::Transaction,
			Action::Observe,
			BizStep::Receiving,
			Disposition::InTransit,
			who.clone(),
		);
		Self::try_append(id, &mut shipment, event);
		Shipments::<T>::insert(id, shipment);
		Self::deposit_event(Event::CustodyTransferred { shipment: id, from, to: who, leg });
		Ok(())
	}

	pub(crate) fn do_load(who: T::AccountId, id: ShipmentId, vehicle: VehicleId) -> DispatchResult {
		let mut shipment = Self::custodied_root(&who, id)?;
		ensure!(shipment.state.is_open(), Error::<T>::NotInTransit);
		ensure!(shipment.vehicle.is_none(), Error::<T>::Loaded);
		match T::Vehicles::status(vehicle) {
			None => return Err(Error::<T>::UnknownVehicle.into()),
			Some(VehicleStatus::Active) => {}
			Some(_) => return Err(Error::<T>::VehicleNotActive.into()),
		}
		ensure!(T::Vehicles::may_operate(vehicle, &who), Error::<T>::NotOperator);
		let count = VehicleLoadCount::<T>::get(vehicle);
		ensure!(count < T::MaxShipmentsPerVehicle::get(), Error::<T>::VehicleFull);
		VehicleLoads::<T>::insert(vehicle, id, ());
		VehicleLoadCount::<T>::insert(vehicle, count.saturating_add(1));
		shipment.vehicle = Some(vehicle);
		let event = Self::epcis_event(
			EventKind::Object,
			Action::Observe,
			BizStep::Loading,
			Disposition::InTransit,
			who,
		);
		Self::try_append(id, &mut shipment, event);
		Shipments::<T>::insert(id, shipment);
		Self::deposit_event(Event::ShipmentLoaded { shipment: id, vehicle });
		Ok(())
	}

	pub(crate) fn do_unload(who: T::AccountId, id: ShipmentId) -> DispatchResult {
		let mut shipment = Self::shipment(id)?;
		ensure!(Self::custodian_of(id).as_ref() == Some(&who), Error::<T>::NotCustodian);
		let Some(vehicle) = Self::end_vehicle_link(id, &mut shipment) else {
			return Err(Error::<T>::NotLoaded.into());
		};
		let event = Self::epcis_event(
			EventKind::Object,
			Action::Observe,
			BizStep::Unloading,
			Disposition::InTransit,
			who,
		);
		Self::try_append(id, &mut shipment, event);
		Shipments::<T>::insert(id, shipment);
		Self::deposit_event(Event::ShipmentUnloaded { shipment: id, vehicle });
		Ok(())
	}
}
