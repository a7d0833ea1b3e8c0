//! `try_state` finds each broken invariant: a bond that does not cover the obligations, an
//! event id charged twice, holds that do not match, inconsistent tariffs and platoons.

use polkadot_sdk::{
	frame_support::{
		assert_ok,
		traits::{fungible::MutateHold, tokens::Precision},
	},
	sp_core::H256,
	sp_runtime::Perbill,
};

use super::*;
use crate::{
	Batch, BatchStatus, Batches, ChargedBy, ChargedEvent, Contexts, Declaration, Follower,
	NextBatchId, Platoon, PlatoonRule, Platoons, Prepaid, Providers, Segment, TariffVersions,
	VehicleDay, VehicleDays, VehiclePlatoon,
};

fn broken(message: &'static str) {
	assert_eq!(RoadUsage::do_try_state(), Err(message.into()));
}

/// A pending batch of `PROVIDER` in context 0 owing `obligation`, stored as the billing code
/// stores it (with its deposit and the provider's obligations).
fn pending_batch(obligation: u64) -> crate::BatchId {
	let declaration = Declaration::<Test> {
		vehicle: VEHICLE,
		day: today(),
		class: 1,
		version: 0,
		amount: obligation,
		reverses: 0,
		events: 1,
		details_root: H256::zero(),
		corrects: None,
		corrected_by: None,
	};
	let batch = NextBatchId::<Test>::get();
	Batches::<Test>::insert(
		batch,
		Batch::<Test> {
			context: 0,
			provider: PROVIDER,
			charger: CHARGER,
			submitted_at: 1,
			status: BatchStatus::Pending,
			charges: obligation,
			credits: 0,
			obligation,
			declarations: vec![declaration].try_into().unwrap(),
			deposit: BATCH_DEPOSIT,
		},
	);
	NextBatchId::<Test>::put(batch + 1);
	assert_ok!(Balances::hold(&HoldReason::Deposit.into(), &PROVIDER, BATCH_DEPOSIT));
	Providers::<Test>::mutate(PROVIDER, |p| {
		let p = p.as_mut().unwrap();
		p.obligations += obligation;
	});
	batch
}

/// A vehicle-day of `VEHICLE` today in context 0 with these events, deposit held from
/// `DEVICE`.
fn vehicle_day(events: Vec<ChargedEvent>) {
	assert_ok!(Balances::hold(&HoldReason::Deposit.into(), &DEVICE, VEHICLE_DAY_DEPOSIT));
	VehicleDays::<Test>::insert(
		(0, VEHICLE),
		today(),
		VehicleDay::<Test> {
			depositor: DEVICE,
			deposit: VEHICLE_DAY_DEPOSIT,
			events: events.try_into().unwrap(),
		},
	);
}

fn charged(byte: u8, by: ChargedBy) -> ChargedEvent {
	ChargedEvent { event: H256::repeat_byte(byte), by }
}

#[test]
fn a_bond_covering_the_open_obligations_passes() {
	ExtBuilder::default().build_and_execute(|| {
		passage_context();
		bonded_provider(PROVIDER);
		pending_batch(MIN_BOND);
		assert_eq!(RoadUsage::do_try_state(), Ok(()));
	});
}

#[test]
fn a_bond_below_the_open_obligations_is_found() {
	ExtBuilder::default().build().execute_with(|| {
		passage_context();
		bonded_provider(PROVIDER);
		pending_batch(MIN_BOND + 1);
		broken("a provider's bond does not cover its obligations");
	});
}

#[test]
fn obligations_that_are_not_the_open_batches_are_found() {
	ExtBuilder::default().build().execute_with(|| {
		passage_context();
		bonded_provider(PROVIDER);
		let batch = pending_batch(100);
		Batches::<Test>::mutate(batch, |b| b.as_mut().unwrap().status = BatchStatus::Accepted);
		broken("a provider's obligations are not those of its open batches");
	});
}

#[test]
fn a_bond_that_is_not_held_is_found() {
	ExtBuilder::default().build().execute_with(|| {
		bonded_provider(PROVIDER);
		Providers::<Test>::mutate(PROVIDER, |p| p.as_mut().unwrap().bond += 1);
		broken("a provider's bond is not what it holds");
	});
}

#[test]
fn a_batch_whose_sums_are_off_is_found() {
	ExtBuilder::default().build().execute_with(|| {
		passage_context();
		bonded_provider(PROVIDER);
		let batch = pending_batch(100);
		Batches::<Test>::mutate(batch, |b| b.as_mut().unwrap().charges = 99);
		broken("a batch's charges are not Σ amount");
	});
}

#[test]
fn distinct_events_of_a_vehicle_day_pass() {
	ExtBuilder::default().build_and_execute(|| {
		passage_context();
		vehicle_day(vec![charged(1, ChargedBy::Direct), charged(2, ChargedBy::Direct)]);
	});
}

#[test]
fn an_event_id_charged_twice_in_a_vehicle_day_is_found() {
	ExtBuilder::default().build().execute_with(|| {
		passage_context();
		bonded_provider(PROVIDER);
		let batch = pending_batch(8);
		vehicle_day(vec![charged(1, ChargedBy::Direct), charged(1, ChargedBy::Batch(batch))]);
		broken("an event id charged twice in a vehicle-day");
	});
}

#[test]
fn an_event_of_a_rejected_batch_still_charged_is_found() {
	ExtBuilder::default().build().execute_with(|| {
		passage_context();
		bonded_provider(PROVIDER);
		let batch = pending_batch(8);
		Batches::<Test>::mutate(batch, |b| b.as_mut().unwrap().status = BatchStatus::Rejected);
		Providers::<Test>::mutate(PROVIDER, |p| p.as_mut().unwrap().obligations = 0);
		vehicle_day(vec![charged(1, ChargedBy::Batch(batch))]);
		broken("an event tagged with a rejected batch");
	});
}

#[test]
fn an_event_of_a_batch_never_declared_is_found() {
	ExtBuilder::default().build().execute_with(|| {
		passage_context();
		vehicle_day(vec![charged(1, ChargedBy::Batch(7))]);
		broken("an event tagged with a batch never declared");
	});
}

#[test]
fn a_deposit_that_is_not_held_is_found() {
	ExtBuilder::default().build().execute_with(|| {
		let context = passage_context();
		Contexts::<Test>::mutate(context, |c| c.as_mut().unwrap().deposit += 1);
		broken("held Deposit != Σ deposits");
	});
}

#[test]
fn a_prepaid_balance_that_is_not_held_is_found() {
	ExtBuilder::default().build().execute_with(|| {
		assert_ok!(RoadUsage::top_up(signed(OWNER), VEHICLE, 10));
		Prepaid::<Test>::mutate(VEHICLE, |p| p.as_mut().unwrap().amount = 11);
		broken("held Prepaid != Σ prepaid balances");
	});
}

#[test]
fn a_missing_tariff_version_is_found() {
	ExtBuilder::default().build().execute_with(|| {
		let context = passage_context();
		assert_ok!(RoadUsage::publish_tariff(
			signed(CHARGER),
			context,
			today() + 1,
			passage_prices()
		));
		TariffVersions::<Test>::remove(context, 0);
		broken("a kept tariff version is missing");
	});
}

#[test]
fn tariff_versions_out_of_order_are_found() {
	ExtBuilder::default().build().execute_with(|| {
		let context = passage_context();
		assert_ok!(RoadUsage::publish_tariff(
			signed(CHARGER),
			context,
			today() + 1,
			passage_prices()
		));
		TariffVersions::<Test>::mutate(context, 1, |v| v.as_mut().unwrap().valid_from = today());
		broken("tariff versions' valid_from do not strictly increase");
	});
}

#[test]
fn an_open_service_period_before_the_last_is_found() {
	ExtBuilder::default().build().execute_with(|| {
		bonded_provider(PROVIDER);
		bonded_provider(OTHER_PROVIDER);
		assert_ok!(RoadUsage::set_provider(signed(OWNER), VEHICLE, Some(PROVIDER)));
		assert_ok!(RoadUsage::set_provider(signed(OWNER), VEHICLE, Some(OTHER_PROVIDER)));
		crate::ServicePeriods::<Test>::mutate(VEHICLE, |p| p[0].until = None);
		broken("an open service period is not the last");
	});
}

/// `LEADER` leading `FOLLOWER` (escrow 50 from `HAULIER`), stored as the platoon code does.
fn platoon() {
	assert_ok!(Balances::hold(&HoldReason::Deposit.into(), &HAULIER, PLATOON_DEPOSIT));
	assert_ok!(Balances::hold(&HoldReason::PlatoonEscrow.into(), &HAULIER, 50));
	let follower =
		Follower::<Test> { vehicle: FOLLOWER, payer: HAULIER, max_km: 10, paid_km: 0, held: 50 };
	Platoons::<Test>::insert(
		0,
		Platoon::<Test> {
			leader: LEADER,
			payee: HAULIER,
			rule: PlatoonRule { saving_per_km: 10, leader_share: Perbill::from_percent(50) },
			price_per_km: 5,
			followers: vec![follower].try_into().unwrap(),
			segment: None,
			next_segment: 0,
			deposit: PLATOON_DEPOSIT,
		},
	);
	crate::NextPlatoonId::<Test>::put(1);
	VehiclePlatoon::<Test>::insert(LEADER, 0);
	VehiclePlatoon::<Test>::insert(FOLLOWER, 0);
}

#[test]
fn a_consistent_platoon_passes() {
	ExtBuilder::default().build_and_execute(platoon);
}

#[test]
fn a_vehicle_indexed_in_a_platoon_it_left_is_found() {
	ExtBuilder::default().build().execute_with(|| {
		platoon();
		VehiclePlatoon::<Test>::insert(SECOND_FOLLOWER, 0);
		broken("a vehicle is indexed in a platoon it is not in");
	});
}

#[test]
fn a_follower_not_indexed_is_found() {
	ExtBuilder::default().build().execute_with(|| {
		platoon();
		VehiclePlatoon::<Test>::remove(FOLLOWER);
		broken("a follower is not indexed in its platoon");
	});
}

#[test]
fn a_follower_paid_beyond_its_max_km_is_found() {
	ExtBuilder::default().build().execute_with(|| {
		platoon();
		Platoons::<Test>::mutate(0, |p| p.as_mut().unwrap().followers[0].paid_km = 11);
		broken("a follower paid beyond its max km");
	});
}

#[test]
fn an_escrow_that_is_not_held_is_found() {
	ExtBuilder::default().build().execute_with(|| {
		platoon();
		let escrow = HoldReason::PlatoonEscrow.into();
		assert_ok!(Balances::release(&escrow, &HAULIER, 1, Precision::Exact));
		broken("held PlatoonEscrow != Σ escrows");
	});
}

#[test]
fn an_escrow_that_is_not_the_price_of_the_unpaid_km_is_found() {
	ExtBuilder::default().build().execute_with(|| {
		platoon();
		// 9 km left to pay at 5 need 45 held, not 50.
		Platoons::<Test>::mutate(0, |p| p.as_mut().unwrap().followers[0].paid_km = 1);
		broken("a follower's escrow is not the price of its unpaid km");
	});
}

/// The platoon with an open segment of 100 km: `FOLLOWER` attested `km`, `paid` or not; the
/// leader attested `leader_km`.
fn segment(km: u32, paid: bool, leader_km: Option<u32>) {
	platoon();
	let attested = vec![(FOLLOWER, km, paid)].try_into().unwrap();
	Platoons::<Test>::mutate(0, |p| {
		let p = p.as_mut().unwrap();
		p.segment = Some(Segment { number: 0, planned_km: 100, leader_km, attested });
		p.next_segment = 1;
	});
}

#[test]
fn a_consistent_open_segment_passes() {
	ExtBuilder::default().build_and_execute(|| segment(60, false, None));
	ExtBuilder::default().build_and_execute(|| segment(60, true, Some(50)));
}

#[test]
fn an_attestation_paid_without_the_leaders_is_found() {
	ExtBuilder::default().build().execute_with(|| {
		segment(60, true, None);
		broken("an attestation paid without the leader's");
	});
	ExtBuilder::default().build().execute_with(|| {
		segment(60, false, Some(50));
		broken("an attestation paid without the leader's");
	});
}

#[test]
fn a_segment_attested_beyond_its_plan_or_by_a_stranger_is_found() {
	ExtBuilder::default().build().execute_with(|| {
		segment(101, false, None);
		broken("a segment attested beyond its plan");
	});
	ExtBuilder::default().build().execute_with(|| {
		segment(60, false, None);
		Platoons::<Test>::mutate(0, |p| {
			p.as_mut().unwrap().segment.as_mut().unwrap().attested[0].0 = OTHER_FOLLOWER
		});
		broken("a segment attested by a vehicle that is no follower");
	});
	ExtBuilder::default().build().execute_with(|| {
		segment(60, false, None);
		Platoons::<Test>::mutate(0, |p| p.as_mut().unwrap().next_segment = 0);
		broken("an open segment beyond next_segment");
	});
}
