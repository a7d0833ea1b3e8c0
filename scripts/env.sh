# Shared settings of the scripts: sourced, not run.
# One cargo target directory outside the work tree, kept between runs and shared by the
# node build, the tests and CI, so nothing is compiled twice.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/v2x-chain/target}"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_BIN="$CARGO_TARGET_DIR/release/v2x-node"
export REPO_ROOT NODE_BIN

say() { printf '\n==> %s\n' "$*"; }

# Runs cargo, dropping the lines polkadot-overseer's proc macro (pulled in by
# frame-benchmarking-cli) prints about its message cycles: cargo replays them on every build,
# even when nothing is compiled, and they say nothing about V2X Chain.
cargo_quiet() {
	cargo "$@" 2>&1 | sed -E '/^⚡ Found [0-9]+ strongly connected components/d; /^cycle\([0-9]+\) ∈ /d'
}
