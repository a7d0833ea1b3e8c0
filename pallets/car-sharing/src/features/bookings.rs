//! Bookings: a renter books a slot, the worst-case price and a damage deposit are held;
//! cancellations and no-shows; what a sale, theft or scrapping does to a vehicle's bookings.

use polkadot_sdk::{
	frame_support::{
		defensive, ensure,
		storage::with_storage_layer,
		traits::{
			fungible::MutateHold,
			tokens::{Fortitude, Precision, Restriction},
			Get,
		},
	},
	frame_system::pallet_prelude::BlockNumberFor,
	sp_runtime::{
		traits::{CheckedAdd, CheckedMul, One, Zero},
		DispatchError, DispatchResult, SaturatedConversion, Saturating,
	},
};
use v2x_primitives::{Km, VehicleId, VehicleRegistry, VehicleStatus};

use crate::{
	BalanceOf, Booking, BookingId, BookingState, Bookings, Config, CoopId, CoopOfAccount, Error,
	Event, HoldReason, NextBookingId, Pallet, Rate, SlotsOf, VehicleBookings, VehicleCoop,
};

/// What a booking would hold, and where it goes in its vehicle's slots.
pub(crate) struct Quote<Balance> {
	pub coop: CoopId,
	pub rate: Rate<Balance>,
	pub held_price: Balance,
	pub deposit: Balance,
	/// Its index in the vehicle's slots, sorted by start.
	pub position: usize,
}

impl<T: Config> Pallet<T> {
	pub(crate) fn do_book(
		renter: T::AccountId,
		vehicle: VehicleId,
		start: BlockNumberFor<T>,
		end: BlockNumberFor<T>,
		max_km: Km,
	) -> DispatchResult {
		let quote = Self::quote_booking(vehicle, &renter, start, end, max_km)?;
		let booking = NextBookingId::<T>::get();
		let next = booking.checked_add(1).ok_or(Error::<T>::Overflow)?;
		Self::hold(HoldReason::BookingPrice, &renter, quote.held_price)?;
		Self::hold(HoldReason::DamageDeposit, &renter, quote.deposit)?;
		VehicleBookings::<T>::try_mutate(vehicle, |slots| {
			slots
				.try_insert(quote.position, (start, end, booking))
				.map_err(|_| Error::<T>::TooManyBookings)
		})?;
		NextBookingId::<T>::put(next);
		Bookings::<T>::insert(
			booking,
			Booking {
				coop: quote.coop,
				vehicle,
				renter: renter.clone(),
				start,
				end,
				max_km,
				rate: quote.rate,
				held_price: quote.held_price,
				deposit: quote.deposit,
				state: BookingState::Booked,
			},
		);
		Self::deposit_event(Event::Booked {
			booking,
			coop: quote.coop,
			vehicle,
			renter,
			start,
			end,
			held_price: quote.held_price,
			deposit: quote.deposit,
		});
		Ok(())
	}

	/// What booking `vehicle` for `who` from `start` to `end` for `max_km` would hold: the
	/// price and the damage deposit. The runtime API's quote.
	pub fn quote(
		vehicle: VehicleId,
		who: &T::AccountId,
		start: BlockNumberFor<T>,
		end: BlockNumberFor<T>,
		max_km: Km,
	) -> Result<(BalanceOf<T>, BalanceOf<T>), DispatchError> {
		Self::quote_booking(vehicle, who, start, end, max_km)
			.map(|quote| (quote.held_price, quote.deposit))
	}

	/// Checks a booking as `book` does and prices it: `hours * per_hour + max_km * per_km` at
	/// the member's or renter's rate, hours counted per started hour of the slot.
	pub(crate) fn quote_booking(
		vehicle: VehicleId,
		renter: &T::AccountId,
		start: BlockNumberFor<T>,
		end: BlockNumberFor<T>,
		max_km: Km,
	) -> Result<Quote<BalanceOf<T>>, DispatchError> {
		let coop_id = VehicleCoop::<T>::get(vehicle).ok_or(Error::<T>::NotInFleet)?;
		ensure!(
			T::Vehicles::status(vehicle) == Some(VehicleStatus::Active),
			Error::<T>::VehicleNotActive
		);
		let now = Self::now();
		ensure!(start >= now, Error::<T>::StartInPast);
		ensure!(start <= now.saturating_add(T::MaxBookAhead::get()), Error::<T>::StartTooFarAhead);
		ensure!(end >= start, Error::<T>::InvalidSlot);
		ensure!(
			end.saturating_sub(start) < T::MaxBookingDuration::get(),
			Error::<T>::BookingTooLong
		);
		let slots = VehicleBookings::<T>::get(vehicle);
		// Inclusive ranges overlap unless one ends before the other starts.
		ensure!(!slots.iter().any(|(s, e, _)| *s <= end && start <= *e), Error::<T>::SlotTaken);
		ensure!(
			(slots.len() as u32) < T::MaxBookingsPerVehicle::get(),
			Error::<T>::TooManyBookings
		);
		let position = slots.iter().take_while(|(s, _, _)| *s < start).count();
		let coop = Self::coop(coop_id)?;
		ensure!(*renter != coop.assessor, Error::<T>::ConflictOfInterest);
		let pricing = Self::pricing_of(&coop, coop_id, vehicle);
		let rate = if Self::is_member(coop_id, renter) { pricing.member } else { pricing.renter };
		let hours = Self::started_hours(end.saturating_sub(start).saturating_add(One::one()));
		let held_price = Self::price(&rate, hours, max_km).ok_or(Error::<T>::Overflow)?;
		Ok(Quote { coop: coop_id, rate, held_price, deposit: pricing.damage_deposit, position })
	}

	/// How many hours `blocks` blocks started (rounded up).
	pub(crate) fn started_hours(blocks: BlockNumberFor<T>) -> u32 {
		let per_hour = T::BlocksPerHour::get().max(One::one());
		let whole = blocks / per_hour;
		let started =
			if (blocks % per_hour).is_zero() { whole } else { whole.saturating_add(One::one()) };
		started.saturated_into()
	}

	/// `hours * per_hour + km * per_km`, or `None` beyond the balance type.
	pub(crate) fn price(rate: &Rate<BalanceOf<T>>, hours: u32, km: Km) -> Option<BalanceOf<T>> {
		let time = rate.per_hour.checked_mul(&BalanceOf::<T>::from(hours))?;
		let distance = rate.per_km.checked_mul(&BalanceOf::<T>::from(km))?;
		time.checked_add(&distance)
	}

	pub(crate) fn do_cancel_booking(who: T::AccountId, id: BookingId) -> DispatchResult {
		let booking = Bookings::<T>::get(id).ok_or(Error::<T>::BookingNotFound)?;
		ensure!(booking.state == BookingState::Booked, Error::<T>::NotBooked);
		let coop = Self::coop(booking.coop)?;
		let now = Self::now();
		let fee = if who == booking.renter && now < booking.start {
			if now.saturating_add(coop.rules.free_cancellation) <= booking.start {
				Zero::zero()
			} else {
				coop.rules.late_cancellation_fee.mul_floor(booking.held_price)
			}
		} else if who == coop.fleet_manager {
			Zero::zero()
		} else if who == booking.renter {
			return Err(Error::<T>::TooLate.into());
		} else {
			return Err(Error::<T>::NotAllowed.into());
		};
		Self::close_booking(id, &booking, fee)?;
		Self::deposit_event(Event::BookingCancelled { booking: id, fee });
		Ok(())
	}

	pub(crate) fn do_close_no_show(id: BookingId) -> DispatchResult {
		let booking = Bookings::<T>::get(id).ok_or(Error::<T>::BookingNotFound)?;
		ensure!(booking.state == BookingState::Booked, Error::<T>::NotBooked);
		ensure!(Self::now() > booking.end, Error::<T>::TooEarly);
		let fee =
			Self::coop(booking.coop)?.rules.late_cancellation_fee.mul_floor(booking.held_price);
		Self::close_booking(id, &booking, fee)?;
		Self::deposit_event(Event::NoShow { booking: id, fee });
		Ok(())
	}

	/// Finishes a booking that never started: `fee` of its held price goes to the co-op as
	/// income, the rest of the price and the whole deposit back to the renter.
	fn close_booking(id: BookingId, booking: &Booking<T>, fee: BalanceOf<T>) -> DispatchResult {
		Self::pay_held(HoldReason::BookingPrice, &booking.renter, booking.coop, fee)?;
		Self::credit_income(booking.coop, fee);
		Self::release(
			HoldReason::BookingPrice,
			&booking.renter,
			booking.held_price.saturating_sub(fee),
		);
		Self::release(HoldReason::DamageDeposit, &booking.renter, booking.deposit);
		Self::unlist_booking(booking.vehicle, id);
		Bookings::<T>::remove(id);
		Ok(())
	}

	/// Pays `amount` of what `renter` holds for `reason` into the co-op's account (the caller
	/// credits it to the co-op's finances).
	pub(crate) fn pay_held(
		reason: HoldReason,
		renter: &T::AccountId,
		coop: CoopId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Currency::transfer_on_hold(
			&reason.into(),
			renter,
			&Self::coop_account(coop),
			amount,
			Precision::Exact,
			Restriction::Free,
			Fortitude::Polite,
		)
		.map(|_| ())
	}

	/// Takes booking `id` off its vehicle's slots.
	pub(crate) fn unlist_booking(vehicle: VehicleId, id: BookingId) {
		VehicleBookings::<T>::mutate_exists(vehicle, |slots| {
			if let Some(list) = slots {
				list.retain(|(_, _, booking)| *booking != id);
				if list.is_empty() {
					*slots = None;
				}
			}
		});
	}

	/// Ends every booking of `vehicle` now: a booked one is cancelled without fee (price and
	/// deposit back), a trip under way is settled with the hours and km so far. The identity
	/// pallet ended the renter's operator right with the sale, theft or scrapping.
	pub(crate) fn end_vehicle_bookings(vehicle: VehicleId) {
		// A trip whose settlement failed (it should not) keeps its slot: `try_state` reports
		// it instead of losing track of its holds.
		let mut unsettled = SlotsOf::<T>::default();
		for slot in VehicleBookings::<T>::take(vehicle) {
			let (_, _, id) = slot;
			let Some(booking) = Bookings::<T>::get(id) else {
				defensive!("a booked slot without its booking");
				continue;
			};
			match booking.state {
				BookingState::Booked => {
					Self::release(HoldReason::BookingPrice, &booking.renter, booking.held_price);
					Self::release(HoldReason::DamageDeposit, &booking.renter, booking.deposit);
					Bookings::<T>::remove(id);
					Self::deposit_event(Event::BookingCancelled { booking: id, fee: Zero::zero() });
				}
				BookingState::InTrip { .. } => {
					// The hook cannot fail its caller: a failed settlement leaves nothing behind.
					if with_storage_layer(|| Self::settle_trip(id, booking)).is_err() {
						defensive!("a trip could not be settled");
						let _ = unsettled.try_push(slot);
					}
				}
				BookingState::Returned { .. } => {
					defensive!("a returned booking had a slot");
				}
			}
		}
		if !unsettled.is_empty() {
			VehicleBookings::<T>::insert(vehicle, unsettled);
		}
	}

	/// `vehicle` was sold by `old` to `new` (the identity pallet's ownership hook).
	pub(crate) fn on_vehicle_sold(vehicle: VehicleId, old: &T::AccountId, _new: &T::AccountId) {
		let Some(coop) = CoopOfAccount::<T>::get(old) else { return };
		if VehicleCoop::<T>::get(vehicle) != Some(coop) {
			return;
		}
		Self::end_vehicle_bookings(vehicle);
		Self::complete_sale(coop, vehicle);
		Self::leave_fleet(coop, vehicle);
	}

	/// `vehicle`'s status changed (the identity pallet's status hook).
	pub(crate) fn on_vehicle_status(vehicle: VehicleId, status: VehicleStatus) {
		let Some(coop) = VehicleCoop::<T>::get(vehicle) else { return };
		match status {
			VehicleStatus::Stolen => Self::end_vehicle_bookings(vehicle),
			VehicleStatus::Scrapped => {
				Self::end_vehicle_bookings(vehicle);
				Self::leave_fleet(coop, vehicle);
			}
			// A recovered vehicle takes new bookings.
			VehicleStatus::Active => {}
		}
	}
}
