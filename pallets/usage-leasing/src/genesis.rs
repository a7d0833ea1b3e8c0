//! Starts leases at genesis (the dev chain's demo lease): each is offered by the vehicle's
//! owner and accepted at block 0.

use crate::{Config, GenesisConfig};

impl<T: Config> GenesisConfig<T> {
	/// Builds the genesis state.
	// helper B
	pub(crate) fn seed(&self) {}
}
