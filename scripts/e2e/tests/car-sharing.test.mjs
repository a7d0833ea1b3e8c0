// Car sharing through @polkadot/api: the dev preset's co-op of three neighbours owns vehicle 2.
// Its fleet manager binds the car's telematics unit; a renter books an hour (the worst-case
// price and the damage deposit held), the unit opens the trip (the renter may now drive the
// car) and closes it after 30 km; the price goes to the co-op, its reserve share kept; the
// revenue is distributed and each member claims its share. Every balance checked to the unit.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { startDevNode, sendInBlock, eventsOf, held } from '../lib/node.mjs';

// The runtime's and the dev preset's figures (runtime/src/configs/car_sharing.rs,
// runtime/src/genesis_config_presets.rs).
const UNIT = 10n ** 12n;
const BLOCKS_PER_HOUR = 600;
const COOP = 0;
const CAR = 2;
const SHARES = { bob: 50n, charlie: 30n, dave: 20n };
const SUPPLY = 100n;
const RENTER_RATE = { perHour: 4n * UNIT, perKm: UNIT / 5n };
const DAMAGE_DEPOSIT = 50n * UNIT;
// The identity pallet's deposit for an operator, held from the co-op's account during a trip.
const DELEGATE_DEPOSIT = UNIT / 10n;
const RESERVE_PERCENT = 10n;
const REWARD_SCALE = 10n ** 18n;

let node;
let accounts;
before(async () => {
  node = await startDevNode();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: node.api.registry.chainSS58 });
  const uris = { bob: '//Bob', charlie: '//Charlie', dave: '//Dave', renter: '//Ferdie', unit: '//Bob//stash' };
  accounts = Object.fromEntries(Object.entries(uris).map(([role, uri]) => [role, keyring.addFromUri(uri)]));
});
after(async () => { await node?.stop(); });

const free = async (api, address) => (await api.query.system.account(address)).data.free.toBigInt();
const feeOf = (events) => eventsOf(events, 'transactionPayment', 'TransactionFeePaid')[0][1].toBigInt();
const head = async (api) => (await api.rpc.chain.getHeader()).number.toNumber();
const untilBlock = async (api, number) => {
  while (await head(api) < number) await new Promise((resolve) => setTimeout(resolve, 1_000));
};

test('the dev preset has a co-op of three members owning vehicle 2', async () => {
  const { api } = node;
  const coop = (await api.call.carSharingApi.coop(COOP)).unwrap();
  assert.equal(coop.shareSupply.toBigInt(), SUPPLY);
  assert.equal(coop.members.toNumber(), 3);
  assert.equal(coop.fleetManager.toString(), accounts.bob.address);
  const owner = (await api.query.vehicleIdentity.vehicles(CAR)).unwrap().owner.toString();
  assert.equal(owner, coop.account.toString(), 'the co-op account holds the title');
  for (const member of ['bob', 'charlie', 'dave']) {
    const entry = (await api.query.carSharing.members(COOP, accounts[member].address)).unwrap();
    assert.equal(entry.shares.toBigInt(), SHARES[member]);
  }
});

test('book, drive, settle and pay out: every balance to the unit', async () => {
  const { api } = node;
  const { bob, charlie, dave, renter, unit } = accounts;
  const coop = (await api.call.carSharingApi.coop(COOP)).unwrap();
  const coopAccount = coop.account.toString();

  // The fleet manager invites the car's unit; the unit accepts with its own key.
  await sendInBlock(api, api.tx.carSharing.inviteDevice(COOP, CAR, unit.address), bob);
  await sendInBlock(api, api.tx.vehicleIdentity.acceptDeviceBinding(CAR), unit);

  // Ferdie, not a member, books an hour with up to 50 km: 4 V2X + 50 x 0.2 V2X held, and the
  // damage deposit.
  const start = (await head(api)) + 3;
  const end = start + BLOCKS_PER_HOUR - 1;
  const renterBefore = await free(api, renter.address);
  const { events: booked } = await sendInBlock(api, api.tx.carSharing.book(CAR, start, end, 50), renter);
  const booking = eventsOf(booked, 'carSharing', 'Booked')[0];
  const id = booking.booking.toNumber();
  const heldPrice = RENTER_RATE.perHour + 50n * RENTER_RATE.perKm;
  assert.equal(booking.heldPrice.toBigInt(), heldPrice);
  assert.equal(await held(api, renter.address, 'carSharing', 'BookingPrice'), heldPrice);
  assert.equal(await held(api, renter.address, 'carSharing', 'DamageDeposit'), DAMAGE_DEPOSIT);
  assert.equal(renterBefore - await free(api, renter.address), heldPrice + DAMAGE_DEPOSIT + feeOf(booked));

  // Someone else's slot overlapping it is refused.
  await assert.rejects(sendInBlock(api, api.tx.carSharing.book(CAR, end, end + 10, 5), charlie), /carSharing.SlotTaken/);

  // The unit opens the trip at 1 000 km: the renter may now operate the car, until the slot ends.
  await untilBlock(api, start);
  const evidence = `0x${'ab'.repeat(32)}`;
  await sendInBlock(api, api.tx.carSharing.checkIn(id, 1_000, 80, evidence), unit);
  const right = await api.query.vehicleIdentity.vehicleOperators(CAR);
  assert.deepEqual(right.map((o) => [o.account.toString(), o.until.toJSON()]), [[renter.address, end]]);

  // It closes the trip at 1 030 km: one hour and 30 km at the renter's rate.
  assert.equal(await held(api, coopAccount, 'vehicleIdentity', 'Delegate'), DELEGATE_DEPOSIT * 2n, 'the unit and the renter');
  const coopBefore = await free(api, coopAccount);
  const renterBeforeCheckOut = await free(api, renter.address);
  const { events: ended } = await sendInBlock(api, api.tx.carSharing.checkOut(id, 1_030, 65, evidence), unit);
  const trip = eventsOf(ended, 'carSharing', 'TripEnded')[0];
  const price = RENTER_RATE.perHour + 30n * RENTER_RATE.perKm;
  assert.equal(trip.hours.toNumber(), 1);
  assert.equal(trip.km.toNumber(), 30);
  assert.equal(trip.price.toBigInt(), price);
  assert.equal(trip.fromDeposit.toBigInt(), 0n);
  assert.equal(await free(api, renter.address) - renterBeforeCheckOut, heldPrice - price, 'the unused price back');
  assert.equal(await held(api, renter.address, 'carSharing', 'BookingPrice'), 0n);
  assert.equal(await held(api, renter.address, 'carSharing', 'DamageDeposit'), DAMAGE_DEPOSIT, 'kept for the claim window');
  assert.equal(await held(api, coopAccount, 'vehicleIdentity', 'Delegate'), DELEGATE_DEPOSIT, 'no operator right left, the unit still bound');
  assert.equal(await free(api, coopAccount) - coopBefore, price + DELEGATE_DEPOSIT, 'the price, and the renter right\'s deposit back');
  assert.equal((await api.query.vehicleIdentity.vehicleOperators(CAR)).length, 0, 'the right ended with the trip');
  const odometer = (await api.query.serviceBook.odometers(CAR)).unwrap().state;
  assert.deepEqual([odometer.displayedKm.toNumber(), odometer.readings.toNumber()], [1_030, 2], 'both readings in the history');

  // The co-op keeps its reserve share; the rest is distributed and claimed by share.
  const distributable = (price * (100n - RESERVE_PERCENT)) / 100n;
  const { events: distributed } = await sendInBlock(api, api.tx.carSharing.distribute(COOP), charlie);
  const perShare = (distributable * REWARD_SCALE) / SUPPLY;
  // What is booked as distributed is the increase times the supply, rounded up.
  assert.equal(eventsOf(distributed, 'carSharing', 'RevenueDistributed')[0].amount.toBigInt(), (perShare * SUPPLY + REWARD_SCALE - 1n) / REWARD_SCALE);
  for (const member of ['bob', 'charlie', 'dave']) {
    const pair = accounts[member];
    const due = (SHARES[member] * perShare) / REWARD_SCALE;
    const pending = (await api.call.carSharingApi.pendingRevenue(COOP, pair.address)).toBigInt();
    assert.equal(pending, due);
    const before = await free(api, pair.address);
    const { events: claimed } = await sendInBlock(api, api.tx.carSharing.claimRevenue(COOP), pair);
    assert.equal(eventsOf(claimed, 'carSharing', 'RevenueClaimed')[0].amount.toBigInt(), due);
    assert.equal(await free(api, pair.address) - before, due - feeOf(claimed), `${member} received its share`);
  }
  await assert.rejects(sendInBlock(api, api.tx.carSharing.claimRevenue(COOP), dave), /carSharing.NothingToClaim/);
});
