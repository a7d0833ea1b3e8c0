//! The escrow arithmetic: how much of a grant's price has accrued by a block, how it splits
//! between the owner, the manufacturer and the platform, and the payments that follow.
//!
//! Everything is computed from cumulative totals, so rounding never drifts:
//!
//! - `accrued(at) = floor(amount * (at - start) / (expires_at - start))`, clamped to the
//!   grant's time: what the parties have earned by block `at`;
//! - of an accrued total `x`, the manufacturer and the platform together are due
//!   `pot = floor((manufacturer share + platform share) * x)`, of which the manufacturer is
//!   due `floor(pot * manufacturer share / (both shares))` and the platform the rest; the
//!   owner is due `x - pot`, the remainder.
//!
//! Each due amount only grows with `x` (the owner's because the shares add up to at most
//! 100 %, the platform's because the manufacturer's part of the pot is at most the pot), so
//! each payment is "due now minus paid before" and never negative, and the three payments
//! always add up to exactly what left escrow.

use polkadot_sdk::{
	frame_support::traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision, Restriction},
		Get,
	},
	frame_system::pallet_prelude::BlockNumberFor,
	sp_runtime::{
		helpers_128bit::multiply_by_rational_with_rounding,
		traits::{Saturating, Zero},
		Rounding, SaturatedConversion,
	},
};

use crate::{BalanceOf, Config, Event, Grant, HoldReason, ListingId, Pallet, Shares};

/// `value * numerator / denominator`, rounded down; `value` if the denominator is zero.
fn fraction(value: u128, numerator: u128, denominator: u128) -> u128 {
	if denominator == 0 {
		return value;
	}
	multiply_by_rational_with_rounding(value, numerator, denominator, Rounding::Down)
		.unwrap_or(value)
}

impl<T: Config> Pallet<T> {
	/// What of `grant`'s escrow has accrued to the parties by block `at`.
	pub(crate) fn accrued(grant: &Grant<T>, at: BlockNumberFor<T>) -> BalanceOf<T> {
		let at = at.clamp(grant.start, grant.expires_at);
		let elapsed: u128 = at.saturating_sub(grant.start).saturated_into();
		let length: u128 = grant.expires_at.saturating_sub(grant.start).saturated_into();
		let amount: u128 = grant.amount.saturated_into();
		fraction(amount, elapsed, length).saturated_into()
	}

	/// How an accrued total splits between the owner, the manufacturer and the platform.
	pub(crate) fn split(total: BalanceOf<T>) -> Shares<BalanceOf<T>> {
		let manufacturer_share = T::ManufacturerShare::get();
		let both = manufacturer_share.saturating_add(T::PlatformShare::get());
		let pot = both.mul_floor(total);
		let manufacturer: BalanceOf<T> = fraction(
			pot.saturated_into(),
			manufacturer_share.deconstruct().into(),
			both.deconstruct().into(),
		)
		.saturated_into();
		let manufacturer = if both.is_zero() { Zero::zero() } else { manufacturer.min(pot) };
		Shares {
			owner: total.saturating_sub(pot),
			manufacturer,
			platform: pot.saturating_sub(manufacturer),
		}
	}

	/// Pays each party of `buyer`'s grant on `listing` what it is due of `accrued` beyond what
	/// it was paid, from the buyer's escrow. A payment the recipient cannot take (it would
	/// leave a new account below the existential deposit) waits for a later release; at the
	/// grant's end it goes back to the buyer with the refund.
	pub(crate) fn pay_due(
		listing: ListingId,
		seller: &T::AccountId,
		buyer: &T::AccountId,
		grant: &mut Grant<T>,
		accrued: BalanceOf<T>,
	) {
		let due = Self::split(accrued);
		let treasury = T::Treasury::get();
		let sent = Shares {
			owner: Self::pay(buyer, seller, due.owner.saturating_sub(grant.paid.owner)),
			manufacturer: Self::pay(
				buyer,
				&grant.manufacturer,
				due.manufacturer.saturating_sub(grant.paid.manufacturer),
			),
			platform: Self::pay(buyer, &treasury, due.platform.saturating_sub(grant.paid.platform)),
		};
		let total = sent.owner.saturating_add(sent.manufacturer).saturating_add(sent.platform);
		if total.is_zero() {
			return;
		}
		grant.paid.owner.saturating_accrue(sent.owner);
		grant.paid.manufacturer.saturating_accrue(sent.manufacturer);
		grant.paid.platform.saturating_accrue(sent.platform);
		grant.released.saturating_accrue(total);
		Self::deposit_event(Event::PaymentsReleased {
			listing,
			buyer: buyer.clone(),
			to_owner: sent.owner,
			to_manufacturer: sent.manufacturer,
			to_platform: sent.platform,
		});
	}

	/// Moves `amount` from `buyer`'s escrow to `to`; returns what moved (all or nothing).
	fn pay(buyer: &T::AccountId, to: &T::AccountId, amount: BalanceOf<T>) -> BalanceOf<T> {
		if amount.is_zero() {
			return amount;
		}
		T::Currency::transfer_on_hold(
			&HoldReason::Escrow.into(),
			buyer,
			to,
			amount,
			Precision::Exact,
			Restriction::Free,
			Fortitude::Polite,
		)
		.unwrap_or_else(|_| Zero::zero())
	}
}
