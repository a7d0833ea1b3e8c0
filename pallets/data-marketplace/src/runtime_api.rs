//! The runtime API data gateways and apps use, and the queries on [`Pallet`] that the
//! runtime's implementation calls.

use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::traits::Get,
	frame_system::pallet_prelude::BlockNumberFor,
	sp_runtime::{traits::Zero, Saturating},
};
use v2x_primitives::{VehicleId, VehicleRegistry, VehicleStatus};

use crate::{
	BalanceOf, BatchCounts, BatchInfo, Batches, BuyerGrants, Config, DataCategory, Due, Grant,
	GrantInfo, Grants, Listing, ListingId, ListingInfo, Listings, Pallet, Shares, VehicleListings,
};

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Who may read which vehicle data, the offers, and the published batches.
	pub trait DataAccessApi<AccountId, Balance, BlockNumber>
	where
		AccountId: codec::Codec,
		Balance: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// Whether `account` holds a grant that gives access to `vehicle`'s `category` data
		/// now: `Some(expiry)` (the first block without access) of its latest-expiring one.
		fn has_access(
			account: AccountId,
			vehicle: VehicleId,
			category: DataCategory,
		) -> Option<BlockNumber>;

		/// The vehicle's listings not withdrawn, from position `start`, at most `limit` (and
		/// at most `MaxPageSize`); `open` says which take purchases.
		fn listings(
			vehicle: VehicleId,
			start: u32,
			limit: u32,
		) -> Vec<ListingInfo<AccountId, Balance, BlockNumber>>;

		/// The kept batches of the vehicle's `category` data with numbers from `start`, oldest
		/// first, at most `limit` (and at most `MaxPageSize`).
		fn batches(
			vehicle: VehicleId,
			category: DataCategory,
			start: u32,
			limit: u32,
		) -> Vec<BatchInfo<AccountId, BlockNumber>>;

		/// How many batches of the vehicle's `category` data were ever published.
		fn batch_count(vehicle: VehicleId, category: DataCategory) -> u32;

		/// The buyer's unsettled grants, from position `start`, at most `limit` (and at most
		/// `MaxPageSize`).
		fn grants_of(buyer: AccountId, start: u32, limit: u32) -> Vec<GrantInfo<Balance, BlockNumber>>;

		/// What settling `buyer`'s grant on `listing` now would pay each party and refund.
		fn due(listing: ListingId, buyer: AccountId) -> Option<Due<Balance>>;
	}
}

/// A page of `items` from position `start`, at most `limit` and `MaxPageSize` long.
fn page<T: Config, I: Iterator>(items: I, start: u32, limit: u32) -> impl Iterator<Item = I::Item> {
	items.skip(start as usize).take(limit.min(T::MaxPageSize::get()) as usize)
}

impl<T: Config> Pallet<T> {
	/// See [`DataAccessApi::has_access`].
	pub fn has_access(
		account: T::AccountId,
		vehicle: VehicleId,
		category: DataCategory,
	) -> Option<BlockNumberFor<T>> {
		if T::Vehicles::status(vehicle) != Some(VehicleStatus::Active) {
			return None;
		}
		let now = Self::now();
		BuyerGrants::<T>::get(&account)
			.into_iter()
			.filter_map(|id| Listings::<T>::get(id).map(|listing| (id, listing)))
			.filter(|(_, listing)| listing.vehicle == vehicle && listing.category == category)
			.filter_map(|(id, listing)| {
				let grant = Grants::<T>::get(id, &account)?;
				(now < Self::grant_end(&listing, &grant)).then_some(grant.expires_at)
			})
			.max()
	}

	/// See [`DataAccessApi::listings`].
	pub fn listings(
		vehicle: VehicleId,
		start: u32,
		limit: u32,
	) -> Vec<ListingInfo<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		let active = T::Vehicles::status(vehicle) == Some(VehicleStatus::Active);
		page::<T, _>(VehicleListings::<T>::get(vehicle).into_iter(), start, limit)
			.filter_map(|id| Listings::<T>::get(id).map(|listing| (id, listing)))
			.map(|(id, listing)| {
				let open = active && Self::is_open(&listing);
				listing_info::<T>(id, listing, open)
			})
			.collect()
	}

	/// See [`DataAccessApi::batches`].
	pub fn batches(
		vehicle: VehicleId,
		category: DataCategory,
		start: u32,
		limit: u32,
	) -> Vec<BatchInfo<T::AccountId, BlockNumberFor<T>>> {
		let key = (vehicle, category);
		let count = BatchCounts::<T>::get(key);
		let first_kept = count.saturating_sub(T::MaxBatches::get());
		let end = start.max(first_kept).saturating_add(limit.min(T::MaxPageSize::get())).min(count);
		(start.max(first_kept)..end)
			.filter_map(|seq| seq.checked_rem(T::MaxBatches::get()))
			.filter_map(|slot| Batches::<T>::get(key, slot))
			.map(|batch| BatchInfo {
				seq: batch.seq,
				hash: batch.hash,
				uri: batch.uri.into_inner(),
				from: batch.from,
				to: batch.to,
				publisher: batch.publisher,
				published_at: batch.published_at,
			})
			.collect()
	}

	/// See [`DataAccessApi::batch_count`].
	pub fn batch_count(vehicle: VehicleId, category: DataCategory) -> u32 {
		BatchCounts::<T>::get((vehicle, category))
	}

	/// See [`DataAccessApi::grants_of`].
	pub fn grants_of(
		buyer: T::AccountId,
		start: u32,
		limit: u32,
	) -> Vec<GrantInfo<BalanceOf<T>, BlockNumberFor<T>>> {
		let now = Self::now();
		page::<T, _>(BuyerGrants::<T>::get(&buyer).into_iter(), start, limit)
			.filter_map(|id| {
				let listing = Listings::<T>::get(id)?;
				let grant = Grants::<T>::get(id, &buyer)?;
				let end = Self::grant_end(&listing, &grant);
				Some(GrantInfo {
					listing: id,
					vehicle: listing.vehicle,
					category: listing.category,
					public_key: grant.public_key,
					start: grant.start,
					expires_at: grant.expires_at,
					ended_at: (end < grant.expires_at).then_some(end),
					active: now < end,
					escrow: grant.amount.saturating_sub(grant.released),
				})
			})
			.collect()
	}

	/// See [`DataAccessApi::due`].
	pub fn due(id: ListingId, buyer: T::AccountId) -> Option<Due<BalanceOf<T>>> {
		let listing = Listings::<T>::get(id)?;
		let grant = Grants::<T>::get(id, &buyer)?;
		let end = Self::grant_end(&listing, &grant);
		let now = Self::now();
		let accrued = Self::accrued(&grant, now.min(end));
		let shares = owed::<T>(&grant, Self::split(accrued));
		let refund = if now >= end {
			grant.amount.saturating_sub(accrued.max(grant.released))
		} else {
			Zero::zero()
		};
		Some(Due { shares, refund })
	}
}

/// What each party is due beyond what it was paid.
fn owed<T: Config>(grant: &Grant<T>, due: Shares<BalanceOf<T>>) -> Shares<BalanceOf<T>> {
	Shares {
		owner: due.owner.saturating_sub(grant.paid.owner),
		manufacturer: due.manufacturer.saturating_sub(grant.paid.manufacturer),
		platform: due.platform.saturating_sub(grant.paid.platform),
	}
}

fn listing_info<T: Config>(
	id: ListingId,
	listing: Listing<T>,
	open: bool,
) -> ListingInfo<T::AccountId, BalanceOf<T>, BlockNumberFor<T>> {
	ListingInfo {
		id,
		vehicle: listing.vehicle,
		seller: listing.seller,
		category: listing.category,
		price: listing.price,
		duration: listing.duration,
		terms_hash: listing.terms_hash,
		allow_list: listing.allow_list.map(|list| list.into_inner()),
		open,
	}
}
