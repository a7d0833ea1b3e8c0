// Setup transactions: one signer's calls sent all at once with consecutive nonces, waited
// for in blocks, and checked. Setup is not measured; it must only be right and quick.

import { withTimeout } from '../lib/node.mjs';

/** Calls per setup batch: a batch's weight stays well within one block. */
export const SETUP_BATCH = 100;

/** `calls` grouped into `utility.batchAll`s of at most `size`. */
export function batched(api, calls, size = SETUP_BATCH) {
  const out = [];
  for (let i = 0; i < calls.length; i += size) out.push(api.tx.utility.batchAll(calls.slice(i, i + size)));
  return out;
}

/**
 * Signs `txs` by `signer` with nonces from its next one, sends them together, and resolves
 * with each one's events once all are in blocks. Rejects with the decoded error if any
 * failed or was refused by the pool: a broken setup must not pass for a measurement.
 */
export async function sendAll(api, signer, txs, ms = 300_000) {
  if (txs.length === 0) return [];
  const first = (await api.rpc.system.accountNextIndex(signer.address)).toNumber();
  return withTimeout(Promise.all(txs.map((tx, i) => new Promise((resolve, reject) => {
    let unsubscribe = () => {};
    tx.signAndSend(signer, { nonce: first + i, era: 0 }, ({ status, events, dispatchError }) => {
      if (dispatchError) {
        unsubscribe();
        reject(new Error(`${describe(tx)} failed: ${decodeError(api, dispatchError)}`));
      } else if (status.isInvalid || status.isDropped || status.isUsurped) {
        unsubscribe();
        reject(new Error(`${describe(tx)} was not included: ${status.type}`));
      } else if (status.isInBlock) {
        unsubscribe();
        const interrupted = events.find(({ event }) => event.section === 'utility' && event.method === 'BatchInterrupted');
        if (interrupted) reject(new Error(`${describe(tx)} interrupted: ${interrupted.event.data.toString()}`));
        else resolve(events);
      }
    }).then((u) => { unsubscribe = u; }, reject);
  }))), ms, `setup by ${signer.address} not included within ${ms / 1000} s`);
}

/** Sends one signed `tx` per signer (their own next nonce) and waits for all of them. */
export async function sendEach(api, pairs, ms = 300_000) {
  const results = [];
  for (let i = 0; i < pairs.length; i += 500) {
    results.push(...await Promise.all(pairs.slice(i, i + 500).map(([signer, tx]) => sendAll(api, signer, [tx], ms))));
  }
  return results.flat();
}

/** `section.Name` of a dispatch error. */
export function decodeError(api, dispatchError) {
  if (dispatchError.isModule) {
    const { section, name } = api.registry.findMetaError(dispatchError.asModule);
    return `${section}.${name}`;
  }
  return dispatchError.type ?? dispatchError.toString();
}

function describe(tx) {
  return `${tx.method.section}.${tx.method.method}`;
}

/** The data of every `section.method` event in `eventLists` (arrays of event records). */
export function dataOf(eventLists, section, method) {
  return eventLists.flat()
    .filter(({ event }) => event.section === section && event.method === method)
    .map(({ event }) => event.data);
}
