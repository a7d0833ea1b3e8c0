// The report's measured sections: throughput of a running chain (scripts/throughput.sh) and
// growth of the history APIs (scripts/growth.sh), read from their JSON in benchmarks/.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function load(repo, name) {
  const file = join(repo, 'benchmarks', name);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/** Rows of the throughput section, or of the targets table when `targetsOnly`. */
export function throughputSection(repo, { targetsOnly }) {
  const dev = load(repo, 'throughput-dev.json');
  if (!dev) return targetsOnly ? ['| Measured throughput | not run (scripts/throughput.sh) | no |'] : [];
  return [];
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
