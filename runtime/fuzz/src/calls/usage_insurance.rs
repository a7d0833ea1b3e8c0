//! Calls of usage-based insurance: insurers and their pools, products, policies, usage reports,
//! settlement and claims.

use pallet_usage_insurance::{
	Call, Claims, Policies, ProductTerms, Products, RejectionReason, RiskEvents, RiskSurcharges,
};
use v2x_runtime::{Runtime, RuntimeCall, DAYS, MILLI_UNIT, UNIT};

use super::Ctx;
use crate::{
	actors::{self, Caller},
	source::Source,
	values, world,
};

pub fn generate(src: &mut Source, ctx: &Ctx, index: usize) -> (Caller, RuntimeCall) {
	let pool = ctx.pool;
	let insurers = world::insurers();
	let policy = values::id(src, pallet_usage_insurance::NextPolicyId::<Runtime>::get());
	let (holder, policy_insurer) = Policies::<Runtime>::get(policy)
		.map(|p| (vec![p.holder], vec![p.insurer]))
		.unwrap_or_default();
	let claim = values::id(src, pallet_usage_insurance::NextClaimId::<Runtime>::get());
	let (claimant, claim_insurer) = Claims::<Runtime>::get(claim)
		.map(|c| (vec![c.holder], vec![c.insurer]))
		.unwrap_or_default();
	let (caller, call) = match index {
		0 => (
			actors::governance(src, pool),
			Call::approve_insurer {
				insurer: actors::account(src, pool, &[pool[11].0.clone()]),
				name: values::bounded(src),
			},
		),
		1 => (
			actors::governance(src, pool),
			Call::suspend_insurer { insurer: actors::account(src, pool, &insurers) },
		),
		2 => (
			actors::governance(src, pool),
			Call::reinstate_insurer { insurer: actors::account(src, pool, &insurers) },
		),
		3 => (actors::signer(src, pool, &insurers), Call::create_product { terms: terms(src) }),
		4 => {
			let product =
				values::id(src, pallet_usage_insurance::NextProductId::<Runtime>::get().into());
			let product = u32::try_from(product).unwrap_or(u32::MAX);
			let owner: Vec<_> =
				Products::<Runtime>::get(product).map(|p| p.insurer).into_iter().collect();
			(actors::signer(src, pool, &owner), Call::retire_product { product })
		}
		5 => (
			actors::signer(src, pool, &insurers),
			Call::fund_pool { amount: values::amount(src, 1_000 * UNIT) },
		),
		6 => (
			actors::signer(src, pool, &insurers),
			Call::withdraw_pool { amount: values::amount(src, 1_000 * UNIT) },
		),
		7 => {
			let vehicle = values::id(src, world::next_vehicle());
			let product =
				values::id(src, pallet_usage_insurance::NextProductId::<Runtime>::get().into());
			(
				actors::signer(src, pool, &world::drivers(vehicle)),
				Call::buy_policy {
					vehicle,
					product: u32::try_from(product).unwrap_or(u32::MAX),
					prepayment: values::amount(src, 100 * UNIT),
				},
			)
		}
		8 => (
			actors::signer(src, pool, &holder),
			Call::top_up { policy, amount: values::amount(src, 10 * UNIT) },
		),
		9 => (actors::signer(src, pool, &holder), Call::cancel_policy { policy }),
		10 => {
			let vehicle = Policies::<Runtime>::get(policy).map(|p| p.vehicle).unwrap_or_default();
			let current = pallet_service_book::Pallet::<Runtime>::current_odometer(vehicle);
			(
				actors::signer(src, pool, &world::devices(vehicle)),
				Call::report_usage {
					odometer_km: values::km(src, current),
					events: RiskEvents {
						harsh_braking: values::small(src, 1),
						speeding: values::small(src, 1),
						night_km: values::small(src, 10),
					},
				},
			)
		}
		11 => (actors::signer(src, pool, &holder), Call::settle { policy }),
		12 => (
			actors::signer(src, pool, &holder),
			Call::file_claim {
				policy,
				amount: values::amount(src, 540 * UNIT),
				evidence: values::hash(src),
			},
		),
		13 => (actors::signer(src, pool, &claim_insurer), Call::approve_claim { claim }),
		14 => (
			actors::signer(src, pool, &claim_insurer),
			Call::reject_claim {
				claim,
				reason: src.pick(&[
					RejectionReason::NotCovered,
					RejectionReason::InsufficientEvidence,
					RejectionReason::SuspectedFraud,
					RejectionReason::Other,
				]),
			},
		),
		15 => (actors::signer(src, pool, &claimant), Call::escalate_claim { claim }),
		16 => (actors::governance(src, pool), Call::decide_claim { claim, approve: src.bool() }),
		17 => (actors::signer(src, pool, &claimant), Call::close_claim { claim }),
		18 => (actors::signer(src, pool, &policy_insurer), Call::close_policy { policy }),
		_ => (actors::signer(src, pool, &[]), Call::end_holder_left { policy }),
	};
	(caller, RuntimeCall::UsageInsurance(call))
}

/// Product terms: typical, free, or extreme (zero or maximal periods, prices and cover).
fn terms(src: &mut Source) -> ProductTerms<u128, u32> {
	ProductTerms {
		base_premium: values::amount(src, UNIT),
		rate_per_km: values::amount(src, MILLI_UNIT),
		surcharges: RiskSurcharges {
			harsh_braking: values::amount(src, MILLI_UNIT),
			speeding: values::amount(src, MILLI_UNIT),
			night_km: values::amount(src, MILLI_UNIT),
		},
		period_length: src.pick(&[10, 10, 100, 100, DAYS, 0, 9, 366 * DAYS + 1, u32::MAX]),
		deductible: values::amount(src, 10 * UNIT),
		max_cover: values::amount(src, 1_000 * UNIT),
		terms_hash: values::hash(src),
	}
}
