// Insurance for the reporting vehicles: governance (sudo) approves the load insurer, which
// funds its pool and publishes a daily product with a small cover (the pool must carry
// `SolvencyRatio` of every policy's cover, so a large cover would need a pool per policy);
// the fleet owner buys one policy per vehicle.

import { UNIT, MILLI } from '../accounts.mjs';
import { batched, dataOf, sendAll } from '../chain.mjs';

/** One day of 6-second blocks: no period ends while the phase runs. */
const PERIOD_BLOCKS = 14_400;

/** Insures every vehicle of `vehicles` with the fleet owner as holder. */
export async function setupInsurance(api, who, vehicles, { log }) {
  log(`insuring ${vehicles.length} vehicles`);
  await sendAll(api, who.alice, [api.tx.sudo.sudo(api.tx.usageInsurance.approveInsurer(who.insurer.address, 'Load Mutual'))]);
  const terms = {
    basePremium: UNIT,
    ratePerKm: MILLI,
    surcharges: { harshBraking: MILLI, speeding: MILLI, nightKm: MILLI },
    periodLength: PERIOD_BLOCKS,
    deductible: UNIT,
    maxCover: 10n * UNIT,
    termsHash: `0x${'07'.repeat(32)}`,
  };
  const [, created] = await sendAll(api, who.insurer, [
    api.tx.usageInsurance.fundPool(10_000n * UNIT),
    api.tx.usageInsurance.createProduct(terms),
  ]);
  const [product] = dataOf([created], 'usageInsurance', 'ProductCreated');
  const productId = product.product.toNumber();
  await sendAll(api, who.fleet, batched(api, vehicles.map((v) => api.tx.usageInsurance.buyPolicy(v, productId, 5n * UNIT))));
  return productId;
}
