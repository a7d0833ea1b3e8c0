//! Removal: a shipment closed for `RetentionPeriod` goes with all its records; the deposit
//! goes back to the shipper.

use polkadot_sdk::sp_runtime::DispatchResult;

use crate::{Config, Error, Pallet, ShipmentId};

impl<T: Config> Pallet<T> {
	// helper B implements
	pub(crate) fn do_remove_shipment(_who: T::AccountId, _id: ShipmentId) -> DispatchResult {
		Err(Error::<T>::UnknownShipment.into())
	}
}
