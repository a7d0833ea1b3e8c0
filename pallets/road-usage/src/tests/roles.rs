//! Governance approves toll chargers and providers and revokes providers; providers post and
//! withdraw their bond.

use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_runtime::DispatchError,
};

use super::*;
use crate::{Chargers, Error, Providers};

#[test]
fn governance_approves_a_charger() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(RoadUsage::approve_charger(root(), CHARGER, name(b"Alpine Motorways")));

		let charger = Chargers::<Test>::get(CHARGER).unwrap();
		assert_eq!(charger.name.to_vec(), b"Alpine Motorways".to_vec());
		assert_eq!(charger.contexts, 0);
		assert_eq!(last_event(), Event::ChargerApproved { charger: CHARGER });
	});
}

#[test]
fn only_governance_approves_chargers_and_providers() {
	ExtBuilder::default().build_and_execute(|| {
		for who in [CHARGER, PROVIDER, STRANGER] {
			assert_noop!(
				RoadUsage::approve_charger(signed(who), CHARGER, name(b"Self-approved")),
				DispatchError::BadOrigin
			);
			assert_noop!(
				RoadUsage::approve_provider(signed(who), PROVIDER, name(b"Self-approved")),
				DispatchError::BadOrigin
			);
		}
	});
}

#[test]
fn a_charger_is_approved_once_with_a_name() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			RoadUsage::approve_charger(root(), CHARGER, name(b"")),
			Error::<Test>::EmptyName
		);
		approve_charger();
		assert_noop!(
			RoadUsage::approve_charger(root(), CHARGER, name(b"Again")),
			Error::<Test>::AlreadyCharger
		);
	});
}

#[test]
fn governance_approves_an_active_provider_without_bond() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(RoadUsage::approve_provider(root(), PROVIDER, name(b"Toll Services")));

		let provider = Providers::<Test>::get(PROVIDER).unwrap();
		assert!(provider.active);
		assert_eq!((provider.bond, provider.obligations), (0, 0));
		assert_eq!(provider.name.to_vec(), b"Toll Services".to_vec());
		assert_eq!(last_event(), Event::ProviderApproved { provider: PROVIDER });
		assert_eq!(RoadUsage::provider_exposure(&PROVIDER), Some((0, 0)));
	});
}

#[test]
fn an_active_provider_is_not_approved_twice_and_needs_a_name() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			RoadUsage::approve_provider(root(), PROVIDER, name(b"")),
			Error::<Test>::EmptyName
		);
		assert_ok!(RoadUsage::approve_provider(root(), PROVIDER, name(b"Toll Services")));
		assert_noop!(
			RoadUsage::approve_provider(root(), PROVIDER, name(b"Again")),
			Error::<Test>::AlreadyProvider
		);
	});
}

#[test]
fn governance_revokes_a_provider_which_keeps_its_bond() {
	ExtBuilder::default().build_and_execute(|| {
		bonded_provider(PROVIDER);

		assert_ok!(RoadUsage::revoke_provider(root(), PROVIDER));

		let provider = Providers::<Test>::get(PROVIDER).unwrap();
		assert!(!provider.active);
		assert_eq!(provider.bond, MIN_BOND);
		assert_eq!(held(HoldReason::ProviderBond, PROVIDER), MIN_BOND);
		assert_eq!(last_event(), Event::ProviderRevoked { provider: PROVIDER });
	});
}

#[test]
fn revoking_needs_governance_and_an_active_provider() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(RoadUsage::revoke_provider(root(), PROVIDER), Error::<Test>::UnknownProvider);
		bonded_provider(PROVIDER);
		for who in [PROVIDER, CHARGER, STRANGER] {
			assert_noop!(
				RoadUsage::revoke_provider(signed(who), PROVIDER),
				DispatchError::BadOrigin
			);
		}
		assert_ok!(RoadUsage::revoke_provider(root(), PROVIDER));
		assert_noop!(
			RoadUsage::revoke_provider(root(), PROVIDER),
			Error::<Test>::ProviderNotActive
		);
	});
}

#[test]
fn governance_approves_a_revoked_provider_again_with_its_bond() {
	ExtBuilder::default().build_and_execute(|| {
		bonded_provider(PROVIDER);
		assert_ok!(RoadUsage::revoke_provider(root(), PROVIDER));

		assert_ok!(RoadUsage::approve_provider(root(), PROVIDER, name(b"Renamed")));

		let provider = Providers::<Test>::get(PROVIDER).unwrap();
		assert!(provider.active);
		assert_eq!(provider.bond, MIN_BOND);
		assert_eq!(provider.name.to_vec(), b"Renamed".to_vec());
	});
}

#[test]
fn a_provider_posts_bond_which_is_held() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(RoadUsage::approve_provider(root(), PROVIDER, name(b"Toll Services")));

		assert_ok!(RoadUsage::post_bond(signed(PROVIDER), 600));
		assert_ok!(RoadUsage::post_bond(signed(PROVIDER), 400));

		assert_eq!(Providers::<Test>::get(PROVIDER).unwrap().bond, 1_000);
		assert_eq!(held(HoldReason::ProviderBond, PROVIDER), 1_000);
		assert_eq!(free(PROVIDER), BALANCE - 1_000);
		assert_eq!(
			last_event(),
			Event::BondPosted { provider: PROVIDER, amount: 400, bond: 1_000 }
		);
	});
}

#[test]
fn posting_bond_needs_a_provider_an_amount_and_the_funds() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(RoadUsage::post_bond(signed(STRANGER), 100), Error::<Test>::NotProvider);
		approve_charger();
		assert_noop!(RoadUsage::post_bond(signed(CHARGER), 100), Error::<Test>::NotProvider);
		assert_ok!(RoadUsage::approve_provider(root(), PROVIDER, name(b"Toll Services")));
		assert_noop!(RoadUsage::post_bond(signed(PROVIDER), 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			RoadUsage::post_bond(signed(PROVIDER), BALANCE + 1),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn a_revoked_provider_may_post_bond() {
	ExtBuilder::default().build_and_execute(|| {
		bonded_provider(PROVIDER);
		assert_ok!(RoadUsage::revoke_provider(root(), PROVIDER));

		assert_ok!(RoadUsage::post_bond(signed(PROVIDER), 1));

		assert_eq!(held(HoldReason::ProviderBond, PROVIDER), MIN_BOND + 1);
	});
}

#[test]
fn an_active_provider_withdraws_bond_down_to_the_minimum() {
	ExtBuilder::default().build_and_execute(|| {
		bonded_provider(PROVIDER);
		assert_ok!(RoadUsage::post_bond(signed(PROVIDER), 500));

		assert_ok!(RoadUsage::withdraw_bond(signed(PROVIDER), 500));

		assert_eq!(Providers::<Test>::get(PROVIDER).unwrap().bond, MIN_BOND);
		assert_eq!(held(HoldReason::ProviderBond, PROVIDER), MIN_BOND);
		assert_eq!(free(PROVIDER), BALANCE - MIN_BOND);
		assert_eq!(
			last_event(),
			Event::BondWithdrawn { provider: PROVIDER, amount: 500, bond: MIN_BOND }
		);
		assert_noop!(RoadUsage::withdraw_bond(signed(PROVIDER), 1), Error::<Test>::BondTooLow);
	});
}

#[test]
fn a_revoked_provider_withdraws_its_whole_bond_without_obligations() {
	ExtBuilder::default().build_and_execute(|| {
		bonded_provider(PROVIDER);
		assert_ok!(RoadUsage::revoke_provider(root(), PROVIDER));

		assert_ok!(RoadUsage::withdraw_bond(signed(PROVIDER), MIN_BOND));

		assert_eq!(Providers::<Test>::get(PROVIDER).unwrap().bond, 0);
		assert_eq!(held(HoldReason::ProviderBond, PROVIDER), 0);
		assert_eq!(free(PROVIDER), BALANCE);
	});
}

#[test]
fn bond_is_never_withdrawn_below_the_obligations() {
	ExtBuilder::default().build_and_execute(|| {
		bonded_provider(PROVIDER);
		assert_ok!(RoadUsage::post_bond(signed(PROVIDER), 500));
		// Open batches owe 1 200: set as the billing code does when it records a batch.
		Providers::<Test>::mutate(PROVIDER, |p| p.as_mut().unwrap().obligations = 1_200);
		assert_ok!(RoadUsage::revoke_provider(root(), PROVIDER));

		assert_noop!(RoadUsage::withdraw_bond(signed(PROVIDER), 301), Error::<Test>::BondTooLow);
		assert_ok!(RoadUsage::withdraw_bond(signed(PROVIDER), 300));

		assert_eq!(held(HoldReason::ProviderBond, PROVIDER), 1_200);
		// The obligations are the test's, without batches: put them back before try_state.
		Providers::<Test>::mutate(PROVIDER, |p| p.as_mut().unwrap().obligations = 0);
	});
}

#[test]
fn withdrawing_bond_needs_a_provider_an_amount_and_the_bond() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(RoadUsage::withdraw_bond(signed(STRANGER), 1), Error::<Test>::NotProvider);
		bonded_provider(PROVIDER);
		assert_noop!(RoadUsage::withdraw_bond(signed(PROVIDER), 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			RoadUsage::withdraw_bond(signed(OTHER_PROVIDER), 1),
			Error::<Test>::NotProvider
		);
		assert_ok!(RoadUsage::revoke_provider(root(), PROVIDER));
		assert_noop!(
			RoadUsage::withdraw_bond(signed(PROVIDER), MIN_BOND + 1),
			Error::<Test>::BondTooLow
		);
	});
}

#[test]
fn a_bond_beyond_the_balance_type_is_an_overflow() {
	ExtBuilder::default().build_and_execute(|| {
		bonded_provider(PROVIDER);
		assert_noop!(RoadUsage::post_bond(signed(PROVIDER), u64::MAX), Error::<Test>::Overflow);
	});
}
