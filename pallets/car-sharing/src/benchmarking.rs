//! Benchmarks of every call and hook, each in its worst case.

use super::*;
use alloc::{vec, vec::Vec};
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::traits::{
		fungible::{Inspect, Mutate},
		Get,
	},
	frame_system::{pallet_prelude::BlockNumberFor, RawOrigin},
	sp_runtime::{traits::Saturating, Perbill},
};

fn assert_last_event<T: Config>(event: Event<T>) {
	let event: <T as Config>::RuntimeEvent = event.into();
	frame_system::Pallet::<T>::assert_last_event(event.into());
}

/// A unit of money in the benchmarks: 1 000 existential deposits.
fn unit<T: Config>() -> BalanceOf<T> {
	T::Currency::minimum_balance().saturating_mul(1_000u32.into())
}

/// The `index`th account called `name`, with enough funds for many deposits and prices.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	let amount = unit::<T>()
		.saturating_add(T::CoopDeposit::get())
		.saturating_add(T::MinEndowment::get())
		.saturating_mul(100u32.into());
	T::Currency::set_balance(&who, amount);
	who
}

/// Quorum 50 %, supermajority two thirds, reserve 20 %.
fn rules<T: Config>() -> CoopRules<BlockNumberFor<T>> {
	CoopRules {
		quorum: Perbill::from_percent(50),
		supermajority: Perbill::from_rational(2u32, 3u32),
		reserve: Perbill::from_percent(20),
		free_cancellation: 10u32.into(),
		late_cancellation_fee: Perbill::from_percent(10),
	}
}

fn pricing<T: Config>() -> Pricing<BalanceOf<T>> {
	let rate =
		Rate { per_hour: T::Currency::minimum_balance(), per_km: T::Currency::minimum_balance() };
	Pricing { member: rate, renter: rate, damage_deposit: unit::<T>() }
}

/// `MaxMembers` funded founders, 100 shares each.
fn founders<T: Config>() -> FoundersOf<T> {
	let list: Vec<(T::AccountId, Shares)> =
		(0..T::MaxMembers::get()).map(|i| (funded::<T>("member", i), 100)).collect();
	list.try_into().expect("sized to the bound")
}

fn setup<T: Config>(manager: &T::AccountId) -> CoopSetup<T> {
	CoopSetup {
		name: vec![b'c'; T::MaxNameLength::get() as usize].try_into().expect("sized to the bound"),
		rules: rules::<T>(),
		pricing: pricing::<T>(),
		founders: founders::<T>(),
		fleet_manager: manager.clone(),
		assessor: manager.clone(),
	}
}

/// A co-op with `MaxMembers` members and a funded fleet manager: (co-op, manager, founder).
fn coop<T: Config>() -> (CoopId, T::AccountId, T::AccountId) {
	let founder = funded::<T>("founder", 0);
	let manager = funded::<T>("manager", 0);
	let coop =
		Pallet::<T>::do_create_coop(founder.clone(), setup::<T>(&manager)).expect("a valid co-op");
	(coop, manager, founder)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_coop() {
		let founder = funded::<T>("founder", 0);
		let manager: T::AccountId = account("manager", 0, 0);
		let s = setup::<T>(&manager);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(founder.clone()),
			s.name,
			s.rules,
			s.pricing,
			s.founders,
			manager.clone(),
			manager.clone(),
		);

		let supply = 100u64.saturating_mul(u64::from(T::MaxMembers::get()));
		let account = Pallet::<T>::coop_account(0);
		assert_last_event::<T>(Event::CoopCreated {
			coop: 0,
			account,
			founder,
			share_supply: supply,
		});
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
