//! Car sharing: co-ops with an empty name, unusable rules (quorum 0, a supermajority of half
//! or less), no, zero, duplicate or overflowing founders' shares; share transfers of 0, to
//! oneself or beyond one's shares; bookings in the past, too far ahead, inverted, too long,
//! overlapping at either edge, beyond the vehicle's slots or priced beyond `u128`; claims of 0
//! or above the deposit, awards above the claim; proposals with a zero price or a vehicle
//! outside the fleet; and ids that do not exist. Each by the role that may make the call.

use super::{assert_bound, check_rows, row, UNKNOWN};
use crate::{
	tests::{account, dev_chain, run_to_block, signed},
	AccountId, Balances, CarSharing, Runtime, RuntimeCall, RuntimeOrigin, VehicleIdentity, DAYS,
	HOURS, UNIT,
};
use pallet_car_sharing::{Call, CoopRules, Error, Pricing, ProposalKind, Rate};
use polkadot_sdk::{
	frame_support::{assert_ok, BoundedVec},
	sp_core::H256,
	sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve},
	sp_runtime::{Perbill, Percent},
};

type E = Error<Runtime>;
type IdentityError = pallet_vehicle_identity::Error<Runtime>;

/// The dev preset's co-op (0) and its car; co-op 1 is Alice's, with vehicle 0 at a price no
/// one can pay per km.
const COOP: u32 = 0;
const V2: u64 = 2;
const PRICELESS_COOP: u32 = 1;
const V0: u64 = 0;
/// Booking 0 (returned at block 10, no claim), booking 1 (returned at block 610, claim of
/// 10 V2X disputed) and booking 2 (booked, blocks 2 000 to 2 599), all the renter's.
const NOW: u32 = 610;
const B2_START: u32 = 2_000;
const B2_END: u32 = B2_START + HOURS - 1;
const DEPOSIT: u128 = 50 * UNIT;
/// The runtime's limits (`configs/car_sharing.rs`).
const MAX_NAME: usize = 64;
const MAX_MEMBERS: usize = 64;
const MAX_BOOKINGS: u32 = 16;
const MAX_OPEN_PROPOSALS: u32 = 4;
const MAX_BOOK_AHEAD: u32 = 30 * DAYS;
const MAX_BOOKING_DURATION: u32 = 7 * DAYS;

fn renter() -> AccountId {
	AccountId::new([0xb1; 32])
}
fn device() -> AccountId {
	AccountId::new([0xb3; 32])
}
/// Never funded.
fn poor() -> AccountId {
	AccountId::new([0x50; 32])
}

fn rules() -> CoopRules<u32> {
	CoopRules {
		quorum: Perbill::from_percent(50),
		supermajority: Perbill::from_percent(67),
		reserve: Perbill::from_percent(10),
		free_cancellation: HOURS,
		late_cancellation_fee: Perbill::from_percent(20),
	}
}

fn pricing() -> Pricing<u128> {
	Pricing {
		member: Rate { per_hour: 2 * UNIT, per_km: UNIT / 10 },
		renter: Rate { per_hour: 4 * UNIT, per_km: UNIT / 5 },
		damage_deposit: DEPOSIT,
	}
}

/// Half of `u128::MAX` per km: 1 km is a price nobody has, 3 km no balance can hold.
fn priceless() -> Pricing<u128> {
	let rate = Rate { per_hour: UNIT, per_km: u128::MAX / 2 };
	Pricing { member: rate, renter: rate, damage_deposit: DEPOSIT }
}

fn coop(
	name: &[u8],
	rules: CoopRules<u32>,
	founders: Vec<(AccountId, u64)>,
	pricing: Pricing<u128>,
) -> Call<Runtime> {
	Call::create_coop {
		name: BoundedVec::truncate_from(name.to_vec()),
		rules,
		pricing,
		founders: BoundedVec::truncate_from(founders),
		fleet_manager: account(Alice),
		assessor: account(Eve),
	}
}

fn founders() -> Vec<(AccountId, u64)> {
	vec![(account(Alice), 60), (account(Charlie), 40)]
}

fn with_rules(change: impl FnOnce(&mut CoopRules<u32>)) -> Call<Runtime> {
	let mut rules = rules();
	change(&mut rules);
	coop(b"Co-op", rules, founders(), pricing())
}

fn with_founders(founders: Vec<(AccountId, u64)>) -> Call<Runtime> {
	coop(b"Co-op", rules(), founders, pricing())
}

fn book(vehicle: u64, start: u32, end: u32, max_km: u32) -> Call<Runtime> {
	Call::book { vehicle, start, end, max_km }
}

fn check_in(booking: u64) -> Call<Runtime> {
	Call::check_in {
		booking,
		odometer_km: 1_000,
		state_of_charge: Percent::from_percent(80),
		evidence: H256::zero(),
	}
}

fn check_out(booking: u64) -> Call<Runtime> {
	Call::check_out {
		booking,
		odometer_km: 1_000,
		state_of_charge: Percent::from_percent(70),
		evidence: H256::zero(),
	}
}

fn claim(booking: u64, amount: u128) -> Call<Runtime> {
	Call::file_claim { booking, amount, evidence: H256::repeat_byte(7) }
}

fn propose(kind: ProposalKind<AccountId, u128>) -> Call<Runtime> {
	Call::propose { coop: COOP, kind }
}

/// Dispatches `call` from `who`, which must succeed (the setup).
fn ok(who: AccountId, call: Call<Runtime>) {
	use polkadot_sdk::sp_runtime::traits::Dispatchable;
	let call: RuntimeCall = call.into();
	assert_ok!(call.dispatch(RuntimeOrigin::signed(who)));
}

/// Block 610: the device bound to vehicle 2 by the fleet manager; co-op 1 of Alice's owning
/// vehicle 0 at a per-km price of `u128::MAX / 2`; bookings 0 to 2 (see [`NOW`]).
fn setup() {
	let root = RuntimeOrigin::root;
	for who in [renter(), device()] {
		assert_ok!(Balances::force_set_balance(root(), who.into(), 10_000 * UNIT));
	}
	ok(account(Bob), Call::invite_device { coop: COOP, vehicle: V2, device: device() });
	assert_ok!(VehicleIdentity::accept_device_binding(RuntimeOrigin::signed(device()), V2));
	ok(account(Alice), coop(b"Priceless", rules(), founders(), priceless()));
	let coop_account = CarSharing::coop_account(PRICELESS_COOP);
	assert_ok!(VehicleIdentity::offer_sale(signed(Alice), V0, coop_account, None, 100));
	ok(account(Alice), Call::add_vehicle { coop: PRICELESS_COOP, vehicle: V0 });
	run_to_block(10);
	ok(renter(), book(V2, 10, 10 + HOURS - 1, 100));
	ok(device(), check_in(0));
	ok(device(), check_out(0));
	run_to_block(NOW);
	ok(renter(), book(V2, NOW, NOW + HOURS - 1, 100));
	ok(device(), check_in(1));
	ok(device(), check_out(1));
	ok(account(Bob), claim(1, 10 * UNIT));
	ok(renter(), Call::dispute_claim { booking: 1 });
	ok(renter(), book(V2, B2_START, B2_END, 100));
}

#[test]
fn car_sharing_refuses_bad_input_with_typed_errors() {
	dev_chain(|| {
		setup();
		let (alice, bob, charlie, eve) =
			(|| signed(Alice), || signed(Bob), || signed(Charlie), || signed(Eve));
		let renter_ = || RuntimeOrigin::signed(renter());
		let device_ = || RuntimeOrigin::signed(device());
		let unknown = u64::from(UNKNOWN);
		check_rows(vec![
			// Co-ops (anyone founds one).
			row(
				"an empty name",
				alice(),
				coop(b"", rules(), founders(), pricing()),
				E::InvalidName,
			),
			row(
				"the fleet manager as its own assessor",
				alice(),
				Call::create_coop {
					name: BoundedVec::truncate_from(b"Co-op".to_vec()),
					rules: rules(),
					pricing: pricing(),
					founders: BoundedVec::truncate_from(founders()),
					fleet_manager: account(Alice),
					assessor: account(Alice),
				},
				E::ConflictOfInterest,
			),
			row(
				"a quorum of 0",
				alice(),
				with_rules(|r| r.quorum = Perbill::zero()),
				E::InvalidRules,
			),
			row(
				"a supermajority of exactly half",
				alice(),
				with_rules(|r| r.supermajority = Perbill::from_percent(50)),
				E::InvalidRules,
			),
			row(
				"a supermajority of 0",
				alice(),
				with_rules(|r| r.supermajority = Perbill::zero()),
				E::InvalidRules,
			),
			row("no founders", alice(), with_founders(vec![]), E::InvalidShares),
			row(
				"a founder with 0 shares",
				alice(),
				with_founders(vec![(account(Alice), 60), (account(Charlie), 0)]),
				E::InvalidShares,
			),
			row(
				"a founder twice",
				alice(),
				with_founders(vec![(account(Alice), 60), (account(Alice), 40)]),
				E::DuplicateFounder,
			),
			row(
				"shares beyond u64::MAX",
				alice(),
				with_founders(vec![(account(Alice), u64::MAX), (account(Charlie), 1)]),
				E::InvalidShares,
			),
			row(
				"a founder who cannot pay the deposit",
				RuntimeOrigin::signed(poor()),
				with_founders(founders()),
				E::InsufficientBalance,
			),
			// The fleet (its fleet manager).
			row(
				"add to an unknown co-op",
				bob(),
				Call::add_vehicle { coop: UNKNOWN, vehicle: V0 },
				E::CoopNotFound,
			),
			row(
				"add an unknown vehicle",
				bob(),
				Call::add_vehicle { coop: COOP, vehicle: unknown },
				IdentityError::NotFound,
			),
			row(
				"add a vehicle in another co-op's fleet",
				bob(),
				Call::add_vehicle { coop: COOP, vehicle: V0 },
				E::AlreadyInFleet,
			),
			row(
				"invite to a vehicle outside the fleet",
				bob(),
				Call::invite_device { coop: COOP, vehicle: unknown, device: account(Dave) },
				E::NotInFleet,
			),
			row(
				"invite the bound device again",
				bob(),
				Call::invite_device { coop: COOP, vehicle: V2, device: device() },
				IdentityError::DeviceAlreadyBound,
			),
			row(
				"unbind a device that is not bound",
				bob(),
				Call::unbind_device { coop: COOP, vehicle: V2, device: account(Dave) },
				IdentityError::DeviceNotBound,
			),
			row(
				"report an unknown vehicle stolen",
				bob(),
				Call::report_stolen { coop: COOP, vehicle: unknown },
				E::NotInFleet,
			),
			row(
				"report an unknown co-op's vehicle recovered",
				bob(),
				Call::report_recovered { coop: UNKNOWN, vehicle: V2 },
				E::CoopNotFound,
			),
			// Shares and revenue (members).
			row(
				"transfer 0 shares",
				charlie(),
				Call::transfer_shares { coop: COOP, to: account(Dave), amount: 0 },
				E::ZeroAmount,
			),
			row(
				"transfer to oneself",
				charlie(),
				Call::transfer_shares { coop: COOP, to: account(Charlie), amount: 1 },
				E::SelfTransfer,
			),
			row(
				"transfer to the co-op's own account",
				charlie(),
				Call::transfer_shares {
					coop: COOP,
					to: pallet_car_sharing::Pallet::<Runtime>::coop_account(COOP),
					amount: 1,
				},
				E::CoopAccountReceiver,
			),
			row(
				"transfer more shares than held",
				charlie(),
				Call::transfer_shares { coop: COOP, to: account(Dave), amount: 31 },
				E::InsufficientShares,
			),
			row(
				"transfer u64::MAX shares",
				charlie(),
				Call::transfer_shares { coop: COOP, to: account(Dave), amount: u64::MAX },
				E::InsufficientShares,
			),
			row(
				"transfer in an unknown co-op",
				charlie(),
				Call::transfer_shares { coop: UNKNOWN, to: account(Dave), amount: 1 },
				E::CoopNotFound,
			),
			row(
				"distribute an unknown co-op",
				charlie(),
				Call::distribute { coop: UNKNOWN },
				E::CoopNotFound,
			),
			row(
				"claim from an unknown co-op",
				charlie(),
				Call::claim_revenue { coop: UNKNOWN },
				E::CoopNotFound,
			),
			// Bookings (a renter).
			row(
				"book an unknown vehicle",
				renter_(),
				book(unknown, NOW, NOW + 10, 1),
				E::NotInFleet,
			),
			row(
				"book vehicle u64::MAX",
				renter_(),
				book(u64::MAX, NOW, NOW + 10, 1),
				E::NotInFleet,
			),
			row("a slot that started", renter_(), book(V2, NOW - 1, NOW + 10, 1), E::StartInPast),
			row("a slot from block 0", renter_(), book(V2, 0, 10, 1), E::StartInPast),
			row(
				"a start one block beyond MaxBookAhead",
				renter_(),
				book(V2, NOW + MAX_BOOK_AHEAD + 1, NOW + MAX_BOOK_AHEAD + 2, 1),
				E::StartTooFarAhead,
			),
			row(
				"a start at u32::MAX",
				renter_(),
				book(V2, u32::MAX, u32::MAX, 1),
				E::StartTooFarAhead,
			),
			row("an end before the start", renter_(), book(V2, 3_000, 2_999, 1), E::InvalidSlot),
			row(
				"a slot of MaxBookingDuration blocks and one",
				renter_(),
				book(V2, 3_000, 3_000 + MAX_BOOKING_DURATION, 1),
				E::BookingTooLong,
			),
			row("an end at u32::MAX", renter_(), book(V2, 3_000, u32::MAX, 1), E::BookingTooLong),
			row(
				"a booking by the assessor",
				eve(),
				book(V2, 3_000, 3_010, 1),
				E::ConflictOfInterest,
			),
			row(
				"a slot ending where another starts",
				renter_(),
				book(V2, B2_START - 100, B2_START, 1),
				E::SlotTaken,
			),
			row(
				"a slot starting where another ends",
				renter_(),
				book(V2, B2_END, B2_END + 100, 1),
				E::SlotTaken,
			),
			row(
				"max_km whose price exceeds u128",
				renter_(),
				book(V0, NOW, NOW + 10, 3),
				E::Overflow,
			),
			row(
				"max_km u32::MAX at that price",
				renter_(),
				book(V0, NOW, NOW + 10, u32::MAX),
				E::Overflow,
			),
			row(
				"a price nobody can pay",
				renter_(),
				book(V0, NOW, NOW + 10, 1),
				E::InsufficientBalance,
			),
			row(
				"a renter who cannot pay the deposit",
				RuntimeOrigin::signed(poor()),
				book(V2, 3_000, 3_010, 0),
				E::InsufficientBalance,
			),
			row(
				"cancel an unknown booking",
				renter_(),
				Call::cancel_booking { booking: unknown },
				E::BookingNotFound,
			),
			row(
				"close an unknown no-show",
				renter_(),
				Call::close_no_show { booking: u64::MAX },
				E::BookingNotFound,
			),
			// Trips (the car's device, the renter).
			row("check in an unknown booking", device_(), check_in(unknown), E::BookingNotFound),
			row("check out an unknown booking", device_(), check_out(unknown), E::BookingNotFound),
			row(
				"end an unknown trip",
				renter_(),
				Call::end_trip_without_device { booking: unknown },
				E::BookingNotFound,
			),
			// Damage (the fleet manager, the renter, the assessor).
			row("a claim of 0", bob(), claim(0, 0), E::ZeroAmount),
			row("a claim above the deposit", bob(), claim(0, DEPOSIT + 1), E::ClaimAboveDeposit),
			row("a claim of u128::MAX", bob(), claim(0, u128::MAX), E::ClaimAboveDeposit),
			row("a claim on an unknown booking", bob(), claim(unknown, UNIT), E::BookingNotFound),
			row(
				"an award above the claim",
				eve(),
				Call::decide_claim { booking: 1, award: 10 * UNIT + 1 },
				E::AwardAboveClaim,
			),
			row(
				"an award of u128::MAX",
				eve(),
				Call::decide_claim { booking: 1, award: u128::MAX },
				E::AwardAboveClaim,
			),
			row(
				"decide on an unknown booking",
				eve(),
				Call::decide_claim { booking: unknown, award: 0 },
				E::BookingNotFound,
			),
			row(
				"dispute on an unknown booking",
				renter_(),
				Call::dispute_claim { booking: unknown },
				E::BookingNotFound,
			),
			row(
				"accept on an unknown booking",
				renter_(),
				Call::accept_claim { booking: unknown },
				E::BookingNotFound,
			),
			row(
				"settle on an unknown booking",
				renter_(),
				Call::settle_claim { booking: unknown },
				E::BookingNotFound,
			),
			row(
				"release an unknown deposit",
				renter_(),
				Call::release_deposit { booking: unknown },
				E::BookingNotFound,
			),
			// Governance (members).
			row(
				"propose to an unknown co-op",
				charlie(),
				Call::propose { coop: UNKNOWN, kind: ProposalKind::SetAssessor(account(Dave)) },
				E::CoopNotFound,
			),
			row(
				"sell at a price of 0",
				charlie(),
				propose(ProposalKind::SellVehicle { vehicle: V2, buyer: account(Dave), price: 0 }),
				E::InvalidPrice,
			),
			row(
				"sell a vehicle outside the fleet",
				charlie(),
				propose(ProposalKind::SellVehicle {
					vehicle: V0,
					buyer: account(Dave),
					price: UNIT,
				}),
				E::NotInFleet,
			),
			row(
				"buy at a maximum of 0",
				charlie(),
				propose(ProposalKind::BuyVehicle { vehicle: 1, max_price: 0 }),
				E::InvalidPrice,
			),
			row(
				"buy a vehicle already in a fleet",
				charlie(),
				propose(ProposalKind::BuyVehicle { vehicle: V0, max_price: UNIT }),
				E::AlreadyInFleet,
			),
			row(
				"price a vehicle outside the fleet",
				charlie(),
				propose(ProposalKind::SetPricing { vehicle: Some(unknown), pricing: pricing() }),
				E::NotInFleet,
			),
			row(
				"vote on an unknown proposal",
				charlie(),
				Call::vote { coop: COOP, proposal: UNKNOWN, aye: true },
				E::ProposalNotFound,
			),
			row(
				"vote in an unknown co-op",
				charlie(),
				Call::vote { coop: UNKNOWN, proposal: 0, aye: true },
				E::ProposalNotFound,
			),
			row(
				"close an unknown proposal",
				charlie(),
				Call::close_proposal { coop: COOP, proposal: UNKNOWN },
				E::ProposalNotFound,
			),
			row(
				"exit an unknown sale",
				charlie(),
				Call::exit { coop: COOP, proposal: 0 },
				E::NoSaleExit,
			),
			row(
				"clear the sale of an unknown vehicle",
				charlie(),
				Call::clear_expired_sale { vehicle: unknown },
				E::NoPendingSale,
			),
			row(
				"clear an unknown sale exit",
				charlie(),
				Call::clear_sale_exit { coop: UNKNOWN, proposal: 0 },
				E::NoSaleExit,
			),
		]);
		// A slot that ends the block before another starts is free (the edge above is exact).
		ok(renter(), book(V2, B2_START - 100, B2_START - 1, 1));
	});
}

#[test]
fn car_sharing_refuses_a_booking_or_proposal_beyond_its_bound() {
	dev_chain(|| {
		setup();
		// Booking 2 and 15 more hour-long slots: the vehicle's 16 slots are taken.
		let slots = pallet_car_sharing::VehicleBookings::<Runtime>::get(V2).len() as u32;
		for n in slots..MAX_BOOKINGS {
			let start = 3_000 + n * HOURS;
			ok(renter(), book(V2, start, start + HOURS - 1, 1));
		}
		let kind = || ProposalKind::SetAssessor(account(Dave));
		for _ in 0..MAX_OPEN_PROPOSALS {
			ok(account(Charlie), propose(kind()));
		}
		let free = 3_000 + (MAX_BOOKINGS + 1) * HOURS;
		check_rows(vec![
			row(
				"a booking beyond MaxBookingsPerVehicle",
				RuntimeOrigin::signed(renter()),
				book(V2, free, free + 10, 1),
				E::TooManyBookings,
			),
			row(
				"a proposal beyond MaxOpenProposals",
				signed(Charlie),
				propose(kind()),
				E::TooManyProposals,
			),
		]);
	});
}

#[test]
fn car_sharing_bounded_arguments_one_over_do_not_decode() {
	let name = vec![b'n'; MAX_NAME];
	let founders: Vec<(AccountId, u64)> =
		(0..MAX_MEMBERS as u8).map(|n| (AccountId::new([n; 32]), 1)).collect();
	let args = |name: &[u8], founders: &[(AccountId, u64)]| {
		(name.to_vec(), rules(), pricing(), founders.to_vec(), account(Alice), account(Eve))
	};
	let call: RuntimeCall = coop(&name, rules(), founders.clone(), pricing()).into();
	let mut longer = name.clone();
	longer.push(b'n');
	assert_bound(call.clone(), args(&name, &founders), args(&longer, &founders));
	let mut more = founders.clone();
	more.push((AccountId::new([99; 32]), 1));
	assert_bound(call, args(&name, &founders), args(&name, &more));
}
