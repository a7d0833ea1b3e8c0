//! Damage: within `ClaimWindow` after check-out the fleet manager may claim against the
//! deposit; the renter accepts or disputes, the co-op's assessor decides a dispute. A paid
//! claim goes to the co-op's reserve (the repair fund); the rest of the deposit goes back.

use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	frame_system::pallet_prelude::BlockNumberFor,
	sp_core::H256,
	sp_runtime::{
		traits::{Saturating, Zero},
		DispatchError, DispatchResult,
	},
};

use crate::{
	BalanceOf, Booking, BookingId, BookingState, Bookings, Claim, Config, Error, Event, HoldReason,
	Pallet,
};

type ClaimOf<T> = Claim<BalanceOf<T>, BlockNumberFor<T>>;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_file_claim(
		who: T::AccountId,
		id: BookingId,
		amount: BalanceOf<T>,
		evidence: H256,
	) -> DispatchResult {
		let mut booking = Bookings::<T>::get(id).ok_or(Error::<T>::BookingNotFound)?;
		Self::ensure_fleet_manager(booking.coop, &who)?;
		let BookingState::Returned { returned_at, claim } = booking.state else {
			return Err(Error::<T>::NotReturned.into());
		};
		ensure!(claim.is_none(), Error::<T>::ClaimExists);
		let now = Self::now();
		// Inclusive: a claim in the window's last block is in time.
		ensure!(
			now <= returned_at.saturating_add(T::ClaimWindow::get()),
			Error::<T>::ClaimWindowClosed
		);
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(amount <= booking.deposit, Error::<T>::ClaimAboveDeposit);
		let claim = Claim { amount, evidence, filed_at: now, disputed: false };
		booking.state = BookingState::Returned { returned_at, claim: Some(claim) };
		Bookings::<T>::insert(id, booking);
		Self::deposit_event(Event::ClaimFiled { booking: id, amount, evidence });
		Ok(())
	}

	pub(crate) fn do_dispute_claim(who: T::AccountId, id: BookingId) -> DispatchResult {
		let (mut booking, mut claim) = Self::open_claim(id)?;
		ensure!(who == booking.renter, Error::<T>::NotRenter);
		ensure!(!claim.disputed, Error::<T>::AlreadyDisputed);
		ensure!(
			Self::now() <= claim.filed_at.saturating_add(T::DisputeWindow::get()),
			Error::<T>::DisputeWindowClosed
		);
		claim.disputed = true;
		if let BookingState::Returned { claim: filed, .. } = &mut booking.state {
			*filed = Some(claim);
		}
		Bookings::<T>::insert(id, booking);
		Self::deposit_event(Event::ClaimDisputed { booking: id });
		Ok(())
	}

	pub(crate) fn do_accept_claim(who: T::AccountId, id: BookingId) -> DispatchResult {
		let (booking, claim) = Self::open_claim(id)?;
		ensure!(who == booking.renter, Error::<T>::NotRenter);
		Self::deposit_event(Event::ClaimAccepted { booking: id, amount: claim.amount });
		Self::finish_deposit(id, booking, claim.amount)
	}

	pub(crate) fn do_decide_claim(
		who: T::AccountId,
		id: BookingId,
		award: BalanceOf<T>,
	) -> DispatchResult {
		let (booking, claim) = Self::open_claim(id)?;
		ensure!(who == Self::coop(booking.coop)?.assessor, Error::<T>::NotAssessor);
		// An assessor named after the booking was made may be its renter: the co-op votes
		// in another one.
		ensure!(who != booking.renter, Error::<T>::ConflictOfInterest);
		ensure!(claim.disputed, Error::<T>::NotDisputed);
		ensure!(award <= claim.amount, Error::<T>::AwardAboveClaim);
		Self::deposit_event(Event::ClaimDecided { booking: id, award });
		Self::finish_deposit(id, booking, award)
	}

	pub(crate) fn do_settle_claim(id: BookingId) -> DispatchResult {
		let (booking, claim) = Self::open_claim(id)?;
		ensure!(!claim.disputed, Error::<T>::ClaimDisputed);
		ensure!(
			Self::now() > claim.filed_at.saturating_add(T::DisputeWindow::get()),
			Error::<T>::DisputeWindowOpen
		);
		Self::finish_deposit(id, booking, claim.amount)
	}

	pub(crate) fn do_release_deposit(id: BookingId) -> DispatchResult {
		let booking = Bookings::<T>::get(id).ok_or(Error::<T>::BookingNotFound)?;
		let BookingState::Returned { returned_at, claim } = &booking.state else {
			return Err(Error::<T>::NotReturned.into());
		};
		ensure!(claim.is_none(), Error::<T>::ClaimOpen);
		ensure!(
			Self::now() > returned_at.saturating_add(T::ClaimWindow::get()),
			Error::<T>::ClaimWindowOpen
		);
		Self::finish_deposit(id, booking, Zero::zero())
	}

	/// The returned booking `id` and its claim.
	fn open_claim(id: BookingId) -> Result<(Booking<T>, ClaimOf<T>), DispatchError> {
		let booking = Bookings::<T>::get(id).ok_or(Error::<T>::BookingNotFound)?;
		let BookingState::Returned { claim: Some(claim), .. } = booking.state else {
			return Err(Error::<T>::NoClaim.into());
		};
		Ok((booking, claim))
	}

	/// Pays `to_coop` of the deposit into the co-op's reserve, releases the rest to the
	/// renter and removes the booking.
	fn finish_deposit(id: BookingId, booking: Booking<T>, to_coop: BalanceOf<T>) -> DispatchResult {
		Self::pay_held(HoldReason::DamageDeposit, &booking.renter, booking.coop, to_coop)?;
		Self::credit_reserve(booking.coop, to_coop);
		let to_renter = booking.deposit.saturating_sub(to_coop);
		Self::release(HoldReason::DamageDeposit, &booking.renter, to_renter);
		Bookings::<T>::remove(id);
		Self::deposit_event(Event::DepositReleased { booking: id, to_renter, to_coop });
		Ok(())
	}
}
