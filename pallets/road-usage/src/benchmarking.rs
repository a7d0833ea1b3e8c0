//! Benchmarks of every call and hook, each in its worst case.

use super::*;
#[allow(unused_imports)]
use alloc::{vec, vec::Vec};
#[allow(unused_imports)]
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::traits::{
		fungible::{Inspect, Mutate},
		EnsureOrigin, Get,
	},
	frame_system::{pallet_prelude::BlockNumberFor, RawOrigin},
	sp_core::H256,
	sp_runtime::traits::{Saturating, Zero},
};
#[allow(unused_imports)]
use v2x_primitives::VehicleId;

#[allow(dead_code)]
fn assert_last_event<T: Config>(event: Event<T>) {
	let event: <T as Config>::RuntimeEvent = event.into();
	frame_system::Pallet::<T>::assert_last_event(event.into());
}

/// A unit of money in the benchmarks: 1 000 existential deposits.
#[allow(dead_code)]
fn unit<T: Config>() -> BalanceOf<T> {
	T::Currency::minimum_balance().saturating_mul(1_000u32.into())
}

/// The `index`th account called `name`, with enough funds for many deposits, bonds and tolls.
#[allow(dead_code)]
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	let amount = unit::<T>()
		.saturating_add(T::MinProviderBond::get())
		.saturating_add(T::ContextDeposit::get())
		.saturating_add(T::PlatoonDeposit::get())
		.saturating_mul(1_000u32.into());
	T::Currency::set_balance(&who, amount);
	who
}

/// A name (or domain) at its bound.
#[allow(dead_code)]
fn long_name<T: Config>() -> NameOf<T> {
	vec![b'n'; T::MaxNameLength::get() as usize].try_into().expect("sized to the bound")
}

#[benchmarks]
mod benchmarks {
	use super::*;

	// --- roles, contexts, users (helper A) ---

	#[benchmark]
	fn approve_charger() {
		let who: T::AccountId = account("charger", 0, 0);
		let origin =
			T::GovernanceOrigin::try_successful_origin().expect("governance has an origin");

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), long_name::<T>());

		assert!(Chargers::<T>::contains_key(&who));
	}

	// --- declarations, billing (helper B) ---

	// --- passages, platoons (helper C) ---

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
