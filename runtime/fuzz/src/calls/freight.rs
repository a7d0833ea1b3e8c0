//! Calls of freight: shipments created over the dev preset's hauliers, hand-offs offered,
//! accepted, expired and cancelled, loads on the trucks, packing and unpacking, EPCIS events
//! and their error declarations, sensors registered with a real sr25519 consent (valid or
//! forged), daily roots (fresh or replayed) and excursions from the registered sensor or the
//! lead truck's device, deliveries, settlements, escrow releases and removals. Callers are
//! mostly the ones the state names: a shipment's custodian, offeree, shipper, carrier,
//! consignee and sensors.

use std::sync::OnceLock;

use pallet_freight::{
	BizStep, Call, ConditionSpec, Disposition, ErrorReason, Leg, NextShipmentId, Sensors,
	ShipmentState, Shipments, UnitKind,
};
use polkadot_sdk::{
	frame_support::BoundedVec,
	sp_core::{sr25519, Pair, H256},
	sp_runtime::MultiSignature,
};
use v2x_runtime::{AccountId, BlockNumber, Runtime, RuntimeCall, UNIT};

use super::Ctx;
use crate::{
	actors::{self, Caller},
	chain,
	source::Source,
	values, world,
};

type Freight = pallet_freight::Pallet<Runtime>;

/// The key of the sensor the program registers (`//Sensor`): its consent is a real signature.
fn sensor_key() -> &'static sr25519::Pair {
	static KEY: OnceLock<sr25519::Pair> = OnceLock::new();
	KEY.get_or_init(|| sr25519::Pair::from_string("//Sensor", None).expect("a dev URI"))
}

pub fn sensor_account() -> AccountId {
	AccountId::new(sensor_key().public().0)
}

/// Truck 3 (HaulierA's) and truck 4 (HaulierB's), the preset's trucks; sometimes any vehicle.
fn truck(src: &mut Source) -> u64 {
	src.pick(&[3, 3, 4, 4, 0, 6, u64::MAX])
}

pub fn generate(src: &mut Source, ctx: &Ctx, index: usize) -> (Caller, RuntimeCall) {
	let pool = ctx.pool;
	let now = ctx.now;
	let id = shipment_id(src, index);
	let shipment = Shipments::<Runtime>::get(id);
	let custodian: Vec<AccountId> =
		Freight::shipment_view(id).and_then(|view| view.custodian).into_iter().collect();
	let shipper: Vec<AccountId> = shipment.iter().map(|s| s.shipper.clone()).collect();
	let parties: Vec<AccountId> = shipment
		.iter()
		.flat_map(|s| {
			s.legs
				.iter()
				.map(|leg| leg.carrier.clone())
				.chain([s.consignee.clone()])
				.collect::<Vec<_>>()
		})
		.collect();
	let offeree: Vec<AccountId> =
		shipment.iter().filter_map(|s| s.handoff.as_ref().map(|h| h.to.clone())).collect();
	let consignee: Vec<AccountId> = shipment.iter().map(|s| s.consignee.clone()).collect();
	let carrier: Vec<AccountId> = shipment.iter().map(|s| s.carrier.clone()).collect();
	let mut sensors: Vec<AccountId> = Sensors::<Runtime>::iter_key_prefix(id).collect();
	sensors.push(actors::LEADER_DEVICE.into());
	let (likely, call) = match index {
		0 => {
			let haulier_a = actors::uri_account("//HaulierA");
			let haulier_b = actors::uri_account("//HaulierB");
			let shipper = actors::any(src, pool);
			let consignee = actors::any(src, pool);
			let stranger = actors::any(src, pool);
			let carrier = src.pick(&[haulier_a.clone(), haulier_a.clone(), stranger]);
			let count = src.pick(&[1, 2, 2, 0, 8]);
			let legs = (0..count)
				.map(|n| Leg {
					carrier: if n % 2 == 0 { haulier_a.clone() } else { haulier_b.clone() },
					from: *b"4012345000009",
					to: *b"9012345000004",
				})
				.collect::<Vec<_>>();
			let condition = match src.byte() % 4 {
				0 => None,
				1 => Some(ConditionSpec { min: 80, max: 20 }),
				_ => Some(ConditionSpec { min: 20, max: 80 }),
			};
			let odd = values::amount(src, 10 * UNIT);
			let escrow = src.pick(&[0, UNIT, 10 * UNIT, odd]);
			let call = Call::create_shipment {
				kind: src.pick(&[UnitKind::Item, UnitKind::Pallet, UnitKind::Container]),
				consignee,
				carrier,
				legs: BoundedVec::truncate_from(legs),
				condition,
				escrow,
				document: H256(values::hash(src)),
				claim_window: src.pick(&[10, 10, 20, 9, 30 * 14_400 + 1]),
			};
			return (Caller::Signed(shipper), RuntimeCall::Freight(call));
		}
		1 => (shipper, Call::cancel_shipment { id }),
		2 => {
			let to = actors::account(src, pool, &parties);
			let expires_at = match src.byte() % 6 {
				0..=3 => now.saturating_add(5),
				4 => now,
				_ => now.saturating_add(14_401),
			};
			(custodian, Call::offer_handoff { id, to, expires_at })
		}
		3 => (custodian, Call::cancel_handoff { id }),
		4 => (offeree, Call::accept_handoff { id }),
		5 => (custodian, Call::load { id, vehicle: truck(src) }),
		6 => (custodian, Call::unload { id }),
		7 => {
			let parent = values::id(src, NextShipmentId::<Runtime>::get());
			(custodian, Call::aggregate { child: id, parent })
		}
		8 => (custodian, Call::disaggregate { child: id }),
		9 => {
			let hash = H256(values::hash(src));
			let data = src.some(hash);
			let call = Call::record_event {
				id,
				biz_step: src.pick(&[BizStep::Departing, BizStep::Arriving, BizStep::Inspecting]),
				disposition: src.pick(&[Disposition::InTransit, Disposition::Damaged]),
				location: src.some(*b"9012345000004"),
				data,
			};
			(custodian, call)
		}
		10 => {
			let events = shipment.as_ref().map_or(0, |s| s.events);
			let event = values::small(src, events.saturating_sub(1));
			let other = values::small(src, events.saturating_sub(1));
			let corrective = src.some(other);
			let reason = src.pick(&[ErrorReason::DidNotOccur, ErrorReason::IncorrectData]);
			let recorders =
				Freight::event_log(id).into_iter().map(|(_, e, _)| e.by).collect::<Vec<_>>();
			(recorders, Call::declare_error { id, event, reason, corrective })
		}
		11 => {
			let signed_for = if src.chance(230) { id } else { id.wrapping_add(1) };
			let payload = Freight::sensor_payload(signed_for);
			let signature = MultiSignature::Sr25519(sensor_key().sign(&payload));
			let stranger = actors::any(src, pool);
			let device = src.pick(&[sensor_account(), sensor_account(), stranger]);
			(world::and(custodian, shipper), Call::register_sensor { id, device, signature })
		}
		12 => {
			let device = src.pick(&sensors);
			(world::and(sensors, shipper), Call::remove_sensor { id, device })
		}
		13 => {
			let today = (chain::timestamp(now) / 86_400_000) as u32;
			let day = src.pick(&[today, today, today.saturating_sub(1), today + 1, 0]);
			let call = Call::commit_readings {
				id,
				day,
				root: H256::repeat_byte(src.byte() % 32),
				readings: src.pick(&[96, 288, 0]),
				min: src.pick(&[30, 40, 90]),
				max: src.pick(&[60, 70, 20]),
			};
			(sensors, call)
		}
		14 => {
			let created = shipment.as_ref().map_or(0, |s| s.created_at);
			let at = src.pick(&[now, now.saturating_sub(1), created, now + 1]);
			let reading = src.pick(&[95, 95, 50, -10]);
			let evidence = H256(values::hash(src));
			(sensors, Call::report_excursion { id, at, reading, evidence })
		}
		15 => (consignee, Call::confirm_delivery { id, pod: H256(values::hash(src)) }),
		16 => {
			let escrow = shipment.as_ref().map_or(UNIT, |s| s.escrow);
			let to_carrier = src.pick(&[escrow, escrow / 2, 0, escrow.saturating_add(1)]);
			(world::and(shipper, carrier), Call::agree_settlement { id, to_carrier })
		}
		17 => {
			let escrow = shipment.as_ref().map_or(UNIT, |s| s.escrow);
			let to_carrier = src.pick(&[escrow, escrow / 2, 0, escrow.saturating_add(1)]);
			return (
				actors::governance(src, pool),
				RuntimeCall::Freight(Call::decide_claim { id, to_carrier }),
			);
		}
		18 => (vec![], Call::release_escrow { id }),
		_ => (shipper, Call::remove_shipment { id }),
	};
	(actors::signer(src, pool, &likely), RuntimeCall::Freight(call))
}

/// Most of the time, the call that takes a shipment one step further: created → offered →
/// accepted → loaded → a daily root → offered to the consignee → delivered → the escrow
/// released after the claim window; or a new shipment. A delivery takes several calls in a row
/// that uniformly chosen calls seldom make.
pub fn next_step(src: &mut Source, now: BlockNumber) -> Option<usize> {
	if !src.chance(85) {
		return None;
	}
	let mut steps: Vec<usize> = vec![0];
	for (_, shipment) in Shipments::<Runtime>::iter() {
		if shipment.parent.is_some() {
			steps.push(8);
			continue;
		}
		match shipment.state {
			ShipmentState::Created | ShipmentState::InTransit => match &shipment.handoff {
				Some(offer) if offer.expires_at >= now => steps.extend([4, 4, 15]),
				_ if shipment.vehicle.is_none() && shipment.state == ShipmentState::InTransit => {
					steps.extend([5, 2, 13])
				}
				_ => steps.extend([2, 2, 13, 14, 9, 7]),
			},
			ShipmentState::Delivered { at } if now > at.saturating_add(shipment.claim_window) => {
				steps.extend([18, 18, 16])
			}
			ShipmentState::Delivered { .. } => steps.extend([14, 16, 10]),
			ShipmentState::Closed { .. } => steps.push(19),
		}
	}
	Some(src.pick(&steps))
}

/// A shipment the call `index` fits most of the time (open for the custody calls, delivered
/// to release, closed to remove), else any id.
fn shipment_id(src: &mut Source, index: usize) -> u64 {
	let wanted = |state: &ShipmentState<BlockNumber>| match index {
		18 => matches!(state, ShipmentState::Delivered { .. }),
		19 => matches!(state, ShipmentState::Closed { .. }),
		_ => !matches!(state, ShipmentState::Closed { .. }),
	};
	let open: Vec<u64> =
		Shipments::<Runtime>::iter().filter(|(_, s)| wanted(&s.state)).map(|(id, _)| id).collect();
	if !open.is_empty() && src.byte() < 200 {
		return src.pick(&open);
	}
	values::id(src, NextShipmentId::<Runtime>::get())
}
