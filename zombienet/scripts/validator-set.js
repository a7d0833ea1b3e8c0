// The council changes the validator set (0005-validator-set-change-and-late-sync): a fifth validator with
// fresh keys joins, one of the four leaves, and blocks and finality go on throughout.
//
//   alice: js-script ./scripts/validator-set.js with "change,<node binary>"
//       Starts a sixth node, "eve" (`--validator`, fresh keystore, free 127.0.0.1 ports, its
//       base path in the network's directory) and waits until it has synced. Its node makes
//       new session keys with an ownership proof for the account //Eve
//       (`author_rotateKeysWithOwner`) and //Eve registers them (`session.setKeys`). A council
//       motion, `utility.batchAll([validatorSet.addValidator(eve),
//       validatorSet.removeValidator(dave)])`, is proposed by Alice with threshold 2, voted
//       for by Alice and Bob (the proposer's aye is not implied) and closed by Alice: it
//       must execute with an Ok result and emit
//       `ValidatorAdded` and `ValidatorRemoved`. Then block B, the first block whose state has
//       Eve and not Dave in `session.validators`, must come within two sessions; of the 12
//       blocks after B at least one is authored by Eve and none by Dave, and the finalized
//       head passes B + 10. All along, alice's best and finalized heads are sampled every 2 s
//       and neither may stand still for more than 60 s. The eve node is stopped at the end,
//       also on failure.
//   <node>: js-script ./scripts/validator-set.js with "check"
//       after eve stopped: that node has block B with the same hash and keeps finalizing
//       (3 of the 4 validators, alice, bob and charlie, are up), with Eve and not Dave in the
//       session's validators.
//
// The author of block N is Aura's authority at `slot % authorities` in the state of block
// N - 1 (a session's new authorities are set in its first block and author from the next),
// with the account at the same index of `session.validators` in that state.

'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const chain = require('./lib/chain');

const STATE = 'validator-set';
// The whole "change" run must end (and stop eve) before the test line's 720 s.
const RUN_MS = 660_000;
const SYNC_MS = 90_000;
const TX_MS = 60_000;
// A change in session n is queued at the start of n + 1 and live at the start of n + 2:
// at most 20 blocks (two 1-minute sessions) after the motion, plus missed slots.
const SWITCH_MS = 200_000;
// Blocks observed after B (three rounds of the four validators), and how far finality must
// get past B.
const BLOCKS_AFTER = 12;
const FINALIZED_AFTER = 10;
const AFTER_MS = 240_000;
// Heads sampling: neither best nor finalized may stand still longer than this.
const SAMPLE_MS = 2_000;
const STALL_MS = 60_000;

const hex = (u8a) => `0x${Buffer.from(u8a).toString('hex')}`;

/** Starts the eve node: a validator with an empty keystore and a random network key. */
function startEve(binary, networkInfo) {
  // An authority node won't make up its own network key: it gets a random one.
  return chain.spawnNode(binary, networkInfo, 'eve', [
    '--validator',
    '--node-key', crypto.randomBytes(32).toString('hex'),
  ]);
}

/**
 * Samples `api`'s best and finalized heads every SAMPLE_MS; `failed` rejects as soon as one
 * of them has not advanced for STALL_MS (or the node does not answer for that long).
 */
function watchHeads(api) {
  const samples = [];
  const since = { best: Date.now(), finalized: Date.now() };
  const longest = { best: 0, finalized: 0 };
  const last = { best: -1, finalized: -1 };
  let stopped = false;
  let fail;
  const failed = new Promise((_, reject) => { fail = reject; });
  failed.catch(() => {});
  const loop = (async () => {
    while (!stopped) {
      const now = Date.now();
      try {
        const h = await chain.heads(api);
        samples.push({ at: now, best: h.best, finalized: h.finalized });
        for (const key of ['best', 'finalized']) {
          if (h[key] > last[key]) {
            // The time since the last advance, to the resolution of the sampling.
            if (last[key] >= 0) longest[key] = Math.max(longest[key], now - since[key]);
            last[key] = h[key];
            since[key] = now;
          }
        }
      } catch (error) {
        chain.log(`heads not read: ${error.message}`);
      }
      for (const key of ['best', 'finalized']) {
        if (now - since[key] > STALL_MS) {
          stopped = true;
          fail(new Error(`alice's ${key} head stood still at #${last[key]} for ${((now - since[key]) / 1000).toFixed(0)} s`));
        }
      }
      if (!stopped) await chain.sleep(SAMPLE_MS);
    }
  })();
  return {
    failed,
    samples,
    longest,
    stop: async () => { stopped = true; await loop; },
  };
}

function dispatchErrorText(api, error) {
  if (!error.isModule) return error.toString();
  const { section, name } = api.registry.findMetaError(error.asModule);
  return `${section}.${name}`;
}

/** The block number of a finalized extrinsic's block. */
async function numberOf(api, blockHash) {
  return (await api.rpc.chain.getHeader(blockHash)).number.toNumber();
}

/** Waits until `client` (eve's node) has the network's finalized block and stops syncing. */
async function syncEve(api, eve) {
  const target = await chain.heads(api);
  const start = Date.now();
  const client = await Promise.race([chain.connect(eve.wsUri, 60_000), eve.died]);
  const synced = chain.waitFor(
    `eve finalizes #${target.finalized} and stops syncing`,
    async () => {
      const [h, health] = await Promise.all([chain.heads(client), client.rpc.system.health()]);
      return h.finalized >= target.finalized && h.best >= target.best && !health.isSyncing.isTrue && h;
    },
    SYNC_MS,
  );
  const reached = await Promise.race([synced, eve.died]);
  const ours = (await client.rpc.chain.getBlockHash(target.finalized)).toHex();
  if (ours !== target.finalizedHash) {
    throw new Error(`eve has ${ours} at #${target.finalized}, the network finalized ${target.finalizedHash}`);
  }
  chain.log(`eve synced in ${((Date.now() - start) / 1000).toFixed(0)} s: best #${reached.best}, finalized #${reached.finalized}`);
  return client;
}

/** New session keys in eve's keystore, with the proof that //Eve owns them; //Eve sets them. */
async function registerKeys(api, client, eveWsUri, eveAccount) {
  const owner = hex(eveAccount.publicKey);
  // Raw RPC: @polkadot/api's decorated `author` methods don't include this one.
  const provider = new zombie.WsProvider(eveWsUri, 1_000);
  let generated;
  try {
    generated = await chain.withTimeout(
      provider.isReady.then(() => provider.send('author_rotateKeysWithOwner', [owner])),
      10_000,
      'author_rotateKeysWithOwner did not answer within 10 s',
    );
  } finally {
    await provider.disconnect().catch(() => {});
  }
  chain.log(`author_rotateKeysWithOwner(${owner}) returned ${JSON.stringify(generated)}`);
  const { keys, proof } = generated ?? {};
  if (typeof keys !== 'string' || typeof proof !== 'string') {
    throw new Error(`author_rotateKeysWithOwner: expected { keys, proof } as hex, got ${JSON.stringify(generated)}`);
  }
  if (!(await client.rpc.author.hasSessionKeys(keys)).isTrue) throw new Error('eve\'s keystore lacks the keys it just made');

  const { blockHash } = await chain.sendAndFinalize(api, api.tx.session.setKeys(keys, proof), eveAccount, TX_MS);
  const next = await api.query.session.nextKeys(eveAccount.address);
  if (next.isNone) throw new Error('session.nextKeys(eve) is empty after session.setKeys');
  if (next.unwrap().toHex() !== keys) throw new Error(`session.nextKeys(eve) is ${next.unwrap().toHex()}, set ${keys}`);
  const aura = next.unwrap().aura.toHex();
  chain.log(`eve's keys (aura ${aura}, grandpa ${next.unwrap().grandpa.toHex()}) set in finalized block #${await numberOf(api, blockHash)}`);
  return { aura };
}

/** The council's motion: add eve, remove dave. Alice proposes, Alice and Bob vote, Alice closes. */
async function councilMotion(api, eve, dave) {
  const alice = chain.devAccount('Alice');
  const bob = chain.devAccount('Bob');
  const proposal = api.tx.utility.batchAll([
    api.tx.validatorSet.addValidator(eve),
    api.tx.validatorSet.removeValidator(dave),
  ]);
  const lengthBound = proposal.method.encodedLength;
  const weightBound = (await proposal.paymentInfo(alice)).weight;

  const proposed = await chain.sendAndFinalize(api, api.tx.council.propose(2, proposal, lengthBound), alice, TX_MS);
  const [event] = chain.eventsOf(proposed.events, 'council', 'Proposed');
  if (!event) throw new Error('no council.Proposed event: the motion was not made');
  const [, index, proposalHash, threshold] = event;
  chain.log(`council motion #${index} (${proposalHash.toHex()}), threshold ${threshold}, proposed by Alice`);

  // pallet-collective counts no vote for the proposer: Alice votes too, then Bob.
  for (const [name, voter] of [['Alice', alice], ['Bob', bob]]) {
    const voted = await chain.sendAndFinalize(api, api.tx.council.vote(proposalHash, index, true), voter, TX_MS);
    const [votes] = chain.eventsOf(voted.events, 'council', 'Voted');
    if (!votes) throw new Error(`no council.Voted event for ${name}'s vote`);
    chain.log(`${name} voted aye: ${votes[3]} ayes, ${votes[4]} nays`);
  }

  const closed = await chain.sendAndFinalize(
    api, api.tx.council.close(proposalHash, index, weightBound, lengthBound), alice, TX_MS,
  );
  const [executed] = chain.eventsOf(closed.events, 'council', 'Executed');
  if (!executed) {
    const names = closed.events.map(({ event: e }) => `${e.section}.${e.method}`).join(', ');
    throw new Error(`closing the motion executed nothing (events: ${names})`);
  }
  const result = executed[1];
  if (result.isErr) throw new Error(`the motion executed with an error: ${dispatchErrorText(api, result.asErr)}`);
  const added = chain.eventsOf(closed.events, 'validatorSet', 'ValidatorAdded').map((d) => d[0].toString());
  const removed = chain.eventsOf(closed.events, 'validatorSet', 'ValidatorRemoved').map((d) => d[0].toString());
  if (added.length !== 1 || added[0] !== eve) throw new Error(`ValidatorAdded events: [${added}], expected [${eve}]`);
  if (removed.length !== 1 || removed[0] !== dave) throw new Error(`ValidatorRemoved events: [${removed}], expected [${dave}]`);

  const number = await numberOf(api, closed.blockHash);
  const apiAt = await api.at(closed.blockHash);
  const planned = (await apiAt.query.validatorSet.validators()).map(String);
  const session = (await apiAt.query.session.currentIndex()).toNumber();
  if (!planned.includes(eve) || planned.includes(dave)) throw new Error(`validatorSet.validators is [${planned}] after the motion`);
  chain.log(`motion executed Ok in finalized block #${number} (session ${session}): ValidatorAdded(eve), ValidatorRemoved(dave); ` +
    `validatorSet.validators has ${planned.length} accounts`);
  return { number, session };
}

async function sessionValidatorsAt(api, hash) {
  return (await (await api.at(hash)).query.session.validators()).map(String);
}

/** The first block whose state has eve and not dave among the session's validators. */
async function waitForSwitch(api, from, eve, dave) {
  const hasNewSet = (set) => set.includes(eve) && !set.includes(dave);
  const seen = await chain.waitFor(
    'session.validators at the best block with eve and without dave',
    async () => {
      const header = await api.rpc.chain.getHeader();
      return hasNewSet(await sessionValidatorsAt(api, header.hash)) && header.number.toNumber();
    },
    SWITCH_MS,
  );
  // The best block may already be past the first one: walk back on the canonical chain.
  let first = seen;
  while (first - 1 > from && hasNewSet(await sessionValidatorsAt(api, await api.rpc.chain.getBlockHash(first - 1)))) {
    first -= 1;
  }
  const hash = await api.rpc.chain.getBlockHash(first);
  const apiAt = await api.at(hash);
  const session = (await apiAt.query.session.currentIndex()).toNumber();
  const set = await sessionValidatorsAt(api, hash);
  return { number: first, hash: hash.toHex(), session, set };
}

/** Who authored block `number`: Aura's authority for its slot in its parent's state. */
async function authorOf(api, number) {
  const hash = await api.rpc.chain.getBlockHash(number);
  const header = await api.rpc.chain.getHeader(hash);
  const pre = header.digest.logs.find((item) => item.isPreRuntime && item.asPreRuntime[0].isAura);
  if (!pre) throw new Error(`block #${number} has no Aura pre-runtime digest`);
  const slot = Buffer.from(pre.asPreRuntime[1].toU8a(true)).readBigUInt64LE(0);
  const parent = await api.at(header.parentHash);
  const [authorities, validators] = await Promise.all([parent.query.aura.authorities(), parent.query.session.validators()]);
  const index = Number(slot % BigInt(authorities.length));
  return { number, key: authorities[index].toHex(), account: validators[index].toString() };
}

async function change(api, networkInfo, binary) {
  const eveAccount = chain.devAccount('Eve');
  const eve = eveAccount.address;
  const dave = chain.devAccount('Dave').address;
  const names = Object.fromEntries(['Alice', 'Bob', 'Charlie', 'Dave', 'Eve'].map((n) => [chain.devAccount(n).address, n]));
  const nameOf = (account) => names[account] ?? account;

  const before = await sessionValidatorsAt(api, (await api.rpc.chain.getHeader()).hash);
  chain.log(`session validators: ${before.map(nameOf).join(', ')}`);
  if (!before.includes(dave) || before.includes(eve)) throw new Error('expected dave and not eve among the session validators at the start');

  const watch = watchHeads(api);
  const node = await startEve(binary, networkInfo);
  let client;
  try {
    const steps = async () => {
      client = await syncEve(api, node);
      const { aura: eveAura } = await registerKeys(api, client, node.wsUri, eveAccount);
      const motion = await councilMotion(api, eve, dave);

      const switched = await waitForSwitch(api, motion.number, eve, dave);
      chain.log(`block B = #${switched.number} (session ${switched.session}, ${switched.number - motion.number} blocks after the motion): ` +
        `session validators ${switched.set.map(nameOf).join(', ')}`);

      const lastBlock = switched.number + BLOCKS_AFTER;
      const target = switched.number + FINALIZED_AFTER;
      await chain.waitFor(
        `best block #${lastBlock} and finalized past #${target}`,
        async () => {
          const h = await chain.heads(api);
          return h.best >= lastBlock && h.finalized > target;
        },
        AFTER_MS,
      );
      const authors = [];
      for (let number = switched.number + 1; number <= lastBlock; number += 1) authors.push(await authorOf(api, number));
      const byEve = authors.filter((a) => a.account === eve);
      const byDave = authors.filter((a) => a.account === dave);
      for (const a of byEve) {
        if (a.key !== eveAura) throw new Error(`block #${a.number}: authority ${a.key} at eve's index, eve's aura key is ${eveAura}`);
      }
      const count = {};
      for (const a of authors) count[nameOf(a.account)] = (count[nameOf(a.account)] ?? 0) + 1;
      chain.log(`authors of #${switched.number + 1}..#${lastBlock}: ${JSON.stringify(count)}; ` +
        `eve's blocks: ${byEve.map((a) => `#${a.number}`).join(' ') || 'none'}`);
      if (byDave.length) throw new Error(`dave authored ${byDave.map((a) => `#${a.number}`).join(' ')} after his removal took effect at #${switched.number}`);
      if (!byEve.length) throw new Error(`eve authored none of the ${BLOCKS_AFTER} blocks after #${switched.number}; see ${node.logFile}`);

      const now = await chain.heads(api);
      const eveHeads = await chain.heads(client);
      chain.log(`finalized #${now.finalized} (B + ${now.finalized - switched.number}) on alice, #${eveHeads.finalized} on eve`);
      // B is final by now: its hash for the other nodes' check.
      switched.hash = (await api.rpc.chain.getBlockHash(switched.number)).toHex();
      return { switched, motion, byEve: byEve.map((a) => a.number), finalized: now.finalized };
    };
    const result = await chain.withTimeout(
      Promise.race([steps(), watch.failed, node.died]),
      RUN_MS,
      `the validator set change did not complete within ${RUN_MS / 1000} s`,
    );

    const after = watch.samples.filter((s) => s.best > result.switched.number);
    const lag = chain.summary((after.length ? after : watch.samples).map((s) => s.best - s.finalized));
    const whole = chain.summary(watch.samples.map((s) => s.best - s.finalized));
    chain.log(`figures: motion in #${result.motion.number} (session ${result.motion.session}); block B #${result.switched.number} ` +
      `(session ${result.switched.session}); eve authored ${result.byEve.length} of the ${BLOCKS_AFTER} blocks after B; ` +
      `finality lag (best - finalized, every ${SAMPLE_MS / 1000} s) after B min ${lag.min} mean ${lag.mean} max ${lag.max}, ` +
      `whole run min ${whole.min} mean ${whole.mean} max ${whole.max} (${whole.samples} samples); ` +
      `longest time between new best blocks ${(watch.longest.best / 1000).toFixed(0)} s, between new finalized blocks ${(watch.longest.finalized / 1000).toFixed(0)} s`);
    chain.saveState(networkInfo, STATE, {
      block: result.switched.number,
      hash: result.switched.hash,
      finalized: result.finalized,
      eve,
      dave,
    });
    return result.byEve.length;
  } finally {
    await watch.stop();
    if (client) await client.disconnect().catch(() => {});
    await node.stop();
  }
}

/** After eve stopped: this node agrees on block B and keeps finalizing with 3 of 4 validators. */
async function check(api, networkInfo, nodeName) {
  const { block, hash, finalized, eve, dave } = chain.loadState(networkInfo, STATE);
  const ours = (await api.rpc.chain.getBlockHash(block)).toHex();
  if (ours !== hash) throw new Error(`${nodeName} has ${ours} at block B #${block}, alice had ${hash}`);
  const target = finalized + 3;
  const reached = await chain.waitFor(
    `${nodeName} finalizes #${target}`,
    async () => {
      const h = await chain.heads(api);
      return h.finalized >= target && h;
    },
    60_000,
  );
  const set = await sessionValidatorsAt(api, reached.finalizedHash);
  if (!set.includes(eve) || set.includes(dave)) throw new Error(`${nodeName}: session.validators at #${reached.finalized} is [${set}]`);
  chain.log(`${nodeName}: same block B #${block}; finalized #${reached.finalized} with eve stopped (3 of 4 validators up)`);
  return reached.finalized;
}

async function run(nodeName, networkInfo, [mode, binary]) {
  if (mode === 'change' && (!binary || !fs.existsSync(binary))) throw new Error(`validator-set.js: no node binary at "${binary}"`);
  if (!['change', 'check'].includes(mode)) throw new Error(`validator-set.js: unknown mode "${mode}" (change | check)`);
  const api = await chain.connect(networkInfo.nodesByName[nodeName].wsUri);
  try {
    if (mode === 'change') return await change(api, networkInfo, binary);
    return await check(api, networkInfo, nodeName);
  } finally {
    await api.disconnect();
  }
}

module.exports = { run };
