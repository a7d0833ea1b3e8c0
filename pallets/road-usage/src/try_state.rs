//! The invariants of road usage, checked after every test and by `try-runtime`.

use alloc::collections::{BTreeMap, BTreeSet};
use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{fungible::InspectHold, Get},
	},
	sp_runtime::{traits::Zero, Saturating, TryRuntimeError},
};

use v2x_primitives::VehicleId;

use crate::{
	BalanceOf, BatchId, BatchStatus, Batches, ChargedBy, Chargers, Config, ContextId, Contexts,
	Day, EventId, HoldReason, NextBatchId, NextContextId, NextPlatoonId, Pallet, Platoon, Platoons,
	Prepaid, Providers, Segment, ServicePeriods, TariffVersions, VehicleDays, VehiclePlatoon,
};

/// Sums of amounts per account.
type Ledger<T> = BTreeMap<<T as polkadot_sdk::frame_system::Config>::AccountId, BalanceOf<T>>;

fn add<T: Config>(ledger: &mut Ledger<T>, who: &T::AccountId, amount: BalanceOf<T>) {
	let entry = ledger.entry(who.clone()).or_insert_with(Zero::zero);
	*entry = entry.saturating_add(amount);
}

impl<T: Config> Pallet<T> {
	/// Checks every invariant of road usage; `Err` names the first one broken.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut deposits = Ledger::<T>::new();
		Self::check_contexts(&mut deposits)?;
		Self::check_batches_and_bonds(&mut deposits)?;
		Self::check_vehicle_days(&mut deposits)?;
		Self::check_service_periods()?;
		Self::check_prepaid()?;
		Self::check_platoons(&mut deposits)?;
		Self::check_holds(HoldReason::Deposit, &deposits, "held Deposit != Σ deposits")
	}

	/// `held(reason)` of every account in `expected` equals its sum.
	fn check_holds(
		reason: HoldReason,
		expected: &Ledger<T>,
		message: &'static str,
	) -> Result<(), TryRuntimeError> {
		for (who, amount) in expected {
			ensure!(T::Currency::balance_on_hold(&reason.into(), who) == *amount, message);
		}
		Ok(())
	}

	/// Contexts, their chargers, gantries and tariff versions (oldest..next all present,
	/// `valid_from` strictly increasing, nothing else kept).
	fn check_contexts(deposits: &mut Ledger<T>) -> Result<(), TryRuntimeError> {
		let next = NextContextId::<T>::get();
		let mut per_charger = BTreeMap::<T::AccountId, u32>::new();
		for (context, entry) in Contexts::<T>::iter() {
			ensure!(context < next, "a context id at or beyond NextContextId");
			ensure!(Chargers::<T>::contains_key(&entry.charger), "a context's charger is unknown");
			let count = per_charger.entry(entry.charger.clone()).or_default();
			*count = count.saturating_add(1);
			add::<T>(deposits, &entry.charger, entry.deposit);
			let gantries: BTreeSet<_> = entry.gantries.iter().collect();
			ensure!(gantries.len() == entry.gantries.len(), "a gantry registered twice");
			ensure!(
				entry.oldest_version <= entry.next_version,
				"a context's oldest version is beyond its next"
			);
			ensure!(
				entry.next_version == 0 || entry.oldest_version < entry.next_version,
				"a context with versions kept none"
			);
			let kept = entry.next_version.saturating_sub(entry.oldest_version);
			ensure!(kept <= T::MaxTariffVersions::get(), "more tariff versions than the bound");
			let mut previous: Option<u32> = None;
			for version in entry.oldest_version..entry.next_version {
				let Some(tariff) = TariffVersions::<T>::get(context, version) else {
					return Err("a kept tariff version is missing".into());
				};
				ensure!(
					previous.is_none_or(|before| before < tariff.valid_from),
					"tariff versions' valid_from do not strictly increase"
				);
				previous = Some(tariff.valid_from);
			}
			ensure!(
				TariffVersions::<T>::iter_prefix(context).count() == kept as usize,
				"a tariff version outside oldest..next is stored"
			);
		}
		for (charger, entry) in Chargers::<T>::iter() {
			let count = per_charger.get(&charger).copied().unwrap_or(0);
			ensure!(entry.contexts == count, "a charger's context count is off");
		}
		Ok(())
	}

	/// Batches' sums; each provider's bond is what it holds and covers its obligations, which
	/// are the obligations of its Pending and Disputed batches.
	fn check_batches_and_bonds(deposits: &mut Ledger<T>) -> Result<(), TryRuntimeError> {
		let next = NextBatchId::<T>::get();
		let mut obligations = Ledger::<T>::new();
		for (batch, entry) in Batches::<T>::iter() {
			ensure!(batch < next, "a batch id at or beyond NextBatchId");
			add::<T>(deposits, &entry.provider, entry.deposit);
			let (mut charges, mut credits) = (BalanceOf::<T>::zero(), BalanceOf::<T>::zero());
			for declaration in &entry.declarations {
				charges = charges.saturating_add(declaration.amount);
				credits = credits.saturating_add(declaration.reverses);
			}
			ensure!(entry.charges == charges, "a batch's charges are not Σ amount");
			ensure!(entry.credits == credits, "a batch's credits are not Σ reverses");
			ensure!(
				entry.obligation == charges.saturating_sub(credits),
				"a batch's obligation is not charges less credits"
			);
			if matches!(entry.status, BatchStatus::Pending | BatchStatus::Disputed { .. }) {
				add::<T>(&mut obligations, &entry.provider, entry.obligation);
			}
		}
		for (provider, entry) in Providers::<T>::iter() {
			let held = T::Currency::balance_on_hold(&HoldReason::ProviderBond.into(), &provider);
			ensure!(entry.bond == held, "a provider's bond is not what it holds");
			ensure!(
				entry.bond >= entry.obligations,
				"a provider's bond does not cover its obligations"
			);
			let open = obligations.remove(&provider).unwrap_or_else(Zero::zero);
			ensure!(
				entry.obligations == open,
				"a provider's obligations are not those of its open batches"
			);
		}
		ensure!(obligations.is_empty(), "an open batch of an unknown provider");
		Ok(())
	}

	/// No event id twice in a vehicle-day (but for an open correction and the declaration it
	/// corrects, until it settles); every batch tag is of a batch that was not rejected.
	fn check_vehicle_days(deposits: &mut Ledger<T>) -> Result<(), TryRuntimeError> {
		let next = NextBatchId::<T>::get();
		for ((context, vehicle), day, entry) in VehicleDays::<T>::iter() {
			add::<T>(deposits, &entry.depositor, entry.deposit);
			let mut seen = BTreeMap::<EventId, ChargedBy>::new();
			for charged in &entry.events {
				if let Some(first) = seen.insert(charged.event, charged.by) {
					ensure!(
						Self::open_correction_pair(context, vehicle, day, first, charged.by),
						"an event id charged twice in a vehicle-day"
					);
				}
			}
			for charged in &entry.events {
				if let ChargedBy::Batch(batch) = charged.by {
					ensure!(batch < next, "an event tagged with a batch never declared");
					let rejected = Batches::<T>::get(batch)
						.is_some_and(|entry| entry.status == BatchStatus::Rejected);
					ensure!(!rejected, "an event tagged with a rejected batch");
				}
			}
		}
		Ok(())
	}

	/// Whether `a` and `b` are a declaration and its correction, not yet settled, of this
	/// vehicle-day: the only way one event id is tagged twice.
	fn open_correction_pair(
		context: ContextId,
		vehicle: VehicleId,
		day: Day,
		a: ChargedBy,
		b: ChargedBy,
	) -> bool {
		let (ChargedBy::Batch(a), ChargedBy::Batch(b)) = (a, b) else { return false };
		let corrects = |old: BatchId, new: BatchId| {
			Batches::<T>::get(new).is_some_and(|entry| {
				entry.context == context
					&& matches!(entry.status, BatchStatus::Pending | BatchStatus::Disputed { .. })
					&& entry.declarations.iter().any(|declaration| {
						declaration.vehicle == vehicle
							&& declaration.day == day
							&& declaration.corrects.is_some_and(|corrected| corrected.batch == old)
					})
			})
		};
		corrects(a, b) || corrects(b, a)
	}

	/// At most one open service period, the last; periods in order and well formed.
	fn check_service_periods() -> Result<(), TryRuntimeError> {
		for (_, periods) in ServicePeriods::<T>::iter() {
			ensure!(!periods.is_empty(), "an empty service history is stored");
			let mut previous_from = 0;
			for (index, period) in periods.iter().enumerate() {
				let last = index.saturating_add(1) == periods.len();
				ensure!(period.until.is_some() || last, "an open service period is not the last");
				ensure!(
					period.until.is_none_or(|until| period.from <= until),
					"a service period ends before it starts"
				);
				ensure!(previous_from <= period.from, "service periods out of order");
				previous_from = period.from;
			}
		}
		Ok(())
	}

	/// Σ prepaid balances per owner is what it holds for them; none is zero.
	fn check_prepaid() -> Result<(), TryRuntimeError> {
		let mut prepaid = Ledger::<T>::new();
		for (_, entry) in Prepaid::<T>::iter() {
			ensure!(!entry.amount.is_zero(), "a zero prepaid balance is stored");
			add::<T>(&mut prepaid, &entry.owner, entry.amount);
		}
		Self::check_holds(HoldReason::Prepaid, &prepaid, "held Prepaid != Σ prepaid balances")
	}

	/// Platoons and `VehiclePlatoon` agree; escrows are what the payers hold.
	fn check_platoons(deposits: &mut Ledger<T>) -> Result<(), TryRuntimeError> {
		let next = NextPlatoonId::<T>::get();
		let mut escrows = Ledger::<T>::new();
		let mut members = 0usize;
		for (platoon, entry) in Platoons::<T>::iter() {
			ensure!(platoon < next, "a platoon id at or beyond NextPlatoonId");
			add::<T>(deposits, &entry.payee, entry.deposit);
			ensure!(!entry.price_per_km.is_zero(), "a platoon pays its leader nothing");
			ensure!(
				VehiclePlatoon::<T>::get(entry.leader) == Some(platoon),
				"a leader is not indexed in its platoon"
			);
			members = members.saturating_add(1);
			for follower in &entry.followers {
				ensure!(
					VehiclePlatoon::<T>::get(follower.vehicle) == Some(platoon),
					"a follower is not indexed in its platoon"
				);
				ensure!(follower.paid_km <= follower.max_km, "a follower paid beyond its max km");
				add::<T>(&mut escrows, &follower.payer, follower.held);
				members = members.saturating_add(1);
				let unpaid_km = follower.max_km.saturating_sub(follower.paid_km);
				ensure!(
					follower.held == entry.price_per_km.saturating_mul(unpaid_km.into()),
					"a follower's escrow is not the price of its unpaid km"
				);
			}
			if let Some(segment) = &entry.segment {
				Self::check_segment(&entry, segment)?;
			}
		}
		ensure!(
			VehiclePlatoon::<T>::iter().count() == members,
			"a vehicle is indexed in a platoon it is not in"
		);
		Self::check_holds(HoldReason::PlatoonEscrow, &escrows, "held PlatoonEscrow != Σ escrows")
	}

	/// An open segment: numbered before `next_segment`; attested by followers only, once each;
	/// an attestation is paid exactly when the leader attested too.
	fn check_segment(platoon: &Platoon<T>, segment: &Segment<T>) -> Result<(), TryRuntimeError> {
		ensure!(segment.number < platoon.next_segment, "an open segment beyond next_segment");
		let attested: BTreeSet<_> = segment.attested.iter().map(|(vehicle, ..)| *vehicle).collect();
		ensure!(attested.len() == segment.attested.len(), "a segment attested twice by a vehicle");
		for (vehicle, km, paid) in &segment.attested {
			ensure!(
				platoon.followers.iter().any(|follower| follower.vehicle == *vehicle),
				"a segment attested by a vehicle that is no follower"
			);
			ensure!(*km <= segment.planned_km, "a segment attested beyond its plan");
			ensure!(
				*paid == segment.leader_km.is_some(),
				"an attestation paid without the leader's"
			);
		}
		Ok(())
	}
}
