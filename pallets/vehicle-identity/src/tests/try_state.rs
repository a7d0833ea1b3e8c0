//! The invariants catch broken state: each test corrupts storage directly and expects the
//! exact message of the invariant it breaks.

use crate::{
	mock::*, Delegate, DeviceVehicle, HoldReason, LienConsents, Manufacturers, NextVehicleId,
	OwnedVehicles, OwnershipHistory, PastOwners, PendingDevices, SaleOffer, SaleOffers,
	VehicleByVin, VehicleDevices, VehicleOperators, Vehicles, WmiOwner,
};
use polkadot_sdk::frame_support::{
	assert_ok,
	traits::{fungible::MutateHold, tokens::Precision},
	BoundedVec,
};
use v2x_primitives::VehicleStatus;

/// Runs `setup` on Alice's vehicle 0 and checks the invariants hold; then runs `corrupt` and
/// checks they fail with `message`.
fn breaks(setup: impl FnOnce(), corrupt: impl FnOnce(), message: &'static str) {
	ExtBuilder::default().with_vehicle().build().execute_with(|| {
		setup();
		assert_ok!(VehicleIdentity::do_try_state());
		corrupt();
		assert_eq!(VehicleIdentity::do_try_state(), Err(message.into()));
	});
}

fn nothing() {}

fn delegate(account: u64, until: Option<u64>) -> Delegate<Test> {
	Delegate { account, until, deposit: DELEGATE_DEPOSIT }
}

fn set_devices(vehicle: u64, entries: Vec<Delegate<Test>>) {
	VehicleDevices::<Test>::insert(vehicle, BoundedVec::try_from(entries).unwrap());
}

fn set_invitations(vehicle: u64, entries: Vec<Delegate<Test>>) {
	PendingDevices::<Test>::insert(vehicle, BoundedVec::try_from(entries).unwrap());
}

fn set_operators(vehicle: u64, entries: Vec<Delegate<Test>>) {
	VehicleOperators::<Test>::insert(vehicle, BoundedVec::try_from(entries).unwrap());
}

fn offer(seller: u64) -> SaleOffer<Test> {
	SaleOffer { seller, buyer: BOB, price: None, expires_at: 50 }
}

fn set_status(status: VehicleStatus) {
	Vehicles::<Test>::mutate(0, |v| v.as_mut().unwrap().status = status);
}

fn set_lien(lender: u64) {
	Vehicles::<Test>::mutate(0, |v| v.as_mut().unwrap().lien = Some(lender));
}

fn hold(reason: HoldReason, who: u64, amount: u64) {
	assert_ok!(<Balances as MutateHold<u64>>::hold(&reason.into(), &who, amount));
}

fn release(reason: HoldReason, who: u64, amount: u64) {
	assert_ok!(<Balances as MutateHold<u64>>::release(
		&reason.into(),
		&who,
		amount,
		Precision::Exact
	));
}

fn invite() {
	assert_ok!(VehicleIdentity::bind_device(RuntimeOrigin::signed(ALICE), 0, DEVICE));
}

fn grant() {
	assert_ok!(VehicleIdentity::grant_operator(RuntimeOrigin::signed(ALICE), 0, OPERATOR, 20));
}

fn consent() {
	assert_ok!(VehicleIdentity::approve_lender(RuntimeOrigin::root(), LENDER));
	assert_ok!(VehicleIdentity::consent_to_lien(RuntimeOrigin::signed(ALICE), 0, LENDER));
}

fn offer_to_bob() {
	assert_ok!(VehicleIdentity::offer_sale(RuntimeOrigin::signed(ALICE), 0, BOB, None, 50));
}

#[test]
fn a_vehicle_id_at_or_above_the_next_id_breaks_the_invariants() {
	breaks(nothing, || NextVehicleId::<Test>::put(0), "vehicle id not below NextVehicleId");
}

#[test]
fn a_vin_pointing_elsewhere_breaks_the_invariants() {
	breaks(nothing, || VehicleByVin::<Test>::insert(honda_vin(), 5), "VIN index disagrees");
}

#[test]
fn an_owner_index_missing_a_vehicle_breaks_the_invariants() {
	breaks(nothing, || OwnedVehicles::<Test>::remove(ALICE, 0), "owner index misses a vehicle");
}

#[test]
fn a_listed_device_bound_elsewhere_breaks_the_invariants() {
	breaks(
		|| bind_device(ALICE, 0, DEVICE),
		|| DeviceVehicle::<Test>::insert(DEVICE, 7),
		"vehicle lists a device bound elsewhere",
	);
}

#[test]
fn a_stale_vin_index_entry_breaks_the_invariants() {
	breaks(nothing, || VehicleByVin::<Test>::insert(acura_vin(), 0), "stale VIN index entry");
}

#[test]
fn a_stale_owner_index_entry_breaks_the_invariants() {
	breaks(nothing, || OwnedVehicles::<Test>::insert(BOB, 0, ()), "stale owner index entry");
}

#[test]
fn a_device_pointing_to_a_vehicle_that_does_not_list_it_breaks_the_invariants() {
	breaks(
		nothing,
		|| DeviceVehicle::<Test>::insert(DEVICE, 0),
		"device points to a vehicle that does not list it",
	);
}

#[test]
fn a_wmi_of_an_unknown_manufacturer_breaks_the_invariants() {
	breaks(
		nothing,
		|| WmiOwner::<Test>::insert(*b"2HG", CHARLIE),
		"WMI owned by an unknown manufacturer",
	);
}

#[test]
fn a_wmi_the_manufacturer_does_not_list_breaks_the_invariants() {
	breaks(
		nothing,
		|| {
			Manufacturers::<Test>::mutate(HONDA, |m| {
				m.as_mut().unwrap().wmis = vec![*b"2HG"].try_into().unwrap()
			})
		},
		"WMI owned by an unknown manufacturer",
	);
}

#[test]
fn an_offer_on_an_unknown_vehicle_breaks_the_invariants() {
	breaks(nothing, || SaleOffers::<Test>::insert(5, offer(ALICE)), "offer on an unknown vehicle");
}

#[test]
fn a_lien_consent_on_an_unknown_vehicle_breaks_the_invariants() {
	breaks(
		nothing,
		|| LienConsents::<Test>::insert(5, LENDER),
		"lien consent on an unknown vehicle",
	);
}

#[test]
fn devices_of_an_unknown_vehicle_break_the_invariants() {
	breaks(
		nothing,
		|| set_devices(5, vec![delegate(DEVICE, None)]),
		"devices of an unknown vehicle",
	);
}

#[test]
fn invitations_of_an_unknown_vehicle_break_the_invariants() {
	breaks(
		nothing,
		|| set_invitations(5, vec![delegate(DEVICE, None)]),
		"device invitations of an unknown vehicle",
	);
}

#[test]
fn operators_of_an_unknown_vehicle_break_the_invariants() {
	breaks(
		nothing,
		|| set_operators(5, vec![delegate(OPERATOR, Some(20))]),
		"operators of an unknown vehicle",
	);
}

#[test]
fn a_device_listed_twice_breaks_the_invariants() {
	breaks(
		|| bind_device(ALICE, 0, DEVICE),
		|| set_devices(0, vec![delegate(DEVICE, None), delegate(DEVICE, None)]),
		"an account is listed twice as a device",
	);
}

#[test]
fn a_device_invited_twice_breaks_the_invariants() {
	breaks(
		invite,
		|| set_invitations(0, vec![delegate(DEVICE, None), delegate(DEVICE, None)]),
		"an account is invited twice as a device",
	);
}

#[test]
fn an_operator_listed_twice_breaks_the_invariants() {
	breaks(
		grant,
		|| set_operators(0, vec![delegate(OPERATOR, Some(20)), delegate(OPERATOR, Some(30))]),
		"an account is listed twice as an operator",
	);
}

#[test]
fn a_device_both_bound_and_invited_breaks_the_invariants() {
	breaks(
		|| bind_device(ALICE, 0, DEVICE),
		|| set_invitations(0, vec![delegate(DEVICE, None)]),
		"a device is both bound to and invited by a vehicle",
	);
}

#[test]
fn more_devices_and_invitations_than_the_maximum_break_the_invariants() {
	breaks(
		|| {
			for device in 0..MAX_DEVICES as u64 {
				bind_device(ALICE, 0, 100 + device);
			}
		},
		|| set_invitations(0, vec![delegate(DEVICE, None)]),
		"more devices and invitations than MaxDevicesPerVehicle",
	);
}

#[test]
fn an_invitation_to_a_stolen_vehicle_breaks_the_invariants() {
	breaks(
		invite,
		|| set_status(VehicleStatus::Stolen),
		"a vehicle that is not active has device invitations",
	);
}

#[test]
fn an_operator_of_a_stolen_vehicle_breaks_the_invariants() {
	breaks(
		grant,
		|| set_status(VehicleStatus::Stolen),
		"a vehicle that is not active has operators",
	);
}

#[test]
fn a_lien_consent_on_a_stolen_vehicle_breaks_the_invariants() {
	breaks(
		consent,
		|| set_status(VehicleStatus::Stolen),
		"a vehicle that is not active has a lien consent",
	);
}

#[test]
fn a_device_of_a_scrapped_vehicle_breaks_the_invariants() {
	breaks(
		|| bind_device(ALICE, 0, DEVICE),
		|| set_status(VehicleStatus::Scrapped),
		"a scrapped vehicle has devices",
	);
}

#[test]
fn a_lien_on_a_scrapped_vehicle_breaks_the_invariants() {
	breaks(
		|| {
			assert_ok!(VehicleIdentity::scrap_vehicle(RuntimeOrigin::signed(ALICE), 0));
		},
		|| set_lien(LENDER),
		"a scrapped vehicle has a lien",
	);
}

#[test]
fn a_scrapped_vehicle_keeping_its_deposit_breaks_the_invariants() {
	breaks(
		nothing,
		|| set_status(VehicleStatus::Scrapped),
		"a scrapped vehicle still holds its deposit",
	);
}

#[test]
fn a_lien_consent_beside_a_lien_breaks_the_invariants() {
	breaks(
		super::liens::place_lien_on_vehicle_0,
		|| LienConsents::<Test>::insert(0, LENDER),
		"a liened vehicle has a lien consent",
	);
}

#[test]
fn an_offer_on_a_stolen_vehicle_breaks_the_invariants() {
	breaks(
		offer_to_bob,
		|| set_status(VehicleStatus::Stolen),
		"offer on a vehicle that is not active",
	);
}

#[test]
fn an_offer_on_a_liened_vehicle_breaks_the_invariants() {
	breaks(offer_to_bob, || set_lien(LENDER), "offer on a liened vehicle");
}

#[test]
fn an_offer_of_someone_other_than_the_owner_breaks_the_invariants() {
	breaks(
		nothing,
		|| SaleOffers::<Test>::insert(0, offer(CHARLIE)),
		"an offer's seller is not the vehicle's owner",
	);
}

#[test]
fn a_registration_hold_below_the_deposits_breaks_the_invariants() {
	breaks(
		nothing,
		|| release(HoldReason::VehicleRegistration, HONDA, 1),
		"a manufacturer's hold differs from its vehicles' deposits",
	);
}

#[test]
fn a_recorded_deposit_differing_from_the_hold_breaks_the_invariants() {
	breaks(
		nothing,
		|| Vehicles::<Test>::mutate(0, |v| v.as_mut().unwrap().deposit = VEHICLE_DEPOSIT + 1),
		"a manufacturer's hold differs from its vehicles' deposits",
	);
}

#[test]
fn a_delegate_hold_below_the_deposits_breaks_the_invariants() {
	breaks(
		invite,
		|| release(HoldReason::Delegate, ALICE, DELEGATE_DEPOSIT),
		"an owner's hold differs from its delegates' deposits",
	);
}

#[test]
fn a_delegate_hold_above_the_deposits_breaks_the_invariants() {
	breaks(
		grant,
		|| hold(HoldReason::Delegate, ALICE, 1),
		"an owner's hold differs from its delegates' deposits",
	);
}

#[test]
fn a_registration_hold_on_an_account_without_vehicles_breaks_the_invariants() {
	breaks(
		nothing,
		|| hold(HoldReason::VehicleRegistration, BOB, 5),
		"a registration hold on an account that registered no vehicle",
	);
}

#[test]
fn a_delegate_hold_on_an_account_without_vehicles_breaks_the_invariants() {
	breaks(
		nothing,
		|| hold(HoldReason::Delegate, BOB, 5),
		"a delegate hold on an account that owns no vehicle",
	);
}

/// Alice sells vehicle 0 to Bob, and Bob to Charlie.
fn two_sales() {
	for (seller, buyer) in [(ALICE, BOB), (BOB, CHARLIE)] {
		assert_ok!(VehicleIdentity::offer_sale(RuntimeOrigin::signed(seller), 0, buyer, None, 50));
		assert_ok!(VehicleIdentity::accept_offer(RuntimeOrigin::signed(buyer), 0, 0));
	}
}

fn edit_history(edit: impl FnOnce(&mut PastOwners<Test>)) {
	OwnershipHistory::<Test>::mutate(0, |history| edit(history.as_mut().unwrap()));
}

#[test]
fn a_history_counting_fewer_sales_than_it_keeps_is_caught() {
	breaks(two_sales, || edit_history(|h| h.count = 1), "more sales kept than counted");
}

#[test]
fn a_history_whose_last_buyer_is_not_the_owner_is_caught() {
	breaks(
		two_sales,
		|| edit_history(|h| h.recent.last_mut().unwrap().buyer = BOB),
		"the last sale's buyer is not the owner",
	);
}

#[test]
fn kept_sales_that_do_not_chain_are_caught() {
	breaks(two_sales, || edit_history(|h| h.recent[0].buyer = ALICE), "kept sales do not chain");
}

#[test]
fn a_history_of_an_unknown_vehicle_is_caught() {
	breaks(
		two_sales,
		|| OwnershipHistory::<Test>::insert(7, OwnershipHistory::<Test>::get(0).unwrap()),
		"ownership history of an unknown vehicle",
	);
}
