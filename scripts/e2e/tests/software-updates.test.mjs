// Software updates (Uptane on chain) through @polkadot/api on a fresh dev chain: the dev
// preset's repository, campaign and reporting car; then the demo's chapter (lib/demo-ota.mjs):
// a supplier delegation and its signed image, the image statuses a car reads, a campaign, a
// committed report revealed by the owner, and a root rotation, with the deposits to the unit;
// then what the chain refuses: a rollback, an image not in the repository, a rotation without
// the old root key, a reveal by someone else, a partial bundle and a report by a non-device.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex } from '@polkadot/util-crypto';
import { u8aToString } from '@polkadot/util';
import { startDevNode, sendInBlock, eventsOf } from '../lib/node.mjs';
import { fetchPassport } from '../lib/demo-story.mjs';
import {
  playOtaUpdate, OTA_CAST, OTA_PRESET, OTA_STORY, payload, signed, encodedArg, nextNonce, reportCommitment, latestRelease,
} from '../lib/demo-ota.mjs';

// The runtime's figures (runtime/src/configs/software_updates.rs).
const UNIT = 10n ** 12n;
const IMAGE_DEPOSIT = UNIT / 2n;
const CAMPAIGN_DEPOSIT = 2n * UNIT;
const ROOT_VERSION_DEPOSIT = UNIT / 10n;

let node;
let keyring;
before(async () => {
  node = await startDevNode();
  keyring = new Keyring({ type: 'sr25519', ss58Format: node.api.registry.chainSS58 });
});
after(async () => { await node?.stop(); });

const account = (uri) => keyring.addFromUri(uri);
const refusedWith = (api, call, signer, error) => assert.rejects(sendInBlock(api, call, signer), new RegExp(`^Error: ${error.replace('.', '\\.')}$`));
const text = (bytes) => u8aToString(bytes.toU8a(true));

test('the dev preset has the manufacturer\'s repository, campaign 0 and car 0\'s revealed report', async () => {
  const { api } = node;
  const maker = account(OTA_CAST.manufacturer).address;
  const repository = (await api.query.softwareUpdates.repositories(maker)).unwrap();
  assert.equal(repository.root.version.toNumber(), 1);
  assert.deepEqual(repository.root.root.keys_.map(String), [account(OTA_CAST.root).address]);
  assert.deepEqual(repository.root.director.keys_.map(String), [account(OTA_CAST.director).address]);
  assert.equal(repository.images.toNumber(), 2);
  assert.equal(repository.campaigns.toNumber(), 1);
  assert.ok((await api.query.softwareUpdates.rootHistory(maker, 1)).isSome);

  const campaign = (await api.query.softwareUpdates.campaigns(maker, OTA_PRESET.campaign)).unwrap();
  assert.equal(text(campaign.rxswin), OTA_PRESET.rxswin);
  const forCar = (await api.call.softwareUpdatesApi.campaignsFor(OTA_PRESET.vehicle)).map(([id]) => id.toNumber());
  assert.deepEqual(forCar, [OTA_PRESET.campaign]);
  // Bob's car 1 is another model (5YJYGDEE): campaign 0 is not for it.
  assert.deepEqual((await api.call.softwareUpdatesApi.campaignsFor(1)).toJSON(), []);

  const current = await api.call.softwareUpdatesApi.checkImage(OTA_PRESET.vehicle, OTA_PRESET.bms.hardware, OTA_PRESET.bms.hash, null);
  assert.deepEqual(current.toJSON(), { current: { releaseCounter: OTA_PRESET.bms.release } });
  const wrongHardware = await api.call.softwareUpdatesApi.checkImage(OTA_PRESET.vehicle, OTA_PRESET.adas.hardware, OTA_PRESET.bms.hash, null);
  assert.deepEqual(wrongHardware.toJSON(), { wrongHardware: null });

  const reports = (await api.query.softwareUpdates.reports(OTA_PRESET.vehicle)).unwrap();
  assert.equal(reports.depositor.toString(), account(OTA_CAST.ecu).address);
  assert.equal(reports.reports.length, 1);
  const passport = await fetchPassport(node.httpUrl, OTA_PRESET.vehicle);
  assert.equal(passport.software.rxswin, OTA_PRESET.rxswin);
  assert.equal(passport.software.campaign, OTA_PRESET.campaign);
  assert.deepEqual(passport.software.images.map(({ hardwareId, current }) => [hardwareId, current]), [[OTA_PRESET.bms.hardware, true], [OTA_PRESET.adas.hardware, true]]);
  assert.equal((await fetchPassport(node.httpUrl, 1)).software, null);
});

test('a supplier image, a campaign, a committed report revealed by the owner and a root rotation', async () => {
  const { api } = node;
  const chapter = await playOtaUpdate(api);
  const { balances: b } = chapter;
  const s = OTA_STORY;
  const heldAt = (key) => b[key].manufacturer.held['softwareUpdates.Repository'] ?? 0n;

  // The supplier's image: a deposit from the manufacturer, though the supplier's key signed it.
  assert.equal(heldAt('target') - heldAt('delegate'), IMAGE_DEPOSIT);
  assert.equal(heldAt('delegate'), heldAt('before'), 'a delegation is covered by the repository deposit');
  assert.equal(chapter.previousRelease, OTA_PRESET.bms.release);
  assert.equal(chapter.bms.release, OTA_PRESET.bms.release + 1);
  assert.deepEqual(chapter.statuses.newImage, { current: { releaseCounter: chapter.bms.release } });
  assert.deepEqual(chapter.statuses.oldImage, { superseded: { latest: chapter.bms.release } });
  assert.deepEqual(chapter.statuses.rollback, { rolledBack: { installed: chapter.bms.release, offered: OTA_PRESET.bms.release } });

  // The campaign: its deposit; now two campaigns are for car 0.
  assert.equal(heldAt('campaign') - heldAt('target'), CAMPAIGN_DEPOSIT);
  assert.deepEqual(chapter.campaignsForCar, [OTA_PRESET.campaign, chapter.campaign]);

  // The report: only a commitment is on chain; the ECU's deposit was held at its first report.
  const stored = (await api.query.softwareUpdates.reports(OTA_PRESET.vehicle)).unwrap();
  assert.deepEqual(stored.reports.map(({ index, commitment }) => [index.toNumber(), commitment.toHex()]).at(-1), [chapter.report, chapter.commitment]);
  assert.equal(b.report.ecu.held['softwareUpdates.Reports'], b.before.ecu.held['softwareUpdates.Reports']);
  const reported = chapter.steps.report.events.map(({ event }) => JSON.stringify(event.data.toJSON()));
  assert.ok(!reported.some((data) => data.includes(chapter.bms.hash.slice(2))), 'the report event names no image');

  // The reveal: the passport shows the campaign's RXSWIN and the images, all current.
  const revealed = eventsOf(chapter.steps.reveal.events, 'softwareUpdates', 'InstallationRevealed')[0];
  assert.equal(revealed.report.toNumber(), chapter.report);
  const passport = await fetchPassport(node.httpUrl, OTA_PRESET.vehicle);
  assert.equal(passport.software.rxswin, s.rxswin);
  assert.equal(passport.software.campaign, chapter.campaign);
  assert.equal(passport.software.reportedAt.blockNumber, chapter.steps.report.blockNumber);
  assert.deepEqual(passport.software.images.map(({ hardwareId, hash, current }) => [hardwareId, hash, current]), [
    [OTA_PRESET.bms.hardware, chapter.bms.hash, true], [OTA_PRESET.adas.hardware, OTA_PRESET.adas.hash, true],
  ]);
  assert.equal(passport.software.reports, 2);

  // The rotation: version 2, the history has both roots, a small deposit per stored version.
  const repository = (await api.query.softwareUpdates.repositories(account(OTA_CAST.manufacturer).address)).unwrap();
  assert.equal(repository.root.version.toNumber(), 2);
  assert.deepEqual(repository.root.root.keys_.map(String), [account(OTA_CAST.newRoot).address]);
  assert.ok((await api.query.softwareUpdates.rootHistory(account(OTA_CAST.manufacturer).address, 2)).isSome);
  assert.equal(heldAt('rotate') - heldAt('reveal'), ROOT_VERSION_DEPOSIT);
});

test('the chain refuses a rollback, arbitrary software, a rotation without the old key, a partial bundle and strangers', async () => {
  const { api } = node;
  const { tx } = api;
  const who = Object.fromEntries(Object.entries(OTA_CAST).map(([role, uri]) => [role, account(uri)]));
  const maker = who.manufacturer.address;
  const p = OTA_PRESET;
  const s = OTA_STORY;
  const now = (await api.rpc.chain.getHeader()).number.toNumber();

  // A rollback: the targets key signs the battery firmware again at the newest release (not above it).
  const newest = await latestRelease(api, maker, p.bms.hardware, s.bmsName);
  const newestHash = s.bmsHash(newest);
  const again = { name: s.bmsName, length: 1, hash: blake2AsHex('bms-fw rebuilt'), hardwareIds: [p.bms.hardware], releaseCounter: newest };
  const againBytes = payload(api, 'target', maker, encodedArg(api, 'addTarget', 'target', again));
  await refusedWith(api, tx.softwareUpdates.addTarget(maker, again, 'Targets', signed([who.targets], againBytes)), who.manufacturer, 'softwareUpdates.ReleaseCounterNotIncreasing');

  // A director key offering software the repository does not have.
  const rogue = {
    targets: [{ hardwareId: p.bms.hardware, name: s.bmsName, hash: blake2AsHex('malware') }],
    vehicles: [{ model: s.model, serials: null }],
    rxswin: 'R156-ROGUE',
    expiresAt: now + s.days(1),
  };
  const rogueBytes = payload(api, 'campaign', maker, api.createType('u32', await nextNonce(api, maker)).toU8a(), encodedArg(api, 'createCampaign', 'input', rogue));
  await refusedWith(api, tx.softwareUpdates.createCampaign(maker, rogue, signed([who.director], rogueBytes)), who.manufacturer, 'softwareUpdates.ImageNotInRepository');

  // A rotation to version 3 signed by the new key only: the current root key (//OtaRoot2) did not sign.
  const repository = (await api.query.softwareUpdates.repositories(maker)).unwrap();
  const root = repository.root.toJSON();
  const intruder = account('//Intruder');
  const hijack = { ...root, version: root.version + 1, root: { keys: [intruder.address], threshold: 1 } };
  const hijackBytes = payload(api, 'root', maker, encodedArg(api, 'rotateRoot', 'newRoot', hijack));
  await refusedWith(api, tx.softwareUpdates.rotateRoot(maker, hijack, [], signed([intruder], hijackBytes)), who.manufacturer, 'softwareUpdates.BelowThreshold');

  // A partial bundle: the ECU commits to campaign 1 with the battery image only; Alice's reveal is refused.
  const campaign = repository.nextCampaign.toNumber() - 1;
  const partial = { campaign, images: [[p.bms.hardware, newestHash]] };
  const salt = blake2AsHex('partial install salt');
  const report = await sendInBlock(api, tx.softwareUpdates.reportInstallation(p.vehicle, reportCommitment(api, p.vehicle, salt, partial)), who.ecu);
  const index = eventsOf(report.events, 'softwareUpdates', 'InstallationReported')[0].report.toNumber();
  await refusedWith(api, tx.softwareUpdates.revealReport(p.vehicle, index, salt, partial), who.owner, 'softwareUpdates.PartialBundle');
  // Strangers: Bob may not reveal Alice's car's report; Bob is not the car's device.
  await refusedWith(api, tx.softwareUpdates.revealReport(p.vehicle, index, salt, partial), account('//Bob'), 'softwareUpdates.NotOwner');
  await refusedWith(api, tx.softwareUpdates.reportInstallation(p.vehicle, blake2AsHex('forged')), account('//Bob'), 'softwareUpdates.NotVehicleDevice');
  // A wrong salt does not open the commitment.
  await refusedWith(api, tx.softwareUpdates.revealReport(p.vehicle, index, blake2AsHex('guess'), partial), who.owner, 'softwareUpdates.CommitmentMismatch');
});
