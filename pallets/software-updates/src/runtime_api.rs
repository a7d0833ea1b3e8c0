//! The runtime API vehicles and apps use (`SoftwareUpdatesApi`), and the queries on [`Pallet`]
//! that the runtime's implementation calls. Clients call it at a finalized block: its state is
//! Uptane's consistent snapshot and its number the time.
//!
//! The API returns views with plain `Vec`s: a runtime API's type parameters must be
//! `TypeInfo`, which the runtime's bounds (`MaxKeys`, ...) are not.

use alloc::vec::Vec;
use codec::{Decode, Encode};
use core::fmt::Debug;
use polkadot_sdk::{
	frame_support::traits::Get, frame_system::pallet_prelude::BlockNumberFor, sp_core::H256,
};
use scale_info::TypeInfo;
use v2x_primitives::VehicleId;

use crate::{
	CampaignId, CampaignOf, CampaignTarget, Config, HardwareId, ImageStatus, Pallet, ReportIndex,
	Repositories, Repository, RevealedInstallationOf, RoleKeys, Rxswin, VehicleSelector,
};

/// A role's keys and threshold.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct RoleView<AccountId> {
	pub keys: Vec<AccountId>,
	pub threshold: u32,
}

impl<AccountId: Clone + PartialEq + Eq + Debug, MaxKeys: Get<u32>>
	From<RoleKeys<AccountId, MaxKeys>> for RoleView<AccountId>
{
	fn from(role: RoleKeys<AccountId, MaxKeys>) -> Self {
		RoleView { keys: role.keys.into_inner(), threshold: role.threshold }
	}
}

/// A repository: its current root metadata, nonce and counts.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct RepositoryView<AccountId, BlockNumber> {
	pub version: u32,
	pub expires_at: BlockNumber,
	pub root: RoleView<AccountId>,
	pub targets: RoleView<AccountId>,
	pub director: RoleView<AccountId>,
	pub nonce: u32,
	pub images: u32,
	pub delegations: u32,
	pub revoked_keys: u32,
	pub campaigns: u32,
	pub next_delegation: u32,
	pub next_campaign: u32,
}

impl<
		AccountId: Clone + PartialEq + Eq + Debug,
		BlockNumber: Clone + PartialEq + Eq + Debug,
		MaxKeys: Get<u32>,
	> From<Repository<AccountId, BlockNumber, MaxKeys>> for RepositoryView<AccountId, BlockNumber>
{
	fn from(repository: Repository<AccountId, BlockNumber, MaxKeys>) -> Self {
		let root = repository.root;
		RepositoryView {
			version: root.version,
			expires_at: root.expires_at,
			root: root.root.into(),
			targets: root.targets.into(),
			director: root.director.into(),
			nonce: repository.nonce,
			images: repository.images,
			delegations: repository.delegations,
			revoked_keys: repository.revoked_keys,
			campaigns: repository.campaigns,
			next_delegation: repository.next_delegation,
			next_campaign: repository.next_campaign,
		}
	}
}

/// A campaign.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct CampaignView<BlockNumber> {
	pub targets: Vec<CampaignTarget>,
	pub vehicles: Vec<VehicleSelector>,
	pub rxswin: Rxswin,
	pub expires_at: BlockNumber,
	pub created_at: BlockNumber,
	pub cancelled: bool,
}

/// A vehicle's revealed installation.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct InstallationView<BlockNumber> {
	pub report: ReportIndex,
	pub reported_at: BlockNumber,
	pub revealed_at: BlockNumber,
	pub campaign: Option<CampaignId>,
	pub rxswin: Option<Rxswin>,
	pub images: Vec<(HardwareId, H256)>,
}

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// What a vehicle needs to trust an offered image: the repository's verdict, its
	/// manufacturer's live campaigns for it, and what it installed.
	pub trait SoftwareUpdatesApi<AccountId, BlockNumber>
	where
		AccountId: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// What the vehicle should make of image `hash` offered for its ECU `hardware_id`, given
		/// the release counter `installed` on that ECU.
		fn check_image(
			vehicle: VehicleId,
			hardware_id: HardwareId,
			hash: H256,
			installed: Option<u32>,
		) -> ImageStatus;

		/// The manufacturer's repository.
		fn repository(manufacturer: AccountId) -> Option<RepositoryView<AccountId, BlockNumber>>;

		/// The live campaigns of the vehicle's manufacturer that select it.
		fn campaigns_for(vehicle: VehicleId) -> Vec<(CampaignId, CampaignView<BlockNumber>)>;

		/// The installation the vehicle's owner revealed last.
		fn installation(vehicle: VehicleId) -> Option<InstallationView<BlockNumber>>;
	}
}

impl<T: Config> Pallet<T> {
	/// See [`SoftwareUpdatesApi::check_image`].
	// TODO(helper B): the spec's order of checks.
	pub fn check_image(
		_vehicle: VehicleId,
		_hardware_id: HardwareId,
		_hash: H256,
		_installed: Option<u32>,
	) -> ImageStatus {
		ImageStatus::UnknownVehicle
	}

	/// The manufacturer's repository, as the API shows it.
	pub fn repository_view(
		manufacturer: T::AccountId,
	) -> Option<RepositoryView<T::AccountId, BlockNumberFor<T>>> {
		Repositories::<T>::get(manufacturer).map(Into::into)
	}

	/// See [`SoftwareUpdatesApi::campaigns_for`].
	// TODO(helper B)
	pub fn campaigns_for(_vehicle: VehicleId) -> Vec<(CampaignId, CampaignView<BlockNumberFor<T>>)> {
		Vec::new()
	}

	/// See [`SoftwareUpdatesApi::installation`].
	// TODO(helper B)
	pub fn installation(_vehicle: VehicleId) -> Option<InstallationView<BlockNumberFor<T>>> {
		None
	}

	/// LEAD'S TEMPORARY STUB until helper B's version lands.
	pub fn passport_section(
		_vehicle: VehicleId,
	) -> Option<v2x_primitives::SoftwareSection<BlockNumberFor<T>>> {
		None
	}
}
