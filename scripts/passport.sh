#!/usr/bin/env bash
# Serves the vehicle passport page (web/) on a free 127.0.0.1 port and prints the URL to
# open. The page asks a node's JSON-RPC for the passport: start one with
# ./scripts/dev-chain.sh first. Stops on Ctrl-C.
#   RPC_URL  the node's HTTP JSON-RPC (default http://127.0.0.1:9944)
#   VIN      the vehicle shown first (default the dev chain's vehicle 0)
#   WEB_PORT the port to serve on (default: a free one)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

command -v node >/dev/null || { echo "passport: Node.js is missing: run ./scripts/setup.sh" >&2; exit 1; }

rpc_url="${RPC_URL:-http://127.0.0.1:9944}"
vin="${VIN:-5YJ3E1EA5RF000001}"

say "Serving the vehicle passport page (web/) for the node at $rpc_url"
exec node "$REPO_ROOT/scripts/web-server.mjs" \
	--root "$REPO_ROOT/web" \
	--port "${WEB_PORT:-0}" \
	--path "passport/?rpc=$rpc_url&vin=$vin"
