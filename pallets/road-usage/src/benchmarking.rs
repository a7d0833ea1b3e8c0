//! Benchmarks of every call and hook, each in its worst case.

use super::*;
#[allow(unused_imports)]
use alloc::{vec, vec::Vec};
#[allow(unused_imports)]
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::traits::{
		fungible::{Inspect, Mutate},
		EnsureOrigin, Get,
	},
	frame_system::{pallet_prelude::BlockNumberFor, RawOrigin},
	sp_core::H256,
	sp_runtime::traits::{Saturating, Zero},
};
#[allow(unused_imports)]
use v2x_primitives::VehicleId;

#[allow(dead_code)]
fn assert_last_event<T: Config>(event: Event<T>) {
	let event: <T as Config>::RuntimeEvent = event.into();
	frame_system::Pallet::<T>::assert_last_event(event.into());
}

/// A unit of money in the benchmarks: 1 000 existential deposits.
#[allow(dead_code)]
fn unit<T: Config>() -> BalanceOf<T> {
	T::Currency::minimum_balance().saturating_mul(1_000u32.into())
}

/// The `index`th account called `name`, with enough funds for many deposits, bonds and tolls.
#[allow(dead_code)]
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	let amount = unit::<T>()
		.saturating_add(T::MinProviderBond::get())
		.saturating_add(T::ContextDeposit::get())
		.saturating_add(T::PlatoonDeposit::get())
		.saturating_mul(1_000u32.into());
	T::Currency::set_balance(&who, amount);
	who
}

/// A name (or domain) at its bound.
#[allow(dead_code)]
fn long_name<T: Config>() -> NameOf<T> {
	vec![b'n'; T::MaxNameLength::get() as usize].try_into().expect("sized to the bound")
}

// Declarations and billing (helper B): a charger's per-km context priced for every usage band,
// a bonded provider and vehicles it serves.

/// The context, its charger and a provider with a large bond.
fn billing_world<T: Config>() -> (ContextId, T::AccountId, T::AccountId) {
	let charger = funded::<T>("toll charger", 0);
	Pallet::<T>::do_approve_charger(charger.clone(), long_name::<T>()).expect("a new charger");
	let domain: DomainOf<T> =
		vec![b'd'; T::MaxDomainLength::get() as usize].try_into().expect("sized to the bound");
	let context = NextContextId::<T>::get();
	Pallet::<T>::do_create_context(charger.clone(), domain, ChargeKind::Distance)
		.expect("a charger creates a context");
	let bands = T::MaxUsageLines::get().min(T::MaxTariffPrices::get());
	let prices: Vec<TariffPrice<BalanceOf<T>>> = (0..bands)
		.map(|band| TariffPrice {
			class: 0,
			band: band as TimeBand,
			price: T::Currency::minimum_balance(),
		})
		.collect();
	Pallet::<T>::do_publish_tariff(
		charger.clone(),
		context,
		Pallet::<T>::today(),
		prices.try_into().expect("sized to the bound"),
	)
	.expect("the first version");
	let provider = funded::<T>("toll provider", 0);
	Pallet::<T>::do_approve_provider(provider.clone(), long_name::<T>()).expect("a new provider");
	let bond = T::Currency::balance(&provider) / 2u32.into();
	Pallet::<T>::do_post_bond(provider.clone(), bond).expect("the provider posts its bond");
	(context, charger, provider)
}

/// `count` vehicles `provider` serves from today.
fn served_vehicles<T: Config>(provider: &T::AccountId, count: u32) -> Vec<VehicleId> {
	(0..count)
		.map(|index| {
			let owner = funded::<T>("toll user", index);
			let device: T::AccountId = account("toll unit", index, 0);
			let vehicle = T::BenchmarkHelper::create_vehicle(&owner, &device);
			Pallet::<T>::do_set_provider(owner, vehicle, Some(provider.clone()))
				.expect("the owner picks the provider");
			vehicle
		})
		.collect()
}

/// A distinct event id for (vehicle, n).
fn event_id(vehicle: VehicleId, n: u32) -> EventId {
	let mut bytes = [0u8; 32];
	bytes[..8].copy_from_slice(&vehicle.to_le_bytes());
	bytes[8..12].copy_from_slice(&n.to_le_bytes());
	H256(bytes)
}

/// A declaration of today's usage of `vehicle`: every usage line, `events` event ids from
/// number `first`.
fn declaration_of<T: Config>(vehicle: VehicleId, first: u32, events: u32) -> DeclarationInput<T> {
	let lines = T::MaxUsageLines::get().min(T::MaxTariffPrices::get());
	DeclarationInput {
		vehicle,
		day: Pallet::<T>::today(),
		class: 0,
		usage: (0..lines)
			.map(|band| Usage { band: band as TimeBand, quantity: 1 })
			.collect::<Vec<_>>()
			.try_into()
			.expect("sized to the bound"),
		events: (first..first.saturating_add(events))
			.map(|n| event_id(vehicle, n))
			.collect::<Vec<_>>()
			.try_into()
			.expect("sized to the bound"),
		details_root: H256::repeat_byte(0xd0),
		corrects: None,
	}
}

/// The newest batch's id.
fn last_batch<T: Config>() -> BatchId {
	NextBatchId::<T>::get().saturating_sub(1)
}

/// A pending batch of `MaxDeclarationsPerBatch` declarations, each correcting a declaration of
/// an accepted batch, charging more than it reverses and charging its vehicle-day's events up
/// to the bound; the charger owes the provider a small credit. Returns (batch, charger).
fn open_corrections<T: Config>() -> (BatchId, T::AccountId) {
	let (context, charger, provider) = billing_world::<T>();
	let count = T::MaxDeclarationsPerBatch::get();
	let vehicles = served_vehicles::<T>(&provider, count);
	let old: Vec<DeclarationInput<T>> =
		vehicles.iter().map(|&vehicle| declaration_of::<T>(vehicle, 0, 1)).collect();
	Pallet::<T>::do_declare(provider.clone(), context, old.try_into().expect("sized to the bound"))
		.expect("the first declarations");
	let old_batch = last_batch::<T>();
	Pallet::<T>::do_accept_batch(charger.clone(), old_batch).expect("the charger accepts");
	let events = T::MaxEventsPerDeclaration::get().min(T::MaxEventsPerVehicleDay::get().saturating_sub(1));
	let fixes: Vec<DeclarationInput<T>> = vehicles
		.iter()
		.enumerate()
		.map(|(index, &vehicle)| {
			let mut input = declaration_of::<T>(vehicle, 1, events);
			for line in input.usage.iter_mut() {
				line.quantity = 2;
			}
			input.corrects = Some(DeclarationRef { batch: old_batch, index: index as u16 });
			input
		})
		.collect();
	Pallet::<T>::do_declare(provider.clone(), context, fixes.try_into().expect("sized to the bound"))
		.expect("the corrections");
	Credits::<T>::insert(&charger, &provider, T::Currency::minimum_balance());
	(last_batch::<T>(), charger)
}

/// A settled batch of `MaxDeclarationsPerBatch` declarations of day 0 (closed long ago), with
/// its deposit held. Returns the batch.
fn old_batch<T: Config>() -> BatchId {
	assert!(
		Pallet::<T>::today() > T::MaxDeclarationAge::get(),
		"the benchmarks' clock must be past day MaxDeclarationAge"
	);
	let (context, charger, provider) = billing_world::<T>();
	let declaration = Declaration::<T> {
		vehicle: 0,
		day: 0,
		class: 0,
		version: 0,
		amount: Zero::zero(),
		reverses: Zero::zero(),
		events: 0,
		details_root: H256::zero(),
		corrects: None,
		corrected_by: None,
	};
	let count = T::MaxDeclarationsPerBatch::get();
	let deposit = T::BatchDeposit::get()
		.saturating_add(T::DeclarationDeposit::get().saturating_mul(count.into()));
	Pallet::<T>::hold(HoldReason::Deposit, &provider, deposit).expect("the provider pays");
	let batch = NextBatchId::<T>::get();
	Batches::<T>::insert(
		batch,
		Batch {
			context,
			provider,
			charger,
			submitted_at: Zero::zero(),
			status: BatchStatus::Accepted,
			charges: Zero::zero(),
			credits: Zero::zero(),
			obligation: Zero::zero(),
			declarations: vec![declaration; count as usize].try_into().expect("sized to the bound"),
			deposit,
		},
	);
	NextBatchId::<T>::put(batch.saturating_add(1));
	batch
}

#[benchmarks]
mod benchmarks {
	use super::*;

	// --- roles, contexts, users (helper A) ---

	#[benchmark]
	fn approve_charger() {
		let who: T::AccountId = account("charger", 0, 0);
		let origin =
			T::GovernanceOrigin::try_successful_origin().expect("governance has an origin");

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), long_name::<T>());

		assert!(Chargers::<T>::contains_key(&who));
	}

	// --- declarations, billing (helper B) ---

	/// `d` declarations of distinct vehicles with `e` events in all, into vehicle-days that
	/// other charges filled up to the bound.
	#[benchmark]
	fn declare(
		d: Linear<1, { T::MaxDeclarationsPerBatch::get() }>,
		e: Linear<1, { T::MaxDeclarationsPerBatch::get() * T::MaxEventsPerDeclaration::get() }>,
	) {
		let (context, _, provider) = billing_world::<T>();
		let vehicles = served_vehicles::<T>(&provider, d);
		let today = Pallet::<T>::today();
		let cap = T::MaxEventsPerDeclaration::get().min(T::MaxEventsPerVehicleDay::get());
		let inputs: Vec<DeclarationInput<T>> = vehicles
			.iter()
			.enumerate()
			.map(|(index, &vehicle)| {
				let share = e / d + u32::from((index as u32) < e % d);
				let events = share.clamp(1, cap);
				// Other charges fill the vehicle-day up to what this declaration adds.
				let taken = T::MaxEventsPerVehicleDay::get().saturating_sub(events);
				let charged: Vec<ChargedEvent> = (0..taken)
					.map(|n| ChargedEvent { event: event_id(vehicle, 1_000 + n), by: ChargedBy::Direct })
					.collect();
				VehicleDays::<T>::insert(
					(context, vehicle),
					today,
					VehicleDay {
						depositor: provider.clone(),
						deposit: Zero::zero(),
						events: charged.try_into().expect("sized to the bound"),
					},
				);
				declaration_of::<T>(vehicle, 0, events)
			})
			.collect();
		let batch = NextBatchId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(provider), context, inputs.try_into().expect("sized to the bound"));

		assert_eq!(Batches::<T>::get(batch).map(|b| b.declarations.len() as u32), Some(d));
	}

	/// The most declarations, each a correction whose old events are uncharged, part of it
	/// paid from a credit and the rest from the bond.
	#[benchmark]
	fn accept_batch() {
		let (batch, charger) = open_corrections::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(charger), batch);

		assert_eq!(Batches::<T>::get(batch).map(|b| b.status), Some(BatchStatus::Accepted));
	}

	#[benchmark]
	fn dispute_batch() {
		let (batch, charger) = open_corrections::<T>();
		let reason = H256::repeat_byte(0xee);

		#[extrinsic_call]
		_(RawOrigin::Signed(charger), batch, reason);

		assert_eq!(Batches::<T>::get(batch).map(|b| b.status), Some(BatchStatus::Disputed { reason }));
	}

	/// Paying is the heavier answer: it also pays the charger and counts every vehicle's totals.
	#[benchmark]
	fn resolve_dispute() {
		let (batch, charger) = open_corrections::<T>();
		Pallet::<T>::do_dispute_batch(charger, batch, H256::repeat_byte(0xee))
			.expect("within the acceptance period");
		let origin =
			T::GovernanceOrigin::try_successful_origin().expect("governance has an origin");

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, batch, true);

		assert_eq!(Batches::<T>::get(batch).map(|b| b.status), Some(BatchStatus::Accepted));
	}

	#[benchmark]
	fn settle_unanswered() {
		let (batch, _) = open_corrections::<T>();
		let after = frame_system::Pallet::<T>::block_number()
			.saturating_add(T::AcceptancePeriod::get())
			.saturating_add(1u32.into());
		frame_system::Pallet::<T>::set_block_number(after);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), batch);

		assert_eq!(Batches::<T>::get(batch).map(|b| b.status), Some(BatchStatus::Accepted));
	}

	#[benchmark]
	fn repay_credit() {
		let (_, charger, provider) = billing_world::<T>();
		let credit = unit::<T>();
		Credits::<T>::insert(&charger, &provider, credit);

		#[extrinsic_call]
		_(RawOrigin::Signed(charger.clone()), provider.clone(), credit);

		assert!(!Credits::<T>::contains_key(&charger, &provider));
	}

	#[benchmark]
	fn prune_batch() {
		let batch = old_batch::<T>();
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), batch);

		assert!(!Batches::<T>::contains_key(batch));
	}

	/// A vehicle-day full of events, closed long ago.
	#[benchmark]
	fn prune_vehicle_day() {
		let batch = old_batch::<T>();
		let provider = Batches::<T>::get(batch).map(|b| b.provider).expect("just stored");
		Pallet::<T>::hold(HoldReason::Deposit, &provider, T::VehicleDayDeposit::get())
			.expect("the provider pays");
		let events: Vec<ChargedEvent> = (0..T::MaxEventsPerVehicleDay::get())
			.map(|n| ChargedEvent { event: event_id(0, n), by: ChargedBy::Batch(batch) })
			.collect();
		VehicleDays::<T>::insert(
			(0, 0),
			0,
			VehicleDay {
				depositor: provider,
				deposit: T::VehicleDayDeposit::get(),
				events: events.try_into().expect("sized to the bound"),
			},
		);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), 0, 0, 0);

		assert!(!VehicleDays::<T>::contains_key((0, 0), 0));
	}

	// --- passages, platoons (helper C) ---

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
