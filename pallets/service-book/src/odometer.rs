//! The odometer rule: one history per vehicle, fed by workshops, bound devices and other
//! pallets (chargers, inspections) through [`OdometerLog`], implemented by [`Pallet`].
//!
//! # What a reading is judged against
//!
//! Each vehicle has an [`OdometerState`]: the last accepted reading as the fitted instrument
//! cluster shows it (`displayed_km`), the vehicle's true distance (`total_km`), and a
//! plausibility window (`window_start_km`, `window_start_at`). A vehicle's first reading is
//! accepted as it is. Every later reading `km` is
//!
//! 1. flagged [`FlagReason::Rollback`] if `km < displayed_km`;
//! 2. flagged [`FlagReason::ImplausibleJump`] if the true distance it implies,
//!    `total_km + (km - displayed_km)`, is more than the window allows: the vehicle may have
//!    driven at most `MaxKmPerDay × days` since the window started, where `days` is the
//!    number of started days (`BlocksPerDay` blocks each) since then, and at least one. So
//!    one day's distance is always allowed, even between readings in the same block.
//! 3. Otherwise it is accepted: `displayed_km` becomes `km` and `total_km` grows by the
//!    distance.
//!
//! The window starts at the vehicle's first reading. When a reading comes a day or more after
//! the window started, the window first moves to the last accepted reading (its block and
//! true distance). Measuring from the window, rather than from the last reading, keeps
//! frequent readings from adding a day's distance each: a device reporting every block can
//! add at most about one day's distance per day.
//!
//! A flagged reading changes neither `displayed_km` nor `total_km`: it is stored as
//! evidence (the first `MaxFlaggedReadings` of each vehicle), counted in `flags` (which keeps
//! counting past that bound) and announced with `OdometerFlagged`. The call that made the
//! reading succeeds, so the evidence is not rolled back with it.
//!
//! # Instrument cluster replacement
//!
//! The one legitimate way down. A workshop records `OdometerReplacement { old_km, new_km }`:
//! `old_km` is judged as a reading of the old cluster (and flagged if it is a rollback or
//! jump); then the new cluster's `new_km` becomes `displayed_km`, while `total_km` carries
//! on. Later readings are judged against the new cluster's; `total_km - displayed_km` is
//! the distance the replaced clusters had counted. The true distance never goes down.
//!
//! # Storage
//!
//! Every entry gets a sequence number. The last `MaxRecentReadings` entries are kept in a
//! ring buffer per vehicle (`RecentReadings`, slot `seq % MaxRecentReadings`); flagged
//! entries also go to `FlaggedReadings`. Device reports are paid by transaction fees and
//! never grow storage beyond these bounds.

use polkadot_sdk::{
	frame_support::{ensure, traits::Get, weights::Weight},
	frame_system,
	sp_runtime::{traits::AtLeast32BitUnsigned, DispatchError, SaturatedConversion},
};
use v2x_primitives::{
	FlagReason, Km, OdometerLog, OdometerSource, ReadingVerdict, VehicleId, VehicleRegistry,
};

use crate::{
	Config, Error, Event, FlaggedReadings, OdometerReading, OdometerState, Odometers, Pallet,
	ReadingOf, RecentReadings, WeightInfo,
};

/// How far a vehicle can plausibly drive.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct DailyLimit {
	/// The most kilometres in a day.
	pub max_km_per_day: Km,
	/// Blocks in a day (at least 1).
	pub blocks_per_day: u64,
}

impl DailyLimit {
	/// The limit the runtime configured.
	pub fn of<T: Config>() -> Self {
		DailyLimit {
			max_km_per_day: T::MaxKmPerDay::get(),
			blocks_per_day: T::BlocksPerDay::get().saturated_into::<u64>().max(1),
		}
	}
}

impl<BlockNumber: Copy> OdometerState<BlockNumber> {
	/// The state after a vehicle's first reading.
	pub fn first(km: Km, now: BlockNumber) -> Self {
		OdometerState {
			displayed_km: km,
			total_km: km,
			accepted_at: now,
			window_start_km: km,
			window_start_at: now,
			readings: 0,
			flags: 0,
		}
	}
}

/// Judges a reading of `km` at block `now` against a vehicle's odometer: the state if it is
/// accepted, or why it is flagged. `limit` is `None` for genesis history, which has no time
/// between readings: only rollbacks are flagged there.
pub fn judge<BlockNumber: AtLeast32BitUnsigned + Copy>(
	state: &OdometerState<BlockNumber>,
	km: Km,
	now: BlockNumber,
	limit: Option<DailyLimit>,
) -> Result<OdometerState<BlockNumber>, FlagReason> {
	let distance = km.checked_sub(state.displayed_km).ok_or(FlagReason::Rollback)?;
	let total_km = state.total_km.checked_add(distance).ok_or(FlagReason::ImplausibleJump)?;
	let mut accepted = OdometerState { displayed_km: km, total_km, accepted_at: now, ..*state };
	if let Some(limit) = limit {
		let blocks_since = |block: BlockNumber| now.saturating_sub(block).saturated_into::<u64>();
		if blocks_since(state.window_start_at) >= limit.blocks_per_day {
			accepted.window_start_km = state.total_km;
			accepted.window_start_at = state.accepted_at;
		}
		let days =
			blocks_since(accepted.window_start_at).div_ceil(limit.blocks_per_day.max(1)).max(1);
		let allowed = days.saturating_mul(limit.max_km_per_day.into());
		let driven = total_km.saturating_sub(accepted.window_start_km);
		if u64::from(driven) > allowed {
			return Err(FlagReason::ImplausibleJump);
		}
	}
	Ok(accepted)
}

impl<T: Config> OdometerLog for Pallet<T> {
	fn record_reading(
		vehicle: VehicleId,
		km: Km,
		source: OdometerSource,
	) -> Result<ReadingVerdict, DispatchError> {
		Self::ensure_accepts_records(vehicle)?;
		Ok(Self::note_reading(vehicle, km, source, Some(DailyLimit::of::<T>())))
	}

	fn current_km(vehicle: VehicleId) -> Option<Km> {
		Odometers::<T>::get(vehicle).map(|state| state.total_km)
	}

	fn record_weight() -> Weight {
		T::WeightInfo::record_reading()
	}
}

impl<T: Config> Pallet<T> {
	pub(crate) fn do_report_odometer(
		device: T::AccountId,
		vehicle: VehicleId,
		km: Km,
	) -> Result<ReadingVerdict, DispatchError> {
		ensure!(T::Vehicles::vehicle_of_device(&device) == Some(vehicle), Error::<T>::NotDevice);
		<Self as OdometerLog>::record_reading(vehicle, km, OdometerSource::Device)
	}

	/// Judges and stores a reading of a vehicle that takes readings. Every reading goes
	/// through here.
	pub(crate) fn note_reading(
		vehicle: VehicleId,
		km: Km,
		source: OdometerSource,
		limit: Option<DailyLimit>,
	) -> ReadingVerdict {
		let now = frame_system::Pallet::<T>::block_number();
		let (mut state, verdict) = match Odometers::<T>::get(vehicle) {
			None => (OdometerState::first(km, now), ReadingVerdict::Consistent),
			Some(state) => match judge(&state, km, now, limit) {
				Ok(accepted) => (accepted, ReadingVerdict::Consistent),
				Err(reason) => (state, ReadingVerdict::Flagged(reason)),
			},
		};
		let reading = OdometerReading {
			seq: state.readings,
			km,
			total_km: state.total_km,
			source,
			verdict,
			new_cluster: false,
			at: now,
		};
		state.readings = state.readings.saturating_add(1);
		match verdict {
			ReadingVerdict::Consistent => Self::deposit_event(Event::OdometerRecorded {
				vehicle,
				km,
				total_km: state.total_km,
				source,
			}),
			ReadingVerdict::Flagged(reason) => {
				if state.flags < T::MaxFlaggedReadings::get() {
					FlaggedReadings::<T>::insert(vehicle, state.flags, &reading);
				}
				state.flags = state.flags.saturating_add(1);
				Self::deposit_event(Event::OdometerFlagged {
					vehicle,
					km,
					source,
					reason,
					last_accepted_km: state.displayed_km,
					flags: state.flags,
				});
			}
		}
		Self::keep_recent(vehicle, reading);
		Odometers::<T>::insert(vehicle, state);
		verdict
	}

	/// Records a workshop's instrument cluster replacement: `old_km` is judged as a reading of
	/// the old cluster, then readings count from `new_km` and the true distance carries on.
	/// Returns the verdict on `old_km`.
	pub(crate) fn replace_cluster(
		vehicle: VehicleId,
		old_km: Km,
		new_km: Km,
		limit: Option<DailyLimit>,
	) -> ReadingVerdict {
		let verdict = Self::note_reading(vehicle, old_km, OdometerSource::Workshop, limit);
		let now = frame_system::Pallet::<T>::block_number();
		let mut state =
			Odometers::<T>::get(vehicle).unwrap_or_else(|| OdometerState::first(old_km, now));
		let baseline = OdometerReading {
			seq: state.readings,
			km: new_km,
			total_km: state.total_km,
			source: OdometerSource::Workshop,
			verdict: ReadingVerdict::Consistent,
			new_cluster: true,
			at: now,
		};
		state.displayed_km = new_km;
		state.accepted_at = now;
		state.readings = state.readings.saturating_add(1);
		Self::keep_recent(vehicle, baseline);
		Self::deposit_event(Event::ClusterReplaced {
			vehicle,
			old_km,
			new_km,
			total_km: state.total_km,
		});
		Odometers::<T>::insert(vehicle, state);
		verdict
	}

	/// Writes a reading into the vehicle's ring buffer of recent readings.
	fn keep_recent(vehicle: VehicleId, reading: ReadingOf<T>) {
		if let Some(slot) = reading.seq.checked_rem(T::MaxRecentReadings::get()) {
			RecentReadings::<T>::insert(vehicle, slot, reading);
		}
	}
}
