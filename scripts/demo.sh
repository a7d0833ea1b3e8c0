#!/usr/bin/env bash
# Plays one car's life on a running dev chain and prints each step: a manufacturer registers a
# new car, its owner insures it, a workshop services it, its telematics unit reports the
# odometer and a rollback attempt (flagged), it charges at the residence's shared charger, the
# owner sells data access, and the car is sold (the policy and the data grant end with
# refunds). In a second chapter the buyer gives the car to the dev preset's car-sharing co-op:
# a renter books it, its unit opens and closes a trip, and the co-op's members share the
# revenue. Then it shows the car's passport and where to look: Polkadot.js apps and the
# passport page. A third chapter plays a day on the road with the preset's toll charger,
# toll provider and truck platoon (lib/demo-road.mjs). A fourth leases a new car per km for three
# short periods, with a late payment and a buy-out (lib/demo-leasing.mjs). A fifth sends a
# cold-chain shipment over two legs to delivery (lib/demo-freight.mjs). A sixth plays a safer
# over-the-air update: a supplier's signed image, a campaign, car 0's committed report revealed
# by its owner, and a root key rotation (lib/demo-ota.mjs). Each run registers new cars,
# shipments, releases and toll event ids, so it can run again on the same chain.
# Start the chain first with ./scripts/dev-chain.sh.
#   WS_URL  the node's RPC (default ws://127.0.0.1:9944)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

command -v node >/dev/null || { echo "demo: Node.js is missing: run ./scripts/setup.sh" >&2; exit 1; }
[ -d "$REPO_ROOT/scripts/e2e/node_modules/@polkadot/api" ] ||
	{ echo "demo: the client packages are missing: run ./scripts/setup.sh" >&2; exit 1; }

ws_url="${WS_URL:-ws://127.0.0.1:9944}"
say "Demo: a car's life on the dev chain at $ws_url (about a hundred blocks, ten minutes)"
exec node "$REPO_ROOT/scripts/e2e/demo.mjs" "$ws_url"
