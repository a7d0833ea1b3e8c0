// Governance and acting for others through @polkadot/api, as a user sees them.
// Council (Alice, Bob, Charlie in the dev preset): a motion of two of three approves a
// manufacturer (a proposal is not its proposer's vote: the proposer votes aye too, and with
// one aye the motion cannot be closed yet); a motion of one (below two thirds) executes at
// once and fails with BadOrigin;
// one member's signed call, without a motion, is refused with BadOrigin. Treasury: a council
// motion approves a spend, anyone pays it out, and the beneficiary receives exactly the amount.
// Proxy: Bob's `Fleet` proxy grants an operator on Bob's vehicle 1 but may neither move Bob's
// tokens nor offer his vehicle for sale (`system.CallFiltered`); a `Telemetry` proxy may not
// grant an operator either.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { u8aToString, u8aConcat, stringToU8a } from '@polkadot/util';
import { encodeAddress } from '@polkadot/util-crypto';
import { startDevNode, sendInBlock, eventsOf, held } from '../lib/node.mjs';

const UNIT = 10n ** 12n;
/** The account of `pallet_treasury` (PalletId `py/trsry`) in the dev chain's SS58 format. */
const TREASURY = '5EYCAe5ijiYfyeZ2JJCGq56LmPyNRAKzpG4QkoQkkQNB5e6Z';

let node;
let accounts;
before(async () => {
  node = await startDevNode();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: node.api.registry.chainSS58 });
  accounts = Object.fromEntries(
    ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie']
      .map((name) => [name.toLowerCase(), keyring.addFromUri(`//${name}`)]),
  );
  // Never funded, never signs: its balance moves only by the treasury's payout.
  accounts.beneficiary = keyring.addFromUri('//Gov//beneficiary');
});
after(async () => { await node?.stop(); });

const account = async (api, address) => (await api.query.system.account(address)).data;
const free = async (api, address) => (await account(api, address)).free.toBigInt();

/** `section.name` of a DispatchError: a module error's, else its variant (`BadOrigin`, ...). */
function errorName(api, dispatchError) {
  if (dispatchError.isModule) {
    const { section, name } = api.registry.findMetaError(dispatchError.asModule);
    return `${section}.${name}`;
  }
  return dispatchError.type;
}

/** The weight bound `council.close` needs for `call`: the weight of the call as an extrinsic. */
async function weightOf(api, call, signer) {
  const { weight } = await api.tx(call).paymentInfo(signer);
  return { refTime: weight.refTime.toBigInt(), proofSize: weight.proofSize.toBigInt() };
}

/**
 * A council motion of `threshold` ayes for `call`: `proposer` proposes it and votes aye (a
 * proposal does not count as its proposer's vote), each of `voters` votes aye, then
 * `proposer` closes it. Returns the events of the close, or of the proposal when the
 * threshold is one (then `propose` executes the call at once). `beforeVotes` runs after the
 * proposer's vote, before the others'.
 */
async function councilMotion(api, { proposer, voters = [], threshold, call, beforeVotes }) {
  const lengthBound = call.encodedLength;
  const { events: proposeEvents } = await sendInBlock(
    api, api.tx.council.propose(threshold, call, lengthBound), proposer,
  );
  if (threshold < 2) return { events: proposeEvents, proposeEvents };

  const [proposed] = eventsOf(proposeEvents, 'council', 'Proposed');
  assert.ok(proposed, 'council.Proposed emitted');
  assert.equal(proposed.account.toString(), proposer.address);
  assert.equal(proposed.threshold.toNumber(), threshold);
  assert.equal(proposed.proposalHash.toHex(), call.hash.toHex());
  const hash = proposed.proposalHash;
  const index = proposed.proposalIndex.toNumber();
  assert.ok((await api.query.council.proposalOf(hash)).isSome, 'the motion is stored');
  assert.equal((await api.query.council.voting(hash)).unwrap().ayes.length, 0, 'no aye yet');

  const vote = async (voter) => {
    const { events } = await sendInBlock(api, api.tx.council.vote(hash, index, true), voter);
    const [voted] = eventsOf(events, 'council', 'Voted');
    assert.equal(voted.account.toString(), voter.address);
    assert.equal(voted.voted.isTrue, true);
  };
  if (beforeVotes) {
    await vote(proposer);
    await beforeVotes({ hash, index, lengthBound });
    for (const voter of voters) await vote(voter);
  } else {
    // Different signers: their votes may share a block.
    await Promise.all([proposer, ...voters].map(vote));
  }
  const voting = (await api.query.council.voting(hash)).unwrap();
  assert.deepEqual(
    voting.ayes.map((a) => a.toString()).sort(),
    [proposer, ...voters].map((a) => a.address).sort(),
  );

  const weight = await weightOf(api, call, proposer);
  const { events } = await sendInBlock(
    api, api.tx.council.close(hash, index, weight, lengthBound), proposer,
  );
  const [closed] = eventsOf(events, 'council', 'Closed');
  assert.equal(closed.yes.toNumber(), 1 + voters.length);
  assert.equal(closed.no.toNumber(), 0);
  assert.equal(eventsOf(events, 'council', 'Approved').length, 1);
  assert.ok((await api.query.council.proposalOf(hash)).isNone, 'the motion is gone once closed');
  return { events, proposeEvents };
}

/** The one `council.Executed` among `events`: its result. */
function executedResult(events) {
  const executed = eventsOf(events, 'council', 'Executed');
  assert.equal(executed.length, 1, 'one council.Executed');
  return executed[0].result;
}

test('the dev council is Alice, Bob and Charlie', async () => {
  const { api } = node;
  const { alice, bob, charlie } = accounts;
  const expected = [alice, bob, charlie].map((a) => a.address).sort();
  assert.deepEqual((await api.query.councilMembership.members()).map((m) => m.toString()).sort(), expected);
  assert.deepEqual((await api.query.council.members()).map((m) => m.toString()).sort(), expected);
});

test('a council motion of two of three registers Dave as a manufacturer', async () => {
  const { api } = node;
  const { alice, bob, dave } = accounts;
  const call = api.tx.vehicleIdentity.registerManufacturer(dave.address, 'Council Motors', ['SAL']).method;

  const { events } = await councilMotion(api, {
    proposer: alice,
    voters: [bob],
    threshold: 2,
    call,
    beforeVotes: async ({ hash, index, lengthBound }) => {
      // Alice's aye alone is not enough: nothing happened, and the motion cannot be closed
      // before its voting period ends (Bob and Charlie may still vote).
      assert.ok((await api.query.vehicleIdentity.manufacturers(dave.address)).isNone);
      assert.ok((await api.query.vehicleIdentity.wmiOwner('SAL')).isNone);
      const weight = await weightOf(api, call, alice);
      await assert.rejects(
        sendInBlock(api, api.tx.council.close(hash, index, weight, lengthBound), alice),
        /council\.TooEarly/,
      );
    },
  });

  const result = executedResult(events);
  assert.ok(result.isOk, `the motion's call succeeded: ${result.toString()}`);
  const [registered] = eventsOf(events, 'vehicleIdentity', 'ManufacturerRegistered');
  assert.equal(registered.manufacturer.toString(), dave.address);
  assert.equal(u8aToString(registered.name.toU8a(true)), 'Council Motors');
  assert.deepEqual(registered.wmis.map((w) => u8aToString(w.toU8a())), ['SAL']);

  const manufacturer = (await api.query.vehicleIdentity.manufacturers(dave.address)).unwrap();
  assert.equal(u8aToString(manufacturer.name.toU8a(true)), 'Council Motors');
  assert.equal((await api.query.vehicleIdentity.wmiOwner('SAL')).unwrap().toString(), dave.address);
});

test('a motion of one member (below two thirds) executes at once and fails with BadOrigin', async () => {
  const { api } = node;
  const { charlie, eve } = accounts;
  const call = api.tx.vehicleIdentity.registerManufacturer(eve.address, 'Lone Motors', ['JHM']).method;

  const { events } = await councilMotion(api, { proposer: charlie, threshold: 1, call });

  assert.equal(eventsOf(events, 'council', 'Proposed').length, 0, 'no motion is left open');
  const result = executedResult(events);
  assert.ok(result.isErr, 'the call failed');
  assert.equal(errorName(api, result.asErr), 'BadOrigin');
  assert.equal(eventsOf(events, 'vehicleIdentity', 'ManufacturerRegistered').length, 0);
  assert.ok((await api.query.vehicleIdentity.manufacturers(eve.address)).isNone);
  assert.ok((await api.query.vehicleIdentity.wmiOwner('JHM')).isNone);
});

test("a council member's own signed call, without a motion, is refused with BadOrigin", async () => {
  const { api } = node;
  const { bob, eve } = accounts;
  const tx = api.tx.vehicleIdentity.registerManufacturer(eve.address, 'Solo Motors', ['JHM']);
  await assert.rejects(sendInBlock(api, tx, bob), /badOrigin/i);
  assert.ok((await api.query.vehicleIdentity.manufacturers(eve.address)).isNone);
  assert.ok((await api.query.vehicleIdentity.wmiOwner('JHM')).isNone);
});

test('a council motion spends from the treasury and anyone pays the spend out', async () => {
  const { api } = node;
  const { alice, bob, dave, eve, beneficiary } = accounts;

  // The treasury's account is the one its PalletId gives.
  const derived = u8aConcat(stringToU8a('modl'), api.consts.treasury.palletId.toU8a(), new Uint8Array(20));
  assert.equal(encodeAddress(derived.subarray(0, 32), api.registry.chainSS58), TREASURY);

  // At genesis it holds only the existential deposit: Dave funds it.
  const funding = 1_000n * UNIT;
  const treasuryAtGenesis = await free(api, TREASURY);
  assert.equal(treasuryAtGenesis, api.consts.balances.existentialDeposit.toBigInt());
  const funded = sendInBlock(api, api.tx.balances.transferKeepAlive(TREASURY, funding), dave);

  // Meanwhile the council approves a spend of 250 V2X to the beneficiary.
  const amount = 250n * UNIT;
  const call = api.tx.treasury.spend(null, amount, beneficiary.address, null).method;
  const [{ events }] = await Promise.all([
    councilMotion(api, { proposer: alice, voters: [bob], threshold: 2, call }),
    funded,
  ]);
  assert.equal(await free(api, TREASURY), treasuryAtGenesis + funding);
  const result = executedResult(events);
  assert.ok(result.isOk, `the spend motion succeeded: ${result.toString()}`);
  const [approved] = eventsOf(events, 'treasury', 'AssetSpendApproved');
  assert.ok(approved, 'treasury.AssetSpendApproved emitted');
  assert.equal(approved.amount.toBigInt(), amount);
  assert.equal(approved.beneficiary.toString(), beneficiary.address);
  const index = approved.index.toNumber();
  assert.ok((await api.query.treasury.spends(index)).isSome);
  // Approving moves nothing yet.
  assert.equal(await free(api, beneficiary.address), 0n);

  // Eve, no council member, pays it out.
  const treasuryBefore = await free(api, TREASURY);
  const { events: payoutEvents } = await sendInBlock(api, api.tx.treasury.payout(index), eve);
  const [paid] = eventsOf(payoutEvents, 'treasury', 'Paid');
  assert.ok(paid, 'treasury.Paid emitted');
  assert.equal(paid.index.toNumber(), index);
  assert.equal(await free(api, beneficiary.address), amount);
  assert.equal(treasuryBefore - await free(api, TREASURY), amount);

  // A second payout of the same spend is refused.
  await assert.rejects(sendInBlock(api, api.tx.treasury.payout(index), eve), /treasury\.AlreadyAttempted/);

  // Checking the payment's status settles the spend and removes it.
  const { events: statusEvents } = await sendInBlock(api, api.tx.treasury.checkStatus(index), eve);
  assert.equal(eventsOf(statusEvents, 'treasury', 'SpendProcessed').length, 1);
  assert.ok((await api.query.treasury.spends(index)).isNone);
  assert.equal(await free(api, beneficiary.address), amount);
});

test("a Fleet proxy grants an operator on Bob's vehicle but may not move tokens or sell it", async () => {
  const { api } = node;
  const { bob, charlie, dave, eve, ferdie } = accounts;
  const VEHICLE = 1; // Bob's PHEV in the dev preset.
  assert.equal((await api.query.vehicleIdentity.vehicles(VEHICLE)).unwrap().owner.toString(), bob.address);

  // Bob adds Charlie as his Fleet proxy; the deposit is reserved from Bob.
  const proxyDeposit = api.consts.proxy.proxyDepositBase.toBigInt() + api.consts.proxy.proxyDepositFactor.toBigInt();
  const bobReservedBefore = (await account(api, bob.address)).reserved.toBigInt();
  const { events: addEvents } = await sendInBlock(api, api.tx.proxy.addProxy(charlie.address, 'Fleet', 0), bob);
  const [added] = eventsOf(addEvents, 'proxy', 'ProxyAdded');
  assert.equal(added.delegator.toString(), bob.address);
  assert.equal(added.delegatee.toString(), charlie.address);
  assert.equal(added.proxyType.toString(), 'Fleet');
  assert.equal((await account(api, bob.address)).reserved.toBigInt() - bobReservedBefore, proxyDeposit);
  const [definitions, deposit] = await api.query.proxy.proxies(bob.address);
  assert.equal(deposit.toBigInt(), proxyDeposit);
  assert.deepEqual(definitions.map((d) => [d.delegate.toString(), d.proxyType.toString()]), [[charlie.address, 'Fleet']]);

  // Charlie grants Dave an operator right on Bob's vehicle; Bob's delegate deposit is held.
  const until = (await api.rpc.chain.getHeader()).number.toNumber() + 1_000;
  const delegateBefore = await held(api, bob.address, 'vehicleIdentity', 'Delegate');
  const { events: grantEvents } = await sendInBlock(
    api, api.tx.proxy.proxy(bob.address, null, api.tx.vehicleIdentity.grantOperator(VEHICLE, dave.address, until)), charlie,
  );
  const [executed] = eventsOf(grantEvents, 'proxy', 'ProxyExecuted');
  assert.ok(executed.result.isOk, `the proxied call succeeded: ${executed.result.toString()}`);
  const [granted] = eventsOf(grantEvents, 'vehicleIdentity', 'OperatorGranted');
  assert.equal(granted.vehicle.toNumber(), VEHICLE);
  assert.equal(granted.operator.toString(), dave.address);
  assert.equal(granted.until.toNumber(), until);
  assert.deepEqual(await operators(api, VEHICLE), [dave.address]);
  assert.equal(await held(api, bob.address, 'vehicleIdentity', 'Delegate') - delegateBefore, api.consts.vehicleIdentity.delegateDeposit.toBigInt());

  // Moving Bob's tokens and offering his vehicle are filtered out; nothing changes.
  const bobFree = await free(api, bob.address);
  const daveFree = await free(api, dave.address);
  const transfer = api.tx.balances.transferKeepAlive(dave.address, 10n * UNIT);
  assert.equal(await proxiedError(api, charlie, bob, null, transfer), 'system.CallFiltered');
  const offer = api.tx.vehicleIdentity.offerSale(VEHICLE, charlie.address, 5n * UNIT, until);
  assert.equal(await proxiedError(api, charlie, bob, null, offer), 'system.CallFiltered');
  assert.equal(await free(api, bob.address), bobFree);
  assert.equal(await free(api, dave.address), daveFree);
  assert.ok((await api.query.vehicleIdentity.saleOffers(VEHICLE)).isNone, 'no sale offer');
  assert.equal((await api.query.vehicleIdentity.vehicles(VEHICLE)).unwrap().owner.toString(), bob.address);

  // A Telemetry proxy (Eve) may not grant an operator.
  await sendInBlock(api, api.tx.proxy.addProxy(eve.address, 'Telemetry', 0), bob);
  const delegateBeforeTelemetry = await held(api, bob.address, 'vehicleIdentity', 'Delegate');
  const grant = api.tx.vehicleIdentity.grantOperator(VEHICLE, ferdie.address, until);
  assert.equal(await proxiedError(api, eve, bob, 'Telemetry', grant), 'system.CallFiltered');
  assert.deepEqual(await operators(api, VEHICLE), [dave.address]);
  assert.equal(await held(api, bob.address, 'vehicleIdentity', 'Delegate'), delegateBeforeTelemetry);
});

/** `signer` runs `call` for `real` through a proxy: the error its `proxy.ProxyExecuted` carries. */
async function proxiedError(api, signer, real, proxyType, call) {
  const { events } = await sendInBlock(api, api.tx.proxy.proxy(real.address, proxyType, call), signer);
  const [executed] = eventsOf(events, 'proxy', 'ProxyExecuted');
  assert.ok(executed, 'proxy.ProxyExecuted emitted');
  assert.ok(executed.result.isErr, `${call.method.section}.${call.method.method} was refused`);
  return errorName(api, executed.result.asErr);
}

/** The operators of `vehicle`, as addresses. */
async function operators(api, vehicle) {
  return (await api.query.vehicleIdentity.vehicleOperators(vehicle)).map((d) => d.account.toString());
}
