//! Delivery: the consignee takes custody with a proof of delivery; after the claim window the
//! escrow goes to the carrier.

use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{
			fungible::MutateHold,
			tokens::{Fortitude, Precision, Restriction},
		},
	},
	frame_system,
	sp_core::H256,
	sp_runtime::{
		traits::{Saturating, Zero},
		DispatchResult,
	},
};

use crate::{
	Action, BizStep, Config, Disposition, Error, Event, EventKind, HoldReason, Pallet, ShipmentId,
	ShipmentState, Shipments,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_confirm_delivery(
		who: T::AccountId,
		id: ShipmentId,
		pod: H256,
	) -> DispatchResult {
		let mut shipment = Self::shipment(id)?;
		ensure!(shipment.consignee == who, Error::<T>::NotConsignee);
		ensure!(shipment.parent.is_none(), Error::<T>::Aggregated);
		ensure!(shipment.children == 0, Error::<T>::HasChildren);
		ensure!(shipment.state == ShipmentState::InTransit, Error::<T>::NotInTransit);
		let now = frame_system::Pallet::<T>::block_number();
		if shipment.custodian.as_ref() != Some(&who) {
			// The consignee may sign for the goods the custodian offered it, which takes
			// custody and delivers in one step.
			match &shipment.handoff {
				Some(offer) if offer.to == who => {
					ensure!(now <= offer.expires_at, Error::<T>::HandoffExpired)
				}
				_ => return Err(Error::<T>::NotCustodian.into()),
			}
		}
		shipment.custodian = Some(who.clone());
		shipment.handoff = None;
		Self::end_vehicle_link(id, &mut shipment);
		shipment.state = ShipmentState::Delivered { at: now };
		shipment.pod = Some(pod);
		let mut event = Self::epcis_event(
			EventKind::Object,
			Action::Observe,
			BizStep::Receiving,
			Disposition::CompletenessVerified,
			who.clone(),
		);
		event.data = Some(pod);
		Self::try_append(id, &mut shipment, event);
		Shipments::<T>::insert(id, shipment);
		Self::deposit_event(Event::ShipmentDelivered { shipment: id, consignee: who, pod });
		Ok(())
	}

	pub(crate) fn do_release_escrow(id: ShipmentId) -> DispatchResult {
		let mut shipment = Self::shipment(id)?;
		let ShipmentState::Delivered { at } = shipment.state else {
			return Err(Error::<T>::NotDelivered.into());
		};
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now > at.saturating_add(shipment.claim_window), Error::<T>::ClaimWindowOpen);
		ensure!(shipment.claim.is_none(), Error::<T>::ClaimOpen);
		let amount = shipment.escrow;
		if !amount.is_zero() {
			T::Currency::transfer_on_hold(
				&HoldReason::Escrow.into(),
				&shipment.shipper,
				&shipment.carrier,
				amount,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Polite,
			)?;
		}
		shipment.escrow = Zero::zero();
		shipment.state = ShipmentState::Closed { at: now };
		let carrier = shipment.carrier.clone();
		Shipments::<T>::insert(id, shipment);
		Self::deposit_event(Event::EscrowReleased { shipment: id, carrier, amount });
		Ok(())
	}
}
