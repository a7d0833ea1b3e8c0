//! Benchmarks of every call and hook, each in its worst case.
//!
//! Shipments, vehicles and accounts are new ones (the runtime's genesis may have its own):
//! ids come from `NextShipmentId` and blocks from `frame_system`. Every shipment has
//! `MaxLegs` legs, each run by another carrier, a condition spec and an escrow. Records that
//! a call only counts or removes (the event log, sensors, daily roots, excursions) are
//! written straight to storage, as the calls would have written them.

use super::*;
use alloc::vec::Vec;
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::traits::{
		fungible::{Inspect, InspectHold, Mutate},
		EnsureOrigin, Get,
	},
	frame_system::{pallet_prelude::BlockNumberFor, RawOrigin},
	sp_core::H256,
	sp_runtime::traits::Saturating,
};
use v2x_primitives::{OnOwnershipTransferred, OnVehicleStatusChanged, VehicleId, VehicleStatus};

fn assert_last_event<T: Config>(event: Event<T>) {
	let event: <T as Config>::RuntimeEvent = event.into();
	frame_system::Pallet::<T>::assert_last_event(event.into());
}

fn assert_has_event<T: Config>(event: Event<T>) {
	let event: <T as Config>::RuntimeEvent = event.into();
	frame_system::Pallet::<T>::assert_has_event(event.into());
}

fn now<T: Config>() -> BlockNumberFor<T> {
	frame_system::Pallet::<T>::block_number()
}

fn run_to<T: Config>(block: BlockNumberFor<T>) {
	frame_system::Pallet::<T>::set_block_number(block);
}

/// A unit of money in the benchmarks, and every shipment's escrow: 1 000 existential deposits.
fn unit<T: Config>() -> BalanceOf<T> {
	T::Currency::minimum_balance().saturating_mul(1_000u32.into())
}

/// What `who` has on hold for `reason`.
fn held<T: Config>(reason: HoldReason, who: &T::AccountId) -> BalanceOf<T> {
	T::Currency::balance_on_hold(&reason.into(), who)
}

/// An account called `name` with the deposit and escrow of every shipment a benchmark creates
/// (keeping more if it has more: the runtime's helper funds vehicle owners).
fn funded<T: Config>(name: &'static str) -> T::AccountId {
	let who: T::AccountId = account(name, 0, 0);
	let shipments =
		T::MaxShipmentsPerVehicle::get().saturating_add(T::MaxChildren::get()).saturating_add(8);
	let amount = T::ShipmentDeposit::get()
		.saturating_add(unit::<T>())
		.saturating_mul(shipments.into())
		.saturating_add(unit::<T>());
	T::Currency::set_balance(&who, T::Currency::balance(&who).max(amount));
	who
}

/// The `n`th GLN of the benchmarks' journeys.
fn location(n: u32) -> Location {
	let mut gln = *b"4000001000000";
	gln[10] = b'0'.saturating_add((n / 100 % 10) as u8);
	gln[11] = b'0'.saturating_add((n / 10 % 10) as u8);
	gln[12] = b'0'.saturating_add((n % 10) as u8);
	gln
}

/// 2-8 °C.
fn chilled() -> ConditionSpec {
	ConditionSpec { min: 20, max: 80 }
}

/// A distinct hash for (tag, n): documents, roots, evidence.
fn hash(tag: u8, n: u32) -> H256 {
	let mut bytes = [tag; 32];
	bytes[..4].copy_from_slice(&n.to_le_bytes());
	H256(bytes)
}

/// The accounts of the benchmarks' shipments.
struct Parties<T: Config> {
	shipper: T::AccountId,
	/// The contracting carrier, which runs the first leg.
	carrier: T::AccountId,
	consignee: T::AccountId,
	/// `MaxLegs` legs, each run by another carrier.
	legs: LegsOf<T>,
}

impl<T: Config> Parties<T> {
	/// The carrier of the last leg: found after scanning every leg.
	fn last_carrier(&self) -> T::AccountId {
		self.legs.last().map(|leg| leg.carrier.clone()).unwrap_or_else(|| self.carrier.clone())
	}
}

fn parties<T: Config>() -> Parties<T> {
	let carrier = funded::<T>("carrier");
	let legs: Vec<Leg<T::AccountId>> = (0..T::MaxLegs::get())
		.map(|index| Leg {
			carrier: if index == 0 { carrier.clone() } else { account("leg carrier", index, 0) },
			from: location(index),
			to: location(index.saturating_add(1)),
		})
		.collect();
	Parties {
		shipper: funded::<T>("shipper"),
		carrier,
		consignee: funded::<T>("consignee"),
		legs: legs.try_into().expect("MaxLegs legs"),
	}
}

/// A new shipment of `kind` by the shipper: condition spec, escrow, the shortest claim window.
fn create<T: Config>(p: &Parties<T>, kind: UnitKind) -> ShipmentId {
	let id = NextShipmentId::<T>::get();
	Pallet::<T>::do_create_shipment(
		p.shipper.clone(),
		kind,
		p.consignee.clone(),
		p.carrier.clone(),
		p.legs.clone(),
		Some(chilled()),
		unit::<T>(),
		hash(0xd0, id as u32),
		T::MinClaimWindow::get(),
	)
	.expect("the shipper affords its shipments")
}

fn shipment<T: Config>(id: ShipmentId) -> Shipment<T> {
	Shipments::<T>::get(id).expect("the shipment exists")
}

/// Custody of the root `id` passes from `from` to `to` now.
fn hand_over<T: Config>(from: &T::AccountId, id: ShipmentId, to: &T::AccountId) {
	let expires_at = now::<T>().saturating_add(1u32.into());
	Pallet::<T>::do_offer_handoff(from.clone(), id, to.clone(), expires_at)
		.expect("the custodian offers to a party");
	Pallet::<T>::do_accept_handoff(to.clone(), id).expect("the offeree accepts in time");
}

/// A new vehicle owned by `owner`, with the device called `device` bound to it.
fn vehicle_of<T: Config>(owner: &T::AccountId, device: &'static str) -> VehicleId {
	T::BenchmarkHelper::create_vehicle(owner, &account(device, 0, 0))
}

/// A container holding a pallet holding an item, all the shipper's: (container, pallet, item).
fn nested<T: Config>(p: &Parties<T>) -> (ShipmentId, ShipmentId, ShipmentId) {
	let container = create::<T>(p, UnitKind::Container);
	let pallet = create::<T>(p, UnitKind::Pallet);
	let item = create::<T>(p, UnitKind::Item);
	Pallet::<T>::do_aggregate(p.shipper.clone(), item, pallet).expect("an item into a pallet");
	Pallet::<T>::do_aggregate(p.shipper.clone(), pallet, container)
		.expect("a pallet into a container");
	(container, pallet, item)
}

/// Fills the log of `id` with object events up to `events` entries.
fn fill_log<T: Config>(id: ShipmentId, events: u32) {
	let mut s = shipment::<T>(id);
	for index in s.events..events {
		let mut event = Pallet::<T>::epcis_event(
			EventKind::Object,
			Action::Observe,
			BizStep::Inspecting,
			Disposition::InTransit,
			s.shipper.clone(),
		);
		event.location = Some(location(index));
		event.data = Some(hash(0xe0, index));
		Events::<T>::insert(id, index, event);
	}
	s.events = s.events.max(events);
	Shipments::<T>::insert(id, s);
}

/// The log of `id` one event short of full: the call's own event is the last that fits.
fn almost_full_log<T: Config>(id: ShipmentId) {
	fill_log::<T>(id, T::MaxEvents::get().saturating_sub(1));
}

/// `count` sensors registered to `id`; returns the last one's account.
fn stored_sensors<T: Config>(id: ShipmentId, count: u32) -> T::AccountId {
	let mut s = shipment::<T>(id);
	for index in 0..count {
		Sensors::<T>::insert(id, account::<T::AccountId>("registered sensor", index, 0), ());
	}
	s.sensors = count;
	Shipments::<T>::insert(id, s);
	account("registered sensor", count.saturating_sub(1), 0)
}

/// `count` daily roots of `id`, each of another sensor on its creation day, with their replay
/// guards.
fn stored_roots<T: Config>(id: ShipmentId, count: u32) {
	let mut s = shipment::<T>(id);
	let day = s.created_day;
	for index in 0..count {
		let sensor: T::AccountId = account("past sensor", index, 0);
		let root = hash(0xa0, index);
		DailyRoots::<T>::insert(
			id,
			(day, sensor),
			DailyRoot { root, readings: 1_440, min: 21, max: 79, at: now::<T>() },
		);
		SeenRoots::<T>::insert(root, (id, day));
	}
	s.commitments = count;
	Shipments::<T>::insert(id, s);
}

/// `count` excursions of `id`.
fn stored_excursions<T: Config>(id: ShipmentId, count: u32) {
	let mut s = shipment::<T>(id);
	for index in 0..count {
		Excursions::<T>::insert(
			id,
			index,
			Excursion {
				sensor: account("past sensor", index, 0),
				at: now::<T>(),
				reading: 95,
				evidence: hash(0xee, index),
			},
		);
	}
	s.excursions = count;
	Shipments::<T>::insert(id, s);
}

/// A container in transit: handed to the carrier, loaded on the carrier's vehicle. Returns
/// (shipment, vehicle).
fn loaded_in_transit<T: Config>(p: &Parties<T>) -> (ShipmentId, VehicleId) {
	let id = create::<T>(p, UnitKind::Container);
	hand_over::<T>(&p.shipper, id, &p.carrier);
	let vehicle = vehicle_of::<T>(&p.carrier, "truck device");
	Pallet::<T>::do_load(p.carrier.clone(), id, vehicle).expect("the carrier loads its truck");
	(id, vehicle)
}

/// The sensor rule that reads the most: a logger bound to the reefer trailer that carries the
/// container the item is packed in (two levels up), not registered to the item. Returns
/// (item, logger).
fn item_on_trailer<T: Config>(p: &Parties<T>) -> (ShipmentId, T::AccountId) {
	let (container, _, item) = nested::<T>(p);
	let logger: T::AccountId = account("trailer logger", 0, 0);
	let trailer = T::BenchmarkHelper::create_vehicle(&p.shipper, &logger);
	Pallet::<T>::do_load(p.shipper.clone(), container, trailer).expect("the owner loads");
	(item, logger)
}

/// `MaxShipmentsPerVehicle` shipments loaded on a new vehicle of the shipper: (owner, vehicle,
/// shipments).
fn full_vehicle<T: Config>() -> (T::AccountId, VehicleId, Vec<ShipmentId>) {
	let p = parties::<T>();
	let vehicle = vehicle_of::<T>(&p.shipper, "truck device");
	let shipments = (0..T::MaxShipmentsPerVehicle::get())
		.map(|_| {
			let id = create::<T>(&p, UnitKind::Container);
			Pallet::<T>::do_load(p.shipper.clone(), id, vehicle).expect("room on the vehicle");
			id
		})
		.collect();
	(p.shipper, vehicle, shipments)
}

/// What the carrier gets in the benchmarks' settlements: part of the escrow, so both the
/// carrier and the shipper receive something.
fn carrier_share<T: Config>() -> BalanceOf<T> {
	T::Currency::minimum_balance().saturating_mul(400u32.into())
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// `MaxLegs` legs, a condition spec, the deposit and an escrow held.
	#[benchmark]
	fn create_shipment() {
		let p = parties::<T>();
		let id = NextShipmentId::<T>::get();
		let escrow = unit::<T>();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(p.shipper.clone()),
			UnitKind::Container,
			p.consignee.clone(),
			p.carrier.clone(),
			p.legs.clone(),
			Some(chilled()),
			escrow,
			hash(0xd0, 0),
			T::MaxClaimWindow::get(),
		);

		assert_has_event::<T>(Event::ShipmentCreated {
			shipment: id,
			shipper: p.shipper.clone(),
			carrier: p.carrier,
			consignee: p.consignee,
			kind: UnitKind::Container,
			escrow,
		});
		assert_eq!(shipment::<T>(id).legs.len() as u32, T::MaxLegs::get());
		assert_eq!(held::<T>(HoldReason::Escrow, &p.shipper), escrow);
		assert_eq!(held::<T>(HoldReason::Deposit, &p.shipper), T::ShipmentDeposit::get());
	}

	/// The escrow is released.
	#[benchmark]
	fn cancel_shipment() {
		let p = parties::<T>();
		let id = create::<T>(&p, UnitKind::Container);

		#[extrinsic_call]
		_(RawOrigin::Signed(p.shipper.clone()), id);

		assert_last_event::<T>(Event::ShipmentCancelled { shipment: id });
		assert_eq!(shipment::<T>(id).state, ShipmentState::Closed { at: now::<T>() });
		assert_eq!(held::<T>(HoldReason::Escrow, &p.shipper), 0u32.into());
	}

	/// To the last leg's carrier (every leg scanned), replacing an expired offer.
	#[benchmark]
	fn offer_handoff() {
		let p = parties::<T>();
		let id = create::<T>(&p, UnitKind::Container);
		let expired = now::<T>().saturating_add(1u32.into());
		Pallet::<T>::do_offer_handoff(p.shipper.clone(), id, p.consignee.clone(), expired)
			.expect("an offer to the consignee");
		run_to::<T>(expired.saturating_add(1u32.into()));
		let to = p.last_carrier();
		let expires_at = now::<T>().saturating_add(T::MaxHandoffDuration::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(p.shipper.clone()), id, to.clone(), expires_at);

		assert_last_event::<T>(Event::HandoffOffered {
			shipment: id,
			from: p.shipper,
			to: to.clone(),
			expires_at,
		});
		assert_eq!(shipment::<T>(id).handoff, Some(Handoff { to, expires_at }));
	}

	#[benchmark]
	fn cancel_handoff() {
		let p = parties::<T>();
		let id = create::<T>(&p, UnitKind::Container);
		let expires_at = now::<T>().saturating_add(T::MaxHandoffDuration::get());
		Pallet::<T>::do_offer_handoff(p.shipper.clone(), id, p.last_carrier(), expires_at)
			.expect("an offer to a carrier");

		#[extrinsic_call]
		_(RawOrigin::Signed(p.shipper), id);

		assert_last_event::<T>(Event::HandoffCancelled { shipment: id });
		assert!(shipment::<T>(id).handoff.is_none());
	}

	/// The last leg's carrier accepts (every leg scanned for its leg); the shipment leaves the
	/// shipper's vehicle and its receiving event fills the log.
	#[benchmark]
	fn accept_handoff() {
		let p = parties::<T>();
		let id = create::<T>(&p, UnitKind::Container);
		let vehicle = vehicle_of::<T>(&p.shipper, "truck device");
		Pallet::<T>::do_load(p.shipper.clone(), id, vehicle).expect("the owner loads");
		almost_full_log::<T>(id);
		let to = p.last_carrier();
		let expires_at = now::<T>().saturating_add(T::MaxHandoffDuration::get());
		Pallet::<T>::do_offer_handoff(p.shipper.clone(), id, to.clone(), expires_at)
			.expect("an offer to a carrier");

		#[extrinsic_call]
		_(RawOrigin::Signed(to.clone()), id);

		let leg = T::MaxLegs::get().saturating_sub(1);
		assert_last_event::<T>(Event::CustodyTransferred {
			shipment: id,
			from: p.shipper,
			to: to.clone(),
			leg,
		});
		let s = shipment::<T>(id);
		assert_eq!((s.custodian, s.vehicle, s.events), (Some(to), None, T::MaxEvents::get()));
		assert!(!VehicleLoads::<T>::contains_key(vehicle, id));
	}

	/// The `MaxShipmentsPerVehicle`th shipment on the vehicle.
	#[benchmark]
	fn load() {
		let p = parties::<T>();
		let vehicle = vehicle_of::<T>(&p.shipper, "truck device");
		for _ in 1..T::MaxShipmentsPerVehicle::get() {
			let other = create::<T>(&p, UnitKind::Container);
			Pallet::<T>::do_load(p.shipper.clone(), other, vehicle).expect("room on the vehicle");
		}
		let id = create::<T>(&p, UnitKind::Container);
		almost_full_log::<T>(id);

		#[extrinsic_call]
		_(RawOrigin::Signed(p.shipper), id, vehicle);

		assert_last_event::<T>(Event::ShipmentLoaded { shipment: id, vehicle });
		assert_eq!(VehicleLoadCount::<T>::get(vehicle), T::MaxShipmentsPerVehicle::get());
		assert_eq!(shipment::<T>(id).vehicle, Some(vehicle));
	}

	#[benchmark]
	fn unload() {
		let p = parties::<T>();
		let vehicle = vehicle_of::<T>(&p.shipper, "truck device");
		let id = create::<T>(&p, UnitKind::Container);
		Pallet::<T>::do_load(p.shipper.clone(), id, vehicle).expect("the owner loads");
		almost_full_log::<T>(id);

		#[extrinsic_call]
		_(RawOrigin::Signed(p.shipper), id);

		assert_last_event::<T>(Event::ShipmentUnloaded { shipment: id, vehicle });
		assert!(shipment::<T>(id).vehicle.is_none());
		assert_eq!(VehicleLoadCount::<T>::get(vehicle), 0);
	}

	/// An item into a pallet that holds `MaxChildren - 1` items and is packed in a container
	/// (the parent's root two levels up).
	#[benchmark]
	fn aggregate() {
		let p = parties::<T>();
		let container = create::<T>(&p, UnitKind::Container);
		let parent = create::<T>(&p, UnitKind::Pallet);
		Pallet::<T>::do_aggregate(p.shipper.clone(), parent, container)
			.expect("a pallet into a container");
		for _ in 1..T::MaxChildren::get() {
			let item = create::<T>(&p, UnitKind::Item);
			Pallet::<T>::do_aggregate(p.shipper.clone(), item, parent).expect("room in the pallet");
		}
		let child = create::<T>(&p, UnitKind::Item);
		almost_full_log::<T>(parent);

		#[extrinsic_call]
		_(RawOrigin::Signed(p.shipper), child, parent);

		assert_last_event::<T>(Event::ShipmentAggregated { child, parent });
		assert_eq!(shipment::<T>(parent).children, T::MaxChildren::get());
		assert!(Children::<T>::contains_key(parent, child));
	}

	/// The carrier, custodian of the container, unpacks an item from a full pallet in it: the
	/// item leaves its shipper (in transit from then on).
	#[benchmark]
	fn disaggregate() {
		let p = parties::<T>();
		let (container, parent, child) = nested::<T>(&p);
		for _ in 1..T::MaxChildren::get() {
			let item = create::<T>(&p, UnitKind::Item);
			Pallet::<T>::do_aggregate(p.shipper.clone(), item, parent).expect("room in the pallet");
		}
		hand_over::<T>(&p.shipper, container, &p.carrier);
		almost_full_log::<T>(parent);

		#[extrinsic_call]
		_(RawOrigin::Signed(p.carrier.clone()), child);

		assert_last_event::<T>(Event::ShipmentDisaggregated { child, parent });
		let unpacked = shipment::<T>(child);
		assert_eq!(unpacked.custodian, Some(p.carrier));
		assert_eq!(unpacked.state, ShipmentState::InTransit);
		assert!(!Children::<T>::contains_key(parent, child));
	}

	/// On an item two levels down, with a location and data, as the log's last event.
	#[benchmark]
	fn record_event() {
		let p = parties::<T>();
		let (_, _, item) = nested::<T>(&p);
		almost_full_log::<T>(item);
		let index = T::MaxEvents::get().saturating_sub(1);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(p.shipper.clone()),
			item,
			BizStep::Departing,
			Disposition::InTransit,
			Some(location(0)),
			Some(hash(0xe1, 0)),
		);

		assert_last_event::<T>(Event::EpcisEventRecorded {
			shipment: item,
			index,
			kind: EventKind::Object,
			biz_step: BizStep::Departing,
			by: p.shipper,
		});
		assert!(Events::<T>::contains_key(item, index));
	}

	/// A declaration naming its corrective event.
	#[benchmark]
	fn declare_error() {
		let p = parties::<T>();
		let id = create::<T>(&p, UnitKind::Container);
		let wrong = shipment::<T>(id).events;
		let corrective = wrong.saturating_add(1);
		for n in 0..2 {
			Pallet::<T>::do_record_event(
				p.shipper.clone(),
				id,
				BizStep::Arriving,
				Disposition::InTransit,
				Some(location(n)),
				Some(hash(0xe2, n)),
			)
			.expect("room in the log");
		}

		#[extrinsic_call]
		_(
			RawOrigin::Signed(p.shipper.clone()),
			id,
			wrong,
			ErrorReason::IncorrectData,
			Some(corrective),
		);

		assert_last_event::<T>(Event::ErrorDeclared {
			shipment: id,
			event: wrong,
			reason: ErrorReason::IncorrectData,
			corrective: Some(corrective),
		});
		assert!(ErrorDeclarations::<T>::contains_key(id, wrong));
	}

	/// The `MaxSensors`th sensor of an item two levels down, registered by the container's
	/// custodian (not the shipper); its signature checked.
	#[benchmark]
	fn register_sensor() {
		let p = parties::<T>();
		let (container, _, item) = nested::<T>(&p);
		hand_over::<T>(&p.shipper, container, &p.carrier);
		stored_sensors::<T>(item, T::MaxSensors::get().saturating_sub(1));
		let device = T::BenchmarkHelper::sensor();
		let signature = T::BenchmarkHelper::sign_as_sensor(&Pallet::<T>::sensor_payload(item));

		#[extrinsic_call]
		_(RawOrigin::Signed(p.carrier), item, device.clone(), signature);

		assert_last_event::<T>(Event::SensorRegistered { shipment: item, device: device.clone() });
		assert!(Sensors::<T>::contains_key(item, &device));
		assert_eq!(shipment::<T>(item).sensors, T::MaxSensors::get());
	}

	/// The shipper removes one of `MaxSensors` sensors.
	#[benchmark]
	fn remove_sensor() {
		let p = parties::<T>();
		let id = create::<T>(&p, UnitKind::Container);
		let device = stored_sensors::<T>(id, T::MaxSensors::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(p.shipper), id, device.clone());

		assert_last_event::<T>(Event::SensorRemoved { shipment: id, device: device.clone() });
		assert!(!Sensors::<T>::contains_key(id, &device));
		assert_eq!(shipment::<T>(id).sensors, T::MaxSensors::get().saturating_sub(1));
	}

	/// The trailer's logger commits the `MaxConditionDays`th root of an item two levels down;
	/// its event is the log's last.
	#[benchmark]
	fn commit_readings() {
		let p = parties::<T>();
		let (item, logger) = item_on_trailer::<T>(&p);
		stored_roots::<T>(item, T::MaxConditionDays::get().saturating_sub(1));
		almost_full_log::<T>(item);
		let day = Pallet::<T>::today();
		let root = hash(0xc0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(logger.clone()), item, day, root, 1_440, 21, 79);

		assert_has_event::<T>(Event::ReadingsCommitted {
			shipment: item,
			sensor: logger.clone(),
			day,
			root,
			readings: 1_440,
		});
		let s = shipment::<T>(item);
		assert_eq!((s.commitments, s.events), (T::MaxConditionDays::get(), T::MaxEvents::get()));
		assert!(DailyRoots::<T>::contains_key(item, (day, logger)));
		assert_eq!(SeenRoots::<T>::get(root), Some((item, day)));
	}

	/// The trailer's logger reports the `MaxExcursions`th stored excursion of an item two
	/// levels down; it opens a claim on the escrow and its event is the log's last.
	#[benchmark]
	fn report_excursion() {
		let p = parties::<T>();
		let (item, logger) = item_on_trailer::<T>(&p);
		// The earlier excursions are stored without the claim they would have opened, so that
		// this report opens it: the most work.
		stored_excursions::<T>(item, T::MaxExcursions::get().saturating_sub(1));
		almost_full_log::<T>(item);
		let at = now::<T>();
		let reading = chilled().max.saturating_add(1);

		#[extrinsic_call]
		_(RawOrigin::Signed(logger.clone()), item, at, reading, hash(0xee, u32::MAX));

		assert_has_event::<T>(Event::ExcursionReported {
			shipment: item,
			sensor: logger,
			at,
			reading,
		});
		assert_has_event::<T>(Event::ClaimOpened { shipment: item });
		let s = shipment::<T>(item);
		assert_eq!((s.excursions, s.events), (T::MaxExcursions::get(), T::MaxEvents::get()));
		assert!(s.claim.is_some());
		assert!(Excursions::<T>::contains_key(item, T::MaxExcursions::get().saturating_sub(1)));
	}

	/// The consignee takes custody through a live offer from the carrier, whose vehicle the
	/// shipment leaves; the receiving event is the log's last.
	#[benchmark]
	fn confirm_delivery() {
		let p = parties::<T>();
		let (id, vehicle) = loaded_in_transit::<T>(&p);
		almost_full_log::<T>(id);
		let expires_at = now::<T>().saturating_add(T::MaxHandoffDuration::get());
		Pallet::<T>::do_offer_handoff(p.carrier.clone(), id, p.consignee.clone(), expires_at)
			.expect("an offer to the consignee");
		let pod = hash(0x9d, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(p.consignee.clone()), id, pod);

		assert_has_event::<T>(Event::ShipmentDelivered {
			shipment: id,
			consignee: p.consignee.clone(),
			pod,
		});
		let s = shipment::<T>(id);
		assert_eq!(s.state, ShipmentState::Delivered { at: now::<T>() });
		assert_eq!((s.custodian, s.pod, s.vehicle), (Some(p.consignee), Some(pod), None));
		assert_eq!(VehicleLoadCount::<T>::get(vehicle), 0);
	}

	/// The carrier matches the shipper's proposal: the escrow is split (both transfers) and
	/// the shipment leaves the carrier's vehicle.
	#[benchmark]
	fn agree_settlement() {
		let p = parties::<T>();
		let (id, vehicle) = loaded_in_transit::<T>(&p);
		let to_carrier = carrier_share::<T>();
		Pallet::<T>::do_agree_settlement(p.shipper.clone(), id, to_carrier)
			.expect("the shipper proposes");
		let carrier_free = T::Currency::balance(&p.carrier);
		let shipper_free = T::Currency::balance(&p.shipper);
		let to_shipper = unit::<T>().saturating_sub(to_carrier);

		#[extrinsic_call]
		_(RawOrigin::Signed(p.carrier.clone()), id, to_carrier);

		assert_has_event::<T>(Event::ClaimSettled {
			shipment: id,
			to_carrier,
			to_shipper,
			by_governance: false,
		});
		assert_eq!(shipment::<T>(id).state, ShipmentState::Closed { at: now::<T>() });
		assert_eq!(T::Currency::balance(&p.carrier), carrier_free.saturating_add(to_carrier));
		assert_eq!(T::Currency::balance(&p.shipper), shipper_free.saturating_add(to_shipper));
		assert_eq!(held::<T>(HoldReason::Escrow, &p.shipper), 0u32.into());
		assert_eq!(VehicleLoadCount::<T>::get(vehicle), 0);
	}

	/// Governance splits a disputed escrow (both transfers); the shipment leaves the carrier's
	/// vehicle.
	#[benchmark]
	fn decide_claim() {
		let p = parties::<T>();
		let (id, vehicle) = loaded_in_transit::<T>(&p);
		Pallet::<T>::do_agree_settlement(p.shipper.clone(), id, 0u32.into())
			.expect("the shipper proposes nothing");
		let to_carrier = carrier_share::<T>();
		let to_shipper = unit::<T>().saturating_sub(to_carrier);
		let carrier_free = T::Currency::balance(&p.carrier);
		let origin =
			T::GovernanceOrigin::try_successful_origin().expect("governance has an origin");

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, to_carrier);

		assert_last_event::<T>(Event::ClaimSettled {
			shipment: id,
			to_carrier,
			to_shipper,
			by_governance: true,
		});
		assert_eq!(shipment::<T>(id).state, ShipmentState::Closed { at: now::<T>() });
		assert_eq!(T::Currency::balance(&p.carrier), carrier_free.saturating_add(to_carrier));
		assert_eq!(held::<T>(HoldReason::Escrow, &p.shipper), 0u32.into());
		assert_eq!(VehicleLoadCount::<T>::get(vehicle), 0);
	}

	/// The escrow goes to the carrier the block after the claim window.
	#[benchmark]
	fn release_escrow() {
		let p = parties::<T>();
		let id = create::<T>(&p, UnitKind::Container);
		hand_over::<T>(&p.shipper, id, &p.carrier);
		hand_over::<T>(&p.carrier, id, &p.consignee);
		Pallet::<T>::do_confirm_delivery(p.consignee.clone(), id, hash(0x9d, 0))
			.expect("the consignee holds custody");
		let claim_window = shipment::<T>(id).claim_window;
		run_to::<T>(now::<T>().saturating_add(claim_window).saturating_add(1u32.into()));
		let carrier_free = T::Currency::balance(&p.carrier);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id);

		assert_last_event::<T>(Event::EscrowReleased {
			shipment: id,
			carrier: p.carrier.clone(),
			amount: unit::<T>(),
		});
		assert_eq!(shipment::<T>(id).state, ShipmentState::Closed { at: now::<T>() });
		assert_eq!(T::Currency::balance(&p.carrier), carrier_free.saturating_add(unit::<T>()));
		assert_eq!(held::<T>(HoldReason::Escrow, &p.shipper), 0u32.into());
	}

	/// A shipment closed `RetentionPeriod` ago with every record at its bound: `MaxEvents`
	/// events each declared wrong, `MaxSensors` sensors, `MaxConditionDays` daily roots (and
	/// their replay guards), `MaxExcursions` excursions.
	#[benchmark]
	fn remove_shipment() {
		let p = parties::<T>();
		let id = create::<T>(&p, UnitKind::Container);
		let closed_at = now::<T>();
		Pallet::<T>::do_cancel_shipment(p.shipper.clone(), id).expect("never picked up");
		fill_log::<T>(id, T::MaxEvents::get());
		for event in 0..T::MaxEvents::get() {
			ErrorDeclarations::<T>::insert(
				id,
				event,
				ErrorDeclaration {
					by: p.shipper.clone(),
					at: now::<T>(),
					reason: ErrorReason::DidNotOccur,
					corrective: None,
				},
			);
		}
		stored_sensors::<T>(id, T::MaxSensors::get());
		stored_roots::<T>(id, T::MaxConditionDays::get());
		stored_excursions::<T>(id, T::MaxExcursions::get());
		run_to::<T>(closed_at.saturating_add(T::RetentionPeriod::get()));

		#[extrinsic_call]
		_(RawOrigin::Signed(p.shipper.clone()), id);

		assert_last_event::<T>(Event::ShipmentRemoved { shipment: id });
		assert!(!Shipments::<T>::contains_key(id));
		assert_eq!(Events::<T>::iter_prefix(id).count(), 0);
		assert_eq!(ErrorDeclarations::<T>::iter_prefix(id).count(), 0);
		assert_eq!(Sensors::<T>::iter_prefix(id).count(), 0);
		assert_eq!(DailyRoots::<T>::iter_prefix(id).count(), 0);
		assert_eq!(Excursions::<T>::iter_prefix(id).count(), 0);
		assert!(!SeenRoots::<T>::contains_key(hash(0xa0, 0)));
		assert_eq!(held::<T>(HoldReason::Deposit, &p.shipper), 0u32.into());
	}

	/// A sold vehicle carrying `MaxShipmentsPerVehicle` shipments.
	#[benchmark]
	fn on_ownership_transferred() {
		let (owner, vehicle, shipments) = full_vehicle::<T>();
		let buyer: T::AccountId = account("buyer", 0, 0);

		#[block]
		{
			<Pallet<T> as OnOwnershipTransferred<T::AccountId>>::on_ownership_transferred(
				vehicle, &owner, &buyer,
			);
		}

		assert_eq!(VehicleLoadCount::<T>::get(vehicle), 0);
		for id in shipments {
			assert!(shipment::<T>(id).vehicle.is_none());
			assert_has_event::<T>(Event::VehicleLinkEnded {
				shipment: id,
				vehicle,
				cause: LinkEnd::Sold,
			});
		}
	}

	/// A scrapped vehicle carrying `MaxShipmentsPerVehicle` shipments.
	#[benchmark]
	fn on_status_changed() {
		let (_, vehicle, shipments) = full_vehicle::<T>();

		#[block]
		{
			<Pallet<T> as OnVehicleStatusChanged>::on_status_changed(
				vehicle,
				VehicleStatus::Scrapped,
			);
		}

		assert_eq!(VehicleLoadCount::<T>::get(vehicle), 0);
		for id in shipments {
			assert!(shipment::<T>(id).vehicle.is_none());
			assert_has_event::<T>(Event::VehicleLinkEnded {
				shipment: id,
				vehicle,
				cause: LinkEnd::Scrapped,
			});
		}
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
