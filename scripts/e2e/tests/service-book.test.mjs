// The service book through @polkadot/api: a work order, a workshop record, device
// odometer reports, and a rollback attempt that is kept, flagged and visible through the
// ServiceBookApi runtime API.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { startDevNode, sendAndFinalize, sendInBlock, eventsOf, held } from '../lib/node.mjs';

// The runtime's deposits, to the unit (runtime/src/configs).
const UNIT = 10n ** 12n;
const WORK_ORDER_DEPOSIT = UNIT / 100n;
const RECORD_DEPOSIT = UNIT / 10n;
const DELEGATE_DEPOSIT = UNIT / 10n;

// From the development preset: vehicle 0 (Alice's) has a flagged rollback already;
// vehicle 1 belongs to Bob; Charlie runs the approved "Demo Garage".
const BOBS_VEHICLE = 1;

let node;
let accounts;
before(async () => {
  node = await startDevNode();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: node.api.registry.chainSS58 });
  accounts = Object.fromEntries(
    ['Bob', 'Charlie', 'Dave'].map((name) => [name.toLowerCase(), keyring.addFromUri(`//${name}`)]),
  );
});
after(async () => { await node?.stop(); });

test('the dev preset shows a service history with a flagged rollback', async () => {
  const { api } = node;
  assert.equal((await api.call.serviceBookApi.recordCount(0)).toNumber(), 2);
  assert.equal((await api.call.serviceBookApi.flagCount(0)).toNumber(), 1);
  assert.equal((await api.call.serviceBookApi.currentOdometer(0)).unwrap().toNumber(), 31_000);
});

test('work order, record, device reports and a flagged rollback', async () => {
  const { api } = node;
  const { bob, charlie, dave } = accounts;

  // Bob opens a work order for Charlie's workshop.
  const head = (await api.rpc.chain.getHeader()).number.toNumber();
  const { events: opened } = await sendInBlock(
    api, api.tx.serviceBook.openWorkOrder(BOBS_VEHICLE, charlie.address, head + 200), bob,
  );
  assert.equal(eventsOf(opened, 'serviceBook', 'WorkOrderOpened').length, 1);
  assert.equal(await held(api, bob.address, 'serviceBook', 'WorkOrder'), WORK_ORDER_DEPOSIT);
  const charlieRecordsBefore = await held(api, charlie.address, 'serviceBook', 'ServiceRecord');

  // Charlie writes the service record, which closes the order.
  const { events: added } = await sendInBlock(
    api,
    api.tx.serviceBook.addRecord(BOBS_VEHICLE, 20_000, 'Maintenance', `0x${'ab'.repeat(32)}`, 'ipfs://service'),
    charlie,
  );
  const [record] = eventsOf(added, 'serviceBook', 'RecordAdded');
  assert.equal(record.odometerKm.toNumber(), 20_000);
  assert.equal(record.workshop.toString(), charlie.address);
  // The order's deposit went back to Bob; the record's is held from Charlie for good.
  assert.equal(await held(api, bob.address, 'serviceBook', 'WorkOrder'), 0n);
  assert.equal(
    await held(api, charlie.address, 'serviceBook', 'ServiceRecord') - charlieRecordsBefore,
    RECORD_DEPOSIT,
  );

  // A second record needs a new order.
  await assert.rejects(
    sendInBlock(api, api.tx.serviceBook.addRecord(BOBS_VEHICLE, 20_100, 'Repair', `0x${'00'.repeat(32)}`, ''), charlie),
    /serviceBook\.NoWorkOrder/,
  );

  // Bob invites Dave's account as the car's telematics unit, and the unit accepts with its
  // own key; then it reports 20 500 km.
  await sendInBlock(api, api.tx.vehicleIdentity.bindDevice(BOBS_VEHICLE, dave.address), bob);
  assert.equal(await held(api, bob.address, 'vehicleIdentity', 'Delegate'), DELEGATE_DEPOSIT);
  await assert.rejects(
    sendInBlock(api, api.tx.serviceBook.reportOdometer(BOBS_VEHICLE, 20_500), dave),
    /serviceBook\.NotDevice/,
  );
  await sendInBlock(api, api.tx.vehicleIdentity.acceptDeviceBinding(BOBS_VEHICLE), dave);
  const { events: reported } = await sendInBlock(
    api, api.tx.serviceBook.reportOdometer(BOBS_VEHICLE, 20_500), dave,
  );
  assert.equal(eventsOf(reported, 'serviceBook', 'OdometerRecorded').length, 1);

  // A rollback to 10 000 km is kept and flagged, not refused.
  const { events: rolledBack } = await sendAndFinalize(
    api, api.tx.serviceBook.reportOdometer(BOBS_VEHICLE, 10_000), dave,
  );
  const [flag] = eventsOf(rolledBack, 'serviceBook', 'OdometerFlagged');
  assert.ok(flag, 'OdometerFlagged was emitted');
  assert.equal(flag.reason.toString(), 'Rollback');
  assert.equal(flag.km.toNumber(), 10_000);

  // The runtime API shows it all in one call each.
  const call = api.call.serviceBookApi;
  assert.equal((await call.flagCount(BOBS_VEHICLE)).toNumber(), 1);
  assert.equal((await call.currentOdometer(BOBS_VEHICLE)).unwrap().toNumber(), 20_500);
  const records = await call.records(BOBS_VEHICLE, 0, 10);
  assert.equal(records.length, 1);
  assert.equal(records[0].workshop.toString(), charlie.address);
  const readings = await call.odometerReadings(BOBS_VEHICLE);
  const kms = readings.map((r) => r.km.toNumber());
  assert.deepEqual(kms, [20_000, 20_500, 10_000]);
  const last = readings[readings.length - 1];
  assert.ok(last.verdict.isFlagged, 'the rollback reading is flagged');
  assert.equal(last.verdict.asFlagged.toString(), 'Rollback');
});
