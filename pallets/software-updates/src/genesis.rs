//! Builds the genesis repositories, images, campaigns and reports as the calls would (deposits
//! held, counts kept) minus the signature checks: genesis is trusted. Invalid entries stop the
//! build with a message.

use crate::{Config, GenesisConfig};

impl<T: Config> GenesisConfig<T> {
	/// Builds the genesis state. The vehicles must already exist in `T::Vehicles` and the
	/// manufacturers and devices be funded.
	// TODO(helper B)
	pub(crate) fn seed(&self) {}
}
