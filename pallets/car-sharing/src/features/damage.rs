//! Damage: claims against a returned booking's deposit, disputes decided by the co-op's
//! assessor, and the deposit's release.

use polkadot_sdk::{sp_core::H256, sp_runtime::DispatchResult};

use crate::{BalanceOf, BookingId, Config, Pallet};

impl<T: Config> Pallet<T> {
	// helper B
	pub(crate) fn do_file_claim(
		_who: T::AccountId,
		_booking: BookingId,
		_amount: BalanceOf<T>,
		_evidence: H256,
	) -> DispatchResult {
		Ok(())
	}

	// helper B
	pub(crate) fn do_dispute_claim(_who: T::AccountId, _booking: BookingId) -> DispatchResult {
		Ok(())
	}

	// helper B
	pub(crate) fn do_accept_claim(_who: T::AccountId, _booking: BookingId) -> DispatchResult {
		Ok(())
	}

	// helper B
	pub(crate) fn do_decide_claim(
		_who: T::AccountId,
		_booking: BookingId,
		_award: BalanceOf<T>,
	) -> DispatchResult {
		Ok(())
	}

	// helper B
	pub(crate) fn do_settle_claim(_booking: BookingId) -> DispatchResult {
		Ok(())
	}

	// helper B
	pub(crate) fn do_release_deposit(_booking: BookingId) -> DispatchResult {
		Ok(())
	}
}
