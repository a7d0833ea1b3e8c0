// Import time of the full blocks: after the dev run, `v2x-node benchmark block` re-executes
// them on the stopped node's database (kept by `--state-pruning archive`) and reports how
// long each took against the weight it claimed.

import { execFile } from 'node:child_process';
import { nodeBinary } from '../lib/node.mjs';

/**
 * Re-imports blocks `from..=to` of the dev chain at `basePath`, `repeat` times each.
 * Returns per-block { block, txs, weightPercent, timeNs, weightNs } as the tool prints them.
 */
export function benchmarkBlocks(basePath, from, to, { repeat = 3 } = {}) {
  const args = ['benchmark', 'block', '--dev', '--base-path', basePath, '--database', 'paritydb',
    '--state-pruning', 'archive', '--from', String(from), '--to', String(to), '--repeat', String(repeat)];
  return new Promise((resolve, reject) => {
    execFile(nodeBinary(), args, { maxBuffer: 64 * 1024 * 1024, timeout: 600_000 }, (error, stdout, stderr) => {
      const text = `${stdout}\n${stderr}`;
      if (error) { reject(new Error(`benchmark block failed: ${error.message}\n${text.slice(-2000)}`)); return; }
      resolve({ command: `v2x-node ${args.join(' ')}`, blocks: parse(text) });
    });
  });
}

/** Lines like `Block 12 with 2400 tx used 81.23% of its weight ( 1,218,450,000 of 1,500,000,000 ns)`. */
function parse(text) {
  const out = [];
  const re = /Block (\d+) with\s+(\d+) tx used\s+(-?[\d.]+)% of its weight \(\s*([\d,.]+) of\s+([\d,.]+) ns/g;
  for (const m of text.matchAll(re)) {
    const num = (s) => Number(s.replace(/,/g, ''));
    out.push({ block: num(m[1]), txs: num(m[2]), weightPercent: Number(m[3]), timeNs: num(m[4]), weightNs: num(m[5]) });
  }
  return out;
}
