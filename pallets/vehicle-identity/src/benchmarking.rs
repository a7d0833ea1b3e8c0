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
	frame_system::{pallet_prelude::BlockNumberFor, RawOrigin},
	sp_runtime::traits::{Bounded, Saturating, Zero},
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

/// Fills the vehicle's history with `MAX_RECENT_SALES` sales ending with `owner`, so the
/// next sale must drop the oldest.
fn full_ownership_history<T: Config>(id: VehicleId, owner: &T::AccountId) {
	let recent = (0..MAX_RECENT_SALES).map(|n| Sale::<T> {
		seller: account("past owner", n, 0),
		buyer: if n + 1 == MAX_RECENT_SALES {
			owner.clone()
		} else {
			account("past owner", n + 1, 0)
		},
		price: None,
		at: Zero::zero(),
	});
	let history = PastOwners::<T> {
		count: MAX_RECENT_SALES,
		recent: recent.collect::<Vec<_>>().try_into().unwrap_or_default(),
	};
	OwnershipHistory::<T>::insert(id, history);
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

/// Binds `devices` devices (`account("device", i, 0)`) to the vehicle: each invited, then
/// accepting.
fn bound_devices<T: Config>(owner: &T::AccountId, vehicle: VehicleId, devices: u32) {
	for i in 0..devices {
		let device: T::AccountId = account("device", i, 0);
		VehicleIdentity::<T>::do_bind_device(owner.clone(), vehicle, device.clone()).unwrap();
		VehicleIdentity::<T>::do_accept_device_binding(device, vehicle).unwrap();
	}
}

/// Invites `count` devices (`account("invited", i, 0)`) that have not accepted.
fn invitations<T: Config>(owner: &T::AccountId, vehicle: VehicleId, count: u32) {
	for i in 0..count {
		let device = account("invited", i, 0);
		VehicleIdentity::<T>::do_bind_device(owner.clone(), vehicle, device).unwrap();
	}
}

/// Grants `count` operators (`account("operator", i, 0)`) a right until block `until`.
fn operators_until<T: Config>(
	owner: &T::AccountId,
	vehicle: VehicleId,
	count: u32,
	until: BlockNumberFor<T>,
) {
	for i in 0..count {
		let operator = account("operator", i, 0);
		VehicleIdentity::<T>::do_grant_operator(owner.clone(), vehicle, operator, until).unwrap();
	}
}

/// Grants `count` operators a right for the next thousand blocks.
fn operators<T: Config>(owner: &T::AccountId, vehicle: VehicleId, count: u32) {
	let until = frame_system::Pallet::<T>::block_number().saturating_add(1_000u32.into());
	operators_until::<T>(owner, vehicle, count, until);
}

/// Approves a lender, and the owner consents to it.
fn consent<T: Config>(owner: &T::AccountId, vehicle: VehicleId) -> T::AccountId {
	let lender = lender::<T>();
	VehicleIdentity::<T>::do_consent_to_lien(owner.clone(), vehicle, lender.clone()).unwrap();
	lender
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

	/// A paid sale that clears the most devices and operators and a lien consent. Bound
	/// devices cost more to clear than invitations (their `DeviceVehicle` entry goes too), so
	/// all the device slots are bound.
	#[benchmark]
	fn accept_offer() {
		let owner = funded::<T>("owner", 0);
		let buyer = funded::<T>("buyer", 0);
		let id = vehicle::<T>(&owner);
		bound_devices::<T>(&owner, id, T::MaxDevicesPerVehicle::get());
		operators::<T>(&owner, id, T::MaxOperatorsPerVehicle::get());
		consent::<T>(&owner, id);
		full_ownership_history::<T>(id, &owner);
		let price: BalanceOf<T> = T::Currency::minimum_balance().saturating_mul(10u32.into());
		offer::<T>(&owner, id, buyer.clone(), Some(price));

		#[extrinsic_call]
		_(RawOrigin::Signed(buyer.clone()), id, price);

		assert_eq!(Vehicles::<T>::get(id).map(|v| v.owner), Some(buyer));
		assert_eq!(
			OwnershipHistory::<T>::get(id).map(|history| history.count),
			Some(MAX_RECENT_SALES + 1)
		);
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

	/// A lien that voids an open offer.
	#[benchmark]
	fn place_lien() {
		let owner = funded::<T>("owner", 0);
		let id = vehicle::<T>(&owner);
		let lender = consent::<T>(&owner, id);
		offer::<T>(&owner, id, account("buyer", 0, 0), None);

		#[extrinsic_call]
		_(RawOrigin::Signed(lender.clone()), id);

		assert_eq!(Vehicles::<T>::get(id).and_then(|v| v.lien), Some(lender));
		assert!(!SaleOffers::<T>::contains_key(id));
	}

	#[benchmark]
	fn release_lien() {
		let owner = funded::<T>("owner", 0);
		let id = vehicle::<T>(&owner);
		let lender = consent::<T>(&owner, id);
		VehicleIdentity::<T>::do_place_lien(lender.clone(), id).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(lender), id);

		assert_eq!(Vehicles::<T>::get(id).and_then(|v| v.lien), None);
	}

	/// Inviting the last device the vehicle may have, after the other slots were bound.
	#[benchmark]
	fn bind_device() {
		let owner = funded::<T>("owner", 0);
		let id = vehicle::<T>(&owner);
		bound_devices::<T>(&owner, id, T::MaxDevicesPerVehicle::get().saturating_sub(1));
		let device: T::AccountId = account("new-device", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, device.clone());

		assert!(PendingDevices::<T>::get(id).iter().any(|d| d.account == device));
	}

	/// Withdrawing the invitation in the last slot: the bound devices are searched first.
	#[benchmark]
	fn unbind_device() {
		let owner = funded::<T>("owner", 0);
		let id = vehicle::<T>(&owner);
		bound_devices::<T>(&owner, id, T::MaxDevicesPerVehicle::get().saturating_sub(1));
		invitations::<T>(&owner, id, 1);
		let device: T::AccountId = account("invited", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, device.clone());

		assert!(PendingDevices::<T>::get(id).is_empty());
	}

	/// Granting a new operator after pruning a full list of operators whose right ended.
	#[benchmark]
	fn grant_operator() {
		let owner = funded::<T>("owner", 0);
		let id = vehicle::<T>(&owner);
		let now = frame_system::Pallet::<T>::block_number();
		operators_until::<T>(&owner, id, T::MaxOperatorsPerVehicle::get(), now);
		frame_system::Pallet::<T>::set_block_number(now.saturating_add(1u32.into()));
		let operator: T::AccountId = account("new-operator", 0, 0);
		let until = now.saturating_add(100u32.into());

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, operator.clone(), until);

		let operators = VehicleOperators::<T>::get(id);
		assert_eq!(operators.len(), 1);
		assert!(operators.iter().any(|o| o.account == operator));
	}

	/// Revoking the last of the most operators.
	#[benchmark]
	fn revoke_operator() {
		let owner = funded::<T>("owner", 0);
		let id = vehicle::<T>(&owner);
		let max = T::MaxOperatorsPerVehicle::get();
		operators::<T>(&owner, id, max);
		let operator: T::AccountId = account("operator", max.saturating_sub(1), 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, operator.clone());

		assert!(!VehicleOperators::<T>::get(id).iter().any(|o| o.account == operator));
	}

	/// A theft that voids an offer, drops a lien consent, withdraws every device slot as an
	/// invitation and revokes the most operators.
	#[benchmark]
	fn report_stolen() {
		let owner = funded::<T>("owner", 0);
		let id = vehicle::<T>(&owner);
		invitations::<T>(&owner, id, T::MaxDevicesPerVehicle::get());
		operators::<T>(&owner, id, T::MaxOperatorsPerVehicle::get());
		consent::<T>(&owner, id);
		offer::<T>(&owner, id, account("buyer", 0, 0), None);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id);

		assert_eq!(Vehicles::<T>::get(id).map(|v| v.status), Some(VehicleStatus::Stolen));
		assert!(PendingDevices::<T>::get(id).is_empty());
		assert!(VehicleOperators::<T>::get(id).is_empty());
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

	/// Scrapping a vehicle with the most devices (all bound: they cost more to clear than
	/// invitations) and operators, an open offer and a lien consent, releasing the
	/// manufacturer's deposit. A lien would void the offer and consume the consent, so the
	/// owner's scrapping of an unliened vehicle is the heavier case.
	#[benchmark]
	fn scrap_vehicle() {
		let owner = funded::<T>("owner", 0);
		let id = vehicle::<T>(&owner);
		bound_devices::<T>(&owner, id, T::MaxDevicesPerVehicle::get());
		operators::<T>(&owner, id, T::MaxOperatorsPerVehicle::get());
		consent::<T>(&owner, id);
		offer::<T>(&owner, id, account("buyer", 0, 0), None);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id);

		let entry = Vehicles::<T>::get(id);
		assert_eq!(entry.as_ref().map(|v| v.status), Some(VehicleStatus::Scrapped));
		assert_eq!(entry.map(|v| v.deposit), Some(Zero::zero()));
	}

	/// Accepting the invitation in the last slot, after the other slots were bound.
	#[benchmark]
	fn accept_device_binding() {
		let owner = funded::<T>("owner", 0);
		let id = vehicle::<T>(&owner);
		bound_devices::<T>(&owner, id, T::MaxDevicesPerVehicle::get().saturating_sub(1));
		invitations::<T>(&owner, id, 1);
		let device: T::AccountId = account("invited", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(device.clone()), id);

		assert_eq!(DeviceVehicle::<T>::get(&device), Some(id));
	}

	/// The last of the most devices leaving.
	#[benchmark]
	fn leave_vehicle() {
		let owner = funded::<T>("owner", 0);
		let id = vehicle::<T>(&owner);
		let max = T::MaxDevicesPerVehicle::get();
		bound_devices::<T>(&owner, id, max);
		let device: T::AccountId = account("device", max.saturating_sub(1), 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(device.clone()), id);

		assert_eq!(DeviceVehicle::<T>::get(&device), None);
	}

	/// The last of the most operators renouncing.
	#[benchmark]
	fn renounce_operator() {
		let owner = funded::<T>("owner", 0);
		let id = vehicle::<T>(&owner);
		let max = T::MaxOperatorsPerVehicle::get();
		operators::<T>(&owner, id, max);
		let operator: T::AccountId = account("operator", max.saturating_sub(1), 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(operator.clone()), id);

		assert!(!VehicleOperators::<T>::get(id).iter().any(|o| o.account == operator));
	}

	#[benchmark]
	fn force_release_lien() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let owner = funded::<T>("owner", 0);
		let id = vehicle::<T>(&owner);
		let lender = consent::<T>(&owner, id);
		VehicleIdentity::<T>::do_place_lien(lender, id).unwrap();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);

		assert_eq!(Vehicles::<T>::get(id).and_then(|v| v.lien), None);
		Ok(())
	}

	impl_benchmark_test_suite!(VehicleIdentity, crate::mock::new_test_ext(), crate::mock::Test);
}
