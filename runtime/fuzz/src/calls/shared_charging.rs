//! Calls of shared charging: chargers, members, tariffs, sessions, disputes, the grid's
//! flexibility events and discharging to the grid.

use pallet_shared_charging::{
	AccessRule, BatteryState, Call, Chargers, Connector, DischargeReading, Discharges, GridEvents,
	HeldPayments, MeterReading, PriceComponents, SessionState, Sessions, TariffElement,
	TariffRestrictions, Tariffs, VehicleSessions,
};
use polkadot_sdk::frame_support::BoundedVec;
use v2x_runtime::{AccountId, Runtime, RuntimeCall, MILLI_UNIT, UNIT};

use super::Ctx;
use crate::{
	actors::{self, Caller},
	chain,
	source::Source,
	values, world,
};

pub fn generate(src: &mut Source, ctx: &Ctx, index: usize) -> (Caller, RuntimeCall) {
	let pool = ctx.pool;
	let charger = values::id(src, pallet_shared_charging::NextChargerId::<Runtime>::get().into());
	let charger = u32::try_from(charger).unwrap_or(u32::MAX);
	let operator: Vec<_> =
		Chargers::<Runtime>::get(charger).map(|c| c.operator).into_iter().collect();
	// The account named as the charger's meter, invited or accepted.
	let meter: Vec<_> = Chargers::<Runtime>::get(charger)
		.and_then(|c| c.meter.named().cloned())
		.into_iter()
		.collect();
	let tariff = values::id(src, pallet_shared_charging::NextTariffId::<Runtime>::get().into());
	let tariff = u32::try_from(tariff).unwrap_or(u32::MAX);
	let tariff_owner: Vec<_> =
		Tariffs::<Runtime>::get(tariff).map(|t| t.owner).into_iter().collect();
	// Open sessions and ones awaiting payment half the time: sessions take several steps.
	let open: Vec<u64> = VehicleSessions::<Runtime>::iter_values()
		.chain(HeldPayments::<Runtime>::iter_keys())
		.collect();
	let session = if !open.is_empty() && src.bool() {
		src.pick(&open)
	} else {
		values::id(src, pallet_shared_charging::NextSessionId::<Runtime>::get())
	};
	let (driver, session_parties) = session_parties(session);
	let vehicle = values::id(src, world::next_vehicle());
	let event = values::id(src, pallet_shared_charging::NextGridEventId::<Runtime>::get().into());
	let event = u32::try_from(event).unwrap_or(u32::MAX);
	let (caller, call) = match index {
		0 => (
			actors::signer(src, pool, &tariff_owner),
			Call::register_charger {
				device: actors::account(src, pool, &[pool[9].0.clone(), pool[14].0.clone()]),
				location: values::geohash(src),
				max_power_kw: src.pick(&[0, 11, 22, 150, u32::MAX]),
				connector: src.pick(&[
					Connector::Type2,
					Connector::Ccs2,
					Connector::Chademo,
					Connector::Domestic,
				]),
				bidirectional: src.bool(),
				access: src.pick(&[AccessRule::Public, AccessRule::Public, AccessRule::Members]),
				tariff,
			},
		),
		1 => (actors::signer(src, pool, &operator), Call::disable_charger { charger }),
		2 => (actors::signer(src, pool, &operator), Call::enable_charger { charger }),
		3 => (actors::signer(src, pool, &operator), Call::remove_charger { charger }),
		4 => {
			let member = actors::account(src, pool, &world::drivers(vehicle));
			let tariff = src.some(tariff);
			(actors::signer(src, pool, &operator), Call::add_member { charger, member, tariff })
		}
		5 => {
			let member = actors::account(src, pool, &world::drivers(vehicle));
			(actors::signer(src, pool, &operator), Call::remove_member { charger, member })
		}
		6 => (
			actors::signer(src, pool, &[pool[8].0.clone()]),
			Call::create_tariff { elements: elements(src) },
		),
		7 => (
			actors::signer(src, pool, &tariff_owner),
			Call::update_tariff { tariff, elements: elements(src) },
		),
		8 => (actors::signer(src, pool, &tariff_owner), Call::remove_tariff { tariff }),
		9 => (
			actors::signer(src, pool, &world::drivers(vehicle)),
			Call::start_session {
				charger,
				vehicle,
				energy_cap_wh: src.pick(&[0, 1, 10_000, 10_000, 200_000, 200_001, u32::MAX]),
			},
		),
		10 => (actors::signer(src, pool, &session_parties), Call::confirm_session { session }),
		11 => {
			let reading = reading(src, session, ctx.now);
			let vehicle = Sessions::<Runtime>::get(session).map(|s| s.vehicle).unwrap_or_default();
			let current = pallet_service_book::Pallet::<Runtime>::current_odometer(vehicle);
			let odometer_km = src.maybe(|src| values::km(src, current));
			(
				actors::signer(src, pool, &session_parties),
				Call::stop_session { session, reading, odometer_km },
			)
		}
		12 => (
			actors::signer(src, pool, &world::and(driver.clone(), session_parties)),
			Call::close_session { session },
		),
		13 => (actors::signer(src, pool, &driver), Call::dispute_session { session }),
		14 => (
			actors::governance(src, pool),
			Call::resolve_dispute { session, refund: values::amount(src, MILLI_UNIT) },
		),
		15 => (actors::signer(src, pool, &[]), Call::release_payment { session }),
		16 => (
			actors::governance(src, pool),
			Call::approve_grid_operator {
				operator: actors::account(src, pool, &[pool[11].0.clone()]),
			},
		),
		17 => (
			actors::governance(src, pool),
			Call::remove_grid_operator {
				operator: actors::account(src, pool, &world::grid_operators()),
			},
		),
		18 => {
			let start = values::block(src, ctx.now);
			let end = start.saturating_add(src.pick(&[0, 1, 10, 100, 1_000]));
			(
				actors::signer(src, pool, &world::grid_operators()),
				Call::publish_grid_event {
					area: values::geohash(src),
					start,
					end,
					reward_per_kwh: values::amount(src, UNIT),
					budget: values::amount(src, 100 * UNIT),
				},
			)
		}
		19 => {
			let publisher: Vec<_> =
				GridEvents::<Runtime>::get(event).map(|e| e.operator).into_iter().collect();
			(actors::signer(src, pool, &publisher), Call::cancel_grid_event { event })
		}
		20 => (actors::signer(src, pool, &[]), Call::close_grid_event { event }),
		21 => (
			actors::signer(src, pool, &operator),
			Call::opt_in_grid { charger, export_per_kwh: values::maybe_amount(src, UNIT) },
		),
		22 => (actors::signer(src, pool, &operator), Call::opt_out_grid { charger }),
		23 => (
			actors::signer(src, pool, &driver),
			Call::declare_baseline { session, power_w: values::small(src, 5_000) },
		),
		24 => (actors::signer(src, pool, &driver), Call::accept_curtailment { session, event }),
		25 => (
			actors::signer(src, pool, &world::drivers(vehicle)),
			Call::start_discharge {
				charger,
				vehicle,
				battery: BatteryState {
					capacity_wh: src.pick(&[0, 75_000, 75_000, u32::MAX]),
					soc_percent: values::percent(src),
					min_soc_percent: values::percent(src),
				},
			},
		),
		26 => (
			actors::signer(src, pool, &session_parties),
			Call::stop_discharge {
				session,
				reading: DischargeReading {
					exported_wh: src.pick(&[0, 10, 100, 1_000, u32::MAX]),
					discharging_secs: src.pick(&[0, 6, 60, 600, u32::MAX]),
					final_soc_percent: values::percent(src),
				},
			},
		),
		27 => (actors::signer(src, pool, &[]), Call::close_lapsed_session { session }),
		28 => (actors::signer(src, pool, &meter), Call::accept_charger_meter { charger }),
		29 => (actors::signer(src, pool, &meter), Call::leave_charger_meter { charger }),
		_ => {
			let device = actors::account(src, pool, &[pool[9].0.clone(), pool[14].0.clone()]);
			let device = src.some(device);
			(actors::signer(src, pool, &operator), Call::set_charger_meter { charger, device })
		}
	};
	(caller, RuntimeCall::SharedCharging(call))
}

/// A meter reading for `session`: plausible (no longer than the time since it started, no
/// more energy than its charger's power gives in that time) most of the time, else just over
/// a limit or absurd.
fn reading(src: &mut Source, session: u64, now: u32) -> MeterReading {
	let (elapsed_secs, kw) = Sessions::<Runtime>::get(session)
		.and_then(|s| match s.state {
			SessionState::Active { started_ms } => {
				let kw = Chargers::<Runtime>::get(s.charger).map(|c| c.max_power_kw).unwrap_or(0);
				Some((chain::timestamp(now).saturating_sub(started_ms) / 1_000, kw))
			}
			_ => None,
		})
		.unwrap_or((60, 22));
	let elapsed = u32::try_from(elapsed_secs).unwrap_or(u32::MAX);
	let charging_secs =
		src.pick(&[elapsed, elapsed, elapsed / 2, 0, elapsed.saturating_add(1), u32::MAX]);
	let most_wh =
		u32::try_from(u64::from(kw) * u64::from(charging_secs) * 1_000 / 3_600).unwrap_or(u32::MAX);
	MeterReading {
		energy_wh: src.pick(&[
			most_wh,
			most_wh / 2,
			most_wh / 2,
			0,
			most_wh.saturating_add(1),
			u32::MAX,
		]),
		charging_secs,
		parking_secs: src.pick(&[0, 0, 0, 1, u32::MAX]),
	}
}

/// The driver of a charging or discharging session, and its charger's operator and meter
/// (accepted or only invited: an invited one is refused, which the fuzzer should try).
fn session_parties(session: u64) -> (Vec<AccountId>, Vec<AccountId>) {
	let (driver, charger) =
		match (Sessions::<Runtime>::get(session), Discharges::<Runtime>::get(session)) {
			(Some(s), _) => (vec![s.driver], s.charger),
			(None, Some(d)) => (vec![d.driver], d.charger),
			(None, None) => return Default::default(),
		};
	let parties = Chargers::<Runtime>::get(charger)
		.map(|c| c.meter.named().cloned().into_iter().chain([c.operator]).collect())
		.unwrap_or_default();
	(driver, parties)
}

/// Tariff elements: one plain energy price most often, none, or exactly the bound, with
/// restrictions that are sometimes inconsistent.
fn elements<S: polkadot_sdk::frame_support::traits::Get<u32>>(
	src: &mut Source,
) -> BoundedVec<TariffElement<u128>, S> {
	let count = match src.byte() % 6 {
		0 => 0,
		1 => S::get() as usize,
		2 => 2,
		_ => 1,
	};
	let elements = (0..count)
		.map(|_| TariffElement {
			prices: PriceComponents {
				energy_per_kwh: values::maybe_amount(src, 300 * MILLI_UNIT),
				time_per_hour: if src.chance(64) { values::maybe_amount(src, UNIT) } else { None },
				parking_per_hour: if src.chance(32) {
					values::maybe_amount(src, UNIT)
				} else {
					None
				},
				flat: if src.chance(32) { values::maybe_amount(src, UNIT) } else { None },
			},
			restrictions: if src.chance(192) {
				TariffRestrictions {
					start_minute: None,
					end_minute: None,
					days_of_week: 0,
					min_wh: None,
					max_wh: None,
					min_duration_secs: None,
					max_duration_secs: None,
				}
			} else {
				TariffRestrictions {
					start_minute: src.maybe(|src| src.pick(&[0, 420, 1_439, 1_440, u16::MAX])),
					end_minute: src.maybe(|src| src.pick(&[0, 1_320, 1_440])),
					days_of_week: src.pick(&[0, 0b0111_1111, 0b1000_0000, 0xff]),
					min_wh: src.maybe(|src| src.pick(&[0, 1_000, u32::MAX])),
					max_wh: src.maybe(|src| src.pick(&[0, 5_000, u32::MAX])),
					min_duration_secs: src.maybe(|src| src.pick(&[0, 60, u32::MAX])),
					max_duration_secs: src.maybe(|src| src.pick(&[0, 3_600, u32::MAX])),
				}
			},
		})
		.collect();
	BoundedVec::truncate_from(elements)
}
