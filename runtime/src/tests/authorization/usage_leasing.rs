//! The matrix of pallet-usage-leasing (index 27): 11 calls. The dev preset's lease 0: Ferdie
//! (`Lessor`, an approved lender) leases vehicle 5 to Dave (`Lessee`) from block 0, 36 periods
//! of 30 days at 300 V2X, 5 days of grace and 10 of notice, under Ferdie's lien. UL_BASE adds
//! the device `LeaseDevice` bound to vehicle 5, and vehicle 6: Ferdie's spare car, with a
//! device of its own that reported 500 km (so an offer of it can be accepted). `Lender` and
//! `OtherLender` (approved in BASE) are the financiers a position moves to; `Outsider` is the
//! stranger (Dave, the other pallets' stranger, is the lessee here).

use super::{
	assert_every_call_has_rows, governance_only, on_base, refused, run, run_to_block, signed_only,
	succeeds,
	Role::{self, *},
	Row, BASE_BLOCK, V0,
};
use crate::tests::assert_rejected;
use crate::{
	AccountId, Balances, Runtime, RuntimeOrigin, ServiceBook, UsageLeasing, VehicleIdentity, DAYS,
	UNIT,
};
use pallet_usage_leasing::{LeaseState, LeaseTerms, Leases};
use polkadot_sdk::frame_support::{
	assert_ok,
	traits::{fungible::Inspect, GetCallName, Hooks},
};
use v2x_primitives::{OperatingRight, VehicleControl, VehicleId, VehicleRegistry, Vin};

type Call = pallet_usage_leasing::Call<Runtime>;
type Error = pallet_usage_leasing::Error<Runtime>;

/// The leased car of the dev preset and its lease; Ferdie's spare car (UL_BASE) and the offer
/// of it (OFFER).
const CAR: VehicleId = 5;
const LEASE: u64 = 0;
const SPARE: VehicleId = 6;
const OFFER: u64 = 1;
/// Lease 0's terms (`genesis_config_presets.rs`): it started at block 0.
const PERIOD: u32 = 30 * DAYS;
const PERIODS: u32 = 36;
const GRACE: u32 = 5 * DAYS;
const NOTICE: u32 = 10 * DAYS;
const BASE_FEE: u128 = 300 * UNIT;
/// The first block the holder may request a default of lease 0 (its first instalment unpaid).
const DEFAULT_FROM: u32 = PERIOD + GRACE + NOTICE + 1;
/// Lease 0's last due date: its end.
const END: u32 = PERIOD * PERIODS;
/// The offer of OFFER is open until this block (inclusive).
const OFFER_EXPIRES: u32 = BASE_BLOCK + 100;

/// Every role of UL_BASE that is not lease 0's lessee.
const NOT_LESSEE: [Role; 6] = [Lessor, Lender, Outsider, LeaseDevice, Owner, Device];
/// Every role of UL_BASE that is not lease 0's holder (Ferdie, until a transfer).
const NOT_HOLDER: [Role; 5] = [Lessee, Lender, OtherLender, Outsider, LeaseDevice];
/// Every role of UL_BASE that is not lease 0's lessor.
const NOT_LESSOR: [Role; 4] = [Lessee, Lender, Outsider, LeaseDevice];

/// The spare car's device (no role: it only reports the spare car's odometer).
fn spare_device() -> AccountId {
	AccountId::new([0xd1; 32])
}

/// Short terms: 1 V2X a period of 100 blocks, 3 periods, 100 km included.
fn terms() -> pallet_usage_leasing::LeaseTermsOf<Runtime> {
	LeaseTerms {
		base_fee: UNIT,
		price_per_km: UNIT / 10,
		included_km: 100,
		period_length: 100,
		periods: 3,
		grace: 10,
		notice: 10,
		purchase_price: 50 * UNIT,
	}
}

fn offer_lease(vehicle: VehicleId, lessee: Role) -> Call {
	Call::offer_lease { vehicle, lessee: lessee.id(), terms: terms(), expires_at: OFFER_EXPIRES }
}

fn lien() -> Option<AccountId> {
	<VehicleIdentity as VehicleControl<_, _, _>>::lien_holder(CAR)
}

/// UL_BASE, at block 2: see the module's doc.
fn ul_base() {
	let root = RuntimeOrigin::root;
	for who in [Outsider.id(), LeaseDevice.id(), spare_device()] {
		assert_ok!(Balances::force_set_balance(root(), who.into(), 10_000 * UNIT));
	}
	let mut vin = Vin(*b"5YJ3E1EA0RF000007");
	vin.0[8] = vin.expected_check_digit().unwrap();
	assert_ok!(VehicleIdentity::register_vehicle(
		Lessor.signed(),
		vin,
		Lessor.id(),
		2025,
		pallet_vehicle_identity::Powertrain::Bev,
		Some(75_000),
		[0; 32],
		Default::default(),
	));
	assert_eq!(VehicleIdentity::owner(SPARE), Some(Lessor.id()));
	for (vehicle, device) in [(CAR, LeaseDevice.id()), (SPARE, spare_device())] {
		assert_ok!(VehicleIdentity::bind_device(Lessor.signed(), vehicle, device.clone()));
		assert_ok!(VehicleIdentity::accept_device_binding(RuntimeOrigin::signed(device), vehicle));
	}
	assert_ok!(ServiceBook::report_odometer(RuntimeOrigin::signed(spare_device()), SPARE, 500));
}

/// Runs `test` on UL_BASE.
fn on_ul_base(test: impl FnOnce()) {
	on_base(|| {
		ul_base();
		test();
	});
}

/// OFFER: Ferdie offers vehicle 6 to Dave (lease 1) until block 102.
fn offer() {
	succeeds(Lessor, offer_lease(SPARE, Lessee));
}

/// TRANSFERRED: Ferdie transferred lease 0's position to `Lender`.
fn transferred() {
	succeeds(Lessor, Call::transfer_position { lease: LEASE, to: Lender.id() });
}

/// REQUESTED: at the first block a default is allowed (the first instalment unpaid), Ferdie
/// requested it; `on_finalize` has not decided it yet.
fn requested() {
	run_to_block(DEFAULT_FROM);
	succeeds(Lessor, Call::mark_default { lease: LEASE });
}

/// DEFAULTED: REQUESTED, confirmed at the end of its block; one block later.
fn defaulted() {
	requested();
	UsageLeasing::on_finalize(DEFAULT_FROM);
	assert!(matches!(Leases::<Runtime>::get(LEASE).unwrap().state, LeaseState::Defaulted { .. }));
	run_to_block(DEFAULT_FROM + 1);
}

/// ENDED: Dave prepaid every period at block 2; at the end block anyone settled: the lease
/// completed and is gone, the lien with it.
fn ended() {
	succeeds(Lessee, Call::pay { lease: LEASE, amount: BASE_FEE * u128::from(PERIODS) });
	run_to_block(END);
	succeeds(Outsider, Call::settle { lease: LEASE });
	assert!(Leases::<Runtime>::get(LEASE).is_none());
	assert_eq!(lien(), None);
}

/// UNPAID_END: one block after the end, nothing paid: anyone settled the 36 periods, which are
/// all in arrears; the lease and its lien stand.
fn unpaid_end() {
	run_to_block(END + 1);
	succeeds(Outsider, Call::settle { lease: LEASE });
	let lease = Leases::<Runtime>::get(LEASE).unwrap();
	assert_eq!(lease.arrears_total(), BASE_FEE * u128::from(PERIODS));
	assert_eq!(lien(), Some(Lessor.id()));
}

/// UL_BASE at block 2: lease 0 runs, nothing is due.
fn ul_base_rows() -> Vec<Row> {
	let pay = Call::pay { lease: LEASE, amount: UNIT };
	let withdraw = Call::withdraw_prepayment { lease: LEASE, amount: UNIT };
	let settle = Call::settle { lease: LEASE };
	let default = Call::mark_default { lease: LEASE };
	let write_off = Call::write_off { lease: LEASE };
	let buy_out = Call::buy_out { lease: LEASE, max_price: u128::MAX };
	let transfer = Call::transfer_position { lease: LEASE, to: Lender.id() };
	[
		// Offers: the owner of the vehicle, an approved lender, of a vehicle free of liens.
		refused(
			&[Lessee, Lender, Outsider, LeaseDevice, Owner],
			offer_lease(SPARE, Lessee),
			Error::NotOwner,
		),
		refused(&[Owner], offer_lease(V0, Lessee), Error::NotLender),
		refused(&[Lessor], offer_lease(CAR, Outsider), Error::LienPresent),
		refused(&[Lessee], offer_lease(CAR, Outsider), Error::NotOwner),
		signed_only(offer_lease(SPARE, Lessee)),
		// Lease 0 is accepted: no one withdraws or accepts it.
		refused(&NOT_LESSOR, Call::withdraw_offer { lease: LEASE }, Error::NotLessor),
		refused(&[Lessor], Call::withdraw_offer { lease: LEASE }, Error::NotOffered),
		signed_only(Call::withdraw_offer { lease: LEASE }),
		refused(&NOT_LESSEE, Call::accept_lease { lease: LEASE }, Error::NotLessee),
		refused(&[Lessee], Call::accept_lease { lease: LEASE }, Error::NotOffered),
		signed_only(Call::accept_lease { lease: LEASE }),
		// The lessee's money: the lessee only (the lessor, who owns the car, included).
		refused(&NOT_LESSEE, pay.clone(), Error::NotLessee),
		signed_only(pay),
		refused(&NOT_LESSEE, withdraw.clone(), Error::NotLessee),
		refused(&[Lessee], withdraw.clone(), Error::InsufficientPrepayment),
		signed_only(withdraw),
		// Anyone settles, once a period is due.
		refused(&[Outsider, Lessee, Lessor, LeaseDevice], settle.clone(), Error::NothingDue),
		signed_only(settle),
		// The holder's remedies, only after a due date's grace and notice, or in default.
		refused(&NOT_HOLDER, default.clone(), Error::NotHolder),
		refused(&[Lessor], default.clone(), Error::DefaultNotAllowed),
		signed_only(default),
		refused(&NOT_HOLDER, write_off.clone(), Error::NotHolder),
		refused(&[Lessor], write_off.clone(), Error::NotDefaulted),
		signed_only(write_off),
		// The buy-out is the lessee's: not the owner's, not the holder's.
		refused(&[Lessor, Lender, Outsider, LeaseDevice], buy_out.clone(), Error::NotLessee),
		signed_only(buy_out),
		// The position: the holder's, to another approved lender.
		refused(&NOT_HOLDER, transfer.clone(), Error::NotHolder),
		refused(
			&[Lessor],
			Call::transfer_position { lease: LEASE, to: Outsider.id() },
			Error::NotLender,
		),
		refused(
			&[Lessor],
			Call::transfer_position { lease: LEASE, to: Lessee.id() },
			Error::NotLender,
		),
		refused(
			&[Lessor],
			Call::transfer_position { lease: LEASE, to: Lessor.id() },
			Error::AlreadyHolder,
		),
		signed_only(transfer),
		governance_only(
			&[Lessor, Lessee, Lender, Outsider],
			Call::force_terminate { lease: LEASE },
		),
	]
	.concat()
}

/// OFFER: lease 1 is an open offer of vehicle 6 to Dave.
fn offer_rows() -> Vec<Row> {
	let withdraw = Call::withdraw_offer { lease: OFFER };
	let accept = Call::accept_lease { lease: OFFER };
	[
		refused(&[Lessor], offer_lease(SPARE, Outsider), Error::VehicleAlreadyLeased),
		refused(&NOT_LESSOR, withdraw.clone(), Error::NotLessor),
		signed_only(withdraw),
		refused(&[Lessor, Lender, Outsider, LeaseDevice, Owner], accept.clone(), Error::NotLessee),
		signed_only(accept),
		// Nothing of a lease applies to an offer.
		refused(&[Lessee], Call::pay { lease: OFFER, amount: UNIT }, Error::NotRunning),
		refused(&[Lessor], Call::pay { lease: OFFER, amount: UNIT }, Error::NotLessee),
		refused(
			&[Lessee],
			Call::withdraw_prepayment { lease: OFFER, amount: UNIT },
			Error::NotRunning,
		),
		refused(&[Outsider, Lessor], Call::settle { lease: OFFER }, Error::NotRunning),
		refused(&[Lessor], Call::mark_default { lease: OFFER }, Error::NotRunning),
		refused(&[Lessee, Outsider], Call::mark_default { lease: OFFER }, Error::NotHolder),
		refused(&[Lessor], Call::write_off { lease: OFFER }, Error::NotDefaulted),
		refused(&[Lessee], Call::write_off { lease: OFFER }, Error::NotHolder),
		refused(&[Lessee], Call::buy_out { lease: OFFER, max_price: u128::MAX }, Error::NotRunning),
		refused(&[Lessor], Call::buy_out { lease: OFFER, max_price: u128::MAX }, Error::NotLessee),
		refused(
			&[Lessor],
			Call::transfer_position { lease: OFFER, to: Lender.id() },
			Error::NotRunning,
		),
		refused(
			&[Lessee],
			Call::transfer_position { lease: OFFER, to: Lender.id() },
			Error::NotHolder,
		),
		governance_only(&[Lessor, Lessee, Outsider], Call::force_terminate { lease: OFFER }),
	]
	.concat()
}

/// TRANSFERRED: `Lender` holds lease 0's position; Ferdie is still its lessor and the owner.
fn transferred_rows() -> Vec<Row> {
	let transfer = Call::transfer_position { lease: LEASE, to: OtherLender.id() };
	[
		refused(
			&[Lessor, Lessee, OtherLender, Outsider],
			Call::mark_default { lease: LEASE },
			Error::NotHolder,
		),
		refused(&[Lender], Call::mark_default { lease: LEASE }, Error::DefaultNotAllowed),
		refused(&[Lessor, Lessee, OtherLender], Call::write_off { lease: LEASE }, Error::NotHolder),
		refused(&[Lender], Call::write_off { lease: LEASE }, Error::NotDefaulted),
		refused(&[Lessor, Lessee, OtherLender], transfer, Error::NotHolder),
		refused(
			&[Lender],
			Call::transfer_position { lease: LEASE, to: Lender.id() },
			Error::AlreadyHolder,
		),
		// The holder is not the lessor, and neither is the lessee.
		refused(&[Lender], Call::withdraw_offer { lease: LEASE }, Error::NotLessor),
		refused(&[Lessor], Call::withdraw_offer { lease: LEASE }, Error::NotOffered),
		refused(
			&[Lender, Lessor],
			Call::buy_out { lease: LEASE, max_price: u128::MAX },
			Error::NotLessee,
		),
		refused(&[Lender], Call::pay { lease: LEASE, amount: UNIT }, Error::NotLessee),
		// The owner still cannot lease the car out again: the new holder's lien is on it.
		refused(&[Lessor], offer_lease(CAR, Outsider), Error::LienPresent),
	]
	.concat()
}

/// REQUESTED: Ferdie's default request of lease 0 waits for the end of the block.
fn requested_rows() -> Vec<Row> {
	[
		refused(&[Lessor], Call::mark_default { lease: LEASE }, Error::DefaultAlreadyRequested),
		refused(&[Lessee, Lender, Outsider], Call::mark_default { lease: LEASE }, Error::NotHolder),
		// Not yet decided: nothing to write off.
		refused(&[Lessor], Call::write_off { lease: LEASE }, Error::NotDefaulted),
	]
	.concat()
}

/// DEFAULTED: lease 0 is in default (the first instalment unpaid); one block later.
fn defaulted_rows() -> Vec<Row> {
	let write_off = Call::write_off { lease: LEASE };
	[
		refused(&[Lessor], Call::mark_default { lease: LEASE }, Error::AlreadyDefaulted),
		refused(&NOT_HOLDER, Call::mark_default { lease: LEASE }, Error::NotHolder),
		refused(&NOT_HOLDER, write_off.clone(), Error::NotHolder),
		signed_only(write_off),
		refused(&NOT_LESSEE, Call::pay { lease: LEASE, amount: BASE_FEE }, Error::NotLessee),
		signed_only(Call::pay { lease: LEASE, amount: BASE_FEE }),
		refused(
			&[Lessor, Outsider],
			Call::buy_out { lease: LEASE, max_price: u128::MAX },
			Error::NotLessee,
		),
		refused(&[Lessor], Call::withdraw_offer { lease: LEASE }, Error::NotOffered),
		refused(&[Lessee], Call::accept_lease { lease: LEASE }, Error::NotOffered),
		// The first instalment was settled by the request; the second is not due.
		refused(&[Outsider], Call::settle { lease: LEASE }, Error::NothingDue),
		refused(&[Lessor], offer_lease(CAR, Outsider), Error::LienPresent),
		refused(
			&[Lessor],
			Call::transfer_position { lease: LEASE, to: Outsider.id() },
			Error::NotLender,
		),
		governance_only(&[Lessor, Lessee, Lender], Call::force_terminate { lease: LEASE }),
	]
	.concat()
}

/// STOLEN: Ferdie offered vehicle 6 to Dave (lease 1), then reported vehicles 6 and 5 stolen:
/// the offer was voided; lease 0 goes on, its lessee's operator right ended with the theft.
fn stolen_rows() -> Vec<Row> {
	[
		refused(&[Lessee], Call::accept_lease { lease: OFFER }, Error::UnknownLease),
		refused(&[Lessor], offer_lease(SPARE, Lessee), Error::VehicleNotActive),
		refused(&[Lessor], offer_lease(CAR, Outsider), Error::VehicleNotActive),
		// The identity pallet sells no stolen car and places no lien on one: the buy-out and
		// the transfer of the position wait for the recovery.
		refused(
			&[Lessee],
			Call::buy_out { lease: LEASE, max_price: u128::MAX },
			Error::VehicleNotActive,
		),
		refused(
			&[Lessor],
			Call::transfer_position { lease: LEASE, to: Lender.id() },
			Error::VehicleNotActive,
		),
		// Others still get their own refusal first.
		refused(&[Lessor], Call::buy_out { lease: LEASE, max_price: u128::MAX }, Error::NotLessee),
		refused(
			&[Lessee],
			Call::transfer_position { lease: LEASE, to: Lender.id() },
			Error::NotHolder,
		),
		refused(&[Lessor], Call::mark_default { lease: LEASE }, Error::DefaultNotAllowed),
		refused(&[Lessee, LeaseDevice], Call::mark_default { lease: LEASE }, Error::NotHolder),
		refused(
			&[Outsider, LeaseDevice],
			Call::pay { lease: LEASE, amount: UNIT },
			Error::NotLessee,
		),
	]
	.concat()
}

/// SCRAPPED: governance scrapped vehicle 5: its lien ended and lease 0 was terminated.
fn scrapped_rows() -> Vec<Row> {
	let gone = || Error::UnknownLease;
	[
		refused(&[Lessee], Call::pay { lease: LEASE, amount: UNIT }, gone()),
		refused(&[Lessee], Call::withdraw_prepayment { lease: LEASE, amount: UNIT }, gone()),
		refused(&[Outsider], Call::settle { lease: LEASE }, gone()),
		refused(&[Lessor], Call::mark_default { lease: LEASE }, gone()),
		refused(&[Lessor], Call::write_off { lease: LEASE }, gone()),
		refused(&[Lessee], Call::buy_out { lease: LEASE, max_price: u128::MAX }, gone()),
		refused(&[Lessor], Call::transfer_position { lease: LEASE, to: Lender.id() }, gone()),
		refused(&[Lessor], Call::withdraw_offer { lease: LEASE }, gone()),
		refused(&[Lessee], Call::accept_lease { lease: LEASE }, gone()),
		refused(&[Root], Call::force_terminate { lease: LEASE }, gone()),
		refused(&[Lessor], offer_lease(CAR, Outsider), Error::VehicleNotActive),
	]
	.concat()
}

/// ENDED: lease 0 completed at its end block.
fn ended_rows() -> Vec<Row> {
	let gone = || Error::UnknownLease;
	[
		refused(&[Lessee], Call::pay { lease: LEASE, amount: UNIT }, gone()),
		refused(&[Lessee], Call::withdraw_prepayment { lease: LEASE, amount: UNIT }, gone()),
		refused(&[Outsider], Call::settle { lease: LEASE }, gone()),
		refused(&[Lessor], Call::mark_default { lease: LEASE }, gone()),
		refused(&[Lessor], Call::write_off { lease: LEASE }, gone()),
		refused(&[Lessee], Call::buy_out { lease: LEASE, max_price: u128::MAX }, gone()),
		refused(&[Lessor], Call::transfer_position { lease: LEASE, to: Lender.id() }, gone()),
		refused(&[Root], Call::force_terminate { lease: LEASE }, gone()),
		// The car went back to its owner: the former lessee cannot lease it out.
		refused(&[Lessee], offer_lease(CAR, Outsider), Error::NotOwner),
	]
	.concat()
}

/// UNPAID_END: the end block passed with every instalment unpaid.
fn unpaid_end_rows() -> Vec<Row> {
	[
		refused(&[Outsider, Lessee], Call::settle { lease: LEASE }, Error::NothingDue),
		refused(&[Lessor], offer_lease(CAR, Outsider), Error::LienPresent),
		refused(
			&[Lessee],
			Call::withdraw_prepayment { lease: LEASE, amount: UNIT },
			Error::InsufficientPrepayment,
		),
		refused(
			&[Lessor, Outsider],
			Call::buy_out { lease: LEASE, max_price: u128::MAX },
			Error::NotLessee,
		),
		refused(&[Lessor, Outsider], Call::pay { lease: LEASE, amount: UNIT }, Error::NotLessee),
	]
	.concat()
}

pub(super) fn scenarios() -> Vec<(&'static str, Vec<Row>)> {
	vec![
		("UL_BASE", ul_base_rows()),
		("OFFER", offer_rows()),
		("TRANSFERRED", transferred_rows()),
		("REQUESTED", requested_rows()),
		("DEFAULTED", defaulted_rows()),
		("STOLEN", stolen_rows()),
		("SCRAPPED", scrapped_rows()),
		("ENDED", ended_rows()),
		("UNPAID_END", unpaid_end_rows()),
	]
}

#[test]
fn every_usage_leasing_call_has_rows_in_the_matrix() {
	let scenarios = scenarios();
	assert_every_call_has_rows("UsageLeasing", Call::get_call_names(), &scenarios);
	let rows: usize = scenarios.iter().map(|(_, rows)| rows.len()).sum();
	println!("usage leasing: {rows} rows");
}

#[test]
fn a_running_lease_is_each_partys_to_act_on_in_its_own_part() {
	on_ul_base(|| {
		run("UL_BASE", ul_base_rows());
		succeeds(Lessee, Call::pay { lease: LEASE, amount: 2 * UNIT });
		succeeds(Lessee, Call::withdraw_prepayment { lease: LEASE, amount: UNIT });
		succeeds(Lessor, offer_lease(SPARE, Lessee));
		succeeds(Lessor, Call::transfer_position { lease: LEASE, to: Lender.id() });
		succeeds(CouncilTwoThirds, Call::force_terminate { lease: LEASE });
		assert_eq!(lien(), None);
	});
	// The lessee buys the car out: it owns it, free of the lien.
	on_ul_base(|| {
		succeeds(Lessee, Call::buy_out { lease: LEASE, max_price: u128::MAX });
		assert_eq!(VehicleIdentity::owner(CAR), Some(Lessee.id()));
		assert_eq!(lien(), None);
	});
	// Root is the governance origin too.
	on_ul_base(|| succeeds(Root, Call::force_terminate { lease: LEASE }));
}

#[test]
fn an_offer_is_the_lessees_to_accept_until_its_last_block_and_the_lessors_to_withdraw() {
	on_ul_base(|| {
		offer();
		run("OFFER", offer_rows());
		succeeds(Lessee, Call::accept_lease { lease: OFFER });
		let holder = <VehicleIdentity as VehicleControl<_, _, _>>::lien_holder(SPARE);
		assert_eq!(holder, Some(Lessor.id()));
	});
	on_ul_base(|| {
		offer();
		succeeds(Lessor, Call::withdraw_offer { lease: OFFER });
	});
	on_ul_base(|| {
		offer();
		succeeds(CouncilTwoThirds, Call::force_terminate { lease: OFFER });
		assert!(Leases::<Runtime>::get(OFFER).is_none());
	});
	// At the expiry block the offer is accepted; one block later it is refused.
	on_ul_base(|| {
		offer();
		run_to_block(OFFER_EXPIRES);
		succeeds(Lessee, Call::accept_lease { lease: OFFER });
	});
	on_ul_base(|| {
		offer();
		run_to_block(OFFER_EXPIRES + 1);
		let accept = || Call::accept_lease { lease: OFFER }.into();
		assert_rejected(Lessee.signed(), accept(), Error::OfferExpired);
		assert_rejected(Outsider.signed(), accept(), Error::NotLessee);
		succeeds(Lessor, Call::withdraw_offer { lease: OFFER });
	});
}

#[test]
fn a_transferred_position_is_the_financiers_and_it_is_paid_the_next_instalment() {
	on_ul_base(|| {
		transferred();
		run("TRANSFERRED", transferred_rows());
		run_to_block(PERIOD);
		let before = Balances::balance(&Lender.id());
		succeeds(Lessee, Call::pay { lease: LEASE, amount: BASE_FEE });
		assert_eq!(Balances::balance(&Lender.id()), before + BASE_FEE);
		succeeds(Lender, Call::transfer_position { lease: LEASE, to: OtherLender.id() });
		assert_eq!(lien(), Some(OtherLender.id()));
	});
}

#[test]
fn a_default_is_the_holders_to_request_after_grace_and_notice_and_a_payment_averts_it() {
	// One block before due date + grace + notice: refused.
	on_ul_base(|| {
		run_to_block(DEFAULT_FROM - 1);
		let request = Call::mark_default { lease: LEASE }.into();
		assert_rejected(Lessor.signed(), request, Error::DefaultNotAllowed);
	});
	on_ul_base(|| {
		requested();
		run("REQUESTED", requested_rows());
		// The lessee pays in the same block: the check at its end averts the default.
		succeeds(Lessee, Call::pay { lease: LEASE, amount: BASE_FEE });
		UsageLeasing::on_finalize(DEFAULT_FROM);
		assert_eq!(Leases::<Runtime>::get(LEASE).unwrap().state, LeaseState::Running);
	});
}

#[test]
fn a_defaulted_lease_is_the_holders_to_write_off_and_the_lessees_to_cure() {
	on_ul_base(|| {
		defaulted();
		run("DEFAULTED", defaulted_rows());
		succeeds(Lessor, Call::write_off { lease: LEASE });
		assert_eq!(lien(), None);
		assert_eq!(VehicleIdentity::operating_right(CAR, &Lessee.id()), None);
	});
	on_ul_base(|| {
		defaulted();
		succeeds(Lessee, Call::pay { lease: LEASE, amount: BASE_FEE });
		assert_eq!(Leases::<Runtime>::get(LEASE).unwrap().state, LeaseState::Running);
	});
	// A defaulted position may be sold to a financier, and the lessee may still buy out.
	on_ul_base(|| {
		defaulted();
		succeeds(Lessor, Call::transfer_position { lease: LEASE, to: Lender.id() });
		succeeds(Lessee, Call::buy_out { lease: LEASE, max_price: u128::MAX });
		assert_eq!(VehicleIdentity::owner(CAR), Some(Lessee.id()));
	});
}

#[test]
fn a_stolen_car_keeps_its_lease_and_the_recovery_gives_the_lessee_its_right_back() {
	on_ul_base(|| {
		offer();
		assert_ok!(VehicleIdentity::report_stolen(Lessor.signed(), SPARE));
		assert_ok!(VehicleIdentity::report_stolen(Lessor.signed(), CAR));
		run("STOLEN", stolen_rows());
		succeeds(Lessee, Call::pay { lease: LEASE, amount: UNIT });
		assert_ok!(VehicleIdentity::report_recovered(Lessor.signed(), CAR));
		assert_eq!(
			VehicleIdentity::operating_right(CAR, &Lessee.id()),
			Some(OperatingRight::OperatorUntil(END))
		);
		succeeds(Lessor, Call::transfer_position { lease: LEASE, to: Lender.id() });
		succeeds(Lessee, Call::buy_out { lease: LEASE, max_price: u128::MAX });
	});
}

#[test]
fn governance_scrapping_ends_the_lease_for_everyone() {
	on_ul_base(|| {
		assert_ok!(VehicleIdentity::scrap_vehicle(RuntimeOrigin::root(), CAR));
		run("SCRAPPED", scrapped_rows());
		succeeds(Lessor, offer_lease(SPARE, Lessee));
	});
}

#[test]
fn after_the_end_block_a_paid_lease_is_gone_and_an_unpaid_one_keeps_its_lien() {
	on_ul_base(|| {
		ended();
		run("ENDED", ended_rows());
		// Ferdie may lease the car out again (an offer open from now).
		let again = Call::offer_lease {
			vehicle: CAR,
			lessee: Outsider.id(),
			terms: terms(),
			expires_at: END + 100,
		};
		succeeds(Lessor, again);
	});
	on_ul_base(|| {
		unpaid_end();
		run("UNPAID_END", unpaid_end_rows());
		succeeds(Lessor, Call::mark_default { lease: LEASE });
		succeeds(Lessee, Call::pay { lease: LEASE, amount: BASE_FEE * u128::from(PERIODS) });
		UsageLeasing::on_finalize(END + 1);
		assert!(Leases::<Runtime>::get(LEASE).is_none());
		assert_eq!(lien(), None);
	});
}
