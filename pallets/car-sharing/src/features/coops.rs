//! Co-ops: creation, and the fleet manager's work on the fleet through the identity pallet.

use alloc::collections::BTreeSet;
use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{fungible::Mutate, tokens::Preservation, Get},
	},
	frame_system::pallet_prelude::BlockNumberFor,
	sp_runtime::{traits::Zero, DispatchError, DispatchResult, Perbill},
};
use v2x_primitives::{VehicleControl, VehicleId};

use crate::{
	BalanceOf, Config, Coop, CoopFinances, CoopId, CoopOfAccount, CoopRules, CoopSetup, Coops,
	Error, Event, Fleet, FleetVehicle, HoldReason, Member, Members, NextCoopId, Pallet,
	PendingSales, Shares, VehicleCoop, VehicleTripTotals,
};

impl<T: Config> Pallet<T> {
	/// Creates a co-op: holds the deposit from the founder and moves the endowment into the
	/// co-op's account.
	pub(crate) fn do_create_coop(
		founder: T::AccountId,
		setup: CoopSetup<T>,
	) -> Result<CoopId, DispatchError> {
		let supply = Self::validate_setup(&setup)?;
		let coop = NextCoopId::<T>::get();
		let next = coop.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let account = Self::coop_account(coop);
		let deposit = T::CoopDeposit::get();
		Self::hold(HoldReason::CoopDeposit, &founder, deposit)?;
		let endowment = T::MinEndowment::get();
		T::Currency::transfer(&founder, &account, endowment, Preservation::Preserve)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		NextCoopId::<T>::put(next);
		Self::insert_coop(coop, founder.clone(), setup, supply, deposit, endowment);
		Self::deposit_event(Event::CoopCreated { coop, account, founder, share_supply: supply });
		Ok(coop)
	}

	/// Checks a co-op's name, rules and founders; returns the share supply.
	pub(crate) fn validate_setup(setup: &CoopSetup<T>) -> Result<Shares, DispatchError> {
		ensure!(!setup.name.is_empty(), Error::<T>::InvalidName);
		ensure!(setup.fleet_manager != setup.assessor, Error::<T>::ConflictOfInterest);
		Self::validate_rules(&setup.rules)?;
		ensure!(!setup.founders.is_empty(), Error::<T>::InvalidShares);
		let mut seen = BTreeSet::new();
		let mut supply: Shares = 0;
		for (who, shares) in &setup.founders {
			ensure!(*shares > 0, Error::<T>::InvalidShares);
			ensure!(seen.insert(who), Error::<T>::DuplicateFounder);
			supply = supply.checked_add(*shares).ok_or(Error::<T>::InvalidShares)?;
		}
		Ok(supply)
	}

	/// A quorum above zero and a supermajority above half of the supply.
	pub(crate) fn validate_rules(rules: &CoopRules<BlockNumberFor<T>>) -> DispatchResult {
		ensure!(!rules.quorum.is_zero(), Error::<T>::InvalidRules);
		ensure!(rules.supermajority > Perbill::from_percent(50), Error::<T>::InvalidRules);
		Ok(())
	}

	/// Stores a validated co-op and its founders' shares.
	pub(crate) fn insert_coop(
		coop: CoopId,
		founder: T::AccountId,
		setup: CoopSetup<T>,
		supply: Shares,
		deposit: BalanceOf<T>,
		reserve: BalanceOf<T>,
	) {
		for (who, shares) in &setup.founders {
			let member = Member { shares: *shares, ..Default::default() };
			Members::<T>::insert(coop, who, member);
		}
		let entry = Coop::<T> {
			name: setup.name,
			founder,
			fleet_manager: setup.fleet_manager,
			assessor: setup.assessor,
			rules: setup.rules,
			pricing: setup.pricing,
			share_supply: supply,
			members: setup.founders.len() as u32,
			vehicles: 0,
			open_proposals: 0,
			next_proposal: 0,
			deposit,
			finances: CoopFinances { reserve, ..Default::default() },
		};
		Coops::<T>::insert(coop, entry);
		CoopOfAccount::<T>::insert(Self::coop_account(coop), coop);
	}

	/// The fleet manager accepts `vehicle`, offered to the co-op's account as a gift.
	pub(crate) fn do_add_vehicle(
		who: T::AccountId,
		coop: CoopId,
		vehicle: VehicleId,
	) -> DispatchResult {
		Self::ensure_fleet_manager(coop, &who)?;
		Self::ensure_fleet_room(coop, vehicle)?;
		T::Vehicles::accept_offer(&Self::coop_account(coop), vehicle, Zero::zero())?;
		Self::join_fleet(coop, vehicle)
	}

	/// Fails if `vehicle` is in a fleet, or `coop`'s fleet is full.
	pub(crate) fn ensure_fleet_room(coop: CoopId, vehicle: VehicleId) -> DispatchResult {
		ensure!(!VehicleCoop::<T>::contains_key(vehicle), Error::<T>::AlreadyInFleet);
		let entry = Self::coop(coop)?;
		ensure!(entry.vehicles < T::MaxVehiclesPerCoop::get(), Error::<T>::TooManyVehicles);
		Ok(())
	}

	/// Adds a vehicle the co-op's account now owns to its fleet.
	pub(crate) fn join_fleet(coop: CoopId, vehicle: VehicleId) -> DispatchResult {
		Self::ensure_fleet_room(coop, vehicle)?;
		Coops::<T>::try_mutate(coop, |entry| -> DispatchResult {
			let entry = entry.as_mut().ok_or(Error::<T>::CoopNotFound)?;
			entry.vehicles = entry.vehicles.saturating_add(1);
			Ok(())
		})?;
		Fleet::<T>::insert(coop, vehicle, FleetVehicle::default());
		VehicleCoop::<T>::insert(vehicle, coop);
		Self::deposit_event(Event::VehicleAdded { coop, vehicle });
		Ok(())
	}

	/// Takes a sold or scrapped vehicle out of `coop`'s fleet; an open sale offer of it is
	/// dropped with its proposal's votes (its dissenters have nothing to exit from).
	pub(crate) fn leave_fleet(coop: CoopId, vehicle: VehicleId) {
		if Fleet::<T>::take(coop, vehicle).is_none() {
			return;
		}
		VehicleCoop::<T>::remove(vehicle);
		VehicleTripTotals::<T>::remove(vehicle);
		Coops::<T>::mutate(coop, |entry| {
			if let Some(entry) = entry {
				entry.vehicles = entry.vehicles.saturating_sub(1);
			}
		});
		if let Some(sale) = PendingSales::<T>::get(vehicle).filter(|sale| sale.coop == coop) {
			PendingSales::<T>::remove(vehicle);
			Self::remove_votes(coop, sale.proposal);
		}
		Self::deposit_event(Event::VehicleRemoved { coop, vehicle });
	}

	pub(crate) fn do_invite_device(
		who: T::AccountId,
		coop: CoopId,
		vehicle: VehicleId,
		device: T::AccountId,
	) -> DispatchResult {
		Self::ensure_fleet_manager(coop, &who)?;
		Self::ensure_in_fleet(coop, vehicle)?;
		T::Vehicles::invite_device(&Self::coop_account(coop), vehicle, &device)?;
		Self::deposit_event(Event::DeviceInvited { coop, vehicle, device });
		Ok(())
	}

	pub(crate) fn do_unbind_device(
		who: T::AccountId,
		coop: CoopId,
		vehicle: VehicleId,
		device: T::AccountId,
	) -> DispatchResult {
		Self::ensure_fleet_manager(coop, &who)?;
		Self::ensure_in_fleet(coop, vehicle)?;
		T::Vehicles::unbind_device(&Self::coop_account(coop), vehicle, &device)?;
		Self::deposit_event(Event::DeviceUnbound { coop, vehicle, device });
		Ok(())
	}

	pub(crate) fn do_report_stolen(
		who: T::AccountId,
		coop: CoopId,
		vehicle: VehicleId,
	) -> DispatchResult {
		Self::ensure_fleet_manager(coop, &who)?;
		Self::ensure_in_fleet(coop, vehicle)?;
		T::Vehicles::report_stolen(&Self::coop_account(coop), vehicle)?;
		Self::deposit_event(Event::VehicleReportedStolen { coop, vehicle });
		Ok(())
	}

	pub(crate) fn do_report_recovered(
		who: T::AccountId,
		coop: CoopId,
		vehicle: VehicleId,
	) -> DispatchResult {
		Self::ensure_fleet_manager(coop, &who)?;
		Self::ensure_in_fleet(coop, vehicle)?;
		T::Vehicles::report_recovered(&Self::coop_account(coop), vehicle)?;
		Self::deposit_event(Event::VehicleRecovered { coop, vehicle });
		Ok(())
	}
}
