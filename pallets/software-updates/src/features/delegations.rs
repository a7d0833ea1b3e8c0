//! Delegations of the targets role to suppliers: their keys sign images within a name prefix
//! and a set of hardware ids, until the delegation expires or the targets role revokes it.

use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	sp_runtime::DispatchResult,
};

use crate::{
	are_distinct, Config, Delegation, DelegationId, DelegationInputOf, Delegations, Error, Event,
	Pallet, Repositories, SignaturesOf,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_delegate(
		manufacturer: T::AccountId,
		input: DelegationInputOf<T>,
		signatures: SignaturesOf<T>,
	) -> DispatchResult {
		let mut repository = Self::live_repository(&manufacturer)?;
		ensure!(repository.delegations < T::MaxDelegations::get(), Error::<T>::TooManyDelegations);
		ensure!(
			!input.name.is_empty()
				&& input.keys.is_well_formed()
				&& are_distinct(&input.hardware_ids),
			Error::<T>::InvalidDelegation
		);
		Self::ensure_none_revoked(&manufacturer, &input.keys)?;
		ensure!(
			Self::now() < input.expires_at && input.expires_at <= repository.root.expires_at,
			Error::<T>::InvalidExpiry
		);
		let nonce = Self::next_nonce(&repository)?;
		let payload = Self::delegate_payload(&manufacturer, nonce, &input);
		Self::check_threshold(&manufacturer, &repository.root.targets, &payload, &signatures)?;
		let id = repository.next_delegation;
		repository.next_delegation = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		repository.delegations =
			repository.delegations.checked_add(1).ok_or(Error::<T>::Overflow)?;
		repository.nonce = nonce;
		let name = input.name.clone();
		Delegations::<T>::insert(&manufacturer, id, Delegation::new(input));
		Repositories::<T>::insert(&manufacturer, repository);
		Self::deposit_event(Event::Delegated { manufacturer, delegation: id, name });
		Ok(())
	}

	pub(crate) fn do_revoke_delegation(
		manufacturer: T::AccountId,
		id: DelegationId,
		signatures: SignaturesOf<T>,
	) -> DispatchResult {
		let mut repository = Self::live_repository(&manufacturer)?;
		let mut delegation =
			Delegations::<T>::get(&manufacturer, id).ok_or(Error::<T>::UnknownDelegation)?;
		ensure!(!delegation.revoked, Error::<T>::DelegationRevoked);
		let nonce = Self::next_nonce(&repository)?;
		let payload = Self::revoke_delegation_payload(&manufacturer, nonce, id);
		Self::check_threshold(&manufacturer, &repository.root.targets, &payload, &signatures)?;
		delegation.revoked = true;
		repository.nonce = nonce;
		Delegations::<T>::insert(&manufacturer, id, delegation);
		Repositories::<T>::insert(&manufacturer, repository);
		Self::deposit_event(Event::DelegationWithdrawn { manufacturer, delegation: id });
		Ok(())
	}
}
