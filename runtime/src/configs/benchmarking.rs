//! Benchmark-only glue (compiled with `runtime-benchmarks`): real vehicles in the identity
//! pallet for the pallets whose benchmarks need one, and validators' session keys; each
//! pallet's `BenchmarkHelper` is implemented here on the same registrations.

use crate::{
	opaque::SessionKeys, AccountId, Balances, Runtime, RuntimeOrigin, Session, Signature, System,
	VehicleIdentity, UNIT,
};
use alloc::{string::ToString, vec};
use codec::Encode;
use pallet_vehicle_identity::Powertrain;
use polkadot_sdk::{
	frame_support::traits::{fungible::Mutate, Get},
	sp_core::{crypto::KeyTypeId, sr25519},
	sp_io,
	sp_runtime::{traits::IdentifyAccount, MultiSignature, MultiSigner},
};
use v2x_primitives::{VehicleId, VehicleRegistry, Vin};

/// Registers vehicles through the identity pallet's own calls, as a user would.
pub struct RegisteredVehicles;

fn manufacturer() -> AccountId {
	AccountId::new([0xbe; 32])
}

/// A VIN with WMI `1HG`, serial `id`, and a valid check digit.
fn vin_for(id: VehicleId) -> Vin {
	let mut vin = *b"1HGCM826X3A000000";
	for (digit, place) in id.to_string().bytes().rev().zip(vin.iter_mut().rev()) {
		*place = digit;
	}
	let mut vin = Vin(vin);
	if let Some(check) = vin.expected_check_digit() {
		vin.0[8] = check;
	}
	vin
}

impl RegisteredVehicles {
	/// The benchmark manufacturer (WMI `1HG`), registered and funded on first use.
	pub fn registered_manufacturer() -> AccountId {
		let maker = manufacturer();
		if !VehicleIdentity::is_manufacturer(&maker) {
			Balances::set_balance(&maker, 1_000_000 * UNIT);
			VehicleIdentity::register_manufacturer(
				RuntimeOrigin::root(),
				maker.clone(),
				b"Benchmark Motors".to_vec().try_into().unwrap(),
				vec![*b"1HG"].try_into().unwrap(),
			)
			.unwrap();
		}
		maker
	}

	/// Registers an active vehicle owned by `owner` (funded) with `device` bound to it.
	pub fn register_with_device(owner: &AccountId, device: &AccountId) -> VehicleId {
		let maker = Self::registered_manufacturer();
		let id = pallet_vehicle_identity::NextVehicleId::<Runtime>::get();
		VehicleIdentity::register_vehicle(
			RuntimeOrigin::signed(maker),
			vin_for(id),
			owner.clone(),
			2024,
			Powertrain::Bev,
			Some(75_000),
			[0; 32],
			Default::default(),
		)
		.unwrap();
		Balances::set_balance(owner, 1_000_000 * UNIT);
		VehicleIdentity::bind_device(RuntimeOrigin::signed(owner.clone()), id, device.clone())
			.unwrap();
		VehicleIdentity::accept_device_binding(RuntimeOrigin::signed(device.clone()), id).unwrap();
		id
	}
}

impl pallet_service_book::BenchmarkHelper<AccountId> for RegisteredVehicles {
	fn create_vehicle(owner: &AccountId, device: &AccountId) -> VehicleId {
		Self::register_with_device(owner, device)
	}

	fn add_operators(vehicle: VehicleId, operator: &AccountId) {
		let owner = VehicleIdentity::owner(vehicle).unwrap();
		let until = System::block_number().saturating_add(1_000_000);
		let most = <Runtime as pallet_vehicle_identity::Config>::MaxOperatorsPerVehicle::get();
		let others = (1..most).map(|n| AccountId::new([n as u8; 32]));
		for account in others.chain([operator.clone()]) {
			VehicleIdentity::grant_operator(
				RuntimeOrigin::signed(owner.clone()),
				vehicle,
				account,
				until,
			)
			.unwrap();
		}
	}
}

impl pallet_usage_insurance::BenchmarkHelper<AccountId> for RegisteredVehicles {
	fn create_vehicle(owner: &AccountId, device: &AccountId) -> VehicleId {
		Self::register_with_device(owner, device)
	}

	fn grant_operator(vehicle: VehicleId, operator: &AccountId) {
		let owner = VehicleIdentity::owner(vehicle).unwrap();
		let until = System::block_number().saturating_add(1_000_000);
		VehicleIdentity::grant_operator(
			RuntimeOrigin::signed(owner),
			vehicle,
			operator.clone(),
			until,
		)
		.unwrap();
	}

	fn revoke_operator(vehicle: VehicleId, operator: &AccountId) {
		let owner = VehicleIdentity::owner(vehicle).unwrap();
		VehicleIdentity::revoke_operator(RuntimeOrigin::signed(owner), vehicle, operator.clone())
			.unwrap();
	}
}

impl pallet_data_marketplace::BenchmarkHelper<AccountId> for RegisteredVehicles {
	fn create_vehicle(owner: &AccountId, device: &AccountId) -> VehicleId {
		Self::register_with_device(owner, device)
	}
}

impl pallet_car_sharing::BenchmarkHelper<AccountId> for RegisteredVehicles {
	fn create_vehicle(owner: &AccountId, device: &AccountId) -> VehicleId {
		Self::register_with_device(owner, device)
	}
}

impl pallet_shared_charging::BenchmarkHelper<AccountId> for RegisteredVehicles {
	fn create_vehicle(owner: &AccountId, device: &AccountId) -> VehicleId {
		// The benchmark chain starts at time 0; a session's worst case prices the longest
		// session, which must have begun after 1970. Today's time gives it room.
		let now = polkadot_sdk::pallet_timestamp::Now::<Runtime>::get();
		polkadot_sdk::pallet_timestamp::Now::<Runtime>::put(now.max(1_780_000_000_000));
		Self::register_with_device(owner, device)
	}
}

impl pallet_road_usage::BenchmarkHelper<AccountId, Signature> for RegisteredVehicles {
	fn create_vehicle(owner: &AccountId, device: &AccountId) -> VehicleId {
		Self::register_with_device(owner, device)
	}

	fn gantry() -> AccountId {
		MultiSigner::from(gantry_key()).into_account()
	}

	fn sign_as_gantry(payload: &[u8]) -> Signature {
		let signature = sp_io::crypto::sr25519_sign(GANTRY_KEY_TYPE, &gantry_key(), payload)
			.expect("the benchmark's keystore holds the gantry key it generated");
		MultiSignature::Sr25519(signature)
	}

	fn pass_days(days: pallet_road_usage::Day) {
		let now = polkadot_sdk::pallet_timestamp::Now::<Runtime>::get();
		let later = now.saturating_add(u64::from(days).saturating_mul(86_400_000));
		polkadot_sdk::pallet_timestamp::Now::<Runtime>::put(later);
	}
}

impl pallet_usage_leasing::BenchmarkHelper<AccountId> for RegisteredVehicles {
	fn create_vehicle(owner: &AccountId, km: v2x_primitives::Km) -> VehicleId {
		let device = AccountId::new([0xde; 32]);
		let id = pallet_vehicle_identity::NextVehicleId::<Runtime>::get();
		// One device per vehicle: the device of the previous benchmark vehicle leaves first.
		if let Some(bound) = VehicleIdentity::vehicle_of_device(&device) {
			VehicleIdentity::leave_vehicle(RuntimeOrigin::signed(device.clone()), bound).unwrap();
		}
		let registered = Self::register_with_device(owner, &device);
		debug_assert_eq!(registered, id);
		Self::drive_to(id, km);
		id
	}

	fn approve_lender(who: &AccountId) {
		if !<VehicleIdentity as v2x_primitives::VehicleControl<_, _, _>>::is_lender(who) {
			VehicleIdentity::approve_lender(RuntimeOrigin::root(), who.clone()).unwrap();
		}
		Balances::set_balance(who, 1_000_000 * UNIT);
	}

	fn drive_to(vehicle: VehicleId, km: v2x_primitives::Km) {
		<crate::ServiceBook as v2x_primitives::OdometerLog>::record_reading(
			vehicle,
			km,
			v2x_primitives::OdometerSource::Device,
		)
		.unwrap();
	}
}

impl pallet_freight::BenchmarkHelper<AccountId, Signature> for RegisteredVehicles {
	fn create_vehicle(owner: &AccountId, device: &AccountId) -> VehicleId {
		// A device binds to one vehicle: it leaves the previous benchmark vehicle first.
		if let Some(bound) = VehicleIdentity::vehicle_of_device(device) {
			VehicleIdentity::leave_vehicle(RuntimeOrigin::signed(device.clone()), bound).unwrap();
		}
		Self::register_with_device(owner, device)
	}

	fn sensor() -> AccountId {
		MultiSigner::from(sensor_key()).into_account()
	}

	fn sign_as_sensor(payload: &[u8]) -> Signature {
		let signature = sp_io::crypto::sr25519_sign(SENSOR_KEY_TYPE, &sensor_key(), payload)
			.expect("the benchmark's keystore holds the sensor key it generated");
		MultiSignature::Sr25519(signature)
	}
}

impl pallet_software_updates::BenchmarkHelper<AccountId, Signature> for RegisteredVehicles {
	fn manufacturer() -> AccountId {
		Self::registered_manufacturer()
	}

	fn create_vehicle(owner: &AccountId, device: &AccountId) -> VehicleId {
		// A device binds to one vehicle: it leaves the previous benchmark vehicle first.
		if let Some(bound) = VehicleIdentity::vehicle_of_device(device) {
			VehicleIdentity::leave_vehicle(RuntimeOrigin::signed(device.clone()), bound).unwrap();
		}
		Self::register_with_device(owner, device)
	}

	fn key(index: u32) -> AccountId {
		MultiSigner::from(ota_key(index)).into_account()
	}

	fn sign(index: u32, payload: &[u8]) -> Signature {
		let signature = sp_io::crypto::sr25519_sign(OTA_KEY_TYPE, &ota_key(index), payload)
			.expect("the benchmark's keystore holds the repository key it generated");
		MultiSignature::Sr25519(signature)
	}
}

/// The key type of the benchmark repository's offline keys in the benchmark's keystore.
const OTA_KEY_TYPE: KeyTypeId = KeyTypeId(*b"otak");

/// The benchmark repository's offline sr25519 key number `index`: always the same, from a
/// fixed seed (`//Ota0`, `//Ota1`, ...).
fn ota_key(index: u32) -> sr25519::Public {
	let seed = alloc::format!("//Ota{index}");
	sp_io::crypto::sr25519_generate(OTA_KEY_TYPE, Some(seed.into_bytes()))
}

/// The key type of the benchmark freight sensor's key in the benchmark's keystore.
const SENSOR_KEY_TYPE: KeyTypeId = KeyTypeId(*b"sens");

/// The benchmark freight sensor's sr25519 key: always the same, from a fixed seed.
fn sensor_key() -> sr25519::Public {
	sp_io::crypto::sr25519_generate(SENSOR_KEY_TYPE, Some(b"//Sensor".to_vec()))
}

/// The key type of the benchmark gantry's key in the benchmark's keystore.
const GANTRY_KEY_TYPE: KeyTypeId = KeyTypeId(*b"gant");

/// The benchmark gantry's sr25519 key: always the same, from a fixed seed.
fn gantry_key() -> sr25519::Public {
	sp_io::crypto::sr25519_generate(GANTRY_KEY_TYPE, Some(b"//Gantry".to_vec()))
}

/// Registers session keys for an account, as a validator's operator does with
/// `session.setKeys`: keys generated in the benchmark's keystore, with their ownership proof.
pub struct RegisteredSessionKeys;

impl pallet_validator_set::BenchmarkHelper<AccountId> for RegisteredSessionKeys {
	fn register_session_keys(who: &AccountId) {
		let generated = SessionKeys::generate(&who.encode(), None);
		// The key deposit is held and the account must stay alive beside it.
		Balances::set_balance(who, 10 * UNIT);
		Session::set_keys(
			RuntimeOrigin::signed(who.clone()),
			generated.keys,
			generated.proof.encode(),
		)
		.unwrap();
	}
}
