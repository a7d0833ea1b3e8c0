//! Work orders: opened by the owner or an operator, closed by a record or cancelled.

use polkadot_sdk::frame_support::{assert_noop, assert_ok};
use v2x_primitives::{
	testing::MockVehicles, OnOwnershipTransferred, OnVehicleStatusChanged, VehicleStatus,
};

use super::*;
use crate::{Error, Event, OpenWorkOrders, WorkOrder, WorkOrders};

#[test]
fn the_owner_opens_a_work_order() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(ServiceBook::open_work_order(signed(OWNER), VEHICLE, WORKSHOP, 11));
		assert_eq!(
			WorkOrders::<Test>::get(VEHICLE, WORKSHOP),
			Some(WorkOrder {
				opener: OWNER,
				deposit: WORK_ORDER_DEPOSIT,
				opened_at: 1,
				expires_at: 11
			})
		);
		assert_eq!(OpenWorkOrders::<Test>::get(VEHICLE), 1);
		assert_eq!(held(HoldReason::WorkOrder, OWNER), WORK_ORDER_DEPOSIT);
		System::assert_last_event(
			Event::WorkOrderOpened {
				vehicle: VEHICLE,
				workshop: WORKSHOP,
				opener: OWNER,
				expires_at: 11,
			}
			.into(),
		);
	});
}

#[test]
fn an_operator_opens_a_work_order() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(ServiceBook::open_work_order(signed(OPERATOR), VEHICLE, WORKSHOP, soon()));
		assert_eq!(WorkOrders::<Test>::get(VEHICLE, WORKSHOP).unwrap().opener, OPERATOR);
		assert_eq!(held(HoldReason::WorkOrder, OPERATOR), WORK_ORDER_DEPOSIT);
	});
}

#[test]
fn a_stolen_vehicle_takes_no_work_orders() {
	ExtBuilder::ready().build_and_execute(|| {
		MockVehicles::update(VEHICLE, |v| v.status = VehicleStatus::Stolen);
		assert_noop!(
			ServiceBook::open_work_order(signed(OWNER), VEHICLE, WORKSHOP, soon()),
			Error::<Test>::VehicleStolen
		);
	});
}

#[test]
fn an_operators_order_ends_with_its_right() {
	ExtBuilder::ready().build_and_execute(|| {
		run_to_block(OPERATOR_UNTIL - 5);
		assert_ok!(ServiceBook::open_work_order(
			signed(OPERATOR),
			VEHICLE,
			WORKSHOP,
			OPERATOR_UNTIL + 50
		));
		assert_eq!(WorkOrders::<Test>::get(VEHICLE, WORKSHOP).unwrap().expires_at, OPERATOR_UNTIL);
		System::assert_last_event(
			Event::WorkOrderOpened {
				vehicle: VEHICLE,
				workshop: WORKSHOP,
				opener: OPERATOR,
				expires_at: OPERATOR_UNTIL,
			}
			.into(),
		);
	});
}

#[test]
fn an_operator_whose_right_ends_now_opens_an_order_for_this_block() {
	ExtBuilder::ready().build_and_execute(|| {
		run_to_block(OPERATOR_UNTIL);
		assert_ok!(ServiceBook::open_work_order(signed(OPERATOR), VEHICLE, WORKSHOP, soon()));
		assert_eq!(WorkOrders::<Test>::get(VEHICLE, WORKSHOP).unwrap().expires_at, OPERATOR_UNTIL);
		run_to_block(OPERATOR_UNTIL + 1);
		assert_noop!(
			ServiceBook::open_work_order(signed(OPERATOR), VEHICLE, OTHER_WORKSHOP, soon()),
			Error::<Test>::NotOperator
		);
	});
}

#[test]
fn the_owners_order_is_not_capped() {
	ExtBuilder::ready().build_and_execute(|| {
		run_to_block(OPERATOR_UNTIL - 5);
		let expires_at = OPERATOR_UNTIL + MAX_ORDER_DURATION - 10;
		assert_ok!(ServiceBook::open_work_order(signed(OWNER), VEHICLE, WORKSHOP, expires_at));
		assert_eq!(WorkOrders::<Test>::get(VEHICLE, WORKSHOP).unwrap().expires_at, expires_at);
	});
}

#[test]
fn work_orders_need_a_known_vehicle() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			ServiceBook::open_work_order(signed(OWNER), UNKNOWN_VEHICLE, WORKSHOP, soon()),
			Error::<Test>::VehicleNotFound
		);
	});
}

#[test]
fn a_scrapped_vehicle_takes_no_work_orders() {
	ExtBuilder::ready().build_and_execute(|| {
		scrap(VEHICLE);
		assert_noop!(
			ServiceBook::open_work_order(signed(OWNER), VEHICLE, WORKSHOP, soon()),
			Error::<Test>::VehicleScrapped
		);
	});
}

#[test]
fn only_the_owner_or_an_operator_opens_work_orders() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			ServiceBook::open_work_order(signed(STRANGER), VEHICLE, WORKSHOP, soon()),
			Error::<Test>::NotOperator
		);
	});
}

#[test]
fn work_orders_go_to_approved_workshops_only() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			ServiceBook::open_work_order(signed(OWNER), VEHICLE, OTHER_WORKSHOP, soon()),
			Error::<Test>::WorkshopNotFound
		);
	});
}

#[test]
fn a_suspended_workshop_takes_no_work_orders() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(ServiceBook::suspend_workshop(RuntimeOrigin::root(), WORKSHOP));
		assert_noop!(
			ServiceBook::open_work_order(signed(OWNER), VEHICLE, WORKSHOP, soon()),
			Error::<Test>::WorkshopSuspended
		);
	});
}

#[test]
fn a_work_order_must_expire_after_the_current_block() {
	ExtBuilder::ready().build_and_execute(|| {
		run_to_block(5);
		assert_noop!(
			ServiceBook::open_work_order(signed(OWNER), VEHICLE, WORKSHOP, 5),
			Error::<Test>::InvalidExpiry
		);
	});
}

#[test]
fn a_work_order_expires_within_the_maximum_duration() {
	ExtBuilder::ready().build_and_execute(|| {
		let too_late = System::block_number() + MAX_ORDER_DURATION + 1;
		assert_noop!(
			ServiceBook::open_work_order(signed(OWNER), VEHICLE, WORKSHOP, too_late),
			Error::<Test>::InvalidExpiry
		);
		assert_ok!(ServiceBook::open_work_order(signed(OWNER), VEHICLE, WORKSHOP, too_late - 1));
	});
}

#[test]
fn a_workshop_has_one_open_order_per_vehicle() {
	ExtBuilder::ready().build_and_execute(|| {
		open_order(VEHICLE, WORKSHOP);
		assert_noop!(
			ServiceBook::open_work_order(signed(OPERATOR), VEHICLE, WORKSHOP, soon()),
			Error::<Test>::OrderAlreadyOpen
		);
	});
}

#[test]
fn a_vehicle_has_a_bounded_number_of_open_orders() {
	const THIRD_WORKSHOP: u64 = 12;
	ExtBuilder::ready()
		.with_workshop(OTHER_WORKSHOP)
		.with_workshop(THIRD_WORKSHOP)
		.build_and_execute(|| {
			open_order(VEHICLE, WORKSHOP);
			open_order(VEHICLE, OTHER_WORKSHOP);
			assert_noop!(
				ServiceBook::open_work_order(signed(OWNER), VEHICLE, THIRD_WORKSHOP, soon()),
				Error::<Test>::TooManyOpenOrders
			);
			open_order(OTHER_VEHICLE, THIRD_WORKSHOP);
		});
}

#[test]
fn opening_a_work_order_needs_the_deposit() {
	ExtBuilder::ready().build_and_execute(|| {
		MockVehicles::update(VEHICLE, |v| v.operators.push((PAUPER, OPERATOR_UNTIL)));
		assert_noop!(
			ServiceBook::open_work_order(signed(PAUPER), VEHICLE, WORKSHOP, soon()),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn the_opener_cancels_and_gets_the_deposit_back() {
	ExtBuilder::ready().build_and_execute(|| {
		open_order(VEHICLE, WORKSHOP);
		assert_ok!(ServiceBook::cancel_work_order(signed(OWNER), VEHICLE, WORKSHOP));
		assert!(!WorkOrders::<Test>::contains_key(VEHICLE, WORKSHOP));
		assert!(!OpenWorkOrders::<Test>::contains_key(VEHICLE));
		assert_eq!(held(HoldReason::WorkOrder, OWNER), 0);
		assert_eq!(Balances::free_balance(OWNER), BALANCE);
		System::assert_last_event(
			Event::WorkOrderCancelled { vehicle: VEHICLE, workshop: WORKSHOP, by: OWNER }.into(),
		);
	});
}

#[test]
fn the_workshop_declines_a_work_order() {
	ExtBuilder::ready().build_and_execute(|| {
		open_order(VEHICLE, WORKSHOP);
		assert_ok!(ServiceBook::cancel_work_order(signed(WORKSHOP), VEHICLE, WORKSHOP));
		assert_eq!(held(HoldReason::WorkOrder, OWNER), 0);
		System::assert_last_event(
			Event::WorkOrderCancelled { vehicle: VEHICLE, workshop: WORKSHOP, by: WORKSHOP }.into(),
		);
	});
}

#[test]
fn the_owner_cancels_an_operators_work_order() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(ServiceBook::open_work_order(signed(OPERATOR), VEHICLE, WORKSHOP, soon()));
		assert_ok!(ServiceBook::cancel_work_order(signed(OWNER), VEHICLE, WORKSHOP));
		assert_eq!(held(HoldReason::WorkOrder, OPERATOR), 0);
		assert_eq!(Balances::free_balance(OPERATOR), BALANCE);
		System::assert_last_event(
			Event::WorkOrderCancelled { vehicle: VEHICLE, workshop: WORKSHOP, by: OWNER }.into(),
		);
	});
}

#[test]
fn anyone_cleans_up_an_expired_work_order() {
	ExtBuilder::ready().build_and_execute(|| {
		open_order(VEHICLE, WORKSHOP);
		run_to_block(soon() + 1);
		assert_ok!(ServiceBook::cancel_work_order(signed(STRANGER), VEHICLE, WORKSHOP));
		assert!(!WorkOrders::<Test>::contains_key(VEHICLE, WORKSHOP));
		assert_eq!(held(HoldReason::WorkOrder, OWNER), 0);
		assert_eq!(Balances::free_balance(OWNER), BALANCE);
		System::assert_last_event(
			Event::WorkOrderExpired { vehicle: VEHICLE, workshop: WORKSHOP, opener: OWNER }.into(),
		);
	});
}

#[test]
fn anyone_cleans_up_an_order_whose_opener_lost_the_right() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_ok!(ServiceBook::open_work_order(signed(OPERATOR), VEHICLE, WORKSHOP, soon()));
		MockVehicles::update(VEHICLE, |v| v.operators.clear());
		assert_ok!(ServiceBook::cancel_work_order(signed(STRANGER), VEHICLE, WORKSHOP));
		assert_eq!(held(HoldReason::WorkOrder, OPERATOR), 0);
		System::assert_last_event(
			Event::WorkOrderExpired { vehicle: VEHICLE, workshop: WORKSHOP, opener: OPERATOR }
				.into(),
		);
	});
}

#[test]
fn others_cannot_cancel_an_unexpired_work_order() {
	ExtBuilder::ready().build_and_execute(|| {
		open_order(VEHICLE, WORKSHOP);
		let expires_at = WorkOrders::<Test>::get(VEHICLE, WORKSHOP).unwrap().expires_at;
		run_to_block(expires_at);
		assert_noop!(
			ServiceBook::cancel_work_order(signed(STRANGER), VEHICLE, WORKSHOP),
			Error::<Test>::NotOrderParty
		);
	});
}

#[test]
fn only_open_work_orders_can_be_cancelled() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(
			ServiceBook::cancel_work_order(signed(OWNER), VEHICLE, WORKSHOP),
			Error::<Test>::NoWorkOrder
		);
	});
}

/// Two open orders on `VEHICLE`: `OWNER`'s for `WORKSHOP`, `OPERATOR`'s for `OTHER_WORKSHOP`.
fn open_two_orders() {
	open_order(VEHICLE, WORKSHOP);
	assert_ok!(ServiceBook::open_work_order(signed(OPERATOR), VEHICLE, OTHER_WORKSHOP, soon()));
	assert_eq!(held(HoldReason::WorkOrder, OWNER), WORK_ORDER_DEPOSIT);
	assert_eq!(held(HoldReason::WorkOrder, OPERATOR), WORK_ORDER_DEPOSIT);
}

/// Every order of `VEHICLE` ended, deposits back, `WorkOrderEnded` for each.
fn assert_orders_ended() {
	assert_eq!(WorkOrders::<Test>::iter_prefix(VEHICLE).count(), 0);
	assert!(!OpenWorkOrders::<Test>::contains_key(VEHICLE));
	assert_eq!(held(HoldReason::WorkOrder, OWNER), 0);
	assert_eq!(held(HoldReason::WorkOrder, OPERATOR), 0);
	assert_eq!(Balances::free_balance(OWNER), BALANCE);
	assert_eq!(Balances::free_balance(OPERATOR), BALANCE);
	for (workshop, opener) in [(WORKSHOP, OWNER), (OTHER_WORKSHOP, OPERATOR)] {
		System::assert_has_event(
			Event::WorkOrderEnded { vehicle: VEHICLE, workshop, opener }.into(),
		);
	}
}

#[test]
fn a_sale_ends_every_open_order() {
	ExtBuilder::ready().with_workshop(OTHER_WORKSHOP).build_and_execute(|| {
		open_two_orders();
		MockVehicles::update(VEHICLE, |v| v.owner = STRANGER);
		<ServiceBook as OnOwnershipTransferred<u64>>::on_ownership_transferred(
			VEHICLE, &OWNER, &STRANGER,
		);
		assert_orders_ended();
	});
}

#[test]
fn a_theft_report_ends_every_open_order() {
	ExtBuilder::ready().with_workshop(OTHER_WORKSHOP).build_and_execute(|| {
		open_two_orders();
		<ServiceBook as OnVehicleStatusChanged>::on_status_changed(VEHICLE, VehicleStatus::Stolen);
		assert_orders_ended();
	});
}

#[test]
fn scrapping_ends_every_open_order() {
	ExtBuilder::ready().with_workshop(OTHER_WORKSHOP).build_and_execute(|| {
		open_two_orders();
		<ServiceBook as OnVehicleStatusChanged>::on_status_changed(
			VEHICLE,
			VehicleStatus::Scrapped,
		);
		assert_orders_ended();
	});
}

#[test]
fn a_recovery_leaves_other_vehicles_orders_alone() {
	ExtBuilder::ready().build_and_execute(|| {
		open_order(VEHICLE, WORKSHOP);
		open_order(OTHER_VEHICLE, WORKSHOP);
		<ServiceBook as OnVehicleStatusChanged>::on_status_changed(
			OTHER_VEHICLE,
			VehicleStatus::Active,
		);
		<ServiceBook as OnVehicleStatusChanged>::on_status_changed(
			OTHER_VEHICLE,
			VehicleStatus::Stolen,
		);
		assert!(WorkOrders::<Test>::contains_key(VEHICLE, WORKSHOP));
		assert!(!WorkOrders::<Test>::contains_key(OTHER_VEHICLE, WORKSHOP));
		assert_eq!(OpenWorkOrders::<Test>::get(VEHICLE), 1);
	});
}

#[test]
fn the_hooks_weigh_the_most_orders_a_vehicle_can_have() {
	ExtBuilder::default().build_and_execute(|| {
		let most = <() as crate::WeightInfo>::end_work_orders(2);
		assert_eq!(<ServiceBook as OnOwnershipTransferred<u64>>::weight(), most);
		assert_eq!(<ServiceBook as OnVehicleStatusChanged>::weight(), most);
	});
}

/// `OWNER` sells `VEHICLE` to `WORKSHOP` (in the mock registry only); `OPERATOR` stays.
fn workshop_owns_the_vehicle() {
	MockVehicles::update(VEHICLE, |v| v.owner = WORKSHOP);
}

/// `OWNER` lets `WORKSHOP` operate `VEHICLE` until `OPERATOR_UNTIL`.
fn workshop_operates_the_vehicle() {
	MockVehicles::update(VEHICLE, |v| v.operators.push((WORKSHOP, OPERATOR_UNTIL)));
}

fn open(opener: u64, workshop: u64) -> polkadot_sdk::sp_runtime::DispatchResult {
	ServiceBook::open_work_order(signed(opener), VEHICLE, workshop, soon())
}

#[test]
fn an_owner_that_is_a_workshop_cannot_open_an_order_for_itself() {
	ExtBuilder::ready().with_workshop(OTHER_WORKSHOP).build_and_execute(|| {
		workshop_owns_the_vehicle();
		assert_noop!(open(WORKSHOP, WORKSHOP), Error::<Test>::SelfDealing);
		// Its operator cannot open one for it either.
		assert_noop!(open(OPERATOR, WORKSHOP), Error::<Test>::SelfDealing);
		// Another workshop may service its vehicle.
		assert_ok!(open(WORKSHOP, OTHER_WORKSHOP));
	});
}

#[test]
fn an_operator_that_is_a_workshop_cannot_open_an_order_for_itself() {
	ExtBuilder::ready().with_workshop(OTHER_WORKSHOP).build_and_execute(|| {
		workshop_operates_the_vehicle();
		assert_noop!(open(WORKSHOP, WORKSHOP), Error::<Test>::SelfDealing);
		// Nor may the owner open one for the workshop while it operates the vehicle.
		assert_noop!(open(OWNER, WORKSHOP), Error::<Test>::SelfDealing);
		assert_ok!(open(WORKSHOP, OTHER_WORKSHOP));
		assert_eq!(WorkOrders::<Test>::get(VEHICLE, OTHER_WORKSHOP).unwrap().opener, WORKSHOP);
	});
}

#[test]
fn a_workshop_on_someone_elses_vehicle_is_refused_for_its_role_first() {
	ExtBuilder::ready().build_and_execute(|| {
		assert_noop!(open(WORKSHOP, WORKSHOP), Error::<Test>::NotOperator);
	});
}

#[test]
fn a_workshop_that_came_to_operate_the_vehicle_cannot_use_its_order() {
	ExtBuilder::ready().build_and_execute(|| {
		open_order(VEHICLE, WORKSHOP);
		workshop_operates_the_vehicle();
		assert_noop!(
			ServiceBook::add_record(
				signed(WORKSHOP),
				VEHICLE,
				100,
				RecordKind::OdometerReplacement { old_km: 0, new_km: 100 },
				[1; 32],
				uri(b"ipfs://doc")
			),
			Error::<Test>::SelfDealing
		);
		// Once its right ends, the order (still unexpired) is usable again.
		MockVehicles::update(VEHICLE, |v| v.operators.retain(|(who, _)| *who != WORKSHOP));
		assert_ok!(ServiceBook::add_record(
			signed(WORKSHOP),
			VEHICLE,
			100,
			RecordKind::Maintenance,
			[1; 32],
			uri(b"ipfs://doc")
		));
	});
}
