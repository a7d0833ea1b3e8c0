// The demo's sixth chapter (scripts/demo.sh), a safer over-the-air update (Uptane on chain).
// The dev preset gives the manufacturer "V2X Demo Motors" an image repository whose offline
// keys are //OtaRoot, //OtaTargets and //OtaDirector, two images (a battery management and a
// camera firmware), campaign 0 for its "5YJ3E1EA" cars, and car 0's primary ECU (//Ecu0) whose
// report Alice revealed. In the chapter the targets key delegates battery images to a
// supplier, whose own key signs a new battery firmware; the chain then calls the old image
// superseded and refuses to roll a car back to it. The director's key approves campaign 1
// with the new image and a new RXSWIN; car 0's ECU reports what it installed as a salted
// commitment (the chain learns nothing), and Alice reveals it so the passport shows the new
// RXSWIN. Last, the root key is rotated to //OtaRoot2 (and back on the next run), signed by
// the old and the new key. Each run adds a release, so the chapter runs again on the same chain.
// Offline keys sign; the manufacturer's account only relays and pays the deposits.
// Its test: tests/software-updates.test.mjs.

import { Keyring } from '@polkadot/keyring';
import { stringToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsHex, blake2AsU8a, decodeAddress } from '@polkadot/util-crypto';
import { eventsOf } from './node.mjs';
import { landed, balancesAt } from './demo-story.mjs';

/** Who plays the chapter: the dev preset's manufacturer, its offline keys and car 0's people. */
export const OTA_CAST = {
  manufacturer: '//Ferdie', // "V2X Demo Motors": relays the signed metadata, pays the deposits
  root: '//OtaRoot',
  targets: '//OtaTargets',
  director: '//OtaDirector',
  supplier: '//OtaSupplier', // "Battery Systems Ltd", delegated the battery images
  newRoot: '//OtaRoot2',
  ecu: '//Ecu0', // car 0's primary ECU, bound to it in the dev preset
  owner: '//Alice',
};

/** The dev preset's repository content (runtime/src/genesis_config_presets.rs). */
export const OTA_PRESET = {
  vehicle: 0,
  bms: { hardware: 'bms-a1', name: 'bms-fw', hash: `0x${'b1'.repeat(32)}`, release: 3 },
  adas: { hardware: 'adas-cam-2', name: 'adas-fw', hash: `0x${'a7'.repeat(32)}`, release: 7 },
  campaign: 0,
  rxswin: 'R156-5YJ3-2026.11',
  report: 0,
};

export const OTA_STORY = {
  supplierName: 'Battery Systems Ltd',
  // The next release of the preset's battery firmware (4 on a fresh chain: each run adds one).
  bmsName: 'bms-fw',
  bmsLength: 1_050_624,
  bmsHash: (release) => blake2AsHex(`bms-fw ${release}.0 image`),
  model: '5YJ3E1EA',
  rxswin: 'R156-5YJ3-2026.12',
  salt: blake2AsHex('car 0 manifest salt, December update'),
  days: (n) => n * 14_400, // six-second blocks
};

const DOMAIN = {
  root: 'v2x/ota/root',
  target: 'v2x/ota/target',
  delegate: 'v2x/ota/delegate',
  campaign: 'v2x/ota/campaign',
  report: 'v2x/ota/report',
};

/**
 * The SCALE encoding of `value` as the type of `call`'s argument `arg` (camelCase, as
 * @polkadot/api names them). Reading a role's `keys`, @polkadot/api calls the field `keys_`:
 * `keys` is a method of its structs.
 */
export function encodedArg(api, call, arg, value) {
  const type = api.tx.softwareUpdates[call].meta.args.find(({ name }) => name.toString() === arg).type.toString();
  return api.createType(type, value).toU8a();
}

/** The bytes a key signs: the domain tag (no length prefix), then each part's encoding. */
export function payload(api, domain, manufacturer, ...parts) {
  return u8aConcat(stringToU8a(DOMAIN[domain]), decodeAddress(manufacturer), ...parts);
}

/** `keys`' signatures on `bytes`, as the pallet takes them: `[key, MultiSignature]` pairs. */
export function signed(keys, bytes) {
  return keys.map((key) => [key.address, { Sr25519: key.sign(bytes) }]);
}

/** The newest release counter of `name` for `hardware` in the manufacturer's repository. */
export async function latestRelease(api, manufacturer, hardware, name) {
  return (await api.query.softwareUpdates.latest(manufacturer, [hardware, name])).unwrap()[0].toNumber();
}

/** The repository's next nonce: what delegations, revocations and campaigns sign. */
export async function nextNonce(api, manufacturer) {
  return (await api.query.softwareUpdates.repositories(manufacturer)).unwrap().nonce.toNumber() + 1;
}

/** The salted commitment a vehicle's ECU reports for `manifest` (never the manifest itself). */
export function reportCommitment(api, vehicle, salt, manifest) {
  return u8aToHex(blake2AsU8a(u8aConcat(
    stringToU8a(DOMAIN.report),
    api.createType('u64', vehicle).toU8a(),
    salt,
    encodedArg(api, 'revealReport', 'manifest', manifest),
  )));
}

/**
 * Plays the chapter on a dev chain. `log(step, detail)` hears of each step. Resolves with the
 * `steps` (events, fee, block), the manufacturer's balances `before` and after each step, the
 * image statuses the runtime API gave (`statuses`), the `delegation`, `campaign` and `report`
 * ids, and the `manifest` revealed.
 */
export async function playOtaUpdate(api, log = () => {}) {
  const keyring = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 });
  const who = Object.fromEntries(Object.entries(OTA_CAST).map(([role, uri]) => [role, keyring.addFromUri(uri)]));
  const { tx } = api;
  const s = OTA_STORY;
  const p = OTA_PRESET;
  const maker = who.manufacturer.address;
  const chapter = { steps: {}, balances: {}, statuses: {} };
  const step = async (key, signer, call) => {
    chapter.steps[key] = await landed(api, call, signer);
    chapter.balances[key] = await balancesAt(api, chapter.steps[key].blockHash, { manufacturer: maker, ecu: who.ecu.address });
    return chapter.steps[key];
  };
  const at = (key) => `(block #${chapter.steps[key].blockNumber})`;
  const event = (key, method) => eventsOf(chapter.steps[key].events, 'softwareUpdates', method)[0];
  const now = async () => (await api.rpc.chain.getHeader()).number.toNumber();
  const status = async (hash, installed = null) => (await api.call.softwareUpdatesApi.checkImage(p.vehicle, p.bms.hardware, hash, installed)).toJSON();
  chapter.balances.before = await balancesAt(api, (await api.rpc.chain.getHeader()).hash, { manufacturer: maker, ecu: who.ecu.address });

  // 1. The targets key delegates battery images ("bms-" names, hardware bms-a1) to a supplier.
  const delegation = {
    name: s.supplierName,
    keys: { keys: [who.supplier.address], threshold: 1 },
    pathPrefix: 'bms-',
    hardwareIds: [p.bms.hardware],
    expiresAt: (await now()) + s.days(30),
  };
  const nonce = await nextNonce(api, maker);
  const delegateBytes = payload(api, 'delegate', maker, api.createType('u32', nonce).toU8a(), encodedArg(api, 'delegate', 'input', delegation));
  await step('delegate', who.manufacturer, tx.softwareUpdates.delegate(maker, delegation, signed([who.targets], delegateBytes)));
  chapter.delegation = event('delegate', 'Delegated').delegation.toNumber();
  log('delegate', `The targets key delegates battery images to "${s.supplierName}" (delegation #${chapter.delegation}) ${at('delegate')}`);

  // 2. The supplier's own key signs the next release of the battery firmware; the manufacturer relays it.
  chapter.previousRelease = await latestRelease(api, maker, p.bms.hardware, s.bmsName);
  const release = chapter.previousRelease + 1;
  chapter.bms = { name: s.bmsName, length: s.bmsLength, hash: s.bmsHash(release), release };
  const target = {
    name: chapter.bms.name, length: chapter.bms.length, hash: chapter.bms.hash, hardwareIds: [p.bms.hardware], releaseCounter: release,
  };
  const previousHash = (await api.query.softwareUpdates.latest(maker, [p.bms.hardware, s.bmsName])).unwrap()[1].toHex();
  const targetBytes = payload(api, 'target', maker, encodedArg(api, 'addTarget', 'target', target));
  await step('target', who.manufacturer, tx.softwareUpdates.addTarget(
    maker, target, { Delegation: chapter.delegation }, signed([who.supplier], targetBytes),
  ));
  chapter.statuses.newImage = await status(chapter.bms.hash);
  chapter.statuses.oldImage = await status(previousHash);
  chapter.statuses.rollback = await status(previousHash, release);
  log('target', `The supplier signs ${chapter.bms.name} release ${release}: the chain now calls release `
    + `${chapter.previousRelease} superseded and refuses to roll a car back to it ${at('target')}`);

  // 3. The director's key approves campaign 1: the new battery image and the same camera image
  //    for every "5YJ3E1EA" car, which then carries RXSWIN R156-5YJ3-2026.12.
  const campaign = {
    targets: [
      { hardwareId: p.bms.hardware, name: chapter.bms.name, hash: chapter.bms.hash },
      { hardwareId: p.adas.hardware, name: p.adas.name, hash: p.adas.hash },
    ],
    vehicles: [{ model: s.model, serials: null }],
    rxswin: s.rxswin,
    expiresAt: (await now()) + s.days(30),
  };
  const campaignNonce = await nextNonce(api, maker);
  const campaignBytes = payload(api, 'campaign', maker, api.createType('u32', campaignNonce).toU8a(), encodedArg(api, 'createCampaign', 'input', campaign));
  await step('campaign', who.manufacturer, tx.softwareUpdates.createCampaign(maker, campaign, signed([who.director], campaignBytes)));
  chapter.campaign = event('campaign', 'CampaignCreated').campaign.toNumber();
  chapter.campaignsForCar = (await api.call.softwareUpdatesApi.campaignsFor(p.vehicle)).map(([id]) => id.toNumber());
  log('campaign', `The director's key approves campaign #${chapter.campaign} for the ${s.model} cars, RXSWIN ${s.rxswin} ${at('campaign')}`);

  // 4. Car 0's primary ECU installs it and reports a salted commitment of its manifest.
  chapter.manifest = {
    campaign: chapter.campaign,
    images: [[p.bms.hardware, chapter.bms.hash], [p.adas.hardware, p.adas.hash]],
  };
  chapter.commitment = reportCommitment(api, p.vehicle, s.salt, chapter.manifest);
  await step('report', who.ecu, tx.softwareUpdates.reportInstallation(p.vehicle, chapter.commitment));
  chapter.report = event('report', 'InstallationReported').report.toNumber();
  log('report', `Car ${p.vehicle}'s primary ECU reports what it installed as a salted commitment (report #${chapter.report}): `
    + `the chain does not learn which version the car runs ${at('report')}`);

  // 5. Alice, about to sell the car, reveals the report: the chain checks it against the commitment
  //    and the campaign (complete, not mixed), and the passport shows the new RXSWIN.
  await step('reveal', who.owner, tx.softwareUpdates.revealReport(p.vehicle, chapter.report, s.salt, chapter.manifest));
  log('reveal', `Alice reveals report #${chapter.report}: the passport shows RXSWIN ${s.rxswin} ${at('reveal')}`);

  // 6. The root key is rotated (to //OtaRoot2, or back on a second run): the next version,
  //    signed by the old root key and the new one.
  const repository = (await api.query.softwareUpdates.repositories(maker)).unwrap();
  const root = repository.root.toJSON();
  const [oldKey, newKey] = repository.root.root.keys_[0].toString() === who.root.address ? [who.root, who.newRoot] : [who.newRoot, who.root];
  chapter.newRoot = { ...root, version: root.version + 1, root: { keys: [newKey.address], threshold: 1 } };
  chapter.newRootKey = newKey.address;
  const rootBytes = payload(api, 'root', maker, encodedArg(api, 'rotateRoot', 'newRoot', chapter.newRoot));
  await step('rotate', who.manufacturer, tx.softwareUpdates.rotateRoot(
    maker, chapter.newRoot, signed([oldKey], rootBytes), signed([newKey], rootBytes),
  ));
  log('rotate', `The root key is rotated to version ${chapter.newRoot.version}, signed by the old and the new root key ${at('rotate')}`);
  return chapter;
}
