//! Benchmarks of every call, each in its worst case.

use super::*;
use alloc::vec;
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::traits::{
		fungible::{Inspect, Mutate},
		EnsureOrigin, Get,
	},
	frame_system::RawOrigin,
	sp_runtime::traits::Saturating,
};
use v2x_primitives::{
	FlagReason, Km, OdometerLog, OdometerSource, ReadingVerdict, VehicleId, VehicleRegistry,
};

/// The reading a vehicle has before a benchmark rolls it back.
const LAST_KM: Km = 10_000;
/// A reading below `LAST_KM`: flagged, the most expensive verdict.
const ROLLBACK_KM: Km = 5_000;

fn assert_last_event<T: Config>(event: Event<T>) {
	let event: <T as Config>::RuntimeEvent = event.into();
	frame_system::Pallet::<T>::assert_last_event(event.into());
}

/// An account with enough funds for any number of deposits a benchmark takes.
fn funded<T: Config>(name: &'static str) -> T::AccountId {
	nth_funded::<T>(name, 0)
}

/// The `index`th account called `name`, funded like [`funded`].
fn nth_funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	let deposits = T::RecordDeposit::get()
		.saturating_add(T::WorkOrderDeposit::get())
		.saturating_add(T::AuthorisationDeposit::get());
	let amount =
		T::Currency::minimum_balance().saturating_add(deposits).saturating_mul(100u32.into());
	T::Currency::set_balance(&who, amount);
	who
}

fn longest_name<T: Config>() -> NameOf<T> {
	vec![b'n'; T::MaxNameLength::get() as usize].try_into().expect("sized to the bound")
}

fn most_certifications<T: Config>() -> CertificationsOf<T> {
	let certification: CertificationOf<T> =
		vec![b'c'; T::MaxCertificationLength::get() as usize].try_into().expect("sized");
	vec![certification; T::MaxCertifications::get() as usize].try_into().expect("sized")
}

fn longest_uri<T: Config>() -> UriOf<T> {
	vec![b'u'; T::MaxUriLength::get() as usize].try_into().expect("sized to the bound")
}

fn governance<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// An approved workshop with the longest profile.
fn workshop<T: Config>() -> T::AccountId {
	nth_workshop::<T>(0)
}

/// The `index`th approved workshop, with the longest profile.
fn nth_workshop<T: Config>(index: u32) -> T::AccountId {
	let workshop = nth_funded::<T>("workshop", index);
	Pallet::<T>::do_approve_workshop(
		workshop.clone(),
		longest_name::<T>(),
		most_certifications::<T>(),
	)
	.expect("a new workshop");
	workshop
}

/// A vehicle with an owner and a bound device, and the owner.
fn vehicle<T: Config>() -> (VehicleId, T::AccountId, T::AccountId) {
	let owner = funded::<T>("owner");
	let device: T::AccountId = account("device", 0, 0);
	let vehicle = T::BenchmarkHelper::create_vehicle(&owner, &device);
	(vehicle, owner, device)
}

/// The vehicle's manufacturer authorises `workshop` for its brand, so records look it up.
fn authorise<T: Config>(vehicle: VehicleId, workshop: &T::AccountId) {
	let manufacturer = T::Vehicles::manufacturer(vehicle).expect("the helper's vehicle");
	T::Currency::set_balance(
		&manufacturer,
		T::Currency::minimum_balance()
			.saturating_add(T::AuthorisationDeposit::get().saturating_mul(10u32.into())),
	);
	Pallet::<T>::do_authorise_workshop(
		manufacturer,
		workshop.clone(),
		T::AuthorisationDeposit::get(),
	)
	.expect("a manufacturer authorises an approved workshop");
}

/// The vehicle has an accepted reading of `LAST_KM`.
fn read<T: Config>(vehicle: VehicleId) {
	let verdict = Pallet::<T>::record_reading(vehicle, LAST_KM, OdometerSource::Charger);
	assert_eq!(verdict, Ok(ReadingVerdict::Consistent));
}

/// The vehicle's recent readings fill their ring (its odometer value is the largest it gets),
/// all accepted at `LAST_KM`.
fn full_history<T: Config>(vehicle: VehicleId) {
	for _ in 0..T::MaxRecentReadings::get() {
		read::<T>(vehicle);
	}
	let kept = Odometers::<T>::get(vehicle).map(|history| history.recent.len() as u32);
	assert_eq!(kept, Some(T::MaxRecentReadings::get()));
}

/// Fills the vehicle's operators to the registry's maximum; returns the last, funded one,
/// whom the registry finds after all the others.
fn last_operator<T: Config>(vehicle: VehicleId) -> T::AccountId {
	let operator = funded::<T>("operator");
	T::BenchmarkHelper::add_operators(vehicle, &operator);
	operator
}

/// `opener` (the owner or an operator) opens an order for `workshop`.
fn open_order<T: Config>(vehicle: VehicleId, opener: &T::AccountId, workshop: &T::AccountId) {
	let expires_at =
		frame_system::Pallet::<T>::block_number().saturating_add(T::MaxWorkOrderDuration::get());
	Pallet::<T>::do_open_work_order(opener.clone(), vehicle, workshop.clone(), expires_at)
		.expect("the owner or an operator opens an order");
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn approve_workshop() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let workshop: T::AccountId = account("workshop", 0, 0);
		let name = longest_name::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, workshop.clone(), name.clone(), most_certifications::<T>());

		assert_last_event::<T>(Event::WorkshopApproved { workshop, name });
		Ok(())
	}

	#[benchmark]
	fn update_workshop() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let workshop = workshop::<T>();
		let name = longest_name::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, workshop.clone(), name.clone(), most_certifications::<T>());

		assert_last_event::<T>(Event::WorkshopUpdated { workshop, name });
		Ok(())
	}

	#[benchmark]
	fn suspend_workshop() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let workshop = workshop::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, workshop.clone());

		assert_last_event::<T>(Event::WorkshopSuspended { workshop });
		Ok(())
	}

	#[benchmark]
	fn reinstate_workshop() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let workshop = workshop::<T>();
		Pallet::<T>::do_suspend_workshop(workshop.clone()).expect("an active workshop");

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, workshop.clone());

		assert_last_event::<T>(Event::WorkshopReinstated { workshop });
		Ok(())
	}

	#[benchmark]
	fn authorise_workshop() {
		let workshop = workshop::<T>();
		let (vehicle, ..) = vehicle::<T>();
		let manufacturer = T::Vehicles::manufacturer(vehicle).expect("the helper's vehicle");
		T::Currency::set_balance(
			&manufacturer,
			T::Currency::minimum_balance()
				.saturating_add(T::AuthorisationDeposit::get().saturating_mul(10u32.into())),
		);

		#[extrinsic_call]
		_(RawOrigin::Signed(manufacturer.clone()), workshop.clone());

		assert_last_event::<T>(Event::WorkshopAuthorised { manufacturer, workshop });
	}

	#[benchmark]
	fn revoke_workshop_authorisation() {
		let workshop = workshop::<T>();
		let (vehicle, ..) = vehicle::<T>();
		authorise::<T>(vehicle, &workshop);
		let manufacturer = T::Vehicles::manufacturer(vehicle).expect("the helper's vehicle");

		#[extrinsic_call]
		_(RawOrigin::Signed(manufacturer.clone()), workshop.clone());

		assert_last_event::<T>(Event::WorkshopAuthorisationRevoked { manufacturer, workshop });
	}

	// Worst case: opened by the last of the most operators the registry allows, whom it
	// finds after the owner and all the others.
	#[benchmark]
	fn open_work_order() {
		let workshop = workshop::<T>();
		let (vehicle, ..) = vehicle::<T>();
		let operator = last_operator::<T>(vehicle);
		let requested = frame_system::Pallet::<T>::block_number()
			.saturating_add(T::MaxWorkOrderDuration::get());
		let until = T::Vehicles::operating_right(vehicle, &operator)
			.expect("the helper granted a right")
			.until();
		let expires_at = until.map_or(requested, |until| requested.min(until));

		#[extrinsic_call]
		_(RawOrigin::Signed(operator.clone()), vehicle, workshop.clone(), requested);

		assert_last_event::<T>(Event::WorkOrderOpened {
			vehicle,
			workshop,
			opener: operator,
			expires_at,
		});
	}

	// Worst case: an unexpired order of the last of the most operators, cancelled by the
	// owner: the registry scans every operator to find the opener's right, then the owner.
	#[benchmark]
	fn cancel_work_order() {
		let workshop = workshop::<T>();
		let (vehicle, owner, _) = vehicle::<T>();
		let operator = last_operator::<T>(vehicle);
		open_order::<T>(vehicle, &operator, &workshop);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), vehicle, workshop.clone());

		assert_last_event::<T>(Event::WorkOrderCancelled { vehicle, workshop, by: owner });
	}

	// Worst case: under an order of the last of the most operators (the registry scans them
	// all), a brand-authorised workshop replaces the instrument cluster: the old cluster's
	// reading is judged twice (checked, then stored) and the new baseline stored; the longest
	// document URI.
	#[benchmark]
	fn add_record() {
		let workshop = workshop::<T>();
		let (vehicle, ..) = vehicle::<T>();
		authorise::<T>(vehicle, &workshop);
		read::<T>(vehicle);
		let operator = last_operator::<T>(vehicle);
		open_order::<T>(vehicle, &operator, &workshop);
		let kind = RecordKind::OdometerReplacement { old_km: LAST_KM.saturating_add(1), new_km: 0 };

		#[extrinsic_call]
		_(RawOrigin::Signed(workshop.clone()), vehicle, 0, kind, [7; 32], longest_uri::<T>());

		let record = NextRecordId::<T>::get().saturating_sub(1);
		assert_last_event::<T>(Event::RecordAdded {
			record,
			vehicle,
			workshop,
			kind,
			odometer_km: 0,
		});
		assert_eq!(Pallet::<T>::current_odometer(vehicle), Some(LAST_KM.saturating_add(1)));
	}

	// Worst case: under an order of the last of the most operators, a brand-authorised
	// workshop, the longest document URI.
	#[benchmark]
	fn correct_record() {
		let workshop = workshop::<T>();
		let (vehicle, owner, _) = vehicle::<T>();
		let operator = last_operator::<T>(vehicle);
		authorise::<T>(vehicle, &workshop);
		open_order::<T>(vehicle, &owner, &workshop);
		let corrects = Pallet::<T>::do_add_record(
			workshop.clone(),
			vehicle,
			LAST_KM,
			RecordKind::Repair,
			[1; 32],
			longest_uri::<T>(),
		)
		.expect("the workshop holds an order");
		open_order::<T>(vehicle, &operator, &workshop);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(workshop.clone()),
			corrects,
			LAST_KM,
			RecordKind::Maintenance,
			[2; 32],
			longest_uri::<T>(),
		);

		let record = corrects.saturating_add(1);
		assert_last_event::<T>(Event::RecordCorrected { record, corrects, vehicle, workshop });
	}

	// The hot path: a consistent reading (a device's usual report). Worst case within it: the
	// ring of recent readings is full, so the odometer value is at its largest.
	#[benchmark]
	fn report_odometer() {
		let (vehicle, _, device) = vehicle::<T>();
		full_history::<T>(vehicle);
		let km = LAST_KM.saturating_add(1);

		#[extrinsic_call]
		_(RawOrigin::Signed(device), vehicle, km);

		assert_last_event::<T>(Event::OdometerRecorded {
			vehicle,
			km,
			total_km: km,
			source: OdometerSource::Device,
		});
	}

	// The worst case, which `report_odometer` declares: a rollback, stored as evidence, with a
	// full ring of recent readings.
	#[benchmark]
	fn report_odometer_flagged() {
		let (vehicle, _, device) = vehicle::<T>();
		full_history::<T>(vehicle);

		#[extrinsic_call]
		report_odometer(RawOrigin::Signed(device), vehicle, ROLLBACK_KM);

		assert_last_event::<T>(Event::OdometerFlagged {
			vehicle,
			km: ROLLBACK_KM,
			source: OdometerSource::Device,
			reason: FlagReason::Rollback,
			last_accepted_km: LAST_KM,
			flags: 1,
		});
	}

	// `OdometerLog::record_reading`, as other pallets call it. Worst case: a rollback, with a
	// full ring of recent readings.
	#[benchmark]
	fn record_reading() {
		let (vehicle, ..) = vehicle::<T>();
		full_history::<T>(vehicle);
		let verdict;

		#[block]
		{
			verdict = Pallet::<T>::record_reading(vehicle, ROLLBACK_KM, OdometerSource::Charger);
		}

		assert_eq!(verdict, Ok(ReadingVerdict::Flagged(FlagReason::Rollback)));
	}

	// A sale, theft report or scrapping ends the vehicle's open orders (the identity pallet
	// calls this through its hooks). Worst case: `MaxOpenWorkOrders` of them.
	#[benchmark]
	fn end_work_orders(n: Linear<0, { T::MaxOpenWorkOrders::get() }>) {
		let (vehicle, owner, _) = vehicle::<T>();
		for index in 0..n {
			open_order::<T>(vehicle, &owner, &nth_workshop::<T>(index));
		}
		assert_eq!(OpenWorkOrders::<T>::get(vehicle), n);

		#[block]
		{
			Pallet::<T>::end_work_orders(vehicle);
		}

		assert_eq!(OpenWorkOrders::<T>::get(vehicle), 0);
		assert_eq!(WorkOrders::<T>::iter_prefix(vehicle).count(), 0);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
