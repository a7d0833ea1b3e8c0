//! The calls' logic, as `do_*` functions on [`Pallet`](crate::Pallet), by domain.

mod batches;
mod grants;
mod listings;
mod settlement;

use polkadot_sdk::{
	frame_support::{
		defensive,
		traits::{fungible::MutateHold, tokens::Precision},
	},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::{traits::Zero, DispatchResult},
};
use v2x_primitives::{VehicleId, VehicleRegistry, VehicleStatus};

use crate::{BalanceOf, Config, Consent, EpochEnds, Error, Grant, HoldReason, Listing, Pallet};

impl<T: Config> Pallet<T> {
	pub(crate) fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	/// Fails unless the vehicle exists and is active: stolen and scrapped vehicles take no
	/// listings or purchases.
	pub(crate) fn ensure_active_vehicle(vehicle: VehicleId) -> DispatchResult {
		match T::Vehicles::status(vehicle) {
			None => Err(Error::<T>::VehicleNotFound.into()),
			Some(VehicleStatus::Scrapped) => Err(Error::<T>::VehicleScrapped.into()),
			Some(VehicleStatus::Stolen) => Err(Error::<T>::VehicleStolen.into()),
			Some(VehicleStatus::Active) => Ok(()),
		}
	}

	/// The block `listing`'s consent ended (withdrawal, or the end of its consent epoch by a
	/// sale, theft report or scrapping), or `None` while it stands.
	pub(crate) fn consent_end(listing: &Listing<T>) -> Option<BlockNumberFor<T>> {
		if listing.ended_at.is_some() {
			return listing.ended_at;
		}
		if Consent::<T>::get(listing.vehicle).epoch == listing.epoch {
			return None;
		}
		match EpochEnds::<T>::get(listing.vehicle, listing.epoch) {
			Some(end) => Some(end.at),
			None => {
				defensive!("a listing of an older epoch whose end was not recorded");
				Some(Self::now())
			}
		}
	}

	/// Whether `listing` takes purchases and renewals: not withdrawn, its consent epoch
	/// still the vehicle's.
	pub(crate) fn is_open(listing: &Listing<T>) -> bool {
		listing.ended_at.is_none() && Consent::<T>::get(listing.vehicle).epoch == listing.epoch
	}

	/// The first block `grant` gives no access: its expiry, or the end of its listing's
	/// consent if that came first.
	pub(crate) fn grant_end(listing: &Listing<T>, grant: &Grant<T>) -> BlockNumberFor<T> {
		Self::consent_end(listing).map_or(grant.expires_at, |end| end.min(grant.expires_at))
	}

	/// Holds `amount` from `who`; a zero amount (genesis listings) holds nothing.
	pub(crate) fn hold(
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Currency::hold(&reason.into(), who, amount)
			.map_err(|_| Error::<T>::InsufficientBalance.into())
	}

	/// Releases `amount` held from `who`. It was held when its entry was created: should the
	/// release fail, it stays held (`try_state` reports it) rather than stop the caller.
	pub(crate) fn release(reason: HoldReason, who: &T::AccountId, amount: BalanceOf<T>) {
		if amount.is_zero() {
			return;
		}
		if T::Currency::release(&reason.into(), who, amount, Precision::Exact).is_err() {
			defensive!("a held amount could not be released");
		}
	}
}
