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
use v2x_primitives::{InstalledImage, SoftwareSection, VehicleId, VehicleRegistry};

use crate::{
	selects, Campaign, CampaignId, CampaignOf, CampaignTarget, Campaigns, Config, Delegations,
	HardwareId, ImageSigner, ImageStatus, Images, Latest, Pallet, ReportIndex, Reports,
	Repositories, Repository, RevealedInstallation, RevealedInstallationOf, RoleKeys, Rxswin,
	VehicleSelector,
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

impl<
		BlockNumber: Clone + PartialEq + Eq + Debug,
		MaxCampaignTargets: Get<u32>,
		MaxSelectors: Get<u32>,
	> From<Campaign<BlockNumber, MaxCampaignTargets, MaxSelectors>> for CampaignView<BlockNumber>
{
	fn from(campaign: Campaign<BlockNumber, MaxCampaignTargets, MaxSelectors>) -> Self {
		CampaignView {
			targets: campaign.targets.into_inner(),
			vehicles: campaign.vehicles.into_inner(),
			rxswin: campaign.rxswin,
			expires_at: campaign.expires_at,
			created_at: campaign.created_at,
			cancelled: campaign.cancelled,
		}
	}
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

impl<BlockNumber: Clone + PartialEq + Eq + Debug, MaxEcus: Get<u32>>
	From<RevealedInstallation<BlockNumber, MaxEcus>> for InstallationView<BlockNumber>
{
	fn from(installation: RevealedInstallation<BlockNumber, MaxEcus>) -> Self {
		InstallationView {
			report: installation.report,
			reported_at: installation.reported_at,
			revealed_at: installation.revealed_at,
			campaign: installation.campaign,
			rxswin: installation.rxswin,
			images: installation.images.into_inner(),
		}
	}
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
	/// See [`SoftwareUpdatesApi::check_image`]. The checks run in the order a vehicle must
	/// distrust: no repository to trust, a frozen one (an expired root: trust nothing in it),
	/// software it does not know or not for this ECU, a withdrawn signer, then the rollback and
	/// staleness of the release.
	pub fn check_image(
		vehicle: VehicleId,
		hardware_id: HardwareId,
		hash: H256,
		installed: Option<u32>,
	) -> ImageStatus {
		let Some(manufacturer) = T::Vehicles::manufacturer(vehicle) else {
			return ImageStatus::UnknownVehicle;
		};
		let Some(repository) = Repositories::<T>::get(&manufacturer) else {
			return ImageStatus::NoRepository;
		};
		let now = Self::now();
		if now > repository.root.expires_at {
			return ImageStatus::Expired;
		}
		let Some(image) = Images::<T>::get(&manufacturer, hash) else {
			return ImageStatus::NotInRepository;
		};
		if !image.hardware_ids.contains(&hardware_id) {
			return ImageStatus::WrongHardware;
		}
		if let ImageSigner::Delegation(id) = image.signer {
			match Delegations::<T>::get(&manufacturer, id) {
				Some(delegation) if delegation.revoked => return ImageStatus::Revoked,
				Some(delegation) if now > delegation.expires_at => return ImageStatus::Expired,
				Some(_) => {}
				// Delegations are never removed: a missing one is as good as withdrawn.
				None => return ImageStatus::Revoked,
			}
		}
		let offered = image.release_counter;
		if let Some(installed) = installed.filter(|installed| *installed > offered) {
			return ImageStatus::RolledBack { installed, offered };
		}
		match Latest::<T>::get(&manufacturer, (hardware_id, image.name)) {
			Some((latest, _)) if latest > offered => ImageStatus::Superseded { latest },
			_ => ImageStatus::Current { release_counter: offered },
		}
	}

	/// The manufacturer's repository, as the API shows it.
	pub fn repository_view(
		manufacturer: T::AccountId,
	) -> Option<RepositoryView<T::AccountId, BlockNumberFor<T>>> {
		Repositories::<T>::get(manufacturer).map(Into::into)
	}

	/// See [`SoftwareUpdatesApi::campaigns_for`]: by id, the live (neither cancelled nor
	/// expired) campaigns of the vehicle's manufacturer with a selector matching its VIN.
	pub fn campaigns_for(vehicle: VehicleId) -> Vec<(CampaignId, CampaignOf<T>)> {
		let (Some(manufacturer), Some(vin)) =
			(T::Vehicles::manufacturer(vehicle), T::Vehicles::vin(vehicle))
		else {
			return Vec::new();
		};
		let now = Self::now();
		let mut campaigns: Vec<_> = Campaigns::<T>::iter_prefix(&manufacturer)
			.filter(|(_, campaign)| {
				!campaign.cancelled
					&& now <= campaign.expires_at
					&& campaign.vehicles.iter().any(|selector| selects(selector, &vin))
			})
			.collect();
		campaigns.sort_unstable_by_key(|(id, _)| *id);
		campaigns
	}

	/// See [`SoftwareUpdatesApi::installation`].
	pub fn installation(vehicle: VehicleId) -> Option<RevealedInstallationOf<T>> {
		Reports::<T>::get(vehicle).and_then(|reports| reports.revealed)
	}

	/// The vehicle passport's software section: the installation revealed last (`None` before
	/// any), each image marked current while it is the newest for its hardware id and name.
	pub fn passport_section(vehicle: VehicleId) -> Option<SoftwareSection<BlockNumberFor<T>>> {
		let reports = Reports::<T>::get(vehicle)?;
		let revealed = reports.revealed?;
		let manufacturer = T::Vehicles::manufacturer(vehicle);
		let images = revealed
			.images
			.into_iter()
			.map(|(hardware_id, hash)| {
				let current = manufacturer.as_ref().is_some_and(|manufacturer| {
					Images::<T>::get(manufacturer, hash)
						.and_then(|image| {
							Latest::<T>::get(manufacturer, (hardware_id.clone(), image.name))
						})
						.is_some_and(|(_, newest)| newest == hash)
				});
				InstalledImage { hardware_id: hardware_id.into_inner(), hash: hash.0, current }
			})
			.collect();
		Some(SoftwareSection {
			campaign: revealed.campaign,
			rxswin: revealed.rxswin.map(|rxswin| rxswin.into_inner()),
			reported_at: revealed.reported_at,
			revealed_at: revealed.revealed_at,
			images,
			reports: reports.next,
		})
	}
}
