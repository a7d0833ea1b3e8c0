// Crash recovery: a dev node with its own base path, under a stream of transfers, is killed
// with SIGKILL (no shutdown, its database mid-write) and started again on the same base path.
// It must resume producing and finalizing blocks, and every block it had finalized before the
// crash must still be there with the same hash and state root.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { startDevNode, waitForFinalized, sendInBlock, withTimeout } from '../lib/node.mjs';

const SENDERS = ['Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];
// One transfer every LOAD_EVERY_MS, the senders taking turns: about 4 a second.
const LOAD_EVERY_MS = 250;
const AMOUNT = 1_000_000_000n; // 0.001 V2X, the existential deposit
// Blocks to finalize under load before the crash.
const FINALIZED_BEFORE_CRASH = 2;

const basePath = mkdtempSync(join(tmpdir(), 'v2x-crash-'));
const nodes = [];
after(async () => {
  for (const node of nodes) await node.stop();
  rmSync(basePath, { recursive: true, force: true });
});

/**
 * Sends transfers from the senders in turn to `recipient`, each with the sender's next nonce,
 * until `stop()`; counts what the pool accepted and what it refused (the node's answer to
 * author_submitExtrinsic, not inclusion).
 */
async function startLoad(api, senders, recipient) {
  const counts = { sent: 0, accepted: 0, refused: 0 };
  const nonces = new Map();
  for (const { address } of senders) nonces.set(address, (await api.rpc.system.accountNextIndex(address)).toNumber());
  let turn = 0;
  let stopped = false;
  const timer = setInterval(async () => {
    const sender = senders[turn++ % senders.length];
    const nonce = nonces.get(sender.address);
    nonces.set(sender.address, nonce + 1);
    counts.sent += 1;
    try {
      await api.tx.balances.transferKeepAlive(recipient, AMOUNT).signAndSend(sender, { nonce });
      counts.accepted += 1;
    } catch {
      if (!stopped) counts.refused += 1;
    }
  }, LOAD_EVERY_MS);
  return {
    counts,
    stop() { stopped = true; clearInterval(timer); },
  };
}

/** Hash and state root of blocks 0..=`to` on the node behind `api`. */
async function finalizedBlocks(api, to) {
  const blocks = [];
  for (let number = 0; number <= to; number += 1) {
    const hash = await api.rpc.chain.getBlockHash(number);
    const header = await api.rpc.chain.getHeader(hash);
    blocks.push({ number, hash: hash.toHex(), stateRoot: header.stateRoot.toHex() });
  }
  return blocks;
}

async function heads(api) {
  const finalizedHash = await api.rpc.chain.getFinalizedHead();
  const [best, finalized] = await Promise.all([api.rpc.chain.getHeader(), api.rpc.chain.getHeader(finalizedHash)]);
  return { best: best.number.toNumber(), finalized: finalized.number.toNumber() };
}

test('killed with SIGKILL under load and restarted on its base path, the node resumes and keeps every finalized block', async () => {
  const started = Date.now();
  const keyring = new Keyring({ type: 'sr25519' });
  const senders = SENDERS.map((name) => keyring.addFromUri(`//${name}`));
  const recipient = keyring.addFromUri('//CrashRecovery').address;

  const first = await startDevNode({ basePath });
  nodes.push(first);
  const load = await startLoad(first.api, senders, recipient);
  let beforeCrash;
  try {
    await waitForFinalized(first.api, FINALIZED_BEFORE_CRASH, 60_000);
    // The load must have reached finalized state, or the crash happens to an idle chain.
    await withTimeout((async () => {
      for (;;) {
        const finalized = await first.api.rpc.chain.getFinalizedHead();
        const { data } = await first.api.query.system.account.at(finalized, recipient);
        if (data.free.toBigInt() > 0n) return;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    })(), 30_000, 'no transfer of the load was finalized within 30 s');
    const { best, finalized } = await heads(first.api);
    const blocks = await finalizedBlocks(first.api, finalized);
    const finalizedHash = blocks[finalized].hash;
    const received = (await first.api.query.system.account.at(finalizedHash, recipient)).data.free.toBigInt();
    beforeCrash = { best: Math.max(best, (await heads(first.api)).best), finalized, blocks, received };
  } finally {
    // The load is still running when the node dies (`kill` sends SIGKILL at once).
    const killed = first.kill();
    load.stop();
    await killed;
  }
  const { counts } = load;
  assert.ok(counts.accepted >= 5, `the pool accepted only ${counts.accepted} of ${counts.sent} transfers before the crash`);
  assert.equal(counts.refused, 0, `the pool refused ${counts.refused} of ${counts.sent} transfers before the crash`);
  console.log(`# before the crash: best #${beforeCrash.best}, finalized #${beforeCrash.finalized}; `
    + `${counts.accepted} transfers accepted by the pool at ${(1000 / LOAD_EVERY_MS).toFixed(0)}/s; `
    + `${beforeCrash.received / AMOUNT} of them finalized`);

  const restarted = await startDevNode({ basePath });
  nodes.push(restarted);
  const { api } = restarted;
  const afterRestart = await heads(api);
  assert.ok(afterRestart.finalized >= beforeCrash.finalized,
    `after the restart the node's finalized head is #${afterRestart.finalized}, it was #${beforeCrash.finalized} before the crash`);
  assert.deepEqual(await finalizedBlocks(api, beforeCrash.finalized), beforeCrash.blocks,
    'a block finalized before the crash changed');
  const at = beforeCrash.blocks[beforeCrash.finalized].hash;
  assert.equal((await api.query.system.account.at(at, recipient)).data.free.toBigInt(), beforeCrash.received);

  // It produces and finalizes a block after both the pre-crash best block and the best block
  // it found in its database, and its pool takes new transfers.
  const target = Math.max(beforeCrash.best, afterRestart.best) + 1;
  const [{ events }] = await Promise.all([
    sendInBlock(api, api.tx.balances.transferKeepAlive(recipient, AMOUNT), senders[0], 60_000),
    waitForFinalized(api, target, 60_000),
  ]);
  assert.ok(events.some(({ event }) => event.section === 'balances' && event.method === 'Transfer'));
  const resumed = await heads(api);
  assert.ok(resumed.best >= target);
  console.log(`# restarted with best #${afterRestart.best}, finalized #${afterRestart.finalized}; `
    + `then best #${resumed.best}, finalized #${resumed.finalized}; `
    + `blocks #0..#${beforeCrash.finalized} unchanged; whole test ${((Date.now() - started) / 1000).toFixed(0)} s`);
});
