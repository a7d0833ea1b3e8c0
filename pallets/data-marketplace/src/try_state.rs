//! The invariants of the data marketplace, checked after every test and by `try-runtime`.

use alloc::collections::{BTreeMap, BTreeSet};
use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{fungible::InspectHold, Get},
	},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::{traits::Zero, Saturating, TryRuntimeError},
};
use v2x_primitives::{VehicleId, VehicleRegistry, VehicleStatus};

use crate::{
	BalanceOf, BatchCounts, Batches, BuyerGrants, Config, Consent, DataCategory, EndedListings,
	EpochEnds, Grants, HoldReason, Listings, Pallet, PendingVoids, VehicleListings,
};

impl<T: Config> Pallet<T> {
	/// Checks every invariant of the marketplace; `Err` names the first one broken.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::check_listings()?;
		Self::check_grants()?;
		Self::check_access()?;
		Self::check_batches()
	}

	/// Open listings are on their vehicle and their sellers hold their deposits; ended ones
	/// wait in `EndedListings` with grants to settle; the epoch counts match the listings.
	fn check_listings() -> Result<(), TryRuntimeError> {
		let mut deposits = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		let mut per_epoch = BTreeMap::<(VehicleId, u32), u32>::new();
		let mut on_vehicles = BTreeSet::new();
		for (vehicle, listings) in VehicleListings::<T>::iter() {
			for id in listings {
				let listing = Listings::<T>::get(id).ok_or("a vehicle lists a missing listing")?;
				ensure!(listing.vehicle == vehicle, "a listing is on the wrong vehicle");
				ensure!(on_vehicles.insert(id), "a listing is on its vehicle twice");
			}
		}
		for (id, listing) in Listings::<T>::iter() {
			let count = per_epoch.entry((listing.vehicle, listing.epoch)).or_insert(0);
			*count = count.saturating_add(1);
			let grants = Grants::<T>::iter_prefix(id).count() as u32;
			ensure!(grants == listing.grants, "a listing's grant count disagrees with its grants");
			ensure!(grants <= T::MaxGrantsPerListing::get(), "too many grants on a listing");
			if listing.ended_at.is_none() {
				ensure!(on_vehicles.contains(&id), "an open listing is not on its vehicle");
				let held = deposits.entry(listing.seller).or_insert_with(Zero::zero);
				*held = held.saturating_add(listing.deposit);
			} else {
				ensure!(!on_vehicles.contains(&id), "a withdrawn listing is still on its vehicle");
				ensure!(grants > 0, "a withdrawn listing without grants was kept");
				ensure!(EndedListings::<T>::contains_key(id), "an ended listing is not queued");
			}
		}
		ensure!(
			EndedListings::<T>::iter_keys()
				.all(|id| Listings::<T>::get(id).is_some_and(|l| l.ended_at.is_some())),
			"a queued ended listing is not an ended listing"
		);
		for (vehicle, consent) in Consent::<T>::iter() {
			let listed = per_epoch.get(&(vehicle, consent.epoch)).copied().unwrap_or(0);
			ensure!(listed == consent.listings, "a vehicle's listing count disagrees");
		}
		for (vehicle, epoch, end) in EpochEnds::<T>::iter() {
			ensure!(epoch != Consent::<T>::get(vehicle).epoch, "the current epoch has an end");
			let listed = per_epoch.get(&(vehicle, epoch)).copied().unwrap_or(0);
			ensure!(listed == end.listings && listed > 0, "an epoch's listing count disagrees");
		}
		for ((vehicle, epoch), _) in per_epoch {
			let current = Consent::<T>::get(vehicle).epoch == epoch;
			ensure!(
				current || EpochEnds::<T>::contains_key(vehicle, epoch),
				"a listing of an ended epoch without its end"
			);
			if !current {
				let queued = PendingVoids::<T>::contains_key(vehicle);
				let on_vehicle = VehicleListings::<T>::get(vehicle)
					.into_iter()
					.any(|id| Listings::<T>::get(id).is_some_and(|l| l.epoch == epoch));
				ensure!(queued || !on_vehicle, "a void listing nobody will end");
			}
		}
		Self::check_held(HoldReason::ListingDeposit, deposits, "listing deposits not held")
	}

	/// Each grant's escrow holds its unreleased price; what was released is what the parties
	/// were paid; the buyer index matches the grants.
	fn check_grants() -> Result<(), TryRuntimeError> {
		let mut escrow = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		let mut per_buyer = BTreeMap::<T::AccountId, BTreeSet<u64>>::new();
		for (id, buyer, grant) in Grants::<T>::iter() {
			let listing = Listings::<T>::get(id).ok_or("a grant without its listing")?;
			ensure!(grant.epoch == listing.epoch, "a grant's epoch is not its listing's");
			ensure!(grant.start < grant.expires_at, "a grant ends before it starts");
			ensure!(grant.released <= grant.amount, "a grant released more than its price");
			let paid = grant
				.paid
				.owner
				.saturating_add(grant.paid.manufacturer)
				.saturating_add(grant.paid.platform);
			ensure!(paid == grant.released, "a grant's payouts disagree with what it released");
			let held = escrow.entry(buyer.clone()).or_insert_with(Zero::zero);
			*held = held.saturating_add(grant.amount.saturating_sub(grant.released));
			per_buyer.entry(buyer).or_default().insert(id);
		}
		for (buyer, held) in BuyerGrants::<T>::iter() {
			let indexed: BTreeSet<u64> = held.iter().copied().collect();
			ensure!(indexed.len() == held.len(), "a buyer's grant index repeats a listing");
			ensure!(
				per_buyer.remove(&buyer) == Some(indexed),
				"a buyer's grant index disagrees with its grants"
			);
		}
		ensure!(per_buyer.is_empty(), "a grant missing from its buyer's index");
		Self::check_held(HoldReason::Escrow, escrow, "escrow disagrees with unreleased prices")
	}

	/// `has_access` agrees with a direct reading of the grants: only a grant before its
	/// expiry, on a listing not withdrawn, of the vehicle's current consent epoch, on an
	/// active vehicle gives access.
	fn check_access() -> Result<(), TryRuntimeError> {
		let now = frame_system::Pallet::<T>::block_number();
		let mut expected =
			BTreeMap::<(T::AccountId, VehicleId, DataCategory), Option<BlockNumberFor<T>>>::new();
		for (id, buyer, grant) in Grants::<T>::iter() {
			let listing = Listings::<T>::get(id).ok_or("a grant without its listing")?;
			let live = listing.ended_at.is_none()
				&& Consent::<T>::get(listing.vehicle).epoch == grant.epoch
				&& T::Vehicles::status(listing.vehicle) == Some(VehicleStatus::Active)
				&& now < grant.expires_at;
			let entry = expected.entry((buyer, listing.vehicle, listing.category)).or_default();
			if live {
				*entry = (*entry).max(Some(grant.expires_at));
			}
		}
		for ((buyer, vehicle, category), expiry) in expected {
			ensure!(
				Self::has_access(buyer, vehicle, category) == expiry,
				"has_access disagrees with the grants: an ended grant gives access"
			);
		}
		Ok(())
	}

	fn check_batches() -> Result<(), TryRuntimeError> {
		let mut stored = BTreeMap::<(VehicleId, DataCategory), u32>::new();
		for (key, slot, batch) in Batches::<T>::iter() {
			ensure!(slot < T::MaxBatches::get(), "a batch outside the ring");
			ensure!(
				batch.seq.checked_rem(T::MaxBatches::get()) == Some(slot),
				"a batch in the wrong slot"
			);
			ensure!(batch.seq < BatchCounts::<T>::get(key), "a batch beyond the counter");
			let count = stored.entry(key).or_insert(0);
			*count = count.saturating_add(1);
		}
		for (key, count) in BatchCounts::<T>::iter() {
			ensure!(
				stored.get(&key).copied().unwrap_or(0) == count.min(T::MaxBatches::get()),
				"the batch ring disagrees with the counter"
			);
		}
		Ok(())
	}

	/// Every account holds exactly what its entries say for this reason, both ways.
	fn check_held(
		reason: HoldReason,
		amounts: BTreeMap<T::AccountId, BalanceOf<T>>,
		message: &'static str,
	) -> Result<(), TryRuntimeError> {
		let reason = reason.into();
		for (who, amount) in &amounts {
			ensure!(T::Currency::balance_on_hold(&reason, who) == *amount, message);
		}
		for who in frame_system::Account::<T>::iter_keys() {
			if !amounts.contains_key(&who) {
				ensure!(T::Currency::balance_on_hold(&reason, &who).is_zero(), message);
			}
		}
		Ok(())
	}
}
