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

/** Rows of the growth section. */
export function growthSection(repo) {
  const growth = load(repo, 'growth.json');
  if (!growth) return [];
  return [];
}
