// Charging sessions ready to stop: the load operator publishes a tariff and registers one
// public charger per vehicle (a charger takes one session at a time, and a vehicle has at
// most one open session), the fleet owner starts a session at each, and the operator
// confirms them. The phase then stops them all, once: a stop needs a fresh session.

import { MILLI } from '../accounts.mjs';
import { batched, dataOf, sendAll } from '../chain.mjs';

/** The energy cap of each session: its worst case is held from the driver. */
export const ENERGY_CAP_WH = 1_000;

/** Returns the ids of `vehicles.length` active sessions, session i on vehicle i. */
export async function setupCharging(api, who, vehicles, { log }) {
  log(`registering ${vehicles.length} chargers, starting and confirming a session at each`);
  const [created] = await sendAll(api, who.operator, [api.tx.sharedCharging.createTariff([
    { prices: { energyPerKwh: 200n * MILLI }, restrictions: {} },
  ])]);
  const tariff = dataOf([created], 'sharedCharging', 'TariffCreated')[0].tariff.toNumber();
  const registrations = vehicles.map((_, i) => api.tx.sharedCharging.registerCharger(
    who.meter(i).address, 'u0yjjd7', 22, 'Type2', false, 'Public', tariff,
  ));
  const chargers = dataOf(await sendAll(api, who.operator, batched(api, registrations)), 'sharedCharging', 'ChargerRegistered')
    .map((d) => d.charger.toNumber());
  if (chargers.length !== vehicles.length) throw new Error(`registered ${chargers.length} of ${vehicles.length} chargers`);
  const starts = vehicles.map((v, i) => api.tx.sharedCharging.startSession(chargers[i], v, ENERGY_CAP_WH));
  const sessions = dataOf(await sendAll(api, who.fleet, batched(api, starts)), 'sharedCharging', 'SessionStarted')
    .map((d) => d.session.toNumber());
  if (sessions.length !== vehicles.length) throw new Error(`started ${sessions.length} of ${vehicles.length} sessions`);
  await sendAll(api, who.operator, batched(api, sessions.map((s) => api.tx.sharedCharging.confirmSession(s))));
  return sessions;
}
