//! Installation reports: a vehicle's device commits to its manifest; the owner reveals it,
//! checked against the repository and the campaign it completes.

use polkadot_sdk::{sp_core::H256, sp_runtime::DispatchResult};
use v2x_primitives::VehicleId;

use crate::{Config, ManifestOf, Pallet, ReportIndex};

impl<T: Config> Pallet<T> {
	// TODO(helper B): the checks, the deposit and the bounded window of the spec.
	pub(crate) fn do_report_installation(
		_device: T::AccountId,
		_vehicle: VehicleId,
		_commitment: H256,
	) -> DispatchResult {
		Ok(())
	}

	// TODO(helper B)
	pub(crate) fn do_reveal_report(
		_owner: T::AccountId,
		_vehicle: VehicleId,
		_report: ReportIndex,
		_salt: [u8; 32],
		_manifest: ManifestOf<T>,
	) -> DispatchResult {
		Ok(())
	}
}
