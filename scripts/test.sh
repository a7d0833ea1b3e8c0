#!/usr/bin/env bash
# Runs every check of V2X Chain: formatting, the node build, unit tests, runtime fuzzing,
# clippy, the end-to-end client tests against a dev node, and the multi-node tests.
# Each step prints how long it took.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

step() {
	local name=$1
	shift
	say "$name"
	local start=$SECONDS
	"$@"
	printf '    (%s: %d s)\n' "$name" $((SECONDS - start))
}

step "Setup" "$REPO_ROOT/scripts/setup.sh"
step "Formatting (cargo fmt --check)" cargo fmt --all --check
step "Node build" "$REPO_ROOT/scripts/build-node.sh"
# Same profile and features as the node build: only the test harnesses are compiled here.
step "Unit tests" cargo_quiet test --release --locked --workspace
step "Runtime fuzzing" "$REPO_ROOT/scripts/fuzz.sh" 120
step "Clippy" cargo_quiet clippy --release --locked --workspace --all-targets -- -D warnings
step "End-to-end tests (@polkadot/api against a dev node; the passport page in Chromium)" \
	env V2X_NODE="$NODE_BIN" npm --prefix "$REPO_ROOT/scripts/e2e" test
step "Multi-node tests (zombienet)" "$REPO_ROOT/scripts/zombienet.sh"
say "All tests passed"
