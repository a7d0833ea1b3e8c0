// Car identity through @polkadot/api: governance registers a manufacturer (sudo), the
// manufacturer registers a vehicle for Alice, Alice sells it to Bob for a price.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { u8aToString } from '@polkadot/util';
import { startDevNode, sendAndFinalize, sendInBlock, eventsOf } from '../lib/node.mjs';

const UNIT = 10n ** 12n;
const VIN = '1HGCM82633A004352';

let node;
let accounts;
before(async () => {
  node = await startDevNode();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: node.api.registry.chainSS58 });
  accounts = Object.fromEntries(
    ['Alice', 'Bob', 'Dave', 'Eve'].map((name) => [name.toLowerCase(), keyring.addFromUri(`//${name}`)]),
  );
});
after(async () => { await node?.stop(); });

const free = async (api, who) => (await api.query.system.account(who.address)).data.free.toBigInt();

test('a manufacturer registers a vehicle and Alice sells it to Bob for a price', async () => {
  const { api } = node;
  const { alice, bob, eve } = accounts;

  // Governance (sudo) registers Eve as a manufacturer owning WMI 1HG.
  const register = api.tx.vehicleIdentity.registerManufacturer(eve.address, 'E2E Motors', ['1HG']);
  const { events: sudoEvents } = await sendInBlock(api, api.tx.sudo.sudo(register), alice);
  const [sudid] = eventsOf(sudoEvents, 'sudo', 'Sudid');
  assert.ok(sudid[0].isOk, `sudo call succeeded: ${sudid[0].toString()}`);
  assert.equal(eventsOf(sudoEvents, 'vehicleIdentity', 'ManufacturerRegistered').length, 1);

  // Eve registers the vehicle for Alice.
  const { events: regEvents } = await sendInBlock(
    api,
    api.tx.vehicleIdentity.registerVehicle(VIN, alice.address, 2003, 'Ice', null, `0x${'11'.repeat(32)}`, 'ipfs://accord'),
    eve,
  );
  const [registered] = eventsOf(regEvents, 'vehicleIdentity', 'VehicleRegistered');
  const vehicleId = registered.vehicle.toNumber();
  assert.equal(u8aToString(registered.vin.toU8a()), VIN);
  assert.equal(registered.owner.toString(), alice.address);
  const byVin = await api.query.vehicleIdentity.vehicleByVin(VIN);
  assert.equal(byVin.unwrap().toNumber(), vehicleId);

  // Alice offers it to Bob for 25 V2X; Bob accepts with a maximum of 30.
  const price = 25n * UNIT;
  const head = (await api.rpc.chain.getHeader()).number.toNumber();
  await sendInBlock(api, api.tx.vehicleIdentity.offerSale(vehicleId, bob.address, price, head + 100), alice);
  const aliceBefore = await free(api, alice);
  const bobBefore = await free(api, bob);

  const { events: saleEvents } = await sendAndFinalize(
    api, api.tx.vehicleIdentity.acceptOffer(vehicleId, 30n * UNIT), bob,
  );
  const [sold] = eventsOf(saleEvents, 'vehicleIdentity', 'OwnershipTransferred');
  assert.equal(sold.seller.toString(), alice.address);
  assert.equal(sold.buyer.toString(), bob.address);
  assert.equal(sold.price.unwrap().toBigInt(), price);
  const [feePaid] = eventsOf(saleEvents, 'transactionPayment', 'TransactionFeePaid');
  const fee = feePaid[1].toBigInt();

  // Alice also authored the block (the dev chain's only validator): Bob's fee went to her.
  assert.equal(await free(api, alice) - aliceBefore, price + fee);
  assert.equal(bobBefore - await free(api, bob), price + fee);
  const vehicle = (await api.query.vehicleIdentity.vehicles(vehicleId)).unwrap();
  assert.equal(vehicle.owner.toString(), bob.address);
  assert.ok((await api.query.vehicleIdentity.ownedVehicles(bob.address, vehicleId)).isSome);
});

test('a VIN with a wrong check digit is refused with a typed error', async () => {
  const { api } = node;
  const tx = api.tx.vehicleIdentity.registerVehicle(
    '1HGCM82643A004352', accounts.alice.address, 2003, 'Ice', null, `0x${'00'.repeat(32)}`, '',
  );
  await assert.rejects(sendInBlock(api, tx, accounts.eve), /vehicleIdentity\.WrongCheckDigit/);
});

test('a European VIN with a filler at position 9 registers: its region needs no check digit', async () => {
  const { api } = node;
  const { alice, dave } = accounts;
  const register = api.tx.vehicleIdentity.registerManufacturer(dave.address, 'E2E Volkswagen', ['WVW']);
  await sendInBlock(api, api.tx.sudo.sudo(register), alice);
  const { events } = await sendInBlock(
    api,
    api.tx.vehicleIdentity.registerVehicle('WVWZZZ1JZXW000001', alice.address, 1999, 'Ice', null, `0x${'22'.repeat(32)}`, ''),
    dave,
  );
  const [registered] = eventsOf(events, 'vehicleIdentity', 'VehicleRegistered');
  assert.equal(u8aToString(registered.vin.toU8a()), 'WVWZZZ1JZXW000001');
});
