//! Claims on the escrow: the shipper and the carrier agree a split, or governance decides.

use polkadot_sdk::sp_runtime::DispatchResult;

use crate::{BalanceOf, Config, Error, Pallet, ShipmentId};

impl<T: Config> Pallet<T> {
	// helper B implements
	pub(crate) fn do_agree_settlement(
		_who: T::AccountId,
		_id: ShipmentId,
		_to_carrier: BalanceOf<T>,
	) -> DispatchResult {
		Err(Error::<T>::UnknownShipment.into())
	}

	// helper B implements
	pub(crate) fn do_decide_claim(_id: ShipmentId, _to_carrier: BalanceOf<T>) -> DispatchResult {
		Err(Error::<T>::UnknownShipment.into())
	}
}
