//! Benchmarks of both calls, each in its worst case: the longest set to search.

use super::*;
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::{
		traits::{EnsureOrigin, Get},
		BoundedVec,
	},
	frame_system,
};

fn assert_last_event<T: Config>(event: Event<T>) {
	let event: <T as Config>::RuntimeEvent = event.into();
	frame_system::Pallet::<T>::assert_last_event(event.into());
}

fn governance<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::AddRemoveOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// Fills the set with `n` validators (storage only: they need no keys for these calls).
fn fill<T: Config>(n: u32) -> Vec<T::AccountId> {
	let set: Vec<T::AccountId> = (0..n).map(|i| account("validator", i, 0)).collect();
	let bounded = BoundedVec::<T::AccountId, T::MaxValidators>::try_from(set.clone())
		.unwrap_or_else(|_| panic!("within MaxValidators"));
	Validators::<T>::put(bounded);
	set
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// One below the maximum, so the new validator is compared with every member.
	#[benchmark]
	fn add_validator() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		fill::<T>(T::MaxValidators::get().saturating_sub(1));
		let who: T::AccountId = account("new validator", 0, 0);
		T::BenchmarkHelper::register_session_keys(&who);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert_eq!(Validators::<T>::get().last(), Some(&who));
		assert!(SetChanged::<T>::get());
		assert_last_event::<T>(Event::ValidatorAdded { who });
		Ok(())
	}

	/// A full set, removing the last member: the longest search.
	#[benchmark]
	fn remove_validator() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let set = fill::<T>(T::MaxValidators::get());
		let who = set.last().cloned().ok_or(BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(!Validators::<T>::get().contains(&who));
		assert_last_event::<T>(Event::ValidatorRemoved { who });
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
