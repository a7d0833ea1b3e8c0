//! Benchmarks of every call and hook, each in its worst case.

use super::*;
use alloc::{vec, vec::Vec};
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::traits::{
		fungible::{Inspect, Mutate},
		Get,
	},
	frame_system::{pallet_prelude::BlockNumberFor, RawOrigin},
	sp_core::H256,
	sp_runtime::{
		traits::{Saturating, Zero},
		Perbill, Percent,
	},
};
use v2x_primitives::{Km, OdometerLog, OdometerSource, VehicleControl, VehicleId, VehicleStatus};

fn assert_last_event<T: Config>(event: Event<T>) {
	let event: <T as Config>::RuntimeEvent = event.into();
	frame_system::Pallet::<T>::assert_last_event(event.into());
}

/// A unit of money in the benchmarks: 1 000 existential deposits.
fn unit<T: Config>() -> BalanceOf<T> {
	T::Currency::minimum_balance().saturating_mul(1_000u32.into())
}

/// The `index`th account called `name`, with enough funds for many deposits and prices.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	let amount = unit::<T>()
		.saturating_add(T::CoopDeposit::get())
		.saturating_add(T::MinEndowment::get())
		.saturating_mul(100u32.into());
	T::Currency::set_balance(&who, amount);
	who
}

/// Quorum 50 %, supermajority two thirds, reserve 20 %.
fn rules<T: Config>() -> CoopRules<BlockNumberFor<T>> {
	CoopRules {
		quorum: Perbill::from_percent(50),
		supermajority: Perbill::from_rational(2u32, 3u32),
		reserve: Perbill::from_percent(20),
		free_cancellation: 10u32.into(),
		late_cancellation_fee: Perbill::from_percent(10),
	}
}

fn pricing<T: Config>() -> Pricing<BalanceOf<T>> {
	let rate =
		Rate { per_hour: T::Currency::minimum_balance(), per_km: T::Currency::minimum_balance() };
	Pricing { member: rate, renter: rate, damage_deposit: unit::<T>() }
}

/// `MaxMembers` funded founders, 100 shares each.
fn founders<T: Config>() -> FoundersOf<T> {
	let list: Vec<(T::AccountId, Shares)> =
		(0..T::MaxMembers::get()).map(|i| (funded::<T>("member", i), 100)).collect();
	list.try_into().expect("sized to the bound")
}

fn setup<T: Config>(manager: &T::AccountId) -> CoopSetup<T> {
	CoopSetup {
		name: vec![b'c'; T::MaxNameLength::get() as usize].try_into().expect("sized to the bound"),
		rules: rules::<T>(),
		pricing: pricing::<T>(),
		founders: founders::<T>(),
		fleet_manager: manager.clone(),
		assessor: account("assessor", 0, 0),
	}
}

/// A co-op with `members` founders (100 shares each) and a funded fleet manager:
/// (co-op, manager).
fn coop_with<T: Config>(members: u32) -> (CoopId, T::AccountId) {
	let founder = funded::<T>("founder", 0);
	let manager = funded::<T>("manager", 0);
	let mut s = setup::<T>(&manager);
	s.founders.truncate(members as usize);
	let coop = Pallet::<T>::do_create_coop(founder, s).expect("a valid co-op");
	(coop, manager)
}

/// A co-op with `MaxMembers` members.
fn full_coop<T: Config>() -> (CoopId, T::AccountId) {
	coop_with::<T>(T::MaxMembers::get())
}

/// The `index`th founder of the benchmarks' co-ops.
fn member<T: Config>(index: u32) -> T::AccountId {
	account("member", index, 0)
}

/// A vehicle its owner gave to `coop`, now in its fleet.
fn fleet_vehicle<T: Config>(coop: CoopId, manager: &T::AccountId, index: u32) -> VehicleId {
	let owner = funded::<T>("owner", index);
	let device: T::AccountId = account("device", index, 0);
	let vehicle = T::BenchmarkHelper::create_vehicle(&owner, &device);
	let expires_at = Pallet::<T>::now().saturating_add(T::SaleOfferDuration::get());
	T::Vehicles::offer_sale(&owner, vehicle, &Pallet::<T>::coop_account(coop), None, expires_at)
		.expect("the owner offers its vehicle");
	Pallet::<T>::do_add_vehicle(manager.clone(), coop, vehicle).expect("the gift is accepted");
	vehicle
}

/// Pays `amount` into the co-op's account and credits it as income.
fn income<T: Config>(coop: CoopId, amount: BalanceOf<T>) {
	let account = Pallet::<T>::coop_account(coop);
	T::Currency::set_balance(&account, T::Currency::balance(&account).saturating_add(amount));
	Pallet::<T>::credit_income(coop, amount);
}

/// Pays `amount` into the co-op's account and credits it to the reserve.
fn reserve<T: Config>(coop: CoopId, amount: BalanceOf<T>) {
	let account = Pallet::<T>::coop_account(coop);
	T::Currency::set_balance(&account, T::Currency::balance(&account).saturating_add(amount));
	Pallet::<T>::credit_reserve(coop, amount);
}

/// Every member of a full co-op votes `aye` on `proposal`.
fn all_vote<T: Config>(coop: CoopId, proposal: ProposalId, aye: bool) {
	for index in 0..T::MaxMembers::get() {
		Pallet::<T>::do_vote(coop, proposal, member::<T>(index), aye).expect("a member votes");
	}
}

/// Every member of a full co-op voted against a sale proposal that was closed: the votes
/// kept for the exit.
fn kept_votes<T: Config>(coop: CoopId, proposal: ProposalId) {
	for index in 0..T::MaxMembers::get() {
		Votes::<T>::insert((coop, proposal), member::<T>(index), Vote { aye: false, shares: 100 });
	}
}

fn run_to<T: Config>(block: BlockNumberFor<T>) {
	frame_system::Pallet::<T>::set_block_number(block);
}

/// The most km the benchmarks' bookings are held for.
const BOOKED_KM: Km = 100;

/// A booking's length in the benchmarks: one hour.
fn hour<T: Config>() -> BlockNumberFor<T> {
	T::BlocksPerHour::get()
}

/// A vehicle the co-op's account owns with `device` bound, put straight into the fleet (a gift
/// through the identity pallet unbinds the devices, and binding one takes the device's call).
fn bookable_vehicle<T: Config>(coop: CoopId) -> (VehicleId, T::AccountId) {
	let device: T::AccountId = account("trip device", 0, 0);
	let vehicle = T::BenchmarkHelper::create_vehicle(&Pallet::<T>::coop_account(coop), &device);
	Fleet::<T>::insert(coop, vehicle, FleetVehicle { pricing: None });
	VehicleCoop::<T>::insert(vehicle, coop);
	Coops::<T>::mutate(coop, |entry| {
		if let Some(entry) = entry {
			entry.vehicles.saturating_inc();
		}
	});
	(vehicle, device)
}

/// `renter` books `vehicle` for the hour from `start`, for up to `max_km`.
fn book_hour<T: Config>(
	renter: &T::AccountId,
	vehicle: VehicleId,
	start: BlockNumberFor<T>,
	max_km: Km,
) -> BookingId {
	let end = start.saturating_add(hour::<T>()).saturating_sub(1u32.into());
	Pallet::<T>::do_book(renter.clone(), vehicle, start, end, max_km).expect("a free slot");
	NextBookingId::<T>::get().saturating_sub(1)
}

/// `count` one-hour bookings of `vehicle` by another renter, back to back from `first`;
/// returns the block after the last.
fn other_bookings<T: Config>(
	vehicle: VehicleId,
	first: BlockNumberFor<T>,
	count: u32,
) -> BlockNumberFor<T> {
	let renter = funded::<T>("other renter", 0);
	let mut start = first;
	for _ in 0..count {
		book_hour::<T>(&renter, vehicle, start, BOOKED_KM);
		start = start.saturating_add(hour::<T>());
	}
	start
}

/// The slot's last block.
fn end_of<T: Config>(booking: BookingId) -> BlockNumberFor<T> {
	Bookings::<T>::get(booking).map(|b| b.end).unwrap_or_default()
}

fn check_in_now<T: Config>(device: &T::AccountId, booking: BookingId) {
	Pallet::<T>::do_check_in(
		device.clone(),
		booking,
		1_000,
		Percent::from_percent(80),
		H256::zero(),
	)
	.expect("the device checks the booking in within its slot");
}

/// A renter's trip (booked for 0 km, so that any km come from the deposit) checked in and
/// out after 10 km: (co-op, manager, renter, booking).
fn returned_trip<T: Config>() -> (CoopId, T::AccountId, T::AccountId, BookingId) {
	let (coop, manager) = full_coop::<T>();
	let (vehicle, device) = bookable_vehicle::<T>(coop);
	let renter = funded::<T>("renter", 0);
	let booking = book_hour::<T>(&renter, vehicle, Pallet::<T>::now(), 0);
	check_in_now::<T>(&device, booking);
	Pallet::<T>::do_check_out(device, booking, 1_010, Percent::from_percent(70), H256::zero())
		.expect("the device checks the trip out");
	(coop, manager, renter, booking)
}

/// A claim of half the remaining deposit filed against `booking` now.
fn claim<T: Config>(manager: &T::AccountId, booking: BookingId) -> BalanceOf<T> {
	let amount = Bookings::<T>::get(booking)
		.map(|b| b.deposit / 2u32.into())
		.unwrap_or_default()
		.max(1u32.into());
	Pallet::<T>::do_file_claim(manager.clone(), booking, amount, H256::repeat_byte(9))
		.expect("the fleet manager files a claim in the window");
	amount
}

/// A vehicle for the hooks' worst case: `MaxBookingsPerVehicle` bookings, the first in trip,
/// and a sale offer whose `MaxMembers` kept votes a transfer to someone else drops.
fn hooked_vehicle<T: Config>() -> (CoopId, VehicleId) {
	let (coop, _) = full_coop::<T>();
	let (vehicle, device) = bookable_vehicle::<T>(coop);
	let renter = funded::<T>("renter", 0);
	let now = Pallet::<T>::now();
	let trip = book_hour::<T>(&renter, vehicle, now, BOOKED_KM);
	let count = T::MaxBookingsPerVehicle::get().saturating_sub(1);
	other_bookings::<T>(vehicle, now.saturating_add(hour::<T>()), count);
	check_in_now::<T>(&device, trip);
	let sale = PendingSale {
		coop,
		proposal: 0,
		buyer: account("buyer", 0, 0),
		price: unit::<T>(),
		expires_at: now.saturating_add(T::SaleOfferDuration::get()),
	};
	PendingSales::<T>::insert(vehicle, sale);
	Coops::<T>::mutate(coop, |entry| {
		if let Some(entry) = entry {
			entry.next_proposal = 1;
		}
	});
	kept_votes::<T>(coop, 0);
	(coop, vehicle)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_coop() {
		let founder = funded::<T>("founder", 0);
		let manager: T::AccountId = account("manager", 0, 0);
		let s = setup::<T>(&manager);
		// The runtime's genesis may have co-ops already (the dev preset's).
		let coop = NextCoopId::<T>::get();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(founder.clone()),
			s.name,
			s.rules,
			s.pricing,
			s.founders,
			manager.clone(),
			account("assessor", 0, 0),
		);

		let supply = 100u64.saturating_mul(u64::from(T::MaxMembers::get()));
		let account = Pallet::<T>::coop_account(coop);
		assert_last_event::<T>(Event::CoopCreated { coop, account, founder, share_supply: supply });
	}

	#[benchmark]
	fn add_vehicle() {
		let (coop, manager) = full_coop::<T>();
		let owner = funded::<T>("owner", 0);
		let device: T::AccountId = account("device", 0, 0);
		let vehicle = T::BenchmarkHelper::create_vehicle(&owner, &device);
		let expires_at = Pallet::<T>::now().saturating_add(T::SaleOfferDuration::get());
		let account = Pallet::<T>::coop_account(coop);
		T::Vehicles::offer_sale(&owner, vehicle, &account, None, expires_at)
			.expect("the owner offers its vehicle");

		#[extrinsic_call]
		_(RawOrigin::Signed(manager), coop, vehicle);

		assert_last_event::<T>(Event::VehicleAdded { coop, vehicle });
	}

	#[benchmark]
	fn invite_device() {
		let (coop, manager) = full_coop::<T>();
		let vehicle = fleet_vehicle::<T>(coop, &manager, 0);
		reserve::<T>(coop, unit::<T>());
		let device: T::AccountId = account("new-device", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(manager), coop, vehicle, device.clone());

		assert_last_event::<T>(Event::DeviceInvited { coop, vehicle, device });
	}

	#[benchmark]
	fn unbind_device() {
		let (coop, manager) = full_coop::<T>();
		let vehicle = fleet_vehicle::<T>(coop, &manager, 0);
		reserve::<T>(coop, unit::<T>());
		let device: T::AccountId = account("new-device", 0, 0);
		Pallet::<T>::do_invite_device(manager.clone(), coop, vehicle, device.clone())
			.expect("the fleet manager invites a device");

		#[extrinsic_call]
		_(RawOrigin::Signed(manager), coop, vehicle, device.clone());

		assert_last_event::<T>(Event::DeviceUnbound { coop, vehicle, device });
	}

	#[benchmark]
	fn report_stolen() {
		let (coop, manager) = full_coop::<T>();
		let vehicle = fleet_vehicle::<T>(coop, &manager, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(manager), coop, vehicle);

		assert_last_event::<T>(Event::VehicleReportedStolen { coop, vehicle });
	}

	#[benchmark]
	fn report_recovered() {
		let (coop, manager) = full_coop::<T>();
		let vehicle = fleet_vehicle::<T>(coop, &manager, 0);
		Pallet::<T>::do_report_stolen(manager.clone(), coop, vehicle).expect("reported");

		#[extrinsic_call]
		_(RawOrigin::Signed(manager), coop, vehicle);

		assert_last_event::<T>(Event::VehicleRecovered { coop, vehicle });
	}

	/// To a new member, both sides with revenue to settle.
	#[benchmark]
	fn transfer_shares() {
		let (coop, _) = coop_with::<T>(T::MaxMembers::get().saturating_sub(1).max(1));
		income::<T>(coop, unit::<T>());
		Pallet::<T>::do_distribute(coop).expect("income to distribute");
		let from = member::<T>(0);
		let to: T::AccountId = account("new-member", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(from.clone()), coop, to.clone(), 50);

		assert_last_event::<T>(Event::SharesTransferred { coop, from, to, amount: 50 });
	}

	#[benchmark]
	fn distribute() {
		let (coop, _) = full_coop::<T>();
		income::<T>(coop, unit::<T>());
		let caller = funded::<T>("caller", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), coop);

		assert!(Coops::<T>::get(coop).expect("the co-op").finances.distributed > Zero::zero());
	}

	/// A member that claims everything it had and leaves the ledger.
	#[benchmark]
	fn claim_revenue() {
		let (coop, _) = full_coop::<T>();
		income::<T>(coop, unit::<T>());
		Pallet::<T>::do_distribute(coop).expect("income to distribute");
		let who = member::<T>(0);
		Pallet::<T>::do_transfer_shares(coop, who.clone(), member::<T>(1), 100)
			.expect("a transfer between members");
		let amount = Pallet::<T>::pending_revenue(coop, &who);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), coop);

		assert_last_event::<T>(Event::RevenueClaimed { coop, member: who, amount });
	}

	/// A sale, the last proposal the co-op may open.
	#[benchmark]
	fn propose() {
		let (coop, manager) = full_coop::<T>();
		let vehicle = fleet_vehicle::<T>(coop, &manager, 0);
		for _ in 1..T::MaxOpenProposals::get() {
			let kind = ProposalKind::SetAssessor(account("next assessor", 0, 0));
			Pallet::<T>::do_propose(coop, member::<T>(0), kind).expect("room for proposals");
		}
		let buyer: T::AccountId = account("buyer", 0, 0);
		let kind = ProposalKind::SellVehicle { vehicle, buyer, price: unit::<T>() };
		let proposer = member::<T>(0);

		#[extrinsic_call]
		_(RawOrigin::Signed(proposer), coop, kind);

		let entry = Coops::<T>::get(coop).expect("the co-op");
		assert_eq!(entry.open_proposals, T::MaxOpenProposals::get());
	}

	#[benchmark]
	fn vote() {
		let (coop, _) = full_coop::<T>();
		let kind = ProposalKind::SetAssessor(account("next assessor", 0, 0));
		Pallet::<T>::do_propose(coop, member::<T>(0), kind).expect("a proposal");
		let voter = member::<T>(0);

		#[extrinsic_call]
		_(RawOrigin::Signed(voter.clone()), coop, 0, true);

		assert_last_event::<T>(Event::Voted { coop, proposal: 0, voter, aye: true, shares: 100 });
	}

	/// A purchase passed by `MaxMembers` voters: the vehicle is bought and joins the fleet,
	/// every vote is removed.
	#[benchmark]
	fn close_proposal() {
		let (coop, _) = full_coop::<T>();
		let price = unit::<T>();
		reserve::<T>(coop, price.saturating_mul(2u32.into()));
		let owner = funded::<T>("owner", 0);
		let device: T::AccountId = account("device", 0, 0);
		let vehicle = T::BenchmarkHelper::create_vehicle(&owner, &device);
		let kind = ProposalKind::BuyVehicle { vehicle, max_price: price };
		Pallet::<T>::do_propose(coop, member::<T>(0), kind).expect("a proposal");
		all_vote::<T>(coop, 0, true);
		run_to::<T>(
			Pallet::<T>::now().saturating_add(T::VotingPeriod::get()).saturating_add(1u32.into()),
		);
		// The owner offers once the vote is over: the offer's life stays within the identity
		// pallet's longest.
		let expires_at = Pallet::<T>::now().saturating_add(T::SaleOfferDuration::get());
		let account = Pallet::<T>::coop_account(coop);
		T::Vehicles::offer_sale(&owner, vehicle, &account, Some(price), expires_at)
			.expect("the owner offers its vehicle");
		let caller = funded::<T>("caller", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), coop, 0);

		assert_last_event::<T>(Event::ProposalClosed {
			coop,
			proposal: 0,
			passed: true,
			executed: Some(Ok(())),
		});
		assert_eq!(VehicleCoop::<T>::get(vehicle), Some(coop));
	}

	/// A dissenter with revenue to collect sells all its shares back.
	#[benchmark]
	fn exit() {
		let (coop, _) = full_coop::<T>();
		income::<T>(coop, unit::<T>());
		Pallet::<T>::do_distribute(coop).expect("income to distribute");
		reserve::<T>(coop, unit::<T>());
		let until = Pallet::<T>::now().saturating_add(T::ExitWindow::get());
		let price_per_share = T::Currency::minimum_balance();
		SaleExits::<T>::insert(coop, 0, SaleExit { price_per_share, until });
		Coops::<T>::mutate(coop, |entry| {
			if let Some(entry) = entry {
				entry.next_proposal = 1;
			}
		});
		kept_votes::<T>(coop, 0);
		let who = member::<T>(0);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), coop, 0);

		assert!(Members::<T>::get(coop, &who).is_none());
	}

	/// An expired offer withdrawn, `MaxMembers` votes removed.
	#[benchmark]
	fn clear_expired_sale() {
		let (coop, manager) = full_coop::<T>();
		let vehicle = fleet_vehicle::<T>(coop, &manager, 0);
		let buyer: T::AccountId = account("buyer", 0, 0);
		let expires_at = Pallet::<T>::now().saturating_add(T::SaleOfferDuration::get());
		let account = Pallet::<T>::coop_account(coop);
		T::Vehicles::offer_sale(&account, vehicle, &buyer, Some(unit::<T>()), expires_at)
			.expect("the co-op offers its vehicle");
		let sale = PendingSale { coop, proposal: 0, buyer, price: unit::<T>(), expires_at };
		PendingSales::<T>::insert(vehicle, sale);
		Coops::<T>::mutate(coop, |entry| {
			if let Some(entry) = entry {
				entry.next_proposal = 1;
			}
		});
		kept_votes::<T>(coop, 0);
		run_to::<T>(expires_at.saturating_add(1u32.into()));
		let caller = funded::<T>("caller", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), vehicle);

		assert_last_event::<T>(Event::SaleOfferWithdrawn { coop, proposal: 0, vehicle });
	}

	/// `MaxMembers` votes removed.
	#[benchmark]
	fn clear_sale_exit() {
		let (coop, _) = full_coop::<T>();
		let until = Pallet::<T>::now().saturating_add(T::ExitWindow::get());
		let price_per_share = T::Currency::minimum_balance();
		SaleExits::<T>::insert(coop, 0, SaleExit { price_per_share, until });
		Coops::<T>::mutate(coop, |entry| {
			if let Some(entry) = entry {
				entry.next_proposal = 1;
			}
		});
		kept_votes::<T>(coop, 0);
		run_to::<T>(until.saturating_add(1u32.into()));
		let caller = funded::<T>("caller", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), coop, 0);

		assert_last_event::<T>(Event::SaleExitClosed { coop, proposal: 0 });
	}

	/// `MaxBookingsPerVehicle - 1` bookings, all before the new one: the overlap scan reads
	/// every one and the new one goes last.
	#[benchmark]
	fn book() {
		let (coop, _) = full_coop::<T>();
		let (vehicle, _) = bookable_vehicle::<T>(coop);
		let count = T::MaxBookingsPerVehicle::get().saturating_sub(1);
		let start = other_bookings::<T>(vehicle, Pallet::<T>::now(), count);
		let end = start.saturating_add(hour::<T>()).saturating_sub(1u32.into());
		let renter = funded::<T>("renter", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(renter), vehicle, start, end, BOOKED_KM);

		assert_eq!(
			VehicleBookings::<T>::get(vehicle).len() as u32,
			T::MaxBookingsPerVehicle::get()
		);
	}

	/// The renter cancels late (a fee to the co-op) on a vehicle with `MaxBookingsPerVehicle`
	/// bookings.
	#[benchmark]
	fn cancel_booking() {
		let (coop, _) = full_coop::<T>();
		let (vehicle, _) = bookable_vehicle::<T>(coop);
		let renter = funded::<T>("renter", 0);
		// Two blocks ahead: still before the start if the runtime's benchmark moves to the next
		// block for the call, and within the free-cancellation window, so the fee is paid.
		let start = Pallet::<T>::now().saturating_add(2u32.into());
		let booking = book_hour::<T>(&renter, vehicle, start, BOOKED_KM);
		let count = T::MaxBookingsPerVehicle::get().saturating_sub(1);
		other_bookings::<T>(vehicle, start.saturating_add(hour::<T>()), count);

		#[extrinsic_call]
		_(RawOrigin::Signed(renter), booking);

		assert!(!Bookings::<T>::contains_key(booking));
		assert!(Coops::<T>::get(coop).is_some_and(|c| !c.finances.received.is_zero()));
	}

	/// The last of `MaxBookingsPerVehicle` bookings: every earlier one is read to be sure none
	/// is still in trip. The reading is below the history's (a flagged one is kept as
	/// evidence: the heavier path).
	#[benchmark]
	fn check_in() {
		let (coop, _) = full_coop::<T>();
		let (vehicle, device) = bookable_vehicle::<T>(coop);
		let count = T::MaxBookingsPerVehicle::get().saturating_sub(1);
		let start = other_bookings::<T>(vehicle, Pallet::<T>::now(), count);
		let renter = funded::<T>("renter", 0);
		let booking = book_hour::<T>(&renter, vehicle, start, BOOKED_KM);
		run_to::<T>(start);
		let _ = T::Odometer::record_reading(vehicle, 1_010, OdometerSource::Workshop);

		#[extrinsic_call]
		_(RawOrigin::Signed(device), booking, 1_000, Percent::from_percent(80), H256::zero());

		assert!(matches!(
			Bookings::<T>::get(booking).map(|b| b.state),
			Some(BookingState::InTrip { .. })
		));
	}

	/// The last of `MaxBookingsPerVehicle` bookings (booked for 0 km): the km another source
	/// reported are paid from the deposit; the device's reading is below them (flagged and
	/// kept as evidence); the operator is revoked.
	#[benchmark]
	fn check_out() {
		let (coop, _) = full_coop::<T>();
		let (vehicle, device) = bookable_vehicle::<T>(coop);
		let count = T::MaxBookingsPerVehicle::get().saturating_sub(1);
		let start = other_bookings::<T>(vehicle, Pallet::<T>::now(), count);
		let renter = funded::<T>("renter", 0);
		let booking = book_hour::<T>(&renter, vehicle, start, 0);
		run_to::<T>(start);
		check_in_now::<T>(&device, booking);
		run_to::<T>(end_of::<T>(booking));
		let _ = T::Odometer::record_reading(vehicle, 1_020, OdometerSource::Workshop);

		#[extrinsic_call]
		_(RawOrigin::Signed(device), booking, 1_010, Percent::from_percent(70), H256::zero());

		assert!(VehicleBookings::<T>::get(vehicle).len() as u32 == count);
		assert!(matches!(
			Bookings::<T>::get(booking).map(|b| b.state),
			Some(BookingState::Returned { .. })
		));
	}

	/// The fleet manager ends the last of `MaxBookingsPerVehicle` bookings after its slot;
	/// km another source reported come from the deposit.
	#[benchmark]
	fn end_trip_without_device() {
		let (coop, manager) = full_coop::<T>();
		let (vehicle, device) = bookable_vehicle::<T>(coop);
		let count = T::MaxBookingsPerVehicle::get().saturating_sub(1);
		let start = other_bookings::<T>(vehicle, Pallet::<T>::now(), count);
		let renter = funded::<T>("renter", 0);
		let booking = book_hour::<T>(&renter, vehicle, start, 0);
		run_to::<T>(start);
		check_in_now::<T>(&device, booking);
		let after = end_of::<T>(booking).saturating_add(1u32.into());
		run_to::<T>(after);
		let _ = T::Odometer::record_reading(vehicle, 1_010, OdometerSource::Workshop);

		#[extrinsic_call]
		_(RawOrigin::Signed(manager), booking);

		assert!(matches!(
			Bookings::<T>::get(booking).map(|b| b.state),
			Some(BookingState::Returned { .. })
		));
	}

	/// The last of `MaxBookingsPerVehicle` bookings, after its slot: the fee to the co-op.
	#[benchmark]
	fn close_no_show() {
		let (coop, _) = full_coop::<T>();
		let (vehicle, _) = bookable_vehicle::<T>(coop);
		let count = T::MaxBookingsPerVehicle::get().saturating_sub(1);
		let start = other_bookings::<T>(vehicle, Pallet::<T>::now(), count);
		let renter = funded::<T>("renter", 0);
		let booking = book_hour::<T>(&renter, vehicle, start, BOOKED_KM);
		run_to::<T>(end_of::<T>(booking).saturating_add(1u32.into()));
		let caller = funded::<T>("caller", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), booking);

		assert!(!Bookings::<T>::contains_key(booking));
	}

	#[benchmark]
	fn file_claim() {
		let (_, manager, _, booking) = returned_trip::<T>();
		let amount = T::Currency::minimum_balance();

		#[extrinsic_call]
		_(RawOrigin::Signed(manager), booking, amount, H256::repeat_byte(9));

		assert_last_event::<T>(Event::ClaimFiled {
			booking,
			amount,
			evidence: H256::repeat_byte(9),
		});
	}

	#[benchmark]
	fn dispute_claim() {
		let (_, manager, renter, booking) = returned_trip::<T>();
		claim::<T>(&manager, booking);

		#[extrinsic_call]
		_(RawOrigin::Signed(renter), booking);

		assert_last_event::<T>(Event::ClaimDisputed { booking });
	}

	/// Part of the deposit to the co-op's reserve, the rest back.
	#[benchmark]
	fn accept_claim() {
		let (_, manager, renter, booking) = returned_trip::<T>();
		claim::<T>(&manager, booking);

		#[extrinsic_call]
		_(RawOrigin::Signed(renter), booking);

		assert!(!Bookings::<T>::contains_key(booking));
	}

	/// A partial award: part of the deposit to the co-op's reserve, the rest back.
	#[benchmark]
	fn decide_claim() {
		let (_, manager, renter, booking) = returned_trip::<T>();
		let amount = claim::<T>(&manager, booking);
		Pallet::<T>::do_dispute_claim(renter, booking).expect("the renter disputes in time");
		let award = amount / 2u32.into();
		let assessor: T::AccountId = account("assessor", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(assessor), booking, award);

		assert!(!Bookings::<T>::contains_key(booking));
	}

	#[benchmark]
	fn settle_claim() {
		let (_, manager, _, booking) = returned_trip::<T>();
		claim::<T>(&manager, booking);
		let after = Pallet::<T>::now().saturating_add(T::DisputeWindow::get());
		run_to::<T>(after.saturating_add(1u32.into()));
		let caller = funded::<T>("caller", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), booking);

		assert!(!Bookings::<T>::contains_key(booking));
	}

	#[benchmark]
	fn release_deposit() {
		let (_, _, _, booking) = returned_trip::<T>();
		let after = Pallet::<T>::now().saturating_add(T::ClaimWindow::get());
		run_to::<T>(after.saturating_add(1u32.into()));
		let caller = funded::<T>("caller", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), booking);

		assert!(!Bookings::<T>::contains_key(booking));
	}

	/// `MaxBookingsPerVehicle` bookings ended (a trip settled, the others refunded) and a sale
	/// offer with `MaxMembers` kept votes dropped: the vehicle went to someone else.
	#[benchmark]
	fn on_vehicle_sold() {
		let (coop, vehicle) = hooked_vehicle::<T>();
		let seller = Pallet::<T>::coop_account(coop);
		let new_owner: T::AccountId = account("new owner", 0, 0);

		#[block]
		{
			Pallet::<T>::on_vehicle_sold(vehicle, &seller, &new_owner);
		}

		assert!(VehicleBookings::<T>::get(vehicle).is_empty());
		assert!(!Fleet::<T>::contains_key(coop, vehicle));
		assert!(PendingSales::<T>::get(vehicle).is_none());
	}

	/// Scrapping: `MaxBookingsPerVehicle` bookings ended, the vehicle leaves the fleet with
	/// its sale offer and `MaxMembers` kept votes.
	#[benchmark]
	fn on_vehicle_status() {
		let (coop, vehicle) = hooked_vehicle::<T>();

		#[block]
		{
			Pallet::<T>::on_vehicle_status(vehicle, VehicleStatus::Scrapped);
		}

		assert!(VehicleBookings::<T>::get(vehicle).is_empty());
		assert!(!Fleet::<T>::contains_key(coop, vehicle));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
