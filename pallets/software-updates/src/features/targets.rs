//! Images: the targets role (or a supplier's delegation) adds them with a strictly increasing
//! release counter per hardware id and name (Uptane's rollback protection); the manufacturer
//! prunes those no longer newest nor in a campaign.

use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	sp_core::H256,
	sp_runtime::DispatchResult,
};

use crate::{
	Config, Delegations, Error, Event, HoldReason, Image, ImageSigner, Images, Latest, Pallet,
	Repositories, RepositoryOf, SignaturesOf, TargetInputOf,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_add_target(
		manufacturer: T::AccountId,
		target: TargetInputOf<T>,
		signer: ImageSigner,
		signatures: SignaturesOf<T>,
	) -> DispatchResult {
		let repository = Self::live_repository(&manufacturer)?;
		Self::check_target(&manufacturer, &repository, &target, signer)?;
		let payload = Self::target_payload(&manufacturer, &target);
		match signer {
			ImageSigner::Targets => Self::check_threshold(
				&manufacturer,
				&repository.root.targets,
				&payload,
				&signatures,
			)?,
			ImageSigner::Delegation(id) => {
				let delegation = Delegations::<T>::get(&manufacturer, id)
					.ok_or(Error::<T>::UnknownDelegation)?;
				Self::check_threshold(&manufacturer, &delegation.keys, &payload, &signatures)?
			}
		}
		Self::insert_image(manufacturer, repository, target, signer)
	}

	/// Everything about `target` but its signatures: well formed (`InvalidImage`), new
	/// (`ImageExists`), room for it (`TooManyImages`), within a live delegation that signs it,
	/// and a release counter above the newest for each of its hardware ids and its name.
	pub(crate) fn check_target(
		manufacturer: &T::AccountId,
		repository: &RepositoryOf<T>,
		target: &TargetInputOf<T>,
		signer: ImageSigner,
	) -> DispatchResult {
		ensure!(target.is_well_formed(), Error::<T>::InvalidImage);
		ensure!(!Images::<T>::contains_key(manufacturer, target.hash), Error::<T>::ImageExists);
		ensure!(repository.images < T::MaxImages::get(), Error::<T>::TooManyImages);
		if let ImageSigner::Delegation(id) = signer {
			let delegation =
				Delegations::<T>::get(manufacturer, id).ok_or(Error::<T>::UnknownDelegation)?;
			ensure!(!delegation.revoked, Error::<T>::DelegationRevoked);
			ensure!(Self::now() <= delegation.expires_at, Error::<T>::DelegationExpired);
			ensure!(
				delegation.covers(&target.name, &target.hardware_ids),
				Error::<T>::OutsideDelegation
			);
		}
		for hardware_id in target.hardware_ids.iter() {
			let key = (hardware_id.clone(), target.name.clone());
			if let Some((latest, _)) = Latest::<T>::get(manufacturer, key) {
				ensure!(target.release_counter > latest, Error::<T>::ReleaseCounterNotIncreasing);
			}
		}
		Ok(())
	}

	/// Stores the checked `target` as the newest image for each of its hardware ids, with its
	/// deposit held from the manufacturer: the genesis build uses it too.
	pub(crate) fn insert_image(
		manufacturer: T::AccountId,
		mut repository: RepositoryOf<T>,
		target: TargetInputOf<T>,
		signer: ImageSigner,
	) -> DispatchResult {
		repository.images = repository.images.checked_add(1).ok_or(Error::<T>::Overflow)?;
		Self::hold(HoldReason::Repository, &manufacturer, T::ImageDeposit::get())?;
		for hardware_id in target.hardware_ids.iter() {
			let key = (hardware_id.clone(), target.name.clone());
			Latest::<T>::insert(&manufacturer, key, (target.release_counter, target.hash));
		}
		let image = Image {
			name: target.name.clone(),
			length: target.length,
			hardware_ids: target.hardware_ids,
			release_counter: target.release_counter,
			signer,
			added_at: Self::now(),
			campaigns: 0,
		};
		Images::<T>::insert(&manufacturer, target.hash, image);
		Repositories::<T>::insert(&manufacturer, repository);
		Self::deposit_event(Event::TargetAdded {
			manufacturer,
			hash: target.hash,
			name: target.name,
			release_counter: target.release_counter,
			signer,
		});
		Ok(())
	}

	pub(crate) fn do_prune_image(manufacturer: T::AccountId, hash: H256) -> DispatchResult {
		let mut repository = Self::repository(&manufacturer)?;
		let image = Images::<T>::get(&manufacturer, hash).ok_or(Error::<T>::UnknownImage)?;
		let latest = image.hardware_ids.iter().any(|hardware_id| {
			Latest::<T>::get(&manufacturer, (hardware_id.clone(), image.name.clone()))
				.is_some_and(|(_, newest)| newest == hash)
		});
		ensure!(!latest, Error::<T>::StillLatest);
		ensure!(image.campaigns == 0, Error::<T>::InCampaign);
		repository.images = repository.images.saturating_sub(1);
		Images::<T>::remove(&manufacturer, hash);
		Repositories::<T>::insert(&manufacturer, repository);
		Self::release(HoldReason::Repository, &manufacturer, T::ImageDeposit::get());
		Self::deposit_event(Event::ImagePruned { manufacturer, hash });
		Ok(())
	}
}
