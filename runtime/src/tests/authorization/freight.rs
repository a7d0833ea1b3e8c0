//! The matrix of pallet-freight (index 28): 20 calls. The dev preset's shipment 0: Bob
//! (`Shipper`) ships a pallet of vaccines (2-8 °C, 500 V2X escrow, a 2-day claim window) to
//! Dave (`Consignee`); `//HaulierA` is the contracting carrier, runs leg 1, holds custody and
//! has loaded it on truck 3 (his); `//HaulierB` runs leg 2 and owns truck 4. F_BASE adds
//! `FreightSensor` (`//FreightLogger`), registered to shipment 0 by Bob with the logger's own
//! sr25519 signature, and shipment 1: an item Bob ships to Dave with HaulierA, no escrow, still
//! in Bob's custody. `Outsider` is the stranger (Dave, the other pallets' stranger, is the
//! consignee here).

use super::{
	governance_only, on_base, refused, run, run_to_block, signed_only, succeeds,
	Role::{self, *},
	Row, BASE_BLOCK,
};
use crate::tests::road_keys::{account_of, day_at, pair};
use crate::{Runtime, VehicleIdentity, DAYS, UNIT};
use pallet_freight::{BizStep, Disposition, ErrorReason, Leg, ShipmentState, Shipments, UnitKind};
use polkadot_sdk::{
	frame_support::{assert_ok, traits::GetCallName},
	sp_core::{Pair, H256},
	sp_runtime::MultiSignature,
};
use v2x_primitives::VehicleId;

type Call = pallet_freight::Call<Runtime>;
type Error = pallet_freight::Error<Runtime>;

/// The dev preset's shipment, F_BASE's item shipment, and the hauliers' trucks.
const SHIPMENT: u64 = 0;
const ITEM: u64 = 1;
const TRUCK: VehicleId = 3;
const OTHER_TRUCK: VehicleId = 4;
/// Shipment 0's escrow and claim window (`genesis_config_presets.rs`).
const ESCROW: u128 = 500 * UNIT;
const CLAIM_WINDOW: u32 = 2 * DAYS;
/// The runtime's `RetentionPeriod`.
const RETENTION: u32 = 30 * DAYS;
/// Hand-off offers in the scenarios are open until this block (inclusive).
const OFFER_EXPIRES: u32 = BASE_BLOCK + 100;
/// DELIVERED: the consignee confirmed at BASE_BLOCK; the rows run one block later.
const DELIVERED_AT: u32 = BASE_BLOCK;
/// The last block of the claim window, and the block CLOSED released the escrow at.
const WINDOW_END: u32 = DELIVERED_AT + CLAIM_WINDOW;
const CLOSED_AT: u32 = WINDOW_END + 1;

/// Every role of F_BASE that holds no custody of shipment 0.
const NOT_CUSTODIAN: [Role; 5] = [Shipper, HaulierB, Consignee, Outsider, FreightSensor];
/// Every role of F_BASE that is no sensor of shipment 0.
const NOT_SENSOR: [Role; 5] = [Shipper, HaulierA, HaulierB, Consignee, Outsider];

/// A second logger, never registered.
const OTHER_LOGGER: &str = "//FreightLogger2";

/// `uri`'s consent to be registered as a sensor of `id`.
fn consent(uri: &str, id: u64) -> MultiSignature {
	MultiSignature::Sr25519(pair(uri).sign(&pallet_freight::Pallet::<Runtime>::sensor_payload(id)))
}

fn leg() -> Leg<crate::AccountId> {
	Leg { carrier: HaulierA.id(), from: *b"4012345000009", to: *b"4098765000002" }
}

/// An item shipment to `consignee`, carried by HaulierA, without escrow.
fn create(consignee: Role) -> Call {
	Call::create_shipment {
		kind: UnitKind::Item,
		consignee: consignee.id(),
		carrier: HaulierA.id(),
		legs: vec![leg()].try_into().unwrap(),
		condition: None,
		escrow: 0,
		document: H256::repeat_byte(1),
		claim_window: 10,
	}
}

fn offer(id: u64, to: Role) -> Call {
	Call::offer_handoff { id, to: to.id(), expires_at: OFFER_EXPIRES }
}

fn record(id: u64) -> Call {
	Call::record_event {
		id,
		biz_step: BizStep::Departing,
		disposition: Disposition::InTransit,
		location: None,
		data: None,
	}
}

fn declare(event: u32) -> Call {
	Call::declare_error {
		id: SHIPMENT,
		event,
		reason: ErrorReason::IncorrectData,
		corrective: None,
	}
}

fn register(device: &str, signer: &str) -> Call {
	Call::register_sensor {
		id: SHIPMENT,
		device: account_of(device),
		signature: consent(signer, SHIPMENT),
	}
}

/// Readings of the day of block `at`: 96 readings, 4.0 to 6.0 °C.
fn commit(at: u32, root: u8) -> Call {
	Call::commit_readings {
		id: SHIPMENT,
		day: day_at(at),
		root: H256::repeat_byte(root),
		readings: 96,
		min: 40,
		max: 60,
	}
}

/// A reading of `reading` tenths of a degree at block `at`.
fn excursion(at: u32, reading: i16) -> Call {
	Call::report_excursion { id: SHIPMENT, at, reading, evidence: H256::repeat_byte(9) }
}

fn deliver() -> Call {
	Call::confirm_delivery { id: SHIPMENT, pod: H256::repeat_byte(0xd0) }
}

fn settle(to_carrier: u128) -> Call {
	Call::agree_settlement { id: SHIPMENT, to_carrier }
}

fn state() -> ShipmentState<u32> {
	Shipments::<Runtime>::get(SHIPMENT).unwrap().state
}

/// F_BASE, at block 2: see the module's doc.
fn f_base() {
	succeeds(Shipper, register("//FreightLogger", "//FreightLogger"));
	succeeds(Shipper, create(Consignee));
	assert!(Shipments::<Runtime>::get(ITEM).is_some());
}

fn on_f_base(test: impl FnOnce()) {
	on_base(|| {
		f_base();
		test();
	});
}

/// OFFERED: HaulierA offered shipment 0 to HaulierB (leg 2) until block 102.
fn offered() {
	succeeds(HaulierA, offer(SHIPMENT, HaulierB));
}

/// DELIVERED: HaulierA offered shipment 0 to Dave, who confirmed delivery at block 2; one block
/// later.
fn delivered() {
	succeeds(HaulierA, offer(SHIPMENT, Consignee));
	succeeds(Consignee, deliver());
	assert_eq!(state(), ShipmentState::Delivered { at: DELIVERED_AT });
	run_to_block(DELIVERED_AT + 1);
}

/// WINDOW_OVER: DELIVERED, one block after the claim window's last block.
fn window_over() {
	delivered();
	run_to_block(WINDOW_END + 1);
}

/// CLOSED: WINDOW_OVER, and anyone released the escrow to the carrier.
fn closed() {
	window_over();
	succeeds(Outsider, Call::release_escrow { id: SHIPMENT });
	assert_eq!(state(), ShipmentState::Closed { at: CLOSED_AT });
}

/// SOLD: HaulierA sold truck 3 to Dave: the truck no longer carries shipment 0.
fn sold() {
	assert_ok!(VehicleIdentity::offer_sale(
		HaulierA.signed(),
		TRUCK,
		Consignee.id(),
		None,
		OFFER_EXPIRES
	));
	assert_ok!(VehicleIdentity::accept_offer(Consignee.signed(), TRUCK, 0));
	assert_eq!(Shipments::<Runtime>::get(SHIPMENT).unwrap().vehicle, None);
}

/// STOLEN: HaulierA reported truck 3 stolen.
fn stolen() {
	assert_ok!(VehicleIdentity::report_stolen(HaulierA.signed(), TRUCK));
}

/// F_BASE at block 2: shipment 0 in transit on truck 3, in HaulierA's custody.
fn f_base_rows() -> Vec<Row> {
	let (cancel, release) =
		(Call::cancel_shipment { id: SHIPMENT }, Call::release_escrow { id: SHIPMENT });
	let remove = Call::remove_shipment { id: SHIPMENT };
	let remove_logger = Call::remove_sensor { id: SHIPMENT, device: FreightSensor.id() };
	let decide = Call::decide_claim { id: SHIPMENT, to_carrier: 100 * UNIT };
	[
		// Anyone signed creates a shipment, to someone else.
		refused(&[Shipper], create(Shipper), Error::SelfDealing),
		refused(&[Consignee], create(Consignee), Error::SelfDealing),
		signed_only(create(Consignee)),
		// The shipper cancels, before the first hand-off.
		refused(
			&[HaulierA, HaulierB, Consignee, Outsider, FreightSensor],
			cancel.clone(),
			Error::NotShipper,
		),
		refused(&[Shipper], cancel.clone(), Error::AlreadyPickedUp),
		refused(
			&[HaulierA, Consignee, Outsider],
			Call::cancel_shipment { id: ITEM },
			Error::NotShipper,
		),
		signed_only(cancel),
		// The custodian offers custody to a party: a leg carrier or the consignee.
		refused(&NOT_CUSTODIAN, offer(SHIPMENT, HaulierB), Error::NotCustodian),
		refused(&[HaulierA], offer(SHIPMENT, Outsider), Error::NotAParty),
		refused(&[HaulierA], offer(SHIPMENT, Shipper), Error::NotAParty),
		refused(&[HaulierA], offer(SHIPMENT, HaulierA), Error::AlreadyCustodian),
		refused(&[HaulierA], offer(ITEM, HaulierA), Error::NotCustodian),
		signed_only(offer(SHIPMENT, HaulierB)),
		refused(&NOT_CUSTODIAN, Call::cancel_handoff { id: SHIPMENT }, Error::NotCustodian),
		refused(&[HaulierA], Call::cancel_handoff { id: SHIPMENT }, Error::NoHandoff),
		signed_only(Call::cancel_handoff { id: SHIPMENT }),
		refused(
			&[HaulierA, HaulierB, Consignee, Shipper, Outsider],
			Call::accept_handoff { id: SHIPMENT },
			Error::NoHandoff,
		),
		signed_only(Call::accept_handoff { id: SHIPMENT }),
		// The custodian loads on a vehicle it may drive, and unloads.
		refused(&NOT_CUSTODIAN, Call::load { id: SHIPMENT, vehicle: TRUCK }, Error::NotCustodian),
		refused(&[HaulierA], Call::load { id: SHIPMENT, vehicle: TRUCK }, Error::Loaded),
		refused(&[Shipper], Call::load { id: ITEM, vehicle: TRUCK }, Error::NotOperator),
		refused(&[Shipper], Call::load { id: ITEM, vehicle: OTHER_TRUCK }, Error::NotOperator),
		refused(&[HaulierA], Call::load { id: ITEM, vehicle: TRUCK }, Error::NotCustodian),
		signed_only(Call::load { id: SHIPMENT, vehicle: TRUCK }),
		refused(&NOT_CUSTODIAN, Call::unload { id: SHIPMENT }, Error::NotCustodian),
		refused(&[Shipper], Call::unload { id: ITEM }, Error::NotLoaded),
		refused(&[HaulierA], Call::unload { id: ITEM }, Error::NotCustodian),
		signed_only(Call::unload { id: SHIPMENT }),
		// Packing: the custodian of both; the item into the pallet needs HaulierA to hold both.
		refused(
			&[Shipper, HaulierA, Outsider],
			Call::aggregate { child: ITEM, parent: SHIPMENT },
			Error::NotCustodian,
		),
		refused(
			&[Shipper],
			Call::aggregate { child: SHIPMENT, parent: ITEM },
			Error::InvalidAggregation,
		),
		signed_only(Call::aggregate { child: ITEM, parent: SHIPMENT }),
		refused(
			&[Shipper, HaulierA, Outsider],
			Call::disaggregate { child: ITEM },
			Error::NotAggregated,
		),
		signed_only(Call::disaggregate { child: ITEM }),
		// The custodian records events; their recorder declares them in error.
		refused(&NOT_CUSTODIAN, record(SHIPMENT), Error::NotCustodian),
		refused(&[HaulierA], record(ITEM), Error::NotCustodian),
		signed_only(record(SHIPMENT)),
		refused(&[HaulierA, HaulierB, Consignee, Outsider], declare(0), Error::NotRecorder),
		refused(&[Shipper, HaulierB, Consignee, FreightSensor], declare(1), Error::NotRecorder),
		signed_only(declare(0)),
		// Sensors: registered by the shipper or the custodian, removed by itself or the shipper.
		refused(
			&[HaulierB, Consignee, Outsider, FreightSensor],
			register(OTHER_LOGGER, OTHER_LOGGER),
			Error::NotCustodian,
		),
		refused(
			&[Shipper],
			register("//FreightLogger", "//FreightLogger"),
			Error::AlreadyRegistered,
		),
		signed_only(register(OTHER_LOGGER, OTHER_LOGGER)),
		refused(
			&[HaulierA, HaulierB, Consignee, Outsider],
			remove_logger.clone(),
			Error::NotSensor,
		),
		refused(
			&[Shipper],
			Call::remove_sensor { id: SHIPMENT, device: Outsider.id() },
			Error::NotSensor,
		),
		signed_only(remove_logger),
		refused(&NOT_SENSOR, commit(BASE_BLOCK, 0x33), Error::NotSensor),
		signed_only(commit(BASE_BLOCK, 0x33)),
		refused(&NOT_SENSOR, excursion(1, 100), Error::NotSensor),
		refused(&[FreightSensor], excursion(1, 50), Error::NotAnExcursion),
		signed_only(excursion(1, 100)),
		// Delivery: the consignee, holding custody or a live offer of it.
		refused(
			&[Shipper, HaulierA, HaulierB, Outsider, FreightSensor],
			deliver(),
			Error::NotConsignee,
		),
		refused(&[Consignee], deliver(), Error::NotCustodian),
		signed_only(deliver()),
		// Settlement: the shipper and the carrier, up to the escrow; governance decides.
		refused(&[HaulierB, Consignee, Outsider, FreightSensor], settle(UNIT), Error::NotAParty),
		refused(&[Shipper, HaulierA], settle(ESCROW + 1), Error::AboveEscrow),
		signed_only(settle(UNIT)),
		governance_only(&[Shipper, HaulierA, Consignee], decide),
		refused(
			&[Root],
			Call::decide_claim { id: SHIPMENT, to_carrier: ESCROW + 1 },
			Error::AboveEscrow,
		),
		refused(&[Outsider, HaulierA, Shipper], release.clone(), Error::NotDelivered),
		signed_only(release),
		refused(&[HaulierA, Consignee, Outsider], remove.clone(), Error::NotShipper),
		refused(&[Shipper], remove.clone(), Error::NotClosed),
		signed_only(remove),
	]
	.concat()
}

/// OFFERED at block 2: the offer to HaulierB is pending.
fn offered_rows() -> Vec<Row> {
	let accept = Call::accept_handoff { id: SHIPMENT };
	[
		refused(
			&[Shipper, Consignee, Outsider, HaulierA, FreightSensor],
			accept,
			Error::NotOfferee,
		),
		refused(
			&[HaulierB, Shipper, Consignee],
			Call::cancel_handoff { id: SHIPMENT },
			Error::NotCustodian,
		),
		refused(&[HaulierA], offer(SHIPMENT, Consignee), Error::HandoffPending),
		refused(&[Consignee], deliver(), Error::NotCustodian),
		refused(&[HaulierB], record(SHIPMENT), Error::NotCustodian),
		refused(
			&[HaulierB],
			Call::load { id: SHIPMENT, vehicle: OTHER_TRUCK },
			Error::NotCustodian,
		),
	]
	.concat()
}

/// One block after OFFERED's expiry.
fn offer_expired_rows() -> Vec<Row> {
	[
		refused(&[HaulierB], Call::accept_handoff { id: SHIPMENT }, Error::HandoffExpired),
		refused(&[Consignee], Call::accept_handoff { id: SHIPMENT }, Error::NotOfferee),
		refused(&[HaulierB], record(SHIPMENT), Error::NotCustodian),
	]
	.concat()
}

/// DELIVERED at block 3: Dave holds custody, the claim window runs.
fn delivered_rows() -> Vec<Row> {
	[
		refused(&[Consignee], deliver(), Error::NotInTransit),
		refused(&[Shipper], deliver(), Error::NotConsignee),
		refused(&[Consignee], offer(SHIPMENT, HaulierB), Error::NotInTransit),
		refused(&[HaulierA], offer(SHIPMENT, HaulierB), Error::NotCustodian),
		refused(&[HaulierB], Call::accept_handoff { id: SHIPMENT }, Error::NoHandoff),
		refused(&[Consignee], Call::load { id: SHIPMENT, vehicle: TRUCK }, Error::NotInTransit),
		refused(&[HaulierA], Call::load { id: SHIPMENT, vehicle: TRUCK }, Error::NotCustodian),
		refused(&[Consignee], Call::unload { id: SHIPMENT }, Error::NotLoaded),
		refused(&[HaulierA], Call::unload { id: SHIPMENT }, Error::NotCustodian),
		refused(&[HaulierA], record(SHIPMENT), Error::NotCustodian),
		refused(&[Shipper], register(OTHER_LOGGER, OTHER_LOGGER), Error::NotInTransit),
		refused(&[FreightSensor], excursion(DELIVERED_AT + 1, 100), Error::AfterDelivery),
		refused(&[HaulierA, Consignee], commit(DELIVERED_AT + 1, 0x34), Error::NotSensor),
		refused(
			&[Outsider, HaulierA],
			Call::release_escrow { id: SHIPMENT },
			Error::ClaimWindowOpen,
		),
		refused(&[Shipper], Call::cancel_shipment { id: SHIPMENT }, Error::AlreadyPickedUp),
		refused(&[Shipper], Call::remove_shipment { id: SHIPMENT }, Error::NotClosed),
		refused(&[Consignee, HaulierB], settle(UNIT), Error::NotAParty),
	]
	.concat()
}

/// WINDOW_OVER: one block after the claim window's last block, no claim.
fn window_over_rows() -> Vec<Row> {
	[
		refused(&[FreightSensor], excursion(DELIVERED_AT, 100), Error::ClaimWindowClosed),
		refused(&[Shipper], Call::remove_shipment { id: SHIPMENT }, Error::NotClosed),
		refused(&[Shipper], Call::cancel_shipment { id: SHIPMENT }, Error::AlreadyPickedUp),
		refused(&[Consignee, Outsider], settle(UNIT), Error::NotAParty),
		refused(&[HaulierA], settle(ESCROW + 1), Error::AboveEscrow),
		signed_only(Call::release_escrow { id: SHIPMENT }),
	]
	.concat()
}

/// CLOSED: the escrow was paid out at CLOSED_AT; the shipment stays for the retention period.
fn closed_rows() -> Vec<Row> {
	let decide = Call::decide_claim { id: SHIPMENT, to_carrier: 0 };
	[
		refused(&[Outsider, HaulierA], Call::release_escrow { id: SHIPMENT }, Error::NotDelivered),
		refused(&[Shipper, HaulierA], settle(0), Error::ShipmentClosed),
		refused(&[Outsider], settle(0), Error::NotAParty),
		refused(&[Root], decide.clone(), Error::ShipmentClosed),
		governance_only(&[Shipper, HaulierA], decide),
		refused(&[Consignee], record(SHIPMENT), Error::ShipmentClosed),
		refused(&[HaulierA], record(SHIPMENT), Error::NotCustodian),
		refused(&[FreightSensor], commit(CLOSED_AT, 0x35), Error::ShipmentClosed),
		refused(&[FreightSensor], excursion(DELIVERED_AT, 100), Error::ShipmentClosed),
		refused(&[Shipper], register(OTHER_LOGGER, OTHER_LOGGER), Error::NotInTransit),
		refused(&[Shipper], Call::remove_shipment { id: SHIPMENT }, Error::RetentionRunning),
		refused(&[HaulierA, Consignee], Call::remove_shipment { id: SHIPMENT }, Error::NotShipper),
		refused(&[Shipper], Call::cancel_shipment { id: SHIPMENT }, Error::AlreadyPickedUp),
		refused(&[Consignee], deliver(), Error::NotInTransit),
		refused(&[Consignee], offer(SHIPMENT, HaulierB), Error::NotInTransit),
		refused(&[HaulierA], declare(0), Error::NotRecorder),
	]
	.concat()
}

/// REMOVED: the shipper removed shipment 0 at the end of the retention period.
fn removed_rows() -> Vec<Row> {
	[
		refused(&[Shipper], Call::remove_shipment { id: SHIPMENT }, Error::UnknownShipment),
		refused(&[Consignee], record(SHIPMENT), Error::UnknownShipment),
		refused(&[Outsider], Call::release_escrow { id: SHIPMENT }, Error::UnknownShipment),
		refused(&[Shipper], declare(0), Error::UnknownShipment),
	]
	.concat()
}

/// SOLD: truck 3 is Dave's; shipment 0 stays in HaulierA's custody, unloaded.
fn sold_rows() -> Vec<Row> {
	[
		refused(&[HaulierA], Call::unload { id: SHIPMENT }, Error::NotLoaded),
		refused(&[HaulierA], Call::load { id: SHIPMENT, vehicle: TRUCK }, Error::NotOperator),
		refused(&[HaulierA], Call::load { id: SHIPMENT, vehicle: OTHER_TRUCK }, Error::NotOperator),
		refused(&[Consignee], Call::load { id: SHIPMENT, vehicle: TRUCK }, Error::NotCustodian),
		refused(&[Consignee], commit(BASE_BLOCK, 0x36), Error::NotSensor),
	]
	.concat()
}

/// STOLEN: truck 3 was reported stolen.
fn stolen_rows() -> Vec<Row> {
	[
		refused(&[HaulierA], Call::load { id: SHIPMENT, vehicle: TRUCK }, Error::VehicleNotActive),
		refused(&[HaulierA], Call::unload { id: SHIPMENT }, Error::NotLoaded),
	]
	.concat()
}

pub(super) fn scenarios() -> Vec<(&'static str, Vec<Row>)> {
	vec![
		("F_BASE", f_base_rows()),
		("OFFERED", offered_rows()),
		("OFFER_EXPIRED", offer_expired_rows()),
		("DELIVERED", delivered_rows()),
		("WINDOW_OVER", window_over_rows()),
		("CLOSED", closed_rows()),
		("REMOVED", removed_rows()),
		("SOLD", sold_rows()),
		("STOLEN", stolen_rows()),
	]
}

#[test]
fn every_freight_call_has_rows_in_the_matrix() {
	let scenarios = scenarios();
	super::assert_every_call_has_rows("Freight", Call::get_call_names(), &scenarios);
	let rows: usize = scenarios.iter().map(|(_, rows)| rows.len()).sum();
	println!("freight: {rows} rows");
}

#[test]
fn a_shipment_in_transit_is_each_partys_to_act_on_in_its_own_part() {
	on_f_base(|| {
		run("F_BASE", f_base_rows());
		succeeds(FreightSensor, commit(BASE_BLOCK, 0x33));
		succeeds(Shipper, Call::cancel_shipment { id: ITEM });
		succeeds(HaulierA, record(SHIPMENT));
		succeeds(HaulierA, offer(SHIPMENT, HaulierB));
	});
}

#[test]
fn a_handoff_is_the_offerees_to_accept_until_its_last_block() {
	on_f_base(|| {
		offered();
		run("OFFERED", offered_rows());
		run_to_block(OFFER_EXPIRES);
		succeeds(HaulierB, Call::accept_handoff { id: SHIPMENT });
		let shipment = Shipments::<Runtime>::get(SHIPMENT).unwrap();
		assert_eq!(
			(shipment.custodian, shipment.leg, shipment.vehicle),
			(Some(HaulierB.id()), 1, None)
		);
		// The new custodian loads on its own truck.
		succeeds(HaulierB, Call::load { id: SHIPMENT, vehicle: OTHER_TRUCK });
	});
	on_f_base(|| {
		offered();
		run_to_block(OFFER_EXPIRES + 1);
		run("OFFER_EXPIRED", offer_expired_rows());
		// Custody stayed with the offerer, who may offer again.
		let again = Call::offer_handoff {
			id: SHIPMENT,
			to: Consignee.id(),
			expires_at: OFFER_EXPIRES + 10,
		};
		succeeds(HaulierA, again);
	});
}

#[test]
fn after_delivery_only_a_sensor_reading_from_before_it_opens_a_claim() {
	on_f_base(|| {
		delivered();
		run("DELIVERED", delivered_rows());
		succeeds(Consignee, record(SHIPMENT));
		succeeds(FreightSensor, excursion(DELIVERED_AT, 100));
		assert!(Shipments::<Runtime>::get(SHIPMENT).unwrap().claim.is_some());
	});
}

#[test]
fn the_escrow_is_anyones_to_release_after_the_claim_windows_last_block() {
	on_f_base(|| {
		delivered();
		run_to_block(WINDOW_END);
		run(
			"WINDOW_END",
			refused(&[Outsider], Call::release_escrow { id: SHIPMENT }, Error::ClaimWindowOpen),
		);
		run_to_block(WINDOW_END + 1);
		run("WINDOW_OVER", window_over_rows());
		succeeds(Outsider, Call::release_escrow { id: SHIPMENT });
	});
	on_f_base(|| {
		window_over();
		// The parties may still settle between themselves instead.
		succeeds(Shipper, settle(ESCROW));
		succeeds(HaulierA, settle(ESCROW));
		assert!(matches!(state(), ShipmentState::Closed { .. }));
	});
}

#[test]
fn a_closed_shipment_is_the_shippers_to_remove_after_the_retention_period() {
	on_f_base(|| {
		closed();
		run("CLOSED", closed_rows());
		run_to_block(CLOSED_AT + RETENTION - 1);
		run(
			"RETENTION_END",
			refused(&[Shipper], Call::remove_shipment { id: SHIPMENT }, Error::RetentionRunning),
		);
		run_to_block(CLOSED_AT + RETENTION);
		succeeds(Shipper, Call::remove_shipment { id: SHIPMENT });
		run("REMOVED", removed_rows());
	});
}

#[test]
fn a_sold_or_stolen_truck_no_longer_carries_the_shipment() {
	on_f_base(|| {
		sold();
		run("SOLD", sold_rows());
		// The registered logger goes on reporting; custody stays with HaulierA.
		succeeds(FreightSensor, commit(BASE_BLOCK, 0x36));
		succeeds(HaulierA, record(SHIPMENT));
		succeeds(HaulierA, offer(SHIPMENT, HaulierB));
	});
	on_f_base(|| {
		stolen();
		run("STOLEN", stolen_rows());
		succeeds(HaulierA, record(SHIPMENT));
	});
}
