// Road usage through @polkadot/api: a day of tolls on the dev preset. Alice's on-board unit
// pays a motorway gantry passage at once from her prepaid toll balance, with the gantry's
// signed attestation; the toll service provider declares the trucks' day on the truck toll
// network as one entry per vehicle-day (totals and a Merkle root), the same event again is
// refused, and the toll charger accepts the batch, paid from the provider's bond; the two
// trucks drive a platoon segment that both units attest, and the follower pays the leader.
// Every balance checked to the unit.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { u8aConcat, stringToU8a, u8aToHex } from '@polkadot/util';
import { startDevNode, sendInBlock, eventsOf, held } from '../lib/node.mjs';
import { decimalV2x, fetchPassport } from '../lib/demo-story.mjs';

// The runtime's and the dev preset's figures (runtime/src/configs/road_usage.rs,
// runtime/src/genesis_config_presets.rs).
const UNIT = 10n ** 12n;
const MILLI = UNIT / 1_000n;
const MOTORWAY = 0; // per passage: 8 V2X a car (class 1), 25 V2X a truck (class 2)
const TRUCK_NETWORK = 1; // per km, class 2: 0.30 V2X by day (band 0), 0.40 V2X at night (band 1)
const CAR = 0;
const LEADER = 3;
const FOLLOWER = 4;
const PLATOON = 0;
const CAR_PASSAGE = 8n * UNIT;
const PER_KM = { day: 300n * MILLI, night: 400n * MILLI };
const PREPAID = 50n * UNIT;
const BOND = 1_000n * UNIT;
const ESCROW = 100n * UNIT; // 1 000 km at half of 0.20 V2X saved a km
const PLATOON_PRICE_PER_KM = 100n * MILLI;
const BATCH_DEPOSIT = 200n * MILLI;
const DECLARATION_DEPOSIT = 110n * MILLI;
const VEHICLE_DAY_DEPOSIT = 2_300n * MILLI;

let node;
let accounts;
before(async () => {
  node = await startDevNode();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: node.api.registry.chainSS58 });
  const uris = {
    alice: '//Alice', charger: '//TollCharger', provider: '//TollProvider', gantry: '//Gantry1',
    haulierA: '//HaulierA', haulierB: '//HaulierB',
    carUnit: '//Alice//obu', leaderUnit: '//HaulierA//truck', followerUnit: '//HaulierB//truck',
  };
  accounts = Object.fromEntries(Object.entries(uris).map(([role, uri]) => [role, keyring.addFromUri(uri)]));
});
after(async () => { await node?.stop(); });

const free = async (api, address) => (await api.query.system.account(address)).data.free.toBigInt();
const feeOf = (events) => eventsOf(events, 'transactionPayment', 'TransactionFeePaid')[0][1].toBigInt();
const today = async (api) => Math.floor((await api.query.timestamp.now()).toNumber() / 86_400_000);
const eventId = (n) => u8aToHex(new Uint8Array(32).fill(n));

/** The owner binds `unit` to `vehicle` and gives it 10 V2X for fees and deposits; the unit accepts. */
async function bindUnit(api, owner, vehicle, unit) {
  await sendInBlock(api, api.tx.utility.batchAll([
    api.tx.balances.transferKeepAlive(unit.address, 10n * UNIT),
    api.tx.vehicleIdentity.bindDevice(vehicle, unit.address),
  ]), owner);
  await sendInBlock(api, api.tx.vehicleIdentity.acceptDeviceBinding(vehicle), unit);
}

test('the dev preset has a toll charger, a bonded provider and a truck platoon', async () => {
  const { api } = node;
  const { charger, provider, haulierA, haulierB } = accounts;
  assert.equal((await api.query.roadUsage.chargers(charger.address)).unwrap().name.toUtf8(), 'Alpine Motorways');
  const entry = (await api.query.roadUsage.providers(provider.address)).unwrap();
  assert.equal(entry.name.toUtf8(), 'V2X Toll Services');
  assert.equal(entry.bond.toBigInt(), BOND);
  assert.equal(await held(api, provider.address, 'roadUsage', 'ProviderBond'), BOND);
  assert.deepEqual((await api.call.roadUsageApi.providerExposure(provider.address)).unwrap().map((v) => v.toBigInt()), [BOND, 0n]);
  assert.equal((await api.query.roadUsage.contexts(MOTORWAY)).unwrap().kind.toString(), 'Passage');
  assert.equal((await api.query.roadUsage.contexts(TRUCK_NETWORK)).unwrap().kind.toString(), 'Distance');
  const platoon = (await api.query.roadUsage.platoons(PLATOON)).unwrap();
  assert.equal(platoon.leader.toNumber(), LEADER);
  assert.equal(platoon.payee.toString(), haulierA.address);
  assert.deepEqual(platoon.followers.map((f) => [f.vehicle.toNumber(), f.payer.toString(), f.held.toBigInt()]), [[FOLLOWER, haulierB.address, ESCROW]]);
  assert.equal(await held(api, haulierB.address, 'roadUsage', 'PlatoonEscrow'), ESCROW);
  assert.equal(await held(api, accounts.alice.address, 'roadUsage', 'Prepaid'), PREPAID);
});

test('a day of tolls: a direct passage, a declared day, a platoon segment, every balance to the unit', async () => {
  const { api } = node;
  const { alice, charger, provider, gantry, haulierA, haulierB, carUnit, leaderUnit, followerUnit } = accounts;
  await bindUnit(api, alice, CAR, carUnit);
  await bindUnit(api, haulierA, LEADER, leaderUnit);
  await bindUnit(api, haulierB, FOLLOWER, followerUnit);
  const day = await today(api);

  // 1. Alice's car passes gantry 1 of the motorway: the gantry signs the passage, the car's unit
  //    reports it, and 8 V2X go from Alice's prepaid balance to the toll charger at once.
  const passage = { vehicle: CAR, day, event: eventId(1), class: 1 };
  const signed = (p) => {
    const typeName = api.tx.roadUsage.reportPassage.meta.args[1].type.toString();
    const payload = u8aConcat(stringToU8a('v2x/toll'), api.createType('u32', MOTORWAY).toU8a(), api.createType(typeName, p).toU8a());
    return { Sr25519: gantry.sign(payload) };
  };
  let chargerBefore = await free(api, charger.address);
  const unitBefore = await free(api, carUnit.address);
  const { events: paid } = await sendInBlock(api, api.tx.roadUsage.reportPassage(MOTORWAY, passage, gantry.address, signed(passage)), carUnit);
  assert.equal(eventsOf(paid, 'roadUsage', 'PassagePaid')[0].amount.toBigInt(), CAR_PASSAGE);
  assert.equal(await held(api, alice.address, 'roadUsage', 'Prepaid'), PREPAID - CAR_PASSAGE);
  assert.equal(await free(api, charger.address) - chargerBefore, CAR_PASSAGE);
  assert.equal(unitBefore - await free(api, carUnit.address), feeOf(paid) + VEHICLE_DAY_DEPOSIT, 'the unit opened the vehicle-day');
  assert.equal(await held(api, carUnit.address, 'roadUsage', 'Deposit'), VEHICLE_DAY_DEPOSIT);
  // The same attestation again, and an attestation another gantry did not sign, are refused.
  await assert.rejects(sendInBlock(api, api.tx.roadUsage.reportPassage(MOTORWAY, passage, gantry.address, signed(passage)), carUnit), /roadUsage.EventAlreadyCharged/);
  const forged = { ...passage, event: eventId(2) };
  await assert.rejects(sendInBlock(api, api.tx.roadUsage.reportPassage(MOTORWAY, forged, gantry.address, signed(passage)), carUnit), /roadUsage.BadAttestation/);

  // 2. The provider declares the passage the car already paid: refused, it is charged once.
  const declaration = (vehicle, cls, usage, events, contextRoot) => ({
    vehicle, day, class: cls, usage, events, detailsRoot: contextRoot, corrects: null,
  });
  const root = `0x${'cd'.repeat(32)}`;
  await assert.rejects(
    sendInBlock(api, api.tx.roadUsage.declare(MOTORWAY, [declaration(CAR, 1, [{ band: 0, quantity: 1 }], [eventId(1)], root)]), provider),
    /roadUsage.EventAlreadyCharged/,
  );

  // 3. It declares both trucks' day on the truck network: 120 km by day and 30 km at night each.
  const usage = [{ band: 0, quantity: 120 }, { band: 1, quantity: 30 }];
  const perTruck = 120n * PER_KM.day + 30n * PER_KM.night;
  assert.equal((await api.call.roadUsageApi.quote(TRUCK_NETWORK, day, 2, usage)).unwrap().toBigInt(), perTruck);
  const providerBefore = await free(api, provider.address);
  const { events: declared } = await sendInBlock(api, api.tx.roadUsage.declare(TRUCK_NETWORK, [
    declaration(LEADER, 2, usage, [eventId(10), eventId(11)], root),
    declaration(FOLLOWER, 2, usage, [eventId(20), eventId(21)], root),
  ]), provider);
  const batch = eventsOf(declared, 'roadUsage', 'BatchDeclared')[0];
  assert.equal(batch.charges.toBigInt(), 2n * perTruck);
  const deposits = BATCH_DEPOSIT + 2n * DECLARATION_DEPOSIT + 2n * VEHICLE_DAY_DEPOSIT;
  assert.equal(providerBefore - await free(api, provider.address), feeOf(declared) + deposits);
  assert.equal(await held(api, provider.address, 'roadUsage', 'Deposit'), deposits);
  assert.deepEqual((await api.call.roadUsageApi.providerExposure(provider.address)).unwrap().map((v) => v.toBigInt()), [BOND, 2n * perTruck]);

  // 4. The toll charger accepts the batch: paid from the provider's bond.
  chargerBefore = await free(api, charger.address);
  const { events: accepted } = await sendInBlock(api, api.tx.roadUsage.acceptBatch(batch.batch), charger);
  assert.equal(eventsOf(accepted, 'roadUsage', 'BatchAccepted')[0].paid.toBigInt(), 2n * perTruck);
  assert.equal(await free(api, charger.address) - chargerBefore, 2n * perTruck - feeOf(accepted));
  assert.equal(await held(api, provider.address, 'roadUsage', 'ProviderBond'), BOND - 2n * perTruck);
  assert.deepEqual((await api.call.roadUsageApi.providerExposure(provider.address)).unwrap().map((v) => v.toBigInt()), [BOND - 2n * perTruck, 0n]);

  // 5. The leader's unit opens a 100 km segment; the follower's unit attests it alone: nothing
  //    is paid until the leader's unit attests too; then 100 km x 0.10 V2X go to the leader.
  await sendInBlock(api, api.tx.roadUsage.startSegment(PLATOON, 100), leaderUnit);
  const leaderBefore = await free(api, haulierA.address);
  const { events: oneSided } = await sendInBlock(api, api.tx.roadUsage.attestSegment(PLATOON, 100), followerUnit);
  assert.equal(eventsOf(oneSided, 'roadUsage', 'SegmentPaid').length, 0);
  assert.equal(await held(api, haulierB.address, 'roadUsage', 'PlatoonEscrow'), ESCROW);
  const { events: both } = await sendInBlock(api, api.tx.roadUsage.attestSegment(PLATOON, 100), leaderUnit);
  const segment = eventsOf(both, 'roadUsage', 'SegmentPaid')[0];
  assert.equal(segment.km.toNumber(), 100);
  assert.equal(segment.amount.toBigInt(), 100n * PLATOON_PRICE_PER_KM);
  assert.equal(await held(api, haulierB.address, 'roadUsage', 'PlatoonEscrow'), ESCROW - 100n * PLATOON_PRICE_PER_KM);
  assert.equal(await free(api, haulierA.address) - leaderBefore, 100n * PLATOON_PRICE_PER_KM, 'the units paid their own fees');

  // 6. The passports (v2x_vehiclePassport) show what the day cost each vehicle.
  const road = async (vehicle) => (await fetchPassport(node.httpUrl, vehicle)).roadUsage;
  const car = await road(CAR);
  assert.deepEqual([car.tollsPaid, car.passages, car.prepaid], [decimalV2x(CAR_PASSAGE), 1, decimalV2x(PREPAID - CAR_PASSAGE)]);
  assert.equal(car.provider, provider.address);
  const leader = await road(LEADER);
  assert.deepEqual([leader.tollsPaid, leader.declarations, leader.kmLed, leader.platoon], [decimalV2x(perTruck), 1, 100, PLATOON]);
  const follower = await road(FOLLOWER);
  assert.deepEqual([follower.tollsPaid, follower.kmFollowed], [decimalV2x(perTruck), 100]);
});
