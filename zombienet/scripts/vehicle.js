// A vehicle registered through one node, then looked up on every node.
//
//   <node>: js-script ./scripts/vehicle.js with "register"   sudo registers Eve as the
//       manufacturer owning WMI 1HG, Eve registers a vehicle for Alice; both finalized.
//   <node>: js-script ./scripts/vehicle.js with "check"      on that node, the registration
//       block is finalized with the same hash, its events hold `VehicleRegistered`, and the
//       finalized state has the vehicle under its id and its VIN.

'use strict';

const chain = require('./lib/chain');

// A VIN with a valid North-American check digit (position 9) and WMI 1HG.
const VIN = '1HGCM82633A004352';
const STATE = 'vehicle';

async function register(api, networkInfo) {
  const alice = chain.devAccount('Alice');
  const eve = chain.devAccount('Eve');

  chain.log('sudo: registering Eve as the manufacturer of WMI 1HG');
  const { events: sudoEvents } = await chain.sendAndFinalize(
    api,
    api.tx.sudo.sudo(api.tx.vehicleIdentity.registerManufacturer(eve.address, 'Zombienet Motors', ['1HG'])),
    alice,
  );
  chain.assertSudoSucceeded(api, sudoEvents);

  chain.log(`Eve registers ${VIN} for Alice`);
  const { events, blockHash } = await chain.sendAndFinalize(
    api,
    api.tx.vehicleIdentity.registerVehicle(VIN, alice.address, 2003, 'Ice', null, `0x${'11'.repeat(32)}`, 'ipfs://zombienet'),
    eve,
  );
  const [registered] = chain.eventsOf(events, 'vehicleIdentity', 'VehicleRegistered');
  if (!registered) throw new Error('no vehicleIdentity.VehicleRegistered event');
  const blockNumber = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();
  const vehicle = {
    id: registered.vehicle.toNumber(),
    owner: alice.address,
    blockHash,
    blockNumber,
  };
  chain.saveState(networkInfo, STATE, vehicle);
  chain.log(`vehicle ${vehicle.id} registered in finalized block #${blockNumber} ${blockHash}`);
  return vehicle.id;
}

async function check(api, networkInfo, nodeName) {
  const vehicle = chain.loadState(networkInfo, STATE);

  await chain.waitFor(
    `${nodeName} finalizes block #${vehicle.blockNumber}`,
    async () => (await chain.heads(api)).finalized >= vehicle.blockNumber,
    60_000,
  );
  const hash = (await api.rpc.chain.getBlockHash(vehicle.blockNumber)).toHex();
  if (hash !== vehicle.blockHash) {
    throw new Error(`${nodeName} has ${hash} at #${vehicle.blockNumber}, not the registration block ${vehicle.blockHash}`);
  }

  const events = await (await api.at(vehicle.blockHash)).query.system.events();
  const registered = chain.eventsOf(events, 'vehicleIdentity', 'VehicleRegistered')
    .find((data) => data.vehicle.toNumber() === vehicle.id);
  if (!registered) throw new Error(`${nodeName}: no VehicleRegistered event for vehicle ${vehicle.id} in its block`);

  const finalized = await api.at(await api.rpc.chain.getFinalizedHead());
  const byVin = await finalized.query.vehicleIdentity.vehicleByVin(VIN);
  if (byVin.isNone || byVin.unwrap().toNumber() !== vehicle.id) {
    throw new Error(`${nodeName}: VehicleByVin(${VIN}) is ${byVin.toString()}, expected ${vehicle.id}`);
  }
  const stored = await finalized.query.vehicleIdentity.vehicles(vehicle.id);
  if (stored.isNone || stored.unwrap().owner.toString() !== vehicle.owner) {
    throw new Error(`${nodeName}: Vehicles(${vehicle.id}) is ${stored.toString()}, expected owner ${vehicle.owner}`);
  }
  chain.log(`${nodeName}: vehicle ${vehicle.id} (${VIN}) finalized in #${vehicle.blockNumber} and in storage`);
  return vehicle.id;
}

async function run(nodeName, networkInfo, [mode]) {
  const api = await chain.connect(networkInfo.nodesByName[nodeName].wsUri);
  try {
    if (mode === 'register') return await register(api, networkInfo);
    if (mode === 'check') return await check(api, networkInfo, nodeName);
    throw new Error(`vehicle.js: unknown mode "${mode}" (register | check)`);
  } finally {
    await api.disconnect();
  }
}

module.exports = { run };
