// Car-sharing trips in flight, made through extrinsics as on a real chain: the load's co-op
// manager founds co-ops (a co-op holds at most `MaxVehiclesPerCoop` vehicles), the fleet
// owner gives each vehicle to a co-op (a sale offer at no price to the co-op's account), the
// manager takes it into the fleet and invites its telematics unit, the unit accepts, a
// sender books a slot, and (unless the `checkIns` phase measures them) the unit checks in.
// The `sharing` phase then checks every trip out, once: a check-out needs a trip in flight.

import { UNIT, MILLI } from '../accounts.mjs';
import { countToFill } from '../predict.mjs';
import { batched, dataOf, sendAll, sendEach } from '../chain.mjs';

/** The units' odometer at check-in and at check-out: 25 km per trip. */
export const CHECK_IN_KM = 10_000;
export const CHECK_OUT_KM = CHECK_IN_KM + 25;

/** Blocks between a booking's submission and its slot's start: it lands before the start. */
const BOOKING_LEAD = 8;
/** A slot of a day of 6-second blocks: no slot ends while the phases run. */
const SLOT_BLOCKS = 14_400;
const MAX_KM = 100;
/** The units' readings and evidence hashes (the photos') at check-in and check-out. */
export const TRIP_READINGS = {
  checkIn: { km: CHECK_IN_KM, stateOfCharge: 80, evidence: `0x${'c1'.repeat(32)}` },
  checkOut: { km: CHECK_OUT_KM, stateOfCharge: 71, evidence: `0x${'c2'.repeat(32)}` },
};

/** Rules any co-op accepts; they play no part in trips. */
const RULES = {
  quorum: 500_000_000, // Perbill: 50 %
  supermajority: 670_000_000, // 67 %
  reserve: 100_000_000, // 10 %
  freeCancellation: 600,
  lateCancellationFee: 200_000_000, // 20 %
};
/** Small prices, so each sender can hold many bookings' worst case and deposit. */
const PRICING = {
  member: { perHour: MILLI, perKm: MILLI / 10n },
  renter: { perHour: MILLI, perKm: MILLI / 10n },
  damageDeposit: MILLI,
};

/** How many trips fill `FILL_BLOCKS` blocks with check-outs by the weights' prediction. */
export async function tripsToFill(api, signer) {
  return countToFill(api, checkOutTx(api, { booking: 0 }), signer);
}

/** Co-ops needed for `trips` vehicles, at the runtime's bound per co-op. */
export function coopsFor(api, trips) {
  return Math.ceil(trips / api.consts.carSharing.maxVehiclesPerCoop.toNumber());
}

/** What the manager spends on `trips`: each co-op's deposit and endowment, plus fees. */
export function managerFunds(api, trips) {
  const perCoop = api.consts.carSharing.coopDeposit.toBigInt() + api.consts.carSharing.minEndowment.toBigInt();
  return BigInt(coopsFor(api, trips)) * perCoop + 1_000n * UNIT;
}

/**
 * Puts one trip in flight on each vehicle of `vehicles` (owned by `who.fleet`, no device):
 * unit `who.units[i]` drives vehicle i, booked by sender i mod senders. Checks the trips in
 * unless `checkIn` is false. Returns [{ vehicle, booking, unit }] in vehicle order.
 */
export async function setupTrips(api, who, vehicles, { checkIn = true, log }) {
  const count = vehicles.length;
  const perCoop = api.consts.carSharing.maxVehiclesPerCoop.toNumber();
  const coopCount = coopsFor(api, count);
  log(`founding ${coopCount} co-ops for ${count} shared vehicles`);
  const creations = Array.from({ length: coopCount }, (_, i) => api.tx.carSharing.createCoop(
    // The fleet owner assesses damage: a co-op's assessor may not be its fleet manager.
    `Load co-op ${i}`, RULES, PRICING, [[who.manager.address, 1]], who.manager.address, who.fleet.address,
  ));
  const coops = dataOf(await sendAll(api, who.manager, batched(api, creations)), 'carSharing', 'CoopCreated')
    .map((d) => ({ id: d.coop.toNumber(), account: d.account.toString() }));
  if (coops.length !== coopCount) throw new Error(`founded ${coops.length} of ${coopCount} co-ops`);
  const coopOf = (i) => coops[Math.floor(i / perCoop)];

  log(`giving the vehicles to the co-ops; the manager takes them in and invites ${count} units`);
  const head = async () => (await api.rpc.chain.getHeader()).number.toNumber();
  const until = (await head()) + 600;
  await sendAll(api, who.fleet, batched(api, vehicles.map((v, i) => api.tx.vehicleIdentity.offerSale(v, coopOf(i).account, null, until))));
  const intake = vehicles.flatMap((v, i) => [
    api.tx.carSharing.addVehicle(coopOf(i).id, v),
    api.tx.carSharing.inviteDevice(coopOf(i).id, v, who.units[i].address),
  ]);
  const added = dataOf(await sendAll(api, who.manager, batched(api, intake)), 'carSharing', 'VehicleAdded');
  if (added.length !== count) throw new Error(`the co-ops took in ${added.length} of ${count} vehicles`);
  log(`  ${count} units accept their binding`);
  await sendEach(api, vehicles.map((v, i) => [who.units[i], api.tx.vehicleIdentity.acceptDeviceBinding(v)]));

  // Each sender books its vehicles in one batch; senders in rounds of 500, each round's slots
  // starting a few blocks after its submission.
  const senders = who.senders.length;
  log(`booking ${count} slots by ${Math.min(senders, count)} senders`);
  const bookingOf = new Map();
  let lastStart = 0;
  for (let r = 0; r < Math.min(senders, count); r += 500) {
    const start = (await head()) + BOOKING_LEAD;
    lastStart = start;
    const round = [];
    for (let s = r; s < Math.min(r + 500, senders, count); s += 1) {
      const mine = vehicles.filter((_, i) => i % senders === s);
      round.push([who.senders[s], api.tx.utility.batchAll(mine.map((v) => api.tx.carSharing.book(v, start, start + SLOT_BLOCKS - 1, MAX_KM)))]);
    }
    for (const d of dataOf(await sendEach(api, round), 'carSharing', 'Booked')) bookingOf.set(d.vehicle.toNumber(), d.booking.toNumber());
  }
  if (bookingOf.size !== count) throw new Error(`booked ${bookingOf.size} of ${count} slots`);
  const trips = vehicles.map((vehicle, i) => ({ vehicle, booking: bookingOf.get(vehicle), unit: who.units[i] }));

  while (await head() < lastStart) await new Promise((r) => setTimeout(r, 1_000));
  if (checkIn) {
    log(`  ${count} units check their trips in`);
    await sendEach(api, trips.map((t) => [t.unit, checkInTx(api, t)]));
  }
  return trips;
}

/** The unit's check-in of trip `t`, at the slot's start or later. */
export function checkInTx(api, t) {
  const { km, stateOfCharge, evidence } = TRIP_READINGS.checkIn;
  return api.tx.carSharing.checkIn(t.booking, km, stateOfCharge, evidence);
}

/** The unit's check-out of trip `t`, 25 km after its check-in. */
export function checkOutTx(api, t) {
  const { km, stateOfCharge, evidence } = TRIP_READINGS.checkOut;
  return api.tx.carSharing.checkOut(t.booking, km, stateOfCharge, evidence);
}
