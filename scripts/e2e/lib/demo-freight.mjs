// The demo's fifth chapter (scripts/demo.sh), a cold-chain shipment over two legs: a shipper
// sends a pallet of vaccines (2-8 °C) with a delivery escrow, and registers a temperature
// logger that signs its own registration. The dev preset's first haulier takes custody (a
// two-phase hand-off), loads it on its truck and runs the first leg; the logger commits the
// day's Merkle root of its readings (the readings stay off chain); the haulier records an
// arrival at the wrong location and corrects it with an EPCIS error declaration instead of an
// edit. The second haulier takes custody at the hub, runs the second leg and hands the pallet
// to the consignee, who confirms delivery with a proof-of-delivery hash. Once the claim window
// has passed without an excursion claim, anyone releases the escrow to the contracting
// carrier. Its test: tests/freight.test.mjs.

import { Keyring } from '@polkadot/keyring';
import { stringToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import { eventsOf } from './node.mjs';
import { landed, balancesAt, v2x, UNIT } from './demo-story.mjs';
import { chainDay } from './demo-road.mjs';
import { waitForBlock } from './demo-leasing.mjs';

/** The shipment's cast: the dev preset's two hauliers (owners of trucks 3 and 4) and new accounts. */
export const FREIGHT_CAST = {
  shipper: '//Shipper',
  carrier: '//HaulierA', // the contracting carrier, runs leg 1 with truck 3
  subcarrier: '//HaulierB', // runs leg 2 with truck 4
  consignee: '//Consignee',
  logger: '//Shipper//logger', // the temperature logger travelling with the pallet
  funder: '//Alice', // gives the new accounts their first funds
};

/** GS1 location numbers (13 digits) of the legs' ends; examples. */
export const PLACES = {
  warehouse: '4012345000009',
  hub: '9012345000004',
  wrongHub: '9012345000011',
  pharmacy: '4098765000002',
};

export const FREIGHT_STORY = {
  trucks: { carrier: 3, subcarrier: 4 },
  condition: { min: 20, max: 80 }, // tenths of a degree Celsius: 2-8 °C
  escrow: 200n * UNIT,
  // The shortest claim window the runtime allows, so the story ends in minutes; a shipper
  // picks days (the dev preset's shipment has two).
  claimWindow: 10,
  handoffBlocks: 20,
  document: blake2AsHex('e-CMR 2026-0042'),
  pod: blake2AsHex('signed proof of delivery, 2026-0042'),
  // The day's root differs per shipment: a root once committed is never taken again.
  readingsRoot: (shipment) => blake2AsHex(`logger readings of shipment ${shipment}`),
  readings: { count: 288, min: 41, max: 63 },
  shipperFunds: 1_000n * UNIT,
  consigneeFunds: 10n * UNIT,
  loggerFunds: 10n * UNIT,
};

/** A GS1 location number as the chain's `[u8; 13]`. */
export const place = (digits) => stringToU8a(digits);
/**
 * The same as hex, for an `Option<[u8; 13]>` argument: @polkadot/api reads a byte array given
 * for an Option as its SCALE encoding (the first byte as the Option's tag).
 */
const placeHex = (digits) => u8aToHex(place(digits));

/**
 * The logger's consent to be registered to `shipment`, as the pallet checks it: its signature
 * on the SCALE encoding of (b"v2x/freight/sensor", shipment), as a MultiSignature.
 */
export function sensorConsent(api, logger, shipment) {
  const payload = u8aConcat(stringToU8a('v2x/freight/sensor'), api.createType('u64', shipment).toU8a());
  return { Sr25519: logger.sign(payload) };
}

/**
 * Plays the chapter on a dev chain. `log(step, detail)` hears of each step. Resolves with the
 * `shipment`, the `steps` (events, fee, block), every party's balances `before` and after each
 * step (`balances`) and the custodians the runtime API showed along the way (`custodians`).
 */
export async function playShipment(api, log = () => {}) {
  const keyring = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 });
  const who = Object.fromEntries(Object.entries(FREIGHT_CAST).map(([role, uri]) => [role, keyring.addFromUri(uri)]));
  const { tx } = api;
  const s = FREIGHT_STORY;
  const parties = {
    shipper: who.shipper.address,
    carrier: who.carrier.address,
    subcarrier: who.subcarrier.address,
    consignee: who.consignee.address,
  };
  const chapter = { steps: {}, balances: {}, custodians: {} };
  const step = async (key, signer, call) => {
    chapter.steps[key] = await landed(api, call, signer);
    chapter.balances[key] = await balancesAt(api, chapter.steps[key].blockHash, parties);
    return chapter.steps[key];
  };
  const at = (key) => `(block #${chapter.steps[key].blockNumber})`;
  const event = (key, method) => eventsOf(chapter.steps[key].events, 'freight', method)[0];
  const custodian = async () => (await api.call.freightApi.shipment(chapter.shipment)).unwrap().custodian.toString();
  const handOff = async (key, from, to) => {
    const header = await api.rpc.chain.getHeader();
    return step(key, from, tx.freight.offerHandoff(chapter.shipment, to.address, header.number.toNumber() + s.handoffBlocks));
  };

  // 1. The funder pays the new accounts' first funds.
  await landed(api, tx.utility.batchAll([
    tx.balances.transferKeepAlive(who.shipper.address, s.shipperFunds),
    tx.balances.transferKeepAlive(who.consignee.address, s.consigneeFunds),
    tx.balances.transferKeepAlive(who.logger.address, s.loggerFunds),
  ]), who.funder);
  chapter.balances.before = await balancesAt(api, (await api.rpc.chain.getHeader()).hash, parties);

  // 2. The shipper creates the shipment over two legs, then registers the logger, which
  //    signed its consent to travel with this shipment.
  const legs = [
    { carrier: who.carrier.address, from: place(PLACES.warehouse), to: place(PLACES.hub) },
    { carrier: who.subcarrier.address, from: place(PLACES.hub), to: place(PLACES.pharmacy) },
  ];
  await step('create', who.shipper, tx.freight.createShipment(
    'Pallet', who.consignee.address, who.carrier.address, legs, s.condition, s.escrow, s.document, s.claimWindow,
  ));
  chapter.shipment = event('create', 'ShipmentCreated').shipment.toNumber();
  await step('sensor', who.shipper, tx.freight.registerSensor(
    chapter.shipment, who.logger.address, sensorConsent(api, who.logger, chapter.shipment),
  ));
  chapter.custodians.created = await custodian();
  log('create', `The shipper creates shipment #${chapter.shipment}, a pallet of vaccines kept at 2-8 °C, `
    + `over two legs, with ${v2x(s.escrow)} held for the carrier; its logger signs its own registration ${at('sensor')}`);

  // 3. Leg 1: the carrier accepts custody and loads the pallet on its truck in one transaction.
  await handOff('offer1', who.shipper, who.carrier);
  await step('accept1', who.carrier, tx.utility.batchAll([
    tx.freight.acceptHandoff(chapter.shipment),
    tx.freight.load(chapter.shipment, s.trucks.carrier),
  ]));
  chapter.custodians.leg1 = await custodian();
  log('accept1', `HaulierA accepts custody and loads it on truck ${s.trucks.carrier} ${at('accept1')}`);

  // 4. The logger commits the day's root of its readings; the readings stay off chain.
  chapter.day = await chainDay(api);
  await step('commit', who.logger, tx.freight.commitReadings(
    chapter.shipment, chapter.day, s.readingsRoot(chapter.shipment), s.readings.count, s.readings.min, s.readings.max,
  ));
  log('commit', `The logger commits day ${chapter.day}: ${s.readings.count} readings between `
    + `${s.readings.min / 10} and ${s.readings.max / 10} °C, as one Merkle root ${at('commit')}`);

  // 5. The carrier records its arrival at the hub with the wrong location, then corrects it:
  //    a second event and an error declaration pointing to the first, which stays as it was.
  await step('arrive', who.carrier, tx.freight.recordEvent(
    chapter.shipment, 'Arriving', 'InTransit', placeHex(PLACES.wrongHub), null,
  ));
  chapter.wrongEvent = event('arrive', 'EpcisEventRecorded').index.toNumber();
  await step('reArrive', who.carrier, tx.freight.recordEvent(
    chapter.shipment, 'Arriving', 'InTransit', placeHex(PLACES.hub), null,
  ));
  chapter.correctiveEvent = event('reArrive', 'EpcisEventRecorded').index.toNumber();
  await step('declare', who.carrier, tx.freight.declareError(
    chapter.shipment, chapter.wrongEvent, 'IncorrectData', chapter.correctiveEvent,
  ));
  log('declare', `HaulierA records its arrival at the wrong hub (event ${chapter.wrongEvent}), records it again `
    + `(event ${chapter.correctiveEvent}) and declares the first an error ${at('declare')}`);

  // 6. Leg 2: the second haulier takes custody at the hub and loads the pallet on its truck.
  await handOff('offer2', who.carrier, who.subcarrier);
  await step('accept2', who.subcarrier, tx.utility.batchAll([
    tx.freight.acceptHandoff(chapter.shipment),
    tx.freight.load(chapter.shipment, s.trucks.subcarrier),
  ]));
  chapter.custodians.leg2 = await custodian();
  log('accept2', `HaulierB takes custody for leg 2 and loads it on truck ${s.trucks.subcarrier} ${at('accept2')}`);

  // 7. The consignee confirms delivery with the proof of delivery's hash.
  await handOff('offer3', who.subcarrier, who.consignee);
  await step('deliver', who.consignee, tx.freight.confirmDelivery(chapter.shipment, s.pod));
  chapter.custodians.delivered = await custodian();
  chapter.deliveredAt = chapter.steps.deliver.blockNumber;
  log('deliver', `The pharmacy confirms delivery with its proof-of-delivery hash ${at('deliver')}`);

  // 8. No excursion claim within the window: anyone releases the escrow to the carrier.
  await waitForBlock(api, chapter.deliveredAt + s.claimWindow);
  await step('release', who.carrier, tx.freight.releaseEscrow(chapter.shipment));
  log('release', `The ${s.claimWindow}-block claim window passes without a claim: `
    + `${v2x(event('release', 'EscrowReleased').amount.toBigInt())} goes to HaulierA ${at('release')}`);
  chapter.events = await api.call.freightApi.shipmentEvents(chapter.shipment);
  return chapter;
}
