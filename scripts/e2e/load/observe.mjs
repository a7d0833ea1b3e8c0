// Watching a phase while it runs (inclusion progress, finality lag, node memory, the pool)
// and reading its blocks back afterwards (per-block counts, dispatch results, weight).

import { rssMiB } from './nodes.mjs';
import { scrape, heights, readyTransactions } from './prometheus.mjs';
import { decodeError } from './chain.mjs';

/**
 * Samples every node once a second until `stop()`: finality lag (best - finalized) and RSS
 * per node, the first node's ready queue, and how many `section.method` extrinsics the new
 * best blocks carried. `included()` is that count so far.
 */
export function watch(api, nodes, { section, method }) {
  const samples = [];
  let included = 0;
  let lastBlock = null;
  let unsubscribe = () => {};
  const seen = new Set();
  const counting = api.rpc.chain.subscribeNewHeads(async (header) => {
    const hash = header.hash.toHex();
    if (seen.has(hash)) return;
    seen.add(hash);
    const block = await api.rpc.chain.getBlock(hash).catch(() => null);
    if (!block) return;
    included += block.block.extrinsics
      .filter((ex) => ex.isSigned && ex.method.section === section && ex.method.method === method).length;
    lastBlock = header.number.toNumber();
  }).then((u) => { unsubscribe = u; });
  const timer = setInterval(async () => {
    const at = Date.now();
    const perNode = await Promise.all(nodes.map(async (node) => {
      const metrics = await scrape(node.prometheusUrl).catch(() => ({}));
      const { best, finalized } = heights(metrics);
      return {
        name: node.name, best, finalized, rssMiB: rssMiB(node.pid),
        ready: readyTransactions(metrics),
      };
    }));
    samples.push({ at, nodes: perNode });
  }, 1_000);
  return {
    included: () => included,
    lastBlock: () => lastBlock,
    ready: () => samples.at(-1)?.nodes[0]?.ready ?? null,
    stop: async () => { clearInterval(timer); await counting; unsubscribe(); return samples; },
  };
}

/**
 * Reads canonical blocks `from..=to`: for each, its timestamp, the `section.method` signed
 * extrinsics it carried, how many of them succeeded or failed (with the errors), and the
 * normal class's consumed weight (System.BlockWeight as of that block).
 */
export async function readBlocks(api, from, to, { section, method }) {
  const blocks = [];
  for (let n = from; n <= to; n += 1) {
    const hash = await api.rpc.chain.getBlockHash(n);
    const [signedBlock, at] = await Promise.all([api.rpc.chain.getBlock(hash), api.at(hash)]);
    const [events, weight, now] = await Promise.all([
      at.query.system.events(), at.query.system.blockWeight(), at.query.timestamp.now(),
    ]);
    const ours = new Set();
    signedBlock.block.extrinsics.forEach((ex, i) => {
      if (ex.isSigned && ex.method.section === section && ex.method.method === method) ours.add(i);
    });
    let succeeded = 0;
    const errors = {};
    for (const { phase, event } of events) {
      if (!phase.isApplyExtrinsic || !ours.has(phase.asApplyExtrinsic.toNumber())) continue;
      if (event.section !== 'system') continue;
      if (event.method === 'ExtrinsicSuccess') succeeded += 1;
      if (event.method === 'ExtrinsicFailed') {
        const name = decodeError(api, event.data[0]);
        errors[name] = (errors[name] ?? 0) + 1;
      }
    }
    blocks.push({
      number: n,
      hash: hash.toHex(),
      timestampMs: now.toNumber(),
      extrinsics: signedBlock.block.extrinsics.length,
      ours: ours.size,
      succeeded,
      errors,
      normalRefTime: weight.normal.refTime.toBigInt(),
      normalProofSize: weight.normal.proofSize.toBigInt(),
    });
  }
  return blocks;
}

/**
 * Build time, end reason and extrinsic count of each block this node proposed, from its log,
 * keyed by the sealed block's hash: on a network several validators may propose at one
 * height (a missed slot, a fork), and only the proposal that became the canonical block
 * counts. A proposal's log line names the unsealed hash; the seal line maps it to the final.
 */
export function proposals(logText) {
  const prepared = new Map();
  const re = /Prepared block for proposing at (\d+) \((\d+) ms\) hash: (0x[0-9a-f]{64});.*?end: (\w+); extrinsics_count: (\d+)/g;
  for (const m of logText.matchAll(re)) {
    prepared.set(m[3], { number: Number(m[1]), buildMs: Number(m[2]), end: m[4], extrinsics: Number(m[5]) });
  }
  const sealed = new Map();
  for (const m of logText.matchAll(/Pre-sealed block for proposal at \d+\. Hash now (0x[0-9a-f]{64}), previously (0x[0-9a-f]{64})/g)) {
    const proposal = prepared.get(m[2]);
    if (proposal) sealed.set(m[1], proposal);
  }
  return sealed;
}
