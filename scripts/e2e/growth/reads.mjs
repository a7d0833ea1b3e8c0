// The read paths a client uses for one vehicle's history, and how they are timed: each is a
// JSON-RPC request over HTTP to the node, so a sample is what the client waits for.

import { hexToU8a, u8aToHex, u8aConcat } from '@polkadot/util';
import { rpcCall } from '../lib/node.mjs';
import { VEHICLE } from './chain-spec.mjs';

/** The most records `ServiceBookApi::records` returns (runtime/src/configs/service_book.rs). */
export const PAGE = 100;
/** Records a passport page holds (pallets/primitives/src/passport.rs PASSPORT_RECORDS_PER_PAGE). */
export const PASSPORT_PAGE = 20;

const u32 = (n) => { const b = new Uint8Array(4); new DataView(b.buffer).setUint32(0, n, true); return b; };
const u64 = (n) => { const b = new Uint8Array(8); new DataView(b.buffer).setBigUint64(0, BigInt(n), true); return b; };
const some = (bytes) => (bytes ? u8aConcat([1], bytes) : new Uint8Array([0]));
/** `VehicleRef::Id(vehicle)`. */
const byId = (vehicle) => u8aConcat([0], u64(vehicle));

/**
 * The read paths for a vehicle with `count` records, each { id, what, method, params, check }:
 * `check(result, api)` verifies once, before timing, that the answer is the one expected
 * (returns how many records it carried), so a fast wrong answer cannot pass as a result.
 */
export function readPaths(count, at) {
  const middle = Math.floor(count / 2);
  const lastPage = Math.max(0, count - PAGE);
  const expectRecords = (start) => Math.max(0, Math.min(PAGE, count - start));
  const stateCall = (id, what, name, args, check) => ({
    id, what, method: 'state_call', params: [name, u8aToHex(args), at], check,
  });
  const records = (id, what, start) => stateCall(id, what, 'ServiceBookApi_records',
    u8aConcat(u64(VEHICLE), u32(start), u32(PAGE)), (hex, api) => {
      const list = decode(api, 'serviceBookApi', 'records', hex);
      const ids = list.map((r) => r.id.toNumber());
      expect(list.length === expectRecords(start), `${id}: ${list.length} records, expected ${expectRecords(start)}`);
      expect(list.length === 0 || ids[0] === start, `${id}: starts at record ${ids[0]}, expected ${start}`);
      return list.length;
    });
  const passport = (id, what, newest) => stateCall(id, what, 'VehiclePassportApi_vehicle_passport',
    u8aConcat(byId(VEHICLE), some(newest === undefined ? undefined : u32(newest))), (hex, api) => {
      const answer = decode(api, 'vehiclePassportApi', 'vehiclePassport', hex).unwrap();
      const page = answer.serviceRecords;
      expect(page.total.toNumber() === count, `${id}: total ${page.total}, expected ${count}`);
      const top = page.items.length ? page.items[0][0].id.toNumber() : null;
      expect(top === (count ? (newest ?? count - 1) : null), `${id}: newest record ${top}`);
      return page.items.length;
    });
  return [
    {
      id: 'rpc.floor', what: 'RPC floor: system_version (no state read)',
      method: 'system_version', params: [], check: () => 0,
    },
    {
      id: 'rpc.passport.newest', what: 'v2x_vehiclePassport, newest page',
      method: 'v2x_vehiclePassport', params: [VEHICLE, at], check: (answer) => passportJson(answer, count, undefined),
    },
    {
      id: 'rpc.passport.middle', what: 'v2x_vehiclePassport, page from the middle',
      method: 'v2x_vehiclePassport', params: [VEHICLE, at, middle], check: (answer) => passportJson(answer, count, middle),
    },
    passport('api.passport.newest', 'VehiclePassportApi vehicle_passport(None)'),
    passport('api.passport.middle', 'VehiclePassportApi vehicle_passport(Some(middle))', middle),
    records('api.records.first', `ServiceBookApi records(start 0, limit ${PAGE})`, 0),
    records('api.records.middle', `ServiceBookApi records(start middle, limit ${PAGE})`, middle),
    records('api.records.last', `ServiceBookApi records(last page, limit ${PAGE})`, lastPage),
    stateCall('api.recordCount', 'ServiceBookApi record_count', 'ServiceBookApi_record_count',
      u64(VEHICLE), (hex, api) => {
        const n = decode(api, 'serviceBookApi', 'recordCount', hex).toNumber();
        expect(n === count, `record_count ${n}, expected ${count}`);
        return 0;
      }),
    stateCall('api.odometerReadings', 'ServiceBookApi odometer_readings', 'ServiceBookApi_odometer_readings',
      u64(VEHICLE), (hex, api) => {
        const list = decode(api, 'serviceBookApi', 'odometerReadings', hex);
        expect(list.length === Math.min(count, 32), `odometer_readings: ${list.length} readings`);
        return list.length;
      }),
  ];
}

function passportJson(answer, count, newest) {
  const { total, records } = answer.serviceRecords;
  expect(total === count, `v2x_vehiclePassport: total ${total}, expected ${count}`);
  const top = records.length ? records[0].id : null;
  expect(top === (newest ?? count - 1), `v2x_vehiclePassport: newest record ${top}`);
  expect(records.length === Math.min(PASSPORT_PAGE, (newest ?? count - 1) + 1),
    `v2x_vehiclePassport: ${records.length} records on the page`);
  return records.length;
}

/**
 * A runtime API's SCALE answer, decoded as the metadata types the method's output (from
 * bytes: given a hex string, an `Option` would take it for the inner value's encoding).
 */
function decode(api, section, method, hex) {
  return api.createType(api.call[section][method].meta.type, hexToU8a(hex));
}

function expect(condition, message) {
  if (!condition) throw new Error(`wrong answer: ${message}`);
}

/**
 * Times `paths` against the node at `httpUrl`: `warmup` untimed rounds, then `repetitions`
 * rounds, each round calling every path once in turn (so a burst of load elsewhere on the
 * shared machine hits all paths alike). Returns per path { samples, median, p95, min, mean }
 * in ms, the answer's size in bytes and how many records it carried.
 */
export async function timePaths(httpUrl, paths, api, { at, warmup, repetitions, onProgress }) {
  const results = [];
  for (const path of paths) {
    const answer = await rpcCall(httpUrl, path.method, path.params, 60_000);
    const items = path.check(answer, api);
    results.push({ path, items, responseBytes: JSON.stringify(answer).length, ms: [] });
  }
  for (let round = 0; round < warmup + repetitions; round += 1) {
    for (const result of results) {
      const started = process.hrtime.bigint();
      await rpcCall(httpUrl, result.path.method, result.path.params, 60_000);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (round >= warmup) result.ms.push(ms);
    }
    if (onProgress && (round + 1) % 100 === 0) onProgress(round + 1, warmup + repetitions);
  }
  return results.map(({ path, items, responseBytes, ms }) => ({
    id: path.id,
    what: path.what,
    method: path.method,
    params: path.params.map((p) => (p === at ? '<block>' : p)),
    items,
    responseBytes,
    ...stats(ms),
  }));
}

/** Median, 95th percentile, minimum and mean of `ms`, rounded to microseconds. */
export function stats(ms) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const round = (x) => Math.round(x * 1000) / 1000;
  return {
    samples: sorted.length,
    medianMs: round(at(0.5)),
    p95Ms: round(at(0.95)),
    minMs: round(sorted[0]),
    meanMs: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
  };
}
