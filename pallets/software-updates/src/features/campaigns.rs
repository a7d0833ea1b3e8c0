//! Campaigns: the director role approves which current images which vehicles install; the
//! manufacturer removes them once cancelled or expired.

use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	sp_runtime::DispatchResult,
};
use v2x_primitives::Vin;

use crate::{
	are_distinct, Campaign, CampaignId, CampaignInputOf, Campaigns, Config, Delegations, Error,
	Event, HardwareId, HoldReason, ImageSigner, Images, Latest, Pallet, Repositories, RepositoryOf,
	SignaturesOf, VehicleSelector,
};

/// Whether `selector` selects the vehicle with `vin`: its first bytes are the selector's model
/// (VIN positions 1-8, or a shorter prefix), and its serial (positions 12-17) lies within the
/// selector's range, inclusive, compared as bytes.
pub fn selects(selector: &VehicleSelector, vin: &Vin) -> bool {
	let bytes = vin.as_bytes();
	if !bytes.starts_with(&selector.model) {
		return false;
	}
	match (&selector.serials, bytes.get(11..17)) {
		(None, _) => true,
		(Some((first, last)), Some(serial)) => {
			first.as_slice() <= serial && serial <= last.as_slice()
		}
		(Some(_), None) => false,
	}
}

impl<T: Config> Pallet<T> {
	pub(crate) fn do_create_campaign(
		manufacturer: T::AccountId,
		input: CampaignInputOf<T>,
		signatures: SignaturesOf<T>,
	) -> DispatchResult {
		let mut repository = Self::live_repository(&manufacturer)?;
		Self::check_campaign(&manufacturer, &repository, &input)?;
		let nonce = Self::next_nonce(&repository)?;
		let payload = Self::campaign_payload(&manufacturer, nonce, &input);
		Self::check_threshold(&manufacturer, &repository.root.director, &payload, &signatures)?;
		repository.nonce = nonce;
		Self::insert_campaign(manufacturer, repository, input)
	}

	/// Everything about `input` but its signatures: room for it (`TooManyCampaigns`), well
	/// formed (`InvalidCampaign`, `DuplicateHardware`), live within the root's life
	/// (`InvalidExpiry`), and every image stored under its name (`ImageNotInRepository`: a
	/// compromised director cannot offer arbitrary software), for the target's hardware
	/// (`HardwareMismatch`), not signed by a revoked or expired delegation (`ImageRevoked`)
	/// and the newest for that hardware id and name (`Superseded`: no campaign rolls vehicles
	/// back).
	pub(crate) fn check_campaign(
		manufacturer: &T::AccountId,
		repository: &RepositoryOf<T>,
		input: &CampaignInputOf<T>,
	) -> DispatchResult {
		ensure!(repository.campaigns < T::MaxCampaigns::get(), Error::<T>::TooManyCampaigns);
		ensure!(
			!input.targets.is_empty() && !input.vehicles.is_empty() && !input.rxswin.is_empty(),
			Error::<T>::InvalidCampaign
		);
		let hardware_ids: Vec<HardwareId> =
			input.targets.iter().map(|target| target.hardware_id.clone()).collect();
		ensure!(are_distinct(&hardware_ids), Error::<T>::DuplicateHardware);
		let now = Self::now();
		ensure!(
			now < input.expires_at && input.expires_at <= repository.root.expires_at,
			Error::<T>::InvalidExpiry
		);
		for target in input.targets.iter() {
			let image = Images::<T>::get(manufacturer, target.hash)
				.filter(|image| image.name == target.name)
				.ok_or(Error::<T>::ImageNotInRepository)?;
			ensure!(image.hardware_ids.contains(&target.hardware_id), Error::<T>::HardwareMismatch);
			if let ImageSigner::Delegation(id) = image.signer {
				let live = Delegations::<T>::get(manufacturer, id)
					.is_some_and(|delegation| !delegation.revoked && now <= delegation.expires_at);
				ensure!(live, Error::<T>::ImageRevoked);
			}
			let latest =
				Latest::<T>::get(manufacturer, (target.hardware_id.clone(), target.name.clone()));
			ensure!(
				latest.is_some_and(|(_, newest)| newest == target.hash),
				Error::<T>::Superseded
			);
		}
		Ok(())
	}

	/// Stores the checked campaign (`repository` with its nonce already advanced), holds its
	/// deposit from the manufacturer and counts it on its images: the genesis build uses it
	/// too.
	pub(crate) fn insert_campaign(
		manufacturer: T::AccountId,
		mut repository: RepositoryOf<T>,
		input: CampaignInputOf<T>,
	) -> DispatchResult {
		let id = repository.next_campaign;
		repository.next_campaign = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		repository.campaigns = repository.campaigns.checked_add(1).ok_or(Error::<T>::Overflow)?;
		Self::hold(HoldReason::Repository, &manufacturer, T::CampaignDeposit::get())?;
		for target in input.targets.iter() {
			Images::<T>::mutate(&manufacturer, target.hash, |image| {
				if let Some(image) = image {
					// At most `MaxCampaigns` campaigns list an image.
					image.campaigns = image.campaigns.saturating_add(1);
				}
			});
		}
		let rxswin = input.rxswin.clone();
		let campaign = Campaign {
			targets: input.targets,
			vehicles: input.vehicles,
			rxswin: input.rxswin,
			expires_at: input.expires_at,
			created_at: Self::now(),
			cancelled: false,
		};
		Campaigns::<T>::insert(&manufacturer, id, campaign);
		Repositories::<T>::insert(&manufacturer, repository);
		Self::deposit_event(Event::CampaignCreated { manufacturer, campaign: id, rxswin });
		Ok(())
	}

	/// No expiry check: cancelling a campaign is always allowed, above all during a freeze.
	pub(crate) fn do_cancel_campaign(
		manufacturer: T::AccountId,
		id: CampaignId,
		signatures: SignaturesOf<T>,
	) -> DispatchResult {
		let mut repository = Self::repository(&manufacturer)?;
		let mut campaign =
			Campaigns::<T>::get(&manufacturer, id).ok_or(Error::<T>::UnknownCampaign)?;
		ensure!(!campaign.cancelled, Error::<T>::CampaignEnded);
		let nonce = Self::next_nonce(&repository)?;
		let payload = Self::cancel_campaign_payload(&manufacturer, nonce, id);
		Self::check_threshold(&manufacturer, &repository.root.director, &payload, &signatures)?;
		campaign.cancelled = true;
		repository.nonce = nonce;
		Campaigns::<T>::insert(&manufacturer, id, campaign);
		Repositories::<T>::insert(&manufacturer, repository);
		Self::deposit_event(Event::CampaignCancelled { manufacturer, campaign: id });
		Ok(())
	}

	/// A campaign may go once no vehicle may start it any more: cancelled, or past the block
	/// it expires in.
	pub(crate) fn do_remove_campaign(manufacturer: T::AccountId, id: CampaignId) -> DispatchResult {
		let mut repository = Self::repository(&manufacturer)?;
		let campaign = Campaigns::<T>::get(&manufacturer, id).ok_or(Error::<T>::UnknownCampaign)?;
		ensure!(campaign.cancelled || Self::now() > campaign.expires_at, Error::<T>::CampaignLive);
		for target in campaign.targets.iter() {
			Images::<T>::mutate(&manufacturer, target.hash, |image| {
				if let Some(image) = image {
					image.campaigns = image.campaigns.saturating_sub(1);
				}
			});
		}
		repository.campaigns = repository.campaigns.saturating_sub(1);
		Campaigns::<T>::remove(&manufacturer, id);
		Repositories::<T>::insert(&manufacturer, repository);
		Self::release(HoldReason::Repository, &manufacturer, T::CampaignDeposit::get());
		Self::deposit_event(Event::CampaignRemoved { manufacturer, campaign: id });
		Ok(())
	}
}
