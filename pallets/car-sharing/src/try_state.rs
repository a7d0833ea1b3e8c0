//! The invariants of car sharing, checked after every test and by `try-runtime`.

use alloc::collections::{BTreeMap, BTreeSet};
use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{
			fungible::{Inspect, InspectHold},
			tokens::{Fortitude, Preservation},
			Get,
		},
	},
	frame_system,
	sp_runtime::{traits::Zero, PerThing, Saturating, TryRuntimeError},
};

use crate::{
	features::revenue::to_u128, BalanceOf, BookingState, Bookings, Config, CoopId, CoopOfAccount,
	Coops, Fleet, HoldReason, Members, NextBookingId, NextCoopId, Pallet, PendingSales, ProposalId,
	Proposals, SaleExits, Shares, VehicleBookings, VehicleCoop, VehicleTripTotals, Votes,
};

impl<T: Config> Pallet<T> {
	/// Checks every invariant of car sharing; `Err` names the first one broken.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::check_coops()?;
		Self::check_members()?;
		Self::check_fleet()?;
		Self::check_proposals()?;
		Self::check_sales()?;
		Self::check_bookings()?;
		Self::check_booking_holds()
	}

	/// Co-op ids, accounts, deposits and money.
	fn check_coops() -> Result<(), TryRuntimeError> {
		let next = NextCoopId::<T>::get();
		let mut deposits = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		let mut coops = 0usize;
		for (coop, entry) in Coops::<T>::iter() {
			coops = coops.saturating_add(1);
			ensure!(coop < next, "a co-op id at or beyond NextCoopId");
			let account = Self::coop_account(coop);
			ensure!(
				CoopOfAccount::<T>::get(&account) == Some(coop),
				"a co-op's account is not indexed"
			);
			let held = deposits.entry(entry.founder.clone()).or_insert_with(Zero::zero);
			*held = held.saturating_add(entry.deposit);
			let finances = &entry.finances;
			let distributable = entry.rules.reserve.left_from_one().mul_floor(finances.received);
			ensure!(
				finances.distributed.saturating_add(finances.undistributed) <= distributable,
				"a co-op distributed more than its income less the reserve share"
			);
			ensure!(
				finances.claimed <= finances.distributed,
				"a co-op paid out more than it distributed"
			);
			let owed = finances
				.reserve
				.saturating_add(finances.undistributed)
				.saturating_add(finances.distributed.saturating_sub(finances.claimed));
			ensure!(
				T::Currency::total_balance(&account) >= owed,
				"a co-op's account holds less than its reserve and revenue"
			);
			// Members' revenue is never held (identity deposits) nor spent (purchases, exits).
			let members_owed = finances
				.undistributed
				.saturating_add(finances.distributed.saturating_sub(finances.claimed));
			ensure!(
				T::Currency::reducible_balance(&account, Preservation::Preserve, Fortitude::Polite)
					>= members_owed,
				"a co-op's free balance does not cover its members' revenue"
			);
		}
		ensure!(
			CoopOfAccount::<T>::iter().count() == coops,
			"a co-op account index without its co-op"
		);
		Self::check_held(HoldReason::CoopDeposit, deposits, "co-op deposits not held")
	}

	/// Shares add up to the supply, counts match, nobody is owed more than was distributed,
	/// and each member's `open_votes` counts its votes on open proposals.
	fn check_members() -> Result<(), TryRuntimeError> {
		let mut open_votes = BTreeMap::<(CoopId, T::AccountId), u32>::new();
		for ((coop, proposal), voter, _) in Votes::<T>::iter() {
			if Proposals::<T>::contains_key(coop, proposal) {
				let count = open_votes.entry((coop, voter)).or_insert(0);
				*count = count.saturating_add(1);
			}
		}
		for (coop, entry) in Coops::<T>::iter() {
			let rps = entry.finances.reward_per_share;
			let (mut count, mut supply, mut owed) = (0u32, 0 as Shares, 0u128);
			for (who, member) in Members::<T>::iter_prefix(coop) {
				count = count.saturating_add(1);
				supply = supply.saturating_add(member.shares);
				ensure!(
					member.shares > 0 || !member.unclaimed.is_zero() || member.open_votes > 0,
					"an empty member was kept"
				);
				ensure!(member.settled_per_share <= rps, "a member settled beyond the accumulator");
				let accrued = Self::accrued(&member, rps).map_err(|_| "earnings overflow")?;
				let unclaimed = to_u128::<T>(member.unclaimed).map_err(|_| "unclaimed overflow")?;
				owed = owed.saturating_add(accrued).saturating_add(unclaimed);
				let votes = open_votes.remove(&(coop, who)).unwrap_or(0);
				ensure!(
					member.open_votes == votes,
					"a member's open votes disagree with its votes"
				);
			}
			ensure!(count == entry.members, "a co-op's member count disagrees");
			ensure!(count <= T::MaxMembers::get(), "a co-op has too many members");
			ensure!(supply == entry.share_supply, "a co-op's shares do not add up to its supply");
			let paid_in = entry.finances.distributed.saturating_sub(entry.finances.claimed);
			let paid_in = to_u128::<T>(paid_in).map_err(|_| "distributed overflow")?;
			ensure!(owed <= paid_in, "members are owed more than was distributed");
		}
		ensure!(open_votes.is_empty(), "a vote on an open proposal by a non-member");
		Ok(())
	}

	/// `Fleet` and `VehicleCoop` agree, the counts are within bounds, and only fleet vehicles
	/// have trip totals.
	fn check_fleet() -> Result<(), TryRuntimeError> {
		let mut per_coop = BTreeMap::<CoopId, u32>::new();
		for (coop, vehicle, _) in Fleet::<T>::iter() {
			ensure!(VehicleCoop::<T>::get(vehicle) == Some(coop), "a fleet vehicle not indexed");
			let count = per_coop.entry(coop).or_insert(0);
			*count = count.saturating_add(1);
		}
		for (vehicle, coop) in VehicleCoop::<T>::iter() {
			ensure!(Fleet::<T>::contains_key(coop, vehicle), "an indexed vehicle not in its fleet");
		}
		for vehicle in VehicleTripTotals::<T>::iter_keys() {
			ensure!(
				VehicleCoop::<T>::contains_key(vehicle),
				"trip totals of a vehicle in no fleet"
			);
		}
		for (coop, entry) in Coops::<T>::iter() {
			let count = per_coop.remove(&coop).unwrap_or(0);
			ensure!(count == entry.vehicles, "a co-op's vehicle count disagrees");
			ensure!(count <= T::MaxVehiclesPerCoop::get(), "a co-op has too many vehicles");
		}
		ensure!(per_coop.is_empty(), "a fleet of a missing co-op");
		Ok(())
	}

	/// Open proposals are counted, numbered and tallied from their votes.
	fn check_proposals() -> Result<(), TryRuntimeError> {
		for (coop, entry) in Coops::<T>::iter() {
			let mut count = 0u32;
			for (proposal, open) in Proposals::<T>::iter_prefix(coop) {
				count = count.saturating_add(1);
				ensure!(proposal < entry.next_proposal, "a proposal id beyond next_proposal");
				let (mut ayes, mut nays) = (0 as Shares, 0 as Shares);
				for (_, vote) in Votes::<T>::iter_prefix((coop, proposal)) {
					if vote.aye {
						ayes = ayes.saturating_add(vote.shares);
					} else {
						nays = nays.saturating_add(vote.shares);
					}
				}
				ensure!(open.ayes == ayes && open.nays == nays, "a proposal's tally disagrees");
			}
			ensure!(count == entry.open_proposals, "a co-op's open proposal count disagrees");
			ensure!(count <= T::MaxOpenProposals::get(), "a co-op has too many open proposals");
		}
		ensure!(
			Proposals::<T>::iter_keys().all(|(coop, _)| Coops::<T>::contains_key(coop)),
			"a proposal of a missing co-op"
		);
		Ok(())
	}

	/// Open sale offers are of fleet vehicles by closed proposals; votes are kept only for open
	/// proposals, open offers and exit windows.
	fn check_sales() -> Result<(), TryRuntimeError> {
		let mut kept = BTreeSet::<(CoopId, ProposalId)>::new();
		for (vehicle, sale) in PendingSales::<T>::iter() {
			ensure!(
				Fleet::<T>::contains_key(sale.coop, vehicle),
				"a sale offer of a non-fleet vehicle"
			);
			ensure!(
				!Proposals::<T>::contains_key(sale.coop, sale.proposal),
				"a sale offer of an open proposal"
			);
			ensure!(kept.insert((sale.coop, sale.proposal)), "one proposal offers two sales");
		}
		for (coop, proposal, _) in SaleExits::<T>::iter() {
			let entry = Coops::<T>::get(coop).ok_or("an exit offer of a missing co-op")?;
			ensure!(proposal < entry.next_proposal, "an exit offer of an unknown proposal");
			ensure!(kept.insert((coop, proposal)), "a sale both pending and completed");
		}
		for ((coop, proposal), _, _) in Votes::<T>::iter() {
			ensure!(
				Proposals::<T>::contains_key(coop, proposal) || kept.contains(&(coop, proposal)),
				"votes kept for a closed proposal"
			);
		}
		Ok(())
	}

	/// Every account holds exactly what the entries say for this reason, both ways.
	pub(crate) fn check_held(
		reason: HoldReason,
		amounts: BTreeMap<T::AccountId, BalanceOf<T>>,
		message: &'static str,
	) -> Result<(), TryRuntimeError> {
		let reason = reason.into();
		for (who, amount) in &amounts {
			ensure!(T::Currency::balance_on_hold(&reason, who) == *amount, message);
		}
		for who in frame_system::Account::<T>::iter_keys() {
			if !amounts.contains_key(&who) {
				ensure!(T::Currency::balance_on_hold(&reason, &who).is_zero(), message);
			}
		}
		Ok(())
	}

	/// Each vehicle's booked slots are sorted, never overlap, and are exactly its booked and
	/// in-trip bookings; a returned booking holds no price and its claim fits its deposit.
	fn check_bookings() -> Result<(), TryRuntimeError> {
		let mut listed = BTreeSet::new();
		for (vehicle, slots) in VehicleBookings::<T>::iter() {
			ensure!(!slots.is_empty(), "an empty booking list was kept");
			ensure!(VehicleCoop::<T>::contains_key(vehicle), "bookings on a vehicle in no fleet");
			for pair in slots.windows(2) {
				if let [(_, end, _), (start, _, _)] = pair {
					ensure!(end < start, "overlapping bookings on a vehicle");
				}
			}
			for (start, end, id) in slots.iter() {
				let booking = Bookings::<T>::get(id).ok_or("a listed booking is missing")?;
				ensure!(booking.vehicle == vehicle, "a booking is listed on the wrong vehicle");
				ensure!(
					booking.start == *start && booking.end == *end,
					"a listed slot disagrees with its booking"
				);
				ensure!(start <= end, "a booking ends before it starts");
				ensure!(listed.insert(*id), "a booking is listed twice");
			}
		}
		let next = NextBookingId::<T>::get();
		for (id, booking) in Bookings::<T>::iter() {
			ensure!(id < next, "a booking id not yet issued");
			ensure!(Coops::<T>::contains_key(booking.coop), "a booking of a missing co-op");
			match &booking.state {
				BookingState::Booked | BookingState::InTrip { .. } => {
					ensure!(listed.contains(&id), "an open booking is not listed on its vehicle");
				}
				BookingState::Returned { claim, .. } => {
					ensure!(!listed.contains(&id), "a returned booking is still listed");
					if let Some(claim) = claim {
						ensure!(
							!claim.amount.is_zero() && claim.amount <= booking.deposit,
							"a claim exceeds its deposit"
						);
					}
				}
			}
		}
		Ok(())
	}

	/// What every account holds for bookings is what its bookings say: the price of its booked
	/// and in-trip ones, the deposits of all of them.
	fn check_booking_holds() -> Result<(), TryRuntimeError> {
		let mut prices = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		let mut deposits = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		for (_, booking) in Bookings::<T>::iter() {
			if !matches!(booking.state, BookingState::Returned { .. }) {
				let held = prices.entry(booking.renter.clone()).or_insert_with(Zero::zero);
				*held = held.saturating_add(booking.held_price);
			}
			let held = deposits.entry(booking.renter).or_insert_with(Zero::zero);
			*held = held.saturating_add(booking.deposit);
		}
		Self::check_held(HoldReason::BookingPrice, prices, "booking prices not held")?;
		Self::check_held(HoldReason::DamageDeposit, deposits, "damage deposits not held")
	}
}
