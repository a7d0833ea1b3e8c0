//! Shared charging: locations that are no geohash, chargers of 0 kW, tariffs that price
//! nothing or whose restrictions can never hold, prices that overflow the escrow, energy
//! caps of 0 or beyond `MaxEnergyCap`, meter readings beyond the cap or the time elapsed,
//! batteries with an impossible state of charge, grid events in the past or without a
//! budget, refunds larger than the payment, and chargers, tariffs, sessions and grid events
//! that do not exist.

use super::{assert_bound, check_rows, row, UNKNOWN};
use crate::{
	tests::{account, dev_chain, run_to_block, signed},
	Runtime, RuntimeOrigin, SharedCharging, HOURS, UNIT,
};
use pallet_shared_charging::{
	AccessRule, BatteryState, Call, Connector, DischargeReading, ElementsOf, Error, MeterReading,
	PriceComponents, TariffElement, TariffRestrictions,
};
use polkadot_sdk::{
	frame_support::{assert_ok, BoundedVec},
	sp_keyring::Sr25519Keyring::{Alice, Bob, BobStash, CharlieStash, Dave, DaveStash, Ferdie},
};

type E = Error<Runtime>;

/// When the first session starts (block 10) and when the rows run (block 50).
const START: u32 = 10;
const NOW: u32 = 50;
/// Charger 2: bidirectional, public, opted in to the grid at 1 V2X per kWh exported.
const V2G: u32 = 2;
/// Charger 3: bidirectional, public, on tariff 2 (u128::MAX per kWh), opted in to the grid
/// at u128::MAX per kWh exported.
const PRICELESS: u32 = 3;
/// Session 0: Alice's, settled at block 50 and disputed. Session 1: Alice's, active at
/// charger 0 since block 50, capped at 10 kWh.
const SETTLED: u64 = 0;
const ACTIVE: u64 = 1;
const CAP_WH: u32 = 10_000;
/// The runtime's limits (`configs/shared_charging.rs`).
const MAX_ENERGY_CAP: u32 = 200_000;
const MAX_GEOHASH: usize = 12;
const MAX_TARIFF_ELEMENTS: usize = 16;

fn energy_price(per_kwh: u128) -> TariffElement<u128> {
	TariffElement {
		prices: PriceComponents { energy_per_kwh: Some(per_kwh), ..Default::default() },
		restrictions: Default::default(),
	}
}

fn restricted(restrictions: TariffRestrictions) -> TariffElement<u128> {
	TariffElement { restrictions, ..energy_price(UNIT) }
}

fn elements(list: Vec<TariffElement<u128>>) -> ElementsOf<Runtime> {
	BoundedVec::truncate_from(list)
}

fn tariff(list: Vec<TariffElement<u128>>) -> Call<Runtime> {
	Call::create_tariff { elements: elements(list) }
}

fn charger(location: &[u8], max_power_kw: u32, tariff: u32) -> Call<Runtime> {
	Call::register_charger {
		device: account(Dave),
		location: BoundedVec::truncate_from(location.to_vec()),
		max_power_kw,
		connector: Connector::Ccs2,
		bidirectional: true,
		access: AccessRule::Public,
		tariff,
	}
}

fn grid_event(
	area: &[u8],
	start: u32,
	end: u32,
	reward_per_kwh: u128,
	budget: u128,
) -> Call<Runtime> {
	Call::publish_grid_event {
		area: BoundedVec::truncate_from(area.to_vec()),
		start,
		end,
		reward_per_kwh,
		budget,
	}
}

fn battery(capacity_wh: u32, soc_percent: u8, min_soc_percent: u8) -> BatteryState {
	BatteryState { capacity_wh, soc_percent, min_soc_percent }
}

fn discharge(charger: u32, battery: BatteryState) -> Call<Runtime> {
	Call::start_discharge { charger, vehicle: 1, battery }
}

fn stop(session: u64, energy_wh: u32, charging_secs: u32, parking_secs: u32) -> Call<Runtime> {
	Call::stop_session {
		session,
		reading: MeterReading { energy_wh, charging_secs, parking_secs },
		odometer_km: None,
	}
}

/// The preset's chargers 0 (public, meter DaveStash) and 1 (members Alice and Bob), both of
/// CharlieStash, plus chargers 2 and 3 (above) and tariff 2; BobStash is a grid operator.
/// Alice charged at charger 0 from block 10 to 50 (session 0, disputed) and charges there
/// again (session 1, active).
fn setup() {
	run_to_block(START);
	let operator = || signed(CharlieStash);
	assert_ok!(SharedCharging::create_tariff(operator(), elements(vec![energy_price(u128::MAX)])));
	for (id, tariff, export) in [(V2G, 0, UNIT), (PRICELESS, 2, u128::MAX)] {
		assert_ok!(SharedCharging::register_charger(
			operator(),
			account(Dave),
			BoundedVec::truncate_from(b"u0yjjd8".to_vec()),
			22,
			Connector::Ccs2,
			true,
			AccessRule::Public,
			tariff,
		));
		assert_ok!(SharedCharging::opt_in_grid(operator(), id, Some(export)));
	}
	assert_ok!(SharedCharging::approve_grid_operator(RuntimeOrigin::root(), account(BobStash)));

	assert_ok!(SharedCharging::start_session(signed(Alice), 0, 0, CAP_WH));
	assert_ok!(SharedCharging::confirm_session(signed(DaveStash), SETTLED));
	run_to_block(NOW);
	let reading = MeterReading { energy_wh: 1_000, charging_secs: 200, parking_secs: 0 };
	assert_ok!(SharedCharging::stop_session(signed(DaveStash), SETTLED, reading, None));
	assert_ok!(SharedCharging::dispute_session(signed(Alice), SETTLED));
	assert_ok!(SharedCharging::start_session(signed(Alice), 0, 0, CAP_WH));
	assert_ok!(SharedCharging::confirm_session(signed(DaveStash), ACTIVE));
}

#[test]
fn shared_charging_refuses_bad_input_with_typed_errors() {
	dev_chain(|| {
		setup();
		let root = RuntimeOrigin::root;
		let (operator, meter) = (|| signed(CharlieStash), || signed(DaveStash));
		let (alice, bob, dave, grid) =
			(|| signed(Alice), || signed(Bob), || signed(Dave), || signed(BobStash));
		let (unknown, unknown_session) = (UNKNOWN, u64::from(UNKNOWN));
		let start = |charger, vehicle, energy_cap_wh| Call::start_session {
			charger,
			vehicle,
			energy_cap_wh,
		};
		check_rows(vec![
			// Chargers and members (the charge point operator).
			row("location empty", operator(), charger(b"", 22, 0), E::InvalidGeohash),
			row(
				"location with an a (not geohash)",
				operator(),
				charger(b"u0yjjda", 22, 0),
				E::InvalidGeohash,
			),
			row(
				"location in upper case",
				operator(),
				charger(b"U0YJJD8", 22, 0),
				E::InvalidGeohash,
			),
			row(
				"location with a space",
				operator(),
				charger(b"u0yj jd8", 22, 0),
				E::InvalidGeohash,
			),
			row("charger of 0 kW", operator(), charger(b"u0yjjd8", 0, 0), E::InvalidPower),
			row(
				"charger on an unknown tariff",
				operator(),
				charger(b"u0yjjd8", 22, unknown),
				E::TariffNotFound,
			),
			row(
				"disable an unknown charger",
				operator(),
				Call::disable_charger { charger: unknown },
				E::ChargerNotFound,
			),
			row(
				"enable an unknown charger",
				operator(),
				Call::enable_charger { charger: unknown },
				E::ChargerNotFound,
			),
			row(
				"enable an enabled charger",
				operator(),
				Call::enable_charger { charger: 0 },
				E::AlreadyEnabled,
			),
			row(
				"remove an unknown charger",
				operator(),
				Call::remove_charger { charger: unknown },
				E::ChargerNotFound,
			),
			row(
				"member of an unknown charger",
				operator(),
				Call::add_member { charger: unknown, member: account(Dave), tariff: None },
				E::ChargerNotFound,
			),
			row(
				"member of a public charger",
				operator(),
				Call::add_member { charger: 0, member: account(Dave), tariff: None },
				E::PublicCharger,
			),
			row(
				"member on an unknown tariff",
				operator(),
				Call::add_member { charger: 1, member: account(Dave), tariff: Some(unknown) },
				E::TariffNotFound,
			),
			row(
				"remove a member never added",
				operator(),
				Call::remove_member { charger: 1, member: account(Dave) },
				E::NotMember,
			),
			// Tariffs (their owner).
			row("tariff without elements", operator(), tariff(vec![]), E::EmptyTariff),
			row(
				"element that prices nothing",
				operator(),
				tariff(vec![TariffElement::default()]),
				E::NoPrice,
			),
			row(
				"start minute 1440",
				operator(),
				tariff(vec![restricted(TariffRestrictions {
					start_minute: Some(1_440),
					..Default::default()
				})]),
				E::InvalidTime,
			),
			row(
				"end minute u16::MAX",
				operator(),
				tariff(vec![restricted(TariffRestrictions {
					end_minute: Some(u16::MAX),
					..Default::default()
				})]),
				E::InvalidTime,
			),
			row(
				"an eighth day of the week",
				operator(),
				tariff(vec![restricted(TariffRestrictions {
					days_of_week: 0x80,
					..Default::default()
				})]),
				E::InvalidTime,
			),
			row(
				"start minute equal to end minute",
				operator(),
				tariff(vec![restricted(TariffRestrictions {
					start_minute: Some(600),
					end_minute: Some(600),
					..Default::default()
				})]),
				E::EmptyRange,
			),
			row(
				"minimum energy equal to maximum",
				operator(),
				tariff(vec![restricted(TariffRestrictions {
					min_wh: Some(1_000),
					max_wh: Some(1_000),
					..Default::default()
				})]),
				E::EmptyRange,
			),
			row(
				"minimum duration above maximum",
				operator(),
				tariff(vec![restricted(TariffRestrictions {
					min_duration_secs: Some(u32::MAX),
					max_duration_secs: Some(0),
					..Default::default()
				})]),
				E::EmptyRange,
			),
			row(
				"update an unknown tariff",
				operator(),
				Call::update_tariff {
					tariff: unknown,
					elements: elements(vec![energy_price(UNIT)]),
				},
				E::TariffNotFound,
			),
			row(
				"update to no elements",
				operator(),
				Call::update_tariff { tariff: 0, elements: elements(vec![]) },
				E::EmptyTariff,
			),
			row(
				"remove an unknown tariff",
				operator(),
				Call::remove_tariff { tariff: unknown },
				E::TariffNotFound,
			),
			row(
				"remove a tariff in use",
				operator(),
				Call::remove_tariff { tariff: 0 },
				E::TariffInUse,
			),
			// Charge sessions (the driver, the charger's meter).
			row(
				"session at an unknown charger",
				bob(),
				start(unknown, 1, CAP_WH),
				E::ChargerNotFound,
			),
			row(
				"session for an unknown vehicle",
				bob(),
				start(1, u64::from(unknown), CAP_WH),
				E::VehicleNotFound,
			),
			row("energy cap of 0", bob(), start(1, 1, 0), E::InvalidCap),
			row(
				"energy cap above MaxEnergyCap",
				bob(),
				start(1, 1, MAX_ENERGY_CAP + 1),
				E::InvalidCap,
			),
			row("energy cap of u32::MAX", bob(), start(1, 1, u32::MAX), E::InvalidCap),
			row(
				"escrow at u128::MAX per kWh overflows",
				bob(),
				start(PRICELESS, 1, MAX_ENERGY_CAP),
				E::Overflow,
			),
			row(
				"confirm an unknown session",
				meter(),
				Call::confirm_session { session: unknown_session },
				E::SessionNotFound,
			),
			row(
				"stop an unknown session",
				meter(),
				stop(unknown_session, 1, 1, 0),
				E::SessionNotFound,
			),
			row("stop a settled session", meter(), stop(SETTLED, 1, 1, 0), E::SessionClosed),
			row("energy above the cap", meter(), stop(ACTIVE, CAP_WH + 1, 0, 0), E::CapExceeded),
			row("energy of u32::MAX", meter(), stop(ACTIVE, u32::MAX, 0, 0), E::CapExceeded),
			row(
				"charging longer than the session has run",
				meter(),
				stop(ACTIVE, 0, 1, 0),
				E::ImplausibleReading,
			),
			row(
				"u32::MAX seconds charging and parking",
				meter(),
				stop(ACTIVE, 0, u32::MAX, u32::MAX),
				E::ImplausibleReading,
			),
			row(
				"energy in no charging time",
				meter(),
				stop(ACTIVE, 1_000, 0, 0),
				E::ImplausibleReading,
			),
			row(
				"close an unknown session",
				alice(),
				Call::close_session { session: unknown_session },
				E::SessionNotFound,
			),
			row(
				"close-lapsed an unknown session",
				dave(),
				Call::close_lapsed_session { session: unknown_session },
				E::SessionNotFound,
			),
			row(
				"close-lapsed a session whose driver still drives",
				dave(),
				Call::close_lapsed_session { session: ACTIVE },
				E::DriverMayOperate,
			),
			// Disputes (the driver, governance, anyone).
			row(
				"dispute an unknown session",
				alice(),
				Call::dispute_session { session: unknown_session },
				E::SessionNotFound,
			),
			row(
				"dispute an open session",
				alice(),
				Call::dispute_session { session: ACTIVE },
				E::NotCompleted,
			),
			row(
				"dispute twice",
				alice(),
				Call::dispute_session { session: SETTLED },
				E::AlreadyDisputed,
			),
			row(
				"resolve an unknown session",
				root(),
				Call::resolve_dispute { session: unknown_session, refund: 0 },
				E::NoOpenDispute,
			),
			row(
				"refund of u128::MAX",
				root(),
				Call::resolve_dispute { session: SETTLED, refund: u128::MAX },
				E::RefundTooLarge,
			),
			row(
				"release the payment of an unknown session",
				dave(),
				Call::release_payment { session: unknown_session },
				E::SessionNotFound,
			),
			row(
				"release a disputed payment",
				dave(),
				Call::release_payment { session: SETTLED },
				E::DisputeWindowOpen,
			),
			// Grid events (governance, the grid operator, anyone).
			row(
				"approve a grid operator twice",
				root(),
				Call::approve_grid_operator { operator: account(BobStash) },
				E::AlreadyGridOperator,
			),
			row(
				"remove an account that is no grid operator",
				root(),
				Call::remove_grid_operator { operator: account(Dave) },
				E::NotGridOperator,
			),
			row(
				"event area empty",
				grid(),
				grid_event(b"", NOW + 1, NOW + 2, 1, UNIT),
				E::InvalidGeohash,
			),
			row(
				"event area not geohash",
				grid(),
				grid_event(b"u0yjja", NOW + 1, NOW + 2, 1, UNIT),
				E::InvalidGeohash,
			),
			row(
				"event starting now",
				grid(),
				grid_event(b"u0yjjd", NOW, NOW + 2, 1, UNIT),
				E::InvalidWindow,
			),
			row(
				"event starting in the past",
				grid(),
				grid_event(b"u0yjjd", NOW - 1, NOW + 2, 1, UNIT),
				E::InvalidWindow,
			),
			row(
				"event ending as it starts",
				grid(),
				grid_event(b"u0yjjd", NOW + 2, NOW + 2, 1, UNIT),
				E::InvalidWindow,
			),
			row(
				"event ending before it starts",
				grid(),
				grid_event(b"u0yjjd", NOW + 2, NOW + 1, 1, UNIT),
				E::InvalidWindow,
			),
			row(
				"event starting at u32::MAX (it cannot end)",
				grid(),
				grid_event(b"u0yjjd", u32::MAX, u32::MAX, 1, UNIT),
				E::InvalidWindow,
			),
			row(
				"reward of 0",
				grid(),
				grid_event(b"u0yjjd", NOW + 1, NOW + 2, 0, UNIT),
				E::InvalidBudget,
			),
			row(
				"budget of 0",
				grid(),
				grid_event(b"u0yjjd", NOW + 1, NOW + 2, 1, 0),
				E::InvalidBudget,
			),
			row(
				"budget of u128::MAX",
				grid(),
				grid_event(b"u0yjjd", NOW + 1, NOW + 2, 1, u128::MAX),
				E::InsufficientBalance,
			),
			row(
				"cancel an unknown event",
				grid(),
				Call::cancel_grid_event { event: unknown },
				E::GridEventNotFound,
			),
			row(
				"close an unknown event",
				dave(),
				Call::close_grid_event { event: unknown },
				E::GridEventNotFound,
			),
			row(
				"opt an unknown charger in",
				operator(),
				Call::opt_in_grid { charger: unknown, export_per_kwh: None },
				E::ChargerNotFound,
			),
			row(
				"export price on a one-way charger",
				operator(),
				Call::opt_in_grid { charger: 0, export_per_kwh: Some(UNIT) },
				E::NotBidirectional,
			),
			row(
				"opt an unknown charger out",
				operator(),
				Call::opt_out_grid { charger: unknown },
				E::ChargerNotFound,
			),
			row(
				"opt out a charger never in",
				operator(),
				Call::opt_out_grid { charger: 1 },
				E::NotOptedIn,
			),
			row(
				"baseline of an unknown session",
				alice(),
				Call::declare_baseline { session: unknown_session, power_w: 5_000 },
				E::SessionNotFound,
			),
			row(
				"baseline of 0 W",
				alice(),
				Call::declare_baseline { session: ACTIVE, power_w: 0 },
				E::InvalidBaseline,
			),
			row(
				"baseline above the charger's 22 kW",
				alice(),
				Call::declare_baseline { session: ACTIVE, power_w: 22_001 },
				E::InvalidBaseline,
			),
			row(
				"baseline of u32::MAX W",
				alice(),
				Call::declare_baseline { session: ACTIVE, power_w: u32::MAX },
				E::InvalidBaseline,
			),
			row(
				"curtail an unknown session",
				alice(),
				Call::accept_curtailment { session: unknown_session, event: 0 },
				E::SessionNotFound,
			),
			row(
				"curtail for an unknown event",
				alice(),
				Call::accept_curtailment { session: ACTIVE, event: unknown },
				E::GridEventNotFound,
			),
			// Discharging (the driver, the charger's meter).
			row(
				"discharge at an unknown charger",
				bob(),
				discharge(unknown, battery(75_000, 80, 50)),
				E::ChargerNotFound,
			),
			row(
				"discharge at a one-way charger",
				bob(),
				discharge(1, battery(75_000, 80, 50)),
				E::NotBidirectional,
			),
			row("battery of 0 Wh", bob(), discharge(V2G, battery(0, 80, 50)), E::InvalidSoc),
			row("charge of 101 %", bob(), discharge(V2G, battery(75_000, 101, 50)), E::InvalidSoc),
			row(
				"charge of 255 %",
				bob(),
				discharge(V2G, battery(75_000, u8::MAX, 50)),
				E::InvalidSoc,
			),
			row(
				"minimum equal to the charge",
				bob(),
				discharge(V2G, battery(75_000, 50, 50)),
				E::InvalidSoc,
			),
			row(
				"minimum above the charge",
				bob(),
				discharge(V2G, battery(75_000, 50, 80)),
				E::InvalidSoc,
			),
			row(
				"nothing above the minimum (1 Wh)",
				bob(),
				discharge(V2G, battery(1, 51, 50)),
				E::InvalidCap,
			),
			row(
				"escrow at u128::MAX per kWh exported overflows",
				bob(),
				discharge(PRICELESS, battery(75_000, 80, 50)),
				E::Overflow,
			),
			row(
				"stop an unknown discharge",
				meter(),
				Call::stop_discharge {
					session: unknown_session,
					reading: DischargeReading {
						exported_wh: 1,
						discharging_secs: 1,
						final_soc_percent: 60,
					},
				},
				E::SessionNotFound,
			),
			row(
				"stop a charge session as a discharge",
				meter(),
				Call::stop_discharge {
					session: ACTIVE,
					reading: DischargeReading {
						exported_wh: 1,
						discharging_secs: 1,
						final_soc_percent: 60,
					},
				},
				E::WrongSessionKind,
			),
		]);

		// A pending session lapses after MaxPendingDuration, not a block earlier.
		assert_ok!(SharedCharging::start_session(signed(Bob), 1, 1, CAP_WH));
		let pending = ACTIVE + 1;
		run_to_block(NOW + HOURS - 1);
		check_rows(vec![row(
			"close-lapsed a pending session one block before it lapses",
			signed(Ferdie),
			Call::close_lapsed_session { session: pending },
			E::PendingNotExpired,
		)]);
		run_to_block(NOW + HOURS);
		assert_ok!(SharedCharging::close_lapsed_session(signed(Ferdie), pending));
	});
}

#[test]
fn shared_charging_bounded_arguments_one_over_do_not_decode() {
	let dave = account(Dave);
	let location = vec![b'u'; MAX_GEOHASH];
	let args = |location: &[u8]| {
		(&dave, location.to_vec(), 22u32, Connector::Ccs2, true, AccessRule::Public, 0u32)
	};
	let mut longer = location.clone();
	longer.push(b'u');
	assert_bound(charger(&location, 22, 0).into(), args(&location), args(&longer));

	let area = vec![b'u'; MAX_GEOHASH];
	let args = |area: &[u8]| (area.to_vec(), 1u32, 2u32, 1u128, UNIT);
	assert_bound(grid_event(&area, 1, 2, 1, UNIT).into(), args(&area), args(&longer));

	let list = vec![energy_price(UNIT); MAX_TARIFF_ELEMENTS];
	let mut more = list.clone();
	more.push(energy_price(UNIT));
	assert_bound(tariff(list.clone()).into(), (list.clone(),), (more.clone(),));
	assert_bound(
		Call::<Runtime>::update_tariff { tariff: 0, elements: elements(list.clone()) }.into(),
		(0u32, list),
		(0u32, more),
	);
}
