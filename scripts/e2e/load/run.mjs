// The load run against nodes already started: fund the cast, set up what the chosen domain
// phases need, run each phase in turn, and relate each domain phase to the transfers.

import { cast, fund } from './accounts.mjs';
import { runPhase } from './phase.mjs';
import * as workloads from './phases.mjs';
import { setupVehicles } from './setup/vehicles.mjs';
import { setupInsurance } from './setup/insurance.mjs';
import { setupCharging } from './setup/charging.mjs';
import { setupListings } from './setup/marketplace.mjs';
import { setupTrips, tripsToFill, managerFunds } from './setup/sharing.mjs';
import { roadPlan, roadFunds, setupRoad } from './setup/road.mjs';

/**
 * Phase names in the order they run (and in priority order, transfers first). `checkIns`
 * starts the trips that `sharing` ends: without it, the setup checks them in. `passages`,
 * `platoons` and `declarations` are road usage's hot calls.
 */
export const ALL_PHASES = [
  'transfers', 'odometer', 'usage', 'purchases', 'charging', 'checkIns', 'sharing',
  'passages', 'platoons', 'declarations',
];

/**
 * Default sizes: several blocks' worth of each call with the calibrated weights (a block
 * holds ~5 500 transfers, ~3 700 odometer reports, ~2 800 usage reports, ~1 550 purchases).
 * Charging stops are bounded by the setup: each needs its own charger, vehicle and session;
 * so are check-ins and check-outs, each its own co-op vehicle, unit and booking: `trips`
 * null sizes them to fill over three blocks by the weights' prediction. So are road usage's
 * `passages` (spread over `devices`), `trucks` (two per platoon, one attestation each) and
 * `batches` (declarations of MaxDeclarationsPerBatch vehicle-days) when null.
 */
export const DEFAULTS = {
  transfers: 30_000,
  senders: 1_000,
  devices: 500,
  reports: 20_000,
  purchases: 10_000,
  chargers: 2_000,
  trips: null,
  passages: null,
  trucks: null,
  batches: null,
  maxSeconds: 1_500,
};

/**
 * Runs `phases` (names from ALL_PHASES) with `sizes` against `nodes` through `api`, all
 * within `maxSeconds` from now. Returns { phases: [figures...], setupSeconds, trips, road, missing }
 * (`trips`: how many car-sharing trips were set up, 0 without those phases; `road`: the
 * passages, trucks and batches offered, 0 each without its phase).
 */
export async function runLoad(api, nodes, { phases = ALL_PHASES, sizes = DEFAULTS, maxSeconds = DEFAULTS.maxSeconds, log = console.log }) {
  const deadline = Date.now() + maxSeconds * 1000;
  const want = new Set(phases);
  const needsDevices = want.has('odometer') || want.has('usage');
  // Each sender buys `rounds` listings; a listing sells at most 64 grants (the runtime's
  // MaxGrantsPerListing), kept to 60 here.
  const rounds = Math.ceil(sizes.purchases / sizes.senders);
  const listingCount = want.has('purchases') ? Math.max(rounds, Math.ceil((sizes.senders * rounds) / 60)) : 0;
  // Road usage's vehicles are the first ones, each with its device.
  const road = await roadPlan(api, await cast(api, { senders: 0, devices: 0 }), want, sizes);
  if (road.bound) {
    log(`road usage: ${road.passages} passages over ${road.passageVehicles} devices, ${road.trucks} trucks in platoons, `
      + `${road.batches} declaration batches over ${road.contexts} distance contexts; ${road.bound} vehicles with a device`);
  }
  const devices = Math.max(needsDevices ? sizes.devices : 0, road.bound);
  const sharedVehiclesFrom = Math.max(
    devices,
    want.has('charging') ? sizes.chargers : 0,
    listingCount,
  );
  // The shared cars come after the others: a co-op owns them, and they carry no session.
  const sharing = want.has('checkIns') || want.has('sharing');
  const probe = async () => (await cast(api, { senders: 0, devices: 0, units: 1 })).units[0];
  const trips = !sharing ? 0 : sizes.trips ?? await tripsToFill(api, await probe());
  const vehicleCount = sharedVehiclesFrom + trips;
  const who = await cast(api, { senders: sizes.senders, devices, units: trips });
  const setupStarted = Date.now();
  await fund(api, who, { managerFunds: trips ? managerFunds(api, trips) : 0n, extra: roadFunds(api, who, road), log });

  let vehicles = [];
  if (vehicleCount > 0) vehicles = await setupVehicles(api, who, vehicleCount, devices, { log });
  if (want.has('usage')) await setupInsurance(api, who, vehicles.slice(0, sizes.devices), { log });
  const listings = want.has('purchases') ? await setupListings(api, who, vehicles.slice(0, listingCount), { log }) : [];
  const sessions = want.has('charging') ? await setupCharging(api, who, vehicles.slice(0, sizes.chargers), { log }) : [];
  const shared = trips
    ? await setupTrips(api, who, vehicles.slice(sharedVehiclesFrom), { checkIn: !want.has('checkIns'), log })
    : [];
  const roads = road.bound ? await setupRoad(api, who, vehicles, road, { log }) : null;
  const setupSeconds = (Date.now() - setupStarted) / 1000;
  log(`setup done in ${setupSeconds.toFixed(0)} s`);

  const km = workloads.odometers(needsDevices ? sizes.devices : 0);
  const build = {
    transfers: () => workloads.transfers(api, who, sizes.transfers),
    odometer: () => workloads.odometerReports(api, who, vehicles.slice(0, sizes.devices), km, sizes.reports),
    usage: () => workloads.usageReports(api, who, sizes.devices, km, sizes.reports),
    purchases: () => workloads.purchases(api, who, listings, sizes.purchases),
    charging: () => workloads.chargingStops(api, who, sessions),
    checkIns: () => workloads.tripCheckIns(api, shared),
    sharing: () => workloads.tripCheckOuts(api, shared),
    passages: () => workloads.gantryPassages(api, who, roads, road.passages),
    platoons: () => workloads.segmentAttestations(api, roads),
    declarations: () => workloads.declarationBatches(api, who, roads, road.batches),
  };
  const results = [];
  const missing = [];
  for (const name of ALL_PHASES.filter((p) => want.has(p))) {
    if (Date.now() >= deadline) { missing.push(`${name}: not run, the run's ${maxSeconds} s were used up`); continue; }
    results.push(await runPhase(api, nodes, {
      name, call: workloads.PHASES[name], work: build[name](), deadline, log,
    }));
  }
  const base = results.find((r) => r.name === 'transfers')?.sustainedTps;
  for (const r of results) {
    r.tpsRatioToTransfers = base && r.sustainedTps !== null ? Number((r.sustainedTps / base).toFixed(3)) : null;
    r.perBlockRatioToTransfers = ratio(r.txPerFullBlock.median, results.find((x) => x.name === 'transfers')?.txPerFullBlock.median);
    // A declaration batch carries many vehicle-days: its throughput in vehicle-days too.
    if (r.name === 'declarations') r.vehicleDays = perItem(r, roads.perBatch);
  }
  const offered = { passages: road.passages, trucks: road.trucks, batches: road.batches };
  return { phases: results, setupSeconds: Math.round(setupSeconds), trips, road: offered, missing };
}

/** A phase's figures per item when each transaction carries `perTx` of them. */
function perItem(r, perTx) {
  const times = (x) => (x === null || x === undefined ? null : x * perTx);
  return {
    perTx,
    sustainedPerSecond: r.sustainedTps === null ? null : Number((r.sustainedTps * perTx).toFixed(1)),
    perFullBlock: { min: times(r.txPerFullBlock.min), median: times(r.txPerFullBlock.median), max: times(r.txPerFullBlock.max) },
    predictedPerBlock: r.prediction.perBlock * perTx,
  };
}

function ratio(a, b) {
  return a !== null && a !== undefined && b ? Number((a / b).toFixed(3)) : null;
}
