// Vehicles for the domain phases, made through extrinsics as on a real chain: governance
// (sudo) registers the load manufacturer, which registers the fleet's vehicles; the fleet
// owner invites one device per reporting vehicle and each device accepts with its own key.

import { batched, dataOf, sendAll, sendEach } from '../chain.mjs';

/** A European WMI: its region needs no check digit, so serial numbers are the only variable. */
const WMI = 'WLD';

/** The `serial`th VIN of the load manufacturer: WLD ZZZZZZ R <7 digits> (17 characters). */
export function vin(serial) {
  return `${WMI}ZZZZZZR${String(serial).padStart(7, '0')}`;
}

/**
 * Registers `count` vehicles owned by `who.fleet` and binds `who.devices[i]` to vehicle i
 * for the first `bound` vehicles. Returns the vehicle ids in registration order.
 */
export async function setupVehicles(api, who, count, bound, { log }) {
  log(`registering the load manufacturer and ${count} vehicles`);
  await sendAll(api, who.alice, [
    api.tx.sudo.sudo(api.tx.vehicleIdentity.registerManufacturer(who.maker.address, 'Load Motors', [WMI])),
  ]);
  const registrations = Array.from({ length: count }, (_, i) => api.tx.vehicleIdentity.registerVehicle(
    vin(i), who.fleet.address, 2024, 'Ice', null, `0x${'00'.repeat(32)}`, '',
  ));
  const registered = dataOf(await sendAll(api, who.maker, batched(api, registrations)), 'vehicleIdentity', 'VehicleRegistered');
  const vehicles = registered.map((d) => d.vehicle.toNumber());
  if (vehicles.length !== count) throw new Error(`registered ${vehicles.length} of ${count} vehicles`);

  const devices = who.devices.slice(0, Math.min(bound, count));
  log(`binding ${devices.length} devices (invitation by the owner, acceptance by each device)`);
  await sendAll(api, who.fleet, batched(api, devices.map((d, i) => api.tx.vehicleIdentity.bindDevice(vehicles[i], d.address))));
  await sendEach(api, devices.map((d, i) => [d, api.tx.vehicleIdentity.acceptDeviceBinding(vehicles[i])]));
  return vehicles;
}
