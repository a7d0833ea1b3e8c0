// Malformed JSON-RPC input, as a buggy or hostile client sends it: every v2x_ method (contract:
// docs/rpc.md) and the standard methods that take raw bytes or hashes answer a JSON-RPC error
// with the documented code, quickly, and the node keeps serving and producing blocks.
// rpc.test.mjs checks each method's meaningful errors (unknown vehicle, bad VIN, ...); this
// file checks the shapes a client should never send: wrong types, wrong counts, oversize
// strings, out-of-range numbers, garbage bytes, broken JSON.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDevNode, rpcCall } from '../lib/node.mjs';

const DEMO_VIN = '5YJ3E1EA5RF000001';
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
const PARSE_ERROR = -32700;
const METHOD_NOT_FOUND = -32601;
const INVALID_PARAMS = -32602;
const UNKNOWN_VEHICLE = 1001;
const NO_INSURANCE_QUOTE = 1002;
// sc-rpc-api's author errors: bytes the runtime could not check, and bytes that are not even
// an opaque extrinsic (a length-prefixed byte vector).
const AUTHOR_VERIFICATION = 1002;
const AUTHOR_OTHER = 1040;
const U32_MAX = 4_294_967_295;
// One megabyte of text: far beyond any VIN or category, well within the 15 MB request limit.
const MEGABYTE = 'A'.repeat(1_000_000);
// Every bad request must be answered within this, so none ties up the RPC server.
const ANSWER_MS = 2_000;

let node;
before(async () => { node = await startDevNode(); });
after(async () => { await node?.stop(); });

/**
 * `method(params)` fails with JSON-RPC error `code` (and a message matching `message`)
 * within ANSWER_MS.
 */
async function assertError(method, params, code, message = /./) {
  const what = `${method}(${JSON.stringify(params).slice(0, 80)})`;
  const started = Date.now();
  await assert.rejects(rpcCall(node.httpUrl, method, params), (error) => {
    assert.equal(error.code, code, `${what}: ${error.message.slice(0, 300)}`);
    assert.match(error.rpcMessage, message, what);
    return true;
  }, `${what} answered a result`);
  const took = Date.now() - started;
  assert.ok(took < ANSWER_MS, `${what} took ${took} ms to answer`);
}

test('v2x_vehiclePassport: wrong types and counts, out-of-range ids and pages, oversize VINs', async () => {
  await assertError('v2x_vehiclePassport', [], INVALID_PARAMS);
  await assertError('v2x_vehiclePassport', [null], INVALID_PARAMS, /^Invalid vehicle null/);
  await assertError('v2x_vehiclePassport', [{ vin: DEMO_VIN }], INVALID_PARAMS, /^Invalid vehicle \{/);
  await assertError('v2x_vehiclePassport', [[DEMO_VIN]], INVALID_PARAMS, /^Invalid vehicle \[/);
  await assertError('v2x_vehiclePassport', [1.5], INVALID_PARAMS, /^Invalid vehicle id 1.5: ids are whole numbers/);
  await assertError('v2x_vehiclePassport', [1e30], INVALID_PARAMS, /^Invalid vehicle id 1e\+30/);
  await assertError('v2x_vehiclePassport', [-7], INVALID_PARAMS, /^Invalid vehicle id -7/);
  // Digits beyond a u64 are not an id, and not a VIN either.
  await assertError('v2x_vehiclePassport', ['18446744073709551616'], INVALID_PARAMS, /^Invalid VIN "18446744073709551616"/);
  await assertError('v2x_vehiclePassport', [MEGABYTE], INVALID_PARAMS, /^Invalid VIN "AAAA/);
  await assertError('v2x_vehiclePassport', [''], INVALID_PARAMS, /^Invalid VIN ""/);
  // A well-formed VIN and a large id nobody registered.
  await assertError('v2x_vehiclePassport', ['1HGCM82633A004352'], UNKNOWN_VEHICLE, /VIN 1HGCM82633A004352$/);
  await assertError('v2x_vehiclePassport', [Number.MAX_SAFE_INTEGER], UNKNOWN_VEHICLE, /id 9007199254740991$/);
  // The block hash: a number, short hex, text.
  await assertError('v2x_vehiclePassport', [DEMO_VIN, 42], INVALID_PARAMS);
  await assertError('v2x_vehiclePassport', [DEMO_VIN, '0x1234'], INVALID_PARAMS);
  // The page (a u32): negative, beyond u32, text.
  await assertError('v2x_vehiclePassport', [DEMO_VIN, null, -1], INVALID_PARAMS);
  await assertError('v2x_vehiclePassport', [DEMO_VIN, null, U32_MAX + 1], INVALID_PARAMS);
  await assertError('v2x_vehiclePassport', [DEMO_VIN, null, 'last'], INVALID_PARAMS);
  // Params that are neither a list nor an object.
  await assertError('v2x_vehiclePassport', DEMO_VIN, INVALID_PARAMS);

  // The largest page number is a request for the newest records, not an error.
  const latest = await rpcCall(node.httpUrl, 'v2x_vehiclePassport', [DEMO_VIN]);
  const huge = await rpcCall(node.httpUrl, 'v2x_vehiclePassport', [DEMO_VIN, latest.at.blockHash, U32_MAX]);
  assert.deepEqual(huge.serviceRecords, latest.serviceRecords);
});

test('v2x_insuranceQuote: wrong types and counts, negative and beyond-u32 numbers, unknown risk fields', async () => {
  await assertError('v2x_insuranceQuote', [], INVALID_PARAMS);
  await assertError('v2x_insuranceQuote', [0], INVALID_PARAMS);
  await assertError('v2x_insuranceQuote', [0, -1], INVALID_PARAMS);
  await assertError('v2x_insuranceQuote', [-1, 10], INVALID_PARAMS);
  await assertError('v2x_insuranceQuote', [U32_MAX + 1, 10], INVALID_PARAMS);
  await assertError('v2x_insuranceQuote', [0, 1.5], INVALID_PARAMS);
  await assertError('v2x_insuranceQuote', [0, '10'], INVALID_PARAMS);
  await assertError('v2x_insuranceQuote', [0, 10, { harshBraking: -1 }], INVALID_PARAMS);
  await assertError('v2x_insuranceQuote', [0, 10, { [MEGABYTE]: 1 }], INVALID_PARAMS);
  await assertError('v2x_insuranceQuote', [0, 10, 'many'], INVALID_PARAMS);
  await assertError('v2x_insuranceQuote', [U32_MAX, 10], NO_INSURANCE_QUOTE, /no insurance product 4294967295/);
  // The extremes of every field still give an answer, not an overflow.
  const extreme = await rpcCall(node.httpUrl, 'v2x_insuranceQuote',
    [0, U32_MAX, { harshBraking: U32_MAX, speeding: U32_MAX, nightKm: U32_MAX }]);
  assert.equal(extreme.km, U32_MAX);
  assert.match(extreme.premium, /^\d+(\.\d+)?$/);
});

test('v2x_hasDataAccess: wrong types and counts, oversize and malformed accounts and categories', async () => {
  await assertError('v2x_hasDataAccess', [], INVALID_PARAMS);
  await assertError('v2x_hasDataAccess', [BOB], INVALID_PARAMS);
  await assertError('v2x_hasDataAccess', [BOB, DEMO_VIN], INVALID_PARAMS);
  await assertError('v2x_hasDataAccess', [42, DEMO_VIN, 'Battery'], INVALID_PARAMS);
  await assertError('v2x_hasDataAccess', ['', DEMO_VIN, 'Battery'], INVALID_PARAMS, /^Invalid account ""/);
  // A megabyte-long account is refused before decoding (base58 decoding takes time that grows
  // with the square of its input), and the error quotes only its start.
  await assertError(
    'v2x_hasDataAccess',
    ['5'.repeat(1_000_000), DEMO_VIN, 'Battery'],
    INVALID_PARAMS,
    /^Invalid account "5{40}"\.\.\. \(1000000 characters\): an SS58 address was expected$/,
  );
  await assertError('v2x_hasDataAccess', [BOB, DEMO_VIN, MEGABYTE], INVALID_PARAMS, /^Unknown data category "A{39}\.\.\. \(1000002 characters\): one of/);
  await assertError('v2x_hasDataAccess', [BOB, DEMO_VIN, { Other: -1 }], INVALID_PARAMS, /^Unknown data category/);
  await assertError('v2x_hasDataAccess', [BOB, DEMO_VIN, { Other: 256 }], INVALID_PARAMS, /^Unknown data category/);
  await assertError('v2x_hasDataAccess', [BOB, DEMO_VIN, null], INVALID_PARAMS, /^Unknown data category null/);
  await assertError('v2x_hasDataAccess', [BOB, MEGABYTE, 'Battery'], INVALID_PARAMS, /^Invalid VIN/);
  await assertError('v2x_hasDataAccess', [BOB, -1, 'Battery'], INVALID_PARAMS, /^Invalid vehicle id -1/);
  await assertError('v2x_hasDataAccess', [BOB, '99999', 'Battery'], UNKNOWN_VEHICLE, /id 99999$/);
});

test('v2x_chargingQuote: wrong types and counts, negative and beyond-u32 numbers, malformed drivers', async () => {
  await assertError('v2x_chargingQuote', [], INVALID_PARAMS);
  await assertError('v2x_chargingQuote', [1, 20000, 3600], INVALID_PARAMS);
  await assertError('v2x_chargingQuote', ['1', 20000, 3600, 0], INVALID_PARAMS);
  await assertError('v2x_chargingQuote', [1, 20000, -3600, 0], INVALID_PARAMS);
  await assertError('v2x_chargingQuote', [1, 20000, 3600, U32_MAX + 1], INVALID_PARAMS);
  await assertError('v2x_chargingQuote', [1, 20000, 3600, 0, 7], INVALID_PARAMS);
  await assertError('v2x_chargingQuote', [1, 20000, 3600, 0, 'nobody'], INVALID_PARAMS, /^Invalid account "nobody"/);
  await assertError('v2x_chargingQuote', [1, 20000, 3600, 0, null, '0x12'], INVALID_PARAMS);
  await assertError('v2x_chargingQuote', [1, 20000, 3600, 0, null, `0x${'ab'.repeat(32)}`], INVALID_PARAMS, /^Unknown block 0xabab/);
  await assertError('v2x_chargingQuote', [U32_MAX, 20000, 3600, 0], 1003, /charger 4294967295 does not exist/);
});

test('standard methods: garbage extrinsic bytes, bad storage keys and block hashes, unknown methods, broken JSON', async () => {
  await assertError('author_submitExtrinsic', ['0xdeadbeef'], AUTHOR_OTHER, /could not decode/i);
  await assertError('author_submitExtrinsic', ['0x'], AUTHOR_OTHER, /could not decode/i);
  await assertError('author_submitExtrinsic', [`0x${'ff'.repeat(100_000)}`], AUTHOR_OTHER, /could not decode/i);
  // Well-formed as opaque bytes, but no extrinsic of this runtime: the pool's check refuses it.
  await assertError('author_submitExtrinsic', ['0x0c010203'], AUTHOR_VERIFICATION, /^Verification Error/);
  await assertError('author_submitExtrinsic', ['not hex'], INVALID_PARAMS);
  await assertError('author_submitExtrinsic', [123], INVALID_PARAMS);
  await assertError('state_getStorage', ['0xzz'], INVALID_PARAMS);
  await assertError('state_getStorage', [123], INVALID_PARAMS);
  await assertError('state_getStorage', ['0x26aa', '0x1234'], INVALID_PARAMS);
  await assertError('chain_getBlock', ['0x1234'], INVALID_PARAMS);
  await assertError('chain_getBlock', [42], INVALID_PARAMS);
  await assertError('chain_getBlockHash', [-1], INVALID_PARAMS);
  await assertError('chain_getBlockHash', [1e20], INVALID_PARAMS);
  await assertError('chain_getHeader', ['0x12'], INVALID_PARAMS);
  await assertError('no_suchMethod', [], METHOD_NOT_FOUND);
  // A well-formed storage key nobody wrote and a well-formed hash of no block are no errors.
  assert.equal(await rpcCall(node.httpUrl, 'state_getStorage', [`0x${'ab'.repeat(32)}`]), null);
  assert.equal(await rpcCall(node.httpUrl, 'chain_getBlock', [`0x${'ab'.repeat(32)}`]), null);

  const response = await fetch(node.httpUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"jsonrpc":"2.0","id":1,"method":"system_health","params":[',
    signal: AbortSignal.timeout(ANSWER_MS),
  });
  assert.equal((await response.json()).error?.code, PARSE_ERROR);
});

test('a hundred bad requests at once, then the node still answers over HTTP and WebSocket and produces blocks', async () => {
  const before = (await node.api.rpc.chain.getHeader()).number.toNumber();
  const bad = [
    ['v2x_vehiclePassport', [{}]],
    ['v2x_insuranceQuote', [0, -1]],
    ['v2x_hasDataAccess', ['x', 0, 'Battery']],
    ['v2x_chargingQuote', [1]],
    ['author_submitExtrinsic', ['0xdeadbeef']],
  ];
  const answers = await Promise.allSettled(Array.from({ length: 100 },
    (_, i) => rpcCall(node.httpUrl, ...bad[i % bad.length])));
  assert.deepEqual(answers.filter(({ status }) => status === 'fulfilled'), []);
  assert.deepEqual([...new Set(answers.map(({ reason }) => reason.code))].sort(),
    [INVALID_PARAMS, AUTHOR_OTHER].sort());

  const passport = await rpcCall(node.httpUrl, 'v2x_vehiclePassport', [DEMO_VIN]);
  assert.equal(passport.identity.vin, DEMO_VIN);
  assert.equal((await node.api.rpc.system.health()).isSyncing.isFalse, true);
  // 6 s slots: a new block within three of them.
  const deadline = Date.now() + 18_000;
  while ((await node.api.rpc.chain.getHeader()).number.toNumber() <= before) {
    assert.ok(Date.now() < deadline, `no block after #${before} within 18 s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
});
