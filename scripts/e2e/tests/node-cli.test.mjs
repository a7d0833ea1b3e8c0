// The node's command line: chain specs it builds, and clear errors for bad input.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { nodeBinary } from '../lib/node.mjs';

function runNode(args) {
  return spawnSync(nodeBinary(), args, { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
}

/** Runs `use(port)` while something listens on that port. */
async function whileListening(use) {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return use(server.address().port);
  } finally {
    server.close();
  }
}

test('the local chain spec has four validators with Aura and GRANDPA session keys, and a sudo key', () => {
  const result = runNode(['build-spec', '--chain', 'local']);
  assert.equal(result.status, 0, result.stderr);
  const spec = JSON.parse(result.stdout);
  const genesis = spec.genesis.runtimeGenesis.patch;
  assert.equal(genesis.validatorSet.initialValidators.length, 4);
  const keys = genesis.session.keys;
  assert.equal(keys.length, 4);
  // Each entry is [account, validator, { aura, grandpa }], under the validator's own account.
  for (const [account, validator, sessionKeys] of keys) {
    assert.equal(account, validator);
    assert.ok(genesis.validatorSet.initialValidators.includes(account), account);
    assert.deepEqual(Object.keys(sessionKeys).sort(), ['aura', 'grandpa']);
  }
  assert.equal(genesis.councilMembership.members.length, 3);
  assert.ok(genesis.sudo.key, 'the local chain keeps a sudo key');
  assert.deepEqual(spec.properties, { ss58Format: 42, tokenDecimals: 12, tokenSymbol: 'V2X' });
});

test('the production chain spec has no sudo key and a live chain type', () => {
  const result = runNode(['build-spec', '--chain', 'production']);
  assert.equal(result.status, 0, result.stderr);
  const spec = JSON.parse(result.stdout);
  assert.equal(spec.chainType, 'Live');
  const genesis = spec.genesis.runtimeGenesis.patch;
  assert.equal(genesis.sudo.key, null);
  assert.equal(genesis.councilMembership.members.length, 3);
  assert.equal(genesis.session.keys.length, 4);
  assert.equal(genesis.vehicleIdentity, undefined, 'no demo data');
});

test('an unknown chain name is refused with the names that exist', () => {
  const result = runNode(['--chain', 'mainnet', '--tmp']);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /Unknown chain 'mainnet': use 'dev', 'local', 'production' or the path of a chain spec/);
});

test('a plain run without --chain or --dev is refused instead of starting the local test network', () => {
  const result = runNode(['--tmp', '--no-prometheus', '--rpc-port', '0', '--port', '0']);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /No chain chosen: start a development chain with --dev/);
});

test('the shipped runtime is small enough for a runtime upgrade', () => {
  const result = runNode(['build-spec', '--chain', 'dev', '--raw']);
  assert.equal(result.status, 0, result.stderr);
  const code = JSON.parse(result.stdout).genesis.raw.top['0x3a636f6465'];
  const bytes = (code.length - 2) / 2;
  // The compressed Wasm with benchmarks was 4.8 MB; without, it must stay under 1.5 MB.
  assert.ok(bytes <= 1_500_000, `runtime code is ${bytes} bytes`);
});

test('benchmarking the shipped runtime is refused with where to get one with benchmarks', () => {
  const result = runNode(['benchmark', 'pallet', '--chain', 'dev', '--pallet', 'pallet_balances', '--extrinsic', '*']);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /The runtime this node ships has no benchmark code/);
});

test('an RPC port in use is refused instead of moved', async () => {
  await whileListening((port) => {
    const result = runNode(['--dev', '--tmp', '--rpc-port', String(port), '--no-prometheus']);
    assert.equal(result.status, 1);
    assert.match(result.stderr, new RegExp(`RPC port ${port} is already in use`));
  });
});

test('a p2p port in use is refused', async () => {
  await whileListening((port) => {
    const result = runNode(['--dev', '--tmp', '--port', String(port), '--rpc-port', '0', '--no-prometheus']);
    assert.equal(result.status, 1);
    assert.match(result.stderr, new RegExp(`p2p port ${port} is already in use`));
  });
});
