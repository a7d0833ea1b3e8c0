//! Tests of the data marketplace, one behaviour each. Every test ends by checking the
//! pallet's invariants (`ExtBuilder::build_and_execute`).

use crate::mock::*;

#[test]
fn the_chain_starts() {
	ExtBuilder::ready().with_genesis_listing().build_and_execute(|| {});
}
