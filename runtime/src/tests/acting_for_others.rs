//! Accounts acting for others on the dev preset's genesis: a fleet manager's proxy runs the
//! vehicles' calls but cannot sell them or move tokens, a device's telemetry proxy reports
//! readings and nothing else, and co-owners' multisig acts only once both approve.

use super::{account, dev_chain, signed};
use crate::{
	configs::ProxyType, Balances, Multisig, Proxy, Runtime, RuntimeCall, RuntimeEvent, ServiceBook,
	System, VehicleIdentity, UNIT,
};
use polkadot_sdk::{
	frame_support::{
		assert_ok,
		dispatch::GetDispatchInfo,
		traits::{fungible::Inspect, Get},
	},
	sp_keyring::Sr25519Keyring,
	sp_runtime::DispatchResult,
	*,
};
use v2x_primitives::VehicleRegistry;

/// Vehicle 1 of the dev preset belongs to Bob; vehicle 0 to Alice.
const BOBS_VEHICLE: u64 = 1;
const ALICES_VEHICLE: u64 = 0;

/// `delegate` dispatches `call` for `real` through its proxy; returns the call's own result
/// from `ProxyExecuted`.
fn through_proxy(
	delegate: Sr25519Keyring,
	real: Sr25519Keyring,
	call: impl Into<RuntimeCall>,
) -> DispatchResult {
	System::reset_events();
	assert_ok!(Proxy::proxy(signed(delegate), account(real).into(), None, Box::new(call.into())));
	System::events()
		.into_iter()
		.find_map(|record| match record.event {
			RuntimeEvent::Proxy(pallet_proxy::Event::ProxyExecuted { result }) => Some(result),
			_ => None,
		})
		.expect("the proxy ran the call")
}

/// A configured amount, such as a deposit.
fn amount<G: Get<u128>>() -> u128 {
	G::get()
}

fn filtered() -> DispatchResult {
	Err(frame_system::Error::<Runtime>::CallFiltered.into())
}

#[test]
fn a_fleet_proxy_operates_the_vehicles_but_cannot_sell_them_or_move_tokens() {
	dev_chain(|| {
		let (bob, charlie, dave) = (
			account(Sr25519Keyring::Bob),
			account(Sr25519Keyring::Charlie),
			account(Sr25519Keyring::Dave),
		);
		let reserved = Balances::reserved_balance(&bob);
		assert_ok!(Proxy::add_proxy(
			signed(Sr25519Keyring::Bob),
			charlie.clone().into(),
			ProxyType::Fleet,
			0
		));
		let deposit = amount::<<Runtime as pallet_proxy::Config>::ProxyDepositBase>()
			+ amount::<<Runtime as pallet_proxy::Config>::ProxyDepositFactor>();
		assert_eq!(Balances::reserved_balance(&bob), reserved + deposit);

		let grant = pallet_vehicle_identity::Call::grant_operator {
			vehicle: BOBS_VEHICLE,
			operator: dave.clone(),
			until: 1_000,
		};
		assert_ok!(through_proxy(Sr25519Keyring::Charlie, Sr25519Keyring::Bob, grant));
		assert!(VehicleIdentity::may_operate(BOBS_VEHICLE, &dave));

		let sell = pallet_vehicle_identity::Call::offer_sale {
			vehicle: BOBS_VEHICLE,
			buyer: charlie.clone(),
			price: None,
			expires_at: 1_000,
		};
		assert_eq!(through_proxy(Sr25519Keyring::Charlie, Sr25519Keyring::Bob, sell), filtered());
		assert!(!pallet_vehicle_identity::SaleOffers::<Runtime>::contains_key(BOBS_VEHICLE));

		let free = Balances::balance(&bob);
		let pay = pallet_balances::Call::transfer_keep_alive { dest: charlie.into(), value: UNIT };
		assert_eq!(
			through_proxy(Sr25519Keyring::Charlie, Sr25519Keyring::Bob, pay.clone()),
			filtered()
		);
		// Nor hidden in a batch: the batch stops at the filtered call.
		let batch = pallet_utility::Call::batch_all { calls: vec![pay.into()] };
		assert_eq!(through_proxy(Sr25519Keyring::Charlie, Sr25519Keyring::Bob, batch), filtered());
		assert_eq!(Balances::balance(&bob), free);
		assert_eq!(VehicleIdentity::owner(BOBS_VEHICLE), Some(bob));
	});
}

#[test]
fn a_telemetry_proxy_reports_the_devices_readings_and_nothing_else() {
	dev_chain(|| {
		// Dave is the device of Alice's vehicle; he lets Eve (his gateway) report for him.
		let dave = account(Sr25519Keyring::Dave);
		assert_ok!(VehicleIdentity::bind_device(
			signed(Sr25519Keyring::Alice),
			ALICES_VEHICLE,
			dave.clone()
		));
		assert_ok!(VehicleIdentity::accept_device_binding(
			signed(Sr25519Keyring::Dave),
			ALICES_VEHICLE
		));
		assert_ok!(Proxy::add_proxy(
			signed(Sr25519Keyring::Dave),
			account(Sr25519Keyring::Eve).into(),
			ProxyType::Telemetry,
			0
		));

		let reading =
			pallet_service_book::Call::report_odometer { vehicle: ALICES_VEHICLE, km: 32_000 };
		assert_ok!(through_proxy(Sr25519Keyring::Eve, Sr25519Keyring::Dave, reading));
		assert_eq!(ServiceBook::current_odometer(ALICES_VEHICLE), Some(32_000));

		let unbind = pallet_vehicle_identity::Call::leave_vehicle { vehicle: ALICES_VEHICLE };
		assert_eq!(through_proxy(Sr25519Keyring::Eve, Sr25519Keyring::Dave, unbind), filtered());
		assert_eq!(VehicleIdentity::vehicle_of_device(&dave), Some(ALICES_VEHICLE));
		let pay = pallet_balances::Call::transfer_keep_alive {
			dest: account(Sr25519Keyring::Eve).into(),
			value: UNIT,
		};
		assert_eq!(through_proxy(Sr25519Keyring::Eve, Sr25519Keyring::Dave, pay), filtered());
	});
}

#[test]
fn a_proxy_cannot_add_a_proxy_wider_than_its_own() {
	dev_chain(|| {
		assert_ok!(Proxy::add_proxy(
			signed(Sr25519Keyring::Bob),
			account(Sr25519Keyring::Charlie).into(),
			ProxyType::Fleet,
			0
		));
		let widen = pallet_proxy::Call::add_proxy {
			delegate: account(Sr25519Keyring::Eve).into(),
			proxy_type: ProxyType::Any,
			delay: 0,
		};
		assert!(through_proxy(Sr25519Keyring::Charlie, Sr25519Keyring::Bob, widen).is_err());
		assert!(Proxy::proxies(account(Sr25519Keyring::Bob)).0.len() == 1);
	});
}

#[test]
fn co_owners_multisig_acts_only_when_both_approve() {
	dev_chain(|| {
		let (alice, bob, ferdie) = (
			account(Sr25519Keyring::Alice),
			account(Sr25519Keyring::Bob),
			account(Sr25519Keyring::Ferdie),
		);
		// The shared account is derived from the sorted signatories and the threshold.
		let mut signatories = vec![alice.clone(), bob.clone()];
		signatories.sort();
		let shared = Multisig::multi_account_id(&signatories, 2);
		assert_ok!(Balances::transfer_keep_alive(
			signed(Sr25519Keyring::Dave),
			shared.clone().into(),
			10 * UNIT
		));
		let pay: RuntimeCall = pallet_balances::Call::transfer_keep_alive {
			dest: ferdie.clone().into(),
			value: 3 * UNIT,
		}
		.into();
		let weight = pay.get_dispatch_info().call_weight;
		let ferdie_before = Balances::balance(&ferdie);
		let reserved = Balances::reserved_balance(&alice);

		assert_ok!(Multisig::as_multi(
			signed(Sr25519Keyring::Alice),
			2,
			vec![bob],
			None,
			Box::new(pay.clone()),
			weight
		));
		assert_eq!(Balances::balance(&ferdie), ferdie_before);
		let deposit = amount::<<Runtime as pallet_multisig::Config>::DepositBase>()
			+ amount::<<Runtime as pallet_multisig::Config>::DepositFactor>() * 2;
		assert_eq!(Balances::reserved_balance(&alice), reserved + deposit);

		let timepoint = Multisig::timepoint();
		assert_ok!(Multisig::as_multi(
			signed(Sr25519Keyring::Bob),
			2,
			vec![alice.clone()],
			Some(timepoint),
			Box::new(pay),
			weight
		));
		assert_eq!(Balances::balance(&ferdie), ferdie_before + 3 * UNIT);
		assert_eq!(Balances::balance(&shared), 7 * UNIT);
		assert_eq!(Balances::reserved_balance(&alice), reserved);
	});
}
