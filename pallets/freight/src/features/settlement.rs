//! Claims on the escrow: the shipper and the carrier agree a split, or governance decides.
//! Either way the shipment closes.

use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{
			fungible::MutateHold,
			tokens::{Fortitude, Precision, Restriction},
		},
	},
	frame_system,
	sp_runtime::{
		traits::{CheckedSub, Zero},
		DispatchResult,
	},
};

use crate::{
	BalanceOf, Claim, Config, Error, Event, HoldReason, Pallet, Shipment, ShipmentId,
	ShipmentState, Shipments,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_agree_settlement(
		who: T::AccountId,
		id: ShipmentId,
		to_carrier: BalanceOf<T>,
	) -> DispatchResult {
		let mut shipment = Self::shipment(id)?;
		let by_shipper = shipment.shipper == who;
		let by_carrier = shipment.carrier == who;
		ensure!(by_shipper || by_carrier, Error::<T>::NotAParty);
		Self::ensure_settleable(&shipment, to_carrier)?;
		let opened = shipment.claim.is_none();
		let claim = shipment.claim.get_or_insert_with(|| Claim {
			opened_at: frame_system::Pallet::<T>::block_number(),
			shipper_offer: None,
			carrier_offer: None,
		});
		if by_shipper {
			claim.shipper_offer = Some(to_carrier);
		}
		if by_carrier {
			claim.carrier_offer = Some(to_carrier);
		}
		let agreed = claim.shipper_offer.is_some() && claim.shipper_offer == claim.carrier_offer;
		if opened {
			Self::deposit_event(Event::ClaimOpened { shipment: id });
		}
		Self::deposit_event(Event::SettlementProposed { shipment: id, by: who, to_carrier });
		if agreed {
			Self::settle(id, shipment, to_carrier, false)
		} else {
			Shipments::<T>::insert(id, shipment);
			Ok(())
		}
	}

	pub(crate) fn do_decide_claim(id: ShipmentId, to_carrier: BalanceOf<T>) -> DispatchResult {
		let shipment = Self::shipment(id)?;
		Self::ensure_settleable(&shipment, to_carrier)?;
		Self::settle(id, shipment, to_carrier, true)
	}

	/// An open root without units inside (closing it would strand them), and at most its
	/// escrow to the carrier.
	fn ensure_settleable(shipment: &Shipment<T>, to_carrier: BalanceOf<T>) -> DispatchResult {
		ensure!(!shipment.state.is_closed(), Error::<T>::ShipmentClosed);
		ensure!(shipment.parent.is_none(), Error::<T>::Aggregated);
		ensure!(shipment.children == 0, Error::<T>::HasChildren);
		ensure!(to_carrier <= shipment.escrow, Error::<T>::AboveEscrow);
		Ok(())
	}

	/// Pays `to_carrier` of the escrow to the carrier and the rest back to the shipper, and
	/// closes the shipment: no hand-off, vehicle or claim is left. The transfer comes first, so
	/// a failure leaves everything as it was.
	fn settle(
		id: ShipmentId,
		mut shipment: Shipment<T>,
		to_carrier: BalanceOf<T>,
		by_governance: bool,
	) -> DispatchResult {
		let to_shipper = shipment.escrow.checked_sub(&to_carrier).ok_or(Error::<T>::AboveEscrow)?;
		if !to_carrier.is_zero() {
			T::Currency::transfer_on_hold(
				&HoldReason::Escrow.into(),
				&shipment.shipper,
				&shipment.carrier,
				to_carrier,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Polite,
			)?;
		}
		Self::release(HoldReason::Escrow, &shipment.shipper, to_shipper);
		shipment.escrow = Zero::zero();
		shipment.handoff = None;
		Self::end_vehicle_link(id, &mut shipment);
		shipment.claim = None;
		shipment.state = ShipmentState::Closed { at: frame_system::Pallet::<T>::block_number() };
		Shipments::<T>::insert(id, shipment);
		Self::deposit_event(Event::ClaimSettled {
			shipment: id,
			to_carrier,
			to_shipper,
			by_governance,
		});
		Ok(())
	}
}
