//! The runtime API apps use, and the queries on [`Pallet`] that the runtime's implementation
//! calls.

use alloc::vec::Vec;
use v2x_primitives::{RoadSection, VehicleId};

use crate::{BalanceOf, Config, ContextId, Day, EventId, Pallet, Usage, VehicleClass};

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Toll quotes, providers' exposure and the event ids charged per vehicle-day.
	pub trait RoadUsageApi<AccountId, Balance>
	where
		AccountId: codec::Codec,
		Balance: codec::Codec,
	{
		/// What `usage` by a vehicle of `class` costs in `context` on `day`, at the tariff
		/// version valid that day; `None` if not priced.
		fn quote(context: ContextId, day: Day, class: VehicleClass, usage: Vec<Usage>) -> Option<Balance>;

		/// A provider's `(bond, obligations)`.
		fn provider_exposure(provider: AccountId) -> Option<(Balance, Balance)>;

		/// The event ids charged for `vehicle` on `day` in `context`.
		fn charged_events(context: ContextId, vehicle: VehicleId, day: Day) -> Vec<EventId>;
	}
}

impl<T: Config> Pallet<T> {
	/// What `usage` by a vehicle of `class` costs in `context` on `day`.
	pub fn quote(
		_context: ContextId,
		_day: Day,
		_class: VehicleClass,
		_usage: Vec<Usage>,
	) -> Option<BalanceOf<T>> {
		None
	}

	/// A provider's `(bond, obligations)`.
	pub fn provider_exposure(_provider: &T::AccountId) -> Option<(BalanceOf<T>, BalanceOf<T>)> {
		None
	}

	/// The event ids charged for `vehicle` on `day` in `context`.
	pub fn charged_events(_context: ContextId, _vehicle: VehicleId, _day: Day) -> Vec<EventId> {
		Vec::new()
	}

	/// The passport's road-usage section.
	pub fn passport_section(
		_vehicle: VehicleId,
	) -> Option<RoadSection<T::AccountId, BalanceOf<T>>> {
		None
	}
}
