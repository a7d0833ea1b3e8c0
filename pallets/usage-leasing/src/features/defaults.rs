//! Defaults: the holder requests one after a due date's grace and notice, `on_finalize`
//! decides it after every payment of the block, and the holder writes a defaulted lease off.

use polkadot_sdk::{
	frame_support::{ensure, storage::with_storage_layer},
	frame_system::pallet_prelude::BlockNumberFor,
	sp_runtime::DispatchResult,
};
use v2x_primitives::VehicleControl;

use crate::{Config, DefaultChecks, Error, Event, LeaseId, LeaseState, Leases, Pallet};

impl<T: Config> Pallet<T> {
	/// Queues the default of a running lease for `on_finalize`: the request only says that the
	/// holder wants it, so that a payment later in the same block still averts it.
	pub(crate) fn do_mark_default(who: T::AccountId, id: LeaseId) -> DispatchResult {
		let lease = Self::lease(id)?;
		ensure!(lease.holder == who, Error::<T>::NotHolder);
		match lease.state {
			LeaseState::Offered { .. } => return Err(Error::<T>::NotRunning.into()),
			LeaseState::Defaulted { .. } => return Err(Error::<T>::AlreadyDefaulted.into()),
			LeaseState::Running => {}
		}
		ensure!(!DefaultChecks::<T>::get().contains(&id), Error::<T>::DefaultAlreadyRequested);
		// A lease that completes on settling owes nothing.
		let lease = Self::settle_lease(id)?.ok_or(Error::<T>::DefaultNotAllowed)?;
		ensure!(Self::default_allowed(&lease, Self::now()), Error::<T>::DefaultNotAllowed);
		DefaultChecks::<T>::try_mutate(|checks| checks.try_push(id))
			.map_err(|_| Error::<T>::TooManyDefaultChecks)?;
		Self::deposit_event(Event::DefaultRequested { lease: id });
		Ok(())
	}

	/// Decides the defaults requested in this block (`DefaultChecks`), after its payments: a
	/// lease still running and still past its oldest instalment's due date, grace and notice
	/// defaults (`ImmobilisationAuthorised`); any other request is averted (`DefaultAverted`),
	/// including one whose lease ended in the block.
	pub(crate) fn confirm_defaults(now: BlockNumberFor<T>) {
		for id in DefaultChecks::<T>::take() {
			// Due periods were settled by the request; a failing settlement leaves the lease
			// as it was and the check goes on with it.
			let _ = with_storage_layer(|| Self::settle_lease(id).map(|_| ()));
			match Leases::<T>::get(id) {
				Some(mut lease)
					if lease.state == LeaseState::Running && Self::default_allowed(&lease, now) =>
				{
					lease.state = LeaseState::Defaulted { since: now };
					Self::deposit_event(Event::ImmobilisationAuthorised {
						lease: id,
						vehicle: lease.vehicle,
						holder: lease.holder.clone(),
						overdue: lease.arrears_total(),
					});
					Leases::<T>::insert(id, lease);
				}
				_ => Self::deposit_event(Event::DefaultAverted { lease: id }),
			}
		}
	}

	/// Ends a defaulted lease the holder gives up on: what is unpaid (the arrears and the base
	/// fees of the periods not settled) is written off, the lien and the lessee's operator
	/// right end, the prepayment goes back to the lessee and the deposit to the lessor.
	pub(crate) fn do_write_off(who: T::AccountId, id: LeaseId) -> DispatchResult {
		let lease = Self::lease(id)?;
		ensure!(lease.holder == who, Error::<T>::NotHolder);
		ensure!(matches!(lease.state, LeaseState::Defaulted { .. }), Error::<T>::NotDefaulted);
		// Settling may have drawn a prepayment that cured (or completed) the lease.
		let lease = Self::settle_lease(id)?.ok_or(Error::<T>::NotDefaulted)?;
		ensure!(matches!(lease.state, LeaseState::Defaulted { .. }), Error::<T>::NotDefaulted);
		let written_off = lease.outstanding();
		Self::release_lien_if_held(&lease)?;
		// The right may have ended already (at the end block, or with a theft).
		let _ = T::Vehicles::revoke_operator(&lease.owner, lease.vehicle, &lease.lessee);
		Self::close_lease(id, &lease);
		Self::deposit_event(Event::LeaseWrittenOff {
			lease: id,
			vehicle: lease.vehicle,
			written_off,
		});
		Ok(())
	}
}
