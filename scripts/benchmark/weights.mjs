// Reads one `scripts/benchmark.sh` run: the per-pallet summaries in benchmarks/raw/ and the
// runtime constants it wrote (runtime/src/weights/), and prices every call in picoseconds
// of ref_time the way the runtime does (execution + reads x read weight + writes x write
// weight), at the top of each component's range.
import { readFileSync, readdirSync } from 'node:fs';
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

/** Every pallet summary of the run, by pallet name. */
export function summaries(repo) {
  const dir = join(repo, 'benchmarks/raw');
  const all = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.summary.json')).sort()) {
    const summary = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    all[summary.pallet] = summary;
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
  return { extensions, extensionsPs, totalPs: constants.extrinsicBasePs + extensionsPs };
}
