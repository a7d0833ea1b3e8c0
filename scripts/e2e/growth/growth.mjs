// Growth: how the vehicle passport and history reads scale with ONE vehicle's history.
// A measurement, not a test: run it with scripts/growth.sh (not part of CI or `npm test`).
//
// For each size (GROWTH_SIZES, default 10,1000,100000 records for the dev preset's vehicle 0)
// it makes a chain spec from the dev preset with that many service records in the service
// book's genesis, has the node build it (`build-spec --raw`), starts a node on it on free
// loopback ports, and times each read path a client uses, warm, many times over. If the node
// refuses a genesis that large, it finds the largest that builds (to GROWTH_STEP records),
// measures that, and measures the refused size from a raw spec whose older records are written
// straight into storage (see chain-spec.mjs `synthesiseRaw`).
//
// Usage: node growth.mjs [output.json]     (default: benchmarks/growth.json in the repo)
//   V2X_NODE       the node binary            GROWTH_REPS    timed rounds per size (1000)
//   GROWTH_SIZES   record counts              GROWTH_WARMUP  untimed rounds first (50)
//   GROWTH_STEP    precision of the largest genesis search, in records (1000)
//   GROWTH_BUDGET_S  give up (nodes stopped) after this many seconds (1800)
//
// The output JSON:
// {
//   "generatedAt": ISO time, "node": "v2x-node --version", "machine": { "cpus", "cpuModel",
//     "loadAverage1m" (at the start) },
//   "settings": { "vehicle": 0, "sizes": [..], "repetitions", "warmup", "recordsPageSize": 100,
//     "passportPageSize": 20 },
//   "genesisLimit": null if every size built, else { "refusedRecords", "error" (the node's),
//     "largestRecords" (largest that built, to within "step"), "step", "bound" (why),
//     "prettyJsonBytesPerRecord", "probes": [{ "records", "ok", "seconds" }] },
//   "sizes": [{
//     "records": N, "source": "genesis" (built by the runtime from the spec) or "synthesised"
//       (older records written into the raw spec; storage layout and sizes as the runtime's),
//     "specBytes", "rawSpecBytes", "stateBytes" (keys and values of the genesis storage),
//     "buildRawSeconds" (`build-spec --raw`: the genesis build),
//     "startupSeconds" (node start until it answers RPC, with the genesis build from the spec
//       for "genesis" sizes), "dbBytes" (disk space of the node's base path, as `du` counts
//       it, after the measurement and the node's stop),
//     "paths": [{ "id" (stable: "rpc.floor", "rpc.passport.newest", "rpc.passport.middle",
//       "api.passport.newest", "api.passport.middle", "api.records.first", "api.records.middle",
//       "api.records.last", "api.recordCount", "api.odometerReadings"), "what", "method",
//       "params" (state_call: [runtime API method, SCALE args]; the block is "<block>"),
//       "items" (records or readings in the answer), "responseBytes", "samples", "medianMs",
//       "p95Ms", "minMs", "meanMs" }]
//   }],
//   "durationSeconds": the whole run
// }

import { mkdtempSync, rmSync, readFileSync, writeFileSync, readdirSync, lstatSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDevNode, nodeBinary } from '../lib/node.mjs';
import {
  buildSpec, devSpec, largestThatBuilds, specWithRecords, stopBuilds, synthesiseRaw, writeSpec,
  VEHICLE,
} from './chain-spec.mjs';
import { readPaths, timePaths, PAGE, PASSPORT_PAGE } from './reads.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const output = resolve(process.argv[2] ?? join(here, '../../../benchmarks/growth.json'));
const sizes = (process.env.GROWTH_SIZES ?? '10,1000,100000').split(',').map(Number);
const repetitions = Number(process.env.GROWTH_REPS ?? 1000);
const warmup = Number(process.env.GROWTH_WARMUP ?? 50);
const step = Number(process.env.GROWTH_STEP ?? 1000);
const budgetMs = Number(process.env.GROWTH_BUDGET_S ?? 1800) * 1000;
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !(repetitions > 0) || !(warmup >= 0)) {
  throw new Error('GROWTH_SIZES must be whole numbers from 1; GROWTH_REPS above 0');
}

const started = Date.now();
const work = mkdtempSync(join(tmpdir(), 'v2x-growth-'));
let running = null; // the node being measured, so a signal or an error stops it
let starting = null; // the node being started, and what stops it meanwhile
const log = (message) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

async function cleanUp() {
  stopBuilds();
  if (starting) {
    starting.abort.abort();
    await starting.node.catch(() => {});
  }
  if (running) await running.stop().catch(() => {});
  running = null;
  rmSync(work, { recursive: true, force: true });
}
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    interrupted = true;
    console.error(`growth: ${signal}: stopping the node and cleaning up`);
    cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}
const budgetTimer = setTimeout(() => {
  console.error(`growth: over the budget of ${budgetMs / 1000} s: stopping`);
  cleanUp().finally(() => process.exit(1));
}, budgetMs);

/**
 * Bytes under `path` (files only, symlinks not followed): their length, or with `allocated`
 * the disk space they take, as `du` counts it (ParityDB's tables are sparse files).
 */
function diskBytes(path, allocated = false) {
  const stat = lstatSync(path);
  if (!stat.isDirectory()) return stat.isFile() ? (allocated ? stat.blocks * 512 : stat.size) : 0;
  return readdirSync(path).reduce((sum, name) => sum + diskBytes(join(path, name), allocated), 0);
}

/** Starts a node on `specFile`, times every read path, stops it, and returns the figures. */
async function measure(records, source, specFile) {
  const basePath = join(work, `base-${records}`);
  mkdirSync(basePath);
  log(`${records} records (${source}): starting a node on the spec`);
  const t0 = process.hrtime.bigint();
  const abort = new AbortController();
  starting = { abort, node: startDevNode({ basePath, chainSpec: specFile, readyMs: 600_000, abortSignal: abort.signal }) };
  running = await starting.node;
  starting = null;
  const startupSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  log(`${records} records: node answered RPC after ${startupSeconds.toFixed(1)} s; timing ${warmup} + ${repetitions} rounds`);
  const { api, httpUrl } = running;
  const at = (await api.rpc.chain.getBlockHash()).toHex();
  const paths = await timePaths(httpUrl, readPaths(records, at), api, {
    at, warmup, repetitions,
    onProgress: (done, all) => log(`${records} records: round ${done} of ${all}`),
  });
  await running.stop();
  running = null;
  const dbBytes = diskBytes(basePath, true);
  rmSync(basePath, { recursive: true, force: true });
  return { records, source, startupSeconds: round(startupSeconds), dbBytes, paths };
}

const round = (x, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * What one record adds to the genesis config the node hands to the runtime: serde_json's
 * pretty printing, like JSON.stringify with 2 spaces, at the records' depth in the config.
 */
function prettyBytesPerRecord(dev) {
  const size = (count) => {
    const { patch } = specWithRecords(dev, count).genesis.runtimeGenesis;
    return JSON.stringify({ runtimeGenesis: patch }, null, 2).length;
  };
  return Math.round((size(1000) - size(0)) / 1000);
}

/** Key and value bytes of the genesis storage in a raw spec file (the chain's state). */
function stateBytes(rawFile) {
  const { top } = JSON.parse(readFileSync(rawFile, 'utf8')).genesis.raw;
  return Object.entries(top).reduce((sum, [k, v]) => sum + (k.length - 2) / 2 + (v.length - 2) / 2, 0);
}

/** Writes the plain spec of `count` records (from record `first`) and has the node build it. */
async function buildGenesis(dev, count, first = 0) {
  const plain = join(work, `spec-${first}-${count}.json`);
  const raw = join(work, `raw-${first}-${count}.json`);
  const specBytes = writeSpec(specWithRecords(dev, count, first), plain);
  const built = await buildSpec(['--chain', plain, '--raw'], raw);
  return { plain, raw, specBytes, ...built };
}

function printTable(report) {
  const columns = report.sizes.map((s) => `${s.records.toLocaleString('en')}${s.source === 'synthesised' ? '*' : ''}`);
  const rows = report.sizes[0].paths.map((p) => [
    p.what,
    ...report.sizes.map((s) => {
      const q = s.paths.find((x) => x.id === p.id);
      return `${q.medianMs.toFixed(2)} / ${q.p95Ms.toFixed(2)}`;
    }),
  ]);
  rows.push(['build-spec --raw (genesis build), s', ...report.sizes.map((s) => (s.buildRawSeconds ?? '-').toString())]);
  rows.push(['node start until RPC answers, s', ...report.sizes.map((s) => s.startupSeconds.toString())]);
  rows.push(['genesis state (keys + values), MB', ...report.sizes.map((s) => (s.stateBytes / 1e6).toFixed(1))]);
  rows.push(['node DB on disk, MB', ...report.sizes.map((s) => (s.dbBytes / 1e6).toFixed(1))]);
  rows.push(['chain spec (plain / raw), MB', ...report.sizes.map((s) => `${s.specBytes ? (s.specBytes / 1e6).toFixed(1) : '-'} / ${(s.rawSpecBytes / 1e6).toFixed(1)}`)]);
  const header = ['read path: median / p95 ms (warm)', ...columns];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}`);
  for (const row of rows) console.log(line(row));
  if (report.sizes.some((s) => s.source === 'synthesised')) {
    console.log('* older records written into the raw spec: the genesis config cannot carry that many (see genesisLimit)');
  }
}

async function main() {
  const node = execFileSync(nodeBinary(), ['--version'], { encoding: 'utf8' }).trim();
  log(`${node}; sizes ${sizes.join(', ')}; ${warmup} + ${repetitions} rounds each; work dir ${work}`);
  const report = {
    generatedAt: new Date().toISOString(),
    node,
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, loadAverage1m: round(loadavg()[0]) },
    settings: { vehicle: VEHICLE, sizes, repetitions, warmup, recordsPageSize: PAGE, passportPageSize: PASSPORT_PAGE },
    genesisLimit: null,
    sizes: [],
  };
  const dev = await devSpec(work);
  let largestBuilt = 0;
  for (const records of sizes) {
    log(`${records} records: building the genesis (build-spec --raw)`);
    const genesis = await buildGenesis(dev, records);
    if (genesis.ok) {
      log(`${records} records: genesis built in ${genesis.seconds.toFixed(1)} s`);
      largestBuilt = Math.max(largestBuilt, records);
      const figures = await measure(records, 'genesis', genesis.plain);
      report.sizes.push({ ...figures, specBytes: genesis.specBytes, rawSpecBytes: diskBytes(genesis.raw), stateBytes: stateBytes(genesis.raw), buildRawSeconds: round(genesis.seconds) });
      continue;
    }
    log(`${records} records: the node refused the genesis: ${genesis.error}`);
    if (!report.genesisLimit) {
      const probes = [];
      const largest = await largestThatBuilds(largestBuilt, records, step, async (count) => {
        const probe = await buildGenesis(dev, count);
        probes.push({ records: count, ok: probe.ok, seconds: round(probe.seconds) });
        log(`  probe ${count} records: ${probe.ok ? 'builds' : 'refused'} (${probe.seconds.toFixed(1)} s)`);
        rmSync(probe.plain, { force: true });
        rmSync(probe.raw, { force: true });
        return probe;
      });
      report.genesisLimit = {
        refusedRecords: records,
        error: genesis.error,
        largestRecords: largest,
        step,
        bound: 'sc-chain-spec hands the genesis config to the runtime (GenesisBuilder_build_state) as '
          + 'one pretty-printed JSON string (sc-chain-spec genesis_config_builder.rs: to_string_pretty), '
          + 'which must fit in one allocation of the Wasm allocator: at most 32 MiB '
          + '(sp-core MAX_POSSIBLE_ALLOCATION). Pretty-printed, a record (its 32-byte hash and its '
          + `URI as arrays of numbers, one per line) takes ${prettyBytesPerRecord(dev)} bytes.`,
        prettyJsonBytesPerRecord: prettyBytesPerRecord(dev),
        probes,
      };
      if (largest > largestBuilt) {
        const best = await buildGenesis(dev, largest);
        const figures = await measure(largest, 'genesis', best.plain);
        report.sizes.push({ ...figures, specBytes: best.specBytes, rawSpecBytes: diskBytes(best.raw), stateBytes: stateBytes(best.raw), buildRawSeconds: round(best.seconds) });
        largestBuilt = largest;
      }
    }
    // The newest `largestBuilt` records from the genesis, the older ones written into storage.
    const newest = await buildGenesis(dev, largestBuilt, records - largestBuilt);
    if (!newest.ok) throw new Error(`the genesis of ${largestBuilt} records no longer builds: ${newest.error}`);
    const raw = synthesiseRaw(JSON.parse(readFileSync(newest.raw, 'utf8')), largestBuilt, records);
    const rawFile = join(work, `raw-synthesised-${records}.json`);
    writeFileSync(rawFile, JSON.stringify(raw));
    log(`${records} records: raw spec written (${largestBuilt} from the genesis, ${records - largestBuilt} written in)`);
    const figures = await measure(records, 'synthesised', rawFile);
    report.sizes.push({ ...figures, specBytes: null, rawSpecBytes: diskBytes(rawFile), stateBytes: stateBytes(rawFile), buildRawSeconds: null });
  }
  report.sizes.sort((a, b) => a.records - b.records);
  report.durationSeconds = round((Date.now() - started) / 1000, 0);
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, `${JSON.stringify(report, null, 2)}\n`);
  printTable(report);
  log(`written ${output}`);
}

try {
  await main();
} catch (error) {
  // Once interrupted, the stopped node's unanswered requests are no news.
  if (!interrupted) console.error(`growth: ${error.stack ?? error}`);
  process.exitCode = 1;
} finally {
  clearTimeout(budgetTimer);
  await cleanUp();
}
