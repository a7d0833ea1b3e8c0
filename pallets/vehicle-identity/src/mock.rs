//! A test runtime: System, Balances and the identity pallet, with hooks that record what
//! they are told.

use crate as pallet_vehicle_identity;
use core::time::Duration;
use polkadot_sdk::{
	frame_support::{
		assert_ok, derive_impl, parameter_types,
		traits::{ConstU32, ConstU64, UnixTime},
	},
	frame_system::{self, EnsureRoot},
	pallet_balances, sp_io,
	sp_runtime::BuildStorage,
};
use v2x_primitives::{testing::RecordingHooks, VehicleId, Vin};

use crate::{Powertrain, VehicleRegistration};

type Block = frame_system::mocking::MockBlock<Test>;

polkadot_sdk::frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		VehicleIdentity: pallet_vehicle_identity,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

/// 2026-06-01: model years up to 2027 are valid.
pub struct FixedTime;
impl UnixTime for FixedTime {
	fn now() -> Duration {
		Duration::from_secs(1_780_272_000)
	}
}

pub const VEHICLE_DEPOSIT: u64 = 100;
pub const DELEGATE_DEPOSIT: u64 = 10;
pub const MAX_DEVICES: u32 = 3;
pub const MAX_OPERATORS: u32 = 3;
pub const MAX_OFFER_DURATION: u64 = 100;

parameter_types! {
	pub static EnforceCheckDigit: bool = true;
}

impl crate::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type GovernanceOrigin = EnsureRoot<u64>;
	type UnixTime = FixedTime;
	type EnforceCheckDigit = EnforceCheckDigit;
	type VehicleDeposit = ConstU64<VEHICLE_DEPOSIT>;
	type DelegateDeposit = ConstU64<DELEGATE_DEPOSIT>;
	type MaxNameLength = ConstU32<32>;
	type MaxWmisPerManufacturer = ConstU32<3>;
	type MaxUriLength = ConstU32<64>;
	type MaxDevicesPerVehicle = ConstU32<MAX_DEVICES>;
	type MaxOperatorsPerVehicle = ConstU32<MAX_OPERATORS>;
	type MaxOfferDuration = ConstU64<MAX_OFFER_DURATION>;
	type OnOwnershipTransferred = RecordingHooks;
	type OnVehicleStatusChanged = RecordingHooks;
	type WeightInfo = ();
}

/// Governance-registered manufacturer owning WMI `1HG`.
pub const HONDA: u64 = 1;
/// A second manufacturer owning WMI `JH4`.
pub const ACURA: u64 = 2;
/// A funded account the tests register as a European (and Chinese) manufacturer.
pub const VOLKSWAGEN: u64 = 3;
pub const ALICE: u64 = 10;
pub const BOB: u64 = 11;
pub const CHARLIE: u64 = 12;
pub const LENDER: u64 = 20;
pub const DEVICE: u64 = 30;
pub const DEVICE_2: u64 = 31;
pub const OPERATOR: u64 = 40;
pub const OPERATOR_2: u64 = 41;
pub const OPERATOR_3: u64 = 42;
/// An account with no funds.
pub const PAUPER: u64 = 99;

pub const STARTING_BALANCE: u64 = 10_000;

/// A valid VIN with WMI `1HG` (Honda Accord 2003).
pub fn honda_vin() -> Vin {
	Vin(*b"1HGCM82633A004352")
}

/// A valid VIN with WMI `JH4` (Acura Legend 1993).
pub fn acura_vin() -> Vin {
	Vin(*b"JH4KA7561PC008269")
}

/// A test externality builder.
#[derive(Default)]
pub struct ExtBuilder {
	with_manufacturers: bool,
	with_vehicle: bool,
}

impl ExtBuilder {
	/// Registers Honda (`1HG`) and Acura (`JH4`).
	pub fn with_manufacturers(mut self) -> Self {
		self.with_manufacturers = true;
		self
	}

	/// Registers Honda and vehicle 0 (Honda's VIN) owned by Alice.
	pub fn with_vehicle(mut self) -> Self {
		self.with_manufacturers = true;
		self.with_vehicle = true;
		self
	}

	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> {
			balances: [
				HONDA, VOLKSWAGEN, ACURA, ALICE, BOB, CHARLIE, LENDER, DEVICE, DEVICE_2, OPERATOR,
				OPERATOR_2, OPERATOR_3,
			]
			.into_iter()
			.map(|who| (who, STARTING_BALANCE))
			.collect(),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			if self.with_manufacturers {
				register_manufacturer(HONDA, b"1HG");
				register_manufacturer(ACURA, b"JH4");
			}
			if self.with_vehicle {
				register_honda_for(ALICE);
			}
		});
		ext
	}

	/// Runs `test`, then checks the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			VehicleIdentity::do_try_state().unwrap();
		});
	}
}

pub fn register_manufacturer(who: u64, wmi: &[u8; 3]) {
	assert_ok!(VehicleIdentity::register_manufacturer(
		RuntimeOrigin::root(),
		who,
		b"Maker".to_vec().try_into().unwrap(),
		vec![*wmi].try_into().unwrap(),
	));
}

/// What Honda declares for its test VIN, owned by `owner`.
pub fn honda_registration(owner: u64) -> VehicleRegistration<Test> {
	VehicleRegistration {
		vin: honda_vin(),
		owner,
		model_year: 2003,
		powertrain: Powertrain::Ice,
		battery_capacity: None,
		metadata_hash: [7; 32],
		metadata_uri: b"ipfs://accord".to_vec().try_into().unwrap(),
	}
}

/// Registers Honda's test VIN for `owner` and returns its id.
pub fn register_honda_for(owner: u64) -> VehicleId {
	let id = crate::NextVehicleId::<Test>::get();
	let r = honda_registration(owner);
	assert_ok!(VehicleIdentity::register_vehicle(
		RuntimeOrigin::signed(HONDA),
		r.vin,
		r.owner,
		r.model_year,
		r.powertrain,
		r.battery_capacity,
		r.metadata_hash,
		r.metadata_uri,
	));
	id
}

/// Registers Acura's test VIN for `owner` and returns its id (Acura must be registered).
pub fn register_acura_for(owner: u64) -> VehicleId {
	let id = crate::NextVehicleId::<Test>::get();
	assert_ok!(VehicleIdentity::register_vehicle(
		RuntimeOrigin::signed(ACURA),
		acura_vin(),
		owner,
		1993,
		Powertrain::Ice,
		None,
		[8; 32],
		Default::default(),
	));
	id
}

/// `owner` invites `device` to `vehicle` and the device accepts.
pub fn bind_device(owner: u64, vehicle: VehicleId, device: u64) {
	assert_ok!(VehicleIdentity::bind_device(RuntimeOrigin::signed(owner), vehicle, device));
	assert_ok!(VehicleIdentity::accept_device_binding(RuntimeOrigin::signed(device), vehicle));
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().build()
}
