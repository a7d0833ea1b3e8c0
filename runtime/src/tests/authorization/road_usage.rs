//! The matrix of pallet-road-usage (index 26): 26 calls. The dev preset's toll charger
//! (`//TollCharger`) runs context 0 (per passage, gantries `//Gantry1` and `//Gantry2`: 8 V2X a
//! car of class 1) and context 1 (per km); its provider (`//TollProvider`, 1 000 V2X bond)
//! serves vehicles 0, 3 and 4; Alice has 50 V2X prepaid for vehicle 0; truck 3 (`//HaulierA`)
//! leads platoon 0 that truck 4 (`//HaulierB`) follows. RU_BASE adds another charger with
//! context 2, another provider serving vehicle 1, a revoked provider, and the devices of the
//! trucks (the devices of vehicles 0 and 1 come from BASE).

use super::{
	assert_every_call_has_rows, governance_only, on_base, refused, run, run_to_block, signed_only,
	succeeds, text,
	Role::{self, *},
	Row, BASE_BLOCK, V0, V1,
};
use crate::tests::{
	assert_rejected,
	road_keys::{attestation, day_at, first_block_of},
};
use crate::{Balances, RuntimeOrigin, VehicleIdentity, DAYS, UNIT};
use pallet_road_usage::{
	ChargeKind, DeclarationInput, DeclarationRef, Passage, PlatoonRule, TariffPrice, Usage,
};
use polkadot_sdk::{
	frame_support::{assert_ok, traits::GetCallName, BoundedVec},
	sp_core::H256,
	sp_runtime::Perbill,
};

type Call = pallet_road_usage::Call<crate::Runtime>;
type Error = pallet_road_usage::Error<crate::Runtime>;

/// The preset's motorway (per passage, the toll charger's), its truck network (per km), and
/// the other charger's bridge (RU_BASE).
const MOTORWAY: u32 = 0;
const OTHER_BRIDGE: u32 = 2;
/// The trucks of platoon 0.
const LEADER: u64 = 3;
const FOLLOWER: u64 = 4;
const PLATOON: u64 = 0;
/// The day of BASE (block 2).
const TODAY: u32 = day_at(BASE_BLOCK);
/// When batch 0, declared at block 2, stops taking a dispute.
const ACCEPTANCE_ENDS: u32 = BASE_BLOCK + 2 * DAYS;

/// Vehicle 0's class-1 passage `event` on `day`.
fn passage(day: u32, event: u8) -> Passage {
	Passage { vehicle: V0, day, event: H256::repeat_byte(event), class: 1 }
}

/// The device's report of `passage` at the motorway, signed by `//Gantry1`.
fn report(passage: Passage) -> Call {
	Call::report_passage {
		context: MOTORWAY,
		signature: attestation("//Gantry1", MOTORWAY, &passage),
		gantry: Gantry.id(),
		passage,
	}
}

/// A declaration of one class-1 motorway passage of `vehicle` on `day`.
fn declaration(vehicle: u64, day: u32, event: u8) -> DeclarationInput<crate::Runtime> {
	DeclarationInput {
		vehicle,
		day,
		class: 1,
		usage: BoundedVec::truncate_from(vec![Usage { band: 0, quantity: 1 }]),
		events: BoundedVec::truncate_from(vec![H256::repeat_byte(event)]),
		details_root: H256::repeat_byte(0xdd),
		corrects: None,
	}
}

fn declare(vehicle: u64, day: u32, event: u8) -> Call {
	Call::declare {
		context: MOTORWAY,
		declarations: BoundedVec::truncate_from(vec![declaration(vehicle, day, event)]),
	}
}

/// A correction of batch 0's declaration 0 (vehicle `vehicle`, today).
fn correct(vehicle: u64) -> Call {
	let mut input = declaration(vehicle, TODAY, 2);
	input.corrects = Some(DeclarationRef { batch: 0, index: 0 });
	Call::declare { context: MOTORWAY, declarations: BoundedVec::truncate_from(vec![input]) }
}

/// From tomorrow, 9 V2X a car.
fn publish_tariff(context: u32) -> Call {
	Call::publish_tariff {
		context,
		valid_from: TODAY + 1,
		prices: BoundedVec::truncate_from(vec![TariffPrice { class: 1, band: 0, price: 9 * UNIT }]),
	}
}

fn rule() -> PlatoonRule<u128> {
	PlatoonRule { saving_per_km: UNIT / 5, leader_share: Perbill::from_percent(50) }
}

/// Every role of RU_BASE that is no toll charger.
const NOT_CHARGERS: [Role; 7] =
	[TollProvider, OtherProvider, Owner, Device, HaulierA, Gantry, Stranger];
/// Every role of RU_BASE that is not vehicle 0's owner, device included.
const NOT_V0_OWNER: [Role; 7] =
	[AnotherOwner, Device, Operator, TollProvider, TollCharger, HaulierA, Stranger];

/// RU_BASE, at block 2: see the module's doc.
fn ru_base() {
	let root = RuntimeOrigin::root;
	for role in [OtherCharger, OtherProvider, RevokedProvider, LeaderDevice, FollowerDevice] {
		assert_ok!(Balances::force_set_balance(root(), role.id().into(), 10_000 * UNIT));
	}
	succeeds(
		CouncilTwoThirds,
		Call::approve_charger { who: OtherCharger.id(), name: text(b"Other Roads") },
	);
	succeeds(
		OtherCharger,
		Call::create_context { domain: text(b"Other bridge"), kind: ChargeKind::Passage },
	);
	succeeds(
		OtherCharger,
		Call::publish_tariff {
			context: OTHER_BRIDGE,
			valid_from: TODAY,
			prices: BoundedVec::truncate_from(vec![TariffPrice {
				class: 1,
				band: 0,
				price: 5 * UNIT,
			}]),
		},
	);
	for (provider, bond) in [(OtherProvider, 500 * UNIT), (RevokedProvider, 200 * UNIT)] {
		succeeds(Root, Call::approve_provider { who: provider.id(), name: text(b"Provider") });
		succeeds(provider, Call::post_bond { amount: bond });
	}
	succeeds(Root, Call::revoke_provider { who: RevokedProvider.id() });
	succeeds(AnotherOwner, Call::set_provider { vehicle: V1, provider: Some(OtherProvider.id()) });
	for (owner, truck, device) in
		[(HaulierA, LEADER, LeaderDevice), (HaulierB, FOLLOWER, FollowerDevice)]
	{
		assert_ok!(VehicleIdentity::bind_device(owner.signed(), truck, device.id()));
		assert_ok!(VehicleIdentity::accept_device_binding(device.signed(), truck));
	}
}

/// Runs `test` on RU_BASE.
fn on_ru_base(test: impl FnOnce()) {
	on_base(|| {
		ru_base();
		test();
	});
}

/// DECLARED: the provider declared batch 0 (vehicle 0, one passage today, event 1).
fn declared() {
	succeeds(TollProvider, declare(V0, TODAY, 1));
}

/// SEGMENT: the leader's device started a segment of 100 km in platoon 0.
fn segment() {
	succeeds(LeaderDevice, Call::start_segment { platoon: PLATOON, planned_km: 100 });
}

/// RU_BASE at block 2: roles, contexts, users, and what needs no batch or segment.
fn ru_base_rows() -> Vec<Row> {
	let name = || text(b"Name");
	let context = Call::create_context { domain: text(b"Bridge"), kind: ChargeKind::Passage };
	let add = Call::add_gantry { context: MOTORWAY, gantry: Stranger.id() };
	let remove = Call::remove_gantry { context: MOTORWAY, gantry: Gantry.id() };
	let subscribe = Call::set_provider { vehicle: V0, provider: Some(OtherProvider.id()) };
	let top_up = Call::top_up { vehicle: V0, amount: UNIT };
	let withdraw = Call::withdraw_prepaid { vehicle: V0, amount: UNIT };
	let form = Call::form_platoon { leader: V0, rule: rule() };
	let join = Call::join_platoon { platoon: PLATOON, follower: V0, max_km: 100 };
	let start = Call::start_segment { platoon: PLATOON, planned_km: 50 };
	let attest = Call::attest_segment { platoon: PLATOON, km: 10 };
	let leave_follower = Call::leave_platoon { platoon: PLATOON, vehicle: FOLLOWER };
	let leave_leader = Call::leave_platoon { platoon: PLATOON, vehicle: LEADER };
	let repay = Call::repay_credit { provider: TollProvider.id(), amount: UNIT };
	[
		// Interoperability management: governance approves and revokes.
		governance_only(
			&[TollCharger, TollProvider, Stranger],
			Call::approve_charger { who: Stranger.id(), name: name() },
		),
		governance_only(
			&[TollCharger, TollProvider, Stranger],
			Call::approve_provider { who: Stranger.id(), name: name() },
		),
		governance_only(
			&[TollCharger, OtherProvider, TollProvider],
			Call::revoke_provider { who: TollProvider.id() },
		),
		// Bonds: approved providers only.
		refused(
			&[Stranger, TollCharger, Owner],
			Call::post_bond { amount: UNIT },
			Error::NotProvider,
		),
		signed_only(Call::post_bond { amount: UNIT }),
		refused(
			&[Stranger, TollCharger, Owner],
			Call::withdraw_bond { amount: UNIT },
			Error::NotProvider,
		),
		signed_only(Call::withdraw_bond { amount: UNIT }),
		// Contexts: approved chargers; a context's tariff and gantries: its charger only.
		refused(&NOT_CHARGERS, context.clone(), Error::NotCharger),
		signed_only(context),
		refused(
			&[OtherCharger, TollProvider, Stranger, Gantry],
			publish_tariff(MOTORWAY),
			Error::NotContextCharger,
		),
		refused(&[TollCharger], publish_tariff(OTHER_BRIDGE), Error::NotContextCharger),
		signed_only(publish_tariff(MOTORWAY)),
		refused(
			&[OtherCharger, TollProvider, Stranger, Gantry],
			add.clone(),
			Error::NotContextCharger,
		),
		signed_only(add),
		refused(
			&[OtherCharger, TollProvider, Stranger, Gantry],
			remove.clone(),
			Error::NotContextCharger,
		),
		signed_only(remove),
		// Users: the owner (not its device, operator or provider) picks the provider and keeps
		// the prepaid balance; a revoked provider takes no new client.
		refused(&NOT_V0_OWNER, subscribe.clone(), Error::NotOwner),
		refused(&[OtherProvider], subscribe.clone(), Error::NotOwner),
		signed_only(subscribe),
		refused(
			&[Owner],
			Call::set_provider { vehicle: V0, provider: Some(RevokedProvider.id()) },
			Error::ProviderNotActive,
		),
		refused(&NOT_V0_OWNER, top_up.clone(), Error::NotOwner),
		signed_only(top_up),
		refused(&NOT_V0_OWNER, withdraw.clone(), Error::NotOwner),
		signed_only(withdraw),
		// Declarations: an active provider, for the vehicles it serves.
		refused(&[Stranger, TollCharger, Owner, Device], declare(V0, TODAY, 1), Error::NotProvider),
		refused(&[RevokedProvider], declare(V0, TODAY, 1), Error::ProviderNotActive),
		refused(&[OtherProvider], declare(V0, TODAY, 1), Error::NotServingVehicle),
		refused(&[TollProvider], declare(V1, TODAY, 1), Error::NotServingVehicle),
		signed_only(declare(V0, TODAY, 1)),
		// Billing with no batch: credit is the charger's to repay.
		refused(&[Stranger, TollProvider, Owner], repay.clone(), Error::NotCharger),
		signed_only(repay),
		signed_only(Call::prune_vehicle_day { context: MOTORWAY, vehicle: V0, day: 0 }),
		// A direct passage: a device bound to the vehicle, not its owner nor another's device.
		refused(
			&[Owner, OtherDevice, LeaderDevice, InvitedDevice, Operator, TollProvider, Gantry],
			report(passage(TODAY, 1)),
			Error::NotVehicleDevice,
		),
		signed_only(report(passage(TODAY, 1))),
		// Platoons: who may operate the truck forms and joins; the leader's device starts
		// segments; the devices of the platoon's trucks attest.
		refused(
			&[Device, AnotherOwner, ExpiredOperator, Stranger, HaulierA],
			form.clone(),
			Error::NotOperator,
		),
		signed_only(form),
		refused(
			&[Device, AnotherOwner, ExpiredOperator, Stranger, HaulierA],
			join.clone(),
			Error::NotOperator,
		),
		signed_only(join),
		refused(
			&[HaulierA, FollowerDevice, Device, Stranger],
			start.clone(),
			Error::NotLeaderDevice,
		),
		signed_only(start),
		refused(
			&[HaulierA, HaulierB, Device, OtherDevice, Stranger],
			attest.clone(),
			Error::NotPlatoonDevice,
		),
		signed_only(attest),
		// Leaving: who may operate the truck, or its payer (payee for the leader); a device
		// is neither.
		refused(
			&[HaulierA, FollowerDevice, LeaderDevice, Stranger],
			leave_follower.clone(),
			Error::NotOperator,
		),
		refused(
			&[HaulierB, LeaderDevice, FollowerDevice, Stranger],
			leave_leader,
			Error::NotOperator,
		),
		signed_only(leave_follower),
	]
	.concat()
}

/// DECLARED: batch 0 is pending.
fn declared_rows() -> Vec<Row> {
	let accept = Call::accept_batch { batch: 0 };
	let dispute = Call::dispute_batch { batch: 0, reason: H256::repeat_byte(9) };
	let resolve = Call::resolve_dispute { batch: 0, pay: false };
	[
		refused(
			&[OtherCharger, TollProvider, Stranger, Owner, Gantry],
			accept.clone(),
			Error::NotBatchCharger,
		),
		signed_only(accept),
		refused(
			&[OtherCharger, TollProvider, Stranger, Owner],
			dispute.clone(),
			Error::NotBatchCharger,
		),
		signed_only(dispute),
		governance_only(&[TollCharger, TollProvider, Stranger], resolve.clone()),
		// Governance decides disputes only: a pending batch is the charger's to answer.
		refused(&[Root], resolve, Error::NotDisputed),
		// The charger's silence is acceptance only after the period.
		refused(
			&[Stranger, TollCharger, TollProvider],
			Call::settle_unanswered { batch: 0 },
			Error::AcceptancePeriodOpen,
		),
		signed_only(Call::settle_unanswered { batch: 0 }),
		refused(
			&[Stranger, TollProvider],
			Call::prune_batch { batch: 0 },
			Error::BatchStillCorrectable,
		),
		signed_only(Call::prune_batch { batch: 0 }),
		// Only an accepted declaration is corrected.
		refused(&[TollProvider], correct(V0), Error::NotCorrectable),
	]
	.concat()
}

/// ACCEPTED: the charger accepted batch 0.
fn accepted_rows() -> Vec<Row> {
	[
		// Another provider cannot correct the provider's declaration (it serves vehicle 1).
		refused(&[OtherProvider], correct(V1), Error::UnknownDeclaration),
		refused(&[TollCharger, Stranger], correct(V0), Error::NotProvider),
		refused(&[TollCharger], Call::accept_batch { batch: 0 }, Error::NotPending),
		refused(
			&[TollCharger],
			Call::dispute_batch { batch: 0, reason: H256::zero() },
			Error::NotPending,
		),
		refused(&[Root], Call::resolve_dispute { batch: 0, pay: true }, Error::NotDisputed),
	]
	.concat()
}

/// DISPUTED: the charger disputed batch 0.
fn disputed_rows() -> Vec<Row> {
	let resolve = Call::resolve_dispute { batch: 0, pay: true };
	[
		governance_only(&[TollCharger, TollProvider, OtherCharger, Stranger], resolve),
		// The charger cannot take its dispute back, nor anyone settle it as unanswered.
		refused(&[TollCharger], Call::accept_batch { batch: 0 }, Error::NotPending),
		refused(&[Stranger], Call::settle_unanswered { batch: 0 }, Error::NotPending),
	]
	.concat()
}

/// SEGMENT: platoon 0's segment 0 of 100 km is open, no one attested.
fn segment_rows() -> Vec<Row> {
	let attest = Call::attest_segment { platoon: PLATOON, km: 50 };
	[
		refused(
			&[HaulierA, HaulierB, Device, OtherDevice, Stranger],
			attest.clone(),
			Error::NotPlatoonDevice,
		),
		signed_only(attest),
		refused(
			&[FollowerDevice, HaulierA],
			Call::start_segment { platoon: PLATOON, planned_km: 10 },
			Error::NotLeaderDevice,
		),
		// The leader has not attested: it cannot start another; no one joins mid-segment.
		refused(
			&[LeaderDevice],
			Call::start_segment { platoon: PLATOON, planned_km: 10 },
			Error::SegmentOpen,
		),
		refused(
			&[Owner],
			Call::join_platoon { platoon: PLATOON, follower: V0, max_km: 100 },
			Error::SegmentOpen,
		),
	]
	.concat()
}

/// SOLD (mod.rs): Alice sold vehicle 0 to Bob; the hook released her prepaid balance and
/// ended the provider's period; the sale unbound her device.
fn sold_rows() -> Vec<Row> {
	[
		refused(&[Seller], Call::top_up { vehicle: V0, amount: UNIT }, Error::NotOwner),
		refused(
			&[Seller],
			Call::withdraw_prepaid { vehicle: V0, amount: UNIT },
			Error::InsufficientPrepaid,
		),
		refused(
			&[Seller, Device],
			Call::set_provider { vehicle: V0, provider: Some(TollProvider.id()) },
			Error::NotOwner,
		),
		refused(&[Device], report(passage(TODAY, 1)), Error::NotVehicleDevice),
		refused(
			&[Seller, Operator],
			Call::form_platoon { leader: V0, rule: rule() },
			Error::NotOperator,
		),
	]
	.concat()
}

/// STOLEN (mod.rs): Alice reported vehicle 0 stolen; truck 4's owner reported it stolen too
/// (it left platoon 0 with its escrow).
fn stolen_rows() -> Vec<Row> {
	[
		refused(
			&[Owner],
			Call::set_provider { vehicle: V0, provider: Some(OtherProvider.id()) },
			Error::VehicleNotActive,
		),
		refused(&[Device], report(passage(TODAY, 1)), Error::VehicleNotActive),
		refused(&[Owner], Call::top_up { vehicle: V0, amount: UNIT }, Error::VehicleNotActive),
		refused(&[Owner], Call::form_platoon { leader: V0, rule: rule() }, Error::VehicleNotActive),
		refused(
			&[HaulierB],
			Call::join_platoon { platoon: PLATOON, follower: FOLLOWER, max_km: 100 },
			Error::VehicleNotActive,
		),
		refused(
			&[FollowerDevice],
			Call::attest_segment { platoon: PLATOON, km: 1 },
			Error::NotPlatoonDevice,
		),
	]
	.concat()
}

/// SCRAPPED: Alice scrapped vehicle 0: the hook released the prepaid balance and ended the
/// provider's period; scrapping unbound the device.
fn scrapped_rows() -> Vec<Row> {
	[
		refused(
			&[Owner],
			Call::set_provider { vehicle: V0, provider: Some(OtherProvider.id()) },
			Error::VehicleNotActive,
		),
		refused(&[Device], report(passage(TODAY, 1)), Error::NotVehicleDevice),
		refused(&[Owner], Call::top_up { vehicle: V0, amount: UNIT }, Error::VehicleNotActive),
		refused(
			&[Owner],
			Call::withdraw_prepaid { vehicle: V0, amount: UNIT },
			Error::InsufficientPrepaid,
		),
		// Nobody operates a scrapped vehicle, its owner included.
		refused(&[Owner], Call::form_platoon { leader: V0, rule: rule() }, Error::NotOperator),
	]
	.concat()
}

pub(super) fn scenarios() -> Vec<(&'static str, Vec<Row>)> {
	vec![
		("RU_BASE", ru_base_rows()),
		("DECLARED", declared_rows()),
		("ACCEPTED", accepted_rows()),
		("DISPUTED", disputed_rows()),
		("SEGMENT", segment_rows()),
		("SOLD", sold_rows()),
		("STOLEN", stolen_rows()),
		("SCRAPPED", scrapped_rows()),
	]
}

#[test]
fn every_road_usage_call_has_rows_in_the_matrix() {
	assert_every_call_has_rows("RoadUsage", Call::get_call_names(), &scenarios());
}

#[test]
fn on_the_base_chain_each_road_role_acts_only_on_its_own() {
	on_ru_base(|| {
		run("RU_BASE", ru_base_rows());
		succeeds(CouncilTwoThirds, Call::approve_provider { who: Stranger.id(), name: text(b"S") });
		succeeds(TollProvider, Call::post_bond { amount: UNIT });
		succeeds(TollCharger, publish_tariff(MOTORWAY));
		succeeds(TollCharger, Call::add_gantry { context: MOTORWAY, gantry: Stranger.id() });
		succeeds(Owner, Call::top_up { vehicle: V0, amount: UNIT });
		succeeds(Owner, Call::set_provider { vehicle: V0, provider: Some(OtherProvider.id()) });
		succeeds(Device, report(passage(TODAY, 1)));
		succeeds(HaulierB, Call::leave_platoon { platoon: PLATOON, vehicle: FOLLOWER });
		succeeds(Owner, Call::join_platoon { platoon: PLATOON, follower: V0, max_km: 100 });
		succeeds(HaulierA, Call::leave_platoon { platoon: PLATOON, vehicle: LEADER });
		succeeds(Owner, Call::form_platoon { leader: V0, rule: rule() });
	});
	// A revoked provider keeps no client and may take its whole bond back (no obligations).
	on_ru_base(|| {
		succeeds(RevokedProvider, Call::withdraw_bond { amount: 200 * UNIT });
		succeeds(TollCharger, Call::remove_gantry { context: MOTORWAY, gantry: Gantry.id() });
		succeeds(Owner, Call::withdraw_prepaid { vehicle: V0, amount: 50 * UNIT });
	});
}

#[test]
fn a_batch_is_the_chargers_to_accept_or_dispute_and_governances_to_decide() {
	on_ru_base(|| {
		declared();
		run("DECLARED", declared_rows());
		succeeds(TollCharger, Call::accept_batch { batch: 0 });
		run("ACCEPTED", accepted_rows());
		succeeds(TollProvider, correct(V0));
	});
	on_ru_base(|| {
		declared();
		succeeds(TollCharger, Call::dispute_batch { batch: 0, reason: H256::repeat_byte(9) });
		run("DISPUTED", disputed_rows());
		succeeds(CouncilTwoThirds, Call::resolve_dispute { batch: 0, pay: false });
	});
	// A provider revoked with a batch open: the batch still settles from its bond.
	on_ru_base(|| {
		declared();
		succeeds(Root, Call::revoke_provider { who: TollProvider.id() });
		assert_rejected(
			TollProvider.signed(),
			declare(V0, TODAY, 2).into(),
			Error::ProviderNotActive,
		);
		succeeds(TollCharger, Call::accept_batch { batch: 0 });
	});
}

#[test]
fn a_batch_is_disputed_until_the_acceptance_periods_last_block_and_settled_after() {
	on_ru_base(|| {
		declared();
		run_to_block(ACCEPTANCE_ENDS);
		let settle = Call::settle_unanswered { batch: 0 };
		assert_rejected(Stranger.signed(), settle.into(), Error::AcceptancePeriodOpen);
		succeeds(TollCharger, Call::dispute_batch { batch: 0, reason: H256::repeat_byte(9) });
	});
	on_ru_base(|| {
		declared();
		run_to_block(ACCEPTANCE_ENDS + 1);
		let dispute = Call::dispute_batch { batch: 0, reason: H256::repeat_byte(9) };
		assert_rejected(TollCharger.signed(), dispute.into(), Error::AcceptancePeriodOver);
		// The charger may still accept; anyone may settle it as accepted.
		succeeds(Stranger, Call::settle_unanswered { batch: 0 });
	});
}

#[test]
fn a_vehicle_day_is_declared_up_to_max_declaration_age_days_late() {
	// Vehicle 0's provider serves it from day 0 (genesis); the window is 30 days.
	let day = TODAY;
	let last_block = first_block_of(day + 31) - 1;
	on_ru_base(|| {
		run_to_block(last_block);
		assert_eq!(day_at(last_block), day + 30);
		assert_rejected(
			TollProvider.signed(),
			declare(V0, day - 1, 1).into(),
			Error::DayOutOfWindow,
		);
		succeeds(TollProvider, declare(V0, day, 1));
	});
	on_ru_base(|| {
		run_to_block(last_block + 1);
		assert_rejected(TollProvider.signed(), declare(V0, day, 1).into(), Error::DayOutOfWindow);
		// Tomorrow is not declared either.
		let tomorrow = day_at(last_block + 1) + 1;
		assert_rejected(
			TollProvider.signed(),
			declare(V0, tomorrow, 1).into(),
			Error::DayOutOfWindow,
		);
		succeeds(TollProvider, declare(V0, day + 1, 1));
	});
}

#[test]
fn a_gantry_attestation_is_of_today_or_yesterday() {
	// On the last block of the day after BASE's: BASE's day is yesterday.
	on_ru_base(|| {
		run_to_block(first_block_of(TODAY + 2) - 1);
		assert_eq!(day_at(first_block_of(TODAY + 2) - 1), TODAY + 1);
		for (day, event) in [(TODAY - 1, 2), (TODAY + 2, 3)] {
			let stale = report(passage(day, event));
			assert_rejected(Device.signed(), stale.into(), Error::StaleAttestation);
		}
		succeeds(Device, report(passage(TODAY, 1)));
		succeeds(Device, report(passage(TODAY + 1, 4)));
	});
	// One block later, BASE's day is two days ago.
	on_ru_base(|| {
		run_to_block(first_block_of(TODAY + 2));
		assert_rejected(Device.signed(), report(passage(TODAY, 1)).into(), Error::StaleAttestation);
		succeeds(Device, report(passage(TODAY + 1, 1)));
	});
}

#[test]
fn a_segment_is_attested_by_the_platoons_devices_only() {
	on_ru_base(|| {
		segment();
		run("SEGMENT", segment_rows());
		succeeds(LeaderDevice, Call::attest_segment { platoon: PLATOON, km: 50 });
		succeeds(FollowerDevice, Call::attest_segment { platoon: PLATOON, km: 50 });
	});
}

#[test]
fn a_sold_vehicle_is_the_new_owners_to_subscribe_and_top_up() {
	on_ru_base(|| {
		super::sold();
		run("SOLD", sold_rows());
		succeeds(NewOwner, Call::set_provider { vehicle: V0, provider: Some(TollProvider.id()) });
		succeeds(NewOwner, Call::top_up { vehicle: V0, amount: UNIT });
		succeeds(NewOwner, Call::form_platoon { leader: V0, rule: rule() });
	});
}

#[test]
fn a_stolen_vehicle_pays_no_passage_and_joins_no_platoon() {
	on_ru_base(|| {
		super::stolen();
		assert_ok!(VehicleIdentity::report_stolen(HaulierB.signed(), FOLLOWER));
		run("STOLEN", stolen_rows());
		// Her prepaid balance is still hers to take back.
		succeeds(Owner, Call::withdraw_prepaid { vehicle: V0, amount: 50 * UNIT });
	});
}

#[test]
fn a_scrapped_vehicle_keeps_no_provider_prepaid_or_device() {
	on_ru_base(|| {
		assert_ok!(VehicleIdentity::scrap_vehicle(Owner.signed(), V0));
		run("SCRAPPED", scrapped_rows());
		// Its provider may still declare the day of scrapping.
		succeeds(TollProvider, declare(V0, TODAY, 1));
	});
}
