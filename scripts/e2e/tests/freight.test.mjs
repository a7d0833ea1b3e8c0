// Freight through @polkadot/api on a fresh dev chain: the dev preset's shipment in transit,
// then the demo's two-leg cold-chain shipment (lib/demo-freight.mjs) with its hand-offs, the
// logger's daily root, an error declaration and the delivery, the escrow checked to the unit,
// then what the chain refuses: custody taken without an offer or offered by someone else, an
// escrow released before delivery, an event "corrected" by someone else, a stranger's
// readings, readings for a closed shipment and its removal before the retention period.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { u8aToString } from '@polkadot/util';
import { startDevNode, sendInBlock } from '../lib/node.mjs';
import { fetchPassport } from '../lib/demo-story.mjs';
import { chainDay } from '../lib/demo-road.mjs';
import { playShipment, FREIGHT_CAST, FREIGHT_STORY, PLACES } from '../lib/demo-freight.mjs';

// The runtime's and the dev preset's figures (runtime/src/configs/freight.rs,
// runtime/src/genesis_config_presets.rs).
const UNIT = 10n ** 12n;
const SHIPMENT_DEPOSIT = 16n * UNIT;
const PRESET_SHIPMENT = 0;
const PRESET_TRUCK = 3;

let node;
let keyring;
before(async () => {
  node = await startDevNode();
  keyring = new Keyring({ type: 'sr25519', ss58Format: node.api.registry.chainSS58 });
});
after(async () => { await node?.stop(); });

const account = (uri) => keyring.addFromUri(uri);
const refusedWith = (api, call, signer, error) => assert.rejects(sendInBlock(api, call, signer), new RegExp(`^Error: ${error.replace('.', '\\.')}$`));

test('the dev preset has Bob\'s vaccines in transit on truck 3, in HaulierA\'s custody', async () => {
  const { api } = node;
  const [bob, dave, haulierA] = [account('//Bob'), account('//Dave'), account('//HaulierA')];
  const shipment = (await api.query.freight.shipments(PRESET_SHIPMENT)).unwrap();
  assert.equal(shipment.shipper.toString(), bob.address);
  assert.equal(shipment.consignee.toString(), dave.address);
  assert.equal(shipment.carrier.toString(), haulierA.address);
  assert.ok(shipment.state.isInTransit);
  assert.equal(shipment.legs.length, 2);
  assert.equal(shipment.escrow.toBigInt(), 500n * UNIT);
  assert.deepEqual(shipment.condition.unwrap().toJSON(), { min: 20, max: 80 });
  const view = (await api.call.freightApi.shipment(PRESET_SHIPMENT)).unwrap();
  assert.equal(view.custodian.toString(), haulierA.address);
  assert.deepEqual((await api.call.freightApi.carriedBy(PRESET_TRUCK)).toJSON(), [PRESET_SHIPMENT]);
  assert.equal((await api.query.balances.holds(bob.address)).find(({ id }) => id.toJSON().freight === 'Escrow').amount.toBigInt(), 500n * UNIT);

  const passport = await fetchPassport(node.httpUrl, PRESET_TRUCK);
  assert.deepEqual(passport.freight, [PRESET_SHIPMENT]);
});

test('a two-leg shipment with hand-offs, a daily root, a correction and delivery; the escrow to the unit', async () => {
  const { api } = node;
  const chapter = await playShipment(api);
  const { balances: b, steps } = chapter;
  const s = FREIGHT_STORY;
  const heldAt = (key, role, reason) => b[key][role].held[`freight.${reason}`] ?? 0n;
  const change = (from, to, role) => b[to][role].free - b[from][role].free;
  const [carrier, subcarrier, consignee] = ['carrier', 'subcarrier', 'consignee'].map((role) => account(FREIGHT_CAST[role]).address);

  // Creating holds the deposit and the escrow from the shipper.
  assert.equal(heldAt('create', 'shipper', 'Deposit'), SHIPMENT_DEPOSIT);
  assert.equal(heldAt('create', 'shipper', 'Escrow'), s.escrow);
  assert.equal(change('before', 'create', 'shipper'), -SHIPMENT_DEPOSIT - s.escrow - steps.create.fee);

  // Custody: the shipper, then each leg's carrier, then the consignee; one at a time.
  assert.equal(chapter.custodians.created, account(FREIGHT_CAST.shipper).address);
  assert.equal(chapter.custodians.leg1, carrier);
  assert.equal(chapter.custodians.leg2, subcarrier);
  assert.equal(chapter.custodians.delivered, consignee);
  const transfers = ['accept1', 'accept2'].map((key) => steps[key].events.find(({ event }) => event.section === 'freight' && event.method === 'CustodyTransferred').event.data);
  assert.deepEqual(transfers.map((t) => [t.to.toString(), t.leg.toNumber()]), [[carrier, 0], [subcarrier, 1]]);
  // Truck 4 no longer carries it: delivery ended the link.
  assert.deepEqual((await api.call.freightApi.carriedBy(s.trucks.subcarrier)).toJSON(), []);

  // The logger's root for the day is on chain; the readings are not.
  const root = (await api.query.freight.dailyRoots(chapter.shipment, [chapter.day, account(FREIGHT_CAST.logger).address])).unwrap();
  assert.equal(root.root.toHex(), s.readingsRoot(chapter.shipment));
  assert.equal(root.readings.toNumber(), s.readings.count);

  // The wrong arrival stays as it was; the declaration points to the corrective event.
  const log = chapter.events.map(([index, event, declaration]) => ({ index: index.toNumber(), event, declaration }));
  const wrong = log.find(({ index }) => index === chapter.wrongEvent);
  assert.equal(u8aToString(wrong.event.location.unwrap()), PLACES.wrongHub);
  assert.equal(wrong.declaration.unwrap().corrective.unwrap().toNumber(), chapter.correctiveEvent);
  assert.equal(wrong.declaration.unwrap().reason.toString(), 'IncorrectData');
  const corrective = log.find(({ index }) => index === chapter.correctiveEvent);
  assert.equal(u8aToString(corrective.event.location.unwrap()), PLACES.hub);
  assert.ok(corrective.declaration.isNone);

  // Delivery with the POD; after the claim window the escrow goes to the contracting carrier,
  // and the shipper keeps only the deposit held until it removes the closed shipment.
  const shipment = (await api.query.freight.shipments(chapter.shipment)).unwrap();
  assert.equal(shipment.pod.unwrap().toHex(), s.pod);
  assert.ok(shipment.state.isClosed);
  assert.ok(steps.release.blockNumber > chapter.deliveredAt + s.claimWindow);
  assert.equal(change('deliver', 'release', 'carrier'), s.escrow - steps.release.fee);
  assert.equal(heldAt('release', 'shipper', 'Escrow'), 0n);
  assert.equal(heldAt('release', 'shipper', 'Deposit'), SHIPMENT_DEPOSIT);
  assert.equal(b.release.shipper.free, b.deliver.shipper.free);
});

test('what the chain refuses around a shipment', async () => {
  const { api } = node;
  const { tx } = api;
  const [bob, dave, eve, haulierA, haulierB] = ['//Bob', '//Dave', '//Eve', '//HaulierA', '//HaulierB'].map(account);
  const refused = (call, signer, error) => refusedWith(api, call, signer, error);
  const header = await api.rpc.chain.getHeader();

  // Custody moves only to a party it was offered to, and only by the custodian.
  await refused(tx.freight.acceptHandoff(PRESET_SHIPMENT), haulierB, 'freight.NoHandoff');
  await refused(tx.freight.offerHandoff(PRESET_SHIPMENT, eve.address, header.number.toNumber() + 5), haulierA, 'freight.NotAParty');
  await refused(tx.freight.offerHandoff(PRESET_SHIPMENT, haulierB.address, header.number.toNumber() + 5), bob, 'freight.NotCustodian');
  // Not delivered: no escrow release; only the consignee confirms delivery.
  await refused(tx.freight.releaseEscrow(PRESET_SHIPMENT), eve, 'freight.NotDelivered');
  await refused(tx.freight.confirmDelivery(PRESET_SHIPMENT, `0x${'11'.repeat(32)}`), haulierA, 'freight.NotConsignee');
  // An event is declared an error only by whoever recorded it.
  await refused(tx.freight.declareError(PRESET_SHIPMENT, 0, 'DidNotOccur', null), dave, 'freight.NotRecorder');
  // The demo's logger was registered to the demo's shipment only.
  const logger = account(FREIGHT_CAST.logger);
  await refused(tx.freight.commitReadings(PRESET_SHIPMENT, await chainDay(api), `0x${'22'.repeat(32)}`, 1, 40, 40), logger, 'freight.NotSensor');
  // The closed demo shipment takes no more readings, and its shipper removes it only after
  // the retention period.
  const demo = (await api.query.freight.nextShipmentId()).toNumber() - 1;
  await refused(tx.freight.commitReadings(demo, await chainDay(api), `0x${'33'.repeat(32)}`, 1, 40, 40), logger, 'freight.ShipmentClosed');
  await refused(tx.freight.removeShipment(demo), account(FREIGHT_CAST.shipper), 'freight.RetentionRunning');
});
