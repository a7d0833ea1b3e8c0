//! Who a vehicle belongs to, and the hooks that tell other pallets when that changes.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::frame_support::weights::Weight;
use scale_info::TypeInfo;

use crate::Vin;

/// A vehicle's on-chain number, assigned in registration order from 0.
pub type VehicleId = u64;

/// Where a vehicle is in its life.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum VehicleStatus {
	/// In service: it may be sold, serviced, insured, charged and its data sold.
	Active,
	/// Reported stolen by its owner: no sales and no new data deals until recovered.
	Stolen,
	/// Taken off the road for good: no new records, sales or sessions, ever.
	Scrapped,
}

/// How a vehicle is driven.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum Powertrain {
	/// Internal combustion engine.
	Ice,
	/// Hybrid electric vehicle.
	Hev,
	/// Plug-in hybrid electric vehicle.
	Phev,
	/// Battery electric vehicle.
	Bev,
	/// Fuel cell electric vehicle.
	Fcev,
}

impl Powertrain {
	/// Whether the vehicle has a traction battery whose capacity must be declared.
	pub fn is_electrified(self) -> bool {
		!matches!(self, Powertrain::Ice)
	}
}

/// Why an account may operate a vehicle now.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum OperatingRight<BlockNumber> {
	/// It owns the vehicle: the right lasts until a sale.
	Owner,
	/// The owner granted it a right that ends after this block (inclusive). A sale, theft or
	/// scrapping ends it earlier.
	OperatorUntil(BlockNumber),
}

impl<BlockNumber: Copy> OperatingRight<BlockNumber> {
	/// The last block of the right, `None` for an owner's (no fixed end).
	pub fn until(self) -> Option<BlockNumber> {
		match self {
			OperatingRight::Owner => None,
			OperatingRight::OperatorUntil(until) => Some(until),
		}
	}
}

/// What other pallets may ask about vehicles. Implemented by the identity pallet.
pub trait VehicleRegistry<AccountId, BlockNumber> {
	/// The current owner, or `None` for an unknown vehicle.
	fn owner(vehicle: VehicleId) -> Option<AccountId>;
	/// The manufacturer account that registered the vehicle.
	fn manufacturer(vehicle: VehicleId) -> Option<AccountId>;
	/// The vehicle's VIN.
	fn vin(vehicle: VehicleId) -> Option<Vin>;
	/// The vehicle's status, or `None` for an unknown vehicle.
	fn status(vehicle: VehicleId) -> Option<VehicleStatus>;
	/// Why `who` may operate the vehicle now (its owner, or an operator whose right has not
	/// ended), or `None`: an unknown or scrapped vehicle, anyone else, and anyone but the
	/// owner while the vehicle is stolen.
	fn operating_right(vehicle: VehicleId, who: &AccountId) -> Option<OperatingRight<BlockNumber>>;
	/// Whether `who` may operate the vehicle now: see [`Self::operating_right`].
	fn may_operate(vehicle: VehicleId, who: &AccountId) -> bool {
		Self::operating_right(vehicle, who).is_some()
	}
	/// The vehicle a device account (telematics unit, on-board charger) is bound to.
	///
	/// Never a scrapped or unknown vehicle: devices bind only to active vehicles, and
	/// scrapping unbinds every device. Hot paths (device reports) rely on this and skip the
	/// vehicle's status.
	fn vehicle_of_device(device: &AccountId) -> Option<VehicleId>;
	/// Whether `who` is a registered manufacturer.
	fn is_manufacturer(who: &AccountId) -> bool;
}

/// Called after a vehicle changed hands, so other pallets can end what the old owner set up
/// (policies, listings). Implemented for tuples: the runtime lists every interested pallet.
pub trait OnOwnershipTransferred<AccountId> {
	/// `vehicle` now belongs to `new_owner` instead of `old_owner`.
	fn on_ownership_transferred(vehicle: VehicleId, old_owner: &AccountId, new_owner: &AccountId);

	/// The most weight `on_ownership_transferred` may use: the sale's weight includes it.
	fn weight() -> Weight;
}

#[impl_trait_for_tuples::impl_for_tuples(8)]
impl<AccountId> OnOwnershipTransferred<AccountId> for Tuple {
	fn on_ownership_transferred(vehicle: VehicleId, old_owner: &AccountId, new_owner: &AccountId) {
		for_tuples!( #( Tuple::on_ownership_transferred(vehicle, old_owner, new_owner); )* );
	}

	fn weight() -> Weight {
		let mut weight = Weight::zero();
		for_tuples!( #( weight = weight.saturating_add(Tuple::weight()); )* );
		weight
	}
}

/// Called after a vehicle was reported stolen, recovered or scrapped, so other pallets can
/// stop what must not go on (data deals, policies). Implemented for tuples.
pub trait OnVehicleStatusChanged {
	/// `vehicle` now has `status`.
	fn on_status_changed(vehicle: VehicleId, status: VehicleStatus);

	/// The most weight `on_status_changed` may use.
	fn weight() -> Weight;
}

#[impl_trait_for_tuples::impl_for_tuples(8)]
impl OnVehicleStatusChanged for Tuple {
	fn on_status_changed(vehicle: VehicleId, status: VehicleStatus) {
		for_tuples!( #( Tuple::on_status_changed(vehicle, status); )* );
	}

	fn weight() -> Weight {
		let mut weight = Weight::zero();
		for_tuples!( #( weight = weight.saturating_add(Tuple::weight()); )* );
		weight
	}
}
