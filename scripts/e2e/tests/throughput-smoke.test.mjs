// The throughput tool's core on a tiny bound: 200 pre-signed transfers from 50 funded
// accounts against a --dev node started by the tool itself. Every one must be included
// and succeed, and the report must carry the figures scripts/throughput.sh records (the
// full run takes minutes and stays out of the test suite). Then the car-sharing phases on
// 20 trips: the setup's co-ops, gifts, units and bookings must let every check-in and
// check-out succeed, and the chain must count each car's one trip. On the same node (one
// node and one registration of the vehicles keep the file's time down), road usage's device
// calls on 4 trucks: the setup's roles, contexts, gantry, subscriptions, prepaid tolls and
// platoons must let every gantry passage and segment attestation succeed, and the chain must
// count each truck's passages and each platoon's paid km.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startDev, connect } from '../load/nodes.mjs';
import { runLoad, DEFAULTS } from '../load/run.mjs';

const TRANSFERS = 200;

test('200 pre-signed transfers are all included and the phase report has its shape', { timeout: 120_000 }, async () => {
  const env = await startDev();
  let api;
  try {
    api = await connect(env.nodes[0]);
    const { phases, missing } = await runLoad(api, env.nodes, {
      phases: ['transfers'],
      sizes: { ...DEFAULTS, transfers: TRANSFERS, senders: 50 },
      maxSeconds: 30,
      log: () => {},
    });
    await api.disconnect();

    assert.deepEqual(missing, []);
    assert.equal(phases.length, 1);
    const [p] = phases;
    assert.equal(p.name, 'transfers');
    assert.equal(p.call, 'balances.transferKeepAlive');
    assert.equal(p.offered, TRANSFERS);
    assert.equal(p.acceptedByPool, TRANSFERS, `pool refusals: ${JSON.stringify(p.refusedByPool)}`);
    assert.equal(p.included, TRANSFERS);
    assert.equal(p.succeeded, TRANSFERS);
    assert.deepEqual(p.dispatchErrors, {});
    assert.equal(p.complete, true);

    // The blocks add up to the count, and none holds more than the weights predict.
    assert.equal(p.perBlock.reduce((n, b) => n + b.txs, 0), TRANSFERS);
    assert.ok(p.prediction.perBlock > TRANSFERS, `a block holds more than ${TRANSFERS} transfers (${p.prediction.perBlock})`);
    assert.ok(p.txPerBlock.max <= p.prediction.perBlock);
    for (const b of p.perBlock.filter((x) => x.txs > 0)) {
      assert.ok(b.fullness > 0 && b.fullness <= 1, `block #${b.number} fullness ${b.fullness}`);
      assert.ok(Number.isInteger(b.buildMs), `block #${b.number} has its build time from the log`);
    }
    // The node's own counters: 200 transfers leave the proposer without transactions.
    assert.ok(p.endProposalReasons.no_more_transactions >= 1, JSON.stringify(p.endProposalReasons));
    assert.ok(p.rssMiB.dev.max > 0);
    assert.ok(p.finalityLag.perNode.dev.max !== null);
  } finally {
    // Also on a failure: a client left connected would reconnect to the stopped node for ever.
    await api?.disconnect().catch(() => {});
    await env.cleanup();
  }
});

const TRIPS = 20;
const PASSAGES = 8;
const TRUCKS = 4;

test('20 car-sharing trips, 8 gantry passages and 4 platoon attestations set up through extrinsics all land', { timeout: 420_000 }, async () => {
  const env = await startDev();
  let api;
  try {
    api = await connect(env.nodes[0]);
    const { phases, missing, trips, road } = await runLoad(api, env.nodes, {
      phases: ['checkIns', 'sharing', 'passages', 'platoons'],
      sizes: { ...DEFAULTS, senders: 8, trips: TRIPS, devices: TRUCKS, passages: PASSAGES, trucks: TRUCKS },
      maxSeconds: 360,
      log: () => {},
    });
    assert.deepEqual(missing, []);
    assert.equal(trips, TRIPS);
    assert.deepEqual(road, { passages: PASSAGES, trucks: TRUCKS, batches: 0 });
    assert.deepEqual(phases.map((p) => [p.name, p.call, p.offered]), [
      ['checkIns', 'carSharing.checkIn', TRIPS],
      ['sharing', 'carSharing.checkOut', TRIPS],
      ['passages', 'roadUsage.reportPassage', PASSAGES],
      ['platoons', 'roadUsage.attestSegment', TRUCKS],
    ]);
    for (const p of phases) {
      assert.deepEqual(p.refusedByPool, {});
      assert.deepEqual(p.dispatchErrors, {}, p.name);
      assert.equal(p.succeeded, p.offered, p.name);
      assert.equal(p.complete, true, p.name);
      assert.ok(p.prediction.perBlock > p.offered, `${p.name}: a block holds more than ${p.offered} (${p.prediction.perBlock})`);
    }
    // What the passport shows: each shared car made one trip of the units' 25 km, paid.
    const totals = (await api.query.carSharing.vehicleTripTotals.entries()).map(([, t]) => t);
    const loadTrips = totals.filter((t) => t.trips.toNumber() === 1 && t.km.toNumber() === 25);
    assert.equal(loadTrips.length, TRIPS, JSON.stringify(totals.map((t) => t.toHuman())));
    assert.ok(loadTrips.every((t) => t.revenue.toBigInt() > 0n));
    // Each truck paid its two passages (10 milli-V2X each) from its prepaid tolls; in each of
    // the two platoons the follower paid for the segment's 100 km, which the leader led.
    const tolls = (await api.query.roadUsage.tollTotals.entries()).map(([, t]) => t.toJSON());
    const passed = tolls.filter((t) => t.passages === PASSAGES / TRUCKS && BigInt(t.paid) === 20n * 10n ** 9n);
    assert.equal(passed.length, TRUCKS, JSON.stringify(tolls));
    assert.equal(tolls.filter((t) => t.kmFollowed === 100 && t.kmLed === 0).length, TRUCKS / 2, JSON.stringify(tolls));
    assert.equal(tolls.filter((t) => t.kmLed === 100 && t.kmFollowed === 0).length, TRUCKS / 2, JSON.stringify(tolls));
    await api.disconnect();
  } finally {
    // Also on a failure: a client left connected would reconnect to the stopped node for ever.
    await api?.disconnect().catch(() => {});
    await env.cleanup();
  }
});
