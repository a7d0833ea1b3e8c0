//! The V2X token (`pallet_balances`) and transaction fees, which go to the block's author.

use crate::{
	AccountId, Aura, Balance, Balances, Runtime, RuntimeEvent, RuntimeFreezeReason,
	RuntimeHoldReason, System, EXISTENTIAL_DEPOSIT, MICRO_UNIT,
};
use polkadot_sdk::{
	frame_support::{
		parameter_types,
		traits::{
			fungible::{Balanced, Credit},
			ConstU128, ConstU32, ConstU8, OnUnbalanced, VariantCountOf,
		},
		weights::{ConstantMultiplier, IdentityFee},
	},
	pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier},
	sp_runtime::traits::One,
	*,
};

impl pallet_balances::Config for Runtime {
	type MaxLocks = ConstU32<50>;
	/// Reserves are deprecated; the V2X pallets use holds.
	type MaxReserves = ();
	type ReserveIdentifier = [u8; 8];
	type Balance = Balance;
	type RuntimeEvent = RuntimeEvent;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type WeightInfo = crate::weights::pallet_balances::WeightInfo<Runtime>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type DoneSlashHandler = ();
}

parameter_types! {
	/// Fees do not adapt to congestion on this chain: a fixed multiplier of one.
	pub FeeMultiplier: Multiplier = Multiplier::one();
	/// A millionth of a V2X per byte of transaction.
	pub const TransactionByteFee: Balance = MICRO_UNIT;
}

impl pallet_authorship::Config for Runtime {
	/// The validator account of the block's Aura author, from the session's validator list.
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Runtime, Aura>;
	type EventHandler = ();
}

/// Pays transaction fees and tips to the block's author, who ran the node that included the
/// transaction, instead of burning them. Only if the author were unknown (never in a block
/// Aura produced) would the amount be dropped, lowering the issuance.
pub struct ToBlockAuthor;

impl OnUnbalanced<Credit<AccountId, Balances>> for ToBlockAuthor {
	fn on_nonzero_unbalanced(amount: Credit<AccountId, Balances>) {
		if let Some(author) = pallet_authorship::Pallet::<Runtime>::author() {
			// An unpaid remainder is returned, and dropping it lowers the issuance.
			let _ = Balances::resolve(&author, amount);
		}
	}
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = FungibleAdapter<Balances, ToBlockAuthor>;
	type OperationalFeeMultiplier = ConstU8<5>;
	/// One plank per picosecond of weight: a transfer costs about a ten-thousandth of a V2X.
	type WeightToFee = IdentityFee<Balance>;
	type LengthToFee = ConstantMultiplier<Balance, TransactionByteFee>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	type WeightInfo = crate::weights::pallet_transaction_payment::WeightInfo<Runtime>;
}
