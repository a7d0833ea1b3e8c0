// A stream of transfers through one node while others are killed and restarted
// (0003-finality-faults), and the check that every transfer was finalized and that every
// node, the restarted validators among them, holds the same finalized blocks and balances.
//
//   alice: js-script ./scripts/load.js with "start"        start sending in the background
//       (the script returns at once; the stream goes on in zombienet's process)
//   alice: js-script ./scripts/load.js with "check,<seconds>"   stop sending, wait up to
//       <seconds> for every transfer to be finalized, then compare on every node
//
// Transfers go from accounts that are no validators, in turn, each with its own nonce
// counter, to a fresh account; each one's pool status is followed until it is finalized.

'use strict';

const chain = require('./lib/chain');

const ALL = ['alice', 'bob', 'charlie', 'dave', 'full'];
const SENDERS = ['Eve', 'Ferdie', 'Alice//stash', 'Bob//stash'];
const RECIPIENT = 'ZombieLoad';
const EVERY_MS = 500;
const AMOUNT = 10_000_000_000n; // 0.01 V2X
// What "start" leaves for "check": both run in zombienet's process, one after the other.
const KEY = Symbol.for('v2x.zombienet.load');

async function start(nodeName, networkInfo) {
  if (globalThis[KEY]) throw new Error('load.js: a stream is already running');
  const api = await chain.connect(networkInfo.nodesByName[nodeName].wsUri);
  const senders = SENDERS.map(chain.devAccount);
  const recipient = chain.devAccount(RECIPIENT).address;
  const nonces = [];
  for (const sender of senders) nonces.push((await api.rpc.system.accountNextIndex(sender.address)).toNumber());
  const load = { api, nodeName, recipient, transfers: [], startedAt: Date.now() };
  let turn = 0;
  load.timer = setInterval(() => {
    const i = turn++ % senders.length;
    const transfer = { sender: SENDERS[i], nonce: nonces[i], status: 'sent' };
    nonces[i] += 1;
    load.transfers.push(transfer);
    api.tx.balances.transferKeepAlive(recipient, AMOUNT)
      .signAndSend(senders[i], { nonce: transfer.nonce }, ({ status }) => {
        if (status.isFinalized) {
          transfer.status = 'finalized';
          transfer.blockHash = status.asFinalized.toHex();
        } else if (status.isInvalid || status.isDropped || status.isUsurped) {
          transfer.status = status.type;
        }
      })
      .then((unsubscribe) => { transfer.unsubscribe = unsubscribe; })
      .catch((error) => { transfer.status = `refused: ${error.message}`; });
  }, EVERY_MS);
  globalThis[KEY] = load;
  chain.log(`sending a transfer every ${EVERY_MS} ms through ${nodeName}, from ${SENDERS.join(', ')} in turn, to //${RECIPIENT}`);
}

async function check(networkInfo, seconds) {
  const load = globalThis[KEY];
  if (!load) throw new Error('load.js: no stream is running: "start" did not run before');
  delete globalThis[KEY];
  clearInterval(load.timer);
  const { api, transfers, recipient } = load;
  const sentFor = ((Date.now() - load.startedAt) / 1000).toFixed(0);
  chain.log(`stopped after ${transfers.length} transfers in ${sentFor} s; waiting for each to be finalized`);
  const apis = {};
  try {
    await chain.waitFor(
      'every transfer of the load finalized',
      () => {
        const failed = transfers.find(({ status }) => status !== 'sent' && status !== 'finalized');
        if (failed) throw new Error(`${failed.sender}'s transfer with nonce ${failed.nonce}: ${failed.status}`);
        return transfers.every(({ status }) => status === 'finalized');
      },
      seconds * 1_000,
    );
    let last = 0;
    for (const hash of new Set(transfers.map(({ blockHash }) => blockHash))) {
      last = Math.max(last, (await api.rpc.chain.getHeader(hash)).number.toNumber());
    }
    const hashes = await chain.blockHashes(api, 1, last);
    const expected = BigInt(transfers.length) * AMOUNT;
    chain.log(`${transfers.length} transfers finalized in blocks up to #${last} on ${load.nodeName}`);

    for (const name of ALL) apis[name] = name === load.nodeName ? api : await chain.connect(networkInfo.nodesByName[name].wsUri);
    for (const name of ALL) {
      await chain.waitFor(`${name} finalizes #${last}`, async () => (await chain.heads(apis[name])).finalized >= last, 30_000);
      const theirs = await chain.blockHashes(apis[name], 1, last);
      const differ = theirs.findIndex((hash, i) => hash !== hashes[i]);
      if (differ >= 0) throw new Error(`${name}: block #${differ + 1} is ${theirs[differ]}, ${load.nodeName} finalized ${hashes[differ]}`);
      const { data } = await apis[name].query.system.account.at(hashes[last - 1], recipient);
      if (data.free.toBigInt() !== expected) {
        throw new Error(`${name}: //${RECIPIENT} holds ${data.free.toBigInt()} at #${last}, the ${transfers.length} transfers sent ${expected}`);
      }
    }
    chain.log(`all ${ALL.length} nodes have blocks #1..#${last} with the same hashes and //${RECIPIENT} holding the ${transfers.length} transfers`);
  } finally {
    for (const { unsubscribe } of transfers) unsubscribe?.();
    await chain.disconnectAll({ ...apis, [load.nodeName]: api });
  }
}

async function run(nodeName, networkInfo, [mode, secondsArg]) {
  if (mode === 'start') return start(nodeName, networkInfo);
  if (mode === 'check') {
    const seconds = Number(secondsArg);
    if (!Number.isInteger(seconds) || seconds <= 0) throw new Error(`load.js: "${secondsArg}" is not a number of seconds`);
    return check(networkInfo, seconds);
  }
  throw new Error(`load.js: unknown mode "${mode}" (start | check,<seconds>)`);
}

module.exports = { run };
