#!/usr/bin/env bash
# Measures the chain on this machine, its reference hardware, and writes the weights the
# runtime uses plus `benchmarks/REPORT.md`. Commit the result.
#   ./scripts/benchmark.sh                     everything, in one run: the machine, block and
#                                              extrinsic overhead, ParityDB reads and writes,
#                                              every V2X pallet and the reference pallets
#                                              (frame_system, its transaction extensions,
#                                              pallet_balances, pallet_transaction_payment)
#   ./scripts/benchmark.sh vehicle_identity    named pallets only (V2X or reference), then the
#                                              report from the figures on record
# Every pallet runs with the same steps and repeats. The machine must be otherwise idle: a
# parallel build inflates the figures by 10% or more; the report quotes the load averages of
# each pallet's measurement.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

STEPS=50
REPEAT=20
raw="$REPO_ROOT/benchmarks/raw"
runtime_weights="$REPO_ROOT/runtime/src/weights"
reference_pallets=(frame_system frame_system_extensions pallet_balances pallet_transaction_payment)

v2x_pallets=()
for bench in "$REPO_ROOT"/pallets/*/src/benchmarking.rs; do
	crate_dir="${bench%/src/benchmarking.rs}"
	name="${crate_dir##*/}"
	v2x_pallets+=("pallet_${name//-/_}")
done

everything=true
pallets=()
for arg in "$@"; do
	everything=false
	case "$arg" in
	pallet_* | frame_*) pallets+=("$arg") ;;
	*) pallets+=("pallet_$arg") ;;
	esac
done
$everything && pallets=("${reference_pallets[@]}" "${v2x_pallets[@]}")

# The node is only the measuring tool here (the runtime measured is the Wasm below):
# V2X_NODE=<binary> uses a built one and skips the build.
if [ -n "${V2X_NODE:-}" ]; then
	NODE_BIN="$V2X_NODE"
else
	"$REPO_ROOT/scripts/build-node.sh"
fi

# The Wasm the node ships has no benchmark code (runtime/build.rs): measure one built with
# it, from the same sources, in a target directory of its own so that it never replaces the
# shipped one. The first build there takes about ten minutes; later ones reuse it.
bench_target="${V2X_BENCHMARK_TARGET_DIR:-$(dirname "$CARGO_TARGET_DIR")/benchmark-target}"
say "Building the runtime Wasm with benchmarks in $bench_target"
(cd "$REPO_ROOT" && CARGO_TARGET_DIR="$bench_target" \
	cargo_quiet build --release --locked -p v2x-runtime --features benchmark-wasm)
wasm="$bench_target/release/wbuild/v2x-runtime/v2x_runtime.compact.compressed.wasm"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$raw" "$runtime_weights"
# Other work on the machine inflates every figure: benchmarks/raw/runs.txt keeps, for each
# measurement, when it started and ended and the load averages (1, 5, 15 min) then; the
# report quotes them.
$everything && : >"$raw/runs.txt"
calibration_started="$(date -u +%FT%TZ) $(cut -d' ' -f1-3 /proc/loadavg)"

# Rust files the CLI writes for a plain Substrate runtime name `sp_core`, `sp_weights` and
# `frame_support` directly; this runtime reaches what they use through `frame_support` in
# the `polkadot_sdk` umbrella.
through_umbrella() {
	sed -E -i -e 's/\buse sp_core::/use polkadot_sdk::frame_support::/' \
		-e 's/\buse sp_weights::/use polkadot_sdk::frame_support::weights::/' \
		-e 's/\buse frame_support::/use polkadot_sdk::frame_support::/' "$1"
	rustfmt --edition 2021 "$1"
}

if $everything; then
	say "Machine (benchmark machine): recorded in benchmarks/machine.txt"
	"$NODE_BIN" benchmark machine --chain dev --base-path "$work/machine" --allow-fail \
		--disable-log-color 2>&1 | sed -E 's/^[0-9-]+ [0-9:]+ //' | tee "$raw/machine.txt"

	say "Block and extrinsic overhead (benchmark overhead)"
	"$NODE_BIN" benchmark overhead --runtime "$wasm" --genesis-builder runtime \
		--genesis-builder-preset development --weight-path "$work" 2>&1 |
		sed -E 's/^[0-9-]+ [0-9:]+ //' | tee "$raw/overhead.txt"
	cp "$work/extrinsic_weights.rs" "$raw/extrinsic_overhead.rs"
	cp "$work/block_weights.rs" "$runtime_weights/block_weights.rs"
	through_umbrella "$runtime_weights/block_weights.rs"

	say "ParityDB reads and writes (benchmark storage) on a dev chain with 100 000 accounts"
	node "$REPO_ROOT/scripts/benchmark/populated-spec.mjs" "$NODE_BIN" 100000 >"$work/spec.json"
	"$NODE_BIN" benchmark storage --chain "$work/spec.json" --base-path "$work/storage" \
		--database paritydb --state-version 1 --batch-size 1000 --weight-path "$work" 2>&1 |
		sed -E 's/^[0-9-]+ [0-9:]+ //' | tee "$raw/storage.txt"
	cp "$work/paritydb_weights.rs" "$runtime_weights/paritydb_weights.rs"
	through_umbrella "$runtime_weights/paritydb_weights.rs"
	echo "calibration $calibration_started $(date -u +%FT%TZ) $(cut -d' ' -f1-3 /proc/loadavg)" >>"$raw/runs.txt"
fi

for pallet in "${pallets[@]}"; do
	if [[ " ${reference_pallets[*]} " == *" $pallet "* ]]; then
		output="$runtime_weights/$pallet.rs"
		template="$REPO_ROOT/scripts/benchmark/runtime-weight-template.hbs"
	else
		crate_dir="$REPO_ROOT/pallets/$(echo "${pallet#pallet_}" | tr _ -)"
		[ -d "$crate_dir" ] || { echo "no pallet crate at $crate_dir" >&2; exit 1; }
		output="$crate_dir/src/weights.rs"
		template="$REPO_ROOT/scripts/benchmark/pallet-weight-template.hbs"
	fi
	say "Benchmarking $pallet -> ${output#"$REPO_ROOT"/}"
	started="$(date -u +%FT%TZ) $(cut -d' ' -f1-3 /proc/loadavg)"
	"$NODE_BIN" benchmark pallet \
		--runtime "$wasm" \
		--genesis-builder runtime \
		--genesis-builder-preset development \
		--pallet "$pallet" \
		--extrinsic '*' \
		--steps "$STEPS" \
		--repeat "$REPEAT" \
		--heap-pages 4096 \
		--template "$template" \
		--output "$output"
	echo "$pallet $started $(date -u +%FT%TZ) $(cut -d' ' -f1-3 /proc/loadavg)" >>"$raw/runs.txt"
done

if $everything; then
	say "Extrinsic base weight: the overhead minus the transaction extensions' own execution"
	node "$REPO_ROOT/scripts/benchmark/extrinsic-base.mjs" "$raw/extrinsic_overhead.rs" \
		>"$runtime_weights/extrinsic_weights.rs"
	rustfmt --edition 2021 "$runtime_weights/extrinsic_weights.rs"
fi

say "Writing benchmarks/REPORT.md"
node "$REPO_ROOT/scripts/benchmark/report.mjs" >"$REPO_ROOT/benchmarks/REPORT.md"
echo "Done: review and commit runtime/src/weights/, pallets/*/src/weights.rs and benchmarks/."
