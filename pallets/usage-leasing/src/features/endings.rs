//! Endings before the last period: the lessee's buy-out, the holder's transfer of its
//! position, and governance's termination (which the vehicle's scrapping shares).

use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{fungible::Mutate, tokens::Preservation},
	},
	sp_runtime::{traits::Zero, DispatchResult, Saturating},
};
use v2x_primitives::{OdometerLog, VehicleControl, VehicleRegistry, VehicleStatus};

use crate::{BalanceOf, Config, Error, Event, HoldReason, Lease, LeaseId, Leases, Pallet};

impl<T: Config> Pallet<T> {
	/// Settles first, so the payoff counts every instalment due by now. The payoff goes to the
	/// holder (the prepayment first); the lease is removed before the consent sale moves the
	/// title, so the sale's hook finds no lease.
	pub(crate) fn do_buy_out(
		who: T::AccountId,
		id: LeaseId,
		max_price: BalanceOf<T>,
	) -> DispatchResult {
		let lease = Self::lessees_lease(id, &who)?;
		// The consent sale needs an active vehicle: refused here, before any money moves.
		ensure!(
			T::Vehicles::status(lease.vehicle) == Some(VehicleStatus::Active),
			Error::<T>::VehicleNotActive
		);
		// A lease that completes on settling has ended: there is nothing left to buy out.
		let mut lease = Self::settle_lease(id)?.ok_or(Error::<T>::UnknownLease)?;
		let now = Self::now();
		let payoff = Self::payoff(&lease, now, T::Odometer::current_km(lease.vehicle))?;
		ensure!(payoff <= max_price, Error::<T>::PayoffAboveMaximum);

		let from_prepayment = lease.prepaid.min(payoff);
		Self::pay_from_hold(HoldReason::Prepayment, &who, &lease.holder, from_prepayment)?;
		let rest = payoff.saturating_sub(from_prepayment);
		if !rest.is_zero() {
			T::Currency::transfer(&who, &lease.holder, rest, Preservation::Preserve)?;
		}
		lease.prepaid = lease.prepaid.saturating_sub(from_prepayment);
		lease.paid = lease.paid.saturating_add(payoff);

		T::Vehicles::release_lien(&lease.holder, lease.vehicle)?;
		Self::close_lease(id, &lease);
		// The owner consents by the lease's terms; the holder was paid, so it is a gift. The
		// sale ends every operator's right, the lessee's too: it owns the vehicle now.
		T::Vehicles::offer_sale(&lease.owner, lease.vehicle, &who, None, now)?;
		T::Vehicles::accept_offer(&who, lease.vehicle, Zero::zero())?;
		Self::deposit_event(Event::LeaseBoughtOut {
			lease: id,
			vehicle: lease.vehicle,
			lessee: who,
			paid: payoff,
		});
		Ok(())
	}

	/// Settles first, so the instalments due before the transfer are drawn for the old holder;
	/// what falls due later goes to `to`.
	pub(crate) fn do_transfer_position(
		who: T::AccountId,
		id: LeaseId,
		to: T::AccountId,
	) -> DispatchResult {
		let lease = Self::lease(id)?;
		ensure!(lease.holder == who, Error::<T>::NotHolder);
		ensure!(lease.is_accepted(), Error::<T>::NotRunning);
		ensure!(to != who, Error::<T>::AlreadyHolder);
		ensure!(T::Vehicles::is_lender(&to), Error::<T>::NotLender);
		// The registry places a lien on an active vehicle only: refused here, before the
		// holder's lien is released.
		ensure!(
			T::Vehicles::status(lease.vehicle) == Some(VehicleStatus::Active),
			Error::<T>::VehicleNotActive
		);
		let mut lease = Self::settle_lease(id)?.ok_or(Error::<T>::UnknownLease)?;
		T::Vehicles::release_lien(&who, lease.vehicle)?;
		T::Vehicles::place_lien(&lease.owner, lease.vehicle, &to)?;
		lease.holder = to.clone();
		Leases::<T>::insert(id, lease);
		Self::deposit_event(Event::PositionTransferred { lease: id, from: who, to });
		Ok(())
	}

	/// Governance's way out of any lease, whatever its state: it settles nothing (a
	/// settlement that fails must not keep the lease alive); the unsettled periods count at
	/// their base fee in `outstanding`.
	pub(crate) fn do_force_terminate(id: LeaseId) -> DispatchResult {
		let lease = Self::lease(id)?;
		if !lease.is_accepted() {
			Self::discard_offer(id, &lease);
			Self::deposit_event(Event::LeaseOfferWithdrawn { lease: id });
			return Ok(());
		}
		Self::terminate(id, &lease);
		Ok(())
	}

	/// Ends the accepted `lease` early: the holder's lien (if it still stands: scrapping ends
	/// it) and the lessee's operator right end, the prepayment goes back to the lessee and the
	/// deposit to the lessor (`LeaseTerminated`).
	pub(crate) fn terminate(id: LeaseId, lease: &Lease<T>) {
		let outstanding = lease.outstanding();
		// The lien is the holder's, placed by this lease: only a vehicle gone from the
		// registry could refuse its release, and then there is no lien to keep.
		let _ = Self::release_lien_if_held(lease);
		// The right may have ended already (at the end block, with a theft or a scrapping).
		let _ = T::Vehicles::revoke_operator(&lease.owner, lease.vehicle, &lease.lessee);
		Self::close_lease(id, lease);
		Self::deposit_event(Event::LeaseTerminated {
			lease: id,
			vehicle: lease.vehicle,
			outstanding,
		});
	}
}
