// The demo's third chapter (scripts/demo.sh), a day on the road with the dev preset's road-usage
// cast: Alice's car passes a motorway gantry and its on-board unit pays at once from her
// prepaid toll balance, with the gantry's signed attestation; the toll service provider
// declares the two trucks' day on the truck toll network (one entry per vehicle-day: totals
// and a Merkle root of the billing details) and the toll charger accepts the batch, paid from
// the provider's bond; the trucks drive a platoon segment that both units attest, and the
// follower pays the leader its share of the energy saved. Its test: tests/road-usage.test.mjs.

import { Keyring } from '@polkadot/keyring';
import { u8aConcat, stringToU8a, u8aToHex } from '@polkadot/util';
import { eventsOf } from './node.mjs';
import { landed, balancesAt, v2x } from './demo-story.mjs';

/** The dev preset's road-usage cast (runtime/src/genesis_config_presets.rs) and their units. */
export const ROAD_CAST = {
  carOwner: '//Alice',
  charger: '//TollCharger', // "Alpine Motorways"
  provider: '//TollProvider', // "V2X Toll Services"
  gantry: '//Gantry1', // a gantry of the motorway (context 0)
  leaderOwner: '//HaulierA',
  followerOwner: '//HaulierB',
  carUnit: '//Alice//obu',
  leaderUnit: '//HaulierA//truck',
  followerUnit: '//HaulierB//truck',
};

export const ROAD_STORY = {
  motorway: 0, // per passage: class 1 (a car) 8 V2X
  truckNetwork: 1, // per km, class 2: band 0 (day) 0.30 V2X, band 1 (night) 0.40 V2X
  car: 0,
  carClass: 1,
  leader: 3,
  follower: 4,
  truckClass: 2,
  platoon: 0,
  // Each truck's day on the truck network.
  truckUsage: [{ band: 0, quantity: 120 }, { band: 1, quantity: 30 }],
  segmentKm: 100,
  // What the car's owner adds to its prepaid tolls before the drive.
  topUp: 10n * 10n ** 12n,
  // What the units get from their owners for fees and the vehicle-day deposit.
  unitFunds: 10n * 10n ** 12n,
  detailsRoot: `0x${'cd'.repeat(32)}`,
};

/**
 * An event id the charger's back office gives a passage or a usage segment: `n` of the demo
 * run that started at block `run` (so the demo can play again on the same chain).
 */
export function eventId(n, run = 0) {
  const id = new Uint8Array(32).fill(n);
  new DataView(id.buffer).setUint32(0, run, true);
  return u8aToHex(id);
}

/** Today's number (days since 1970-01-01 UTC) by the chain's clock. */
export async function chainDay(api) {
  return Math.floor((await api.query.timestamp.now()).toNumber() / 86_400_000);
}

/**
 * `passage` signed by `gantry` as the pallet checks it: the SCALE encoding of
 * (b"v2x/toll", context, passage), as a MultiSignature.
 */
export function gantryAttestation(api, gantry, context, passage) {
  const passageType = api.tx.roadUsage.reportPassage.meta.args[1].type.toString();
  const payload = u8aConcat(
    stringToU8a('v2x/toll'),
    api.createType('u32', context).toU8a(),
    api.createType(passageType, passage).toU8a(),
  );
  return { Sr25519: gantry.sign(payload) };
}

/** A provider's declaration of `vehicle`'s day `day`. */
export function declaration(vehicle, day, vehicleClass, usage, events, detailsRoot = ROAD_STORY.detailsRoot) {
  return { vehicle, day, class: vehicleClass, usage, events, detailsRoot, corrects: null };
}

/**
 * Plays the chapter on a dev chain. `log(step, detail)` hears of each step. Resolves with the
 * `day`, the `run` (the block its event ids carry), the `passage`, the `batch` id, the `steps` (events, fee, block) and every party's
 * balances `before` and after each step (`balances`).
 */
export async function playRoadDay(api, log = () => {}) {
  const keyring = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 });
  const who = Object.fromEntries(Object.entries(ROAD_CAST).map(([role, uri]) => [role, keyring.addFromUri(uri)]));
  const { tx } = api;
  const s = ROAD_STORY;
  if ((await api.query.roadUsage.platoons(s.platoon)).isNone) {
    throw new Error(`this chain has no platoon ${s.platoon}: play the demo on a dev chain`);
  }
  const parties = Object.fromEntries(Object.entries(who).filter(([role]) => role !== 'gantry').map(([role, pair]) => [role, pair.address]));
  const chapter = { steps: {}, balances: {} };
  const step = async (key, signer, call) => {
    chapter.steps[key] = await landed(api, call, signer);
    chapter.balances[key] = await balancesAt(api, chapter.steps[key].blockHash, parties);
    return chapter.steps[key];
  };
  const at = (key) => `(block #${chapter.steps[key].blockNumber})`;
  const event = (key, method) => eventsOf(chapter.steps[key].events, 'roadUsage', method)[0];
  const name = (role) => ROAD_CAST[role].slice(2);

  // 1. The owners bind an on-board unit to each vehicle (unless an earlier run did) and give it
  //    funds for fees and deposits; each unit accepts with its own key.
  for (const [owner, unit, vehicle] of [['carOwner', 'carUnit', s.car], ['leaderOwner', 'leaderUnit', s.leader], ['followerOwner', 'followerUnit', s.follower]]) {
    const bound = (await api.query.vehicleIdentity.deviceVehicle(who[unit].address)).isSome;
    await landed(api, tx.utility.batchAll([
      tx.balances.transferKeepAlive(who[unit].address, s.unitFunds),
      ...(bound ? [] : [tx.vehicleIdentity.bindDevice(vehicle, who[unit].address)]),
    ]), who[owner]);
    if (!bound) await landed(api, tx.vehicleIdentity.acceptDeviceBinding(vehicle), who[unit]);
  }
  log('units', `${name('carOwner')}, ${name('leaderOwner')} and ${name('followerOwner')} bind an on-board unit to vehicles #${s.car}, #${s.leader} and #${s.follower}`);
  chapter.balances.before = await balancesAt(api, (await api.rpc.chain.getHeader()).hash, parties);
  chapter.day = await chainDay(api);
  chapter.run = (await api.rpc.chain.getHeader()).number.toNumber();
  const id = (n) => eventId(n, chapter.run);

  // 2. The car's owner tops up its prepaid tolls (held, and only the car's own unit can spend them).
  await step('topUp', who.carOwner, tx.roadUsage.topUp(s.car, s.topUp));
  log('topUp', `${name('carOwner')} adds ${v2x(s.topUp)} to vehicle #${s.car}'s prepaid tolls ${at('topUp')}`);

  // 3. The car passes gantry 1: the gantry signs the passage, the unit reports it and pays.
  chapter.passage = { vehicle: s.car, day: chapter.day, event: id(1), class: s.carClass };
  await step('passage', who.carUnit, tx.roadUsage.reportPassage(
    s.motorway, chapter.passage, who.gantry.address, gantryAttestation(api, who.gantry, s.motorway, chapter.passage),
  ));
  log('passage', `Vehicle #${s.car} passes ${name('gantry')} on the motorway: its unit pays `
    + `${v2x(event('passage', 'PassagePaid').amount.toBigInt())} from ${name('carOwner')}'s prepaid tolls to the charger ${at('passage')}`);

  // 4. The provider declares both trucks' day on the truck network, one entry per vehicle-day.
  await step('declare', who.provider, tx.roadUsage.declare(s.truckNetwork, [
    declaration(s.leader, chapter.day, s.truckClass, s.truckUsage, [id(10), id(11)]),
    declaration(s.follower, chapter.day, s.truckClass, s.truckUsage, [id(20), id(21)]),
  ]));
  const declared = event('declare', 'BatchDeclared');
  chapter.batch = declared.batch.toNumber();
  log('declare', `${name('provider')} declares the trucks' day (120 km by day, 30 at night each): batch #${chapter.batch}, `
    + `${v2x(declared.charges.toBigInt())} owed from its bond ${at('declare')}`);

  // 5. The toll charger accepts the batch: paid from the provider's bond.
  await step('accept', who.charger, tx.roadUsage.acceptBatch(chapter.batch));
  log('accept', `${name('charger')} accepts batch #${chapter.batch}: ${v2x(event('accept', 'BatchAccepted').paid.toBigInt())} `
    + `paid from the provider's bond ${at('accept')}`);

  // 6. The trucks drive a platoon segment; both units attest it, and the follower pays the leader.
  await step('segment', who.leaderUnit, tx.roadUsage.startSegment(s.platoon, s.segmentKm));
  await step('followerAttests', who.followerUnit, tx.roadUsage.attestSegment(s.platoon, s.segmentKm));
  await step('leaderAttests', who.leaderUnit, tx.roadUsage.attestSegment(s.platoon, s.segmentKm));
  const paid = event('leaderAttests', 'SegmentPaid');
  log('platoon', `Truck #${s.follower} follows truck #${s.leader} for ${paid.km} km; both units attest it and `
    + `${name('followerOwner')} pays ${v2x(paid.amount.toBigInt())} to ${name('leaderOwner')} from its escrow ${at('leaderAttests')}`);
  return chapter;
}
