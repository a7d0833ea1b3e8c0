// Road usage through @polkadot/api on a fresh dev chain: the demo's day of tolls
// (lib/demo-road.mjs) with every balance checked to the unit, then what the chain refuses: a
// replayed or forged gantry attestation, a provider charging an event the car already paid,
// and a platoon segment only one truck attests.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { startDevNode, sendInBlock, eventsOf } from '../lib/node.mjs';
import { decimalV2x, fetchPassport } from '../lib/demo-story.mjs';
import {
  playRoadDay, gantryAttestation, declaration, eventId, ROAD_CAST, ROAD_STORY,
} from '../lib/demo-road.mjs';

// The runtime's and the dev preset's figures (runtime/src/configs/road_usage.rs,
// runtime/src/genesis_config_presets.rs).
const UNIT = 10n ** 12n;
const MILLI = UNIT / 1_000n;
const CAR_PASSAGE = 8n * UNIT;
const PER_KM = { day: 300n * MILLI, night: 400n * MILLI };
const PER_TRUCK = 120n * PER_KM.day + 30n * PER_KM.night;
const PREPAID = 50n * UNIT;
const BOND = 1_000n * UNIT;
const ESCROW = 100n * UNIT; // 1 000 km at half of the 0.20 V2X saved a km
const PLATOON_PER_KM = 100n * MILLI;
const BATCH_DEPOSIT = 200n * MILLI;
const DECLARATION_DEPOSIT = 110n * MILLI;
const VEHICLE_DAY_DEPOSIT = 4_500n * MILLI;

let node;
let who;
// The block the day's event ids carry (the third test replays its passage).
let firstRun;
let firstDay;
before(async () => {
  node = await startDevNode();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: node.api.registry.chainSS58 });
  who = Object.fromEntries(Object.entries(ROAD_CAST).map(([role, uri]) => [role, keyring.addFromUri(uri)]));
});
after(async () => { await node?.stop(); });

const exposure = async (api) => (await api.call.roadUsageApi.providerExposure(who.provider.address)).unwrap().map((v) => v.toBigInt());

test('the dev preset has a toll charger, a bonded provider and a truck platoon', async () => {
  const { api } = node;
  assert.equal((await api.query.roadUsage.chargers(who.charger.address)).unwrap().name.toUtf8(), 'Alpine Motorways');
  const provider = (await api.query.roadUsage.providers(who.provider.address)).unwrap();
  assert.equal(provider.name.toUtf8(), 'V2X Toll Services');
  assert.deepEqual(await exposure(api), [BOND, 0n]);
  assert.equal((await api.query.roadUsage.contexts(ROAD_STORY.motorway)).unwrap().kind.toString(), 'Passage');
  assert.equal((await api.query.roadUsage.contexts(ROAD_STORY.truckNetwork)).unwrap().kind.toString(), 'Distance');
  const platoon = (await api.query.roadUsage.platoons(ROAD_STORY.platoon)).unwrap();
  assert.equal(platoon.leader.toNumber(), ROAD_STORY.leader);
  assert.equal(platoon.payee.toString(), who.leaderOwner.address);
  assert.deepEqual(
    platoon.followers.map((f) => [f.vehicle.toNumber(), f.payer.toString(), f.held.toBigInt()]),
    [[ROAD_STORY.follower, who.followerOwner.address, ESCROW]],
  );
});

test('a day of tolls: a direct passage, a declared day, a platoon segment, every balance to the unit', async () => {
  const { api } = node;
  const day = await playRoadDay(api);
  const { balances: b, steps } = day;
  firstRun = day.run;
  firstDay = day.day;
  const change = (from, to, role) => b[to][role].free - b[from][role].free;
  const heldAt = (key, role, reason) => b[key][role].held[`roadUsage.${reason}`] ?? 0n;
  assert.equal(heldAt('before', 'carOwner', 'Prepaid'), PREPAID);
  assert.equal(heldAt('before', 'provider', 'ProviderBond'), BOND);
  assert.equal(heldAt('before', 'followerOwner', 'PlatoonEscrow'), ESCROW);

  // Alice tops up 10 V2X; the passage takes 8 V2X from her prepaid balance to the charger; the
  // unit pays its fee and the deposit of the vehicle-day it opened.
  assert.equal(heldAt('topUp', 'carOwner', 'Prepaid'), PREPAID + ROAD_STORY.topUp);
  assert.equal(change('before', 'topUp', 'carOwner'), -(ROAD_STORY.topUp + steps.topUp.fee));
  assert.equal(heldAt('passage', 'carOwner', 'Prepaid'), PREPAID + ROAD_STORY.topUp - CAR_PASSAGE);
  assert.equal(change('topUp', 'passage', 'carOwner'), 0n);
  assert.equal(change('topUp', 'passage', 'charger'), CAR_PASSAGE);
  assert.equal(change('topUp', 'passage', 'carUnit'), -(steps.passage.fee + VEHICLE_DAY_DEPOSIT));
  assert.equal(heldAt('passage', 'carUnit', 'Deposit'), VEHICLE_DAY_DEPOSIT);

  // The declaration: the provider holds its deposits; the bond now covers 96 V2X owed.
  const deposits = BATCH_DEPOSIT + 2n * DECLARATION_DEPOSIT + 2n * VEHICLE_DAY_DEPOSIT;
  const declared = eventsOf(steps.declare.events, 'roadUsage', 'BatchDeclared')[0];
  assert.equal(declared.charges.toBigInt(), 2n * PER_TRUCK);
  assert.equal(change('passage', 'declare', 'provider'), -(steps.declare.fee + deposits));
  assert.equal(heldAt('declare', 'provider', 'Deposit'), deposits);
  assert.equal(heldAt('declare', 'provider', 'ProviderBond'), BOND);

  // The acceptance: paid from the bond to the charger.
  assert.equal(heldAt('accept', 'provider', 'ProviderBond'), BOND - 2n * PER_TRUCK);
  assert.equal(change('declare', 'accept', 'provider'), 0n);
  assert.equal(change('declare', 'accept', 'charger'), 2n * PER_TRUCK - steps.accept.fee);
  assert.deepEqual(await exposure(api), [BOND - 2n * PER_TRUCK, 0n]);

  // The platoon: nothing paid on the follower's attestation alone; 100 km x 0.10 V2X once both did.
  assert.equal(eventsOf(steps.followerAttests.events, 'roadUsage', 'SegmentPaid').length, 0);
  assert.equal(heldAt('followerAttests', 'followerOwner', 'PlatoonEscrow'), ESCROW);
  const segment = 100n * PLATOON_PER_KM;
  assert.equal(heldAt('leaderAttests', 'followerOwner', 'PlatoonEscrow'), ESCROW - segment);
  assert.equal(change('followerAttests', 'leaderAttests', 'leaderOwner'), segment, 'the units pay their own fees');
  assert.equal(change('followerAttests', 'leaderAttests', 'followerOwner'), 0n);
  assert.equal(change('segment', 'followerAttests', 'followerUnit'), -steps.followerAttests.fee);

  // The passports (v2x_vehiclePassport) show what the day cost each vehicle.
  const road = async (vehicle) => (await fetchPassport(node.httpUrl, vehicle)).roadUsage;
  const car = await road(ROAD_STORY.car);
  assert.deepEqual(
    [car.provider, car.tollsPaid, car.passages, car.prepaid],
    [who.provider.address, decimalV2x(CAR_PASSAGE), 1, decimalV2x(PREPAID + ROAD_STORY.topUp - CAR_PASSAGE)],
  );
  const leader = await road(ROAD_STORY.leader);
  assert.deepEqual([leader.tollsPaid, leader.declarations, leader.kmLed, leader.platoon], [decimalV2x(PER_TRUCK), 1, 100, 0]);
  const follower = await road(ROAD_STORY.follower);
  assert.deepEqual([follower.tollsPaid, follower.kmFollowed], [decimalV2x(PER_TRUCK), 100]);
});

test('a replayed or forged attestation, a double charge and a one-sided segment are refused', async () => {
  const { api } = node;
  const { motorway, car, carClass, platoon, segmentKm } = ROAD_STORY;
  const day = firstDay;
  // The day's passage (event 1) again, then a passage the gantry never signed.
  const passage = { vehicle: car, day, event: eventId(1, firstRun), class: carClass };
  const attestation = gantryAttestation(api, who.gantry, motorway, passage);
  await assert.rejects(
    sendInBlock(api, api.tx.roadUsage.reportPassage(motorway, passage, who.gantry.address, attestation), who.carUnit),
    /roadUsage.EventAlreadyCharged/,
  );
  const forged = { ...passage, event: eventId(2, firstRun) };
  await assert.rejects(
    sendInBlock(api, api.tx.roadUsage.reportPassage(motorway, forged, who.gantry.address, attestation), who.carUnit),
    /roadUsage.BadAttestation/,
  );
  // The provider may not charge the passage the car paid directly.
  await assert.rejects(
    sendInBlock(api, api.tx.roadUsage.declare(motorway, [declaration(car, day, carClass, [{ band: 0, quantity: 1 }], [eventId(1, firstRun)])]), who.provider),
    /roadUsage.EventAlreadyCharged/,
  );
  // A new segment: only the leader attests it; the next segment closes it unpaid.
  await sendInBlock(api, api.tx.roadUsage.startSegment(platoon, segmentKm), who.leaderUnit);
  const { events } = await sendInBlock(api, api.tx.roadUsage.attestSegment(platoon, segmentKm), who.leaderUnit);
  assert.equal(eventsOf(events, 'roadUsage', 'SegmentPaid').length, 0);
  const { events: next } = await sendInBlock(api, api.tx.roadUsage.startSegment(platoon, segmentKm), who.leaderUnit);
  assert.equal(eventsOf(next, 'roadUsage', 'SegmentClosed')[0].unpaid.toNumber(), 0, 'no follower attested: nothing to pay');
  assert.equal((await api.query.balances.holds(who.followerOwner.address))
    .filter(({ id }) => JSON.stringify(id.toJSON()).includes('PlatoonEscrow'))
    .reduce((sum, { amount }) => sum + amount.toBigInt(), 0n), ESCROW - 100n * PLATOON_PER_KM);
});
