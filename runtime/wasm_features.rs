// Shared by the build scripts of the runtime and of the zombienet upgrade runtime (`include!`d).

/// Keeps the native build's test-only features out of the runtime Wasm.
///
/// The node's one native build turns `runtime-benchmarks` and `try-runtime` on in every
/// runtime crate, so that the node, the tests, the benchmarks and the try-state checks share
/// it. The wasm builder enables in the Wasm each feature it finds enabled in the build
/// script's environment, and with the benchmarks the Wasm is 4.8 MB compressed: more than a
/// block holds, so such a runtime could never be upgraded to. The script removes both
/// features from its environment first; the `benchmark-wasm` feature of `v2x-runtime` keeps
/// `runtime-benchmarks` for the Wasm that `scripts/benchmark.sh` measures.
fn keep_test_features_out_of_the_wasm() {
	if std::env::var_os("CARGO_FEATURE_BENCHMARK_WASM").is_none() {
		std::env::remove_var("CARGO_FEATURE_RUNTIME_BENCHMARKS");
	}
	std::env::remove_var("CARGO_FEATURE_TRY_RUNTIME");
}
