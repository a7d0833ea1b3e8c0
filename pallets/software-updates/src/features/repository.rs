//! A manufacturer's repository: its creation with self-signed root metadata, root rotations
//! (signed by the old and the new root role, Uptane 5.4.4.3) and key revocations.

use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	sp_runtime::DispatchResult,
};
use v2x_primitives::VehicleRegistry;

use crate::{
	Config, Error, Event, HoldReason, Pallet, Repositories, Repository, RevokedKeys, RootHistory,
	RootOf, SignaturesOf,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_create_repository(
		manufacturer: T::AccountId,
		root: RootOf<T>,
		signatures: SignaturesOf<T>,
	) -> DispatchResult {
		ensure!(T::Vehicles::is_manufacturer(&manufacturer), Error::<T>::NotManufacturer);
		ensure!(!Repositories::<T>::contains_key(&manufacturer), Error::<T>::RepositoryExists);
		ensure!(root.version == 1, Error::<T>::WrongVersion);
		Self::check_root(&manufacturer, &root)?;
		let payload = Self::root_payload(&manufacturer, &root);
		Self::check_threshold(&manufacturer, &root.root, &payload, &signatures)?;
		Self::hold(HoldReason::Repository, &manufacturer, T::RepositoryDeposit::get())?;
		Self::store_repository(manufacturer, root);
		Ok(())
	}

	/// Stores a new repository with `root` (checked, its deposit held): the genesis build
	/// uses it too.
	pub(crate) fn store_repository(manufacturer: T::AccountId, root: RootOf<T>) {
		let root_hash = Self::root_hash(&root);
		RootHistory::<T>::insert(&manufacturer, root.version, root_hash);
		Repositories::<T>::insert(&manufacturer, Repository::new(root));
		Self::deposit_event(Event::RepositoryCreated { manufacturer, root_hash });
	}

	/// `root` expires after this block (`AlreadyExpired`) and its roles are valid
	/// (`InvalidRole`, `KeyRevoked`).
	pub(crate) fn check_root(manufacturer: &T::AccountId, root: &RootOf<T>) -> DispatchResult {
		ensure!(root.expires_at > Self::now(), Error::<T>::AlreadyExpired);
		Self::validate_role(manufacturer, &root.root)?;
		Self::validate_role(manufacturer, &root.targets)?;
		Self::validate_role(manufacturer, &root.director)
	}

	pub(crate) fn do_rotate_root(
		manufacturer: T::AccountId,
		new_root: RootOf<T>,
		old_signatures: SignaturesOf<T>,
		new_signatures: SignaturesOf<T>,
	) -> DispatchResult {
		let mut repository = Self::repository(&manufacturer)?;
		let next = repository.root.version.checked_add(1).ok_or(Error::<T>::WrongVersion)?;
		ensure!(new_root.version == next, Error::<T>::WrongVersion);
		Self::check_root(&manufacturer, &new_root)?;
		// No expiry check on the current root: a rotation is how a frozen repository recovers.
		let payload = Self::root_payload(&manufacturer, &new_root);
		Self::check_threshold(&manufacturer, &repository.root.root, &payload, &old_signatures)?;
		Self::check_threshold(&manufacturer, &new_root.root, &payload, &new_signatures)?;
		Self::hold(HoldReason::Repository, &manufacturer, T::RootVersionDeposit::get())?;
		let root_hash = Self::root_hash(&new_root);
		RootHistory::<T>::insert(&manufacturer, next, root_hash);
		repository.root = new_root;
		Repositories::<T>::insert(&manufacturer, repository);
		Self::deposit_event(Event::RootRotated { manufacturer, version: next, root_hash });
		Ok(())
	}

	pub(crate) fn do_revoke_key(
		manufacturer: T::AccountId,
		key: T::AccountId,
		signatures: SignaturesOf<T>,
	) -> DispatchResult {
		let mut repository = Self::live_repository(&manufacturer)?;
		ensure!(!RevokedKeys::<T>::contains_key(&manufacturer, &key), Error::<T>::KeyRevoked);
		ensure!(repository.revoked_keys < T::MaxRevokedKeys::get(), Error::<T>::TooManyRevokedKeys);
		let root = &repository.root.root;
		let remaining = root
			.keys
			.iter()
			.filter(|k| **k != key && !RevokedKeys::<T>::contains_key(&manufacturer, *k))
			.count();
		ensure!(remaining >= root.threshold as usize, Error::<T>::WouldLockRoot);
		let nonce = Self::next_nonce(&repository)?;
		let payload = Self::revoke_key_payload(&manufacturer, nonce, &key);
		Self::check_threshold(&manufacturer, root, &payload, &signatures)?;
		let revoked_keys = repository.revoked_keys.checked_add(1).ok_or(Error::<T>::Overflow)?;
		RevokedKeys::<T>::insert(&manufacturer, &key, Self::now());
		repository.revoked_keys = revoked_keys;
		repository.nonce = nonce;
		Repositories::<T>::insert(&manufacturer, repository);
		Self::deposit_event(Event::KeyRevoked { manufacturer, key });
		Ok(())
	}
}
