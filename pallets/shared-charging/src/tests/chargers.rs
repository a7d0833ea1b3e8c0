//! Chargers and their members: registered, disabled, removed, managed by their operators.

use polkadot_sdk::frame_support::{assert_noop, assert_ok};

use super::*;
use crate::{ChargerMeter, Chargers, Error, Event, Members, Membership, Tariffs};

#[test]
fn an_operator_registers_a_charger_with_a_deposit() {
	ExtBuilder::ready().build_and_execute(|| {
		let charger = register(SIMPLE_TARIFF);
		let entry = Chargers::<Test>::get(charger).unwrap();
		assert_eq!(
			(entry.operator, entry.meter, entry.max_power_kw),
			(CPO, ChargerMeter::Invited(DEVICE), 22)
		);
		assert!(entry.enabled);
		assert_eq!(held(HoldReason::Charger, CPO), CHARGER_DEPOSIT);
		assert_eq!(Tariffs::<Test>::get(SIMPLE_TARIFF).unwrap().users, 3);
		System::assert_last_event(
			Event::ChargerRegistered {
				charger,
				operator: CPO,
				device: DEVICE,
				location: geohash("u33dc2"),
				access: AccessRule::Public,
				tariff: SIMPLE_TARIFF,
			}
			.into(),
		);
	});
}

fn register_as(who: u64, location: &str, power: u32, tariff: TariffId) -> DispatchResultLike {
	SharedCharging::register_charger(
		signed(who),
		DEVICE,
		geohash(location),
		power,
		Connector::Type2,
		false,
		AccessRule::Public,
		tariff,
	)
}
type DispatchResultLike = polkadot_sdk::sp_runtime::DispatchResult;

#[test]
fn a_charger_needs_a_geohash() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(register_as(CPO, "", 22, SIMPLE_TARIFF), Error::<Test>::InvalidGeohash);
		assert_noop!(register_as(CPO, "u33a", 22, SIMPLE_TARIFF), Error::<Test>::InvalidGeohash);
	});
}

#[test]
fn a_charger_needs_power() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(register_as(CPO, "u33", 0, SIMPLE_TARIFF), Error::<Test>::InvalidPower);
	});
}

#[test]
fn a_charger_uses_its_operators_own_tariff() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			register_as(OTHER_CPO, "u33", 22, SIMPLE_TARIFF),
			Error::<Test>::NotTariffOwner
		);
		assert_noop!(register_as(CPO, "u33", 22, 9), Error::<Test>::TariffNotFound);
	});
}

#[test]
fn registering_needs_the_deposit() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(SharedCharging::create_tariff(signed(OTHER_CPO), energy_only(100)));
		assert_ok!(Balances::transfer_all(signed(OTHER_CPO), STRANGER, false));
		assert_noop!(register_as(OTHER_CPO, "u33", 22, 3), Error::<Test>::InsufficientBalance);
	});
}

#[test]
fn the_operator_disables_and_enables_a_charger() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(SharedCharging::disable_charger(signed(CPO), PUBLIC));
		System::assert_last_event(Event::ChargerDisabled { charger: PUBLIC }.into());
		assert_noop!(
			SharedCharging::start_session(signed(DRIVER), PUBLIC, VEHICLE, 1_000),
			Error::<Test>::ChargerDisabled
		);
		assert_noop!(
			SharedCharging::disable_charger(signed(CPO), PUBLIC),
			Error::<Test>::AlreadyDisabled
		);
		assert_ok!(SharedCharging::enable_charger(signed(CPO), PUBLIC));
		System::assert_last_event(Event::ChargerEnabled { charger: PUBLIC }.into());
		assert_noop!(
			SharedCharging::enable_charger(signed(CPO), PUBLIC),
			Error::<Test>::AlreadyEnabled
		);
	});
}

#[test]
fn only_the_operator_manages_a_charger() {
	ExtBuilder::ready().build_and_execute(|| {
		for who in [DEVICE, DRIVER, OTHER_CPO] {
			assert_noop!(
				SharedCharging::disable_charger(signed(who), PUBLIC),
				Error::<Test>::NotChargerOperator
			);
			assert_noop!(
				SharedCharging::remove_charger(signed(who), RESIDENCE),
				Error::<Test>::NotChargerOperator
			);
			assert_noop!(
				SharedCharging::add_member(signed(who), RESIDENCE, STRANGER, None),
				Error::<Test>::NotChargerOperator
			);
			assert_noop!(
				SharedCharging::remove_member(signed(who), RESIDENCE, MEMBER),
				Error::<Test>::NotChargerOperator
			);
		}
		assert_noop!(
			SharedCharging::disable_charger(signed(CPO), 9),
			Error::<Test>::ChargerNotFound
		);
	});
}

#[test]
fn removing_a_charger_releases_its_deposit_and_members() {
	ExtBuilder::ready().build_and_execute(|| {
		let charger = register(SIMPLE_TARIFF);
		assert_ok!(SharedCharging::remove_charger(signed(CPO), charger));
		assert_eq!(held(HoldReason::Charger, CPO), 0);
		assert_ok!(SharedCharging::remove_charger(signed(CPO), RESIDENCE));
		assert_eq!(Members::<Test>::iter_prefix(RESIDENCE).count(), 0);
		assert_eq!(Tariffs::<Test>::get(MEMBER_TARIFF).unwrap().users, 0);
		assert!(!Chargers::<Test>::contains_key(RESIDENCE));
		System::assert_last_event(
			Event::ChargerRemoved { charger: RESIDENCE, operator: CPO }.into(),
		);
	});
}

#[test]
fn a_busy_charger_cannot_be_removed() {
	ExtBuilder::ready().build_and_execute(|| {
		start(DRIVER, PUBLIC, VEHICLE, 1_000);
		assert_noop!(
			SharedCharging::remove_charger(signed(CPO), PUBLIC),
			Error::<Test>::ChargerBusy
		);
	});
}

#[test]
fn the_operator_adds_a_member_on_its_own_tariff() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(SharedCharging::add_member(signed(CPO), RESIDENCE, DRIVER, Some(MEMBER_TARIFF)));
		assert_eq!(
			Members::<Test>::get(RESIDENCE, DRIVER),
			Some(Membership { tariff: Some(MEMBER_TARIFF) })
		);
		assert_eq!(Chargers::<Test>::get(RESIDENCE).unwrap().members, 3);
		System::assert_last_event(
			Event::MemberAdded { charger: RESIDENCE, member: DRIVER, tariff: Some(MEMBER_TARIFF) }
				.into(),
		);
	});
}

#[test]
fn a_public_charger_has_no_members() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			SharedCharging::add_member(signed(CPO), PUBLIC, DRIVER, None),
			Error::<Test>::PublicCharger
		);
	});
}

#[test]
fn a_member_is_added_once() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			SharedCharging::add_member(signed(CPO), RESIDENCE, MEMBER, None),
			Error::<Test>::AlreadyMember
		);
	});
}

#[test]
fn the_member_list_is_bounded() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(SharedCharging::add_member(signed(CPO), RESIDENCE, DRIVER, None));
		assert_noop!(
			SharedCharging::add_member(signed(CPO), RESIDENCE, STRANGER, None),
			Error::<Test>::TooManyMembers
		);
	});
}

#[test]
fn a_members_tariff_is_the_operators() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(SharedCharging::create_tariff(signed(OTHER_CPO), energy_only(1)));
		assert_noop!(
			SharedCharging::add_member(signed(CPO), RESIDENCE, DRIVER, Some(3)),
			Error::<Test>::NotTariffOwner
		);
	});
}

#[test]
fn a_removed_member_may_not_charge() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(SharedCharging::remove_member(signed(CPO), RESIDENCE, OTHER_MEMBER));
		System::assert_last_event(
			Event::MemberRemoved { charger: RESIDENCE, member: OTHER_MEMBER }.into(),
		);
		assert_eq!(Tariffs::<Test>::get(MEMBER_TARIFF).unwrap().users, 0);
		assert_noop!(
			SharedCharging::start_session(
				signed(OTHER_MEMBER),
				RESIDENCE,
				OTHER_MEMBER_VEHICLE,
				1_000
			),
			Error::<Test>::NotMember
		);
		assert_noop!(
			SharedCharging::remove_member(signed(CPO), RESIDENCE, OTHER_MEMBER),
			Error::<Test>::NotMember
		);
	});
}
