#!/usr/bin/env bash
# Builds the node (release profile, runtime Wasm included) into the shared target directory.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

say "Building v2x-node (release) in $CARGO_TARGET_DIR"
cd "$REPO_ROOT"
cargo_quiet build --release --locked -p v2x-node
