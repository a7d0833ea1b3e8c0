//! Weights for `pallet_road_usage`.
//!
//! PLACEHOLDERS: constant guesses until `benchmark pallet` generates this file from
//! `benchmarking.rs` (scripts/benchmark). Do not tune by hand; replace.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use polkadot_sdk::{frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}}, frame_system};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_road_usage`.
pub trait WeightInfo {
	fn approve_charger() -> Weight;
	fn approve_provider() -> Weight;
	fn revoke_provider() -> Weight;
	fn post_bond() -> Weight;
	fn withdraw_bond() -> Weight;
	fn create_context() -> Weight;
	fn publish_tariff() -> Weight;
	fn add_gantry() -> Weight;
	fn remove_gantry() -> Weight;
	fn set_provider() -> Weight;
	fn top_up() -> Weight;
	fn withdraw_prepaid() -> Weight;
	fn declare(d: u32, e: u32) -> Weight;
	fn accept_batch() -> Weight;
	fn dispute_batch() -> Weight;
	fn resolve_dispute() -> Weight;
	fn settle_unanswered() -> Weight;
	fn repay_credit() -> Weight;
	fn prune_batch() -> Weight;
	fn prune_vehicle_day() -> Weight;
	fn report_passage() -> Weight;
	fn form_platoon() -> Weight;
	fn join_platoon() -> Weight;
	fn start_segment() -> Weight;
	fn attest_segment() -> Weight;
	fn leave_platoon() -> Weight;
	fn on_ownership_transferred() -> Weight;
	fn on_status_changed() -> Weight;
}


/// Weights for `pallet_road_usage` on the V2X Chain runtime. PLACEHOLDERS until benchmarked.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn approve_charger() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn approve_provider() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn revoke_provider() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn post_bond() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	fn withdraw_bond() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	fn create_context() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	fn publish_tariff() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	fn add_gantry() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn remove_gantry() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn set_provider() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn top_up() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	fn withdraw_prepaid() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	fn declare(d: u32, e: u32) -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(Weight::from_parts(20_000_000, 2_000).saturating_mul(d.into()))
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(e.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64.saturating_add(3_u64.saturating_mul(d.into()))))
			.saturating_add(T::DbWeight::get().writes(6_u64.saturating_add(2_u64.saturating_mul(d.into()))))
	}
	fn accept_batch() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().writes(8))
	}
	fn dispute_batch() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn resolve_dispute() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().writes(8))
	}
	fn settle_unanswered() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().writes(8))
	}
	fn repay_credit() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	fn prune_batch() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	fn prune_vehicle_day() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	fn report_passage() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(10))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	fn form_platoon() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	fn join_platoon() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	fn start_segment() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn attest_segment() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	fn leave_platoon() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(12))
			.saturating_add(T::DbWeight::get().writes(12))
	}
	fn on_ownership_transferred() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(16))
			.saturating_add(T::DbWeight::get().writes(16))
	}
	fn on_status_changed() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(16))
			.saturating_add(T::DbWeight::get().writes(16))
	}
}

// For backwards compatibility and tests. PLACEHOLDERS until benchmarked.
impl WeightInfo for () {
	fn approve_charger() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn approve_provider() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn revoke_provider() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn post_bond() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn withdraw_bond() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn create_context() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(4))
	}
	fn publish_tariff() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn add_gantry() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn remove_gantry() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn set_provider() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn top_up() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn withdraw_prepaid() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn declare(d: u32, e: u32) -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(100_000_000, 20_000)
			.saturating_add(Weight::from_parts(20_000_000, 2_000).saturating_mul(d.into()))
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(e.into()))
			.saturating_add(RocksDbWeight::get().reads(6_u64.saturating_add(3_u64.saturating_mul(d.into()))))
			.saturating_add(RocksDbWeight::get().writes(6_u64.saturating_add(2_u64.saturating_mul(d.into()))))
	}
	fn accept_batch() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(8))
			.saturating_add(RocksDbWeight::get().writes(8))
	}
	fn dispute_batch() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn resolve_dispute() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(8))
			.saturating_add(RocksDbWeight::get().writes(8))
	}
	fn settle_unanswered() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(8))
			.saturating_add(RocksDbWeight::get().writes(8))
	}
	fn repay_credit() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn prune_batch() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn prune_vehicle_day() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn report_passage() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(10))
			.saturating_add(RocksDbWeight::get().writes(6))
	}
	fn form_platoon() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	fn join_platoon() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	fn start_segment() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn attest_segment() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	fn leave_platoon() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(12))
			.saturating_add(RocksDbWeight::get().writes(12))
	}
	fn on_ownership_transferred() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(16))
			.saturating_add(RocksDbWeight::get().writes(16))
	}
	fn on_status_changed() -> Weight {
		// PLACEHOLDER until benchmarked.
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(16))
			.saturating_add(RocksDbWeight::get().writes(16))
	}
}
