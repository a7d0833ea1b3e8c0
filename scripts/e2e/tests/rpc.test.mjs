// The node's v2x_ JSON-RPC methods over plain HTTP, as curl or the passport page call them
// (contract: docs/rpc.md): listed by rpc_methods, readable JSON for the dev chain's demo car,
// quotes that match the dev preset's tariffs, and a typed error (never a crash) for every
// kind of bad argument, after which the node keeps serving.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDevNode, rpcCall } from '../lib/node.mjs';

const DEMO_VIN = '5YJ3E1EA5RF000001';
const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
const DAVE = '5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy';
const EVE = '5HGjWAeFDfFCWPsjFQdVV2Msvz2XtMktvgocEZcCj68kUMaw';
const FERDIE = '5CiPPseXPECbkjWCa6MnjNokrgYjMqmKndv2rSnekmSK2DjL';
const UNKNOWN_VEHICLE = 1001;
const NO_INSURANCE_QUOTE = 1002;
const NO_CHARGING_QUOTE = 1003;
const INVALID_PARAMS = -32602;

let node;
let rpcUrl;
before(async () => {
  node = await startDevNode();
  rpcUrl = node.httpUrl;
});
after(async () => { await node?.stop(); });

const result = (method, params) => rpcCall(rpcUrl, method, params);

/** `method(params)` fails with JSON-RPC error `code` and a message matching `message`. */
async function assertError(method, params, code, message) {
  await assert.rejects(rpcCall(rpcUrl, method, params), (error) => {
    assert.equal(error.code, code, `${method}(${JSON.stringify(params)}): ${error.message}`);
    assert.match(error.rpcMessage, message);
    return true;
  }, `${method}(${JSON.stringify(params)}) answered a result`);
}

test('rpc_methods lists the four v2x_ methods', async () => {
  const { methods } = await result('rpc_methods', []);
  for (const method of ['v2x_vehiclePassport', 'v2x_insuranceQuote', 'v2x_hasDataAccess', 'v2x_chargingQuote']) {
    assert.ok(methods.includes(method), `${method} is not listed`);
  }
});

test('the demo car passport: identity, owner, service book, odometer with the flagged rollback, policy, listing', async () => {
  const passport = await result('v2x_vehiclePassport', [DEMO_VIN]);
  assert.deepEqual(passport.token, { symbol: 'V2X', decimals: 12 });
  assert.ok(passport.at.blockNumber >= 0);
  assert.match(passport.at.blockHash, /^0x[0-9a-f]{64}$/);
  assert.deepEqual(
    { ...passport.identity, metadataHash: undefined },
    {
      id: 0, vin: DEMO_VIN, manufacturer: FERDIE, manufacturerName: 'V2X Demo Motors', modelYear: 2024,
      powertrain: 'Bev', batteryCapacityWh: 75000, metadataHash: undefined, metadataUri: '',
      registeredAt: { blockNumber: 0, timestamp: null },
    },
  );
  assert.equal(passport.status, 'Active');
  assert.deepEqual(passport.ownership, { owner: ALICE, pastOwners: 0, sales: [], lien: null, openSaleOffer: null });

  const { total, next, records } = passport.serviceRecords;
  assert.deepEqual({ total, next }, { total: 2, next: null });
  assert.deepEqual(records.map((r) => [r.id, r.kind, r.odometerKm, r.workshopName]), [
    [1, { Inspection: { passed: true } }, 30000, 'Demo Garage'],
    [0, 'Maintenance', 15000, 'Demo Garage'],
  ]);
  assert.equal(records[0].documentHash, `0x${'02'.repeat(32)}`);
  assert.equal(records[0].documentUri, 'ipfs://inspection-30000');

  const { odometer } = passport;
  assert.deepEqual([odometer.displayedKm, odometer.trueKm, odometer.flagCount], [31000, 31000, 1]);
  assert.deepEqual(odometer.readings.map((r) => [r.km, r.verdict, r.flagged]), [
    [15000, 'Accepted', false], [30000, 'Accepted', false], [31000, 'Accepted', false], [12000, 'Rollback', true],
  ]);
  assert.deepEqual(odometer.flags.map((f) => [f.seq, f.km, f.reason]), [
    [3, 12000, 'Rollback: 12000 km is below the 31000 km accepted before'],
  ]);

  assert.deepEqual(
    [passport.insurance.policyId, passport.insurance.insurer, passport.insurance.insurerName,
      passport.insurance.holder, passport.insurance.prepaid, passport.insurance.status],
    [0, EVE, 'V2X Mutual', ALICE, '100', 'Active'],
  );
  assert.deepEqual(passport.charging, { sessions: 0, energyWh: 0, spent: '0' });
  assert.deepEqual(passport.dataListings.map((l) => [l.id, l.category, l.price, l.accessBlocks, l.seller]), [
    [0, 'Battery', '5', 100800, ALICE],
  ]);
});

test('the passport by id, by id as text and by lower-case VIN is the same; at genesis it says so', async () => {
  const genesis = await result('chain_getBlockHash', [0]);
  const byVin = await result('v2x_vehiclePassport', [DEMO_VIN, genesis]);
  assert.deepEqual(byVin.at, { blockNumber: 0, blockHash: genesis, timestamp: null });
  assert.deepEqual(await result('v2x_vehiclePassport', [0, genesis]), byVin);
  assert.deepEqual(await result('v2x_vehiclePassport', ['0', genesis]), byVin);
  assert.deepEqual(await result('v2x_vehiclePassport', [` ${DEMO_VIN.toLowerCase()} `, genesis]), byVin);
  const older = await result('v2x_vehiclePassport', [DEMO_VIN, genesis, 0]);
  assert.deepEqual(older.serviceRecords.records.map((r) => r.id), [0]);
});

test('a block after genesis has an ISO time', async () => {
  const deadline = Date.now() + 20_000;
  while ((await result('chain_getHeader', [])).number === '0x0') {
    assert.ok(Date.now() < deadline, 'no block within 20 s');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const passport = await result('v2x_vehiclePassport', [DEMO_VIN]);
  assert.ok(passport.at.blockNumber >= 1);
  assert.match(passport.at.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  assert.ok(Math.abs(Date.parse(passport.at.timestamp) - Date.now()) < 120_000);
});

test('an unknown or malformed vehicle gets a clear error', async () => {
  await assertError('v2x_vehiclePassport', ['1HGCM82633A004352'], UNKNOWN_VEHICLE,
    /^Unknown vehicle: no vehicle is registered with VIN 1HGCM82633A004352$/);
  await assertError('v2x_vehiclePassport', [99], UNKNOWN_VEHICLE, /registered with id 99/);
  await assertError('v2x_vehiclePassport', ['ABC'], INVALID_PARAMS, /^Invalid VIN "ABC": a VIN has 17 characters/);
  await assertError('v2x_vehiclePassport', ['5YJ3E1EA5RF00000I'], INVALID_PARAMS, /Invalid VIN/);
  await assertError('v2x_vehiclePassport', [true], INVALID_PARAMS, /give a VIN .* or a vehicle id/);
  await assertError('v2x_vehiclePassport', [-1], INVALID_PARAMS, /Invalid vehicle id -1/);
  await assertError('v2x_vehiclePassport', [DEMO_VIN, `0x${'ab'.repeat(32)}`], INVALID_PARAMS, /^Unknown block 0xabab/);
  await assertError('v2x_vehiclePassport', [DEMO_VIN, 'not a hash'], INVALID_PARAMS, /./);
  await assertError('v2x_vehiclePassport', [], INVALID_PARAMS, /./);
});

test('an insurance quote follows the demo product: 1 V2X + 0.002 a km + 0.1 a harsh braking', async () => {
  assert.deepEqual(await result('v2x_insuranceQuote', [0, 120, { harshBraking: 2 }]),
    { product: 0, km: 120, premium: '1.44' });
  assert.deepEqual(await result('v2x_insuranceQuote', [0, 0]), { product: 0, km: 0, premium: '1' });
  await assertError('v2x_insuranceQuote', [7, 120], NO_INSURANCE_QUOTE, /there is no insurance product 7/);
  await assertError('v2x_insuranceQuote', [0, 120, { hardBraking: 2 }], INVALID_PARAMS, /./);
  await assertError('v2x_insuranceQuote', ['zero', 120], INVALID_PARAMS, /./);
});

test('data access: nobody bought the demo listing yet; bad accounts and categories are refused', async () => {
  assert.deepEqual(await result('v2x_hasDataAccess', [BOB, DEMO_VIN, 'Battery']),
    { vehicle: 0, category: 'Battery', access: false, expiresAt: null });
  assert.deepEqual(await result('v2x_hasDataAccess', [BOB, 1, { Other: 7 }]),
    { vehicle: 1, category: { Other: 7 }, access: false, expiresAt: null });
  await assertError('v2x_hasDataAccess', ['5Bob', DEMO_VIN, 'Battery'], INVALID_PARAMS, /^Invalid account "5Bob"/);
  await assertError('v2x_hasDataAccess', [BOB, DEMO_VIN, 'Fuel'], INVALID_PARAMS, /^Unknown data category "Fuel"/);
  await assertError('v2x_hasDataAccess', [BOB, 42, 'Battery'], UNKNOWN_VEHICLE, /registered with id 42/);
});

test('a charging quote at the residence charger: 0.25 V2X a kWh plus 0.10 a session, members only', async () => {
  const quote = { charger: 1, energy: '5', time: '0', parking: '0', flat: '0.1', total: '5.1' };
  assert.deepEqual(await result('v2x_chargingQuote', [1, 20000, 3600, 0, ALICE]), quote);
  assert.deepEqual(await result('v2x_chargingQuote', [1, 20000, 3600, 0]), quote);
  await assertError('v2x_chargingQuote', [1, 20000, 3600, 0, DAVE], NO_CHARGING_QUOTE, /charger 1 .*members only/);
  await assertError('v2x_chargingQuote', [9, 20000, 3600, 0], NO_CHARGING_QUOTE, /charger 9 does not exist/);
  await assertError('v2x_chargingQuote', [1, -5, 3600, 0], INVALID_PARAMS, /./);
});

test('after all the bad requests the node still serves and produces blocks', async () => {
  const before = (await result('chain_getHeader', [])).number;
  const passport = await result('v2x_vehiclePassport', [DEMO_VIN]);
  assert.equal(passport.identity.vin, DEMO_VIN);
  const deadline = Date.now() + 20_000;
  while ((await result('chain_getHeader', [])).number === before) {
    assert.ok(Date.now() < deadline, 'no new block within 20 s');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
});
