//! Weights for `pallet_software_updates`.
//!
//! PLACEHOLDER until the benchmarks run (`scripts/benchmark`): each call's storage reads and
//! writes at its bounds plus a guessed execution time, with one signature verification
//! (about 50 us for sr25519) per signature. This file is replaced by the generated one.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use polkadot_sdk::frame_support::weights::{Weight, constants::RocksDbWeight};

/// Weight functions needed for `pallet_software_updates`.
pub trait WeightInfo {
	/// `s`: signatures.
	fn create_repository(s: u32) -> Weight;
	/// `s`: old and new signatures (up to 2 * `MaxKeys`).
	fn rotate_root(s: u32) -> Weight;
	fn revoke_key(s: u32) -> Weight;
	fn delegate(s: u32) -> Weight;
	fn revoke_delegation(s: u32) -> Weight;
	/// `h`: the image's hardware ids.
	fn add_target(s: u32, h: u32) -> Weight;
	fn prune_image(h: u32) -> Weight;
	/// `t`: the campaign's images.
	fn create_campaign(s: u32, t: u32) -> Weight;
	fn cancel_campaign(s: u32) -> Weight;
	fn remove_campaign(t: u32) -> Weight;
	fn report_installation() -> Weight;
	/// `e`: the manifest's images; `t`: the campaign's images.
	fn reveal_report(e: u32, t: u32) -> Weight;
	fn on_status_changed() -> Weight;
}

/// One signature's verification.
const SIGNATURE: Weight = Weight::from_parts(50_000_000, 0);

// For tests and until the benchmarks run.
impl WeightInfo for () {
	fn create_repository(s: u32) -> Weight {
		Weight::from_parts(60_000_000, 4_000)
			.saturating_add(SIGNATURE.saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads_writes(3, 4))
			.saturating_add(RocksDbWeight::get().reads(s.into()))
	}
	fn rotate_root(s: u32) -> Weight {
		Weight::from_parts(60_000_000, 4_000)
			.saturating_add(SIGNATURE.saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads_writes(3, 4))
			.saturating_add(RocksDbWeight::get().reads(s.into()))
	}
	fn revoke_key(s: u32) -> Weight {
		Weight::from_parts(40_000_000, 4_000)
			.saturating_add(SIGNATURE.saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads_writes(2, 2))
			.saturating_add(RocksDbWeight::get().reads(s.into()).saturating_mul(2))
	}
	fn delegate(s: u32) -> Weight {
		Weight::from_parts(40_000_000, 4_000)
			.saturating_add(SIGNATURE.saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads_writes(17, 2))
			.saturating_add(RocksDbWeight::get().reads(s.into()))
	}
	fn revoke_delegation(s: u32) -> Weight {
		Weight::from_parts(35_000_000, 4_000)
			.saturating_add(SIGNATURE.saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads_writes(2, 2))
			.saturating_add(RocksDbWeight::get().reads(s.into()))
	}
	fn add_target(s: u32, h: u32) -> Weight {
		Weight::from_parts(50_000_000, 5_000)
			.saturating_add(SIGNATURE.saturating_mul(s.into()))
			.saturating_add(Weight::from_parts(3_000_000, 2_600).saturating_mul(h.into()))
			.saturating_add(RocksDbWeight::get().reads_writes(5, 4))
			.saturating_add(RocksDbWeight::get().reads(s.into()))
			.saturating_add(RocksDbWeight::get().reads_writes(h.into(), h.into()))
	}
	fn prune_image(h: u32) -> Weight {
		Weight::from_parts(40_000_000, 5_000)
			.saturating_add(Weight::from_parts(3_000_000, 2_600).saturating_mul(h.into()))
			.saturating_add(RocksDbWeight::get().reads_writes(4, 4))
			.saturating_add(RocksDbWeight::get().reads(h.into()))
	}
	fn create_campaign(s: u32, t: u32) -> Weight {
		Weight::from_parts(60_000_000, 5_000)
			.saturating_add(SIGNATURE.saturating_mul(s.into()))
			.saturating_add(Weight::from_parts(8_000_000, 5_200).saturating_mul(t.into()))
			.saturating_add(RocksDbWeight::get().reads_writes(4, 4))
			.saturating_add(RocksDbWeight::get().reads(s.into()))
			.saturating_add(RocksDbWeight::get().reads_writes(3, 1).saturating_mul(t.into()))
	}
	fn cancel_campaign(s: u32) -> Weight {
		Weight::from_parts(35_000_000, 5_000)
			.saturating_add(SIGNATURE.saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads_writes(2, 2))
			.saturating_add(RocksDbWeight::get().reads(s.into()))
	}
	fn remove_campaign(t: u32) -> Weight {
		Weight::from_parts(40_000_000, 5_000)
			.saturating_add(Weight::from_parts(3_000_000, 2_600).saturating_mul(t.into()))
			.saturating_add(RocksDbWeight::get().reads_writes(4, 4))
			.saturating_add(RocksDbWeight::get().reads_writes(t.into(), t.into()))
	}
	fn report_installation() -> Weight {
		Weight::from_parts(40_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads_writes(4, 3))
	}
	fn reveal_report(e: u32, t: u32) -> Weight {
		Weight::from_parts(50_000_000, 6_000)
			.saturating_add(Weight::from_parts(4_000_000, 2_600).saturating_mul(e.into()))
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(t.into()))
			.saturating_add(RocksDbWeight::get().reads_writes(6, 1))
			.saturating_add(RocksDbWeight::get().reads(e.into()))
	}
	fn on_status_changed() -> Weight {
		Weight::from_parts(30_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads_writes(3, 3))
	}
}
