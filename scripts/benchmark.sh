#!/usr/bin/env bash
# Measures the V2X pallets with the node's `benchmark pallet` on a runtime Wasm built with
# benchmarks, and writes each pallet's `src/weights.rs` from the template beside this
# script. Run on the machine whose figures the chain should use; commit the result.
#   ./scripts/benchmark.sh                  all V2X pallets (every pallets/* with benchmarks)
#   ./scripts/benchmark.sh vehicle_identity one pallet
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

pallets=("$@")
if ((${#pallets[@]} == 0)); then
	for bench in "$REPO_ROOT"/pallets/*/src/benchmarking.rs; do
		crate_dir="${bench%/src/benchmarking.rs}"
		name="${crate_dir##*/}"
		pallets+=("${name//-/_}")
	done
fi

"$REPO_ROOT/scripts/build-node.sh"

# The Wasm the node ships has no benchmark code (runtime/build.rs): measure one built with
# it, from the same sources, in a target directory of its own so that it never replaces the
# shipped one. The first build there takes about ten minutes; later ones reuse it.
bench_target="${V2X_BENCHMARK_TARGET_DIR:-$(dirname "$CARGO_TARGET_DIR")/benchmark-target}"
say "Building the runtime Wasm with benchmarks in $bench_target"
(cd "$REPO_ROOT" && CARGO_TARGET_DIR="$bench_target" \
	cargo build --release --locked -p v2x-runtime --features benchmark-wasm)
wasm="$bench_target/release/wbuild/v2x-runtime/v2x_runtime.compact.compressed.wasm"

for pallet in "${pallets[@]}"; do
	crate_dir="$REPO_ROOT/pallets/${pallet//_/-}"
	[ -d "$crate_dir" ] || { echo "no pallet crate at $crate_dir" >&2; exit 1; }
	say "Benchmarking pallet_$pallet -> ${crate_dir#"$REPO_ROOT"/}/src/weights.rs"
	"$NODE_BIN" benchmark pallet \
		--runtime "$wasm" \
		--genesis-builder-preset development \
		--pallet "pallet_$pallet" \
		--extrinsic '*' \
		--steps 50 \
		--repeat 20 \
		--heap-pages 4096 \
		--template "$REPO_ROOT/scripts/frame-weight-template.hbs" \
		--output "$crate_dir/src/weights.rs"
done
