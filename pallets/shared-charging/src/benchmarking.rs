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

/// A charger with `access`, its operator and its meter, which accepted.
fn charger<T: Config>(access: AccessRule) -> (ChargerId, T::AccountId, T::AccountId) {
	let (id, operator, device) = charger_with_invited_meter::<T>(access);
	Pallet::<T>::do_accept_charger_meter(device.clone(), id).expect("the invited meter accepts");
	(id, operator, device)
}

/// A charger with `access`, its operator and the device it invited as its meter.
fn charger_with_invited_meter<T: Config>(
	access: AccessRule,
) -> (ChargerId, T::AccountId, T::AccountId) {
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

/// An approved grid operator.
fn grid_operator<T: Config>() -> T::AccountId {
	let operator = funded::<T>("grid operator", 0);
	GridOperators::<T>::insert(&operator, ());
	operator
}

/// A demand-response event of `operator` over the longest area, from 10 blocks from now for
/// 1_000 blocks, with a budget covering any curtailment a benchmark accepts.
fn grid_event<T: Config>(operator: &T::AccountId) -> GridEventId {
	let now = frame_system::Pallet::<T>::block_number();
	let window = GridWindow {
		area: longest_geohash::<T>(),
		start: now.saturating_add(10u32.into()),
		end: now.saturating_add(1_010u32.into()),
		reward_per_kwh: T::Currency::minimum_balance(),
		budget: T::Currency::minimum_balance().saturating_mul(1_000_000u32.into()),
	};
	Pallet::<T>::do_publish_grid_event(operator.clone(), window)
		.expect("an approved, funded grid operator publishes")
}

/// Lets an active session curtail: enrols its charger, declares the highest baseline (the
/// charger's 350 kW), publishes an event in the next block and accepts it. Returns the
/// event; the chain is left at the block the window ends in.
fn curtail<T: Config>(session: SessionId, driver: &T::AccountId) -> GridEventId {
	let charger = Sessions::<T>::get(session).map(|open| open.charger).unwrap_or_default();
	GridChargers::<T>::insert(charger, GridEnrolment { export_per_kwh: None });
	Pallet::<T>::do_declare_baseline(driver.clone(), session, 350_000)
		.expect("an active session declares its baseline");
	let now = frame_system::Pallet::<T>::block_number();
	frame_system::Pallet::<T>::set_block_number(now.saturating_add(1u32.into()));
	let event = grid_event::<T>(&grid_operator::<T>());
	Pallet::<T>::do_accept_curtailment(driver.clone(), session, event).expect("the driver accepts");
	let end = GridEvents::<T>::get(event).map(|entry| entry.end).unwrap_or_default();
	frame_system::Pallet::<T>::set_block_number(end);
	event
}

/// Marks `n` sessions (not open) as accepting `event`, each with a reservation.
fn accepting_sessions<T: Config>(event: GridEventId, n: u32) {
	let share = T::Currency::minimum_balance();
	let now = frame_system::Pallet::<T>::block_number();
	for session in 0..u64::from(n) {
		let session = session.saturating_add(1_000);
		Curtailments::<T>::insert(
			session,
			Curtailment { event, accepted_at: now, reserved: share },
		);
		GridEventSessions::<T>::insert(event, session, ());
	}
	GridEvents::<T>::mutate(event, |entry| {
		if let Some(entry) = entry {
			entry.reserved = share.saturating_mul(n.into());
			entry.sessions = n;
		}
	});
}

/// A battery that may export 90 % of `MaxEnergyCap`.
fn battery<T: Config>() -> BatteryState {
	BatteryState { capacity_wh: T::MaxEnergyCap::get(), soc_percent: 100, min_soc_percent: 10 }
}

/// A residence charger with the most members, enrolled with an export price, and a
/// member's vehicle: (charger, device, driver, vehicle).
fn discharge_ready<T: Config>() -> (ChargerId, T::AccountId, T::AccountId, VehicleId) {
	let (charger, _, device, driver, vehicle) = driver_at_residence::<T>(1);
	let enrolment = GridEnrolment { export_per_kwh: Some(T::Currency::minimum_balance()) };
	GridChargers::<T>::insert(charger, enrolment);
	(charger, device, driver, vehicle)
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
		// The chain may have tariffs already (the runtime's preset does).
		let tariff = NextTariffId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), elements::<T>(e));

		assert_last_event::<T>(Event::TariffCreated { tariff, owner });
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
		let (session, _, device, driver, elapsed) = active_session::<T>(e);
		let event = curtail::<T>(session, &driver);
		let budget = GridEvents::<T>::get(event).map_or_else(Default::default, |e| e.budget);
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
		// The curtailment was rewarded from the event's budget.
		assert!(GridEvents::<T>::get(event).is_some_and(|e| e.budget < budget));
	}

	#[benchmark]
	fn close_session() {
		// Active and timed out, with a curtailment to let go.
		let (session, _, _, driver, _) = active_session::<T>(1);
		curtail::<T>(session, &driver);

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

	#[benchmark]
	fn approve_grid_operator() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let operator: T::AccountId = account("grid operator", 0, 0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, operator.clone());

		assert_last_event::<T>(Event::GridOperatorApproved { operator });
		Ok(())
	}

	#[benchmark]
	fn remove_grid_operator() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let operator = grid_operator::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, operator.clone());

		assert_last_event::<T>(Event::GridOperatorRemoved { operator });
		Ok(())
	}

	#[benchmark]
	fn publish_grid_event() {
		let operator = grid_operator::<T>();
		for _ in 1..T::MaxGridEvents::get() {
			grid_event::<T>(&operator);
		}
		let now = frame_system::Pallet::<T>::block_number();
		let start = now.saturating_add(10u32.into());
		let end = now.saturating_add(1_010u32.into());
		let budget = T::Currency::minimum_balance().saturating_mul(1_000u32.into());

		#[extrinsic_call]
		_(
			RawOrigin::Signed(operator.clone()),
			longest_geohash::<T>(),
			start,
			end,
			T::Currency::minimum_balance(),
			budget,
		);

		assert_eq!(OpenGridEvents::<T>::get(&operator), T::MaxGridEvents::get());
	}

	#[benchmark]
	fn cancel_grid_event(n: Linear<0, { T::MaxEventSessions::get() }>) {
		let operator = grid_operator::<T>();
		let event = grid_event::<T>(&operator);
		accepting_sessions::<T>(event, n);
		let refund = GridEvents::<T>::get(event).map_or_else(Default::default, |e| e.budget);

		#[extrinsic_call]
		_(RawOrigin::Signed(operator), event);

		assert_last_event::<T>(Event::GridEventCancelled { event, refund });
	}

	#[benchmark]
	fn close_grid_event(n: Linear<0, { T::MaxEventSessions::get() }>) {
		let operator = grid_operator::<T>();
		let event = grid_event::<T>(&operator);
		accepting_sessions::<T>(event, n);
		let entry = GridEvents::<T>::get(event).expect("just published");
		frame_system::Pallet::<T>::set_block_number(
			entry.end.saturating_add(T::GridClaimPeriod::get()),
		);
		let caller: T::AccountId = account("anyone", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), event);

		assert_last_event::<T>(Event::GridEventClosed { event, refund: entry.budget });
	}

	#[benchmark]
	fn opt_in_grid() {
		let (charger, operator, _) = charger::<T>(AccessRule::Public);
		let price = Some(T::Currency::minimum_balance());

		#[extrinsic_call]
		_(RawOrigin::Signed(operator), charger, price);

		assert_last_event::<T>(Event::ChargerOptedIn { charger, export_per_kwh: price });
	}

	#[benchmark]
	fn opt_out_grid() {
		let (charger, operator, _) = charger::<T>(AccessRule::Public);
		GridChargers::<T>::insert(charger, GridEnrolment { export_per_kwh: None });

		#[extrinsic_call]
		_(RawOrigin::Signed(operator), charger);

		assert_last_event::<T>(Event::ChargerOptedOut { charger });
	}

	#[benchmark]
	fn declare_baseline() {
		let (session, _, _, driver, _) = active_session::<T>(1);

		#[extrinsic_call]
		_(RawOrigin::Signed(driver), session, 350_000);

		assert_last_event::<T>(Event::BaselineDeclared { session, power_w: 350_000 });
	}

	#[benchmark]
	fn accept_curtailment() {
		let (session, _, _, driver, _) = active_session::<T>(1);
		let charger = Sessions::<T>::get(session).map(|open| open.charger).unwrap_or_default();
		GridChargers::<T>::insert(charger, GridEnrolment { export_per_kwh: None });
		Pallet::<T>::do_declare_baseline(driver.clone(), session, 350_000)
			.expect("an active session declares its baseline");
		let now = frame_system::Pallet::<T>::block_number();
		frame_system::Pallet::<T>::set_block_number(now.saturating_add(1u32.into()));
		let event = grid_event::<T>(&grid_operator::<T>());
		accepting_sessions::<T>(event, T::MaxEventSessions::get().saturating_sub(1));

		#[extrinsic_call]
		_(RawOrigin::Signed(driver), session, event);

		assert!(Curtailments::<T>::contains_key(session));
	}

	#[benchmark]
	fn start_discharge() {
		let (charger, _, driver, vehicle) = discharge_ready::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(driver), charger, vehicle, battery::<T>());

		assert!(Discharges::<T>::contains_key(0));
	}

	#[benchmark]
	fn stop_discharge() {
		let (charger, device, driver, vehicle) = discharge_ready::<T>();
		let session = Pallet::<T>::do_start_discharge(driver, charger, vehicle, battery::<T>())
			.expect("a member starts a discharge");
		let longest_ms = u64::from(T::MaxSessionDuration::get()).saturating_mul(1_000);
		let started_ms = Pallet::<T>::now_ms().saturating_sub(longest_ms);
		let mut cap = 0;
		Discharges::<T>::mutate(session, |open| {
			if let Some(open) = open {
				open.state = SessionState::Active { started_ms };
				cap = open.export_cap_wh;
			}
		});
		let elapsed = Pallet::<T>::now_ms().saturating_sub(started_ms) / 1_000;
		let secs = u32::try_from(elapsed).unwrap_or(u32::MAX);
		let reading = DischargeReading {
			exported_wh: cap.min(secs.saturating_mul(97)),
			discharging_secs: secs,
			final_soc_percent: battery::<T>().min_soc_percent,
		};

		#[extrinsic_call]
		_(RawOrigin::Signed(device), session, reading);

		assert!(DischargeRecords::<T>::contains_key(session));
	}

	#[benchmark]
	fn close_lapsed_session() {
		// The costliest path is a superset no real session reaches: the driver may still
		// operate the vehicle (every read of its right is made), the session has been pending
		// for `MaxPendingDuration` (`PendingSince` is read), and it has a curtailment to let
		// go. A session with a curtailment is active, so it is put back to pending here.
		let (session, _, _, driver, _) = active_session::<T>(1);
		curtail::<T>(session, &driver);
		Sessions::<T>::mutate(session, |open| {
			if let Some(open) = open {
				open.state = SessionState::Pending;
			}
		});
		let since = frame_system::Pallet::<T>::block_number();
		PendingSince::<T>::insert(session, since);
		frame_system::Pallet::<T>::set_block_number(
			since.saturating_add(T::MaxPendingDuration::get()),
		);
		let closer: T::AccountId = account("closer", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(closer), session);

		assert!(!Sessions::<T>::contains_key(session));
		assert!(!PendingSince::<T>::contains_key(session));
	}

	#[benchmark]
	fn accept_charger_meter() {
		let (charger, _, meter) = charger_with_invited_meter::<T>(AccessRule::Public);

		#[extrinsic_call]
		_(RawOrigin::Signed(meter.clone()), charger);

		assert_last_event::<T>(Event::MeterAccepted { charger, meter });
	}

	#[benchmark]
	fn leave_charger_meter() {
		let (charger, _, meter) = charger::<T>(AccessRule::Public);

		#[extrinsic_call]
		_(RawOrigin::Signed(meter.clone()), charger);

		assert_last_event::<T>(Event::MeterLeft { charger, meter });
	}

	#[benchmark]
	fn set_charger_meter() {
		// Replacing an accepted meter: one event more than naming a first one.
		let (charger, operator, _) = charger::<T>(AccessRule::Public);
		let meter: T::AccountId = account("new meter", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(operator), charger, Some(meter.clone()));

		assert_last_event::<T>(Event::MeterInvited { charger, meter });
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
