//! Usage leasing: offers of unknown, foreign, stolen, liened or already offered vehicles, by an
//! owner who is no lender or to oneself, on terms without periods, with too many, too short a
//! period or notice, a grace as long as a period or a schedule beyond the block numbers, open
//! until the past or beyond `MaxOfferDuration`, or whose fees could add up beyond `u128`; acceptances of an expired offer, of a running
//! lease, of another's offer, of a vehicle without an odometer reading; payments and
//! withdrawals of 0, beyond the balance or the prepayment; settlements with nothing due;
//! defaults before due date + grace + notice, twice in a block or of a lease in default;
//! write-offs of a current lease; buy-outs below the payoff;
//! positions transferred to oneself or to no lender; and ids that do not exist. Each by the
//! role that may make the call.

use super::{check_rows, row, UNKNOWN};
use crate::{
	tests::{account, dev_chain, run_to_block, signed},
	AccountId, Balances, Runtime, RuntimeOrigin, ServiceBook, UsageLeasing, VehicleIdentity, DAYS,
	UNIT,
};
use pallet_usage_leasing::{Call, Error, LeaseTerms, LeaseTermsOf, Leases};
use polkadot_sdk::{
	frame_support::{assert_ok, traits::Hooks},
	sp_keyring::Sr25519Keyring::{Alice, Dave, Eve, Ferdie},
	sp_runtime::{DispatchError, TokenError},
};
use v2x_primitives::{VehicleId, VehicleRegistry, Vin};

type E = Error<Runtime>;

/// The dev preset's leased car (vehicle 5) and its lease (0, Ferdie to Dave).
const CAR: VehicleId = 5;
const LEASE: u64 = 0;
/// Ferdie's cars of the setup: 6 offered to Eve (lease 1, odometer read), 7 stolen, 8 offered
/// to Eve without an odometer reading (lease 2), 9 leased to Eve (lease 3), 10 offered to Eve
/// until block 5 (lease 4, expired), 11 free.
const OFFERED: VehicleId = 6;
const STOLEN: VehicleId = 7;
const UNREAD: VehicleId = 8;
const EVES_CAR: VehicleId = 9;
const EXPIRED: VehicleId = 10;
const FREE: VehicleId = 11;
const OFFER: u64 = 1;
const UNREAD_OFFER: u64 = 2;
const EVES_LEASE: u64 = 3;
const EXPIRED_OFFER: u64 = 4;
/// The setup's block (the expired offer's last), and the block the rows run at.
const SETUP: u32 = 5;
const NOW: u32 = 10;
/// What Dave prepaid on lease 0 in the setup.
const PREPAID: u128 = 5 * UNIT;
/// Lease 0's first default block: due date (30 days) + grace (5) + notice (10) + 1.
const DEFAULT_FROM: u32 = 45 * DAYS + 1;
/// The runtime's limits (`configs/usage_leasing.rs`).
const MAX_PERIODS: u32 = 120;
const MIN_PERIOD_LENGTH: u32 = 10;
const MIN_NOTICE: u32 = 10;
const MAX_OFFER_DURATION: u32 = 7 * DAYS;

/// Valid short terms: 1 V2X a period of 100 blocks, 3 periods.
fn terms() -> LeaseTermsOf<Runtime> {
	LeaseTerms {
		base_fee: UNIT,
		price_per_km: UNIT / 10,
		included_km: 100,
		period_length: 100,
		periods: 3,
		grace: 10,
		notice: MIN_NOTICE,
		purchase_price: 50 * UNIT,
	}
}

/// `terms()` with `change` applied.
fn terms_with(change: impl FnOnce(&mut LeaseTermsOf<Runtime>)) -> LeaseTermsOf<Runtime> {
	let mut terms = terms();
	change(&mut terms);
	terms
}

fn offer(
	vehicle: VehicleId,
	lessee: AccountId,
	terms: LeaseTermsOf<Runtime>,
	until: u32,
) -> Call<Runtime> {
	Call::offer_lease { vehicle, lessee, terms, expires_at: until }
}

/// The device of `vehicle` in the setup.
fn device(vehicle: VehicleId) -> AccountId {
	AccountId::new([0xd0 + vehicle as u8; 32])
}

/// Ferdie registers the car with serial `vehicle` to himself.
fn register(vehicle: VehicleId) {
	let bytes: [u8; 17] = format!("5YJ3E1EA0RF1{vehicle:05}").into_bytes().try_into().unwrap();
	let mut vin = Vin(bytes);
	vin.0[8] = vin.expected_check_digit().unwrap();
	assert_ok!(VehicleIdentity::register_vehicle(
		signed(Ferdie),
		vin,
		account(Ferdie),
		2025,
		pallet_vehicle_identity::Powertrain::Bev,
		Some(75_000),
		[0; 32],
		Default::default(),
	));
	assert_eq!(VehicleIdentity::owner(vehicle), Some(account(Ferdie)));
}

/// A device of `vehicle` reports `km`.
fn read(vehicle: VehicleId, km: u32) {
	let device = device(vehicle);
	assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), device.clone().into(), UNIT));
	assert_ok!(VehicleIdentity::bind_device(signed(Ferdie), vehicle, device.clone()));
	assert_ok!(VehicleIdentity::accept_device_binding(
		RuntimeOrigin::signed(device.clone()),
		vehicle
	));
	assert_ok!(ServiceBook::report_odometer(RuntimeOrigin::signed(device), vehicle, km));
}

/// Block 5: Ferdie's cars 6 to 11 and their offers and lease (see the constants); Dave prepaid
/// 5 V2X on lease 0. Then block 10.
fn setup() {
	run_to_block(SETUP);
	for vehicle in OFFERED..=FREE {
		register(vehicle);
	}
	read(OFFERED, 500);
	read(EVES_CAR, 500);
	let eve = || account(Eve);
	assert_ok!(UsageLeasing::offer_lease(signed(Ferdie), OFFERED, eve(), terms(), NOW + 100));
	assert_ok!(UsageLeasing::offer_lease(signed(Ferdie), UNREAD, eve(), terms(), NOW + 100));
	assert_ok!(UsageLeasing::offer_lease(signed(Ferdie), EVES_CAR, eve(), terms(), SETUP));
	assert_ok!(UsageLeasing::accept_lease(signed(Eve), EVES_LEASE));
	assert_ok!(UsageLeasing::offer_lease(signed(Ferdie), EXPIRED, eve(), terms(), SETUP));
	assert_ok!(VehicleIdentity::report_stolen(signed(Ferdie), STOLEN));
	assert_ok!(UsageLeasing::pay(signed(Dave), LEASE, PREPAID));
	assert_eq!(Leases::<Runtime>::get(LEASE).unwrap().prepaid, PREPAID);
	run_to_block(NOW);
}

#[test]
fn usage_leasing_refuses_bad_input_with_typed_errors() {
	dev_chain(|| {
		setup();
		let (ferdie, dave, eve) = (|| signed(Ferdie), || signed(Dave), || signed(Eve));
		let gov = RuntimeOrigin::root;
		let unknown = u64::from(UNKNOWN);
		let payoff = UsageLeasing::lease_view(CAR).unwrap().payoff;
		check_rows(vec![
			// Offers (the vehicle's owner, an approved lender).
			row(
				"an offer of an unknown vehicle",
				ferdie(),
				offer(unknown, account(Eve), terms(), NOW + 100),
				E::UnknownVehicle,
			),
			row(
				"an offer of another owner's vehicle",
				ferdie(),
				offer(0, account(Eve), terms(), NOW + 100),
				E::NotOwner,
			),
			row(
				"an offer of a stolen vehicle",
				ferdie(),
				offer(STOLEN, account(Eve), terms(), NOW + 100),
				E::VehicleNotActive,
			),
			row(
				"an offer by an owner who is no lender",
				signed(Alice),
				offer(0, account(Eve), terms(), NOW + 100),
				E::NotLender,
			),
			row(
				"an offer of the leased car (its lien stands)",
				ferdie(),
				offer(CAR, account(Eve), terms(), NOW + 100),
				E::LienPresent,
			),
			row(
				"a second offer of an offered car",
				ferdie(),
				offer(OFFERED, account(Alice), terms(), NOW + 100),
				E::VehicleAlreadyLeased,
			),
			row(
				"a second offer of a car with an expired offer",
				ferdie(),
				offer(EXPIRED, account(Alice), terms(), NOW + 100),
				E::VehicleAlreadyLeased,
			),
			row(
				"an offer to oneself",
				ferdie(),
				offer(FREE, account(Ferdie), terms(), NOW + 100),
				E::SelfDealing,
			),
			row(
				"no periods",
				ferdie(),
				offer(FREE, account(Eve), terms_with(|t| t.periods = 0), NOW + 100),
				E::InvalidTerms,
			),
			row(
				"MaxPeriods + 1 periods",
				ferdie(),
				offer(FREE, account(Eve), terms_with(|t| t.periods = MAX_PERIODS + 1), NOW + 100),
				E::InvalidTerms,
			),
			row(
				"a period one block shorter than MinPeriodLength",
				ferdie(),
				offer(
					FREE,
					account(Eve),
					terms_with(|t| {
						t.period_length = MIN_PERIOD_LENGTH - 1;
						t.grace = 0;
					}),
					NOW + 100,
				),
				E::InvalidTerms,
			),
			row(
				"a notice one block shorter than MinNoticePeriod",
				ferdie(),
				offer(FREE, account(Eve), terms_with(|t| t.notice = MIN_NOTICE - 1), NOW + 100),
				E::InvalidTerms,
			),
			row(
				"a grace as long as a period",
				ferdie(),
				offer(FREE, account(Eve), terms_with(|t| t.grace = t.period_length), NOW + 100),
				E::InvalidTerms,
			),
			row(
				"a schedule beyond u32 block numbers",
				ferdie(),
				offer(
					FREE,
					account(Eve),
					terms_with(|t| t.period_length = u32::MAX / 2),
					NOW + 100,
				),
				E::InvalidTerms,
			),
			row(
				"base fees beyond u128 over the periods",
				ferdie(),
				offer(FREE, account(Eve), terms_with(|t| t.base_fee = u128::MAX / 2), NOW + 100),
				E::InvalidTerms,
			),
			row(
				"a per-km price whose km (up to u32::MAX) cost more than u128",
				ferdie(),
				offer(
					FREE,
					account(Eve),
					terms_with(|t| t.price_per_km = u128::MAX / u128::from(u32::MAX) + 1),
					NOW + 100,
				),
				E::InvalidTerms,
			),
			row(
				"a purchase price of u128::MAX on top of the fees",
				ferdie(),
				offer(FREE, account(Eve), terms_with(|t| t.purchase_price = u128::MAX), NOW + 100),
				E::InvalidTerms,
			),
			row(
				"an offer open until the past",
				ferdie(),
				offer(FREE, account(Eve), terms(), NOW - 1),
				E::InvalidExpiry,
			),
			row(
				"an offer open one block beyond MaxOfferDuration",
				ferdie(),
				offer(FREE, account(Eve), terms(), NOW + MAX_OFFER_DURATION + 1),
				E::InvalidExpiry,
			),
			// Withdrawals (the lessor).
			row(
				"withdraw an unknown offer",
				ferdie(),
				Call::withdraw_offer { lease: unknown },
				E::UnknownLease,
			),
			row(
				"withdraw a running lease",
				ferdie(),
				Call::withdraw_offer { lease: LEASE },
				E::NotOffered,
			),
			row(
				"withdraw an offer one is the lessee of",
				eve(),
				Call::withdraw_offer { lease: OFFER },
				E::NotLessor,
			),
			// Acceptance (the lessee).
			row(
				"accept an unknown offer",
				eve(),
				Call::accept_lease { lease: unknown },
				E::UnknownLease,
			),
			row(
				"accept a lease already running",
				eve(),
				Call::accept_lease { lease: EVES_LEASE },
				E::NotOffered,
			),
			row(
				"accept another's offer",
				dave(),
				Call::accept_lease { lease: OFFER },
				E::NotLessee,
			),
			row(
				"accept an offer after its expiry",
				eve(),
				Call::accept_lease { lease: EXPIRED_OFFER },
				E::OfferExpired,
			),
			row(
				"accept an offer of a car without an odometer reading",
				eve(),
				Call::accept_lease { lease: UNREAD_OFFER },
				E::OdometerUnknown,
			),
			// Payments (the lessee).
			row(
				"pay an unknown lease",
				dave(),
				Call::pay { lease: unknown, amount: UNIT },
				E::UnknownLease,
			),
			row("pay 0", dave(), Call::pay { lease: LEASE, amount: 0 }, E::ZeroAmount),
			row(
				"pay another's lease",
				dave(),
				Call::pay { lease: EVES_LEASE, amount: UNIT },
				E::NotLessee,
			),
			row("pay an offer", eve(), Call::pay { lease: OFFER, amount: UNIT }, E::NotRunning),
			row(
				"prepay u128::MAX (the balances error passes through)",
				dave(),
				Call::pay { lease: LEASE, amount: u128::MAX },
				DispatchError::Token(TokenError::FundsUnavailable),
			),
			row(
				"withdraw 0 of the prepayment",
				dave(),
				Call::withdraw_prepayment { lease: LEASE, amount: 0 },
				E::ZeroAmount,
			),
			row(
				"withdraw one unit more than the prepayment",
				dave(),
				Call::withdraw_prepayment { lease: LEASE, amount: PREPAID + 1 },
				E::InsufficientPrepayment,
			),
			row(
				"withdraw u128::MAX of the prepayment",
				dave(),
				Call::withdraw_prepayment { lease: LEASE, amount: u128::MAX },
				E::InsufficientPrepayment,
			),
			row(
				"withdraw from an unknown lease",
				dave(),
				Call::withdraw_prepayment { lease: unknown, amount: UNIT },
				E::UnknownLease,
			),
			row(
				"withdraw from an offer",
				eve(),
				Call::withdraw_prepayment { lease: OFFER, amount: UNIT },
				E::NotRunning,
			),
			// Settlement (anyone).
			row(
				"settle an unknown lease",
				dave(),
				Call::settle { lease: unknown },
				E::UnknownLease,
			),
			row("settle an offer", dave(), Call::settle { lease: OFFER }, E::NotRunning),
			row(
				"settle before the first due date",
				dave(),
				Call::settle { lease: LEASE },
				E::NothingDue,
			),
			// Defaults and write-offs (the holder).
			row(
				"default an unknown lease",
				ferdie(),
				Call::mark_default { lease: unknown },
				E::UnknownLease,
			),
			row(
				"default a current lease",
				ferdie(),
				Call::mark_default { lease: LEASE },
				E::DefaultNotAllowed,
			),
			row("default an offer", ferdie(), Call::mark_default { lease: OFFER }, E::NotRunning),
			row(
				"default one's own lease as its lessee",
				eve(),
				Call::mark_default { lease: EVES_LEASE },
				E::NotHolder,
			),
			row(
				"write off an unknown lease",
				ferdie(),
				Call::write_off { lease: unknown },
				E::UnknownLease,
			),
			row(
				"write off a current lease",
				ferdie(),
				Call::write_off { lease: LEASE },
				E::NotDefaulted,
			),
			row(
				"write off one's own lease as its lessee",
				dave(),
				Call::write_off { lease: LEASE },
				E::NotHolder,
			),
			// Buy-outs (the lessee).
			row(
				"buy out an unknown lease",
				dave(),
				Call::buy_out { lease: unknown, max_price: u128::MAX },
				E::UnknownLease,
			),
			row(
				"buy out one unit below the quoted payoff",
				dave(),
				Call::buy_out { lease: LEASE, max_price: payoff - 1 },
				E::PayoffAboveMaximum,
			),
			row(
				"buy out for at most 0",
				dave(),
				Call::buy_out { lease: LEASE, max_price: 0 },
				E::PayoffAboveMaximum,
			),
			row(
				"buy out an offer",
				eve(),
				Call::buy_out { lease: OFFER, max_price: u128::MAX },
				E::NotRunning,
			),
			// Positions (the holder).
			row(
				"transfer an unknown lease",
				ferdie(),
				Call::transfer_position { lease: unknown, to: account(Alice) },
				E::UnknownLease,
			),
			row(
				"transfer to oneself",
				ferdie(),
				Call::transfer_position { lease: LEASE, to: account(Ferdie) },
				E::AlreadyHolder,
			),
			row(
				"transfer to an account that is no lender",
				ferdie(),
				Call::transfer_position { lease: LEASE, to: account(Alice) },
				E::NotLender,
			),
			row(
				"transfer an offer",
				ferdie(),
				Call::transfer_position { lease: OFFER, to: account(Alice) },
				E::NotRunning,
			),
			row(
				"transfer as the lessee",
				dave(),
				Call::transfer_position { lease: LEASE, to: account(Ferdie) },
				E::NotHolder,
			),
			// Governance.
			row(
				"terminate an unknown lease",
				gov(),
				Call::force_terminate { lease: unknown },
				E::UnknownLease,
			),
			row(
				"terminate lease u64::MAX",
				gov(),
				Call::force_terminate { lease: u64::MAX },
				E::UnknownLease,
			),
		]);
	});
}

#[test]
fn usage_leasing_refuses_defaults_early_twice_or_again() {
	dev_chain(|| {
		let (ferdie, dave) = (|| signed(Ferdie), || signed(Dave));
		run_to_block(DEFAULT_FROM - 1);
		check_rows(vec![row(
			"default one block before due date + grace + notice",
			ferdie(),
			Call::mark_default { lease: LEASE },
			E::DefaultNotAllowed,
		)]);
		run_to_block(DEFAULT_FROM);
		assert_ok!(UsageLeasing::mark_default(ferdie(), LEASE));
		check_rows(vec![
			row(
				"default twice in a block",
				ferdie(),
				Call::mark_default { lease: LEASE },
				E::DefaultAlreadyRequested,
			),
			row(
				"write off before the default is decided",
				ferdie(),
				Call::write_off { lease: LEASE },
				E::NotDefaulted,
			),
		]);
		UsageLeasing::on_finalize(DEFAULT_FROM);
		run_to_block(DEFAULT_FROM + 1);
		check_rows(vec![
			row(
				"default a lease in default",
				ferdie(),
				Call::mark_default { lease: LEASE },
				E::AlreadyDefaulted,
			),
			row("pay 0 in default", dave(), Call::pay { lease: LEASE, amount: 0 }, E::ZeroAmount),
			row(
				"withdraw a prepayment there is none of",
				dave(),
				Call::withdraw_prepayment { lease: LEASE, amount: 1 },
				E::InsufficientPrepayment,
			),
			row(
				"settle before the second due date",
				dave(),
				Call::settle { lease: LEASE },
				E::NothingDue,
			),
		]);
	});
}
