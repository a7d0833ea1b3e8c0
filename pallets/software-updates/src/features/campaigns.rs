//! Campaigns: the director role approves which current images which vehicles install; the
//! manufacturer removes them once cancelled or expired.

use polkadot_sdk::sp_runtime::DispatchResult;
use v2x_primitives::Vin;

use crate::{CampaignId, CampaignInputOf, Config, Pallet, SignaturesOf, VehicleSelector};

/// Whether `selector` selects the vehicle with `vin`: its first bytes are the selector's model
/// (VIN positions 1-8, or a shorter prefix), and its serial (positions 12-17) lies within the
/// selector's range, inclusive, compared as bytes.
pub fn selects(selector: &VehicleSelector, vin: &Vin) -> bool {
	let bytes = vin.as_bytes();
	if !bytes.starts_with(&selector.model) {
		return false;
	}
	match (&selector.serials, bytes.get(11..17)) {
		(None, _) => true,
		(Some((first, last)), Some(serial)) => {
			first.as_slice() <= serial && serial <= last.as_slice()
		}
		(Some(_), None) => false,
	}
}

impl<T: Config> Pallet<T> {
	// TODO(helper B): the checks, the deposit and the image counts of the spec.
	pub(crate) fn do_create_campaign(
		_manufacturer: T::AccountId,
		_input: CampaignInputOf<T>,
		_signatures: SignaturesOf<T>,
	) -> DispatchResult {
		Ok(())
	}

	// TODO(helper B)
	pub(crate) fn do_cancel_campaign(
		_manufacturer: T::AccountId,
		_id: CampaignId,
		_signatures: SignaturesOf<T>,
	) -> DispatchResult {
		Ok(())
	}

	// TODO(helper B)
	pub(crate) fn do_remove_campaign(
		_manufacturer: T::AccountId,
		_id: CampaignId,
	) -> DispatchResult {
		Ok(())
	}
}
