//! # Software updates
//!
//! Software updates over the air with the roles of Uptane 2.1.0 (IEEE-ISTO 6100) and the
//! records of UN R156. The chain is the image repository's tamper-evident, always-available
//! source of truth and the vehicles' secure clock; images stay off chain (name, length, hash).
//! Offline keys sign metadata, and any signed account (an online relay) may submit what they
//! signed; deposits always come from the repository's manufacturer.
//!
//! - **root** keys (a threshold of them) sign the repository's root metadata, its rotations
//!   (the old and the new threshold both) and key revocations.
//! - **targets** keys sign images and delegations to suppliers.
//! - A supplier's **delegation** keys sign images within its name prefix and hardware ids.
//! - **director** keys approve campaigns: which images which vehicles install.
//! - Snapshot and timestamp are no separate roles: a finalized block is the consistent
//!   snapshot and its number the time. Expiry is in blocks.
//! - A vehicle's **device** (its primary ECU) commits installation reports; the **owner**
//!   reveals them (salt and manifest), so the chain never publishes which cars still run a
//!   vulnerable version unless their owners choose to.
//!
//! Vehicles check offered images through [`runtime_api::SoftwareUpdatesApi`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod features;
mod genesis;
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

pub use features::selects;
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use polkadot_sdk::{
	frame_support::{traits::fungible, BoundedVec},
	frame_system::{self, pallet_prelude::BlockNumberFor},
};

/// The balance type of the configured currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

type AccountIdOf<T> = <T as frame_system::Config>::AccountId;

/// Offline keys' signatures on a payload: (key, signature), at most `MaxKeys`.
pub type SignaturesOf<T> =
	BoundedVec<(AccountIdOf<T>, <T as Config>::KeySignature), <T as Config>::MaxKeys>;
/// One role's keys and threshold.
pub type RoleKeysOf<T> = RoleKeys<AccountIdOf<T>, <T as Config>::MaxKeys>;
/// Root metadata.
pub type RootOf<T> = RootMetadata<AccountIdOf<T>, BlockNumberFor<T>, <T as Config>::MaxKeys>;
/// A manufacturer's repository.
pub type RepositoryOf<T> = Repository<AccountIdOf<T>, BlockNumberFor<T>, <T as Config>::MaxKeys>;
/// An image's hardware ids.
pub type HardwareIdsOf<T> = BoundedVec<HardwareId, <T as Config>::MaxHardwareIds>;
/// An image as its signers sign it.
pub type TargetInputOf<T> = TargetInput<<T as Config>::MaxHardwareIds>;
/// A stored image.
pub type ImageOf<T> = Image<BlockNumberFor<T>, <T as Config>::MaxHardwareIds>;
/// A delegation as the targets role signs it.
pub type DelegationInputOf<T> = DelegationInput<
	AccountIdOf<T>,
	BlockNumberFor<T>,
	<T as Config>::MaxKeys,
	<T as Config>::MaxHardwareIds,
>;
/// A stored delegation.
pub type DelegationOf<T> = Delegation<
	AccountIdOf<T>,
	BlockNumberFor<T>,
	<T as Config>::MaxKeys,
	<T as Config>::MaxHardwareIds,
>;
/// A campaign as the director role signs it.
pub type CampaignInputOf<T> = CampaignInput<
	BlockNumberFor<T>,
	<T as Config>::MaxCampaignTargets,
	<T as Config>::MaxSelectors,
>;
/// A stored campaign.
pub type CampaignOf<T> =
	Campaign<BlockNumberFor<T>, <T as Config>::MaxCampaignTargets, <T as Config>::MaxSelectors>;
/// A vehicle version manifest.
pub type ManifestOf<T> = Manifest<<T as Config>::MaxEcus>;
/// A revealed installation.
pub type RevealedInstallationOf<T> =
	RevealedInstallation<BlockNumberFor<T>, <T as Config>::MaxEcus>;
/// A vehicle's reports.
pub type VehicleReportsOf<T> = VehicleReports<
	AccountIdOf<T>,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as Config>::MaxReports,
	<T as Config>::MaxEcus,
>;
/// A genesis report of this runtime.
pub type GenesisReportOf<T> = GenesisReport<AccountIdOf<T>, <T as Config>::MaxEcus>;

/// Sets up what the benchmarks need in the runtime: a manufacturer, vehicles and offline keys.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId, Signature> {
	/// A registered manufacturer (registered on first use); benchmarks use it as the repository
	/// owner.
	fn manufacturer() -> AccountId;
	/// Registers an active vehicle built by `manufacturer()`, owned by `owner` (funded), with
	/// `device` bound to it; returns its id. Its VIN is `T::Vehicles::vin(id)` (benchmarks
	/// build campaign selectors from it).
	fn create_vehicle(owner: &AccountId, device: &AccountId) -> v2x_primitives::VehicleId;
	/// The account of offline key number `index` (0..2*MaxKeys+2: distinct keys).
	fn key(index: u32) -> AccountId;
	/// Key `index`'s signature on `payload`.
	fn sign(index: u32, payload: &[u8]) -> Signature;
}

#[polkadot_sdk::frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use polkadot_sdk::{
		frame_support::{
			pallet_prelude::*,
			traits::fungible::{Inspect, InspectHold, Mutate, MutateHold},
			DefaultNoBound,
		},
		frame_system::pallet_prelude::*,
		sp_core::H256,
		sp_runtime::traits::{IdentifyAccount, Verify},
	};
	use v2x_primitives::{VehicleId, VehicleRegistry};

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>>
			+ IsType<<Self as polkadot_sdk::frame_system::Config>::RuntimeEvent>;

		/// The currency deposits are in.
		type Currency: Inspect<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ InspectHold<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The hold reasons of the runtime, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// Vehicles' manufacturers, owners, VINs and bound devices (the primary ECU is the
		/// bound device).
		type Vehicles: VehicleRegistry<Self::AccountId, BlockNumberFor<Self>>;

		/// An offline key's signature (sr25519/ed25519 in the runtime: `MultiSignature`).
		type KeySignature: Verify<Signer = Self::KeyPublic> + Parameter;

		/// An offline key; it identifies an account (the key's id in role metadata).
		type KeyPublic: IdentifyAccount<AccountId = Self::AccountId>;

		/// The most keys of one role or delegation (so the largest threshold).
		#[pallet::constant]
		type MaxKeys: Get<u32>;

		/// The most hardware ids of one image or delegation.
		#[pallet::constant]
		type MaxHardwareIds: Get<u32>;

		/// The most images stored per repository.
		#[pallet::constant]
		type MaxImages: Get<u32>;

		/// The most delegations per repository, revoked ones included.
		#[pallet::constant]
		type MaxDelegations: Get<u32>;

		/// The most revoked keys per repository.
		#[pallet::constant]
		type MaxRevokedKeys: Get<u32>;

		/// The most campaigns stored per repository.
		#[pallet::constant]
		type MaxCampaigns: Get<u32>;

		/// The most images in one campaign.
		#[pallet::constant]
		type MaxCampaignTargets: Get<u32>;

		/// The most vehicle selectors of one campaign.
		#[pallet::constant]
		type MaxSelectors: Get<u32>;

		/// The most images in one vehicle's manifest (its ECUs).
		#[pallet::constant]
		type MaxEcus: Get<u32>;

		/// How many of a vehicle's newest reports are kept.
		#[pallet::constant]
		type MaxReports: Get<u32>;

		/// Held from the manufacturer per repository: the repository, its delegations and
		/// revoked keys at their bounds.
		#[pallet::constant]
		type RepositoryDeposit: Get<BalanceOf<Self>>;

		/// Held from the manufacturer per stored root version beyond the first (the history).
		#[pallet::constant]
		type RootVersionDeposit: Get<BalanceOf<Self>>;

		/// Held from the manufacturer per stored image.
		#[pallet::constant]
		type ImageDeposit: Get<BalanceOf<Self>>;

		/// Held from the manufacturer per stored campaign.
		#[pallet::constant]
		type CampaignDeposit: Get<BalanceOf<Self>>;

		/// Held from the device that made a vehicle's first report, per vehicle's record.
		#[pallet::constant]
		type ReportDeposit: Get<BalanceOf<Self>>;

		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;

		/// Creates manufacturers, vehicles and offline keys for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId, Self::KeySignature>;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A repository, its root versions, images and campaigns (from the manufacturer).
		Repository,
		/// A vehicle's report record (from the device that made its first report).
		Reports,
	}

	/// Each manufacturer's repository (at most one).
	#[pallet::storage]
	pub type Repositories<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, RepositoryOf<T>>;

	/// BLAKE2-256 of every root version's encoding, 1..=current: (manufacturer, version).
	#[pallet::storage]
	pub type RootHistory<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, u32, H256>;

	/// Revoked keys and the block they were revoked in: (manufacturer, key). They count in no
	/// role or delegation of the repository.
	#[pallet::storage]
	pub type RevokedKeys<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		BlockNumberFor<T>,
	>;

	/// Supplier delegations: (manufacturer, id).
	#[pallet::storage]
	pub type Delegations<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		DelegationId,
		DelegationOf<T>,
	>;

	/// Stored images: (manufacturer, hash). Hashed: the hash is chosen by the signer.
	#[pallet::storage]
	pub type Images<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Blake2_128Concat, H256, ImageOf<T>>;

	/// The newest image per (hardware id, name): (release counter, hash).
	#[pallet::storage]
	pub type Latest<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		(HardwareId, ImageName),
		(u32, H256),
	>;

	/// Campaigns: (manufacturer, id).
	#[pallet::storage]
	pub type Campaigns<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		CampaignId,
		CampaignOf<T>,
	>;

	/// Each vehicle's reports.
	#[pallet::storage]
	pub type Reports<T: Config> = StorageMap<_, Twox64Concat, VehicleId, VehicleReportsOf<T>>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A manufacturer created its repository with self-signed root metadata (version 1).
		RepositoryCreated { manufacturer: T::AccountId, root_hash: H256 },
		/// The root metadata was rotated to `version`, signed by the old and the new root role.
		RootRotated { manufacturer: T::AccountId, version: u32, root_hash: H256 },
		/// A key was revoked: it counts in no role or delegation of the repository any more.
		KeyRevoked { manufacturer: T::AccountId, key: T::AccountId },
		/// The targets role delegated images to a supplier.
		Delegated { manufacturer: T::AccountId, delegation: DelegationId, name: ImageName },
		/// The targets role revoked a delegation: its images read `Revoked`.
		DelegationWithdrawn { manufacturer: T::AccountId, delegation: DelegationId },
		/// An image was added to the repository.
		TargetAdded {
			manufacturer: T::AccountId,
			hash: H256,
			name: ImageName,
			release_counter: u32,
			signer: ImageSigner,
		},
		/// An image no longer newest nor in a campaign was removed; its deposit released.
		ImagePruned { manufacturer: T::AccountId, hash: H256 },
		/// The director role approved a campaign.
		CampaignCreated { manufacturer: T::AccountId, campaign: CampaignId, rxswin: Rxswin },
		/// The director role cancelled a campaign.
		CampaignCancelled { manufacturer: T::AccountId, campaign: CampaignId },
		/// An ended campaign was removed; its deposit released.
		CampaignRemoved { manufacturer: T::AccountId, campaign: CampaignId },
		/// A vehicle's device committed to what it installed (what, the chain does not say).
		InstallationReported { vehicle: VehicleId, report: ReportIndex, commitment: H256 },
		/// The vehicle's owner revealed a report.
		InstallationRevealed {
			vehicle: VehicleId,
			report: ReportIndex,
			campaign: Option<CampaignId>,
			rxswin: Option<Rxswin>,
		},
		/// A scrapped vehicle's reports were removed; the deposit went back to the device.
		ReportsCleared { vehicle: VehicleId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Only a registered manufacturer may do this.
		NotManufacturer,
		/// The manufacturer has a repository already: rotate its root instead.
		RepositoryExists,
		/// The root metadata's version must be 1 at creation, the current one + 1 on a
		/// rotation.
		WrongVersion,
		/// The metadata's expiry must lie after the current block.
		AlreadyExpired,
		/// A role needs distinct keys and `1 <= threshold <= keys`.
		InvalidRole,
		/// A signature is by a key the signing role does not have.
		UnknownKey,
		/// The key is revoked in this repository: it signs nothing and joins no role.
		KeyRevoked,
		/// A key signed twice.
		DuplicateSignature,
		/// Fewer signatures than the signing role's threshold.
		BelowThreshold,
		/// A signature does not verify against the payload.
		BadSignature,
		/// The manufacturer has no repository.
		UnknownRepository,
		/// The repository's root metadata expired: rotate the root first.
		RepositoryExpired,
		/// The repository has `MaxRevokedKeys` revoked keys already.
		TooManyRevokedKeys,
		/// Revoking the key would leave the root role below its threshold: rotate first.
		WouldLockRoot,
		/// The repository has `MaxDelegations` delegations already (revoked ones count).
		TooManyDelegations,
		/// A delegation needs a name, a valid role and distinct hardware ids.
		InvalidDelegation,
		/// The expiry must lie after the current block and not after the root's.
		InvalidExpiry,
		/// The repository has no delegation with this id.
		UnknownDelegation,
		/// The delegation was revoked.
		DelegationRevoked,
		/// An image needs a name, a length above zero and distinct hardware ids.
		InvalidImage,
		/// The repository has an image with this hash already.
		ImageExists,
		/// The repository has `MaxImages` images already: prune old ones.
		TooManyImages,
		/// The delegation expired.
		DelegationExpired,
		/// The image's name or hardware ids lie outside the delegation's.
		OutsideDelegation,
		/// The release counter must lie above the newest image's for each hardware id and name
		/// (Uptane rollback protection).
		ReleaseCounterNotIncreasing,
		/// The repository has no image with this hash.
		UnknownImage,
		/// The image is the newest for one of its hardware ids: it cannot be pruned.
		StillLatest,
		/// A stored campaign lists the image: remove the campaign first.
		InCampaign,
		/// The repository has `MaxCampaigns` campaigns already: remove ended ones.
		TooManyCampaigns,
		/// A campaign needs images, vehicle selectors and an RXSWIN.
		InvalidCampaign,
		/// A hardware id appears twice.
		DuplicateHardware,
		/// No image with this hash (and name) is in the repository.
		ImageNotInRepository,
		/// The image is not for this hardware id.
		HardwareMismatch,
		/// The image's delegation was revoked or expired.
		ImageRevoked,
		/// A newer release of the image exists: no campaign may roll vehicles back.
		Superseded,
		/// The repository has no campaign with this id.
		UnknownCampaign,
		/// The campaign was cancelled.
		CampaignEnded,
		/// The campaign is neither cancelled nor expired.
		CampaignLive,
		/// Only the device bound to the vehicle may report.
		NotVehicleDevice,
		/// This commitment is among the vehicle's stored reports already.
		DuplicateReport,
		/// Only the vehicle's owner may do this.
		NotOwner,
		/// The vehicle has no stored report with this index.
		UnknownReport,
		/// The salt and manifest do not match the report's commitment.
		CommitmentMismatch,
		/// A newer report is already revealed: the passport never goes back to an older
		/// installation (and its RXSWIN).
		OlderThanRevealed,
		/// A manifest needs at least one image.
		InvalidManifest,
		/// The vehicle matches none of the campaign's selectors.
		VehicleNotTargeted,
		/// The manifest lacks one of the campaign's hardware ids.
		PartialBundle,
		/// The manifest has another image than the campaign's for one of its hardware ids.
		MixedBundle,
		/// A counter reached its largest value.
		Overflow,
	}

	#[pallet::genesis_config]
	#[derive(DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Repositories with their version-1 root metadata: (manufacturer, root).
		pub repositories: Vec<(T::AccountId, RootOf<T>)>,
		/// Images signed by the targets role: (manufacturer, image).
		pub images: Vec<(T::AccountId, TargetInputOf<T>)>,
		/// Campaigns: (manufacturer, campaign).
		pub campaigns: Vec<(T::AccountId, CampaignInputOf<T>)>,
		/// Reports made (and possibly revealed) by vehicles.
		pub reports: Vec<GenesisReportOf<T>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			self.seed();
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxKeys::get() > 0, "roles need keys");
			assert!(T::MaxHardwareIds::get() > 0, "images need hardware ids");
			assert!(T::MaxImages::get() > 0, "repositories need images");
			assert!(T::MaxCampaignTargets::get() > 0, "campaigns need images");
			assert!(T::MaxSelectors::get() > 0, "campaigns need vehicles");
			assert!(T::MaxEcus::get() > 0, "manifests need images");
			assert!(T::MaxReports::get() > 0, "vehicles need reports");
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
		/// Creates the caller's repository with `root` (version 1), signed by a threshold of
		/// its own root keys (`root_payload`). Holds `RepositoryDeposit`. A manufacturer only.
		///
		/// Emits `RepositoryCreated`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_repository(signatures.len() as u32))]
		pub fn create_repository(
			origin: OriginFor<T>,
			root: RootOf<T>,
			signatures: SignaturesOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_create_repository(who, root, signatures)
		}

		/// Rotates `manufacturer`'s root to `new_root` (the next version), signed by a threshold
		/// of the current root keys and of the new ones; allowed after expiry (how a frozen
		/// repository recovers). Holds `RootVersionDeposit` from the manufacturer. Anyone.
		///
		/// Emits `RootRotated`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::rotate_root(
			(old_signatures.len() as u32).saturating_add(new_signatures.len() as u32)
		))]
		pub fn rotate_root(
			origin: OriginFor<T>,
			manufacturer: T::AccountId,
			new_root: RootOf<T>,
			old_signatures: SignaturesOf<T>,
			new_signatures: SignaturesOf<T>,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_rotate_root(manufacturer, new_root, old_signatures, new_signatures)
		}

		/// Revokes `key` in `manufacturer`'s repository, signed by a threshold of the root keys
		/// (`revoke_key_payload`). Anyone.
		///
		/// Emits `KeyRevoked`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::revoke_key(signatures.len() as u32))]
		pub fn revoke_key(
			origin: OriginFor<T>,
			manufacturer: T::AccountId,
			key: T::AccountId,
			signatures: SignaturesOf<T>,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_revoke_key(manufacturer, key, signatures)
		}

		/// Delegates images within a name prefix and hardware ids to a supplier's keys, signed
		/// by a threshold of the targets keys (`delegate_payload`). Anyone.
		///
		/// Emits `Delegated`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::delegate(signatures.len() as u32))]
		pub fn delegate(
			origin: OriginFor<T>,
			manufacturer: T::AccountId,
			input: DelegationInputOf<T>,
			signatures: SignaturesOf<T>,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_delegate(manufacturer, input, signatures)
		}

		/// Revokes delegation `id`, signed by a threshold of the targets keys
		/// (`revoke_delegation_payload`); it stays stored so its images read `Revoked`.
		/// Anyone.
		///
		/// Emits `DelegationWithdrawn`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::revoke_delegation(signatures.len() as u32))]
		pub fn revoke_delegation(
			origin: OriginFor<T>,
			manufacturer: T::AccountId,
			id: DelegationId,
			signatures: SignaturesOf<T>,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_revoke_delegation(manufacturer, id, signatures)
		}

		/// Adds an image to `manufacturer`'s repository, signed (`target_payload`) by a
		/// threshold of the targets keys or of the delegation `signer` names. Holds
		/// `ImageDeposit` from the manufacturer. Anyone.
		///
		/// Emits `TargetAdded`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::add_target(
			signatures.len() as u32,
			target.hardware_ids.len() as u32,
		))]
		pub fn add_target(
			origin: OriginFor<T>,
			manufacturer: T::AccountId,
			target: TargetInputOf<T>,
			signer: ImageSigner,
			signatures: SignaturesOf<T>,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_add_target(manufacturer, target, signer, signatures)
		}

		/// Removes an image of the caller's repository that is newest for none of its hardware
		/// ids and in no campaign; releases its deposit. The manufacturer only.
		///
		/// Emits `ImagePruned`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::prune_image(T::MaxHardwareIds::get()))]
		pub fn prune_image(origin: OriginFor<T>, hash: H256) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_prune_image(who, hash)
		}

		/// Creates a campaign of current images of `manufacturer`'s repository for the
		/// vehicles its selectors match, signed by a threshold of the director keys
		/// (`campaign_payload`). Holds `CampaignDeposit` from the manufacturer. Anyone.
		///
		/// Emits `CampaignCreated`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::create_campaign(
			signatures.len() as u32,
			input.targets.len() as u32,
		))]
		pub fn create_campaign(
			origin: OriginFor<T>,
			manufacturer: T::AccountId,
			input: CampaignInputOf<T>,
			signatures: SignaturesOf<T>,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_create_campaign(manufacturer, input, signatures)
		}

		/// Cancels campaign `id`, signed by a threshold of the director keys
		/// (`cancel_campaign_payload`); allowed after the root's expiry. Anyone.
		///
		/// Emits `CampaignCancelled`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::cancel_campaign(signatures.len() as u32))]
		pub fn cancel_campaign(
			origin: OriginFor<T>,
			manufacturer: T::AccountId,
			id: CampaignId,
			signatures: SignaturesOf<T>,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_cancel_campaign(manufacturer, id, signatures)
		}

		/// Removes a cancelled or expired campaign of the caller's repository; releases its
		/// deposit. The manufacturer only.
		///
		/// Emits `CampaignRemoved`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::remove_campaign(T::MaxCampaignTargets::get()))]
		pub fn remove_campaign(origin: OriginFor<T>, id: CampaignId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_campaign(who, id)
		}

		/// Commits to what `vehicle` installed (`report_commitment` of a salt and its
		/// manifest). Holds `ReportDeposit` from the caller on the vehicle's first report. The
		/// device bound to the vehicle only.
		///
		/// Emits `InstallationReported`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::report_installation())]
		pub fn report_installation(
			origin: OriginFor<T>,
			vehicle: VehicleId,
			commitment: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_report_installation(who, vehicle, commitment)
		}

		/// Reveals report `report` of `vehicle` with its salt and manifest, checked against the
		/// repository and the campaign it completes. The vehicle's owner only.
		///
		/// Emits `InstallationRevealed`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::reveal_report(
			manifest.images.len() as u32,
			T::MaxCampaignTargets::get(),
		))]
		pub fn reveal_report(
			origin: OriginFor<T>,
			vehicle: VehicleId,
			report: ReportIndex,
			salt: [u8; 32],
			manifest: ManifestOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_reveal_report(who, vehicle, report, salt, manifest)
		}
	}
}
