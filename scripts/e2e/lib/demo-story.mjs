// One car's life on a V2X dev chain through @polkadot/api: the story scripts/demo.sh tells and
// tests/demo-story.test.mjs checks (issue 13).
//
// A manufacturer registers a new car for its first owner, who insures it, invites a
// telematics unit and books a service; a workshop services it; the unit reports the odometer
// and the usage the policy bills, then a rollback attempt, which is kept and flagged; the car
// charges at the residence's shared charger; the owner sells access to its driving data; and
// the car is sold: the policy ends pro rata and the data grant ends, both with refunds.
//
// The cast and the chargers, products and workshops are the dev preset's
// (runtime/src/genesis_config_presets.rs). Steps of different accounts that do not depend on
// each other share a block, so the story takes seven blocks (about 45 s). Each run registers
// a new VIN, so the story can be played again on the same chain.

import { randomInt } from 'node:crypto';
import { Keyring } from '@polkadot/keyring';
import { stringToU8a, u8aConcat } from '@polkadot/util';
import { encodeAddress } from '@polkadot/util-crypto';
import { sendInBlock, eventsOf, waitForEvent, rpcCall } from './node.mjs';

export { rpcCall };

/** One V2X in the smallest unit (12 decimals). */
export const UNIT = 10n ** 12n;

/**
 * Who plays which part, as dev account URIs. Alice is left out: she authors every block of
 * the dev chain and receives every transaction fee, which would blur her balance.
 */
export const CAST = {
  manufacturer: '//Ferdie', // "V2X Demo Motors", owner of WMI 5YJ
  owner: '//Bob', // the first owner, a member of the residence's shared charger
  device: '//Dave', // the car's telematics unit
  workshop: '//Charlie', // "Demo Garage"
  insurer: '//Eve', // "V2X Mutual", with the daily pay-as-you-drive product 0
  chargerOperator: '//Charlie//stash', // runs the residence's charger 1
  chargerMeter: '//Eve//stash', // charger 1's meter
  dataBuyer: '//Alice//stash',
  newOwner: '//Ferdie//stash',
};

/** What happens in the story: the figures a test checks the chain's answers against. */
export const STORY = {
  wmi: '5YJ',
  modelYear: 2025,
  powertrain: 'Bev',
  batteryWh: 75_000,
  product: 0,
  prepayment: 10n * UNIT,
  serviceKm: 1_000,
  // The policy counts from the workshop's reading (the first since it began): the unit's
  // first report bills the distance since, the second the distance after the first.
  firstReportKm: 1_020,
  drivenKm: 1_140,
  riskEvents: { harshBraking: 1, speeding: 0, nightKm: 20 },
  rollbackKm: 400,
  charger: 1,
  energyCapWh: 20_000,
  chargingPowerW: 11_000,
  dataCategory: 'DrivingBehaviour',
  dataPrice: 5n * UNIT,
  dataAccessBlocks: 14_400, // a day of 6 s blocks
  salePrice: 20_000n * UNIT,
  // Work orders and sale offers stay open this many blocks.
  validForBlocks: 14_400,
};

/** The blocks of the story, in order: balances are taken after each (and `before` it). */
export const MOMENTS = ['before', 'registration', 'delivery', 'service', 'reports', 'driving', 'rollback', 'sale'];

const NO_RISK_EVENTS = { harshBraking: 0, speeding: 0, nightKm: 0 };
const DOCUMENTS = {
  certificate: { hash: `0x${'c0'.repeat(32)}`, uri: 'ipfs://demo/certificate-of-conformity' },
  service: { hash: `0x${'5e'.repeat(32)}`, uri: 'ipfs://demo/first-service' },
  dataTerms: `0x${'da'.repeat(32)}`,
  // The public key the buyer's data is encrypted to.
  buyerKey: `0x${'b0'.repeat(32)}`,
};

/**
 * Plays the story on the dev chain `api` is connected to. `log(step, detail)` hears of each
 * step, in a sentence, once it is in a block. Resolves with what happened: the car's `vin` and
 * `vehicle` id, the other `ids` (policy, record, session, listing), the `cast`'s addresses and
 * the `treasury`'s, each step's `events`, `fee`, `blockNumber` and `blockHash` (`steps`), the
 * data grant's `GrantSettled` event (`settlement`), and every party's free, reserved and held
 * balances after each of the `MOMENTS` (`balances`).
 */
export async function playCarLife(api, log = () => {}) {
  const keyring = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 });
  const who = Object.fromEntries(Object.entries(CAST).map(([role, uri]) => [role, keyring.addFromUri(uri)]));
  const name = Object.fromEntries(Object.entries(CAST).map(([role, uri]) => [role, uri.slice(2)]));
  const business = await devPresetNames(api, who);
  const cast = Object.fromEntries(Object.entries(who).map(([role, pair]) => [role, pair.address]));
  const treasury = treasuryAccount(api);
  const parties = { ...cast, treasury };
  const { tx } = api;
  const deposits = {
    vehicle: api.consts.vehicleIdentity.vehicleDeposit.toBigInt(),
    delegate: api.consts.vehicleIdentity.delegateDeposit.toBigInt(),
    policy: api.consts.usageInsurance.policyDeposit.toBigInt(),
    workOrder: api.consts.serviceBook.workOrderDeposit.toBigInt(),
    record: api.consts.serviceBook.recordDeposit.toBigInt(),
    listing: api.consts.dataMarketplace.listingDeposit.toBigInt(),
  };

  const vin = await newVin(api);
  const story = { vin, vehicle: null, cast, treasury, ids: {}, steps: {}, balances: {} };
  const snapshot = async (moment, blockHash) => {
    story.balances[moment] = await balancesAt(api, blockHash, parties);
  };
  // Sends one block's steps (`[step, signer, tx]`, one per signer) and takes the balances.
  const inOneBlock = async (moment, steps) => {
    const results = await Promise.all(steps.map(([, signer, call]) => landed(api, call, signer)));
    steps.forEach(([step], i) => { story.steps[step] = results[i]; });
    const last = results.reduce((a, b) => (b.blockNumber > a.blockNumber ? b : a));
    await snapshot(moment, last.blockHash);
  };
  const event = (step, section, method) => eventsOf(story.steps[step].events, section, method)[0];
  const at = (step) => `(block #${story.steps[step].blockNumber})`;
  const head = async () => (await api.rpc.chain.getHeader()).number.toNumber();

  await snapshot('before', (await api.rpc.chain.getHeader()).hash);

  // 1. The manufacturer registers the car for its first owner.
  await inOneBlock('registration', [[
    'register', who.manufacturer,
    tx.vehicleIdentity.registerVehicle(
      vin, cast.owner, STORY.modelYear, STORY.powertrain, STORY.batteryWh,
      DOCUMENTS.certificate.hash, DOCUMENTS.certificate.uri,
    ),
  ]]);
  const vehicle = event('register', 'vehicleIdentity', 'VehicleRegistered').vehicle.toNumber();
  story.vehicle = vehicle;
  log('register', `${name.manufacturer} (${business.manufacturer}) registers a new ${STORY.modelYear} `
    + `${STORY.powertrain.toUpperCase()} with VIN ${vin} as vehicle #${vehicle} for its first owner `
    + `${name.owner}; ${v2x(deposits.vehicle)} deposit held from ${name.manufacturer} ${at('register')}`);

  // 2. At delivery the owner insures the car, invites its telematics unit and books its first
  // service: one transaction.
  const validUntil = (await head()) + STORY.validForBlocks;
  await inOneBlock('delivery', [[
    'delivery', who.owner,
    tx.utility.batchAll([
      tx.usageInsurance.buyPolicy(vehicle, STORY.product, STORY.prepayment),
      tx.vehicleIdentity.bindDevice(vehicle, cast.device),
      tx.serviceBook.openWorkOrder(vehicle, cast.workshop, validUntil),
    ]),
  ]]);
  const bought = event('delivery', 'usageInsurance', 'PolicyBought');
  story.ids.policy = bought.policy.toNumber();
  log('insure', `${name.owner} insures it with ${business.insurer}'s pay-as-you-drive product `
    + `#${STORY.product}: policy #${story.ids.policy}, ${v2x(bought.prepaid.toBigInt())} prepaid and `
    + `${v2x(deposits.policy)} deposit held ${at('delivery')}`);
  log('bindDevice', `${name.owner} invites ${name.device}'s account as the car's telematics unit; `
    + `${v2x(deposits.delegate)} deposit held ${at('delivery')}`);
  log('workOrder', `${name.owner} books the first service at ${name.workshop}'s ${business.workshop}: work order `
    + `open until block #${validUntil}, ${v2x(deposits.workOrder)} deposit held ${at('delivery')}`);

  // 3. The workshop services the car, the unit accepts its binding, and the owner plugs the
  // car in at the residence's charger.
  await inOneBlock('service', [
    ['service', who.workshop, tx.serviceBook.addRecord(
      vehicle, STORY.serviceKm, 'Maintenance', DOCUMENTS.service.hash, DOCUMENTS.service.uri,
    )],
    ['deviceBound', who.device, tx.vehicleIdentity.acceptDeviceBinding(vehicle)],
    ['plugIn', who.owner, tx.sharedCharging.startSession(STORY.charger, vehicle, STORY.energyCapWh)],
  ]);
  story.ids.record = event('service', 'serviceBook', 'RecordAdded').record.toNumber();
  log('service', `${name.workshop} (${business.workshop}) writes service record #${story.ids.record}: `
    + `maintenance at ${STORY.serviceKm} km, the odometer history's first reading; the work order closes `
    + `(deposit back to ${name.owner}) and ${v2x(deposits.record)} is held from the workshop for the record `
    + `${at('service')}`);
  log('deviceBound', `${name.device}'s telematics unit accepts with its own key: it may now report for the car `
    + `${at('deviceBound')}`);
  const started = event('plugIn', 'sharedCharging', 'SessionStarted');
  story.ids.session = started.session.toNumber();
  log('plugIn', `${name.owner} plugs the car in at the residence's shared charger #${STORY.charger}: `
    + `session #${story.ids.session} for up to ${STORY.energyCapWh / 1000} kWh, `
    + `${v2x(started.escrow.toBigInt())} held in escrow ${at('plugIn')}`);

  // 4. The unit's first report, the charger's confirmation, and the owner's data listing.
  await inOneBlock('reports', [
    ['firstReport', who.device, tx.usageInsurance.reportUsage(STORY.firstReportKm, NO_RISK_EVENTS)],
    ['chargeConfirmed', who.chargerMeter, tx.sharedCharging.confirmSession(story.ids.session)],
    ['listing', who.owner, tx.dataMarketplace.createListing(
      vehicle, STORY.dataCategory, STORY.dataPrice, STORY.dataAccessBlocks, DOCUMENTS.dataTerms, null,
    )],
  ]);
  log('firstReport', `${name.device}'s unit reports ${STORY.firstReportKm} km: accepted; `
    + `${event('firstReport', 'usageInsurance', 'UsageReported').kmAdded} km since the workshop's reading billed `
    + `to policy #${story.ids.policy} ${at('firstReport')}`);
  const activated = event('chargeConfirmed', 'sharedCharging', 'SessionActivated');
  log('chargeConfirmed', `The charger's meter (${name.chargerMeter}) confirms session #${story.ids.session}: `
    + `energy flows ${at('chargeConfirmed')}`);
  story.ids.listing = event('listing', 'dataMarketplace', 'ListingCreated').listing.toNumber();
  log('listing', `${name.owner} lists a day of the car's driving-behaviour data for ${v2x(STORY.dataPrice)}: `
    + `listing #${story.ids.listing}, ${v2x(deposits.listing)} deposit held ${at('listing')}`);

  // 5. The unit reports a drive; a buyer buys access to the data.
  await inOneBlock('driving', [
    ['usage', who.device, tx.usageInsurance.reportUsage(STORY.drivenKm, STORY.riskEvents)],
    ['purchase', who.dataBuyer, tx.dataMarketplace.purchase(story.ids.listing, DOCUMENTS.buyerKey)],
  ]);
  const usage = event('usage', 'usageInsurance', 'UsageReported');
  const { harshBraking, nightKm } = STORY.riskEvents;
  log('usage', `${name.device}'s unit reports ${STORY.drivenKm} km, ${harshBraking} harsh braking and `
    + `${nightKm} km at night: ${usage.kmAdded} km billed to policy #${story.ids.policy} ${at('usage')}`);
  const grant = event('purchase', 'dataMarketplace', 'GrantPurchased');
  log('purchase', `${name.dataBuyer} buys access to listing #${story.ids.listing}: `
    + `${v2x(grant.price.toBigInt())} held in escrow, access until block #${grant.expiresAt} ${at('purchase')}`);

  // 6. A rollback attempt; the charger stops and settles the session; the owner offers the car.
  // The meter reports the time since the session was confirmed, as the chain saw it.
  const now = (await api.query.timestamp.now()).toNumber();
  const chargingSecs = Math.floor((now - activated.startedMs.toNumber()) / 1000);
  const reading = {
    energyWh: Math.floor((STORY.chargingPowerW * chargingSecs) / 3600),
    chargingSecs,
    parkingSecs: 0,
  };
  const offerUntil = (await head()) + STORY.validForBlocks;
  await inOneBlock('rollback', [
    ['rollback', who.device, tx.usageInsurance.reportUsage(STORY.rollbackKm, NO_RISK_EVENTS)],
    ['chargeStopped', who.chargerMeter, tx.sharedCharging.stopSession(story.ids.session, reading, null)],
    ['offer', who.owner, tx.vehicleIdentity.offerSale(vehicle, cast.newOwner, STORY.salePrice, offerUntil)],
  ]);
  const flagged = event('rollback', 'serviceBook', 'OdometerFlagged');
  log('rollback', `${name.device}'s unit reports ${flagged.km} km, below the ${flagged.lastAcceptedKm} km `
    + `accepted before: kept as evidence and flagged ${flagged.reason} (flag #${flagged.flags}), nothing billed `
    + `${at('rollback')}`);
  const completed = event('chargeStopped', 'sharedCharging', 'SessionCompleted');
  log('chargeStopped', `The meter stops session #${story.ids.session} after ${chargingSecs} s and `
    + `${completed.energyWh} Wh: it costs ${v2x(completed.cost.toBigInt())}; `
    + `${v2x(completed.operatorShare.toBigInt())} goes to ${name.chargerOperator} (held for the dispute window), `
    + `${v2x(completed.platformFee.toBigInt())} to the treasury, ${v2x(completed.refund.toBigInt())} back to `
    + `${name.owner} ${at('chargeStopped')}`);
  log('offer', `${name.owner} offers the car to ${name.newOwner} for ${v2x(STORY.salePrice)}, until block `
    + `#${offerUntil} ${at('offer')}`);

  // 7. The buyer accepts: price and title move, the policy and the data grant end. The
  // runtime refunds the grant in idle time, in the sale's block if it has room.
  const grantSettled = waitForEvent(
    api, 'dataMarketplace', 'GrantSettled',
    (e) => e.listing.toNumber() === story.ids.listing && e.buyer.toString() === cast.dataBuyer, 60_000,
  );
  try {
    story.steps.sale = await landed(api, tx.vehicleIdentity.acceptOffer(vehicle, STORY.salePrice), who.newOwner);
  } catch (error) {
    grantSettled.catch(() => {});
    throw error;
  }
  story.settlement = await grantSettled;
  // The best block now: the settlement's, or a later one in which nothing of the cast moves
  // (on a chain where nobody else is busy).
  await snapshot('sale', (await api.rpc.chain.getHeader()).hash);
  log('sale', `${name.newOwner} accepts and pays ${v2x(STORY.salePrice)}: the car is theirs ${at('sale')}`);
  const ended = event('sale', 'usageInsurance', 'PolicyEnded');
  log('policyEnded', `The sale ends policy #${story.ids.policy} pro rata: ${v2x(ended.charged.toBigInt())} `
    + `charged for the blocks covered and ${usage.periodKm} km driven, ${v2x(ended.refunded.toBigInt())} refunded `
    + `to ${name.owner} ${at('sale')}`);
  log('deviceUnbound', `${name.device}'s unit is unbound from the car; its deposit goes back to ${name.owner} `
    + `${at('sale')}`);
  const refund = story.settlement.refund.toBigInt();
  log('grantEnded', `${name.dataBuyer}'s data access ends with the sale (block #${story.settlement.endedAt}): `
    + `${v2x(refund)} refunded; the ${v2x(grant.price.toBigInt() - refund)} used goes to ${name.owner}, `
    + `${name.manufacturer} and the treasury, and the listing's deposit back to ${name.owner}`);

  return story;
}

/** Whether a charger's `meter` (invited, accepted or none) is `address`, and accepted. */
function isAcceptedMeter(meter, address) {
  return meter.isAccepted && meter.asAccepted.eq(address);
}

/**
 * The dev preset's business names of the cast; rejects with what is missing if the chain is
 * not a dev chain.
 */
async function devPresetNames(api, who) {
  const q = api.query;
  const [wmiOwner, manufacturer, workshop, insurer, product, charger, member] = await Promise.all([
    q.vehicleIdentity.wmiOwner(STORY.wmi),
    q.vehicleIdentity.manufacturers(who.manufacturer.address),
    q.serviceBook.workshops(who.workshop.address),
    q.usageInsurance.insurers(who.insurer.address),
    q.usageInsurance.products(STORY.product),
    q.sharedCharging.chargers(STORY.charger),
    q.sharedCharging.members(STORY.charger, who.owner.address),
  ]);
  const missing = [
    [wmiOwner.isSome && wmiOwner.unwrap().eq(who.manufacturer.address), `${CAST.manufacturer} owning WMI ${STORY.wmi}`],
    [workshop.isSome, `${CAST.workshop}'s workshop`],
    [insurer.isSome && product.isSome && product.unwrap().insurer.eq(who.insurer.address),
      `${CAST.insurer}'s insurance product ${STORY.product}`],
    [charger.isSome && isAcceptedMeter(charger.unwrap().meter, who.chargerMeter.address) && member.isSome,
      `the residence's charger ${STORY.charger} with ${CAST.chargerMeter} as its accepted meter and `
        + `${CAST.owner} as a member`],
  ].filter(([present]) => !present).map(([, what]) => what);
  if (missing.length > 0) {
    throw new Error(`this chain lacks the dev preset's ${missing.join(', ')}: `
      + 'play the story on a dev chain (./scripts/dev-chain.sh, or v2x-node --dev)');
  }
  return {
    manufacturer: manufacturer.unwrap().name.toUtf8(),
    workshop: workshop.unwrap().name.toUtf8(),
    insurer: insurer.unwrap().name.toUtf8(),
  };
}

/** Sends `tx` signed by `signer`; resolves once in a block with its events, fee and block. */
export async function landed(api, tx, signer) {
  const { events, blockHash } = await sendInBlock(api, tx, signer);
  const header = await api.rpc.chain.getHeader(blockHash);
  const [paid] = eventsOf(events, 'transactionPayment', 'TransactionFeePaid');
  return { events, blockHash, blockNumber: header.number.toNumber(), fee: paid.actualFee.toBigInt() };
}

/**
 * Each party's free and reserved balance, and its holds by `pallet.Reason`
 * (`usageInsurance.Prepayment`), as of block `blockHash`.
 */
export async function balancesAt(api, blockHash, parties) {
  const at = await api.at(blockHash);
  const entries = await Promise.all(Object.entries(parties).map(async ([role, address]) => {
    const [{ data }, holds] = await Promise.all([at.query.system.account(address), at.query.balances.holds(address)]);
    const held = {};
    for (const { id, amount } of holds) {
      const [[pallet, reason]] = Object.entries(id.toJSON());
      held[`${pallet}.${reason}`] = amount.toBigInt();
    }
    return [role, { free: data.free.toBigInt(), reserved: data.reserved.toBigInt(), held }];
  }));
  return Object.fromEntries(entries);
}

/** ISO 3779 values of the letters a VIN may hold (not I, O or Q); a digit is its own value. */
const VIN_LETTER_VALUES = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
/** Check digit weights of positions 1 to 17 (position 9, the check digit, weighs 0). */
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** `vin` with the check digit its other characters call for at position 9 (vin.rs's rule). */
export function withCheckDigit(vin) {
  const sum = [...vin].reduce((total, c, i) => total + (VIN_LETTER_VALUES[c] ?? Number(c)) * VIN_WEIGHTS[i], 0);
  const digit = sum % 11 === 10 ? 'X' : String(sum % 11);
  return `${vin.slice(0, 8)}${digit}${vin.slice(9)}`;
}

/**
 * A VIN of the dev manufacturer that no vehicle has yet: WMI 5YJ, model year 2025 (S) from
 * plant F, a random serial, and its check digit.
 */
export async function newVin(api) {
  for (;;) {
    const serial = String(randomInt(1_000_000)).padStart(6, '0');
    const vin = withCheckDigit(`${STORY.wmi}3E1EB0SF${serial}`);
    if ((await api.query.vehicleIdentity.vehicleByVin(vin)).isNone) return vin;
  }
}

/** The treasury's account: pallet-treasury's `PalletId` as a `modl` sub-account. */
export function treasuryAccount(api) {
  const id = u8aConcat(stringToU8a('modl'), api.consts.treasury.palletId.toU8a(), new Uint8Array(32));
  return encodeAddress(id.subarray(0, 32), api.registry.chainSS58);
}

/**
 * An amount in the smallest unit as a decimal string of V2X without trailing zeros, as the
 * passport gives amounts: `1500000000000n` is `"1.5"`.
 */
export function decimalV2x(amount) {
  const sign = amount < 0n ? '-' : '';
  const units = amount < 0n ? -amount : amount;
  const fraction = (units % UNIT).toString().padStart(12, '0').replace(/0+$/, '');
  return `${sign}${units / UNIT}${fraction ? `.${fraction}` : ''}`;
}

/** An amount in the smallest unit, for people: `1.5 V2X`. */
export function v2x(amount) {
  return `${decimalV2x(amount)} V2X`;
}

/** The node's HTTP JSON-RPC URL for its WebSocket URL: the node serves both on one port. */
export function httpUrlOf(wsUrl) {
  return wsUrl.replace(/^ws(s?):/, 'http$1:');
}

/** JSON-RPC's code for a method the node does not have. */
export const METHOD_NOT_FOUND = -32601;


/**
 * The passport of a vehicle, by VIN or id, from `v2x_vehiclePassport` (its contract:
 * docs/rpc.md). A node without the method rejects with code `METHOD_NOT_FOUND`.
 */
export function fetchPassport(rpcUrl, vinOrId) {
  return rpcCall(rpcUrl, 'v2x_vehiclePassport', [vinOrId]);
}
