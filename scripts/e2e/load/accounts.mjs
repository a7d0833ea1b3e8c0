// The load run's cast, derived from fixed seeds so every run (and every node) knows them:
// many senders, the vehicles' devices, the shared cars' units, and one account per domain role. Alice funds them
// all in `utility.batch`es of transfers before any phase starts.

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { sendAll } from './chain.mjs';

export const UNIT = 10n ** 12n;
export const MILLI = UNIT / 1000n;

/** Transfers per funding batch: far below a block's weight, so batches spread over blocks. */
const FUNDING_BATCH = 250;

/**
 * sr25519 keys: `//load//<i>` senders, buyers and renters, `//load//device//<i>`,
 * `//load//unit//<i>` (the shared cars' telematics units), named roles.
 */
export async function cast(api, { senders, devices, units = 0 }) {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 });
  const uri = (path) => keyring.addFromUri(`//load//${path}`);
  return {
    alice: keyring.addFromUri('//Alice'),
    senders: Array.from({ length: senders }, (_, i) => uri(i)),
    devices: Array.from({ length: devices }, (_, i) => uri(`device//${i}`)),
    units: Array.from({ length: units }, (_, i) => uri(`unit//${i}`)),
    // Roles: the vehicles' owner, their manufacturer, an insurer, a charge point operator and
    // the car-sharing co-ops' founder and fleet manager.
    fleet: uri('fleet'),
    maker: uri('maker'),
    insurer: uri('insurer'),
    operator: uri('operator'),
    manager: uri('coops'),
    // Road usage: a toll charger, a toll service provider, and a gantry of the charger's,
    // whose key signs passages off chain (it never sends a transaction: no funds).
    tollCharger: uri('tollCharger'),
    tollProvider: uri('tollProvider'),
    gantry: uri('gantry'),
    // Meters only stand for chargers' devices: they never sign, so they need no funds.
    meter: (i) => uri(`meter//${i}`),
  };
}

/**
 * Gives every account of the cast what its role spends: fees for senders, devices and units;
 * the deposits, escrows and pools of the roles (`managerFunds` for the co-ops' founder, only
 * when there are units to share; `extra`, [address, amount] pairs, for what other phases'
 * setup spends, such as road usage's bond and deposits). One transfer each, in batches
 * signed by Alice.
 */
export async function fund(api, who, { managerFunds = 0n, extra = [], log }) {
  const transfers = [
    ...who.senders.map((p) => [p.address, 100n * UNIT]),
    ...who.devices.map((p) => [p.address, 10n * UNIT]),
    ...who.units.map((p) => [p.address, 5n * UNIT]),
    ...(managerFunds > 0n ? [[who.manager.address, managerFunds]] : []),
    [who.fleet.address, 20_000n * UNIT],
    [who.maker.address, 20_000n * UNIT],
    [who.insurer.address, 20_000n * UNIT],
    [who.operator.address, 50_000n * UNIT],
    ...extra,
  ];
  const batches = [];
  for (let i = 0; i < transfers.length; i += FUNDING_BATCH) {
    const calls = transfers.slice(i, i + FUNDING_BATCH)
      .map(([to, amount]) => api.tx.balances.transferKeepAlive(to, amount));
    batches.push(api.tx.utility.batchAll(calls));
  }
  log(`funding ${transfers.length} accounts in ${batches.length} batches from Alice`);
  await sendAll(api, who.alice, batches);
}
