// A phase's figures from what was observed: counts, throughput over the full blocks,
// transactions per block, fullness against the weights' prediction, why proposals ended,
// build time, finality lag and memory.

/** min / median / max of numbers (nulls when there are none). */
export function spread(values) {
  const v = values.filter((x) => x !== null && x !== undefined && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return { min: null, median: null, max: null };
  const mid = Math.floor(v.length / 2);
  const median = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  return { min: v[0], median, max: v.at(-1) };
}

const round = (x, digits = 3) => (x === null || x === undefined ? null : Number(x.toFixed(digits)));

/**
 * A block is full when its proposal ended for a limit rather than for want of transactions
 * (the proposer's log says which), or, if no log line names it, when its normal class is at
 * least 90% used. Throughput is counted over the full blocks only: the blocks before the
 * pool filled and the tail after it emptied say nothing about capacity.
 */
function isFull(block, built, maxRefTime) {
  const proposal = built.get(block.number);
  if (proposal) return proposal.end !== 'NoMoreTransactions';
  return Number(block.normalRefTime) / maxRefTime >= 0.9;
}

export function summarise({ name, call, offered, sent, prediction, blocks, built, delta, samples, phaseSeconds, timedOut }) {
  const maxRefTime = prediction.normalMaxRefTime;
  // blocks[0] is the head when the phase began: only its timestamp is used.
  const phaseBlocks = blocks.slice(1);
  const carrying = phaseBlocks.filter((b) => b.ours > 0);
  const full = phaseBlocks.filter((b) => b.ours > 0 && isFull(b, built, maxRefTime));
  const interval = new Map(blocks.slice(1).map((b, i) => [b.number, b.timestampMs - blocks[i].timestampMs]));
  // Sustained: the full blocks' transactions over their own block intervals, the rate the
  // chain keeps while the pool stays full. `spanTps` also counts every block between the first
  // and the last full block, a session rotation's empty one too (see `emptyAtWeightLimit`),
  // so it depends on where the phase fell against the rotations: ratios use the former.
  const fullSeconds = full.reduce((s, b) => s + interval.get(b.number), 0) / 1000;
  const fullTxs = full.reduce((s, b) => s + b.ours, 0);
  const span = full.length
    ? phaseBlocks.filter((b) => b.number >= full[0].number && b.number <= full.at(-1).number)
    : [];
  const spanSecondsFull = span.reduce((s, b) => s + interval.get(b.number), 0) / 1000;
  const spanTxs = span.reduce((s, b) => s + b.ours, 0);
  // Blocks that ended at the weight limit without one of the phase's transactions: a session
  // rotation charges the whole block's weight (pallet_session's on_initialize).
  const emptyAtLimit = phaseBlocks.filter((b) => b.ours === 0 && built.get(b.number)?.end === 'HitBlockWeightLimit');
  const included = phaseBlocks.reduce((s, b) => s + b.ours, 0);
  const succeeded = phaseBlocks.reduce((s, b) => s + b.succeeded, 0);
  const dispatchErrors = {};
  for (const b of phaseBlocks) {
    for (const [e, n] of Object.entries(b.errors)) dispatchErrors[e] = (dispatchErrors[e] ?? 0) + n;
  }
  const first = carrying[0];
  const last = carrying.at(-1);
  const spanSeconds = first && last
    ? (last.timestampMs - blocks[blocks.indexOf(first) - 1].timestampMs) / 1000
    : null;
  const fullness = (b) => Number(b.normalRefTime) / maxRefTime;
  const proofFullness = (b) => Number(b.normalProofSize) / prediction.normalMaxProofSize;
  const ourBuilds = [...built.values()].filter((p) => p);
  const reasons = {};
  for (const d of delta) {
    for (const [r, n] of Object.entries(d.endProposalReasons)) reasons[r] = (reasons[r] ?? 0) + n;
  }
  const perNode = {};
  for (const s of samples) {
    for (const n of s.nodes) {
      perNode[n.name] ??= { lag: [], rss: [] };
      if (n.best !== null && n.finalized !== null) perNode[n.name].lag.push(n.best - n.finalized);
      if (n.rssMiB !== null) perNode[n.name].rss.push(n.rssMiB);
    }
  }
  // Across nodes: how far the most advanced best head is ahead of the least finalized one.
  const networkLag = samples.map((s) => {
    const best = s.nodes.map((n) => n.best).filter((x) => x !== null);
    const fin = s.nodes.map((n) => n.finalized).filter((x) => x !== null);
    return best.length && fin.length ? Math.max(...best) - Math.min(...fin) : null;
  });
  const txPerFull = spread(full.map((b) => b.ours));
  return {
    name,
    call: `${call.section}.${call.method}`,
    offered,
    submitted: sent.submitted,
    acceptedByPool: sent.accepted,
    refusedByPool: sent.refused,
    included,
    succeeded,
    failed: included - succeeded,
    dispatchErrors,
    notIncluded: sent.accepted - included,
    complete: included === offered && succeeded === offered,
    timedOut,
    submitSeconds: round(sent.submitSeconds, 1),
    phaseSeconds: round(phaseSeconds, 1),
    blocks: {
      first: first?.number ?? null,
      last: last?.number ?? null,
      carrying: carrying.length,
      full: full.length,
      fullNumbers: full.map((b) => b.number),
      emptyAtWeightLimit: emptyAtLimit.map((b) => b.number),
    },
    sustainedTps: fullSeconds > 0 ? round(fullTxs / fullSeconds, 1) : null,
    spanTps: spanSecondsFull > 0 ? round(spanTxs / spanSecondsFull, 1) : null,
    overallTps: spanSeconds ? round(included / spanSeconds, 1) : null,
    txPerBlock: spread(carrying.map((b) => b.ours)),
    txPerFullBlock: txPerFull,
    fullness: {
      refTime: mapSpread(spread(full.map(fullness))),
      proofSize: mapSpread(spread(full.map(proofFullness))),
    },
    prediction: {
      ...prediction,
      measuredOverPredicted: txPerFull.median !== null ? round(txPerFull.median / prediction.perBlock) : null,
    },
    endProposalReasons: reasons,
    endProposalReasonsPerNode: Object.fromEntries(delta.map((d) => [d.node, d.endProposalReasons])),
    buildMs: spread(full.map((b) => built.get(b.number)?.buildMs ?? null)),
    buildMsAllBlocks: spread(ourBuilds.map((p) => p.buildMs)),
    meanBuildSecondsPrometheus: delta.map((d) => ({ node: d.node, blocks: d.blocksConstructed, mean: round(d.meanBuildSeconds) })),
    finalityLag: {
      perNode: Object.fromEntries(Object.entries(perNode).map(([n, v]) => [n, spread(v.lag)])),
      acrossNodes: spread(networkLag),
    },
    rssMiB: Object.fromEntries(Object.entries(perNode).map(([n, v]) => [n, { ...spread(v.rss), end: v.rss.at(-1) ?? null }])),
    perBlock: phaseBlocks.map((b) => ({
      number: b.number,
      txs: b.ours,
      extrinsics: b.extrinsics,
      fullness: round(fullness(b), 4),
      proofFullness: round(proofFullness(b), 4),
      buildMs: built.get(b.number)?.buildMs ?? null,
      end: built.get(b.number)?.end ?? null,
      author: built.get(b.number)?.node ?? null,
      intervalMs: interval.get(b.number),
    })),
  };
}

function mapSpread(s) {
  return { min: round(s.min, 4), median: round(s.median, 4), max: round(s.max, 4) };
}
