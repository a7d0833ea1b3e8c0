// The node's own account of block building, read from its Prometheus exporter: why each
// proposal ended (`substrate_proposer_end_proposal_reason`), how long building took
// (`substrate_proposer_block_constructed`), and the pool's ready queue.

/** All samples of the exposition at `url` as { 'name{labels}': value }. */
export async function scrape(url) {
  const text = await (await fetch(url, { signal: AbortSignal.timeout(5_000) })).text();
  const samples = {};
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    const value = Number(line.slice(space + 1));
    if (Number.isFinite(value)) samples[withoutChainLabel(line.slice(0, space))] = value;
  }
  return samples;
}

/** `name{a="1",chain="x"}` as `name{a="1"}`: the chain's name is the same in every sample. */
function withoutChainLabel(key) {
  const open = key.indexOf('{');
  if (open < 0) return key;
  const labels = key.slice(open + 1, -1).split(/,(?=\w+=")/).filter((l) => l && !l.startsWith('chain='));
  return labels.length ? `${key.slice(0, open)}{${labels.join(',')}}` : key.slice(0, open);
}

/** The proposal-end reasons and block construction totals in `samples`. */
export function proposerCounters(samples) {
  const reasons = {};
  for (const [key, value] of Object.entries(samples)) {
    const m = /^substrate_proposer_end_proposal_reason\{.*reason="([^"]+)"/.exec(key);
    if (m) reasons[m[1]] = (reasons[m[1]] ?? 0) + value;
  }
  return {
    reasons,
    constructedCount: samples.substrate_proposer_block_constructed_count ?? 0,
    constructedSum: samples.substrate_proposer_block_constructed_sum ?? 0,
  };
}

/** What happened between two `proposerCounters`: reason counts and mean build seconds. */
export function proposerDelta(before, after) {
  const reasons = {};
  for (const [reason, value] of Object.entries(after.reasons)) {
    const delta = value - (before.reasons[reason] ?? 0);
    if (delta > 0) reasons[reason] = delta;
  }
  const blocks = after.constructedCount - before.constructedCount;
  return {
    endProposalReasons: reasons,
    blocksConstructed: blocks,
    meanBuildSeconds: blocks > 0 ? (after.constructedSum - before.constructedSum) / blocks : null,
  };
}

/** Best and finalized heights. */
export function heights(samples) {
  return {
    best: samples['substrate_block_height{status="best"}'] ?? null,
    finalized: samples['substrate_block_height{status="finalized"}'] ?? null,
  };
}

/** Ready transactions in the node's pool (null if the exporter does not say). */
export function readyTransactions(samples) {
  return samples.substrate_ready_transactions_number ?? null;
}
