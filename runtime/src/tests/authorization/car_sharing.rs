//! The matrix of pallet-car-sharing (index 25): 27 calls. Co-op 0 of the dev preset (founded by
//! Bob, its fleet manager; members Bob 50, Charlie 30, Dave 20 shares; assessor Eve) owns
//! vehicle 2. CS_BASE adds the device `CarDevice` bound to vehicle 2 (invited by the fleet
//! manager), co-op 1 founded by `Founder` (Founder 60 and Charlie 40 shares, Charlie its fleet
//! manager), and two bookings of vehicle 2: booking 0 by `Renter` (blocks 10 to 609) and
//! booking 1 by `OtherRenter` (blocks 1 000 to 1 599).

use super::{
	assert_every_call_has_rows, on_base, refused, run, run_to_block, signed_only, succeeds, text,
	Role::{self, *},
	Row, V0, V1,
};
use crate::tests::assert_rejected;
use crate::{Balances, CarSharing, Runtime, RuntimeOrigin, VehicleIdentity, DAYS, HOURS, UNIT};
use pallet_car_sharing::{CoopRules, Pricing, ProposalKind, Rate};
use polkadot_sdk::{
	frame_support::{assert_ok, traits::GetCallName, BoundedVec},
	sp_core::H256,
	sp_runtime::{Perbill, Percent},
};

type Call = pallet_car_sharing::Call<Runtime>;
type Error = pallet_car_sharing::Error<Runtime>;
type IdentityError = pallet_vehicle_identity::Error<Runtime>;

/// The co-op car of the dev preset, and its co-op.
const V2: v2x_primitives::VehicleId = 2;
const COOP: u32 = 0;
/// Booking 0's slot (Renter) and booking 1's (OtherRenter): an hour each.
const B0_START: u32 = 10;
const B0_END: u32 = B0_START + HOURS - 1;
const B1_START: u32 = 1_000;
const B1_END: u32 = B1_START + HOURS - 1;
/// When booking 0's trip ends in RETURNED.
const RETURNED_AT: u32 = 100;
/// What the fleet manager claims in CLAIMED (the deposit is 50 V2X).
const CLAIM: u128 = 10 * UNIT;
/// The price Alice pays for vehicle 2 in SALE_OFFERED and SOLD.
const SALE_PRICE: u128 = 100 * UNIT;

/// The dev preset's rules (half the shares vote; two thirds of the supply to sell).
fn rules() -> CoopRules<u32> {
	CoopRules {
		quorum: Perbill::from_percent(50),
		supermajority: Perbill::from_percent(67),
		reserve: Perbill::from_percent(10),
		free_cancellation: HOURS,
		late_cancellation_fee: Perbill::from_percent(20),
	}
}

/// The dev preset's prices.
fn pricing() -> Pricing<u128> {
	Pricing {
		member: Rate { per_hour: 2 * UNIT, per_km: UNIT / 10 },
		renter: Rate { per_hour: 4 * UNIT, per_km: UNIT / 5 },
		damage_deposit: 50 * UNIT,
	}
}

fn create_coop() -> Call {
	Call::create_coop {
		name: text(b"Second Co-op"),
		rules: rules(),
		pricing: pricing(),
		founders: BoundedVec::truncate_from(vec![(Founder.id(), 60), (Member.id(), 40)]),
		fleet_manager: Member.id(),
		assessor: Assessor.id(),
	}
}

fn book(start: u32, end: u32) -> Call {
	Call::book { vehicle: V2, start, end, max_km: 100 }
}

fn check_in(booking: u64) -> Call {
	Call::check_in {
		booking,
		odometer_km: 1_000,
		state_of_charge: Percent::from_percent(80),
		evidence: H256::repeat_byte(1),
	}
}

fn check_out(booking: u64) -> Call {
	Call::check_out {
		booking,
		odometer_km: 1_050,
		state_of_charge: Percent::from_percent(60),
		evidence: H256::repeat_byte(2),
	}
}

fn file_claim() -> Call {
	Call::file_claim { booking: 0, amount: CLAIM, evidence: H256::repeat_byte(3) }
}

fn sell_v2() -> ProposalKind<crate::AccountId, u128> {
	ProposalKind::SellVehicle { vehicle: V2, buyer: NonMember.id(), price: SALE_PRICE }
}

/// The calls only co-op 0's fleet manager makes, refused to everyone else.
fn fleet_manager_rows(call: Call, others: &[Role]) -> Vec<Row> {
	[refused(others, call.clone(), Error::NotFleetManager), signed_only(call)].concat()
}

/// Everyone with a part in CS_BASE who is not co-op 0's fleet manager.
const NOT_FLEET_MANAGER: [Role; 9] =
	[Member, Dissenter, NonMember, Founder, Assessor, Renter, OtherRenter, CarDevice, Outsider];

/// CS_BASE, at block 2: see the module's doc.
fn cs_base() {
	let root = RuntimeOrigin::root;
	for role in [Founder, Renter, OtherRenter, CarDevice, Outsider] {
		assert_ok!(Balances::force_set_balance(root(), role.id().into(), 10_000 * UNIT));
	}
	assert_ok!(CarSharing::invite_device(FleetManager.signed(), COOP, V2, CarDevice.id()));
	assert_ok!(VehicleIdentity::accept_device_binding(CarDevice.signed(), V2));
	succeeds(Founder, create_coop());
	succeeds(Renter, book(B0_START, B0_END));
	succeeds(OtherRenter, book(B1_START, B1_END));
}

/// Runs `test` on CS_BASE.
fn on_cs_base(test: impl FnOnce()) {
	on_base(|| {
		cs_base();
		test();
	});
}

/// IN_TRIP: block 10, the car's device checked the renter of booking 0 in.
fn in_trip() {
	run_to_block(B0_START);
	succeeds(CarDevice, check_in(0));
}

/// RETURNED: IN_TRIP, and the device checked booking 0 out at block 100.
fn returned() {
	in_trip();
	run_to_block(RETURNED_AT);
	succeeds(CarDevice, check_out(0));
}

/// CLAIMED: RETURNED, and the fleet manager claimed 10 V2X of the deposit.
fn claimed() {
	returned();
	succeeds(FleetManager, file_claim());
}

/// PROPOSAL: Charlie proposes himself as fleet manager (proposal 0); Dave voted aye.
fn proposal() {
	succeeds(
		Member,
		Call::propose { coop: COOP, kind: ProposalKind::SetFleetManager(Member.id()) },
	);
	succeeds(Dissenter, Call::vote { coop: COOP, proposal: 0, aye: true });
}

/// When proposal 0 (made at block 2) stops taking votes.
const VOTING_ENDS: u32 = super::BASE_BLOCK + 3 * DAYS;

/// SALE_OFFERED: proposal 0 sells vehicle 2 to Alice; Bob and Charlie (80 shares) voted aye,
/// Dave nay; it was closed one block after its voting period: the co-op offers the car.
fn sale_offered() {
	succeeds(Member, Call::propose { coop: COOP, kind: sell_v2() });
	succeeds(FleetManager, Call::vote { coop: COOP, proposal: 0, aye: true });
	succeeds(Member, Call::vote { coop: COOP, proposal: 0, aye: true });
	succeeds(Dissenter, Call::vote { coop: COOP, proposal: 0, aye: false });
	run_to_block(VOTING_ENDS + 1);
	succeeds(Outsider, Call::close_proposal { coop: COOP, proposal: 0 });
}

/// When the co-op's offer of SALE_OFFERED expires.
const OFFER_EXPIRES: u32 = VOTING_ENDS + 1 + 7 * DAYS;

/// SOLD: SALE_OFFERED, and Alice bought vehicle 2: the hook refunded bookings 0 and 1, the car
/// left the fleet, and Dave may exit for 30 days.
fn sold() {
	sale_offered();
	assert_ok!(VehicleIdentity::accept_offer(NonMember.signed(), V2, SALE_PRICE));
}

/// When Dave's exit window after SOLD ends.
const EXIT_UNTIL: u32 = VOTING_ENDS + 1 + 30 * DAYS;

/// CS_BASE at block 2: nothing has started.
fn booked_rows() -> Vec<Row> {
	let transfer = Call::transfer_shares { coop: COOP, to: OtherRenter.id(), amount: 1 };
	let propose = Call::propose { coop: COOP, kind: ProposalKind::SetFleetManager(Member.id()) };
	[
		signed_only(create_coop()),
		fleet_manager_rows(Call::add_vehicle { coop: COOP, vehicle: V0 }, &NOT_FLEET_MANAGER),
		// Founding a co-op gives no power over its fleet: co-op 1's manager is Charlie.
		refused(
			&[Founder, FleetManager],
			Call::add_vehicle { coop: 1, vehicle: V0 },
			Error::NotFleetManager,
		),
		refused(&[FleetManager], Call::add_vehicle { coop: 99, vehicle: V0 }, Error::CoopNotFound),
		refused(
			&[FleetManager],
			Call::add_vehicle { coop: COOP, vehicle: V2 },
			Error::AlreadyInFleet,
		),
		// No gift offered: the identity pallet's refusal comes through.
		refused(
			&[FleetManager],
			Call::add_vehicle { coop: COOP, vehicle: V0 },
			IdentityError::NoOffer,
		),
		fleet_manager_rows(
			Call::invite_device { coop: COOP, vehicle: V2, device: Outsider.id() },
			&NOT_FLEET_MANAGER,
		),
		refused(
			&[FleetManager],
			Call::invite_device { coop: COOP, vehicle: V1, device: Outsider.id() },
			Error::NotInFleet,
		),
		fleet_manager_rows(
			Call::unbind_device { coop: COOP, vehicle: V2, device: CarDevice.id() },
			&NOT_FLEET_MANAGER,
		),
		fleet_manager_rows(Call::report_stolen { coop: COOP, vehicle: V2 }, &NOT_FLEET_MANAGER),
		// Bob's own car is no fleet car.
		refused(
			&[FleetManager],
			Call::report_stolen { coop: COOP, vehicle: V1 },
			Error::NotInFleet,
		),
		fleet_manager_rows(Call::report_recovered { coop: COOP, vehicle: V2 }, &NOT_FLEET_MANAGER),
		refused(
			&[FleetManager],
			Call::report_recovered { coop: COOP, vehicle: V2 },
			IdentityError::NotStolen,
		),
		refused(
			&[NonMember, Founder, Assessor, Renter, CarDevice, Outsider],
			transfer.clone(),
			Error::NotMember,
		),
		signed_only(transfer),
		refused(&[Outsider, Member], Call::distribute { coop: COOP }, Error::NothingToDistribute),
		signed_only(Call::distribute { coop: COOP }),
		refused(
			&[NonMember, Founder, Assessor, Renter, Outsider],
			Call::claim_revenue { coop: COOP },
			Error::NotMember,
		),
		refused(&[Member], Call::claim_revenue { coop: COOP }, Error::NothingToClaim),
		signed_only(Call::claim_revenue { coop: COOP }),
		signed_only(book(2_000, 2_000 + HOURS - 1)),
		refused(&[OtherRenter, Member], book(B0_END, B0_END + 10), Error::SlotTaken),
		refused(&[Assessor], book(2_000, 2_000 + HOURS - 1), Error::ConflictOfInterest),
		refused(
			&[Renter],
			Call::book { vehicle: V0, start: 2_000, end: 2_100, max_km: 1 },
			Error::NotInFleet,
		),
		refused(
			&[OtherRenter, Member, NonMember, Assessor, CarDevice, Founder, Outsider],
			Call::cancel_booking { booking: 0 },
			Error::NotAllowed,
		),
		signed_only(Call::cancel_booking { booking: 0 }),
		refused(
			&[
				Renter,
				FleetManager,
				Member,
				OtherRenter,
				Device,
				OtherDevice,
				InvitedDevice,
				Outsider,
			],
			check_in(0),
			Error::NotVehicleDevice,
		),
		refused(&[CarDevice], check_in(0), Error::OutsideSlot),
		signed_only(check_in(0)),
		refused(
			&[Renter, FleetManager, Device, OtherDevice, Outsider],
			check_out(0),
			Error::NotVehicleDevice,
		),
		refused(&[CarDevice], check_out(0), Error::NotInTrip),
		signed_only(check_out(0)),
		refused(
			&[Renter, FleetManager, Outsider],
			Call::end_trip_without_device { booking: 0 },
			Error::NotInTrip,
		),
		signed_only(Call::end_trip_without_device { booking: 0 }),
		refused(&[Outsider, Renter], Call::close_no_show { booking: 0 }, Error::TooEarly),
		signed_only(Call::close_no_show { booking: 0 }),
		refused(
			&[Member, Renter, Assessor, Outsider, CarDevice],
			file_claim(),
			Error::NotFleetManager,
		),
		refused(&[FleetManager], file_claim(), Error::NotReturned),
		signed_only(file_claim()),
		refused(&[Renter], Call::dispute_claim { booking: 0 }, Error::NoClaim),
		signed_only(Call::dispute_claim { booking: 0 }),
		refused(&[Renter], Call::accept_claim { booking: 0 }, Error::NoClaim),
		signed_only(Call::accept_claim { booking: 0 }),
		refused(&[Assessor], Call::decide_claim { booking: 0, award: 0 }, Error::NoClaim),
		signed_only(Call::decide_claim { booking: 0, award: 0 }),
		refused(&[Outsider], Call::settle_claim { booking: 0 }, Error::NoClaim),
		signed_only(Call::settle_claim { booking: 0 }),
		refused(&[Outsider], Call::release_deposit { booking: 0 }, Error::NotReturned),
		signed_only(Call::release_deposit { booking: 0 }),
		refused(
			&[NonMember, Founder, Assessor, Renter, OtherRenter, CarDevice, Outsider],
			propose.clone(),
			Error::NotMember,
		),
		signed_only(propose),
		refused(
			&[Member],
			Call::vote { coop: COOP, proposal: 0, aye: true },
			Error::ProposalNotFound,
		),
		signed_only(Call::vote { coop: COOP, proposal: 0, aye: true }),
		refused(
			&[Outsider],
			Call::close_proposal { coop: COOP, proposal: 0 },
			Error::ProposalNotFound,
		),
		signed_only(Call::close_proposal { coop: COOP, proposal: 0 }),
		refused(&[Dissenter], Call::exit { coop: COOP, proposal: 0 }, Error::NoSaleExit),
		signed_only(Call::exit { coop: COOP, proposal: 0 }),
		refused(&[Outsider], Call::clear_expired_sale { vehicle: V2 }, Error::NoPendingSale),
		signed_only(Call::clear_expired_sale { vehicle: V2 }),
		refused(&[Outsider], Call::clear_sale_exit { coop: COOP, proposal: 0 }, Error::NoSaleExit),
		signed_only(Call::clear_sale_exit { coop: COOP, proposal: 0 }),
	]
	.concat()
}

/// PROPOSAL: Charlie's proposal 0 is open; Dave voted aye.
fn proposal_rows() -> Vec<Row> {
	let vote = Call::vote { coop: COOP, proposal: 0, aye: false };
	[
		refused(
			&[NonMember, Founder, Assessor, Renter, CarDevice, Outsider],
			vote.clone(),
			Error::NotMember,
		),
		refused(&[Dissenter], vote.clone(), Error::AlreadyVoted),
		signed_only(vote),
		refused(
			&[Member],
			Call::vote { coop: COOP, proposal: 1, aye: true },
			Error::ProposalNotFound,
		),
		refused(
			&[Outsider, Member],
			Call::close_proposal { coop: COOP, proposal: 0 },
			Error::VotingOpen,
		),
		// A voter's shares stay put until the proposal closes.
		refused(
			&[Dissenter],
			Call::transfer_shares { coop: COOP, to: Outsider.id(), amount: 1 },
			Error::SharesLocked,
		),
	]
	.concat()
}

/// IN_TRIP: booking 0's trip is under way.
fn in_trip_rows() -> Vec<Row> {
	let end = Call::end_trip_without_device { booking: 0 };
	[
		refused(&[CarDevice], check_in(0), Error::NotBooked),
		refused(&[CarDevice], check_in(1), Error::OutsideSlot),
		refused(
			&[Renter, FleetManager, Member, Device, OtherDevice, InvitedDevice, Outsider],
			check_out(0),
			Error::NotVehicleDevice,
		),
		signed_only(check_out(0)),
		// The fleet manager ends a trip without the device only after the slot.
		refused(&[FleetManager], end.clone(), Error::TooEarly),
		refused(
			&[Member, OtherRenter, Assessor, CarDevice, NonMember, Outsider],
			end.clone(),
			Error::NotAllowed,
		),
		signed_only(end),
		refused(&[Renter, FleetManager], Call::cancel_booking { booking: 0 }, Error::NotBooked),
		refused(&[Outsider], Call::close_no_show { booking: 0 }, Error::NotBooked),
		refused(&[FleetManager], file_claim(), Error::NotReturned),
		refused(&[Outsider], Call::release_deposit { booking: 0 }, Error::NotReturned),
	]
	.concat()
}

/// RETURNED: booking 0 was checked out at block 100; its deposit waits for the claim window.
fn returned_rows() -> Vec<Row> {
	[
		refused(
			&[Member, Renter, Assessor, CarDevice, NonMember, Founder, Outsider],
			file_claim(),
			Error::NotFleetManager,
		),
		refused(&[Outsider, Renter], Call::release_deposit { booking: 0 }, Error::ClaimWindowOpen),
		refused(&[Renter], Call::dispute_claim { booking: 0 }, Error::NoClaim),
		refused(&[Renter], Call::accept_claim { booking: 0 }, Error::NoClaim),
		refused(&[CarDevice], check_out(0), Error::NotInTrip),
		refused(&[Renter], Call::end_trip_without_device { booking: 0 }, Error::NotInTrip),
		refused(&[Renter], Call::cancel_booking { booking: 0 }, Error::NotBooked),
	]
	.concat()
}

/// CLAIMED: the fleet manager claimed 10 V2X of booking 0's deposit at block 100.
fn claimed_rows() -> Vec<Row> {
	let others = [OtherRenter, FleetManager, Member, Assessor, CarDevice, Outsider];
	[
		refused(&others, Call::dispute_claim { booking: 0 }, Error::NotRenter),
		refused(&others, Call::accept_claim { booking: 0 }, Error::NotRenter),
		refused(
			&[FleetManager, Renter, Member, Outsider],
			Call::decide_claim { booking: 0, award: UNIT },
			Error::NotAssessor,
		),
		// The assessor decides only what the renter disputed.
		refused(&[Assessor], Call::decide_claim { booking: 0, award: UNIT }, Error::NotDisputed),
		refused(
			&[Outsider, FleetManager],
			Call::settle_claim { booking: 0 },
			Error::DisputeWindowOpen,
		),
		refused(&[FleetManager], file_claim(), Error::ClaimExists),
		refused(&[Outsider], Call::release_deposit { booking: 0 }, Error::ClaimOpen),
	]
	.concat()
}

/// DISPUTED: the renter disputed the claim.
fn disputed_rows() -> Vec<Row> {
	let decide = Call::decide_claim { booking: 0, award: 5 * UNIT };
	[
		refused(
			&[FleetManager, Renter, Member, OtherRenter, CarDevice, NonMember, Outsider],
			decide.clone(),
			Error::NotAssessor,
		),
		signed_only(decide),
		refused(&[Outsider], Call::settle_claim { booking: 0 }, Error::ClaimDisputed),
		refused(&[Renter], Call::dispute_claim { booking: 0 }, Error::AlreadyDisputed),
	]
	.concat()
}

/// SALE_OFFERED: the co-op offers vehicle 2 to Alice until OFFER_EXPIRES.
fn sale_offered_rows() -> Vec<Row> {
	[
		refused(
			&[Outsider, FleetManager],
			Call::clear_expired_sale { vehicle: V2 },
			Error::OfferNotExpired,
		),
		refused(&[Member], Call::propose { coop: COOP, kind: sell_v2() }, Error::SalePending),
		// The sale is not complete: nobody exits yet.
		refused(&[Dissenter], Call::exit { coop: COOP, proposal: 0 }, Error::NoSaleExit),
	]
	.concat()
}

/// SOLD: Alice bought vehicle 2; Dave (nay) may exit at the fair price.
fn sold_rows() -> Vec<Row> {
	let exit = Call::exit { coop: COOP, proposal: 0 };
	[
		// The aye voters, and who never voted.
		refused(
			&[FleetManager, Member, NonMember, Renter, Outsider],
			exit.clone(),
			Error::NotDissenter,
		),
		signed_only(exit),
		refused(
			&[Outsider, Dissenter],
			Call::clear_sale_exit { coop: COOP, proposal: 0 },
			Error::ExitOpen,
		),
		refused(&[Renter, NonMember], book(2_000_000, 2_000_100), Error::NotInFleet),
		// The hook refunded the bookings; the device left with the sale.
		refused(&[CarDevice], check_in(0), Error::BookingNotFound),
		refused(&[Outsider], Call::close_no_show { booking: 1 }, Error::BookingNotFound),
		refused(
			&[FleetManager],
			Call::invite_device { coop: COOP, vehicle: V2, device: Outsider.id() },
			Error::NotInFleet,
		),
		refused(
			&[FleetManager],
			Call::report_stolen { coop: COOP, vehicle: V2 },
			Error::NotInFleet,
		),
		refused(&[Outsider], Call::clear_expired_sale { vehicle: V2 }, Error::NoPendingSale),
	]
	.concat()
}

/// STOLEN: the fleet manager reported vehicle 2 stolen at block 2: both bookings refunded.
fn stolen_rows() -> Vec<Row> {
	[
		refused(&[Renter, Member], book(2_000, 2_100), Error::VehicleNotActive),
		refused(&[CarDevice], check_in(0), Error::BookingNotFound),
		fleet_manager_rows(
			Call::report_recovered { coop: COOP, vehicle: V2 },
			&[Member, NonMember, Renter, CarDevice, Outsider],
		),
		refused(
			&[FleetManager],
			Call::report_stolen { coop: COOP, vehicle: V2 },
			IdentityError::AlreadyStolen,
		),
	]
	.concat()
}

/// STOLEN_IN_TRIP: IN_TRIP, then the fleet manager reported vehicle 2 stolen: the hook settled
/// the trip so far; its deposit waits for the claim window as after a check-out.
fn stolen_in_trip_rows() -> Vec<Row> {
	[
		refused(&[CarDevice], check_out(0), Error::NotInTrip),
		refused(&[Renter], Call::end_trip_without_device { booking: 0 }, Error::NotInTrip),
		refused(&[Renter, Outsider], file_claim(), Error::NotFleetManager),
	]
	.concat()
}

/// SCRAPPED: governance scrapped vehicle 2 at block 2 (the co-op account has no key).
fn scrapped_rows() -> Vec<Row> {
	[
		refused(&[Renter], book(2_000, 2_100), Error::NotInFleet),
		refused(&[CarDevice], check_in(0), Error::BookingNotFound),
		refused(
			&[FleetManager],
			Call::invite_device { coop: COOP, vehicle: V2, device: Outsider.id() },
			Error::NotInFleet,
		),
		refused(
			&[FleetManager],
			Call::report_recovered { coop: COOP, vehicle: V2 },
			Error::NotInFleet,
		),
		refused(&[Member], Call::propose { coop: COOP, kind: sell_v2() }, Error::NotInFleet),
	]
	.concat()
}

/// Every scenario's rows, by scenario (the docs table is written from these).
pub(super) fn scenarios() -> Vec<(&'static str, Vec<Row>)> {
	vec![
		("CS_BASE", booked_rows()),
		("PROPOSAL", proposal_rows()),
		("IN_TRIP", in_trip_rows()),
		("RETURNED", returned_rows()),
		("CLAIMED", claimed_rows()),
		("DISPUTED", disputed_rows()),
		("SALE_OFFERED", sale_offered_rows()),
		("SOLD", sold_rows()),
		("STOLEN", stolen_rows()),
		("STOLEN_IN_TRIP", stolen_in_trip_rows()),
		("SCRAPPED", scrapped_rows()),
	]
}

#[test]
fn every_car_sharing_call_has_rows_in_the_matrix() {
	assert_every_call_has_rows("CarSharing", Call::get_call_names(), &scenarios());
}

#[test]
fn on_the_base_chain_only_the_fleet_manager_manages_and_members_hold_shares() {
	on_cs_base(|| {
		run("CS_BASE", booked_rows());
		succeeds(Outsider, create_coop());
		succeeds(
			FleetManager,
			Call::invite_device { coop: COOP, vehicle: V2, device: Outsider.id() },
		);
		succeeds(
			FleetManager,
			Call::unbind_device { coop: COOP, vehicle: V2, device: Outsider.id() },
		);
		assert_ok!(VehicleIdentity::offer_sale(
			NonMember.signed(),
			V0,
			CarSharing::coop_account(COOP),
			None,
			super::BASE_BLOCK + 100
		));
		succeeds(FleetManager, Call::add_vehicle { coop: COOP, vehicle: V0 });
		succeeds(Member, Call::transfer_shares { coop: COOP, to: OtherRenter.id(), amount: 1 });
		succeeds(Member, book(2_000, 2_000 + HOURS - 1));
		succeeds(Renter, Call::cancel_booking { booking: 0 });
		succeeds(FleetManager, Call::cancel_booking { booking: 1 });
		succeeds(
			Member,
			Call::propose { coop: COOP, kind: ProposalKind::SetAssessor(Member.id()) },
		);
	});
	on_cs_base(|| {
		succeeds(FleetManager, Call::report_stolen { coop: COOP, vehicle: V2 });
		run("STOLEN", stolen_rows());
		succeeds(FleetManager, Call::report_recovered { coop: COOP, vehicle: V2 });
		succeeds(Renter, book(2_000, 2_100));
	});
	on_cs_base(|| {
		assert_ok!(VehicleIdentity::scrap_vehicle(RuntimeOrigin::root(), V2));
		run("SCRAPPED", scrapped_rows());
	});
}

#[test]
fn a_proposal_takes_members_votes_until_its_end_and_anyone_closes_it_after() {
	on_cs_base(|| {
		proposal();
		run("PROPOSAL", proposal_rows());
		// The last block of the voting period still takes votes; the next one does not.
		run_to_block(VOTING_ENDS);
		succeeds(Member, Call::vote { coop: COOP, proposal: 0, aye: true });
		let close = Call::close_proposal { coop: COOP, proposal: 0 };
		assert_rejected(Outsider.signed(), close.clone().into(), Error::VotingOpen);
		run_to_block(VOTING_ENDS + 1);
		let late = Call::vote { coop: COOP, proposal: 0, aye: false };
		assert_rejected(FleetManager.signed(), late.into(), Error::VotingClosed);
		succeeds(Outsider, close);
		// Charlie and Dave (half the supply, no nays) made Charlie the fleet manager.
		let report = Call::report_stolen { coop: COOP, vehicle: V2 };
		assert_rejected(FleetManager.signed(), report.clone().into(), Error::NotFleetManager);
		succeeds(Member, report);
		// Dave's shares are free again.
		succeeds(Dissenter, Call::transfer_shares { coop: COOP, to: Outsider.id(), amount: 1 });
	});
}

#[test]
fn a_trip_is_opened_and_closed_by_the_cars_device_or_ended_by_its_renter() {
	on_cs_base(|| {
		in_trip();
		run("IN_TRIP", in_trip_rows());
		succeeds(CarDevice, check_out(0));
	});
	on_cs_base(|| {
		in_trip();
		succeeds(Renter, Call::end_trip_without_device { booking: 0 });
	});
	// A device unbound mid-trip: the renter may still end it, the fleet manager after the slot.
	on_cs_base(|| {
		in_trip();
		succeeds(
			FleetManager,
			Call::unbind_device { coop: COOP, vehicle: V2, device: CarDevice.id() },
		);
		assert_rejected(CarDevice.signed(), check_out(0).into(), Error::NotVehicleDevice);
		let end = Call::end_trip_without_device { booking: 0 };
		run_to_block(B0_END);
		assert_rejected(FleetManager.signed(), end.clone().into(), Error::TooEarly);
		run_to_block(B0_END + 1);
		succeeds(FleetManager, end);
	});
	// Theft mid-trip: the hook settled the trip so far.
	on_cs_base(|| {
		in_trip();
		succeeds(FleetManager, Call::report_stolen { coop: COOP, vehicle: V2 });
		run("STOLEN_IN_TRIP", stolen_in_trip_rows());
		succeeds(FleetManager, file_claim());
	});
}

#[test]
fn a_booking_is_checked_in_within_its_slot_and_closed_as_a_no_show_after_it() {
	on_cs_base(|| {
		run_to_block(B0_START - 1);
		assert_rejected(CarDevice.signed(), check_in(0).into(), Error::OutsideSlot);
		succeeds(Renter, Call::cancel_booking { booking: 0 });
	});
	on_cs_base(|| {
		// From its start, the renter cannot cancel; the fleet manager still can.
		run_to_block(B0_START);
		let cancel = Call::cancel_booking { booking: 0 };
		assert_rejected(Renter.signed(), cancel.clone().into(), Error::TooLate);
		succeeds(FleetManager, cancel);
	});
	on_cs_base(|| {
		run_to_block(B0_END);
		let no_show = Call::close_no_show { booking: 0 };
		assert_rejected(Outsider.signed(), no_show.clone().into(), Error::TooEarly);
		succeeds(CarDevice, check_in(0));
	});
	on_cs_base(|| {
		run_to_block(B0_END + 1);
		assert_rejected(CarDevice.signed(), check_in(0).into(), Error::OutsideSlot);
		succeeds(Outsider, Call::close_no_show { booking: 0 });
	});
}

#[test]
fn a_damage_claim_is_the_fleet_managers_to_file_until_the_windows_last_block() {
	on_cs_base(|| {
		returned();
		run("RETURNED", returned_rows());
		run_to_block(RETURNED_AT + DAYS);
		let release = Call::release_deposit { booking: 0 };
		assert_rejected(Outsider.signed(), release.into(), Error::ClaimWindowOpen);
		succeeds(FleetManager, file_claim());
	});
	on_cs_base(|| {
		returned();
		run_to_block(RETURNED_AT + DAYS + 1);
		assert_rejected(FleetManager.signed(), file_claim().into(), Error::ClaimWindowClosed);
		succeeds(Outsider, Call::release_deposit { booking: 0 });
	});
}

#[test]
fn a_claim_is_the_renters_to_accept_or_dispute_and_the_assessors_to_decide() {
	on_cs_base(|| {
		claimed();
		run("CLAIMED", claimed_rows());
		succeeds(Renter, Call::dispute_claim { booking: 0 });
		run("DISPUTED", disputed_rows());
		succeeds(Assessor, Call::decide_claim { booking: 0, award: 5 * UNIT });
	});
	on_cs_base(|| {
		claimed();
		succeeds(Renter, Call::accept_claim { booking: 0 });
	});
	on_cs_base(|| {
		claimed();
		run_to_block(RETURNED_AT + DAYS);
		succeeds(Renter, Call::dispute_claim { booking: 0 });
	});
	on_cs_base(|| {
		claimed();
		run_to_block(RETURNED_AT + DAYS + 1);
		let dispute = Call::dispute_claim { booking: 0 };
		assert_rejected(Renter.signed(), dispute.into(), Error::DisputeWindowClosed);
		succeeds(Outsider, Call::settle_claim { booking: 0 });
	});
}

#[test]
fn a_sold_co_op_car_takes_no_bookings_and_only_its_dissenters_exit() {
	on_cs_base(|| {
		sale_offered();
		run("SALE_OFFERED", sale_offered_rows());
		run_to_block(OFFER_EXPIRES);
		let clear = Call::clear_expired_sale { vehicle: V2 };
		assert_rejected(Outsider.signed(), clear.clone().into(), Error::OfferNotExpired);
		run_to_block(OFFER_EXPIRES + 1);
		succeeds(Outsider, clear);
	});
	on_cs_base(|| {
		sold();
		run("SOLD", sold_rows());
		succeeds(Dissenter, Call::exit { coop: COOP, proposal: 0 });
	});
	on_cs_base(|| {
		sold();
		run_to_block(EXIT_UNTIL);
		let clear = Call::clear_sale_exit { coop: COOP, proposal: 0 };
		assert_rejected(Outsider.signed(), clear.clone().into(), Error::ExitOpen);
		run_to_block(EXIT_UNTIL + 1);
		let exit = Call::exit { coop: COOP, proposal: 0 };
		assert_rejected(Dissenter.signed(), exit.into(), Error::ExitClosed);
		succeeds(Outsider, clear);
	});
}
