// The demo's fourth chapter (scripts/demo.sh), a usage-based lease: the dev manufacturer's
// captive finance arm (Ferdie, an approved lender) registers a new car to itself and leases it
// for three short periods, each priced per period plus per km beyond the km it includes, the
// km read from the car's odometer history. The lessee accepts (a lien is placed and it may
// drive the car) and prepays; the first period is drawn from the prepayment at its due date,
// on the chain's idle time; the second is partly unpaid, runs past its grace period and is
// paid late; in the third period the lessee buys the car out, and the title moves through the
// consent sale. Its test: tests/usage-leasing.test.mjs.

import { Keyring } from '@polkadot/keyring';
import { eventsOf, waitForEvent, withTimeout } from './node.mjs';
import { landed, balancesAt, v2x, newVin, UNIT } from './demo-story.mjs';

const MILLI = UNIT / 1_000n;

/** The lease's cast: the dev preset's manufacturer and lender, and two new accounts. */
export const LEASE_CAST = {
  lessor: '//Ferdie', // "V2X Demo Motors", an approved lender in the dev preset
  lessee: '//Lessee',
  unit: '//Lessee//unit', // the leased car's telematics unit
  funder: '//Alice', // gives the lessee and the unit their first funds
};

export const LEASE_STORY = {
  // Short periods, so the story plays in about three minutes of 6-second blocks; a real lease
  // has monthly ones (the dev preset's lease of vehicle 5).
  terms: {
    baseFee: 100n * UNIT,
    pricePerKm: 500n * MILLI,
    includedKm: 100,
    periodLength: 10,
    periods: 3,
    grace: 4,
    notice: 10,
    purchasePrice: 1_000n * UNIT,
  },
  // The odometer when the lease starts, and the km driven in each period.
  startKm: 10,
  driven: [150, 80, 30],
  prepayment: 150n * UNIT,
  lesseeFunds: 2_000n * UNIT,
  unitFunds: 10n * UNIT,
};

/** What period `driven` km cost under `terms`: the base fee and the km beyond the included. */
export function periodCharge(terms, driven) {
  const beyond = BigInt(Math.max(0, driven - terms.includedKm));
  return terms.baseFee + beyond * terms.pricePerKm;
}

/** Resolves once the best block is `number` or later. */
export function waitForBlock(api, number, ms = 120_000) {
  return withTimeout(new Promise((resolve, reject) => {
    let unsubscribe;
    let done = false;
    api.rpc.chain.subscribeNewHeads((header) => {
      if (!done && header.number.toNumber() >= number) {
        done = true;
        if (unsubscribe) unsubscribe();
        resolve();
      }
    }).then((u) => { unsubscribe = u; if (done) u(); }, reject);
  }), ms, `the chain did not reach block ${number} within ${ms / 1000} s`);
}

/**
 * Plays the chapter on a dev chain. `log(step, detail)` hears of each step. Resolves with the
 * `vehicle`, the `lease`, its `start` block, the `steps` (events, fee, block), every party's
 * balances `before` and after each step (`balances`), the `quote` the runtime API gave for the
 * buy-out, and the standings the API showed along the way (`standings`).
 */
export async function playLease(api, log = () => {}) {
  const keyring = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 });
  const who = Object.fromEntries(Object.entries(LEASE_CAST).map(([role, uri]) => [role, keyring.addFromUri(uri)]));
  const { tx } = api;
  const s = LEASE_STORY;
  if (!(await api.query.vehicleIdentity.lenders(who.lessor.address)).isSome) {
    throw new Error('the dev manufacturer is not an approved lender here: play the demo on a dev chain');
  }
  const parties = { lessor: who.lessor.address, lessee: who.lessee.address };
  const chapter = { steps: {}, balances: {}, standings: {} };
  const step = async (key, signer, call) => {
    chapter.steps[key] = await landed(api, call, signer);
    chapter.balances[key] = await balancesAt(api, chapter.steps[key].blockHash, parties);
    return chapter.steps[key];
  };
  const snapshot = async (key) => {
    chapter.balances[key] = await balancesAt(api, (await api.rpc.chain.getHeader()).hash, parties);
  };
  const at = (key) => `(block #${chapter.steps[key].blockNumber})`;
  const event = (key, method) => eventsOf(chapter.steps[key].events, 'usageLeasing', method)[0];
  const leaseView = async () => (await api.call.usageLeasingApi.leaseOf(chapter.vehicle)).unwrap();
  let km = s.startKm;
  const drive = async (key, distance) => {
    km += distance;
    await landed(api, tx.serviceBook.reportOdometer(chapter.vehicle, km), who.unit);
    log(key, `The car's unit reports ${km} km (${distance} km this period)`);
  };

  // 1. The lessor registers a new car to itself; the funder pays the lessee's and the unit's
  //    first funds; the lessor binds the unit, which accepts and reports the odometer.
  const vin = await newVin(api);
  await step('register', who.lessor, tx.vehicleIdentity.registerVehicle(
    vin, who.lessor.address, 2025, 'Bev', 60_000, `0x${'11'.repeat(32)}`, 'ipfs://lease-demo-car',
  ));
  chapter.vehicle = eventsOf(chapter.steps.register.events, 'vehicleIdentity', 'VehicleRegistered')[0].vehicle.toNumber();
  await landed(api, tx.utility.batchAll([
    tx.balances.transferKeepAlive(who.lessee.address, s.lesseeFunds),
    tx.balances.transferKeepAlive(who.unit.address, s.unitFunds),
  ]), who.funder);
  await landed(api, tx.vehicleIdentity.bindDevice(chapter.vehicle, who.unit.address), who.lessor);
  await landed(api, tx.vehicleIdentity.acceptDeviceBinding(chapter.vehicle), who.unit);
  await landed(api, tx.serviceBook.reportOdometer(chapter.vehicle, km), who.unit);
  log('register', `Ferdie registers a new car, VIN ${vin}, as vehicle #${chapter.vehicle} to itself; `
    + `its unit reports ${km} km ${at('register')}`);
  await snapshot('before');

  // 2. The lessor offers the lease; the lessee accepts it and prepays in one transaction.
  const header = await api.rpc.chain.getHeader();
  await step('offer', who.lessor, tx.usageLeasing.offerLease(
    chapter.vehicle, who.lessee.address, s.terms, header.number.toNumber() + 100,
  ));
  chapter.lease = event('offer', 'LeaseOffered').lease.toNumber();
  log('offer', `Ferdie offers lease #${chapter.lease}: ${s.terms.periods} periods of ${s.terms.periodLength} blocks, `
    + `${v2x(s.terms.baseFee)} a period with ${s.terms.includedKm} km included, ${v2x(s.terms.pricePerKm)} a km beyond, `
    + `${v2x(s.terms.purchasePrice)} to buy the car ${at('offer')}`);
  await step('accept', who.lessee, tx.utility.batchAll([
    tx.usageLeasing.acceptLease(chapter.lease),
    tx.usageLeasing.pay(chapter.lease, s.prepayment),
  ]));
  chapter.start = event('accept', 'LeaseStarted').start.toNumber();
  const due = (period) => chapter.start + period * s.terms.periodLength;
  log('accept', `The lessee accepts: Ferdie's lien is placed, the lessee may drive the car until block ${due(s.terms.periods)}, `
    + `and prepays ${v2x(s.prepayment)} ${at('accept')}`);

  // 3. Period 1: the car drives; at the due date the chain settles the period on its idle time
  //    and draws the instalment from the prepayment.
  await drive('drive1', s.driven[0]);
  chapter.period1 = await waitForEvent(api, 'usageLeasing', 'PeriodSettled',
    (data) => data.lease.toNumber() === chapter.lease && data.period.toNumber() === 1, 120_000);
  await snapshot('period1');
  log('period1', `Period 1 falls due at block ${due(1)}: ${chapter.period1.km} km, `
    + `${v2x(chapter.period1.amount.toBigInt())} drawn from the prepayment`);

  // 4. Period 2: the rest of the prepayment does not cover it; the lessee pays after the grace.
  await drive('drive2', s.driven[1]);
  chapter.period2 = await waitForEvent(api, 'usageLeasing', 'PeriodSettled',
    (data) => data.lease.toNumber() === chapter.lease && data.period.toNumber() === 2, 120_000);
  await snapshot('period2');
  chapter.standings.afterDue = (await leaseView()).standing.toString();
  await waitForBlock(api, due(2) + s.terms.grace + 1);
  const late = await leaseView();
  chapter.standings.pastGrace = late.standing.toString();
  chapter.overdue = late.overdue.toBigInt();
  log('period2', `Period 2 falls due at block ${due(2)}: ${v2x(chapter.period2.amount.toBigInt())}, `
    + `${v2x(chapter.overdue)} of it unpaid; past the grace the lease is ${chapter.standings.pastGrace}`);
  await step('latePayment', who.lessee, tx.usageLeasing.pay(chapter.lease, chapter.overdue));
  chapter.standings.afterPayment = (await leaseView()).standing.toString();
  log('latePayment', `The lessee pays the ${v2x(chapter.overdue)} late; the lease is ${chapter.standings.afterPayment} again ${at('latePayment')}`);

  // 5. Period 3: the lessee buys the car out at the runtime API's quote.
  await drive('drive3', s.driven[2]);
  chapter.quote = (await leaseView()).payoff.toBigInt();
  await step('buyOut', who.lessee, tx.usageLeasing.buyOut(chapter.lease, chapter.quote));
  log('buyOut', `The lessee buys the car out for ${v2x(event('buyOut', 'LeaseBoughtOut').paid.toBigInt())}: `
    + `the lien is released and the title moves to the lessee ${at('buyOut')}`);
  return chapter;
}
