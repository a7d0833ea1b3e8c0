//! Weights for `pallet_usage_leasing`.
//!
//! Hand-written estimates until the pallet is benchmarked: each is a generous execution time
//! plus the storage reads and writes of the call's worst case. `scripts/benchmark` replaces
//! this file with generated weights.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use polkadot_sdk::{frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}}, frame_system};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_usage_leasing`.
pub trait WeightInfo {
	fn offer_lease() -> Weight;
	fn withdraw_offer() -> Weight;
	fn accept_lease() -> Weight;
	fn pay() -> Weight;
	fn withdraw_prepayment() -> Weight;
	fn settle() -> Weight;
	fn mark_default() -> Weight;
	fn confirm_default() -> Weight;
	fn write_off() -> Weight;
	fn buy_out() -> Weight;
	fn transfer_position() -> Weight;
	fn force_terminate() -> Weight;
	fn on_ownership_transferred() -> Weight;
	fn on_status_changed() -> Weight;
}

/// Weights for `pallet_usage_leasing` using the Substrate node and recommended hardware.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: Identity registry and lender list (r:3), `VehicleLease`, `NextLeaseId`, `Leases`, the deposit hold (r:3 w:4)
	fn offer_lease() -> Weight {
		Weight::from_parts(45_000_000, 8_000)
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	/// Storage: `Leases`, `VehicleLease`, the deposit hold (r:2 w:3)
	fn withdraw_offer() -> Weight {
		Weight::from_parts(35_000_000, 8_000)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// Storage: `Leases`, the odometer, the identity registry (lien, operator), `DueLeases` (r:5 w:5)
	fn accept_lease() -> Weight {
		Weight::from_parts(60_000_000, 8_000)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	/// Storage: `Leases`, the odometer, the holds and both accounts, `DueLeases` (r:6 w:6)
	fn pay() -> Weight {
		Weight::from_parts(80_000_000, 8_000)
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	/// Storage: `Leases`, the odometer, the holds and both accounts, `DueLeases` (r:6 w:6)
	fn withdraw_prepayment() -> Weight {
		Weight::from_parts(75_000_000, 8_000)
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	/// Storage: `Leases`, the odometer, the holds, both accounts, `DueLeases`, the lien and the deposit at completion (r:8 w:8)
	fn settle() -> Weight {
		Weight::from_parts(90_000_000, 8_000)
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().writes(8))
	}
	/// Storage: `Leases`, `DefaultChecks`, the odometer, the settlement's holds and `DueLeases` (r:7 w:6)
	fn mark_default() -> Weight {
		Weight::from_parts(80_000_000, 8_000)
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	/// Storage: `Leases`, the odometer, the settlement's holds and `DueLeases` (r:6 w:5)
	fn confirm_default() -> Weight {
		Weight::from_parts(70_000_000, 8_000)
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	/// Storage: `Leases`, `VehicleLease`, `DueLeases`, the lien, the operator right, both holds (r:8 w:8)
	fn write_off() -> Weight {
		Weight::from_parts(95_000_000, 8_000)
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().writes(8))
	}
	/// Storage: `Leases`, `VehicleLease`, `DueLeases`, the holds, both accounts, the lien, the sale (r:10 w:10)
	fn buy_out() -> Weight {
		Weight::from_parts(130_000_000, 8_000)
			.saturating_add(T::DbWeight::get().reads(10))
			.saturating_add(T::DbWeight::get().writes(10))
	}
	/// Storage: `Leases`, the lender list, the lien (r:3 w:2)
	fn transfer_position() -> Weight {
		Weight::from_parts(45_000_000, 8_000)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// Storage: `Leases`, `VehicleLease`, `DueLeases`, the lien, the operator right, both holds (r:8 w:8)
	fn force_terminate() -> Weight {
		Weight::from_parts(95_000_000, 8_000)
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().writes(8))
	}
	/// Storage: `VehicleLease`, `Leases`, the deposit hold (r:3 w:3)
	fn on_ownership_transferred() -> Weight {
		Weight::from_parts(35_000_000, 8_000)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// Storage: `VehicleLease`, `Leases`, `DueLeases`, the lien, the operator right, both holds (r:8 w:8)
	fn on_status_changed() -> Weight {
		Weight::from_parts(95_000_000, 8_000)
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().writes(8))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	/// Storage: Identity registry and lender list (r:3), `VehicleLease`, `NextLeaseId`, `Leases`, the deposit hold (r:3 w:4)
	fn offer_lease() -> Weight {
		Weight::from_parts(45_000_000, 8_000)
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().writes(4))
	}
	/// Storage: `Leases`, `VehicleLease`, the deposit hold (r:2 w:3)
	fn withdraw_offer() -> Weight {
		Weight::from_parts(35_000_000, 8_000)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	/// Storage: `Leases`, the odometer, the identity registry (lien, operator), `DueLeases` (r:5 w:5)
	fn accept_lease() -> Weight {
		Weight::from_parts(60_000_000, 8_000)
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	/// Storage: `Leases`, the odometer, the holds and both accounts, `DueLeases` (r:6 w:6)
	fn pay() -> Weight {
		Weight::from_parts(80_000_000, 8_000)
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().writes(6))
	}
	/// Storage: `Leases`, the odometer, the holds and both accounts, `DueLeases` (r:6 w:6)
	fn withdraw_prepayment() -> Weight {
		Weight::from_parts(75_000_000, 8_000)
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().writes(6))
	}
	/// Storage: `Leases`, the odometer, the holds, both accounts, `DueLeases`, the lien and the deposit at completion (r:8 w:8)
	fn settle() -> Weight {
		Weight::from_parts(90_000_000, 8_000)
			.saturating_add(RocksDbWeight::get().reads(8))
			.saturating_add(RocksDbWeight::get().writes(8))
	}
	/// Storage: `Leases`, `DefaultChecks`, the odometer, the settlement's holds and `DueLeases` (r:7 w:6)
	fn mark_default() -> Weight {
		Weight::from_parts(80_000_000, 8_000)
			.saturating_add(RocksDbWeight::get().reads(7))
			.saturating_add(RocksDbWeight::get().writes(6))
	}
	/// Storage: `Leases`, the odometer, the settlement's holds and `DueLeases` (r:6 w:5)
	fn confirm_default() -> Weight {
		Weight::from_parts(70_000_000, 8_000)
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	/// Storage: `Leases`, `VehicleLease`, `DueLeases`, the lien, the operator right, both holds (r:8 w:8)
	fn write_off() -> Weight {
		Weight::from_parts(95_000_000, 8_000)
			.saturating_add(RocksDbWeight::get().reads(8))
			.saturating_add(RocksDbWeight::get().writes(8))
	}
	/// Storage: `Leases`, `VehicleLease`, `DueLeases`, the holds, both accounts, the lien, the sale (r:10 w:10)
	fn buy_out() -> Weight {
		Weight::from_parts(130_000_000, 8_000)
			.saturating_add(RocksDbWeight::get().reads(10))
			.saturating_add(RocksDbWeight::get().writes(10))
	}
	/// Storage: `Leases`, the lender list, the lien (r:3 w:2)
	fn transfer_position() -> Weight {
		Weight::from_parts(45_000_000, 8_000)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	/// Storage: `Leases`, `VehicleLease`, `DueLeases`, the lien, the operator right, both holds (r:8 w:8)
	fn force_terminate() -> Weight {
		Weight::from_parts(95_000_000, 8_000)
			.saturating_add(RocksDbWeight::get().reads(8))
			.saturating_add(RocksDbWeight::get().writes(8))
	}
	/// Storage: `VehicleLease`, `Leases`, the deposit hold (r:3 w:3)
	fn on_ownership_transferred() -> Weight {
		Weight::from_parts(35_000_000, 8_000)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	/// Storage: `VehicleLease`, `Leases`, `DueLeases`, the lien, the operator right, both holds (r:8 w:8)
	fn on_status_changed() -> Weight {
		Weight::from_parts(95_000_000, 8_000)
			.saturating_add(RocksDbWeight::get().reads(8))
			.saturating_add(RocksDbWeight::get().writes(8))
	}
}
