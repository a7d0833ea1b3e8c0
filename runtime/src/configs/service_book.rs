//! The service book: workshops, work orders, records and the odometer history.

use crate::{
	AccountId, Balance, Balances, BlockNumber, Runtime, RuntimeEvent, RuntimeHoldReason, Timestamp,
	VehicleIdentity, DAYS, UNIT,
};
use polkadot_sdk::{
	frame_support::{parameter_types, traits::ConstU32},
	frame_system::EnsureRoot,
};

parameter_types! {
	/// Held from the workshop per record: records stay for good.
	pub const RecordDeposit: Balance = UNIT / 10;
	/// Held from whoever opens a work order, until it is closed.
	pub const WorkOrderDeposit: Balance = UNIT / 100;
	/// Held from a manufacturer per workshop it authorises.
	pub const AuthorisationDeposit: Balance = UNIT / 10;
	/// A work order may stay open at most 30 days.
	pub const MaxWorkOrderDuration: BlockNumber = 30 * DAYS;
	/// No car covers more than 2000 km in a day: a faster rise is flagged.
	pub const MaxKmPerDay: v2x_primitives::Km = 2_000;
	/// A replacement instrument cluster is new or reset: it shows at most 1000 km.
	pub const MaxNewClusterKm: v2x_primitives::Km = 1_000;
}

impl pallet_service_book::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Vehicles = VehicleIdentity;
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type UnixTime = Timestamp;
	type RecordDeposit = RecordDeposit;
	type WorkOrderDeposit = WorkOrderDeposit;
	type AuthorisationDeposit = AuthorisationDeposit;
	type MaxNameLength = ConstU32<64>;
	type MaxCertifications = ConstU32<8>;
	type MaxCertificationLength = ConstU32<64>;
	type MaxUriLength = ConstU32<256>;
	type MaxOpenWorkOrders = ConstU32<4>;
	type MaxWorkOrderDuration = MaxWorkOrderDuration;
	type MaxRecentReadings = ConstU32<32>;
	type MaxFlaggedReadings = ConstU32<64>;
	type MaxKmPerDay = MaxKmPerDay;
	type MaxNewClusterKm = MaxNewClusterKm;
	type MaxPageSize = ConstU32<100>;
	type WeightInfo = pallet_service_book::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmark_helper::RegisteredVehicles;
}

/// Real vehicles in the identity pallet for the service book's benchmarks.
#[cfg(feature = "runtime-benchmarks")]
mod benchmark_helper {
	use crate::{AccountId, Balances, Runtime, RuntimeOrigin, System, VehicleIdentity, UNIT};
	use alloc::{string::ToString, vec};
	use pallet_vehicle_identity::Powertrain;
	use polkadot_sdk::frame_support::traits::{fungible::Mutate, Get};
	use v2x_primitives::{VehicleId, VehicleRegistry, Vin};

	/// Registers vehicles through the identity pallet's own calls, as a user would.
	pub struct RegisteredVehicles;

	fn manufacturer() -> AccountId {
		AccountId::new([0xbe; 32])
	}

	/// A VIN with WMI `1HG`, serial `id`, and a valid check digit.
	fn vin_for(id: VehicleId) -> Vin {
		let mut vin = *b"1HGCM826X3A000000";
		for (digit, place) in id.to_string().bytes().rev().zip(vin.iter_mut().rev()) {
			*place = digit;
		}
		let mut vin = Vin(vin);
		if let Some(check) = vin.expected_check_digit() {
			vin.0[8] = check;
		}
		vin
	}

	impl pallet_service_book::BenchmarkHelper<AccountId> for RegisteredVehicles {
		fn create_vehicle(owner: &AccountId, device: &AccountId) -> VehicleId {
			let maker = manufacturer();
			if !VehicleIdentity::is_manufacturer(&maker) {
				Balances::set_balance(&maker, 1_000_000 * UNIT);
				VehicleIdentity::register_manufacturer(
					RuntimeOrigin::root(),
					maker.clone(),
					b"Benchmark Motors".to_vec().try_into().unwrap(),
					vec![*b"1HG"].try_into().unwrap(),
				)
				.unwrap();
			}
			let id = pallet_vehicle_identity::NextVehicleId::<Runtime>::get();
			VehicleIdentity::register_vehicle(
				RuntimeOrigin::signed(maker),
				vin_for(id),
				owner.clone(),
				2024,
				Powertrain::Bev,
				Some(75_000),
				[0; 32],
				Default::default(),
			)
			.unwrap();
			Balances::set_balance(owner, 1_000_000 * UNIT);
			VehicleIdentity::bind_device(RuntimeOrigin::signed(owner.clone()), id, device.clone())
				.unwrap();
			VehicleIdentity::accept_device_binding(RuntimeOrigin::signed(device.clone()), id)
				.unwrap();
			id
		}

		fn add_operators(vehicle: VehicleId, operator: &AccountId) {
			let owner = VehicleIdentity::owner(vehicle).unwrap();
			let until = System::block_number().saturating_add(1_000_000);
			let most = <Runtime as pallet_vehicle_identity::Config>::MaxOperatorsPerVehicle::get();
			let others = (1..most).map(|n| AccountId::new([n as u8; 32]));
			for account in others.chain([operator.clone()]) {
				VehicleIdentity::grant_operator(
					RuntimeOrigin::signed(owner.clone()),
					vehicle,
					account,
					until,
				)
				.unwrap();
			}
		}
	}
}
