//! # Data marketplace
//!
//! Owners sell time-limited access to their vehicle's data; the data itself never goes on
//! chain: the chain holds the offers, the commitments (hashes and URIs of published batches),
//! the payments and the access grants that data gateways check.
//!
//! - The vehicle's **owner** (the data producer) lists an offer for a category of its data:
//!   price per access period, period in blocks, a terms hash and an optional buyer
//!   allow-list. A deposit is held until the listing is withdrawn, which the owner may do at
//!   any time. Stolen and scrapped vehicles take no listings.
//! - The owner or a **device** bound to the vehicle publishes data batches (category, hash,
//!   URI, time range), kept as a ring of the last `MaxBatches` per vehicle and category.
//! - A **buyer** purchases access with an encryption public key. The price is held from it
//!   in escrow and released to the seller, the manufacturer and the platform treasury
//!   linearly as access time is used (anyone may release what is due). A buyer renews a
//!   grant (one more period) or renounces it (the unused part comes back).
//! - Consent is revocable: a withdrawal, a sale, a theft report or scrapping ends the grants
//!   at that block. The identity pallet's hooks only bump the vehicle's consent epoch (O(1));
//!   the refunds of the voided grants are settled lazily, by anyone (`settle_grant`) or in
//!   `on_idle`, as of the block consent ended.
//!
//! Gateways and apps read grants, listings and batches through [`runtime_api::DataAccessApi`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod escrow;
mod features;
mod genesis;
pub mod migrations;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
// Natively always, so the runtime's tests check the invariants too; in the Wasm with
// `try-runtime` only.
#[cfg(any(feature = "try-runtime", feature = "std"))]
mod try_state;
pub mod types;
mod vehicle_hooks;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use polkadot_sdk::{frame_support::traits::fungible, frame_system};

/// The balance type of the configured currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// Sets up what the benchmarks need in the runtime's vehicle registry.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Registers an active vehicle owned by `owner` with `device` bound to it, and returns its
	/// id. Its manufacturer must be a registered manufacturer (`VehicleRegistry::manufacturer`
	/// and `is_manufacturer`).
	fn create_vehicle(owner: &AccountId, device: &AccountId) -> v2x_primitives::VehicleId;
}

#[polkadot_sdk::frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use polkadot_sdk::{
		frame_support::{
			pallet_prelude::*,
			traits::fungible::{Inspect, Mutate, MutateHold},
			DefaultNoBound,
		},
		frame_system::pallet_prelude::*,
		sp_runtime::Perbill,
	};
	use v2x_primitives::{VehicleId, VehicleRegistry};

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>>
			+ IsType<<Self as polkadot_sdk::frame_system::Config>::RuntimeEvent>;

		/// The currency prices and deposits are held in.
		type Currency: Inspect<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The hold reasons of the runtime, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// Who owns vehicles, who made them, their status and bound devices.
		type Vehicles: VehicleRegistry<Self::AccountId, BlockNumberFor<Self>>;

		/// The platform treasury, paid the platform's share.
		#[pallet::constant]
		type Treasury: Get<Self::AccountId>;

		/// The manufacturer's share of every price.
		#[pallet::constant]
		type ManufacturerShare: Get<Perbill>;

		/// The platform treasury's share of every price. The owner gets the rest.
		#[pallet::constant]
		type PlatformShare: Get<Perbill>;

		/// Held from the owner for each listing until it is withdrawn.
		#[pallet::constant]
		type ListingDeposit: Get<BalanceOf<Self>>;

		/// The most listings a vehicle may have open at a time.
		#[pallet::constant]
		type MaxListingsPerVehicle: Get<u32>;

		/// The most accounts on a listing's buyer allow-list.
		#[pallet::constant]
		type MaxAllowListLength: Get<u32>;

		/// The most unsettled grants on one listing.
		#[pallet::constant]
		type MaxGrantsPerListing: Get<u32>;

		/// The most unsettled grants one buyer may hold.
		#[pallet::constant]
		type MaxGrantsPerBuyer: Get<u32>;

		/// The longest access period a listing may sell, in blocks.
		#[pallet::constant]
		type MaxAccessDuration: Get<BlockNumberFor<Self>>;

		/// The longest batch URI, in bytes.
		#[pallet::constant]
		type MaxUriLength: Get<u32>;

		/// How many batches each vehicle keeps per category (a ring: older ones are
		/// overwritten; the counter keeps counting).
		#[pallet::constant]
		type MaxBatches: Get<u32>;

		/// The most settlement steps `on_idle` takes in one block.
		#[pallet::constant]
		type MaxSettlementsPerBlock: Get<u32>;

		/// The most entries one runtime API call returns.
		#[pallet::constant]
		type MaxPageSize: Get<u32>;

		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;

		/// Creates vehicles in the runtime's registry for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A listing, held from its seller until it is withdrawn.
		ListingDeposit,
		/// The unreleased part of a grant's price, held from the buyer.
		Escrow,
	}

	/// The id the next listing gets.
	#[pallet::storage]
	pub type NextListingId<T: Config> = StorageValue<_, ListingId, ValueQuery>;

	/// Every listing: open ones, and withdrawn or void ones whose grants are not yet settled.
	#[pallet::storage]
	pub type Listings<T: Config> = StorageMap<_, Twox64Concat, ListingId, Listing<T>>;

	/// Each vehicle's listings that were not withdrawn (some may be void after a sale or
	/// theft until they are cleaned up).
	#[pallet::storage]
	pub type VehicleListings<T: Config> = StorageMap<
		_,
		Twox64Concat,
		VehicleId,
		BoundedVec<ListingId, T::MaxListingsPerVehicle>,
		ValueQuery,
	>;

	/// Each vehicle's consent epoch.
	#[pallet::storage]
	pub type Consent<T: Config> =
		StorageMap<_, Twox64Concat, VehicleId, VehicleConsent, ValueQuery>;

	/// When each older consent epoch of a vehicle ended: (vehicle, epoch). Kept while
	/// listings of that epoch are in storage.
	#[pallet::storage]
	pub type EpochEnds<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		VehicleId,
		Twox64Concat,
		u32,
		EpochEnd<BlockNumberFor<T>>,
	>;

	/// Grants by (listing, buyer): at most one per buyer on a listing.
	#[pallet::storage]
	pub type Grants<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ListingId, Blake2_128Concat, T::AccountId, Grant<T>>;

	/// The listings each buyer holds an unsettled grant on.
	#[pallet::storage]
	pub type BuyerGrants<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<ListingId, T::MaxGrantsPerBuyer>,
		ValueQuery,
	>;

	/// Vehicles whose consent ended with listings still open: `on_idle` ends those listings.
	#[pallet::storage]
	pub type PendingVoids<T: Config> = StorageMap<_, Twox64Concat, VehicleId, ()>;

	/// Ended listings with grants to settle: `on_idle` settles them.
	#[pallet::storage]
	pub type EndedListings<T: Config> = StorageMap<_, Twox64Concat, ListingId, ()>;

	/// The last `MaxBatches` batches per (vehicle, category), at slot `seq % MaxBatches`.
	#[pallet::storage]
	pub type Batches<T: Config> =
		StorageDoubleMap<_, Twox64Concat, (VehicleId, DataCategory), Twox64Concat, u32, Batch<T>>;

	/// How many batches each (vehicle, category) has had published.
	#[pallet::storage]
	pub type BatchCounts<T: Config> =
		StorageMap<_, Twox64Concat, (VehicleId, DataCategory), u32, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The owner listed an offer of access to its vehicle's data.
		ListingCreated {
			listing: ListingId,
			vehicle: VehicleId,
			seller: T::AccountId,
			category: DataCategory,
			price: BalanceOf<T>,
			duration: BlockNumberFor<T>,
		},
		/// A listing was withdrawn (by its seller, or cleaned up after a sale or theft): its
		/// grants give no access from `ended_at` on. Its deposit went back to the seller.
		ListingWithdrawn { listing: ListingId, vehicle: VehicleId, ended_at: BlockNumberFor<T> },
		/// A buyer bought access; the price is held in escrow.
		GrantPurchased {
			listing: ListingId,
			buyer: T::AccountId,
			vehicle: VehicleId,
			category: DataCategory,
			price: BalanceOf<T>,
			expires_at: BlockNumberFor<T>,
		},
		/// A buyer bought one more period of access.
		GrantRenewed {
			listing: ListingId,
			buyer: T::AccountId,
			price: BalanceOf<T>,
			expires_at: BlockNumberFor<T>,
		},
		/// A buyer gave up a grant: access ended now.
		GrantRenounced { listing: ListingId, buyer: T::AccountId },
		/// What was due of a grant left escrow to the seller, manufacturer and treasury.
		PaymentsReleased {
			listing: ListingId,
			buyer: T::AccountId,
			to_owner: BalanceOf<T>,
			to_manufacturer: BalanceOf<T>,
			to_platform: BalanceOf<T>,
		},
		/// An ended grant was settled and removed: everything due as of `ended_at` was paid and
		/// `refund` went back to the buyer.
		GrantSettled {
			listing: ListingId,
			buyer: T::AccountId,
			ended_at: BlockNumberFor<T>,
			refund: BalanceOf<T>,
		},
		/// A sale, theft report or scrapping ended the vehicle's consent epoch `epoch`: its
		/// listings and grants give no access from this block on.
		ConsentEnded { vehicle: VehicleId, epoch: u32 },
		/// The owner or a bound device published a data batch.
		BatchPublished {
			vehicle: VehicleId,
			category: DataCategory,
			seq: u32,
			hash: Hash32,
			publisher: T::AccountId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No such vehicle: check the id.
		VehicleNotFound,
		/// The vehicle is reported stolen: no listings or purchases until it is recovered.
		VehicleStolen,
		/// The vehicle is scrapped: no listings, purchases or batches.
		VehicleScrapped,
		/// Only the vehicle's owner may do this.
		NotOwner,
		/// Only the vehicle's owner or a device bound to it may publish batches.
		NotPublisher,
		/// A listing needs a price above zero.
		InvalidPrice,
		/// The access period must be at least one block and at most `MaxAccessDuration`.
		InvalidDuration,
		/// The vehicle has `MaxListingsPerVehicle` listings: withdraw one first.
		TooManyListings,
		/// No listing has this id (or it was withdrawn and all its grants settled).
		ListingNotFound,
		/// The listing takes no purchases or renewals: it was withdrawn, or the vehicle was
		/// sold, reported stolen or scrapped since it was listed.
		ListingClosed,
		/// Only the seller may withdraw an open listing.
		NotSeller,
		/// The seller cannot buy its own listing.
		SellerCannotBuy,
		/// The listing's allow-list does not include the caller.
		NotAllowed,
		/// The caller already holds a live grant on this listing: renew it instead.
		AlreadyGranted,
		/// The listing has `MaxGrantsPerListing` unsettled grants.
		TooManyGrants,
		/// The buyer holds `MaxGrantsPerBuyer` unsettled grants: settle or renounce one first.
		TooManyBuyerGrants,
		/// The caller holds no grant on this listing.
		GrantNotFound,
		/// The grant has ended (expired or consent withdrawn): buy a new one.
		GrantEnded,
		/// The caller cannot afford the price or deposit.
		InsufficientBalance,
		/// A batch's time range ends before it starts.
		InvalidTimeRange,
	}

	#[pallet::genesis_config]
	#[derive(DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Listings to seed (ids 0, 1, ...) for each vehicle's current owner, without deposits.
		pub listings: Vec<GenesisListing<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			self.seed();
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_idle(_n: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::settle_idle(remaining)
		}

		fn integrity_test() {
			assert!(
				T::ManufacturerShare::get()
					.deconstruct()
					.saturating_add(T::PlatformShare::get().deconstruct())
					<= Perbill::one().deconstruct(),
				"the manufacturer's and platform's shares exceed the price"
			);
			assert!(T::MaxListingsPerVehicle::get() > 0, "owners must be able to list");
			assert!(T::MaxGrantsPerListing::get() > 0, "listings must be sellable");
			assert!(T::MaxGrantsPerBuyer::get() > 0, "buyers must be able to buy");
			assert!(T::MaxAccessDuration::get() > Zero::zero(), "access periods must be usable");
			assert!(T::MaxBatches::get() > 0, "the batch ring is empty");
			assert!(T::MaxSettlementsPerBlock::get() > 0, "on_idle must settle");
			assert!(T::MaxPageSize::get() > 0, "the runtime API must return entries");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(
			_n: BlockNumberFor<T>,
		) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Lists an offer of access to `vehicle`'s `category` data: `price` per access period of
		/// `duration` blocks (at most `MaxAccessDuration`), under the terms hashed in
		/// `terms_hash`, for anyone or only the accounts in `allow_list`. Holds
		/// `ListingDeposit` from the caller. The owner of an active vehicle only, up to
		/// `MaxListingsPerVehicle` listings.
		///
		/// Emits `ListingCreated`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_listing())]
		pub fn create_listing(
			origin: OriginFor<T>,
			vehicle: VehicleId,
			category: DataCategory,
			price: BalanceOf<T>,
			duration: BlockNumberFor<T>,
			terms_hash: Hash32,
			allow_list: Option<AllowListOf<T>>,
		) -> DispatchResult {
			let seller = ensure_signed(origin)?;
			let terms = ListingTerms { category, price, duration, terms_hash, allow_list };
			Self::do_create_listing(seller, vehicle, terms, T::ListingDeposit::get()).map(|_| ())
		}

		/// Withdraws a listing: it takes no more purchases, its grants give no access from
		/// this block on (their unused parts go back to the buyers when settled), and its
		/// deposit goes back to the seller. The seller, at any time; anyone, once the listing is
		/// void after a sale, theft report or scrapping (its grants ended at that block).
		///
		/// Emits `ListingWithdrawn`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::withdraw_listing())]
		pub fn withdraw_listing(origin: OriginFor<T>, listing: ListingId) -> DispatchResult {
			let caller = ensure_signed(origin)?;
			Self::do_withdraw_listing(caller, listing)
		}

		/// Buys one access period on an open `listing`, giving the `public_key` the data is
		/// encrypted to. The price is held from the caller in escrow and paid out as the access
		/// time is used. Anyone but the seller (only allow-listed accounts if the listing has
		/// an allow-list); the vehicle must be active. An ended grant of the caller on the
		/// listing is settled first.
		///
		/// Emits `GrantPurchased` (and `GrantSettled` for a settled old grant).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::purchase())]
		pub fn purchase(
			origin: OriginFor<T>,
			listing: ListingId,
			public_key: PublicKey,
		) -> DispatchResult {
			let buyer = ensure_signed(origin)?;
			Self::do_purchase(buyer, listing, public_key)
		}

		/// Extends the caller's live grant on `listing` by one access period, holding the price
		/// in escrow. The grant's buyer, while the grant gives access.
		///
		/// Emits `GrantRenewed`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::renew_grant())]
		pub fn renew_grant(origin: OriginFor<T>, listing: ListingId) -> DispatchResult {
			let buyer = ensure_signed(origin)?;
			Self::do_renew_grant(buyer, listing)
		}

		/// Gives up the caller's grant on `listing`: access ends now, what is due so far is
		/// paid out and the unused part comes back to the caller. The grant's buyer only.
		///
		/// Emits `GrantRenounced` (for a live grant), `PaymentsReleased` and `GrantSettled`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::renounce_grant())]
		pub fn renounce_grant(origin: OriginFor<T>, listing: ListingId) -> DispatchResult {
			let buyer = ensure_signed(origin)?;
			Self::do_renounce_grant(buyer, listing)
		}

		/// Pays out what `buyer`'s grant on `listing` owes the seller, manufacturer and
		/// treasury so far. If the grant has ended (expired, withdrawn, vehicle sold, stolen or
		/// scrapped), settles it: pays everything due as of its end, refunds the rest to the
		/// buyer and removes it. Anyone.
		///
		/// Emits `PaymentsReleased` (if anything was due) and `GrantSettled` for an ended grant.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::settle_grant())]
		pub fn settle_grant(
			origin: OriginFor<T>,
			listing: ListingId,
			buyer: T::AccountId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_settle_grant(listing, buyer)
		}

		/// Publishes a batch of `vehicle`'s `category` data: its `hash`, the `uri` a gateway
		/// serves it at, and the time range it covers (`from..=to`, Unix seconds). The owner or
		/// a device bound to the vehicle; not for a scrapped vehicle. Keeps the last
		/// `MaxBatches` per vehicle and category.
		///
		/// Emits `BatchPublished`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::publish_batch())]
		pub fn publish_batch(
			origin: OriginFor<T>,
			vehicle: VehicleId,
			category: DataCategory,
			hash: Hash32,
			uri: UriOf<T>,
			from: u64,
			to: u64,
		) -> DispatchResult {
			let publisher = ensure_signed(origin)?;
			Self::do_publish_batch(publisher, vehicle, category, hash, uri, (from, to))
		}
	}
}
