// Data listings to buy: the fleet owner lists one category of data of each of the first
// `count` vehicles. Each listing sells at most `MaxGrantsPerListing` grants and each buyer
// holds at most `MaxGrantsPerBuyer`, so the phase spreads its purchases over listings.

import { MILLI } from '../accounts.mjs';
import { batched, dataOf, sendAll } from '../chain.mjs';

/** Returns the ids of one open listing per vehicle of `vehicles`. */
export async function setupListings(api, who, vehicles, { log }) {
  log(`listing battery data of ${vehicles.length} vehicles`);
  const listings = vehicles.map((v) => api.tx.dataMarketplace.createListing(
    v, 'Battery', MILLI, 1_000, `0x${'03'.repeat(32)}`, null,
  ));
  const ids = dataOf(await sendAll(api, who.fleet, batched(api, listings)), 'dataMarketplace', 'ListingCreated')
    .map((d) => d.listing.toNumber());
  if (ids.length !== vehicles.length) throw new Error(`created ${ids.length} of ${vehicles.length} listings`);
  return ids;
}
