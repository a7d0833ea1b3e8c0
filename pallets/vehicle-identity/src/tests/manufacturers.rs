use crate::{mock::*, Error, Event, Manufacturers, WmiOwner};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_runtime::DispatchError,
};

fn name() -> crate::NameOf<Test> {
	b"Honda".to_vec().try_into().unwrap()
}

fn wmis(list: &[&[u8; 3]]) -> crate::WmisOf<Test> {
	list.iter().map(|w| **w).collect::<Vec<_>>().try_into().unwrap()
}

#[test]
fn governance_registers_a_manufacturer_with_its_wmis() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(VehicleIdentity::register_manufacturer(
			RuntimeOrigin::root(),
			HONDA,
			name(),
			wmis(&[b"1HG", b"2HG"]),
		));
		let entry = Manufacturers::<Test>::get(HONDA).unwrap();
		assert_eq!(entry.name.to_vec(), b"Honda".to_vec());
		assert_eq!(WmiOwner::<Test>::get(*b"1HG"), Some(HONDA));
		assert_eq!(WmiOwner::<Test>::get(*b"2HG"), Some(HONDA));
		System::assert_last_event(
			Event::ManufacturerRegistered {
				manufacturer: HONDA,
				name: name(),
				wmis: wmis(&[b"1HG", b"2HG"]),
			}
			.into(),
		);
	});
}

#[test]
fn only_governance_registers_manufacturers() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::register_manufacturer(
				RuntimeOrigin::signed(HONDA),
				HONDA,
				name(),
				wmis(&[b"1HG"]),
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn a_manufacturer_registers_once() {
	ExtBuilder::default().with_manufacturers().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::register_manufacturer(
				RuntimeOrigin::root(),
				HONDA,
				name(),
				wmis(&[b"3HG"]),
			),
			Error::<Test>::AlreadyManufacturer
		);
	});
}

#[test]
fn a_wmi_belongs_to_one_manufacturer() {
	ExtBuilder::default().with_manufacturers().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::register_manufacturer(
				RuntimeOrigin::root(),
				CHARLIE,
				name(),
				wmis(&[b"1HG"]),
			),
			Error::<Test>::WmiTaken
		);
	});
}

#[test]
fn a_wmi_listed_twice_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::register_manufacturer(
				RuntimeOrigin::root(),
				HONDA,
				name(),
				wmis(&[b"1HG", b"1HG"]),
			),
			Error::<Test>::WmiTaken
		);
	});
}

#[test]
fn a_manufacturer_needs_a_wmi() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::register_manufacturer(RuntimeOrigin::root(), HONDA, name(), wmis(&[])),
			Error::<Test>::NoWmi
		);
	});
}

#[test]
fn a_manufacturer_needs_a_name() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::register_manufacturer(
				RuntimeOrigin::root(),
				HONDA,
				Default::default(),
				wmis(&[b"1HG"])
			),
			Error::<Test>::EmptyName
		);
	});
}

#[test]
fn a_wmi_with_letters_outside_iso_3779_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		for bad in [b"1HO", b"1hg", b"IHG"] {
			assert_noop!(
				VehicleIdentity::register_manufacturer(
					RuntimeOrigin::root(),
					HONDA,
					name(),
					wmis(&[bad]),
				),
				Error::<Test>::InvalidWmi
			);
		}
	});
}

#[test]
fn deregistering_frees_the_wmis_and_keeps_the_vehicles() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_ok!(VehicleIdentity::deregister_manufacturer(RuntimeOrigin::root(), HONDA));
		assert!(Manufacturers::<Test>::get(HONDA).is_none());
		assert_eq!(WmiOwner::<Test>::get(*b"1HG"), None);
		assert!(crate::Vehicles::<Test>::get(0).is_some());
		System::assert_last_event(Event::ManufacturerDeregistered { manufacturer: HONDA }.into());
	});
}

#[test]
fn deregistering_an_unknown_manufacturer_fails() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::deregister_manufacturer(RuntimeOrigin::root(), HONDA),
			Error::<Test>::NotManufacturer
		);
	});
}

#[test]
fn only_governance_deregisters_manufacturers() {
	ExtBuilder::default().with_manufacturers().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::deregister_manufacturer(RuntimeOrigin::signed(HONDA), HONDA),
			DispatchError::BadOrigin
		);
	});
}
