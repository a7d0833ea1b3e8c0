// The vehicle passport page (web/passport/) in a real browser: Debian's Chromium, driven by
// playwright-core. The page asks a node for v2x_vehiclePassport; until the node has it, a fake
// JSON-RPC server answers from fixtures (lib/fake-passport-rpc.mjs). Set V2X_PASSPORT_RPC
// to a dev node's HTTP RPC (http://127.0.0.1:9944) to run the same checks against it.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startWebServer } from '../../web-server.mjs';
import { startFakePassportRpc, DEMO_VEHICLE } from '../lib/fake-passport-rpc.mjs';
import { freePort } from '../lib/node.mjs';

const CHROMIUM = process.env.V2X_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const WEB_ROOT = fileURLToPath(new URL('../../../web/', import.meta.url));
const DEMO_VIN = DEMO_VEHICLE.identity.vin;
const UNKNOWN_VIN = '1HGCM82633A004352';
const realNode = process.env.V2X_PASSPORT_RPC;

let web;
let rpc;
let profile;
let browser;
let page;
const pageErrors = [];

before(async () => {
  web = await startWebServer({ root: WEB_ROOT });
  rpc = realNode ? { url: realNode, close: async () => {} } : await startFakePassportRpc();
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
  await rpc?.close();
  await web?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

const passportUrl = (vin, rpcUrl = rpc.url) =>
  `${web.url}passport/?${new URLSearchParams({ rpc: rpcUrl, vin })}`;

test('the page shows the demo car: identity, status, odometer chart with the rollback, service book', async () => {
  await page.goto(passportUrl(DEMO_VIN));
  const passport = page.getByTestId('passport');
  await passport.waitFor({ state: 'visible' });

  assert.equal(await page.getByTestId('vin').innerText(), DEMO_VIN);
  assert.match(await page.getByTestId('maker').innerText(), /V2X Demo Motors/);
  assert.equal(await page.getByTestId('status').innerText(), 'Active');
  assert.match(await page.getByTestId('owner').innerText(), /5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY/);
  assert.equal(await page.getByTestId('error').isVisible(), false);

  const flagged = page.getByTestId('chart').getByTestId('flagged-marker');
  assert.equal(await flagged.count(), 1, 'one flagged reading on the chart');
  assert.equal(await flagged.getAttribute('data-km'), '12000');
  assert.match(await flagged.locator('title').textContent(), /Rollback: 12000 km is below the 31000 km accepted before/);
  assert.match(await page.getByTestId('flags').innerText(), /Rollback: 12000 km is below the 31000 km/);

  assert.equal(await page.getByTestId('service-records').locator('tbody tr').count(), 2);
  assert.equal(await page.getByTestId('older-records').isVisible(), false, 'no older page: next is null');

  const dir = process.env.V2X_ARTIFACTS_DIR ?? mkdtempSync(join(tmpdir(), 'v2x-passport-'));
  mkdirSync(dir, { recursive: true });
  const screenshot = join(dir, 'passport-page.png');
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(`passport page screenshot: ${screenshot}`);

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

test('"Older records" fetches the next page of the service book at the same block', { skip: realNode && 'pages of one record need the fake node' }, async () => {
  const onePerPage = await startFakePassportRpc({ pageSize: 1 });
  try {
    await page.goto(passportUrl(DEMO_VIN, onePerPage.url));
    const rows = page.getByTestId('service-records').locator('tbody tr');
    await page.getByTestId('passport').waitFor({ state: 'visible' });
    assert.equal(await rows.count(), 1);
    await page.getByTestId('older-records').click();
    await rows.nth(1).waitFor();
    assert.deepEqual(await rows.locator('td:first-child').allInnerTexts(), ['1', '0']);
    assert.equal(await page.getByTestId('older-records').isVisible(), false);
    const [, older] = onePerPage.requests;
    assert.deepEqual(older.params, [DEMO_VIN, DEMO_VEHICLE.at.blockHash, 0]);
  } finally {
    await onePerPage.close();
  }
});
