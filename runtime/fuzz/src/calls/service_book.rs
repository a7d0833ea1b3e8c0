//! Calls of the service book: workshops, brand authorisations, work orders, records and
//! odometer readings.

use pallet_service_book::{Call, RecordKind, Records, WorkOrders};
use polkadot_sdk::frame_support::BoundedVec;
use v2x_runtime::{Runtime, RuntimeCall};

use super::Ctx;
use crate::{
	actors::{self, Caller},
	source::Source,
	values, world,
};

pub fn generate(src: &mut Source, ctx: &Ctx, index: usize) -> (Caller, RuntimeCall) {
	let pool = ctx.pool;
	let vehicle = values::id(src, world::next_vehicle());
	let owner: Vec<_> = world::owner(vehicle).into_iter().collect();
	let current_km = pallet_service_book::Pallet::<Runtime>::current_odometer(vehicle);
	// Workshops with an open order on the vehicle: the ones that may write its book.
	let ordered: Vec<_> = WorkOrders::<Runtime>::iter_key_prefix(vehicle).collect();
	let workshop = actors::account(src, pool, &world::and(ordered.clone(), world::workshops()));
	let (caller, call) = match index {
		0 | 1 => {
			let certifications = match src.byte() % 4 {
				0 => vec![],
				1 => (0..8).map(|_| values::bounded(src)).collect(),
				_ => vec![values::bounded(src)],
			};
			let name = values::bounded(src);
			let certifications = BoundedVec::truncate_from(certifications);
			let call = if index == 0 {
				Call::approve_workshop { workshop, name, certifications }
			} else {
				Call::update_workshop { workshop, name, certifications }
			};
			(actors::governance(src, pool), call)
		}
		2 => (actors::governance(src, pool), Call::suspend_workshop { workshop }),
		3 => (actors::governance(src, pool), Call::reinstate_workshop { workshop }),
		4 => (
			actors::signer(src, pool, &world::manufacturers()),
			Call::authorise_workshop { workshop },
		),
		5 => (
			actors::signer(src, pool, &world::manufacturers()),
			Call::revoke_workshop_authorisation { workshop },
		),
		6 => (
			actors::signer(src, pool, &world::drivers(vehicle)),
			Call::open_work_order { vehicle, workshop, expires_at: values::block(src, ctx.now) },
		),
		7 => {
			let openers: Vec<_> = WorkOrders::<Runtime>::iter_prefix_values(vehicle)
				.map(|order| order.opener)
				.chain(owner)
				.collect();
			(actors::signer(src, pool, &openers), Call::cancel_work_order { vehicle, workshop })
		}
		8 => (
			actors::signer(src, pool, &ordered),
			Call::add_record {
				vehicle,
				odometer_km: values::km(src, current_km),
				kind: kind(src, current_km),
				document_hash: values::hash(src),
				document_uri: values::bounded(src),
			},
		),
		9 => {
			let record = values::id(src, pallet_service_book::NextRecordId::<Runtime>::get());
			let author: Vec<_> =
				Records::<Runtime>::get(record).map(|r| r.workshop).into_iter().collect();
			(
				actors::signer(src, pool, &author),
				Call::correct_record {
					record,
					odometer_km: values::km(src, current_km),
					kind: kind(src, current_km),
					document_hash: values::hash(src),
					document_uri: values::bounded(src),
				},
			)
		}
		_ => (
			actors::signer(src, pool, &world::devices(vehicle)),
			Call::report_odometer { vehicle, km: values::km(src, current_km) },
		),
	};
	(caller, RuntimeCall::ServiceBook(call))
}

/// A record kind; an odometer replacement names the current reading (or a wrong one) and a new
/// one within or beyond `MaxNewClusterKm`.
fn kind(src: &mut Source, current_km: Option<u32>) -> RecordKind {
	match src.byte() % 8 {
		0 => RecordKind::Repair,
		1 => RecordKind::Inspection { passed: src.bool() },
		2 => RecordKind::RecallWork,
		3 => RecordKind::Tyres,
		4 => RecordKind::BatteryHealth { state_of_health: values::percent(src) },
		5 => RecordKind::OdometerReplacement {
			old_km: values::km(src, current_km),
			new_km: src.pick(&[0, 10, 1_000, 1_001, u32::MAX]),
		},
		_ => RecordKind::Maintenance,
	}
}
