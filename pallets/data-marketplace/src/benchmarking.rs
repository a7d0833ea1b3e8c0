//! Benchmarks of every call and hook, each in its worst case.

use super::*;
use alloc::{vec, vec::Vec};
use polkadot_sdk::frame_support::BoundedVec;
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::traits::{
		fungible::{Inspect, Mutate},
		Get,
	},
	frame_system::{pallet_prelude::BlockNumberFor, RawOrigin},
	sp_runtime::traits::{One, Saturating},
};
use v2x_primitives::VehicleId;

fn assert_last_event<T: Config>(event: Event<T>) {
	let event: <T as Config>::RuntimeEvent = event.into();
	frame_system::Pallet::<T>::assert_last_event(event.into());
}

/// The price of the benchmarks' listings.
fn price<T: Config>() -> BalanceOf<T> {
	T::Currency::minimum_balance().saturating_mul(1_000u32.into())
}

/// The `index`th account called `name`, with enough funds for many prices and deposits.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	let amount = price::<T>()
		.saturating_add(T::ListingDeposit::get())
		.saturating_mul(100u32.into())
		.saturating_add(T::Currency::minimum_balance());
	T::Currency::set_balance(&who, amount);
	who
}

/// A vehicle with a funded owner and a bound device.
fn vehicle<T: Config>(index: u32) -> (VehicleId, T::AccountId, T::AccountId) {
	let owner = funded::<T>("owner", index);
	let device: T::AccountId = account("device", index, 0);
	let vehicle = T::BenchmarkHelper::create_vehicle(&owner, &device);
	(vehicle, owner, device)
}

/// The longest allow-list, with `last` at its end (the slowest to find).
fn allow_list<T: Config>(last: &T::AccountId) -> AllowListOf<T> {
	let mut list: Vec<T::AccountId> =
		(1..T::MaxAllowListLength::get()).map(|index| account("allowed", index, 0)).collect();
	list.push(last.clone());
	list.truncate(T::MaxAllowListLength::get() as usize);
	list.try_into().expect("sized to the bound")
}

fn terms<T: Config>(allowed: Option<AllowListOf<T>>) -> ListingTerms<T> {
	ListingTerms {
		category: DataCategory::CrashBlackbox,
		price: price::<T>(),
		duration: T::MaxAccessDuration::get(),
		terms_hash: [1; 32],
		allow_list: allowed,
	}
}

fn list<T: Config>(
	vehicle: VehicleId,
	owner: &T::AccountId,
	allowed: Option<AllowListOf<T>>,
) -> ListingId {
	Pallet::<T>::do_create_listing(
		owner.clone(),
		vehicle,
		terms::<T>(allowed),
		T::ListingDeposit::get(),
	)
	.expect("the owner lists an active vehicle")
}

fn buy<T: Config>(buyer: &T::AccountId, listing: ListingId) {
	Pallet::<T>::do_purchase(buyer.clone(), listing, [9; 32]).expect("an open listing");
}

/// `buyer` holds `MaxGrantsPerBuyer - 1` grants on listings of other vehicles.
fn fill_buyer_grants<T: Config>(buyer: &T::AccountId) {
	for index in 1..T::MaxGrantsPerBuyer::get() {
		let (vehicle, owner, _) = vehicle::<T>(1_000 + index);
		buy::<T>(buyer, list::<T>(vehicle, &owner, None));
	}
}

/// `count` other buyers buy `listing`.
fn other_buyers<T: Config>(listing: ListingId, count: u32) {
	for index in 0..count {
		buy::<T>(&funded::<T>("other buyer", index), listing);
	}
}

fn now<T: Config>() -> BlockNumberFor<T> {
	frame_system::Pallet::<T>::block_number()
}

fn set_block<T: Config>(block: BlockNumberFor<T>) {
	frame_system::Pallet::<T>::set_block_number(block);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	// The vehicle has `MaxListingsPerVehicle - 1` listings; the longest allow-list.
	#[benchmark]
	fn create_listing() {
		let (vehicle, owner, _) = vehicle::<T>(0);
		for _ in 1..T::MaxListingsPerVehicle::get() {
			list::<T>(vehicle, &owner, None);
		}
		let allowed = allow_list::<T>(&account("buyer", 0, 0));

		#[extrinsic_call]
		_(
			RawOrigin::Signed(owner.clone()),
			vehicle,
			DataCategory::CrashBlackbox,
			price::<T>(),
			T::MaxAccessDuration::get(),
			[1; 32],
			Some(allowed),
		);

		assert_eq!(
			VehicleListings::<T>::get(vehicle).len() as u32,
			T::MaxListingsPerVehicle::get()
		);
	}

	// The listing is the last of a full vehicle and has a grant: it stays, marked ended.
	#[benchmark]
	fn withdraw_listing() {
		let (vehicle, owner, _) = vehicle::<T>(0);
		for _ in 1..T::MaxListingsPerVehicle::get() {
			list::<T>(vehicle, &owner, None);
		}
		let listing = list::<T>(vehicle, &owner, None);
		buy::<T>(&funded::<T>("buyer", 0), listing);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), listing);

		assert!(EndedListings::<T>::contains_key(listing));
	}

	// The buyer is last on the longest allow-list; its expired grant on the listing is
	// settled first; the listing and the buyer end up with the most grants.
	#[benchmark]
	fn purchase() {
		let (vehicle, owner, _) = vehicle::<T>(0);
		let buyer = funded::<T>("buyer", 0);
		let listing = list::<T>(vehicle, &owner, Some(allow_list::<T>(&buyer)));
		let others = T::MaxGrantsPerListing::get().saturating_sub(1);
		buy::<T>(&buyer, listing);
		// The other buyers must be allowed too: drop the allow-list while they buy.
		Listings::<T>::mutate(listing, |l| {
			if let Some(l) = l {
				l.allow_list = None;
			}
		});
		other_buyers::<T>(listing, others);
		Listings::<T>::mutate(listing, |l| {
			if let Some(l) = l {
				l.allow_list = Some(allow_list::<T>(&buyer));
			}
		});
		fill_buyer_grants::<T>(&buyer);
		set_block::<T>(now::<T>().saturating_add(T::MaxAccessDuration::get()));

		#[extrinsic_call]
		_(RawOrigin::Signed(buyer.clone()), listing, [9; 32]);

		assert_eq!(Listings::<T>::get(listing).map(|l| l.grants), Some(others + 1));
		assert_eq!(Grants::<T>::get(listing, &buyer).map(|g| g.start), Some(now::<T>()));
	}

	#[benchmark]
	fn renew_grant() {
		let (vehicle, owner, _) = vehicle::<T>(0);
		let buyer = funded::<T>("buyer", 0);
		let listing = list::<T>(vehicle, &owner, None);
		buy::<T>(&buyer, listing);

		#[extrinsic_call]
		_(RawOrigin::Signed(buyer.clone()), listing);

		assert_eq!(
			Grants::<T>::get(listing, &buyer).map(|g| g.amount),
			Some(price::<T>() * 2u32.into())
		);
	}

	// A half-used grant, the last of the buyer's full list.
	#[benchmark]
	fn renounce_grant() {
		let (vehicle, owner, _) = vehicle::<T>(0);
		let buyer = funded::<T>("buyer", 0);
		fill_buyer_grants::<T>(&buyer);
		let listing = list::<T>(vehicle, &owner, None);
		buy::<T>(&buyer, listing);
		set_block::<T>(now::<T>().saturating_add(T::MaxAccessDuration::get() / 2u32.into()));

		#[extrinsic_call]
		_(RawOrigin::Signed(buyer.clone()), listing);

		assert!(!Grants::<T>::contains_key(listing, &buyer));
	}

	// The last grant of a listing voided by a sale and withdrawn since: paying, refunding, and
	// removing the listing and its epoch's end. The buyer's list is full, this grant last.
	#[benchmark]
	fn settle_grant() {
		let (vehicle, owner, _) = vehicle::<T>(0);
		let buyer = funded::<T>("buyer", 0);
		fill_buyer_grants::<T>(&buyer);
		let listing = list::<T>(vehicle, &owner, None);
		buy::<T>(&buyer, listing);
		set_block::<T>(now::<T>().saturating_add(One::one()));
		Pallet::<T>::end_consent(vehicle);
		Pallet::<T>::do_withdraw_listing(owner, listing).expect("a void listing");
		let caller = funded::<T>("caller", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), listing, buyer.clone());

		assert!(!Listings::<T>::contains_key(listing));
		assert!(EpochEnds::<T>::iter_prefix(vehicle).next().is_none());
	}

	// A device publishes (found after the owner check), with the longest URI.
	#[benchmark]
	fn publish_batch() {
		let (vehicle, _, device) = vehicle::<T>(0);
		let uri: UriOf<T> =
			vec![b'u'; T::MaxUriLength::get() as usize].try_into().expect("sized to the bound");

		#[extrinsic_call]
		_(RawOrigin::Signed(device), vehicle, DataCategory::Battery, [1; 32], uri, 0, 1);

		assert_eq!(BatchCounts::<T>::get((vehicle, DataCategory::Battery)), 1);
	}

	// The sale and status hooks: the vehicle has listings, so the epoch's end is recorded and
	// the vehicle queued.
	#[benchmark]
	fn end_consent() {
		let (vehicle, owner, _) = vehicle::<T>(0);
		list::<T>(vehicle, &owner, None);

		#[block]
		{
			Pallet::<T>::end_consent(vehicle);
		}

		assert_last_event::<T>(Event::ConsentEnded { vehicle, epoch: 0 });
		assert!(PendingVoids::<T>::contains_key(vehicle));
	}

	// One `on_idle` step: the last grant of an ended listing, settled with a refund.
	#[benchmark]
	fn settle_voided_grant() {
		let (vehicle, owner, _) = vehicle::<T>(0);
		let buyer = funded::<T>("buyer", 0);
		fill_buyer_grants::<T>(&buyer);
		let listing = list::<T>(vehicle, &owner, None);
		buy::<T>(&buyer, listing);
		set_block::<T>(now::<T>().saturating_add(One::one()));
		Pallet::<T>::end_consent(vehicle);
		Pallet::<T>::end_next_void_listing(vehicle);
		assert!(EndedListings::<T>::contains_key(listing));

		#[block]
		{
			Pallet::<T>::settle_next();
		}

		assert!(!Listings::<T>::contains_key(listing));
	}

	// One `on_idle` step: ending a void listing with a grant, found last among the vehicle's
	// `MaxListingsPerVehicle` listings.
	#[benchmark]
	fn end_void_listing() {
		let (vehicle, owner, _) = vehicle::<T>(0);
		let void = list::<T>(vehicle, &owner, None);
		buy::<T>(&funded::<T>("buyer", 0), void);
		Pallet::<T>::end_consent(vehicle);
		for _ in 1..T::MaxListingsPerVehicle::get() {
			list::<T>(vehicle, &owner, None);
		}
		let mut reversed = VehicleListings::<T>::get(vehicle).into_inner();
		reversed.reverse();
		VehicleListings::<T>::insert(
			vehicle,
			BoundedVec::<ListingId, T::MaxListingsPerVehicle>::truncate_from(reversed),
		);

		#[block]
		{
			Pallet::<T>::settle_next();
		}

		assert!(EndedListings::<T>::contains_key(void));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
