//! What the service book does when a vehicle is sold, stolen or scrapped: the owner's
//! consent behind its open work orders ended, so they end too, deposits back to the openers.
//! At most `MaxOpenWorkOrders` orders per vehicle: a small, fixed amount of work in the
//! identity pallet's call, paid for by its weight.

use polkadot_sdk::frame_support::{defensive, traits::Get, weights::Weight};
use v2x_primitives::{OnOwnershipTransferred, OnVehicleStatusChanged, VehicleId, VehicleStatus};

use crate::{Config, Event, HoldReason, OpenWorkOrders, Pallet, WeightInfo, WorkOrders};

impl<T: Config> Pallet<T> {
	/// Ends every open work order of `vehicle` and releases the openers' deposits.
	pub(crate) fn end_work_orders(vehicle: VehicleId) {
		for (workshop, order) in WorkOrders::<T>::drain_prefix(vehicle) {
			let opener = order.opener.clone();
			// The deposit was held when the order was opened. Should releasing it fail, it stays
			// held (`try_state` reports it) rather than stop the identity pallet's call.
			let released =
				Self::release_deposit(HoldReason::WorkOrder, &order.opener, order.deposit);
			if released.is_err() {
				defensive!("a work order deposit could not be released");
			}
			Self::deposit_event(Event::WorkOrderEnded { vehicle, workshop, opener });
		}
		OpenWorkOrders::<T>::remove(vehicle);
	}

	/// The most weight `end_work_orders` takes.
	fn end_work_orders_weight() -> Weight {
		T::WeightInfo::end_work_orders(T::MaxOpenWorkOrders::get())
	}
}

impl<T: Config> OnOwnershipTransferred<T::AccountId> for Pallet<T> {
	fn on_ownership_transferred(vehicle: VehicleId, _old: &T::AccountId, _new: &T::AccountId) {
		Self::end_work_orders(vehicle);
	}

	fn weight() -> Weight {
		Self::end_work_orders_weight()
	}
}

impl<T: Config> OnVehicleStatusChanged for Pallet<T> {
	fn on_status_changed(vehicle: VehicleId, status: VehicleStatus) {
		match status {
			VehicleStatus::Stolen | VehicleStatus::Scrapped => Self::end_work_orders(vehicle),
			VehicleStatus::Active => {}
		}
	}

	fn weight() -> Weight {
		Self::end_work_orders_weight()
	}
}
