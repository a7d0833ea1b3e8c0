// Starts a V2X node on free loopback ports for one test file, and stops it afterwards.

import { spawn } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { mkdtempSync, rmSync, createWriteStream, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiPromise, WsProvider } from '@polkadot/api';

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The node binary: $V2X_NODE, else the release build in the cargo target directory. */
export function nodeBinary() {
  if (process.env.V2X_NODE) return process.env.V2X_NODE;
  const target = process.env.CARGO_TARGET_DIR ?? join(process.env.HOME, '.cache/v2x-chain/target');
  return join(target, 'release/v2x-node');
}

/**
 * Runs the node binary with `args`, its output going to `logFile`. Returns the process,
 * `exit` (resolves with `{ code, signal }` once it has ended) and `exited()`.
 */
export function spawnNode(args, logFile) {
  const log = createWriteStream(logFile);
  const child = spawn(nodeBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let ended = false;
  const exit = new Promise((resolve) => child.on('exit', (code, signal) => {
    ended = true;
    resolve({ code, signal });
  }));
  return { child, exit, exited: () => ended };
}

/**
 * Starts `v2x-node --dev --tmp` and connects @polkadot/api to it.
 * Returns { api, wsUrl, httpUrl, stop, kill, logFile }: `wsUrl` is the node's RPC over
 * WebSocket, `httpUrl` the same port's HTTP JSON-RPC (which `--dev` opens to pages of any
 * origin); `stop` ends the node (SIGTERM) and is safe to call twice; `kill` ends it with
 * SIGKILL, as a crash would, and then cleans up like `stop`.
 *
 * `basePath`: keep the chain's database there instead of a throw-away one (the caller owns
 * the directory, so a second node can start on it after this one ends).
 * `chainSpec`: the path of a chain spec JSON file to run instead of the dev preset (`--dev`
 * still makes Alice the authoring validator); `readyMs`: how long the node may take to
 * answer RPC (default 60 s; a large genesis takes longer to build); `abortSignal`: an AbortSignal
 * that stops the node, also while it is starting (for a caller that is interrupted).
 */
export async function startDevNode({ basePath, chainSpec, readyMs = 60_000, abortSignal } = {}) {
  const rpcPort = await freePort();
  const p2pPort = await freePort();
  const wsUrl = `ws://127.0.0.1:${rpcPort}`;

  const dir = mkdtempSync(join(tmpdir(), 'v2x-e2e-'));
  const logFile = join(dir, 'node.log');
  const { child, exit, exited } = spawnNode([
    '--dev',
    ...(chainSpec ? ['--chain', chainSpec] : []),
    ...(basePath ? ['--base-path', basePath] : ['--tmp']),
    '--rpc-port', String(rpcPort),
    '--listen-addr', `/ip4/127.0.0.1/tcp/${p2pPort}`,
    '--no-prometheus', '--no-telemetry', '--no-mdns',
  ], logFile);

  let api;
  let provider;
  let stopping = false;
  const stop = async (signal = 'SIGTERM') => {
    stopping = true;
    // A crash comes first, before anything the client does.
    if (signal === 'SIGKILL' && !exited()) child.kill(signal);
    if (api) await api.disconnect().catch(() => {});
    else if (provider) await provider.disconnect().catch(() => {});
    if (!exited()) {
      child.kill(signal);
      await new Promise((resolve) => {
        const timer = setTimeout(() => { child.kill('SIGKILL'); resolve(); }, 10_000);
        child.on('exit', () => { clearTimeout(timer); resolve(); });
      });
    }
    rmSync(dir, { recursive: true, force: true });
  };
  abortSignal?.addEventListener('abort', () => { stop(); }, { once: true });

  try {
    const died = exit.then(({ code, signal }) => {
      throw new Error(`the node exited (code ${code}, signal ${signal}) before answering RPC`);
    });
    // After a timeout `stop` has run: no client may be left behind, reconnecting forever
    // (which would keep the test file from ever ending).
    const connected = (async () => {
      await portOpen(rpcPort, () => exited() || stopping);
      if (stopping || exited()) throw new Error('stopped before the node answered RPC');
      provider = new WsProvider(wsUrl, 1_000);
      const created = await ApiPromise.create({ provider, noInitWarn: true });
      if (stopping) {
        await created.disconnect().catch(() => {});
        throw new Error('stopped before the node answered RPC');
      }
      return created;
    })();
    api = await withTimeout(
      Promise.race([connected, died]),
      readyMs,
      `the node did not answer RPC on port ${rpcPort} within ${readyMs / 1000} s`,
    );
  } catch (error) {
    const log = (() => { try { return readFileSync(logFile, 'utf8').slice(-3000); } catch { return ''; } })();
    await stop();
    throw new Error(`${error.message}; the end of its log:\n${log}`);
  }
  return {
    api, wsUrl, httpUrl: `http://127.0.0.1:${rpcPort}`, logFile,
    stop: () => stop('SIGTERM'),
    kill: () => stop('SIGKILL'),
  };
}

/** Resolves once something accepts TCP connections on `port` (or `stopped()` is true). */
async function portOpen(port, stopped) {
  while (!stopped()) {
    const open = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => { socket.destroy(); resolve(true); });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Resolves with `promise`, or rejects with `message` after `ms`. */
export function withTimeout(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Waits until the finalized head reaches `number`. */
export async function waitForFinalized(api, number, ms) {
  await withTimeout(new Promise((resolve) => {
    let unsubscribe;
    api.rpc.chain.subscribeFinalizedHeads((header) => {
      if (header.number.toNumber() >= number) {
        if (unsubscribe) unsubscribe();
        resolve();
      }
    }).then((u) => { unsubscribe = u; });
  }), ms, `the chain did not finalize block ${number} within ${ms / 1000} s`);
}

/**
 * Signs and sends `tx`, waits until its block is finalized, and returns the events it
 * emitted. Rejects with the decoded module error if the extrinsic failed, and at once if the
 * pool reports it invalid, dropped or usurped.
 */
export function sendAndFinalize(api, tx, signer, ms = 60_000) {
  return send(api, tx, signer, 'isFinalized', ms);
}

/** As `sendAndFinalize`, but returns as soon as the extrinsic is in a block. */
export function sendInBlock(api, tx, signer, ms = 30_000) {
  return send(api, tx, signer, 'isInBlock', ms);
}

function send(api, tx, signer, until, ms) {
  return withTimeout(new Promise((resolve, reject) => {
    let unsubscribe = () => {};
    tx.signAndSend(signer, ({ status, events, dispatchError }) => {
      if (dispatchError) {
        unsubscribe();
        if (dispatchError.isModule) {
          const { section, name } = api.registry.findMetaError(dispatchError.asModule);
          reject(new Error(`${section}.${name}`));
        } else {
          reject(new Error(dispatchError.toString()));
        }
        return;
      }
      // The pool threw it out: waiting would only time out.
      if (status.isInvalid || status.isDropped || status.isUsurped || status.isFinalityTimeout) {
        unsubscribe();
        reject(new Error(`${tx.method.section}.${tx.method.method} was not included: ${status.type}`));
        return;
      }
      if (status[until]) {
        unsubscribe();
        resolve({ events, blockHash: until === 'isFinalized' ? status.asFinalized : status.asInBlock });
      }
    }).then((u) => { unsubscribe = u; }, reject);
  }), ms, `${tx.method.section}.${tx.method.method} was not ${until === 'isFinalized' ? 'finalized' : 'included'} within ${ms / 1000} s`);
}

/** The events of `section.method` among `events`, as their data. */
export function eventsOf(events, section, method) {
  return events
    .filter(({ event }) => event.section === section && event.method === method)
    .map(({ event }) => event.data);
}

/** What `who` has on hold for `pallet`'s hold reason `reason`, in the smallest unit. */
export async function held(api, who, pallet, reason) {
  const holds = await api.query.balances.holds(who);
  const matches = (id) => Object.entries(id.toJSON())
    .some(([name, value]) => name.toLowerCase() === pallet.toLowerCase() && value === reason);
  return holds
    .filter(({ id }) => matches(id))
    .reduce((sum, { amount }) => sum + amount.toBigInt(), 0n);
}

/**
 * Resolves with the data of the first `section.method` event, in a new best block, for which
 * `matches(data)` holds: for what the runtime does on its own (hooks, idle-time work).
 */
export function waitForEvent(api, section, method, matches, ms) {
  return withTimeout(new Promise((resolve, reject) => {
    let unsubscribe;
    let found;
    api.query.system.events((records) => {
      if (found) return;
      found = records
        .map(({ event }) => event)
        .find((event) => event.section === section && event.method === method && matches(event.data));
      if (found) {
        if (unsubscribe) unsubscribe();
        resolve(found.data);
      }
    }).then((u) => { unsubscribe = u; if (found) u(); }, reject);
  }), ms, `no ${section}.${method} event within ${ms / 1000} s`);
}

/**
 * Calls `method` over the node's HTTP JSON-RPC at `rpcUrl`. Rejects with an Error that
 * carries the JSON-RPC error's `code`, `rpcMessage` and `data` if the node answers with one.
 */
export async function rpcCall(rpcUrl, method, params = [], timeoutMs = 10_000) {
  const response = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new Error(`${method}: HTTP ${response.status} from ${rpcUrl}`);
  const { result, error } = await response.json();
  if (error) {
    throw Object.assign(new Error(`${method}: ${error.message} (code ${error.code})`),
      { code: error.code, rpcMessage: error.message, data: error.data });
  }
  return result;
}
