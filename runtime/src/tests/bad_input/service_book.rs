//! Service book: workshop profiles without a name or with an empty certification, work
//! orders expiring now, in the past or beyond `MaxWorkOrderDuration`, records with an
//! impossible state of health or cluster replacement, and vehicles, workshops, orders and
//! records that do not exist. Odometer readings are never refused for their value: an
//! implausible one is kept and flagged (`docs/bad-input.md`).

use super::{assert_bound, check_rows, row, UNKNOWN};
use crate::{
	tests::{account, dev_chain, run_to_block, signed},
	Runtime, RuntimeCall, RuntimeOrigin, ServiceBook, VehicleIdentity, DAYS,
};
use pallet_service_book::{Call, CertificationsOf, Error, NameOf, RecordKind};
use polkadot_sdk::{
	frame_support::{assert_ok, BoundedVec},
	sp_keyring::Sr25519Keyring::{Alice, AliceStash, Bob, Charlie, Dave, Ferdie},
};

type E = Error<Runtime>;

/// The block the rows run at.
const NOW: u32 = 10;
/// The runtime's limits (`configs/service_book.rs`).
const MAX_NAME: usize = 64;
const MAX_CERTIFICATIONS: usize = 8;
const MAX_CERTIFICATION: usize = 64;
const MAX_URI: usize = 256;

fn profile(name: &[u8], certifications: &[&[u8]]) -> (NameOf<Runtime>, CertificationsOf<Runtime>) {
	(
		BoundedVec::truncate_from(name.to_vec()),
		BoundedVec::truncate_from(
			certifications.iter().map(|c| BoundedVec::truncate_from(c.to_vec())).collect(),
		),
	)
}

fn approve(name: &[u8], certifications: &[&[u8]]) -> Call<Runtime> {
	let (name, certifications) = profile(name, certifications);
	Call::approve_workshop { workshop: account(Bob), name, certifications }
}

fn update(name: &[u8], certifications: &[&[u8]]) -> Call<Runtime> {
	let (name, certifications) = profile(name, certifications);
	Call::update_workshop { workshop: account(Charlie), name, certifications }
}

fn order(vehicle: u64, expires_at: u32) -> Call<Runtime> {
	Call::open_work_order { vehicle, workshop: account(Dave), expires_at }
}

fn record(vehicle: u64, odometer_km: u32, kind: RecordKind) -> Call<Runtime> {
	Call::add_record {
		vehicle,
		odometer_km,
		kind,
		document_hash: [0; 32],
		document_uri: Default::default(),
	}
}

fn correct(record: u64, kind: RecordKind) -> Call<Runtime> {
	Call::correct_record {
		record,
		odometer_km: 32_000,
		kind,
		document_hash: [0; 32],
		document_uri: Default::default(),
	}
}

/// Block 10; Dave is an approved workshop; Alice opened an order for Charlie on vehicle 0
/// (displayed 31 000 km); AliceStash is vehicle 0's device.
fn setup() {
	run_to_block(NOW);
	let (name, certifications) = profile(b"Dave's", &[]);
	assert_ok!(ServiceBook::approve_workshop(
		RuntimeOrigin::root(),
		account(Dave),
		name,
		certifications
	));
	assert_ok!(ServiceBook::open_work_order(signed(Alice), 0, account(Charlie), NOW + 100));
	assert_ok!(VehicleIdentity::bind_device(signed(Alice), 0, account(AliceStash)));
	assert_ok!(VehicleIdentity::accept_device_binding(signed(AliceStash), 0));
}

#[test]
fn service_book_refuses_bad_input_with_typed_errors() {
	dev_chain(|| {
		setup();
		let root = RuntimeOrigin::root;
		let (alice, charlie, ferdie) = (|| signed(Alice), || signed(Charlie), || signed(Ferdie));
		let unknown = u64::from(UNKNOWN);
		let replacement = |old_km, new_km| RecordKind::OdometerReplacement { old_km, new_km };
		let health = |state_of_health| RecordKind::BatteryHealth { state_of_health };
		check_rows(vec![
			// Workshop profiles (governance, a manufacturer).
			row("workshop without a name", root(), approve(b"", &[]), E::EmptyName),
			row(
				"an empty certification",
				root(),
				approve(b"Garage", &[b"ISO 9001", b""]),
				E::EmptyCertification,
			),
			row("update to no name", root(), update(b"", &[]), E::EmptyName),
			row(
				"update an unknown workshop",
				root(),
				Call::update_workshop {
					workshop: account(Alice),
					name: profile(b"Garage", &[]).0,
					certifications: Default::default(),
				},
				E::WorkshopNotFound,
			),
			row(
				"suspend an unknown workshop",
				root(),
				Call::suspend_workshop { workshop: account(Alice) },
				E::WorkshopNotFound,
			),
			row(
				"reinstate an unknown workshop",
				root(),
				Call::reinstate_workshop { workshop: account(Alice) },
				E::WorkshopNotFound,
			),
			row(
				"reinstate an active workshop",
				root(),
				Call::reinstate_workshop { workshop: account(Charlie) },
				E::NotSuspended,
			),
			row(
				"authorise an unknown workshop",
				ferdie(),
				Call::authorise_workshop { workshop: account(Alice) },
				E::WorkshopNotFound,
			),
			row(
				"revoke an authorisation never given",
				ferdie(),
				Call::revoke_workshop_authorisation { workshop: account(Charlie) },
				E::NotAuthorised,
			),
			// Work orders (the owner).
			row(
				"order for an unknown vehicle",
				alice(),
				order(unknown, NOW + 1),
				E::VehicleNotFound,
			),
			row("order expiring now", alice(), order(0, NOW), E::InvalidExpiry),
			row("order expiring in the past", alice(), order(0, NOW - 1), E::InvalidExpiry),
			row("order expiring at block 0", alice(), order(0, 0), E::InvalidExpiry),
			row(
				"order beyond MaxWorkOrderDuration",
				alice(),
				order(0, NOW + 30 * DAYS + 1),
				E::InvalidExpiry,
			),
			row("order expiring at u32::MAX", alice(), order(0, u32::MAX), E::InvalidExpiry),
			row(
				"order for an account that is no workshop",
				alice(),
				Call::open_work_order {
					vehicle: 0,
					workshop: account(Ferdie),
					expires_at: NOW + 1,
				},
				E::WorkshopNotFound,
			),
			row(
				"second order for the same workshop",
				alice(),
				Call::open_work_order {
					vehicle: 0,
					workshop: account(Charlie),
					expires_at: NOW + 1,
				},
				E::OrderAlreadyOpen,
			),
			row(
				"cancel an order on an unknown vehicle",
				alice(),
				Call::cancel_work_order { vehicle: unknown, workshop: account(Charlie) },
				E::NoWorkOrder,
			),
			row(
				"cancel an order never opened",
				alice(),
				Call::cancel_work_order { vehicle: 0, workshop: account(Dave) },
				E::NoWorkOrder,
			),
			// Records (the workshop holding the order).
			row(
				"record for an unknown vehicle",
				charlie(),
				record(unknown, 32_000, RecordKind::Repair),
				E::VehicleNotFound,
			),
			row(
				"record without an order",
				charlie(),
				record(1, 32_000, RecordKind::Repair),
				E::NoWorkOrder,
			),
			row(
				"battery state of health 101 %",
				charlie(),
				record(0, 32_000, health(101)),
				E::InvalidStateOfHealth,
			),
			row(
				"battery state of health 255 %",
				charlie(),
				record(0, 32_000, health(u8::MAX)),
				E::InvalidStateOfHealth,
			),
			row(
				"replacement whose new reading is not the record's",
				charlie(),
				record(0, 0, replacement(31_500, 10)),
				E::ReplacementMismatch,
			),
			row(
				"new cluster above MaxNewClusterKm",
				charlie(),
				record(0, 1_001, replacement(31_500, 1_001)),
				E::ImplausibleNewCluster,
			),
			row(
				"new cluster at u32::MAX",
				charlie(),
				record(0, u32::MAX, replacement(31_500, u32::MAX)),
				E::ImplausibleNewCluster,
			),
			row(
				"old cluster at 0 km (a rollback)",
				charlie(),
				record(0, 0, replacement(0, 0)),
				E::ReplacementReadingFlagged,
			),
			row(
				"old cluster at u32::MAX km (a jump)",
				charlie(),
				record(0, 0, replacement(u32::MAX, 0)),
				E::ReplacementReadingFlagged,
			),
			row(
				"correct an unknown record",
				charlie(),
				correct(unknown, RecordKind::Repair),
				E::RecordNotFound,
			),
			row(
				"correct a record with state of health 101 %",
				charlie(),
				correct(0, health(101)),
				E::InvalidStateOfHealth,
			),
			row(
				"correct a record into a cluster replacement",
				charlie(),
				correct(0, replacement(31_500, 0)),
				E::ReplacementNotCorrectable,
			),
			// Odometer reports (the vehicle's device).
			row(
				"report for an unknown vehicle",
				signed(AliceStash),
				Call::report_odometer { vehicle: unknown, km: 32_000 },
				E::NotDevice,
			),
			row(
				"report for another vehicle",
				signed(AliceStash),
				Call::report_odometer { vehicle: 1, km: 32_000 },
				E::NotDevice,
			),
		]);
	});
}

#[test]
fn service_book_bounded_arguments_one_over_do_not_decode() {
	let dave = account(Dave);
	let name = vec![b'G'; MAX_NAME];
	let certification = vec![b'C'; MAX_CERTIFICATION];
	let certifications = vec![certification.clone(); MAX_CERTIFICATIONS];
	let call: RuntimeCall = Call::<Runtime>::approve_workshop {
		workshop: dave.clone(),
		name: BoundedVec::truncate_from(name.clone()),
		certifications: BoundedVec::truncate_from(
			certifications.iter().map(|c| BoundedVec::truncate_from(c.clone())).collect(),
		),
	}
	.into();
	let at_bound = (&dave, &name, &certifications);
	let mut long_name = name.clone();
	long_name.push(b'G');
	assert_bound(call.clone(), at_bound, (&dave, long_name, &certifications));
	let mut more = certifications.clone();
	more.push(certification.clone());
	assert_bound(call.clone(), at_bound, (&dave, &name, more));
	let mut long_certification = certifications.clone();
	if let Some(last) = long_certification.last_mut() {
		last.push(b'C');
	}
	assert_bound(call, at_bound, (&dave, &name, long_certification));

	let uri = vec![b'u'; MAX_URI];
	let call: RuntimeCall = Call::<Runtime>::add_record {
		vehicle: 0,
		odometer_km: 1,
		kind: RecordKind::Repair,
		document_hash: [0; 32],
		document_uri: BoundedVec::truncate_from(uri.clone()),
	}
	.into();
	let args = |uri: &[u8]| (0u64, 1u32, RecordKind::Repair, [0u8; 32], uri.to_vec());
	let mut long_uri = uri.clone();
	long_uri.push(b'u');
	assert_bound(call, args(&uri), args(&long_uri));
}
