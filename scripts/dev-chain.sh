#!/usr/bin/env bash
# Sets up, builds and starts a V2X development chain (one validator, Alice).
# The chain keeps its state between runs in ~/.local/share/v2x-chain-dev;
# `--tmp` starts a throw-away chain instead. Other arguments go to the node.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

"$REPO_ROOT/scripts/setup.sh"
"$REPO_ROOT/scripts/build-node.sh"

rpc_port="${RPC_PORT:-9944}"
storage=(--base-path "${V2X_BASE_PATH:-$HOME/.local/share/v2x-chain-dev}")
args=()
for arg in "$@"; do
	if [ "$arg" = "--tmp" ]; then storage=(--tmp); else args+=("$arg"); fi
done

say "Starting the dev chain: RPC on ws://127.0.0.1:$rpc_port"
cat <<MSG
    Polkadot.js apps: https://polkadot.js.org/apps/?rpc=ws://127.0.0.1:$rpc_port
    Stop with Ctrl-C.
MSG
exec "$NODE_BIN" --dev "${storage[@]}" --rpc-port "$rpc_port" "${args[@]}"
