//! Grid services: grid operators approved by governance publish demand-response events
//! funded from a held budget; sessions at enrolled chargers in an event's area, with a
//! baseline declared before the event was announced, accept to curtail and are paid per kWh
//! of reduction when they stop.

use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{
			fungible::MutateHold,
			tokens::{Fortitude, Precision, Restriction},
			Get,
		},
	},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::{traits::Zero, DispatchError, DispatchResult, SaturatedConversion, Saturating},
};

use super::chargers::is_geohash;
use crate::{
	BalanceOf, Baseline, Baselines, ChargerId, Chargers, Config, Curtailment, Curtailments, Error,
	Event, GridChargers, GridEnrolment, GridEvent, GridEventId, GridEventSessions, GridEvents,
	GridOperators, GridWindow, HoldReason, MeterReading, NextGridEventId, OpenGridEvents, Pallet,
	SessionId, SessionState,
};

const WH_PER_KWH: u128 = 1_000;
const SECS_PER_HOUR: u128 = 3_600;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_approve_grid_operator(operator: T::AccountId) -> DispatchResult {
		ensure!(!GridOperators::<T>::contains_key(&operator), Error::<T>::AlreadyGridOperator);
		GridOperators::<T>::insert(&operator, ());
		Self::deposit_event(Event::GridOperatorApproved { operator });
		Ok(())
	}

	pub(crate) fn do_remove_grid_operator(operator: T::AccountId) -> DispatchResult {
		ensure!(GridOperators::<T>::take(&operator).is_some(), Error::<T>::NotGridOperator);
		Self::deposit_event(Event::GridOperatorRemoved { operator });
		Ok(())
	}

	pub(crate) fn do_publish_grid_event(
		operator: T::AccountId,
		window: GridWindow<T>,
	) -> Result<GridEventId, DispatchError> {
		ensure!(GridOperators::<T>::contains_key(&operator), Error::<T>::NotGridOperator);
		ensure!(is_geohash(&window.area), Error::<T>::InvalidGeohash);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(window.start > now && window.end > window.start, Error::<T>::InvalidWindow);
		ensure!(
			!window.reward_per_kwh.is_zero() && !window.budget.is_zero(),
			Error::<T>::InvalidBudget
		);
		let open = OpenGridEvents::<T>::get(&operator);
		ensure!(open < T::MaxGridEvents::get(), Error::<T>::TooManyGridEvents);
		let event = NextGridEventId::<T>::get();
		let next = event.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
		Self::hold(HoldReason::GridBudget, &operator, window.budget)?;

		NextGridEventId::<T>::put(next);
		OpenGridEvents::<T>::insert(&operator, open.saturating_add(1));
		GridEvents::<T>::insert(
			event,
			GridEvent {
				operator: operator.clone(),
				area: window.area.clone(),
				announced_at: now,
				start: window.start,
				end: window.end,
				reward_per_kwh: window.reward_per_kwh,
				budget: window.budget,
				reserved: Zero::zero(),
				sessions: 0,
			},
		);
		Self::deposit_event(Event::GridEventPublished {
			event,
			operator,
			area: window.area,
			start: window.start,
			end: window.end,
			reward_per_kwh: window.reward_per_kwh,
			budget: window.budget,
		});
		Ok(event)
	}

	pub(crate) fn do_cancel_grid_event(
		operator: T::AccountId,
		event: GridEventId,
	) -> DispatchResult {
		let entry = GridEvents::<T>::get(event).ok_or(Error::<T>::GridEventNotFound)?;
		ensure!(entry.operator == operator, Error::<T>::NotEventOperator);
		ensure!(frame_system::Pallet::<T>::block_number() < entry.start, Error::<T>::EventStarted);
		let refund = Self::end_grid_event(event, entry)?;
		Self::deposit_event(Event::GridEventCancelled { event, refund });
		Ok(())
	}

	pub(crate) fn do_close_grid_event(event: GridEventId) -> DispatchResult {
		let entry = GridEvents::<T>::get(event).ok_or(Error::<T>::GridEventNotFound)?;
		let closes = entry.end.saturating_add(T::GridClaimPeriod::get());
		ensure!(frame_system::Pallet::<T>::block_number() >= closes, Error::<T>::EventNotOver);
		let refund = Self::end_grid_event(event, entry)?;
		Self::deposit_event(Event::GridEventClosed { event, refund });
		Ok(())
	}

	pub(crate) fn do_opt_in_grid(
		operator: T::AccountId,
		charger: ChargerId,
		export_per_kwh: Option<BalanceOf<T>>,
	) -> DispatchResult {
		let entry = Self::operated_charger(&operator, charger)?;
		ensure!(export_per_kwh.is_none() || entry.bidirectional, Error::<T>::NotBidirectional);
		GridChargers::<T>::insert(charger, GridEnrolment { export_per_kwh });
		Self::deposit_event(Event::ChargerOptedIn { charger, export_per_kwh });
		Ok(())
	}

	pub(crate) fn do_opt_out_grid(operator: T::AccountId, charger: ChargerId) -> DispatchResult {
		Self::operated_charger(&operator, charger)?;
		ensure!(GridChargers::<T>::take(charger).is_some(), Error::<T>::NotOptedIn);
		Self::deposit_event(Event::ChargerOptedOut { charger });
		Ok(())
	}

	pub(crate) fn do_declare_baseline(
		caller: T::AccountId,
		session: SessionId,
		power_w: u32,
	) -> DispatchResult {
		let open = Self::open_session(session)?;
		let charger = Chargers::<T>::get(open.charger).ok_or(Error::<T>::ChargerNotFound)?;
		ensure!(
			caller == open.driver || super::sessions::is_charger_party(&charger, &caller),
			Error::<T>::NotDriver
		);
		ensure!(matches!(open.state, SessionState::Active { .. }), Error::<T>::NotActive);
		ensure!(!Curtailments::<T>::contains_key(session), Error::<T>::AlreadyCurtailing);
		let most_w = u64::from(charger.max_power_kw).saturating_mul(1_000);
		ensure!(power_w > 0 && u64::from(power_w) <= most_w, Error::<T>::InvalidBaseline);
		let declared_at = frame_system::Pallet::<T>::block_number();
		Baselines::<T>::insert(session, Baseline { power_w, declared_at });
		Self::deposit_event(Event::BaselineDeclared { session, power_w });
		Ok(())
	}

	pub(crate) fn do_accept_curtailment(
		driver: T::AccountId,
		session: SessionId,
		event: GridEventId,
	) -> DispatchResult {
		let open = Self::open_session(session)?;
		ensure!(open.driver == driver, Error::<T>::NotDriver);
		ensure!(matches!(open.state, SessionState::Active { .. }), Error::<T>::NotActive);
		ensure!(!Curtailments::<T>::contains_key(session), Error::<T>::AlreadyCurtailing);
		let mut entry = GridEvents::<T>::get(event).ok_or(Error::<T>::GridEventNotFound)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now < entry.end, Error::<T>::EventOver);
		ensure!(GridChargers::<T>::contains_key(open.charger), Error::<T>::NotOptedIn);
		let charger = Chargers::<T>::get(open.charger).ok_or(Error::<T>::ChargerNotFound)?;
		ensure!(charger.location.starts_with(&entry.area), Error::<T>::OutsideArea);
		let baseline = Baselines::<T>::get(session).ok_or(Error::<T>::NoBaseline)?;
		ensure!(baseline.declared_at < entry.announced_at, Error::<T>::LateBaseline);
		ensure!(entry.sessions < T::MaxEventSessions::get(), Error::<T>::TooManyParticipants);
		// The worst case: the session draws nothing from now (or the start) to the end.
		let from = now.max(entry.start);
		let (_, reserved) = Self::curtailment_reward(
			entry.reward_per_kwh,
			baseline.power_w.into(),
			entry.end.saturating_sub(from),
		)?;
		let unreserved = entry.budget.saturating_sub(entry.reserved);
		ensure!(reserved <= unreserved, Error::<T>::BudgetExhausted);

		entry.reserved = entry.reserved.saturating_add(reserved);
		entry.sessions = entry.sessions.saturating_add(1);
		GridEvents::<T>::insert(event, entry);
		GridEventSessions::<T>::insert(event, session, ());
		Curtailments::<T>::insert(session, Curtailment { event, accepted_at: now, reserved });
		Self::deposit_event(Event::CurtailmentAccepted { session, event, reserved });
		Ok(())
	}

	/// Ends an ending session's grid participation: forgets its baseline; if it curtails,
	/// pays the reward for the `reading` (none: closed without charging, no reward) from
	/// the event's budget to `driver` and frees the rest of its reservation.
	pub(crate) fn end_curtailment(
		session: SessionId,
		driver: &T::AccountId,
		reading: Option<&MeterReading>,
	) -> DispatchResult {
		let baseline = Baselines::<T>::take(session);
		let Some(curtailment) = Curtailments::<T>::take(session) else { return Ok(()) };
		GridEventSessions::<T>::remove(curtailment.event, session);
		// Closing an event drops its curtailments, so the event is there.
		let Some(mut entry) = GridEvents::<T>::get(curtailment.event) else { return Ok(()) };
		let mut settled = None;
		if let (Some(reading), Some(baseline)) = (reading, baseline) {
			let now = frame_system::Pallet::<T>::block_number();
			let from = curtailment.accepted_at.max(entry.start);
			let overlap = now.min(entry.end).saturating_sub(from);
			let reduction_w = u64::from(baseline.power_w).saturating_sub(average_power_w(reading));
			let (reduction_wh, reward) =
				Self::curtailment_reward(entry.reward_per_kwh, reduction_w, overlap)?;
			settled = Some((reduction_wh, reward.min(curtailment.reserved)));
		}
		let reward = settled.map_or_else(Zero::zero, |(_, reward)| reward);
		if !reward.is_zero() {
			T::Currency::transfer_on_hold(
				&HoldReason::GridBudget.into(),
				&entry.operator,
				driver,
				reward,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Polite,
			)?;
		}
		entry.reserved = entry.reserved.saturating_sub(curtailment.reserved);
		entry.budget = entry.budget.saturating_sub(reward);
		entry.sessions = entry.sessions.saturating_sub(1);
		GridEvents::<T>::insert(curtailment.event, entry);
		if let Some((reduction_wh, reward)) = settled {
			Self::deposit_event(Event::CurtailmentRewarded {
				session,
				event: curtailment.event,
				reduction_wh,
				reward,
			});
		}
		Ok(())
	}

	/// `(reduction in Wh, reward)` for drawing `reduction_w` less than the baseline for
	/// `blocks` blocks: `floor(reduction_w × seconds / 3600)` Wh, paid
	/// `floor(reward_per_kwh × Wh / 1000)`. Both grow with their inputs, so the reward for a
	/// baseline over the rest of the window bounds any later reward.
	pub(crate) fn curtailment_reward(
		reward_per_kwh: BalanceOf<T>,
		reduction_w: u64,
		blocks: BlockNumberFor<T>,
	) -> Result<(u64, BalanceOf<T>), DispatchError> {
		let secs = blocks.saturated_into::<u128>().saturating_mul(T::SecondsPerBlock::get().into());
		let reduction_wh =
			u128::from(reduction_w).checked_mul(secs).ok_or(Error::<T>::Overflow)? / SECS_PER_HOUR;
		let reward = reward_per_kwh
			.saturated_into::<u128>()
			.checked_mul(reduction_wh)
			.ok_or(Error::<T>::Overflow)?
			/ WH_PER_KWH;
		let reduction_wh = u64::try_from(reduction_wh).map_err(|_| Error::<T>::Overflow)?;
		Ok((reduction_wh, Self::balance(reward)?))
	}

	/// Lets an event's accepting sessions go, releases its budget to its grid operator and
	/// removes it; returns what was released.
	fn end_grid_event(
		event: GridEventId,
		entry: GridEvent<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		Self::release(HoldReason::GridBudget, &entry.operator, entry.budget)?;
		for (session, ()) in GridEventSessions::<T>::drain_prefix(event) {
			Curtailments::<T>::remove(session);
		}
		GridEvents::<T>::remove(event);
		OpenGridEvents::<T>::mutate_exists(&entry.operator, |open| {
			*open = open.map(|n| n.saturating_sub(1)).filter(|n| *n > 0);
		});
		Ok(entry.budget)
	}
}

/// The session's average power in W: its energy spread over its charging and parking time
/// (0 W when it lasted no time). The meter reports one total per session, so this average
/// stands for the power drawn during the event's window.
fn average_power_w(reading: &MeterReading) -> u64 {
	let secs = u64::from(reading.charging_secs).saturating_add(reading.parking_secs.into());
	if secs == 0 {
		return 0;
	}
	u64::from(reading.energy_wh).saturating_mul(3_600) / secs
}
