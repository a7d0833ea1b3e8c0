//! Work orders: the owner's consent that a workshop adds one record for a vehicle.

use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::{traits::Saturating, DispatchError, DispatchResult},
};
use v2x_primitives::{VehicleId, VehicleRegistry};

use crate::{Config, Error, Event, HoldReason, OpenWorkOrders, Pallet, WorkOrder, WorkOrders};

/// Why a work order cannot be used.
enum OrderState {
	Usable,
	Expired,
	/// Its opener may no longer operate the vehicle.
	ConsentEnded,
}

impl<T: Config> Pallet<T> {
	pub(crate) fn do_open_work_order(
		opener: T::AccountId,
		vehicle: VehicleId,
		workshop: T::AccountId,
		expires_at: BlockNumberFor<T>,
	) -> DispatchResult {
		Self::ensure_active_vehicle(vehicle)?;
		let right =
			T::Vehicles::operating_right(vehicle, &opener).ok_or(Error::<T>::NotOperator)?;
		// Also refuses an owner or operator opening an order for itself.
		Self::ensure_not_own_vehicle(vehicle, &workshop)?;
		Self::active_workshop(&workshop)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(
			expires_at > now && expires_at <= now.saturating_add(T::MaxWorkOrderDuration::get()),
			Error::<T>::InvalidExpiry
		);
		// An operator's consent lasts as long as its own right.
		let expires_at = right.until().map_or(expires_at, |until| expires_at.min(until));
		ensure!(!WorkOrders::<T>::contains_key(vehicle, &workshop), Error::<T>::OrderAlreadyOpen);
		let open = OpenWorkOrders::<T>::get(vehicle);
		ensure!(open < T::MaxOpenWorkOrders::get(), Error::<T>::TooManyOpenOrders);

		let deposit = T::WorkOrderDeposit::get();
		Self::hold_deposit(HoldReason::WorkOrder, &opener, deposit)?;
		let order = WorkOrder { opener: opener.clone(), deposit, opened_at: now, expires_at };
		WorkOrders::<T>::insert(vehicle, &workshop, order);
		OpenWorkOrders::<T>::insert(vehicle, open.saturating_add(1));
		Self::deposit_event(Event::WorkOrderOpened { vehicle, workshop, opener, expires_at });
		Ok(())
	}

	pub(crate) fn do_cancel_work_order(
		caller: T::AccountId,
		vehicle: VehicleId,
		workshop: T::AccountId,
	) -> DispatchResult {
		let order = WorkOrders::<T>::get(vehicle, &workshop).ok_or(Error::<T>::NoWorkOrder)?;
		let lapsed = !matches!(Self::order_state(vehicle, &order), OrderState::Usable);
		// The current owner may cancel an order an operator opened.
		let may_cancel = caller == order.opener
			|| caller == workshop
			|| T::Vehicles::owner(vehicle).as_ref() == Some(&caller);
		ensure!(lapsed || may_cancel, Error::<T>::NotOrderParty);
		let opener = order.opener.clone();
		Self::close_work_order(vehicle, &workshop, order)?;
		let event = if lapsed {
			Event::WorkOrderExpired { vehicle, workshop, opener }
		} else {
			Event::WorkOrderCancelled { vehicle, workshop, by: caller }
		};
		Self::deposit_event(event);
		Ok(())
	}

	/// The workshop's open order for the vehicle, if it may be used now: unexpired, and its
	/// opener may still operate the vehicle. Adding a record and correcting one both need it.
	pub(crate) fn usable_order(
		vehicle: VehicleId,
		workshop: &T::AccountId,
	) -> Result<WorkOrder<T>, DispatchError> {
		let order = WorkOrders::<T>::get(vehicle, workshop).ok_or(Error::<T>::NoWorkOrder)?;
		match Self::order_state(vehicle, &order) {
			OrderState::Usable => {}
			OrderState::Expired => return Err(Error::<T>::WorkOrderExpired.into()),
			OrderState::ConsentEnded => return Err(Error::<T>::OrderConsentEnded.into()),
		}
		// An operator right granted to the workshop after the order was opened.
		Self::ensure_not_own_vehicle(vehicle, workshop)?;
		Ok(order)
	}

	/// A workshop cannot certify the service of a vehicle it owns or may operate.
	fn ensure_not_own_vehicle(vehicle: VehicleId, workshop: &T::AccountId) -> DispatchResult {
		ensure!(!T::Vehicles::may_operate(vehicle, workshop), Error::<T>::SelfDealing);
		Ok(())
	}

	fn order_state(vehicle: VehicleId, order: &WorkOrder<T>) -> OrderState {
		if frame_system::Pallet::<T>::block_number() > order.expires_at {
			OrderState::Expired
		} else if !T::Vehicles::may_operate(vehicle, &order.opener) {
			OrderState::ConsentEnded
		} else {
			OrderState::Usable
		}
	}

	/// Removes an open order and releases its opener's deposit.
	pub(crate) fn close_work_order(
		vehicle: VehicleId,
		workshop: &T::AccountId,
		order: WorkOrder<T>,
	) -> DispatchResult {
		WorkOrders::<T>::remove(vehicle, workshop);
		OpenWorkOrders::<T>::mutate_exists(vehicle, |open| {
			*open = open.map(|count| count.saturating_sub(1)).filter(|count| *count > 0);
		});
		Self::release_deposit(HoldReason::WorkOrder, &order.opener, order.deposit)
	}
}
