// A stand-in for the node's HTTP JSON-RPC while it does not implement v2x_vehiclePassport:
// it answers that one method from fixtures, as docs/passport-rpc.md says the node will.
// The page only needs an RPC URL, so a test swaps this for a dev node by passing its URL.

import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

/** The dev preset's vehicle 0, as the contract's example gives it. */
export const DEMO_VEHICLE = JSON.parse(
  readFileSync(new URL('../fixtures/passport-vehicle-0.json', import.meta.url), 'utf8'),
);

const VIN = /^[A-HJ-NPR-Z0-9]{17}$/;
const UNKNOWN_VEHICLE = 1001;
const INVALID_PARAMS = -32602;

/**
 * Starts the fake on a free 127.0.0.1 port. `vehicles`: the passports it knows (by default
 * the demo vehicle); `pageSize`: service records per page (the node's is 20).
 * Returns { url, requests, close }; `requests` lists the JSON-RPC requests it received.
 */
export async function startFakePassportRpc({ vehicles = [DEMO_VEHICLE], pageSize = 20 } = {}) {
  const requests = [];
  const server = createServer((req, res) => {
    const cors = {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': 'POST, OPTIONS',
      'Access-Control-Allow-Headers': 'Content-Type',
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { ...cors, Allow: 'POST, OPTIONS' }).end();
      return;
    }
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      let reply;
      try {
        const request = JSON.parse(body);
        requests.push(request);
        reply = { jsonrpc: '2.0', id: request.id ?? null, ...answer(request, vehicles, pageSize) };
      } catch {
        reply = { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } };
      }
      res.writeHead(200, { ...cors, 'Content-Type': 'application/json' }).end(JSON.stringify(reply));
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** `{ result }` or `{ error }` for one request. The block hash (params[1]) is ignored. */
function answer({ method, params = [] }, vehicles, pageSize) {
  if (method !== 'v2x_vehiclePassport') {
    return { error: { code: -32601, message: 'Method not found' } };
  }
  const [key, , firstRecord] = params;
  let vehicle;
  if (typeof key === 'number' && Number.isInteger(key) && key >= 0) {
    vehicle = vehicles.find(({ identity }) => identity.id === key);
    if (!vehicle) return unknown(`no vehicle has id ${key}`);
  } else if (typeof key === 'string' && VIN.test(key)) {
    vehicle = vehicles.find(({ identity }) => identity.vin === key);
    if (!vehicle) return unknown(`no vehicle is registered with VIN ${key}`);
  } else {
    return {
      error: {
        code: INVALID_PARAMS,
        message: `Invalid VIN ${JSON.stringify(key)}: a VIN has 17 characters, digits and capital letters except I, O and Q`,
      },
    };
  }
  if (firstRecord != null && !(Number.isInteger(firstRecord) && firstRecord >= 0)) {
    return { error: { code: INVALID_PARAMS, message: `Invalid record index ${JSON.stringify(firstRecord)}` } };
  }
  return { result: { ...vehicle, serviceRecords: page(vehicle.serviceRecords, firstRecord, pageSize) } };
}

function unknown(why) {
  return { error: { code: UNKNOWN_VEHICLE, message: `Unknown vehicle: ${why}` } };
}

/**
 * The page of service records starting at record `first` (default: the latest), newest
 * first, as the node pages them: `next` is the index that returns the older page.
 */
function page({ total, records }, first, pageSize) {
  const older = records.filter(({ id }) => first == null || id <= first);
  const shown = older.slice(0, pageSize);
  const rest = older.slice(pageSize);
  return { total, records: shown, next: rest.length ? rest[0].id : null };
}
