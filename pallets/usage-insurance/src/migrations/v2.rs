//! Version 1 to 2: policies carry their product's terms and their holder's role.
//!
//! A device's usage report read the policy's product (to check the period's premium stays
//! computable) and the vehicle's owner (to check the holder may still operate it). Version 2
//! copies the product's terms into each policy (published terms never change) and records
//! whether its holder bought it as the owner or as an operator ([`HolderRole`]): an owner's
//! active policy implies the ownership, so a report reads neither. Each policy takes its
//! product's terms, and its role from whether its holder owns the vehicle now (an active
//! policy's owner-holder still owns it; anyone else's right is looked up at each report, as
//! before). Nothing else changes.
//!
//! It rewrites every policy in one block: fine while the chain has few; a chain with many
//! would run it as a multi-block migration.

use alloc::vec::Vec;
use codec::{Decode, Encode};
use polkadot_sdk::{
	frame_support::{
		defensive,
		migrations::VersionedMigration,
		storage_alias,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
		Twox64Concat,
	},
	frame_system::{self, pallet_prelude::BlockNumberFor},
};
use v2x_primitives::{Km, VehicleId, VehicleRegistry};

#[cfg(feature = "try-runtime")]
use {
	polkadot_sdk::sp_runtime::TryRuntimeError,
	v2x_primitives::migrations::{count, counts_before, ensure_counts_kept},
};

#[cfg(feature = "try-runtime")]
use crate::{ActivePolicy, Claims, Insurers};
use crate::{
	BalanceOf, Config, HolderRole, Pallet, Policies, Policy, PolicyId, PolicyStatus, Products,
	Usage,
};

/// A policy as version 1 stored it: without `terms` and `holder_role`.
#[derive(Encode, Decode)]
pub struct PolicyV1<AccountId, Balance, BlockNumber> {
	pub holder: AccountId,
	pub vehicle: VehicleId,
	pub product: crate::ProductId,
	pub insurer: AccountId,
	pub status: PolicyStatus<BlockNumber>,
	pub started_at: BlockNumber,
	pub period_start: BlockNumber,
	pub period_end: BlockNumber,
	pub scheduled_at: BlockNumber,
	pub prepaid: Balance,
	pub cover_left: Balance,
	pub usage: Usage,
	pub last_km: Option<Km>,
	pub shortfall: Balance,
	pub open_claims: u32,
	pub deposit: Balance,
}

/// A version 1 policy as stored for a runtime.
pub type PolicyV1Of<T> =
	PolicyV1<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

/// `Policies` as version 1 stored it.
pub mod layout {
	use super::*;

	/// Every policy, by id, in the version 1 encoding.
	#[storage_alias]
	pub type Policies<T: Config> = StorageMap<Pallet<T>, Twox64Concat, PolicyId, PolicyV1Of<T>>;
}

/// Gives every policy its product's terms and its holder's role. Use [`MigrateV1ToV2`].
pub struct InnerMigrateV1ToV2<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV1ToV2<T> {
	fn on_runtime_upgrade() -> Weight {
		let old: Vec<(PolicyId, PolicyV1Of<T>)> = layout::Policies::<T>::iter().collect();
		let policies = old.len() as u64;
		for (id, old) in old {
			let Some(product) = Products::<T>::get(old.product) else {
				// Products are never removed: left as it was, `try_state` reports it.
				defensive!("a policy of a product that does not exist");
				continue;
			};
			let holder_role = if T::Vehicles::owner(old.vehicle).as_ref() == Some(&old.holder) {
				HolderRole::Owner
			} else {
				HolderRole::Operator
			};
			Policies::<T>::insert(
				id,
				Policy {
					holder: old.holder,
					vehicle: old.vehicle,
					product: old.product,
					insurer: old.insurer,
					status: old.status,
					started_at: old.started_at,
					period_start: old.period_start,
					period_end: old.period_end,
					scheduled_at: old.scheduled_at,
					prepaid: old.prepaid,
					cover_left: old.cover_left,
					usage: old.usage,
					last_km: old.last_km,
					shortfall: old.shortfall,
					open_claims: old.open_claims,
					deposit: old.deposit,
					terms: product.terms,
					holder_role,
				},
			);
		}
		// Each policy: itself, its product and its vehicle read, itself written.
		T::DbWeight::get().reads_writes(policies.saturating_mul(3), policies)
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

/// The numbers of insurers, products, policies, active policies and claims: the migration
/// keeps them all.
#[cfg(feature = "try-runtime")]
fn kept_counts<T: Config>() -> [u64; 5] {
	[
		count(Insurers::<T>::iter_keys()),
		count(Products::<T>::iter_keys()),
		count(Policies::<T>::iter_keys()),
		count(ActivePolicy::<T>::iter_keys()),
		count(Claims::<T>::iter_keys()),
	]
}

/// The migration from version 1 to 2, run once: it checks and bumps the storage version.
pub type MigrateV1ToV2<T> = VersionedMigration<
	1,
	2,
	InnerMigrateV1ToV2<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;
