//! A vehicle's passport, assembled from every domain pallet for `VehiclePassportApi`.

use alloc::vec::Vec;
use v2x_primitives::{ChargingSummary, PassportPage, VehiclePassport, VehicleRef};

use crate::{
	AccountId, Balance, BlockNumber, CarSharing, DataMarketplace, Freight, RoadUsage, Runtime,
	ServiceBook, SharedCharging, SoftwareUpdates, UsageInsurance, UsageLeasing, VehicleIdentity,
};

/// A service record in the passport, with its workshop's name.
pub type PassportRecord = (pallet_service_book::ServiceRecordInfo<AccountId, BlockNumber>, Vec<u8>);
/// The active insurance policy in the passport, with its id and its insurer's name.
pub type PassportPolicy = (
	pallet_usage_insurance::PolicyId,
	pallet_usage_insurance::Policy<AccountId, Balance, BlockNumber>,
	Vec<u8>,
);
/// An open data listing in the passport.
pub type PassportListing = pallet_data_marketplace::ListingInfo<AccountId, Balance, BlockNumber>;
/// This runtime's vehicle passport.
pub type Passport = VehiclePassport<
	AccountId,
	Balance,
	BlockNumber,
	PassportRecord,
	PassportPolicy,
	PassportListing,
>;

/// The passport of `vehicle`, with the page of service records from position `newest_record`.
pub fn vehicle_passport(vehicle: VehicleRef, newest_record: Option<u32>) -> Option<Passport> {
	let id = VehicleIdentity::vehicle_id(vehicle)?;
	let (identity, status, ownership) = VehicleIdentity::passport_identity(id)?;
	let charging = SharedCharging::vehicle_totals(id);
	Some(VehiclePassport {
		identity,
		status,
		ownership,
		service_records: with_workshop_names(ServiceBook::passport_records(id, newest_record)),
		odometer: ServiceBook::passport_odometer(id),
		insurance: UsageInsurance::active_policy(id).map(|(policy_id, policy)| {
			let insurer = pallet_usage_insurance::Insurers::<Runtime>::get(&policy.insurer);
			(policy_id, policy, insurer.map(|entry| entry.name.into_inner()).unwrap_or_default())
		}),
		charging: ChargingSummary {
			sessions: charging.sessions,
			energy_wh: charging.energy_wh,
			spent: charging.cost,
		},
		// A vehicle has at most `MaxListingsPerVehicle` listings: one page holds them all.
		data_listings: DataMarketplace::listings(id, 0, u32::MAX)
			.into_iter()
			.filter(|listing| listing.open)
			.collect(),
		car_sharing: CarSharing::passport_section(id),
		road_usage: RoadUsage::passport_section(id),
		leasing: UsageLeasing::passport_section(id),
		freight: Freight::carried_by(id),
		software: SoftwareUpdates::passport_section(id),
	})
}

/// Each record with the name of the workshop that wrote it (empty if it is no longer
/// approved and was removed).
fn with_workshop_names(
	page: PassportPage<pallet_service_book::ServiceRecordInfo<AccountId, BlockNumber>>,
) -> PassportPage<PassportRecord> {
	let items = page
		.items
		.into_iter()
		.map(|record| {
			let workshop = pallet_service_book::Workshops::<Runtime>::get(&record.workshop);
			(record, workshop.map(|entry| entry.name.into_inner()).unwrap_or_default())
		})
		.collect();
	PassportPage { total: page.total, items, next: page.next }
}
