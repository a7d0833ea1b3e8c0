//! The runtime API apps and wallets read chargers, prices, sessions and totals with, and the
//! queries on [`Pallet`] that the runtime's implementation calls.

use alloc::vec::Vec;
use polkadot_sdk::{frame_support::traits::Get, frame_system::pallet_prelude::BlockNumberFor};
use v2x_primitives::VehicleId;

use crate::{
	tariff, BalanceOf, ChargerId, ChargerInfo, ChargerTotals, Chargers, Config, CostBreakdown,
	Disputes, MemberMonthTotals, MemberTotals, MeterReading, Month, NextChargerId, Pallet, Records,
	SessionId, SessionInfo, Sessions, TariffVersions, Tariffs, Totals, VehicleTotals, WattHours,
};

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Chargers, price quotes, sessions and totals of the shared charging pallet.
	pub trait ChargingApi<AccountId, Balance, BlockNumber>
	where
		AccountId: codec::Codec,
		Balance: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// Chargers whose geohash starts with `prefix`, in id order from id `start`, at most
		/// `limit` (and `MaxPageSize`). The next page starts after the last id returned.
		fn chargers_near(prefix: Vec<u8>, start: ChargerId, limit: u32) -> Vec<ChargerInfo<AccountId>>;

		/// What a session starting now at `charger` would cost `driver` (a member's own
		/// tariff, if any; `None`: the charger's) for `energy_wh` over `charging_secs`
		/// followed by `parking_secs`. `None` for an unknown charger, a non-member at a
		/// members-only charger, or an inconsistent reading.
		fn quote(
			charger: ChargerId,
			driver: Option<AccountId>,
			energy_wh: WattHours,
			charging_secs: u32,
			parking_secs: u32,
		) -> Option<CostBreakdown<Balance>>;

		/// An open session, or a completed one with its record and dispute. `None` for an
		/// unknown or invalid session.
		fn session(session: SessionId) -> Option<SessionInfo<AccountId, Balance, BlockNumber>>;

		/// A vehicle's totals.
		fn vehicle_totals(vehicle: VehicleId) -> Totals<Balance>;

		/// A charger's totals.
		fn charger_totals(charger: ChargerId) -> Totals<Balance>;

		/// A driver's (a residence member's) totals at a charger, all time, or in `month`
		/// (`year * 100 + month`, UTC).
		fn member_totals(charger: ChargerId, member: AccountId, month: Option<Month>) -> Totals<Balance>;
	}
}

impl<T: Config> Pallet<T> {
	/// See [`ChargingApi::chargers_near`].
	pub fn chargers_near(
		prefix: Vec<u8>,
		start: ChargerId,
		limit: u32,
	) -> Vec<ChargerInfo<T::AccountId>> {
		let limit = limit.min(T::MaxPageSize::get()) as usize;
		(start..NextChargerId::<T>::get())
			.filter_map(|id| Chargers::<T>::get(id).map(|charger| (id, charger)))
			.filter(|(_, charger)| charger.location.starts_with(&prefix))
			.take(limit)
			.map(|(id, charger)| ChargerInfo {
				id,
				operator: charger.operator,
				location: charger.location.into_inner(),
				max_power_kw: charger.max_power_kw,
				connector: charger.connector,
				bidirectional: charger.bidirectional,
				access: charger.access,
				enabled: charger.enabled,
				busy: charger.session.is_some(),
			})
			.collect()
	}

	/// See [`ChargingApi::quote`].
	pub fn quote(
		charger: ChargerId,
		driver: Option<T::AccountId>,
		energy_wh: WattHours,
		charging_secs: u32,
		parking_secs: u32,
	) -> Option<CostBreakdown<BalanceOf<T>>> {
		let entry = Chargers::<T>::get(charger)?;
		let tariff = match driver {
			Some(driver) => Self::tariff_for(charger, &entry, &driver).ok()?,
			None => entry.tariff,
		};
		let version = Tariffs::<T>::get(tariff)?.version;
		let elements = TariffVersions::<T>::get(tariff, version)?.elements;
		let reading = MeterReading { energy_wh, charging_secs, parking_secs };
		let cost = tariff::price(&elements, Self::now_ms() / 1_000, &reading)?;
		Some(CostBreakdown {
			energy: Self::balance(cost.energy).ok()?,
			time: Self::balance(cost.time).ok()?,
			parking: Self::balance(cost.parking).ok()?,
			flat: Self::balance(cost.flat).ok()?,
			total: Self::balance(cost.total).ok()?,
		})
	}

	/// See [`ChargingApi::session`].
	pub fn session(
		session: SessionId,
	) -> Option<SessionInfo<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		if let Some(open) = Sessions::<T>::get(session) {
			return Some(SessionInfo::Open {
				charger: open.charger,
				vehicle: open.vehicle,
				driver: open.driver,
				escrow: open.escrow,
				energy_cap_wh: open.energy_cap_wh,
				state: open.state,
			});
		}
		Records::<T>::get(session).map(|record| SessionInfo::Completed {
			charger: record.charger,
			vehicle: record.vehicle,
			driver: record.driver,
			reading: record.reading,
			cost: record.cost,
			platform_fee: record.platform_fee,
			settled_at: record.settled_at,
			dispute: Disputes::<T>::get(session),
		})
	}

	/// See [`ChargingApi::vehicle_totals`].
	pub fn vehicle_totals(vehicle: VehicleId) -> Totals<BalanceOf<T>> {
		VehicleTotals::<T>::get(vehicle)
	}

	/// See [`ChargingApi::charger_totals`].
	pub fn charger_totals(charger: ChargerId) -> Totals<BalanceOf<T>> {
		ChargerTotals::<T>::get(charger)
	}

	/// See [`ChargingApi::member_totals`].
	pub fn member_totals(
		charger: ChargerId,
		member: T::AccountId,
		month: Option<Month>,
	) -> Totals<BalanceOf<T>> {
		match month {
			Some(month) => MemberMonthTotals::<T>::get((charger, member, month)),
			None => MemberTotals::<T>::get(charger, member),
		}
	}
}
