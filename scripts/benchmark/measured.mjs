// The report's measured sections: throughput of a running chain (scripts/throughput.sh) and
// growth of the history APIs (scripts/growth.sh), read from their JSON in benchmarks/.
// throughput-sharing.json and throughput-road.json are separate `--dev` runs of the car-sharing
// and the road-usage phases, each with transfers of its own: a run's file describes one run
// (its node, command, import benchmark, ratios), so phases of another run are not merged
// into throughput-dev.json.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function load(repo, name) {
  const file = join(repo, 'benchmarks', name);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

const BUILD_TARGET = 0.8;
const RATIO_TARGET = 0.8;
const fmtReasons = (reasons) =>
  Object.entries(reasons ?? {}).map(([r, n]) => `${r} ${n}`).join(', ') || '-';

/** Each domain phase of `run` against the transfers of the same run. */
function ratioTargets(run, transfers, note = '') {
  return run.phases.filter((p) => p.name !== 'transfers').map((phase) => {
    const ratio = phase.tpsRatioToTransfers ?? 0;
    return `| \`${phase.call}\` throughput at least 80% of transfers'${note} | ${(ratio * 100).toFixed(0)}% (${phase.sustainedTps} vs ${transfers?.sustainedTps ?? '-'} tx/s) | ${ratio >= RATIO_TARGET ? 'yes' : 'no'} |`;
  });
}

/** The targets a throughput run decides: transfers per block, build time, domain ratios. */
function throughputTargets(dev) {
  const transfers = dev.phases.find((p) => p.name === 'transfers');
  if (!transfers) return ['| Measured throughput | no transfer phase in throughput-dev.json | no |'];
  const budgetMs = dev.runtime.normalMaxRefTime / 1e9;
  const perBlock = transfers.txPerFullBlock?.median ?? 0;
  const buildShare = (transfers.buildMs?.median ?? 0) / budgetMs;
  const rows = [
    `| At least 5 000 transfers per block (measured, \`--dev\`) | ${perBlock} | ${perBlock >= 5000 ? 'yes' : 'no'} |`,
    `| Full block built in at least 80% of its ${budgetMs} ms weight budget | ${transfers.buildMs?.median} ms (${(buildShare * 100).toFixed(0)}%) | ${buildShare >= BUILD_TARGET ? 'yes' : 'no'} |`,
  ];
  return [...rows, ...ratioTargets(dev, transfers)];
}

/** A separate run's domain ratios (`what`: car-sharing, road-usage), each against that run's own transfers. */
function separateRunTargets(run, what) {
  const transfers = run.phases.find((p) => p.name === 'transfers');
  const when = run.startedAt.slice(0, 10);
  const rows = ratioTargets(run, transfers, ` (${what} run ${when}, its own transfers)`);
  // A declaration batch carries many vehicle-days: the rate of those against transfers too.
  for (const phase of run.phases.filter((p) => p.vehicleDays)) {
    const perSecond = phase.vehicleDays.sustainedPerSecond ?? 0;
    const ratio = transfers?.sustainedTps ? perSecond / transfers.sustainedTps : 0;
    rows.push(`| \`${phase.call}\` vehicle-days (${phase.vehicleDays.perTx} a transaction) at least 80% of transfers' rate (${what} run ${when}) | ${(ratio * 100).toFixed(0)}% (${perSecond} vehicle-days/s vs ${transfers?.sustainedTps ?? '-'} tx/s) | ${ratio >= RATIO_TARGET ? 'yes' : 'no'} |`);
  }
  return rows;
}

/** The machine's load average (1 min) at the run's start and end, when the run recorded it. */
function loadNote(machine) {
  const load = machine?.loadAverage;
  return load ? `; load average ${load.start[0]} at the start, ${load.end[0]} at the end, on ${machine.cpus} cores` : '';
}

function throughputTable(run, title) {
  const rows = [
    `### ${title ?? (run.mode === 'dev' ? 'A `--dev` node' : `The local network (${run.nodes.join(', ')})`)}`,
    '',
    `${run.startedAt.slice(0, 16).replace('T', ' ')} UTC, ${run.durationSeconds} s, \`${run.command}\`${loadNote(run.machine)}.`,
    '',
    '| Phase | Included / failed | Sustained tx/s | Tx per full block | Predicted per block | Fullness | Block ended by | Build ms | Finality lag | RSS MiB | x transfers |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |',
  ];
  for (const p of run.phases) {
    const rss = Math.max(...Object.values(p.rssMiB ?? {}).map((r) => r.max ?? 0));
    const lag = run.mode === 'dev' ? Object.values(p.finalityLag?.perNode ?? {})[0] : p.finalityLag?.acrossNodes;
    rows.push(`| ${p.name} (\`${p.call}\`) | ${p.included} / ${p.failed} | ${p.sustainedTps} | ${p.txPerFullBlock?.median ?? '-'} | ${p.prediction?.perBlock ?? '-'} (${p.prediction?.limitedBy ?? '-'}) | ${p.fullness?.refTime?.median ?? '-'} | ${fmtReasons(p.endProposalReasons)} | ${p.buildMs?.median ?? '-'} | ${lag?.median ?? '-'} blocks | ${rss} | ${p.tpsRatioToTransfers ?? '-'} |`);
  }
  rows.push('');
  if (run.importBenchmark?.blocks?.length) {
    rows.push('Import of the full blocks (`benchmark block` on the same database, after the run):');
    rows.push('');
    rows.push('| Block | Transactions | Import ms | Weight ms | Import / weight |');
    rows.push('| ---: | ---: | ---: | ---: | ---: |');
    for (const b of run.importBenchmark.blocks) {
      rows.push(`| ${b.block} | ${b.txs} | ${(b.timeNs / 1e6).toFixed(0)} | ${(b.weightNs / 1e6).toFixed(0)} | ${(b.timeNs / b.weightNs).toFixed(2)} |`);
    }
    rows.push('');
  }
  for (const p of run.phases.filter((x) => x.vehicleDays)) {
    const v = p.vehicleDays;
    rows.push(`${p.name}: ${v.perTx} vehicle-days a transaction, ${v.perFullBlock.median ?? '-'} per full block (predicted ${v.predictedPerBlock}), ${v.sustainedPerSecond ?? '-'} vehicle-days/s sustained.`, '');
  }
  if (run.missing?.length) rows.push(`Not measured: ${run.missing.join('; ')}.`, '');
  return rows;
}

/** Rows of the throughput section, or of the targets table when `targetsOnly`. */
export function throughputSection(repo, { targetsOnly }) {
  const dev = load(repo, 'throughput-dev.json');
  const sharing = load(repo, 'throughput-sharing.json');
  const road = load(repo, 'throughput-road.json');
  if (targetsOnly) {
    return [
      ...(dev ? throughputTargets(dev) : ['| Measured throughput | not run (scripts/throughput.sh) | no |']),
      ...(sharing ? separateRunTargets(sharing, 'car-sharing') : []),
      ...(road ? separateRunTargets(road, 'road-usage') : []),
    ];
  }
  const tables = [
    dev && throughputTable(dev),
    sharing && throughputTable(sharing, 'A `--dev` node: car sharing (a separate run; its ratios are to its own transfers)'),
    road && throughputTable(road, 'A `--dev` node: road usage (a separate run; its ratios are to its own transfers)'),
    load(repo, 'throughput-network.json') && throughputTable(load(repo, 'throughput-network.json')),
  ].filter(Boolean);
  if (!tables.length) return [];
  return [
    '## Throughput of a running chain',
    '',
    'Measured by `scripts/throughput.sh`: pre-signed transactions from many funded accounts, offered',
    'faster than blocks take them, one phase per call. "Predicted" is what the weights say fits',
    'the normal class; "fullness" is the normal class used in the full blocks.',
    '',
    ...tables.flat(),
  ];
}

/** Rows of the growth section: every read path's median and p95 at each history size. */
export function growthSection(repo) {
  const growth = load(repo, 'growth.json');
  if (!growth) return [];
  const sizes = growth.sizes;
  const label = (size) => `${size.records.toLocaleString('en')}${size.source === 'synthesised' ? '*' : ''}`;
  const rows = [
    '## Growth of the history reads',
    '',
    `One vehicle with ever more service records (\`scripts/growth.sh\`, ${growth.generatedAt.slice(0, 10)},`,
    `${growth.settings.repetitions} warm rounds per size): median / p95 in ms over JSON-RPC, the block fixed.`,
    'Pages keep every answer the same size, so the time stays flat; what remains is the trie',
    'getting deeper (`record_count`, one read, grows by as much).',
    '',
    `| Read path | ${sizes.map(label).join(' | ')} |`,
    `| --- | ${sizes.map(() => '---:').join(' | ')} |`,
  ];
  for (const path of sizes[0].paths) {
    const cells = sizes.map((size) => {
      const p = size.paths.find((q) => q.id === path.id);
      return p ? `${p.medianMs.toFixed(2)} / ${p.p95Ms.toFixed(2)}` : '-';
    });
    rows.push(`| ${path.what} | ${cells.join(' | ')} |`);
  }
  rows.push(`| node start until RPC answers, s | ${sizes.map((s) => s.startupSeconds ?? '-').join(' | ')} |`);
  rows.push('');
  if (sizes.some((s) => s.source === 'synthesised')) {
    rows.push('\\* Older records written straight into a raw chain spec with the runtime\'s storage layout:');
    rows.push(`the node refuses a genesis of that many records (${growth.genesisLimit?.error ?? 'see growth.json'};`);
    rows.push(`the largest that builds is ${growth.genesisLimit?.largestRecords?.toLocaleString('en') ?? '?'} records).`);
    rows.push('');
  }
  return rows;
}
