//! The runtime API that answers with a vehicle's passport.

use crate::{VehicleId, VehiclePassport, VehicleRef};

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// A vehicle's whole story in one call (see [`VehiclePassport`]).
	pub trait VehiclePassportApi<AccountId, Balance, BlockNumber, Record, Policy, Listing>
	where
		AccountId: codec::Codec,
		Balance: codec::Codec,
		BlockNumber: codec::Codec,
		Record: codec::Codec,
		Policy: codec::Codec,
		Listing: codec::Codec,
	{
		/// The vehicle's passport with the page of service records that starts at position
		/// `newest_record` (newest first; `None`: the latest records). `None` for an unknown
		/// vehicle.
		fn vehicle_passport(
			vehicle: VehicleRef,
			newest_record: Option<u32>,
		) -> Option<VehiclePassport<AccountId, Balance, BlockNumber, Record, Policy, Listing>>;

		/// The id of the vehicle, if one is registered under it.
		fn vehicle_id(vehicle: VehicleRef) -> Option<VehicleId>;
	}
}
