// Pre-signing and submission. Every transaction of a phase is signed before the first is
// sent (explicit nonces, immortal), so the measured part costs the client nothing but
// sending bytes, and the node, not the client, is what limits the rate.

import { WsProvider } from '@polkadot/api';

/**
 * Signs `work`, a list of { signer, tx } in each signer's nonce order, with consecutive
 * nonces from each signer's next one. Returns the extrinsics as hex, grouped per signer
 * (a signer's transactions go down one connection, in order).
 */
export async function preSign(api, work, { log }) {
  const signers = [...new Map(work.map(({ signer }) => [signer.address, signer])).values()];
  const nonces = new Map();
  for (let i = 0; i < signers.length; i += 500) {
    const chunk = signers.slice(i, i + 500);
    const next = await Promise.all(chunk.map((s) => api.rpc.system.accountNextIndex(s.address)));
    chunk.forEach((s, j) => nonces.set(s.address, next[j].toNumber()));
  }
  const groups = new Map();
  const started = Date.now();
  for (const [i, { signer, tx }] of work.entries()) {
    const nonce = nonces.get(signer.address);
    nonces.set(signer.address, nonce + 1);
    const signed = await tx.signAsync(signer, { nonce, era: 0 });
    if (!groups.has(signer.address)) groups.set(signer.address, []);
    groups.get(signer.address).push(signed.toHex());
    if ((i + 1) % 5000 === 0) log(`  signed ${i + 1}/${work.length}`);
  }
  log(`  signed ${work.length} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return [...groups.values()];
}

/**
 * Sends the pre-signed `groups` with `author_submitExtrinsic` over `connections` WebSocket
 * connections per node URL, `inFlight` requests at a time on each (enough to keep the
 * node's RPC workers busy without queueing thousands of frames). Returns how many the pools
 * accepted, and the refusals counted by their error message.
 */
export async function submit(urls, groups, { connections = 4, inFlight = 64, deadline, log }) {
  const providers = [];
  for (const url of urls) {
    for (let i = 0; i < connections; i += 1) providers.push(new WsProvider(url, false));
  }
  await Promise.all(providers.map(async (p) => { await p.connect(); await p.isReady; }));
  // Signers' groups dealt round-robin to the connections; each lane sends its groups' txs in
  // nonce order, so no transaction waits in the future queue for a lower nonce from another lane.
  const lanes = providers.map(() => []);
  groups.forEach((g, i) => lanes[i % lanes.length].push(...g));
  const refused = {};
  let accepted = 0;
  let sent = 0;
  const total = lanes.reduce((n, l) => n + l.length, 0);
  const started = Date.now();
  const progress = setInterval(() => log(`  submitted ${sent}/${total} (${accepted} accepted)`), 5_000);
  try {
    await Promise.all(lanes.map(async (lane, i) => {
      const provider = providers[i];
      let next = 0;
      const worker = async () => {
        while (next < lane.length && Date.now() < deadline) {
          const hex = lane[next];
          next += 1;
          try {
            await provider.send('author_submitExtrinsic', [hex]);
            accepted += 1;
          } catch (error) {
            const key = String(error.message ?? error).slice(0, 120);
            refused[key] = (refused[key] ?? 0) + 1;
          }
          sent += 1;
        }
      };
      await Promise.all(Array.from({ length: inFlight }, worker));
    }));
  } finally {
    clearInterval(progress);
    await Promise.all(providers.map((p) => p.disconnect().catch(() => {})));
  }
  const seconds = (Date.now() - started) / 1000;
  log(`  submitted ${sent}/${total} in ${seconds.toFixed(1)} s (${accepted} accepted)`);
  return { submitted: sent, accepted, refused, submitSeconds: seconds };
}
