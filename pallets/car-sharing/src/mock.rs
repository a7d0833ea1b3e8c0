//! A small runtime for car sharing's tests and benchmarks.

use polkadot_sdk::{
	frame_support::{
		assert_ok, derive_impl, parameter_types,
		traits::{fungible::Mutate, tokens::Preservation, ConstU32, ConstU64},
		PalletId,
	},
	sp_io::TestExternalities,
	sp_runtime::{BuildStorage, DispatchResult, Perbill},
	*,
};
use v2x_primitives::{
	testing::{MockOffer, MockVehicles, RecordingOdometer},
	OnOwnershipTransferred, VehicleId,
};

use crate::{self as pallet_car_sharing, CoopId, CoopRules, NextCoopId, Pricing, Rate, Shares};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		CarSharing: pallet_car_sharing,
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

// With `u64` accounts, `into_sub_account_truncating` keeps only "modl" and half the pallet id:
// every co-op of this runtime has the same account. Tests use one co-op each.
parameter_types! {
	pub const CarSharingPalletId: PalletId = PalletId(*b"v2x/shar");
}

impl crate::Config for Test {
	#[allow(deprecated)]
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Vehicles = MockVehicles;
	type Odometer = RecordingOdometer;
	type PalletId = CarSharingPalletId;
	type CoopDeposit = ConstU64<COOP_DEPOSIT>;
	type MinEndowment = ConstU64<ENDOWMENT>;
	type MaxNameLength = ConstU32<16>;
	type MaxMembers = ConstU32<MAX_MEMBERS>;
	type MaxVehiclesPerCoop = ConstU32<MAX_VEHICLES>;
	type MaxBookingsPerVehicle = ConstU32<MAX_BOOKINGS>;
	type MaxOpenProposals = ConstU32<MAX_PROPOSALS>;
	type BlocksPerHour = ConstU64<BLOCKS_PER_HOUR>;
	type MaxBookingDuration = ConstU64<MAX_BOOKING_DURATION>;
	type MaxBookAhead = ConstU64<MAX_BOOK_AHEAD>;
	type ClaimWindow = ConstU64<CLAIM_WINDOW>;
	type DisputeWindow = ConstU64<DISPUTE_WINDOW>;
	type VotingPeriod = ConstU64<VOTING_PERIOD>;
	type SaleOfferDuration = ConstU64<SALE_OFFER_DURATION>;
	type ExitWindow = ConstU64<EXIT_WINDOW>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

pub const COOP_DEPOSIT: u64 = 100;
pub const ENDOWMENT: u64 = 50;
pub const MAX_MEMBERS: u32 = 4;
pub const MAX_VEHICLES: u32 = 2;
pub const MAX_BOOKINGS: u32 = 3;
pub const MAX_PROPOSALS: u32 = 2;
pub const BLOCKS_PER_HOUR: u64 = 10;
pub const MAX_BOOKING_DURATION: u64 = 100;
pub const MAX_BOOK_AHEAD: u64 = 1_000;
pub const CLAIM_WINDOW: u64 = 20;
pub const DISPUTE_WINDOW: u64 = 10;
pub const VOTING_PERIOD: u64 = 10;
pub const SALE_OFFER_DURATION: u64 = 10;
pub const EXIT_WINDOW: u64 = 20;

/// Every account starts with this balance.
pub const BALANCE: u64 = 10_000;

/// Founder of the usual co-op, with 50 of its 100 shares.
pub const ALICE: u64 = 1;
/// Member with 30 shares.
pub const BOB: u64 = 2;
/// Member with 20 shares.
pub const CAROL: u64 = 3;
/// The usual co-op's fleet manager (not a member).
pub const MANAGER: u64 = 4;
/// The usual co-op's assessor (not a member).
pub const ASSESSOR: u64 = 5;
/// A renter who is not a member.
pub const RENTER: u64 = 6;
/// The device bound to `VEHICLE`.
pub const DEVICE: u64 = 7;
/// A second device, for replacements.
pub const OTHER_DEVICE: u64 = 8;
/// Owns `VEHICLE` and `OTHER_VEHICLE` before giving them to the co-op.
pub const OWNER: u64 = 9;
/// Buys a co-op's vehicle.
pub const BUYER: u64 = 10;
pub const DAVE: u64 = 11;
pub const MANUFACTURER: u64 = 20;
pub const STRANGER: u64 = 99;
/// An account with no funds.
pub const PAUPER: u64 = 98;

/// A vehicle `OWNER` gives to the co-op (`DEVICE` bound).
pub const VEHICLE: VehicleId = 0;
/// A second vehicle of `OWNER`, no device.
pub const OTHER_VEHICLE: VehicleId = 1;
/// A third vehicle of `OWNER`, no device.
pub const THIRD_VEHICLE: VehicleId = 2;
/// An id no vehicle has.
pub const UNKNOWN_VEHICLE: VehicleId = 404;

/// The usual co-op's shares.
pub const ALICE_SHARES: Shares = 50;
pub const BOB_SHARES: Shares = 30;
pub const CAROL_SHARES: Shares = 20;
pub const SUPPLY: Shares = 100;

/// Quorum 50 %, supermajority two thirds, 20 % reserve, free cancellation 50 blocks ahead,
/// late fee 10 %.
pub fn rules() -> CoopRules<u64> {
	CoopRules {
		quorum: Perbill::from_percent(50),
		supermajority: Perbill::from_rational(2u32, 3u32),
		reserve: Perbill::from_percent(20),
		free_cancellation: 50,
		late_cancellation_fee: Perbill::from_percent(10),
	}
}

/// Members 10 an hour and 1 a km, renters 20 and 2; deposit 500.
pub fn pricing() -> Pricing<u64> {
	Pricing {
		member: Rate { per_hour: 10, per_km: 1 },
		renter: Rate { per_hour: 20, per_km: 2 },
		damage_deposit: 500,
	}
}

/// Builds a test chain: accounts funded, `OWNER`'s vehicles in the mock registry, and the
/// pallet's genesis.
#[derive(Default)]
pub struct ExtBuilder {
	genesis: crate::GenesisConfig<Test>,
	genesis_balances: Vec<(u64, u64)>,
}

impl ExtBuilder {
	/// Adds a genesis co-op (as the dev preset does): `VEHICLE` belongs to its account, which
	/// starts with `ENDOWMENT`.
	pub fn with_genesis_coop(mut self) -> Self {
		self.genesis.coops.push(crate::GenesisCoop {
			name: b"Genesis".to_vec(),
			rules: rules(),
			pricing: pricing(),
			founders: vec![(ALICE, ALICE_SHARES), (BOB, BOB_SHARES), (CAROL, CAROL_SHARES)],
			fleet_manager: MANAGER,
			assessor: ASSESSOR,
			vehicles: vec![VEHICLE],
		});
		self.genesis_balances.push((CarSharing::coop_account(0), ENDOWMENT));
		self
	}

	/// Adds `vehicle` to the genesis co-op's vehicles (without handing it to the co-op).
	pub fn with_genesis_vehicle(mut self, vehicle: VehicleId) -> Self {
		if let Some(coop) = self.genesis.coops.last_mut() {
			coop.vehicles.push(vehicle);
		}
		self
	}

	pub fn build(self) -> TestExternalities {
		MockVehicles::use_clock(System::block_number);
		MockVehicles::use_payment(pay);
		MockVehicles::use_sale_hook(sale_hook);
		MockVehicles::add(VEHICLE, OWNER, MANUFACTURER);
		MockVehicles::update(VEHICLE, |v| v.devices.push(DEVICE));
		MockVehicles::add(OTHER_VEHICLE, OWNER, MANUFACTURER);
		MockVehicles::add(THIRD_VEHICLE, OWNER, MANUFACTURER);
		if !self.genesis.coops.is_empty() {
			MockVehicles::update(VEHICLE, |v| v.owner = CarSharing::coop_account(0));
		}
		let mut balances: Vec<(u64, u64)> = [
			ALICE,
			BOB,
			CAROL,
			MANAGER,
			ASSESSOR,
			RENTER,
			DEVICE,
			OTHER_DEVICE,
			OWNER,
			BUYER,
			DAVE,
		]
		.into_iter()
		.chain([MANUFACTURER, STRANGER])
		.map(|who| (who, BALANCE))
		.collect();
		balances.extend(self.genesis_balances);
		let storage = RuntimeGenesisConfig {
			system: Default::default(),
			balances: pallet_balances::GenesisConfig { balances, ..Default::default() },
			car_sharing: self.genesis,
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
			CarSharing::do_try_state().expect("invariants hold");
		});
	}
}

/// Pays a sale price as the identity pallet does.
fn pay(from: &u64, to: &u64, amount: u64) -> DispatchResult {
	<Balances as Mutate<u64>>::transfer(from, to, amount, Preservation::Expendable).map(|_| ())
}

/// Tells the pallet about a sale, as the identity pallet's ownership hooks do.
fn sale_hook(vehicle: VehicleId, seller: &u64, buyer: &u64) {
	<CarSharing as OnOwnershipTransferred<u64>>::on_ownership_transferred(vehicle, seller, buyer);
}

/// Moves the chain to block `n`.
pub fn run_to_block(n: u64) {
	System::set_block_number(n);
}

/// `ALICE` creates the usual co-op (ALICE 50, BOB 30, CAROL 20 shares; `MANAGER`,
/// `ASSESSOR`); returns its id.
pub fn create_coop() -> CoopId {
	let founders = vec![(ALICE, ALICE_SHARES), (BOB, BOB_SHARES), (CAROL, CAROL_SHARES)];
	assert_ok!(CarSharing::create_coop(
		RuntimeOrigin::signed(ALICE),
		b"Neighbours".to_vec().try_into().unwrap(),
		rules(),
		pricing(),
		founders.try_into().unwrap(),
		MANAGER,
		ASSESSOR,
	));
	NextCoopId::<Test>::get() - 1
}

/// `OWNER` gives `vehicle` to `coop`, and its fleet manager adds it.
pub fn add_fleet_vehicle(coop: CoopId, vehicle: VehicleId) {
	let offer = MockOffer {
		seller: OWNER,
		buyer: CarSharing::coop_account(coop),
		price: None,
		expires_at: u64::MAX,
	};
	MockVehicles::add_offer(vehicle, offer);
	assert_ok!(CarSharing::add_vehicle(RuntimeOrigin::signed(MANAGER), coop, vehicle));
}

/// The usual co-op with `VEHICLE` in its fleet.
pub fn coop_with_vehicle() -> CoopId {
	let coop = create_coop();
	add_fleet_vehicle(coop, VEHICLE);
	coop
}

/// An empty chain, for the benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_test_ext() -> TestExternalities {
	ExtBuilder::default().build()
}

#[cfg(feature = "runtime-benchmarks")]
thread_local! {
	static NEXT_BENCHMARK_VEHICLE: core::cell::Cell<VehicleId> = const { core::cell::Cell::new(1_000) };
}

/// Creates benchmark vehicles in the mock registry.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64> for MockBenchmarkHelper {
	fn create_vehicle(owner: &u64, device: &u64) -> VehicleId {
		let vehicle = NEXT_BENCHMARK_VEHICLE.with(|next| next.replace(next.get() + 1));
		MockVehicles::add(vehicle, *owner, MANUFACTURER);
		MockVehicles::update(vehicle, |v| v.devices.push(*device));
		vehicle
	}
}
