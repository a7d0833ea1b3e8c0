//! Car sharing with the real identity pallet and service book: the dev preset's co-op car
//! driven with its unit's readings (a rolled-back check-out reading counts no km), and sold
//! by a co-op vote through the identity pallet's consent sale (the dissenter may exit).

use super::{account, dev_chain, run_to_block, signed};
use crate::{Balances, CarSharing, Runtime, ServiceBook, VehicleIdentity, DAYS, HOURS, UNIT};
use pallet_car_sharing::{
	BookingState, Bookings, Coops, Event, Fleet, ProposalKind, VehicleCoop, VehicleTripTotals,
};
use polkadot_sdk::{
	frame_support::{assert_ok, traits::fungible::Inspect},
	frame_system,
	sp_core::H256,
	sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve, Ferdie},
	sp_runtime::Percent,
};
use v2x_primitives::{OdometerLog, VehicleRegistry};

/// The dev preset's co-op and its car.
const COOP: u32 = 0;
const CAR: u64 = 2;

/// The last car-sharing event.
fn last_event() -> Option<Event<Runtime>> {
	frame_system::Pallet::<Runtime>::events().into_iter().rev().find_map(|record| {
		match record.event {
			crate::RuntimeEvent::CarSharing(event) => Some(event),
			_ => None,
		}
	})
}

/// Bob, the fleet manager, invites Ferdie's account as the car's unit, which accepts.
fn bind_unit() {
	assert_ok!(CarSharing::invite_device(signed(Bob), COOP, CAR, account(Ferdie)));
	assert_ok!(VehicleIdentity::accept_device_binding(signed(Ferdie), CAR));
}

#[test]
fn a_rolled_back_check_out_reading_is_flagged_and_counts_no_km() {
	dev_chain(|| {
		bind_unit();
		assert_ok!(CarSharing::book(signed(Alice), CAR, 2, 2 + HOURS - 1, 50));
		run_to_block(2);
		let evidence = H256::repeat_byte(7);
		let soc = Percent::from_percent(80);
		assert_ok!(CarSharing::check_in(signed(Ferdie), 0, 1_000, soc, evidence));
		assert!(VehicleIdentity::operating_right(CAR, &account(Alice)).is_some());
		run_to_block(20);
		assert_ok!(CarSharing::check_out(signed(Ferdie), 0, 900, soc, evidence));

		// The service book kept the rollback as evidence and the true distance as it was.
		assert_eq!(<ServiceBook as OdometerLog>::current_km(CAR), Some(1_000));
		let renter_rate = Coops::<Runtime>::get(COOP).unwrap().pricing.renter;
		assert_eq!(
			last_event(),
			Some(Event::TripEnded {
				booking: 0,
				hours: 1,
				km: 0,
				price: renter_rate.per_hour,
				from_deposit: 0
			})
		);
		assert_eq!(VehicleIdentity::operating_right(CAR, &account(Alice)), None);
		assert!(matches!(
			Bookings::<Runtime>::get(0).unwrap().state,
			BookingState::Returned { returned_at: 20, claim: None }
		));
		assert_eq!(VehicleTripTotals::<Runtime>::get(CAR).trips, 1);
	});
}

#[test]
fn a_co_op_vote_sells_the_car_through_the_consent_sale_and_the_dissenter_exits() {
	dev_chain(|| {
		let coop_account = CarSharing::coop_account(COOP);
		let price = 10_000 * UNIT;
		let kind = ProposalKind::SellVehicle { vehicle: CAR, buyer: account(Alice), price };
		assert_ok!(CarSharing::propose(signed(Bob), COOP, kind));
		// Bob (50) and Dave (20) are 70 % of the shares, above the two thirds; Charlie (30)
		// votes against.
		assert_ok!(CarSharing::vote(signed(Bob), COOP, 0, true));
		assert_ok!(CarSharing::vote(signed(Dave), COOP, 0, true));
		assert_ok!(CarSharing::vote(signed(Charlie), COOP, 0, false));
		run_to_block(2 + 3 * DAYS);
		assert_ok!(CarSharing::close_proposal(signed(Eve), COOP, 0));
		assert_eq!(
			last_event(),
			Some(Event::ProposalClosed {
				coop: COOP,
				proposal: 0,
				passed: true,
				executed: Some(Ok(()))
			})
		);

		// The buyer accepts in the identity pallet: the price goes to the co-op's account and
		// the car leaves the fleet.
		let reserve_before = Coops::<Runtime>::get(COOP).unwrap().finances.reserve;
		let account_before = Balances::balance(&coop_account);
		assert_ok!(VehicleIdentity::accept_offer(signed(Alice), CAR, price));
		assert_eq!(VehicleIdentity::owner(CAR), Some(account(Alice)));
		assert_eq!(Balances::balance(&coop_account), account_before + price);
		let finances = Coops::<Runtime>::get(COOP).unwrap().finances;
		assert_eq!(finances.reserve, reserve_before + price);
		assert_eq!(VehicleCoop::<Runtime>::get(CAR), None);
		assert!(!Fleet::<Runtime>::contains_key(COOP, CAR));

		// Charlie voted against: the co-op buys back his 30 shares at the fair price.
		let charlie_before = Balances::balance(&account(Charlie));
		assert_ok!(CarSharing::exit(signed(Charlie), COOP, 0));
		let Some(Event::MemberExited { shares, paid, .. }) = last_event() else {
			panic!("no MemberExited event");
		};
		assert_eq!(shares, 30);
		assert_eq!(Balances::balance(&account(Charlie)), charlie_before + paid);
		// The reserve per share, less the endowment the account keeps as working capital.
		let endowment = <Runtime as pallet_car_sharing::Config>::MinEndowment::get();
		assert_eq!(paid, 30 * ((reserve_before + price - endowment) / 100));
		assert_eq!(Coops::<Runtime>::get(COOP).unwrap().share_supply, 70);
	});
}
