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
	sp_runtime::{
		traits::{Saturating, Zero},
		Perbill,
	},
};
use v2x_primitives::{VehicleControl, VehicleId};

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
		assessor: manager.clone(),
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

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_coop() {
		let founder = funded::<T>("founder", 0);
		let manager: T::AccountId = account("manager", 0, 0);
		let s = setup::<T>(&manager);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(founder.clone()),
			s.name,
			s.rules,
			s.pricing,
			s.founders,
			manager.clone(),
			manager.clone(),
		);

		let supply = 100u64.saturating_mul(u64::from(T::MaxMembers::get()));
		let account = Pallet::<T>::coop_account(0);
		assert_last_event::<T>(Event::CoopCreated {
			coop: 0,
			account,
			founder,
			share_supply: supply,
		});
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
			let kind = ProposalKind::SetAssessor(manager.clone());
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
		let (coop, manager) = full_coop::<T>();
		Pallet::<T>::do_propose(coop, member::<T>(0), ProposalKind::SetAssessor(manager))
			.expect("a proposal");
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

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
