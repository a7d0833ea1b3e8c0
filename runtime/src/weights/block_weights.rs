//! THIS FILE WAS AUTO-GENERATED USING THE SUBSTRATE BENCHMARK CLI VERSION 64.0.0
//! DATE: 2026-11-26 (Y/M/D)
//! HOSTNAME: `vm`, CPU: `AMD EPYC`
//!
//! SHORT-NAME: `block`, LONG-NAME: `BlockExecution`, RUNTIME: `v2x-runtime`
//! WARMUPS: `10`, REPEAT: `100`
//! WEIGHT-PATH: `out/`
//! WEIGHT-METRIC: `Average`, WEIGHT-MUL: `1.0`, WEIGHT-ADD: `0`

// Executed Command:
//   /root/.cache/v2x-chain/target/release/v2x-node
//   benchmark
//   overhead
//   --runtime
//   /root/.cache/v2x-chain/target/release/wbuild/v2x-runtime/v2x_runtime.compact.compressed.wasm
//   --genesis-builder-preset
//   development
//   --weight-path
//   out/

use polkadot_sdk::frame_support::parameter_types;
use polkadot_sdk::frame_support::weights::{constants::WEIGHT_REF_TIME_PER_NANOS, Weight};

parameter_types! {
	/// Weight of executing an empty block.
	/// Calculated by multiplying the *Average* with `1.0` and adding `0`.
	///
	/// Stats nanoseconds:
	///   Min, Max: 224_083, 8_362_119
	///   Average:  489_884
	///   Median:   233_316
	///   Std-Dev:  1134378.52
	///
	/// Percentiles nanoseconds:
	///   99th: 4_500_228
	///   95th: 539_891
	///   75th: 241_909
	pub const BlockExecutionWeight: Weight =
		Weight::from_parts(WEIGHT_REF_TIME_PER_NANOS.saturating_mul(489_884), 0);
}

#[cfg(test)]
mod test_weights {
	use polkadot_sdk::frame_support::weights::constants;

	/// Checks that the weight exists and is sane.
	// NOTE: If this test fails but you are sure that the generated values are fine,
	// you can delete it.
	#[test]
	fn sane() {
		let w = super::BlockExecutionWeight::get();

		// At least 100 µs.
		assert!(
			w.ref_time() >= 100u64 * constants::WEIGHT_REF_TIME_PER_MICROS,
			"Weight should be at least 100 µs."
		);
		// At most 50 ms.
		assert!(
			w.ref_time() <= 50u64 * constants::WEIGHT_REF_TIME_PER_MILLIS,
			"Weight should be at most 50 ms."
		);
	}
}
