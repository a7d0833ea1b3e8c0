//! Aggregation (EPCIS packing and unpacking): a unit goes into a unit of a higher kind and then
//! follows its custody; the tree is at most two levels deep because kinds are ordered.

use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	sp_runtime::DispatchResult,
};

use crate::{
	Action, BizStep, Children, Config, Disposition, Error, Event, EventKind, Pallet, ShipmentId,
	ShipmentState, Shipments,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_aggregate(
		who: T::AccountId,
		child_id: ShipmentId,
		parent_id: ShipmentId,
	) -> DispatchResult {
		let mut child = Self::shipment(child_id)?;
		let mut parent = Self::shipment(parent_id)?;
		ensure!(child_id != parent_id, Error::<T>::InvalidAggregation);
		ensure!(child.kind < parent.kind, Error::<T>::InvalidAggregation);
		ensure!(child.parent.is_none(), Error::<T>::Aggregated);
		let (_, root) = Self::root_of(parent_id).ok_or(Error::<T>::NotCustodian)?;
		ensure!(
			child.custodian.as_ref() == Some(&who) && root.custodian.as_ref() == Some(&who),
			Error::<T>::NotCustodian
		);
		ensure!(child.state.is_open() && parent.state.is_open(), Error::<T>::NotInTransit);
		ensure!(child.handoff.is_none() && root.handoff.is_none(), Error::<T>::HandoffPending);
		ensure!(child.vehicle.is_none(), Error::<T>::Loaded);
		ensure!(parent.children < T::MaxChildren::get(), Error::<T>::TooManyChildren);
		child.custodian = None;
		child.parent = Some(parent_id);
		parent.children = parent.children.saturating_add(1);
		Children::<T>::insert(parent_id, child_id, ());
		let mut event = Self::epcis_event(
			EventKind::Aggregation,
			Action::Add,
			BizStep::Packing,
			Disposition::InProgress,
			who,
		);
		event.child = Some(child_id);
		Self::try_append(parent_id, &mut parent, event);
		Shipments::<T>::insert(child_id, child);
		Shipments::<T>::insert(parent_id, parent);
		Self::deposit_event(Event::ShipmentAggregated { child: child_id, parent: parent_id });
		Ok(())
	}

	pub(crate) fn do_disaggregate(who: T::AccountId, child_id: ShipmentId) -> DispatchResult {
		let mut child = Self::shipment(child_id)?;
		let Some(parent_id) = child.parent else { return Err(Error::<T>::NotAggregated.into()) };
		let (_, root) = Self::root_of(parent_id).ok_or(Error::<T>::NotCustodian)?;
		ensure!(root.custodian.as_ref() == Some(&who), Error::<T>::NotCustodian);
		ensure!(root.handoff.is_none(), Error::<T>::HandoffPending);
		let mut parent = Self::shipment(parent_id)?;
		// Unpacked by anyone but its shipper, the unit has left the shipper: it can no longer
		// be cancelled under the new custodian's hands.
		if child.state == ShipmentState::Created && child.shipper != who {
			child.state = ShipmentState::InTransit;
		}
		child.custodian = Some(who.clone());
		child.parent = None;
		parent.children = parent.children.saturating_sub(1);
		Children::<T>::remove(parent_id, child_id);
		let mut event = Self::epcis_event(
			EventKind::Aggregation,
			Action::Delete,
			BizStep::Unpacking,
			Disposition::InProgress,
			who,
		);
		event.child = Some(child_id);
		Self::try_append(parent_id, &mut parent, event);
		Shipments::<T>::insert(child_id, child);
		Shipments::<T>::insert(parent_id, parent);
		Self::deposit_event(Event::ShipmentDisaggregated { child: child_id, parent: parent_id });
		Ok(())
	}
}
