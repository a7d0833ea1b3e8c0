// Starts the nodes a load run drives: one `--dev` node, or the four validators of the
// `local` chain, each on free loopback ports with Prometheus on, and stops them on exit.
//
// Not lib/node.mjs's startDevNode: a load run needs flags it has no use for (Prometheus, the
// pool and RPC limits raised, an archive base path kept for `benchmark block`).

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { freePort, nodeBinary, spawnNode, withTimeout } from '../lib/node.mjs';

/**
 * Flags that keep the pool and the RPC server out of the way: the pool holds far more than
 * a run offers (the default 8 192 transactions / 20 MB would drop a 15 000-transfer burst),
 * and one WebSocket connection may have thousands of submissions in flight.
 */
const LOAD_FLAGS = [
  '--pool-limit', '200000', '--pool-kbytes', '2000000',
  '--rpc-max-connections', '1000',
  '--rpc-message-buffer-capacity-per-connection', '16384',
  '--rpc-max-request-size', '64', '--rpc-max-response-size', '256',
  '--rpc-rate-limit', '1000000',
  // Every block stays readable (and `benchmark block` can re-import them).
  '--state-pruning', 'archive', '--blocks-pruning', 'archive',
  '--database', 'paritydb',
  '--no-telemetry', '--no-mdns',
];

/** A node process on free loopback ports; `stop()` ends it (SIGTERM, then SIGKILL). */
async function startProcess({ name, args, basePath, logDir, p2pPort: fixedP2p }) {
  const rpcPort = await freePort();
  const p2pPort = fixedP2p ?? await freePort();
  const prometheusPort = await freePort();
  const logFile = join(logDir, `${name}.log`);
  const { child, exit, exited } = spawnNode([
    ...args,
    '--base-path', basePath,
    '--rpc-port', String(rpcPort),
    '--listen-addr', `/ip4/127.0.0.1/tcp/${p2pPort}`,
    '--prometheus-port', String(prometheusPort),
    ...LOAD_FLAGS,
  ], logFile);
  const stop = async () => {
    if (exited()) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exit;
    clearTimeout(timer);
  };
  return {
    name, pid: child.pid, rpcPort, p2pPort, logFile, basePath,
    wsUrl: `ws://127.0.0.1:${rpcPort}`,
    httpUrl: `http://127.0.0.1:${rpcPort}`,
    prometheusUrl: `http://127.0.0.1:${prometheusPort}/metrics`,
    exit, stop, exited,
  };
}

/** Connects @polkadot/api to `node`, or fails if it dies or stays silent for `ms`. */
export async function connect(node, ms = 90_000) {
  const died = node.exit.then(({ code, signal }) => {
    throw new Error(`${node.name} exited (code ${code}, signal ${signal}); log: ${node.logFile}`);
  });
  const connected = (async () => {
    for (;;) {
      try {
        const ok = await fetch(node.httpUrl, {
          method: 'POST', headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'system_health', params: [] }),
        });
        if (ok.ok) break;
      } catch { /* not listening yet */ }
      await new Promise((r) => setTimeout(r, 250));
    }
    return ApiPromise.create({ provider: new WsProvider(node.wsUrl, 1_000), noInitWarn: true });
  })();
  return withTimeout(Promise.race([connected, died]), ms, `${node.name} did not answer RPC within ${ms / 1000} s`);
}

/** Resident memory of a process in MiB, from /proc (null once it is gone). */
export function rssMiB(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

/**
 * One `--dev` node (Alice) on a new temporary base path, which stays until `cleanup()` so
 * `benchmark block` can read its blocks after the node stopped.
 */
export async function startDev() {
  const dir = mkdtempSync(join(tmpdir(), 'v2x-load-'));
  const node = await startProcess({
    name: 'dev', args: ['--dev'], basePath: join(dir, 'db'), logDir: dir,
  });
  return {
    dir, nodes: [node],
    stop: () => node.stop(),
    cleanup: async () => { await node.stop(); rmSync(dir, { recursive: true, force: true }); },
  };
}

/** A libp2p node key (32 bytes, hex) per validator, so its peer id is known in advance. */
function nodeKey(index) {
  return (index + 1).toString(16).padStart(64, '0');
}

/** The peer id of a node key, as the node computes it (`key inspect-node-key`). */
function peerId(dir, key) {
  const file = join(dir, `node-key-${key.slice(-4)}`);
  writeFileSync(file, key);
  return execFileSync(nodeBinary(), ['key', 'inspect-node-key', '--file', file], { encoding: 'utf8' }).trim();
}

/**
 * The `local` chain's four validators (Alice, Bob, Charlie, Dave), each with its dev keys
 * (`--alice` ...), on loopback, every one bootstrapping from the others.
 */
export async function startNetwork() {
  const dir = mkdtempSync(join(tmpdir(), 'v2x-load-net-'));
  const names = ['alice', 'bob', 'charlie', 'dave'];
  const ports = await Promise.all(names.map(() => freePort()));
  const keys = names.map((_, i) => nodeKey(i));
  const ids = keys.map((key) => peerId(dir, key));
  const nodes = [];
  const stopAll = async () => { await Promise.all(nodes.map((n) => n.stop())); };
  try {
    for (const [i, name] of names.entries()) {
      const bootnodes = names.flatMap((_, j) => (j === i ? [] : [
        '--bootnodes', `/ip4/127.0.0.1/tcp/${ports[j]}/p2p/${ids[j]}`,
      ]));
      const node = await startProcess({
        name,
        args: ['--chain', 'local', `--${name}`, '--validator', '--node-key', keys[i],
          '--allow-private-ip', ...bootnodes],
        basePath: join(dir, name), logDir: dir, p2pPort: ports[i],
      });
      nodes.push(node);
    }
  } catch (error) {
    await stopAll();
    throw error;
  }
  return {
    dir, nodes, stop: stopAll,
    cleanup: async () => { await stopAll(); rmSync(dir, { recursive: true, force: true }); },
  };
}
