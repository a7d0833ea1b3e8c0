//! Direct passages: a vehicle's device pays a gantry passage at once from the owner's prepaid
//! balance, with the gantry's signed attestation; the event id is charged for the vehicle-day.
//!
//! The usual bridge (`bridge`): context 0, per passage, `CHARGER`'s; cars (class 1) pay 8,
//! trucks (class 2) 25; `GANTRY` registered; `PROVIDER` serves `VEHICLE`, whose owner prepaid
//! 20.

use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_core::H256,
	sp_runtime::{testing::TestSignature, DispatchResult},
};
use v2x_primitives::{testing::MockVehicles, VehicleStatus};

use super::*;
use crate::{
	ChargeKind, ChargedBy, ChargedEvent, ContextId, DeclarationInput, Error, Passage, Prepaid,
	TollTotals, Usage, VehicleClass, VehicleDays,
};

pub(crate) const BRIDGE: ContextId = 0;
pub(crate) const CAR: VehicleClass = 1;
pub(crate) const TRUCK: VehicleClass = 2;
/// As `passage_prices`.
pub(crate) const CAR_PRICE: u64 = 8;
pub(crate) const TRUCK_PRICE: u64 = 25;
/// Pays two car passages, and 4 is left.
pub(crate) const PREPAID: u64 = 20;

/// A passage context with the usual prices and `GANTRY`; returns its id.
fn gantry_context() -> ContextId {
	let context = passage_context();
	assert_ok!(RoadUsage::add_gantry(signed(CHARGER), context, GANTRY));
	context
}

/// The usual bridge, `PROVIDER` serving `VEHICLE`, and `PREPAID` on it.
pub(crate) fn bridge() {
	assert_eq!(gantry_context(), BRIDGE);
	assert_ok!(RoadUsage::approve_provider(root(), PROVIDER, name(b"Tolls")));
	assert_ok!(RoadUsage::set_provider(signed(OWNER), VEHICLE, Some(PROVIDER)));
	assert_ok!(RoadUsage::top_up(signed(OWNER), VEHICLE, PREPAID));
}

fn event_id(n: u8) -> H256 {
	H256::repeat_byte(n)
}

/// `VEHICLE`'s car passage `n` today.
fn passage(n: u8) -> Passage {
	Passage { vehicle: VEHICLE, day: today(), event: event_id(n), class: CAR }
}

/// `gantry`'s signature on `passage` in `context`.
fn attestation(gantry: u64, context: ContextId, passage: &Passage) -> TestSignature {
	gantry_signature(gantry, &RoadUsage::attestation_payload(context, passage))
}

/// `device` reports `passage` on the bridge, attested by `GANTRY`.
fn report_as(device: u64, passage: Passage) -> DispatchResult {
	let signature = attestation(GANTRY, BRIDGE, &passage);
	RoadUsage::report_passage(signed(device), BRIDGE, passage, GANTRY, signature)
}

/// `DEVICE` reports `passage` on the bridge, attested by `GANTRY`.
fn report(passage: Passage) -> DispatchResult {
	report_as(DEVICE, passage)
}

fn prepaid() -> Option<u64> {
	Prepaid::<Test>::get(VEHICLE).map(|entry| entry.amount)
}

fn charged(day: crate::Day) -> Vec<ChargedEvent> {
	VehicleDays::<Test>::get((BRIDGE, VEHICLE), day)
		.map(|entry| entry.events.into_inner())
		.unwrap_or_default()
}

#[test]
fn a_device_pays_an_attested_passage_from_the_prepaid_balance_to_the_charger() {
	ExtBuilder::default().build_and_execute(|| {
		bridge();
		let charger_free = free(CHARGER);

		assert_ok!(report(passage(1)));

		assert_eq!(prepaid(), Some(PREPAID - CAR_PRICE));
		assert_eq!(held(HoldReason::Prepaid, OWNER), PREPAID - CAR_PRICE);
		assert_eq!(free(OWNER), BALANCE - PREPAID);
		assert_eq!(free(CHARGER), charger_free + CAR_PRICE);
		// The device created the vehicle-day and holds its deposit.
		let day = VehicleDays::<Test>::get((BRIDGE, VEHICLE), today()).unwrap();
		assert_eq!((day.depositor, day.deposit), (DEVICE, VEHICLE_DAY_DEPOSIT));
		assert_eq!(
			day.events.into_inner(),
			vec![ChargedEvent { event: event_id(1), by: ChargedBy::Direct }]
		);
		assert_eq!(held(HoldReason::Deposit, DEVICE), VEHICLE_DAY_DEPOSIT);
		assert_eq!(free(DEVICE), BALANCE - VEHICLE_DAY_DEPOSIT);
		let totals = TollTotals::<Test>::get(VEHICLE);
		assert_eq!((totals.paid, totals.passages, totals.declarations), (CAR_PRICE, 1, 0));
		assert_eq!(
			events().last(),
			Some(&Event::PassagePaid {
				context: BRIDGE,
				vehicle: VEHICLE,
				event: event_id(1),
				provider: PROVIDER,
				amount: CAR_PRICE,
			})
		);
	});
}

#[test]
fn later_passages_of_the_day_share_its_entry_and_are_priced_by_class() {
	ExtBuilder::default().build_and_execute(|| {
		bridge();
		assert_ok!(RoadUsage::top_up(signed(OWNER), VEHICLE, PREPAID));
		assert_ok!(report(passage(1)));
		let charger_free = free(CHARGER);

		assert_ok!(report(Passage { class: TRUCK, ..passage(2) }));

		assert_eq!(prepaid(), Some(2 * PREPAID - CAR_PRICE - TRUCK_PRICE));
		assert_eq!(free(CHARGER), charger_free + TRUCK_PRICE);
		assert_eq!(held(HoldReason::Deposit, DEVICE), VEHICLE_DAY_DEPOSIT);
		assert_eq!(
			charged(today()),
			vec![
				ChargedEvent { event: event_id(1), by: ChargedBy::Direct },
				ChargedEvent { event: event_id(2), by: ChargedBy::Direct },
			]
		);
		let totals = TollTotals::<Test>::get(VEHICLE);
		assert_eq!((totals.paid, totals.passages), (CAR_PRICE + TRUCK_PRICE, 2));
	});
}

#[test]
fn a_passage_is_priced_at_the_tariff_version_valid_on_its_day() {
	ExtBuilder::default().build_and_execute(|| {
		bridge();
		let yesterday = today();
		assert_ok!(RoadUsage::publish_tariff(
			signed(CHARGER),
			BRIDGE,
			yesterday + 1,
			prices(&[(CAR, 0, 40)])
		));
		pass_days(1);
		assert_ok!(RoadUsage::top_up(signed(OWNER), VEHICLE, 100));

		assert_ok!(report(Passage { day: yesterday, ..passage(1) }));
		assert_ok!(report(passage(2)));

		assert_eq!(prepaid(), Some(PREPAID + 100 - CAR_PRICE - 40));
		assert_eq!(TollTotals::<Test>::get(VEHICLE).paid, CAR_PRICE + 40);
		// Each day has its own entry (and deposit).
		assert_eq!(charged(yesterday).len(), 1);
		assert_eq!(charged(today()).len(), 1);
		assert_eq!(held(HoldReason::Deposit, DEVICE), 2 * VEHICLE_DAY_DEPOSIT);
	});
}

#[test]
fn an_attestation_of_yesterday_is_accepted_and_one_older_is_stale() {
	ExtBuilder::default().build_and_execute(|| {
		bridge();
		pass_days(MAX_ATTESTATION_AGE + 1);
		let oldest = today() - MAX_ATTESTATION_AGE;

		assert_noop!(
			report(Passage { day: oldest - 1, ..passage(1) }),
			Error::<Test>::StaleAttestation
		);
		assert_noop!(
			report(Passage { day: today() + 1, ..passage(1) }),
			Error::<Test>::StaleAttestation
		);
		assert_ok!(report(Passage { day: oldest, ..passage(1) }));
		assert_eq!(charged(oldest).len(), 1);
	});
}

#[test]
fn the_same_passage_is_paid_once() {
	ExtBuilder::default().build_and_execute(|| {
		bridge();
		assert_ok!(report(passage(1)));

		assert_noop!(report(passage(1)), Error::<Test>::EventAlreadyCharged);
		// Not as another class either: the event id is what counts.
		assert_noop!(
			report(Passage { class: TRUCK, ..passage(1) }),
			Error::<Test>::EventAlreadyCharged
		);
		assert_eq!(prepaid(), Some(PREPAID - CAR_PRICE));
	});
}

#[test]
fn a_passage_a_provider_already_declared_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		bridge();
		assert_ok!(RoadUsage::post_bond(signed(PROVIDER), MIN_BOND));
		let usage = vec![Usage { band: 0, quantity: 1 }].try_into().unwrap();
		let declaration = DeclarationInput {
			vehicle: VEHICLE,
			day: today(),
			class: CAR,
			usage,
			events: vec![event_id(1)].try_into().unwrap(),
			details_root: H256::repeat_byte(0xd0),
			corrects: None,
		};
		assert_ok!(RoadUsage::declare(
			signed(PROVIDER),
			BRIDGE,
			vec![declaration].try_into().unwrap()
		));

		assert_noop!(report(passage(1)), Error::<Test>::EventAlreadyCharged);
		assert_eq!(prepaid(), Some(PREPAID));
		// Another event of the same vehicle-day is paid, in the provider's entry.
		assert_ok!(report(passage(2)));
		assert_eq!(held(HoldReason::Deposit, DEVICE), 0);
		assert_eq!(
			charged(today()),
			vec![
				ChargedEvent { event: event_id(1), by: ChargedBy::Batch(0) },
				ChargedEvent { event: event_id(2), by: ChargedBy::Direct },
			]
		);
	});
}

#[test]
fn an_attestation_signed_by_another_gantry_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		bridge();
		let passage = passage(1);
		let forged = attestation(OTHER_GANTRY, BRIDGE, &passage);

		assert_noop!(
			RoadUsage::report_passage(signed(DEVICE), BRIDGE, passage, GANTRY, forged.clone()),
			Error::<Test>::BadAttestation
		);
		// The other gantry signed it, but is not registered on the bridge.
		assert_noop!(
			RoadUsage::report_passage(signed(DEVICE), BRIDGE, passage, OTHER_GANTRY, forged),
			Error::<Test>::UnknownGantry
		);
	});
}

#[test]
fn an_attestation_of_another_passage_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		bridge();
		let attested = passage(1);
		let signature = attestation(GANTRY, BRIDGE, &attested);
		let other_vehicle = Passage { vehicle: OTHER_VEHICLE, ..attested };
		let other_day = Passage { day: today() - 1, ..attested };
		let other_event = Passage { event: event_id(2), ..attested };
		let other_class = Passage { class: TRUCK, ..attested };

		for claimed in [other_day, other_event, other_class] {
			assert_noop!(
				RoadUsage::report_passage(
					signed(DEVICE),
					BRIDGE,
					claimed,
					GANTRY,
					signature.clone()
				),
				Error::<Test>::BadAttestation
			);
		}
		// Another vehicle's attestation, reported by that vehicle's device, for this one.
		let theirs = attestation(GANTRY, BRIDGE, &other_vehicle);
		assert_noop!(
			RoadUsage::report_passage(signed(DEVICE), BRIDGE, attested, GANTRY, theirs),
			Error::<Test>::BadAttestation
		);
	});
}

#[test]
fn an_attestation_for_another_context_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		bridge();
		// The same gantry also attests passages of a second bridge.
		let second = gantry_context();
		let passage = passage(1);
		let for_second = attestation(GANTRY, second, &passage);

		assert_noop!(
			RoadUsage::report_passage(signed(DEVICE), BRIDGE, passage, GANTRY, for_second),
			Error::<Test>::BadAttestation
		);
		// The payload is tagged: a bare encoding of the passage is no attestation.
		let untagged = gantry_signature(GANTRY, &codec::Encode::encode(&(BRIDGE, passage)));
		assert_noop!(
			RoadUsage::report_passage(signed(DEVICE), BRIDGE, passage, GANTRY, untagged),
			Error::<Test>::BadAttestation
		);
	});
}

#[test]
fn a_removed_gantry_attests_no_more() {
	ExtBuilder::default().build_and_execute(|| {
		bridge();
		assert_ok!(RoadUsage::remove_gantry(signed(CHARGER), BRIDGE, GANTRY));

		assert_noop!(report(passage(1)), Error::<Test>::UnknownGantry);
	});
}

#[test]
fn only_a_device_bound_to_the_vehicle_may_report_its_passage() {
	ExtBuilder::default().build_and_execute(|| {
		bridge();
		for who in [OWNER, OTHER_DEVICE, GANTRY, CHARGER, PROVIDER, STRANGER] {
			assert_noop!(report_as(who, passage(1)), Error::<Test>::NotVehicleDevice);
		}
		// An unbound device no longer may.
		MockVehicles::update(VEHICLE, |v| v.devices.clear());
		assert_noop!(report(passage(1)), Error::<Test>::NotVehicleDevice);
	});
}

#[test]
fn a_stolen_vehicles_device_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		bridge();
		MockVehicles::update(VEHICLE, |v| v.status = VehicleStatus::Stolen);

		assert_noop!(report(passage(1)), Error::<Test>::VehicleNotActive);
	});
}

#[test]
fn a_scrapped_vehicles_device_is_unbound() {
	ExtBuilder::default().build_and_execute(|| {
		bridge();
		MockVehicles::update(VEHICLE, |v| v.status = VehicleStatus::Scrapped);

		assert_noop!(report(passage(1)), Error::<Test>::NotVehicleDevice);
	});
}

#[test]
fn an_exhausted_prepaid_balance_pays_no_more() {
	ExtBuilder::default().build_and_execute(|| {
		bridge();
		// 20 pays two car passages (16); the third needs 8 of the 4 left.
		assert_ok!(report(passage(1)));
		assert_ok!(report(passage(2)));
		assert_eq!(prepaid(), Some(PREPAID - 2 * CAR_PRICE));

		assert_noop!(report(passage(3)), Error::<Test>::InsufficientPrepaid);

		// Topped up to exactly one more passage: it is paid and the entry goes.
		assert_ok!(RoadUsage::top_up(signed(OWNER), VEHICLE, CAR_PRICE - 4));
		assert_ok!(report(passage(3)));
		assert_eq!(prepaid(), None);
		assert_eq!(held(HoldReason::Prepaid, OWNER), 0);
		assert_eq!(free(OWNER), BALANCE - PREPAID - (CAR_PRICE - 4));
		assert_noop!(report(passage(4)), Error::<Test>::InsufficientPrepaid);
	});
}

#[test]
fn a_vehicle_without_prepaid_balance_pays_no_passage() {
	ExtBuilder::default().build_and_execute(|| {
		bridge();
		assert_ok!(RoadUsage::withdraw_prepaid(signed(OWNER), VEHICLE, PREPAID));

		assert_noop!(report(passage(1)), Error::<Test>::InsufficientPrepaid);
	});
}

#[test]
fn a_vehicle_no_provider_serves_pays_no_passage() {
	ExtBuilder::default().build_and_execute(|| {
		bridge();
		// Ending the subscription today leaves the provider serving today only.
		assert_ok!(RoadUsage::set_provider(signed(OWNER), VEHICLE, None));
		assert_ok!(report(passage(1)));
		pass_days(1);

		assert_noop!(report(passage(2)), Error::<Test>::NoProvider);
	});
}

#[test]
fn the_vehicles_current_provider_is_named_on_a_change_day() {
	ExtBuilder::default().build_and_execute(|| {
		bridge();
		assert_ok!(RoadUsage::approve_provider(root(), OTHER_PROVIDER, name(b"Other")));
		assert_ok!(RoadUsage::set_provider(signed(OWNER), VEHICLE, Some(OTHER_PROVIDER)));

		assert_ok!(report(passage(1)));

		assert!(matches!(
			events().last(),
			Some(Event::PassagePaid { provider: OTHER_PROVIDER, .. })
		));
	});
}

#[test]
fn a_distance_context_takes_no_direct_passages() {
	ExtBuilder::default().build_and_execute(|| {
		bridge();
		assert_ok!(RoadUsage::create_context(
			signed(CHARGER),
			name(b"Network"),
			ChargeKind::Distance
		));
		let network = BRIDGE + 1;
		assert_ok!(RoadUsage::add_gantry(signed(CHARGER), network, GANTRY));
		let passage = passage(1);
		let signature = attestation(GANTRY, network, &passage);

		assert_noop!(
			RoadUsage::report_passage(signed(DEVICE), network, passage, GANTRY, signature.clone()),
			Error::<Test>::NotPassageContext
		);
		assert_noop!(
			RoadUsage::report_passage(signed(DEVICE), 7, passage, GANTRY, signature),
			Error::<Test>::UnknownContext
		);
	});
}

#[test]
fn an_unpriced_class_is_not_charged() {
	ExtBuilder::default().build_and_execute(|| {
		bridge();

		assert_noop!(report(Passage { class: 9, ..passage(1) }), Error::<Test>::UnpricedUsage);
	});
}

#[test]
fn a_passage_before_the_first_tariff_is_not_charged() {
	ExtBuilder::default().build_and_execute(|| {
		bridge();
		pass_days(1);
		assert_ok!(RoadUsage::create_context(signed(CHARGER), name(b"New"), ChargeKind::Passage));
		let new = BRIDGE + 1;
		assert_ok!(RoadUsage::publish_tariff(
			signed(CHARGER),
			new,
			today(),
			prices(&[(CAR, 0, 5)])
		));
		assert_ok!(RoadUsage::add_gantry(signed(CHARGER), new, GANTRY));
		let passage = Passage { day: today() - 1, ..passage(1) };
		let signature = attestation(GANTRY, new, &passage);

		assert_noop!(
			RoadUsage::report_passage(signed(DEVICE), new, passage, GANTRY, signature),
			Error::<Test>::NoTariff
		);
	});
}

#[test]
fn a_full_vehicle_day_takes_no_more_passages() {
	ExtBuilder::default().build_and_execute(|| {
		bridge();
		assert_ok!(RoadUsage::top_up(signed(OWNER), VEHICLE, 1_000));
		for n in 1..=MAX_EVENTS_PER_VEHICLE_DAY as u8 {
			assert_ok!(report(passage(n)));
		}

		assert_noop!(report(passage(100)), Error::<Test>::TooManyEvents);
	});
}

#[test]
fn a_device_that_cannot_pay_the_vehicle_day_deposit_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		bridge();
		MockVehicles::update(VEHICLE, |v| v.devices.push(PAUPER));

		assert_noop!(report_as(PAUPER, passage(1)), Error::<Test>::InsufficientBalance);
		// Once the day's entry exists, it pays no deposit.
		assert_ok!(report(passage(1)));
		assert_ok!(report_as(PAUPER, passage(2)));
	});
}
