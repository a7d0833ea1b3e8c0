// The demo of scripts/demo.sh: plays one car's life (lib/demo-story.mjs) on a running V2X dev
// chain, prints each step, the car's passport, and where to see it all.
//   node demo.mjs [ws-url]    (default: $WS_URL, else ws://127.0.0.1:9944)

import { ApiPromise, WsProvider } from '@polkadot/api';
import { withTimeout } from './lib/node.mjs';
import {
  playCarLife, fetchPassport, rpcCall, httpUrlOf, CAST, METHOD_NOT_FOUND,
} from './lib/demo-story.mjs';
import { playCarSharing } from './lib/demo-sharing.mjs';
import { playRoadDay, ROAD_STORY } from './lib/demo-road.mjs';
import { playLease } from './lib/demo-leasing.mjs';
import { playShipment } from './lib/demo-freight.mjs';
import { playOtaUpdate } from './lib/demo-ota.mjs';

const wsUrl = process.argv[2] ?? process.env.WS_URL ?? 'ws://127.0.0.1:9944';
const rpcUrl = httpUrlOf(wsUrl);

/** Fails with what to do if no node answers at `wsUrl`; returns the chain's name. */
async function chainName() {
  try {
    return await rpcCall(rpcUrl, 'system_chain', [], 5_000);
  } catch (error) {
    throw new Error(`no V2X node answers at ${wsUrl} (${error.cause?.code ?? error.message}).\n`
      + 'Start a dev chain with ./scripts/dev-chain.sh, or set WS_URL to a running one.');
  }
}

/** A few lines on the passport, or why there is none. */
async function passportSummary(vin) {
  let passport;
  try {
    passport = await fetchPassport(rpcUrl, vin);
  } catch (error) {
    if (error.code === METHOD_NOT_FOUND) {
      return ['This node has no v2x_vehiclePassport yet (an older build): rebuild it with ./scripts/build-node.sh.'];
    }
    return [`The passport could not be read: ${error.message}`];
  }
  const { identity, ownership, serviceRecords, odometer, insurance, charging, dataListings } = passport;
  return [
    `${identity.vin}: ${identity.modelYear} ${identity.powertrain} by ${identity.manufacturerName}, ${passport.status}`,
    `owner ${ownership.owner}, ${ownership.pastOwners} past owner(s), ${ownership.sales.length} sale(s) on record`,
    `${serviceRecords.total} service record(s); odometer ${odometer.trueKm} km, ${odometer.flags.length} flag(s)`,
    ...odometer.flags.map((flag) => `  flag: ${flag.reason}`),
    `insurance: ${insurance ? `policy #${insurance.policyId} with ${insurance.insurerName}` : 'none'}`,
    `charging: ${charging.sessions} session(s), ${charging.energyWh} Wh, ${charging.spent} V2X`,
    `open data listings: ${dataListings.length}`,
    `car sharing: ${passport.carSharing
      ? `co-op #${passport.carSharing.coop} ${passport.carSharing.coopName}, ${passport.carSharing.trips} trip(s), `
        + `${passport.carSharing.km} km, ${passport.carSharing.revenue} V2X`
      : 'none'}`,
  ];
}

async function main() {
  const chain = await chainName();
  console.log(`Connected to "${chain}".\n`);
  const api = await withTimeout(
    ApiPromise.create({ provider: new WsProvider(wsUrl, 1_000), noInitWarn: true, throwOnConnect: true }),
    30_000,
    `could not connect @polkadot/api to ${wsUrl} within 30 s`,
  );
  try {
    let step = 0;
    const story = await playCarLife(api, (_, detail) => console.log(`${String(++step).padStart(2)}. ${detail}`));
    console.log(`\n==> Vehicle #${story.vehicle}, VIN ${story.vin}, now belongs to ${CAST.newOwner.slice(2)} `
      + `(${story.cast.newOwner})`);
    console.log('\nChapter 2: the car joins the neighbours\' car-sharing co-op (about an hour of slot booked, a minute played).');
    const sharing = await playCarSharing(api, story, (_, detail) => console.log(`${String(++step).padStart(2)}. ${detail}`));
    console.log(`\n==> Vehicle #${story.vehicle} now belongs to co-op "${sharing.name}" (${sharing.account})`);
    console.log('\nIts passport (v2x_vehiclePassport):');
    for (const line of await passportSummary(story.vin)) console.log(`    ${line}`);
    console.log('\nChapter 3: a day on the road with the dev preset\'s toll charger, toll provider and truck platoon.');
    await playRoadDay(api, (_, detail) => console.log(`${String(++step).padStart(2)}. ${detail}`));
    const truck = (await fetchPassport(rpcUrl, ROAD_STORY.leader)).roadUsage;
    console.log(`\n==> Truck #${ROAD_STORY.leader}'s passport: ${truck.tollsPaid} V2X of tolls in ${truck.declarations} declared day(s), `
      + `${truck.kmLed} km led in platoon #${truck.platoon}`);
    console.log('\nChapter 4: a usage-based lease of three short periods, paid per km, with a late payment and a buy-out (about three minutes).');
    const lease = await playLease(api, (_, detail) => console.log(`${String(++step).padStart(2)}. ${detail}`));
    console.log(`\n==> Vehicle #${lease.vehicle} now belongs to its former lessee; lease #${lease.lease} is settled`);
    console.log('\nChapter 5: a cold-chain shipment over two legs, with hand-offs, a logger\'s daily root, a corrected event and delivery.');
    const freight = await playShipment(api, (_, detail) => console.log(`${String(++step).padStart(2)}. ${detail}`));
    console.log(`\n==> Shipment #${freight.shipment} is delivered and its escrow paid; its ${freight.events.length} EPCIS events `
      + 'are on chain (api.call.freightApi.shipmentEvents)');
    console.log('\nChapter 6: a safer over-the-air update: a supplier\'s signed image, a campaign, a car\'s committed report and a root key rotation.');
    const ota = await playOtaUpdate(api, (_, detail) => console.log(`${String(++step).padStart(2)}. ${detail}`));
    const software = (await fetchPassport(rpcUrl, 0)).software;
    console.log(`\n==> Car 0 runs campaign #${ota.campaign}'s images, RXSWIN ${software.rxswin}; `
      + 'a car checks an offered image with api.call.softwareUpdatesApi.checkImage');
    const rpcSetting = rpcUrl === 'http://127.0.0.1:9944' ? '' : `RPC_URL=${rpcUrl} `;
    console.log(`
See it all:
    Polkadot.js apps (blocks and events): https://polkadot.js.org/apps/?rpc=${wsUrl}#/explorer
    The passport page:                    ${rpcSetting}VIN=${story.vin} ./scripts/passport.sh
    The passport over JSON-RPC:           curl -s -H 'content-type: application/json' \\
        -d '{"jsonrpc":"2.0","id":1,"method":"v2x_vehiclePassport","params":["${story.vin}"]}' ${rpcUrl}`);
  } finally {
    await api.disconnect();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`demo: ${error.message}`);
    // A step left waiting for an event would keep the process alive until its timeout.
    process.exit(1);
  },
);
