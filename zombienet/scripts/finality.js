// Block production and GRANDPA finality while validators are down (0003-finality-faults).
// Four validators: GRANDPA needs more than 2/3 of them, so 3 of 4 finalize and 2 of 4 don't;
// Aura keeps producing blocks in the slots of the validators that are up.
//
//   alice: js-script ./scripts/finality.js with "baseline,<seconds>"    all up: lag for the logs
//   alice: js-script ./scripts/finality.js with "one-down,<seconds>"    finality keeps advancing
//   alice: js-script ./scripts/finality.js with "two-down,<seconds>"    finality stops, blocks don't
//   alice: js-script ./scripts/finality.js with "recovered,<seconds>"   finality catches up on every
//       node, and the blocks finalized before the faults have the same hashes everywhere
//
// The lag is best - finalized on alice, sampled every second.

'use strict';

const chain = require('./lib/chain');

const ALL = ['alice', 'bob', 'charlie', 'dave', 'full'];
const STATE = 'finality';
// Blocks finalized before the stall can still be in flight when the second validator stops:
// votes already cast complete the round. Observing starts after this settling time.
const SETTLE_MS = 12_000;

/**
 * Samples the heads on `api` every second for `seconds`; returns the first and last heads,
 * the lags (best - finalized) and every finalized number seen.
 */
async function observe(api, seconds) {
  const first = await chain.heads(api);
  const lags = [];
  const finalizedSeen = [first.finalized];
  let last = first;
  for (let i = 0; i < seconds; i += 1) {
    await chain.sleep(1_000);
    last = await chain.heads(api);
    lags.push(last.best - last.finalized);
    finalizedSeen.push(last.finalized);
  }
  return { first, last, lags, finalizedSeen };
}

function report(label, { first, last, lags }, seconds) {
  const lag = chain.summary(lags);
  chain.log(`${label}: best #${first.best} -> #${last.best}, finalized #${first.finalized} -> #${last.finalized} in ${seconds} s; ` +
    `lag (best - finalized) min ${lag.min} mean ${lag.mean} max ${lag.max}`);
  return lag;
}

async function baseline(apis, seconds) {
  report('all 4 validators up', await observe(apis.alice, seconds), seconds);
}

async function oneDown(apis, seconds) {
  const seen = await observe(apis.alice, seconds);
  const lag = report('dave down, 3 of 4 validators', seen, seconds);
  const produced = seen.last.best - seen.first.best;
  const finalized = seen.last.finalized - seen.first.finalized;
  // 6 s slots, one in four empty: about 3/4 of seconds/6 blocks; finality follows them.
  const expected = Math.floor((seconds / 6) * 0.5);
  if (produced < expected) throw new Error(`only ${produced} blocks in ${seconds} s with 3 of 4 validators`);
  if (finalized < expected) throw new Error(`finality advanced by only ${finalized} blocks in ${seconds} s with 3 of 4 validators`);
  if (lag.max > 6) throw new Error(`finality lagged ${lag.max} blocks behind with 3 of 4 validators`);
  // The other nodes that are up follow too.
  for (const name of ['bob', 'charlie', 'full']) {
    const { finalized: theirs } = await chain.heads(apis[name]);
    if (theirs < seen.first.finalized + expected) throw new Error(`${name} finalized only #${theirs}`);
  }
}

async function twoDown(apis, seconds, networkInfo) {
  await chain.sleep(SETTLE_MS);
  const othersAtStart = {};
  for (const name of ['bob', 'full']) othersAtStart[name] = (await chain.heads(apis[name])).finalized;
  const seen = await observe(apis.alice, seconds);
  const lag = report('charlie and dave down, 2 of 4 validators', seen, seconds);
  const produced = seen.last.best - seen.first.best;
  // Half the slots are empty: about seconds/12 blocks.
  const expected = Math.floor((seconds / 12) * 0.5);
  if (produced < expected) throw new Error(`only ${produced} blocks in ${seconds} s with 2 of 4 validators`);
  // Over the whole window, not one snapshot: alice's finalized head never moved, and the
  // other nodes that are up stayed where alice stalled from the window's start to its end.
  const moved = seen.finalizedSeen.find((finalized) => finalized !== seen.first.finalized);
  if (moved !== undefined) {
    throw new Error(`alice finalized #${moved} during the ${seconds} s window with 2 of 4 validators (stalled at #${seen.first.finalized})`);
  }
  for (const name of ['bob', 'full']) {
    const { finalized: atEnd } = await chain.heads(apis[name]);
    for (const [when, finalized] of [['start', othersAtStart[name]], ['end', atEnd]]) {
      if (finalized !== seen.first.finalized) {
        throw new Error(`${name} had finalized #${finalized} at the window's ${when} with 2 of 4 validators (stalled at #${seen.first.finalized})`);
      }
    }
  }
  const stalledAt = seen.first.finalized;
  const hashes = await chain.blockHashes(apis.alice, 1, stalledAt);
  chain.saveState(networkInfo, STATE, { stalledAt, bestDuringStall: seen.last.best, hashes, maxLag: lag.max });
  chain.log(`finality stalled at #${stalledAt} while blocks went on to #${seen.last.best}; ${hashes.length} finalized hashes recorded`);
}

async function recovered(apis, seconds, networkInfo) {
  const { stalledAt, bestDuringStall, hashes } = chain.loadState(networkInfo, STATE);
  const start = Date.now();
  for (const name of ALL) {
    await chain.waitFor(
      `${name} finalizes past #${bestDuringStall}, the best block while finality was stalled`,
      async () => (await chain.heads(apis[name])).finalized > bestDuringStall,
      seconds * 1_000 - (Date.now() - start),
    );
  }
  chain.log(`every node finalized past #${bestDuringStall} ${((Date.now() - start) / 1000).toFixed(0)} s after the restarts`);
  for (const name of ALL) {
    const now = await chain.blockHashes(apis[name], 1, stalledAt);
    const differ = now.findIndex((hash, i) => hash !== hashes[i]);
    if (differ >= 0) throw new Error(`${name}: block #${differ + 1} is ${now[differ]}, was finalized as ${hashes[differ]}`);
  }
  chain.log(`blocks #1..#${stalledAt}, finalized before the faults, have the same hashes on all ${ALL.length} nodes`);
}

async function run(nodeName, networkInfo, [mode, secondsArg]) {
  const seconds = Number(secondsArg);
  if (!Number.isInteger(seconds) || seconds <= 0) throw new Error(`finality.js: "${secondsArg}" is not a number of seconds`);
  // Paused nodes would not answer: connect only to the ones that are up.
  const up = {
    baseline: ALL,
    'one-down': ['alice', 'bob', 'charlie', 'full'],
    'two-down': ['alice', 'bob', 'full'],
    recovered: ALL,
  }[mode];
  if (!up) throw new Error(`finality.js: unknown mode "${mode}" (baseline | one-down | two-down | recovered)`);
  const apis = await chain.connectAll(networkInfo, up);
  try {
    if (mode === 'baseline') await baseline(apis, seconds);
    if (mode === 'one-down') await oneDown(apis, seconds);
    if (mode === 'two-down') await twoDown(apis, seconds, networkInfo);
    if (mode === 'recovered') await recovered(apis, seconds, networkInfo);
  } finally {
    await chain.disconnectAll(apis);
  }
}

module.exports = { run };
