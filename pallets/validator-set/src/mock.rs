//! A small runtime for the validator set's tests and benchmarks: the session pallet takes
//! its validators from this pallet, with sessions of `PERIOD` blocks.

use polkadot_sdk::{
	frame_support::{
		derive_impl, ord_parameter_types,
		traits::{fungible::Mutate, ConstU32, ConstU64, Hooks},
	},
	frame_system::{EnsureRoot, EnsureSignedBy},
	pallet_session::{self, PeriodicSessions, TestSessionHandler},
	sp_io::TestExternalities,
	sp_runtime::{testing::UintAuthorityId, traits::ConvertInto, BuildStorage},
	*,
};

use crate as pallet_validator_set;

type Block = frame_system::mocking::MockBlock<Test>;

// The validator set comes before the session pallet: its genesis must exist when the
// session pallet's genesis asks it for the first sessions' validators.
frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		ValidatorSet: pallet_validator_set,
		Session: pallet_session,
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

/// Blocks per session: sessions rotate at blocks 5, 10, 15, ...
pub const PERIOD: u64 = 5;
/// The fewest validators.
pub const MIN: u32 = 2;
/// The most validators.
pub const MAX: u32 = 5;
/// The genesis validators.
pub const GENESIS: [u64; 3] = [1, 2, 3];

ord_parameter_types! {
	/// Stands in for the council's motion: the runtime's `AddRemoveOrigin` is a council
	/// majority or root.
	pub const Council: u64 = 100;
}

impl pallet_session::Config for Test {
	#[allow(deprecated)]
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = u64;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = PeriodicSessions<ConstU64<PERIOD>, ConstU64<0>>;
	type NextSessionRotation = PeriodicSessions<ConstU64<PERIOD>, ConstU64<0>>;
	type SessionManager = ValidatorSet;
	type SessionHandler = TestSessionHandler;
	type Keys = UintAuthorityId;
	type DisablingStrategy = ();
	type WeightInfo = ();
	type Currency = Balances;
	type KeyDeposit = ConstU64<10>;
}

impl crate::Config for Test {
	#[allow(deprecated)]
	type RuntimeEvent = RuntimeEvent;
	type AddRemoveOrigin =
		frame_support::traits::EitherOfDiverse<EnsureRoot<u64>, EnsureSignedBy<Council, u64>>;
	type ValidatorRegistration = Session;
	type MinValidators = ConstU32<MIN>;
	type MaxValidators = ConstU32<MAX>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockSessionKeys;
}

/// Registers session keys in the mock's session pallet.
pub struct MockSessionKeys;

impl MockSessionKeys {
	/// `who` funds the key deposit and sets `UintAuthorityId(who)` as its keys.
	pub fn register(who: u64) {
		Balances::set_balance(&who, 1_000);
		Session::set_keys(RuntimeOrigin::signed(who), UintAuthorityId(who), vec![])
			.expect("keys register");
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64> for MockSessionKeys {
	fn register_session_keys(who: &u64) {
		Self::register(*who);
	}
}

/// Builds the mock chain's genesis.
pub struct ExtBuilder {
	validators: Vec<u64>,
	session_keys: Vec<u64>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self { validators: GENESIS.to_vec(), session_keys: GENESIS.to_vec() }
	}
}

impl ExtBuilder {
	/// Starts with `validators` (keys registered for each) instead of [`GENESIS`].
	pub fn validators(validators: &[u64]) -> Self {
		Self { validators: validators.to_vec(), session_keys: validators.to_vec() }
	}

	/// This pallet's genesis is empty (dormant); the session pallet's genesis keys of
	/// [`GENESIS`] decide the first validators.
	pub fn dormant() -> Self {
		Self { validators: vec![], session_keys: GENESIS.to_vec() }
	}

	pub fn build(self) -> TestExternalities {
		let storage = RuntimeGenesisConfig {
			system: Default::default(),
			balances: pallet_balances::GenesisConfig {
				balances: (1..=10).chain([Council::get()]).map(|who| (who, 1_000)).collect(),
				..Default::default()
			},
			validator_set: pallet_validator_set::GenesisConfig {
				initial_validators: self.validators.clone(),
			},
			session: pallet_session::GenesisConfig {
				keys: self.session_keys.iter().map(|&v| (v, v, UintAuthorityId(v))).collect(),
				..Default::default()
			},
		}
		.build_storage()
		.expect("genesis builds");
		let mut ext = TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Runs `test` and then checks the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			ValidatorSet::do_try_state().expect("invariants hold");
		});
	}
}

pub fn new_test_ext() -> TestExternalities {
	ExtBuilder::default().build()
}

/// Runs the chain's `on_initialize` up to block `n`: sessions rotate every [`PERIOD`] blocks.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Session::on_initialize(next);
	}
}

/// Runs to the first block of the next session.
pub fn next_session() {
	let now = System::block_number();
	run_to_block((now / PERIOD + 1) * PERIOD);
}
