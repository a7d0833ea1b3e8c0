//! Tests of the validator set, one behaviour each. Every test ends by checking the pallet's
//! invariants (`ExtBuilder::build_and_execute`).

use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok, traits::Hooks},
	frame_system,
	pallet_session::{self, SessionManager},
	sp_runtime::DispatchError,
};

use crate::{mock::*, Error, Event, SetChanged, Validators};

fn council() -> RuntimeOrigin {
	RuntimeOrigin::signed(Council::get())
}

/// The accounts the session pallet validates with now.
fn active() -> Vec<u64> {
	pallet_session::Validators::<Test>::get()
}

/// The accounts the session pallet has queued for the next session.
fn queued() -> Vec<u64> {
	pallet_session::QueuedKeys::<Test>::get().into_iter().map(|(v, _)| v).collect()
}

fn set() -> Vec<u64> {
	Validators::<Test>::get().into_inner()
}

fn last_event() -> RuntimeEvent {
	frame_system::Pallet::<Test>::events().pop().expect("an event").event
}

fn session_queued_events() -> usize {
	frame_system::Pallet::<Test>::events()
		.into_iter()
		.filter(|r| matches!(r.event, RuntimeEvent::Session(pallet_session::Event::NewQueued)))
		.count()
}

#[test]
fn genesis_set_is_the_session_pallets_set() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(set(), GENESIS.to_vec());
		assert_eq!(active(), GENESIS.to_vec());
		assert_eq!(queued(), GENESIS.to_vec());
		assert!(!SetChanged::<Test>::get());
	});
}

#[test]
fn council_adds_a_validator_with_keys() {
	ExtBuilder::default().build_and_execute(|| {
		MockSessionKeys::register(4);
		assert_ok!(ValidatorSet::add_validator(council(), 4));
		assert_eq!(set(), vec![1, 2, 3, 4]);
		assert!(SetChanged::<Test>::get());
		assert_eq!(last_event(), RuntimeEvent::ValidatorSet(Event::ValidatorAdded { who: 4 }));
	});
}

#[test]
fn root_adds_and_removes_too() {
	ExtBuilder::default().build_and_execute(|| {
		MockSessionKeys::register(4);
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 4));
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 1));
		assert_eq!(set(), vec![2, 3, 4]);
	});
}

#[test]
fn a_signed_stranger_cannot_add_or_remove() {
	ExtBuilder::default().build_and_execute(|| {
		MockSessionKeys::register(4);
		// Even a validator is a stranger to the set's governance.
		for stranger in [RuntimeOrigin::signed(4), RuntimeOrigin::signed(1)] {
			assert_noop!(
				ValidatorSet::add_validator(stranger.clone(), 4),
				DispatchError::BadOrigin
			);
			assert_noop!(ValidatorSet::remove_validator(stranger, 1), DispatchError::BadOrigin);
		}
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::none(), 4),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn an_account_without_session_keys_cannot_be_added() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(ValidatorSet::add_validator(council(), 4), Error::<Test>::NoSessionKeys);
	});
}

#[test]
fn a_validator_cannot_be_added_twice() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(ValidatorSet::add_validator(council(), 2), Error::<Test>::AlreadyValidator);
	});
}

#[test]
fn the_set_stays_within_max() {
	ExtBuilder::default().build_and_execute(|| {
		for who in 4..=6 {
			MockSessionKeys::register(who);
		}
		assert_ok!(ValidatorSet::add_validator(council(), 4));
		assert_ok!(ValidatorSet::add_validator(council(), 5));
		assert_eq!(set().len() as u32, MAX);
		assert_noop!(ValidatorSet::add_validator(council(), 6), Error::<Test>::TooManyValidators);
	});
}

#[test]
fn council_removes_a_validator() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(ValidatorSet::remove_validator(council(), 2));
		assert_eq!(set(), vec![1, 3]);
		assert!(SetChanged::<Test>::get());
		assert_eq!(last_event(), RuntimeEvent::ValidatorSet(Event::ValidatorRemoved { who: 2 }));
	});
}

#[test]
fn the_set_never_drops_below_min() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(ValidatorSet::remove_validator(council(), 1));
		assert_eq!(set().len() as u32, MIN);
		assert_noop!(ValidatorSet::remove_validator(council(), 2), Error::<Test>::TooFewValidators);
		assert_noop!(ValidatorSet::remove_validator(council(), 3), Error::<Test>::TooFewValidators);
	});
}

#[test]
fn removing_a_non_validator_fails() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(ValidatorSet::remove_validator(council(), 9), Error::<Test>::NotValidator);
	});
}

#[test]
fn a_removed_validator_can_be_added_again() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(ValidatorSet::remove_validator(council(), 1));
		assert_ok!(ValidatorSet::add_validator(council(), 1));
		assert_eq!(set(), vec![2, 3, 1]);
	});
}

#[test]
fn an_added_validator_validates_from_the_session_after_the_next() {
	ExtBuilder::default().build_and_execute(|| {
		MockSessionKeys::register(4);
		assert_ok!(ValidatorSet::add_validator(council(), 4));

		// Nothing changes within the session.
		run_to_block(PERIOD - 1);
		assert_eq!(Session::current_index(), 0);
		assert_eq!(active(), vec![1, 2, 3]);

		// The next rotation queues the new set ...
		next_session();
		assert_eq!(Session::current_index(), 1);
		assert_eq!(active(), vec![1, 2, 3]);
		assert_eq!(queued(), vec![1, 2, 3, 4]);
		assert!(!SetChanged::<Test>::get());

		// ... and the one after enacts it.
		next_session();
		assert_eq!(Session::current_index(), 2);
		assert_eq!(active(), vec![1, 2, 3, 4]);
	});
}

#[test]
fn a_removed_validator_stops_from_the_session_after_the_next() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(ValidatorSet::remove_validator(council(), 3));
		next_session();
		assert_eq!(active(), vec![1, 2, 3]);
		assert_eq!(queued(), vec![1, 2]);
		next_session();
		assert_eq!(active(), vec![1, 2]);
	});
}

#[test]
fn a_change_late_in_a_session_waits_for_the_rotation() {
	ExtBuilder::default().build_and_execute(|| {
		next_session();
		run_to_block(2 * PERIOD - 1);
		MockSessionKeys::register(4);
		assert_ok!(ValidatorSet::add_validator(council(), 4));
		assert_eq!(queued(), vec![1, 2, 3]);
		next_session();
		assert_eq!(queued(), vec![1, 2, 3, 4]);
		assert_eq!(active(), vec![1, 2, 3]);
		next_session();
		assert_eq!(active(), vec![1, 2, 3, 4]);
	});
}

#[test]
fn no_new_set_is_planned_while_the_set_is_unchanged() {
	ExtBuilder::default().build_and_execute(|| {
		next_session();
		next_session();
		next_session();
		assert_eq!(session_queued_events(), 0);
		assert_eq!(active(), GENESIS.to_vec());

		assert_ok!(ValidatorSet::remove_validator(council(), 1));
		next_session();
		assert_eq!(session_queued_events(), 1);
		next_session();
		assert_eq!(session_queued_events(), 1);
		assert_eq!(active(), vec![2, 3]);
	});
}

#[test]
fn new_session_returns_the_set_once_per_change() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(<ValidatorSet as SessionManager<u64>>::new_session(5), None);
		assert_ok!(ValidatorSet::remove_validator(council(), 1));
		assert_eq!(<ValidatorSet as SessionManager<u64>>::new_session(6), Some(vec![2, 3]));
		assert_eq!(<ValidatorSet as SessionManager<u64>>::new_session(7), None);
	});
}

#[test]
fn several_changes_in_one_session_are_planned_together() {
	ExtBuilder::default().build_and_execute(|| {
		MockSessionKeys::register(4);
		MockSessionKeys::register(5);
		assert_ok!(ValidatorSet::add_validator(council(), 4));
		assert_ok!(ValidatorSet::add_validator(council(), 5));
		assert_ok!(ValidatorSet::remove_validator(council(), 1));
		next_session();
		next_session();
		assert_eq!(active(), vec![2, 3, 4, 5]);
	});
}

#[test]
fn genesis_with_the_minimum_is_fine() {
	ExtBuilder::validators(&[7, 8]).build_and_execute(|| {
		assert_eq!(active(), vec![7, 8]);
		assert_noop!(ValidatorSet::remove_validator(council(), 7), Error::<Test>::TooFewValidators);
	});
}

#[test]
#[should_panic(expected = "fewer genesis validators than MinValidators")]
fn genesis_below_min_panics() {
	ExtBuilder::validators(&[1]).build();
}

#[test]
#[should_panic(expected = "duplicate genesis validator")]
fn genesis_with_duplicates_panics() {
	ExtBuilder::validators(&[1, 2, 2]).build();
}

#[test]
#[should_panic(expected = "more genesis validators than MaxValidators")]
fn genesis_above_max_panics() {
	ExtBuilder::validators(&[1, 2, 3, 4, 5, 6]).build();
}

#[test]
fn integrity_test_passes_for_the_mock() {
	new_test_ext().execute_with(|| {
		<ValidatorSet as Hooks<u64>>::integrity_test();
	});
}

#[test]
fn try_state_catches_a_broken_set() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::do_try_state());
		Validators::<Test>::put(
			polkadot_sdk::frame_support::BoundedVec::try_from(vec![1, 2, 2]).unwrap(),
		);
		assert!(ValidatorSet::do_try_state().is_err());
		Validators::<Test>::put(
			polkadot_sdk::frame_support::BoundedVec::try_from(vec![1]).unwrap(),
		);
		assert!(ValidatorSet::do_try_state().is_err());
	});
}

#[test]
fn storage_version_is_1() {
	new_test_ext().execute_with(|| {
		use polkadot_sdk::frame_support::traits::GetStorageVersion;
		assert_eq!(ValidatorSet::in_code_storage_version(), 1);
		assert_eq!(ValidatorSet::on_chain_storage_version(), 1);
	});
}

#[test]
fn a_dormant_pallet_leaves_the_session_pallet_alone_until_the_minimum() {
	ExtBuilder::dormant().build_and_execute(|| {
		assert!(ValidatorSet::dormant());
		assert_eq!(active(), GENESIS.to_vec());

		MockSessionKeys::register(4);
		MockSessionKeys::register(5);
		assert_ok!(ValidatorSet::add_validator(council(), 4));
		next_session();
		next_session();
		assert_eq!(active(), GENESIS.to_vec());
		assert_eq!(session_queued_events(), 0);
		assert_noop!(ValidatorSet::remove_validator(council(), 4), Error::<Test>::TooFewValidators);

		// With `MinValidators` members the set takes over at the next rotation.
		assert_ok!(ValidatorSet::add_validator(council(), 5));
		assert!(!ValidatorSet::dormant());
		next_session();
		assert_eq!(queued(), vec![4, 5]);
		next_session();
		assert_eq!(active(), vec![4, 5]);
	});
}
