//! The matrix of pallet-service-book (index 21): 11 calls.
//!
//! F4 (an owner or operator who is also a workshop opens an order for itself) is being fixed
//! separately; its row joins `base_rows` with that fix.

use super::{
	assert_every_call_has_rows, governance_only, on_base, refused, run, run_to_block, signed_only,
	sold, stolen, succeeds, text, Role::*, Row, BASE_BLOCK, V0,
};
use crate::{Runtime, RuntimeOrigin, ServiceBook, VehicleIdentity};
use pallet_service_book::RecordKind;
use polkadot_sdk::{
	frame_support::{assert_ok, traits::GetCallName},
	sp_runtime::DispatchError,
};

type Call = pallet_service_book::Call<Runtime>;
type Error = pallet_service_book::Error<Runtime>;

const EXPIRES: u32 = BASE_BLOCK + 100;

fn open_order(workshop: super::Role) -> Call {
	Call::open_work_order { vehicle: V0, workshop: workshop.id(), expires_at: EXPIRES }
}

fn add_record(vehicle: v2x_primitives::VehicleId) -> Call {
	Call::add_record {
		vehicle,
		odometer_km: 31_500,
		kind: RecordKind::Maintenance,
		document_hash: [1; 32],
		document_uri: Default::default(),
	}
}

/// Corrects the dev preset's record 0 (Charlie's, at 15 000 km).
fn correct_record(record: u64) -> Call {
	Call::correct_record {
		record,
		odometer_km: 15_000,
		kind: RecordKind::Inspection { passed: true },
		document_hash: [2; 32],
		document_uri: Default::default(),
	}
}

fn report_odometer(vehicle: v2x_primitives::VehicleId) -> Call {
	Call::report_odometer { vehicle, km: 31_500 }
}

fn approve_workshop() -> Call {
	Call::approve_workshop {
		workshop: Stranger.id(),
		name: text(b"Dave's Garage"),
		certifications: Default::default(),
	}
}

/// ORDER: Alice opened a work order for Charlie, and one for the second workshop.
fn order() {
	assert_ok!(ServiceBook::open_work_order(Owner.signed(), V0, Workshop.id(), EXPIRES));
	assert_ok!(ServiceBook::open_work_order(Owner.signed(), V0, OtherWorkshop.id(), EXPIRES));
}

/// ORDER_BY_OP: the live operator opened a work order for Charlie.
fn order_by_operator() {
	assert_ok!(ServiceBook::open_work_order(Operator.signed(), V0, Workshop.id(), EXPIRES));
}

fn base_rows() -> Vec<Row> {
	let authorise = Call::authorise_workshop { workshop: Workshop.id() };
	[
		governance_only(&[Stranger, Workshop, Manufacturer], approve_workshop()),
		governance_only(
			&[Workshop],
			Call::update_workshop {
				workshop: Workshop.id(),
				name: text(b"New"),
				certifications: Default::default(),
			},
		),
		governance_only(&[Manufacturer, Owner], Call::suspend_workshop { workshop: Workshop.id() }),
		// The origin is checked first: the second workshop need not be suspended.
		governance_only(
			&[OtherWorkshop],
			Call::reinstate_workshop { workshop: OtherWorkshop.id() },
		),
		refused(
			&[Owner, Stranger, Workshop, Insurer, Cpo, Device, Lender, Operator],
			authorise.clone(),
			Error::NotManufacturer,
		),
		signed_only(authorise),
		refused(
			&[Manufacturer],
			Call::authorise_workshop { workshop: Stranger.id() },
			Error::WorkshopNotFound,
		),
		refused(
			&[
				ExpiredOperator,
				AnotherOwner,
				Stranger,
				Manufacturer,
				OtherManufacturer,
				Workshop,
				Insurer,
				Cpo,
				Device,
				Lender,
			],
			open_order(Workshop),
			Error::NotOperator,
		),
		signed_only(open_order(Workshop)),
		refused(&[Owner], open_order(Stranger), Error::WorkshopNotFound),
		// F4: no order for an account that owns or operates the vehicle, checked before the
		// workshop's approval: a workshop cannot certify its own vehicle's service.
		refused(&[Owner, Operator], open_order(Operator), Error::SelfDealing),
		refused(&[Owner], open_order(Owner), Error::SelfDealing),
		refused(
			&[Stranger],
			Call::cancel_work_order { vehicle: V0, workshop: Workshop.id() },
			Error::NoWorkOrder,
		),
		refused(&[Workshop], add_record(V0), Error::NoWorkOrder),
		refused(&[Workshop], correct_record(0), Error::NoWorkOrder),
		refused(
			&[OtherDevice, InvitedDevice, Owner, Workshop, Meter, Operator, Stranger],
			report_odometer(V0),
			Error::NotDevice,
		),
		signed_only(report_odometer(V0)),
		// The device check comes first: there is no such vehicle either.
		refused(&[Stranger], report_odometer(99), Error::NotDevice),
	]
	.concat()
}

/// AUTHORISED: Ferdie authorised Charlie for his brand.
fn authorised_rows() -> Vec<Row> {
	let revoke = Call::revoke_workshop_authorisation { workshop: Workshop.id() };
	[
		refused(
			&[OtherManufacturer, Workshop, Owner, Stranger],
			revoke.clone(),
			Error::NotAuthorised,
		),
		// No governance path: only the manufacturer that authorised the workshop.
		refused(&[Root, Unsigned, CouncilTwoThirds], revoke, DispatchError::BadOrigin),
	]
	.concat()
}

/// ORDER: Alice's orders for Charlie and for the second workshop.
fn order_rows() -> Vec<Row> {
	[
		refused(
			&[Stranger, Owner, Manufacturer, Insurer, Cpo, Device, Operator, Lender],
			add_record(V0),
			Error::WorkshopNotFound,
		),
		signed_only(add_record(V0)),
		refused(&[OtherWorkshop], correct_record(0), Error::NotRecordAuthor),
		refused(&[Stranger, Owner, Manufacturer], correct_record(0), Error::WorkshopNotFound),
		signed_only(correct_record(0)),
		refused(&[OtherWorkshop], correct_record(99), Error::RecordNotFound),
		refused(&[Stranger], correct_record(99), Error::WorkshopNotFound),
	]
	.concat()
}

/// ORDER_BY_OP: the operator's order for Charlie.
fn order_by_operator_rows() -> Vec<Row> {
	let cancel = Call::cancel_work_order { vehicle: V0, workshop: Workshop.id() };
	[
		refused(
			&[
				Stranger,
				AnotherOwner,
				Manufacturer,
				OtherWorkshop,
				Device,
				ExpiredOperator,
				Insurer,
				Cpo,
				Lender,
			],
			cancel.clone(),
			Error::NotOrderParty,
		),
		signed_only(cancel),
		refused(
			&[Stranger],
			Call::cancel_work_order { vehicle: V0, workshop: OtherWorkshop.id() },
			Error::NoWorkOrder,
		),
	]
	.concat()
}

/// ORDER_BY_OP, then Alice revoked the operator.
fn consent_ended_rows() -> Vec<Row> {
	refused(&[Workshop], add_record(V0), Error::OrderConsentEnded)
}

/// ORDER, then root suspended Charlie.
fn suspended_rows() -> Vec<Row> {
	[
		refused(&[Workshop], add_record(V0), Error::WorkshopSuspended),
		refused(&[Workshop], correct_record(0), Error::WorkshopSuspended),
		refused(&[Owner], open_order(Workshop), Error::WorkshopSuspended),
	]
	.concat()
}

/// ORDER, then Bob bought vehicle 0: the sale ended Alice's orders.
fn sold_rows() -> Vec<Row> {
	[
		refused(&[Seller], open_order(Workshop), Error::NotOperator),
		refused(&[Workshop], add_record(V0), Error::NoWorkOrder),
		refused(&[Device], report_odometer(V0), Error::NotDevice),
	]
	.concat()
}

/// ORDER, then Alice reported vehicle 0 stolen.
fn stolen_rows() -> Vec<Row> {
	[
		refused(&[Owner, Stranger], open_order(Workshop), Error::VehicleStolen),
		refused(&[Workshop], add_record(V0), Error::VehicleStolen),
	]
	.concat()
}

/// The block after an operator's right and its order ended (at block 50, inclusive).
fn expired_rows() -> Vec<Row> {
	[
		refused(&[Workshop], add_record(V0), Error::WorkOrderExpired),
		refused(&[Operator], open_order(OtherWorkshop), Error::NotOperator),
	]
	.concat()
}

/// Every scenario's rows, by scenario (the docs table is written from these).
pub(super) fn scenarios() -> Vec<(&'static str, Vec<Row>)> {
	vec![
		("BASE", base_rows()),
		("AUTHORISED", authorised_rows()),
		("ORDER", order_rows()),
		("ORDER_BY_OPERATOR", order_by_operator_rows()),
		("CONSENT_ENDED", consent_ended_rows()),
		("SUSPENDED", suspended_rows()),
		("SOLD", sold_rows()),
		("STOLEN", stolen_rows()),
		("EXPIRED", expired_rows()),
	]
}

#[test]
fn every_service_book_call_has_rows_in_the_matrix() {
	assert_every_call_has_rows("ServiceBook", Call::get_call_names(), &scenarios());
}

#[test]
fn on_the_base_chain_only_governance_makers_and_the_vehicles_parties_act() {
	on_base(|| {
		run("BASE", base_rows());
		succeeds(Root, approve_workshop());
		succeeds(Root, Call::suspend_workshop { workshop: OtherWorkshop.id() });
		succeeds(CouncilTwoThirds, Call::reinstate_workshop { workshop: OtherWorkshop.id() });
		succeeds(Device, report_odometer(V0));
		succeeds(OtherManufacturer, Call::authorise_workshop { workshop: OtherWorkshop.id() });
		succeeds(Operator, open_order(Workshop));
	});
}

#[test]
fn only_the_authorising_manufacturer_revokes_an_authorisation() {
	on_base(|| {
		succeeds(Manufacturer, Call::authorise_workshop { workshop: Workshop.id() });
		run("AUTHORISED", authorised_rows());
		succeeds(Manufacturer, Call::revoke_workshop_authorisation { workshop: Workshop.id() });
	});
}

#[test]
fn only_the_workshop_with_an_order_writes_or_corrects_its_records() {
	on_base(|| {
		order();
		run("ORDER", order_rows());
		succeeds(Workshop, correct_record(0));
	});
	on_base(|| {
		order();
		succeeds(Workshop, add_record(V0));
	});
}

#[test]
fn an_operators_order_is_cancelled_by_its_parties_and_by_anyone_once_it_lapsed() {
	on_base(|| {
		order_by_operator();
		run("ORDER_BY_OP", order_by_operator_rows());
		assert_ok!(VehicleIdentity::revoke_operator(Owner.signed(), V0, Operator.id()));
		run("ORDER_BY_OP, operator revoked", consent_ended_rows());
		succeeds(Stranger, Call::cancel_work_order { vehicle: V0, workshop: Workshop.id() });
	});
}

#[test]
fn a_suspended_workshop_writes_nothing() {
	on_base(|| {
		order();
		assert_ok!(ServiceBook::suspend_workshop(RuntimeOrigin::root(), Workshop.id()));
		run("ORDER, workshop suspended", suspended_rows());
		succeeds(OtherWorkshop, add_record(V0));
	});
}

#[test]
fn a_sale_or_a_theft_ends_what_the_old_consent_allowed() {
	on_base(|| {
		order();
		sold();
		run("ORDER, SOLD", sold_rows());
		succeeds(NewOwner, open_order(Workshop));
	});
	on_base(|| {
		order();
		stolen();
		run("ORDER, STOLEN", stolen_rows());
		// Stolen vehicles keep reporting: the telemetry helps find them.
		succeeds(Device, report_odometer(V0));
	});
}

#[test]
fn an_operators_order_is_usable_up_to_the_last_block_of_its_right() {
	on_base(|| {
		assert_ok!(VehicleIdentity::grant_operator(Owner.signed(), V0, Operator.id(), 50));
		order_by_operator();
		run_to_block(50);
		succeeds(Operator, open_order(OtherWorkshop));
		run_to_block(51);
		run("block 51, the operator's right ended at 50", expired_rows());
		// The lapsed order is anyone's to clean up.
		succeeds(Stranger, Call::cancel_work_order { vehicle: V0, workshop: Workshop.id() });
	});
}
