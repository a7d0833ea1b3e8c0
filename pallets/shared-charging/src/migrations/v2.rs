//! Version 1 to 2: a charger's meter agrees to serve it.
//!
//! Version 1 stored the device account the operator named (`device`) and gave it a meter's
//! powers at once; version 2 stores a [`ChargerMeter`] that acts only once it accepted. The
//! meters version 1 recorded never signed anything, so each becomes invited: it accepts with
//! `accept_charger_meter`, and until then the operator confirms and stops sessions, as it
//! always could. A device that was its own charger's operator is dropped (an operator needs
//! no meter). It reads every charger once: fine for the chains version 1 ran on
//! (development and test networks).

use codec::{Decode, Encode};
use polkadot_sdk::frame_support::{
	migrations::VersionedMigration,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};

#[cfg(feature = "try-runtime")]
use {
	alloc::vec::Vec,
	polkadot_sdk::sp_runtime::TryRuntimeError,
	v2x_primitives::migrations::{count, counts_before, ensure_counts_kept},
};

use crate::{
	AccessRule, BalanceOf, Charger, ChargerMeter, Chargers, Config, Connector, GeohashOf, Pallet,
	SessionId, TariffId,
};
#[cfg(feature = "try-runtime")]
use crate::{Disputes, HeldPayments, Records, Sessions, Tariffs};

/// A charger as version 1 stored it.
#[derive(Encode, Decode)]
pub struct ChargerV1<AccountId, Geohash, Balance> {
	pub operator: AccountId,
	pub device: AccountId,
	pub location: Geohash,
	pub max_power_kw: u32,
	pub connector: Connector,
	pub bidirectional: bool,
	pub access: AccessRule,
	pub tariff: TariffId,
	pub enabled: bool,
	pub session: Option<SessionId>,
	pub members: u32,
	pub deposit: Balance,
}

/// The version 1 charger of `T`.
pub type ChargerV1Of<T> =
	ChargerV1<<T as polkadot_sdk::frame_system::Config>::AccountId, GeohashOf<T>, BalanceOf<T>>;

/// Turns every charger's device into an invited meter. Use [`MigrateV1ToV2`].
pub struct InnerMigrateV1ToV2<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV1ToV2<T> {
	fn on_runtime_upgrade() -> Weight {
		let mut migrated: u64 = 0;
		Chargers::<T>::translate::<ChargerV1Of<T>, _>(|_, old| {
			migrated = migrated.saturating_add(1);
			let meter = if old.device == old.operator {
				ChargerMeter::None
			} else {
				ChargerMeter::Invited(old.device)
			};
			Some(Charger {
				operator: old.operator,
				meter,
				location: old.location,
				max_power_kw: old.max_power_kw,
				connector: old.connector,
				bidirectional: old.bidirectional,
				access: old.access,
				tariff: old.tariff,
				enabled: old.enabled,
				session: old.session,
				members: old.members,
				deposit: old.deposit,
			})
		});
		T::DbWeight::get().reads_writes(migrated, migrated)
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

/// The numbers of chargers, tariffs, sessions, charge records, held payments and disputes: the
/// migration rewrites the chargers in place and keeps them all.
#[cfg(feature = "try-runtime")]
fn kept_counts<T: Config>() -> [u64; 6] {
	[
		count(Chargers::<T>::iter_keys()),
		count(Tariffs::<T>::iter_keys()),
		count(Sessions::<T>::iter_keys()),
		count(Records::<T>::iter_keys()),
		count(HeldPayments::<T>::iter_keys()),
		count(Disputes::<T>::iter_keys()),
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
