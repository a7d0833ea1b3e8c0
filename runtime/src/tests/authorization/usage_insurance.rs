//! The matrix of pallet-usage-insurance (index 22): 20 calls. Policy 0 is Alice's on vehicle
//! 0 (Eve's product 0), its period ends at block 14 399.

use super::{
	assert_every_call_has_rows, governance_only, on_base, product_terms, refused, run,
	run_to_block, signed_only, sold, stolen, succeeds, text, Role::*, Row, V0, V1,
};
use crate::{Runtime, UsageInsurance, VehicleIdentity, DAYS, UNIT};
use pallet_usage_insurance::{RejectionReason, RiskEvents};
use polkadot_sdk::{
	frame_support::{assert_ok, traits::GetCallName},
	sp_runtime::DispatchError,
};

type Call = pallet_usage_insurance::Call<Runtime>;
type Error = pallet_usage_insurance::Error<Runtime>;

/// The last block of policy 0's first period.
const PERIOD_END: u32 = DAYS - 1;

fn buy(vehicle: v2x_primitives::VehicleId, product: pallet_usage_insurance::ProductId) -> Call {
	Call::buy_policy { vehicle, product, prepayment: 10 * UNIT }
}

fn file_claim() -> Call {
	Call::file_claim { policy: 0, amount: 540 * UNIT, evidence: [9; 32] }
}

fn approve_claim() -> Call {
	Call::approve_claim { claim: 0 }
}

fn reject_claim() -> Call {
	Call::reject_claim { claim: 0, reason: RejectionReason::InsufficientEvidence }
}

fn report_usage() -> Call {
	Call::report_usage { odometer_km: 31_500, events: RiskEvents::default() }
}

/// CLAIM: Alice filed claim 0 on policy 0.
fn claim() {
	assert_ok!(UsageInsurance::file_claim(Holder.signed(), 0, 540 * UNIT, [9; 32]));
}

/// REJECTED: CLAIM, and Eve rejected it.
fn rejected() {
	claim();
	assert_ok!(UsageInsurance::reject_claim(
		Insurer.signed(),
		0,
		RejectionReason::InsufficientEvidence
	));
}

fn base_rows() -> Vec<Row> {
	[
		governance_only(
			&[Insurer, Stranger],
			Call::approve_insurer { insurer: Stranger.id(), name: text(b"Dave Mutual") },
		),
		governance_only(&[Insurer, OtherInsurer], Call::suspend_insurer { insurer: Insurer.id() }),
		governance_only(&[OtherInsurer], Call::reinstate_insurer { insurer: OtherInsurer.id() }),
		refused(
			&[Owner, Stranger, Manufacturer, Workshop, Cpo, Device, Lender, Operator],
			Call::create_product { terms: product_terms() },
			Error::NotInsurer,
		),
		signed_only(Call::create_product { terms: product_terms() }),
		refused(
			&[OtherInsurer, Holder, Stranger, Manufacturer],
			Call::retire_product { product: 0 },
			Error::NotProductInsurer,
		),
		signed_only(Call::retire_product { product: 0 }),
		refused(&[Insurer], Call::retire_product { product: 99 }, Error::ProductNotFound),
		refused(
			&[Owner, Stranger, Cpo, Device, Lender],
			Call::fund_pool { amount: UNIT },
			Error::NotInsurer,
		),
		signed_only(Call::fund_pool { amount: UNIT }),
		refused(&[Owner, Stranger, Cpo], Call::withdraw_pool { amount: UNIT }, Error::NotInsurer),
		signed_only(Call::withdraw_pool { amount: UNIT }),
		// A quarter of the 20 000 V2X cover stays in Eve's 10 000 V2X pool.
		refused(
			&[Insurer],
			Call::withdraw_pool { amount: 5_001 * UNIT },
			Error::PoolBelowRequirement,
		),
		// Whether the buyer may operate the vehicle is checked before whether it is insured.
		refused(
			&[
				ExpiredOperator,
				Stranger,
				AnotherOwner,
				Manufacturer,
				Insurer,
				Device,
				Workshop,
				Cpo,
				Lender,
			],
			buy(V0, 0),
			Error::NotOperator,
		),
		refused(&[Owner, Operator], buy(V0, 0), Error::AlreadyInsured),
		refused(&[Owner, OtherDevice], buy(V1, 0), Error::NotOperator),
		signed_only(buy(V1, 0)),
		refused(
			&[AnotherOwner, Stranger, Insurer, Manufacturer, Operator, Device],
			Call::top_up { policy: 0, amount: UNIT },
			Error::NotHolder,
		),
		signed_only(Call::top_up { policy: 0, amount: UNIT }),
		refused(
			&[Insurer, AnotherOwner, Stranger, Operator, Device, Manufacturer],
			Call::cancel_policy { policy: 0 },
			Error::NotHolder,
		),
		signed_only(Call::cancel_policy { policy: 0 }),
		// No vehicle argument: a device only ever bills the vehicle it is bound to.
		refused(&[OtherDevice], report_usage(), Error::NoActivePolicy),
		refused(
			&[InvitedDevice, Owner, Insurer, Stranger, Meter],
			report_usage(),
			Error::NotDevice,
		),
		signed_only(report_usage()),
		refused(&[Stranger], Call::settle { policy: 0 }, Error::PeriodNotEnded),
		signed_only(Call::settle { policy: 0 }),
		refused(
			&[AnotherOwner, Stranger, Insurer, Manufacturer, Operator, Device],
			file_claim(),
			Error::NotHolder,
		),
		signed_only(file_claim()),
		refused(&[Stranger], Call::close_policy { policy: 0 }, Error::PolicyStillOpen),
		signed_only(Call::close_policy { policy: 0 }),
		// Alice may still drive vehicle 0: nobody ends her policy.
		refused(
			&[Stranger, Insurer],
			Call::end_holder_left { policy: 0 },
			Error::HolderStillOperates,
		),
		signed_only(Call::end_holder_left { policy: 0 }),
	]
	.concat()
}

/// CLAIM: Alice's claim 0 is filed with Eve.
fn claim_rows() -> Vec<Row> {
	[
		refused(
			&[OtherInsurer, Holder, Stranger, Manufacturer],
			approve_claim(),
			Error::NotProductInsurer,
		),
		// Governance decides only escalated claims.
		refused(&[Root, Unsigned, CouncilTwoThirds], approve_claim(), DispatchError::BadOrigin),
		refused(
			&[OtherInsurer, Holder, Stranger, Manufacturer],
			reject_claim(),
			Error::NotProductInsurer,
		),
		refused(&[Root, Unsigned, CouncilTwoThirds], reject_claim(), DispatchError::BadOrigin),
		refused(&[Holder], Call::escalate_claim { claim: 0 }, Error::NotEscalatable),
		refused(&[Root], Call::decide_claim { claim: 0, approve: true }, Error::NotEscalated),
	]
	.concat()
}

/// REJECTED: Eve rejected claim 0.
fn rejected_rows() -> Vec<Row> {
	[
		refused(
			&[Insurer, OtherInsurer, AnotherOwner, Stranger],
			Call::escalate_claim { claim: 0 },
			Error::NotHolder,
		),
		signed_only(Call::escalate_claim { claim: 0 }),
		refused(&[Stranger], Call::close_claim { claim: 0 }, Error::EscalationWindowOpen),
		signed_only(Call::close_claim { claim: 0 }),
	]
	.concat()
}

/// ESCALATED: Alice escalated the rejected claim 0 to governance.
fn escalated_rows() -> Vec<Row> {
	[
		governance_only(
			&[Insurer, Holder, OtherInsurer],
			Call::decide_claim { claim: 0, approve: true },
		),
		refused(&[Insurer], approve_claim(), Error::ClaimNotFiled),
	]
	.concat()
}

/// SOLD: the sale ended policy 0.
fn sold_rows() -> Vec<Row> {
	[
		refused(&[Seller], buy(V0, 0), Error::NotOperator),
		refused(&[Seller], Call::top_up { policy: 0, amount: UNIT }, Error::PolicyNotActive),
		refused(&[NewOwner], Call::top_up { policy: 0, amount: UNIT }, Error::NotHolder),
		refused(&[NewOwner], file_claim(), Error::NotHolder),
		refused(&[Stranger], Call::end_holder_left { policy: 0 }, Error::PolicyNotActive),
		refused(&[Device], report_usage(), Error::NotDevice),
	]
	.concat()
}

/// STOLEN: the theft ended policy 0.
fn stolen_rows() -> Vec<Row> {
	[
		refused(&[Stranger, Owner], buy(V0, 0), Error::VehicleNotActive),
		refused(&[Device], report_usage(), Error::NoActivePolicy),
	]
	.concat()
}

/// SUSPENDED_INSURER: governance suspended the second insurer.
fn suspended_insurer_rows() -> Vec<Row> {
	[
		refused(
			&[OtherInsurer],
			Call::create_product { terms: product_terms() },
			Error::InsurerSuspended,
		),
		refused(&[AnotherOwner], buy(V1, 1), Error::InsurerSuspended),
	]
	.concat()
}

/// OPERATOR_POLICY: Alice cancelled policy 0, the operator bought policy 1 (product 1).
fn operator_policy_rows() -> Vec<Row> {
	[
		refused(&[Stranger], Call::end_holder_left { policy: 1 }, Error::HolderStillOperates),
		refused(&[Owner], buy(V0, 0), Error::AlreadyInsured),
		refused(&[Owner], Call::cancel_policy { policy: 1 }, Error::NotHolder),
	]
	.concat()
}

/// Every scenario's rows, by scenario (the docs table is written from these).
pub(super) fn scenarios() -> Vec<(&'static str, Vec<Row>)> {
	vec![
		("BASE", base_rows()),
		("CLAIM", claim_rows()),
		("REJECTED", rejected_rows()),
		("ESCALATED", escalated_rows()),
		("SOLD", sold_rows()),
		("STOLEN", stolen_rows()),
		("OPERATOR_POLICY", operator_policy_rows()),
		("SUSPENDED_INSURER", suspended_insurer_rows()),
	]
}

#[test]
fn every_insurance_call_has_rows_in_the_matrix() {
	assert_every_call_has_rows("UsageInsurance", Call::get_call_names(), &scenarios());
}

#[test]
fn on_the_base_chain_only_governance_insurers_holders_and_devices_act() {
	on_base(|| {
		run("BASE", base_rows());
		succeeds(Root, Call::suspend_insurer { insurer: OtherInsurer.id() });
		succeeds(CouncilTwoThirds, Call::reinstate_insurer { insurer: OtherInsurer.id() });
		succeeds(OtherInsurer, Call::create_product { terms: product_terms() });
		succeeds(Insurer, Call::fund_pool { amount: UNIT });
		succeeds(Insurer, Call::withdraw_pool { amount: UNIT });
		succeeds(Device, report_usage());
		succeeds(Holder, Call::top_up { policy: 0, amount: UNIT });
		succeeds(AnotherOwner, buy(V1, 0));
		run_to_block(PERIOD_END + 1);
		succeeds(Stranger, Call::settle { policy: 0 });
	});
}

#[test]
fn a_claim_is_decided_by_its_insurer_then_by_governance_once_escalated() {
	on_base(|| {
		claim();
		run("CLAIM", claim_rows());
		succeeds(Insurer, reject_claim());
		run("REJECTED", rejected_rows());
		succeeds(Holder, Call::escalate_claim { claim: 0 });
		run("ESCALATED", escalated_rows());
		succeeds(CouncilTwoThirds, Call::decide_claim { claim: 0, approve: true });
	});
	on_base(|| {
		rejected();
		run_to_block(crate::System::block_number() + 14 * DAYS + 1);
		succeeds(Stranger, Call::close_claim { claim: 0 });
	});
}

#[test]
fn after_a_sale_only_the_old_holder_files_claims_and_nobody_tops_up() {
	on_base(|| {
		sold();
		run("SOLD", sold_rows());
		// By design: the cover was for the old holder's time.
		succeeds(Seller, file_claim());
	});
	on_base(|| {
		sold();
		run_to_block(crate::System::block_number() + 30 * DAYS + 1);
		succeeds(Stranger, Call::close_policy { policy: 0 });
	});
}

#[test]
fn a_stolen_vehicle_cannot_be_insured_or_billed() {
	on_base(|| {
		stolen();
		run("STOLEN", stolen_rows());
		// A theft is what the cover is for: the holder claims on the ended policy.
		succeeds(Holder, file_claim());
	});
}

#[test]
fn an_operators_policy_is_ended_by_anyone_once_its_right_ended() {
	on_base(|| {
		assert_ok!(UsageInsurance::cancel_policy(Holder.signed(), 0));
		assert_ok!(UsageInsurance::buy_policy(Operator.signed(), V0, 1, 10 * UNIT));
		run("OPERATOR_POLICY", operator_policy_rows());
		assert_ok!(VehicleIdentity::revoke_operator(Owner.signed(), V0, Operator.id()));
		succeeds(Stranger, Call::end_holder_left { policy: 1 });
		succeeds(Owner, buy(V0, 0));
	});
}

#[test]
fn a_suspended_insurer_sells_nothing_but_still_runs_its_products_and_pool() {
	on_base(|| {
		succeeds(Root, Call::suspend_insurer { insurer: OtherInsurer.id() });
		run("SUSPENDED_INSURER", suspended_insurer_rows());
		succeeds(OtherInsurer, Call::fund_pool { amount: UNIT });
		succeeds(OtherInsurer, Call::retire_product { product: 1 });
	});
}
