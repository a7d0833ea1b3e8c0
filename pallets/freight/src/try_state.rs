//! The invariants of freight, checked after every test and by `try-runtime`.

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
	BalanceOf, Children, Config, DailyRoots, ErrorDeclarations, Events, Excursions, HoldReason,
	NextShipmentId, Pallet, SeenRoots, Sensors, Shipment, ShipmentId, ShipmentState, Shipments,
	VehicleLoadCount, VehicleLoads,
};

/// Sums of amounts per account.
type Ledger<T> = BTreeMap<<T as polkadot_sdk::frame_system::Config>::AccountId, BalanceOf<T>>;

fn add<T: Config>(ledger: &mut Ledger<T>, who: &T::AccountId, amount: BalanceOf<T>) {
	let entry = ledger.entry(who.clone()).or_insert_with(Zero::zero);
	*entry = entry.saturating_add(amount);
}

impl<T: Config> Pallet<T> {
	/// Checks every invariant of freight; `Err` names the first one broken.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut escrows = Ledger::<T>::new();
		let mut deposits = Ledger::<T>::new();
		let next = NextShipmentId::<T>::get();
		for (id, shipment) in Shipments::<T>::iter() {
			ensure!(id < next, "a shipment id at or beyond NextShipmentId");
			Self::check_custody(id, &shipment)?;
			Self::check_records(id, &shipment)?;
			Self::check_shape(&shipment)?;
			add::<T>(&mut deposits, &shipment.shipper, shipment.deposit);
			if shipment.state.is_closed() {
				ensure!(shipment.escrow.is_zero(), "a closed shipment still has escrow");
				add::<T>(&mut escrows, &shipment.shipper, Zero::zero());
			} else {
				add::<T>(&mut escrows, &shipment.shipper, shipment.escrow);
			}
		}
		Self::check_tree()?;
		Self::check_vehicle_loads()?;
		Self::check_orphans()?;
		Self::check_holds(
			HoldReason::Escrow,
			&escrows,
			"held Escrow != Σ escrow of open shipments",
		)?;
		Self::check_holds(HoldReason::Deposit, &deposits, "held Deposit != Σ deposit")
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

	/// One custodian per shipment: exactly one of `custodian` and `parent`; a parent exists, is
	/// not closed and of a higher kind; the root within two hops; hand-offs and vehicles on
	/// roots only; delivered shipments with the consignee.
	fn check_custody(id: ShipmentId, shipment: &Shipment<T>) -> Result<(), TryRuntimeError> {
		ensure!(
			shipment.custodian.is_some() != shipment.parent.is_some(),
			"a shipment needs exactly one of custodian and parent"
		);
		if let Some(parent_id) = shipment.parent {
			let Some(parent) = Shipments::<T>::get(parent_id) else {
				return Err("a shipment's parent is missing".into());
			};
			ensure!(!parent.state.is_closed(), "a shipment's parent is closed");
			ensure!(parent.kind > shipment.kind, "a parent's kind is not above its child's");
			ensure!(shipment.handoff.is_none(), "a hand-off on an aggregated shipment");
			ensure!(shipment.vehicle.is_none(), "an aggregated shipment is loaded");
		}
		ensure!(Self::root_of(id).is_some(), "a shipment's root is not within two hops");
		if let Some(handoff) = &shipment.handoff {
			ensure!(shipment.state.is_open(), "a hand-off on a delivered or closed shipment");
			ensure!(
				shipment.custodian.as_ref() != Some(&handoff.to),
				"a hand-off to the custodian"
			);
		}
		let delivered = matches!(shipment.state, ShipmentState::Delivered { .. })
			|| (shipment.state.is_closed() && shipment.pod.is_some());
		if delivered {
			ensure!(
				shipment.custodian.as_ref() == Some(&shipment.consignee),
				"a delivered shipment's custodian is not the consignee"
			);
		}
		Ok(())
	}

	/// The counters agree with the stored records, within their bounds; every daily root is in
	/// `SeenRoots` pointing back; declarations are on stored events only.
	fn check_records(id: ShipmentId, shipment: &Shipment<T>) -> Result<(), TryRuntimeError> {
		let events = Events::<T>::iter_key_prefix(id).collect::<BTreeSet<_>>();
		ensure!(events.len() == shipment.events as usize, "events != Events entries");
		ensure!(shipment.events <= T::MaxEvents::get(), "more events than MaxEvents");
		ensure!(events.iter().copied().eq(0..shipment.events), "the event log is not 0..events");
		for (event, declaration) in ErrorDeclarations::<T>::iter_prefix(id) {
			ensure!(events.contains(&event), "a declaration on a missing event");
			if let Some(corrective) = declaration.corrective {
				ensure!(events.contains(&corrective), "a declaration's correction is missing");
				ensure!(corrective != event, "an event corrects itself");
			}
		}
		let sensors = Sensors::<T>::iter_key_prefix(id).count();
		ensure!(sensors == shipment.sensors as usize, "sensors != Sensors entries");
		ensure!(shipment.sensors <= T::MaxSensors::get(), "more sensors than MaxSensors");
		let mut commitments = 0usize;
		for ((day, _), entry) in DailyRoots::<T>::iter_prefix(id) {
			commitments = commitments.saturating_add(1);
			ensure!(
				SeenRoots::<T>::get(entry.root) == Some((id, day)),
				"a daily root is not in SeenRoots pointing back"
			);
		}
		ensure!(commitments == shipment.commitments as usize, "commitments != DailyRoots entries");
		ensure!(
			shipment.commitments <= T::MaxConditionDays::get(),
			"more daily roots than MaxConditionDays"
		);
		let excursions = Excursions::<T>::iter_key_prefix(id).count();
		ensure!(
			excursions == shipment.excursions.min(T::MaxExcursions::get()) as usize,
			"min(excursions, MaxExcursions) != Excursions entries"
		);
		let children = Children::<T>::iter_key_prefix(id).count();
		ensure!(children == shipment.children as usize, "children != Children entries");
		ensure!(shipment.children <= T::MaxChildren::get(), "more children than MaxChildren");
		Ok(())
	}

	/// Legs within their bounds, the leg in progress one of them.
	fn check_shape(shipment: &Shipment<T>) -> Result<(), TryRuntimeError> {
		ensure!(!shipment.legs.is_empty(), "a shipment without legs");
		ensure!(
			(shipment.leg as usize) < shipment.legs.len(),
			"the leg in progress is beyond the legs"
		);
		ensure!(
			shipment.condition.is_none_or(|condition| condition.is_valid()),
			"an invalid condition spec"
		);
		Ok(())
	}

	/// `Children(p, c)` iff `c.parent == Some(p)`.
	fn check_tree() -> Result<(), TryRuntimeError> {
		for (parent, child) in Children::<T>::iter_keys() {
			let Some(entry) = Shipments::<T>::get(child) else {
				return Err("a Children entry of a missing shipment".into());
			};
			ensure!(entry.parent == Some(parent), "a Children entry without its parent link");
		}
		for (id, shipment) in Shipments::<T>::iter() {
			if let Some(parent) = shipment.parent {
				ensure!(Children::<T>::contains_key(parent, id), "a parent link without Children");
			}
		}
		Ok(())
	}

	/// `vehicle == Some(v)` iff `VehicleLoads(v, id)`; the counts agree and stay within
	/// `MaxShipmentsPerVehicle`.
	fn check_vehicle_loads() -> Result<(), TryRuntimeError> {
		let mut counts = BTreeMap::<VehicleId, u32>::new();
		for (vehicle, id) in VehicleLoads::<T>::iter_keys() {
			let Some(shipment) = Shipments::<T>::get(id) else {
				return Err("a VehicleLoads entry of a missing shipment".into());
			};
			ensure!(shipment.vehicle == Some(vehicle), "a VehicleLoads entry without its link");
			let count = counts.entry(vehicle).or_default();
			*count = count.saturating_add(1);
		}
		for (id, shipment) in Shipments::<T>::iter() {
			if let Some(vehicle) = shipment.vehicle {
				ensure!(
					VehicleLoads::<T>::contains_key(vehicle, id),
					"a link without VehicleLoads"
				);
			}
		}
		let stored = VehicleLoadCount::<T>::iter().collect::<BTreeMap<_, _>>();
		ensure!(stored == counts, "VehicleLoadCount != VehicleLoads entries");
		ensure!(
			counts.values().all(|count| *count <= T::MaxShipmentsPerVehicle::get()),
			"more loads than MaxShipmentsPerVehicle"
		);
		Ok(())
	}

	/// No record outlives its shipment; every seen root is a stored daily root.
	fn check_orphans() -> Result<(), TryRuntimeError> {
		let exists = |id: ShipmentId| Shipments::<T>::contains_key(id);
		ensure!(Events::<T>::iter_keys().all(|(id, _)| exists(id)), "an orphan event");
		ensure!(
			ErrorDeclarations::<T>::iter_keys().all(|(id, _)| exists(id)),
			"an orphan error declaration"
		);
		ensure!(Sensors::<T>::iter_keys().all(|(id, _)| exists(id)), "an orphan sensor");
		ensure!(DailyRoots::<T>::iter_keys().all(|(id, _)| exists(id)), "an orphan daily root");
		ensure!(Excursions::<T>::iter_keys().all(|(id, _)| exists(id)), "an orphan excursion");
		for (root, (id, day)) in SeenRoots::<T>::iter() {
			let stored = DailyRoots::<T>::iter_prefix(id)
				.any(|((entry_day, _), entry)| entry_day == day && entry.root == root);
			ensure!(stored, "a seen root without its daily root");
		}
		Ok(())
	}
}
