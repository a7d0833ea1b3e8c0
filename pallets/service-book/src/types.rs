//! What the service book stores, and what its runtime API returns.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use polkadot_sdk::{
	frame_support::{
		traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
	},
	frame_system::pallet_prelude::BlockNumberFor,
};
use scale_info::TypeInfo;
pub use v2x_primitives::OdometerReading;
use v2x_primitives::{Km, OdometerSource, ReadingVerdict, VehicleId};

use crate::{BalanceOf, Config};

/// A service record's number, assigned in order from 0 across all vehicles.
pub type RecordId = u64;

/// A 32-byte hash of off-chain documents (blake2-256 or sha2-256, as the workshop chose).
pub type DocumentHash = [u8; 32];

/// A state of health can be at most 100 %.
pub const MAX_STATE_OF_HEALTH: u8 = 100;

/// A workshop's name, bounded as in storage.
pub type NameOf<T> = BoundedVec<u8, <T as Config>::MaxNameLength>;
/// One certification a workshop holds ("ISO 9001", "EV high voltage level 3").
pub type CertificationOf<T> = BoundedVec<u8, <T as Config>::MaxCertificationLength>;
/// A workshop's certifications, bounded as in storage.
pub type CertificationsOf<T> = BoundedVec<CertificationOf<T>, <T as Config>::MaxCertifications>;
/// Where a record's documents can be fetched, bounded as in storage.
pub type UriOf<T> = BoundedVec<u8, <T as Config>::MaxUriLength>;
/// An odometer reading as stored for a runtime.
pub type ReadingOf<T> = OdometerReading<BlockNumberFor<T>>;

/// What work a service record documents.
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
	serde::Serialize,
	serde::Deserialize,
)]
pub enum RecordKind {
	/// Scheduled maintenance (oil, filters, fluids).
	Maintenance,
	/// A repair.
	Repair,
	/// A roadworthiness inspection and whether the vehicle passed it.
	Inspection { passed: bool },
	/// Work done for a manufacturer's recall campaign.
	RecallWork,
	/// Tyres changed, rotated or repaired.
	Tyres,
	/// A traction battery test: its state of health in percent (0 to 100).
	BatteryHealth { state_of_health: u8 },
	/// The instrument cluster was replaced: the old one showed `old_km` when it was taken out,
	/// the new one `new_km` when it was fitted. Later readings count from `new_km`.
	OdometerReplacement { old_km: Km, new_km: Km },
}

impl RecordKind {
	/// Who read the odometer, as the history records it.
	pub fn odometer_source(self) -> OdometerSource {
		match self {
			RecordKind::Inspection { .. } => OdometerSource::Inspection,
			_ => OdometerSource::Workshop,
		}
	}
}

/// Whether a workshop may work.
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
pub enum WorkshopStatus {
	/// It may take work orders and add records.
	Active,
	/// Governance suspended it: no new work orders, records or corrections until reinstated.
	Suspended,
}

/// A workshop approved by governance.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Workshop<T: Config> {
	/// Business name, as shown to owners.
	pub name: NameOf<T>,
	/// Certifications it holds, as governance checked them.
	pub certifications: CertificationsOf<T>,
	pub status: WorkshopStatus,
	pub approved_at: BlockNumberFor<T>,
}

/// A manufacturer's mark that a workshop is authorised for its brand.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct BrandAuthorisation<T: Config> {
	/// Held from the manufacturer, released when it revokes the authorisation.
	pub deposit: BalanceOf<T>,
	pub since: BlockNumberFor<T>,
}

/// An owner's (or operator's) request that a workshop work on a vehicle. While it is open
/// and unexpired, the workshop may add one record for the vehicle.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct WorkOrder<T: Config> {
	/// Who opened it, and holds its deposit.
	pub opener: T::AccountId,
	/// Held from the opener, released when the order is closed.
	pub deposit: BalanceOf<T>,
	pub opened_at: BlockNumberFor<T>,
	/// The last block in which the workshop may add its record.
	pub expires_at: BlockNumberFor<T>,
}

/// A service record: never edited or deleted. A correction is a new record that points to
/// the one it corrects.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct ServiceRecord<T: Config> {
	pub vehicle: VehicleId,
	/// The workshop that wrote it, and holds its deposit.
	pub workshop: T::AccountId,
	/// The odometer as the workshop read it (for a cluster replacement: the new cluster's).
	pub odometer_km: Km,
	pub kind: RecordKind,
	/// Hash of the off-chain documents (invoice, inspection report, test printout).
	pub document_hash: DocumentHash,
	/// Where those documents can be fetched.
	pub document_uri: UriOf<T>,
	/// The record this one corrects, if it is a correction.
	pub corrects: Option<RecordId>,
	/// Whether the vehicle's manufacturer had authorised the workshop for its brand.
	pub brand_authorised: bool,
	/// What the odometer history made of the reading; `None` for a correction, which adds
	/// no reading (the history keeps the reading as it was taken).
	pub odometer_verdict: Option<ReadingVerdict>,
	pub recorded_at: BlockNumberFor<T>,
	/// Milliseconds since the Unix epoch (0 for records seeded at genesis).
	pub timestamp: u64,
	/// Held from the workshop for as long as the record exists.
	pub deposit: BalanceOf<T>,
}

/// A vehicle's odometer: the last accepted reading, the true distance and the counters.
///
/// `total_km - displayed_km` is what the replaced instrument clusters had counted.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct OdometerState<BlockNumber> {
	/// The last accepted reading, as the fitted instrument cluster shows it.
	pub displayed_km: Km,
	/// The vehicle's true distance: it never goes down.
	pub total_km: Km,
	/// When the last reading was accepted.
	pub accepted_at: BlockNumber,
	/// The distance the vehicle may still add without a jump being flagged, in
	/// [`CREDIT_PER_KM`](crate::odometer::CREDIT_PER_KM) units a km (see `odometer.rs`).
	pub credit: u64,
	/// The chain's timestamp (ms) up to which `credit` has been earned.
	pub credited_at_ms: u64,
	/// Entries in the vehicle's history so far; the next one gets this sequence number.
	pub readings: u32,
	/// Flagged readings so far. Keeps counting after `MaxFlaggedReadings` are stored.
	pub flags: u32,
}

/// A vehicle's odometer as `Odometers` stores it: the state readings are judged against and
/// the last `MaxRecentReadings` readings.
///
/// The recent readings live in the same value as the state, so that a consistent reading,
/// the hot path of device reports, costs one read and one write of the vehicle's odometer
/// (a separate ring would cost a second write for every reading). The value stays small
/// (`MaxRecentReadings` readings of about 20 bytes) and bounded. The ring fills in order;
/// once full, the reading numbered `seq` replaces the oldest, at position
/// `seq % MaxRecentReadings`. Readers sort by `seq`.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(MaxRecent))]
#[codec(mel_bound(BlockNumber: MaxEncodedLen))]
pub struct OdometerHistory<BlockNumber: Clone + PartialEq + Eq + Debug, MaxRecent: Get<u32>> {
	pub state: OdometerState<BlockNumber>,
	/// The last `MaxRecent` readings, flagged ones included, in ring order.
	pub recent: BoundedVec<OdometerReading<BlockNumber>, MaxRecent>,
}

/// A vehicle's odometer history as stored for a runtime.
pub type OdometerHistoryOf<T> =
	OdometerHistory<BlockNumberFor<T>, <T as Config>::MaxRecentReadings>;

impl<BlockNumber: Clone + PartialEq + Eq + Debug, MaxRecent: Get<u32>>
	OdometerHistory<BlockNumber, MaxRecent>
{
	/// A history with `state` and no readings kept yet.
	pub fn new(state: OdometerState<BlockNumber>) -> Self {
		OdometerHistory { state, recent: BoundedVec::new() }
	}

	/// Keeps `reading` among the recent ones: appended while the ring has room, else in
	/// place of the oldest (`seq % MaxRecent`).
	pub fn keep(&mut self, reading: OdometerReading<BlockNumber>) {
		if let Err(reading) = self.recent.try_push(reading) {
			let slot = reading.seq.checked_rem(MaxRecent::get()).map(|slot| slot as usize);
			if let Some(place) = slot.and_then(|slot| self.recent.get_mut(slot)) {
				*place = reading;
			}
		}
	}

	/// The recent readings, oldest first.
	pub fn recent_in_order(&self) -> Vec<OdometerReading<BlockNumber>> {
		let mut readings = self.recent.to_vec();
		readings.sort_by_key(|reading| reading.seq);
		readings
	}
}

/// A service record as the runtime API returns it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct ServiceRecordInfo<AccountId, BlockNumber> {
	pub id: RecordId,
	pub vehicle: VehicleId,
	pub workshop: AccountId,
	pub odometer_km: Km,
	pub kind: RecordKind,
	pub document_hash: DocumentHash,
	pub document_uri: Vec<u8>,
	pub corrects: Option<RecordId>,
	pub brand_authorised: bool,
	pub odometer_verdict: Option<ReadingVerdict>,
	pub recorded_at: BlockNumber,
	/// Milliseconds since the Unix epoch (0 for records seeded at genesis).
	pub timestamp: u64,
}

impl<T: Config> ServiceRecord<T> {
	/// The record as the runtime API shows it.
	pub fn info(self, id: RecordId) -> ServiceRecordInfo<T::AccountId, BlockNumberFor<T>> {
		ServiceRecordInfo {
			id,
			vehicle: self.vehicle,
			workshop: self.workshop,
			odometer_km: self.odometer_km,
			kind: self.kind,
			document_hash: self.document_hash,
			document_uri: self.document_uri.into_inner(),
			corrects: self.corrects,
			brand_authorised: self.brand_authorised,
			odometer_verdict: self.odometer_verdict,
			recorded_at: self.recorded_at,
			timestamp: self.timestamp,
		}
	}
}

/// A workshop the genesis config approves: `(account, name, certifications)`.
pub type GenesisWorkshop<AccountId> = (AccountId, Vec<u8>, Vec<Vec<u8>>);

/// A record the genesis config seeds, without a work order or deposit:
/// `(vehicle, workshop, odometer km, kind, document hash, document URI)`.
pub type GenesisRecord<AccountId> = (VehicleId, AccountId, Km, RecordKind, DocumentHash, Vec<u8>);
