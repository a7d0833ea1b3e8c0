//! Trips: the vehicle's bound device checks the renter in and out; the price is settled from
//! the actual hours and km.

use polkadot_sdk::{
	frame_support::ensure,
	sp_core::H256,
	sp_runtime::{
		traits::{Bounded, One},
		DispatchError, DispatchResult, Percent, Saturating,
	},
};
use v2x_primitives::{Km, OdometerLog, VehicleControl, VehicleId, VehicleRegistry};

use crate::{
	Booking, BookingId, BookingState, Bookings, Config, Error, Event, HoldReason, Pallet,
	VehicleBookings, VehicleTripTotals,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_check_in(
		device: T::AccountId,
		id: BookingId,
		odometer_km: Km,
		state_of_charge: Percent,
		evidence: H256,
	) -> DispatchResult {
		let mut booking = Bookings::<T>::get(id).ok_or(Error::<T>::BookingNotFound)?;
		Self::ensure_vehicle_device(&device, booking.vehicle)?;
		ensure!(booking.state == BookingState::Booked, Error::<T>::NotBooked);
		let now = Self::now();
		ensure!(booking.start <= now && now <= booking.end, Error::<T>::OutsideSlot);
		Self::ensure_no_trip_before(&booking)?;
		// A flagged reading stays in the history as evidence; the trip counts from the
		// vehicle's true distance.
		T::Odometer::record_bound_device_reading(booking.vehicle, odometer_km)?;
		let start_km = T::Odometer::current_km(booking.vehicle).unwrap_or(0);
		T::Vehicles::grant_operator(
			&Self::coop_account(booking.coop),
			booking.vehicle,
			&booking.renter,
			booking.end,
		)?;
		booking.state = BookingState::InTrip { checked_in_at: now, start_km };
		let (vehicle, renter) = (booking.vehicle, booking.renter.clone());
		Bookings::<T>::insert(id, booking);
		Self::deposit_event(Event::TripStarted {
			booking: id,
			vehicle,
			renter,
			odometer_km,
			state_of_charge,
			evidence,
		});
		Ok(())
	}

	/// The state of charge and the evidence hash are for the apps (the call's arguments):
	/// the price depends on hours and km only.
	pub(crate) fn do_check_out(
		device: T::AccountId,
		id: BookingId,
		odometer_km: Km,
		_state_of_charge: Percent,
		_evidence: H256,
	) -> DispatchResult {
		let booking = Bookings::<T>::get(id).ok_or(Error::<T>::BookingNotFound)?;
		Self::ensure_vehicle_device(&device, booking.vehicle)?;
		ensure!(matches!(booking.state, BookingState::InTrip { .. }), Error::<T>::NotInTrip);
		// A flagged reading (a rollback, an implausible jump) leaves the true distance as it
		// was: the trip's km can neither go below zero nor grow by it.
		T::Odometer::record_bound_device_reading(booking.vehicle, odometer_km)?;
		Self::end_trip(id, booking)
	}

	pub(crate) fn do_end_trip_without_device(who: T::AccountId, id: BookingId) -> DispatchResult {
		let booking = Bookings::<T>::get(id).ok_or(Error::<T>::BookingNotFound)?;
		ensure!(matches!(booking.state, BookingState::InTrip { .. }), Error::<T>::NotInTrip);
		if who != booking.renter {
			let coop = Self::coop(booking.coop)?;
			ensure!(who == coop.fleet_manager, Error::<T>::NotAllowed);
			ensure!(Self::now() > booking.end, Error::<T>::TooEarly);
		}
		Self::end_trip(id, booking)
	}

	/// Settles a trip and ends the renter's operator right.
	fn end_trip(id: BookingId, booking: Booking<T>) -> DispatchResult {
		let owner = Self::coop_account(booking.coop);
		let (vehicle, renter) = (booking.vehicle, booking.renter.clone());
		Self::settle_trip(id, booking)?;
		// A failed revocation is ignored only when the right is already gone (the identity
		// pallet ended it with a theft report, or pruned it after it expired): anything else
		// undoes the call.
		if let Err(error) = T::Vehicles::revoke_operator(&owner, vehicle, &renter) {
			ensure!(T::Vehicles::operating_right(vehicle, &renter).is_none(), error);
		}
		Ok(())
	}

	/// Settles a trip now: hours since check-in (per started hour, at least one), km by the
	/// vehicle's true distance since check-in. The price is paid to the co-op from the held
	/// price, any excess from the deposit (as far as it goes); the rest of the held price goes
	/// back. The booking stays, returned, with what is left of its deposit for the claim
	/// window.
	pub(crate) fn settle_trip(id: BookingId, mut booking: Booking<T>) -> DispatchResult {
		let BookingState::InTrip { checked_in_at, start_km } = booking.state else {
			return Err(Error::<T>::NotInTrip.into());
		};
		let now = Self::now();
		let km =
			T::Odometer::current_km(booking.vehicle).unwrap_or(start_km).saturating_sub(start_km);
		let hours =
			Self::started_hours(now.saturating_sub(checked_in_at).saturating_add(One::one()))
				.max(1);
		// A price beyond the balance type is more than anything held: all of it is taken.
		let price = Self::price(&booking.rate, hours, km).unwrap_or_else(Bounded::max_value);
		let from_price = price.min(booking.held_price);
		let from_deposit = price.saturating_sub(from_price).min(booking.deposit);
		Self::pay_held(HoldReason::BookingPrice, &booking.renter, booking.coop, from_price)?;
		Self::pay_held(HoldReason::DamageDeposit, &booking.renter, booking.coop, from_deposit)?;
		Self::release(
			HoldReason::BookingPrice,
			&booking.renter,
			booking.held_price.saturating_sub(from_price),
		);
		let paid = from_price.saturating_add(from_deposit);
		Self::credit_income(booking.coop, paid);
		VehicleTripTotals::<T>::mutate(booking.vehicle, |totals| {
			totals.trips = totals.trips.saturating_add(1);
			totals.km = totals.km.saturating_add(km.into());
			totals.revenue = totals.revenue.saturating_add(paid);
		});
		Self::unlist_booking(booking.vehicle, id);
		booking.deposit = booking.deposit.saturating_sub(from_deposit);
		booking.state = BookingState::Returned { returned_at: now, claim: None };
		Bookings::<T>::insert(id, booking);
		Self::deposit_event(Event::TripEnded { booking: id, hours, km, price: paid, from_deposit });
		Ok(())
	}

	/// Fails while an earlier booking of the vehicle is still in trip (a car not returned):
	/// one renter at a time. Later bookings cannot have started.
	fn ensure_no_trip_before(booking: &Booking<T>) -> DispatchResult {
		for (start, _, other) in VehicleBookings::<T>::get(booking.vehicle) {
			if start >= booking.start {
				break;
			}
			let in_trip = Bookings::<T>::get(other)
				.is_some_and(|b| matches!(b.state, BookingState::InTrip { .. }));
			ensure!(!in_trip, Error::<T>::VehicleInTrip);
		}
		Ok(())
	}

	/// Fails unless `device` is bound to `vehicle` now.
	fn ensure_vehicle_device(
		device: &T::AccountId,
		vehicle: VehicleId,
	) -> Result<(), DispatchError> {
		ensure!(
			T::Vehicles::vehicle_of_device(device) == Some(vehicle),
			Error::<T>::NotVehicleDevice
		);
		Ok(())
	}
}
