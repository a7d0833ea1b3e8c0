//! The runtime API apps use, and the queries on [`Pallet`] that the runtime's implementation
//! calls.

use alloc::vec::Vec;
use v2x_primitives::{RoadSection, VehicleId};

use crate::{
	BalanceOf, Config, ContextId, Day, EventId, Pallet, Prepaid, Providers, TollTotals, Usage,
	VehicleClass, VehicleDays, VehiclePlatoon,
};

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Toll quotes, providers' exposure and the event ids charged per vehicle-day.
	pub trait RoadUsageApi<AccountId, Balance>
	where
		AccountId: codec::Codec,
		Balance: codec::Codec,
	{
		/// What `usage` by a vehicle of `class` costs in `context` on `day`, at the tariff
		/// version valid that day; `None` if the context, a version or a price is missing.
		fn quote(context: ContextId, day: Day, class: VehicleClass, usage: Vec<Usage>) -> Option<Balance>;

		/// A provider's `(bond, obligations)`: what pays its batches, and what its open batches
		/// may take.
		fn provider_exposure(provider: AccountId) -> Option<(Balance, Balance)>;

		/// The event ids charged for `vehicle` on `day` in `context` (by any provider or
		/// directly), while the day can still be declared.
		fn charged_events(context: ContextId, vehicle: VehicleId, day: Day) -> Vec<EventId>;
	}
}

impl<T: Config> Pallet<T> {
	/// What `usage` by a vehicle of `class` costs in `context` on `day`.
	pub fn quote(
		context: ContextId,
		day: Day,
		class: VehicleClass,
		usage: Vec<Usage>,
	) -> Option<BalanceOf<T>> {
		let (_, version) = Self::tariff_version_at(context, day).ok()?;
		Self::price_usage(&version, class, &usage).ok()
	}

	/// A provider's `(bond, obligations)`.
	pub fn provider_exposure(provider: &T::AccountId) -> Option<(BalanceOf<T>, BalanceOf<T>)> {
		Providers::<T>::get(provider).map(|entry| (entry.bond, entry.obligations))
	}

	/// The event ids charged for `vehicle` on `day` in `context`.
	pub fn charged_events(context: ContextId, vehicle: VehicleId, day: Day) -> Vec<EventId> {
		VehicleDays::<T>::get((context, vehicle), day)
			.map(|entry| entry.events.iter().map(|charged| charged.event).collect())
			.unwrap_or_default()
	}

	/// The passport's road-usage section: the provider serving the vehicle today, its prepaid
	/// balance, its platoon and what it paid and drove; `None` if it has none of them.
	pub fn passport_section(vehicle: VehicleId) -> Option<RoadSection<T::AccountId, BalanceOf<T>>> {
		let provider = Self::provider_on(vehicle, Self::today());
		let prepaid = Prepaid::<T>::get(vehicle).map(|entry| entry.amount);
		let platoon = VehiclePlatoon::<T>::get(vehicle);
		let totals = TollTotals::<T>::get(vehicle);
		if provider.is_none()
			&& prepaid.is_none()
			&& platoon.is_none()
			&& totals == Default::default()
		{
			return None;
		}
		Some(RoadSection {
			provider,
			prepaid: prepaid.unwrap_or_default(),
			tolls_paid: totals.paid,
			passages: totals.passages,
			declarations: totals.declarations,
			platoon,
			km_led: totals.km_led,
			km_followed: totals.km_followed,
		})
	}
}
