//! A vehicle's passport, assembled from every domain pallet for `VehiclePassportApi`.

use v2x_primitives::{ChargingSummary, VehiclePassport, VehicleRef};

use crate::{
	AccountId, Balance, BlockNumber, DataMarketplace, ServiceBook, SharedCharging, UsageInsurance,
	VehicleIdentity,
};

/// A service record in the passport.
pub type PassportRecord = pallet_service_book::ServiceRecordInfo<AccountId, BlockNumber>;
/// The active insurance policy in the passport, with its id.
pub type PassportPolicy = (
	pallet_usage_insurance::PolicyId,
	pallet_usage_insurance::Policy<AccountId, Balance, BlockNumber>,
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
		service_records: ServiceBook::passport_records(id, newest_record),
		odometer: ServiceBook::passport_odometer(id),
		insurance: UsageInsurance::active_policy(id),
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
	})
}
