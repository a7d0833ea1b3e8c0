//! Platoons: trucks follow a leader under a payment rule fixed at formation, and pay the
//! leader's payee a share of their estimated fuel saving per km. A follower's price for its
//! most km is held in escrow when it joins; a segment is paid only for the km both the
//! leader's and that follower's devices attested (the lesser of the two), so a one-sided
//! attestation is never paid, and a leader who stops early is paid pro rata.

use polkadot_sdk::{
	frame_support::{
		defensive, ensure,
		traits::{
			fungible::MutateHold,
			tokens::{Fortitude, Precision, Restriction},
			Get,
		},
	},
	sp_runtime::{
		traits::{CheckedMul, Saturating, Zero},
		DispatchError, DispatchResult,
	},
};
use v2x_primitives::{VehicleId, VehicleRegistry};

use crate::{
	BalanceOf, Config, Error, Event, Follower, HoldReason, NextPlatoonId, Pallet, Platoon,
	PlatoonId, PlatoonRule, Platoons, Segment, TollTotals, VehiclePlatoon,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_form_platoon(
		who: T::AccountId,
		leader: VehicleId,
		rule: PlatoonRule<BalanceOf<T>>,
	) -> DispatchResult {
		let price_per_km = rule.leader_share.mul_floor(rule.saving_per_km);
		ensure!(!price_per_km.is_zero(), Error::<T>::InvalidPlatoonRule);
		Self::ensure_may_enter_platoon(&who, leader)?;
		let id = NextPlatoonId::<T>::get();
		NextPlatoonId::<T>::put(id.checked_add(1).ok_or(Error::<T>::Overflow)?);
		let deposit = T::PlatoonDeposit::get();
		Self::hold(HoldReason::Deposit, &who, deposit)?;
		let platoon = Platoon {
			leader,
			payee: who.clone(),
			rule,
			price_per_km,
			followers: Default::default(),
			segment: None,
			next_segment: 0,
			deposit,
		};
		Platoons::<T>::insert(id, platoon);
		VehiclePlatoon::<T>::insert(leader, id);
		Self::deposit_event(Event::PlatoonFormed { platoon: id, leader, payee: who, price_per_km });
		Ok(())
	}

	pub(crate) fn do_join_platoon(
		who: T::AccountId,
		id: PlatoonId,
		follower: VehicleId,
		max_km: u32,
	) -> DispatchResult {
		let mut platoon = Self::platoon(id)?;
		Self::ensure_may_enter_platoon(&who, follower)?;
		// The followers a segment pays are those at its start.
		ensure!(platoon.segment.is_none(), Error::<T>::SegmentOpen);
		ensure!(platoon.followers.len() < T::MaxFollowers::get() as usize, Error::<T>::PlatoonFull);
		ensure!(max_km > 0, Error::<T>::ZeroDistance);
		let held = platoon.price_per_km.checked_mul(&max_km.into()).ok_or(Error::<T>::Overflow)?;
		Self::hold(HoldReason::PlatoonEscrow, &who, held)?;
		let entry = Follower { vehicle: follower, payer: who.clone(), max_km, paid_km: 0, held };
		platoon.followers.try_push(entry).map_err(|_| Error::<T>::PlatoonFull)?;
		Platoons::<T>::insert(id, platoon);
		VehiclePlatoon::<T>::insert(follower, id);
		Self::deposit_event(Event::FollowerJoined {
			platoon: id,
			follower,
			payer: who,
			max_km,
			held,
		});
		Ok(())
	}

	pub(crate) fn do_start_segment(
		device: T::AccountId,
		id: PlatoonId,
		planned_km: u32,
	) -> DispatchResult {
		let mut platoon = Self::platoon(id)?;
		ensure!(
			T::Vehicles::vehicle_of_device(&device) == Some(platoon.leader),
			Error::<T>::NotLeaderDevice
		);
		ensure!(!platoon.followers.is_empty(), Error::<T>::NoFollowers);
		ensure!(planned_km > 0, Error::<T>::ZeroDistance);
		if let Some(open) = platoon.segment.take() {
			// Until the leader attests, its followers' attestations wait for it.
			ensure!(open.leader_km.is_some(), Error::<T>::SegmentOpen);
			Self::close_segment(id, &platoon, &open);
		}
		let number = platoon.next_segment;
		platoon.next_segment = number.saturating_add(1);
		platoon.segment =
			Some(Segment { number, planned_km, leader_km: None, attested: Default::default() });
		Platoons::<T>::insert(id, platoon);
		Self::deposit_event(Event::SegmentStarted { platoon: id, segment: number, planned_km });
		Ok(())
	}

	pub(crate) fn do_attest_segment(
		device: T::AccountId,
		id: PlatoonId,
		km: u32,
	) -> DispatchResult {
		let mut platoon = Self::platoon(id)?;
		let vehicle = T::Vehicles::vehicle_of_device(&device)
			.filter(|vehicle| {
				*vehicle == platoon.leader
					|| platoon.followers.iter().any(|f| f.vehicle == *vehicle)
			})
			.ok_or(Error::<T>::NotPlatoonDevice)?;
		let mut segment = platoon.segment.take().ok_or(Error::<T>::NoOpenSegment)?;
		ensure!(km <= segment.planned_km, Error::<T>::BeyondPlannedDistance);
		let number = segment.number;
		if vehicle == platoon.leader {
			ensure!(segment.leader_km.is_none(), Error::<T>::AlreadyAttested);
			segment.leader_km = Some(km);
			Self::deposit_event(Event::SegmentAttested {
				platoon: id,
				segment: number,
				vehicle,
				km,
			});
			// Every follower that attested first is paid now.
			for (follower, follower_km, paid) in segment.attested.iter_mut() {
				if !*paid {
					Self::pay_leader(id, &mut platoon, number, *follower, km.min(*follower_km))?;
					*paid = true;
				}
			}
		} else {
			ensure!(
				!segment.attested.iter().any(|(follower, ..)| *follower == vehicle),
				Error::<T>::AlreadyAttested
			);
			let leader_km = segment.leader_km;
			segment
				.attested
				.try_push((vehicle, km, leader_km.is_some()))
				.map_err(|_| Error::<T>::PlatoonFull)?;
			Self::deposit_event(Event::SegmentAttested {
				platoon: id,
				segment: number,
				vehicle,
				km,
			});
			if let Some(leader_km) = leader_km {
				Self::pay_leader(id, &mut platoon, number, vehicle, leader_km.min(km))?;
			}
		}
		platoon.segment = Self::unless_complete(id, &platoon, segment);
		Platoons::<T>::insert(id, platoon);
		Ok(())
	}

	pub(crate) fn do_leave_platoon(
		who: T::AccountId,
		id: PlatoonId,
		vehicle: VehicleId,
	) -> DispatchResult {
		let platoon = Self::platoon(id)?;
		let responsible = if vehicle == platoon.leader {
			&platoon.payee
		} else {
			&platoon
				.followers
				.iter()
				.find(|follower| follower.vehicle == vehicle)
				.ok_or(Error::<T>::NotInPlatoon)?
				.payer
		};
		ensure!(
			who == *responsible || T::Vehicles::may_operate(vehicle, &who),
			Error::<T>::NotOperator
		);
		Self::leave(id, platoon, vehicle);
		Ok(())
	}

	/// Takes `vehicle` out of its platoon, if it drives in one: a sale, a theft or scrapping
	/// ends what the old owner set up. A leader dissolves its platoon (at most `MaxFollowers`
	/// escrows released), a follower leaves.
	pub(crate) fn leave_platoon_on_hook(vehicle: VehicleId) {
		let Some(id) = VehiclePlatoon::<T>::get(vehicle) else { return };
		match Platoons::<T>::get(id) {
			Some(platoon) => Self::leave(id, platoon, vehicle),
			None => {
				defensive!("a vehicle's platoon is missing");
				VehiclePlatoon::<T>::remove(vehicle);
			}
		}
	}

	pub(crate) fn platoon(id: PlatoonId) -> Result<Platoon<T>, DispatchError> {
		Platoons::<T>::get(id).ok_or_else(|| Error::<T>::UnknownPlatoon.into())
	}

	/// Fails unless `who` may operate `vehicle`, it is active, and in no platoon.
	fn ensure_may_enter_platoon(who: &T::AccountId, vehicle: VehicleId) -> DispatchResult {
		ensure!(T::Vehicles::may_operate(vehicle, who), Error::<T>::NotOperator);
		Self::ensure_active(vehicle)?;
		ensure!(!VehiclePlatoon::<T>::contains_key(vehicle), Error::<T>::AlreadyInPlatoon);
		Ok(())
	}

	/// `follower` pays the payee for `km` of segment `segment` (at most what is left of its
	/// `max_km`) from its escrow.
	fn pay_leader(
		id: PlatoonId,
		platoon: &mut Platoon<T>,
		segment: u32,
		follower: VehicleId,
		km: u32,
	) -> DispatchResult {
		let Some(entry) = platoon.followers.iter_mut().find(|f| f.vehicle == follower) else {
			defensive!("an attestation of a vehicle that is no follower");
			return Ok(());
		};
		let km = km.min(entry.max_km.saturating_sub(entry.paid_km));
		// `held` is `price_per_km × (max_km - paid_km)`: the price fits it.
		let amount = platoon.price_per_km.saturating_mul(km.into()).min(entry.held);
		if !amount.is_zero() {
			T::Currency::transfer_on_hold(
				&HoldReason::PlatoonEscrow.into(),
				&entry.payer,
				&platoon.payee,
				amount,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Polite,
			)?;
		}
		entry.paid_km = entry.paid_km.saturating_add(km);
		entry.held = entry.held.saturating_sub(amount);
		TollTotals::<T>::mutate(follower, |totals| {
			totals.km_followed = totals.km_followed.saturating_add(km.into());
		});
		TollTotals::<T>::mutate(platoon.leader, |totals| {
			totals.km_led = totals.km_led.saturating_add(km.into());
		});
		Self::deposit_event(Event::SegmentPaid { platoon: id, segment, follower, km, amount });
		Ok(())
	}

	/// The segment, unless the leader and every follower attested it: then it closes.
	fn unless_complete(
		id: PlatoonId,
		platoon: &Platoon<T>,
		segment: Segment<T>,
	) -> Option<Segment<T>> {
		let complete = segment.leader_km.is_some()
			&& platoon
				.followers
				.iter()
				.all(|f| segment.attested.iter().any(|(vehicle, ..)| *vehicle == f.vehicle));
		if !complete {
			return Some(segment);
		}
		Self::close_segment(id, platoon, &segment);
		None
	}

	/// Emits `SegmentClosed` with the followers the leader's attestation was not matched by
	/// (they did not attest): they are not paid for the segment.
	fn close_segment(id: PlatoonId, platoon: &Platoon<T>, segment: &Segment<T>) {
		let unpaid = platoon
			.followers
			.iter()
			.filter(|f| {
				!segment.attested.iter().any(|(vehicle, _, paid)| *vehicle == f.vehicle && *paid)
			})
			.count();
		Self::deposit_event(Event::SegmentClosed {
			platoon: id,
			segment: segment.number,
			unpaid: unpaid as u32,
		});
	}

	/// `vehicle` leaves: a follower's escrow is released (its attestations of the open segment
	/// dropped); a leader dissolves the platoon, releasing every escrow and the deposit.
	fn leave(id: PlatoonId, mut platoon: Platoon<T>, vehicle: VehicleId) {
		if vehicle == platoon.leader {
			for follower in &platoon.followers {
				Self::release_follower(id, follower);
			}
			Self::release(HoldReason::Deposit, &platoon.payee, platoon.deposit);
			VehiclePlatoon::<T>::remove(vehicle);
			Platoons::<T>::remove(id);
			Self::deposit_event(Event::PlatoonDissolved { platoon: id });
			return;
		}
		let Some(position) = platoon.followers.iter().position(|f| f.vehicle == vehicle) else {
			defensive!("a platoon's vehicle is neither its leader nor a follower");
			VehiclePlatoon::<T>::remove(vehicle);
			return;
		};
		let follower = platoon.followers.remove(position);
		Self::release_follower(id, &follower);
		if let Some(mut segment) = platoon.segment.take() {
			segment.attested.retain(|(attested, ..)| *attested != vehicle);
			platoon.segment = Self::unless_complete(id, &platoon, segment);
		}
		Platoons::<T>::insert(id, platoon);
	}

	/// Releases a leaving follower's escrow and frees its vehicle.
	fn release_follower(id: PlatoonId, follower: &Follower<T>) {
		Self::release(HoldReason::PlatoonEscrow, &follower.payer, follower.held);
		VehiclePlatoon::<T>::remove(follower.vehicle);
		Self::deposit_event(Event::FollowerLeft {
			platoon: id,
			follower: follower.vehicle,
			refunded: follower.held,
		});
	}
}
