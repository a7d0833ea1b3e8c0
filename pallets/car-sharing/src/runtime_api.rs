//! The runtime API apps use, and the queries on [`Pallet`] that the runtime's implementation
//! calls.

use alloc::vec::Vec;
use polkadot_sdk::{frame_system::pallet_prelude::BlockNumberFor, sp_runtime::DispatchError};
use v2x_primitives::{Km, SharingSection, VehicleId};

use crate::{
	BalanceOf, Bookings, Config, CoopId, CoopView, Coops, Fleet, Pallet, Shares, SlotView,
	VehicleBookings, VehicleCoop, VehicleTripTotals,
};

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Co-ops, prices, revenue and booked slots.
	pub trait CarSharingApi<AccountId, Balance, BlockNumber>
	where
		AccountId: codec::Codec,
		Balance: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// The co-op, its account, rules, finances and fleet.
		fn coop(coop: CoopId) -> Option<CoopView<AccountId, Balance, BlockNumber>>;

		/// What booking `vehicle` for `who` from `start` to `end` (inclusive) for up to
		/// `max_km` would hold now: `(price, damage deposit)`, or why it would be refused.
		fn quote(
			vehicle: VehicleId,
			who: AccountId,
			start: BlockNumber,
			end: BlockNumber,
			max_km: Km,
		) -> Result<(Balance, Balance), DispatchError>;

		/// What `who` could claim from `coop` now.
		fn pending_revenue(coop: CoopId, who: AccountId) -> Balance;

		/// The vehicle's booked and in-trip slots, by start.
		fn vehicle_bookings(vehicle: VehicleId) -> Vec<SlotView<AccountId, BlockNumber>>;
	}
}

impl<T: Config> Pallet<T> {
	/// The co-op as the runtime API returns it.
	pub fn coop_view(
		coop: CoopId,
	) -> Option<CoopView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		let entry = Coops::<T>::get(coop)?;
		let fleet =
			Fleet::<T>::iter_prefix(coop).map(|(vehicle, v)| (vehicle, v.pricing)).collect();
		Some(CoopView {
			name: entry.name.into_inner(),
			account: Self::coop_account(coop),
			founder: entry.founder,
			fleet_manager: entry.fleet_manager,
			assessor: entry.assessor,
			rules: entry.rules,
			pricing: entry.pricing,
			share_supply: entry.share_supply,
			members: entry.members,
			open_proposals: entry.open_proposals,
			finances: entry.finances,
			fleet,
		})
	}

	/// A member's shares of a co-op (zero for anyone else).
	pub fn shares_of(coop: CoopId, who: &T::AccountId) -> Shares {
		crate::Members::<T>::get(coop, who).map_or(0, |member| member.shares)
	}

	/// The passport's car-sharing section: the co-op that owns `vehicle`, if any, and what its
	/// trips added up to since it joined.
	pub fn passport_section(vehicle: VehicleId) -> Option<SharingSection<BalanceOf<T>>> {
		let coop = VehicleCoop::<T>::get(vehicle)?;
		let entry = Coops::<T>::get(coop)?;
		let totals = VehicleTripTotals::<T>::get(vehicle);
		let open_bookings = VehicleBookings::<T>::decode_len(vehicle).unwrap_or(0);
		Some(SharingSection {
			coop,
			coop_name: entry.name.into_inner(),
			members: entry.members,
			trips: totals.trips,
			km: totals.km,
			revenue: totals.revenue,
			open_bookings: u32::try_from(open_bookings).unwrap_or(u32::MAX),
		})
	}

	/// The vehicle's booked and in-trip slots, by start.
	pub fn vehicle_slots(vehicle: VehicleId) -> Vec<SlotView<T::AccountId, BlockNumberFor<T>>> {
		VehicleBookings::<T>::get(vehicle)
			.into_iter()
			.filter_map(|(start, end, booking)| {
				let renter = Bookings::<T>::get(booking)?.renter;
				Some(SlotView { booking, start, end, renter })
			})
			.collect()
	}
}
