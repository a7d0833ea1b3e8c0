// scripts/dev-chain.sh keeps the dev chain's RPC on loopback: it answers on 127.0.0.1, not on
// this machine's other addresses, and the flags that would open it are refused.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { fileURLToPath } from 'node:url';
import { freePort, nodeBinary, rpcCall, withTimeout } from '../lib/node.mjs';

const DEV_CHAIN = fileURLToPath(new URL('../../dev-chain.sh', import.meta.url));

/** Runs dev-chain.sh with `args`; `exited` resolves with its exit code and output. */
function devChain(args, env = {}) {
  const child = spawn(DEV_CHAIN, args, {
    env: { ...process.env, V2X_NODE: nodeBinary(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, output })));
  return { child, exited, output: () => output };
}

/** Whether something accepts TCP connections on `host`:`port`. */
function accepts(host, port) {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2_000 });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('timeout', () => { socket.destroy(); resolve(false); });
    socket.once('error', () => resolve(false));
  });
}

test('dev-chain.sh refuses the flags that open RPC beyond this machine, before building anything', async () => {
  for (const flag of ['--rpc-external', '--unsafe-rpc-external']) {
    // No V2X_NODE: had the check come after setup and build, this would start them.
    const { code, output } = await withTimeout(devChain(['--tmp', flag], { V2X_NODE: '' }).exited, 10_000,
      `dev-chain.sh ${flag} did not exit within 10 s`);
    assert.equal(code, 2, output);
    assert.match(output, new RegExp(`^dev-chain.sh: ${flag} would open .*"Exposing a node"`));
  }
});

test('the dev chain answers RPC on 127.0.0.1 and not on the machine\'s other addresses', async (t) => {
  const external = Object.values(networkInterfaces()).flat()
    .filter(({ family, internal }) => family === 'IPv4' && !internal)
    .map(({ address }) => address);
  const rpcPort = await freePort();
  const p2pPort = await freePort();
  const chain = devChain(
    ['--tmp', '--listen-addr', `/ip4/127.0.0.1/tcp/${p2pPort}`, '--no-prometheus', '--no-telemetry'],
    { RPC_PORT: String(rpcPort) },
  );
  try {
    const died = chain.exited.then(({ code, signal, output }) => {
      throw new Error(`dev-chain.sh exited (code ${code}, signal ${signal}):\n${output.slice(-3000)}`);
    });
    // The polling ends with the process too, so a timeout leaves nothing running.
    const running = () => chain.child.exitCode === null && chain.child.signalCode === null;
    await withTimeout(Promise.race([died, (async () => {
      while (running() && !(await accepts('127.0.0.1', rpcPort))) await new Promise((resolve) => setTimeout(resolve, 250));
    })()]), 60_000, `the dev chain did not open 127.0.0.1:${rpcPort} within 60 s`);
    assert.match(chain.output(), new RegExp(`RPC on ws://127.0.0.1:${rpcPort} \\(this machine only\\)`));
    const health = await rpcCall(`http://127.0.0.1:${rpcPort}`, 'system_health', []);
    assert.equal(health.isSyncing, false);

    if (external.length === 0) {
      t.skip('this machine has no non-loopback IPv4 address to try');
      return;
    }
    for (const address of external) {
      assert.equal(await accepts(address, rpcPort), false, `the dev chain's RPC port answers on ${address}`);
    }
  } finally {
    if (chain.child.exitCode === null && chain.child.signalCode === null) {
      chain.child.kill('SIGTERM');
      const timer = setTimeout(() => chain.child.kill('SIGKILL'), 10_000);
      await chain.exited;
      clearTimeout(timer);
    }
  }
});
