//! Builds the upgrade runtime's Wasm exactly as the shipped runtime's (`runtime/build.rs`):
//! without the native build's `runtime-benchmarks` and `try-runtime` code.

#[cfg(feature = "std")]
include!("../../runtime/wasm_features.rs");

#[cfg(feature = "std")]
fn main() {
	// The wasm builder watches this package and its dependencies; the sources are the runtime's.
	println!("cargo:rerun-if-changed=../../runtime/src");
	keep_test_features_out_of_the_wasm();
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// The Wasm build itself compiles this crate without `std`: nothing to do then.
#[cfg(not(feature = "std"))]
fn main() {}
