//! Benchmarks of every call and hook, each in its worst case.
//!
//! Every lease here runs `MaxPeriods` periods of `MinPeriodLength` blocks, the least grace
//! and notice, so its whole life fits in a few blocks; its vehicle is driven once, beyond the
//! included km, right after acceptance. Leases, vehicles and accounts are new ones: the
//! runtime's genesis may have its own.

use super::*;
use alloc::vec::Vec;
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::{
		traits::{
			fungible::{Inspect, InspectHold, Mutate},
			EnsureOrigin, Get, Hooks,
		},
		BoundedVec,
	},
	frame_system::{pallet_prelude::BlockNumberFor, RawOrigin},
	sp_runtime::traits::{Saturating, Zero},
};
use v2x_primitives::{
	OdometerLog, OnOwnershipTransferred, OnVehicleStatusChanged, VehicleControl, VehicleRegistry,
	VehicleStatus,
};

/// The odometer of a benchmark vehicle when it is registered.
const START_KM: Km = 10_000;
/// The km a period includes.
const INCLUDED_KM: Km = 100;
/// The km a benchmark vehicle is driven once its lease started: beyond the included km, and
/// within one day's credit of the runtime's odometer history (so the reading is accepted).
const DRIVEN_KM: Km = 1_000;

fn assert_last_event<T: Config>(event: Event<T>) {
	let event: <T as Config>::RuntimeEvent = event.into();
	frame_system::Pallet::<T>::assert_last_event(event.into());
}

fn assert_has_event<T: Config>(event: Event<T>) {
	let event: <T as Config>::RuntimeEvent = event.into();
	frame_system::Pallet::<T>::assert_has_event(event.into());
}

/// A unit of money in the benchmarks: 1 000 existential deposits.
fn unit<T: Config>() -> BalanceOf<T> {
	T::Currency::minimum_balance().saturating_mul(1_000u32.into())
}

/// Gives `who` enough for deposits and for every charge of a lease (keeping more if it has
/// more: the runtime's helper funds lenders and owners).
fn fund<T: Config>(who: &T::AccountId) {
	let amount = unit::<T>()
		.saturating_mul(T::MaxPeriods::get().saturating_mul(4).saturating_add(100).into())
		.saturating_add(T::LeaseDeposit::get());
	T::Currency::set_balance(who, T::Currency::balance(who).max(amount));
}

fn now<T: Config>() -> BlockNumberFor<T> {
	frame_system::Pallet::<T>::block_number()
}

fn run_to<T: Config>(block: BlockNumberFor<T>) {
	frame_system::Pallet::<T>::set_block_number(block);
}

/// The longest lease of the shortest periods: each period's base fee is a unit and every km
/// beyond `INCLUDED_KM` costs an existential deposit; the purchase price is a unit.
fn terms<T: Config>() -> LeaseTermsOf<T> {
	LeaseTerms {
		base_fee: unit::<T>(),
		price_per_km: T::Currency::minimum_balance(),
		included_km: INCLUDED_KM,
		period_length: T::MinPeriodLength::get(),
		periods: T::MaxPeriods::get(),
		grace: Zero::zero(),
		notice: T::MinNoticePeriod::get(),
		purchase_price: unit::<T>(),
	}
}

/// A lessor (a funded approved lender) with a new vehicle, and a funded lessee.
struct Parties<T: Config> {
	lessor: T::AccountId,
	lessee: T::AccountId,
	vehicle: VehicleId,
}

fn parties<T: Config>() -> Parties<T> {
	let lessor: T::AccountId = account("lessor", 0, 0);
	T::BenchmarkHelper::approve_lender(&lessor);
	fund::<T>(&lessor);
	let lessee: T::AccountId = account("lessee", 0, 0);
	fund::<T>(&lessee);
	let vehicle = T::BenchmarkHelper::create_vehicle(&lessor, START_KM);
	Parties { lessor, lessee, vehicle }
}

/// The lessor's offer to the lessee, open as long as offers may be.
fn offered<T: Config>(p: &Parties<T>) -> LeaseId {
	let expires_at = now::<T>().saturating_add(T::MaxOfferDuration::get());
	Pallet::<T>::do_offer_lease(
		p.lessor.clone(),
		p.vehicle,
		p.lessee.clone(),
		terms::<T>(),
		expires_at,
	)
	.expect("the lessor may offer its new vehicle")
}

/// The offer accepted now, and the vehicle driven `DRIVEN_KM`.
fn running<T: Config>(p: &Parties<T>) -> LeaseId {
	let id = offered::<T>(p);
	Pallet::<T>::do_accept_lease(p.lessee.clone(), id).expect("the lessee accepts in time");
	T::BenchmarkHelper::drive_to(p.vehicle, START_KM.saturating_add(DRIVEN_KM));
	id
}

fn lease_of<T: Config>(id: LeaseId) -> Lease<T> {
	Leases::<T>::get(id).expect("the lease exists")
}

/// The lease `id` as it will be once settled at `at` with the vehicle's current odometer.
fn settled_at<T: Config>(id: LeaseId, at: BlockNumberFor<T>) -> Lease<T> {
	let mut lease = lease_of::<T>(id);
	let km = T::Odometer::current_km(lease.vehicle);
	Pallet::<T>::advance(&mut lease, at, km).expect("the benchmark's charges fit");
	lease
}

/// The lessee prepays now (nothing is due yet) what the lease will owe at `at`, and `extra`.
fn prepay_until<T: Config>(
	p: &Parties<T>,
	id: LeaseId,
	at: BlockNumberFor<T>,
	extra: BalanceOf<T>,
) {
	let amount = settled_at::<T>(id, at).arrears_total().saturating_add(extra);
	Pallet::<T>::do_pay(p.lessee.clone(), id, amount).expect("the lessee can prepay");
}

/// The first block a default of the unpaid lease `id` is allowed in.
fn default_allowed_from<T: Config>(id: LeaseId) -> BlockNumberFor<T> {
	let lease = lease_of::<T>(id);
	lease
		.due(1)
		.saturating_add(lease.terms.grace)
		.saturating_add(lease.terms.notice)
		.saturating_add(1u32.into())
}

/// A running lease nothing was paid on, whose default the holder requested at the first
/// block it may and `on_finalize` confirmed.
fn defaulted<T: Config>(p: &Parties<T>) -> LeaseId {
	let id = running::<T>(p);
	let at = default_allowed_from::<T>(id);
	run_to::<T>(at);
	Pallet::<T>::do_mark_default(p.lessor.clone(), id).expect("the default is allowed");
	<Pallet<T> as Hooks<BlockNumberFor<T>>>::on_finalize(at);
	assert!(matches!(lease_of::<T>(id).state, LeaseState::Defaulted { .. }));
	id
}

/// What `who` has on hold for `reason`.
fn held<T: Config>(reason: HoldReason, who: &T::AccountId) -> BalanceOf<T> {
	T::Currency::balance_on_hold(&reason.into(), who)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn offer_lease() {
		let p = parties::<T>();
		let id = NextLeaseId::<T>::get();
		let expires_at = now::<T>().saturating_add(T::MaxOfferDuration::get());

		#[extrinsic_call]
		_(
			RawOrigin::Signed(p.lessor.clone()),
			p.vehicle,
			p.lessee.clone(),
			terms::<T>(),
			expires_at,
		);

		assert_last_event::<T>(Event::LeaseOffered {
			lease: id,
			vehicle: p.vehicle,
			lessor: p.lessor.clone(),
			lessee: p.lessee,
			terms: terms::<T>(),
			expires_at,
		});
		assert_eq!(held::<T>(HoldReason::Deposit, &p.lessor), T::LeaseDeposit::get());
	}

	#[benchmark]
	fn withdraw_offer() {
		let p = parties::<T>();
		let id = offered::<T>(&p);

		#[extrinsic_call]
		_(RawOrigin::Signed(p.lessor.clone()), id);

		assert_last_event::<T>(Event::LeaseOfferWithdrawn { lease: id });
		assert!(!Leases::<T>::contains_key(id));
		assert!(held::<T>(HoldReason::Deposit, &p.lessor).is_zero());
	}

	#[benchmark]
	fn accept_lease() {
		let p = parties::<T>();
		let id = offered::<T>(&p);
		let start = now::<T>();
		let duration = T::MinPeriodLength::get().saturating_mul(T::MaxPeriods::get().into());

		#[extrinsic_call]
		_(RawOrigin::Signed(p.lessee.clone()), id);

		assert_last_event::<T>(Event::LeaseStarted {
			lease: id,
			vehicle: p.vehicle,
			lessee: p.lessee,
			holder: p.lessor.clone(),
			start,
			end: start.saturating_add(duration),
			odometer_km: START_KM,
		});
		assert_eq!(T::Vehicles::lien_holder(p.vehicle), Some(p.lessor));
	}

	/// A defaulted lease paid at its end: the payment's settlement closes every period but
	/// those of the default, `MaxPeriods` instalments are paid off, the rest of the payment is
	/// held ahead, the default is cured and the lease completes (lien, prepayment and deposit
	/// released).
	#[benchmark]
	fn pay() {
		let p = parties::<T>();
		let id = defaulted::<T>(&p);
		let end = lease_of::<T>(id).end();
		run_to::<T>(end);
		let settled = settled_at::<T>(id, end);
		assert_eq!(settled.arrears.len() as u32, T::MaxPeriods::get());
		let owed = settled.arrears_total();
		let amount = owed.saturating_add(unit::<T>());

		#[extrinsic_call]
		_(RawOrigin::Signed(p.lessee.clone()), id, amount);

		assert_has_event::<T>(Event::PaymentMade {
			lease: id,
			to_holder: owed,
			prepaid: unit::<T>(),
		});
		assert_has_event::<T>(Event::ImmobilisationRevoked { lease: id, vehicle: p.vehicle });
		assert_last_event::<T>(Event::LeaseCompleted { lease: id, vehicle: p.vehicle });
		assert!(!Leases::<T>::contains_key(id));
		assert_eq!(T::Vehicles::lien_holder(p.vehicle), None);
		assert!(held::<T>(HoldReason::Prepayment, &p.lessee).is_zero());
	}

	/// At the lease's end with everything prepaid: the settlement closes all `MaxPeriods`
	/// periods at once, the prepayment pays them and the lease completes, releasing the rest
	/// of the prepayment with the lien and the deposit. That is more than the withdrawal
	/// alone (a release and a write) does.
	#[benchmark]
	fn withdraw_prepayment() {
		let p = parties::<T>();
		let id = running::<T>(&p);
		let end = lease_of::<T>(id).end();
		prepay_until::<T>(&p, id, end, unit::<T>());
		run_to::<T>(end);

		#[extrinsic_call]
		_(RawOrigin::Signed(p.lessee.clone()), id, unit::<T>());

		assert_last_event::<T>(Event::LeaseCompleted { lease: id, vehicle: p.vehicle });
		assert!(!Leases::<T>::contains_key(id));
		assert!(held::<T>(HoldReason::Prepayment, &p.lessee).is_zero());
	}

	/// At the lease's end with everything prepaid: all `MaxPeriods` periods close at once,
	/// the prepayment is drawn onto them and the lease completes.
	#[benchmark]
	fn settle() {
		let p = parties::<T>();
		let id = running::<T>(&p);
		let end = lease_of::<T>(id).end();
		prepay_until::<T>(&p, id, end, unit::<T>());
		let drawn = lease_of::<T>(id).prepaid.saturating_sub(unit::<T>());
		let first_due = lease_of::<T>(id).due(1);
		run_to::<T>(end);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id);

		// The first period has every km driven, the last none: both closed in this call.
		assert_has_event::<T>(Event::PeriodSettled {
			lease: id,
			period: 1,
			km: DRIVEN_KM,
			amount: terms::<T>().charge(DRIVEN_KM, INCLUDED_KM).expect("the charge fits"),
			due: first_due,
		});
		assert_has_event::<T>(Event::PeriodSettled {
			lease: id,
			period: T::MaxPeriods::get(),
			km: 0,
			amount: unit::<T>(),
			due: end,
		});
		assert_has_event::<T>(Event::PrepaymentDrawn { lease: id, amount: drawn });
		assert_last_event::<T>(Event::LeaseCompleted { lease: id, vehicle: p.vehicle });
		assert!(!Leases::<T>::contains_key(id));
	}

	/// At the lease's end with a base fee prepaid: the settlement closes all `MaxPeriods`
	/// periods and draws the prepayment onto the first, which stays overdue; the request
	/// joins `MaxDefaultChecksPerBlock - 1` others of the block.
	#[benchmark]
	fn mark_default() {
		let p = parties::<T>();
		let id = running::<T>(&p);
		Pallet::<T>::do_pay(p.lessee.clone(), id, unit::<T>()).expect("the lessee can prepay");
		let at = lease_of::<T>(id).end().max(default_allowed_from::<T>(id));
		run_to::<T>(at);
		// Ids no lease has: the request only reads and extends the list.
		let others: Vec<LeaseId> = (1..T::MaxDefaultChecksPerBlock::get())
			.map(|i| LeaseId::MAX.saturating_sub(i.into()))
			.collect();
		let others: BoundedVec<_, _> = others.try_into().expect("below the bound");
		DefaultChecks::<T>::put(others);

		#[extrinsic_call]
		_(RawOrigin::Signed(p.lessor), id);

		assert_last_event::<T>(Event::DefaultRequested { lease: id });
		assert_has_event::<T>(Event::PrepaymentDrawn { lease: id, amount: unit::<T>() });
		let checks = DefaultChecks::<T>::get();
		assert_eq!(checks.len() as u32, T::MaxDefaultChecksPerBlock::get());
		assert!(checks.contains(&id));
		assert_eq!(lease_of::<T>(id).arrears.len() as u32, T::MaxPeriods::get());
	}

	/// `on_finalize`'s work for one requested default: the lease (with `MaxPeriods` unpaid
	/// instalments) is settled again and its default confirmed.
	#[benchmark]
	fn confirm_default() {
		let p = parties::<T>();
		let id = running::<T>(&p);
		let at = lease_of::<T>(id).end().max(default_allowed_from::<T>(id));
		run_to::<T>(at);
		Pallet::<T>::do_mark_default(p.lessor.clone(), id).expect("the default is allowed");
		let overdue = lease_of::<T>(id).arrears_total();

		#[block]
		{
			<Pallet<T> as Hooks<BlockNumberFor<T>>>::on_finalize(at);
		}

		assert_last_event::<T>(Event::ImmobilisationAuthorised {
			lease: id,
			vehicle: p.vehicle,
			holder: p.lessor,
			overdue,
		});
		assert_eq!(lease_of::<T>(id).state, LeaseState::Defaulted { since: at });
		assert!(DefaultChecks::<T>::get().is_empty());
	}

	/// A defaulted lease at its end: the settlement closes every period but those of the
	/// default, and `MaxPeriods` instalments are written off; the lien and the lessee's
	/// operator right end.
	#[benchmark]
	fn write_off() {
		let p = parties::<T>();
		let id = defaulted::<T>(&p);
		let end = lease_of::<T>(id).end();
		run_to::<T>(end);
		let written_off = settled_at::<T>(id, end).outstanding();

		#[extrinsic_call]
		_(RawOrigin::Signed(p.lessor), id);

		assert_last_event::<T>(Event::LeaseWrittenOff {
			lease: id,
			vehicle: p.vehicle,
			written_off,
		});
		assert!(!Leases::<T>::contains_key(id));
		assert_eq!(T::Vehicles::lien_holder(p.vehicle), None);
	}

	/// In the last period, with a prepayment for all the earlier ones and a base fee more: the
	/// settlement closes `MaxPeriods - 1` periods and draws the prepayment onto them; the
	/// payoff is paid from the rest of the prepayment and from the lessee's balance; the lien
	/// is released and the consent sale moves the vehicle to the lessee.
	#[benchmark]
	fn buy_out() {
		let p = parties::<T>();
		let id = running::<T>(&p);
		let at = lease_of::<T>(id).end().saturating_sub(1u32.into());
		prepay_until::<T>(&p, id, at, unit::<T>());
		run_to::<T>(at);
		let settled = settled_at::<T>(id, at);
		assert_eq!(settled.periods_settled, T::MaxPeriods::get().saturating_sub(1));
		assert!(!settled.prepaid.is_zero());
		let payoff = Pallet::<T>::payoff(&settled, at, T::Odometer::current_km(p.vehicle))
			.expect("the benchmark's payoff fits");
		assert!(payoff > settled.prepaid);

		#[extrinsic_call]
		_(RawOrigin::Signed(p.lessee.clone()), id, payoff);

		assert_last_event::<T>(Event::LeaseBoughtOut {
			lease: id,
			vehicle: p.vehicle,
			lessee: p.lessee.clone(),
			paid: payoff,
		});
		assert_eq!(T::Vehicles::owner(p.vehicle), Some(p.lessee.clone()));
		assert_eq!(T::Vehicles::lien_holder(p.vehicle), None);
		assert!(held::<T>(HoldReason::Prepayment, &p.lessee).is_zero());
	}

	/// In the last period, with a prepayment for the earlier ones: the transfer's settlement
	/// closes `MaxPeriods - 1` periods and draws the prepayment for the old holder; the lien
	/// moves.
	#[benchmark]
	fn transfer_position() {
		let p = parties::<T>();
		let id = running::<T>(&p);
		let at = lease_of::<T>(id).end().saturating_sub(1u32.into());
		prepay_until::<T>(&p, id, at, unit::<T>());
		run_to::<T>(at);
		let financier: T::AccountId = account("financier", 0, 0);
		T::BenchmarkHelper::approve_lender(&financier);

		#[extrinsic_call]
		_(RawOrigin::Signed(p.lessor.clone()), id, financier.clone());

		assert_last_event::<T>(Event::PositionTransferred {
			lease: id,
			from: p.lessor,
			to: financier.clone(),
		});
		let lease = lease_of::<T>(id);
		assert_eq!(lease.holder, financier);
		assert_eq!(lease.periods_settled, T::MaxPeriods::get().saturating_sub(1));
		assert_eq!(T::Vehicles::lien_holder(p.vehicle), Some(financier));
	}

	/// A running lease with a prepayment, in its first period: the lien, the operator right,
	/// the due date, the prepayment and the deposit all end.
	#[benchmark]
	fn force_terminate() {
		let p = parties::<T>();
		let id = running::<T>(&p);
		Pallet::<T>::do_pay(p.lessee.clone(), id, unit::<T>()).expect("the lessee can prepay");
		let outstanding = lease_of::<T>(id).outstanding();
		let origin =
			T::GovernanceOrigin::try_successful_origin().expect("governance has an origin");

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);

		assert_last_event::<T>(Event::LeaseTerminated {
			lease: id,
			vehicle: p.vehicle,
			outstanding,
		});
		assert!(!Leases::<T>::contains_key(id));
		assert_eq!(T::Vehicles::lien_holder(p.vehicle), None);
		assert!(held::<T>(HoldReason::Prepayment, &p.lessee).is_zero());
		assert!(held::<T>(HoldReason::Deposit, &p.lessor).is_zero());
	}

	/// The vehicle's offer is voided.
	#[benchmark]
	fn on_ownership_transferred() {
		let p = parties::<T>();
		let id = offered::<T>(&p);
		let buyer: T::AccountId = account("buyer", 0, 0);

		#[block]
		{
			<Pallet<T> as OnOwnershipTransferred<T::AccountId>>::on_ownership_transferred(
				p.vehicle, &p.lessor, &buyer,
			);
		}

		assert_last_event::<T>(Event::LeaseOfferVoided { lease: id, vehicle: p.vehicle });
		assert!(!Leases::<T>::contains_key(id));
	}

	/// Scrapping a vehicle with a running lease and a prepayment: the lease is terminated
	/// (the lien the benchmark's registry still shows is released too).
	#[benchmark]
	fn on_status_changed() {
		let p = parties::<T>();
		let id = running::<T>(&p);
		Pallet::<T>::do_pay(p.lessee.clone(), id, unit::<T>()).expect("the lessee can prepay");
		let outstanding = lease_of::<T>(id).outstanding();

		#[block]
		{
			<Pallet<T> as OnVehicleStatusChanged>::on_status_changed(
				p.vehicle,
				VehicleStatus::Scrapped,
			);
		}

		assert_last_event::<T>(Event::LeaseTerminated {
			lease: id,
			vehicle: p.vehicle,
			outstanding,
		});
		assert!(!Leases::<T>::contains_key(id));
		assert!(held::<T>(HoldReason::Prepayment, &p.lessee).is_zero());
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
