//! What other pallets may do to a vehicle for the account that owns or buys it: a co-op
//! pallet's keyless account accepts a sale, binds a device or grants a renter a timed right.

use polkadot_sdk::{frame_support::weights::Weight, sp_runtime::DispatchResult};

use crate::VehicleId;

/// Acts on a vehicle for `owner` (or `buyer`), under the same rules, deposits and events as
/// the identity pallet's own calls. Implemented by the identity pallet; the caller is
/// responsible for having authorised the account (for example by a co-op vote).
pub trait VehicleControl<AccountId, Balance, BlockNumber> {
	/// `owner` offers `vehicle` to `buyer` at `price` (`None`: a gift) until `expires_at`.
	fn offer_sale(
		owner: &AccountId,
		vehicle: VehicleId,
		buyer: &AccountId,
		price: Option<Balance>,
		expires_at: BlockNumber,
	) -> DispatchResult;
	/// `owner` withdraws its open offer on `vehicle`.
	fn cancel_offer(owner: &AccountId, vehicle: VehicleId) -> DispatchResult;
	/// `buyer` accepts the open offer on `vehicle`, paying at most `max_price`.
	fn accept_offer(buyer: &AccountId, vehicle: VehicleId, max_price: Balance) -> DispatchResult;
	/// `owner` invites `device` to bind to `vehicle`; the device accepts in the identity pallet.
	fn invite_device(owner: &AccountId, vehicle: VehicleId, device: &AccountId) -> DispatchResult;
	/// `owner` unbinds `device` (or withdraws its invitation).
	fn unbind_device(owner: &AccountId, vehicle: VehicleId, device: &AccountId) -> DispatchResult;
	/// `owner` lets `operator` operate `vehicle` until `until` (inclusive).
	fn grant_operator(
		owner: &AccountId,
		vehicle: VehicleId,
		operator: &AccountId,
		until: BlockNumber,
	) -> DispatchResult;
	/// `owner` ends `operator`'s right on `vehicle` now.
	fn revoke_operator(
		owner: &AccountId,
		vehicle: VehicleId,
		operator: &AccountId,
	) -> DispatchResult;

	/// `owner` reports `vehicle` stolen: the status hooks run as for the identity call.
	fn report_stolen(owner: &AccountId, vehicle: VehicleId) -> DispatchResult;
	/// `owner` reports its stolen `vehicle` recovered.
	fn report_recovered(owner: &AccountId, vehicle: VehicleId) -> DispatchResult;

	/// Whether governance approved `who` as a lender.
	fn is_lender(who: &AccountId) -> bool;
	/// Places a lien of approved `lender` on `owner`'s active `vehicle` in one step: the
	/// agreement the calling pallet manages (a lease) is the owner's consent. Such a lien is
	/// released only through [`Self::release_lien`] (or ends with governance's scrapping):
	/// the identity pallet's own release calls refuse it, so it stands exactly as long as the
	/// agreement.
	fn place_lien(owner: &AccountId, vehicle: VehicleId, lender: &AccountId) -> DispatchResult;
	/// Releases the lien `lender` holds on `vehicle`.
	fn release_lien(lender: &AccountId, vehicle: VehicleId) -> DispatchResult;
	/// Who holds a lien on `vehicle`, if anyone.
	fn lien_holder(vehicle: VehicleId) -> Option<AccountId>;

	/// The most weight `offer_sale` or `cancel_offer` may use.
	fn offer_weight() -> Weight;
	/// The most weight `accept_offer` may use, ownership hooks included.
	fn accept_offer_weight() -> Weight;
	/// The most weight `report_stolen` or `report_recovered` may use, status hooks included.
	fn status_weight() -> Weight;
}
