//! Creating a shipment (its deposit and delivery escrow held from the shipper, who is its
//! first custodian) and cancelling it before anyone else took custody.

use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_core::H256,
	sp_runtime::{traits::Zero, DispatchError, DispatchResult},
};

use crate::{
	Action, BalanceOf, BizStep, ConditionSpec, Config, Disposition, Error, Event, EventKind,
	HoldReason, LegsOf, NextShipmentId, Pallet, Shipment, ShipmentId, ShipmentState, Shipments,
	UnitKind,
};

impl<T: Config> Pallet<T> {
	/// Creates the shipment and returns its id (the genesis build uses it too).
	#[allow(clippy::too_many_arguments)]
	pub(crate) fn do_create_shipment(
		shipper: T::AccountId,
		kind: UnitKind,
		consignee: T::AccountId,
		carrier: T::AccountId,
		legs: LegsOf<T>,
		condition: Option<ConditionSpec>,
		escrow: BalanceOf<T>,
		document: H256,
		claim_window: BlockNumberFor<T>,
	) -> Result<ShipmentId, DispatchError> {
		let Some(first_leg) = legs.first() else { return Err(Error::<T>::NoLegs.into()) };
		let origin = first_leg.from;
		ensure!(
			condition.as_ref().is_none_or(ConditionSpec::is_valid),
			Error::<T>::InvalidCondition
		);
		ensure!(
			T::MinClaimWindow::get() <= claim_window && claim_window <= T::MaxClaimWindow::get(),
			Error::<T>::InvalidClaimWindow
		);
		ensure!(consignee != shipper, Error::<T>::SelfDealing);
		let id = NextShipmentId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let deposit = T::ShipmentDeposit::get();
		Self::hold(HoldReason::Deposit, &shipper, deposit)?;
		Self::hold(HoldReason::Escrow, &shipper, escrow)?;
		NextShipmentId::<T>::put(next);
		let mut shipment = Shipment::<T> {
			kind,
			shipper: shipper.clone(),
			carrier: carrier.clone(),
			consignee: consignee.clone(),
			legs,
			leg: 0,
			condition,
			document,
			escrow,
			deposit,
			claim_window,
			created_at: frame_system::Pallet::<T>::block_number(),
			created_day: Self::today(),
			state: ShipmentState::Created,
			custodian: Some(shipper.clone()),
			parent: None,
			children: 0,
			handoff: None,
			vehicle: None,
			events: 0,
			sensors: 0,
			commitments: 0,
			excursions: 0,
			claim: None,
			pod: None,
		};
		Self::deposit_event(Event::ShipmentCreated {
			shipment: id,
			shipper: shipper.clone(),
			carrier,
			consignee,
			kind,
			escrow,
		});
		let mut event = Self::epcis_event(
			EventKind::Object,
			Action::Add,
			BizStep::Commissioning,
			Disposition::Active,
			shipper,
		);
		event.location = Some(origin);
		event.data = Some(document);
		Self::try_append(id, &mut shipment, event);
		Shipments::<T>::insert(id, shipment);
		Ok(id)
	}

	pub(crate) fn do_cancel_shipment(who: T::AccountId, id: ShipmentId) -> DispatchResult {
		let mut shipment = Self::shipment(id)?;
		ensure!(shipment.shipper == who, Error::<T>::NotShipper);
		ensure!(shipment.state == ShipmentState::Created, Error::<T>::AlreadyPickedUp);
		ensure!(shipment.children == 0, Error::<T>::HasChildren);
		ensure!(shipment.parent.is_none(), Error::<T>::Aggregated);
		ensure!(shipment.vehicle.is_none(), Error::<T>::Loaded);
		Self::release(HoldReason::Escrow, &who, shipment.escrow);
		shipment.escrow = Zero::zero();
		// Nobody may take custody of a cancelled shipment.
		shipment.handoff = None;
		shipment.state = ShipmentState::Closed { at: frame_system::Pallet::<T>::block_number() };
		Shipments::<T>::insert(id, shipment);
		Self::deposit_event(Event::ShipmentCancelled { shipment: id });
		Ok(())
	}
}
