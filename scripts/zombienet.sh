#!/usr/bin/env bash
# Runs the multi-node tests in zombienet/: each .zndsl test spawns its own network of
# v2x-node processes on this machine (zombienet's native provider, 127.0.0.1, free ports)
# and stops it at the end. Builds the runtime the upgrade test sets first (cargo rebuilds it
# only when the runtime changed).
#
#   scripts/zombienet.sh            all tests
#   scripts/zombienet.sh 0003 0005  the tests whose file names start with these
#
# Every process this run started is stopped at the end, also on failure or Ctrl-C; the logs
# of a failed run are kept and their directory printed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

fail() { printf 'zombienet: %s\n' "$*" >&2; exit 1; }

zn="$REPO_ROOT/zombienet"
zombienet="$zn/node_modules/.bin/zombienet"
[ -x "$zombienet" ] || fail "zombienet is not installed: run scripts/setup.sh"

# Together with the node, so the runtime's dependencies keep the node build's features and
# nothing but the upgrade runtime itself is compiled.
say "Building the upgrade runtime (spec_version bumped) next to the node"
(cd "$REPO_ROOT" && cargo_quiet build --release --locked -p v2x-node -p v2x-runtime-upgrade)
export V2X_NODE="$NODE_BIN"
export V2X_UPGRADE_WASM="$CARGO_TARGET_DIR/release/wbuild/v2x-runtime-upgrade/v2x_runtime_upgrade.compact.compressed.wasm"
[ -f "$V2X_UPGRADE_WASM" ] || fail "the build left no upgrade runtime at $V2X_UPGRADE_WASM"

tests=()
if (($#)); then
	for prefix in "$@"; do
		matches=("$zn/$prefix"*.zndsl)
		[ -f "${matches[0]}" ] || fail "no test file zombienet/$prefix*.zndsl"
		tests+=("${matches[@]}")
	done
else
	tests=("$zn"/*.zndsl)
fi

# All networks of this run live under one directory: their nodes are found by it.
run_dir=$(mktemp -d "${TMPDIR:-/tmp}/v2x-zombienet.XXXXXX")
failed=0

stop_leftovers() {
	local pids
	pids=$(pgrep -f -- "$run_dir/" || true)
	[ -n "$pids" ] || return 0
	say "Stopping processes left by this run: $(echo $pids)"
	# Paused nodes (SIGSTOP) only act on SIGTERM once continued.
	kill -CONT $pids 2>/dev/null || true
	kill -TERM $pids 2>/dev/null || true
	for _ in {1..10}; do
		sleep 1
		pids=$(pgrep -f -- "$run_dir/" || true)
		[ -n "$pids" ] || return 0
	done
	kill -KILL $pids 2>/dev/null || true
}

cleanup() {
	stop_leftovers
	if ((failed)); then
		say "Logs of this run (nodes, zombienet) are in $run_dir"
	else
		rm -rf "$run_dir"
	fi
}
trap cleanup EXIT
trap 'failed=1; exit 130' INT TERM

results=()
for test in "${tests[@]}"; do
	name=$(basename "$test" .zndsl)
	say "zombienet test $name"
	start=$SECONDS
	# zombienet bounds every line of a test; the outer timeout only guards against a hang.
	# In the background, so that a signal to this script stops the test at once (a trap waits
	# for a foreground command to end, not for `wait`).
	(cd "$zn" && timeout --kill-after=30 1200 "$zombienet" --provider native --logType text \
		--dir "$run_dir/$name" --force test "$name.zndsl" 2>&1 | tee "$run_dir/$name.log") &
	if wait $!; then
		result=passed
	else
		result=FAILED
		failed=$((failed + 1))
	fi
	stop_leftovers
	results+=("$(printf '%-28s %-7s %4d s' "$name" "$result" $((SECONDS - start)))")
done

say "zombienet results"
printf '    %s\n' "${results[@]}"
printf '%d passed, %d failed\n' $((${#tests[@]} - failed)) "$failed"
((failed == 0))
