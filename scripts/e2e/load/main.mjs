// V2X throughput load generator: starts a `--dev` node (or, with --network, the `local`
// chain's four validators) on loopback, offers it more transactions than blocks hold, and
// writes what the chain did with them. Run through scripts/throughput.sh.
//
//   node load/main.mjs [--network] [--out FILE] [--max-seconds S] [--phases a,b,..]
//        [--transfers N] [--senders N] [--devices N] [--reports N] [--purchases N]
//        [--chargers N] [--trips N] [--passages N] [--trucks N] [--batches N]
//        [--no-import-bench]
//   (env: LOAD_MAX_SECONDS, LOAD_TRANSFERS; V2X_NODE names the node binary)
//
// Output JSON (benchmarks/throughput-dev.json, benchmarks/throughput-network.json):
// {
//   tool, mode: "dev" | "network", command, startedAt, finishedAt, durationSeconds,
//   setupSeconds, machine: { cpus, cpuModel, loadAverage: { start, end } (1, 5, 15 min: the
//     machine may be shared) }, node: { binary, version },
//   runtime: { specName, specVersion, normalMaxRefTime, normalMaxProofSize, slotMs },
//   nodes: [names], sizes: { transfers, senders, devices, reports, purchases, chargers,
//     trips (car-sharing trips set up: by default over three blocks' worth of check-outs),
//     passages, trucks, batches (road usage: gantry passages over `devices` devices, trucks
//     in platoons of two, declaration batches; by default each over three blocks' worth) },
//   phases: [{
//     name: "transfers" | "odometer" | "usage" | "purchases" | "charging" | "checkIns"
//       | "sharing" | "passages" | "platoons" | "declarations", call,
//     offered, submitted, acceptedByPool, refusedByPool: { message: count },
//     included, succeeded, failed, dispatchErrors: { "pallet.Error": count }, notIncluded,
//     complete (all offered were included and succeeded), timedOut, submitSeconds, phaseSeconds,
//     blocks: { first, last, carrying, full, fullNumbers, emptyAtWeightLimit },
//     sustainedTps (the full blocks' txs over their intervals), spanTps (first..last full
//     block, every block between counted, a session rotation's empty block too),
//     overallTps (first..last block carrying the phase's transactions),
//     txPerBlock / txPerFullBlock: { min, median, max },
//     fullness: { refTime: {min,median,max}, proofSize: {...} }  (normal class, full blocks),
//     prediction: { txRefTime, txProofSize, txLength, fitByRefTime, fitByProofSize,
//                   fitByLength, perBlock, limitedBy, normalMaxRefTime, normalMaxProofSize,
//                   measuredOverPredicted },
//     endProposalReasons: { reason: count }, endProposalReasonsPerNode,
//     buildMs / buildMsAllBlocks: { min, median, max }, meanBuildSecondsPrometheus: [...],
//     finalityLag: { perNode: { name: {min,median,max} }, acrossNodes: {min,median,max} },
//     rssMiB: { name: { min, median, max, end } },
//     tpsRatioToTransfers, perBlockRatioToTransfers,
//     vehicleDays (declarations only: { perTx, sustainedPerSecond, perFullBlock, predictedPerBlock }),
//     perBlock: [{ number, txs, extrinsics, fullness, proofFullness, buildMs, end, author, intervalMs }]
//   }],
//   importBenchmark: { command, blocks: [{ block, txs, weightPercent, timeNs, weightNs }] } | null,
//   missing: [text]
// }

import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { startDev, startNetwork, connect } from './nodes.mjs';
import { runLoad, ALL_PHASES, DEFAULTS } from './run.mjs';
import { benchmarkBlocks } from './import-bench.mjs';
import { summaryText } from './summary.mjs';
import { nodeBinary } from '../lib/node.mjs';

const { values: opts } = parseArgs({
  options: {
    network: { type: 'boolean', default: false },
    out: { type: 'string' },
    'max-seconds': { type: 'string' },
    phases: { type: 'string' },
    transfers: { type: 'string' },
    senders: { type: 'string' },
    devices: { type: 'string' },
    reports: { type: 'string' },
    purchases: { type: 'string' },
    chargers: { type: 'string' },
    trips: { type: 'string' },
    passages: { type: 'string' },
    trucks: { type: 'string' },
    batches: { type: 'string' },
    'no-import-bench': { type: 'boolean', default: false },
  },
});

const num = (v, fallback) => (v === undefined ? fallback : Number(v));
const sizes = {
  transfers: num(opts.transfers ?? process.env.LOAD_TRANSFERS, DEFAULTS.transfers),
  senders: num(opts.senders, DEFAULTS.senders),
  devices: num(opts.devices, DEFAULTS.devices),
  reports: num(opts.reports, DEFAULTS.reports),
  purchases: num(opts.purchases, DEFAULTS.purchases),
  chargers: num(opts.chargers, DEFAULTS.chargers),
  trips: num(opts.trips, DEFAULTS.trips),
  passages: num(opts.passages, DEFAULTS.passages),
  trucks: num(opts.trucks, DEFAULTS.trucks),
  batches: num(opts.batches, DEFAULTS.batches),
};
const maxSeconds = num(opts['max-seconds'] ?? process.env.LOAD_MAX_SECONDS, DEFAULTS.maxSeconds);
const phases = opts.phases ? opts.phases.split(',') : ALL_PHASES;
for (const p of phases) if (!ALL_PHASES.includes(p)) throw new Error(`unknown phase ${p}: one of ${ALL_PHASES.join(', ')}`);
const mode = opts.network ? 'network' : 'dev';
const out = opts.out ?? `benchmarks/throughput-${mode}.json`;

const t0 = Date.now();
const loadAtStart = loadavg();
const log = (msg) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${msg}`);

let env;
let stopping = false;
/** Stops the nodes; removes their directory unless a failure's logs are worth keeping. */
const shutdown = async (code, keepLogs = false) => {
  if (stopping) return;
  stopping = true;
  await (keepLogs ? env?.stop() : env?.cleanup())?.catch(() => {});
  process.exit(code);
};
process.on('SIGINT', () => shutdown(130));
process.on('SIGTERM', () => shutdown(143));

// Read before the nodes start: the binary at this path may be rebuilt while the run goes on.
const nodeVersion = execFileSync(nodeBinary(), ['--version'], { encoding: 'utf8' }).trim();

try {
  log(`starting ${mode === 'dev' ? 'a --dev node' : 'four validators of the local chain'} (${nodeBinary()})`);
  env = mode === 'dev' ? await startDev() : await startNetwork();
  const api = await connect(env.nodes[0]);
  if (mode === 'network') await networkReady(api);
  const version = await api.rpc.state.getRuntimeVersion();
  const { perClass } = api.consts.system.blockWeights;
  const runtime = {
    specName: version.specName.toString(),
    specVersion: version.specVersion.toNumber(),
    normalMaxRefTime: Number(perClass.normal.maxTotal.unwrapOrDefault().refTime.toBigInt()),
    normalMaxProofSize: Number(perClass.normal.maxTotal.unwrapOrDefault().proofSize.toBigInt()),
    slotMs: api.consts.aura?.slotDuration?.toNumber() ?? null,
  };
  const startedAt = new Date().toISOString();
  const result = await runLoad(api, env.nodes, { phases, sizes, maxSeconds, log });
  sizes.trips = result.trips;
  Object.assign(sizes, result.road);
  await api.disconnect();
  log('stopping the node(s)');
  await env.stop();

  let importBenchmark = null;
  if (mode === 'dev' && !opts['no-import-bench']) {
    const full = result.phases.flatMap((p) => p.blocks.fullNumbers);
    if (full.length) {
      const from = Math.min(...full);
      const to = Math.max(...full);
      log(`timing the import of blocks #${from}..#${to} (benchmark block)`);
      importBenchmark = await benchmarkBlocks(env.nodes[0].basePath, from, to).catch((error) => {
        result.missing.push(`import benchmark: ${error.message.split('\n')[0]}`);
        return null;
      });
      if (importBenchmark) {
        const fullSet = new Set(full);
        importBenchmark.blocks = importBenchmark.blocks.filter((b) => fullSet.has(b.block));
      }
    }
  }

  const report = {
    tool: 'scripts/e2e/load/main.mjs',
    mode,
    command: `scripts/throughput.sh ${process.argv.slice(2).join(' ')}`.trim(),
    startedAt,
    finishedAt: new Date().toISOString(),
    durationSeconds: Math.round((Date.now() - t0) / 1000),
    setupSeconds: result.setupSeconds,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? null,
      loadAverage: { start: loadAtStart.map((x) => Number(x.toFixed(2))), end: loadavg().map((x) => Number(x.toFixed(2))) },
    },
    node: { binary: nodeBinary(), version: nodeVersion },
    runtime,
    nodes: env.nodes.map((n) => n.name),
    sizes,
    phases: result.phases,
    importBenchmark,
    missing: result.missing,
  };
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n${summaryText(report)}\n\nwritten to ${out}`);
  await shutdown(0);
} catch (error) {
  console.error(`throughput: ${error.stack ?? error.message}`);
  if (env) console.error(`node logs are kept in ${env.dir}`);
  await shutdown(1, true);
}

/** Waits until the network's validators are connected and finalizing. */
async function networkReady(api) {
  const until = Date.now() + 180_000;
  for (;;) {
    const [health, fin] = await Promise.all([api.rpc.system.health(), api.rpc.chain.getFinalizedHead()]);
    const finalized = (await api.rpc.chain.getHeader(fin)).number.toNumber();
    if (health.peers.toNumber() >= 3 && finalized >= 2) { log(`network ready: ${health.peers} peers, finalized #${finalized}`); return; }
    if (Date.now() > until) throw new Error(`network not ready after 180 s: ${health.peers} peers, finalized #${finalized}`);
    await new Promise((r) => setTimeout(r, 2_000));
  }
}
