//! What a theft, a recovery or a scrapping does to a vehicle's reports: only scrapping clears
//! them (and refunds the device). A sale does nothing: reports describe the car.

use polkadot_sdk::frame_support::{assert_noop, assert_ok};
use v2x_primitives::{testing::MockVehicles, OnVehicleStatusChanged, VehicleStatus};

use super::{
	campaigns::bundle_campaign,
	reports::{installed_bundle, report, reveal},
	*,
};
use crate::{Error, Event, Reports, WeightInfo};

/// `VEHICLE_1` takes `status`, as the identity pallet does it.
fn set_status(status: VehicleStatus) {
	MockVehicles::update(VEHICLE_1, |v| v.status = status);
	<SoftwareUpdates as OnVehicleStatusChanged>::on_status_changed(VEHICLE_1, status);
}

/// `VEHICLE_1` reported and revealed `installed_bundle`; events reset.
fn revealed_installation() {
	bundle_campaign();
	let index = report(DEVICE_1, VEHICLE_1, &installed_bundle());
	assert_ok!(reveal(OWNER, VEHICLE_1, index, installed_bundle()));
	System::reset_events();
}

#[test]
fn scrapping_clears_reports_and_refunds_the_device() {
	ExtBuilder::default().build_and_execute(|| {
		revealed_installation();

		set_status(VehicleStatus::Scrapped);

		assert!(Reports::<Test>::get(VEHICLE_1).is_none());
		assert_eq!(SoftwareUpdates::installation(VEHICLE_1), None);
		assert_eq!(SoftwareUpdates::passport_section(VEHICLE_1), None);
		assert_eq!(held(HoldReason::Reports, DEVICE_1), 0);
		assert_eq!(free(DEVICE_1), BALANCE);
		assert_eq!(events(), vec![Event::ReportsCleared { vehicle: VEHICLE_1 }]);
		// The scrapped vehicle's device is bound to nothing: it reports no more.
		let commitment =
			SoftwareUpdates::report_commitment(VEHICLE_1, &[9; 32], &installed_bundle());
		assert_noop!(
			SoftwareUpdates::report_installation(origin(DEVICE_1), VEHICLE_1, commitment),
			Error::<Test>::NotVehicleDevice
		);
	});
}

#[test]
fn theft_and_recovery_keep_the_reports() {
	ExtBuilder::default().build_and_execute(|| {
		revealed_installation();
		let before = Reports::<Test>::get(VEHICLE_1);

		set_status(VehicleStatus::Stolen);
		set_status(VehicleStatus::Active);

		assert_eq!(Reports::<Test>::get(VEHICLE_1), before);
		assert_eq!(held(HoldReason::Reports, DEVICE_1), REPORT_DEPOSIT);
		assert!(events().is_empty());
	});
}

#[test]
fn scrapping_a_vehicle_without_reports_does_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		revealed_installation();
		MockVehicles::update(VEHICLE_2, |v| v.status = VehicleStatus::Scrapped);

		<SoftwareUpdates as OnVehicleStatusChanged>::on_status_changed(
			VEHICLE_2,
			VehicleStatus::Scrapped,
		);

		assert!(events().is_empty());
		assert!(Reports::<Test>::get(VEHICLE_1).is_some());
	});
}

#[test]
fn the_hook_weighs_what_its_benchmark_says() {
	assert_eq!(
		<SoftwareUpdates as OnVehicleStatusChanged>::weight(),
		<() as WeightInfo>::on_status_changed()
	);
}
