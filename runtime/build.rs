//! Builds the runtime Wasm the node ships: a production runtime, without benchmarks or
//! try-runtime code whatever the native build's features (see `wasm_features.rs`).

#[cfg(feature = "std")]
include!("wasm_features.rs");

#[cfg(all(feature = "std", feature = "metadata-hash"))]
fn main() {
	keep_test_features_out_of_the_wasm();
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("V2X", 12)
		.build();
}

#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
fn main() {
	keep_test_features_out_of_the_wasm();
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// The Wasm build itself compiles this crate without `std`: nothing to do then.
#[cfg(not(feature = "std"))]
fn main() {}
