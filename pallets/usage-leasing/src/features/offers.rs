//! Offers: the lessor offers a lease, withdraws it, and the lessee accepts it.

use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	frame_system::pallet_prelude::BlockNumberFor,
	sp_runtime::{
		traits::{CheckedAdd, CheckedMul, Zero},
		DispatchError, DispatchResult, Saturating,
	},
};
use v2x_primitives::{Km, OdometerLog, VehicleControl, VehicleId, VehicleRegistry, VehicleStatus};

use crate::{
	ArrearsOf, BalanceOf, Config, DueLeases, Error, Event, HoldReason, Lease, LeaseId, LeaseState,
	LeaseTermsOf, Leases, NextLeaseId, Pallet, VehicleLease,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_offer_lease(
		lessor: T::AccountId,
		vehicle: VehicleId,
		lessee: T::AccountId,
		terms: LeaseTermsOf<T>,
		expires_at: BlockNumberFor<T>,
	) -> Result<LeaseId, DispatchError> {
		let owner = T::Vehicles::owner(vehicle).ok_or(Error::<T>::UnknownVehicle)?;
		ensure!(owner == lessor, Error::<T>::NotOwner);
		ensure!(
			T::Vehicles::status(vehicle) == Some(VehicleStatus::Active),
			Error::<T>::VehicleNotActive
		);
		ensure!(T::Vehicles::is_lender(&lessor), Error::<T>::NotLender);
		ensure!(T::Vehicles::lien_holder(vehicle).is_none(), Error::<T>::LienPresent);
		ensure!(!VehicleLease::<T>::contains_key(vehicle), Error::<T>::VehicleAlreadyLeased);
		ensure!(lessee != lessor, Error::<T>::SelfDealing);
		Self::ensure_valid_terms(&terms)?;
		let now = Self::now();
		ensure!(
			now <= expires_at && expires_at <= now.saturating_add(T::MaxOfferDuration::get()),
			Error::<T>::InvalidExpiry
		);

		let deposit = T::LeaseDeposit::get();
		Self::hold(HoldReason::Deposit, &lessor, deposit)?;
		let id = NextLeaseId::<T>::get();
		NextLeaseId::<T>::put(id.checked_add(1).ok_or(Error::<T>::ArithmeticOverflow)?);
		let lease = Lease::<T> {
			vehicle,
			owner: lessor.clone(),
			holder: lessor.clone(),
			lessee: lessee.clone(),
			terms,
			deposit,
			state: LeaseState::Offered { expires_at },
			start: Zero::zero(),
			periods_settled: 0,
			period_start_km: 0,
			arrears: ArrearsOf::<T>::default(),
			prepaid: Zero::zero(),
			paid: Zero::zero(),
			km_billed: 0,
		};
		Leases::<T>::insert(id, lease);
		VehicleLease::<T>::insert(vehicle, id);
		Self::deposit_event(Event::LeaseOffered {
			lease: id,
			vehicle,
			lessor,
			lessee,
			terms,
			expires_at,
		});
		Ok(id)
	}

	/// Fails with `InvalidTerms` unless the terms make a lease: 1 to `MaxPeriods` periods of
	/// at least `MinPeriodLength` blocks (whose total fits a block number), a grace shorter
	/// than a period (the next instalment is due before an unpaid one leaves its grace), a
	/// notice of at least `MinNoticePeriod`, and fees whose most possible total fits the
	/// balance type (see [`Self::most_owed`]).
	fn ensure_valid_terms(terms: &LeaseTermsOf<T>) -> DispatchResult {
		let valid = terms.periods > 0
			&& terms.periods <= T::MaxPeriods::get()
			&& terms.period_length >= T::MinPeriodLength::get()
			&& terms.notice >= T::MinNoticePeriod::get()
			&& terms.grace < terms.period_length
			&& terms.period_length.checked_mul(&BlockNumberFor::<T>::from(terms.periods)).is_some()
			&& Self::most_owed(terms).is_some();
		ensure!(valid, Error::<T>::InvalidTerms);
		Ok(())
	}

	/// The most a lease on `terms` can ever cost: every base fee, every km an odometer can
	/// count (`Km::MAX`) at `price_per_km`, and the purchase price; `None` if it does not fit
	/// the balance type. Every period's charge, the arrears' total and every payoff are at
	/// most this, so none of them overflows. A lease whose charge overflowed could never be
	/// settled again, and so neither paid, defaulted, written off nor bought out: its lien
	/// would stay until governance ended it.
	fn most_owed(terms: &LeaseTermsOf<T>) -> Option<BalanceOf<T>> {
		let fees = terms.base_fee.checked_mul(&BalanceOf::<T>::from(terms.periods))?;
		let usage = terms.price_per_km.checked_mul(&BalanceOf::<T>::from(Km::MAX))?;
		fees.checked_add(&usage)?.checked_add(&terms.purchase_price)
	}

	pub(crate) fn do_withdraw_offer(who: T::AccountId, id: LeaseId) -> DispatchResult {
		let lease = Self::lease(id)?;
		ensure!(lease.owner == who, Error::<T>::NotLessor);
		ensure!(!lease.is_accepted(), Error::<T>::NotOffered);
		Self::discard_offer(id, &lease);
		Self::deposit_event(Event::LeaseOfferWithdrawn { lease: id });
		Ok(())
	}

	/// Removes the offer `id` and releases its deposit; the caller emits the event that says
	/// why (withdrawn, voided, terminated).
	pub(crate) fn discard_offer(id: LeaseId, lease: &Lease<T>) {
		Self::release(HoldReason::Deposit, &lease.owner, lease.deposit);
		Leases::<T>::remove(id);
		VehicleLease::<T>::remove(lease.vehicle);
	}

	pub(crate) fn do_accept_lease(who: T::AccountId, id: LeaseId) -> DispatchResult {
		let mut lease = Self::lease(id)?;
		ensure!(lease.lessee == who, Error::<T>::NotLessee);
		let LeaseState::Offered { expires_at } = lease.state else {
			return Err(Error::<T>::NotOffered.into());
		};
		let now = Self::now();
		ensure!(now <= expires_at, Error::<T>::OfferExpired);
		let odometer_km =
			T::Odometer::current_km(lease.vehicle).ok_or(Error::<T>::OdometerUnknown)?;
		let duration = lease
			.terms
			.period_length
			.checked_mul(&BlockNumberFor::<T>::from(lease.terms.periods))
			.ok_or(Error::<T>::ArithmeticOverflow)?;
		let end = now.checked_add(&duration).ok_or(Error::<T>::ArithmeticOverflow)?;

		// The identity pallet refuses a vehicle sold, stolen or scrapped since the offer.
		T::Vehicles::place_lien(&lease.owner, lease.vehicle, &lease.holder)?;
		T::Vehicles::grant_operator(&lease.owner, lease.vehicle, &lease.lessee, end)?;
		lease.state = LeaseState::Running;
		lease.start = now;
		lease.period_start_km = odometer_km;
		if let Some(due) = lease.next_due() {
			DueLeases::<T>::insert(due, id, ());
		}
		Self::deposit_event(Event::LeaseStarted {
			lease: id,
			vehicle: lease.vehicle,
			lessee: lease.lessee.clone(),
			holder: lease.holder.clone(),
			start: now,
			end,
			odometer_km,
		});
		Leases::<T>::insert(id, lease);
		Ok(())
	}
}
