// Usage-based insurance through @polkadot/api: an insurer's product, a policy bought with a
// prepayment, the car's device reporting usage, the runtime settling the period in idle
// time, a claim paid from the pool, and a sale that ends the policy with a pro-rata refund.
// Every balance is checked to the unit, transaction fees included.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { startDevNode, sendInBlock, eventsOf, held, waitForEvent } from '../lib/node.mjs';

// The runtime's figures, to the unit (runtime/src/configs/usage_insurance.rs).
const UNIT = 10n ** 12n;
const MILLI = UNIT / 1000n;
const POLICY_DEPOSIT = UNIT / 10n;
const CLAIM_DEPOSIT = UNIT / 10n;
const DELEGATE_DEPOSIT = UNIT / 10n;

// From the development preset: Eve is the insurer "V2X Mutual" with a funded pool and
// product 0, which insures Alice's vehicle 0. Vehicle 1 belongs to Bob and has no policy.
const BOBS_VEHICLE = 1;

// A product with a ten-block period, so that the test sees a settlement.
const TERMS = {
  basePremium: UNIT,
  ratePerKm: 10n * MILLI,
  surcharges: { harshBraking: UNIT / 2n, speeding: UNIT, nightKm: 5n * MILLI },
  periodLength: 10,
  deductible: 100n * UNIT,
  maxCover: 1_000n * UNIT,
  termsHash: `0x${'42'.repeat(32)}`,
};

let node;
let accounts;
before(async () => {
  node = await startDevNode();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: node.api.registry.chainSS58 });
  accounts = Object.fromEntries(
    ['Bob', 'Charlie', 'Dave', 'Eve'].map((name) => [name.toLowerCase(), keyring.addFromUri(`//${name}`)]),
  );
});
after(async () => { await node?.stop(); });

const free = async (api, who) => (await api.query.system.account(who.address)).data.free.toBigInt();
const feeOf = (events) => eventsOf(events, 'transactionPayment', 'TransactionFeePaid')[0][1].toBigInt();
const pool = (api, who) => held(api, who.address, 'usageInsurance', 'Pool');
const prepaid = (api, who) => held(api, who.address, 'usageInsurance', 'Prepayment');

test('the dev preset insures the demo vehicle', async () => {
  const { api } = node;
  const policy = await api.call.insuranceApi.activePolicy(0);
  assert.ok(policy.isSome, 'vehicle 0 has an active policy');
  const info = await api.call.insuranceApi.pool(accounts.eve.address);
  assert.ok(info.unwrap().held.toBigInt() > 0n, 'the insurer has a funded pool');
});

test('buy, report usage, settle, claim, and a sale ends the policy with a refund', async () => {
  const { api } = node;
  const { bob, charlie, dave, eve } = accounts;

  // Eve publishes a ten-block product.
  const { events: created } = await sendInBlock(api, api.tx.usageInsurance.createProduct(TERMS), eve);
  const product = eventsOf(created, 'usageInsurance', 'ProductCreated')[0].product.toNumber();

  // Bob's car gets Dave's account as its telematics unit (Dave accepts with its own key).
  await sendInBlock(api, api.tx.vehicleIdentity.bindDevice(BOBS_VEHICLE, dave.address), bob);
  await sendInBlock(api, api.tx.vehicleIdentity.acceptDeviceBinding(BOBS_VEHICLE), dave);

  // Bob buys a policy with 5 V2X prepaid: prepayment and deposit are held from him.
  const prepayment = 5n * UNIT;
  const bobBeforeBuy = await free(api, bob);
  const { events: bought } = await sendInBlock(
    api, api.tx.usageInsurance.buyPolicy(BOBS_VEHICLE, product, prepayment), bob,
  );
  const policy = eventsOf(bought, 'usageInsurance', 'PolicyBought')[0].policy.toNumber();
  assert.equal(bobBeforeBuy - await free(api, bob), prepayment + POLICY_DEPOSIT + feeOf(bought));
  assert.equal(await prepaid(api, bob), prepayment);
  assert.equal(await held(api, bob.address, 'usageInsurance', 'Policy'), POLICY_DEPOSIT);
  const active = (await api.call.insuranceApi.activePolicy(BOBS_VEHICLE)).unwrap();
  assert.equal(active[0].toNumber(), policy);

  // The device reports the odometer: the first reading is the baseline, the second adds
  // 120 km, one harsh braking and 20 night km.
  await sendInBlock(api, api.tx.usageInsurance.reportUsage(10_000, { harshBraking: 0, speeding: 0, nightKm: 0 }), dave);
  const { events: reported } = await sendInBlock(
    api, api.tx.usageInsurance.reportUsage(10_120, { harshBraking: 1, speeding: 0, nightKm: 20 }), dave,
  );
  const [usage] = eventsOf(reported, 'usageInsurance', 'UsageReported');
  assert.equal(usage.kmAdded.toNumber(), 120);
  assert.equal(usage.periodKm.toNumber(), 120);

  // The quote for that usage, from the runtime API: 1 + 120 x 0.01 + 0.5 + 20 x 0.005 V2X.
  const premium = UNIT + 120n * 10n * MILLI + UNIT / 2n + 20n * 5n * MILLI;
  const quote = await api.call.insuranceApi.quote(product, 120, { harshBraking: 1, speeding: 0, nightKm: 20 });
  assert.equal(quote.unwrap().toBigInt(), premium);

  // Nobody calls `settle`: the runtime settles the ended period in idle time.
  const eveBeforeSettlement = await free(api, eve);
  const settled = await waitForEvent(
    api, 'usageInsurance', 'PeriodSettled', (e) => e.policy.toNumber() === policy, 60_000,
  );
  assert.equal(settled.premium.toBigInt(), premium);
  assert.equal(settled.paid.toBigInt(), premium);
  assert.equal(await prepaid(api, bob), prepayment - premium);
  assert.equal(await free(api, eve) - eveBeforeSettlement, premium);

  // Bob claims 300 V2X; Eve approves: 300 minus the 100 deductible comes from her pool.
  const bobBeforeClaim = await free(api, bob);
  const poolBeforeClaim = await pool(api, eve);
  const { events: filed } = await sendInBlock(
    api, api.tx.usageInsurance.fileClaim(policy, 300n * UNIT, `0x${'ee'.repeat(32)}`), bob,
  );
  const claim = eventsOf(filed, 'usageInsurance', 'ClaimFiled')[0].claim.toNumber();
  assert.equal(await held(api, bob.address, 'usageInsurance', 'Claim'), CLAIM_DEPOSIT);
  const eveBeforeApproval = await free(api, eve);
  const { events: approved } = await sendInBlock(api, api.tx.usageInsurance.approveClaim(claim), eve);
  const payout = 200n * UNIT;
  assert.equal(eventsOf(approved, 'usageInsurance', 'ClaimApproved')[0].payout.toBigInt(), payout);
  assert.equal(await free(api, bob) - bobBeforeClaim, payout - feeOf(filed));
  assert.equal(await held(api, bob.address, 'usageInsurance', 'Claim'), 0n);
  assert.equal(poolBeforeClaim - await pool(api, eve), payout);
  assert.equal(eveBeforeApproval - await free(api, eve), feeOf(approved));

  // Bob sells the car to Charlie: the policy ends at once, the running period is charged
  // pro rata, and the rest of the prepayment is Bob's again.
  const head = (await api.rpc.chain.getHeader()).number.toNumber();
  await sendInBlock(api, api.tx.vehicleIdentity.offerSale(BOBS_VEHICLE, charlie.address, null, head + 100), bob);
  const prepaidBeforeSale = await prepaid(api, bob);
  const bobBeforeSale = await free(api, bob);
  const eveBeforeSale = await free(api, eve);
  const { events: sale } = await sendInBlock(api, api.tx.vehicleIdentity.acceptOffer(BOBS_VEHICLE, null), charlie);
  const [ended] = eventsOf(sale, 'usageInsurance', 'PolicyEnded');
  assert.ok(ended, 'the sale ended the policy');
  assert.equal(ended.policy.toNumber(), policy);
  assert.equal(ended.reason.toString(), 'VehicleSold');
  const charged = ended.charged.toBigInt();
  const refunded = ended.refunded.toBigInt();
  assert.ok(charged < UNIT, 'only part of a period was charged');
  assert.equal(charged + refunded, prepaidBeforeSale);
  assert.equal(await prepaid(api, bob), 0n);
  // The sale also unbound Dave's device: its deposit came back to Bob with the refund.
  assert.equal(await free(api, bob) - bobBeforeSale, refunded + DELEGATE_DEPOSIT);
  assert.equal(await free(api, eve) - eveBeforeSale, charged);
  assert.ok((await api.call.insuranceApi.activePolicy(BOBS_VEHICLE)).isNone);
});
