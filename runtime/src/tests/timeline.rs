//! The identity pallet and the service book together, as the runtime wires them: every
//! right a work order stands on ends when the owner's consent does.

use super::run_to_block;
use crate::{
	AccountId, Balances, BalancesConfig, Runtime, RuntimeEvent, RuntimeGenesisConfig,
	RuntimeOrigin, ServiceBook, ServiceBookConfig, System, VehicleIdentity, VehicleIdentityConfig,
	UNIT,
};
use pallet_service_book::{Error as BookError, Event as BookEvent, RecordKind, WorkOrders};
use pallet_vehicle_identity::{Error as IdentityError, Powertrain};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold},
	sp_io::TestExternalities,
	sp_keyring::Sr25519Keyring,
	sp_runtime::{BuildStorage, DispatchResult},
};
use v2x_primitives::{VehicleId, VehicleRegistry, VehicleStatus};

const VEHICLE: VehicleId = 0;

fn alice() -> AccountId {
	Sr25519Keyring::Alice.to_account_id()
}
fn bob() -> AccountId {
	Sr25519Keyring::Bob.to_account_id()
}
/// The workshop.
fn charlie() -> AccountId {
	Sr25519Keyring::Charlie.to_account_id()
}
/// An operator of Alice's vehicle.
fn dave() -> AccountId {
	Sr25519Keyring::Dave.to_account_id()
}
/// The vehicle's telematics unit.
fn eve() -> AccountId {
	Sr25519Keyring::Eve.to_account_id()
}
/// The manufacturer.
fn ferdie() -> AccountId {
	Sr25519Keyring::Ferdie.to_account_id()
}

/// Ferdie makes vehicle 0 for Alice; Charlie is an approved workshop; everyone is funded.
fn new_chain() -> TestExternalities {
	let storage = RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: [alice(), bob(), charlie(), dave(), eve(), ferdie()]
				.into_iter()
				.map(|who| (who, 1_000 * UNIT))
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
		service_book: ServiceBookConfig {
			workshops: vec![(charlie(), b"Charlie's Garage".to_vec(), vec![])],
			..Default::default()
		},
		..Default::default()
	}
	.build_storage()
	.expect("a valid genesis");
	let mut ext = TestExternalities::new(storage);
	ext.execute_with(|| run_to_block(1));
	ext
}

/// Moves to block `n`, 6 s per block. The time is written directly: through
/// `Timestamp::set` Aura would check it against a slot these tests do not have.
fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn open_order(opener: AccountId, expires_at: u32) -> DispatchResult {
	ServiceBook::open_work_order(signed(opener), VEHICLE, charlie(), expires_at)
}

fn add_record() -> DispatchResult {
	ServiceBook::add_record(
		signed(charlie()),
		VEHICLE,
		12_000,
		RecordKind::Maintenance,
		[1; 32],
		Default::default(),
	)
}

fn work_order_hold(who: &AccountId) -> u128 {
	let reason = pallet_service_book::HoldReason::WorkOrder.into();
	Balances::balance_on_hold(&reason, who)
}

fn assert_order_ended(opener: AccountId) {
	assert!(!WorkOrders::<Runtime>::contains_key(VEHICLE, charlie()));
	assert_eq!(work_order_hold(&opener), 0);
	System::assert_has_event(RuntimeEvent::ServiceBook(BookEvent::WorkOrderEnded {
		vehicle: VEHICLE,
		workshop: charlie(),
		opener,
	}));
}

fn check_invariants() {
	assert_eq!(VehicleIdentity::do_try_state(), Ok(()));
	assert_eq!(ServiceBook::do_try_state(), Ok(()));
}

#[test]
fn a_sale_ends_the_old_owners_work_order() {
	new_chain().execute_with(|| {
		assert_ok!(open_order(alice(), 50));
		assert_ok!(VehicleIdentity::offer_sale(signed(alice()), VEHICLE, bob(), None, 20));
		assert_ok!(VehicleIdentity::accept_offer(signed(bob()), VEHICLE, 0));
		assert_order_ended(alice());
		assert_noop!(add_record(), BookError::<Runtime>::NoWorkOrder);
		// The new owner's consent is a new order.
		assert_ok!(open_order(bob(), 50));
		assert_ok!(add_record());
		check_invariants();
	});
}

#[test]
fn a_revoked_operators_order_admits_no_record() {
	new_chain().execute_with(|| {
		assert_ok!(VehicleIdentity::grant_operator(signed(alice()), VEHICLE, dave(), 100));
		assert_ok!(open_order(dave(), 50));
		assert_ok!(VehicleIdentity::revoke_operator(signed(alice()), VEHICLE, dave()));
		assert_noop!(add_record(), BookError::<Runtime>::OrderConsentEnded);
		// The lapsed order is anyone's to clean up: the deposit goes back to the operator.
		assert_ok!(ServiceBook::cancel_work_order(signed(bob()), VEHICLE, charlie()));
		assert_eq!(work_order_hold(&dave()), 0);
		check_invariants();
	});
}

#[test]
fn an_operators_order_ends_with_its_right() {
	new_chain().execute_with(|| {
		assert_ok!(VehicleIdentity::grant_operator(signed(alice()), VEHICLE, dave(), 10));
		assert_ok!(open_order(dave(), 50));
		assert_eq!(WorkOrders::<Runtime>::get(VEHICLE, charlie()).map(|o| o.expires_at), Some(10));
		run_to_block(11);
		assert_noop!(add_record(), BookError::<Runtime>::WorkOrderExpired);
		check_invariants();
	});
}

#[test]
fn an_operators_order_works_in_the_last_block_of_its_right() {
	new_chain().execute_with(|| {
		assert_ok!(VehicleIdentity::grant_operator(signed(alice()), VEHICLE, dave(), 10));
		assert_ok!(open_order(dave(), 50));
		run_to_block(10);
		assert_ok!(add_record());
		check_invariants();
	});
}

#[test]
fn scrapping_unbinds_the_device_and_ends_its_reports() {
	new_chain().execute_with(|| {
		assert_ok!(VehicleIdentity::bind_device(signed(alice()), VEHICLE, eve()));
		assert_ok!(VehicleIdentity::accept_device_binding(signed(eve()), VEHICLE));
		assert_ok!(ServiceBook::report_odometer(signed(eve()), VEHICLE, 1_000));
		assert_ok!(open_order(alice(), 50));
		assert_ok!(VehicleIdentity::scrap_vehicle(signed(alice()), VEHICLE));
		assert_eq!(VehicleIdentity::vehicle_of_device(&eve()), None);
		assert_noop!(
			ServiceBook::report_odometer(signed(eve()), VEHICLE, 1_100),
			BookError::<Runtime>::NotDevice
		);
		assert_order_ended(alice());
		check_invariants();
	});
}

#[test]
fn a_theft_ends_the_operators_order_and_right() {
	new_chain().execute_with(|| {
		assert_ok!(VehicleIdentity::grant_operator(signed(alice()), VEHICLE, dave(), 100));
		assert_ok!(open_order(dave(), 50));
		assert_ok!(VehicleIdentity::report_stolen(signed(alice()), VEHICLE));
		assert_order_ended(dave());
		assert!(!VehicleIdentity::may_operate(VEHICLE, &dave()));
		assert_noop!(open_order(dave(), 50), BookError::<Runtime>::VehicleStolen);
		assert_noop!(add_record(), BookError::<Runtime>::VehicleStolen);
		// Recovered, the vehicle takes orders again, from its owner.
		assert_ok!(VehicleIdentity::report_recovered(signed(alice()), VEHICLE));
		assert_eq!(VehicleIdentity::status(VEHICLE), Some(VehicleStatus::Active));
		assert_noop!(open_order(dave(), 50), BookError::<Runtime>::NotOperator);
		assert_ok!(open_order(alice(), 50));
		check_invariants();
	});
}

#[test]
fn a_liened_vehicle_is_not_scrapped_by_its_owner() {
	new_chain().execute_with(|| {
		assert_ok!(VehicleIdentity::approve_lender(RuntimeOrigin::root(), bob()));
		assert_ok!(VehicleIdentity::consent_to_lien(signed(alice()), VEHICLE, bob()));
		assert_ok!(VehicleIdentity::place_lien(signed(bob()), VEHICLE));
		assert_noop!(
			VehicleIdentity::scrap_vehicle(signed(alice()), VEHICLE),
			IdentityError::<Runtime>::LienPresent
		);
		check_invariants();
	});
}
