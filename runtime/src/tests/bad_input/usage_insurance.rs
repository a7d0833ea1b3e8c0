//! Usage insurance: products with a period outside `MinPeriodLength..=MaxPeriodLength` or no
//! cover, zero and maximum pool amounts, prepayments and top-ups, claims at or below the
//! deductible, and products, policies, claims and insurers that do not exist.

use super::{assert_bound, check_rows, row, UNKNOWN};
use crate::{
	tests::{account, dev_chain, run_to_block, signed},
	Runtime, RuntimeCall, RuntimeOrigin, VehicleIdentity, DAYS, UNIT,
};
use pallet_usage_insurance::{
	Call, Error, ProductTerms, RejectionReason, RiskEvents, RiskSurcharges,
};
use polkadot_sdk::{
	frame_support::{assert_ok, BoundedVec},
	sp_keyring::Sr25519Keyring::{Alice, Bob, BobStash, Dave, Eve},
};

type E = Error<Runtime>;

/// The block the rows run at.
const NOW: u32 = 10;
/// The dev preset's product 0: base premium 1 V2X, deductible 500 V2X.
const BASE_PREMIUM: u128 = UNIT;
const DEDUCTIBLE: u128 = 500 * UNIT;
/// Alice's prepayment on policy 0.
const PREPAID: u128 = 100 * UNIT;
/// The runtime's limits (`configs/usage_insurance.rs`).
const MIN_PERIOD: u32 = 10;
const MAX_PERIOD: u32 = 366 * DAYS;
const MAX_NAME: usize = 64;

fn terms(period_length: u32, max_cover: u128) -> ProductTerms<u128, u32> {
	ProductTerms {
		base_premium: UNIT,
		rate_per_km: UNIT / 100,
		surcharges: RiskSurcharges { harsh_braking: 0, speeding: 0, night_km: 0 },
		period_length,
		deductible: 10 * UNIT,
		max_cover,
		terms_hash: [0; 32],
	}
}

fn product(period_length: u32, max_cover: u128) -> Call<Runtime> {
	Call::create_product { terms: terms(period_length, max_cover) }
}

fn buy(vehicle: u64, product: u32, prepayment: u128) -> Call<Runtime> {
	Call::buy_policy { vehicle, product, prepayment }
}

/// Block 10; BobStash is the device of Bob's uninsured vehicle 1.
fn setup() {
	run_to_block(NOW);
	assert_ok!(VehicleIdentity::bind_device(signed(Bob), 1, account(BobStash)));
	assert_ok!(VehicleIdentity::accept_device_binding(signed(BobStash), 1));
}

#[test]
fn usage_insurance_refuses_bad_input_with_typed_errors() {
	dev_chain(|| {
		setup();
		let root = RuntimeOrigin::root;
		let (alice, bob, eve, dave) =
			(|| signed(Alice), || signed(Bob), || signed(Eve), || signed(Dave));
		let (unknown, unknown_product) = (u64::from(UNKNOWN), UNKNOWN);
		let cover = 1_000 * UNIT;
		check_rows(vec![
			// Insurers (governance).
			row(
				"insurer without a name",
				root(),
				Call::approve_insurer { insurer: account(Dave), name: Default::default() },
				E::EmptyName,
			),
			row(
				"suspend an account that is no insurer",
				root(),
				Call::suspend_insurer { insurer: account(Dave) },
				E::NotInsurer,
			),
			row(
				"reinstate an insurer never suspended",
				root(),
				Call::reinstate_insurer { insurer: account(Eve) },
				E::NotSuspended,
			),
			// Products and the pool (the insurer).
			row("period of 0 blocks", eve(), product(0, cover), E::InvalidPeriod),
			row(
				"period below MinPeriodLength",
				eve(),
				product(MIN_PERIOD - 1, cover),
				E::InvalidPeriod,
			),
			row(
				"period beyond MaxPeriodLength",
				eve(),
				product(MAX_PERIOD + 1, cover),
				E::InvalidPeriod,
			),
			row("period of u32::MAX blocks", eve(), product(u32::MAX, cover), E::InvalidPeriod),
			row("no cover", eve(), product(DAYS, 0), E::InvalidCover),
			row(
				"retire an unknown product",
				eve(),
				Call::retire_product { product: unknown_product },
				E::ProductNotFound,
			),
			row("fund the pool with 0", eve(), Call::fund_pool { amount: 0 }, E::ZeroAmount),
			row(
				"fund the pool with u128::MAX",
				eve(),
				Call::fund_pool { amount: u128::MAX },
				E::InsufficientBalance,
			),
			row(
				"withdraw 0 from the pool",
				eve(),
				Call::withdraw_pool { amount: 0 },
				E::ZeroAmount,
			),
			row(
				"withdraw u128::MAX from the pool",
				eve(),
				Call::withdraw_pool { amount: u128::MAX },
				E::PoolBelowRequirement,
			),
			// Policies (the owner, the holder).
			row(
				"policy on an unknown product",
				bob(),
				buy(1, unknown_product, UNIT),
				E::ProductNotFound,
			),
			row("policy on an unknown vehicle", bob(), buy(unknown, 0, UNIT), E::VehicleNotActive),
			row("prepayment of 0", bob(), buy(1, 0, 0), E::PrepaymentTooLow),
			row(
				"prepayment just below the base premium",
				bob(),
				buy(1, 0, BASE_PREMIUM - 1),
				E::PrepaymentTooLow,
			),
			row("prepayment of u128::MAX", bob(), buy(1, 0, u128::MAX), E::InsufficientBalance),
			row(
				"top up an unknown policy",
				alice(),
				Call::top_up { policy: unknown, amount: UNIT },
				E::PolicyNotFound,
			),
			row("top up by 0", alice(), Call::top_up { policy: 0, amount: 0 }, E::ZeroAmount),
			row(
				"top up by u128::MAX (the prepayment would overflow)",
				alice(),
				Call::top_up { policy: 0, amount: u128::MAX },
				E::Overflow,
			),
			row(
				"top up to exactly u128::MAX",
				alice(),
				Call::top_up { policy: 0, amount: u128::MAX - PREPAID },
				E::InsufficientBalance,
			),
			row(
				"cancel an unknown policy",
				alice(),
				Call::cancel_policy { policy: unknown },
				E::PolicyNotFound,
			),
			row(
				"usage of a vehicle without a policy",
				signed(BobStash),
				Call::report_usage { odometer_km: 100, events: RiskEvents::default() },
				E::NoActivePolicy,
			),
			row(
				"settle an unknown policy",
				dave(),
				Call::settle { policy: unknown },
				E::PolicyNotFound,
			),
			row("settle a period not ended", dave(), Call::settle { policy: 0 }, E::PeriodNotEnded),
			row(
				"close an unknown policy",
				dave(),
				Call::close_policy { policy: unknown },
				E::PolicyNotFound,
			),
			row(
				"close an active policy",
				dave(),
				Call::close_policy { policy: 0 },
				E::PolicyStillOpen,
			),
			row(
				"end an unknown policy for its holder leaving",
				dave(),
				Call::end_holder_left { policy: unknown },
				E::PolicyNotFound,
			),
			row(
				"end a policy whose holder still drives",
				dave(),
				Call::end_holder_left { policy: 0 },
				E::HolderStillOperates,
			),
			// Claims (the holder, the insurer, governance, anyone).
			row(
				"claim on an unknown policy",
				alice(),
				Call::file_claim { policy: unknown, amount: DEDUCTIBLE + 1, evidence: [9; 32] },
				E::PolicyNotFound,
			),
			row(
				"claim of 0",
				alice(),
				Call::file_claim { policy: 0, amount: 0, evidence: [9; 32] },
				E::BelowDeductible,
			),
			row(
				"claim of exactly the deductible",
				alice(),
				Call::file_claim { policy: 0, amount: DEDUCTIBLE, evidence: [9; 32] },
				E::BelowDeductible,
			),
			row(
				"approve an unknown claim",
				eve(),
				Call::approve_claim { claim: unknown },
				E::ClaimNotFound,
			),
			row(
				"reject an unknown claim",
				eve(),
				Call::reject_claim { claim: unknown, reason: RejectionReason::NotCovered },
				E::ClaimNotFound,
			),
			row(
				"escalate an unknown claim",
				alice(),
				Call::escalate_claim { claim: unknown },
				E::ClaimNotFound,
			),
			row(
				"decide an unknown claim",
				root(),
				Call::decide_claim { claim: unknown, approve: true },
				E::ClaimNotFound,
			),
			row(
				"close an unknown claim",
				dave(),
				Call::close_claim { claim: unknown },
				E::ClaimNotFound,
			),
		]);
	});
}

#[test]
fn usage_insurance_bounded_arguments_one_over_do_not_decode() {
	let dave = account(Dave);
	let name = vec![b'I'; MAX_NAME];
	let call: RuntimeCall = Call::<Runtime>::approve_insurer {
		insurer: dave.clone(),
		name: BoundedVec::truncate_from(name.clone()),
	}
	.into();
	let mut longer = name.clone();
	longer.push(b'I');
	assert_bound(call, (&dave, &name), (&dave, longer));
}
