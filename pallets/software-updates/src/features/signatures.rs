//! The payloads offline keys sign, and the threshold check every signed call makes.
//!
//! Every payload is `(domain, manufacturer, ...).encode()` with a fixed-size domain tag, so a
//! signature for one kind of metadata or one repository never verifies for another. Payloads
//! of changes that could be replayed (delegations, revocations, campaigns) carry the
//! repository's next nonce; images need none (a replay fails on the release counter) and root
//! rotations neither (a replay fails on the version).

use alloc::vec::Vec;
use codec::Encode;
use polkadot_sdk::{
	frame_support::ensure,
	sp_core::H256,
	sp_runtime::{
		traits::{BlakeTwo256, Hash, Verify},
		DispatchResult,
	},
};
use v2x_primitives::VehicleId;

use crate::{
	CampaignId, CampaignInputOf, Config, DelegationId, DelegationInputOf, Error, ManifestOf,
	Pallet, RevokedKeys, RoleKeysOf, RootOf, SignaturesOf, TargetInputOf,
};

impl<T: Config> Pallet<T> {
	/// What the root role signs to create or rotate to `root`.
	pub fn root_payload(manufacturer: &T::AccountId, root: &RootOf<T>) -> Vec<u8> {
		(b"v2x/ota/root", manufacturer, root).encode()
	}

	/// What the targets role (or a delegation) signs to add `target`.
	pub fn target_payload(manufacturer: &T::AccountId, target: &TargetInputOf<T>) -> Vec<u8> {
		(b"v2x/ota/target", manufacturer, target).encode()
	}

	/// What the targets role signs to delegate `input`; `nonce` is the repository's + 1.
	pub fn delegate_payload(
		manufacturer: &T::AccountId,
		nonce: u32,
		input: &DelegationInputOf<T>,
	) -> Vec<u8> {
		(b"v2x/ota/delegate", manufacturer, nonce, input).encode()
	}

	/// What the targets role signs to revoke delegation `id`; `nonce` is the repository's + 1.
	pub fn revoke_delegation_payload(
		manufacturer: &T::AccountId,
		nonce: u32,
		id: DelegationId,
	) -> Vec<u8> {
		(b"v2x/ota/revoke-delegation", manufacturer, nonce, id).encode()
	}

	/// What the root role signs to revoke `key`; `nonce` is the repository's + 1.
	pub fn revoke_key_payload(
		manufacturer: &T::AccountId,
		nonce: u32,
		key: &T::AccountId,
	) -> Vec<u8> {
		(b"v2x/ota/revoke-key", manufacturer, nonce, key).encode()
	}

	/// What the director role signs to create `input`; `nonce` is the repository's + 1.
	pub fn campaign_payload(
		manufacturer: &T::AccountId,
		nonce: u32,
		input: &CampaignInputOf<T>,
	) -> Vec<u8> {
		(b"v2x/ota/campaign", manufacturer, nonce, input).encode()
	}

	/// What the director role signs to cancel campaign `id`; `nonce` is the repository's + 1.
	pub fn cancel_campaign_payload(
		manufacturer: &T::AccountId,
		nonce: u32,
		id: CampaignId,
	) -> Vec<u8> {
		(b"v2x/ota/cancel-campaign", manufacturer, nonce, id).encode()
	}

	/// What a vehicle's device commits to: its manifest, blinded by a salt only the device
	/// (and whoever it tells, the owner) knows.
	pub fn report_commitment(
		vehicle: VehicleId,
		salt: &[u8; 32],
		manifest: &ManifestOf<T>,
	) -> H256 {
		BlakeTwo256::hash(&(b"v2x/ota/report", vehicle, salt, manifest).encode())
	}

	/// The BLAKE2-256 of `root`'s encoding, as `RootHistory` keeps it.
	pub fn root_hash(root: &RootOf<T>) -> H256 {
		BlakeTwo256::hash(&root.encode())
	}

	/// A threshold of `role`'s keys signed `payload`. Every entry is checked before any
	/// signature is verified (verifying is the costly part): its key is the role's
	/// (`UnknownKey`), not revoked in `manufacturer`'s repository (`KeyRevoked`) and not seen
	/// before (`DuplicateSignature`); then there must be `threshold` entries
	/// (`BelowThreshold`), and every signature must verify (`BadSignature`).
	pub(crate) fn check_threshold(
		manufacturer: &T::AccountId,
		role: &RoleKeysOf<T>,
		payload: &[u8],
		signatures: &SignaturesOf<T>,
	) -> DispatchResult {
		for (index, (key, _)) in signatures.iter().enumerate() {
			ensure!(role.keys.contains(key), Error::<T>::UnknownKey);
			ensure!(!RevokedKeys::<T>::contains_key(manufacturer, key), Error::<T>::KeyRevoked);
			let seen = signatures.iter().take(index).any(|(earlier, _)| earlier == key);
			ensure!(!seen, Error::<T>::DuplicateSignature);
		}
		ensure!(signatures.len() >= role.threshold as usize, Error::<T>::BelowThreshold);
		for (key, signature) in signatures.iter() {
			ensure!(signature.verify(payload, key), Error::<T>::BadSignature);
		}
		Ok(())
	}

	/// `role` is well formed: distinct keys, `1 <= threshold <= keys` (`InvalidRole`), and
	/// none of its keys is revoked in `manufacturer`'s repository (`KeyRevoked`).
	pub(crate) fn validate_role(
		manufacturer: &T::AccountId,
		role: &RoleKeysOf<T>,
	) -> DispatchResult {
		ensure!(role.is_well_formed(), Error::<T>::InvalidRole);
		Self::ensure_none_revoked(manufacturer, role)
	}

	/// None of `role`'s keys is revoked in `manufacturer`'s repository (`KeyRevoked`).
	pub(crate) fn ensure_none_revoked(
		manufacturer: &T::AccountId,
		role: &RoleKeysOf<T>,
	) -> DispatchResult {
		let revoked = role.keys.iter().any(|key| RevokedKeys::<T>::contains_key(manufacturer, key));
		ensure!(!revoked, Error::<T>::KeyRevoked);
		Ok(())
	}
}
