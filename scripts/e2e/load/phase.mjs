// One measured phase: pre-sign, submit as fast as possible, wait until every accepted
// transaction is in a block (or the pool runs dry, or time runs out), then read the blocks
// and the nodes' counters back into the phase's figures.

import { readFileSync } from 'node:fs';
import { preSign, submit } from './submit.mjs';
import { predict } from './predict.mjs';
import { watch, readBlocks, proposals } from './observe.mjs';
import { scrape, proposerCounters, proposerDelta } from './prometheus.mjs';
import { summarise } from './figures.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function counters(nodes) {
  return Promise.all(nodes.map(async (n) => proposerCounters(await scrape(n.prometheusUrl))));
}

/** Waits until the finalized head of `api` reaches `number` (or `ms` pass). */
async function finalizedAt(api, number, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const head = await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead());
    if (head.number.toNumber() >= number) return true;
    await sleep(1_000);
  }
  return false;
}

/**
 * Runs `work` (the phase `name`, of the call `call`) against `nodes`, submitting to all of
 * them, and returns its figures. `deadline` bounds submission and inclusion together.
 */
export async function runPhase(api, nodes, { name, call, work, deadline, log }) {
  log(`phase ${name}: ${work.length} × ${call.section}.${call.method}`);
  const groups = await preSign(api, work, { log });
  const prediction = await predict(api, work[0].tx.method, work[0].signer, groups[0][0]);
  log(`  prediction: ${prediction.perBlock} per block (limited by ${prediction.limitedBy})`);

  const before = await counters(nodes);
  const startBlock = (await api.rpc.chain.getHeader()).number.toNumber();
  const started = Date.now();
  const watcher = watch(api, nodes, call);
  const sent = await submit(nodes.map((n) => n.wsUrl), groups, { deadline, log });

  // Included when the count reaches what the pools accepted; given up when the ready
  // queue stays empty for three blocks' time with nothing new included, or at the deadline.
  let idleSince = null;
  let lastCount = -1;
  let lastLog = 0;
  while (Date.now() < deadline) {
    const count = watcher.included();
    if (count >= sent.accepted) break;
    if (count !== lastCount || watcher.ready() !== 0) { idleSince = Date.now(); lastCount = count; }
    if (Date.now() - idleSince > 18_000) break;
    if (Date.now() - lastLog > 5_000) {
      log(`  included ${count}/${sent.accepted}, ready in pool: ${watcher.ready()}, best #${watcher.lastBlock()}`);
      lastLog = Date.now();
    }
    await sleep(500);
  }
  const phaseSeconds = (Date.now() - started) / 1000;
  const samples = await watcher.stop();
  const after = await counters(nodes);
  const endBlock = (await api.rpc.chain.getHeader()).number.toNumber();
  log(`  done in ${phaseSeconds.toFixed(1)} s: ${watcher.included()} included by #${endBlock}; reading blocks #${startBlock}..#${endBlock}`);

  // On a network the best chain may still change: read only finalized blocks.
  if (nodes.length > 1 && !(await finalizedAt(api, endBlock, 60_000))) log('  (blocks not finalized within 60 s: read from the best chain)');
  const blocks = await readBlocks(api, startBlock, endBlock, call);
  // Each canonical block's proposal, from the log of the node that built it.
  const byHash = new Map();
  for (const n of nodes) {
    for (const [hash, p] of proposals(readFileSync(n.logFile, 'utf8'))) byHash.set(hash, { ...p, node: n.name });
  }
  const built = new Map(blocks.filter((b) => byHash.has(b.hash)).map((b) => [b.number, byHash.get(b.hash)]));
  const delta = nodes.map((n, i) => ({ node: n.name, ...proposerDelta(before[i], after[i]) }));
  return summarise({
    name, call, offered: work.length, sent, prediction, blocks, built, delta, samples,
    phaseSeconds, timedOut: Date.now() >= deadline,
  });
}
