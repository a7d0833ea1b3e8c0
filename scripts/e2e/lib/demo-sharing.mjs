// The demo's second chapter (scripts/demo.sh): after its sale, the car of lib/demo-story.mjs
// goes to the neighbours' car-sharing co-op of the dev preset. The new owner gives it away,
// the co-op's fleet manager takes it into the fleet and binds its telematics unit again, a
// renter books an hour, the unit opens and closes the trip, and the co-op's members share
// the revenue.

import { Keyring } from '@polkadot/keyring';
import { eventsOf } from './node.mjs';
import { landed, balancesAt, v2x, CAST } from './demo-story.mjs';

/** The dev preset's co-op (runtime/src/genesis_config_presets.rs) and who plays in it. */
export const SHARING_CAST = {
  fleetManager: '//Bob', // co-op 0's fleet manager, also a member with 50 of its 100 shares
  members: ['//Bob', '//Charlie', '//Dave'],
  renter: '//Alice//stash', // not a member: pays the renters' price
};

export const SHARING_STORY = {
  coop: 0,
  // The renter books an hour of 6 s blocks, starting two blocks ahead, for up to 40 km.
  blocks: 600,
  maxKm: 40,
  // The unit's readings at check-in and check-out: 25 km driven.
  checkInKm: 1_150,
  checkOutKm: 1_175,
  stateOfCharge: { checkIn: 80, checkOut: 71 },
  evidence: { checkIn: `0x${'c1'.repeat(32)}`, checkOut: `0x${'c2'.repeat(32)}` },
  offerForBlocks: 100,
};

/**
 * Plays the chapter on the dev chain after `playCarLife` returned `story` (its car now
 * belongs to `CAST.newOwner`, its unit `CAST.device` unbound by the sale). `log(step, detail)`
 * hears of each step. Resolves with the chapter's `steps` (events, fee, block), the `booking`
 * id, the co-op's `account` and every party's balances `before` and after each step
 * (`balances`).
 */
export async function playCarSharing(api, story, log = () => {}) {
  const keyring = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 });
  const pair = (uri) => keyring.addFromUri(uri);
  const owner = pair(CAST.newOwner);
  const device = pair(CAST.device);
  const manager = pair(SHARING_CAST.fleetManager);
  const renter = pair(SHARING_CAST.renter);
  const members = SHARING_CAST.members.map(pair);
  const { coop } = SHARING_STORY;
  const { tx } = api;
  const view = await api.call.carSharingApi.coop(coop);
  if (view.isNone) throw new Error(`this chain has no car-sharing co-op ${coop}: play the demo on a dev chain`);
  const account = view.unwrap().account.toString();
  const name = view.unwrap().name.toUtf8();
  const parties = {
    coop: account, renter: renter.address, owner: owner.address,
    ...Object.fromEntries(members.map((m, i) => [`member${i}`, m.address])),
  };
  const chapter = { account, name, steps: {}, balances: {} };
  const head = async () => (await api.rpc.chain.getHeader()).number.toNumber();
  const step = async (key, signer, call) => {
    chapter.steps[key] = await landed(api, call, signer);
    chapter.balances[key] = await balancesAt(api, chapter.steps[key].blockHash, parties);
    return chapter.steps[key];
  };
  const at = (key) => `(block #${chapter.steps[key].blockNumber})`;
  const event = (key, method) => eventsOf(chapter.steps[key].events, 'carSharing', method)[0];
  chapter.balances.before = await balancesAt(api, (await api.rpc.chain.getHeader()).hash, parties);

  // 1. The new owner gives the car to the co-op: a sale offer at no price to its account.
  await step('gift', owner, tx.vehicleIdentity.offerSale(
    story.vehicle, account, null, (await head()) + SHARING_STORY.offerForBlocks,
  ));
  log('gift', `${CAST.newOwner.slice(2)} offers vehicle #${story.vehicle} as a gift to co-op #${coop} `
    + `"${name}", whose account nobody holds a key to ${at('gift')}`);

  // 2. The fleet manager accepts it for the co-op and invites the telematics unit again.
  await step('joinFleet', manager, tx.utility.batchAll([
    tx.carSharing.addVehicle(coop, story.vehicle),
    tx.carSharing.inviteDevice(coop, story.vehicle, device.address),
  ]));
  log('joinFleet', `${SHARING_CAST.fleetManager.slice(2)}, the co-op's fleet manager, accepts the gift: the co-op `
    + `owns the car; and invites ${CAST.device.slice(2)}'s unit ${at('joinFleet')}`);

  // 3. The unit accepts; the renter books an hour.
  const start = (await head()) + 3;
  const end = start + SHARING_STORY.blocks - 1;
  await step('rebound', device, tx.vehicleIdentity.acceptDeviceBinding(story.vehicle));
  const booked = await step('book', renter, tx.carSharing.book(story.vehicle, start, end, SHARING_STORY.maxKm));
  const booking = eventsOf(booked.events, 'carSharing', 'Booked')[0];
  chapter.booking = booking.booking.toNumber();
  log('book', `${SHARING_CAST.renter.slice(2)} books the car from block #${start} to #${end} for up to `
    + `${SHARING_STORY.maxKm} km: ${v2x(booking.heldPrice.toBigInt())} (the worst case) and a `
    + `${v2x(booking.deposit.toBigInt())} damage deposit held ${at('book')}`);

  // 4. At the start the unit opens the trip: the renter may drive the car until the end.
  while (await head() < start - 1) await new Promise((resolve) => setTimeout(resolve, 1_000));
  const { checkIn, checkOut } = SHARING_STORY.stateOfCharge;
  await step('checkIn', device, tx.carSharing.checkIn(
    chapter.booking, SHARING_STORY.checkInKm, checkIn, SHARING_STORY.evidence.checkIn,
  ));
  log('checkIn', `The unit opens the trip at ${SHARING_STORY.checkInKm} km, ${checkIn}% charged: `
    + `${SHARING_CAST.renter.slice(2)} may operate the car until block #${end} ${at('checkIn')}`);

  // 5. It closes the trip 25 km later: the price of one hour and 25 km goes to the co-op.
  await step('checkOut', device, tx.carSharing.checkOut(
    chapter.booking, SHARING_STORY.checkOutKm, checkOut, SHARING_STORY.evidence.checkOut,
  ));
  const ended = event('checkOut', 'TripEnded');
  log('checkOut', `The unit closes the trip at ${SHARING_STORY.checkOutKm} km: ${ended.hours} hour(s) and `
    + `${ended.km} km cost ${v2x(ended.price.toBigInt())}, paid to the co-op; the rest of the held price goes back; `
    + `the deposit stays held through the claim window ${at('checkOut')}`);

  // 6. A member distributes the revenue, less the reserve; each member claims its share.
  await step('distribute', members[1], tx.carSharing.distribute(coop));
  log('distribute', `${SHARING_CAST.members[1].slice(2)} distributes `
    + `${v2x(event('distribute', 'RevenueDistributed').amount.toBigInt())} to the co-op's shares; the `
    + `reserve share stays in the co-op ${at('distribute')}`);
  const claims = await Promise.all(members.map((member) => landed(api, tx.carSharing.claimRevenue(coop), member)));
  members.forEach((_, i) => { chapter.steps[`claim${i}`] = claims[i]; });
  const last = claims.reduce((a, b) => (b.blockNumber > a.blockNumber ? b : a));
  chapter.balances.claims = await balancesAt(api, last.blockHash, parties);
  claims.forEach((claim, i) => {
    const paid = eventsOf(claim.events, 'carSharing', 'RevenueClaimed')[0].amount.toBigInt();
    log(`claim${i}`, `${SHARING_CAST.members[i].slice(2)} claims ${v2x(paid)} (block #${claim.blockNumber})`);
  });
  return chapter;
}
