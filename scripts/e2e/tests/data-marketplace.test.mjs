// The data marketplace through @polkadot/api: an owner lists access to the car's data, a
// buyer pays into escrow, a data gateway checks access through the runtime API, and a sale
// of the car ends access at once: the used part goes to owner, manufacturer and treasury,
// the unused part back to the buyer, every balance checked to the unit.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { startDevNode, sendInBlock, eventsOf, held, waitForEvent } from '../lib/node.mjs';

// The runtime's figures (runtime/src/configs/data_marketplace.rs, monetary.rs).
const UNIT = 10n ** 12n;
const LISTING_DEPOSIT = UNIT;
// The account pallet-treasury derives from `py/trsry`, in SS58 format 42.
const TREASURY = '5EYCAe5ijiYfyeZ2JJCGq56LmPyNRAKzpG4QkoQkkQNB5e6Z';

// From the development preset: vehicle 1 belongs to Bob and was made by Ferdie's
// "V2X Demo Motors"; Alice's vehicle 0 has a battery-data listing (listing 0).
const BOBS_VEHICLE = 1;

let node;
let accounts;
before(async () => {
  node = await startDevNode();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: node.api.registry.chainSS58 });
  accounts = Object.fromEntries(
    ['Bob', 'Charlie', 'Dave', 'Ferdie'].map((name) => [name.toLowerCase(), keyring.addFromUri(`//${name}`)]),
  );
});
after(async () => { await node?.stop(); });

const free = async (api, address) => (await api.query.system.account(address)).data.free.toBigInt();
const feeOf = (events) => eventsOf(events, 'transactionPayment', 'TransactionFeePaid')[0][1].toBigInt();

test('the dev preset lists the demo vehicle battery data', async () => {
  const listings = await node.api.call.dataAccessApi.listings(0, 0, 10);
  assert.equal(listings.length, 1);
  assert.equal(listings[0].category.toString(), 'Battery');
});

test('list, buy, check access, and a sale ends access with an exact refund', async () => {
  const { api } = node;
  const { bob, charlie, dave, ferdie } = accounts;

  // Bob lists 100 blocks of his car's driving-behaviour data for 10 V2X.
  const price = 10n * UNIT;
  const bobBeforeListing = await free(api, bob.address);
  const { events: listed } = await sendInBlock(
    api,
    api.tx.dataMarketplace.createListing(BOBS_VEHICLE, 'DrivingBehaviour', price, 100, `0x${'11'.repeat(32)}`, null),
    bob,
  );
  const listing = eventsOf(listed, 'dataMarketplace', 'ListingCreated')[0].listing.toNumber();
  assert.equal(bobBeforeListing - await free(api, bob.address), LISTING_DEPOSIT + feeOf(listed));
  assert.equal(await held(api, bob.address, 'dataMarketplace', 'ListingDeposit'), LISTING_DEPOSIT);

  // Dave buys with the public key the data is encrypted to: the price is held in escrow.
  const daveBeforePurchase = await free(api, dave.address);
  const { events: bought } = await sendInBlock(
    api, api.tx.dataMarketplace.purchase(listing, `0x${'22'.repeat(32)}`), dave,
  );
  const [grant] = eventsOf(bought, 'dataMarketplace', 'GrantPurchased');
  assert.equal(grant.price.toBigInt(), price);
  assert.equal(daveBeforePurchase - await free(api, dave.address), price + feeOf(bought));
  assert.equal(await held(api, dave.address, 'dataMarketplace', 'Escrow'), price);

  // A data gateway asks the chain whether Dave may read the data, and until when.
  const access = await api.call.dataAccessApi.hasAccess(dave.address, BOBS_VEHICLE, 'DrivingBehaviour');
  assert.equal(access.unwrap().toNumber(), grant.expiresAt.toNumber());
  const other = await api.call.dataAccessApi.hasAccess(charlie.address, BOBS_VEHICLE, 'DrivingBehaviour');
  assert.ok(other.isNone, 'nobody else has access');

  // Bob sells the car to Charlie: his consent ends with the sale, and the runtime settles
  // the grant in idle time.
  const head = (await api.rpc.chain.getHeader()).number.toNumber();
  await sendInBlock(api, api.tx.vehicleIdentity.offerSale(BOBS_VEHICLE, charlie.address, null, head + 100), bob);
  const before = {
    bob: await free(api, bob.address),
    dave: await free(api, dave.address),
    ferdie: await free(api, ferdie.address),
    treasury: await free(api, TREASURY),
  };
  const settledEvent = waitForEvent(
    api, 'dataMarketplace', 'GrantSettled',
    (e) => e.listing.toNumber() === listing && e.buyer.toString() === dave.address, 60_000,
  );
  const { events: sale } = await sendInBlock(api, api.tx.vehicleIdentity.acceptOffer(BOBS_VEHICLE, null), charlie);
  assert.equal(eventsOf(sale, 'dataMarketplace', 'ConsentEnded').length, 1);
  const afterSale = await api.call.dataAccessApi.hasAccess(dave.address, BOBS_VEHICLE, 'DrivingBehaviour');
  assert.ok(afterSale.isNone, 'access ended with the sale');

  const settled = await settledEvent;
  const refund = settled.refund.toBigInt();
  assert.ok(refund > 0n && refund < price, 'part of the access time was unused');
  // The void listing's deposit came back to Bob with his share.
  assert.equal(await held(api, bob.address, 'dataMarketplace', 'ListingDeposit'), 0n);
  const toOwner = await free(api, bob.address) - before.bob - LISTING_DEPOSIT;
  const toManufacturer = await free(api, ferdie.address) - before.ferdie;
  const toPlatform = await free(api, TREASURY) - before.treasury;
  assert.equal(await free(api, dave.address) - before.dave, refund);
  assert.equal(await held(api, dave.address, 'dataMarketplace', 'Escrow'), 0n);
  // Every unit of the price went somewhere, and the shares are the runtime's 85/10/5.
  assert.equal(toOwner + toManufacturer + toPlatform + refund, price);
  const used = price - refund;
  assert.ok(toManufacturer <= used / 10n && toManufacturer >= used / 10n - 1n, `manufacturer ${toManufacturer} of ${used}`);
  assert.ok(toPlatform <= used / 20n && toPlatform >= used / 20n - 1n, `platform ${toPlatform} of ${used}`);
});
