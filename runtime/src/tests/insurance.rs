//! Usage-based insurance with the real identity pallet and service book, as the runtime wires
//! them: the odometer history prices the km, and a sale or theft ends the policy at once.

use super::run_to_block;
use crate::{
	AccountId, Balances, BalancesConfig, Runtime, RuntimeEvent, RuntimeGenesisConfig,
	RuntimeOrigin, ServiceBook, System, UsageInsurance, UsageInsuranceConfig, VehicleIdentity,
	VehicleIdentityConfig, UNIT,
};
use pallet_usage_insurance::{
	EndReason, Event as InsuranceEvent, HoldReason, PolicyId, ProductTerms, RiskEvents,
	RiskSurcharges,
};
use pallet_vehicle_identity::Powertrain;
use polkadot_sdk::{
	frame_support::{assert_ok, traits::fungible::InspectHold},
	sp_io::TestExternalities,
	sp_keyring::Sr25519Keyring,
	sp_runtime::BuildStorage,
};
use v2x_primitives::{FlagReason, OnOwnershipTransferred, ReadingVerdict, VehicleId};

const VEHICLE: VehicleId = 0;
const POLICY: PolicyId = 0;
/// The product's period, in blocks.
const PERIOD: u32 = 100;
const BASE: u128 = UNIT;
const PER_KM: u128 = UNIT / 100;
const PREPAYMENT: u128 = 10 * UNIT;

fn account(keyring: Sr25519Keyring) -> AccountId {
	keyring.to_account_id()
}
fn alice() -> AccountId {
	account(Sr25519Keyring::Alice)
}
fn bob() -> AccountId {
	account(Sr25519Keyring::Bob)
}
/// The telematics unit of Alice's vehicle.
fn dave() -> AccountId {
	account(Sr25519Keyring::Dave)
}
/// The insurer.
fn eve() -> AccountId {
	account(Sr25519Keyring::Eve)
}
/// The manufacturer.
fn ferdie() -> AccountId {
	account(Sr25519Keyring::Ferdie)
}

fn terms() -> ProductTerms<u128, u32> {
	ProductTerms {
		base_premium: BASE,
		rate_per_km: PER_KM,
		surcharges: RiskSurcharges { harsh_braking: UNIT / 10, speeding: UNIT / 5, night_km: 0 },
		period_length: PERIOD,
		deductible: 10 * UNIT,
		max_cover: 1_000 * UNIT,
		terms_hash: [0; 32],
	}
}

/// Alice's vehicle 0, with Dave as its device, insured from genesis by Eve's product 0 with
/// 10 V2X prepaid; the period starts at block 1.
fn new_chain() -> TestExternalities {
	let storage = RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: [alice(), bob(), dave(), eve(), ferdie()]
				.into_iter()
				.map(|who| (who, 10_000 * UNIT))
				.collect(),
			..Default::default()
		},
		vehicle_identity: VehicleIdentityConfig {
			manufacturers: vec![(ferdie(), b"Ferdie Motors".to_vec(), vec![*b"5YJ"])],
			vehicles: vec![(
				ferdie(),
				b"5YJ3E1EA5RF000001".to_vec(),
				alice(),
				2024,
				Powertrain::Bev,
				Some(75_000),
			)],
			lenders: vec![],
			devices: vec![],
		},
		usage_insurance: UsageInsuranceConfig {
			insurers: vec![(eve(), b"Eve Insurance".to_vec(), 1_000 * UNIT)],
			products: vec![(eve(), terms())],
			policies: vec![],
		},
		..Default::default()
	}
	.build_storage()
	.expect("a valid genesis");
	let mut ext = TestExternalities::new(storage);
	ext.execute_with(|| {
		run_to_block(1);
		assert_ok!(VehicleIdentity::bind_device(signed(alice()), VEHICLE, dave()));
		assert_ok!(VehicleIdentity::accept_device_binding(signed(dave()), VEHICLE));
		assert_ok!(UsageInsurance::buy_policy(signed(alice()), VEHICLE, 0, PREPAYMENT));
	});
	ext
}

/// Moves to block `n`, 6 s per block (the odometer's credit runs on the timestamp).
fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn report(km: u32) {
	assert_ok!(UsageInsurance::report_usage(signed(dave()), km, RiskEvents::default()));
}

fn prepaid_hold(who: &AccountId) -> u128 {
	Balances::balance_on_hold(&HoldReason::Prepayment.into(), who)
}

fn check_invariants() {
	assert_eq!(VehicleIdentity::do_try_state(), Ok(()));
	assert_eq!(ServiceBook::do_try_state(), Ok(()));
	assert_eq!(UsageInsurance::do_try_state(), Ok(()));
}

#[test]
fn the_odometer_history_prices_the_km_and_a_rollback_does_not_lower_them() {
	new_chain().execute_with(|| {
		report(10_000);
		report(10_100);
		// A rollback to 9 000 km is kept as evidence in the service book and adds nothing.
		report(9_000);
		System::assert_has_event(RuntimeEvent::UsageInsurance(InsuranceEvent::UsageReported {
			policy: POLICY,
			vehicle: VEHICLE,
			odometer_km: 9_000,
			verdict: ReadingVerdict::Flagged(FlagReason::Rollback),
			km_added: 0,
			period_km: 100,
		}));
		assert_eq!(ServiceBook::flag_count(VEHICLE), 1);
		// Driving on from the true reading adds only the new distance.
		report(10_150);
		let (_, policy) = UsageInsurance::active_policy(VEHICLE).unwrap();
		assert_eq!(policy.usage.km, 150);

		let eve_before = Balances::free_balance(eve());
		run_to_block(1 + PERIOD);
		assert_ok!(UsageInsurance::settle(signed(bob()), POLICY));
		let premium = BASE + 150 * PER_KM;
		assert_eq!(Balances::free_balance(eve()) - eve_before, premium);
		assert_eq!(prepaid_hold(&alice()), PREPAYMENT - premium);
		check_invariants();
	});
}

#[test]
fn a_sale_through_the_identity_pallet_ends_the_policy_pro_rata() {
	new_chain().execute_with(|| {
		report(10_000);
		report(10_040);
		let eve_before = Balances::free_balance(eve());
		let alice_before = Balances::free_balance(alice());
		assert_ok!(VehicleIdentity::offer_sale(signed(alice()), VEHICLE, bob(), None, 100));
		// The period began at block 1; the sale is in block 25: 25 of its 100 blocks begun.
		run_to_block(25);
		assert_ok!(VehicleIdentity::accept_offer(signed(bob()), VEHICLE, 0));
		let charged = BASE * 25 / u128::from(PERIOD) + 40 * PER_KM;
		System::assert_has_event(RuntimeEvent::UsageInsurance(InsuranceEvent::PolicyEnded {
			policy: POLICY,
			reason: EndReason::VehicleSold,
			charged,
			refunded: PREPAYMENT - charged,
		}));
		assert_eq!(Balances::free_balance(eve()) - eve_before, charged);
		// The sale also unbinds the device: its deposit comes back with the refund.
		let device_deposit: u128 =
			<Runtime as pallet_vehicle_identity::Config>::DelegateDeposit::get();
		assert_eq!(
			Balances::free_balance(alice()) - alice_before,
			PREPAYMENT - charged + device_deposit
		);
		assert_eq!(prepaid_hold(&alice()), 0);
		assert_eq!(UsageInsurance::active_policy(VEHICLE), None);
		// The new owner insures the car afresh.
		assert_ok!(UsageInsurance::buy_policy(signed(bob()), VEHICLE, 0, PREPAYMENT));
		check_invariants();
	});
}

#[test]
fn a_theft_report_ends_the_policy_and_a_claim_can_still_be_filed() {
	new_chain().execute_with(|| {
		run_to_block(50);
		assert_ok!(VehicleIdentity::report_stolen(signed(alice()), VEHICLE));
		let charged = BASE * 50 / u128::from(PERIOD);
		System::assert_has_event(RuntimeEvent::UsageInsurance(InsuranceEvent::PolicyEnded {
			policy: POLICY,
			reason: EndReason::VehicleStolen,
			charged,
			refunded: PREPAYMENT - charged,
		}));
		// The theft is what the cover is for: the claim comes after the policy ended.
		assert_ok!(UsageInsurance::file_claim(signed(alice()), POLICY, 500 * UNIT, [9; 32]));
		let alice_before = Balances::free_balance(alice());
		assert_ok!(UsageInsurance::approve_claim(signed(eve()), 0));
		let claim_deposit: u128 = <Runtime as pallet_usage_insurance::Config>::ClaimDeposit::get();
		assert_eq!(Balances::free_balance(alice()) - alice_before, 490 * UNIT + claim_deposit);
		check_invariants();
	});
}

#[test]
fn the_sales_weight_pays_for_ending_the_policy() {
	let hooks = <Runtime as pallet_vehicle_identity::Config>::OnOwnershipTransferred::weight();
	let insurance = <UsageInsurance as OnOwnershipTransferred<AccountId>>::weight();
	assert!(insurance.ref_time() > 0);
	assert!(hooks.all_gte(insurance));
}
