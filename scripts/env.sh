# Shared settings of the scripts: sourced, not run.
# One cargo target directory outside the work tree, kept between runs and shared by the
# node build, the tests and CI, so nothing is compiled twice.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/v2x-chain/target}"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_BIN="$CARGO_TARGET_DIR/release/v2x-node"
export REPO_ROOT NODE_BIN

say() { printf '\n==> %s\n' "$*"; }
