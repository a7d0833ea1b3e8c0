//! Benchmarks of every call, each in its worst case: the most tariff elements (each with its
//! own time window, so a session is cut into the most segments), the largest member list.

use super::*;
use alloc::vec::Vec;
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::traits::{
		fungible::{Inspect, Mutate},
		EnsureOrigin, Get,
	},
	frame_system::{self, RawOrigin},
	sp_runtime::traits::Saturating,
};
use v2x_primitives::VehicleId;

fn assert_last_event<T: Config>(event: Event<T>) {
	let event: <T as Config>::RuntimeEvent = event.into();
	frame_system::Pallet::<T>::assert_last_event(event.into());
}

/// An account with enough funds for any deposit or escrow a benchmark takes.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	let amount = T::Currency::minimum_balance().saturating_mul(1_000_000_000u32.into());
	T::Currency::set_balance(&who, amount);
	who
}

fn governance<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// `count` elements, each pricing every dimension in its own 20-minute window, the last one
/// without restrictions.
fn elements<T: Config>(count: u32) -> ElementsOf<T> {
	let price = |p: u32| Some(BalanceOf::<T>::from(p));
	(0..count)
		.map(|i| {
			let start = (i.saturating_mul(45) % 1_400) as u16;
			let last = i.saturating_add(1) == count;
			TariffElement {
				prices: PriceComponents {
					energy_per_kwh: price(300u32.saturating_add(i)),
					time_per_hour: price(60),
					parking_per_hour: price(120),
					flat: price(50),
				},
				restrictions: if last {
					TariffRestrictions::default()
				} else {
					TariffRestrictions {
						start_minute: Some(start),
						end_minute: Some(start.saturating_add(20)),
						..Default::default()
					}
				},
			}
		})
		.collect::<Vec<_>>()
		.try_into()
		.unwrap_or_default()
}

fn longest_geohash<T: Config>() -> GeohashOf<T> {
	alloc::vec![b'u'; T::MaxGeohashLength::get() as usize].try_into().unwrap_or_default()
}

fn tariff<T: Config>(owner: &T::AccountId, count: u32) -> TariffId {
	Pallet::<T>::do_create_tariff(owner.clone(), elements::<T>(count), T::TariffDeposit::get())
		.expect("a funded owner creates a valid tariff")
}

/// A charger with `access`, its operator and device.
fn charger<T: Config>(access: AccessRule) -> (ChargerId, T::AccountId, T::AccountId) {
	let operator = funded::<T>("operator", 0);
	let device: T::AccountId = account("device", 0, 0);
	let tariff = tariff::<T>(&operator, 1);
	let spec = ChargerSpec {
		device: device.clone(),
		location: longest_geohash::<T>(),
		max_power_kw: 350,
		connector: Connector::Ccs2,
		bidirectional: true,
		access,
		tariff,
	};
	let id = Pallet::<T>::do_register_charger(operator.clone(), spec, T::ChargerDeposit::get())
		.expect("a funded operator registers a charger");
	(id, operator, device)
}

/// Fills the charger's member list up to `count`, each member on its own tariff.
fn members<T: Config>(charger: ChargerId, operator: &T::AccountId, count: u32) {
	let own = tariff::<T>(operator, 1);
	for index in 0..count {
		let member: T::AccountId = account("member", index, 0);
		Pallet::<T>::do_add_member(operator.clone(), charger, member, Some(own))
			.expect("room for members");
	}
}

/// A members-only charger with the most members, the driver among them on its own tariff of
/// `count` elements, and the driver's vehicle.
fn driver_at_residence<T: Config>(
	count: u32,
) -> (ChargerId, T::AccountId, T::AccountId, T::AccountId, VehicleId) {
	let (charger, operator, device) = charger::<T>(AccessRule::Members);
	members::<T>(charger, &operator, T::MaxMembers::get().saturating_sub(1));
	let driver = funded::<T>("driver", 0);
	let own = tariff::<T>(&operator, count);
	Pallet::<T>::do_add_member(operator.clone(), charger, driver.clone(), Some(own))
		.expect("room for the driver");
	let vehicle = T::BenchmarkHelper::create_vehicle(&driver, &account("vehicle device", 0, 0));
	T::Currency::set_balance(&T::Treasury::get(), T::Currency::minimum_balance());
	(charger, operator, device, driver, vehicle)
}

/// An active session on a tariff of `count` elements, started as long ago as the clock
/// allows (at most `MaxSessionDuration`).
fn active_session<T: Config>(
	count: u32,
) -> (SessionId, T::AccountId, T::AccountId, T::AccountId, u64) {
	let (charger, operator, device, driver, vehicle) = driver_at_residence::<T>(count);
	let session =
		Pallet::<T>::do_start_session(driver.clone(), charger, vehicle, T::MaxEnergyCap::get())
			.expect("a member starts a session");
	let longest_ms = u64::from(T::MaxSessionDuration::get()).saturating_mul(1_000);
	let started_ms = Pallet::<T>::now_ms().saturating_sub(longest_ms);
	Sessions::<T>::mutate(session, |open| {
		if let Some(open) = open {
			open.state = SessionState::Active { started_ms };
		}
	});
	let elapsed_secs = Pallet::<T>::now_ms().saturating_sub(started_ms) / 1_000;
	(session, operator, device, driver, elapsed_secs)
}

/// A completed session, its operator and driver.
fn completed_session<T: Config>() -> (SessionId, T::AccountId, T::AccountId) {
	let (session, operator, device, driver, elapsed) = active_session::<T>(1);
	let secs = u32::try_from(elapsed).unwrap_or(u32::MAX);
	let reading = MeterReading { energy_wh: 0, charging_secs: secs, parking_secs: 0 };
	Pallet::<T>::do_stop_session(device, session, reading, None).expect("the device stops it");
	(session, operator, driver)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_charger() {
		let operator = funded::<T>("operator", 0);
		let tariff = tariff::<T>(&operator, 1);
		let device: T::AccountId = account("device", 0, 0);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(operator.clone()),
			device,
			longest_geohash::<T>(),
			350,
			Connector::Ccs2,
			true,
			AccessRule::Members,
			tariff,
		);

		assert!(Chargers::<T>::contains_key(0));
	}

	#[benchmark]
	fn disable_charger() {
		let (charger, operator, _) = charger::<T>(AccessRule::Public);

		#[extrinsic_call]
		_(RawOrigin::Signed(operator), charger);

		assert_last_event::<T>(Event::ChargerDisabled { charger });
	}

	#[benchmark]
	fn enable_charger() {
		let (charger, operator, _) = charger::<T>(AccessRule::Public);
		Pallet::<T>::do_set_enabled(operator.clone(), charger, false).expect("enabled");

		#[extrinsic_call]
		_(RawOrigin::Signed(operator), charger);

		assert_last_event::<T>(Event::ChargerEnabled { charger });
	}

	#[benchmark]
	fn remove_charger(m: Linear<0, { T::MaxMembers::get() }>) {
		let (charger, operator, _) = charger::<T>(AccessRule::Members);
		members::<T>(charger, &operator, m);

		#[extrinsic_call]
		_(RawOrigin::Signed(operator.clone()), charger);

		assert_last_event::<T>(Event::ChargerRemoved { charger, operator });
	}

	#[benchmark]
	fn add_member() {
		let (charger, operator, _) = charger::<T>(AccessRule::Members);
		members::<T>(charger, &operator, T::MaxMembers::get().saturating_sub(1));
		let own = tariff::<T>(&operator, 1);
		let member: T::AccountId = account("new member", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(operator), charger, member.clone(), Some(own));

		assert_last_event::<T>(Event::MemberAdded { charger, member, tariff: Some(own) });
	}

	#[benchmark]
	fn remove_member() {
		let (charger, operator, _) = charger::<T>(AccessRule::Members);
		members::<T>(charger, &operator, T::MaxMembers::get());
		let member: T::AccountId = account("member", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(operator), charger, member.clone());

		assert_last_event::<T>(Event::MemberRemoved { charger, member });
	}

	#[benchmark]
	fn create_tariff(e: Linear<1, { T::MaxTariffElements::get() }>) {
		let owner = funded::<T>("owner", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), elements::<T>(e));

		assert_last_event::<T>(Event::TariffCreated { tariff: 0, owner });
	}

	#[benchmark]
	fn update_tariff(e: Linear<1, { T::MaxTariffElements::get() }>) {
		let owner = funded::<T>("owner", 0);
		let tariff = tariff::<T>(&owner, T::MaxTariffElements::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), tariff, elements::<T>(e));

		assert_last_event::<T>(Event::TariffUpdated { tariff, version: 1 });
	}

	#[benchmark]
	fn remove_tariff() {
		let owner = funded::<T>("owner", 0);
		let tariff = tariff::<T>(&owner, T::MaxTariffElements::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), tariff);

		assert_last_event::<T>(Event::TariffRemoved { tariff });
	}

	#[benchmark]
	fn start_session(e: Linear<1, { T::MaxTariffElements::get() }>) {
		let (charger, _, _, driver, vehicle) = driver_at_residence::<T>(e);

		#[extrinsic_call]
		_(RawOrigin::Signed(driver), charger, vehicle, T::MaxEnergyCap::get());

		assert!(Sessions::<T>::contains_key(0));
	}

	#[benchmark]
	fn confirm_session() {
		let (charger, _, device, driver, vehicle) = driver_at_residence::<T>(1);
		let session = Pallet::<T>::do_start_session(driver, charger, vehicle, 1)
			.expect("a member starts a session");

		#[extrinsic_call]
		_(RawOrigin::Signed(device), session);

		assert!(matches!(
			Sessions::<T>::get(session).map(|s| s.state),
			Some(SessionState::Active { .. })
		));
	}

	#[benchmark]
	fn stop_session(e: Linear<1, { T::MaxTariffElements::get() }>) {
		let (session, _, device, _, elapsed) = active_session::<T>(e);
		let secs = u32::try_from(elapsed).unwrap_or(u32::MAX);
		let charging_secs = secs / 2;
		let reading = MeterReading {
			energy_wh: T::MaxEnergyCap::get().min(charging_secs.saturating_mul(97)),
			charging_secs,
			parking_secs: secs.saturating_sub(charging_secs),
		};

		#[extrinsic_call]
		_(RawOrigin::Signed(device), session, reading, Some(1_000));

		assert!(Records::<T>::contains_key(session));
	}

	#[benchmark]
	fn close_session() {
		let (session, _, _, driver, _) = active_session::<T>(1);
		Sessions::<T>::mutate(session, |open| {
			if let Some(open) = open {
				open.state = SessionState::Pending;
			}
		});

		#[extrinsic_call]
		_(RawOrigin::Signed(driver), session);

		assert!(!Sessions::<T>::contains_key(session));
	}

	#[benchmark]
	fn dispute_session() {
		let (session, _, driver) = completed_session::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(driver.clone()), session);

		assert_last_event::<T>(Event::SessionDisputed { session, driver });
	}

	#[benchmark]
	fn resolve_dispute() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let (session, _, driver) = completed_session::<T>();
		Pallet::<T>::do_dispute_session(driver, session).expect("within the window");
		let refund = HeldPayments::<T>::get(session).map_or_else(Default::default, |p| p.amount);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, session, refund);

		assert_last_event::<T>(Event::DisputeResolved { session, refund });
		Ok(())
	}

	#[benchmark]
	fn release_payment() {
		let (session, operator, _) = completed_session::<T>();
		let after = frame_system::Pallet::<T>::block_number()
			.saturating_add(T::DisputeWindow::get())
			.saturating_add(1u32.into());
		frame_system::Pallet::<T>::set_block_number(after);
		let amount = HeldPayments::<T>::get(session).map_or_else(Default::default, |p| p.amount);

		#[extrinsic_call]
		_(RawOrigin::Signed(operator.clone()), session);

		assert_last_event::<T>(Event::PaymentReleased { session, operator, amount });
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
