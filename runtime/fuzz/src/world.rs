//! What the chain's state says about who may act: the generator asks it so that calls come
//! from the accounts that may make them most of the time.

use pallet_vehicle_identity as identity;
use v2x_primitives::VehicleId;
use v2x_runtime::{AccountId, Runtime};

pub fn next_vehicle() -> u64 {
	identity::NextVehicleId::<Runtime>::get()
}

pub fn owner(vehicle: VehicleId) -> Option<AccountId> {
	identity::Vehicles::<Runtime>::get(vehicle).map(|v| v.owner)
}

/// The owner and the operators of `vehicle`: who may drive it.
pub fn drivers(vehicle: VehicleId) -> Vec<AccountId> {
	let mut drivers: Vec<AccountId> = owner(vehicle).into_iter().collect();
	drivers
		.extend(identity::VehicleOperators::<Runtime>::get(vehicle).into_iter().map(|d| d.account));
	drivers
}

/// The devices bound or invited to `vehicle`.
pub fn devices(vehicle: VehicleId) -> Vec<AccountId> {
	identity::VehicleDevices::<Runtime>::get(vehicle)
		.into_iter()
		.chain(identity::PendingDevices::<Runtime>::get(vehicle))
		.map(|d| d.account)
		.collect()
}

/// The registered manufacturers.
pub fn manufacturers() -> Vec<AccountId> {
	identity::Manufacturers::<Runtime>::iter_keys().collect()
}

/// The approved lenders.
pub fn lenders() -> Vec<AccountId> {
	identity::Lenders::<Runtime>::iter_keys().collect()
}

pub fn workshops() -> Vec<AccountId> {
	pallet_service_book::Workshops::<Runtime>::iter_keys().collect()
}

pub fn insurers() -> Vec<AccountId> {
	pallet_usage_insurance::Insurers::<Runtime>::iter_keys().collect()
}

pub fn grid_operators() -> Vec<AccountId> {
	pallet_shared_charging::GridOperators::<Runtime>::iter_keys().collect()
}

/// Both `a` and `b` in one list.
pub fn and(mut a: Vec<AccountId>, b: impl IntoIterator<Item = AccountId>) -> Vec<AccountId> {
	a.extend(b);
	a
}
