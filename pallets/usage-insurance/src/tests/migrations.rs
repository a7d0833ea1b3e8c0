//! Storage migrations move old state to the new layout.

use codec::Encode;
use polkadot_sdk::frame_support::{
	storage::unhashed,
	traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
};

use super::*;
use crate::{
	migrations::v2::{MigrateV1ToV2, PolicyV1},
	HolderRole, Policy,
};

/// Stores `id` as version 1 did: without its terms and its holder's role.
fn store_as_version_1(id: PolicyId) {
	let Policy {
		holder,
		vehicle,
		product,
		insurer,
		status,
		started_at,
		period_start,
		period_end,
		scheduled_at,
		prepaid,
		cover_left,
		usage,
		last_km,
		shortfall,
		open_claims,
		deposit,
		..
	} = policy(id);
	let old = PolicyV1 {
		holder,
		vehicle,
		product,
		insurer,
		status,
		started_at,
		period_start,
		period_end,
		scheduled_at,
		prepaid,
		cover_left,
		usage,
		last_km,
		shortfall,
		open_claims,
		deposit,
	};
	unhashed::put_raw(&Policies::<Test>::hashed_key_for(id), &old.encode());
}

#[test]
fn version_1_policies_get_their_products_terms_and_their_holders_role() {
	ExtBuilder::ready().build_and_execute(|| {
		read(VEHICLE, 1_000);
		let ended = buy(500);
		assert_ok!(UsageInsurance::cancel_policy(signed(OWNER), ended));
		let operators = buy_product(OPERATOR, VEHICLE, 0, 500);
		report(1_050, events(1, 0, 0));
		let owners = buy_product(OTHER_OWNER, OTHER_VEHICLE, 0, 500);
		let expected = [ended, operators, owners].map(policy);
		for id in [ended, operators, owners] {
			store_as_version_1(id);
			assert_eq!(Policies::<Test>::get(id), None);
		}
		StorageVersion::new(1).put::<UsageInsurance>();

		MigrateV1ToV2::<Test>::on_runtime_upgrade();

		assert_eq!([ended, operators, owners].map(policy), expected);
		assert_eq!(policy(operators).holder_role, HolderRole::Operator);
		assert_eq!(policy(owners).holder_role, HolderRole::Owner);
		assert_eq!(UsageInsurance::on_chain_storage_version(), StorageVersion::new(2));
		// Reports go on in the new layout.
		report(1_100, events(0, 0, 0));
		assert_eq!(policy(operators).usage.km, 100);
	});
}

#[test]
fn the_migration_runs_once() {
	ExtBuilder::ready().build_and_execute(|| {
		let id = buy(500);
		let before = policy(id);
		assert_eq!(UsageInsurance::on_chain_storage_version(), StorageVersion::new(2));
		MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(policy(id), before);
	});
}

/// The upgrade as try-runtime runs it: the migration's own pre- and post-upgrade checks
/// (counts kept, the invariants, which include the copied terms and the owners' roles).
#[cfg(feature = "try-runtime")]
#[test]
fn version_2_passes_its_upgrade_checks() {
	ExtBuilder::ready().build_and_execute(|| {
		let owners = buy(500);
		let others = buy_product(OTHER_OWNER, OTHER_VEHICLE, 0, 500);
		store_as_version_1(owners);
		store_as_version_1(others);
		StorageVersion::new(1).put::<UsageInsurance>();
		assert!(MigrateV1ToV2::<Test>::try_on_runtime_upgrade(true).is_ok());
		assert_eq!(policy(owners).holder_role, HolderRole::Owner);
	});
}
