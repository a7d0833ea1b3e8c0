// The dev chain as a Polkadot.js apps user sees it: properties, metadata, blocks,
// finality and a balance transfer, with no custom types.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { startDevNode, waitForFinalized, sendAndFinalize, eventsOf } from '../lib/node.mjs';

let node;
before(async () => { node = await startDevNode(); });
after(async () => { await node?.stop(); });

test('chain properties name the V2X token, 12 decimals and the SS58 prefix', async () => {
  const { api } = node;
  const properties = await api.rpc.system.properties();
  assert.deepEqual(properties.tokenSymbol.unwrap().map(String), ['V2X']);
  assert.deepEqual(properties.tokenDecimals.unwrap().map((d) => d.toNumber()), [12]);
  assert.equal(properties.ss58Format.unwrap().toNumber(), api.consts.system.ss58Prefix.toNumber());
  assert.equal((await api.rpc.system.chain()).toString(), 'V2X Development');
});

test('metadata describes the runtime without custom types', async () => {
  const { api } = node;
  assert.equal(api.runtimeVersion.specName.toString(), 'v2x-runtime');
  for (const pallet of ['system', 'balances', 'sudo', 'utility', 'aura', 'grandpa']) {
    assert.ok(api.tx[pallet] || api.query[pallet], `pallet ${pallet} is in the metadata`);
  }
  assert.equal(api.consts.aura.slotDuration.toNumber(), 6000);
});

test('the dev chain produces and finalizes blocks', async () => {
  const { api } = node;
  await waitForFinalized(api, 2, 60_000);
  const best = (await api.rpc.chain.getHeader()).number.toNumber();
  assert.ok(best >= 2, `best block ${best} >= 2`);
});

test('Bob transfers to Charlie, and the fee goes to Alice, who authored the block', async () => {
  const { api } = node;
  const keyring = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 });
  const [alice, bob, charlie] = ['Alice', 'Bob', 'Charlie'].map((name) => keyring.addFromUri(`//${name}`));
  const amount = 1_234n * 10n ** 12n;
  const freeOf = async (at, who) => (await at.query.system.account(who.address)).data.free.toBigInt();
  const issuanceBefore = (await api.query.balances.totalIssuance()).toBigInt();
  const before = { alice: await freeOf(api, alice), bob: await freeOf(api, bob), charlie: await freeOf(api, charlie) };

  const tx = api.tx.balances.transferKeepAlive(charlie.address, amount);
  const { events, blockHash } = await sendAndFinalize(api, tx, bob);

  const [transfer] = eventsOf(events, 'balances', 'Transfer');
  assert.equal(transfer[2].toBigInt(), amount);
  const [feePaid] = eventsOf(events, 'transactionPayment', 'TransactionFeePaid');
  const fee = feePaid[1].toBigInt();
  assert.ok(fee > 0n, 'a fee was charged');
  const atBlock = await api.at(blockHash);
  assert.equal(await freeOf(atBlock, charlie) - before.charlie, amount);
  assert.equal(before.bob - await freeOf(atBlock, bob), amount + fee);
  // The dev chain's only validator authors every block: the fee is paid to it, not burned.
  assert.equal(await freeOf(atBlock, alice) - before.alice, fee);
  assert.equal((await atBlock.query.balances.totalIssuance()).toBigInt(), issuanceBefore);
});
