//! A small runtime for the tests and benchmarks of software updates.

use polkadot_sdk::{
	frame_support::{
		derive_impl,
		traits::{ConstU32, ConstU64},
	},
	sp_io::TestExternalities,
	sp_runtime::{
		testing::{TestSignature, UintAuthorityId},
		BuildStorage,
	},
	*,
};
use v2x_primitives::{testing::MockVehicles, VehicleId};

use crate::{self as pallet_software_updates, RoleKeys, RootOf, SignaturesOf};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		SoftwareUpdates: pallet_software_updates,
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

pub const MAX_KEYS: u32 = 8;
pub const MAX_HARDWARE_IDS: u32 = 4;
pub const MAX_IMAGES: u32 = 8;
pub const MAX_DELEGATIONS: u32 = 3;
pub const MAX_REVOKED_KEYS: u32 = 4;
pub const MAX_CAMPAIGNS: u32 = 3;
pub const MAX_CAMPAIGN_TARGETS: u32 = 4;
pub const MAX_SELECTORS: u32 = 3;
pub const MAX_ECUS: u32 = 6;
pub const MAX_REPORTS: u32 = 4;
pub const REPOSITORY_DEPOSIT: u64 = 100;
pub const ROOT_VERSION_DEPOSIT: u64 = 5;
pub const IMAGE_DEPOSIT: u64 = 10;
pub const CAMPAIGN_DEPOSIT: u64 = 20;
pub const REPORT_DEPOSIT: u64 = 7;

impl crate::Config for Test {
	#[allow(deprecated)]
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Vehicles = MockVehicles;
	type KeySignature = TestSignature;
	type KeyPublic = UintAuthorityId;
	type MaxKeys = ConstU32<MAX_KEYS>;
	type MaxHardwareIds = ConstU32<MAX_HARDWARE_IDS>;
	type MaxImages = ConstU32<MAX_IMAGES>;
	type MaxDelegations = ConstU32<MAX_DELEGATIONS>;
	type MaxRevokedKeys = ConstU32<MAX_REVOKED_KEYS>;
	type MaxCampaigns = ConstU32<MAX_CAMPAIGNS>;
	type MaxCampaignTargets = ConstU32<MAX_CAMPAIGN_TARGETS>;
	type MaxSelectors = ConstU32<MAX_SELECTORS>;
	type MaxEcus = ConstU32<MAX_ECUS>;
	type MaxReports = ConstU32<MAX_REPORTS>;
	type RepositoryDeposit = ConstU64<REPOSITORY_DEPOSIT>;
	type RootVersionDeposit = ConstU64<ROOT_VERSION_DEPOSIT>;
	type ImageDeposit = ConstU64<IMAGE_DEPOSIT>;
	type CampaignDeposit = ConstU64<CAMPAIGN_DEPOSIT>;
	type ReportDeposit = ConstU64<REPORT_DEPOSIT>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

/// Every funded account starts with this balance.
pub const BALANCE: u64 = 100_000;

/// Builds vehicles 1..=3 and holds the repository's deposits.
pub const MAKER: u64 = 10;
/// Builds vehicle 4; has no repository.
pub const OTHER_MAKER: u64 = 11;
/// Submits a supplier's images.
pub const SUPPLIER: u64 = 20;
/// Submits what offline keys signed: any signed account.
pub const RELAY: u64 = 30;
/// Owns vehicles 1..=4.
pub const OWNER: u64 = 1;
/// Buys a vehicle in the sale tests.
pub const BUYER: u64 = 2;
/// The devices (primary ECUs) bound to vehicles 1, 2 and 3.
pub const DEVICE_1: u64 = 101;
pub const DEVICE_2: u64 = 102;
pub const DEVICE_3: u64 = 103;

/// `MAKER`'s vehicles, owned by `OWNER`, with `DEVICE_1..=3` bound.
pub const VEHICLE_1: VehicleId = 1;
pub const VEHICLE_2: VehicleId = 2;
pub const VEHICLE_3: VehicleId = 3;
/// `OTHER_MAKER`'s vehicle, owned by `OWNER`, no device.
pub const VEHICLE_4: VehicleId = 4;

/// Offline keys: a key `k` signs as `TestSignature(k, payload)`.
pub const ROOT_KEYS: [u64; 3] = [1001, 1002, 1003];
pub const TARGETS_KEYS: [u64; 2] = [1101, 1102];
pub const DIRECTOR_KEYS: [u64; 3] = [1201, 1202, 1203];
#[allow(dead_code)] // the delegation tests'
pub const SUPPLIER_KEYS: [u64; 2] = [1301, 1302];
#[allow(dead_code)] // the rotation tests'
pub const NEW_ROOT_KEYS: [u64; 3] = [1401, 1402, 1403];

/// The block `default_root` expires after.
pub const ROOT_EXPIRY: u64 = 100;

/// `keys` with `threshold`.
pub fn role(keys: &[u64], threshold: u32) -> RoleKeys<u64, ConstU32<MAX_KEYS>> {
	RoleKeys { keys: keys.to_vec().try_into().expect("within MaxKeys"), threshold }
}

/// Version 1 until `ROOT_EXPIRY`: root `ROOT_KEYS` 2 of 3, targets `TARGETS_KEYS` 2 of 2,
/// director `DIRECTOR_KEYS` 2 of 3.
pub fn default_root() -> RootOf<Test> {
	RootOf::<Test> {
		version: 1,
		expires_at: ROOT_EXPIRY,
		root: role(&ROOT_KEYS, 2),
		targets: role(&TARGETS_KEYS, 2),
		director: role(&DIRECTOR_KEYS, 2),
	}
}

/// `keys`' signatures on `payload`, in order.
pub fn signed(keys: &[u64], payload: &[u8]) -> SignaturesOf<Test> {
	keys.iter()
		.map(|key| (*key, TestSignature(*key, payload.to_vec())))
		.collect::<Vec<_>>()
		.try_into()
		.expect("within MaxKeys")
}

/// Builds a test chain: accounts funded, the vehicles in the mock registry, and the pallet's
/// genesis.
#[derive(Default)]
pub struct ExtBuilder {
	pub genesis: crate::GenesisConfig<Test>,
}

impl ExtBuilder {
	/// Uses `genesis` as the pallet's genesis config.
	#[allow(dead_code)] // the genesis tests'
	pub fn with_genesis(mut self, genesis: crate::GenesisConfig<Test>) -> Self {
		self.genesis = genesis;
		self
	}

	pub fn build(self) -> TestExternalities {
		MockVehicles::use_clock(System::block_number);
		for (vehicle, device) in
			[(VEHICLE_1, DEVICE_1), (VEHICLE_2, DEVICE_2), (VEHICLE_3, DEVICE_3)]
		{
			MockVehicles::add(vehicle, OWNER, MAKER);
			MockVehicles::update(vehicle, |v| v.devices.push(device));
		}
		MockVehicles::add(VEHICLE_4, OWNER, OTHER_MAKER);
		let balances =
			[MAKER, OTHER_MAKER, SUPPLIER, RELAY, OWNER, BUYER, DEVICE_1, DEVICE_2, DEVICE_3]
				.into_iter()
				.map(|who| (who, BALANCE))
				.collect();
		let storage = RuntimeGenesisConfig {
			system: Default::default(),
			balances: pallet_balances::GenesisConfig { balances, ..Default::default() },
			software_updates: self.genesis,
		}
		.build_storage()
		.unwrap();
		let mut ext = TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Runs `test`, then checks the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			SoftwareUpdates::do_try_state().expect("invariants hold");
		});
	}
}

/// Moves the chain to block `n`.
#[allow(dead_code)] // the expiry tests'
pub fn run_to_block(n: u64) {
	System::set_block_number(n);
}

/// The pallet's events emitted so far.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::SoftwareUpdates(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// An empty chain, for the benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_test_ext() -> TestExternalities {
	ExtBuilder::default().build()
}

/// The next vehicle id `MockBenchmarkHelper::create_vehicle` gives out: it keeps counting
/// across the benchmark runs of one thread, since the mock registry is not wiped with storage.
#[cfg(feature = "runtime-benchmarks")]
const FIRST_BENCHMARK_VEHICLE: VehicleId = 10_000;

#[cfg(feature = "runtime-benchmarks")]
thread_local! {
	static NEXT_BENCHMARK_VEHICLE: core::cell::Cell<VehicleId> =
		const { core::cell::Cell::new(FIRST_BENCHMARK_VEHICLE) };
}

/// `MAKER` is the benchmarks' manufacturer; it builds their vehicles; key `i` is account
/// `5_000 + i` and signs as `TestSignature`.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64, TestSignature> for MockBenchmarkHelper {
	fn manufacturer() -> u64 {
		MAKER
	}

	/// Unbinds `device` from the vehicles of earlier runs first: the benchmarks' accounts are
	/// the same in every run, and a device is bound to one vehicle at a time.
	fn create_vehicle(owner: &u64, device: &u64) -> VehicleId {
		let vehicle = NEXT_BENCHMARK_VEHICLE.with(|next| next.replace(next.get() + 1));
		for earlier in FIRST_BENCHMARK_VEHICLE..vehicle {
			MockVehicles::update(earlier, |v| v.devices.retain(|d| d != device));
		}
		MockVehicles::add(vehicle, *owner, MAKER);
		MockVehicles::update(vehicle, |v| v.devices.push(*device));
		vehicle
	}

	fn key(index: u32) -> u64 {
		5_000 + u64::from(index)
	}

	fn sign(index: u32, payload: &[u8]) -> TestSignature {
		TestSignature(Self::key(index), payload.to_vec())
	}
}
