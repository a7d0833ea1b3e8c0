//! Builds the genesis repositories, images, campaigns and reports as the calls would (deposits
//! held, counts kept) minus the signature checks: genesis is trusted. Invalid entries stop the
//! build with a message.

use polkadot_sdk::frame_support::traits::Get;
use v2x_primitives::VehicleRegistry;

use crate::{
	CampaignInputOf, Config, GenesisConfig, GenesisReportOf, HoldReason, ImageSigner, Pallet,
	Repositories, RootOf, TargetInputOf,
};

impl<T: Config> GenesisConfig<T> {
	/// Builds the genesis state. The vehicles must already exist in `T::Vehicles` and the
	/// manufacturers and devices be funded.
	pub(crate) fn seed(&self) {
		for (manufacturer, root) in &self.repositories {
			Self::add_repository(manufacturer, root);
		}
		for (manufacturer, target) in &self.images {
			Self::add_image(manufacturer, target);
		}
		for (manufacturer, input) in &self.campaigns {
			Self::add_campaign(manufacturer, input);
		}
		for report in &self.reports {
			Self::add_report(report);
		}
	}

	/// `create_repository`'s checks but the signatures.
	fn add_repository(manufacturer: &T::AccountId, root: &RootOf<T>) {
		if !T::Vehicles::is_manufacturer(manufacturer) {
			panic!("genesis repository of {manufacturer:?}: not a manufacturer");
		}
		if Repositories::<T>::contains_key(manufacturer) {
			panic!("genesis repository of {manufacturer:?} listed twice");
		}
		if root.version != 1 {
			panic!("genesis repository of {manufacturer:?}: root version must be 1");
		}
		if let Err(e) = Pallet::<T>::check_root(manufacturer, root) {
			panic!("genesis repository of {manufacturer:?}: {e:?}");
		}
		if let Err(e) =
			Pallet::<T>::hold(HoldReason::Repository, manufacturer, T::RepositoryDeposit::get())
		{
			panic!("genesis repository of {manufacturer:?}: its deposit cannot be held: {e:?}");
		}
		Pallet::<T>::store_repository(manufacturer.clone(), root.clone());
	}

	/// `add_target`'s checks but the signatures; the targets role signs genesis images.
	fn add_image(manufacturer: &T::AccountId, target: &TargetInputOf<T>) {
		let added =
			Pallet::<T>::live_repository(manufacturer).map_err(Into::into).and_then(|repository| {
				Pallet::<T>::check_target(manufacturer, &repository, target, ImageSigner::Targets)?;
				Pallet::<T>::insert_image(
					manufacturer.clone(),
					repository,
					target.clone(),
					ImageSigner::Targets,
				)
			});
		if let Err(e) = added {
			panic!("genesis image {:?} of {manufacturer:?}: {e:?}", target.hash);
		}
	}

	/// `create_campaign`'s checks but the signatures.
	fn add_campaign(manufacturer: &T::AccountId, input: &CampaignInputOf<T>) {
		let added =
			Pallet::<T>::live_repository(manufacturer).map_err(Into::into).and_then(|repository| {
				Pallet::<T>::check_campaign(manufacturer, &repository, input)?;
				Pallet::<T>::insert_campaign(manufacturer.clone(), repository, input.clone())
			});
		if let Err(e) = added {
			panic!("genesis campaign {:?} of {manufacturer:?}: {e:?}", input.rxswin);
		}
	}

	/// The device commits to the manifest (its deposit held); `revealed` has the vehicle's
	/// owner at genesis reveal it, with every check of `reveal_report`.
	fn add_report(report: &GenesisReportOf<T>) {
		let vehicle = report.vehicle;
		if T::Vehicles::vehicle_of_device(&report.device) != Some(vehicle) {
			panic!("genesis report of vehicle {vehicle}: the device is not bound to it");
		}
		let commitment = Pallet::<T>::report_commitment(vehicle, &report.salt, &report.manifest);
		let index = match Pallet::<T>::store_report(report.device.clone(), vehicle, commitment) {
			Ok(index) => index,
			Err(e) => panic!("genesis report of vehicle {vehicle}: {e:?}"),
		};
		if !report.revealed {
			return;
		}
		let Some(owner) = T::Vehicles::owner(vehicle) else {
			panic!("genesis report of vehicle {vehicle}: the vehicle has no owner");
		};
		let revealed = Pallet::<T>::do_reveal_report(
			owner,
			vehicle,
			index,
			report.salt,
			report.manifest.clone(),
		);
		if let Err(e) = revealed {
			panic!("genesis report of vehicle {vehicle}: cannot be revealed: {e:?}");
		}
	}
}
