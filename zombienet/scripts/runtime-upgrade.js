// A runtime upgrade through sudo(system.setCode) (0004-runtime-upgrade).
//
//   alice: js-script ./scripts/runtime-upgrade.js with "set-code,<path of the Wasm>"
//       Alice (sudo) sets the code; the upgrade is finalized and the next block runs a higher
//       spec_version.
//   <node>: js-script ./scripts/runtime-upgrade.js with "check"
//       that node's best and finalized blocks run the new version, and it keeps finalizing.
//   <node>: js-script ./scripts/runtime-upgrade.js with "transact"
//       a signed transaction sent through that node after the upgrade (a transfer, signed
//       for the new spec_version) is finalized in a block running the new runtime.

'use strict';

const fs = require('node:fs');
const chain = require('./lib/chain');

const STATE = 'runtime-upgrade';
// The node's block proposer (sc-basic-authorship's default) fills blocks up to this many
// bytes: a bigger extrinsic waits in the pool for ever, whatever the runtime's block length.
const PROPOSER_BLOCK_SIZE_LIMIT = 4 * 1024 * 1024 + 512;
// Blocks every node must finalize past the first block of the new runtime.
const KEEP_FINALIZING = 3;

async function setCode(api, networkInfo, wasmPath) {
  if (!wasmPath || !fs.existsSync(wasmPath)) throw new Error(`no runtime Wasm at "${wasmPath}"`);
  // As hex: a Uint8Array would be taken for SCALE-encoded Bytes, length prefix included.
  const code = `0x${fs.readFileSync(wasmPath).toString('hex')}`;
  const size = (code.length - 2) / 2;
  const before = api.runtimeVersion.specVersion.toNumber();
  const maxLength = Math.min(api.consts.system.blockLength.max.operational.toNumber(), PROPOSER_BLOCK_SIZE_LIMIT);
  chain.log(`spec_version ${before}; setting ${wasmPath} (${size} bytes; a block takes ${maxLength})`);
  if (size >= maxLength) throw new Error(`the Wasm (${size} bytes) does not fit in a block (${maxLength} bytes)`);

  const { events, blockHash } = await chain.sendAndFinalize(
    api,
    api.tx.sudo.sudo(api.tx.system.setCode(code)),
    chain.devAccount('Alice'),
    150_000,
  );
  chain.assertSudoSucceeded(api, events);
  if (chain.eventsOf(events, 'system', 'CodeUpdated').length !== 1) throw new Error('no system.CodeUpdated event');
  const upgradedIn = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();

  // The new code runs from the next block on.
  await chain.waitFor(`block #${upgradedIn + 1}`, async () => (await chain.heads(api)).best > upgradedIn, 60_000);
  const nextHash = await api.rpc.chain.getBlockHash(upgradedIn + 1);
  const after = (await api.rpc.state.getRuntimeVersion(nextHash)).specVersion.toNumber();
  if (after <= before) throw new Error(`spec_version is ${after} after the upgrade, was ${before}`);
  chain.saveState(networkInfo, STATE, { before, after, upgradedIn });
  chain.log(`code set in finalized block #${upgradedIn}; block #${upgradedIn + 1} runs spec_version ${after}`);
}

async function check(api, networkInfo, nodeName) {
  const { after, upgradedIn } = chain.loadState(networkInfo, STATE);
  const specAt = async (hash) => (await api.rpc.state.getRuntimeVersion(hash)).specVersion.toNumber();

  await chain.waitFor(
    `${nodeName} finalizes a block running spec_version ${after}`,
    async () => {
      const { finalized, finalizedHash } = await chain.heads(api);
      return finalized > upgradedIn && (await specAt(finalizedHash)) === after;
    },
    60_000,
  );
  const best = await specAt((await api.rpc.chain.getHeader()).hash);
  if (best !== after) throw new Error(`${nodeName}: best block runs spec_version ${best}, expected ${after}`);

  const target = upgradedIn + 1 + KEEP_FINALIZING;
  const { finalized, finalizedHash } = await chain.waitFor(
    `${nodeName} finalizes #${target}, ${KEEP_FINALIZING} blocks past the first block of the new runtime`,
    async () => {
      const now = await chain.heads(api);
      return now.finalized >= target && now;
    },
    60_000,
  );
  const latest = await specAt(finalizedHash);
  if (latest !== after) throw new Error(`${nodeName}: finalized #${finalized} runs spec_version ${latest}`);
  chain.log(`${nodeName}: best and finalized (#${finalized}) blocks run spec_version ${after}`);
  return after;
}

async function transact(api, networkInfo, nodeName) {
  const { after } = chain.loadState(networkInfo, STATE);
  const bob = chain.devAccount('Bob');
  // Not a validator: a validator may author the transfer's block and gain its fee too.
  const ferdie = chain.devAccount('Ferdie');
  const amount = 1_000_000_000_000n;
  const freeOf = async (at) => (await at.query.system.account(ferdie.address)).data.free.toBigInt();
  const before = await freeOf(api);
  const { events, blockHash } = await chain.sendAndFinalize(
    api, api.tx.balances.transferKeepAlive(ferdie.address, amount), bob,
  );
  if (chain.eventsOf(events, 'balances', 'Transfer').length !== 1) throw new Error('no balances.Transfer event');
  const spec = (await api.rpc.state.getRuntimeVersion(blockHash)).specVersion.toNumber();
  if (spec !== after) throw new Error(`the transfer's block runs spec_version ${spec}, expected ${after}`);
  const gained = (await freeOf(await api.at(blockHash))) - before;
  if (gained !== amount) throw new Error(`Ferdie gained ${gained}, expected ${amount}`);
  const number = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();
  chain.log(`${nodeName}: a transfer signed for spec_version ${after} was finalized in #${number}`);
}

async function run(nodeName, networkInfo, [mode, wasmPath]) {
  const api = await chain.connect(networkInfo.nodesByName[nodeName].wsUri);
  try {
    if (mode === 'set-code') return await setCode(api, networkInfo, wasmPath);
    if (mode === 'check') return await check(api, networkInfo, nodeName);
    if (mode === 'transact') return await transact(api, networkInfo, nodeName);
    throw new Error(`runtime-upgrade.js: unknown mode "${mode}" (set-code | check | transact)`);
  } finally {
    await api.disconnect();
  }
}

module.exports = { run };
