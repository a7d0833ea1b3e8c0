//! Benchmarks of every call and hook, each in its worst case.

use super::*;
#[allow(unused_imports)]
use polkadot_sdk::frame_benchmarking::v2::*;

#[benchmarks]
mod benchmarks {
	use super::*;

	// TODO(helper D): every call and `on_status_changed`.

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
