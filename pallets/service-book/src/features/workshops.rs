//! Workshops: approved and suspended by governance, authorised for brands by manufacturers.

use polkadot_sdk::{
	frame_support::ensure,
	frame_system,
	sp_runtime::{DispatchError, DispatchResult},
};
use v2x_primitives::{VehicleId, VehicleRegistry};

use crate::{
	BalanceOf, BrandAuthorisation, BrandAuthorisations, CertificationsOf, Config, Error, Event,
	HoldReason, NameOf, Pallet, Workshop, WorkshopStatus, Workshops,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_approve_workshop(
		workshop: T::AccountId,
		name: NameOf<T>,
		certifications: CertificationsOf<T>,
	) -> DispatchResult {
		ensure!(!Workshops::<T>::contains_key(&workshop), Error::<T>::AlreadyApproved);
		Self::ensure_valid_profile(&name, &certifications)?;
		let entry = Workshop {
			name: name.clone(),
			certifications,
			status: WorkshopStatus::Active,
			approved_at: frame_system::Pallet::<T>::block_number(),
		};
		Workshops::<T>::insert(&workshop, entry);
		Self::deposit_event(Event::WorkshopApproved { workshop, name });
		Ok(())
	}

	pub(crate) fn do_update_workshop(
		workshop: T::AccountId,
		name: NameOf<T>,
		certifications: CertificationsOf<T>,
	) -> DispatchResult {
		Self::ensure_valid_profile(&name, &certifications)?;
		Workshops::<T>::try_mutate(&workshop, |entry| -> DispatchResult {
			let entry = entry.as_mut().ok_or(Error::<T>::WorkshopNotFound)?;
			entry.name = name.clone();
			entry.certifications = certifications;
			Ok(())
		})?;
		Self::deposit_event(Event::WorkshopUpdated { workshop, name });
		Ok(())
	}

	pub(crate) fn do_suspend_workshop(workshop: T::AccountId) -> DispatchResult {
		Self::set_workshop_status(&workshop, WorkshopStatus::Suspended)?;
		Self::deposit_event(Event::WorkshopSuspended { workshop });
		Ok(())
	}

	pub(crate) fn do_reinstate_workshop(workshop: T::AccountId) -> DispatchResult {
		Self::set_workshop_status(&workshop, WorkshopStatus::Active)?;
		Self::deposit_event(Event::WorkshopReinstated { workshop });
		Ok(())
	}

	pub(crate) fn do_authorise_workshop(
		manufacturer: T::AccountId,
		workshop: T::AccountId,
		deposit: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(T::Vehicles::is_manufacturer(&manufacturer), Error::<T>::NotManufacturer);
		ensure!(Workshops::<T>::contains_key(&workshop), Error::<T>::WorkshopNotFound);
		ensure!(
			!BrandAuthorisations::<T>::contains_key(&manufacturer, &workshop),
			Error::<T>::AlreadyAuthorised
		);
		Self::hold_deposit(HoldReason::BrandAuthorisation, &manufacturer, deposit)?;
		let authorisation =
			BrandAuthorisation { deposit, since: frame_system::Pallet::<T>::block_number() };
		BrandAuthorisations::<T>::insert(&manufacturer, &workshop, authorisation);
		Self::deposit_event(Event::WorkshopAuthorised { manufacturer, workshop });
		Ok(())
	}

	pub(crate) fn do_revoke_workshop_authorisation(
		manufacturer: T::AccountId,
		workshop: T::AccountId,
	) -> DispatchResult {
		let authorisation = BrandAuthorisations::<T>::take(&manufacturer, &workshop)
			.ok_or(Error::<T>::NotAuthorised)?;
		Self::release_deposit(
			HoldReason::BrandAuthorisation,
			&manufacturer,
			authorisation.deposit,
		)?;
		Self::deposit_event(Event::WorkshopAuthorisationRevoked { manufacturer, workshop });
		Ok(())
	}

	/// The workshop, if it is approved and not suspended.
	pub(crate) fn active_workshop(who: &T::AccountId) -> Result<Workshop<T>, DispatchError> {
		let workshop = Workshops::<T>::get(who).ok_or(Error::<T>::WorkshopNotFound)?;
		ensure!(workshop.status == WorkshopStatus::Active, Error::<T>::WorkshopSuspended);
		Ok(workshop)
	}

	/// Whether the vehicle's manufacturer authorised `workshop` for its brand.
	pub(crate) fn is_brand_authorised(vehicle: VehicleId, workshop: &T::AccountId) -> bool {
		T::Vehicles::manufacturer(vehicle)
			.is_some_and(|maker| BrandAuthorisations::<T>::contains_key(maker, workshop))
	}

	fn set_workshop_status(workshop: &T::AccountId, status: WorkshopStatus) -> DispatchResult {
		Workshops::<T>::try_mutate(workshop, |entry| {
			let entry = entry.as_mut().ok_or(Error::<T>::WorkshopNotFound)?;
			if entry.status == status {
				return Err(match status {
					WorkshopStatus::Suspended => Error::<T>::AlreadySuspended,
					WorkshopStatus::Active => Error::<T>::NotSuspended,
				}
				.into());
			}
			entry.status = status;
			Ok(())
		})
	}

	fn ensure_valid_profile(
		name: &NameOf<T>,
		certifications: &CertificationsOf<T>,
	) -> DispatchResult {
		ensure!(!name.is_empty(), Error::<T>::EmptyName);
		ensure!(
			certifications.iter().all(|certification| !certification.is_empty()),
			Error::<T>::EmptyCertification
		);
		Ok(())
	}
}
