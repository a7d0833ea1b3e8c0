// Prints benchmarks/REPORT.md from one `scripts/benchmark.sh` run (benchmarks/raw/ and
// runtime/src/weights/) and, when present, the measured throughput and growth runs
// (benchmarks/throughput-*.json from scripts/throughput.sh, benchmarks/growth.json from
// scripts/growth.sh).
//   node report.mjs > benchmarks/REPORT.md
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  NORMAL_BUDGET_PS, REFERENCE_PALLETS, perTransaction, price, runtimeConstants, summaries,
} from './weights.mjs';
import { throughputSection, growthSection } from './measured.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The calls a vehicle or a settlement makes all day: each must cost at most a transfer. A
 * call carrying many items (a declaration batch: component `d` vehicle-days) is judged per
 * item at the top of the component's range.
 */
const HOT_CALLS = [
  ['pallet_service_book', 'report_odometer', 'device: odometer report'],
  ['pallet_usage_insurance', 'report_usage', 'device: insurance usage report'],
  ['pallet_shared_charging', 'stop_session', 'settlement: charging stop'],
  ['pallet_data_marketplace', 'purchase', 'settlement: data purchase'],
  ['pallet_car_sharing', 'check_in', 'device: car-sharing check-in'],
  ['pallet_car_sharing', 'check_out', 'settlement: car-sharing check-out'],
  ['pallet_road_usage', 'report_passage', 'device: gantry passage paid from prepaid tolls'],
  ['pallet_road_usage', 'attest_segment', 'device: platoon segment attestation'],
  ['pallet_road_usage', 'declare', 'settlement: toll declaration batch', { component: 'd', item: 'vehicle-day' }],
  ['pallet_usage_leasing', 'pay', 'settlement: lease instalment'],
  ['pallet_usage_leasing', 'settle', 'settlement: a lease period falling due (on_idle)'],
  ['pallet_freight', 'commit_readings', 'device: a freight sensor\'s daily root'],
  ['pallet_freight', 'accept_handoff', 'custody: a freight hand-off accepted'],
  ['pallet_software_updates', 'report_installation', 'device: a car\'s committed installation report'],
];

/** How many items one call of `c` carries at the top of `per.component`'s range (1 without `per`). */
const itemsOf = (c, per) => (per ? c.ranges.find((r) => r.name === per.component)?.max ?? 1 : 1);
/** Polkadot's relay chain accepts proofs of validity up to 10 MiB since 2025. */
const POV_MIB = 10;

const us = (ps) => (ps / 1e6).toFixed(1);
const all = summaries(repo);
const constants = runtimeConstants(repo);
const tx = perTransaction(all, constants);
const priced = {};
for (const [pallet, summary] of Object.entries(all)) {
  priced[pallet] = summary.benchmarks.map((b) => price(b, constants));
}
const call = (pallet, name) => priced[pallet]?.find((c) => c.name === name);
const transfer = call('pallet_balances', 'transfer_keep_alive');
if (!transfer) throw new Error('pallet_balances::transfer_keep_alive is not in this run');
const fits = (c) => Math.floor(NORMAL_BUDGET_PS / (tx.totalPs + c.totalPs));
const ratio = (c) => (c.totalPs / transfer.totalPs).toFixed(2);
const first = Object.values(all)[0];

const out = [];
const line = (text = '') => out.push(text);

line('# Benchmark report');
line();
line('Written by `scripts/benchmark/report.mjs` from the weights `scripts/benchmark.sh` wrote');
line('(runtime/src/weights/, pallets/*/src/weights.rs): do not edit, rerun.');
const dates = [...new Set(Object.values(all).map((s) => s.date))].sort();
const runs = dates.map((d) => `${d}: ${Object.values(all).filter((s) => s.date === d).map((s) => s.pallet).join(', ')}`);
line(dates.length === 1
  ? `All pallets measured on ${dates[0]} on \`${first.hostname}\` (${first.cpu}), ${first.steps} steps and ${first.repeat} repeats each.`
  : `Pallets measured on ${dates.join(' and ')} (${runs.join('; ')}) on \`${first.hostname}\` (${first.cpu}), ${first.steps} steps and ${first.repeat} repeats each: the ratios compare separate runs.`);
const ledger = join(repo, 'benchmarks/raw/runs.txt');
if (existsSync(ledger)) {
  const entries = new Map();
  for (const row of readFileSync(ledger, 'utf8').trim().split('\n')) {
    const [what, start, s1, s5, s15, end, e1, e5, e15] = row.split(' ');
    entries.set(what, { start, startLoad: `${s1}, ${s5}, ${s15}`, end, endLoad: `${e1}, ${e5}, ${e15}` });
  }
  line();
  line(`When each part was measured and the load averages (1, 5, 15 min) then, from`);
  line(`benchmarks/raw/runs.txt. On ${availableParallelism()} cores, a load above that means other work shared`);
  line('the machine and the figures are high by about as much.');
  line();
  line('| Measured | Started (UTC) | Load | Ended | Load |');
  line('| --- | --- | --- | --- | --- |');
  for (const [what, e] of entries) {
    line(`| ${what} | ${e.start.slice(0, 16).replace('T', ' ')} | ${e.startLoad} | ${e.end.slice(11, 16)} | ${e.endLoad} |`);
  }
  const unrecorded = Object.keys(all).filter((p) => !entries.has(p));
  if (unrecorded.length) line(`| ${unrecorded.join(', ')} | before this ledger (dates above) | | | |`);
}
line();
line('Weights are picoseconds of ref_time: execution plus database reads and writes at the');
line('measured ParityDB costs. A call with components is priced at the top of their ranges.');
line('"Per block" is how many signed transactions of that call fit in the normal class');
line(`(${us(NORMAL_BUDGET_PS / 1e6)} s of the 2 s block), each with the fixed cost below.`);
line();
const machine = join(repo, 'benchmarks/raw/machine.txt');
if (existsSync(machine)) {
  line('## Reference machine');
  line();
  line('`benchmark machine` against Polkadot\'s reference hardware (the chain\'s own reference is this machine):');
  line();
  line('```');
  for (const row of readFileSync(machine, 'utf8').split('\n').filter((r) => /^[|+]/.test(r))) line(row);
  line('```');
  line();
}

line('## Calibration');
line();
line('| Constant | Value | Source |');
line('| --- | ---: | --- |');
line(`| Database read (ParityDB) | ${us(constants.readPs)} us | \`benchmark storage\`, dev chain + 100 000 accounts |`);
line(`| Database write (ParityDB) | ${us(constants.writePs)} us | same, amortised over a commit of 1 000 keys |`);
line(`| Block base | ${us(constants.blockPs)} us | \`benchmark overhead\`, empty block |`);
line(`| Transaction base | ${us(constants.extrinsicBasePs)} us | \`benchmark overhead\` minus the extensions' execution |`);
for (const e of tx.extensions) {
  line(`| Extension \`${e.name}\` | ${us(e.totalPs)} us | ${us(e.ps)} us + ${e.reads} r / ${e.writes} w |`);
}
line(`| **Fixed cost of a signed transaction** | **${us(tx.totalPs)} us** | base + extensions |`);
line();

line('## Targets');
line();
const transfersPerBlock = fits(transfer);
line('| Target | Figure | Met |');
line('| --- | --- | --- |');
line(`| At least 5 000 transfers per block (weights) | ${transfersPerBlock} | ${transfersPerBlock >= 5000 ? 'yes' : 'no'} |`);
for (const [pallet, name, what, per] of HOT_CALLS) {
  const c = call(pallet, name);
  if (!c) {
    line(`| ${what} at most 1.0x a transfer${per ? ` per ${per.item}` : ''} | not benchmarked | no |`);
    continue;
  }
  const items = itemsOf(c, per);
  if (items > 1) {
    const perItemPs = (tx.totalPs + c.totalPs) / items - tx.totalPs;
    line(`| ${what} (\`${name}\`) at most 1.0x a transfer per ${per.item} (${items} a call, its fixed cost shared) | ${(perItemPs / transfer.totalPs).toFixed(2)}x (${us(c.totalPs)} us a call, ${ratio(c)}x; ${c.reads} r / ${c.writes} w) | ${perItemPs <= transfer.totalPs ? 'yes' : 'no'} |`);
    continue;
  }
  line(`| ${what} (\`${name}\`) at most 1.0x a transfer | ${ratio(c)}x (${us(c.totalPs)} us, ${c.reads} r / ${c.writes} w) | ${c.totalPs <= transfer.totalPs ? 'yes' : 'no'} |`);
}
for (const row of throughputSection(repo, { targetsOnly: true })) line(row);
line();

line('## Heaviest calls');
line();
const v2x = Object.entries(priced)
  .filter(([pallet]) => !REFERENCE_PALLETS.includes(pallet) && pallet.startsWith('pallet_'))
  .flatMap(([pallet, calls]) => calls.map((c) => ({ ...c, pallet })));
const heaviest = [...v2x].sort((a, b) => b.totalPs - a.totalPs).slice(0, 3);
for (const h of heaviest) {
  const bounds = h.ranges.map((r) => `${r.name} = ${r.max}`).join(', ');
  line(`- \`${h.pallet}::${h.name}\`: ${us(h.totalPs)} us (${ratio(h)}x a transfer; ${h.reads} reads, ${h.writes} writes${bounds ? `; at ${bounds}` : ''}). Storage it touches:`);
  for (const s of h.storage.filter((s) => s.startsWith('Storage:'))) line(`  - ${s.replace('Storage: ', '')}`);
}
line();

line('## Every call');
line();
for (const [pallet, calls] of Object.entries(priced)) {
  line(`### ${pallet}`);
  line();
  line('| Call | Execution us | Reads | Writes | Total us | Proof KiB | x transfer | Per block |');
  line('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const c of calls) {
    const components = c.ranges.length ? ` (${c.ranges.map((r) => `${r.name}=${r.max}`).join(', ')})` : '';
    line(`| \`${c.name}\`${components} | ${us(c.execPs)} | ${c.reads} | ${c.writes} | ${us(c.totalPs)} | ${(c.proof / 1024).toFixed(1)} | ${ratio(c)} | ${fits(c)} |`);
  }
  line();
}

line('## Capacity');
line();
line('What one chain serves at the weights above, one transaction per event, a block every');
line(`6 s. As a parachain the ref_time budget is the same (2 s per block, 75% normal) and the`);
line(`proof of every block must also fit Polkadot's ${POV_MIB} MiB PoV: the table gives the lower bound.`);
line('docs/capacity.md explains the model and the ways to scale out.');
line();
line('| Call | Per block | Per second | Per day | Vehicles at 1/day | Vehicles at 1/hour | Proof per tx KiB | Per parachain block |');
line('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [pallet, name, , per] of [['pallet_balances', 'transfer_keep_alive'], ...HOT_CALLS]) {
  const c = call(pallet, name);
  if (!c) continue;
  const perBlock = fits(c);
  const perDay = Math.floor((perBlock * 86_400) / 6);
  // A vehicle's event is one item: a declaration batch serves `items` vehicle-days.
  const items = itemsOf(c, per);
  const label = items > 1 ? `\`${name}\` (${items} ${per.item}s each)` : `\`${name}\``;
  const proof = tx.proof + c.proof;
  const parachain = Math.min(perBlock, Math.floor((0.75 * POV_MIB * 1024 * 1024) / proof));
  line(`| ${label} | ${perBlock} | ${(perBlock / 6).toFixed(0)} | ${perDay.toLocaleString('en')} | ${(perDay * items).toLocaleString('en')} | ${Math.floor((perDay * items) / 24).toLocaleString('en')} | ${(proof / 1024).toFixed(1)} | ${parachain} |`);
}
line();

for (const row of throughputSection(repo, { targetsOnly: false })) line(row);
for (const row of growthSection(repo)) line(row);

process.stdout.write(`${out.join('\n')}\n`);
