//! Listings: the owner's offers, withdrawn at any time.

use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	sp_runtime::{traits::Zero, ArithmeticError, DispatchError, DispatchResult, Saturating},
};
use v2x_primitives::{VehicleId, VehicleRegistry};

use crate::{
	BalanceOf, Config, Consent, EndedListings, EpochEnds, Error, Event, HoldReason, Listing,
	ListingId, ListingTerms, Listings, NextListingId, Pallet, VehicleListings,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_create_listing(
		seller: T::AccountId,
		vehicle: VehicleId,
		terms: ListingTerms<T>,
		deposit: BalanceOf<T>,
	) -> Result<ListingId, DispatchError> {
		Self::ensure_active_vehicle(vehicle)?;
		ensure!(T::Vehicles::owner(vehicle).as_ref() == Some(&seller), Error::<T>::NotOwner);
		ensure!(!terms.price.is_zero(), Error::<T>::InvalidPrice);
		ensure!(
			!terms.duration.is_zero() && terms.duration <= T::MaxAccessDuration::get(),
			Error::<T>::InvalidDuration
		);
		let mut listings = VehicleListings::<T>::get(vehicle);
		let id = NextListingId::<T>::get();
		let next = id.checked_add(1).ok_or(ArithmeticError::Overflow)?;
		listings.try_push(id).map_err(|_| Error::<T>::TooManyListings)?;

		Self::hold(HoldReason::ListingDeposit, &seller, deposit)?;
		let mut consent = Consent::<T>::get(vehicle);
		consent.listings.saturating_inc();
		let listing = Listing::<T> {
			vehicle,
			seller: seller.clone(),
			category: terms.category,
			price: terms.price,
			duration: terms.duration,
			terms_hash: terms.terms_hash,
			allow_list: terms.allow_list,
			deposit,
			epoch: consent.epoch,
			ended_at: None,
			grants: 0,
		};
		Listings::<T>::insert(id, listing);
		VehicleListings::<T>::insert(vehicle, listings);
		Consent::<T>::insert(vehicle, consent);
		NextListingId::<T>::put(next);
		Self::deposit_event(Event::ListingCreated {
			listing: id,
			vehicle,
			seller,
			category: terms.category,
			price: terms.price,
			duration: terms.duration,
		});
		Ok(id)
	}

	pub(crate) fn do_withdraw_listing(caller: T::AccountId, id: ListingId) -> DispatchResult {
		let listing = Listings::<T>::get(id).ok_or(Error::<T>::ListingNotFound)?;
		ensure!(listing.ended_at.is_none(), Error::<T>::ListingClosed);
		// A void listing (sale, theft, scrapping since) ended with its epoch; anyone may
		// clean it up. An open one only its seller may withdraw, ending it now.
		let ended_at = match Self::consent_end(&listing) {
			Some(end) => end,
			None => {
				ensure!(caller == listing.seller, Error::<T>::NotSeller);
				Self::now()
			}
		};
		Self::end_listing(id, listing, ended_at);
		Ok(())
	}

	/// Ends a listing at `ended_at`: releases its deposit and takes it off its vehicle. It
	/// stays in storage, marked ended, while it has grants to settle.
	pub(crate) fn end_listing(
		id: ListingId,
		mut listing: Listing<T>,
		ended_at: polkadot_sdk::frame_system::pallet_prelude::BlockNumberFor<T>,
	) {
		Self::release(HoldReason::ListingDeposit, &listing.seller, listing.deposit);
		VehicleListings::<T>::mutate(listing.vehicle, |listings| listings.retain(|l| *l != id));
		let vehicle = listing.vehicle;
		if listing.grants == 0 {
			Self::remove_listing(id, &listing);
		} else {
			listing.ended_at = Some(ended_at);
			Listings::<T>::insert(id, listing);
			EndedListings::<T>::insert(id, ());
		}
		Self::deposit_event(Event::ListingWithdrawn { listing: id, vehicle, ended_at });
	}

	/// Removes an ended listing without grants from storage, and forgets its epoch's end once
	/// no listing of that epoch is left.
	pub(crate) fn remove_listing(id: ListingId, listing: &Listing<T>) {
		Listings::<T>::remove(id);
		EndedListings::<T>::remove(id);
		let vehicle = listing.vehicle;
		let mut consent = Consent::<T>::get(vehicle);
		if consent.epoch == listing.epoch {
			consent.listings.saturating_dec();
			Consent::<T>::insert(vehicle, consent);
			return;
		}
		EpochEnds::<T>::mutate_exists(vehicle, listing.epoch, |end| {
			if let Some(e) = end {
				e.listings.saturating_dec();
				if e.listings == 0 {
					*end = None;
				}
			}
		});
	}
}
