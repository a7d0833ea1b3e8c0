//! Freight: shipments without legs, with a temperature range whose minimum is above its
//! maximum, a claim window outside `MinClaimWindow..=MaxClaimWindow`, or to oneself; hand-off
//! offers expiring now, in the past or beyond `MaxHandoffDuration`; loads on unknown, stolen or
//! foreign vehicles; kind orders that cannot aggregate; declarations of unknown events or
//! correcting themselves; forged sensor signatures; readings of no reading, with min > max, of
//! a day before the shipment or after today, committed twice or replayed; excursions inside
//! the range, in the future or on a shipment without one; settlements above the escrow; and
//! ids that do not exist. Each by the role that may make the call.

use super::{assert_bound, check_rows, row, UNKNOWN};
use crate::{
	tests::{
		account, dev_chain,
		road_keys::{account_of, day_at, pair},
		run_to_block, signed,
	},
	AccountId, Runtime, RuntimeCall, RuntimeOrigin, VehicleIdentity, DAYS, UNIT,
};
use pallet_freight::{
	BizStep, Call, ConditionSpec, Disposition, Error, ErrorReason, Leg, Shipments, UnitKind,
};
use polkadot_sdk::{
	frame_support::assert_ok,
	sp_core::{Pair, H256},
	sp_keyring::Sr25519Keyring::{Bob, Dave},
	sp_runtime::{traits::Dispatchable, MultiSignature, TokenError},
};

type E = Error<Runtime>;

/// The dev preset's shipment (Bob's vaccines, HaulierA's custody, on truck 3) and the setup's
/// item shipment (Bob's custody, no temperature range).
const SHIPMENT: u64 = 0;
const ITEM: u64 = 1;
const ESCROW: u128 = 500 * UNIT;
/// The block the rows run at (the setup's too).
const NOW: u32 = 10;
/// The runtime's limits (`configs/freight.rs`).
const MIN_CLAIM_WINDOW: u32 = 10;
const MAX_CLAIM_WINDOW: u32 = 30 * DAYS;
const MAX_HANDOFF_DURATION: u32 = DAYS;
const MAX_LEGS: usize = 8;
const LOGGER: &str = "//FreightLogger";

fn haulier_a() -> RuntimeOrigin {
	RuntimeOrigin::signed(account_of("//HaulierA"))
}

fn logger() -> RuntimeOrigin {
	RuntimeOrigin::signed(account_of(LOGGER))
}

/// `uri`'s signature on the registration payload of shipment `id`.
fn consent(uri: &str, id: u64) -> MultiSignature {
	MultiSignature::Sr25519(pair(uri).sign(&pallet_freight::Pallet::<Runtime>::sensor_payload(id)))
}

fn leg() -> Leg<AccountId> {
	Leg { carrier: account_of("//HaulierA"), from: *b"4012345000009", to: *b"4098765000002" }
}

/// A valid item shipment from Bob to `consignee`, changed by `change`.
fn create(change: impl FnOnce(&mut Call<Runtime>)) -> Call<Runtime> {
	let mut call = Call::create_shipment {
		kind: UnitKind::Item,
		consignee: account(Dave),
		carrier: account_of("//HaulierA"),
		legs: vec![leg()].try_into().unwrap(),
		condition: Some(ConditionSpec { min: 20, max: 80 }),
		escrow: 0,
		document: H256::repeat_byte(1),
		claim_window: MIN_CLAIM_WINDOW,
	};
	change(&mut call);
	call
}

fn claim_window(window: u32) -> Call<Runtime> {
	create(|call| {
		if let Call::create_shipment { claim_window, .. } = call {
			*claim_window = window;
		}
	})
}

fn offer(expires_at: u32) -> Call<Runtime> {
	Call::offer_handoff { id: SHIPMENT, to: account_of("//HaulierB"), expires_at }
}

fn commit(id: u64, day: u32, root: u8, readings: u32, min: i16, max: i16) -> Call<Runtime> {
	Call::commit_readings { id, day, root: H256::repeat_byte(root), readings, min, max }
}

fn excursion(id: u64, at: u32, reading: i16) -> Call<Runtime> {
	Call::report_excursion { id, at, reading, evidence: H256::repeat_byte(9) }
}

fn declare(id: u64, event: u32, corrective: Option<u32>) -> Call<Runtime> {
	Call::declare_error { id, event, reason: ErrorReason::IncorrectData, corrective }
}

/// At block 10: Bob registers the logger to shipment 0, creates the item shipment 1 and
/// registers the logger to it too; the logger commits today's root 0x01 for shipment 0; Bob
/// reports his vehicle 1 stolen.
fn setup() {
	run_to_block(NOW);
	assert_ok!(crate::Freight::register_sensor(
		signed(Bob),
		SHIPMENT,
		account_of(LOGGER),
		consent(LOGGER, SHIPMENT)
	));
	let item = create(|call| {
		if let Call::create_shipment { condition, .. } = call {
			*condition = None;
		}
	});
	assert_ok!(RuntimeCall::from(item).dispatch(signed(Bob)));
	assert!(Shipments::<Runtime>::get(ITEM).is_some());
	assert_ok!(crate::Freight::register_sensor(
		signed(Bob),
		ITEM,
		account_of(LOGGER),
		consent(LOGGER, ITEM)
	));
	assert_ok!(crate::Freight::commit_readings(
		logger(),
		SHIPMENT,
		day_at(NOW),
		H256::repeat_byte(1),
		96,
		40,
		60
	));
	assert_ok!(VehicleIdentity::report_stolen(signed(Bob), 1));
}

#[test]
fn freight_refuses_bad_input_with_typed_errors() {
	dev_chain(|| {
		setup();
		let (bob, dave, gov) = (|| signed(Bob), || signed(Dave), RuntimeOrigin::root);
		let unknown = u64::from(UNKNOWN);
		let today = day_at(NOW);
		let rows = vec![
			// Shipments (anyone signed, as the shipper).
			row(
				"a shipment without legs",
				bob(),
				create(|call| {
					if let Call::create_shipment { legs, .. } = call {
						*legs = Default::default();
					}
				}),
				E::NoLegs,
			),
			row(
				"a temperature range with min > max",
				bob(),
				create(|call| {
					if let Call::create_shipment { condition, .. } = call {
						*condition = Some(ConditionSpec { min: 81, max: 80 });
					}
				}),
				E::InvalidCondition,
			),
			row("a claim window of 0", bob(), claim_window(0), E::InvalidClaimWindow),
			row(
				"a claim window of MinClaimWindow - 1",
				bob(),
				claim_window(MIN_CLAIM_WINDOW - 1),
				E::InvalidClaimWindow,
			),
			row(
				"a claim window of MaxClaimWindow + 1",
				bob(),
				claim_window(MAX_CLAIM_WINDOW + 1),
				E::InvalidClaimWindow,
			),
			row("a claim window of u32::MAX", bob(), claim_window(u32::MAX), E::InvalidClaimWindow),
			row(
				"a shipment to oneself",
				bob(),
				create(|call| {
					if let Call::create_shipment { consignee, .. } = call {
						*consignee = account(Bob);
					}
				}),
				E::SelfDealing,
			),
			row(
				"an escrow of u128::MAX",
				bob(),
				create(|call| {
					if let Call::create_shipment { escrow, .. } = call {
						*escrow = u128::MAX;
					}
				}),
				TokenError::FundsUnavailable,
			),
			row(
				"cancel an unknown shipment",
				bob(),
				Call::cancel_shipment { id: unknown },
				E::UnknownShipment,
			),
			// Hand-offs (the custodian, HaulierA).
			row("an offer expiring now", haulier_a(), offer(NOW), E::InvalidExpiry),
			row("an offer expired before now", haulier_a(), offer(NOW - 1), E::InvalidExpiry),
			row(
				"an offer open beyond MaxHandoffDuration",
				haulier_a(),
				offer(NOW + MAX_HANDOFF_DURATION + 1),
				E::InvalidExpiry,
			),
			row("an offer open until u32::MAX", haulier_a(), offer(u32::MAX), E::InvalidExpiry),
			row(
				"an offer of an unknown shipment",
				haulier_a(),
				Call::offer_handoff {
					id: unknown,
					to: account_of("//HaulierB"),
					expires_at: NOW + 1,
				},
				E::UnknownShipment,
			),
			row(
				"an offer to no party (Bob, the shipper)",
				haulier_a(),
				Call::offer_handoff { id: SHIPMENT, to: account(Bob), expires_at: NOW + 1 },
				E::NotAParty,
			),
			row(
				"cancel the offer of an unknown shipment",
				haulier_a(),
				Call::cancel_handoff { id: unknown },
				E::UnknownShipment,
			),
			row(
				"accept the offer of an unknown shipment",
				haulier_a(),
				Call::accept_handoff { id: unknown },
				E::UnknownShipment,
			),
			// Loading (the custodian: Bob for the item).
			row(
				"load on an unknown vehicle",
				bob(),
				Call::load { id: ITEM, vehicle: u64::from(UNKNOWN) },
				E::UnknownVehicle,
			),
			row(
				"load on a stolen vehicle",
				bob(),
				Call::load { id: ITEM, vehicle: 1 },
				E::VehicleNotActive,
			),
			row(
				"load on another's truck",
				bob(),
				Call::load { id: ITEM, vehicle: 3 },
				E::NotOperator,
			),
			row(
				"load a loaded shipment",
				haulier_a(),
				Call::load { id: SHIPMENT, vehicle: 3 },
				E::Loaded,
			),
			row(
				"load an unknown shipment",
				bob(),
				Call::load { id: unknown, vehicle: 3 },
				E::UnknownShipment,
			),
			row("unload a shipment on no vehicle", bob(), Call::unload { id: ITEM }, E::NotLoaded),
			row(
				"unload an unknown shipment",
				bob(),
				Call::unload { id: unknown },
				E::UnknownShipment,
			),
			// Aggregation.
			row(
				"a shipment into itself",
				bob(),
				Call::aggregate { child: ITEM, parent: ITEM },
				E::InvalidAggregation,
			),
			row(
				"a pallet into an item",
				haulier_a(),
				Call::aggregate { child: SHIPMENT, parent: ITEM },
				E::InvalidAggregation,
			),
			row(
				"an unknown child",
				bob(),
				Call::aggregate { child: unknown, parent: SHIPMENT },
				E::UnknownShipment,
			),
			row(
				"an unknown parent",
				bob(),
				Call::aggregate { child: ITEM, parent: unknown },
				E::UnknownShipment,
			),
			row(
				"unpack a shipment in no parent",
				bob(),
				Call::disaggregate { child: ITEM },
				E::NotAggregated,
			),
			row(
				"unpack an unknown shipment",
				bob(),
				Call::disaggregate { child: unknown },
				E::UnknownShipment,
			),
			// Events and their corrections (event 1 of shipment 0 is HaulierA's receipt).
			row(
				"an event on an unknown shipment",
				bob(),
				Call::record_event {
					id: unknown,
					biz_step: BizStep::Inspecting,
					disposition: Disposition::Active,
					location: None,
					data: None,
				},
				E::UnknownShipment,
			),
			row(
				"declare an unknown event",
				haulier_a(),
				declare(SHIPMENT, 99, None),
				E::UnknownEvent,
			),
			row(
				"correct with an unknown event",
				haulier_a(),
				declare(SHIPMENT, 1, Some(99)),
				E::UnknownEvent,
			),
			row(
				"correct an event with itself",
				haulier_a(),
				declare(SHIPMENT, 1, Some(1)),
				E::InvalidCorrection,
			),
			row(
				"declare on an unknown shipment",
				haulier_a(),
				declare(unknown, 0, None),
				E::UnknownShipment,
			),
			// Sensors (the shipper registers).
			row(
				"a sensor signature by another key",
				bob(),
				Call::register_sensor {
					id: SHIPMENT,
					device: account_of("//FreightLogger2"),
					signature: consent("//Mallory", SHIPMENT),
				},
				E::BadSignature,
			),
			row(
				"a sensor signature for another shipment",
				bob(),
				Call::register_sensor {
					id: SHIPMENT,
					device: account_of("//FreightLogger2"),
					signature: consent("//FreightLogger2", ITEM),
				},
				E::BadSignature,
			),
			row(
				"a sensor registered twice",
				bob(),
				Call::register_sensor {
					id: SHIPMENT,
					device: account_of(LOGGER),
					signature: consent(LOGGER, SHIPMENT),
				},
				E::AlreadyRegistered,
			),
			row(
				"a sensor of an unknown shipment",
				bob(),
				Call::register_sensor {
					id: unknown,
					device: account_of(LOGGER),
					signature: consent(LOGGER, unknown),
				},
				E::UnknownShipment,
			),
			row(
				"remove a sensor never registered",
				bob(),
				Call::remove_sensor { id: SHIPMENT, device: account(Dave) },
				E::NotSensor,
			),
			row(
				"remove a sensor of an unknown shipment",
				bob(),
				Call::remove_sensor { id: unknown, device: account_of(LOGGER) },
				E::UnknownShipment,
			),
			// Readings (the registered logger).
			row(
				"readings of tomorrow",
				logger(),
				commit(SHIPMENT, today + 1, 2, 96, 40, 60),
				E::InvalidDay,
			),
			row(
				"readings of day u32::MAX",
				logger(),
				commit(SHIPMENT, u32::MAX, 2, 96, 40, 60),
				E::InvalidDay,
			),
			row(
				"readings of the day before the shipment",
				logger(),
				commit(ITEM, today - 1, 2, 96, 40, 60),
				E::InvalidDay,
			),
			row("zero readings", logger(), commit(ITEM, today, 2, 0, 40, 60), E::InvalidReadings),
			row(
				"readings with min > max",
				logger(),
				commit(ITEM, today, 2, 96, 61, 60),
				E::InvalidReadings,
			),
			row(
				"a second root of the day",
				logger(),
				commit(SHIPMENT, today, 2, 96, 40, 60),
				E::AlreadyCommitted,
			),
			row(
				"shipment 0's root for the item",
				logger(),
				commit(ITEM, today, 1, 96, 40, 60),
				E::RootReplayed,
			),
			row(
				"readings of an unknown shipment",
				logger(),
				commit(unknown, today, 2, 96, 40, 60),
				E::UnknownShipment,
			),
			// Excursions (2.0 to 8.0 °C on shipment 0).
			row(
				"a reading inside the range",
				logger(),
				excursion(SHIPMENT, NOW, 50),
				E::NotAnExcursion,
			),
			row(
				"a reading at the minimum",
				logger(),
				excursion(SHIPMENT, NOW, 20),
				E::NotAnExcursion,
			),
			row(
				"a reading at the maximum",
				logger(),
				excursion(SHIPMENT, NOW, 80),
				E::NotAnExcursion,
			),
			row(
				"an excursion in the next block",
				logger(),
				excursion(SHIPMENT, NOW + 1, 100),
				E::InvalidTime,
			),
			row(
				"an excursion at block u32::MAX",
				logger(),
				excursion(SHIPMENT, u32::MAX, 100),
				E::InvalidTime,
			),
			row(
				"an excursion of a shipment without a range",
				logger(),
				excursion(ITEM, NOW, 100),
				E::NoCondition,
			),
			row(
				"an excursion of an unknown shipment",
				logger(),
				excursion(unknown, NOW, 100),
				E::UnknownShipment,
			),
			// Delivery and money.
			row(
				"deliver an unknown shipment",
				dave(),
				Call::confirm_delivery { id: unknown, pod: H256::zero() },
				E::UnknownShipment,
			),
			row(
				"a settlement of the escrow + 1",
				bob(),
				Call::agree_settlement { id: SHIPMENT, to_carrier: ESCROW + 1 },
				E::AboveEscrow,
			),
			row(
				"a settlement of u128::MAX",
				bob(),
				Call::agree_settlement { id: SHIPMENT, to_carrier: u128::MAX },
				E::AboveEscrow,
			),
			row(
				"a settlement of an unknown shipment",
				bob(),
				Call::agree_settlement { id: unknown, to_carrier: 0 },
				E::UnknownShipment,
			),
			row(
				"a decision of the escrow + 1",
				gov(),
				Call::decide_claim { id: SHIPMENT, to_carrier: ESCROW + 1 },
				E::AboveEscrow,
			),
			row(
				"a decision on an unknown shipment",
				gov(),
				Call::decide_claim { id: unknown, to_carrier: 0 },
				E::UnknownShipment,
			),
			row(
				"release the escrow in transit",
				bob(),
				Call::release_escrow { id: SHIPMENT },
				E::NotDelivered,
			),
			row(
				"release an unknown shipment's escrow",
				bob(),
				Call::release_escrow { id: unknown },
				E::UnknownShipment,
			),
			row(
				"remove an unknown shipment",
				bob(),
				Call::remove_shipment { id: unknown },
				E::UnknownShipment,
			),
			row(
				"remove a shipment in transit",
				bob(),
				Call::remove_shipment { id: SHIPMENT },
				E::NotClosed,
			),
		];
		println!("freight: {} rows", rows.len());
		check_rows(rows);
	});
}

/// `create_shipment` with `MaxLegs` legs decodes; one more does not.
#[test]
fn freight_legs_over_their_bound_do_not_decode() {
	let legs = vec![leg(); MAX_LEGS];
	let call: RuntimeCall = Call::<Runtime>::create_shipment {
		kind: UnitKind::Container,
		consignee: account(Dave),
		carrier: account_of("//HaulierA"),
		legs: legs.clone().try_into().unwrap(),
		condition: None,
		escrow: 0,
		document: H256::zero(),
		claim_window: MIN_CLAIM_WINDOW,
	}
	.into();
	let args = |legs: Vec<Leg<AccountId>>| {
		(
			(UnitKind::Container, account(Dave), account_of("//HaulierA"), legs),
			(None::<ConditionSpec>, 0u128, H256::zero(), MIN_CLAIM_WINDOW),
		)
	};
	let mut over = legs;
	over.push(leg());
	assert_bound(call, args(vec![leg(); MAX_LEGS]), args(over));
}
