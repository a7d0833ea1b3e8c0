//! Builds the genesis shipments as the calls would (holds taken, EPCIS events appended), so
//! they pass `try_state`.

use crate::{Config, GenesisConfig};

impl<T: Config> GenesisConfig<T> {
	/// Builds the genesis state.
	pub(crate) fn seed(&self) {
		// helper B implements
	}
}
