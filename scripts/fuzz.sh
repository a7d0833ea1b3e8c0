#!/usr/bin/env bash
# Runtime fuzzing: builds v2x-fuzz and runs random programs of calls to every domain pallet for
# as many seconds as asked (default 120), checking the runtime's invariants after every block.
# Further arguments go to v2x-fuzz: `--calls` prints a line per call, `--base-seed S` repeats a
# run. To replay one failing program: `$CARGO_TARGET_DIR/release/v2x-fuzz --seed S`. See
# docs/fuzzing.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

seconds=${1:-120}
[[ $# -gt 0 ]] && shift

cd "$REPO_ROOT"
# Built together with the node: cargo then unifies the features of both exactly as in the node
# build, so nothing of the runtime or the SDK is compiled again, only the fuzzer.
say "Building v2x-fuzz with the node (release) in $CARGO_TARGET_DIR"
cargo_quiet build --release --locked -p v2x-node -p v2x-fuzz
say "Fuzzing the runtime for $seconds s"
"$CARGO_TARGET_DIR/release/v2x-fuzz" --seconds "$seconds" "$@"
