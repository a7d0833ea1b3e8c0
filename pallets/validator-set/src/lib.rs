//! # Validator set
//!
//! The accounts that author blocks (Aura) and vote on finality (GRANDPA), changed by governance
//! (a council motion in the runtime) without staking and without a hard fork.
//!
//! - **Governance** (`AddRemoveOrigin`) adds a validator (`add_validator`) or removes one
//!   (`remove_validator`). The set has no duplicates, at most `MaxValidators` members and,
//!   once it has reached `MinValidators`, never fewer; only accounts that registered session
//!   keys (`session.setKeys`) may join. Below the minimum (an empty genesis) it is dormant.
//! - The pallet is `pallet_session`'s [`SessionManager`](pallet_session::SessionManager): when
//!   the set changed since the last session was planned, the next rotation plans a session
//!   with the new set. `pallet_session` queues a planned set for one session before enacting
//!   it, so a change made during session `n` is queued at the start of session `n + 1` and
//!   validates from session `n + 2` on (with `Period = 1 hour`: within one to two hours).
//!
//! The runtime maps accounts to validator ids one to one (`pallet_session::Config::ValidatorId
//! = AccountId`, `ValidatorIdOf = ConvertInto`); see the README for the whole wiring.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
// Natively always, so the runtime's tests check the invariants too; in the Wasm with
// `try-runtime` only.
#[cfg(any(feature = "try-runtime", feature = "std"))]
mod try_state;
pub mod weights;

pub use pallet::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
use polkadot_sdk::{frame_support::traits::Get, pallet_session};

/// Sets up what the benchmarks need in the runtime's session pallet.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Registers session keys for `who`, so that it may be added as a validator (in the
	/// runtime: generate keys with their ownership proof, fund the key deposit, and call
	/// `Session::set_keys` as `who`).
	fn register_session_keys(who: &AccountId);
}

#[polkadot_sdk::frame_support::pallet]
pub mod pallet {
	use super::*;
	use polkadot_sdk::{
		frame_support::{
			pallet_prelude::*,
			traits::{BuildGenesisConfig, ValidatorRegistration},
			DefaultNoBound,
		},
		frame_system::pallet_prelude::*,
	};

	/// 1: the first version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>>
			+ IsType<<Self as polkadot_sdk::frame_system::Config>::RuntimeEvent>;

		/// Adds and removes validators: the council's motion in the runtime (root too).
		type AddRemoveOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Tells whether an account has registered session keys (the session pallet in the
		/// runtime); only such accounts may be added.
		type ValidatorRegistration: ValidatorRegistration<Self::AccountId>;

		/// The fewest validators the set may have; a removal that would go below fails.
		#[pallet::constant]
		type MinValidators: Get<u32>;

		/// The most validators the set may have.
		#[pallet::constant]
		type MaxValidators: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Registers session keys in the runtime for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The validator set the next planned session will use, in the order added.
	#[pallet::storage]
	pub type Validators<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

	/// Whether `Validators` changed since the session pallet last planned a session; the next
	/// rotation then plans one with the new set.
	#[pallet::storage]
	pub type SetChanged<T> = StorageValue<_, bool, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The validators of the first sessions, at least `MinValidators` of them (or none:
		/// the pallet is then dormant and the session pallet's genesis keys decide). They need
		/// session keys in the session pallet's genesis (`session.keys`), and this pallet must
		/// come before the session pallet in `construct_runtime!` so that the set exists when
		/// the session pallet's genesis asks for it.
		pub initial_validators: Vec<T::AccountId>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let mut set = BoundedVec::<T::AccountId, T::MaxValidators>::new();
			for who in &self.initial_validators {
				assert!(!set.contains(who), "duplicate genesis validator");
				set.try_push(who.clone())
					.unwrap_or_else(|_| panic!("more genesis validators than MaxValidators"));
			}
			// Empty leaves the pallet dormant (see `new_session`): the default genesis of
			// `construct_runtime!`'s own test, or a chain adopting the pallet later.
			assert!(
				set.is_empty() || set.len() as u32 >= T::MinValidators::get(),
				"fewer genesis validators than MinValidators"
			);
			Validators::<T>::put(set);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `who` was added; it validates from the session after the next one.
		ValidatorAdded { who: T::AccountId },
		/// `who` was removed; it stops validating from the session after the next one.
		ValidatorRemoved { who: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is a validator already.
		AlreadyValidator,
		/// The account is not a validator.
		NotValidator,
		/// The removal would leave fewer than `MinValidators` validators.
		TooFewValidators,
		/// The set has `MaxValidators` validators already.
		TooManyValidators,
		/// The account has not registered session keys (`session.setKeys`).
		NoSessionKeys,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MinValidators::get() >= 1, "a chain needs at least one validator");
			assert!(
				T::MinValidators::get() <= T::MaxValidators::get(),
				"MinValidators must not exceed MaxValidators"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(
			_n: BlockNumberFor<T>,
		) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Adds `who` to the validator set. `AddRemoveOrigin` only (the council's motion).
		///
		/// `who` must have registered session keys (`session.setKeys`). It is queued at the
		/// next session rotation and validates from the one after.
		///
		/// Emits `ValidatorAdded`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_validator())]
		pub fn add_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::AddRemoveOrigin::ensure_origin(origin)?;
			ensure!(T::ValidatorRegistration::is_registered(&who), Error::<T>::NoSessionKeys);
			Validators::<T>::try_mutate(|set| {
				ensure!(!set.contains(&who), Error::<T>::AlreadyValidator);
				set.try_push(who.clone()).map_err(|_| Error::<T>::TooManyValidators)
			})?;
			SetChanged::<T>::put(true);
			Self::deposit_event(Event::ValidatorAdded { who });
			Ok(())
		}

		/// Removes `who` from the validator set. `AddRemoveOrigin` only (the council's
		/// motion). The set never drops below `MinValidators`.
		///
		/// `who` is dropped from the set planned at the next session rotation and stops
		/// validating from the one after.
		///
		/// Emits `ValidatorRemoved`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_validator())]
		pub fn remove_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::AddRemoveOrigin::ensure_origin(origin)?;
			Validators::<T>::try_mutate(|set| {
				let position =
					set.iter().position(|v| v == &who).ok_or(Error::<T>::NotValidator)?;
				ensure!(set.len() as u32 > T::MinValidators::get(), Error::<T>::TooFewValidators);
				set.remove(position);
				Ok::<_, Error<T>>(())
			})?;
			SetChanged::<T>::put(true);
			Self::deposit_event(Event::ValidatorRemoved { who });
			Ok(())
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The validator set the next planned session will use.
	pub fn validators() -> Vec<T::AccountId> {
		Validators::<T>::get().into_inner()
	}

	/// Whether the set is too small to be handed to the session pallet.
	pub fn dormant() -> bool {
		(Validators::<T>::decode_len().unwrap_or(0) as u32) < T::MinValidators::get()
	}
}

/// Plans each session with the governed set. `pallet_session` calls `new_session(n)` at the
/// start of session `n - 1` and enacts the returned set at the start of session `n`.
///
/// While the set has fewer than `MinValidators` members the pallet is *dormant* and plans
/// nothing: that happens only after an empty genesis (or when the pallet joins a live chain by
/// a runtime upgrade), until governance has added `MinValidators` validators. The calls never
/// take a set below `MinValidators` once it has reached it.
impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
	/// The set, if it changed since the last planned session; `None` keeps the current one.
	fn new_session(_new_index: u32) -> Option<Vec<T::AccountId>> {
		if !SetChanged::<T>::get() || Self::dormant() {
			return None;
		}
		SetChanged::<T>::kill();
		Some(Self::validators())
	}

	/// At genesis the session pallet asks for sessions 0 and 1: the genesis set, or `None`
	/// (its own genesis keys) when the pallet is dormant.
	fn new_session_genesis(_new_index: u32) -> Option<Vec<T::AccountId>> {
		if Self::dormant() {
			return None;
		}
		SetChanged::<T>::kill();
		Some(Self::validators())
	}

	fn end_session(_end_index: u32) {}

	fn start_session(_start_index: u32) {}
}
