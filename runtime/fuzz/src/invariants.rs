//! What must hold after every block, whatever the calls were.

use polkadot_sdk::{
	frame_support::traits::{Get, TryState, TryStateSelect},
	frame_system, pallet_balances,
};
use v2x_runtime::{
	AllPalletsWithSystem, Balance, Balances, BlockNumber, Runtime, RuntimeHoldReason,
};

use crate::logger;

/// Checks, in order: every pallet's `try_state` (for each domain pallet that includes that each
/// of its hold reasons holds, on every account, exactly what its storage says), the total
/// issuance, that the accounts add up to it, that every hold was made by a domain pallet and is
/// all of the account's reserved balance, that every car-sharing co-op's account is alive and
/// holds nothing but the identity pallet's deposits, and that no `defensive!` fired.
///
/// The issuance must not move at all: the program dispatches calls directly, so no transaction
/// fee is charged (`ChargeTransactionPayment` is a transaction extension, and even there the
/// runtime pays the fee to the block author, `configs/monetary.rs`, leaving the issuance alone).
pub fn check(n: BlockNumber, issuance: Balance) -> Result<(), String> {
	logger::take_try_state();
	AllPalletsWithSystem::try_state(n, TryStateSelect::All)
		.map_err(|e| format!("try_state failed: {e:?} {:?}", logger::take_try_state()))?;
	let total = Balances::total_issuance();
	if total != issuance {
		return Err(format!("total issuance moved from {issuance} to {total}"));
	}
	let mut sum: Balance = 0;
	for (who, account) in frame_system::Account::<Runtime>::iter() {
		sum = sum.saturating_add(account.data.free).saturating_add(account.data.reserved);
		let holds = pallet_balances::Holds::<Runtime>::get(&who);
		let mut held: Balance = 0;
		for hold in &holds {
			if !is_domain_hold(&hold.id) {
				return Err(format!("{who} has a hold {:?} no domain pallet made", hold.id));
			}
			held = held.saturating_add(hold.amount);
		}
		// The chain uses no reserves (`MaxReserves = ()`): all that is reserved is held.
		if held != account.data.reserved {
			return Err(format!("{who} holds {held} but has {} reserved", account.data.reserved));
		}
	}
	if sum != total {
		return Err(format!("the accounts add up to {sum}, the total issuance is {total}"));
	}
	check_coop_accounts()?;
	let defensive = logger::take();
	if !defensive.is_empty() {
		return Err(format!("defensive! fired: {defensive:?}"));
	}
	Ok(())
}

/// A co-op's keyless account owns its vehicles and holds its members' money: it must never be
/// reaped (its transfers out keep it alive), and since nobody signs for it, the only holds on it
/// are the identity pallet's deposits for the devices and renters it authorises.
fn check_coop_accounts() -> Result<(), String> {
	let minimum = <Runtime as pallet_balances::Config>::ExistentialDeposit::get();
	for (account, coop) in pallet_car_sharing::CoopOfAccount::<Runtime>::iter() {
		let free = Balances::free_balance(&account);
		if free < minimum {
			return Err(format!(
				"co-op {coop}'s account has {free}, below the existential deposit"
			));
		}
		let holds = pallet_balances::Holds::<Runtime>::get(&account);
		if let Some(hold) =
			holds.iter().find(|hold| !matches!(hold.id, RuntimeHoldReason::VehicleIdentity(_)))
		{
			return Err(format!("co-op {coop}'s account has a hold {:?}", hold.id));
		}
	}
	Ok(())
}

fn is_domain_hold(reason: &RuntimeHoldReason) -> bool {
	matches!(
		reason,
		RuntimeHoldReason::VehicleIdentity(_)
			| RuntimeHoldReason::ServiceBook(_)
			| RuntimeHoldReason::UsageInsurance(_)
			| RuntimeHoldReason::SharedCharging(_)
			| RuntimeHoldReason::DataMarketplace(_)
			| RuntimeHoldReason::CarSharing(_)
			| RuntimeHoldReason::RoadUsage(_)
			| RuntimeHoldReason::UsageLeasing(_)
			| RuntimeHoldReason::Freight(_)
			| RuntimeHoldReason::SoftwareUpdates(_)
	)
}
