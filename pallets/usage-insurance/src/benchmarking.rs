//! Benchmarks of every call, each in its worst case, and of the work `on_idle` and the
//! vehicle hooks do.

use super::*;
use alloc::vec;
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::traits::{
		fungible::{Inspect, InspectHold, Mutate},
		EnsureOrigin, Get,
	},
	frame_system::{self, pallet_prelude::BlockNumberFor, RawOrigin},
	sp_runtime::{
		traits::{One, Zero},
		Saturating,
	},
};
use v2x_primitives::VehicleId;

fn assert_last_event<T: Config>(event: Event<T>) {
	let event: <T as Config>::RuntimeEvent = event.into();
	frame_system::Pallet::<T>::assert_last_event(event.into());
}

/// `n` times the existential deposit (at least 1): amounts that mean something in any
/// runtime.
fn amount<T: Config>(n: u32) -> BalanceOf<T> {
	T::Currency::minimum_balance().max(1u32.into()).saturating_mul(n.into())
}

/// The `index`th account called `name`, funded for any holds a benchmark takes.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	let deposits = T::ProductDeposit::get()
		.saturating_add(T::PolicyDeposit::get())
		.saturating_add(T::ClaimDeposit::get())
		.saturating_mul(100u32.into());
	T::Currency::set_balance(&who, amount::<T>(100_000_000).saturating_add(deposits));
	who
}

fn governance<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

fn longest_name<T: Config>() -> NameOf<T> {
	vec![b'n'; T::MaxNameLength::get() as usize].try_into().expect("sized to the bound")
}

/// Terms with every charge set, the longest period.
fn terms<T: Config>() -> ProductTermsOf<T> {
	ProductTerms {
		base_premium: amount::<T>(100),
		rate_per_km: amount::<T>(1),
		surcharges: RiskSurcharges {
			harsh_braking: amount::<T>(1),
			speeding: amount::<T>(1),
			night_km: amount::<T>(1),
		},
		period_length: T::MaxPeriodLength::get(),
		deductible: amount::<T>(10),
		max_cover: amount::<T>(10_000),
		terms_hash: [1; 32],
	}
}

/// An approved insurer with the longest name and a pool for many policies.
fn insurer<T: Config>() -> T::AccountId {
	let insurer = funded::<T>("insurer", 0);
	Pallet::<T>::do_approve_insurer(insurer.clone(), longest_name::<T>()).expect("a new insurer");
	Pallet::<T>::do_fund_pool(insurer.clone(), amount::<T>(1_000_000)).expect("funded");
	insurer
}

fn product<T: Config>(insurer: &T::AccountId) -> ProductId {
	Pallet::<T>::do_create_product(insurer.clone(), terms::<T>()).expect("an active insurer")
}

/// Everything around an active policy.
struct Insured<T: Config> {
	insurer: T::AccountId,
	product: ProductId,
	vehicle: VehicleId,
	holder: T::AccountId,
	device: T::AccountId,
	policy: PolicyId,
}

/// A policy bought now with `prepayment`, on a product of its own.
fn insured<T: Config>(prepayment: BalanceOf<T>) -> Insured<T> {
	let insurer = insurer::<T>();
	let product = product::<T>(&insurer);
	let holder = funded::<T>("holder", 0);
	let device: T::AccountId = account("device", 0, 0);
	let vehicle = T::BenchmarkHelper::create_vehicle(&holder, &device);
	let policy = Pallet::<T>::do_buy_policy(holder.clone(), vehicle, product, prepayment)
		.expect("an insurable vehicle");
	Insured { insurer, product, vehicle, holder, device, policy }
}

/// A policy bought now with `prepayment` by an operator of the owner's vehicle, on a product
/// of its own: the holder's right is looked up, not just the owner compared.
fn operators<T: Config>(prepayment: BalanceOf<T>) -> Insured<T> {
	let insurer = insurer::<T>();
	let product = product::<T>(&insurer);
	let owner = funded::<T>("owner", 0);
	let device: T::AccountId = account("device", 0, 0);
	let vehicle = T::BenchmarkHelper::create_vehicle(&owner, &device);
	let holder = funded::<T>("operator", 0);
	T::BenchmarkHelper::grant_operator(vehicle, &holder);
	let policy = Pallet::<T>::do_buy_policy(holder.clone(), vehicle, product, prepayment)
		.expect("an operator insures the vehicle");
	Insured { insurer, product, vehicle, holder, device, policy }
}

/// The device reports a baseline, then risk events: the running period has usage to bill.
fn with_usage<T: Config>(insured: &Insured<T>) {
	let events = RiskEvents { harsh_braking: 1, speeding: 1, night_km: 1 };
	Pallet::<T>::do_report_usage(insured.device.clone(), 1_000, RiskEvents::default())
		.expect("a bound device");
	Pallet::<T>::do_report_usage(insured.device.clone(), 1_000, events).expect("a bound device");
}

/// The policy's period is over.
fn past_period<T: Config>(policy: PolicyId) -> BlockNumberFor<T> {
	let due = Policies::<T>::get(policy).expect("bought").period_end.saturating_add(One::one());
	frame_system::Pallet::<T>::set_block_number(due);
	due
}

/// The most expensive settlement: the prepayment covers only the base premium, so the
/// policy lapses; its product is retired, so its deposit is released as well.
fn lapsing<T: Config>() -> Insured<T> {
	let insured = insured::<T>(amount::<T>(100));
	with_usage(&insured);
	Pallet::<T>::do_retire_product(insured.insurer.clone(), insured.product).expect("its insurer");
	insured
}

fn filed<T: Config>(insured: &Insured<T>) -> ClaimId {
	Pallet::<T>::do_file_claim(insured.holder.clone(), insured.policy, amount::<T>(500), [2; 32])
		.expect("the holder files")
}

fn rejected<T: Config>(insured: &Insured<T>) -> ClaimId {
	let claim = filed::<T>(insured);
	Pallet::<T>::do_reject_claim(insured.insurer.clone(), claim, RejectionReason::Other)
		.expect("a filed claim");
	claim
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn approve_insurer() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let insurer: T::AccountId = account("insurer", 0, 0);
		let name = longest_name::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, insurer.clone(), name.clone());

		assert_last_event::<T>(Event::InsurerApproved { insurer, name });
		Ok(())
	}

	#[benchmark]
	fn suspend_insurer() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let insurer = insurer::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, insurer.clone());

		assert_last_event::<T>(Event::InsurerSuspended { insurer });
		Ok(())
	}

	#[benchmark]
	fn reinstate_insurer() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let insurer = insurer::<T>();
		Pallet::<T>::do_set_suspended(insurer.clone(), true).expect("an active insurer");

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, insurer.clone());

		assert_last_event::<T>(Event::InsurerReinstated { insurer });
		Ok(())
	}

	#[benchmark]
	fn create_product() {
		let insurer = insurer::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(insurer.clone()), terms::<T>());

		let product = NextProductId::<T>::get().saturating_sub(1);
		assert_last_event::<T>(Event::ProductCreated { product, insurer });
	}

	// Worst case: no open policy, so the deposit is released.
	#[benchmark]
	fn retire_product() {
		let insurer = insurer::<T>();
		let product = product::<T>(&insurer);

		#[extrinsic_call]
		_(RawOrigin::Signed(insurer.clone()), product);

		assert_last_event::<T>(Event::ProductRetired { product });
	}

	#[benchmark]
	fn fund_pool() {
		let insurer = insurer::<T>();
		let amount = amount::<T>(1_000);
		let held = Pallet::<T>::pool_held(&insurer).saturating_add(amount);

		#[extrinsic_call]
		_(RawOrigin::Signed(insurer.clone()), amount);

		assert_last_event::<T>(Event::PoolFunded { insurer, amount, held });
	}

	// Worst case: open cover and an undecided claim make up the requirement.
	#[benchmark]
	fn withdraw_pool() {
		let insured = insured::<T>(amount::<T>(1_000));
		filed::<T>(&insured);
		let amount = amount::<T>(1_000);
		let held = Pallet::<T>::pool_held(&insured.insurer).saturating_sub(amount);

		#[extrinsic_call]
		_(RawOrigin::Signed(insured.insurer.clone()), amount);

		assert_last_event::<T>(Event::PoolWithdrawn { insurer: insured.insurer, amount, held });
	}

	#[benchmark]
	fn buy_policy() {
		let insurer = insurer::<T>();
		let product = product::<T>(&insurer);
		let holder = funded::<T>("holder", 0);
		let device: T::AccountId = account("device", 0, 0);
		let vehicle = T::BenchmarkHelper::create_vehicle(&holder, &device);
		let prepayment = amount::<T>(1_000);

		#[extrinsic_call]
		_(RawOrigin::Signed(holder.clone()), vehicle, product, prepayment);

		let policy = NextPolicyId::<T>::get().saturating_sub(1);
		let period_end = Policies::<T>::get(policy).expect("bought").period_end;
		assert_last_event::<T>(Event::PolicyBought {
			policy,
			vehicle,
			product,
			holder,
			prepaid: prepayment,
			period_end,
		});
	}

	#[benchmark]
	fn top_up() {
		let insured = insured::<T>(amount::<T>(1_000));
		let added = amount::<T>(500);

		#[extrinsic_call]
		_(RawOrigin::Signed(insured.holder.clone()), insured.policy, added);

		assert_last_event::<T>(Event::PolicyToppedUp {
			policy: insured.policy,
			amount: added,
			prepaid: amount::<T>(1_500),
		});
	}

	// Worst case: usage to charge, a refund, and the retired product's deposit released.
	#[benchmark]
	fn cancel_policy() {
		let insured = lapsing::<T>();
		Pallet::<T>::do_top_up(insured.holder.clone(), insured.policy, amount::<T>(1_000))
			.expect("an active policy");

		#[extrinsic_call]
		_(RawOrigin::Signed(insured.holder.clone()), insured.policy);

		let policy = Policies::<T>::get(insured.policy).expect("kept for claims");
		assert!(matches!(policy.status, PolicyStatus::Ended { reason: EndReason::Cancelled, .. }));
	}

	// The hot path: the owner's policy (its holder is not looked up) and a consistent reading,
	// with a baseline, so the distance is billed. The measurement includes the runtime's
	// odometer history recording the reading.
	#[benchmark]
	fn report_usage() {
		let insured = insured::<T>(amount::<T>(1_000));
		with_usage(&insured);
		let events = RiskEvents { harsh_braking: 1, speeding: 1, night_km: 1 };

		#[extrinsic_call]
		_(RawOrigin::Signed(insured.device.clone()), 1_001, events);

		let usage = Policies::<T>::get(insured.policy).expect("bought").usage;
		assert_eq!(usage.events, RiskEvents { harsh_braking: 2, speeding: 2, night_km: 2 });
		assert_eq!(usage.km, 1);
	}

	// The worst case, which `report_usage` declares: an operator's policy (its right is looked
	// up) and a rolled-back reading (the odometer history writes its evidence).
	#[benchmark]
	fn report_usage_by_operator_flagged() {
		let insured = operators::<T>(amount::<T>(1_000));
		with_usage(&insured);
		let events = RiskEvents { harsh_braking: 1, speeding: 1, night_km: 1 };

		#[extrinsic_call]
		report_usage(RawOrigin::Signed(insured.device.clone()), 500, events);

		let usage = Policies::<T>::get(insured.policy).expect("bought").usage;
		assert_eq!(usage.events, RiskEvents { harsh_braking: 2, speeding: 2, night_km: 2 });
		assert_eq!(usage.km, 0);
	}

	// Worst case: the policy lapses and its retired product's deposit is released.
	#[benchmark]
	fn settle() {
		let insured = lapsing::<T>();
		past_period::<T>(insured.policy);
		let caller = funded::<T>("caller", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), insured.policy);

		let policy = Policies::<T>::get(insured.policy).expect("kept for claims");
		assert!(matches!(policy.status, PolicyStatus::Ended { reason: EndReason::Lapsed, .. }));
	}

	#[benchmark]
	fn file_claim() {
		let insured = insured::<T>(amount::<T>(1_000));
		let amount = amount::<T>(500);

		#[extrinsic_call]
		_(RawOrigin::Signed(insured.holder.clone()), insured.policy, amount, [2; 32]);

		let claim = NextClaimId::<T>::get().saturating_sub(1);
		assert_last_event::<T>(Event::ClaimFiled { claim, policy: insured.policy, amount });
	}

	#[benchmark]
	fn approve_claim() {
		let insured = insured::<T>(amount::<T>(1_000));
		let claim = filed::<T>(&insured);

		#[extrinsic_call]
		_(RawOrigin::Signed(insured.insurer.clone()), claim);

		assert_last_event::<T>(Event::ClaimApproved { claim, payout: amount::<T>(490) });
	}

	#[benchmark]
	fn reject_claim() {
		let insured = insured::<T>(amount::<T>(1_000));
		let claim = filed::<T>(&insured);
		let reason = RejectionReason::InsufficientEvidence;

		#[extrinsic_call]
		_(RawOrigin::Signed(insured.insurer.clone()), claim, reason);

		assert_last_event::<T>(Event::ClaimRejected { claim, reason });
	}

	// Worst case: a rejected claim, whose reserve is taken again.
	#[benchmark]
	fn escalate_claim() {
		let insured = insured::<T>(amount::<T>(1_000));
		let claim = rejected::<T>(&insured);

		#[extrinsic_call]
		_(RawOrigin::Signed(insured.holder.clone()), claim);

		assert_last_event::<T>(Event::ClaimEscalated { claim });
	}

	// Worst case: approved, so the pool pays.
	#[benchmark]
	fn decide_claim() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let insured = insured::<T>(amount::<T>(1_000));
		let claim = rejected::<T>(&insured);
		Pallet::<T>::do_escalate_claim(insured.holder.clone(), claim).expect("within the window");

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, claim, true);

		assert_last_event::<T>(Event::ClaimDecided {
			claim,
			approved: true,
			payout: amount::<T>(490),
		});
		Ok(())
	}

	#[benchmark]
	fn close_claim() {
		let insured = insured::<T>(amount::<T>(1_000));
		let claim = rejected::<T>(&insured);
		let now = frame_system::Pallet::<T>::block_number();
		frame_system::Pallet::<T>::set_block_number(
			now.saturating_add(T::EscalationWindow::get()).saturating_add(One::one()),
		);
		let caller = funded::<T>("caller", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), claim);

		assert_last_event::<T>(Event::ClaimClosed { claim });
	}

	#[benchmark]
	fn close_policy() {
		let insured = insured::<T>(amount::<T>(1_000));
		Pallet::<T>::do_cancel_policy(insured.holder.clone(), insured.policy)
			.expect("an active policy");
		let now = frame_system::Pallet::<T>::block_number();
		frame_system::Pallet::<T>::set_block_number(now.saturating_add(T::ClaimWindow::get()));
		let caller = funded::<T>("caller", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), insured.policy);

		assert_last_event::<T>(Event::PolicyClosed { policy: insured.policy });
	}

	// One step of `on_idle` settling a due policy, in the most expensive settlement (see
	// `settle`).
	#[benchmark]
	fn on_idle_settle() {
		let insured = lapsing::<T>();
		let due = past_period::<T>(insured.policy);
		SettlementCursor::<T>::put(due);
		let used;

		#[block]
		{
			used = Pallet::<T>::settle_due(due, T::WeightInfo::on_idle_settle());
		}

		assert_eq!(used, T::WeightInfo::on_idle_settle());
		assert_eq!(ActivePolicy::<T>::get(insured.vehicle), None);
	}

	// One step of `on_idle` finding nothing due at its cursor and moving it on.
	#[benchmark]
	fn on_idle_empty_step() {
		let now = frame_system::Pallet::<T>::block_number();
		SettlementCursor::<T>::put(now);
		let step = T::WeightInfo::on_idle_settle().max(T::WeightInfo::on_idle_empty_step());
		let used;

		#[block]
		{
			used = Pallet::<T>::settle_due(now, step);
		}

		assert_eq!(used, T::WeightInfo::on_idle_empty_step());
		assert_eq!(SettlementCursor::<T>::get(), now.saturating_add(One::one()));
	}

	// A sale, theft report or scrapping ends the vehicle's policy (the identity pallet calls
	// this through its hooks). Worst case: usage to charge, a refund, and the retired
	// product's deposit released.
	#[benchmark]
	fn end_policy_on_vehicle_event() {
		let insured = lapsing::<T>();
		Pallet::<T>::do_top_up(insured.holder.clone(), insured.policy, amount::<T>(1_000))
			.expect("an active policy");

		#[block]
		{
			Pallet::<T>::end_policy_on_vehicle_event(insured.vehicle, EndReason::VehicleSold);
		}

		assert_eq!(ActivePolicy::<T>::get(insured.vehicle), None);
		let product_deposit =
			T::Currency::balance_on_hold(&HoldReason::Product.into(), &insured.insurer);
		assert_eq!(product_deposit, Zero::zero());
	}

	// Anyone ends an operator's policy after the owner revoked the right. Worst case: the
	// holder is an operator (its right is looked up), usage to charge, a refund, and the
	// retired product's deposit released. (A period that already ended is settled instead:
	// the call's weight is the larger of this and `settle`.)
	#[benchmark]
	fn end_holder_left() {
		let insured = operators::<T>(amount::<T>(1_100));
		with_usage(&insured);
		Pallet::<T>::do_retire_product(insured.insurer.clone(), insured.product)
			.expect("its insurer");
		T::BenchmarkHelper::revoke_operator(insured.vehicle, &insured.holder);
		let caller = funded::<T>("caller", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), insured.policy);

		let ended = Policies::<T>::get(insured.policy).expect("kept for claims");
		assert!(matches!(ended.status, PolicyStatus::Ended { reason: EndReason::HolderLeft, .. }));
		assert_eq!(ActivePolicy::<T>::get(insured.vehicle), None);
		let product_deposit =
			T::Currency::balance_on_hold(&HoldReason::Product.into(), &insured.insurer);
		assert_eq!(product_deposit, Zero::zero());
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
