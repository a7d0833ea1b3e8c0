//! What other pallets may do to a vehicle for an account they control ([`VehicleControl`]):
//! the same checks, deposits and events as the calls, without the origin.

use crate::{BalanceOf, Config, Pallet, WeightInfo};
use polkadot_sdk::{
	frame_support::weights::Weight, frame_system::pallet_prelude::BlockNumberFor,
	sp_runtime::DispatchResult,
};
use v2x_primitives::{OnOwnershipTransferred, OnVehicleStatusChanged, VehicleControl, VehicleId};

impl<T: Config> VehicleControl<T::AccountId, BalanceOf<T>, BlockNumberFor<T>> for Pallet<T> {
	fn offer_sale(
		owner: &T::AccountId,
		vehicle: VehicleId,
		buyer: &T::AccountId,
		price: Option<BalanceOf<T>>,
		expires_at: BlockNumberFor<T>,
	) -> DispatchResult {
		Self::do_offer_sale(owner.clone(), vehicle, buyer.clone(), price, expires_at)
	}

	fn cancel_offer(owner: &T::AccountId, vehicle: VehicleId) -> DispatchResult {
		Self::do_cancel_offer(owner.clone(), vehicle)
	}

	fn accept_offer(
		buyer: &T::AccountId,
		vehicle: VehicleId,
		max_price: BalanceOf<T>,
	) -> DispatchResult {
		Self::do_accept_offer(buyer.clone(), vehicle, max_price)
	}

	fn invite_device(
		owner: &T::AccountId,
		vehicle: VehicleId,
		device: &T::AccountId,
	) -> DispatchResult {
		Self::do_bind_device(owner.clone(), vehicle, device.clone())
	}

	fn unbind_device(
		owner: &T::AccountId,
		vehicle: VehicleId,
		device: &T::AccountId,
	) -> DispatchResult {
		Self::do_unbind_device(owner.clone(), vehicle, device.clone())
	}

	fn grant_operator(
		owner: &T::AccountId,
		vehicle: VehicleId,
		operator: &T::AccountId,
		until: BlockNumberFor<T>,
	) -> DispatchResult {
		Self::do_grant_operator(owner.clone(), vehicle, operator.clone(), until)
	}

	fn revoke_operator(
		owner: &T::AccountId,
		vehicle: VehicleId,
		operator: &T::AccountId,
	) -> DispatchResult {
		Self::do_revoke_operator(owner.clone(), vehicle, operator.clone())
	}

	fn report_stolen(owner: &T::AccountId, vehicle: VehicleId) -> DispatchResult {
		Self::do_report_stolen(owner.clone(), vehicle)
	}

	fn report_recovered(owner: &T::AccountId, vehicle: VehicleId) -> DispatchResult {
		Self::do_report_recovered(owner.clone(), vehicle)
	}

	fn is_lender(who: &T::AccountId) -> bool {
		crate::Lenders::<T>::contains_key(who)
	}

	fn place_lien(
		owner: &T::AccountId,
		vehicle: VehicleId,
		lender: &T::AccountId,
	) -> DispatchResult {
		Self::do_place_controlled_lien(owner.clone(), vehicle, lender.clone())
	}

	fn release_lien(lender: &T::AccountId, vehicle: VehicleId) -> DispatchResult {
		Self::do_release_lien(lender.clone(), vehicle)
	}

	fn lien_holder(vehicle: VehicleId) -> Option<T::AccountId> {
		crate::Vehicles::<T>::get(vehicle).and_then(|entry| entry.lien)
	}

	fn offer_weight() -> Weight {
		T::WeightInfo::offer_sale().max(T::WeightInfo::cancel_offer())
	}

	fn accept_offer_weight() -> Weight {
		T::WeightInfo::accept_offer().saturating_add(T::OnOwnershipTransferred::weight())
	}

	fn status_weight() -> Weight {
		T::WeightInfo::report_stolen()
			.max(T::WeightInfo::report_recovered())
			.saturating_add(T::OnVehicleStatusChanged::weight())
	}

	fn lien_weight() -> Weight {
		T::WeightInfo::place_lien().max(T::WeightInfo::release_lien())
	}
}
