//! Installation reports: a vehicle's device commits to its manifest; the owner reveals it,
//! checked against the repository and the campaign it completes.

use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::{ensure, traits::Get, BoundedVec},
	sp_core::H256,
	sp_runtime::{DispatchError, DispatchResult},
};
use v2x_primitives::{VehicleId, VehicleRegistry};

use super::campaigns::selects;
use crate::{
	are_distinct, Campaigns, Config, Error, Event, HardwareId, HoldReason, Images, ManifestOf,
	Pallet, Report, ReportIndex, Reports, Repositories, RevealedInstallation, Rxswin,
	VehicleReports,
};

impl<T: Config> Pallet<T> {
	/// Only the vehicle's bound device (its primary ECU) reports, a stolen vehicle's too: what
	/// a stolen car installs is still worth knowing.
	pub(crate) fn do_report_installation(
		device: T::AccountId,
		vehicle: VehicleId,
		commitment: H256,
	) -> DispatchResult {
		ensure!(
			T::Vehicles::vehicle_of_device(&device) == Some(vehicle),
			Error::<T>::NotVehicleDevice
		);
		Self::store_report(device, vehicle, commitment).map(|_| ())
	}

	/// Appends `commitment` to `vehicle`'s reports (not among them yet: `DuplicateReport`),
	/// dropping the oldest beyond `MaxReports`; the first report holds `ReportDeposit` from
	/// `device`. The genesis build uses it too.
	pub(crate) fn store_report(
		device: T::AccountId,
		vehicle: VehicleId,
		commitment: H256,
	) -> Result<ReportIndex, DispatchError> {
		let mut reports = match Reports::<T>::get(vehicle) {
			Some(reports) => {
				let known = reports.reports.iter().any(|report| report.commitment == commitment);
				ensure!(!known, Error::<T>::DuplicateReport);
				reports
			}
			None => {
				let deposit = T::ReportDeposit::get();
				Self::hold(HoldReason::Reports, &device, deposit)?;
				VehicleReports {
					depositor: device,
					deposit,
					next: 0,
					reports: BoundedVec::new(),
					revealed: None,
				}
			}
		};
		let index = reports.next;
		reports.next = index.checked_add(1).ok_or(Error::<T>::Overflow)?;
		if reports.reports.is_full() {
			reports.reports.remove(0);
		}
		let report = Report { index, commitment, at: Self::now() };
		reports.reports.try_push(report).map_err(|_| Error::<T>::Overflow)?;
		Reports::<T>::insert(vehicle, reports);
		Self::deposit_event(Event::InstallationReported { vehicle, report: index, commitment });
		Ok(index)
	}

	/// The owner at the time of the reveal reveals, whoever owned the car when the device
	/// reported: the report describes the car.
	pub(crate) fn do_reveal_report(
		owner: T::AccountId,
		vehicle: VehicleId,
		report: ReportIndex,
		salt: [u8; 32],
		manifest: ManifestOf<T>,
	) -> DispatchResult {
		ensure!(T::Vehicles::owner(vehicle) == Some(owner), Error::<T>::NotOwner);
		let mut reports = Reports::<T>::get(vehicle).ok_or(Error::<T>::UnknownReport)?;
		let (commitment, reported_at) = reports
			.reports
			.iter()
			.find(|stored| stored.index == report)
			.map(|stored| (stored.commitment, stored.at))
			.ok_or(Error::<T>::UnknownReport)?;
		ensure!(
			commitment == Self::report_commitment(vehicle, &salt, &manifest),
			Error::<T>::CommitmentMismatch
		);
		let older = reports.revealed.as_ref().is_some_and(|revealed| report < revealed.report);
		ensure!(!older, Error::<T>::OlderThanRevealed);
		let rxswin = Self::check_manifest(vehicle, &manifest)?;
		reports.revealed = Some(RevealedInstallation {
			report,
			reported_at,
			revealed_at: Self::now(),
			campaign: manifest.campaign,
			rxswin: rxswin.clone(),
			images: manifest.images,
		});
		Reports::<T>::insert(vehicle, reports);
		Self::deposit_event(Event::InstallationRevealed {
			vehicle,
			report,
			campaign: manifest.campaign,
			rxswin,
		});
		Ok(())
	}

	/// `manifest` lists images (`InvalidManifest`) for distinct hardware ids
	/// (`DuplicateHardware`), each in the repository of the vehicle's manufacturer
	/// (`UnknownRepository`, `ImageNotInRepository`) for its hardware id (`HardwareMismatch`);
	/// the campaign it completes, if any, exists (`UnknownCampaign`), selects the vehicle
	/// (`VehicleNotTargeted`) and has all its images installed (`PartialBundle`), none mixed
	/// with another (`MixedBundle`: Uptane's mix-and-match attack). Returns the campaign's
	/// RXSWIN.
	fn check_manifest(
		vehicle: VehicleId,
		manifest: &ManifestOf<T>,
	) -> Result<Option<Rxswin>, DispatchError> {
		ensure!(!manifest.images.is_empty(), Error::<T>::InvalidManifest);
		let hardware_ids: Vec<HardwareId> =
			manifest.images.iter().map(|(hardware_id, _)| hardware_id.clone()).collect();
		ensure!(are_distinct(&hardware_ids), Error::<T>::DuplicateHardware);
		let manufacturer = T::Vehicles::manufacturer(vehicle)
			.filter(|manufacturer| Repositories::<T>::contains_key(manufacturer))
			.ok_or(Error::<T>::UnknownRepository)?;
		for (hardware_id, hash) in manifest.images.iter() {
			let image =
				Images::<T>::get(&manufacturer, hash).ok_or(Error::<T>::ImageNotInRepository)?;
			ensure!(image.hardware_ids.contains(hardware_id), Error::<T>::HardwareMismatch);
		}
		let Some(id) = manifest.campaign else { return Ok(None) };
		let campaign = Campaigns::<T>::get(&manufacturer, id).ok_or(Error::<T>::UnknownCampaign)?;
		let targeted = T::Vehicles::vin(vehicle)
			.is_some_and(|vin| campaign.vehicles.iter().any(|selector| selects(selector, &vin)));
		ensure!(targeted, Error::<T>::VehicleNotTargeted);
		for target in campaign.targets.iter() {
			let installed = manifest
				.images
				.iter()
				.find(|(hardware_id, _)| *hardware_id == target.hardware_id)
				.map(|(_, hash)| *hash)
				.ok_or(Error::<T>::PartialBundle)?;
			ensure!(installed == target.hash, Error::<T>::MixedBundle);
		}
		Ok(Some(campaign.rxswin))
	}
}
