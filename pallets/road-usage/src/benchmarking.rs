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

/// A domain at its bound.
#[allow(dead_code)]
fn long_domain<T: Config>() -> DomainOf<T> {
	vec![b'd'; T::MaxDomainLength::get() as usize].try_into().expect("sized to the bound")
}

/// `MaxTariffPrices` prices of the given kind, strictly sorted, all above zero.
#[allow(dead_code)]
fn full_prices<T: Config>(kind: ChargeKind) -> PricesOf<T> {
	let bands: u32 = if kind == ChargeKind::Passage { 1 } else { 4 };
	let list: Vec<TariffPrice<BalanceOf<T>>> = (0..T::MaxTariffPrices::get())
		.map(|i| TariffPrice {
			class: (i / bands) as u8,
			band: (i % bands) as u8,
			price: T::Currency::minimum_balance().saturating_add(i.into()),
		})
		.collect();
	list.try_into().expect("sized to the bound")
}

/// An approved, funded toll charger.
#[allow(dead_code)]
fn charger<T: Config>() -> T::AccountId {
	let who = funded::<T>("charger", 0);
	Pallet::<T>::do_approve_charger(who.clone(), long_name::<T>()).expect("a new charger");
	who
}

/// A context of `kind` of a new charger, with `versions` tariff versions (valid from today,
/// then each a day later): (charger, context).
#[allow(dead_code)]
fn context_with<T: Config>(kind: ChargeKind, versions: u32) -> (T::AccountId, ContextId) {
	let charger = charger::<T>();
	Pallet::<T>::do_create_context(charger.clone(), long_domain::<T>(), kind)
		.expect("the charger creates a context");
	let context = NextContextId::<T>::get().saturating_sub(1);
	let today = Pallet::<T>::today();
	for offset in 0..versions {
		Pallet::<T>::do_publish_tariff(
			charger.clone(),
			context,
			today.saturating_add(offset),
			full_prices::<T>(kind),
		)
		.expect("a valid version");
	}
	(charger, context)
}

/// An approved, funded provider with `MinProviderBond` plus `extra` posted.
#[allow(dead_code)]
fn provider<T: Config>(index: u32, extra: BalanceOf<T>) -> T::AccountId {
	let who = funded::<T>("provider", index);
	Pallet::<T>::do_approve_provider(who.clone(), long_name::<T>()).expect("a new provider");
	Pallet::<T>::do_post_bond(who.clone(), T::MinProviderBond::get().saturating_add(extra))
		.expect("the provider affords its bond");
	who
}

/// A vehicle of a funded owner, its device bound: (owner, vehicle).
#[allow(dead_code)]
fn owned_vehicle<T: Config>(index: u32) -> (T::AccountId, VehicleId) {
	let owner = funded::<T>("owner", index);
	let device: T::AccountId = account("device", index, 0);
	let vehicle = T::BenchmarkHelper::create_vehicle(&owner, &device);
	(owner, vehicle)
}

/// The hooks' worst case: `vehicle` with a prepaid balance and an open service period leads
/// a platoon of `MaxFollowers` followers, each with its escrow (stored as the platoon calls
/// store it).
#[allow(dead_code)]
fn hooked_vehicle<T: Config>() -> (T::AccountId, VehicleId) {
	let (owner, vehicle) = owned_vehicle::<T>(0);
	let provider = provider::<T>(0, Zero::zero());
	Pallet::<T>::do_set_provider(owner.clone(), vehicle, Some(provider)).expect("subscribed");
	Pallet::<T>::do_top_up(owner.clone(), vehicle, unit::<T>()).expect("topped up");
	let platoon = NextPlatoonId::<T>::get();
	let price_per_km = T::Currency::minimum_balance();
	let max_km = 1_000u32;
	let held = price_per_km.saturating_mul(max_km.into());
	let mut followers = Vec::new();
	for index in 0..T::MaxFollowers::get() {
		let (payer, follower) = owned_vehicle::<T>(index.saturating_add(1));
		Pallet::<T>::hold(HoldReason::PlatoonEscrow, &payer, held).expect("funded payer");
		VehiclePlatoon::<T>::insert(follower, platoon);
		followers.push(Follower { vehicle: follower, payer, max_km, paid_km: 0, held });
	}
	let deposit = T::PlatoonDeposit::get();
	Pallet::<T>::hold(HoldReason::Deposit, &owner, deposit).expect("funded owner");
	VehiclePlatoon::<T>::insert(vehicle, platoon);
	Platoons::<T>::insert(
		platoon,
		Platoon {
			leader: vehicle,
			payee: owner.clone(),
			rule: PlatoonRule {
				saving_per_km: price_per_km.saturating_mul(2u32.into()),
				leader_share: polkadot_sdk::sp_runtime::Perbill::from_percent(50),
			},
			price_per_km,
			followers: followers.try_into().expect("MaxFollowers followers"),
			segment: None,
			next_segment: 0,
			deposit,
		},
	);
	NextPlatoonId::<T>::put(platoon.saturating_add(1));
	(owner, vehicle)
}

/// Followers pay the leader one existential deposit per km.
#[allow(dead_code)]
fn platoon_rule<T: Config>() -> PlatoonRule<BalanceOf<T>> {
	PlatoonRule {
		saving_per_km: T::Currency::minimum_balance().saturating_mul(2u32.into()),
		leader_share: polkadot_sdk::sp_runtime::Perbill::from_percent(50),
	}
}

/// A platoon formed and joined through the pallet's own calls.
#[allow(dead_code)]
struct BenchmarkPlatoon<T: Config> {
	id: PlatoonId,
	leader: VehicleId,
	payee: T::AccountId,
	/// The payee's free balance once the platoon is formed.
	payee_free: BalanceOf<T>,
	leader_device: T::AccountId,
	follower_devices: Vec<T::AccountId>,
}

/// A platoon with `followers` followers of other owners, each for 1 000 km.
#[allow(dead_code)]
fn platoon_with<T: Config>(followers: u32) -> BenchmarkPlatoon<T> {
	let (payee, leader) = owned_vehicle::<T>(0);
	let id = NextPlatoonId::<T>::get();
	Pallet::<T>::do_form_platoon(payee.clone(), leader, platoon_rule::<T>()).expect("formed");
	let mut follower_devices = Vec::new();
	for index in 1..=followers {
		let (payer, follower) = owned_vehicle::<T>(index);
		Pallet::<T>::do_join_platoon(payer, id, follower, 1_000).expect("room for a follower");
		follower_devices.push(account("device", index, 0));
	}
	let payee_free = T::Currency::balance(&payee);
	BenchmarkPlatoon {
		id,
		leader,
		payee,
		payee_free,
		leader_device: account("device", 0, 0),
		follower_devices,
	}
}

// Declarations and billing (helper B): a charger's per-km context priced for every usage band,
// a bonded provider and vehicles it serves.

/// The context, its charger and a provider with a large bond.
fn billing_world<T: Config>() -> (ContextId, T::AccountId, T::AccountId) {
	let charger = funded::<T>("toll charger", 0);
	Pallet::<T>::do_approve_charger(charger.clone(), long_name::<T>()).expect("a new charger");
	let context = NextContextId::<T>::get();
	Pallet::<T>::do_create_context(charger.clone(), long_domain::<T>(), ChargeKind::Distance)
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

/// An accepted batch of `MaxDeclarationsPerBatch` declarations (stored as `declare` and
/// `accept_batch` leave it) whose first declares `vehicle` today; `tagged` of the vehicle-day's
/// event ids are charged by it. Each correction of it reads and rewrites the whole batch.
fn accepted_batch_for<T: Config>(
	context: ContextId,
	provider: &T::AccountId,
	charger: &T::AccountId,
	vehicle: VehicleId,
	tagged: u32,
) -> BatchId {
	let batch = NextBatchId::<T>::get();
	let today = Pallet::<T>::today();
	let declaration = Declaration::<T> {
		vehicle,
		day: today,
		class: 0,
		version: 0,
		amount: T::Currency::minimum_balance(),
		reverses: Zero::zero(),
		events: tagged,
		details_root: H256::repeat_byte(0xd0),
		corrects: None,
		corrected_by: None,
	};
	let count = T::MaxDeclarationsPerBatch::get();
	Batches::<T>::insert(
		batch,
		Batch {
			context,
			provider: provider.clone(),
			charger: charger.clone(),
			submitted_at: Zero::zero(),
			status: BatchStatus::Accepted,
			charges: Zero::zero(),
			credits: Zero::zero(),
			obligation: Zero::zero(),
			declarations: vec![declaration; count as usize].try_into().expect("sized to the bound"),
			deposit: Zero::zero(),
		},
	);
	NextBatchId::<T>::put(batch.saturating_add(1));
	let charged: Vec<ChargedEvent> = (0..tagged)
		.map(|n| ChargedEvent {
			event: event_id(vehicle, 1_000u32.saturating_add(n)),
			by: ChargedBy::Batch(batch),
		})
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
	batch
}

/// A declaration of `vehicle` today with `events` new event ids, correcting the first
/// declaration of a full accepted batch of its own that charged the rest of the vehicle-day.
fn correction_of<T: Config>(
	context: ContextId,
	provider: &T::AccountId,
	charger: &T::AccountId,
	vehicle: VehicleId,
	events: u32,
) -> DeclarationInput<T> {
	let tagged = T::MaxEventsPerVehicleDay::get().saturating_sub(events);
	let old = accepted_batch_for::<T>(context, provider, charger, vehicle, tagged);
	let mut input = declaration_of::<T>(vehicle, 0, events);
	for line in input.usage.iter_mut() {
		line.quantity = 2;
	}
	input.corrects = Some(DeclarationRef { batch: old, index: 0 });
	input
}

/// A pending batch of `MaxDeclarationsPerBatch` corrections, each of its own full accepted
/// batch, charging more than it reverses and filling its vehicle-day to the bound; the charger
/// owes the provider a small credit. Returns (batch, charger).
fn open_corrections<T: Config>() -> (BatchId, T::AccountId) {
	let (context, charger, provider) = billing_world::<T>();
	let count = T::MaxDeclarationsPerBatch::get();
	let events = T::MaxEventsPerDeclaration::get().min(T::MaxEventsPerVehicleDay::get());
	let fixes: Vec<DeclarationInput<T>> = served_vehicles::<T>(&provider, count)
		.into_iter()
		.map(|vehicle| correction_of::<T>(context, &provider, &charger, vehicle, events))
		.collect();
	Pallet::<T>::do_declare(
		provider.clone(),
		context,
		fixes.try_into().expect("sized to the bound"),
	)
	.expect("the corrections");
	Credits::<T>::insert(&charger, &provider, T::Currency::minimum_balance());
	(last_batch::<T>(), charger)
}

/// A settled batch of `MaxDeclarationsPerBatch` declarations of day 0 (closed long ago), with
/// its deposit held. Returns the batch.
fn old_batch<T: Config>() -> BatchId {
	let (context, charger, provider) = billing_world::<T>();
	// Day 0 closes once the clock is past day `MaxDeclarationAge` (the runtime's benchmarks
	// start on day 0).
	T::BenchmarkHelper::pass_days(T::MaxDeclarationAge::get().saturating_add(1));
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

	/// A revoked provider approved again (the read and the kept bond: the heavier path).
	#[benchmark]
	fn approve_provider() {
		let who = provider::<T>(0, Zero::zero());
		Pallet::<T>::do_revoke_provider(who.clone()).expect("revoked");
		let origin =
			T::GovernanceOrigin::try_successful_origin().expect("governance has an origin");

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), long_name::<T>());

		assert!(Providers::<T>::get(&who).is_some_and(|p| p.active));
	}

	#[benchmark]
	fn revoke_provider() {
		let who = provider::<T>(0, Zero::zero());
		let origin =
			T::GovernanceOrigin::try_successful_origin().expect("governance has an origin");

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(Providers::<T>::get(&who).is_some_and(|p| !p.active));
	}

	#[benchmark]
	fn post_bond() {
		let who = provider::<T>(0, Zero::zero());
		let amount = unit::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), amount);

		let bond = T::MinProviderBond::get().saturating_add(amount);
		assert_last_event::<T>(Event::BondPosted { provider: who, amount, bond });
	}

	#[benchmark]
	fn withdraw_bond() {
		let amount = unit::<T>();
		let who = provider::<T>(0, amount);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), amount);

		let bond = T::MinProviderBond::get();
		assert_last_event::<T>(Event::BondWithdrawn { provider: who, amount, bond });
	}

	#[benchmark]
	fn create_context() {
		let charger = charger::<T>();
		// The runtime's genesis may already have contexts.
		let context = NextContextId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(charger.clone()), long_domain::<T>(), ChargeKind::Distance);

		assert_last_event::<T>(Event::ContextCreated {
			context,
			charger,
			kind: ChargeKind::Distance,
		});
	}

	/// `MaxTariffPrices` prices into a history of `MaxTariffVersions - 1` versions. The drop
	/// of the oldest version at a full history (one read, one write) is added to the call's
	/// weight: the runtime's benchmark runs on day 0, where no version is old enough to drop.
	#[benchmark]
	fn publish_tariff() {
		let versions = T::MaxTariffVersions::get().saturating_sub(1);
		let (charger, context) = context_with::<T>(ChargeKind::Distance, versions);
		let valid_from = Pallet::<T>::today().saturating_add(versions);

		#[extrinsic_call]
		_(RawOrigin::Signed(charger), context, valid_from, full_prices::<T>(ChargeKind::Distance));

		assert_last_event::<T>(Event::TariffPublished { context, version: versions, valid_from });
	}

	/// The `MaxGantries`th gantry: the duplicate check scans the other ones.
	#[benchmark]
	fn add_gantry() {
		let (charger, context) = context_with::<T>(ChargeKind::Passage, 1);
		for index in 0..T::MaxGantries::get().saturating_sub(1) {
			Pallet::<T>::do_add_gantry(charger.clone(), context, account("gantry", index, 0))
				.expect("room for a gantry");
		}
		let gantry: T::AccountId = account("gantry", u32::MAX, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(charger), context, gantry.clone());

		assert_last_event::<T>(Event::GantryAdded { context, gantry });
	}

	/// The last of `MaxGantries` gantries: found after scanning all.
	#[benchmark]
	fn remove_gantry() {
		let (charger, context) = context_with::<T>(ChargeKind::Passage, 1);
		let count = T::MaxGantries::get();
		for index in 0..count {
			Pallet::<T>::do_add_gantry(charger.clone(), context, account("gantry", index, 0))
				.expect("room for a gantry");
		}
		let gantry: T::AccountId = account("gantry", count.saturating_sub(1), 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(charger), context, gantry.clone());

		assert_last_event::<T>(Event::GantryRemoved { context, gantry });
	}

	/// A change of provider with `MaxServicePeriods - 1` periods kept: the current one is
	/// closed, the history scanned, a new one pushed.
	#[benchmark]
	fn set_provider() {
		let (owner, vehicle) = owned_vehicle::<T>(0);
		let first = provider::<T>(0, Zero::zero());
		let second = provider::<T>(1, Zero::zero());
		for index in 0..T::MaxServicePeriods::get().saturating_sub(1) {
			let next = if index % 2 == 0 { first.clone() } else { second.clone() };
			Pallet::<T>::do_set_provider(owner.clone(), vehicle, Some(next))
				.expect("room for a period");
		}
		let current = ServicePeriods::<T>::get(vehicle).last().map(|p| p.provider.clone());
		let next = if current == Some(first.clone()) { second } else { first };

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), vehicle, Some(next.clone()));

		let today = Pallet::<T>::today();
		assert_last_event::<T>(Event::ProviderSet { vehicle, provider: Some(next), from: today });
	}

	/// A top-up of an existing balance.
	#[benchmark]
	fn top_up() {
		let (owner, vehicle) = owned_vehicle::<T>(0);
		let amount = unit::<T>();
		Pallet::<T>::do_top_up(owner.clone(), vehicle, amount).expect("topped up");

		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), vehicle, amount);

		let balance = amount.saturating_add(amount);
		assert_last_event::<T>(Event::PrepaidToppedUp { vehicle, owner, amount, balance });
	}

	/// A partial withdrawal (the entry is written back).
	#[benchmark]
	fn withdraw_prepaid() {
		let (owner, vehicle) = owned_vehicle::<T>(0);
		let amount = unit::<T>();
		Pallet::<T>::do_top_up(owner.clone(), vehicle, amount.saturating_add(amount))
			.expect("topped up");

		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), vehicle, amount);

		assert_last_event::<T>(Event::PrepaidWithdrawn { vehicle, owner, amount, balance: amount });
	}

	/// A sold platoon leader with `MaxFollowers` followers, a prepaid balance and a provider.
	#[benchmark]
	fn on_ownership_transferred() {
		let (owner, vehicle) = hooked_vehicle::<T>();
		let buyer: T::AccountId = account("buyer", 0, 0);

		#[block]
		{
			<Pallet<T> as v2x_primitives::OnOwnershipTransferred<T::AccountId>>::on_ownership_transferred(
				vehicle, &owner, &buyer,
			);
		}

		assert!(Prepaid::<T>::get(vehicle).is_none());
		assert!(ServicePeriods::<T>::get(vehicle).iter().all(|p| p.until.is_some()));
	}

	/// A scrapped platoon leader with `MaxFollowers` followers, a prepaid balance and a
	/// provider.
	#[benchmark]
	fn on_status_changed() {
		let (_, vehicle) = hooked_vehicle::<T>();

		#[block]
		{
			<Pallet<T> as v2x_primitives::OnVehicleStatusChanged>::on_status_changed(
				vehicle,
				v2x_primitives::VehicleStatus::Scrapped,
			);
		}

		assert!(Prepaid::<T>::get(vehicle).is_none());
		assert!(ServicePeriods::<T>::get(vehicle).iter().all(|p| p.until.is_some()));
	}

	// --- declarations, billing (helper B) ---

	/// `d` declarations of distinct vehicles with `e` events in all, each correcting a
	/// declaration of its own full batch, into vehicle-days filled up to the bound.
	#[benchmark]
	fn declare(
		d: Linear<1, { T::MaxDeclarationsPerBatch::get() }>,
		e: Linear<1, { T::MaxDeclarationsPerBatch::get() * T::MaxEventsPerDeclaration::get() }>,
	) {
		let (context, charger, provider) = billing_world::<T>();
		let cap = T::MaxEventsPerDeclaration::get().min(T::MaxEventsPerVehicleDay::get());
		let inputs: Vec<DeclarationInput<T>> = served_vehicles::<T>(&provider, d)
			.into_iter()
			.enumerate()
			.map(|(index, vehicle)| {
				let share = e / d + u32::from((index as u32) < e % d);
				correction_of::<T>(context, &provider, &charger, vehicle, share.clamp(1, cap))
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

		assert_eq!(
			Batches::<T>::get(batch).map(|b| b.status),
			Some(BatchStatus::Disputed { reason })
		);
	}

	/// Rejecting is the heavier answer: each declaration's events leave its vehicle-day and
	/// the full batch it corrected is rewritten (paying touches the vehicle-days and small
	/// totals, and moves the bond).
	#[benchmark]
	fn resolve_dispute() {
		let (batch, charger) = open_corrections::<T>();
		Pallet::<T>::do_dispute_batch(charger, batch, H256::repeat_byte(0xee))
			.expect("within the acceptance period");
		let origin =
			T::GovernanceOrigin::try_successful_origin().expect("governance has an origin");

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, batch, false);

		assert_eq!(Batches::<T>::get(batch).map(|b| b.status), Some(BatchStatus::Rejected));
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

	/// A passage on a context with `MaxTariffVersions` versions (the binary search for the
	/// day's version) and `MaxGantries` gantries (the gantry is the last), its signature
	/// checked, paid from the prepaid balance; the vehicle-day entry is created (the device's
	/// deposit held) and the prepaid entry kept.
	#[benchmark]
	fn report_passage() {
		let (charger, context) =
			context_with::<T>(ChargeKind::Passage, T::MaxTariffVersions::get());
		for index in 0..T::MaxGantries::get().saturating_sub(1) {
			Pallet::<T>::do_add_gantry(charger.clone(), context, account("gantry", index, 0))
				.expect("room for a gantry");
		}
		let gantry = T::BenchmarkHelper::gantry();
		Pallet::<T>::do_add_gantry(charger, context, gantry.clone()).expect("room for a gantry");
		let (owner, vehicle) = owned_vehicle::<T>(0);
		let device = funded::<T>("device", 0);
		let provider = provider::<T>(0, Zero::zero());
		Pallet::<T>::do_set_provider(owner.clone(), vehicle, Some(provider.clone()))
			.expect("subscribed");
		Pallet::<T>::do_top_up(owner, vehicle, unit::<T>()).expect("topped up");
		let passage =
			Passage { vehicle, day: Pallet::<T>::today(), event: H256::repeat_byte(1), class: 0 };
		let signature = T::BenchmarkHelper::sign_as_gantry(&Pallet::<T>::attestation_payload(
			context, &passage,
		));

		#[extrinsic_call]
		_(RawOrigin::Signed(device), context, passage, gantry, signature);

		assert_last_event::<T>(Event::PassagePaid {
			context,
			vehicle,
			event: passage.event,
			provider,
			amount: T::Currency::minimum_balance(),
		});
	}

	#[benchmark]
	fn form_platoon() {
		let (owner, leader) = owned_vehicle::<T>(0);
		// The runtime's genesis may already have platoons.
		let platoon = NextPlatoonId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), leader, platoon_rule::<T>());

		assert_last_event::<T>(Event::PlatoonFormed {
			platoon,
			leader,
			payee: owner,
			price_per_km: T::Currency::minimum_balance(),
		});
	}

	/// The `MaxFollowers`th follower joins.
	#[benchmark]
	fn join_platoon() {
		let platoon = platoon_with::<T>(T::MaxFollowers::get().saturating_sub(1));
		let (payer, follower) = owned_vehicle::<T>(u32::MAX);
		let max_km = 1_000u32;

		#[extrinsic_call]
		_(RawOrigin::Signed(payer.clone()), platoon.id, follower, max_km);

		assert_last_event::<T>(Event::FollowerJoined {
			platoon: platoon.id,
			follower,
			payer,
			max_km,
			held: T::Currency::minimum_balance().saturating_mul(max_km.into()),
		});
	}

	/// `MaxFollowers` followers; the previous segment, which the leader attested, is closed
	/// first (its followers scanned for the unpaid ones).
	#[benchmark]
	fn start_segment() {
		let platoon = platoon_with::<T>(T::MaxFollowers::get());
		Pallet::<T>::do_start_segment(platoon.leader_device.clone(), platoon.id, 100)
			.expect("a segment starts");
		Pallet::<T>::do_attest_segment(platoon.leader_device.clone(), platoon.id, 100)
			.expect("the leader attests");

		#[extrinsic_call]
		_(RawOrigin::Signed(platoon.leader_device), platoon.id, 100);

		assert_last_event::<T>(Event::SegmentStarted {
			platoon: platoon.id,
			segment: 1,
			planned_km: 100,
		});
	}

	/// The leader attests last: each of `MaxFollowers` followers pays from its escrow, and the
	/// segment closes.
	#[benchmark]
	fn attest_segment() {
		let platoon = platoon_with::<T>(T::MaxFollowers::get());
		Pallet::<T>::do_start_segment(platoon.leader_device.clone(), platoon.id, 100)
			.expect("a segment starts");
		for device in &platoon.follower_devices {
			Pallet::<T>::do_attest_segment(device.clone(), platoon.id, 100)
				.expect("a follower attests");
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(platoon.leader_device), platoon.id, 100);

		assert_last_event::<T>(Event::SegmentClosed { platoon: platoon.id, segment: 0, unpaid: 0 });
		let paid = T::Currency::minimum_balance().saturating_mul(100u32.into());
		let received = paid.saturating_mul(T::MaxFollowers::get().into());
		assert_eq!(
			T::Currency::balance(&platoon.payee),
			platoon.payee_free.saturating_add(received)
		);
	}

	/// The leader leaves mid-segment: the platoon of `MaxFollowers` followers dissolves.
	#[benchmark]
	fn leave_platoon() {
		let platoon = platoon_with::<T>(T::MaxFollowers::get());
		Pallet::<T>::do_start_segment(platoon.leader_device.clone(), platoon.id, 100)
			.expect("a segment starts");

		#[extrinsic_call]
		_(RawOrigin::Signed(platoon.payee), platoon.id, platoon.leader);

		assert_last_event::<T>(Event::PlatoonDissolved { platoon: platoon.id });
		assert!(Platoons::<T>::get(platoon.id).is_none());
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
