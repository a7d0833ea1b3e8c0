// The vehicle passport page (web/passport/) in a real browser, Debian's Chromium driven by
// playwright-core, against a fresh `--dev` node: the page, served from its own origin, asks the
// node's HTTP JSON-RPC for v2x_vehiclePassport (the dev node accepts every origin) and shows
// the dev preset's vehicles.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startWebServer } from '../../web-server.mjs';
import { startDevNode, freePort } from '../lib/node.mjs';

const CHROMIUM = process.env.V2X_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const WEB_ROOT = fileURLToPath(new URL('../../../web/', import.meta.url));
// The dev preset (runtime/src/genesis_config_presets.rs): vehicle 0, Alice's BEV, serviced by
// Charlie's "Demo Garage", insured by Eve's "V2X Mutual", its battery data listed; vehicle 1,
// Bob's PHEV, with nothing else on record; vehicle 2, the car-sharing co-op's.
const DEMO_VIN = '5YJ3E1EA5RF000001';
const SECOND_VIN = '5YJYGDEE1RF000002';
// Vehicle 2 belongs to the co-op "Neighbours' Car Share" (co-op 0).
const COOP_VIN = '5YJ3E1EA6RF900003';
// Vehicle 3, HaulierA's truck, leads platoon 0; "V2X Toll Services" (//TollProvider) serves it;
// it carries shipment 0, Bob's vaccines.
const TRUCK_VIN = '5YJSE1EA6RF000004';
const TOLL_PROVIDER = '5DZGjzy8cfr7S8Yxc3r4TuXbFzk7pTqoz6dmdMtJCgjuBMW5';
const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
// Vehicle 5, Ferdie's, leased to Dave; Ferdie (an approved lender) holds the lien.
const LEASED_VIN = '5YJ3E1EA4RF000006';
const FERDIE = '5CiPPseXPECbkjWCa6MnjNokrgYjMqmKndv2rSnekmSK2DjL';
const DAVE = '5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy';
const UNKNOWN_VIN = '1HGCM82633A004352';

let web;
let node;
let profile;
let browser;
let page;
const pageErrors = [];

before(async () => {
  web = await startWebServer({ root: WEB_ROOT });
  node = await startDevNode();
  profile = mkdtempSync(join(tmpdir(), 'v2x-chromium-'));
  // As root Chromium's sandbox cannot start: it is off, and the page is our own.
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    chromiumSandbox: false,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 900 },
    timeout: 30_000,
  });
  page = browser.pages()[0] ?? await browser.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

after(async () => {
  await browser?.close().catch(() => {});
  await node?.stop();
  await web?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

const passportUrl = (vin, rpcUrl = node.httpUrl) =>
  `${web.url}passport/?${new URLSearchParams({ rpc: rpcUrl, vin })}`;

/** The texts of row `row`'s cells in the table `testId`. */
const cells = (testId, row) => page.getByTestId(testId).locator('tbody tr').nth(row).locator('td').allInnerTexts();

test('the page shows the demo car: identity, status, odometer chart with the rollback, service book', async () => {
  assert.notEqual(new URL(web.url).origin, new URL(node.httpUrl).origin, 'the page asks the node across origins (CORS)');
  await page.goto(passportUrl(DEMO_VIN));
  const passport = page.getByTestId('passport');
  await passport.waitFor({ state: 'visible' });

  assert.equal(await page.getByTestId('vin').innerText(), DEMO_VIN);
  assert.match(await page.getByTestId('maker').innerText(), /V2X Demo Motors/);
  assert.equal(await page.getByTestId('status').innerText(), 'Active');
  assert.match(await page.getByTestId('owner').innerText(), new RegExp(ALICE));
  assert.equal(await page.getByTestId('lien').innerText(), 'none');
  assert.equal(await page.getByTestId('sale-offer').innerText(), 'no');
  assert.equal(await page.getByTestId('sales').isVisible(), false, 'no sale in the dev preset');
  assert.equal(await page.getByTestId('error').isVisible(), false);

  // A flagged reading never changes what the odometer shows: 31 000 km stays.
  assert.equal(await page.getByTestId('displayed-km').innerText(), '31,000 km');
  assert.equal(await page.getByTestId('true-km').innerText(), '31,000 km');
  assert.equal(await page.getByTestId('flag-count').innerText(), '1 reading');
  const flagged = page.getByTestId('chart').getByTestId('flagged-marker');
  assert.equal(await flagged.count(), 1, 'one flagged reading on the chart');
  assert.equal(await flagged.getAttribute('data-km'), '12000');
  assert.match(await flagged.locator('title').textContent(), /Rollback: 12000 km is below the 31000 km accepted before/);
  assert.match(await page.getByTestId('flags').innerText(), /Rollback: 12000 km is below the 31000 km/);

  assert.equal(await page.getByTestId('service-records').locator('tbody tr').count(), 2);
  const [id, recorded, work, odometer, workshop] = await cells('service-records', 0);
  assert.deepEqual([id, recorded, work, odometer], ['1', 'At genesis (block 0)', 'Inspection, passed', '30,000 km']);
  assert.match(workshop, /^Demo Garage/);
  assert.equal((await cells('service-records', 1))[2], 'Maintenance');
  assert.equal(await page.getByTestId('older-records').isVisible(), false, 'no older page: next is null');

  assert.match(await page.getByTestId('insurer').innerText(), /^V2X Mutual/);
  assert.equal(await page.getByTestId('policy-status').innerText(), 'Active');
  assert.deepEqual((await cells('listings', 0)).slice(0, 3), ['0', 'Battery', '5 V2X']);
  assert.equal(await page.getByText('Not owned by a car-sharing co-op.').isVisible(), true);
  // Alice prepaid 50 V2X of tolls for direct passages; nothing was charged yet.
  assert.match(await page.getByTestId('road').innerText(), /Prepaid tolls\s+50 V2X/);
  assert.equal(await page.getByTestId('road-paid').innerText(), '0 V2X');
  assert.equal(await page.getByTestId('road-platoon').innerText(), 'none');
  assert.equal(await page.getByText('Not leased out.').isVisible(), true);
  assert.equal(await page.getByText('Carries no shipment now.').isVisible(), true);
  // The preset's car 0 completed campaign 0 and Alice revealed its primary ECU's report.
  assert.equal(await page.getByTestId('software-rxswin').innerText(), 'R156-5YJ3-2026.11');
  assert.match(await page.getByTestId('software').innerText(), /Campaign\s+#0/);
  assert.equal(
    await page.getByTestId('software-images').innerText(),
    'bms-a1: 0xb1b1b1b1… (newest release); adas-cam-2: 0xa7a7a7a7… (newest release)',
  );
  assert.equal(await page.getByText('The owner has revealed no installation report.').isVisible(), false);

  const dir = process.env.V2X_ARTIFACTS_DIR ?? mkdtempSync(join(tmpdir(), 'v2x-passport-'));
  mkdirSync(dir, { recursive: true });
  const screenshot = join(dir, 'passport-page.png');
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(`passport page screenshot: ${screenshot}`);

  assert.deepEqual(pageErrors, [], 'no script error on the page');
});

test('a vehicle id shows that vehicle: the second car, uninsured, with no data offered', async () => {
  await page.goto(passportUrl('1'));
  await page.getByTestId('passport').waitFor({ state: 'visible' });
  assert.equal(await page.getByTestId('vin').innerText(), SECOND_VIN);
  assert.equal(await page.getByText('No active policy.').isVisible(), true);
  assert.equal(await page.getByText('The owner offers none of this car\'s data.').isVisible(), true);
  assert.equal(await page.getByTestId('displayed-km').innerText(), 'no reading yet');
  assert.equal(await page.getByText('No service record yet.').isVisible(), true);
  assert.equal(await page.getByText('No tolls, prepaid balance or platoons on record.').isVisible(), true);
  assert.equal(await page.getByText('The owner has revealed no installation report.').isVisible(), true);
  assert.deepEqual(pageErrors, [], 'no script error on the page');
});

test('the co-op car shows its car-sharing co-op: members, trips, revenue', async () => {
  await page.goto(passportUrl(COOP_VIN));
  await page.getByTestId('passport').waitFor({ state: 'visible' });
  assert.equal(await page.getByTestId('vin').innerText(), COOP_VIN);
  assert.equal(await page.getByTestId('sharing-coop').innerText(), "#0 Neighbours' Car Share");
  assert.equal(await page.getByTestId('sharing-trips').innerText(), '0');
  assert.match(await page.getByTestId('sharing').innerText(), /Members\s+3/);
  assert.match(await page.getByTestId('sharing').innerText(), /Trip revenue\s+0 V2X/);
  assert.equal(await page.getByText('Not owned by a car-sharing co-op.').isVisible(), false);
  assert.deepEqual(pageErrors, [], 'no script error on the page');
});

test('the truck shows its toll provider, the platoon it leads and the shipment it carries', async () => {
  await page.goto(passportUrl(TRUCK_VIN));
  await page.getByTestId('passport').waitFor({ state: 'visible' });
  assert.equal(await page.getByTestId('vin').innerText(), TRUCK_VIN);
  assert.equal(await page.getByTestId('road-provider').locator('code').getAttribute('title'), TOLL_PROVIDER);
  assert.equal(await page.getByTestId('road-platoon').innerText(), '#0');
  assert.match(await page.getByTestId('road').innerText(), /Led in platoons\s+0 km/);
  assert.equal(await page.getByText('No tolls, prepaid balance or platoons on record.').isVisible(), false);
  assert.equal(await page.getByTestId('freight-shipments').innerText(), '#0');
  assert.equal(await page.getByText('Carries no shipment now.').isVisible(), false);
  assert.deepEqual(pageErrors, [], 'no script error on the page');
});

test('the leased car shows its lease: holder, lessee, standing, no immobilisation', async () => {
  await page.goto(passportUrl(LEASED_VIN));
  await page.getByTestId('passport').waitFor({ state: 'visible' });
  assert.equal(await page.getByTestId('vin').innerText(), LEASED_VIN);
  assert.match(await page.getByTestId('lien').innerText(), new RegExp(FERDIE));
  assert.equal(await page.getByTestId('lease-holder').locator('code').getAttribute('title'), FERDIE);
  assert.match(await page.getByTestId('lease').innerText(), new RegExp(`Lessee\\s+${DAVE.slice(0, 6)}`));
  assert.equal(await page.getByTestId('lease-standing').innerText(), 'Current: nothing overdue');
  assert.equal(await page.getByTestId('lease-immobilisation').innerText(), 'no');
  assert.equal(await page.getByTestId('lease-overdue').innerText(), '0 V2X');
  assert.match(await page.getByTestId('lease').innerText(), /Next due\s+block 432,000 \(in about 30 days\)/);
  assert.equal(await page.getByText('Not leased out.').isVisible(), false);
  assert.deepEqual(pageErrors, [], 'no script error on the page');
});

test('an unknown VIN says no vehicle is registered with it', async () => {
  await page.goto(passportUrl(UNKNOWN_VIN));
  const alert = page.getByRole('alert');
  await alert.waitFor({ state: 'visible' });
  assert.match(await alert.innerText(), new RegExp(`Unknown vehicle\\.[\\s\\S]*No vehicle with VIN ${UNKNOWN_VIN} is registered`));
  assert.equal(await page.getByTestId('passport').isVisible(), false);
});

test('a malformed VIN typed in the form is refused with the rule a VIN follows', async () => {
  await page.goto(passportUrl(DEMO_VIN));
  await page.getByTestId('passport').waitFor({ state: 'visible' });
  await page.getByLabel('VIN').fill('ABC');
  await page.getByRole('button', { name: 'Show' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor({ state: 'visible' });
  assert.match(await alert.innerText(), /Not a valid VIN\.[\s\S]*17 characters/);
  assert.equal(await page.getByTestId('passport').isVisible(), false, 'the previous car is no longer shown');
});

test('a node that does not answer is named in the alert', async () => {
  const closed = `http://127.0.0.1:${await freePort()}`;
  await page.goto(passportUrl(DEMO_VIN, closed));
  const alert = page.getByRole('alert');
  await alert.waitFor({ state: 'visible' });
  const text = await alert.innerText();
  assert.match(text, /The node is unreachable\./);
  assert.ok(text.includes(closed), `the alert names ${closed}: ${text}`);
});
