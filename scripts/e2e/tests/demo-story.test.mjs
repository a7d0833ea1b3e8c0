// The demo's story (scripts/demo.sh, lib/demo-story.mjs) on a fresh dev node: one car's life
// across every pallet. After each step it checks what a user would see in Polkadot.js apps:
// the events with their fields, and every party's free and held balance to the unit,
// transaction fees included; at the end, the car's passport over JSON-RPC.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { u8aToString } from '@polkadot/util';
import { startDevNode, eventsOf } from '../lib/node.mjs';
import {
  playCarLife, fetchPassport, withCheckDigit, decimalV2x, STORY, MOMENTS, UNIT,
} from '../lib/demo-story.mjs';
import { playCarSharing, SHARING_STORY } from '../lib/demo-sharing.mjs';

// The runtime's figures, to the unit (runtime/src/configs, genesis_config_presets.rs).
const MILLI = UNIT / 1000n;
const VEHICLE_DEPOSIT = UNIT;
const DELEGATE_DEPOSIT = UNIT / 10n;
const POLICY_DEPOSIT = UNIT / 10n;
const WORK_ORDER_DEPOSIT = UNIT / 100n;
const RECORD_DEPOSIT = UNIT / 10n;
const CHARGE_RECORD_DEPOSIT = UNIT / 100n;
const LISTING_DEPOSIT = UNIT;
// Product 0, a day's cover: 1 V2X, 2 milli-V2X a km, 0.1 V2X a harsh braking, 1 milli-V2X a
// night km.
const DAILY_PERIOD = 14_400;
const BASE_PREMIUM = UNIT;
const PER_KM = 2n * MILLI;
const PER_HARSH_BRAKING = UNIT / 10n;
const PER_NIGHT_KM = MILLI;
// The residence's tariff: 0.25 V2X a kWh and 0.10 V2X a session; the treasury takes 2 %.
const RESIDENCE_PER_KWH = 250n * MILLI;
const RESIDENCE_FLAT = 100n * MILLI;
const CHARGING_FEE_PERCENT = 2n;
// Data sales: the manufacturer's 10 % and the platform's 5 %, in Perbill parts.
const MANUFACTURER_PARTS = 100_000_000n;
const PLATFORM_PARTS = 50_000_000n;
const PERBILL = 1_000_000_000n;
// The account pallet-treasury derives from `py/trsry`, in SS58 format 42.
const TREASURY = '5EYCAe5ijiYfyeZ2JJCGq56LmPyNRAKzpG4QkoQkkQNB5e6Z';

let node;
let story;
before(async () => {
  node = await startDevNode();
  story = await playCarLife(node.api);
});
after(async () => { await node?.stop(); });

// Balances after a moment of the story (lib/demo-story.mjs `MOMENTS`), and their change
// over it.
const previous = (moment) => MOMENTS[MOMENTS.indexOf(moment) - 1];
const free = (moment, role) => story.balances[moment][role].free;
const held = (moment, role, reason) => story.balances[moment][role].held[reason] ?? 0n;
const freeChange = (moment, role) => free(moment, role) - free(previous(moment), role);
const heldSince = (moment, since, role, reason) => held(moment, role, reason) - held(since, role, reason);
const heldChange = (moment, role, reason) => heldSince(moment, previous(moment), role, reason);
const total = (moment, role) => story.balances[moment][role].free + story.balances[moment][role].reserved;

const event = (step, section, method) => {
  const [data] = eventsOf(story.steps[step].events, section, method);
  assert.ok(data, `${step} emitted ${section}.${method}`);
  return data;
};
const fee = (step) => story.steps[step].fee;
const block = (step) => story.steps[step].blockNumber;
const atStep = (step) => node.api.at(story.steps[step].blockHash);
const vinOf = (vin) => u8aToString(vin.toU8a());

/** What the sale's pro-rata end of the policy charges: the blocks of the period begun, and the usage. */
function policyCharge() {
  const blocks = BigInt(block('sale') - block('delivery') + 1);
  const { harshBraking, nightKm } = STORY.riskEvents;
  const usage = BigInt(STORY.drivenKm - STORY.serviceKm) * PER_KM
    + BigInt(harshBraking) * PER_HARSH_BRAKING + BigInt(nightKm) * PER_NIGHT_KM;
  return (BASE_PREMIUM * blocks) / BigInt(DAILY_PERIOD) + usage;
}

/** How the data grant's used part splits when the sale ends it: owner, manufacturer, treasury. */
function dataShares() {
  const used = (STORY.dataPrice * BigInt(block('sale') - block('purchase'))) / BigInt(STORY.dataAccessBlocks);
  const pot = (used * (MANUFACTURER_PARTS + PLATFORM_PARTS)) / PERBILL;
  const manufacturer = (pot * MANUFACTURER_PARTS) / (MANUFACTURER_PARTS + PLATFORM_PARTS);
  return { used, owner: used - pot, manufacturer, platform: pot - manufacturer };
}

/** What the charger's meter reported and what it cost under the residence's tariff. */
function chargingCost() {
  const { energyWh } = event('chargeStopped', 'sharedCharging', 'SessionCompleted');
  const cost = RESIDENCE_FLAT + (BigInt(energyWh.toNumber()) * RESIDENCE_PER_KWH) / 1000n;
  const platformFee = (cost * CHARGING_FEE_PERCENT) / 100n;
  return { energyWh: energyWh.toNumber(), cost, platformFee, operatorShare: cost - platformFee };
}

test('a manufacturer registers a new car, with a fresh valid VIN, for its first owner', async () => {
  const { vin, cast } = story;
  assert.match(vin, /^5YJ[A-HJ-NPR-Z0-9]{14}$/);
  assert.equal(withCheckDigit(vin), vin, 'the check digit is right');
  assert.notEqual(vin, '5YJ3E1EA5RF000001', 'not the dev preset car');

  const registered = event('register', 'vehicleIdentity', 'VehicleRegistered');
  assert.equal(registered.vehicle.toNumber(), story.vehicle);
  assert.equal(vinOf(registered.vin), vin);
  assert.equal(registered.manufacturer.toString(), cast.manufacturer);
  assert.equal(registered.owner.toString(), cast.owner);
  const entry = (await (await atStep('register')).query.vehicleIdentity.vehicles(story.vehicle)).unwrap();
  assert.equal(entry.owner.toString(), cast.owner);
  assert.equal(entry.modelYear.toNumber(), STORY.modelYear);
  assert.equal(entry.powertrain.toString(), 'Bev');
  assert.equal(entry.batteryCapacity.unwrap().toNumber(), STORY.batteryWh);
  assert.equal(entry.status.toString(), 'Active');

  assert.equal(heldChange('registration', 'manufacturer', 'vehicleIdentity.VehicleRegistration'), VEHICLE_DEPOSIT);
  assert.equal(freeChange('registration', 'manufacturer'), -(VEHICLE_DEPOSIT + fee('register')));
});

test('the owner insures the car, invites its telematics unit and books a service in one transaction', async () => {
  const { cast, vehicle } = story;
  const bought = event('delivery', 'usageInsurance', 'PolicyBought');
  assert.equal(bought.policy.toNumber(), story.ids.policy);
  assert.equal(bought.vehicle.toNumber(), vehicle);
  assert.equal(bought.product.toNumber(), STORY.product);
  assert.equal(bought.holder.toString(), cast.owner);
  assert.equal(bought.prepaid.toBigInt(), STORY.prepayment);
  assert.equal(bought.periodEnd.toNumber(), block('delivery') + DAILY_PERIOD - 1);
  const invited = event('delivery', 'vehicleIdentity', 'DeviceInvited');
  assert.equal(invited.device.toString(), cast.device);
  const order = event('delivery', 'serviceBook', 'WorkOrderOpened');
  assert.equal(order.workshop.toString(), cast.workshop);
  assert.equal(order.opener.toString(), cast.owner);
  const active = await (await atStep('delivery')).call.insuranceApi.activePolicy(vehicle);
  assert.equal(active.unwrap()[0].toNumber(), story.ids.policy);

  assert.equal(heldChange('delivery', 'owner', 'usageInsurance.Prepayment'), STORY.prepayment);
  assert.equal(heldChange('delivery', 'owner', 'usageInsurance.Policy'), POLICY_DEPOSIT);
  assert.equal(heldChange('delivery', 'owner', 'vehicleIdentity.Delegate'), DELEGATE_DEPOSIT);
  assert.equal(heldChange('delivery', 'owner', 'serviceBook.WorkOrder'), WORK_ORDER_DEPOSIT);
  assert.equal(
    freeChange('delivery', 'owner'),
    -(STORY.prepayment + POLICY_DEPOSIT + DELEGATE_DEPOSIT + WORK_ORDER_DEPOSIT + fee('delivery')),
  );
});

test('the workshop writes a service record, which closes the work order and starts the odometer', async () => {
  const { cast, vehicle } = story;
  const record = event('service', 'serviceBook', 'RecordAdded');
  assert.equal(record.record.toNumber(), story.ids.record);
  assert.equal(record.vehicle.toNumber(), vehicle);
  assert.equal(record.workshop.toString(), cast.workshop);
  assert.equal(record.kind.toString(), 'Maintenance');
  assert.equal(record.odometerKm.toNumber(), STORY.serviceKm);
  const reading = event('service', 'serviceBook', 'OdometerRecorded');
  assert.equal(reading.km.toNumber(), STORY.serviceKm);
  assert.equal(reading.totalKm.toNumber(), STORY.serviceKm);
  assert.equal(reading.source.toString(), 'Workshop');

  // The record's deposit is held from the workshop for good; the order's went back.
  assert.equal(heldChange('service', 'workshop', 'serviceBook.ServiceRecord'), RECORD_DEPOSIT);
  assert.equal(freeChange('service', 'workshop'), -(RECORD_DEPOSIT + fee('service')));
  assert.equal(heldSince('service', 'registration', 'owner', 'serviceBook.WorkOrder'), 0n);
  const records = await node.api.call.serviceBookApi.records(vehicle, 0, 10);
  assert.equal(records.length, 1);
  assert.equal(records[0].workshop.toString(), cast.workshop);
});

test('the telematics unit binds with its own key, and its reports bill the accepted distance', async () => {
  const { cast, vehicle } = story;
  assert.equal(event('deviceBound', 'vehicleIdentity', 'DeviceBound').device.toString(), cast.device);

  // The policy began before the car's first reading: it counts from the workshop's reading,
  // the first anyone recorded since, so the unit's first report bills the 20 km after it.
  const firstReport = event('firstReport', 'usageInsurance', 'UsageReported');
  assert.equal(firstReport.policy.toNumber(), story.ids.policy);
  assert.equal(firstReport.vehicle.toNumber(), vehicle);
  assert.equal(firstReport.odometerKm.toNumber(), STORY.firstReportKm);
  assert.ok(firstReport.verdict.isConsistent);
  assert.equal(firstReport.kmAdded.toNumber(), STORY.firstReportKm - STORY.serviceKm);
  assert.equal(firstReport.periodKm.toNumber(), STORY.firstReportKm - STORY.serviceKm);
  const accepted = event('firstReport', 'serviceBook', 'OdometerRecorded');
  assert.equal(accepted.totalKm.toNumber(), STORY.firstReportKm);
  assert.equal(accepted.source.toString(), 'Device');

  const usage = event('usage', 'usageInsurance', 'UsageReported');
  const driven = STORY.drivenKm - STORY.serviceKm;
  assert.equal(usage.kmAdded.toNumber(), STORY.drivenKm - STORY.firstReportKm);
  assert.equal(usage.periodKm.toNumber(), driven);
  // The day's premium for that usage so far: 1 + 140 x 0.002 + 0.1 + 20 x 0.001 V2X.
  const quote = await node.api.call.insuranceApi.quote(STORY.product, driven, STORY.riskEvents);
  assert.equal(quote.unwrap().toBigInt(), UNIT + 280n * MILLI + 100n * MILLI + 20n * MILLI);

  // The unit pays only its fees.
  assert.equal(freeChange('service', 'device'), -fee('deviceBound'));
  assert.equal(freeChange('reports', 'device'), -fee('firstReport'));
  assert.equal(freeChange('driving', 'device'), -fee('usage'));
});

test('a rollback attempt is kept as evidence and flagged, and changes neither odometer nor bill', async () => {
  const { vehicle } = story;
  const flag = event('rollback', 'serviceBook', 'OdometerFlagged');
  assert.equal(flag.vehicle.toNumber(), vehicle);
  assert.equal(flag.km.toNumber(), STORY.rollbackKm);
  assert.equal(flag.reason.toString(), 'Rollback');
  assert.equal(flag.lastAcceptedKm.toNumber(), STORY.drivenKm);
  assert.equal(flag.flags.toNumber(), 1);
  assert.equal(flag.source.toString(), 'Device');
  const usage = event('rollback', 'usageInsurance', 'UsageReported');
  assert.equal(usage.verdict.asFlagged.toString(), 'Rollback');
  assert.equal(usage.kmAdded.toNumber(), 0);
  assert.equal(usage.periodKm.toNumber(), STORY.drivenKm - STORY.serviceKm);
  assert.equal(freeChange('rollback', 'device'), -fee('rollback'));

  const call = node.api.call.serviceBookApi;
  assert.equal((await call.flagCount(vehicle)).toNumber(), 1);
  assert.equal((await call.currentOdometer(vehicle)).unwrap().toNumber(), STORY.drivenKm);
  const readings = await call.odometerReadings(vehicle);
  assert.deepEqual(
    readings.map((r) => [r.km.toNumber(), r.source.toString(), r.verdict.isFlagged]),
    [[STORY.serviceKm, 'Workshop', false], [STORY.firstReportKm, 'Device', false],
      [STORY.drivenKm, 'Device', false], [STORY.rollbackKm, 'Device', true]],
  );
});

test('the car charges at the residence charger: escrow, meter stop, and an exact split', async () => {
  const { cast, vehicle } = story;
  assert.equal(story.treasury, TREASURY);
  const started = event('plugIn', 'sharedCharging', 'SessionStarted');
  assert.equal(started.session.toNumber(), story.ids.session);
  assert.equal(started.charger.toNumber(), STORY.charger);
  assert.equal(started.vehicle.toNumber(), vehicle);
  assert.equal(started.driver.toString(), cast.owner);
  // The worst case under the tariff for the 20 kWh cap is held: 0.10 + 20 x 0.25 V2X.
  const escrow = RESIDENCE_FLAT + 20n * RESIDENCE_PER_KWH;
  assert.equal(started.escrow.toBigInt(), escrow);
  assert.equal(heldChange('service', 'owner', 'sharedCharging.SessionEscrow'), escrow);
  assert.equal(heldChange('service', 'owner', 'sharedCharging.ChargeRecord'), CHARGE_RECORD_DEPOSIT);
  // The work order's deposit came back in the same block.
  assert.equal(freeChange('service', 'owner'), WORK_ORDER_DEPOSIT - escrow - CHARGE_RECORD_DEPOSIT - fee('plugIn'));
  assert.equal(event('chargeConfirmed', 'sharedCharging', 'SessionActivated').session.toNumber(), story.ids.session);

  const { energyWh, cost, platformFee, operatorShare } = chargingCost();
  assert.ok(energyWh > 0, 'the meter delivered energy');
  const done = event('chargeStopped', 'sharedCharging', 'SessionCompleted');
  assert.equal(done.session.toNumber(), story.ids.session);
  assert.equal(done.cost.toBigInt(), cost);
  assert.equal(done.platformFee.toBigInt(), platformFee);
  assert.equal(done.operatorShare.toBigInt(), operatorShare);
  assert.equal(done.refund.toBigInt(), escrow - cost);
  const record = (await node.api.query.sharedCharging.records(story.ids.session)).unwrap();
  assert.equal(record.reading.energyWh.toNumber(), energyWh);
  assert.equal(energyWh, Math.floor((STORY.chargingPowerW * record.reading.chargingSecs.toNumber()) / 3600));

  // To the unit: the owner gets the rest of the escrow back (it also paid for its offer);
  // the operator's share is held on it for the dispute window; the treasury has its fee;
  // the meter pays its fees.
  assert.equal(heldSince('rollback', 'before', 'owner', 'sharedCharging.SessionEscrow'), 0n);
  assert.equal(heldChange('rollback', 'owner', 'sharedCharging.ChargeRecord'), 0n);
  assert.equal(freeChange('rollback', 'owner'), escrow - cost - fee('offer'));
  assert.equal(freeChange('rollback', 'chargerOperator'), 0n);
  assert.equal(heldChange('rollback', 'chargerOperator', 'sharedCharging.OperatorPayment'), operatorShare);
  assert.equal(freeChange('rollback', 'treasury'), platformFee);
  assert.equal(freeChange('reports', 'chargerMeter'), -fee('chargeConfirmed'));
  assert.equal(freeChange('rollback', 'chargerMeter'), -fee('chargeStopped'));
  const totals = await node.api.call.chargingApi.vehicleTotals(vehicle);
  assert.equal(totals.sessions.toNumber(), 1);
  assert.equal(totals.energyWh.toNumber(), energyWh);
  assert.equal(totals.cost.toBigInt(), cost);
});

test('the owner sells access to the car\'s driving data, and a buyer pays into escrow', async () => {
  const { cast, vehicle } = story;
  const listed = event('listing', 'dataMarketplace', 'ListingCreated');
  assert.equal(listed.listing.toNumber(), story.ids.listing);
  assert.equal(listed.vehicle.toNumber(), vehicle);
  assert.equal(listed.seller.toString(), cast.owner);
  assert.equal(listed.category.toString(), STORY.dataCategory);
  assert.equal(listed.price.toBigInt(), STORY.dataPrice);
  assert.equal(listed.duration.toNumber(), STORY.dataAccessBlocks);
  assert.equal(heldChange('reports', 'owner', 'dataMarketplace.ListingDeposit'), LISTING_DEPOSIT);
  assert.equal(freeChange('reports', 'owner'), -(LISTING_DEPOSIT + fee('listing')));

  const grant = event('purchase', 'dataMarketplace', 'GrantPurchased');
  assert.equal(grant.listing.toNumber(), story.ids.listing);
  assert.equal(grant.buyer.toString(), cast.dataBuyer);
  assert.equal(grant.price.toBigInt(), STORY.dataPrice);
  assert.equal(grant.expiresAt.toNumber(), block('purchase') + STORY.dataAccessBlocks);
  assert.equal(heldChange('driving', 'dataBuyer', 'dataMarketplace.Escrow'), STORY.dataPrice);
  assert.equal(freeChange('driving', 'dataBuyer'), -(STORY.dataPrice + fee('purchase')));
  // A data gateway sees the access, until the grant's expiry.
  const atPurchase = await atStep('purchase');
  const access = await atPurchase.call.dataAccessApi.hasAccess(cast.dataBuyer, vehicle, STORY.dataCategory);
  assert.equal(access.unwrap().toNumber(), grant.expiresAt.toNumber());
});

test('the sale moves the price and the title, and unbinds the telematics unit', async () => {
  const { api } = node;
  const { cast, vehicle, vin } = story;
  const offered = event('offer', 'vehicleIdentity', 'SaleOffered');
  assert.equal(offered.buyer.toString(), cast.newOwner);
  assert.equal(offered.price.unwrap().toBigInt(), STORY.salePrice);
  const sold = event('sale', 'vehicleIdentity', 'OwnershipTransferred');
  assert.equal(sold.vehicle.toNumber(), vehicle);
  assert.equal(vinOf(sold.vin), vin);
  assert.equal(sold.seller.toString(), cast.owner);
  assert.equal(sold.buyer.toString(), cast.newOwner);
  assert.equal(sold.price.unwrap().toBigInt(), STORY.salePrice);
  assert.equal(event('sale', 'vehicleIdentity', 'DeviceUnbound').device.toString(), cast.device);

  assert.equal((await api.query.vehicleIdentity.vehicles(vehicle)).unwrap().owner.toString(), cast.newOwner);
  assert.ok((await api.query.vehicleIdentity.ownedVehicles(cast.newOwner, vehicle)).isSome);
  assert.ok((await api.query.vehicleIdentity.ownedVehicles(cast.owner, vehicle)).isNone);
  assert.ok((await api.query.vehicleIdentity.deviceVehicle(cast.device)).isNone, 'the unit serves no car');
  assert.equal(freeChange('sale', 'newOwner'), -(STORY.salePrice + fee('sale')));
  // The seller gets the price, the policy's refund, the unit's and the listing's deposits
  // and its share of the data sale.
  const { refunded } = event('sale', 'usageInsurance', 'PolicyEnded');
  assert.equal(
    freeChange('sale', 'owner'),
    STORY.salePrice + refunded.toBigInt() + DELEGATE_DEPOSIT + LISTING_DEPOSIT + dataShares().owner,
  );
  assert.equal(heldSince('sale', 'registration', 'owner', 'vehicleIdentity.Delegate'), 0n);
});

test('the sale ends the policy pro rata: the insurer is paid for the time and km covered', async () => {
  const { vehicle } = story;
  const ended = event('sale', 'usageInsurance', 'PolicyEnded');
  assert.equal(ended.policy.toNumber(), story.ids.policy);
  assert.equal(ended.reason.toString(), 'VehicleSold');
  const charged = policyCharge();
  assert.equal(ended.charged.toBigInt(), charged);
  assert.equal(ended.refunded.toBigInt(), STORY.prepayment - charged);

  assert.equal(freeChange('sale', 'insurer'), charged);
  assert.equal(heldSince('sale', 'before', 'insurer', 'usageInsurance.Pool'), 0n);
  assert.equal(heldSince('sale', 'registration', 'owner', 'usageInsurance.Prepayment'), 0n);
  // The policy's deposit stays held until the record is closed after the claim window.
  assert.equal(heldSince('sale', 'registration', 'owner', 'usageInsurance.Policy'), POLICY_DEPOSIT);
  assert.ok((await node.api.call.insuranceApi.activePolicy(vehicle)).isNone, 'the car is no longer insured');
});

test('the sale ends the data grant: the time used is paid 85/10/5, the rest refunded to the buyer', async () => {
  const { cast, vehicle } = story;
  assert.equal(event('sale', 'dataMarketplace', 'ConsentEnded').vehicle.toNumber(), vehicle);
  const { used, manufacturer, platform } = dataShares();
  const settled = story.settlement;
  assert.equal(settled.listing.toNumber(), story.ids.listing);
  assert.equal(settled.buyer.toString(), cast.dataBuyer);
  assert.equal(settled.endedAt.toNumber(), block('sale'));
  assert.equal(settled.refund.toBigInt(), STORY.dataPrice - used);

  assert.equal(freeChange('sale', 'dataBuyer'), STORY.dataPrice - used);
  assert.equal(heldSince('sale', 'before', 'dataBuyer', 'dataMarketplace.Escrow'), 0n);
  assert.equal(freeChange('sale', 'manufacturer'), manufacturer);
  assert.equal(freeChange('sale', 'treasury'), platform);
  assert.equal(heldChange('sale', 'owner', 'dataMarketplace.ListingDeposit'), -LISTING_DEPOSIT);
  const access = await node.api.call.dataAccessApi.hasAccess(cast.dataBuyer, vehicle, STORY.dataCategory);
  assert.ok(access.isNone, 'access ended with the sale');
  assert.equal((await node.api.call.dataAccessApi.listings(vehicle, 0, 10)).length, 0, 'no open listing');
});

test('every unit of the first owner and the treasury is accounted for over the story', () => {
  const ownerFees = ['delivery', 'plugIn', 'listing', 'offer'].reduce((sum, step) => sum + fee(step), 0n);
  // Still held for good: the charge record's deposit; until the claim window ends: the policy's.
  assert.equal(
    total('sale', 'owner') - total('before', 'owner'),
    STORY.salePrice - ownerFees - policyCharge() - chargingCost().cost + dataShares().owner,
  );
  assert.equal(
    total('sale', 'treasury') - total('before', 'treasury'),
    chargingCost().platformFee + dataShares().platform,
  );
});

// The passport's contract: docs/rpc.md.
test('the passport (v2x_vehiclePassport) tells the car\'s story', async () => {
  const { cast, vehicle, vin } = story;
  const rpcUrl = node.httpUrl;
  const passport = await fetchPassport(rpcUrl, vin);
  assert.ok(passport.at.blockNumber >= block('sale'));
  assert.deepEqual(passport.token, { symbol: 'V2X', decimals: 12 });
  const { identity } = passport;
  assert.equal(identity.id, vehicle);
  assert.equal(identity.vin, vin);
  assert.equal(identity.manufacturer, cast.manufacturer);
  assert.equal(identity.manufacturerName, 'V2X Demo Motors');
  assert.equal(identity.modelYear, STORY.modelYear);
  assert.equal(identity.powertrain, 'Bev');
  assert.equal(identity.batteryCapacityWh, STORY.batteryWh);
  assert.equal(identity.registeredAt.blockNumber, block('register'));
  assert.equal(passport.status, 'Active');

  const { ownership } = passport;
  assert.equal(ownership.owner, cast.newOwner);
  assert.equal(ownership.pastOwners, 1);
  assert.equal(ownership.sales.length, 1);
  assert.equal(ownership.sales[0].from, cast.owner);
  assert.equal(ownership.sales[0].to, cast.newOwner);
  assert.equal(ownership.sales[0].blockNumber, block('sale'));
  assert.equal(ownership.lien, null);
  assert.equal(ownership.openSaleOffer, null);

  assert.equal(passport.serviceRecords.total, 1);
  assert.equal(passport.serviceRecords.next, null);
  const [record] = passport.serviceRecords.records;
  assert.equal(record.id, story.ids.record);
  assert.equal(record.workshop, cast.workshop);
  assert.equal(record.workshopName, 'Demo Garage');
  assert.equal(record.kind, 'Maintenance');
  assert.equal(record.odometerKm, STORY.serviceKm);
  assert.equal(record.blockNumber, block('service'));

  const { odometer } = passport;
  assert.equal(odometer.trueKm, STORY.drivenKm);
  assert.deepEqual(
    odometer.readings.map((r) => [r.km, r.source, r.flagged]),
    [[STORY.serviceKm, 'Workshop', false], [STORY.firstReportKm, 'Device', false],
      [STORY.drivenKm, 'Device', false], [STORY.rollbackKm, 'Device', true]],
  );
  assert.equal(odometer.readings[3].verdict, 'Rollback');
  assert.equal(odometer.flags.length, 1);
  assert.equal(odometer.flags[0].km, STORY.rollbackKm);
  assert.match(odometer.flags[0].reason, /^Rollback/);
  assert.equal(odometer.flags[0].blockNumber, block('rollback'));

  assert.equal(passport.insurance, null, 'the policy ended with the sale');
  assert.deepEqual(passport.charging, {
    sessions: 1, energyWh: chargingCost().energyWh, spent: decimalV2x(chargingCost().cost),
  });
  assert.deepEqual(passport.dataListings, [], 'the listing ended with the sale');

  // The same passport by id.
  assert.equal((await fetchPassport(rpcUrl, vehicle)).identity.vin, vin);
});

// The second chapter (lib/demo-sharing.mjs): the car joins the dev preset's co-op, whose
// renters pay 4 V2X an hour and 0.2 V2X a km, leave a 50 V2X deposit, and whose reserve keeps
// 10 % of the income; Bob, Charlie and Dave hold 50, 30 and 20 of its 100 shares.
const RENTER_PER_HOUR = 4n * UNIT;
const RENTER_PER_KM = UNIT / 5n;
const SHARING_DEPOSIT = 50n * UNIT;
const MEMBER_SHARES = [50n, 30n, 20n];

test('the car goes to the co-op: a trip is paid to it and its members share the revenue', async () => {
  const sharing = await playCarSharing(node.api, story);
  const { account } = sharing;
  const owner = (await node.api.query.vehicleIdentity.vehicles(story.vehicle)).unwrap().owner;
  assert.equal(owner.toString(), account, 'the co-op account holds the title');
  const fleet = (await node.api.call.carSharingApi.coop(SHARING_STORY.coop)).unwrap().fleet.map(([v]) => v.toNumber());
  assert.ok(fleet.includes(story.vehicle));

  const heldPrice = RENTER_PER_HOUR + BigInt(SHARING_STORY.maxKm) * RENTER_PER_KM;
  const booked = eventsOf(sharing.steps.book.events, 'carSharing', 'Booked')[0];
  assert.equal(booked.heldPrice.toBigInt(), heldPrice);
  assert.equal(sharing.balances.book.renter.held['carSharing.BookingPrice'], heldPrice);
  assert.equal(sharing.balances.book.renter.held['carSharing.DamageDeposit'], SHARING_DEPOSIT);

  const km = SHARING_STORY.checkOutKm - SHARING_STORY.checkInKm;
  const price = RENTER_PER_HOUR + BigInt(km) * RENTER_PER_KM;
  const ended = eventsOf(sharing.steps.checkOut.events, 'carSharing', 'TripEnded')[0];
  assert.deepEqual([ended.hours.toNumber(), ended.km.toNumber(), ended.price.toBigInt()], [1, km, price]);
  const { checkIn, checkOut } = sharing.balances;
  assert.equal(checkOut.renter.free - checkIn.renter.free, heldPrice - price, 'the unused price back');
  assert.equal(checkOut.renter.held['carSharing.DamageDeposit'], SHARING_DEPOSIT, 'the deposit stays held');
  // The co-op's account paid the identity pallet's deposit for the renter's right at check-in
  // and gets it back at check-out.
  assert.equal(checkIn.coop.held['vehicleIdentity.Delegate'] - checkOut.coop.held['vehicleIdentity.Delegate'], DELEGATE_DEPOSIT);
  assert.equal(checkOut.coop.free - checkIn.coop.free, price + DELEGATE_DEPOSIT, 'the price paid to the co-op');

  const distributable = (price * 90n) / 100n;
  const perShare = (distributable * 10n ** 18n) / 100n;
  MEMBER_SHARES.forEach((shares, i) => {
    const claimed = eventsOf(sharing.steps[`claim${i}`].events, 'carSharing', 'RevenueClaimed')[0].amount.toBigInt();
    assert.equal(claimed, (shares * perShare) / 10n ** 18n, `member ${i}'s share of the revenue`);
  });
  const paidOut = MEMBER_SHARES.reduce((sum, shares) => sum + (shares * perShare) / 10n ** 18n, 0n);
  assert.equal(sharing.balances.claims.coop.free - checkIn.coop.free, price + DELEGATE_DEPOSIT - paidOut, 'the reserve share stays');

  // The passport shows the co-op and the trip.
  const passport = await fetchPassport(node.httpUrl, story.vin);
  assert.equal(passport.ownership.owner, account);
  assert.deepEqual(passport.carSharing, {
    coop: SHARING_STORY.coop, coopName: sharing.name, members: 3, trips: 1, km, revenue: decimalV2x(price),
    openBookings: 0,
  });
});
