//! Version 1 to 2: state written under the old rules is brought to the new ones.
//!
//! No storage type changed, but version 1 kept two things version 2 never does: a scrapped
//! vehicle still held its manufacturer's deposit, and a stolen vehicle kept its operators
//! and its lien consent. The migration releases those deposits and ends those rights,
//! emitting the events the calls would have. It reads every vehicle once: fine for the
//! chains version 1 ran on (development and test networks).

use polkadot_sdk::{
	frame_support::{
		defensive,
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	},
	sp_runtime::traits::Zero,
};
use v2x_primitives::VehicleStatus;

#[cfg(feature = "try-runtime")]
use {
	alloc::vec::Vec,
	polkadot_sdk::sp_runtime::TryRuntimeError,
	v2x_primitives::migrations::{count, counts_before, ensure_counts_kept},
};

use crate::{Config, LienConsents, Pallet, Vehicles};
#[cfg(feature = "try-runtime")]
use crate::{Lenders, OwnershipHistory, VehicleByVin, WmiOwner};

/// Brings scrapped and stolen vehicles to the version 2 rules. Use [`MigrateV1ToV2`].
pub struct InnerMigrateV1ToV2<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV1ToV2<T> {
	fn on_runtime_upgrade() -> Weight {
		let (mut reads, mut writes) = (0u64, 0u64);
		for (vehicle, mut entry) in Vehicles::<T>::iter() {
			reads = reads.saturating_add(1);
			match entry.status {
				VehicleStatus::Scrapped if !entry.deposit.is_zero() => {
					match Pallet::<T>::release_vehicle_deposit(&entry) {
						Ok(()) => {
							entry.deposit = Zero::zero();
							Vehicles::<T>::insert(vehicle, entry);
							writes = writes.saturating_add(2);
						}
						Err(_) => {
							defensive!("a scrapped vehicle's deposit could not be released");
						}
					}
				}
				VehicleStatus::Stolen => {
					LienConsents::<T>::remove(vehicle);
					// Operators and their deposits: at most `MaxOperatorsPerVehicle` of them.
					if Pallet::<T>::end_granted_rights(vehicle, &entry).is_err() {
						defensive!("a stolen vehicle's operator deposit could not be released");
					}
					reads = reads.saturating_add(2);
					writes = writes.saturating_add(
						u64::from(T::MaxOperatorsPerVehicle::get()).saturating_add(3),
					);
				}
				_ => {}
			}
		}
		T::DbWeight::get().reads_writes(reads, writes)
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, TryRuntimeError> {
		Ok(counts_before(&kept_counts::<T>()))
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(before: Vec<u8>) -> Result<(), TryRuntimeError> {
		ensure_counts_kept(before, &kept_counts::<T>())?;
		Pallet::<T>::do_try_state()
	}
}

/// The numbers of vehicles, VINs, WMI codes, ownership histories and lenders: the migration
/// ends rights and releases deposits but keeps all of these.
#[cfg(feature = "try-runtime")]
fn kept_counts<T: Config>() -> [u64; 5] {
	[
		count(Vehicles::<T>::iter_keys()),
		count(VehicleByVin::<T>::iter_keys()),
		count(WmiOwner::<T>::iter_keys()),
		count(OwnershipHistory::<T>::iter_keys()),
		count(Lenders::<T>::iter_keys()),
	]
}

/// The migration from version 1 to 2, run once: it checks and bumps the storage version.
pub type MigrateV1ToV2<T> = VersionedMigration<
	1,
	2,
	InnerMigrateV1ToV2<T>,
	Pallet<T>,
	<T as polkadot_sdk::frame_system::Config>::DbWeight,
>;
