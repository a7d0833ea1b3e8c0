use super::held;
use crate::{mock::*, Error, Event, HoldReason, OwnedVehicles, Powertrain, VehicleByVin, Vehicles};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_runtime::TokenError,
};
use v2x_primitives::{VehicleStatus, Vin};

/// Honda registers `vin` with the given powertrain details.
fn register(
	vin: Vin,
	model_year: u16,
	powertrain: Powertrain,
	battery: Option<u32>,
) -> polkadot_sdk::sp_runtime::DispatchResult {
	VehicleIdentity::register_vehicle(
		RuntimeOrigin::signed(HONDA),
		vin,
		ALICE,
		model_year,
		powertrain,
		battery,
		[1; 32],
		Default::default(),
	)
}

#[test]
fn a_manufacturer_registers_a_vehicle_and_pays_the_deposit() {
	ExtBuilder::default().with_manufacturers().build_and_execute(|| {
		assert_ok!(register(honda_vin(), 2003, Powertrain::Ice, None));
		let vehicle = Vehicles::<Test>::get(0).unwrap();
		assert_eq!(vehicle.vin, honda_vin());
		assert_eq!(vehicle.owner, ALICE);
		assert_eq!(vehicle.manufacturer, HONDA);
		assert_eq!(vehicle.status, VehicleStatus::Active);
		assert_eq!(vehicle.deposit, VEHICLE_DEPOSIT);
		assert_eq!(VehicleByVin::<Test>::get(honda_vin()), Some(0));
		assert!(OwnedVehicles::<Test>::contains_key(ALICE, 0));
		assert_eq!(held(HoldReason::VehicleRegistration, HONDA), VEHICLE_DEPOSIT);
		System::assert_last_event(
			Event::VehicleRegistered {
				vehicle: 0,
				vin: honda_vin(),
				manufacturer: HONDA,
				owner: ALICE,
			}
			.into(),
		);
	});
}

#[test]
fn vehicle_ids_are_assigned_in_order() {
	ExtBuilder::default().with_manufacturers().build_and_execute(|| {
		assert_ok!(register(honda_vin(), 2003, Powertrain::Ice, None));
		assert_ok!(register(Vin(*b"1HGCM82640A000001"), 2024, Powertrain::Bev, Some(75_000)));
		assert_eq!(VehicleByVin::<Test>::get(Vin(*b"1HGCM82640A000001")), Some(1));
		assert_eq!(crate::NextVehicleId::<Test>::get(), 2);
	});
}

#[test]
fn only_manufacturers_register_vehicles() {
	ExtBuilder::default().with_manufacturers().build_and_execute(|| {
		assert_noop!(
			VehicleIdentity::register_vehicle(
				RuntimeOrigin::signed(ALICE),
				honda_vin(),
				ALICE,
				2003,
				Powertrain::Ice,
				None,
				[0; 32],
				Default::default(),
			),
			Error::<Test>::NotManufacturer
		);
	});
}

#[test]
fn a_vin_with_forbidden_letters_is_invalid() {
	ExtBuilder::default().with_manufacturers().build_and_execute(|| {
		assert_noop!(
			register(Vin(*b"1HGCM82633A00435O"), 2003, Powertrain::Ice, None),
			Error::<Test>::InvalidVin
		);
	});
}

/// Registers Volkswagen with its German (`WVW`) and Chinese (`LSV`, SAIC Volkswagen) WMIs.
fn register_volkswagen() {
	assert_ok!(VehicleIdentity::register_manufacturer(
		RuntimeOrigin::root(),
		VOLKSWAGEN,
		b"Volkswagen".to_vec().try_into().unwrap(),
		vec![*b"WVW", *b"LSV"].try_into().unwrap(),
	));
}

/// Volkswagen registers `vin` for Alice.
fn register_by_volkswagen(vin: Vin) -> polkadot_sdk::sp_runtime::DispatchResult {
	VehicleIdentity::register_vehicle(
		RuntimeOrigin::signed(VOLKSWAGEN),
		vin,
		ALICE,
		1999,
		Powertrain::Ice,
		None,
		[2; 32],
		Default::default(),
	)
}

#[test]
fn a_north_american_vin_with_a_wrong_check_digit_is_refused() {
	ExtBuilder::default().with_manufacturers().build_and_execute(|| {
		assert_noop!(
			register(Vin(*b"1HGCM82643A004352"), 2003, Powertrain::Ice, None),
			Error::<Test>::WrongCheckDigit
		);
	});
}

#[test]
fn a_european_vin_without_a_check_digit_registers() {
	ExtBuilder::default().build_and_execute(|| {
		register_volkswagen();
		let golf = Vin(*b"WVWZZZ1JZXW000001");
		assert_ok!(register_by_volkswagen(golf));
		assert_eq!(VehicleByVin::<Test>::get(golf), Some(0));
		assert_eq!(Vehicles::<Test>::get(0).unwrap().manufacturer, VOLKSWAGEN);
		System::assert_last_event(
			Event::VehicleRegistered {
				vehicle: 0,
				vin: golf,
				manufacturer: VOLKSWAGEN,
				owner: ALICE,
			}
			.into(),
		);
	});
}

#[test]
fn a_chinese_vin_with_a_wrong_check_digit_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		register_volkswagen();
		assert_noop!(
			register_by_volkswagen(Vin(*b"LSVAU2180N2000001")),
			Error::<Test>::WrongCheckDigit
		);
	});
}

#[test]
fn the_check_digit_is_not_checked_when_the_runtime_turns_it_off() {
	ExtBuilder::default().with_manufacturers().build_and_execute(|| {
		EnforceCheckDigit::set(false);
		assert_ok!(register(Vin(*b"1HGCM82643A004352"), 2003, Powertrain::Ice, None));
	});
}

#[test]
fn the_vin_must_start_with_a_wmi_of_the_manufacturer() {
	ExtBuilder::default().with_manufacturers().build_and_execute(|| {
		// Acura's WMI, registered by Honda.
		assert_noop!(
			register(acura_vin(), 1993, Powertrain::Ice, None),
			Error::<Test>::WmiNotOwned
		);
		// A WMI nobody owns.
		assert_noop!(
			register(Vin(*b"1M8GDM9AXKP042788"), 2019, Powertrain::Ice, None),
			Error::<Test>::WmiNotOwned
		);
	});
}

#[test]
fn a_vin_is_registered_once() {
	ExtBuilder::default().with_vehicle().build_and_execute(|| {
		assert_noop!(
			register(honda_vin(), 2003, Powertrain::Ice, None),
			Error::<Test>::DuplicateVin
		);
	});
}

#[test]
fn model_years_before_1886_or_after_next_year_are_refused() {
	ExtBuilder::default().with_manufacturers().build_and_execute(|| {
		assert_noop!(
			register(honda_vin(), 1885, Powertrain::Ice, None),
			Error::<Test>::InvalidModelYear
		);
		// The mock's clock says 2026: 2027 models exist, 2028 ones do not.
		assert_noop!(
			register(honda_vin(), 2028, Powertrain::Ice, None),
			Error::<Test>::InvalidModelYear
		);
		assert_ok!(register(honda_vin(), 2027, Powertrain::Ice, None));
	});
}

#[test]
fn electrified_vehicles_declare_a_battery_and_ice_ones_do_not() {
	ExtBuilder::default().with_manufacturers().build_and_execute(|| {
		for (powertrain, battery) in
			[(Powertrain::Bev, None), (Powertrain::Phev, Some(0)), (Powertrain::Ice, Some(50_000))]
		{
			assert_noop!(
				register(honda_vin(), 2024, powertrain, battery),
				Error::<Test>::InvalidBatteryCapacity
			);
		}
		assert_ok!(register(honda_vin(), 2024, Powertrain::Fcev, Some(1_600)));
		assert_eq!(Vehicles::<Test>::get(0).unwrap().battery_capacity, Some(1_600));
	});
}

#[test]
fn a_manufacturer_without_the_deposit_cannot_register() {
	ExtBuilder::default().build_and_execute(|| {
		register_manufacturer(PAUPER, b"1HG");
		assert_noop!(
			VehicleIdentity::register_vehicle(
				RuntimeOrigin::signed(PAUPER),
				honda_vin(),
				ALICE,
				2003,
				Powertrain::Ice,
				None,
				[0; 32],
				Default::default(),
			),
			TokenError::FundsUnavailable
		);
	});
}

#[test]
fn registration_stops_when_vehicle_ids_run_out() {
	ExtBuilder::default().with_manufacturers().build_and_execute(|| {
		crate::NextVehicleId::<Test>::put(u64::MAX);
		assert_noop!(
			register(honda_vin(), 2003, Powertrain::Ice, None),
			Error::<Test>::VehicleIdsExhausted
		);
	});
}
