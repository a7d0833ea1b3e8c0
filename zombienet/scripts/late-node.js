// A full node that joins the running network late and syncs to its tip (0005-validator-set-change-and-late-sync).
//
//   alice: js-script ./scripts/late-node.js with "<full|warp>,<node binary>"
//
// Starts `v2x-node --sync <mode>` on the network's chain spec (which lists alice as boot node),
// on free 127.0.0.1 ports with its base path in the network's directory, waits until it has
// the network's finalized block (same hash) and is no longer syncing, then stops it. Warp sync
// must also say in its log that it completed: it downloads GRANDPA's finality proofs and the
// state of the finalized block instead of executing every block.

'use strict';

const fs = require('node:fs');
const chain = require('./lib/chain');

const SYNC_MS = 150_000;
const WARP_DONE = 'Warp sync is complete';

function startNode(binary, networkInfo, mode) {
  return chain.spawnNode(binary, networkInfo, `late-${mode}`, ['--sync', mode]);
}

/**
 * Raw JSON-RPC to the late node. @polkadot/api can't connect before warp sync is over: it
 * reads the metadata of the best block, whose state a warp-syncing node doesn't have yet.
 */
async function rpcClient(wsUri) {
  const provider = new zombie.WsProvider(wsUri, 1_000);
  await chain.withTimeout(provider.isReady, 60_000, `no RPC answer from ${wsUri} within 60 s`);
  const send = (method, params = []) => provider.send(method, params);
  return {
    provider,
    async heads() {
      const [best, finalizedHash] = await Promise.all([send('chain_getHeader'), send('chain_getFinalizedHead')]);
      const finalized = await send('chain_getHeader', [finalizedHash]);
      return { best: Number(best.number), finalized: Number(finalized.number) };
    },
    isSyncing: async () => (await send('system_health')).isSyncing,
    blockHash: (number) => send('chain_getBlockHash', [number]),
  };
}

async function syncToTip(node, network, mode) {
  const target = await chain.heads(network);
  chain.log(`network at best #${target.best}, finalized #${target.finalized}`);
  const start = Date.now();
  const { died } = node;
  const client = await Promise.race([rpcClient(node.wsUri), died]);
  try {
    const synced = chain.waitFor(
      `${node.name} finalizes #${target.finalized} and stops syncing`,
      async () => {
        const [{ best, finalized }, syncing] = await Promise.all([client.heads(), client.isSyncing()]);
        return finalized >= target.finalized && best >= target.best && !syncing && { best, finalized };
      },
      SYNC_MS,
    );
    const reached = await Promise.race([synced, died]);
    const seconds = ((Date.now() - start) / 1000).toFixed(0);

    const ours = await client.blockHash(target.finalized);
    if (ours !== target.finalizedHash) {
      throw new Error(`${node.name} has ${ours} at #${target.finalized}, the network finalized ${target.finalizedHash}`);
    }
    if (mode === 'warp' && !fs.readFileSync(node.logFile, 'utf8').includes(WARP_DONE)) {
      throw new Error(`${node.name} synced but its log never says "${WARP_DONE}": it did not warp sync`);
    }
    chain.log(`${node.name} synced in ${seconds} s: best #${reached.best}, finalized #${reached.finalized}, ` +
      `same hash as the network at #${target.finalized}`);
    return Number(seconds);
  } finally {
    await client.provider.disconnect();
  }
}

async function run(nodeName, networkInfo, [mode, binary]) {
  if (!['full', 'warp'].includes(mode)) throw new Error(`late-node.js: unknown sync mode "${mode}" (full | warp)`);
  if (!binary || !fs.existsSync(binary)) throw new Error(`late-node.js: no node binary at "${binary}"`);
  const network = await chain.connect(networkInfo.nodesByName[nodeName].wsUri);
  const node = await startNode(binary, networkInfo, mode);
  try {
    return await syncToTip(node, network, mode);
  } finally {
    await node.stop();
    await network.disconnect();
  }
}

module.exports = { run };
