//! Providers' declarations: pricing at the version valid on the day, the declaration window,
//! each event id charged once per context, vehicle and day, and corrections as new entries.
//!
//! The usual chain (`genesis`): `CHARGER` charges `PASSAGES` per passage (car 10, truck 25),
//! `OTHER_CHARGER` charges `KM` per km (car 3 in band 0, 5 in band 1); `PROVIDER` serves
//! `VEHICLE` and `OTHER_PROVIDER` serves `OTHER_VEHICLE` since day 0; both posted `BOND`.

use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok, traits::fungible::MutateHold, BoundedVec},
	sp_core::H256,
	sp_runtime::DispatchResult,
};
use v2x_primitives::VehicleId;

use super::*;
use crate::{
	Batch, BatchId, BatchStatus, Batches, ChargeKind, ChargedBy, ContextId, Contexts, Day,
	Declaration, DeclarationInput, DeclarationRef, Error, GenesisContext, NextBatchId, Passage,
	Provider, Providers, ServicePeriod, ServicePeriods, TariffPrice, TollTotals, Usage,
	VehicleClass, VehicleDays,
};

/// `CHARGER`'s per-passage context.
pub(crate) const PASSAGES: ContextId = 0;
/// `OTHER_CHARGER`'s per-km context.
pub(crate) const KM: ContextId = 1;
pub(crate) const CAR: VehicleClass = 1;
pub(crate) const TRUCK: VehicleClass = 2;
/// A class only the km context prices, at a price whose products overflow.
pub(crate) const GIANT: VehicleClass = 9;
pub(crate) const CAR_PASSAGE: u64 = 10;
pub(crate) const TRUCK_PASSAGE: u64 = 25;
pub(crate) const CAR_KM: u64 = 3;
pub(crate) const CAR_KM_PEAK: u64 = 5;
pub(crate) const BOND: u64 = 5_000;
/// The Merkle root of the billing details every test declaration carries.
pub(crate) const ROOT: H256 = H256::repeat_byte(0xd0);

/// Event id number `n`.
pub(crate) fn ev(n: u8) -> H256 {
	H256::repeat_byte(n)
}

/// The roles, contexts and subscriptions of the module docs, as genesis builds them (tariff
/// versions and subscriptions from day 0, bonds and context deposits held).
pub(crate) fn genesis() -> crate::GenesisConfig<Test> {
	let prices = |list: &[(VehicleClass, u8, u64)]| {
		list.iter().map(|&(class, band, price)| TariffPrice { class, band, price }).collect()
	};
	crate::GenesisConfig {
		chargers: vec![(CHARGER, b"Bridges".to_vec()), (OTHER_CHARGER, b"Motorways".to_vec())],
		providers: vec![
			(PROVIDER, b"Tolls".to_vec(), BOND),
			(OTHER_PROVIDER, b"Pay".to_vec(), BOND),
		],
		contexts: vec![
			GenesisContext {
				charger: CHARGER,
				domain: b"Bridge".to_vec(),
				kind: ChargeKind::Passage,
				prices: prices(&[(CAR, 0, CAR_PASSAGE), (TRUCK, 0, TRUCK_PASSAGE)]),
				gantries: vec![],
			},
			GenesisContext {
				charger: OTHER_CHARGER,
				domain: b"A8".to_vec(),
				kind: ChargeKind::Distance,
				prices: prices(&[
					(CAR, 0, CAR_KM),
					(CAR, 1, CAR_KM_PEAK),
					(GIANT, 0, u64::MAX / 2),
				]),
				gantries: vec![],
			},
		],
		subscriptions: vec![(VEHICLE, PROVIDER), (OTHER_VEHICLE, OTHER_PROVIDER)],
		..Default::default()
	}
}

/// Runs `test` on the chain of `genesis`, then checks the invariants.
pub(crate) fn run(test: impl FnOnce()) {
	ExtBuilder::default().with_genesis(genesis()).build_and_execute(test);
}

pub(crate) fn hold(reason: HoldReason, who: u64, amount: u64) {
	assert_ok!(<Balances as MutateHold<u64>>::hold(&reason.into(), &who, amount));
}

fn prices(list: &[(VehicleClass, u8, u64)]) -> crate::PricesOf<Test> {
	BoundedVec::truncate_from(
		list.iter().map(|&(class, band, price)| TariffPrice { class, band, price }).collect(),
	)
}

/// The charger of `context` publishes its next tariff version, valid from `valid_from`.
pub(crate) fn new_version(context: ContextId, valid_from: Day, list: &[(VehicleClass, u8, u64)]) {
	let charger = Contexts::<Test>::get(context).unwrap().charger;
	assert_ok!(RoadUsage::publish_tariff(signed(charger), context, valid_from, prices(list)));
}

/// A declaration of `lines` (band, quantity) by a vehicle of `class`, charging `events`.
pub(crate) fn usage(
	vehicle: VehicleId,
	day: Day,
	class: VehicleClass,
	lines: &[(u8, u32)],
	events: &[u8],
) -> DeclarationInput<Test> {
	DeclarationInput {
		vehicle,
		day,
		class,
		usage: BoundedVec::truncate_from(
			lines.iter().map(|&(band, quantity)| Usage { band, quantity }).collect(),
		),
		events: BoundedVec::truncate_from(events.iter().map(|&n| ev(n)).collect()),
		details_root: ROOT,
		corrects: None,
	}
}

/// A car's passages of `events`, one each.
pub(crate) fn passages(vehicle: VehicleId, day: Day, events: &[u8]) -> DeclarationInput<Test> {
	usage(vehicle, day, CAR, &[(0, events.len() as u32)], events)
}

/// `input` as a correction of `batch`'s declaration `index`.
pub(crate) fn correcting(
	mut input: DeclarationInput<Test>,
	batch: BatchId,
	index: u16,
) -> DeclarationInput<Test> {
	input.corrects = Some(DeclarationRef { batch, index });
	input
}

pub(crate) fn declare(
	provider: u64,
	context: ContextId,
	inputs: Vec<DeclarationInput<Test>>,
) -> DispatchResult {
	RoadUsage::declare(signed(provider), context, BoundedVec::truncate_from(inputs))
}

/// Declares and returns the new batch's id.
pub(crate) fn declared(
	provider: u64,
	context: ContextId,
	inputs: Vec<DeclarationInput<Test>>,
) -> BatchId {
	assert_ok!(declare(provider, context, inputs));
	NextBatchId::<Test>::get() - 1
}

/// Declares and has the charger accept; returns the batch's id.
pub(crate) fn accepted(
	provider: u64,
	context: ContextId,
	inputs: Vec<DeclarationInput<Test>>,
) -> BatchId {
	let batch = declared(provider, context, inputs);
	let charger = Contexts::<Test>::get(context).unwrap().charger;
	assert_ok!(RoadUsage::accept_batch(signed(charger), batch));
	batch
}

pub(crate) fn batch(id: BatchId) -> Batch<Test> {
	Batches::<Test>::get(id).unwrap()
}

pub(crate) fn provider(who: u64) -> Provider<Test> {
	Providers::<Test>::get(who).unwrap()
}

/// The event ids charged for the vehicle-day, with their tags.
pub(crate) fn charged(context: ContextId, vehicle: VehicleId, day: Day) -> Vec<(H256, ChargedBy)> {
	VehicleDays::<Test>::get((context, vehicle), day)
		.map(|entry| entry.events.iter().map(|c| (c.event, c.by)).collect())
		.unwrap_or_default()
}

/// Tagged as `batch` charged them.
pub(crate) fn by_batch(batch: BatchId, events: &[u8]) -> Vec<(H256, ChargedBy)> {
	events.iter().map(|&n| (ev(n), ChargedBy::Batch(batch))).collect()
}

/// `VEHICLE`'s device paid its car passage `event` on `day` directly (`report_passage`, attested
/// by `GANTRY`, which is registered first; `OWNER` tops up the price first).
pub(crate) fn direct_passage(context: ContextId, day: Day, event: u8) {
	let charger = Contexts::<Test>::get(context).unwrap().charger;
	if !Contexts::<Test>::get(context).unwrap().gantries.contains(&GANTRY) {
		assert_ok!(RoadUsage::add_gantry(signed(charger), context, GANTRY));
	}
	assert_ok!(RoadUsage::top_up(signed(OWNER), VEHICLE, CAR_PASSAGE));
	let passage = Passage { vehicle: VEHICLE, day, event: ev(event), class: CAR };
	let signature = gantry_signature(GANTRY, &RoadUsage::attestation_payload(context, &passage));
	assert_ok!(RoadUsage::report_passage(signed(DEVICE), context, passage, GANTRY, signature));
}

const TODAY: Day = GENESIS_DAY;

#[test]
fn declare_prices_each_vehicle_day_and_holds_the_deposits() {
	run(|| {
		let yesterday = TODAY - 1;
		let batch = declared(
			PROVIDER,
			PASSAGES,
			vec![
				passages(VEHICLE, TODAY, &[1, 2, 3]),
				usage(VEHICLE, yesterday, TRUCK, &[(0, 1)], &[4]),
			],
		);

		assert_eq!(batch, 0);
		let charges = 3 * CAR_PASSAGE + TRUCK_PASSAGE;
		let deposit = BATCH_DEPOSIT + 2 * DECLARATION_DEPOSIT;
		assert_eq!(
			crate::Batches::<Test>::get(batch),
			Some(Batch {
				context: PASSAGES,
				provider: PROVIDER,
				charger: CHARGER,
				submitted_at: 1,
				status: BatchStatus::Pending,
				charges,
				credits: 0,
				obligation: charges,
				declarations: BoundedVec::truncate_from(vec![
					Declaration {
						vehicle: VEHICLE,
						day: TODAY,
						class: CAR,
						version: 0,
						amount: 3 * CAR_PASSAGE,
						reverses: 0,
						events: 3,
						details_root: ROOT,
						corrects: None,
						corrected_by: None,
					},
					Declaration {
						vehicle: VEHICLE,
						day: yesterday,
						class: TRUCK,
						version: 0,
						amount: TRUCK_PASSAGE,
						reverses: 0,
						events: 1,
						details_root: ROOT,
						corrects: None,
						corrected_by: None,
					},
				]),
				deposit,
			})
		);
		assert_eq!(charged(PASSAGES, VEHICLE, TODAY), by_batch(batch, &[1, 2, 3]));
		assert_eq!(charged(PASSAGES, VEHICLE, yesterday), by_batch(batch, &[4]));
		let day = VehicleDays::<Test>::get((PASSAGES, VEHICLE), TODAY).unwrap();
		assert_eq!((day.depositor, day.deposit), (PROVIDER, VEHICLE_DAY_DEPOSIT));
		assert_eq!(provider(PROVIDER).obligations, charges);
		assert_eq!(provider(PROVIDER).bond, BOND);
		assert_eq!(held(HoldReason::Deposit, PROVIDER), deposit + 2 * VEHICLE_DAY_DEPOSIT);
		assert_eq!(free(PROVIDER), BALANCE - BOND - deposit - 2 * VEHICLE_DAY_DEPOSIT);
		assert_eq!(
			events(),
			vec![Event::BatchDeclared {
				batch,
				context: PASSAGES,
				provider: PROVIDER,
				charges,
				credits: 0,
				declarations: 2,
			}]
		);
		// Nothing is paid or counted before the charger accepts.
		assert_eq!(free(CHARGER), BALANCE - CONTEXT_DEPOSIT);
		assert_eq!(TollTotals::<Test>::get(VEHICLE), Default::default());
	});
}

#[test]
fn a_distance_declaration_is_priced_per_km_and_band() {
	run(|| {
		let id = declared(
			OTHER_PROVIDER,
			KM,
			vec![usage(OTHER_VEHICLE, TODAY, CAR, &[(0, 40), (1, 7)], &[1])],
		);
		assert_eq!(batch(id).charges, 40 * CAR_KM + 7 * CAR_KM_PEAK);
		assert_eq!(batch(id).charger, OTHER_CHARGER);
	});
}

#[test]
fn only_an_active_provider_with_its_minimum_bond_declares() {
	run(|| {
		let input = || vec![passages(VEHICLE, TODAY, &[1])];
		for who in [STRANGER, CHARGER, OWNER, DEVICE] {
			assert_noop!(declare(who, PASSAGES, input()), Error::<Test>::NotProvider);
		}
		Providers::<Test>::mutate(PROVIDER, |p| p.as_mut().unwrap().bond = MIN_BOND - 1);
		assert_noop!(declare(PROVIDER, PASSAGES, input()), Error::<Test>::BondTooLow);
		Providers::<Test>::mutate(PROVIDER, |p| {
			let p = p.as_mut().unwrap();
			p.bond = BOND;
			p.active = false;
		});
		assert_noop!(declare(PROVIDER, PASSAGES, input()), Error::<Test>::ProviderNotActive);
	});
}

#[test]
fn declare_refuses_an_empty_batch_and_an_unknown_context() {
	run(|| {
		assert_noop!(declare(PROVIDER, PASSAGES, vec![]), Error::<Test>::EmptyBatch);
		assert_noop!(
			declare(PROVIDER, 7, vec![passages(VEHICLE, TODAY, &[1])]),
			Error::<Test>::UnknownContext
		);
	});
}

#[test]
fn a_day_is_declarable_until_max_declaration_age_days_late_and_not_before_it_happened() {
	run(|| {
		pass_days(5);
		let today = today();
		let oldest = today - MAX_DECLARATION_AGE;
		assert_noop!(
			declare(PROVIDER, PASSAGES, vec![passages(VEHICLE, oldest - 1, &[1])]),
			Error::<Test>::DayOutOfWindow
		);
		assert_noop!(
			declare(PROVIDER, PASSAGES, vec![passages(VEHICLE, today + 1, &[1])]),
			Error::<Test>::DayOutOfWindow
		);
		let batch = declared(PROVIDER, PASSAGES, vec![passages(VEHICLE, oldest, &[1])]);
		assert_eq!(charged(PASSAGES, VEHICLE, oldest), by_batch(batch, &[1]));
		declared(PROVIDER, PASSAGES, vec![passages(VEHICLE, today, &[1])]);
	});
}

#[test]
fn a_provider_declares_only_the_vehicles_and_days_it_serves() {
	run(|| {
		assert_noop!(
			declare(PROVIDER, PASSAGES, vec![passages(OTHER_VEHICLE, TODAY, &[1])]),
			Error::<Test>::NotServingVehicle
		);
		assert_noop!(
			declare(PROVIDER, PASSAGES, vec![passages(UNKNOWN_VEHICLE, TODAY, &[1])]),
			Error::<Test>::UnknownVehicle
		);
		// Served from `TODAY - 2` only.
		ServicePeriods::<Test>::insert(
			VEHICLE,
			BoundedVec::truncate_from(vec![ServicePeriod {
				provider: PROVIDER,
				from: TODAY - 2,
				until: None,
			}]),
		);
		assert_noop!(
			declare(PROVIDER, PASSAGES, vec![passages(VEHICLE, TODAY - 3, &[1])]),
			Error::<Test>::NotServingVehicle
		);
		declared(PROVIDER, PASSAGES, vec![passages(VEHICLE, TODAY - 2, &[1])]);
	});
}

#[test]
fn declare_refuses_usage_no_tariff_prices() {
	run(|| {
		// A context created today is priced from today on.
		let tunnel = crate::NextContextId::<Test>::get();
		assert_ok!(RoadUsage::create_context(
			signed(CHARGER),
			BoundedVec::truncate_from(b"Tunnel".to_vec()),
			ChargeKind::Passage
		));
		new_version(tunnel, TODAY, &[(CAR, 0, CAR_PASSAGE)]);
		assert_noop!(
			declare(PROVIDER, tunnel, vec![passages(VEHICLE, TODAY - 1, &[1])]),
			Error::<Test>::NoTariff
		);
		declared(PROVIDER, tunnel, vec![passages(VEHICLE, TODAY, &[1])]);
		assert_noop!(
			declare(PROVIDER, PASSAGES, vec![usage(VEHICLE, TODAY, 7, &[(0, 1)], &[1])]),
			Error::<Test>::UnpricedUsage
		);
		assert_noop!(
			declare(PROVIDER, PASSAGES, vec![usage(VEHICLE, TODAY, CAR, &[(1, 1)], &[1])]),
			Error::<Test>::UnpricedUsage
		);
	});
}

#[test]
fn declare_refuses_declarations_without_usage_or_events() {
	run(|| {
		for input in [
			usage(VEHICLE, TODAY, CAR, &[], &[1]),
			usage(VEHICLE, TODAY, CAR, &[(0, 1)], &[]),
			usage(VEHICLE, TODAY, CAR, &[(0, 0), (0, 1)], &[1]),
		] {
			assert_noop!(declare(PROVIDER, PASSAGES, vec![input]), Error::<Test>::EmptyDeclaration);
		}
	});
}

#[test]
fn a_passage_declaration_charges_one_event_id_per_passage() {
	run(|| {
		assert_noop!(
			declare(PROVIDER, PASSAGES, vec![usage(VEHICLE, TODAY, CAR, &[(0, 3)], &[1, 2])]),
			Error::<Test>::PassageCountMismatch
		);
		// Per km, the event ids are segments: any number.
		declared(PROVIDER, KM, vec![usage(VEHICLE, TODAY, CAR, &[(0, 120)], &[1, 2])]);
	});
}

#[test]
fn a_batch_declares_each_vehicle_day_once() {
	run(|| {
		assert_noop!(
			declare(
				PROVIDER,
				PASSAGES,
				vec![passages(VEHICLE, TODAY, &[1]), passages(VEHICLE, TODAY, &[2])]
			),
			Error::<Test>::DuplicateDeclaration
		);
	});
}

#[test]
fn an_event_id_is_charged_once_per_context_vehicle_and_day() {
	run(|| {
		assert_noop!(
			declare(PROVIDER, PASSAGES, vec![passages(VEHICLE, TODAY, &[1, 1])]),
			Error::<Test>::EventAlreadyCharged
		);
		let first = declared(PROVIDER, PASSAGES, vec![passages(VEHICLE, TODAY, &[1, 2])]);
		assert_noop!(
			declare(PROVIDER, PASSAGES, vec![passages(VEHICLE, TODAY, &[3, 2])]),
			Error::<Test>::EventAlreadyCharged
		);
		// The device paid passage 5 itself.
		direct_passage(PASSAGES, TODAY, 5);
		assert_noop!(
			declare(PROVIDER, PASSAGES, vec![passages(VEHICLE, TODAY, &[5])]),
			Error::<Test>::EventAlreadyCharged
		);
		// The same id on another day, or in another context, is another event.
		declared(PROVIDER, PASSAGES, vec![passages(VEHICLE, TODAY - 1, &[1])]);
		declared(PROVIDER, KM, vec![usage(VEHICLE, TODAY, CAR, &[(0, 5)], &[1])]);
		let second = declared(PROVIDER, PASSAGES, vec![passages(VEHICLE, TODAY, &[3])]);
		let mut expected = by_batch(first, &[1, 2]);
		expected.push((ev(5), ChargedBy::Direct));
		expected.extend(by_batch(second, &[3]));
		assert_eq!(charged(PASSAGES, VEHICLE, TODAY), expected);
	});
}

#[test]
fn vehicle_changing_provider_mid_day_is_not_charged_twice() {
	run(|| {
		// `VEHICLE` moved from PROVIDER to OTHER_PROVIDER today: both serve today, each only
		// its own days otherwise.
		assert_ok!(RoadUsage::set_provider(signed(OWNER), VEHICLE, Some(OTHER_PROVIDER)));
		let morning = declared(PROVIDER, PASSAGES, vec![passages(VEHICLE, TODAY, &[1, 2])]);
		assert_noop!(
			declare(OTHER_PROVIDER, PASSAGES, vec![passages(VEHICLE, TODAY, &[2, 3])]),
			Error::<Test>::EventAlreadyCharged
		);
		let afternoon = declared(OTHER_PROVIDER, PASSAGES, vec![passages(VEHICLE, TODAY, &[3])]);
		let mut expected = by_batch(morning, &[1, 2]);
		expected.extend(by_batch(afternoon, &[3]));
		assert_eq!(charged(PASSAGES, VEHICLE, TODAY), expected);
		assert_eq!(batch(morning).charges, 2 * CAR_PASSAGE);
		assert_eq!(batch(afternoon).charges, CAR_PASSAGE);
		// Yesterday was the old provider's only.
		assert_noop!(
			declare(OTHER_PROVIDER, PASSAGES, vec![passages(VEHICLE, TODAY - 1, &[4])]),
			Error::<Test>::NotServingVehicle
		);
		declared(PROVIDER, PASSAGES, vec![passages(VEHICLE, TODAY - 1, &[4])]);
		// Tomorrow is the new provider's only.
		pass_days(1);
		assert_noop!(
			declare(PROVIDER, PASSAGES, vec![passages(VEHICLE, TODAY + 1, &[5])]),
			Error::<Test>::NotServingVehicle
		);
		declared(OTHER_PROVIDER, PASSAGES, vec![passages(VEHICLE, TODAY + 1, &[5])]);
		// Both paid for exactly their passages.
		assert_ok!(RoadUsage::accept_batch(signed(CHARGER), morning));
		assert_ok!(RoadUsage::accept_batch(signed(CHARGER), afternoon));
		assert_eq!(provider(PROVIDER).bond, BOND - 2 * CAR_PASSAGE);
		assert_eq!(provider(OTHER_PROVIDER).bond, BOND - CAR_PASSAGE);
		assert_eq!(TollTotals::<Test>::get(VEHICLE).paid, 3 * CAR_PASSAGE);
	});
}

#[test]
fn declaration_after_tariff_change_uses_the_old_version() {
	run(|| {
		// From tomorrow a car passage costs 12.
		new_version(PASSAGES, TODAY + 1, &[(CAR, 0, 12), (TRUCK, 0, 30)]);
		pass_days(3);
		let id = declared(
			PROVIDER,
			PASSAGES,
			vec![passages(VEHICLE, TODAY, &[1, 2]), passages(VEHICLE, TODAY + 1, &[3])],
		);
		let stored = batch(id);
		let declarations = stored.declarations;
		assert_eq!((declarations[0].version, declarations[0].amount), (0, 2 * CAR_PASSAGE));
		assert_eq!((declarations[1].version, declarations[1].amount), (1, 12));
		assert_eq!(stored.charges, 2 * CAR_PASSAGE + 12);
	});
}

#[test]
fn a_vehicle_day_holds_at_most_max_events_per_vehicle_day() {
	run(|| {
		assert_eq!(MAX_EVENTS_PER_VEHICLE_DAY, 6);
		declared(PROVIDER, PASSAGES, vec![passages(VEHICLE, TODAY, &[1, 2, 3, 4])]);
		assert_noop!(
			declare(PROVIDER, PASSAGES, vec![passages(VEHICLE, TODAY, &[5, 6, 7])]),
			Error::<Test>::TooManyEvents
		);
		declared(PROVIDER, PASSAGES, vec![passages(VEHICLE, TODAY, &[5, 6])]);
		assert_eq!(charged(PASSAGES, VEHICLE, TODAY).len(), 6);
	});
}

#[test]
fn the_bond_must_cover_every_open_obligation() {
	run(|| {
		// 5 000 of bond: 1 600 km at 3 leave 200 uncovered for the next 67 km.
		declared(PROVIDER, KM, vec![usage(VEHICLE, TODAY, CAR, &[(0, 1_600)], &[1])]);
		assert_eq!(provider(PROVIDER).obligations, 4_800);
		assert_noop!(
			declare(PROVIDER, KM, vec![usage(VEHICLE, TODAY - 1, CAR, &[(0, 67)], &[2])]),
			Error::<Test>::BondTooLow
		);
		declared(PROVIDER, KM, vec![usage(VEHICLE, TODAY - 1, CAR, &[(0, 66)], &[2])]);
		assert_eq!(provider(PROVIDER).obligations, BOND - 2);
	});
}

#[test]
fn declare_refuses_amounts_that_overflow() {
	run(|| {
		assert_noop!(
			declare(PROVIDER, KM, vec![usage(VEHICLE, TODAY, GIANT, &[(0, 3)], &[1])]),
			Error::<Test>::Overflow
		);
	});
}

#[test]
fn a_provider_that_cannot_pay_the_deposits_cannot_declare() {
	run(|| {
		let spendable = free(PROVIDER);
		hold(HoldReason::Deposit, PROVIDER, spendable - BATCH_DEPOSIT);
		assert_noop!(
			declare(PROVIDER, PASSAGES, vec![passages(VEHICLE, TODAY, &[1])]),
			Error::<Test>::InsufficientBalance
		);
		// Give the extra hold back so the deposits agree with the entries again.
		assert_ok!(<Balances as MutateHold<u64>>::release(
			&HoldReason::Deposit.into(),
			&PROVIDER,
			spendable - BATCH_DEPOSIT,
			polkadot_sdk::frame_support::traits::tokens::Precision::Exact,
		));
	});
}

#[test]
fn a_correction_reverses_the_accepted_amount_and_marks_it_corrected() {
	run(|| {
		let old = accepted(PROVIDER, PASSAGES, vec![passages(VEHICLE, TODAY, &[1, 2, 3])]);
		// Passage 3 was another vehicle's: the correction charges 1 and 2 again, as a truck.
		let fix = declared(
			PROVIDER,
			PASSAGES,
			vec![correcting(usage(VEHICLE, TODAY, TRUCK, &[(0, 2)], &[1, 2]), old, 0)],
		);
		let entry = batch(fix);
		assert_eq!(entry.charges, 2 * TRUCK_PASSAGE);
		assert_eq!(entry.credits, 3 * CAR_PASSAGE);
		assert_eq!(entry.obligation, 2 * TRUCK_PASSAGE - 3 * CAR_PASSAGE);
		assert_eq!(entry.declarations[0].reverses, 3 * CAR_PASSAGE);
		assert_eq!(entry.declarations[0].corrects, Some(DeclarationRef { batch: old, index: 0 }));
		assert_eq!(batch(old).declarations[0].corrected_by, Some(fix));
		// Until the correction is settled the old tags stay too.
		let mut expected = by_batch(old, &[1, 2, 3]);
		expected.extend(by_batch(fix, &[1, 2]));
		assert_eq!(charged(PASSAGES, VEHICLE, TODAY), expected);
		assert_eq!(
			events().last(),
			Some(&Event::BatchDeclared {
				batch: fix,
				context: PASSAGES,
				provider: PROVIDER,
				charges: 2 * TRUCK_PASSAGE,
				credits: 3 * CAR_PASSAGE,
				declarations: 1,
			})
		);
		// Accepted: the old tags go, so passage 3 is free for whoever really had it.
		assert_ok!(RoadUsage::accept_batch(signed(CHARGER), fix));
		assert_eq!(charged(PASSAGES, VEHICLE, TODAY), by_batch(fix, &[1, 2]));
		assert_eq!(
			provider(PROVIDER).bond,
			BOND - 3 * CAR_PASSAGE - (2 * TRUCK_PASSAGE - 3 * CAR_PASSAGE)
		);
		declared(PROVIDER, PASSAGES, vec![passages(VEHICLE, TODAY, &[3])]);
	});
}

#[test]
fn a_correction_must_point_to_an_accepted_declaration_of_the_same_provider_vehicle_and_day() {
	run(|| {
		let pending = declared(PROVIDER, PASSAGES, vec![passages(VEHICLE, TODAY, &[1])]);
		let fix = |day, batch, index| {
			declare(
				PROVIDER,
				PASSAGES,
				vec![correcting(passages(VEHICLE, day, &[9]), batch, index)],
			)
		};
		assert_noop!(fix(TODAY, pending, 0), Error::<Test>::NotCorrectable);
		assert_ok!(RoadUsage::accept_batch(signed(CHARGER), pending));
		let old = pending;
		assert_noop!(fix(TODAY, 99, 0), Error::<Test>::UnknownDeclaration);
		assert_noop!(fix(TODAY, old, 1), Error::<Test>::UnknownDeclaration);
		assert_noop!(fix(TODAY - 1, old, 0), Error::<Test>::CorrectionMismatch);
		// Another provider's declaration, another context's.
		let others = accepted(OTHER_PROVIDER, PASSAGES, vec![passages(OTHER_VEHICLE, TODAY, &[1])]);
		assert_noop!(fix(TODAY, others, 0), Error::<Test>::UnknownDeclaration);
		let km = accepted(PROVIDER, KM, vec![usage(VEHICLE, TODAY, CAR, &[(0, 1)], &[1])]);
		assert_noop!(fix(TODAY, km, 0), Error::<Test>::UnknownDeclaration);

		let first_fix =
			declared(PROVIDER, PASSAGES, vec![correcting(passages(VEHICLE, TODAY, &[1]), old, 0)]);
		assert_noop!(fix(TODAY, old, 0), Error::<Test>::AlreadyCorrected);
		// The correction itself is corrected once accepted.
		assert_ok!(RoadUsage::accept_batch(signed(CHARGER), first_fix));
		assert_noop!(fix(TODAY, old, 0), Error::<Test>::AlreadyCorrected);
		declared(
			PROVIDER,
			PASSAGES,
			vec![correcting(passages(VEHICLE, TODAY, &[1]), first_fix, 0)],
		);
	});
}

#[test]
fn a_correction_charges_no_event_another_declaration_charged() {
	run(|| {
		let old = accepted(PROVIDER, PASSAGES, vec![passages(VEHICLE, TODAY, &[1])]);
		declared(PROVIDER, PASSAGES, vec![passages(VEHICLE, TODAY, &[2])]);
		assert_noop!(
			declare(
				PROVIDER,
				PASSAGES,
				vec![correcting(passages(VEHICLE, TODAY, &[1, 2]), old, 0)]
			),
			Error::<Test>::EventAlreadyCharged
		);
	});
}
