//! Tests of software updates, one behaviour each. Every test ends by checking the pallet's
//! invariants (`ExtBuilder::build_and_execute`).
//!
//! The usual setup (`mock`): `MAKER` builds vehicles 1..=3 (owned by `OWNER`, devices
//! `DEVICE_1..=3` bound) and creates its repository with `default_root` (root keys 2 of 3,
//! targets 2 of 2, director 2 of 3, expiring after `ROOT_EXPIRY`).

mod campaigns;
mod delegations;
mod genesis;
mod hooks;
mod reports;
mod repository;
mod runtime_api;
mod signatures;
mod targets;
mod try_state;

use polkadot_sdk::{
	frame_support::{
		assert_ok,
		traits::fungible::{Inspect, InspectHold},
	},
	sp_core::H256,
};

use crate::{
	mock::*, DelegationId, DelegationInputOf, HardwareId, HoldReason, ImageName, ImageSigner,
	Repositories, RepositoryOf, TargetInputOf,
};

pub(crate) fn origin(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// What `who` has on hold for `reason`.
pub(crate) fn held(reason: HoldReason, who: u64) -> u64 {
	Balances::balance_on_hold(&reason.into(), &who)
}

/// `who`'s free balance.
pub(crate) fn free(who: u64) -> u64 {
	Balances::balance(&who)
}

/// The pallet's last event.
pub(crate) fn last_event() -> crate::Event<Test> {
	events().pop().expect("an event was emitted")
}

/// `MAKER`'s stored repository.
pub(crate) fn repository() -> RepositoryOf<Test> {
	Repositories::<Test>::get(MAKER).expect("the repository exists")
}

/// The nonce `MAKER`'s next nonce-protected payload carries.
pub(crate) fn next_nonce() -> u32 {
	repository().nonce + 1
}

/// `MAKER` creates its repository with `default_root`, signed by root keys 1001 and 1002.
pub(crate) fn create_repository() {
	let root = default_root();
	let signatures = signed(&ROOT_KEYS[..2], &SoftwareUpdates::root_payload(&MAKER, &root));
	assert_ok!(SoftwareUpdates::create_repository(origin(MAKER), root, signatures));
}

/// A hardware id.
pub(crate) fn hw(id: &[u8]) -> HardwareId {
	id.to_vec().try_into().expect("a short hardware id")
}

/// An image name or prefix.
pub(crate) fn name(name: &[u8]) -> ImageName {
	name.to_vec().try_into().expect("a short name")
}

/// The brake ECUs, which `supplier_delegation` covers.
pub(crate) const BRAKE: &[u8] = b"ECU-BRAKE";
/// The engine ECUs.
pub(crate) const ENGINE: &[u8] = b"ECU-ENGINE";
/// The block `supplier_delegation` expires after.
pub(crate) const DELEGATION_EXPIRY: u64 = 50;

/// An image `name` for `hardware_ids` with release `counter`; its hash is `counter` repeated,
/// offset by `seed` (so two images of one counter differ).
pub(crate) fn image(
	image_name: &[u8],
	hardware_ids: &[&[u8]],
	counter: u32,
	seed: u8,
) -> TargetInputOf<Test> {
	TargetInputOf::<Test> {
		name: name(image_name),
		length: 1_000,
		hash: H256::repeat_byte((counter as u8).wrapping_add(seed)),
		hardware_ids: hardware_ids.iter().map(|id| hw(id)).collect::<Vec<_>>().try_into().unwrap(),
		release_counter: counter,
	}
}

/// `RELAY` adds `target`, signed by both targets keys.
pub(crate) fn add_target(target: &TargetInputOf<Test>) {
	let signatures = signed(&TARGETS_KEYS, &SoftwareUpdates::target_payload(&MAKER, target));
	assert_ok!(SoftwareUpdates::add_target(
		origin(RELAY),
		MAKER,
		target.clone(),
		ImageSigner::Targets,
		signatures
	));
}

/// The supplier's delegation: `SUPPLIER_KEYS` 1 of 2, names under `bosch/`, brake ECUs only,
/// until `DELEGATION_EXPIRY`.
pub(crate) fn supplier_delegation() -> DelegationInputOf<Test> {
	DelegationInputOf::<Test> {
		name: name(b"Bosch"),
		keys: role(&SUPPLIER_KEYS, 1),
		path_prefix: name(b"bosch/"),
		hardware_ids: vec![hw(BRAKE)].try_into().unwrap(),
		expires_at: DELEGATION_EXPIRY,
	}
}

/// The targets keys' signatures on delegating `input` at the repository's next nonce.
pub(crate) fn delegation_signatures(input: &DelegationInputOf<Test>) -> crate::SignaturesOf<Test> {
	signed(&TARGETS_KEYS, &SoftwareUpdates::delegate_payload(&MAKER, next_nonce(), input))
}

/// `RELAY` submits `input`, signed by both targets keys; returns its id.
pub(crate) fn delegate(input: &DelegationInputOf<Test>) -> DelegationId {
	let id = repository().next_delegation;
	let signatures = delegation_signatures(input);
	assert_ok!(SoftwareUpdates::delegate(origin(RELAY), MAKER, input.clone(), signatures));
	id
}
