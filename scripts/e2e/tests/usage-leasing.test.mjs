// Usage-based leasing through @polkadot/api on a fresh dev chain: the dev preset's lease, then
// the demo's lease (lib/demo-leasing.mjs) over two periods, a late payment and a buy-out with
// every balance checked to the unit, then what the chain refuses: a lien released behind the
// lease's back, a default before due date + grace + notice, a stranger's payment, a second
// lease on a leased car.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { startDevNode, sendInBlock } from '../lib/node.mjs';
import { fetchPassport, decimalV2x } from '../lib/demo-story.mjs';
import { playLease, periodCharge, LEASE_CAST, LEASE_STORY } from '../lib/demo-leasing.mjs';

// The runtime's and the dev preset's figures (runtime/src/configs/usage_leasing.rs,
// runtime/src/genesis_config_presets.rs).
const UNIT = 10n ** 12n;
const LEASE_DEPOSIT = 4n * UNIT;
const PRESET_VEHICLE = 5;

let node;
let keyring;
before(async () => {
  node = await startDevNode();
  keyring = new Keyring({ type: 'sr25519', ss58Format: node.api.registry.chainSS58 });
});
after(async () => { await node?.stop(); });

const account = (uri) => keyring.addFromUri(uri);
/** Free plus every hold: what an account has, wherever it is. */
const total = (balances) => balances.free + Object.values(balances.held).reduce((sum, amount) => sum + amount, 0n);

test('the dev preset leases vehicle 5 to Dave, under Ferdie\'s lien', async () => {
  const { api } = node;
  const [ferdie, dave] = [account('//Ferdie'), account('//Dave')];
  const id = (await api.query.usageLeasing.vehicleLease(PRESET_VEHICLE)).unwrap().toNumber();
  const lease = (await api.query.usageLeasing.leases(id)).unwrap();
  assert.equal(lease.owner.toString(), ferdie.address);
  assert.equal(lease.holder.toString(), ferdie.address);
  assert.equal(lease.lessee.toString(), dave.address);
  assert.ok(lease.state.isRunning);
  assert.equal(lease.terms.baseFee.toBigInt(), 300n * UNIT);
  assert.equal(lease.periodStartKm.toNumber(), 1_200);
  assert.equal((await api.query.vehicleIdentity.vehicles(PRESET_VEHICLE)).unwrap().lien.toString(), ferdie.address);
  assert.equal((await api.call.usageLeasingApi.leaseOf(PRESET_VEHICLE)).unwrap().standing.toString(), 'Current');
  assert.equal((await api.call.usageLeasingApi.immobilisationAuthorised(PRESET_VEHICLE)).isTrue, false);

  const { leasing } = await fetchPassport(node.httpUrl, PRESET_VEHICLE);
  assert.equal(leasing.lessee, dave.address);
  assert.equal(leasing.holder, ferdie.address);
  assert.equal(leasing.standing, 'Current');
  assert.equal(leasing.immobilisationAuthorised, false);
  assert.equal(leasing.overdue, '0');
});

test('two periods, a late payment and a buy-out, every balance to the unit', async () => {
  const { api } = node;
  const chapter = await playLease(api);
  const { balances: b, steps, terms } = { ...chapter, terms: LEASE_STORY.terms };
  const change = (from, to, role) => b[to][role].free - b[from][role].free;
  const heldAt = (key, role, reason) => b[key][role].held[`usageLeasing.${reason}`] ?? 0n;
  const [first, second] = LEASE_STORY.driven.map((km) => periodCharge(terms, km));
  assert.equal(first, 125n * UNIT, '100 V2X and 50 km beyond the 100 included at 0.5 V2X');
  assert.equal(second, 100n * UNIT, '80 km: within the included km');

  // The offer holds the deposit from the lessor; accepting and prepaying holds the prepayment.
  // The lessor also holds the deposit of the dev preset's lease.
  assert.equal(heldAt('offer', 'lessor', 'Deposit') - heldAt('before', 'lessor', 'Deposit'), LEASE_DEPOSIT);
  assert.equal(change('before', 'offer', 'lessor'), -LEASE_DEPOSIT - steps.offer.fee);
  assert.equal(heldAt('accept', 'lessee', 'Prepayment'), LEASE_STORY.prepayment);
  assert.equal(change('offer', 'accept', 'lessee'), -LEASE_STORY.prepayment - steps.accept.fee);

  // Period 1 is settled on the chain's idle time at its due date and drawn from the prepayment.
  assert.equal(chapter.period1.km.toNumber(), LEASE_STORY.driven[0]);
  assert.equal(chapter.period1.amount.toBigInt(), first);
  assert.equal(chapter.period1.due.toNumber(), chapter.start + terms.periodLength);
  assert.equal(change('accept', 'period1', 'lessor'), first);
  assert.equal(heldAt('period1', 'lessee', 'Prepayment'), LEASE_STORY.prepayment - first);

  // Period 2 takes the rest of the prepayment; 75 V2X stay unpaid past the grace.
  assert.equal(chapter.period2.km.toNumber(), LEASE_STORY.driven[1]);
  assert.equal(chapter.period2.amount.toBigInt(), second);
  assert.equal(change('period1', 'period2', 'lessor'), LEASE_STORY.prepayment - first);
  assert.equal(heldAt('period2', 'lessee', 'Prepayment'), 0n);
  assert.equal(chapter.overdue, first + second - LEASE_STORY.prepayment);
  assert.equal(chapter.standings.afterDue, 'Grace');
  assert.equal(chapter.standings.pastGrace, 'Delinquent');
  assert.equal(chapter.standings.afterPayment, 'Current');
  assert.equal(change('period2', 'latePayment', 'lessor'), chapter.overdue);
  assert.equal(change('period2', 'latePayment', 'lessee'), -chapter.overdue - steps.latePayment.fee);

  // The buy-out in period 3: its base fee (30 km are within the included km) and the purchase
  // price, at the runtime API's quote. The lien goes, the title moves, every hold is released.
  assert.equal(chapter.quote, terms.baseFee + terms.purchasePrice);
  const boughtOut = steps.buyOut.events.find(({ event }) => event.section === 'usageLeasing' && event.method === 'LeaseBoughtOut').event.data;
  assert.equal(boughtOut.paid.toBigInt(), chapter.quote);
  assert.equal(total(b.buyOut.lessee) - total(b.latePayment.lessee), -chapter.quote - steps.buyOut.fee);
  assert.equal(total(b.buyOut.lessor) - total(b.latePayment.lessor), chapter.quote);
  assert.equal(heldAt('buyOut', 'lessor', 'Deposit'), heldAt('before', 'lessor', 'Deposit'));
  assert.equal(heldAt('buyOut', 'lessee', 'Prepayment'), 0n);
  const vehicle = (await api.query.vehicleIdentity.vehicles(chapter.vehicle)).unwrap();
  assert.equal(vehicle.owner.toString(), account(LEASE_CAST.lessee).address);
  assert.ok(vehicle.lien.isNone);
  assert.ok((await api.query.usageLeasing.vehicleLease(chapter.vehicle)).isNone);
  assert.ok((await api.query.usageLeasing.leases(chapter.lease)).isNone);
  const sold = steps.buyOut.events.find(({ event }) => event.section === 'vehicleIdentity' && event.method === 'OwnershipTransferred');
  assert.ok(sold, 'the title moved through the consent sale');
  // What the lessor received over the lease: both periods and the buy-out.
  assert.equal(decimalV2x(first + second + chapter.quote), '1325');
});

test('what the chain refuses around a lease', async () => {
  const { api } = node;
  const { tx } = api;
  const [ferdie, dave, eve] = [account('//Ferdie'), account('//Dave'), account('//Eve')];
  const id = (await api.query.usageLeasing.vehicleLease(PRESET_VEHICLE)).unwrap().toNumber();
  const refused = (call, signer, error) => assert.rejects(sendInBlock(api, call, signer), new RegExp(`^Error: ${error.replace('.', '\\.')}$`));

  // The lien stands exactly as long as the lease: neither its holder nor anyone else lifts it.
  await refused(tx.vehicleIdentity.releaseLien(PRESET_VEHICLE), ferdie, 'vehicleIdentity.LienControlled');
  // Nothing is overdue: no default, by the holder or anyone else.
  await refused(tx.usageLeasing.markDefault(id), ferdie, 'usageLeasing.DefaultNotAllowed');
  await refused(tx.usageLeasing.markDefault(id), dave, 'usageLeasing.NotHolder');
  // Only the lessee pays into its lease; a leased car takes no second lease.
  await refused(tx.usageLeasing.pay(id, UNIT), eve, 'usageLeasing.NotLessee');
  const header = await api.rpc.chain.getHeader();
  await refused(
    tx.usageLeasing.offerLease(PRESET_VEHICLE, eve.address, LEASE_STORY.terms, header.number.toNumber() + 50),
    ferdie,
    'usageLeasing.LienPresent',
  );
  // The car under the lease cannot be offered for sale.
  await refused(tx.vehicleIdentity.offerSale(PRESET_VEHICLE, eve.address, null, header.number.toNumber() + 50), ferdie, 'vehicleIdentity.LienPresent');
});
