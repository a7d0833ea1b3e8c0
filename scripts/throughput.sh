#!/usr/bin/env bash
# Measures the chain's throughput: starts a --dev node (or, with --network, the local
# chain's four validators) on loopback ports, offers it several blocks' worth of balance
# transfers and of the hot domain calls (odometer and usage reports, data purchases,
# charging stops, car-sharing check-ins and check-outs, road usage's gantry passages,
# platoon attestations and declaration batches), and writes
# benchmarks/throughput-dev.json (-network.json) plus a summary.
# Runs for minutes; not part of CI. Everything it starts is stopped at the end, also on
# failure or Ctrl-C.
#
#   scripts/throughput.sh                      dev node, every phase
#   scripts/throughput.sh --network            four validators, every phase
#   scripts/throughput.sh --transfers 2000 --max-seconds 120 --phases transfers
#   scripts/throughput.sh --phases transfers,sharing   (check-outs; setup checks the trips in)
#   scripts/throughput.sh --phases transfers,passages,platoons,declarations \
#       --out "$PWD/benchmarks/throughput-road.json"     (road usage, a run of its own)
#   (other flags: --senders --devices --reports --purchases --chargers --trips --passages
#    --trucks --batches --out FILE --no-import-bench; see scripts/e2e/load/main.mjs)
#
# `V2X_NODE=<binary>` runs that node binary and skips the build.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

mode=dev
default_out=yes
for arg in "$@"; do
	[ "$arg" = --network ] && mode=network
	[ "$arg" = --out ] && default_out=
done

if [ -n "${V2X_NODE:-}" ]; then
	NODE_BIN="$V2X_NODE"
else
	"$REPO_ROOT/scripts/setup.sh"
	"$REPO_ROOT/scripts/build-node.sh"
fi
export V2X_NODE="$NODE_BIN"

e2e="$REPO_ROOT/scripts/e2e"
if [ ! -d "$e2e/node_modules/@polkadot/api" ]; then
	printf 'throughput.sh: the client packages are not installed: run scripts/setup.sh\n' >&2
	exit 1
fi

say "Throughput ($mode) with $V2X_NODE"
cd "$e2e"
# An --out of the caller's (an absolute path: this runs from scripts/e2e) replaces the default.
if [ -n "$default_out" ]; then
	exec node load/main.mjs --out "$REPO_ROOT/benchmarks/throughput-$mode.json" "$@"
fi
exec node load/main.mjs "$@"
