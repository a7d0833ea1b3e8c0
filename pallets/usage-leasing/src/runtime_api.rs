//! The runtime API apps use, and the queries on [`Pallet`] that the runtime's implementation
//! calls.

use codec::{Decode, Encode};
use polkadot_sdk::{
	frame_system::pallet_prelude::BlockNumberFor,
	sp_runtime::{
		traits::{Bounded, Zero},
		Saturating,
	},
};
use scale_info::TypeInfo;
use v2x_primitives::{Km, OdometerLog, VehicleId};

use crate::{
	BalanceOf, Config, Lease, LeaseId, LeaseState, Leases, Pallet, Standing, VehicleLease,
};

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
	/// The vehicle's lease (or offer) as the runtime API returns it: its due periods settled
	/// and the prepayment drawn on a copy, as the next settlement will do.
	pub fn lease_view(
		vehicle: VehicleId,
	) -> Option<LeaseView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		let id = VehicleLease::<T>::get(vehicle)?;
		let stored = Leases::<T>::get(id)?;
		let now = Self::now();
		let current_km = T::Odometer::current_km(vehicle);
		let immobilisation_authorised = matches!(stored.state, LeaseState::Defaulted { .. });
		if !stored.is_accepted() {
			return Some(Self::offer_view(id, stored, now));
		}
		let mut lease = stored.clone();
		match Self::advance(&mut lease, now, current_km) {
			// The settlement pays the drawn prepayment to the holder.
			Ok((_, drawn)) => lease.paid = lease.paid.saturating_add(drawn),
			// A settlement that cannot be computed shows the lease as stored.
			Err(_) => lease = stored,
		}
		// The settlement would end a default whose arrears the prepayment paid.
		if lease.arrears.is_empty() {
			lease.state = LeaseState::Running;
		}
		let payoff =
			Self::payoff(&lease, now, current_km).unwrap_or_else(|_| BalanceOf::<T>::max_value());
		Some(LeaseView {
			lease: id,
			vehicle,
			standing: Self::standing(&lease, now),
			next_due: lease.next_due(),
			overdue: lease.arrears_total(),
			prepaid: lease.prepaid,
			payoff,
			paid: lease.paid,
			km_billed: lease.km_billed,
			immobilisation_authorised: immobilisation_authorised && !lease.arrears.is_empty(),
			end: lease.end(),
			lessor: lease.owner,
			holder: lease.holder,
			lessee: lease.lessee,
		})
	}

	/// An offer as the runtime API returns it: as if accepted now (its end, and its payoff at
	/// the start: every base fee and the purchase price).
	fn offer_view(
		id: LeaseId,
		offer: Lease<T>,
		now: BlockNumberFor<T>,
	) -> LeaseView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>> {
		LeaseView {
			lease: id,
			vehicle: offer.vehicle,
			standing: Standing::Offered,
			next_due: None,
			overdue: Zero::zero(),
			prepaid: Zero::zero(),
			payoff: offer.unsettled_base_fees().saturating_add(offer.terms.purchase_price),
			paid: Zero::zero(),
			km_billed: 0,
			immobilisation_authorised: false,
			// An offer's `start` is 0: its `end` is the lease's duration.
			end: now.saturating_add(offer.end()),
			lessor: offer.owner,
			holder: offer.holder,
			lessee: offer.lessee,
		}
	}

	/// Whether the vehicle's device may refuse to start it: its lease's default was confirmed
	/// and its arrears are not paid.
	pub fn immobilisation_authorised(vehicle: VehicleId) -> bool {
		VehicleLease::<T>::get(vehicle)
			.and_then(Leases::<T>::get)
			.is_some_and(|lease| matches!(lease.state, LeaseState::Defaulted { .. }))
	}
}
