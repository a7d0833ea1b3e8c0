//! Data batches: what a gateway serves, committed on chain by hash and URI.

use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	sp_runtime::{ArithmeticError, DispatchResult},
};
use v2x_primitives::{VehicleId, VehicleRegistry, VehicleStatus};

use crate::{
	Batch, BatchCounts, Batches, Config, DataCategory, Error, Event, Hash32, Pallet, UriOf,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_publish_batch(
		publisher: T::AccountId,
		vehicle: VehicleId,
		category: DataCategory,
		hash: Hash32,
		uri: UriOf<T>,
		(from, to): (u64, u64),
	) -> DispatchResult {
		match T::Vehicles::status(vehicle) {
			None => return Err(Error::<T>::VehicleNotFound.into()),
			Some(VehicleStatus::Scrapped) => return Err(Error::<T>::VehicleScrapped.into()),
			Some(VehicleStatus::Active | VehicleStatus::Stolen) => {}
		}
		let may_publish = T::Vehicles::owner(vehicle).as_ref() == Some(&publisher)
			|| T::Vehicles::vehicle_of_device(&publisher) == Some(vehicle);
		ensure!(may_publish, Error::<T>::NotPublisher);
		ensure!(from <= to, Error::<T>::InvalidTimeRange);
		let key = (vehicle, category);
		let seq = BatchCounts::<T>::get(key);
		let next = seq.checked_add(1).ok_or(ArithmeticError::Overflow)?;
		let slot = seq.checked_rem(T::MaxBatches::get()).ok_or(ArithmeticError::DivisionByZero)?;
		let batch = Batch::<T> {
			seq,
			hash,
			uri,
			from,
			to,
			publisher: publisher.clone(),
			published_at: Self::now(),
		};
		Batches::<T>::insert(key, slot, batch);
		BatchCounts::<T>::insert(key, next);
		Self::deposit_event(Event::BatchPublished { vehicle, category, seq, hash, publisher });
		Ok(())
	}
}
