// Shared charging through @polkadot/api: a residence member charges at the shared charger,
// the charger's own meter confirms and stops the session, and the escrow is split to the
// unit between the operator (held for the dispute window), the treasury and the driver;
// the member's monthly totals are read back through the runtime API.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { startDevNode, sendInBlock, eventsOf, held } from '../lib/node.mjs';

// The runtime's figures (runtime/src/configs/shared_charging.rs, monetary.rs).
const UNIT = 10n ** 12n;
const MILLI = UNIT / 1000n;
const RECORD_DEPOSIT = UNIT / 100n;
const TREASURY = '5EYCAe5ijiYfyeZ2JJCGq56LmPyNRAKzpG4QkoQkkQNB5e6Z';

// From the development preset: Charlie's stash runs public charger 0 (time-of-use tariff,
// meter: Dave's stash) and the residence's charger 1 (0.25 V2X per kWh plus 0.10 V2X a
// session; members Alice and Bob; meter: Eve's stash). Vehicle 1 is Bob's.
const PUBLIC_CHARGER = 0;
const RESIDENCE_CHARGER = 1;
const BOBS_VEHICLE = 1;

let node;
let accounts;
before(async () => {
  node = await startDevNode();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: node.api.registry.chainSS58 });
  const named = { bob: '//Bob', charlie: '//Charlie', operator: '//Charlie//stash', meter: '//Eve//stash' };
  accounts = Object.fromEntries(Object.entries(named).map(([name, uri]) => [name, keyring.addFromUri(uri)]));
});
after(async () => { await node?.stop(); });

const free = async (api, address) => (await api.query.system.account(address)).data.free.toBigInt();
const feeOf = (events) => eventsOf(events, 'transactionPayment', 'TransactionFeePaid')[0][1].toBigInt();

async function waitForBlocks(api, count) {
  const start = (await api.rpc.chain.getHeader()).number.toNumber();
  await new Promise((resolve) => {
    let unsubscribe;
    api.rpc.chain.subscribeNewHeads((header) => {
      if (header.number.toNumber() >= start + count) {
        if (unsubscribe) unsubscribe();
        resolve();
      }
    }).then((u) => { unsubscribe = u; });
  });
}

test('the dev preset has a public and a residence charger', async () => {
  const chargers = await node.api.call.chargingApi.chargersNear('u0yjjd', 0, 10);
  assert.equal(chargers.length, 2);
  // The public charger quotes anyone; the residence only its members.
  const quote = await node.api.call.chargingApi.quote(PUBLIC_CHARGER, accounts.charlie.address, 10_000, 3_600, 0);
  assert.ok(quote.isSome);
  const refused = await node.api.call.chargingApi.quote(RESIDENCE_CHARGER, accounts.charlie.address, 10_000, 3_600, 0);
  assert.ok(refused.isNone, 'a stranger gets no quote at the residence charger');
});

test('a member charges: escrow, meter stop, exact split and monthly totals', async () => {
  const { api } = node;
  const { bob, charlie, operator, meter } = accounts;

  // A stranger may not charge at the residence.
  await assert.rejects(
    sendInBlock(api, api.tx.sharedCharging.startSession(RESIDENCE_CHARGER, BOBS_VEHICLE, 20_000), charlie),
    /sharedCharging\./,
  );

  // Bob starts a session for his car with a 20 kWh cap: the worst case is held, and the
  // deposit of the charge detail record the session will leave.
  const bobBeforeStart = await free(api, bob.address);
  const { events: started } = await sendInBlock(
    api, api.tx.sharedCharging.startSession(RESIDENCE_CHARGER, BOBS_VEHICLE, 20_000), bob,
  );
  const [session] = eventsOf(started, 'sharedCharging', 'SessionStarted');
  const id = session.session.toNumber();
  const escrow = session.escrow.toBigInt();
  assert.equal(await held(api, bob.address, 'sharedCharging', 'SessionEscrow'), escrow);
  assert.equal(await held(api, bob.address, 'sharedCharging', 'ChargeRecord'), RECORD_DEPOSIT);
  assert.equal(bobBeforeStart - await free(api, bob.address), escrow + RECORD_DEPOSIT + feeOf(started));

  // The charger's meter confirms the plug-in, and 4 blocks (24 s) later stops it having
  // delivered 100 Wh in 18 s of charging.
  await sendInBlock(api, api.tx.sharedCharging.confirmSession(id), meter);
  await waitForBlocks(api, 4);
  const bobBeforeStop = await free(api, bob.address);
  const operatorFreeBefore = await free(api, operator.address);
  const operatorHeldBefore = await held(api, operator.address, 'sharedCharging', 'OperatorPayment');
  const treasuryBefore = await free(api, TREASURY);
  const { events: stopped } = await sendInBlock(
    api,
    api.tx.sharedCharging.stopSession(id, { energyWh: 100, chargingSecs: 18, parkingSecs: 0 }, null),
    meter,
  );
  const [done] = eventsOf(stopped, 'sharedCharging', 'SessionCompleted');
  const cost = done.cost.toBigInt();
  // 0.1 kWh at 0.25 V2X plus the 0.10 V2X session fee.
  assert.equal(cost, 25n * MILLI + 100n * MILLI);
  const platformFee = cost * 2n / 100n;
  assert.equal(done.platformFee.toBigInt(), platformFee);
  assert.equal(done.operatorShare.toBigInt(), cost - platformFee);
  assert.equal(done.refund.toBigInt(), escrow - cost);

  // To the unit: the driver gets the rest back (the record's deposit stays held), the
  // operator's share is held on it for the dispute window, the treasury has its fee.
  assert.equal(await held(api, bob.address, 'sharedCharging', 'SessionEscrow'), 0n);
  assert.equal(await held(api, bob.address, 'sharedCharging', 'ChargeRecord'), RECORD_DEPOSIT);
  assert.equal(await free(api, bob.address) - bobBeforeStop, escrow - cost);
  assert.equal(await free(api, operator.address), operatorFreeBefore);
  assert.equal(
    await held(api, operator.address, 'sharedCharging', 'OperatorPayment') - operatorHeldBefore,
    cost - platformFee,
  );
  assert.equal(await free(api, TREASURY) - treasuryBefore, platformFee);

  // The residence splits its bill from the members' monthly totals.
  const now = new Date((await api.query.timestamp.now()).toNumber());
  const month = now.getUTCFullYear() * 100 + now.getUTCMonth() + 1;
  const totals = await api.call.chargingApi.memberTotals(RESIDENCE_CHARGER, bob.address, month);
  assert.equal(totals.energyWh.toNumber(), 100);
  assert.equal(totals.cost.toBigInt(), cost);
  const vehicle = await api.call.chargingApi.vehicleTotals(BOBS_VEHICLE);
  assert.equal(vehicle.energyWh.toNumber(), 100);
});
