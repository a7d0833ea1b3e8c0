//! A small runtime for freight's tests and benchmarks.

use core::time::Duration;
use std::cell::Cell;

use polkadot_sdk::{
	frame_support::{
		assert_ok, derive_impl,
		traits::{ConstU32, ConstU64, UnixTime},
	},
	frame_system::EnsureRoot,
	sp_core::H256,
	sp_io::TestExternalities,
	sp_runtime::{
		testing::{TestSignature, UintAuthorityId},
		BuildStorage,
	},
	*,
};
use v2x_primitives::{testing::MockVehicles, VehicleId};

use crate::{self as pallet_freight, ConditionSpec, Leg, LegsOf, Location, ShipmentId, UnitKind};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Freight: pallet_freight,
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

/// Monday 2024-01-01, the mock chain's first day.
pub const GENESIS_DAY: u32 = 19_723;
/// Seconds per day.
pub const DAY_SECS: u64 = 86_400;

thread_local! {
	static DAY: Cell<u32> = const { Cell::new(GENESIS_DAY) };
}

/// Wall-clock time: noon of the day `set_day` set (`GENESIS_DAY` at first).
pub struct MockTime;

impl UnixTime for MockTime {
	fn now() -> Duration {
		let day = DAY.with(|d| d.get());
		Duration::from_secs(u64::from(day) * DAY_SECS + DAY_SECS / 2)
	}
}

/// Wall-clock time moves to day `day` (the block number does not).
pub fn set_day(day: u32) {
	DAY.with(|d| d.set(day));
}

/// Today's day on the mock chain.
#[allow(dead_code)] // the sensor tests'
pub fn today() -> u32 {
	Freight::today()
}

pub const MAX_LEGS: u32 = 4;
pub const MAX_CHILDREN: u32 = 3;
pub const MAX_EVENTS: u32 = 16;
pub const MAX_SENSORS: u32 = 2;
pub const MAX_CONDITION_DAYS: u32 = 4;
pub const MAX_EXCURSIONS: u32 = 2;
pub const MAX_SHIPMENTS_PER_VEHICLE: u32 = 2;
/// Blocks.
pub const MAX_HANDOFF_DURATION: u64 = 20;
pub const MIN_CLAIM_WINDOW: u64 = 5;
pub const MAX_CLAIM_WINDOW: u64 = 100;
pub const RETENTION_PERIOD: u64 = 50;
pub const SHIPMENT_DEPOSIT: u64 = 10;

impl crate::Config for Test {
	#[allow(deprecated)]
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Vehicles = MockVehicles;
	type GovernanceOrigin = EnsureRoot<u64>;
	type UnixTime = MockTime;
	type SensorSignature = TestSignature;
	type SensorPublic = UintAuthorityId;
	type MaxLegs = ConstU32<MAX_LEGS>;
	type MaxChildren = ConstU32<MAX_CHILDREN>;
	type MaxEvents = ConstU32<MAX_EVENTS>;
	type MaxSensors = ConstU32<MAX_SENSORS>;
	type MaxConditionDays = ConstU32<MAX_CONDITION_DAYS>;
	type MaxExcursions = ConstU32<MAX_EXCURSIONS>;
	type MaxShipmentsPerVehicle = ConstU32<MAX_SHIPMENTS_PER_VEHICLE>;
	type MaxHandoffDuration = ConstU64<MAX_HANDOFF_DURATION>;
	type MinClaimWindow = ConstU64<MIN_CLAIM_WINDOW>;
	type MaxClaimWindow = ConstU64<MAX_CLAIM_WINDOW>;
	type RetentionPeriod = ConstU64<RETENTION_PERIOD>;
	type ShipmentDeposit = ConstU64<SHIPMENT_DEPOSIT>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

/// Every funded account starts with this balance.
pub const BALANCE: u64 = 100_000;
/// The escrow the tests' shipments hold.
pub const ESCROW: u64 = 1_000;
/// The claim window of `create_default_shipment`, in blocks.
pub const CLAIM_WINDOW: u64 = 10;

/// Creates shipments and pays the escrow.
pub const SHIPPER: u64 = 1;
/// The contracting carrier: runs leg 0, owns `TRUCK` and `TRAILER`.
pub const CARRIER: u64 = 2;
/// Runs leg 1; owns `SUB_TRUCK`.
pub const SUBCARRIER: u64 = 3;
/// Receives the goods.
pub const CONSIGNEE: u64 = 4;
/// No role.
pub const STRANGER: u64 = 5;
/// A temperature logger: signs with `UintAuthorityId(SENSOR)`.
pub const SENSOR: u64 = 6;
/// The reefer trailer's logger, bound to `TRAILER`.
pub const TRAILER_DEVICE: u64 = 7;
/// Registered the vehicles.
pub const MANUFACTURER: u64 = 20;

/// `CARRIER`'s truck.
pub const TRUCK: VehicleId = 1;
/// `CARRIER`'s reefer trailer, `TRAILER_DEVICE` bound.
pub const TRAILER: VehicleId = 2;
/// `SUBCARRIER`'s truck.
pub const SUB_TRUCK: VehicleId = 3;
/// An id no vehicle has.
pub const UNKNOWN_VEHICLE: VehicleId = 404;

/// The shipper's warehouse (GLN).
pub const WAREHOUSE: Location = *b"4000001000005";
/// The cross-dock between the legs.
pub const HUB: Location = *b"4000001000012";
/// The consignee's store.
pub const STORE: Location = *b"4000001000029";

/// The document hash of `create_default_shipment`.
pub fn document() -> H256 {
	H256::repeat_byte(0xD0)
}

/// 2-8 °C.
pub fn chilled() -> ConditionSpec {
	ConditionSpec { min: 20, max: 80 }
}

/// `CARRIER` from the warehouse to the hub, `SUBCARRIER` from the hub to the store.
pub fn two_legs() -> LegsOf<Test> {
	vec![
		Leg { carrier: CARRIER, from: WAREHOUSE, to: HUB },
		Leg { carrier: SUBCARRIER, from: HUB, to: STORE },
	]
	.try_into()
	.expect("within MaxLegs")
}

/// Builds a test chain: accounts funded, the vehicles in the mock registry, the clock on
/// `GENESIS_DAY`, and the pallet's genesis.
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
		set_day(GENESIS_DAY);
		MockVehicles::use_clock(System::block_number);
		MockVehicles::add(TRUCK, CARRIER, MANUFACTURER);
		MockVehicles::add(TRAILER, CARRIER, MANUFACTURER);
		MockVehicles::update(TRAILER, |v| v.devices.push(TRAILER_DEVICE));
		MockVehicles::add(SUB_TRUCK, SUBCARRIER, MANUFACTURER);
		let balances = [SHIPPER, CARRIER, SUBCARRIER, CONSIGNEE, STRANGER, SENSOR, TRAILER_DEVICE]
			.into_iter()
			.map(|who| (who, BALANCE))
			.collect();
		let storage = RuntimeGenesisConfig {
			system: Default::default(),
			balances: pallet_balances::GenesisConfig { balances, ..Default::default() },
			freight: self.genesis,
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
			Freight::do_try_state().expect("invariants hold");
		});
	}
}

/// Moves the chain to block `n`.
pub fn run_to_block(n: u64) {
	System::set_block_number(n);
}

/// `device`'s signature consenting to its registration to shipment `id`.
#[allow(dead_code)] // the sensor tests' and the benchmarks'
pub fn sensor_signature(device: u64, id: ShipmentId) -> TestSignature {
	TestSignature(device, Freight::sensor_payload(id))
}

/// `SHIPPER` ships a chilled pallet to `CONSIGNEE` with `CARRIER` over `two_legs`, escrow
/// `ESCROW`, claim window `CLAIM_WINDOW`; returns its id.
pub fn create_default_shipment() -> ShipmentId {
	create_shipment_of(UnitKind::Pallet)
}

/// As `create_default_shipment`, of `kind`.
pub fn create_shipment_of(kind: UnitKind) -> ShipmentId {
	let id = crate::NextShipmentId::<Test>::get();
	assert_ok!(Freight::create_shipment(
		RuntimeOrigin::signed(SHIPPER),
		kind,
		CONSIGNEE,
		CARRIER,
		two_legs(),
		Some(chilled()),
		ESCROW,
		document(),
		CLAIM_WINDOW,
	));
	id
}

/// The pallet's events emitted so far.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Freight(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// An empty chain, for the benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_test_ext() -> TestExternalities {
	ExtBuilder::default().build()
}

#[cfg(feature = "runtime-benchmarks")]
thread_local! {
	static NEXT_BENCHMARK_VEHICLE: Cell<VehicleId> = const { Cell::new(1_000) };
}

/// Creates benchmark vehicles in the mock registry and signs as `SENSOR`.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64, TestSignature> for MockBenchmarkHelper {
	fn create_vehicle(owner: &u64, device: &u64) -> VehicleId {
		let vehicle = NEXT_BENCHMARK_VEHICLE.with(|next| next.replace(next.get() + 1));
		// A device binds to one vehicle, as in the identity pallet: it leaves the earlier
		// benchmarks' vehicles (the registry outlives each benchmark's storage).
		for earlier in 1_000..vehicle {
			MockVehicles::update(earlier, |v| v.devices.retain(|d| d != device));
		}
		MockVehicles::add(vehicle, *owner, MANUFACTURER);
		MockVehicles::update(vehicle, |v| v.devices.push(*device));
		vehicle
	}

	fn sensor() -> u64 {
		SENSOR
	}

	fn sign_as_sensor(payload: &[u8]) -> TestSignature {
		TestSignature(SENSOR, payload.to_vec())
	}
}
