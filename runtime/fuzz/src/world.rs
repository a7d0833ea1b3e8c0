//! What the chain's state says about who may act: the generator asks it so that calls come
//! from the accounts that may make them most of the time.

use pallet_vehicle_identity as identity;
use v2x_primitives::VehicleId;
use v2x_runtime::{AccountId, Runtime};

pub fn next_vehicle() -> u64 {
	identity::NextVehicleId::<Runtime>::get()
}

/// The owner of `vehicle` if someone can sign for it: a car-sharing co-op's account has no
/// key (the co-op acts through its fleet manager and its proposals).
pub fn owner(vehicle: VehicleId) -> Option<AccountId> {
	identity::Vehicles::<Runtime>::get(vehicle).map(|v| v.owner).filter(can_sign)
}

/// Whether someone holds the key of `who`: not of a car-sharing co-op's derived account.
pub fn can_sign(who: &AccountId) -> bool {
	!pallet_car_sharing::CoopOfAccount::<Runtime>::contains_key(who)
}

/// The car-sharing co-ops' accounts.
pub fn coop_accounts() -> Vec<AccountId> {
	pallet_car_sharing::CoopOfAccount::<Runtime>::iter_keys().collect()
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

/// Who acts for a car-sharing co-op: its fleet manager, its assessor and its members (empty
/// for a co-op that does not exist).
#[derive(Default)]
pub struct CoopParties {
	pub manager: Vec<AccountId>,
	pub assessor: Vec<AccountId>,
	pub members: Vec<AccountId>,
}

pub fn coop_parties(coop: u32) -> CoopParties {
	let Some(entry) = pallet_car_sharing::Coops::<Runtime>::get(coop) else {
		return CoopParties::default();
	};
	CoopParties {
		manager: vec![entry.fleet_manager],
		assessor: vec![entry.assessor],
		members: pallet_car_sharing::Members::<Runtime>::iter_key_prefix(coop).collect(),
	}
}

/// The vehicles in `coop`'s fleet.
pub fn fleet(coop: u32) -> Vec<VehicleId> {
	pallet_car_sharing::Fleet::<Runtime>::iter_key_prefix(coop).collect()
}

/// The devices bound to `vehicle` (not those only invited): who checks trips in and out.
pub fn bound_devices(vehicle: VehicleId) -> Vec<AccountId> {
	identity::VehicleDevices::<Runtime>::get(vehicle).into_iter().map(|d| d.account).collect()
}

/// The devices invited to `vehicle` that have not accepted.
pub fn invited_devices(vehicle: VehicleId) -> Vec<AccountId> {
	identity::PendingDevices::<Runtime>::get(vehicle).into_iter().map(|d| d.account).collect()
}
