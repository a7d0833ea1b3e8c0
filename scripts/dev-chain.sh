#!/usr/bin/env bash
# Sets up, builds and starts a V2X development chain (one validator, Alice).
# The chain keeps its state between runs in ~/.local/share/v2x-chain-dev;
# `--tmp` starts a throw-away chain instead. Other arguments go to the node.
# `V2X_NODE=<binary>` runs that node binary and skips the setup and the build.
#
# The RPC server listens on loopback only (127.0.0.1 and ::1, the node's default without
# --rpc-external): a dev chain serves every method, the unsafe ones too, and Alice's keys
# and sudo are known to everyone. The flags that would open it to the network are refused;
# README.md, "Exposing a node", says how to run a node others may reach.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

rpc_port="${RPC_PORT:-9944}"
storage=(--base-path "${V2X_BASE_PATH:-$HOME/.local/share/v2x-chain-dev}")
args=()
for arg in "$@"; do
	case "$arg" in
	--tmp) storage=(--tmp) ;;
	--rpc-external | --unsafe-rpc-external | --experimental-rpc-endpoint*)
		printf 'dev-chain.sh: %s would open the dev chain'"'"'s RPC (every method, sudo keys known to all) beyond this machine; it listens on 127.0.0.1 only. To run a node others may reach, see README.md, "Exposing a node".\n' "$arg" >&2
		exit 2
		;;
	*) args+=("$arg") ;;
	esac
done

if [ -n "${V2X_NODE:-}" ]; then
	NODE_BIN="$V2X_NODE"
else
	"$REPO_ROOT/scripts/setup.sh"
	"$REPO_ROOT/scripts/build-node.sh"
fi

say "Starting the dev chain: RPC on ws://127.0.0.1:$rpc_port (this machine only)"
cat <<MSG
    Polkadot.js apps: https://polkadot.js.org/apps/?rpc=ws://127.0.0.1:$rpc_port
    Stop with Ctrl-C.
MSG
exec "$NODE_BIN" --dev "${storage[@]}" --rpc-port "$rpc_port" "${args[@]}"
