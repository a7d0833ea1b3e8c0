//! The invariants catch corrupted storage: each test breaks one directly and expects `Err`
//! (so these tests do not end with the usual `do_try_state`).

use polkadot_sdk::frame_support::{assert_ok, traits::fungible::MutateHold};

use super::{
	campaigns::{brake_v1, brake_v2, bundle_campaign, repository_with_images},
	reports::{installed_bundle, report},
	*,
};
use crate::{Latest, Reports, RootHistory};

#[test]
fn try_state_accepts_what_the_calls_build() {
	ExtBuilder::default().build().execute_with(|| {
		bundle_campaign();
		report(DEVICE_1, VEHICLE_1, &installed_bundle());
		assert_ok!(SoftwareUpdates::do_try_state());
	});
}

#[test]
fn try_state_catches_a_gap_in_the_root_chain() {
	ExtBuilder::default().build().execute_with(|| {
		create_repository();
		let mut renewed = default_root();
		renewed.version = 2;
		renewed.root = role(&NEW_ROOT_KEYS, 2);
		let payload = SoftwareUpdates::root_payload(&MAKER, &renewed);
		assert_ok!(SoftwareUpdates::rotate_root(
			origin(RELAY),
			MAKER,
			renewed,
			signed(&ROOT_KEYS[..2], &payload),
			signed(&NEW_ROOT_KEYS[..2], &payload)
		));
		assert_ok!(SoftwareUpdates::do_try_state());

		RootHistory::<Test>::remove(MAKER, 1);

		assert_eq!(SoftwareUpdates::do_try_state(), Err("a gap in the root chain".into()));
	});
}

#[test]
fn try_state_catches_a_decreasing_release_counter() {
	ExtBuilder::default().build().execute_with(|| {
		repository_with_images();
		add_target(&brake_v2());
		assert_ok!(SoftwareUpdates::do_try_state());

		// Latest pointed back at release 1 while release 2 is stored.
		let key = (hw(BRAKE), brake_v1().name);
		Latest::<Test>::insert(MAKER, key, (1, brake_v1().hash));

		assert_eq!(
			SoftwareUpdates::do_try_state(),
			Err("a stored image is newer than Latest: a decreasing release counter".into())
		);
	});
}

#[test]
fn try_state_catches_unaccounted_deposit() {
	ExtBuilder::default().build().execute_with(|| {
		repository_with_images();
		assert_ok!(SoftwareUpdates::do_try_state());

		assert_ok!(Balances::hold(&HoldReason::Repository.into(), &MAKER, 1));

		assert_eq!(
			SoftwareUpdates::do_try_state(),
			Err("held Repository != the repository's deposits".into())
		);
	});
}

#[test]
fn try_state_catches_a_device_deposit_not_held() {
	ExtBuilder::default().build().execute_with(|| {
		report(DEVICE_1, VEHICLE_1, &installed_bundle());
		Reports::<Test>::mutate(VEHICLE_1, |reports| {
			if let Some(reports) = reports {
				reports.deposit += 1;
			}
		});

		assert_eq!(
			SoftwareUpdates::do_try_state(),
			Err("held Reports != the deposits of the device's vehicles".into())
		);
	});
}
