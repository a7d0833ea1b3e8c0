//! The queries behind `InsuranceApi`.

use polkadot_sdk::frame_support::assert_ok;

use super::*;
use crate::PoolInfo;

#[test]
fn a_quote_prices_a_full_period() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_eq!(UsageInsurance::quote(0, 100, events(2, 1, 10)), Some(327));
		assert_eq!(UsageInsurance::quote(0, 0, RiskEvents::default()), Some(100));
		assert_eq!(UsageInsurance::quote(7, 0, RiskEvents::default()), None);
		assert_eq!(UsageInsurance::quote(0, u32::MAX, events(u32::MAX, u32::MAX, u32::MAX)), {
			let max = u64::from(u32::MAX);
			Some(100 + max * 2 + max * 5 + max * 7 + max)
		});
	});
}

#[test]
fn a_vehicles_active_policy_is_shown() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_eq!(UsageInsurance::active_policy(VEHICLE), None);
		let id = buy(500);
		assert_eq!(UsageInsurance::active_policy(VEHICLE), Some((id, policy(id))));
		assert_ok!(UsageInsurance::cancel_policy(signed(OWNER), id));
		assert_eq!(UsageInsurance::active_policy(VEHICLE), None);
	});
}

#[test]
fn an_insurers_pool_shows_what_it_may_withdraw() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_eq!(UsageInsurance::pool(STRANGER), None);
		let id = buy(500);
		file(id, 300);
		assert_eq!(
			UsageInsurance::pool(INSURER),
			Some(PoolInfo {
				held: POOL,
				exposure: 1_000,
				claims_reserved: 250,
				required: 750,
				withdrawable: 250
			})
		);
	});
}
