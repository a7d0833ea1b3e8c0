//! Governance inside a co-op: proposals voted by shares, passed at the co-op's quorum and
//! supermajority, carried out through the identity pallet; the exit of the members who
//! voted against a completed sale.

use polkadot_sdk::{
	frame_support::{
		ensure,
		storage::with_storage_layer,
		traits::{
			fungible::{Inspect, Mutate},
			tokens::{Fortitude, Preservation},
			Get,
		},
	},
	sp_runtime::{
		traits::{CheckedAdd, Zero},
		DispatchResult, Saturating,
	},
};
use v2x_primitives::{VehicleControl, VehicleId, VehicleRegistry};

use crate::{
	features::revenue::{to_balance, to_u128},
	BalanceOf, Config, Coop, CoopId, Coops, Error, Event, Fleet, FleetVehicle, Members, Pallet,
	PendingSale, PendingSales, Proposal, ProposalId, ProposalKind, ProposalKindOf, Proposals,
	SaleExit, SaleExits, Vote, Votes,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_propose(
		coop: CoopId,
		proposer: T::AccountId,
		kind: ProposalKindOf<T>,
	) -> DispatchResult {
		let mut entry = Self::coop(coop)?;
		ensure!(Self::is_member(coop, &proposer), Error::<T>::NotMember);
		ensure!(entry.open_proposals < T::MaxOpenProposals::get(), Error::<T>::TooManyProposals);
		Self::validate_kind(coop, &kind)?;
		let proposal = entry.next_proposal;
		entry.next_proposal = proposal.checked_add(1).ok_or(Error::<T>::Overflow)?;
		entry.open_proposals = entry.open_proposals.saturating_add(1);
		let ends_at = Self::now().saturating_add(T::VotingPeriod::get());
		let stored = Proposal::<T> {
			proposer: proposer.clone(),
			kind: kind.clone(),
			ayes: 0,
			nays: 0,
			ends_at,
		};
		Proposals::<T>::insert(coop, proposal, stored);
		Coops::<T>::insert(coop, entry);
		Self::deposit_event(Event::Proposed { coop, proposal, proposer, kind, ends_at });
		Ok(())
	}

	/// What must hold for a proposal of `kind` to be carried out (checked again then).
	fn validate_kind(coop: CoopId, kind: &ProposalKindOf<T>) -> DispatchResult {
		match kind {
			ProposalKind::SellVehicle { vehicle, price, .. } => {
				Self::ensure_in_fleet(coop, *vehicle)?;
				ensure!(!price.is_zero(), Error::<T>::InvalidPrice);
				ensure!(!PendingSales::<T>::contains_key(vehicle), Error::<T>::SalePending);
			}
			ProposalKind::BuyVehicle { vehicle, max_price } => {
				ensure!(!max_price.is_zero(), Error::<T>::InvalidPrice);
				Self::ensure_fleet_room(coop, *vehicle)?;
			}
			ProposalKind::SetPricing { vehicle: Some(vehicle), .. } => {
				Self::ensure_in_fleet(coop, *vehicle)?
			}
			ProposalKind::SetFleetManager(manager) => {
				ensure!(*manager != Self::coop(coop)?.assessor, Error::<T>::ConflictOfInterest)
			}
			ProposalKind::SetAssessor(assessor) => {
				ensure!(
					*assessor != Self::coop(coop)?.fleet_manager,
					Error::<T>::ConflictOfInterest
				)
			}
			ProposalKind::SetPricing { vehicle: None, .. } => {}
		}
		Ok(())
	}

	pub(crate) fn do_vote(
		coop: CoopId,
		proposal: ProposalId,
		voter: T::AccountId,
		aye: bool,
	) -> DispatchResult {
		let mut open = Proposals::<T>::get(coop, proposal).ok_or(Error::<T>::ProposalNotFound)?;
		ensure!(Self::now() <= open.ends_at, Error::<T>::VotingClosed);
		let mut member = Members::<T>::get(coop, &voter)
			.filter(|member| member.shares > 0)
			.ok_or(Error::<T>::NotMember)?;
		ensure!(!Votes::<T>::contains_key((coop, proposal), &voter), Error::<T>::AlreadyVoted);
		let shares = member.shares;
		if aye {
			open.ayes = open.ayes.saturating_add(shares);
		} else {
			open.nays = open.nays.saturating_add(shares);
		}
		member.open_votes = member.open_votes.saturating_add(1);
		Members::<T>::insert(coop, &voter, member);
		Votes::<T>::insert((coop, proposal), &voter, Vote { aye, shares });
		Proposals::<T>::insert(coop, proposal, open);
		Self::deposit_event(Event::Voted { coop, proposal, voter, aye, shares });
		Ok(())
	}

	/// Whether `open` passed: enough of the supply voted, and the ayes reach the
	/// supermajority of the supply (sales, purchases, prices) or outnumber the nays.
	pub(crate) fn passed(entry: &Coop<T>, open: &Proposal<T>) -> bool {
		let supply = entry.share_supply;
		let turnout = open.ayes.saturating_add(open.nays);
		if turnout < entry.rules.quorum.mul_ceil(supply) {
			return false;
		}
		if open.kind.needs_supermajority() {
			open.ayes >= entry.rules.supermajority.mul_ceil(supply)
		} else {
			open.ayes > open.nays
		}
	}

	pub(crate) fn do_close_proposal(coop: CoopId, proposal: ProposalId) -> DispatchResult {
		let open = Proposals::<T>::get(coop, proposal).ok_or(Error::<T>::ProposalNotFound)?;
		ensure!(Self::now() > open.ends_at, Error::<T>::VotingOpen);
		let passed = Self::passed(&Self::coop(coop)?, &open);
		let executed =
			passed.then(|| with_storage_layer(|| Self::execute(coop, proposal, open.kind.clone())));
		for (voter, _) in Votes::<T>::iter_prefix((coop, proposal)) {
			Members::<T>::mutate(coop, voter, |member| {
				if let Some(member) = member {
					member.open_votes = member.open_votes.saturating_sub(1);
				}
			});
		}
		// A sale's dissenters may exit once it completes: their votes stay until then.
		let offered = matches!(open.kind, ProposalKind::SellVehicle { .. })
			&& matches!(executed, Some(Ok(())));
		if !offered {
			Self::remove_votes(coop, proposal);
		}
		Proposals::<T>::remove(coop, proposal);
		Coops::<T>::mutate(coop, |entry| {
			if let Some(entry) = entry {
				entry.open_proposals = entry.open_proposals.saturating_sub(1);
			}
		});
		Self::deposit_event(Event::ProposalClosed { coop, proposal, passed, executed });
		Ok(())
	}

	/// Carries out a passed proposal.
	fn execute(coop: CoopId, proposal: ProposalId, kind: ProposalKindOf<T>) -> DispatchResult {
		let account = Self::coop_account(coop);
		match kind {
			ProposalKind::SellVehicle { vehicle, buyer, price } => {
				Self::ensure_in_fleet(coop, vehicle)?;
				ensure!(!PendingSales::<T>::contains_key(vehicle), Error::<T>::SalePending);
				let expires_at = Self::now().saturating_add(T::SaleOfferDuration::get());
				T::Vehicles::offer_sale(&account, vehicle, &buyer, Some(price), expires_at)?;
				PendingSales::<T>::insert(
					vehicle,
					PendingSale { coop, proposal, buyer, price, expires_at },
				);
			}
			ProposalKind::BuyVehicle { vehicle, max_price } => {
				Self::ensure_fleet_room(coop, vehicle)?;
				// Members' revenue in the same account must not pay for cars.
				let budget = Self::spendable_reserve(coop, &Self::coop(coop)?);
				ensure!(max_price <= budget, Error::<T>::InsufficientReserve);
				let before = T::Currency::balance(&account);
				T::Vehicles::accept_offer(&account, vehicle, max_price)?;
				let paid = before.saturating_sub(T::Currency::balance(&account));
				Coops::<T>::try_mutate(coop, |entry| -> DispatchResult {
					let entry = entry.as_mut().ok_or(Error::<T>::CoopNotFound)?;
					ensure!(paid <= budget, Error::<T>::InsufficientReserve);
					entry.finances.reserve = entry.finances.reserve.saturating_sub(paid);
					Ok(())
				})?;
				Self::join_fleet(coop, vehicle)?;
			}
			ProposalKind::SetPricing { vehicle: Some(vehicle), pricing } => {
				Self::ensure_in_fleet(coop, vehicle)?;
				Fleet::<T>::insert(coop, vehicle, FleetVehicle { pricing: Some(pricing) });
			}
			ProposalKind::SetPricing { vehicle: None, pricing } => {
				Self::update_coop(coop, |entry| entry.pricing = pricing)?
			}
			ProposalKind::SetFleetManager(manager) => {
				ensure!(manager != Self::coop(coop)?.assessor, Error::<T>::ConflictOfInterest);
				Self::update_coop(coop, |entry| entry.fleet_manager = manager)?
			}
			ProposalKind::SetAssessor(assessor) => {
				ensure!(
					assessor != Self::coop(coop)?.fleet_manager,
					Error::<T>::ConflictOfInterest
				);
				Self::update_coop(coop, |entry| entry.assessor = assessor)?
			}
		}
		Ok(())
	}

	fn update_coop(coop: CoopId, change: impl FnOnce(&mut Coop<T>)) -> DispatchResult {
		Coops::<T>::try_mutate(coop, |entry| -> DispatchResult {
			change(entry.as_mut().ok_or(Error::<T>::CoopNotFound)?);
			Ok(())
		})
	}

	/// What purchases and exits may spend: the reserve less `MinEndowment`, the working
	/// capital the co-op's account keeps alive with and pays the identity pallet's device and
	/// renter deposits from (they are held from this account, so the booked reserve counts
	/// them); and never more than the account's free balance beyond what members are owed
	/// (undistributed and unclaimed revenue), so a purchase or an exit never spends revenue.
	pub(crate) fn spendable_reserve(coop: CoopId, entry: &Coop<T>) -> BalanceOf<T> {
		let finances = &entry.finances;
		let owed = finances
			.undistributed
			.saturating_add(finances.distributed.saturating_sub(finances.claimed));
		let free = T::Currency::reducible_balance(
			&Self::coop_account(coop),
			Preservation::Preserve,
			Fortitude::Polite,
		);
		finances.reserve.saturating_sub(T::MinEndowment::get()).min(free.saturating_sub(owed))
	}

	/// Removes a closed proposal's votes (at most one per member).
	pub(crate) fn remove_votes(coop: CoopId, proposal: ProposalId) {
		let _ = Votes::<T>::clear_prefix((coop, proposal), T::MaxMembers::get(), None);
	}

	/// The buyer accepted the co-op's sale offer of `vehicle`: the price (paid into the
	/// co-op's account by the identity pallet) goes to the reserve, and the sale proposal's
	/// dissenters may exit at the reserve per share. Called by the ownership hook, after the
	/// transfer and before the vehicle leaves the fleet. A transfer to anyone but the offer's
	/// buyer paid nothing: it completes no sale (the offer is dropped with the fleet entry).
	pub(crate) fn complete_sale(coop: CoopId, vehicle: VehicleId) {
		let Some(sale) = PendingSales::<T>::get(vehicle).filter(|sale| {
			sale.coop == coop && T::Vehicles::owner(vehicle).as_ref() == Some(&sale.buyer)
		}) else {
			return;
		};
		PendingSales::<T>::remove(vehicle);
		Self::credit_reserve(coop, sale.price);
		let Some(entry) = Coops::<T>::get(coop) else { return };
		let spendable = to_u128::<T>(Self::spendable_reserve(coop, &entry)).unwrap_or(0);
		let per_share = spendable.checked_div(u128::from(entry.share_supply)).unwrap_or(0);
		let price_per_share = to_balance::<T>(per_share).unwrap_or_else(|_| Zero::zero());
		let until = Self::now().saturating_add(T::ExitWindow::get());
		SaleExits::<T>::insert(coop, sale.proposal, SaleExit { price_per_share, until });
		Self::deposit_event(Event::SaleCompleted {
			coop,
			proposal: sale.proposal,
			vehicle,
			price: sale.price,
			price_per_share,
			exit_until: until,
		});
	}

	/// A dissenter of a completed sale sells the shares it voted with back to the co-op.
	pub(crate) fn do_exit(coop: CoopId, proposal: ProposalId, who: T::AccountId) -> DispatchResult {
		let exit = SaleExits::<T>::get(coop, proposal).ok_or(Error::<T>::NoSaleExit)?;
		ensure!(Self::now() <= exit.until, Error::<T>::ExitClosed);
		let vote = Votes::<T>::get((coop, proposal), &who)
			.filter(|vote| !vote.aye)
			.ok_or(Error::<T>::NotDissenter)?;
		let mut entry = Self::coop(coop)?;
		let mut member = Members::<T>::get(coop, &who).ok_or(Error::<T>::NotMember)?;
		ensure!(member.open_votes == 0, Error::<T>::SharesLocked);
		let shares = member.shares.min(vote.shares);
		ensure!(shares > 0, Error::<T>::InsufficientShares);
		Self::settle(&mut member, entry.finances.reward_per_share)?;
		let buyback = to_u128::<T>(exit.price_per_share)?
			.checked_mul(u128::from(shares))
			.ok_or(Error::<T>::Overflow)?;
		let buyback = to_balance::<T>(buyback)?;
		ensure!(buyback <= Self::spendable_reserve(coop, &entry), Error::<T>::InsufficientReserve);
		let revenue = member.unclaimed;
		let paid = buyback.checked_add(&revenue).ok_or(Error::<T>::Overflow)?;
		T::Currency::transfer(&Self::coop_account(coop), &who, paid, Preservation::Preserve)?;
		let finances = &mut entry.finances;
		finances.reserve = finances.reserve.saturating_sub(buyback);
		finances.claimed = finances.claimed.saturating_add(revenue);
		entry.share_supply = entry.share_supply.saturating_sub(shares);
		member.unclaimed = Zero::zero();
		member.shares = member.shares.saturating_sub(shares);
		Votes::<T>::remove((coop, proposal), &who);
		Self::store_member(coop, &mut entry, &who, member);
		Coops::<T>::insert(coop, entry);
		Self::deposit_event(Event::MemberExited { coop, member: who, shares, paid });
		Ok(())
	}

	pub(crate) fn do_clear_expired_sale(vehicle: VehicleId) -> DispatchResult {
		let sale = PendingSales::<T>::get(vehicle).ok_or(Error::<T>::NoPendingSale)?;
		ensure!(Self::now() > sale.expires_at, Error::<T>::OfferNotExpired);
		// The identity pallet may have dropped the expired offer already: either way, no
		// offer is left, which is the point.
		let _ = T::Vehicles::cancel_offer(&Self::coop_account(sale.coop), vehicle);
		PendingSales::<T>::remove(vehicle);
		Self::remove_votes(sale.coop, sale.proposal);
		Self::deposit_event(Event::SaleOfferWithdrawn {
			coop: sale.coop,
			proposal: sale.proposal,
			vehicle,
		});
		Ok(())
	}

	pub(crate) fn do_clear_sale_exit(coop: CoopId, proposal: ProposalId) -> DispatchResult {
		let exit = SaleExits::<T>::get(coop, proposal).ok_or(Error::<T>::NoSaleExit)?;
		ensure!(Self::now() > exit.until, Error::<T>::ExitOpen);
		SaleExits::<T>::remove(coop, proposal);
		Self::remove_votes(coop, proposal);
		Self::deposit_event(Event::SaleExitClosed { coop, proposal });
		Ok(())
	}
}
