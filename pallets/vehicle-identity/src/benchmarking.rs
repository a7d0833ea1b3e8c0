//! Benchmarks of every call, each in its worst case.

use super::*;
use crate::Pallet as VehicleIdentity;
use alloc::vec::Vec;
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::traits::{
		fungible::{Inspect, Mutate},
		EnsureOrigin, Get,
	},
	frame_system::RawOrigin,
	sp_runtime::traits::{Bounded, Saturating},
};
use v2x_primitives::{VehicleId, VehicleStatus, Vin, Wmi};

/// A valid VIN (check digit included) with WMI `1HG`.
const VIN: [u8; 17] = *b"1HGCM82633A004352";

/// Characters allowed in a WMI after its first.
const ISO_3779: &[u8] = b"0123456789ABCDEFGHJKLMNPRSTUVWXYZ";

/// `count` distinct valid WMI codes; the first is `1HG`.
fn wmis(count: u32) -> Vec<Wmi> {
	let mut list = alloc::vec![*b"1HG"];
	for a in ISO_3779 {
		for b in ISO_3779 {
			if list.len() as u32 >= count {
				return list;
			}
			if [b'2', *a, *b] != *b"1HG" {
				list.push([b'2', *a, *b]);
			}
		}
	}
	list
}

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::Currency::set_balance(&who, BalanceOf::<T>::max_value() / 4u32.into());
	who
}

fn manufacturer<T: Config>() -> T::AccountId {
	let maker = funded::<T>("manufacturer", 0);
	let name = alloc::vec![b'M'; T::MaxNameLength::get() as usize].try_into().unwrap();
	let wmis = wmis(1).try_into().unwrap();
	VehicleIdentity::<T>::do_register_manufacturer(maker.clone(), name, wmis).unwrap();
	maker
}

/// Registers the benchmark VIN for a funded owner, with the longest metadata URI.
fn vehicle<T: Config>(owner: &T::AccountId) -> VehicleId {
	let maker = manufacturer::<T>();
	let registration = VehicleRegistration::<T> {
		vin: Vin(VIN),
		owner: owner.clone(),
		model_year: 2024,
		powertrain: Powertrain::Bev,
		battery_capacity: Some(75_000),
		metadata_hash: [1; 32],
		metadata_uri: alloc::vec![b'u'; T::MaxUriLength::get() as usize].try_into().unwrap(),
	};
	VehicleIdentity::<T>::do_register_vehicle(maker, registration).unwrap()
}

/// Fills the vehicle's devices and operators up to `devices` and `operators`.
fn delegates<T: Config>(owner: &T::AccountId, vehicle: VehicleId, devices: u32, operators: u32) {
	for i in 0..devices {
		let device = account("device", i, 0);
		VehicleIdentity::<T>::do_bind_device(owner.clone(), vehicle, device).unwrap();
	}
	let until = frame_system::Pallet::<T>::block_number().saturating_add(1_000u32.into());
	for i in 0..operators {
		let operator = account("operator", i, 0);
		VehicleIdentity::<T>::do_grant_operator(owner.clone(), vehicle, operator, until).unwrap();
	}
}

/// An open offer of `vehicle` to `buyer`, valid for ten blocks.
fn offer<T: Config>(
	owner: &T::AccountId,
	vehicle: VehicleId,
	buyer: T::AccountId,
	price: Option<BalanceOf<T>>,
) {
	let expires_at = frame_system::Pallet::<T>::block_number().saturating_add(10u32.into());
	VehicleIdentity::<T>::do_offer_sale(owner.clone(), vehicle, buyer, price, expires_at).unwrap();
}

fn lender<T: Config>() -> T::AccountId {
	let lender = funded::<T>("lender", 0);
	VehicleIdentity::<T>::do_approve_lender(lender.clone()).unwrap();
	lender
}

fn governance<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_manufacturer(
		w: Linear<1, { T::MaxWmisPerManufacturer::get() }>,
	) -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let maker: T::AccountId = account("manufacturer", 0, 0);
		let name: NameOf<T> =
			alloc::vec![b'M'; T::MaxNameLength::get() as usize].try_into().unwrap();
		let list: WmisOf<T> = wmis(w).try_into().unwrap();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, maker.clone(), name, list);

		assert!(Manufacturers::<T>::contains_key(&maker));
		Ok(())
	}

	#[benchmark]
	fn deregister_manufacturer(
		w: Linear<1, { T::MaxWmisPerManufacturer::get() }>,
	) -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let maker: T::AccountId = account("manufacturer", 0, 0);
		VehicleIdentity::<T>::do_register_manufacturer(
			maker.clone(),
			alloc::vec![b'M'; 4].try_into().unwrap(),
			wmis(w).try_into().unwrap(),
		)
		.unwrap();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, maker.clone());

		assert!(!Manufacturers::<T>::contains_key(&maker));
		Ok(())
	}

	#[benchmark]
	fn register_vehicle() {
		let maker = manufacturer::<T>();
		let owner: T::AccountId = account("owner", 0, 0);
		let uri: UriOf<T> = alloc::vec![b'u'; T::MaxUriLength::get() as usize].try_into().unwrap();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(maker),
			Vin(VIN),
			owner.clone(),
			2024,
			Powertrain::Bev,
			Some(75_000),
			[1; 32],
			uri,
		);

		assert!(VehicleByVin::<T>::contains_key(Vin(VIN)));
	}

	#[benchmark]
	fn offer_sale() {
		let owner = funded::<T>("owner", 0);
		let id = vehicle::<T>(&owner);
		let buyer: T::AccountId = account("buyer", 0, 0);
		let expires_at = frame_system::Pallet::<T>::block_number().saturating_add(10u32.into());

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, buyer, Some(1_000u32.into()), expires_at);

		assert!(SaleOffers::<T>::contains_key(id));
	}

	#[benchmark]
	fn cancel_offer() {
		let owner = funded::<T>("owner", 0);
		let id = vehicle::<T>(&owner);
		offer::<T>(&owner, id, account("buyer", 0, 0), None);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id);

		assert!(!SaleOffers::<T>::contains_key(id));
	}

	/// A paid sale that clears the most devices and operators.
	#[benchmark]
	fn accept_offer() {
		let owner = funded::<T>("owner", 0);
		let buyer = funded::<T>("buyer", 0);
		let id = vehicle::<T>(&owner);
		delegates::<T>(
			&owner,
			id,
			T::MaxDevicesPerVehicle::get(),
			T::MaxOperatorsPerVehicle::get(),
		);
		let price: BalanceOf<T> = T::Currency::minimum_balance().saturating_mul(10u32.into());
		offer::<T>(&owner, id, buyer.clone(), Some(price));

		#[extrinsic_call]
		_(RawOrigin::Signed(buyer.clone()), id, price);

		assert_eq!(Vehicles::<T>::get(id).map(|v| v.owner), Some(buyer));
	}

	#[benchmark]
	fn approve_lender() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let lender: T::AccountId = account("lender", 0, 0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, lender.clone());

		assert!(Lenders::<T>::contains_key(&lender));
		Ok(())
	}

	#[benchmark]
	fn revoke_lender() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let lender = lender::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, lender.clone());

		assert!(!Lenders::<T>::contains_key(&lender));
		Ok(())
	}

	#[benchmark]
	fn consent_to_lien() {
		let owner = funded::<T>("owner", 0);
		let id = vehicle::<T>(&owner);
		let lender = lender::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, lender.clone());

		assert_eq!(LienConsents::<T>::get(id), Some(lender));
	}

	#[benchmark]
	fn place_lien() {
		let owner = funded::<T>("owner", 0);
		let id = vehicle::<T>(&owner);
		let lender = lender::<T>();
		VehicleIdentity::<T>::do_consent_to_lien(owner, id, lender.clone()).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(lender.clone()), id);

		assert_eq!(Vehicles::<T>::get(id).and_then(|v| v.lien), Some(lender));
	}

	#[benchmark]
	fn release_lien() {
		let owner = funded::<T>("owner", 0);
		let id = vehicle::<T>(&owner);
		let lender = lender::<T>();
		VehicleIdentity::<T>::do_consent_to_lien(owner, id, lender.clone()).unwrap();
		VehicleIdentity::<T>::do_place_lien(lender.clone(), id).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(lender), id);

		assert_eq!(Vehicles::<T>::get(id).and_then(|v| v.lien), None);
	}

	/// Binding the last device the vehicle may have.
	#[benchmark]
	fn bind_device() {
		let owner = funded::<T>("owner", 0);
		let id = vehicle::<T>(&owner);
		delegates::<T>(&owner, id, T::MaxDevicesPerVehicle::get().saturating_sub(1), 0);
		let device: T::AccountId = account("new-device", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, device.clone());

		assert_eq!(DeviceVehicle::<T>::get(&device), Some(id));
	}

	/// Unbinding the last of the most devices.
	#[benchmark]
	fn unbind_device() {
		let owner = funded::<T>("owner", 0);
		let id = vehicle::<T>(&owner);
		let max = T::MaxDevicesPerVehicle::get();
		delegates::<T>(&owner, id, max, 0);
		let device: T::AccountId = account("device", max.saturating_sub(1), 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, device.clone());

		assert_eq!(DeviceVehicle::<T>::get(&device), None);
	}

	/// Granting the last operator the vehicle may have.
	#[benchmark]
	fn grant_operator() {
		let owner = funded::<T>("owner", 0);
		let id = vehicle::<T>(&owner);
		delegates::<T>(&owner, id, 0, T::MaxOperatorsPerVehicle::get().saturating_sub(1));
		let operator: T::AccountId = account("new-operator", 0, 0);
		let until = frame_system::Pallet::<T>::block_number().saturating_add(100u32.into());

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, operator.clone(), until);

		assert!(VehicleOperators::<T>::get(id).iter().any(|o| o.account == operator));
	}

	/// Revoking the last of the most operators.
	#[benchmark]
	fn revoke_operator() {
		let owner = funded::<T>("owner", 0);
		let id = vehicle::<T>(&owner);
		let max = T::MaxOperatorsPerVehicle::get();
		delegates::<T>(&owner, id, 0, max);
		let operator: T::AccountId = account("operator", max.saturating_sub(1), 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, operator.clone());

		assert!(!VehicleOperators::<T>::get(id).iter().any(|o| o.account == operator));
	}

	#[benchmark]
	fn report_stolen() {
		let owner = funded::<T>("owner", 0);
		let id = vehicle::<T>(&owner);
		offer::<T>(&owner, id, account("buyer", 0, 0), None);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id);

		assert_eq!(Vehicles::<T>::get(id).map(|v| v.status), Some(VehicleStatus::Stolen));
	}

	#[benchmark]
	fn report_recovered() {
		let owner = funded::<T>("owner", 0);
		let id = vehicle::<T>(&owner);
		VehicleIdentity::<T>::do_report_stolen(owner.clone(), id).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id);

		assert_eq!(Vehicles::<T>::get(id).map(|v| v.status), Some(VehicleStatus::Active));
	}

	/// Scrapping a vehicle with the most devices and operators and an open offer.
	#[benchmark]
	fn scrap_vehicle() {
		let owner = funded::<T>("owner", 0);
		let id = vehicle::<T>(&owner);
		delegates::<T>(
			&owner,
			id,
			T::MaxDevicesPerVehicle::get(),
			T::MaxOperatorsPerVehicle::get(),
		);
		offer::<T>(&owner, id, account("buyer", 0, 0), None);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id);

		assert_eq!(Vehicles::<T>::get(id).map(|v| v.status), Some(VehicleStatus::Scrapped));
	}

	impl_benchmark_test_suite!(VehicleIdentity, crate::mock::new_test_ext(), crate::mock::Test);
}
