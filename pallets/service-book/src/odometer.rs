//! The odometer rule: one history per vehicle, fed by workshops, bound devices and other
//! pallets (chargers, inspections) through [`OdometerLog`], implemented by [`Pallet`].
//!
//! # What a reading is judged against
//!
//! Each vehicle has an [`OdometerState`]: the last accepted reading as the fitted instrument
//! cluster shows it (`displayed_km`), the vehicle's true distance (`total_km`), and a
//! distance credit. A vehicle's first reading is accepted as it is. Every later reading `km`
//! is
//!
//! 1. flagged [`FlagReason::Rollback`] if `km < displayed_km`;
//! 2. flagged [`FlagReason::ImplausibleJump`] if the distance since the last accepted reading,
//!    `km - displayed_km`, is more than the credit;
//! 3. otherwise accepted: `displayed_km` becomes `km`, `total_km` grows by the distance, and
//!    the distance is taken from the credit.
//!
//! The credit is a token bucket. It grows with wall-clock time (the chain's timestamp, not
//! its block count, so a chain that stalls for a day does not flag the day's honest
//! readings) at `MaxKmPerDay` a day, and holds at most one day's distance, or, when the last
//! accepted reading is more than a day old, exactly what the vehicle could have driven since
//! then (a car read once a year at its service may add a year's distance). It is full at the
//! first reading. So a vehicle that reports often adds at most `MaxKmPerDay` a day, however
//! often it reports, plus one day's distance at once after it stood still; readings a day
//! or more apart may differ by `MaxKmPerDay` for each day between them. The credit is counted
//! in milliseconds of driving at one km a day ([`CREDIT_PER_KM`] of them make a km), so no
//! metre is lost to rounding.
//!
//! A flagged reading changes neither `displayed_km`, `total_km` nor the credit: it is stored
//! as evidence, counted in `flags` (which keeps counting past the bound) and announced with
//! `OdometerFlagged`. The call that made the reading succeeds, so the evidence is not rolled
//! back with it.
//!
//! # Instrument cluster replacement
//!
//! The one legitimate way down. An approved workshop records
//! `OdometerReplacement { old_km, new_km }`: `old_km` must be a consistent reading of the
//! old cluster (a rollback or jump there is refused, not recorded), and `new_km`, the new
//! cluster's reading, at most `MaxNewClusterKm` (a new cluster starts low). Then `new_km`
//! becomes `displayed_km`, while `total_km` carries on. Later readings are judged against
//! the new cluster's; `total_km - displayed_km` is the distance the replaced clusters had
//! counted. The true distance never goes down.
//!
//! # Storage
//!
//! Every entry gets a sequence number. The last `MaxRecentReadings` entries are kept in a
//! ring buffer inside the vehicle's `Odometers` value ([`OdometerHistory`]), so that a
//! consistent reading costs one read and one write. Flagged entries also go to
//! `FlaggedReadings`: the first `MaxFlaggedReadings` for good, and the latest
//! `MaxFlaggedReadings` in a second ring ([`flag_slot`]), so neither a flood of consistent
//! reports nor one of flagged ones erases the evidence. Device reports are paid by
//! transaction fees and never grow storage beyond these bounds.
//!
//! # A device report's hot path
//!
//! `report_odometer` reads the device's binding (`vehicle_of_device`) and the vehicle's
//! odometer, and writes the odometer: 2 reads and 1 write (the chain's timestamp is read
//! every block by its inherent, so it is a cache hit). It does not read the vehicle's status:
//! a device is bound only to a vehicle that exists and is not scrapped (the identity pallet
//! binds devices to active vehicles only and unbinds them all at scrapping; see
//! `VehicleRegistry::vehicle_of_device`). A flagged reading writes its evidence too; the
//! call's weight covers that, and a consistent reading is refunded the difference.

use polkadot_sdk::{
	frame_support::{ensure, traits::Get, weights::Weight},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::DispatchError,
};
use v2x_primitives::{
	FlagReason, Km, OdometerLog, OdometerSource, ReadingVerdict, VehicleId, VehicleRegistry,
};

use crate::{
	Config, Error, Event, FlaggedReadings, OdometerHistory, OdometerHistoryOf, OdometerReading,
	OdometerState, Odometers, Pallet, WeightInfo,
};

/// A vehicle's odometer state as stored for a runtime.
type StateOf<T> = OdometerState<BlockNumberFor<T>>;

/// Milliseconds in a day: a day's driving at `MaxKmPerDay` earns `MaxKmPerDay` km of credit.
pub const MILLISECONDS_PER_DAY: u64 = 86_400_000;

/// Credit units in a kilometre. A unit is one millisecond of driving at one km a day, so a
/// millisecond at `MaxKmPerDay` earns exactly `MaxKmPerDay` units.
pub const CREDIT_PER_KM: u64 = MILLISECONDS_PER_DAY;

/// How far a vehicle can plausibly drive.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct DailyLimit {
	/// The most kilometres in a day.
	pub max_km_per_day: Km,
}

impl DailyLimit {
	/// The limit the runtime configured.
	pub fn of<T: Config>() -> Self {
		DailyLimit { max_km_per_day: T::MaxKmPerDay::get() }
	}

	/// The most credit a vehicle can hold: one day's distance.
	pub fn full_credit(self) -> u64 {
		u64::from(self.max_km_per_day).saturating_mul(CREDIT_PER_KM)
	}

	/// `credit` after `elapsed_ms` more milliseconds since the last accepted reading: it
	/// grows at `max_km_per_day` a day, up to one day's distance, or up to what was earned
	/// since that reading if that is more (a reading after a long time off the chain).
	fn refill(self, credit: u64, elapsed_ms: u64) -> u64 {
		let earned = elapsed_ms.saturating_mul(self.max_km_per_day.into());
		credit.saturating_add(earned).min(self.full_credit().max(earned))
	}
}

/// When a reading is taken.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct ReadingTime<BlockNumber> {
	pub block: BlockNumber,
	/// The chain's timestamp, milliseconds since the Unix epoch.
	pub ms: u64,
}

impl<BlockNumber: Copy> OdometerState<BlockNumber> {
	/// The state after a vehicle's first reading: the credit is full.
	pub fn first(km: Km, at: ReadingTime<BlockNumber>, limit: DailyLimit) -> Self {
		OdometerState {
			displayed_km: km,
			total_km: km,
			accepted_at: at.block,
			credit: limit.full_credit(),
			credited_at_ms: at.ms,
			readings: 0,
			flags: 0,
		}
	}
}

/// Judges a reading of `km` at `at` against a vehicle's odometer: the state if it is
/// accepted, or why it is flagged. `limit` is `None` for genesis history, which has no time
/// between readings: only rollbacks are flagged there.
pub fn judge<BlockNumber: Copy>(
	state: &OdometerState<BlockNumber>,
	km: Km,
	at: ReadingTime<BlockNumber>,
	limit: Option<DailyLimit>,
) -> Result<OdometerState<BlockNumber>, FlagReason> {
	let distance = km.checked_sub(state.displayed_km).ok_or(FlagReason::Rollback)?;
	let total_km = state.total_km.checked_add(distance).ok_or(FlagReason::ImplausibleJump)?;
	let mut accepted =
		OdometerState { displayed_km: km, total_km, accepted_at: at.block, ..*state };
	if let Some(limit) = limit {
		let elapsed_ms = at.ms.saturating_sub(state.credited_at_ms);
		let credit = limit.refill(state.credit, elapsed_ms);
		let cost = u64::from(distance).saturating_mul(CREDIT_PER_KM);
		let left = credit.checked_sub(cost).ok_or(FlagReason::ImplausibleJump)?;
		// What a long time off the chain earned beyond a day is for this reading only.
		accepted.credit = left.min(limit.full_credit());
		accepted.credited_at_ms = at.ms.max(state.credited_at_ms);
	}
	Ok(accepted)
}

/// Where the `n`th flagged reading (from 0) of a vehicle is kept: the first `max` in slots
/// `0..max` for good, later ones in a ring of the latest `max` in slots `max..2 max`.
/// `None` if `max` is zero.
pub fn flag_slot(n: u32, max: u32) -> Option<u32> {
	if n < max {
		return Some(n);
	}
	n.checked_sub(max)?.checked_rem(max).and_then(|offset| max.checked_add(offset))
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

	/// Skips the vehicle's status: a bound device's vehicle takes readings.
	fn record_bound_device_reading(
		vehicle: VehicleId,
		km: Km,
	) -> Result<ReadingVerdict, DispatchError> {
		Ok(Self::note_reading(vehicle, km, OdometerSource::Device, Some(DailyLimit::of::<T>())))
	}

	fn current_km(vehicle: VehicleId) -> Option<Km> {
		Self::odometer_state(vehicle).map(|state| state.total_km)
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
		<Self as OdometerLog>::record_bound_device_reading(vehicle, km)
	}

	/// What `report_odometer` declares: the flagged path, the heavier one.
	pub(crate) fn report_odometer_weight() -> Weight {
		T::WeightInfo::report_odometer().max(T::WeightInfo::report_odometer_flagged())
	}

	/// What a `report_odometer` with `verdict` used: a consistent reading does not write
	/// evidence.
	pub(crate) fn report_odometer_actual_weight(verdict: ReadingVerdict) -> Weight {
		match verdict {
			ReadingVerdict::Consistent => T::WeightInfo::report_odometer(),
			ReadingVerdict::Flagged(_) => Self::report_odometer_weight(),
		}
	}

	/// The vehicle's odometer state, without its recent readings.
	pub(crate) fn odometer_state(vehicle: VehicleId) -> Option<StateOf<T>> {
		Odometers::<T>::get(vehicle).map(|history| history.state)
	}

	/// When a reading taken now is taken.
	pub(crate) fn reading_time() -> ReadingTime<BlockNumberFor<T>> {
		ReadingTime { block: frame_system::Pallet::<T>::block_number(), ms: Self::now_ms() }
	}

	/// What the history would make of a reading of `km` now: the new state and the verdict.
	/// Changes nothing.
	pub(crate) fn judge_now(
		vehicle: VehicleId,
		km: Km,
		limit: Option<DailyLimit>,
	) -> (StateOf<T>, ReadingVerdict) {
		Self::judge_state(Self::odometer_state(vehicle), km, limit)
	}

	/// What a vehicle's odometer `state` (`None` before its first reading) makes of a reading
	/// of `km` now: the new state and the verdict.
	fn judge_state(
		state: Option<StateOf<T>>,
		km: Km,
		limit: Option<DailyLimit>,
	) -> (StateOf<T>, ReadingVerdict) {
		let at = Self::reading_time();
		match state {
			None => (
				OdometerState::first(km, at, limit.unwrap_or(DailyLimit::of::<T>())),
				ReadingVerdict::Consistent,
			),
			Some(state) => match judge(&state, km, at, limit) {
				Ok(accepted) => (accepted, ReadingVerdict::Consistent),
				Err(reason) => (state, ReadingVerdict::Flagged(reason)),
			},
		}
	}

	/// Judges and stores a reading of a vehicle that takes readings. Every reading goes
	/// through here.
	pub(crate) fn note_reading(
		vehicle: VehicleId,
		km: Km,
		source: OdometerSource,
		limit: Option<DailyLimit>,
	) -> ReadingVerdict {
		let (state, recent) = match Odometers::<T>::get(vehicle) {
			Some(history) => (Some(history.state), history.recent),
			None => (None, Default::default()),
		};
		let (mut state, verdict) = Self::judge_state(state, km, limit);
		let reading = OdometerReading {
			seq: state.readings,
			km,
			total_km: state.total_km,
			source,
			verdict,
			new_cluster: false,
			at: frame_system::Pallet::<T>::block_number(),
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
				if let Some(slot) = flag_slot(state.flags, T::MaxFlaggedReadings::get()) {
					FlaggedReadings::<T>::insert(vehicle, slot, &reading);
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
		let mut history = OdometerHistory { state, recent };
		history.keep(reading);
		Odometers::<T>::insert(vehicle, history);
		verdict
	}

	/// Checks a workshop's instrument cluster replacement before anything is written: the
	/// old cluster's `old_km` must be a consistent reading, and the new cluster must start
	/// at most `MaxNewClusterKm`.
	pub(crate) fn ensure_valid_replacement(
		vehicle: VehicleId,
		old_km: Km,
		new_km: Km,
	) -> Result<(), DispatchError> {
		ensure!(new_km <= T::MaxNewClusterKm::get(), Error::<T>::ImplausibleNewCluster);
		let (_, verdict) = Self::judge_now(vehicle, old_km, Some(DailyLimit::of::<T>()));
		ensure!(verdict == ReadingVerdict::Consistent, Error::<T>::ReplacementReadingFlagged);
		Ok(())
	}

	/// Records an instrument cluster replacement: `old_km` is recorded as a reading of the
	/// old cluster, then readings count from `new_km` and the true distance carries on.
	/// Returns the verdict on `old_km` (consistent, once `ensure_valid_replacement` passed).
	pub(crate) fn replace_cluster(
		vehicle: VehicleId,
		old_km: Km,
		new_km: Km,
		limit: Option<DailyLimit>,
	) -> ReadingVerdict {
		let verdict = Self::note_reading(vehicle, old_km, OdometerSource::Workshop, limit);
		let at = Self::reading_time();
		let mut history: OdometerHistoryOf<T> = Odometers::<T>::get(vehicle).unwrap_or_else(|| {
			OdometerHistory::new(OdometerState::first(old_km, at, DailyLimit::of::<T>()))
		});
		let state = &mut history.state;
		let baseline = OdometerReading {
			seq: state.readings,
			km: new_km,
			total_km: state.total_km,
			source: OdometerSource::Workshop,
			verdict: ReadingVerdict::Consistent,
			new_cluster: true,
			at: at.block,
		};
		state.displayed_km = new_km;
		state.accepted_at = at.block;
		state.readings = state.readings.saturating_add(1);
		let total_km = state.total_km;
		history.keep(baseline);
		Self::deposit_event(Event::ClusterReplaced { vehicle, old_km, new_km, total_km });
		Odometers::<T>::insert(vehicle, history);
		verdict
	}
}
