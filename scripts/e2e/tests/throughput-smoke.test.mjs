// The throughput tool's core on a tiny bound: 200 pre-signed transfers from 50 funded
// accounts against a --dev node started by the tool itself. Every one must be included
// and succeed, and the report must carry the figures scripts/throughput.sh records (the
// full run takes minutes and stays out of the test suite).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startDev, connect } from '../load/nodes.mjs';
import { runLoad, DEFAULTS } from '../load/run.mjs';

const TRANSFERS = 200;

test('200 pre-signed transfers are all included and the phase report has its shape', { timeout: 120_000 }, async () => {
  const env = await startDev();
  try {
    const api = await connect(env.nodes[0]);
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
    await env.cleanup();
  }
});
