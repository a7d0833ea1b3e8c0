//! The calls' logic, as `do_*` functions on [`Pallet`](crate::Pallet), by domain, and the
//! helpers they share.

mod aggregation;
mod custody;
mod delivery;
mod events;
mod removal;
mod sensors;
mod settlement;
mod shipments;

use polkadot_sdk::{
	frame_support::{
		defensive,
		traits::{fungible::MutateHold, tokens::Precision, UnixTime},
	},
	sp_runtime::{traits::Zero, DispatchResult},
};

use crate::{BalanceOf, Config, Error, HoldReason, Pallet, Shipment, ShipmentId, Shipments};

/// Seconds in a day.
const DAY_SECS: u64 = 86_400;

impl<T: Config> Pallet<T> {
	/// Today's wall-clock day (UTC): days since 1970-01-01.
	pub fn today() -> u32 {
		let days = T::UnixTime::now().as_secs() / DAY_SECS;
		u32::try_from(days).unwrap_or(u32::MAX)
	}

	/// The shipment `id`, or `UnknownShipment`.
	pub(crate) fn shipment(id: ShipmentId) -> Result<Shipment<T>, Error<T>> {
		Shipments::<T>::get(id).ok_or(Error::<T>::UnknownShipment)
	}

	/// Holds `amount` from `who`; zero holds nothing.
	pub(crate) fn hold(
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Currency::hold(&reason.into(), who, amount)
	}

	/// Releases `amount` held from `who`. It was held when the shipment was created: should the
	/// release fail, it stays held (`try_state` reports it) rather than stop the caller.
	pub(crate) fn release(reason: HoldReason, who: &T::AccountId, amount: BalanceOf<T>) {
		if amount.is_zero() {
			return;
		}
		if T::Currency::release(&reason.into(), who, amount, Precision::Exact).is_err() {
			defensive!("a held amount could not be released");
		}
	}
}
