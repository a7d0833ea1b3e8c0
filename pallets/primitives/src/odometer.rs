//! The odometer history every pallet that sees a reading feeds.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::{frame_support::weights::Weight, sp_runtime::DispatchError};
use scale_info::TypeInfo;

use crate::VehicleId;

/// A distance in kilometres. 32 bits hold 4 billion km: no vehicle gets there.
pub type Km = u32;

/// Who read the odometer.
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
pub enum OdometerSource {
	/// A workshop, with a service record.
	Workshop,
	/// A device bound to the vehicle (telematics unit).
	Device,
	/// A charger at the end of a charging session.
	Charger,
	/// A roadworthiness inspection.
	Inspection,
}

/// Why a reading was flagged.
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
pub enum FlagReason {
	/// Below the last accepted reading: a rollback attempt.
	Rollback,
	/// Further above the last accepted reading than the vehicle could have driven since.
	ImplausibleJump,
}

/// What the history made of a reading.
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
pub enum ReadingVerdict {
	/// Accepted: it is the vehicle's new odometer.
	Consistent,
	/// Kept as evidence, but not accepted as the vehicle's odometer.
	Flagged(FlagReason),
}

/// One entry of a vehicle's odometer history.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct OdometerReading<BlockNumber> {
	/// Position in the vehicle's history, from 0.
	pub seq: u32,
	/// The reading as the instrument cluster showed it.
	pub km: Km,
	/// The vehicle's true distance after this reading (a flagged reading leaves it unchanged).
	pub total_km: Km,
	pub source: OdometerSource,
	pub verdict: ReadingVerdict,
	/// This is the first reading of a newly fitted instrument cluster.
	pub new_cluster: bool,
	pub at: BlockNumber,
}

/// Records odometer readings in a vehicle's history. Implemented by the service book.
pub trait OdometerLog {
	/// Records `km` read by `source` and says whether it was consistent or flagged. A flagged
	/// reading is kept (it is evidence), so the caller must not roll it back.
	fn record_reading(
		vehicle: VehicleId,
		km: Km,
		source: OdometerSource,
	) -> Result<ReadingVerdict, DispatchError>;

	/// Records `km` read by a device bound to `vehicle` right now, like `record_reading` with
	/// [`OdometerSource::Device`]. A bound device's vehicle exists and is not scrapped
	/// (`VehicleRegistry::vehicle_of_device`), so the history may skip checking that: the
	/// caller must have found `vehicle` through the device's binding in this call.
	fn record_bound_device_reading(
		vehicle: VehicleId,
		km: Km,
	) -> Result<ReadingVerdict, DispatchError> {
		Self::record_reading(vehicle, km, OdometerSource::Device)
	}

	/// The vehicle's true distance, after any instrument-cluster replacement.
	fn current_km(vehicle: VehicleId) -> Option<Km>;

	/// The most weight `record_reading` (or `record_bound_device_reading`) may use.
	fn record_weight() -> Weight;
}

/// Keeps no history: every reading is consistent.
impl OdometerLog for () {
	fn record_reading(
		_vehicle: VehicleId,
		_km: Km,
		_source: OdometerSource,
	) -> Result<ReadingVerdict, DispatchError> {
		Ok(ReadingVerdict::Consistent)
	}

	fn current_km(_vehicle: VehicleId) -> Option<Km> {
		None
	}

	fn record_weight() -> Weight {
		Weight::zero()
	}
}
