//! Seeds approved workshops, brand authorisations, records and readings at genesis.

use alloc::vec::Vec;
use polkadot_sdk::sp_runtime::traits::Zero;
use v2x_primitives::{OdometerSource, ReadingVerdict};

use crate::{
	features::RecordEntry, CertificationOf, CertificationsOf, Config, GenesisConfig, NameOf,
	Pallet, RecordKind, UriOf,
};

impl<T: Config> GenesisConfig<T> {
	/// Builds the genesis state. Genesis entries hold no deposits, and their readings are
	/// judged for rollbacks only: at genesis no time passes between readings. The vehicles
	/// must already exist in `T::Vehicles` (the identity pallet's genesis runs first).
	pub(crate) fn seed(&self) {
		for (workshop, name, certifications) in &self.workshops {
			let name = NameOf::<T>::try_from(name.clone())
				.unwrap_or_else(|_| panic!("genesis workshop name too long"));
			let certifications = certifications
				.iter()
				.map(|c| {
					CertificationOf::<T>::try_from(c.clone())
						.unwrap_or_else(|_| panic!("genesis certification too long"))
				})
				.collect::<Vec<_>>();
			let certifications = CertificationsOf::<T>::try_from(certifications)
				.unwrap_or_else(|_| panic!("genesis workshop has too many certifications"));
			if let Err(e) = Pallet::<T>::do_approve_workshop(workshop.clone(), name, certifications)
			{
				panic!("invalid genesis workshop: {e:?}");
			}
		}
		for (manufacturer, workshop) in &self.authorisations {
			let result = Pallet::<T>::do_authorise_workshop(
				manufacturer.clone(),
				workshop.clone(),
				Zero::zero(),
			);
			if let Err(e) = result {
				panic!("invalid genesis authorisation: {e:?}");
			}
		}
		for (vehicle, workshop, odometer_km, kind, document_hash, document_uri) in &self.records {
			let document_uri = UriOf::<T>::try_from(document_uri.clone())
				.unwrap_or_else(|_| panic!("genesis record URI too long"));
			let checks = Pallet::<T>::active_workshop(workshop)
				.and_then(|_| Pallet::<T>::ensure_accepts_records(*vehicle))
				.and_then(|_| Pallet::<T>::ensure_valid_kind(*odometer_km, *kind));
			if let Err(e) = checks {
				panic!("invalid genesis record for vehicle {vehicle}: {e:?}");
			}
			let verdict = seed_reading::<T>(*vehicle, *odometer_km, *kind);
			let entry = RecordEntry {
				vehicle: *vehicle,
				workshop: workshop.clone(),
				odometer_km: *odometer_km,
				kind: *kind,
				document_hash: *document_hash,
				document_uri,
			};
			if let Err(e) = Pallet::<T>::insert_record(entry, None, Some(verdict), Zero::zero(), 0)
			{
				panic!("invalid genesis record for vehicle {vehicle}: {e:?}");
			}
		}
		for (vehicle, km) in &self.readings {
			if let Err(e) = Pallet::<T>::ensure_accepts_records(*vehicle) {
				panic!("invalid genesis reading for vehicle {vehicle}: {e:?}");
			}
			Pallet::<T>::note_reading(*vehicle, *km, OdometerSource::Device, None);
		}
	}
}

/// Enters a genesis record's reading into the odometer history.
fn seed_reading<T: Config>(
	vehicle: v2x_primitives::VehicleId,
	odometer_km: v2x_primitives::Km,
	kind: RecordKind,
) -> ReadingVerdict {
	match kind {
		RecordKind::OdometerReplacement { old_km, new_km } => {
			Pallet::<T>::replace_cluster(vehicle, old_km, new_km, None)
		}
		_ => Pallet::<T>::note_reading(vehicle, odometer_km, kind.odometer_source(), None),
	}
}
