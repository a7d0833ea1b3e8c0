//! Settling grants: paying out what is due, and at a grant's end refunding the rest. Ended
//! grants are found by `on_idle` through two small queues, so no hook or call ever loops
//! over a vehicle's grants:
//!
//! - `PendingVoids`: vehicles whose consent epoch ended (sale, theft, scrapping) while they
//!   had listings. One step ends one of the vehicle's void listings (deposit back to the
//!   seller) or, when none is left, takes the vehicle off the queue.
//! - `EndedListings`: ended listings with grants left. One step settles one of their grants
//!   or, when none is left, removes the listing.

use polkadot_sdk::{
	frame_support::{defensive, traits::Get, weights::Weight},
	frame_system::pallet_prelude::BlockNumberFor,
	sp_runtime::{DispatchResult, Saturating},
};

use crate::{
	BuyerGrants, Config, Consent, EndedListings, Error, Event, Grant, Grants, HoldReason,
	ListingId, Listings, Pallet, PendingVoids, VehicleListings, WeightInfo,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_settle_grant(id: ListingId, buyer: T::AccountId) -> DispatchResult {
		let listing = Listings::<T>::get(id).ok_or(Error::<T>::ListingNotFound)?;
		let mut grant = Grants::<T>::get(id, &buyer).ok_or(Error::<T>::GrantNotFound)?;
		let now = Self::now();
		let end = Self::grant_end(&listing, &grant);
		if now >= end {
			Self::finish_grant(id, &buyer, grant, end);
		} else {
			let accrued = Self::accrued(&grant, now);
			Self::pay_due(id, &listing.seller, &buyer, &mut grant, accrued);
			Grants::<T>::insert(id, &buyer, grant);
		}
		Ok(())
	}

	/// Settles a grant that ended at block `end`: pays what accrued until then, refunds the
	/// rest to the buyer and removes the grant (and its listing, if that ended and this was
	/// its last grant).
	pub(crate) fn finish_grant(
		id: ListingId,
		buyer: &T::AccountId,
		mut grant: Grant<T>,
		end: BlockNumberFor<T>,
	) {
		let Some(mut listing) = Listings::<T>::get(id) else {
			defensive!("a grant without its listing");
			return;
		};
		let accrued = Self::accrued(&grant, end);
		Self::pay_due(id, &listing.seller, buyer, &mut grant, accrued);
		let refund = grant.amount.saturating_sub(grant.released);
		Self::release(HoldReason::Escrow, buyer, refund);
		Grants::<T>::remove(id, buyer);
		BuyerGrants::<T>::mutate_exists(buyer, |held| {
			if let Some(list) = held {
				list.retain(|l| *l != id);
				if list.is_empty() {
					*held = None;
				}
			}
		});
		listing.grants.saturating_dec();
		if listing.ended_at.is_some() && listing.grants == 0 {
			Self::remove_listing(id, &listing);
		} else {
			Listings::<T>::insert(id, listing);
		}
		Self::deposit_event(Event::GrantSettled {
			listing: id,
			buyer: buyer.clone(),
			ended_at: end,
			refund,
		});
	}

	/// `on_idle`: takes settlement steps while the block has room, at most
	/// `MaxSettlementsPerBlock`.
	pub(crate) fn settle_idle(remaining: Weight) -> Weight {
		let step = T::WeightInfo::settle_voided_grant().max(T::WeightInfo::end_void_listing());
		// Finding out that both queues are empty.
		let mut used = T::DbWeight::get().reads(2);
		// Without room for a step nothing is read, so nothing is used: `on_idle` must not
		// claim more than the block had left (found by the runtime fuzzer).
		if !remaining.all_gte(used.saturating_add(step)) {
			return Weight::zero();
		}
		for _ in 0..T::MaxSettlementsPerBlock::get() {
			if !remaining.all_gte(used.saturating_add(step)) {
				break;
			}
			if !Self::settle_next() {
				break;
			}
			used.saturating_accrue(step);
		}
		used
	}

	/// One settlement step; `false` if there was nothing to do.
	pub(crate) fn settle_next() -> bool {
		if let Some(id) = EndedListings::<T>::iter_keys().next() {
			Self::settle_ended_listing(id);
			return true;
		}
		if let Some(vehicle) = PendingVoids::<T>::iter_keys().next() {
			Self::end_next_void_listing(vehicle);
			return true;
		}
		false
	}

	/// Settles one grant of an ended listing, or removes the listing when none is left.
	pub(crate) fn settle_ended_listing(id: ListingId) {
		let Some(listing) = Listings::<T>::get(id) else {
			defensive!("an ended listing that is gone");
			EndedListings::<T>::remove(id);
			return;
		};
		match Grants::<T>::iter_prefix(id).next() {
			Some((buyer, grant)) => {
				let end = Self::grant_end(&listing, &grant);
				Self::finish_grant(id, &buyer, grant, end);
			}
			None => {
				defensive!("an ended listing without grants was kept");
				Self::remove_listing(id, &listing);
			}
		}
	}

	/// Ends one of `vehicle`'s listings made before its consent epoch ended, or takes the
	/// vehicle off the queue when none is left.
	pub(crate) fn end_next_void_listing(vehicle: v2x_primitives::VehicleId) {
		let epoch = Consent::<T>::get(vehicle).epoch;
		let void = VehicleListings::<T>::get(vehicle).into_iter().find_map(|id| {
			Listings::<T>::get(id).filter(|listing| listing.epoch != epoch).map(|l| (id, l))
		});
		match void {
			Some((id, listing)) => {
				let ended_at = Self::consent_end(&listing).unwrap_or_else(Self::now);
				Self::end_listing(id, listing, ended_at);
			}
			None => PendingVoids::<T>::remove(vehicle),
		}
	}
}
