// Chain specs for the growth measurement: the dev preset with N service records for one
// vehicle, built by the node itself (`build-spec`), and, past what a genesis config can
// carry, a raw spec with the older records written straight into storage.

import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { u8aToHex, hexToU8a, u8aConcat, stringToU8a } from '@polkadot/util';
import { xxhashAsU8a, blake2AsU8a } from '@polkadot/util-crypto';
import { nodeBinary } from '../lib/node.mjs';

/** The vehicle whose history grows: the dev preset's vehicle 0 (Alice's car). */
export const VEHICLE = 0;
/** Kilometres between two records. */
const KM_STEP = 10;
const FIRST_KM = 1_000;
const KINDS = ['Maintenance', 'Repair', 'Tyres', { Inspection: { passed: true } }];

/** `build-spec` runs under way, so an interrupted measurement can end them. */
const builds = new Set();

/** Ends every `build-spec` run under way (SIGKILL: they only write a file we throw away). */
export function stopBuilds() {
  for (const child of builds) child.kill('SIGKILL');
}

/**
 * Runs `v2x-node build-spec <args>` and writes its output to `outFile`. Resolves with
 * { ok, seconds, error } (error: the last line the node printed about why it failed).
 */
export function buildSpec(args, outFile, timeoutMs = 300_000) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(nodeBinary(), ['build-spec', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    builds.add(child);
    const out = createWriteStream(outFile);
    child.stdout.pipe(out);
    let stderr = '';
    // The runtime logs one line per genesis reading (`UnixTime::now` at genesis): keep the end.
    child.stderr.on('data', (chunk) => { stderr = (stderr + chunk).slice(-4000); });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      builds.delete(child);
      out.end(() => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const error = stderr.split('\n').map((l) => l.trim()).filter((l) => /Error|error:|fail/.test(l)).pop()
          ?? (signal ? `killed by ${signal} after ${timeoutMs / 1000} s` : `exit code ${code}`);
        resolve(code === 0 ? { ok: true, seconds } : { ok: false, seconds, error });
      });
    });
  });
}

/** The dev preset as a plain chain spec (runtime code plus the genesis patch), parsed. */
export async function devSpec(dir) {
  const file = join(dir, 'dev.json');
  const result = await buildSpec(['--chain', 'dev'], file);
  if (!result.ok) throw new Error(`build-spec --chain dev failed: ${result.error}`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** A document URI shaped like an IPFS CIDv1 (66 characters), different for each record. */
function documentUri(index) {
  const digits = 'abcdefghijklmnopqrstuvwxyz234567';
  let cid = 'bafybei';
  let x = index + 1;
  for (let i = 0; i < 52; i += 1) {
    cid += digits[(x * 7 + i * 13) % 32];
    x = Math.floor(x / 3) + i;
  }
  return `ipfs://${cid}`;
}

/**
 * The dev spec with `count` records for VEHICLE, the first numbered `first` (its odometer and
 * documents follow from its number), all by the dev preset's workshop (Charlie), and no
 * device readings (the preset's would be rollbacks below these records).
 */
export function specWithRecords(dev, count, first = 0) {
  const spec = structuredClone(dev);
  spec.id = `v2x_growth_${first + count}`;
  const serviceBook = spec.genesis.runtimeGenesis.patch.serviceBook;
  const workshop = serviceBook.workshops[0][0];
  serviceBook.records = Array.from({ length: count }, (_, i) => {
    const n = first + i;
    return [
      VEHICLE,
      workshop,
      FIRST_KM + n * KM_STEP,
      KINDS[n % KINDS.length],
      Array.from(blake2AsU8a(stringToU8a(`record ${n}`))),
      Array.from(stringToU8a(documentUri(n))),
    ];
  });
  serviceBook.readings = [];
  return spec;
}

/** Writes `spec` compactly to `file` and returns its size in bytes. */
export function writeSpec(spec, file) {
  writeFileSync(file, JSON.stringify(spec));
  return statSync(file).size;
}

/**
 * The largest record count between `ok` (known to build) and `refused` (known not to) whose
 * genesis builds, to within `step` records. Calls `tryCount(count)` -> { ok } for each probe.
 */
export async function largestThatBuilds(ok, refused, step, tryCount) {
  let low = ok;
  let high = refused;
  while (high - low > step) {
    const middle = Math.round((low + high) / 2 / step) * step;
    const probe = middle <= low || middle >= high ? Math.floor((low + high) / 2) : middle;
    if ((await tryCount(probe)).ok) low = probe;
    else high = probe;
  }
  return low;
}

const twox128 = (text) => xxhashAsU8a(stringToU8a(text), 128);
const twox64Concat = (bytes) => u8aConcat(xxhashAsU8a(bytes, 64), bytes);
/** `value` as a little-endian unsigned integer of `bytes` bytes (SCALE's fixed width). */
const le = (value, bytes) => {
  const out = new Uint8Array(bytes);
  let v = BigInt(value);
  for (let i = 0; i < bytes; i += 1) { out[i] = Number(v & 0xffn); v >>= 8n; }
  return out;
};
const storagePrefix = (item) => u8aConcat(twox128('ServiceBook'), twox128(item));
const recordKey = (id) => u8aToHex(u8aConcat(storagePrefix('Records'), twox64Concat(le(id, 8))));
const positionKey = (vehicle, position) => u8aToHex(u8aConcat(
  storagePrefix('VehicleRecords'), twox64Concat(le(vehicle, 8)), twox64Concat(le(position, 4)),
));

/**
 * Turns the raw spec of a genesis whose `built` records are VEHICLE's newest ones (made by
 * `specWithRecords(dev, built, total - built)`, so ids and positions 0.. in storage) into one
 * with `total` records: the built records move to ids and positions `total - built ..`, and
 * the older positions get records copied from the built ones with their own odometer km
 * (bytes 40..44 of a `ServiceRecord`: vehicle u64, workshop 32 bytes, then `odometer_km`).
 * The storage layout and value sizes are the runtime's own; the odometer state and readings
 * are the genesis's (its newest records').
 */
export function synthesiseRaw(raw, built, total) {
  const top = raw.genesis.raw.top;
  const values = [];
  for (let id = 0; id < built; id += 1) {
    const key = recordKey(id);
    if (!(key in top)) throw new Error(`the raw spec has no record ${id}: is the pallet named ServiceBook?`);
    values.push(top[key]);
    delete top[key];
    delete top[positionKey(VEHICLE, id)];
  }
  const older = total - built;
  for (let position = 0; position < total; position += 1) {
    let value;
    if (position >= older) {
      value = values[position - older];
    } else {
      const bytes = hexToU8a(values[position % built]);
      bytes.set(le(FIRST_KM + position * KM_STEP, 4), 40);
      value = u8aToHex(bytes);
    }
    top[recordKey(position)] = value;
    top[positionKey(VEHICLE, position)] = u8aToHex(le(position, 8));
  }
  const countKey = u8aToHex(u8aConcat(storagePrefix('RecordCount'), twox64Concat(le(VEHICLE, 8))));
  const nextIdKey = u8aToHex(storagePrefix('NextRecordId'));
  if (top[countKey] !== u8aToHex(le(built, 4)) || top[nextIdKey] !== u8aToHex(le(built, 8))) {
    throw new Error('the raw spec does not hold the records it was built with');
  }
  top[countKey] = u8aToHex(le(total, 4));
  top[nextIdKey] = u8aToHex(le(total, 8));
  raw.id = `v2x_growth_${total}`;
  return raw;
}
