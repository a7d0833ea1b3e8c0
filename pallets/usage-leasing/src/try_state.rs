//! The invariants of leasing, checked after every test and by `try-runtime`.

use alloc::collections::{BTreeMap, BTreeSet};
use polkadot_sdk::{
	frame_support::{ensure, traits::fungible::InspectHold},
	sp_runtime::{traits::Zero, Saturating, TryRuntimeError},
};
use v2x_primitives::VehicleControl;

use crate::{
	BalanceOf, Config, DueLeases, HoldReason, Lease, LeaseId, LeaseState, Leases, NextLeaseId,
	Pallet, VehicleLease,
};

impl<T: Config> Pallet<T> {
	/// Checks every invariant of leasing; `Err` names the first one broken.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::check_index()?;
		for (id, lease) in Leases::<T>::iter() {
			Self::check_lease(id, &lease)?;
		}
		Self::check_due_leases()?;
		Self::check_holds()
	}

	/// Leases and `VehicleLease` agree both ways; ids are below `NextLeaseId`.
	fn check_index() -> Result<(), TryRuntimeError> {
		let next = NextLeaseId::<T>::get();
		let mut leases = 0usize;
		for (id, lease) in Leases::<T>::iter() {
			leases = leases.saturating_add(1);
			ensure!(id < next, "a lease id at or beyond NextLeaseId");
			ensure!(
				VehicleLease::<T>::get(lease.vehicle) == Some(id),
				"a lease not indexed by its vehicle"
			);
		}
		ensure!(
			VehicleLease::<T>::iter().count() == leases,
			"a vehicle indexed to a lease that does not exist"
		);
		Ok(())
	}

	/// One lease's state, arrears and lien.
	fn check_lease(_id: LeaseId, lease: &Lease<T>) -> Result<(), TryRuntimeError> {
		let terms = &lease.terms;
		ensure!(lease.periods_settled <= terms.periods, "a lease settled more periods than it has");
		let mut last_period = 0u32;
		for instalment in lease.arrears.iter() {
			ensure!(!instalment.owed.is_zero(), "an instalment with nothing owed");
			ensure!(
				instalment.period > last_period && instalment.period <= lease.periods_settled,
				"arrears out of period order"
			);
			last_period = instalment.period;
		}
		ensure!(
			lease.prepaid.is_zero() || lease.arrears.is_empty(),
			"a prepayment beside unpaid arrears"
		);
		match lease.state {
			LeaseState::Offered { .. } => {
				ensure!(
					lease.start.is_zero()
						&& lease.periods_settled == 0
						&& lease.arrears.is_empty()
						&& lease.prepaid.is_zero(),
					"an offer with a schedule or money"
				);
			}
			LeaseState::Running | LeaseState::Defaulted { .. } => {
				ensure!(
					T::Vehicles::lien_holder(lease.vehicle).as_ref() == Some(&lease.holder),
					"an accepted lease without its holder's lien"
				);
				ensure!(
					lease.periods_settled < terms.periods || !lease.arrears.is_empty(),
					"a lease with nothing left to charge or pay was not completed"
				);
			}
		}
		if matches!(lease.state, LeaseState::Defaulted { .. }) {
			ensure!(!lease.arrears.is_empty(), "a defaulted lease with nothing overdue");
		}
		Ok(())
	}

	/// `DueLeases` has exactly one entry per accepted lease with periods left, at its next due
	/// date, and nothing else.
	fn check_due_leases() -> Result<(), TryRuntimeError> {
		let mut scheduled = BTreeSet::new();
		for (due, id) in DueLeases::<T>::iter_keys() {
			let lease = Leases::<T>::get(id).ok_or("a due entry of no lease")?;
			ensure!(lease.is_accepted(), "a due entry of an offer");
			ensure!(lease.next_due() == Some(due), "a due entry off the lease's next due date");
			ensure!(scheduled.insert(id), "a lease due twice");
		}
		for (id, lease) in Leases::<T>::iter() {
			if lease.is_accepted() && lease.next_due().is_some() {
				ensure!(scheduled.contains(&id), "an accepted lease with periods left is not due");
			}
		}
		Ok(())
	}

	/// Each lessor's held deposits and each lessee's held prepayments are exactly its
	/// leases'. (Holds cannot be listed by reason: an account left with a hold after its last
	/// lease ended is not seen here; the tests check those balances.)
	fn check_holds() -> Result<(), TryRuntimeError> {
		let mut deposits = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		let mut prepaid = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		for lease in Leases::<T>::iter_values() {
			let deposit = deposits.entry(lease.owner.clone()).or_insert_with(Zero::zero);
			*deposit = deposit.saturating_add(lease.deposit);
			let held = prepaid.entry(lease.lessee.clone()).or_insert_with(Zero::zero);
			*held = held.saturating_add(lease.prepaid);
		}
		for (who, total) in deposits {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::Deposit.into(), &who) == total,
				"a lessor's deposit hold does not match its leases"
			);
		}
		for (who, total) in prepaid {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::Prepayment.into(), &who) == total,
				"a lessee's prepayment hold does not match its leases"
			);
		}
		Ok(())
	}
}
