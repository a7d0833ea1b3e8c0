//! The vehicle passport's leasing section: the runtime API's view of the vehicle's lease, in
//! the passport's shared type.

use polkadot_sdk::frame_system::pallet_prelude::BlockNumberFor;
use v2x_primitives::{LeaseSection, VehicleId};

use crate::{BalanceOf, Config, Pallet};

impl<T: Config> Pallet<T> {
	/// The vehicle's lease (or offer) for its passport, as [`Self::lease_view`] shows it.
	pub fn passport_section(
		vehicle: VehicleId,
	) -> Option<LeaseSection<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		let view = Self::lease_view(vehicle)?;
		Some(LeaseSection {
			lease: view.lease,
			lessor: view.lessor,
			holder: view.holder,
			lessee: view.lessee,
			standing: view.standing,
			next_due: view.next_due,
			overdue: view.overdue,
			prepaid: view.prepaid,
			paid: view.paid,
			km_billed: view.km_billed,
			end: view.end,
			immobilisation_authorised: view.immobilisation_authorised,
		})
	}
}
