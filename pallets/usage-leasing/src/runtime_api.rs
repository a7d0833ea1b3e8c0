//! The runtime API apps use, and the queries on [`Pallet`] that the runtime's implementation
//! calls.

use codec::{Decode, Encode};
use polkadot_sdk::frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use v2x_primitives::{Km, VehicleId};

use crate::{BalanceOf, Config, LeaseId, Pallet, Standing};

/// A vehicle's lease (or offer) as of a block, its due periods settled in the view only.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct LeaseView<AccountId, Balance, BlockNumber> {
	pub lease: LeaseId,
	pub vehicle: VehicleId,
	pub lessor: AccountId,
	pub holder: AccountId,
	pub lessee: AccountId,
	pub standing: Standing,
	/// The open period's due date, while periods are left.
	pub next_due: Option<BlockNumber>,
	/// The unpaid instalments' total.
	pub overdue: Balance,
	pub prepaid: Balance,
	/// What buying the vehicle out costs now.
	pub payoff: Balance,
	pub paid: Balance,
	pub km_billed: Km,
	/// Whether the vehicle's device may refuse to start it: the lease is in default.
	pub immobilisation_authorised: bool,
	pub end: BlockNumber,
}

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Vehicles' leases: standing, payoff, immobilisation.
	pub trait UsageLeasingApi<AccountId, Balance, BlockNumber>
	where
		AccountId: codec::Codec,
		Balance: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// The vehicle's lease (or offer) as of the best block, its due periods settled in the
		/// view only.
		fn lease_of(vehicle: VehicleId) -> Option<LeaseView<AccountId, Balance, BlockNumber>>;

		/// Whether the vehicle's device may refuse to start it: its lease is in default.
		fn immobilisation_authorised(vehicle: VehicleId) -> bool;
	}
}

impl<T: Config> Pallet<T> {
	/// The vehicle's lease as the runtime API returns it.
	// helper B
	pub fn lease_view(
		_vehicle: VehicleId,
	) -> Option<LeaseView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		None
	}

	/// Whether the vehicle's device may refuse to start it.
	// helper B
	pub fn immobilisation_authorised(_vehicle: VehicleId) -> bool {
		false
	}
}
