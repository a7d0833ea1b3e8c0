//! Grants: a buyer's paid access to a listing's data, bought, renewed and renounced.

use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	sp_runtime::{
		traits::{CheckedAdd, Zero},
		ArithmeticError, DispatchResult, Saturating,
	},
};
use v2x_primitives::VehicleRegistry;

use crate::{
	BuyerGrants, Config, Error, Event, Grant, Grants, HoldReason, ListingId, Listings, Pallet,
	PublicKey, Shares,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_purchase(
		buyer: T::AccountId,
		id: ListingId,
		public_key: PublicKey,
	) -> DispatchResult {
		let listing = Listings::<T>::get(id).ok_or(Error::<T>::ListingNotFound)?;
		Self::ensure_active_vehicle(listing.vehicle)?;
		ensure!(Self::is_open(&listing), Error::<T>::ListingClosed);
		ensure!(buyer != listing.seller, Error::<T>::SellerCannotBuy);
		if let Some(allowed) = &listing.allow_list {
			ensure!(allowed.contains(&buyer), Error::<T>::NotAllowed);
		}
		let now = Self::now();
		// An ended grant of the buyer on this listing is settled to make room for the new one.
		if let Some(old) = Grants::<T>::get(id, &buyer) {
			let end = Self::grant_end(&listing, &old);
			ensure!(now >= end, Error::<T>::AlreadyGranted);
			Self::finish_grant(id, &buyer, old, end);
		}
		// Settling may have changed the listing's grant count.
		let mut listing = Listings::<T>::get(id).ok_or(Error::<T>::ListingNotFound)?;
		ensure!(listing.grants < T::MaxGrantsPerListing::get(), Error::<T>::TooManyGrants);
		let mut held = BuyerGrants::<T>::get(&buyer);
		held.try_push(id).map_err(|_| Error::<T>::TooManyBuyerGrants)?;
		let manufacturer =
			T::Vehicles::manufacturer(listing.vehicle).ok_or(Error::<T>::VehicleNotFound)?;
		let expires_at = now.checked_add(&listing.duration).ok_or(ArithmeticError::Overflow)?;

		Self::hold(HoldReason::Escrow, &buyer, listing.price)?;
		let grant = Grant::<T> {
			epoch: listing.epoch,
			public_key,
			manufacturer,
			start: now,
			expires_at,
			amount: listing.price,
			released: Zero::zero(),
			paid: Shares::default(),
		};
		listing.grants.saturating_inc();
		Grants::<T>::insert(id, &buyer, grant);
		BuyerGrants::<T>::insert(&buyer, held);
		let (vehicle, category, price) = (listing.vehicle, listing.category, listing.price);
		Listings::<T>::insert(id, listing);
		Self::deposit_event(Event::GrantPurchased {
			listing: id,
			buyer,
			vehicle,
			category,
			price,
			expires_at,
		});
		Ok(())
	}

	/// One more period at the listing's price: the price per block stays the same, so the
	/// escrow keeps accruing at the same rate, now until the later expiry.
	pub(crate) fn do_renew_grant(buyer: T::AccountId, id: ListingId) -> DispatchResult {
		let listing = Listings::<T>::get(id).ok_or(Error::<T>::ListingNotFound)?;
		let mut grant = Grants::<T>::get(id, &buyer).ok_or(Error::<T>::GrantNotFound)?;
		// A live grant means an open listing: its consent has not ended.
		ensure!(Self::now() < Self::grant_end(&listing, &grant), Error::<T>::GrantEnded);
		let expires_at =
			grant.expires_at.checked_add(&listing.duration).ok_or(ArithmeticError::Overflow)?;
		let amount = grant.amount.checked_add(&listing.price).ok_or(ArithmeticError::Overflow)?;

		Self::hold(HoldReason::Escrow, &buyer, listing.price)?;
		grant.expires_at = expires_at;
		grant.amount = amount;
		Grants::<T>::insert(id, &buyer, grant);
		Self::deposit_event(Event::GrantRenewed {
			listing: id,
			buyer,
			price: listing.price,
			expires_at,
		});
		Ok(())
	}

	pub(crate) fn do_renounce_grant(buyer: T::AccountId, id: ListingId) -> DispatchResult {
		let listing = Listings::<T>::get(id).ok_or(Error::<T>::ListingNotFound)?;
		let grant = Grants::<T>::get(id, &buyer).ok_or(Error::<T>::GrantNotFound)?;
		let now = Self::now();
		let end = Self::grant_end(&listing, &grant);
		if now < end {
			Self::deposit_event(Event::GrantRenounced { listing: id, buyer: buyer.clone() });
		}
		Self::finish_grant(id, &buyer, grant, end.min(now));
		Ok(())
	}
}
