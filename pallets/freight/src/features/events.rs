//! The EPCIS event log of each shipment: append-only. Users add object events
//! (`record_event`) and declare stored events wrong (`declare_error`); the pallet appends the
//! events of each state change. A full log refuses users' events but never blocks custody: the
//! pallet's own events are then skipped (the runtime events still tell the story).

use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_core::H256,
	sp_runtime::DispatchResult,
};

use crate::{
	Action, BizStep, Config, Disposition, EpcisEvent, EpcisEventOf, Error, ErrorDeclaration,
	ErrorDeclarations, ErrorReason, Event, EventIndex, EventKind, Events, Location, Pallet,
	Shipment, ShipmentId, Shipments,
};

impl<T: Config> Pallet<T> {
	/// An event `by` the caller, now, with no location, data or child.
	pub(crate) fn epcis_event(
		kind: EventKind,
		action: Action,
		biz_step: BizStep,
		disposition: Disposition,
		by: T::AccountId,
	) -> EpcisEventOf<T> {
		EpcisEvent {
			kind,
			action,
			biz_step,
			disposition,
			by,
			at: frame_system::Pallet::<T>::block_number(),
			location: None,
			data: None,
			child: None,
		}
	}

	/// Appends `event` to the log of shipment `id` (whose stored copy the caller writes back),
	/// or fails with `TooManyEvents` when the log is full.
	pub(crate) fn append(
		id: ShipmentId,
		shipment: &mut Shipment<T>,
		event: EpcisEventOf<T>,
	) -> Result<EventIndex, Error<T>> {
		ensure!(shipment.events < T::MaxEvents::get(), Error::<T>::TooManyEvents);
		let index = shipment.events;
		shipment.events = index.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let (kind, biz_step, by) = (event.kind, event.biz_step, event.by.clone());
		Events::<T>::insert(id, index, event);
		Self::deposit_event(Event::EpcisEventRecorded { shipment: id, index, kind, biz_step, by });
		Ok(index)
	}

	/// Appends the event of a state change if the log has room; a full log skips it, so
	/// custody never gets stuck.
	pub(crate) fn try_append(
		id: ShipmentId,
		shipment: &mut Shipment<T>,
		event: EpcisEventOf<T>,
	) -> Option<EventIndex> {
		Self::append(id, shipment, event).ok()
	}

	pub(crate) fn do_record_event(
		who: T::AccountId,
		id: ShipmentId,
		biz_step: BizStep,
		disposition: Disposition,
		location: Option<Location>,
		data: Option<H256>,
	) -> DispatchResult {
		let mut shipment = Self::shipment(id)?;
		ensure!(Self::custodian_of(id).as_ref() == Some(&who), Error::<T>::NotCustodian);
		ensure!(!shipment.state.is_closed(), Error::<T>::ShipmentClosed);
		let mut event =
			Self::epcis_event(EventKind::Object, Action::Observe, biz_step, disposition, who);
		event.location = location;
		event.data = data;
		Self::append(id, &mut shipment, event)?;
		Shipments::<T>::insert(id, shipment);
		Ok(())
	}

	pub(crate) fn do_declare_error(
		who: T::AccountId,
		id: ShipmentId,
		event: EventIndex,
		reason: ErrorReason,
		corrective: Option<EventIndex>,
	) -> DispatchResult {
		ensure!(Shipments::<T>::contains_key(id), Error::<T>::UnknownShipment);
		let recorded = Events::<T>::get(id, event).ok_or(Error::<T>::UnknownEvent)?;
		ensure!(recorded.by == who, Error::<T>::NotRecorder);
		ensure!(!ErrorDeclarations::<T>::contains_key(id, event), Error::<T>::AlreadyDeclared);
		if let Some(correction) = corrective {
			ensure!(Events::<T>::contains_key(id, correction), Error::<T>::UnknownEvent);
			ensure!(correction != event, Error::<T>::InvalidCorrection);
		}
		let at: BlockNumberFor<T> = frame_system::Pallet::<T>::block_number();
		ErrorDeclarations::<T>::insert(
			id,
			event,
			ErrorDeclaration { by: who, at, reason, corrective },
		);
		Self::deposit_event(Event::ErrorDeclared { shipment: id, event, reason, corrective });
		Ok(())
	}
}
