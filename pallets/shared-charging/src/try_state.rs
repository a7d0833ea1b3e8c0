//! The invariants of shared charging, checked after every test and by `try-runtime`.

use alloc::collections::BTreeMap;
use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{fungible::InspectHold, Get},
	},
	frame_system,
	sp_runtime::{traits::Zero, Saturating, TryRuntimeError},
};

use crate::{
	features::above_minimum_wh, BalanceOf, Baselines, ChargerTotals, Chargers, Config,
	Curtailments, DischargeRecords, Discharges, Dispute, Disputes, GridChargers, GridEventSessions,
	GridEvents, HeldPayments, HoldReason, MemberMonthTotals, MemberTotals, Members, OpenGridEvents,
	Pallet, PendingSince, Records, SessionState, Sessions, TariffVersions, Tariffs, Totals,
	VehicleSessions, VehicleTotals,
};

/// Amounts per account.
type Ledger<T> = BTreeMap<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

fn credit<T: Config>(ledger: &mut Ledger<T>, who: &T::AccountId, amount: BalanceOf<T>) {
	let entry = ledger.entry(who.clone()).or_insert_with(Zero::zero);
	*entry = entry.saturating_add(amount);
}

impl<T: Config> Pallet<T> {
	/// Checks every invariant of shared charging; `Err` names the first one broken.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::check_chargers()?;
		Self::check_tariffs()?;
		Self::check_sessions()?;
		Self::check_discharges()?;
		Self::check_records()?;
		Self::check_grid()
	}

	/// Member counts match the members and stay within the bound; no charger's meter
	/// (invited or accepted) is its operator; operators hold the deposits.
	fn check_chargers() -> Result<(), TryRuntimeError> {
		let mut deposits = Ledger::<T>::new();
		for (id, charger) in Chargers::<T>::iter() {
			ensure!(
				charger.meter.named() != Some(&charger.operator),
				"a charger's operator is its own meter"
			);
			let members = Members::<T>::iter_prefix(id).count() as u32;
			ensure!(members == charger.members, "a charger's member count is wrong");
			ensure!(members <= T::MaxMembers::get(), "a charger has too many members");
			if let Some(session) = charger.session {
				let at = Sessions::<T>::get(session)
					.map(|open| open.charger)
					.or_else(|| Discharges::<T>::get(session).map(|open| open.charger))
					.ok_or("a charger's session is not open")?;
				ensure!(at == id, "a charger's session is at another charger");
			}
			credit::<T>(&mut deposits, &charger.operator, charger.deposit);
		}
		ensure!(
			Members::<T>::iter_keys().all(|(charger, _)| Chargers::<T>::contains_key(charger)),
			"members of a removed charger"
		);
		Self::check_held(HoldReason::Charger, deposits, "charger deposits not held")
	}

	/// Each tariff's users are counted, its current version kept; older versions only while
	/// open sessions use them, and each version counts its sessions.
	fn check_tariffs() -> Result<(), TryRuntimeError> {
		let mut users = BTreeMap::new();
		for charger in Chargers::<T>::iter_values() {
			let count = users.entry(charger.tariff).or_insert(0u32);
			*count = count.saturating_add(1);
		}
		for member in Members::<T>::iter_values() {
			if let Some(tariff) = member.tariff {
				let count = users.entry(tariff).or_insert(0u32);
				*count = count.saturating_add(1);
			}
		}
		let mut deposits = Ledger::<T>::new();
		for (id, tariff) in Tariffs::<T>::iter() {
			ensure!(
				users.get(&id).copied().unwrap_or(0) == tariff.users,
				"a tariff's user count is wrong"
			);
			ensure!(
				TariffVersions::<T>::contains_key(id, tariff.version),
				"a tariff's current version is missing"
			);
			credit::<T>(&mut deposits, &tariff.owner, tariff.deposit);
		}
		let mut sessions = BTreeMap::new();
		for open in Sessions::<T>::iter_values() {
			let count = sessions.entry((open.tariff, open.version)).or_insert(0u32);
			*count = count.saturating_add(1);
		}
		for (id, version, entry) in TariffVersions::<T>::iter() {
			ensure!(
				sessions.get(&(id, version)).copied().unwrap_or(0) == entry.sessions,
				"a tariff version's session count is wrong"
			);
			let current = Tariffs::<T>::get(id).is_some_and(|t| t.version == version);
			ensure!(current || entry.sessions > 0, "an unused old tariff version is kept");
		}
		Self::check_held(HoldReason::Tariff, deposits, "tariff deposits not held")
	}

	/// Every open session's escrow is held and covers its worst case; its charger and vehicle
	/// point back to it.
	fn check_sessions() -> Result<(), TryRuntimeError> {
		let mut escrows = Ledger::<T>::new();
		for (id, open) in Sessions::<T>::iter() {
			let version = TariffVersions::<T>::get(open.tariff, open.version)
				.ok_or("an open session's tariff version is missing")?;
			let worst = Self::worst_case(&version.elements, open.energy_cap_wh)
				.map_err(|_| "an open session's worst case overflows")?;
			ensure!(open.escrow >= worst, "an escrow does not cover its worst case");
			ensure!(
				VehicleSessions::<T>::get(open.vehicle) == Some(id),
				"a vehicle does not point to its session"
			);
			ensure!(
				Chargers::<T>::get(open.charger).and_then(|c| c.session) == Some(id),
				"a charger does not point to its session"
			);
			credit::<T>(&mut escrows, &open.driver, open.escrow);
		}
		ensure!(
			VehicleSessions::<T>::iter().all(|(vehicle, id)| {
				Sessions::<T>::get(id).is_some_and(|open| open.vehicle == vehicle)
					|| Discharges::<T>::get(id).is_some_and(|open| open.vehicle == vehicle)
			}),
			"a vehicle points to a session that is not its own"
		);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(
			PendingSince::<T>::iter().all(|(id, since)| {
				let pending = Sessions::<T>::get(id)
					.map(|open| open.state)
					.or_else(|| Discharges::<T>::get(id).map(|open| open.state))
					== Some(SessionState::Pending);
				pending && since <= now
			}),
			"a pending start of a session that is not pending, or in the future"
		);
		Self::check_held(HoldReason::SessionEscrow, escrows, "session escrows not held")
	}

	/// Totals equal the sums of the completed records less dispute refunds; record deposits
	/// and operators' shares are held.
	fn check_records() -> Result<(), TryRuntimeError> {
		let mut vehicles = BTreeMap::new();
		let mut chargers = BTreeMap::new();
		let mut members = BTreeMap::new();
		let mut months = BTreeMap::new();
		let mut deposits = Ledger::<T>::new();
		for open in Sessions::<T>::iter_values() {
			credit::<T>(&mut deposits, &open.driver, open.record_deposit);
		}
		for open in Discharges::<T>::iter_values() {
			credit::<T>(&mut deposits, &open.driver, open.record_deposit);
		}
		for record in DischargeRecords::<T>::iter_values() {
			credit::<T>(&mut deposits, &record.driver, record.deposit);
		}
		for (id, record) in Records::<T>::iter() {
			let refund = match Disputes::<T>::get(id) {
				Some(Dispute::Resolved { refund }) => refund,
				_ => Zero::zero(),
			};
			let cost = record.cost.total.saturating_sub(refund);
			let add = |totals: &mut Totals<BalanceOf<T>>| {
				totals.sessions = totals.sessions.saturating_add(1);
				totals.energy_wh = totals.energy_wh.saturating_add(record.reading.energy_wh.into());
				totals.cost = totals.cost.saturating_add(cost);
			};
			add(vehicles.entry(record.vehicle).or_default());
			add(chargers.entry(record.charger).or_default());
			add(members.entry((record.charger, record.driver.clone())).or_default());
			add(months.entry((record.charger, record.driver.clone(), record.month)).or_default());
			credit::<T>(&mut deposits, &record.driver, record.deposit);
		}
		let stored: BTreeMap<_, _> = VehicleTotals::<T>::iter().collect();
		ensure!(stored == vehicles, "vehicle totals disagree with the records");
		let stored: BTreeMap<_, _> = ChargerTotals::<T>::iter().collect();
		ensure!(stored == chargers, "charger totals disagree with the records");
		let stored: BTreeMap<_, _> =
			MemberTotals::<T>::iter().map(|(c, m, t)| ((c, m), t)).collect();
		ensure!(stored == members, "member totals disagree with the records");
		let stored: BTreeMap<_, _> = MemberMonthTotals::<T>::iter().collect();
		ensure!(stored == months, "monthly member totals disagree with the records");
		Self::check_held(HoldReason::ChargeRecord, deposits, "record deposits not held")?;

		let mut payments = Ledger::<T>::new();
		for (id, payment) in HeldPayments::<T>::iter() {
			ensure!(Records::<T>::contains_key(id), "a payment is held for no record");
			credit::<T>(&mut payments, &payment.operator, payment.amount);
		}
		Self::check_held(HoldReason::OperatorPayment, payments, "operator payments not held")
	}

	/// Every open discharge's escrow is held from its operator and pays its cap, which stays
	/// above the battery's minimum state of charge; its charger and vehicle point back to it.
	fn check_discharges() -> Result<(), TryRuntimeError> {
		let mut escrows = Ledger::<T>::new();
		for (id, open) in Discharges::<T>::iter() {
			ensure!(!Sessions::<T>::contains_key(id), "a session both charges and discharges");
			ensure!(
				open.export_cap_wh <= above_minimum_wh(&open.battery),
				"a discharge may go below its minimum state of charge"
			);
			let worst = Self::export_payment(open.export_per_kwh, open.export_cap_wh)
				.map_err(|_| "a discharge's payment overflows")?;
			ensure!(open.escrow >= worst, "a discharge escrow does not cover its cap");
			ensure!(
				VehicleSessions::<T>::get(open.vehicle) == Some(id),
				"a vehicle does not point to its discharge"
			);
			ensure!(
				Chargers::<T>::get(open.charger).and_then(|c| c.session) == Some(id),
				"a charger does not point to its discharge"
			);
			credit::<T>(&mut escrows, &open.operator, open.escrow);
		}
		Self::check_held(HoldReason::DischargeEscrow, escrows, "discharge escrows not held")
	}

	/// Grid budgets cover promised rewards: per event, the held budget is the unreserved
	/// rest plus the reserved part, and the reserved part is the sum over its accepting
	/// sessions; each grid operator holds its events' budgets and has at most
	/// `MaxGridEvents`; curtailments, baselines and enrolments belong to open sessions,
	/// open events and chargers.
	fn check_grid() -> Result<(), TryRuntimeError> {
		let mut reserved = BTreeMap::new();
		let mut sessions = BTreeMap::new();
		for (session, curtailment) in Curtailments::<T>::iter() {
			ensure!(Sessions::<T>::contains_key(session), "a curtailment of no open session");
			ensure!(
				GridEventSessions::<T>::contains_key(curtailment.event, session),
				"a curtailment missing from its event's sessions"
			);
			let sum = reserved.entry(curtailment.event).or_insert_with(BalanceOf::<T>::zero);
			*sum = sum.saturating_add(curtailment.reserved);
			let count = sessions.entry(curtailment.event).or_insert(0u32);
			*count = count.saturating_add(1);
		}
		ensure!(
			GridEventSessions::<T>::iter_keys().all(|(event, session)| {
				Curtailments::<T>::get(session).is_some_and(|c| c.event == event)
			}),
			"an event lists a session that does not curtail for it"
		);
		let mut budgets = Ledger::<T>::new();
		let mut open = BTreeMap::new();
		for (id, event) in GridEvents::<T>::iter() {
			ensure!(event.reserved <= event.budget, "a grid budget does not cover its promises");
			ensure!(
				reserved.remove(&id).unwrap_or_else(Zero::zero) == event.reserved,
				"a grid event's reservations disagree with its sessions"
			);
			ensure!(
				sessions.remove(&id).unwrap_or(0) == event.sessions,
				"a grid event's session count is wrong"
			);
			credit::<T>(&mut budgets, &event.operator, event.budget);
			let count = open.entry(event.operator.clone()).or_insert(0u32);
			*count = count.saturating_add(1);
		}
		ensure!(reserved.is_empty(), "a curtailment for no open event");
		let stored: BTreeMap<_, _> = OpenGridEvents::<T>::iter().collect();
		ensure!(stored == open, "open grid event counts are wrong");
		ensure!(
			open.values().all(|count| *count <= T::MaxGridEvents::get()),
			"a grid operator has too many events"
		);
		ensure!(
			Baselines::<T>::iter_keys().all(Sessions::<T>::contains_key),
			"a baseline of no open session"
		);
		ensure!(
			GridChargers::<T>::iter_keys().all(Chargers::<T>::contains_key),
			"a removed charger is enrolled in grid services"
		);
		Self::check_held(HoldReason::GridBudget, budgets, "grid budgets not held")
	}

	/// Every account holds exactly what its entries say for this reason, both ways.
	fn check_held(
		reason: HoldReason,
		expected: Ledger<T>,
		message: &'static str,
	) -> Result<(), TryRuntimeError> {
		let reason = reason.into();
		for (who, amount) in &expected {
			ensure!(T::Currency::balance_on_hold(&reason, who) == *amount, message);
		}
		for who in frame_system::Account::<T>::iter_keys() {
			if !expected.contains_key(&who) {
				ensure!(T::Currency::balance_on_hold(&reason, &who).is_zero(), message);
			}
		}
		Ok(())
	}
}
