//! What the `benchmark overhead` and `benchmark extrinsic` commands need from the node.

use polkadot_sdk::{sp_inherents::InherentData, *};

/// Inherent data for a benchmark block: a timestamp is the only inherent Aura blocks need
/// besides the slot, which the benchmark derives.
pub fn inherent_benchmark_data() -> Result<InherentData, String> {
	let mut inherent_data = InherentData::new();
	let timestamp = sp_timestamp::InherentDataProvider::new(sp_timestamp::Timestamp::new(0));
	futures::executor::block_on(sp_inherents::InherentDataProvider::provide_inherent_data(
		&timestamp,
		&mut inherent_data,
	))
	.map_err(|e| format!("creating inherent data: {e:?}"))?;
	Ok(inherent_data)
}
