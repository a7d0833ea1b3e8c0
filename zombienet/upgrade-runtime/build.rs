//! Builds the upgrade runtime's Wasm like a production runtime: without `runtime-benchmarks`.
//!
//! The node's build turns that feature on for every crate here (so this crate has it too when
//! compiled natively next to the node), but in the Wasm it pulls in frame-system-benchmarking's
//! 4 MB test runtime: a 4.8 MB `setCode` extrinsic, bigger than the 4 MiB the node's block
//! proposer puts in a block. The wasm builder enables in the Wasm build the features it finds
//! enabled in this script's environment, so the script removes that one first.

#[cfg(feature = "std")]
fn main() {
	// The wasm builder watches this package and its dependencies; the sources are the runtime's.
	println!("cargo:rerun-if-changed=../../runtime/src");
	std::env::remove_var("CARGO_FEATURE_RUNTIME_BENCHMARKS");
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// The Wasm build itself compiles this crate without `std`: nothing to do then.
#[cfg(not(feature = "std"))]
fn main() {}
