//! Sales with both parties' consent: the owner offers, the buyer accepts, and payment and
//! title move in one step.

use crate::{
	Config, Error, Event, LienConsents, OwnedVehicles, OwnershipHistory, Pallet, PastOwners, Sale,
	SaleOffer, SaleOffers, Vehicle, Vehicles,
};
use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{fungible::Mutate, tokens::Preservation, Get},
	},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::{traits::Saturating, DispatchResult},
};
use v2x_primitives::{OnOwnershipTransferred, VehicleId};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_offer_sale(
		owner: T::AccountId,
		vehicle: VehicleId,
		buyer: T::AccountId,
		price: Option<crate::BalanceOf<T>>,
		expires_at: BlockNumberFor<T>,
	) -> DispatchResult {
		let entry = Self::owned_active_vehicle(&owner, vehicle)?;
		ensure!(entry.lien.is_none(), Error::<T>::LienPresent);
		ensure!(buyer != owner, Error::<T>::SelfDealing);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(
			expires_at >= now && expires_at <= now.saturating_add(T::MaxOfferDuration::get()),
			Error::<T>::InvalidExpiry
		);
		SaleOffers::<T>::insert(
			vehicle,
			SaleOffer { seller: owner.clone(), buyer: buyer.clone(), price, expires_at },
		);
		Self::deposit_event(Event::SaleOffered {
			vehicle,
			vin: entry.vin,
			seller: owner,
			buyer,
			price,
			expires_at,
		});
		Ok(())
	}

	pub(crate) fn do_cancel_offer(owner: T::AccountId, vehicle: VehicleId) -> DispatchResult {
		let entry = Self::owned_vehicle(&owner, vehicle)?;
		ensure!(SaleOffers::<T>::take(vehicle).is_some(), Error::<T>::NoOffer);
		Self::deposit_event(Event::SaleOfferCancelled { vehicle, vin: entry.vin, seller: owner });
		Ok(())
	}

	pub(crate) fn do_accept_offer(
		buyer: T::AccountId,
		vehicle: VehicleId,
		max_price: crate::BalanceOf<T>,
	) -> DispatchResult {
		let mut entry = Vehicles::<T>::get(vehicle).ok_or(Error::<T>::NotFound)?;
		// A theft, scrapping, lien or sale removes the offer, so an open offer is always the
		// current owner's, on an active vehicle free of liens (checked by `try_state`).
		let offer = SaleOffers::<T>::get(vehicle).ok_or(Error::<T>::NoOffer)?;
		ensure!(offer.buyer == buyer, Error::<T>::NotBuyer);
		ensure!(
			frame_system::Pallet::<T>::block_number() <= offer.expires_at,
			Error::<T>::OfferExpired
		);
		let seller = entry.owner.clone();
		if let Some(price) = offer.price {
			ensure!(price <= max_price, Error::<T>::PriceAboveMaximum);
			T::Currency::transfer(&buyer, &seller, price, Preservation::Preserve)?;
		}

		SaleOffers::<T>::remove(vehicle);
		// The new owner has not agreed to any lien.
		LienConsents::<T>::remove(vehicle);
		Self::clear_delegates(vehicle, &entry)?;
		OwnedVehicles::<T>::remove(&seller, vehicle);
		OwnedVehicles::<T>::insert(&buyer, vehicle, ());
		entry.owner = buyer.clone();
		let vin = entry.vin;
		Vehicles::<T>::insert(vehicle, entry);
		Self::record_sale(vehicle, &seller, &buyer, offer.price);

		T::OnOwnershipTransferred::on_ownership_transferred(vehicle, &seller, &buyer);
		Self::deposit_event(Event::OwnershipTransferred {
			vehicle,
			vin,
			seller,
			buyer,
			price: offer.price,
		});
		Ok(())
	}

	/// Adds a sale to the vehicle's history, dropping the oldest kept one when it is full.
	fn record_sale(
		vehicle: VehicleId,
		seller: &T::AccountId,
		buyer: &T::AccountId,
		price: Option<crate::BalanceOf<T>>,
	) {
		let at = frame_system::Pallet::<T>::block_number();
		OwnershipHistory::<T>::mutate(vehicle, |history| {
			let history =
				history.get_or_insert_with(|| PastOwners { count: 0, recent: Default::default() });
			history.count = history.count.saturating_add(1);
			let sale = Sale { seller: seller.clone(), buyer: buyer.clone(), price, at };
			// Full: the oldest kept sale makes room (it stays counted).
			if history.recent.is_full() {
				history.recent.remove(0);
			}
			// Cannot fail: there is room now.
			let _ = history.recent.try_push(sale);
		});
	}

	/// Removes the open offer of `vehicle`, if any, because it can no longer be accepted (a
	/// theft, scrapping or lien).
	pub(crate) fn void_offer(vehicle: VehicleId, entry: &Vehicle<T>) {
		if let Some(offer) = SaleOffers::<T>::take(vehicle) {
			Self::deposit_event(Event::SaleOfferVoided {
				vehicle,
				vin: entry.vin,
				seller: offer.seller,
				buyer: offer.buyer,
			});
		}
	}
}
