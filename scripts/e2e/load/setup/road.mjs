// Road usage for the load phases, made through extrinsics as on a real chain: governance
// (sudo) approves the load's toll charger and toll service provider; the charger creates a
// passage context with a registered gantry and distance contexts, each with its first
// tariff; the provider posts its bond; the fleet owner subscribes the bound vehicles to the
// provider, tops up the passage vehicles' prepaid tolls and forms platoons of two trucks
// (a leader and one follower); each leader's device starts a segment.
//
// The phases then measure the three hot calls: `passages` (each device reports gantry
// passages with the gantry's attestation, paid from the prepaid balance), `platoons` (both
// trucks of every platoon attest the segment: whichever lands second pays, so half of the
// attestations pay) and `declarations` (the provider declares batches of
// `MaxDeclarationsPerBatch` vehicle-days, each vehicle-day a vehicle's day in one distance
// context: a provider declares a vehicle's day once).

import { u8aToHex } from '@polkadot/util';
import { UNIT, MILLI } from '../accounts.mjs';
import { batched, dataOf, decodeError, sendAll, sendEach } from '../chain.mjs';
import { countToFill } from '../predict.mjs';
import { chainDay, declaration, gantryAttestation } from '../../lib/demo-road.mjs';

/** A car (the charger's class 1) pays per passage at the load's gantry. */
export const PASSAGE_CLASS = 1;
export const PASSAGE_PRICE = 10n * MILLI;
/** A truck (class 2) pays per km on the distance contexts, by day (band 0). */
export const TRUCK_CLASS = 2;
export const KM_PRICE = MILLI;
/** Each declaration: a truck's 100 km by day, backed by two event ids (distance segments). */
export const DAY_USAGE = [{ band: 0, quantity: 100 }];
export const EVENTS_PER_DECLARATION = 2;
/** Every platoon segment is planned for, and attested at, 100 km by both trucks. */
export const SEGMENT_KM = 100;
/** A follower escrows 1 000 km; the leader gets half of a 2 milli-V2X saving per km. */
const MAX_KM = 1_000;
const RULE = { savingPerKm: 2n * MILLI, leaderShare: 500_000_000 };
const PRICE_PER_KM = MILLI;
/** The billing details behind each declaration stay off chain: their Merkle root. */
const DETAILS_ROOT = `0x${'d1'.repeat(32)}`;

const consts = (api) => {
  const c = api.consts.roadUsage;
  return {
    perBatch: c.maxDeclarationsPerBatch.toNumber(),
    eventsPerDay: c.maxEventsPerVehicleDay.toNumber(),
    bond: c.minProviderBond.toBigInt(),
    contextDeposit: c.contextDeposit.toBigInt(),
    batchDeposit: c.batchDeposit.toBigInt(),
    declarationDeposit: c.declarationDeposit.toBigInt(),
    vehicleDayDeposit: c.vehicleDayDeposit.toBigInt(),
    platoonDeposit: c.platoonDeposit.toBigInt(),
  };
};

/**
 * A load event id (the charger's id of a passage or a distance segment): `kind` (1 passage,
 * 2 declared), the context, the vehicle and its `n`th event, so no two ever collide.
 */
export function loadEventId(kind, context, vehicle, n) {
  const id = new Uint8Array(32);
  const view = new DataView(id.buffer);
  view.setUint32(0, kind, true);
  view.setUint32(4, context, true);
  view.setUint32(8, vehicle, true);
  view.setUint32(12, n, true);
  return u8aToHex(id);
}

/**
 * The sizes of the road phases: each one's count from `sizes` or, when null, what the
 * weights say fills over three blocks. `sizes.devices` devices report the passages (at most
 * `MaxEventsPerVehicleDay` each: one vehicle-day of the passage context); `trucks` (even)
 * form the platoons, two per platoon; the declarations need `MaxDeclarationsPerBatch`
 * served vehicles at least. `bound` is how many vehicles with a device the road phases use
 * (the first ones); `contexts` the distance contexts the batches need, a vehicle-day per
 * vehicle and context.
 */
export async function roadPlan(api, who, want, sizes) {
  if (!['passages', 'platoons', 'declarations'].some((p) => want.has(p))) {
    return { passages: 0, passageVehicles: 0, trucks: 0, batches: 0, bound: 0, served: 0, batchesPerContext: 0, contexts: 0 };
  }
  const c = consts(api);
  const passages = !want.has('passages') ? 0 : sizes.passages ?? await countToFill(api, passageTx(api, who, 0, {
    vehicle: 0, day: 0, event: loadEventId(1, 0, 0, 0), class: PASSAGE_CLASS,
  }), who.gantry);
  const passageVehicles = passages ? Math.min(sizes.devices, passages) : 0;
  if (passages > passageVehicles * c.eventsPerDay) {
    throw new Error(`${passages} passages need more than ${passageVehicles} devices (${c.eventsPerDay} a vehicle-day): raise --devices`);
  }
  const fill = !want.has('platoons') ? 0 : sizes.trucks ?? await countToFill(api, api.tx.roadUsage.attestSegment(0, SEGMENT_KM), who.gantry);
  const trucks = 2 * Math.ceil(fill / 2);
  const batches = !want.has('declarations') ? 0 : sizes.batches ?? await countToFill(
    api, declareTx(api, 0, Array.from({ length: c.perBatch }, (_, i) => i), 0), who.gantry,
  );
  const bound = Math.max(passageVehicles, trucks, batches ? c.perBatch : 0);
  const served = Math.floor(bound / c.perBatch) * c.perBatch;
  const batchesPerContext = served / c.perBatch;
  const contexts = batches ? Math.ceil(batches / batchesPerContext) : 0;
  return { passages, passageVehicles, trucks, batches, bound, served, batchesPerContext, contexts };
}

/** What the road setup and phases spend, as [address, amount] pairs for `fund`'s `extra`. */
export function roadFunds(api, who, plan) {
  if (!plan.bound) return [];
  const c = consts(api);
  const fees = 10n * UNIT;
  const perVehicle = BigInt(Math.ceil(plan.passages / Math.max(plan.passageVehicles, 1)));
  const platoons = BigInt(plan.trucks / 2);
  const batches = BigInt(plan.batches);
  const perBatch = BigInt(c.perBatch);
  const charges = batches * perBatch * BigInt(DAY_USAGE[0].quantity) * KM_PRICE;
  const deposits = batches * (c.batchDeposit + perBatch * (c.declarationDeposit + c.vehicleDayDeposit));
  return [
    [who.tollCharger.address, BigInt(1 + plan.contexts) * c.contextDeposit + fees],
    [who.tollProvider.address, bondFor(c, plan) + charges + deposits + fees],
    [who.fleet.address, BigInt(plan.passageVehicles) * prepaidFor(perVehicle)
      + platoons * (c.platoonDeposit + BigInt(MAX_KM) * PRICE_PER_KM) + fees],
  ];
}

/** The provider's bond: the least an active provider keeps, plus every batch's charges. */
function bondFor(c, plan) {
  return c.bond + BigInt(plan.batches * c.perBatch) * BigInt(DAY_USAGE[0].quantity) * KM_PRICE;
}

/** A vehicle's prepaid tolls: its passages, and one more. */
const prepaidFor = (passages) => (passages + 1n) * PASSAGE_PRICE;

/** Fails unless every `sudo.Sudid` in `events` carries an Ok result. */
function checkSudo(api, events) {
  for (const result of dataOf([events], 'sudo', 'Sudid').map((d) => d.sudoResult)) {
    if (result.isErr) throw new Error(`sudo call failed: ${decodeError(api, result.asErr)}`);
  }
}

/**
 * Sets up what `plan` (from `roadPlan`) needs on the bound vehicles `vehicles[0..plan.bound)`
 * (device i bound to vehicle i). Returns { today, passageContext, contexts (distance),
 * passageVehicles, platoons: [{ platoon, leader, follower }] (each { vehicle, device }),
 * served (vehicles the provider serves, a multiple of MaxDeclarationsPerBatch), perBatch,
 * batchesPerContext }.
 */
export async function setupRoad(api, who, vehicles, plan, { log }) {
  const c = consts(api);
  const { tx } = api;
  const truck = (i) => ({ vehicle: vehicles[i], device: who.devices[i] });
  const pairs = Array.from({ length: plan.trucks / 2 }, (_, p) => ({ leader: truck(2 * p), follower: truck(2 * p + 1) }));
  const today = await chainDay(api);

  log(`road usage: approving a toll charger and a provider; ${1 + plan.contexts} toll contexts`);
  checkSudo(api, (await sendAll(api, who.alice, [tx.sudo.sudo(tx.utility.batchAll([
    tx.roadUsage.approveCharger(who.tollCharger.address, 'Load Motorways'),
    tx.roadUsage.approveProvider(who.tollProvider.address, 'Load Toll Services'),
  ]))]))[0]);

  // The charger's contexts, the provider's bond and the fleet's subscriptions, prepaid tolls
  // and platoons are independent: each signer's transactions go at once.
  const subscribed = vehicles.slice(0, plan.bound);
  const perVehicle = BigInt(Math.ceil(plan.passages / Math.max(plan.passageVehicles, 1)));
  const fleetCalls = [
    ...subscribed.map((v) => tx.roadUsage.setProvider(v, who.tollProvider.address)),
    ...subscribed.slice(0, plan.passageVehicles).map((v) => tx.roadUsage.topUp(v, prepaidFor(perVehicle))),
    ...pairs.map((p) => tx.roadUsage.formPlatoon(p.leader.vehicle, RULE)),
  ];
  log(`  ${subscribed.length} subscriptions, ${plan.passageVehicles} prepaid balances, ${pairs.length} platoons`);
  const [created, , fleet] = await Promise.all([
    sendAll(api, who.tollCharger, batched(api, [
      tx.roadUsage.createContext('Load gantries', 'Passage'),
      ...Array.from({ length: plan.contexts }, (_, k) => tx.roadUsage.createContext(`Load network ${k}`, 'Distance')),
    ])),
    sendAll(api, who.tollProvider, [tx.roadUsage.postBond(bondFor(c, plan))]),
    sendAll(api, who.fleet, batched(api, fleetCalls)),
  ]);
  const [passageContext, ...contexts] = dataOf(created, 'roadUsage', 'ContextCreated').map((d) => d.context.toNumber());
  if (contexts.length !== plan.contexts) throw new Error(`created ${contexts.length} of ${plan.contexts} distance contexts`);
  const platoonOf = new Map(dataOf(fleet, 'roadUsage', 'PlatoonFormed').map((d) => [d.leader.toNumber(), d.platoon.toNumber()]));
  if (platoonOf.size !== pairs.length) throw new Error(`formed ${platoonOf.size} of ${pairs.length} platoons`);
  const platoons = pairs.map((p) => ({ platoon: platoonOf.get(p.leader.vehicle), ...p }));

  log('  tariffs and the gantry; the followers join their platoons');
  await Promise.all([
    sendAll(api, who.tollCharger, batched(api, [
      tx.roadUsage.publishTariff(passageContext, today, [{ class: PASSAGE_CLASS, band: 0, price: PASSAGE_PRICE }]),
      tx.roadUsage.addGantry(passageContext, who.gantry.address),
      ...contexts.map((k) => tx.roadUsage.publishTariff(k, today, [{ class: TRUCK_CLASS, band: 0, price: KM_PRICE }])),
    ])),
    sendAll(api, who.fleet, batched(api, platoons.map((p) => tx.roadUsage.joinPlatoon(p.platoon, p.follower.vehicle, MAX_KM)))),
  ]);
  if (platoons.length) {
    log(`  ${platoons.length} leaders' devices start a segment`);
    await sendEach(api, platoons.map((p) => [p.leader.device, tx.roadUsage.startSegment(p.platoon, SEGMENT_KM)]));
  }
  return {
    today,
    passageContext,
    contexts,
    passageVehicles: Array.from({ length: plan.passageVehicles }, (_, i) => truck(i)),
    platoons,
    served: subscribed.slice(0, plan.served),
    perBatch: c.perBatch,
    batchesPerContext: plan.batchesPerContext,
  };
}

/** `passage` of `context` reported by its vehicle's device, attested by the load's gantry. */
export function passageTx(api, who, context, passage) {
  return api.tx.roadUsage.reportPassage(context, passage, who.gantry.address, gantryAttestation(api, who.gantry, context, passage));
}

/** The provider's declaration of `vehicles`' day `day` in `context`, one vehicle-day each. */
export function declareTx(api, context, vehicles, day) {
  return api.tx.roadUsage.declare(context, vehicles.map((v) => declaration(
    v, day, TRUCK_CLASS, DAY_USAGE,
    Array.from({ length: EVENTS_PER_DECLARATION }, (_, n) => loadEventId(2, context, v, n)),
    DETAILS_ROOT,
  )));
}
