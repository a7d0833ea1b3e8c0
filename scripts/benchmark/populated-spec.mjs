// Prints the dev chain spec with `count` more funded accounts, so that `benchmark storage`
// measures ParityDB on a state of a realistic depth rather than the dev preset's hundred
// keys, which all sit in one cache line of the trie.
//   node populated-spec.mjs <v2x-node binary> <count>
// No npm package: the accounts are hashes of their index, written in SS58 (prefix 42, as the
// dev accounts), so the spec is the same on every run.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';

const [node, countArg] = process.argv.slice(2);
const count = Number(countArg);
if (!node || !Number.isInteger(count) || count < 1) {
  console.error('usage: node populated-spec.mjs <v2x-node binary> <count>');
  process.exit(2);
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function base58(bytes) {
  let n = BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
  let out = '';
  while (n > 0n) {
    out = BASE58[Number(n % 58n)] + out;
    n /= 58n;
  }
  for (const byte of bytes) {
    if (byte !== 0) break;
    out = `1${out}`;
  }
  return out;
}

/** The SS58 address (generic prefix 42) of a 32-byte account id. */
function ss58(accountId) {
  const body = Buffer.concat([Buffer.from([42]), accountId]);
  const checksum = createHash('blake2b512').update(Buffer.from('SS58PRE')).update(body).digest();
  return base58(Buffer.concat([body, checksum.subarray(0, 2)]));
}

const spec = JSON.parse(
  execFileSync(node, ['build-spec', '--chain', 'dev'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'ignore'],
  }),
);
const balances = spec.genesis.runtimeGenesis.patch.balances.balances;
// 1 V2X each (12 decimals): well above the existential deposit.
const amount = 1_000_000_000_000;
for (let i = 0; i < count; i += 1) {
  const id = createHash('sha256').update(`v2x-storage-benchmark/${i}`).digest();
  balances.push([ss58(id), amount]);
}
process.stdout.write(JSON.stringify(spec));
