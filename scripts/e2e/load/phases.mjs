// The workloads: each phase is a list of { signer, tx } in every signer's nonce order, all of
// one call, so its blocks can be read back by that call alone.

import { MILLI } from './accounts.mjs';
import { checkInTx, checkOutTx } from './setup/sharing.mjs';
import { PASSAGE_CLASS, SEGMENT_KM, declareTx, loadEventId, passageTx } from './setup/road.mjs';

/** Where device odometers start: well above the dev preset's readings, any vehicle. */
const FIRST_KM = 10_000;

/** The phases in the order they run, with the call each one measures. */
export const PHASES = {
  transfers: { section: 'balances', method: 'transferKeepAlive' },
  odometer: { section: 'serviceBook', method: 'reportOdometer' },
  usage: { section: 'usageInsurance', method: 'reportUsage' },
  purchases: { section: 'dataMarketplace', method: 'purchase' },
  charging: { section: 'sharedCharging', method: 'stopSession' },
  checkIns: { section: 'carSharing', method: 'checkIn' },
  sharing: { section: 'carSharing', method: 'checkOut' },
  passages: { section: 'roadUsage', method: 'reportPassage' },
  platoons: { section: 'roadUsage', method: 'attestSegment' },
  declarations: { section: 'roadUsage', method: 'declare' },
};

/** `count` transfers of 1 milli-V2X, sender i to sender i+1, round-robin over the senders. */
export function transfers(api, who, count) {
  const n = who.senders.length;
  return Array.from({ length: count }, (_, i) => ({
    signer: who.senders[i % n],
    tx: api.tx.balances.transferKeepAlive(who.senders[(i + 1) % n].address, MILLI),
  }));
}

/**
 * Tracks each device's odometer across the phases that report it: every report is one km
 * more than the device's last, so every reading is accepted (a day's credit is 2 000 km).
 */
export function odometers(deviceCount) {
  const km = Array.from({ length: deviceCount }, () => FIRST_KM);
  return { next: (device) => { km[device] += 1; return km[device]; } };
}

/** `count` odometer reports, round-robin over the bound devices. */
export function odometerReports(api, who, vehicles, km, count) {
  const devices = who.devices.slice(0, vehicles.length);
  return Array.from({ length: count }, (_, i) => {
    const d = i % devices.length;
    return { signer: devices[d], tx: api.tx.serviceBook.reportOdometer(vehicles[d], km.next(d)) };
  });
}

/** `count` insurance usage reports (a reading and no risk events), round-robin over devices. */
export function usageReports(api, who, deviceCount, km, count) {
  const devices = who.devices.slice(0, deviceCount);
  const none = { harshBraking: 0, speeding: 0, nightKm: 0 };
  return Array.from({ length: count }, (_, i) => {
    const d = i % devices.length;
    return { signer: devices[d], tx: api.tx.usageInsurance.reportUsage(km.next(d), none) };
  });
}

/**
 * `count` purchases: round r has every sender buy one more listing, a different one each
 * round, so no buyer buys a listing twice and the grants spread evenly over the listings.
 */
export function purchases(api, who, listings, count) {
  const n = who.senders.length;
  const rounds = Math.ceil(count / n);
  if (rounds > listings.length) throw new Error(`${count} purchases need more than ${listings.length} listings`);
  const key = `0x${'11'.repeat(32)}`;
  return Array.from({ length: count }, (_, i) => {
    const buyer = i % n;
    const round = Math.floor(i / n);
    const listing = listings[(buyer * rounds + round) % listings.length];
    return { signer: who.senders[buyer], tx: api.tx.dataMarketplace.purchase(listing, key) };
  });
}

/**
 * One stop per active session, by the operator: 10 Wh in 6 s, what a 22 kW charger can
 * deliver (the pallet refuses more as implausible), and no longer than the session has run
 * (it was confirmed at least a block before).
 */
export function chargingStops(api, who, sessions) {
  const reading = { energyWh: 10, chargingSecs: 6, parkingSecs: 0 };
  return sessions.map((s) => ({ signer: who.operator, tx: api.tx.sharedCharging.stopSession(s, reading, null) }));
}

/** One check-in per booked trip, by the car's unit, within the slot. */
export function tripCheckIns(api, trips) {
  return trips.map((t) => ({ signer: t.unit, tx: checkInTx(api, t) }));
}

/** One check-out per trip in flight, by the car's unit: settles the trip's price (25 km). */
export function tripCheckOuts(api, trips) {
  return trips.map((t) => ({ signer: t.unit, tx: checkOutTx(api, t) }));
}

/**
 * `count` gantry passages, round-robin over the passage vehicles' devices: vehicle v's nth
 * passage today at the load's gantry, a new event id each, attested by the gantry.
 */
export function gantryPassages(api, who, road, count) {
  const n = road.passageVehicles.length;
  return Array.from({ length: count }, (_, i) => {
    const { vehicle, device } = road.passageVehicles[i % n];
    const passage = {
      vehicle, day: road.today, event: loadEventId(1, road.passageContext, vehicle, Math.floor(i / n)), class: PASSAGE_CLASS,
    };
    return { signer: device, tx: passageTx(api, who, road.passageContext, passage) };
  });
}

/**
 * Both trucks' attestation of every platoon's open segment, the follower's first in the
 * list; whichever is included second pays the leader (half of the attestations pay).
 */
export function segmentAttestations(api, road) {
  return road.platoons.flatMap((p) => [p.follower, p.leader].map((truck) => ({
    signer: truck.device, tx: api.tx.roadUsage.attestSegment(p.platoon, SEGMENT_KM),
  })));
}

/**
 * `count` declaration batches by the provider, each of `MaxDeclarationsPerBatch` vehicles'
 * day today in one distance context: a context's batches cover the served vehicles once,
 * the next context's do it again, so every vehicle-day is declared once.
 */
export function declarationBatches(api, who, road, count) {
  return Array.from({ length: count }, (_, b) => {
    const context = road.contexts[Math.floor(b / road.batchesPerContext)];
    const from = (b % road.batchesPerContext) * road.perBatch;
    return { signer: who.tollProvider, tx: declareTx(api, context, road.served.slice(from, from + road.perBatch), road.today) };
  });
}
