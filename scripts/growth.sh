#!/usr/bin/env bash
# Measures how the vehicle passport and history reads scale with one vehicle's history: 10,
# 1 000 and 100 000 service records for one vehicle (paging should keep each answer's time
# flat). For each size it builds a chain spec from the dev preset, starts a node on it on free
# loopback ports, times every read path a client uses, and stops the node. Writes
# benchmarks/growth.json and prints a table. A measurement, not a test: not part of CI.
# Takes about 5 minutes; it gives up after GROWTH_TIMEOUT_S (default 2400).
#   V2X_NODE      the node binary to measure (default: build it with ./scripts/build-node.sh)
#   GROWTH_SIZES  record counts (default 10,1000,100000); GROWTH_REPS timed rounds (1000)
#   GROWTH_OUT    where to write the JSON (default benchmarks/growth.json)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

command -v node >/dev/null || { echo "growth: Node.js is missing: run ./scripts/setup.sh" >&2; exit 1; }
[ -d "$REPO_ROOT/scripts/e2e/node_modules/@polkadot/api" ] ||
	{ echo "growth: the client packages are missing: run ./scripts/setup.sh" >&2; exit 1; }

if [ -z "${V2X_NODE:-}" ]; then
	"$REPO_ROOT/scripts/build-node.sh"
	V2X_NODE="$NODE_BIN"
fi
export V2X_NODE

say "Growth: passport and history reads at ${GROWTH_SIZES:-10,1000,100000} records for one vehicle ($V2X_NODE)"
# The tool stops its node on SIGTERM; --kill-after ends it if that hangs.
timeout --kill-after=60 "${GROWTH_TIMEOUT_S:-2400}" \
	node "$REPO_ROOT/scripts/e2e/growth/growth.mjs" "${GROWTH_OUT:-$REPO_ROOT/benchmarks/growth.json}"
