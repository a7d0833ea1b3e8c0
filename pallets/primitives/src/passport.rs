//! A vehicle's whole story in one answer: what a used-car buyer, an insurer or a data gateway
//! reads before dealing with the car. The runtime assembles it from every pallet (see
//! [`VehiclePassportApi`](crate::runtime_api::VehiclePassportApi)); the sections that only one
//! pallet knows (service records, the policy, data listings) are that pallet's own types.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

use crate::{Km, OdometerReading, Powertrain, VehicleId, VehicleStatus, Vin};

/// How many service records one passport page holds.
pub const PASSPORT_RECORDS_PER_PAGE: u32 = 20;

/// Which vehicle a passport is asked for.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub enum VehicleRef {
	/// Its on-chain number.
	Id(VehicleId),
	/// Its VIN, as registered.
	Vin(Vin),
}

/// Who built the vehicle and what it is.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct IdentitySection<AccountId, BlockNumber> {
	pub id: VehicleId,
	pub vin: Vin,
	/// The manufacturer account that registered it.
	pub manufacturer: AccountId,
	/// That manufacturer's name, as approved by governance (UTF-8).
	pub manufacturer_name: Vec<u8>,
	pub model_year: u16,
	pub powertrain: Powertrain,
	/// Traction battery capacity in Wh, for electrified powertrains.
	pub battery_capacity_wh: Option<u32>,
	/// Hash of the off-chain vehicle documents, and where to fetch them.
	pub metadata_hash: [u8; 32],
	pub metadata_uri: Vec<u8>,
	pub registered_at: BlockNumber,
}

/// One change of owner.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct SaleEntry<AccountId, Balance, BlockNumber> {
	pub seller: AccountId,
	pub buyer: AccountId,
	/// What the buyer paid on chain; `None` for a gift or an off-chain payment.
	pub price: Option<Balance>,
	pub at: BlockNumber,
}

/// An owner's open offer to sell.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct SaleOfferEntry<AccountId, Balance, BlockNumber> {
	pub buyer: AccountId,
	pub price: Option<Balance>,
	/// The last block in which the buyer can accept.
	pub expires_at: BlockNumber,
}

/// Who owns the vehicle, who owned it before, and what encumbers it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct OwnershipSection<AccountId, Balance, BlockNumber> {
	pub owner: AccountId,
	/// Every owner before the current one (sales since the chain started recording them).
	pub past_owners: u32,
	/// The latest sales, oldest first (bounded: older ones are only counted).
	pub recent_sales: Vec<SaleEntry<AccountId, Balance, BlockNumber>>,
	/// The lender holding a lien: while set, the vehicle cannot be sold.
	pub lien: Option<AccountId>,
	pub open_offer: Option<SaleOfferEntry<AccountId, Balance, BlockNumber>>,
}

/// A page of a list that grows without end, newest first.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct PassportPage<Item> {
	/// How many entries the list has in all.
	pub total: u32,
	pub items: Vec<Item>,
	/// The position to ask for to get the next (older) page; `None` on the last page.
	pub next: Option<u32>,
}

/// The odometer as the service book's history sees it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct OdometerSection<BlockNumber> {
	/// The last accepted reading, as the fitted instrument cluster shows it.
	pub displayed_km: Option<Km>,
	/// The vehicle's true distance, after any instrument cluster replacement.
	pub true_km: Option<Km>,
	/// The kept readings, oldest first: the recent ones and every stored flagged one.
	pub readings: Vec<OdometerReading<BlockNumber>>,
	/// How many readings were ever flagged (more than are stored, for a long history).
	pub flag_count: u32,
}

/// What the vehicle charged at shared chargers.
#[derive(Clone, PartialEq, Eq, Debug, Default, Encode, Decode, TypeInfo)]
pub struct ChargingSummary<Balance> {
	/// Completed sessions.
	pub sessions: u32,
	pub energy_wh: u64,
	/// What was paid, after dispute refunds.
	pub spent: Balance,
}

/// The car-sharing co-op that owns the vehicle, and what its members and renters did with it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct SharingSection<Balance> {
	pub coop: u32,
	pub coop_name: Vec<u8>,
	/// Members: holders of the co-op's shares.
	pub members: u32,
	/// Trips ended on this vehicle since it joined the co-op.
	pub trips: u32,
	/// Kilometres driven on those trips.
	pub km: u64,
	/// What those trips paid the co-op.
	pub revenue: Balance,
	/// Bookings not yet ended (booked or in a trip).
	pub open_bookings: u32,
}

/// The vehicle's road usage: who serves it for tolls, what it holds prepaid, what it paid
/// and the platoons it drove in (None in the passport when none of it ever happened).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct RoadSection<AccountId, Balance> {
	/// The toll service provider serving the vehicle today.
	pub provider: Option<AccountId>,
	/// The owner's prepaid toll balance for the vehicle (held).
	pub prepaid: Balance,
	/// Tolls paid: direct passages and accepted declarations, after corrections.
	pub tolls_paid: Balance,
	/// Passages paid directly by the vehicle's device.
	pub passages: u32,
	/// Vehicle-day declarations accepted by toll chargers.
	pub declarations: u32,
	/// The platoon the vehicle drives in now.
	pub platoon: Option<u64>,
	/// Follower-kilometres led in platoons: each follower's km, counted when both trucks
	/// attested them (two followers over 40 km are 80).
	pub km_led: u64,
	/// Kilometres followed in platoons, counted when both trucks attested them.
	pub km_followed: u64,
}

/// Where a lease stands. Grace, delinquency and default follow each other after a due date
/// that was not paid: only a default authorises the vehicle's device to refuse to start it.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum LeaseStanding {
	/// Offered to the lessee, not yet accepted.
	Offered,
	/// Nothing is overdue.
	Current,
	/// An instalment is overdue, within the grace period: no consequence yet.
	Grace,
	/// An instalment is overdue past the grace period: the notice period runs, after which
	/// the holder may declare a default.
	Delinquent,
	/// The holder declared a default: the vehicle's device may refuse to start it until the
	/// lessee pays what is overdue.
	Defaulted,
}

/// The vehicle's lease (or lease offer), as it stands at the block the passport was read.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct LeaseSection<AccountId, Balance, BlockNumber> {
	pub lease: u64,
	/// The owner who leases the vehicle out.
	pub lessor: AccountId,
	/// Who is paid and holds the lien: the lessor, or a financier it transferred the lease to.
	pub holder: AccountId,
	pub lessee: AccountId,
	pub standing: LeaseStanding,
	/// The next due date, if periods remain.
	pub next_due: Option<BlockNumber>,
	/// What is due and unpaid.
	pub overdue: Balance,
	/// The lessee's prepayment, drawn at due dates (held).
	pub prepaid: Balance,
	/// Everything paid to the holder so far.
	pub paid: Balance,
	/// Kilometres billed in the settled periods.
	pub km_billed: u32,
	/// The last block of the lease (its last due date).
	pub end: BlockNumber,
	/// Whether the vehicle's device may refuse to start it (the lease is in default).
	pub immobilisation_authorised: bool,
}

/// The installation the owner last revealed from the vehicle's reports (software updates): what
/// its ECUs run, and the UN R156 RXSWIN the campaign it completed gives the vehicle.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct SoftwareSection<BlockNumber> {
	/// The campaign the installation completed, if any.
	pub campaign: Option<u32>,
	/// The RX Software Identification Number that campaign results in.
	pub rxswin: Option<Vec<u8>>,
	/// When the vehicle's primary ECU committed the report, and when the owner revealed it.
	pub reported_at: BlockNumber,
	pub revealed_at: BlockNumber,
	pub images: Vec<InstalledImage>,
	/// Every report the vehicle's device made (committed, most not revealed).
	pub reports: u32,
}

/// One ECU's image in a revealed installation.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct InstalledImage {
	pub hardware_id: Vec<u8>,
	pub hash: [u8; 32],
	/// Whether the image is still the newest release for its hardware id (at the block read).
	pub current: bool,
}

/// A vehicle's passport: `Record` is a service record, `Policy` the active insurance policy
/// and `Listing` an open data listing, as their pallets describe them.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct VehiclePassport<AccountId, Balance, BlockNumber, Record, Policy, Listing> {
	pub identity: IdentitySection<AccountId, BlockNumber>,
	pub status: VehicleStatus,
	pub ownership: OwnershipSection<AccountId, Balance, BlockNumber>,
	/// Newest first, [`PASSPORT_RECORDS_PER_PAGE`] a page.
	pub service_records: PassportPage<Record>,
	pub odometer: OdometerSection<BlockNumber>,
	pub insurance: Option<Policy>,
	pub charging: ChargingSummary<Balance>,
	/// The listings that take purchases now.
	pub data_listings: Vec<Listing>,
	/// Set when a car-sharing co-op owns the vehicle.
	pub car_sharing: Option<SharingSection<Balance>>,
	/// Set when the vehicle has a toll provider, a prepaid balance, tolls or platoons on record.
	pub road_usage: Option<RoadSection<AccountId, Balance>>,
	/// Set while the vehicle is leased out or offered for a lease.
	pub leasing: Option<LeaseSection<AccountId, Balance, BlockNumber>>,
	/// The shipments the vehicle (a truck, a trailer) carries now, by id: the freight
	/// pallet's runtime API tells each one's custodian, conditions and events.
	pub freight: Vec<u64>,
}

/// The positions of the page of a list of `total` entries, newest first, that starts at
/// position `newest` (default: the newest entry), and the position of the next page.
pub fn newest_first_page(total: u32, newest: Option<u32>) -> (Vec<u32>, Option<u32>) {
	let Some(last) = total.checked_sub(1) else { return (Vec::new(), None) };
	let first = newest.unwrap_or(last).min(last);
	let positions: Vec<u32> = (0..=first).rev().take(PASSPORT_RECORDS_PER_PAGE as usize).collect();
	let next = positions.last().and_then(|oldest| oldest.checked_sub(1));
	(positions, next)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn an_empty_list_has_one_empty_page() {
		assert_eq!(newest_first_page(0, None), (Vec::new(), None));
		assert_eq!(newest_first_page(0, Some(5)), (Vec::new(), None));
	}

	#[test]
	fn pages_run_newest_first_and_end_at_position_zero() {
		let (first, next) = newest_first_page(45, None);
		assert_eq!(first.first(), Some(&44));
		assert_eq!(first.last(), Some(&25));
		assert_eq!(next, Some(24));
		let (second, next) = newest_first_page(45, next);
		assert_eq!((second.first(), second.last(), next), (Some(&24), Some(&5), Some(4)));
		let (third, next) = newest_first_page(45, next);
		assert_eq!((third, next), (vec![4, 3, 2, 1, 0], None));
	}

	#[test]
	fn a_start_beyond_the_list_starts_at_its_newest_entry() {
		assert_eq!(newest_first_page(3, Some(u32::MAX)), (vec![2, 1, 0], None));
	}
}
