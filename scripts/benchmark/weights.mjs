// Reads one `scripts/benchmark.sh` run back from what it wrote (runtime/src/weights/ and
// pallets/*/src/weights.rs), and prices every call in picoseconds
// of ref_time the way the runtime does (execution + reads x read weight + writes x write
// weight), at the top of each component's range.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { signedExtensions } from './extensions.mjs';

/** 2 s per block, of which normal transactions may fill 75% (runtime/src/configs/system.rs). */
export const NORMAL_BUDGET_PS = 1_500_000_000_000;

const number = (text) => Number(text.replaceAll('_', ''));

function constantNs(file, pattern) {
  const match = readFileSync(file, 'utf8').match(pattern);
  if (!match) throw new Error(`${pattern} not found in ${file}`);
  return number(match[1]);
}

/** The runtime's measured constants, in picoseconds. */
export function runtimeConstants(repo) {
  const dir = join(repo, 'runtime/src/weights');
  const db = readFileSync(join(dir, 'paritydb_weights.rs'), 'utf8');
  const read = db.match(/read:\s*([\d_]+)\s*\*/);
  const write = db.match(/write:\s*([\d_]+)\s*\*/);
  if (!read || !write) throw new Error('no read/write weight in paritydb_weights.rs');
  const mulNanos = /WEIGHT_REF_TIME_PER_NANOS\.saturating_mul\(([\d_]+)\)/;
  return {
    readPs: number(read[1]) * 1000,
    writePs: number(write[1]) * 1000,
    blockPs: constantNs(join(dir, 'block_weights.rs'), mulNanos) * 1000,
    extrinsicBasePs: constantNs(join(dir, 'extrinsic_weights.rs'), mulNanos) * 1000,
  };
}

/** The Polkadot SDK pallets every transaction passes through, weighed in runtime/src/weights/. */
export const REFERENCE_PALLETS = ['frame_system', 'frame_system_extensions', 'pallet_balances', 'pallet_transaction_payment'];

/**
 * One generated weights file read back: the run's header and every benchmark as the
 * template saw it (base and per-component execution, reads, writes and proof size, the
 * components' ranges and the storage comments). Only the first implementation is read: a
 * pallet's file repeats it for `()` with RocksDB's costs.
 */
export function parseWeights(file, pallet) {
  const source = readFileSync(file, 'utf8');
  const header = (pattern) => source.match(pattern)?.[1];
  const body = source.slice(source.search(/^impl/m));
  const firstImpl = body.slice(0, body.search(/^}/m));
  const benchmarks = [];
  const fnPattern = /((?:\t\/\/\/ .*\n)*)\tfn (\w+)\([^)]*\) -> Weight \{\n([\s\S]*?)\n\t\}/g;
  for (const [, docs, name, code] of firstImpl.matchAll(fnPattern)) {
    const perComponent = (pattern) =>
      [...code.matchAll(pattern)].map((m) => ({ name: m[2], slope: number(m[1]) }));
    const baseCount = (kind) => number(code.match(new RegExp(`\\.${kind}\\((\\d+)\\)\\)`))?.[1] ?? '0');
    benchmarks.push({
      name,
      base_weight_ps: number(code.match(/Weight::from_parts\(([\d_]+), 0\)\n/)[1]),
      base_reads: baseCount('reads'),
      base_writes: baseCount('writes'),
      base_proof_size: number(code.match(/Weight::from_parts\(0, (\d+)\)\)\n/)?.[1] ?? '0'),
      component_ranges: [...docs.matchAll(/component `(\w+)` is `\[(\d+), (\d+)\]`/g)].map((m) => ({
        name: m[1],
        min: Number(m[2]),
        max: Number(m[3]),
      })),
      component_weight_ps: perComponent(/Weight::from_parts\(([\d_]+), 0\)\.saturating_mul\((\w+)\.into\(\)\)/g),
      component_reads: perComponent(/\.reads\(\((\d+)_u64\)\.saturating_mul\((\w+)\.into\(\)\)\)/g),
      component_writes: perComponent(/\.writes\(\((\d+)_u64\)\.saturating_mul\((\w+)\.into\(\)\)\)/g),
      component_proof_size: perComponent(/Weight::from_parts\(0, (\d+)\)\.saturating_mul\((\w+)\.into\(\)\)/g),
      storage: [...docs.matchAll(/\/\/\/ (Storage: .*)/g)].map((m) => m[1]),
    });
  }
  return {
    pallet,
    date: header(/DATE: ([\d-]+)/),
    hostname: header(/HOSTNAME: `([^`]*)`/),
    cpu: header(/CPU: `([^`]*)`/),
    steps: Number(header(/STEPS: `(\d+)`/)),
    repeat: Number(header(/REPEAT: `(\d+)`/)),
    benchmarks,
  };
}

/**
 * Every benchmarked pallet's weights as the run wrote them, by pallet name. A pallet whose
 * weights.rs the benchmark CLI did not write (a hand-written placeholder: no run header)
 * is left out, so the report calls it not benchmarked rather than failing on it.
 */
export function summaries(repo) {
  const all = {};
  for (const pallet of REFERENCE_PALLETS) {
    all[pallet] = parseWeights(join(repo, 'runtime/src/weights', `${pallet}.rs`), pallet);
  }
  for (const dir of readdirSync(join(repo, 'pallets')).sort()) {
    const file = join(repo, 'pallets', dir, 'src/weights.rs');
    if (!existsSync(file) || !/^\/\/! HOSTNAME: /m.test(readFileSync(file, 'utf8'))) continue;
    const pallet = `pallet_${dir.replaceAll('-', '_')}`;
    all[pallet] = parseWeights(file, pallet);
  }
  return all;
}

const slopeAtMax = (slopes, ranges) =>
  slopes.reduce((sum, s) => sum + s.slope * (ranges.find((r) => r.name === s.name)?.max ?? 0), 0);

/** A benchmark priced at the top of its components' ranges. */
export function price(bench, constants) {
  const ranges = bench.component_ranges;
  const execPs = bench.base_weight_ps + slopeAtMax(bench.component_weight_ps, ranges);
  const reads = bench.base_reads + slopeAtMax(bench.component_reads, ranges);
  const writes = bench.base_writes + slopeAtMax(bench.component_writes, ranges);
  const proof = bench.base_proof_size + slopeAtMax(bench.component_proof_size, ranges);
  const totalPs = execPs + reads * constants.readPs + writes * constants.writePs;
  return { name: bench.name, execPs, reads, writes, proof, totalPs, ranges, storage: bench.storage };
}

/** What every signed transaction carries besides its call: base weight and extensions. */
export function perTransaction(all, constants) {
  const extensions = signedExtensions([
    all.frame_system_extensions,
    all.pallet_transaction_payment,
  ]).map((e) => ({
    ...e,
    totalPs: e.ps + e.reads * constants.readPs + e.writes * constants.writePs,
  }));
  const extensionsPs = extensions.reduce((sum, e) => sum + e.totalPs, 0);
  const proof = extensions.reduce((sum, e) => sum + e.proof, 0);
  return { extensions, extensionsPs, totalPs: constants.extrinsicBasePs + extensionsPs, proof };
}
