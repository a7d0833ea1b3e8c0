//! The matrix of pallet-shared-charging (index 23): 31 calls. Charger 0 (public, meter DS) and
//! charger 1 (members Alice and Bob, meter ES) are CharlieStash's; charger 2 (bidirectional,
//! opted in) is the second operator's. Session 0 is Alice's with vehicle 0.
//!
//! F3 (fixed): a charger's meter is invited by `register_charger` or `set_charger_meter` and
//! acts only once it accepted (`accept_charger_meter`); it may leave (`leave_charger_meter`).

use super::{
	assert_every_call_has_rows, battery, energy_tariff, governance_only, on_base, reading, refused,
	run, run_to_block, session_active, session_done, session_pending, signed_only, sold, stolen,
	succeeds, text, Role::*, Row, BASE_BLOCK, V0,
};
use crate::tests::assert_rejected;
use crate::{Runtime, RuntimeOrigin, SharedCharging, System, DAYS, HOURS, MILLI_UNIT, UNIT};
use pallet_shared_charging::{AccessRule, Connector, DischargeReading};
use polkadot_sdk::{
	frame_support::{assert_ok, traits::GetCallName},
	sp_runtime::DispatchError,
};

type Call = pallet_shared_charging::Call<Runtime>;
type Error = pallet_shared_charging::Error<Runtime>;

/// A charger metered by charger 0's meter (an account may meter several chargers): none of
/// the callers in the rows is its own meter.
fn register_charger(tariff: u32) -> Call {
	register_charger_metered_by(Meter, tariff)
}

fn register_charger_metered_by(device: super::Role, tariff: u32) -> Call {
	Call::register_charger {
		device: device.id(),
		location: text(b"u0yjjd9"),
		max_power_kw: 22,
		connector: Connector::Type2,
		bidirectional: false,
		access: AccessRule::Public,
		tariff,
	}
}

fn start_session(charger: u32) -> Call {
	Call::start_session { charger, vehicle: V0, energy_cap_wh: 10_000 }
}

fn stop_session() -> Call {
	Call::stop_session { session: 0, reading: reading(), odometer_km: None }
}

fn start_discharge(charger: u32) -> Call {
	Call::start_discharge { charger, vehicle: V0, battery: battery() }
}

fn stop_discharge() -> Call {
	Call::stop_discharge {
		session: 0,
		reading: DischargeReading {
			exported_wh: 1_000,
			discharging_secs: 200,
			final_soc_percent: 79,
		},
	}
}

/// A grid event over the dev chargers' area, from 10 to 100 blocks after BASE.
fn publish_grid_event() -> Call {
	Call::publish_grid_event {
		area: text(b"u0yjjd"),
		start: BASE_BLOCK + 11,
		end: BASE_BLOCK + 101,
		reward_per_kwh: UNIT,
		budget: 100 * UNIT,
	}
}

/// The calls on a charger that only its operator makes.
fn charger_operator_rows(call: Call) -> Vec<Row> {
	[
		refused(
			&[OtherCpo, Meter, Owner, Stranger, GridOperator],
			call.clone(),
			Error::NotChargerOperator,
		),
		signed_only(call),
	]
	.concat()
}

fn base_rows() -> Vec<Row> {
	[
		refused(&[OtherCpo, Owner, Stranger], register_charger(0), Error::NotTariffOwner),
		signed_only(register_charger(0)),
		refused(&[Stranger], register_charger(99), Error::TariffNotFound),
		// F3: the operator is never its own meter.
		refused(&[Cpo], register_charger_metered_by(Cpo, 0), Error::MeterIsOperator),
		// Only the invited account accepts; charger 0's meter accepted at genesis.
		refused(
			&[Meter, Cpo, OtherMeter, OtherCpoMeter, Owner, Stranger],
			Call::accept_charger_meter { charger: 0 },
			Error::NotInvitedMeter,
		),
		signed_only(Call::accept_charger_meter { charger: 0 }),
		refused(&[Meter], Call::accept_charger_meter { charger: 99 }, Error::ChargerNotFound),
		// Only the meter leaves: not its operator, nor another charger's meter.
		refused(
			&[Cpo, OtherMeter, OtherCpoMeter, Owner, Stranger],
			Call::leave_charger_meter { charger: 0 },
			Error::NotMeter,
		),
		signed_only(Call::leave_charger_meter { charger: 0 }),
		refused(&[Meter], Call::leave_charger_meter { charger: 99 }, Error::ChargerNotFound),
		charger_operator_rows(Call::set_charger_meter { charger: 0, device: Some(Stranger.id()) }),
		refused(
			&[Cpo],
			Call::set_charger_meter { charger: 0, device: Some(Cpo.id()) },
			Error::MeterIsOperator,
		),
		refused(
			&[Cpo],
			Call::set_charger_meter { charger: 0, device: Some(Meter.id()) },
			Error::MeterUnchanged,
		),
		refused(
			&[Cpo],
			Call::set_charger_meter { charger: 99, device: None },
			Error::ChargerNotFound,
		),
		charger_operator_rows(Call::disable_charger { charger: 0 }),
		refused(&[Cpo], Call::disable_charger { charger: 99 }, Error::ChargerNotFound),
		// The operator check comes before "already enabled".
		charger_operator_rows(Call::enable_charger { charger: 0 }),
		charger_operator_rows(Call::remove_charger { charger: 0 }),
		refused(
			&[OtherCpo, OtherMeter, Owner, Stranger],
			Call::add_member { charger: 1, member: Stranger.id(), tariff: None },
			Error::NotChargerOperator,
		),
		signed_only(Call::add_member { charger: 1, member: Stranger.id(), tariff: None }),
		refused(
			&[Cpo],
			Call::add_member { charger: 0, member: Stranger.id(), tariff: None },
			Error::PublicCharger,
		),
		refused(
			&[Cpo],
			Call::add_member { charger: 1, member: Stranger.id(), tariff: Some(2) },
			Error::NotTariffOwner,
		),
		// A member cannot leave a charger; only its operator removes members.
		refused(
			&[AnotherOwner, OtherCpo, OtherMeter, Owner, Stranger],
			Call::remove_member { charger: 1, member: AnotherOwner.id() },
			Error::NotChargerOperator,
		),
		signed_only(Call::remove_member { charger: 1, member: AnotherOwner.id() }),
		refused(
			&[Cpo],
			Call::remove_member { charger: 1, member: Stranger.id() },
			Error::NotMember,
		),
		signed_only(Call::create_tariff { elements: energy_tariff() }),
		refused(
			&[OtherCpo, Owner, Stranger, Meter],
			Call::update_tariff { tariff: 0, elements: energy_tariff() },
			Error::NotTariffOwner,
		),
		signed_only(Call::update_tariff { tariff: 0, elements: energy_tariff() }),
		refused(
			&[Cpo],
			Call::update_tariff { tariff: 99, elements: energy_tariff() },
			Error::TariffNotFound,
		),
		refused(
			&[OtherCpo, Owner, Stranger],
			Call::remove_tariff { tariff: 0 },
			Error::NotTariffOwner,
		),
		signed_only(Call::remove_tariff { tariff: 0 }),
		refused(&[Cpo], Call::remove_tariff { tariff: 0 }, Error::TariffInUse),
		refused(
			&[
				Stranger,
				AnotherOwner,
				Manufacturer,
				Insurer,
				Workshop,
				Cpo,
				Meter,
				Device,
				ExpiredOperator,
				Lender,
			],
			start_session(0),
			Error::NotOperator,
		),
		signed_only(start_session(0)),
		refused(&[Operator], start_session(1), Error::NotMember),
		refused(&[Meter], Call::confirm_session { session: 99 }, Error::SessionNotFound),
		refused(&[Stranger], Call::close_lapsed_session { session: 99 }, Error::SessionNotFound),
		governance_only(&[Cpo, Stranger], Call::approve_grid_operator { operator: Stranger.id() }),
		governance_only(
			&[GridOperator],
			Call::remove_grid_operator { operator: GridOperator.id() },
		),
		refused(&[Cpo, Owner, Stranger, Insurer], publish_grid_event(), Error::NotGridOperator),
		signed_only(publish_grid_event()),
		charger_operator_rows(Call::opt_in_grid { charger: 0, export_per_kwh: None }),
		refused(
			&[Cpo],
			Call::opt_in_grid { charger: 0, export_per_kwh: Some(100 * MILLI_UNIT) },
			Error::NotBidirectional,
		),
		charger_operator_rows(Call::opt_out_grid { charger: 0 }),
		refused(&[Cpo], Call::opt_out_grid { charger: 0 }, Error::NotOptedIn),
		refused(
			&[Stranger, AnotherOwner, OtherCpo, OtherCpoMeter, Device, ExpiredOperator],
			start_discharge(2),
			Error::NotOperator,
		),
		signed_only(start_discharge(2)),
		// The charger's checks come before the driver's.
		refused(&[Stranger], start_discharge(0), Error::NotBidirectional),
	]
	.concat()
}

/// S_PENDING: Alice started session 0 at charger 0; the meter has not confirmed it.
fn pending_rows() -> Vec<Row> {
	[
		refused(
			&[Driver, OtherCpo, OtherMeter, Stranger, Device, Operator],
			Call::confirm_session { session: 0 },
			Error::NotCharger,
		),
		signed_only(Call::confirm_session { session: 0 }),
		// The operator may drive vehicle 0, but the session is not its own.
		refused(
			&[Stranger, AnotherOwner, OtherCpo, OtherMeter, Device, Operator],
			Call::close_session { session: 0 },
			Error::NotDriver,
		),
		signed_only(Call::close_session { session: 0 }),
		refused(&[OtherCpo], Call::remove_charger { charger: 0 }, Error::NotChargerOperator),
		refused(&[Cpo], Call::remove_charger { charger: 0 }, Error::ChargerBusy),
		refused(&[Stranger], start_session(0), Error::ChargerBusy),
		refused(&[Driver], Call::declare_baseline { session: 0, power_w: 5_000 }, Error::NotActive),
		refused(
			&[Stranger, Cpo],
			Call::close_lapsed_session { session: 0 },
			Error::PendingNotExpired,
		),
		signed_only(Call::close_lapsed_session { session: 0 }),
	]
	.concat()
}

/// S_ACTIVE: the meter confirmed session 0.
fn active_rows() -> Vec<Row> {
	let baseline = Call::declare_baseline { session: 0, power_w: 5_000 };
	[
		refused(
			&[Driver, OtherCpo, OtherMeter, Stranger, Device],
			stop_session(),
			Error::NotCharger,
		),
		signed_only(stop_session()),
		refused(&[Meter], Call::confirm_session { session: 0 }, Error::NotPending),
		// The charger stops an active session; only the driver closes one, after 12 hours.
		refused(&[Cpo, Meter], Call::close_session { session: 0 }, Error::NotDriver),
		refused(&[Driver], Call::close_session { session: 0 }, Error::NotTimedOut),
		refused(&[Stranger], Call::dispute_session { session: 0 }, Error::NotCompleted),
		refused(
			&[Stranger, AnotherOwner, OtherCpo, OtherMeter, Device, Operator],
			baseline.clone(),
			Error::NotDriver,
		),
		signed_only(baseline),
		refused(&[Stranger], Call::close_lapsed_session { session: 0 }, Error::DriverMayOperate),
		refused(&[Meter], stop_discharge(), Error::WrongSessionKind),
	]
	.concat()
}

/// S_DONE: session 0 was stopped; its payment waits for the dispute window.
fn done_rows() -> Vec<Row> {
	[
		refused(
			&[Cpo, Meter, AnotherOwner, Stranger, Operator],
			Call::dispute_session { session: 0 },
			Error::NotDriver,
		),
		signed_only(Call::dispute_session { session: 0 }),
		refused(&[Root], Call::resolve_dispute { session: 0, refund: 0 }, Error::NoOpenDispute),
		refused(&[Stranger], Call::release_payment { session: 0 }, Error::DisputeWindowOpen),
		signed_only(Call::release_payment { session: 0 }),
	]
	.concat()
}

/// DISPUTED: Alice disputed session 0.
fn disputed_rows() -> Vec<Row> {
	governance_only(&[Cpo, Driver], Call::resolve_dispute { session: 0, refund: 0 })
}

/// GRID: charger 0 opted in, session 0 active with a baseline, and the grid operator's event 0.
fn grid_rows() -> Vec<Row> {
	let cancel = Call::cancel_grid_event { event: 0 };
	let accept = Call::accept_curtailment { session: 0, event: 0 };
	[
		refused(
			&[OtherGridOperator, Cpo, Owner, Stranger],
			cancel.clone(),
			Error::NotEventOperator,
		),
		// Governance cannot cancel a grid event.
		refused(&[Root, Unsigned, CouncilTwoThirds], cancel, DispatchError::BadOrigin),
		refused(&[Stranger], Call::close_grid_event { event: 0 }, Error::EventNotOver),
		signed_only(Call::close_grid_event { event: 0 }),
		// The meter and the operator may declare a baseline, but only the driver accepts.
		refused(&[Cpo, Meter, GridOperator, Stranger, Operator], accept.clone(), Error::NotDriver),
		signed_only(accept),
	]
	.concat()
}

/// GRID, then governance removed the grid operator.
fn removed_grid_operator_rows() -> Vec<Row> {
	refused(&[GridOperator], publish_grid_event(), Error::NotGridOperator)
}

/// DISCHARGE: Alice discharges vehicle 0 at charger 2 (session 0), confirmed by its meter.
fn discharge_rows() -> Vec<Row> {
	[
		refused(&[Driver, Cpo, Meter, Stranger], stop_discharge(), Error::NotCharger),
		signed_only(stop_discharge()),
		refused(&[OtherCpoMeter], stop_session(), Error::WrongSessionKind),
	]
	.concat()
}

/// SOLD with a session: Alice started session 0 at charger 0, then sold vehicle 0 to Bob.
fn sold_rows() -> Vec<Row> {
	[
		refused(&[NewOwner], Call::close_session { session: 0 }, Error::NotDriver),
		refused(&[NewOwner], start_session(0), Error::ChargerBusy),
		// Until someone closes the lapsed session, the vehicle stays busy.
		refused(&[NewOwner], start_session(1), Error::VehicleBusy),
		refused(&[Seller], start_session(1), Error::NotOperator),
	]
	.concat()
}

/// STOLEN: Alice reported vehicle 0 stolen.
fn stolen_rows() -> Vec<Row> {
	refused(&[Owner, Stranger], start_session(0), Error::VehicleNotActive)
}

/// Every scenario's rows, by scenario (the docs table is written from these).
pub(super) fn scenarios() -> Vec<(&'static str, Vec<Row>)> {
	vec![
		("BASE", base_rows()),
		("PENDING", pending_rows()),
		("ACTIVE", active_rows()),
		("DONE", done_rows()),
		("DISPUTED", disputed_rows()),
		("GRID", grid_rows()),
		("REMOVED_GRID_OPERATOR", removed_grid_operator_rows()),
		("DISCHARGE", discharge_rows()),
		("SOLD", sold_rows()),
		("STOLEN", stolen_rows()),
	]
}

/// GRID: see [`grid_rows`].
fn grid() {
	assert_ok!(SharedCharging::opt_in_grid(Cpo.signed(), 0, None));
	session_active();
	assert_ok!(SharedCharging::declare_baseline(Driver.signed(), 0, 5_000));
	run_to_block(BASE_BLOCK + 1);
	assert_ok!(SharedCharging::publish_grid_event(
		GridOperator.signed(),
		text(b"u0yjjd"),
		BASE_BLOCK + 11,
		BASE_BLOCK + 101,
		UNIT,
		100 * UNIT
	));
}

#[test]
fn every_charging_call_has_rows_in_the_matrix() {
	assert_every_call_has_rows("SharedCharging", Call::get_call_names(), &scenarios());
}

#[test]
fn on_the_base_chain_only_operators_owners_and_governance_act() {
	on_base(|| {
		run("BASE", base_rows());
		succeeds(Root, Call::approve_grid_operator { operator: Stranger.id() });
		succeeds(CouncilTwoThirds, Call::remove_grid_operator { operator: Stranger.id() });
		succeeds(Stranger, Call::create_tariff { elements: energy_tariff() });
		succeeds(Cpo, Call::update_tariff { tariff: 0, elements: energy_tariff() });
		succeeds(Cpo, Call::add_member { charger: 1, member: Stranger.id(), tariff: None });
		succeeds(Cpo, Call::remove_member { charger: 1, member: Stranger.id() });
		succeeds(Cpo, Call::opt_in_grid { charger: 0, export_per_kwh: None });
		succeeds(Cpo, Call::opt_out_grid { charger: 0 });
		succeeds(Cpo, Call::disable_charger { charger: 0 });
		succeeds(Cpo, Call::enable_charger { charger: 0 });
		succeeds(Stranger, Call::create_tariff { elements: energy_tariff() });
		succeeds(GridOperator, publish_grid_event());
		succeeds(Operator, start_session(0));
	});
	on_base(|| {
		succeeds(Cpo, Call::remove_charger { charger: 1 });
		succeeds(OtherCpo, register_charger(2));
	});
	on_base(|| {
		succeeds(Meter, Call::leave_charger_meter { charger: 0 });
		succeeds(Cpo, Call::set_charger_meter { charger: 0, device: Some(Stranger.id()) });
		succeeds(Stranger, Call::accept_charger_meter { charger: 0 });
	});
}

#[test]
fn a_pending_session_is_confirmed_by_its_charger_and_closed_by_its_parties() {
	on_base(|| {
		session_pending();
		run("S_PENDING", pending_rows());
		succeeds(Meter, Call::confirm_session { session: 0 });
		run("S_ACTIVE", active_rows());
		succeeds(Driver, Call::declare_baseline { session: 0, power_w: 5_000 });
		// The 200 s the reading claims must have passed.
		run_to_block(System::block_number() + 40);
		succeeds(Cpo, stop_session());
	});
	on_base(|| {
		session_pending();
		succeeds(Driver, Call::close_session { session: 0 });
	});
}

#[test]
fn an_unconfirmed_session_is_anyones_to_close_from_the_max_pending_duration_on() {
	on_base(|| {
		session_pending();
		run_to_block(BASE_BLOCK + HOURS - 1);
		let close = Call::close_lapsed_session { session: 0 };
		assert_rejected(Stranger.signed(), close.into(), Error::PendingNotExpired);
		run_to_block(BASE_BLOCK + HOURS);
		succeeds(Stranger, Call::close_lapsed_session { session: 0 });
	});
}

#[test]
fn a_completed_session_is_disputed_by_its_driver_and_resolved_by_governance() {
	on_base(|| {
		session_done();
		run("S_DONE", done_rows());
		succeeds(Driver, Call::dispute_session { session: 0 });
		run("DISPUTED", disputed_rows());
		succeeds(CouncilTwoThirds, Call::resolve_dispute { session: 0, refund: 0 });
	});
	on_base(|| {
		session_done();
		run_to_block(System::block_number() + 7 * DAYS + 1);
		succeeds(Stranger, Call::release_payment { session: 0 });
	});
}

#[test]
fn a_grid_event_is_its_operators_to_cancel_and_the_drivers_to_accept() {
	on_base(|| {
		grid();
		run("GRID", grid_rows());
		succeeds(Driver, Call::accept_curtailment { session: 0, event: 0 });
	});
	on_base(|| {
		grid();
		assert_ok!(SharedCharging::remove_grid_operator(RuntimeOrigin::root(), GridOperator.id()));
		run("GRID, grid operator removed", removed_grid_operator_rows());
		// Its own event stays its own to cancel.
		succeeds(GridOperator, Call::cancel_grid_event { event: 0 });
	});
	on_base(|| {
		grid();
		run_to_block(BASE_BLOCK + 101 + DAYS);
		succeeds(Stranger, Call::close_grid_event { event: 0 });
	});
}

#[test]
fn a_discharge_is_stopped_only_by_its_chargers_meter_or_operator() {
	on_base(|| {
		succeeds(Driver, start_discharge(2));
		succeeds(OtherCpoMeter, Call::confirm_session { session: 0 });
		run("DISCHARGE", discharge_rows());
		run_to_block(System::block_number() + 40);
		succeeds(OtherCpoMeter, stop_discharge());
	});
}

#[test]
fn after_a_sale_the_sellers_session_is_anyones_to_close_and_then_the_buyer_charges() {
	on_base(|| {
		session_pending();
		sold();
		run("SOLD with the seller's session", sold_rows());
		succeeds(Stranger, Call::close_lapsed_session { session: 0 });
		succeeds(NewOwner, start_session(1));
	});
	on_base(|| {
		stolen();
		run("STOLEN", stolen_rows());
	});
}
