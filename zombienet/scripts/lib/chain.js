// Helpers for the js-scripts of the .zndsl tests.
//
// Zombienet loads a js-script with require() and calls its `run(nodeName, networkInfo, args)`
// once for each node named on the test line. While a script runs, the global `zombie` holds
// the @polkadot/api that zombienet ships (ApiPromise, WsProvider, Keyring), so the scripts
// need no client packages of their own. Every wait here has its own, shorter timeout than the
// test line's, so a failure says what did not happen instead of only "timeout".

'use strict';

const fs = require('node:fs');
const path = require('node:path');
const net = require('node:net');
const { spawn } = require('node:child_process');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Prints a progress line, indented under zombienet's own output. */
function log(message) {
  console.log(`    [${new Date().toISOString().slice(11, 19)}] ${message}`);
}

/** Resolves with `promise`, or rejects with `message` after `ms`. */
function withTimeout(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Polls `check` every `everyMs` until it returns a truthy value, which it returns. */
async function waitFor(what, check, ms, everyMs = 1_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms / 1000} s`);
    await sleep(everyMs);
  }
}

/** Connects @polkadot/api to a node's RPC endpoint. */
async function connect(wsUri, ms = 30_000) {
  const provider = new zombie.WsProvider(wsUri, 1_000);
  try {
    return await withTimeout(
      zombie.ApiPromise.create({ provider, noInitWarn: true }),
      ms,
      `no RPC answer from ${wsUri} within ${ms / 1000} s`,
    );
  } catch (error) {
    await provider.disconnect().catch(() => {});
    throw error;
  }
}

/** Connects to the named nodes of the network: { name: api }. */
async function connectAll(networkInfo, names) {
  const apis = {};
  try {
    for (const name of names) apis[name] = await connect(networkInfo.nodesByName[name].wsUri);
  } catch (error) {
    await disconnectAll(apis);
    throw error;
  }
  return apis;
}

async function disconnectAll(apis) {
  await Promise.all(Object.values(apis).map((api) => api.disconnect().catch(() => {})));
}

/** The best and finalized block numbers of a node, and the finalized block's hash. */
async function heads(api) {
  const [best, finalizedHash] = await Promise.all([
    api.rpc.chain.getHeader(),
    api.rpc.chain.getFinalizedHead(),
  ]);
  const finalized = await api.rpc.chain.getHeader(finalizedHash);
  return {
    best: best.number.toNumber(),
    finalized: finalized.number.toNumber(),
    finalizedHash: finalizedHash.toHex(),
  };
}

/** The canonical hashes of blocks `from..=to` on a node. */
async function blockHashes(api, from, to) {
  const hashes = [];
  for (let number = from; number <= to; number += 1) {
    hashes.push((await api.rpc.chain.getBlockHash(number)).toHex());
  }
  return hashes;
}

/**
 * Signs and sends `tx`, waits until its block is finalized, and returns its events and block
 * hash. Rejects with the decoded error if the extrinsic failed.
 */
function sendAndFinalize(api, tx, signer, ms = 90_000) {
  const name = `${tx.method.section}.${tx.method.method}`;
  let unsubscribe;
  const done = new Promise((resolve, reject) => {
    tx.signAndSend(signer, ({ status, events, dispatchError }) => {
      if (dispatchError) reject(new Error(`${name} failed: ${describeError(api, dispatchError)}`));
      else if (status.isInBlock) log(`${name} in block ${status.asInBlock.toHex()}`);
      else if (status.isFinalized) resolve({ events, blockHash: status.asFinalized.toHex() });
      else if (status.isDropped || status.isInvalid || status.isUsurped) reject(new Error(`${name}: ${status.type}`));
    }).then((u) => { unsubscribe = u; }, reject);
  });
  return withTimeout(done, ms, `${name} was not finalized within ${ms / 1000} s`)
    .finally(() => unsubscribe?.());
}

function describeError(api, dispatchError) {
  if (!dispatchError.isModule) return dispatchError.toString();
  const { section, name } = api.registry.findMetaError(dispatchError.asModule);
  return `${section}.${name}`;
}

/** The data of the `section.method` events among `events`. */
function eventsOf(events, section, method) {
  return events
    .filter(({ event }) => event.section === section && event.method === method)
    .map(({ event }) => event.data);
}

/** Throws unless `sudo.Sudid` among `events` reports success. */
function assertSudoSucceeded(api, events) {
  const [sudid] = eventsOf(events, 'sudo', 'Sudid');
  if (!sudid) throw new Error('no sudo.Sudid event');
  const result = sudid[0];
  if (result.isErr) throw new Error(`the sudo call failed: ${describeError(api, result.asErr)}`);
}

/** The dev account `//Name` (sr25519). */
function devAccount(name) {
  return new zombie.Keyring({ type: 'sr25519' }).addFromUri(`//${name}`);
}

// A test's js-scripts run one after another in the same network; what one finds out for a
// later one is kept as JSON in the network's directory.
function saveState(networkInfo, key, value) {
  fs.writeFileSync(path.join(networkInfo.tmpDir, `${key}.json`), JSON.stringify(value, null, 2));
}

function loadState(networkInfo, key) {
  const file = path.join(networkInfo.tmpDir, `${key}.json`);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: an earlier step of this test did not run`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** min / mean / max of a list of numbers, for the logs. */
function summary(values) {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { min: Math.min(...values), mean: Number(mean.toFixed(2)), max: Math.max(...values), samples: values.length };
}

/**
 * Starts an extra `v2x-node` named `name` on the network's chain spec (which lists alice as
 * boot node), on free 127.0.0.1 ports, with its base path and log in the network's
 * directory; `extraArgs` come after the common ones. Returns `died`, which rejects if the
 * node exits, and `stop`, which ends it (SIGTERM, then SIGKILL after 10 s).
 */
async function spawnNode(binary, networkInfo, name, extraArgs) {
  const dir = path.join(networkInfo.tmpDir, name);
  fs.mkdirSync(dir, { recursive: true });
  const rpcPort = await freePort();
  const p2pPort = await freePort();
  const logFile = path.join(networkInfo.tmpDir, `${name}.log`);
  const logFd = fs.openSync(logFile, 'a');
  const args = [
    '--chain', networkInfo.chainSpecPath,
    '--name', name,
    '--base-path', path.join(dir, 'data'),
    '--rpc-port', String(rpcPort),
    '--listen-addr', `/ip4/127.0.0.1/tcp/${p2pPort}/ws`,
    '--no-prometheus', '--no-telemetry', '--no-mdns',
    ...extraArgs,
  ];
  log(`starting ${name}: ${binary} ${args.join(' ')} (log: ${logFile})`);
  const child = spawn(binary, args, { stdio: ['ignore', logFd, logFd] });
  fs.closeSync(logFd);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const died = exited.then(({ code, signal }) => {
    throw new Error(`${name} exited (code ${code}, signal ${signal}); see ${logFile}`);
  });
  died.catch(() => {});
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    log(`${name} stopped`);
  };
  return { name, died, stop, logFile, wsUri: `ws://127.0.0.1:${rpcPort}` };
}

module.exports = {
  sleep,
  log,
  withTimeout,
  waitFor,
  connect,
  connectAll,
  disconnectAll,
  heads,
  blockHashes,
  sendAndFinalize,
  eventsOf,
  assertSudoSucceeded,
  devAccount,
  saveState,
  loadState,
  freePort,
  spawnNode,
  summary,
};
