//! The V2X token (`pallet_balances`) and transaction fees, which go to the block's author.

use crate::{
	AccountId, Aura, Balance, Balances, Runtime, RuntimeEvent, RuntimeFreezeReason,
	RuntimeHoldReason, System, EXISTENTIAL_DEPOSIT, MICRO_UNIT,
};
use codec::{Decode, Encode};
use polkadot_sdk::{
	frame_support::{
		parameter_types,
		traits::{
			fungible::{Balanced, Credit},
			ConstU128, ConstU32, ConstU8, FindAuthor, OnUnbalanced, VariantCountOf,
		},
		weights::{ConstantMultiplier, IdentityFee},
		PalletId,
	},
	pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier},
	sp_runtime::traits::{AccountIdConversion, One},
	sp_runtime::ConsensusEngineId,
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
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
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
	/// The platform treasury: charging fees and data-market shares are paid here. It is the
	/// account `pallet_treasury` derives from its usual id `py/trsry`, so the treasury pallet
	/// takes it over as it is. It has no private key; the presets endow it with the existential
	/// deposit so that the first small fee can be paid in.
	pub TreasuryAccount: AccountId = PalletId(*b"py/trsry").into_account_truncating();
}

/// The account of the block's Aura author: its sr25519 authority key is an account id too.
pub struct AuraAuthorAccount;

impl FindAuthor<AccountId> for AuraAuthorAccount {
	fn find_author<'a, I>(digests: I) -> Option<AccountId>
	where
		I: 'a + IntoIterator<Item = (ConsensusEngineId, &'a [u8])>,
	{
		let index = <Aura as FindAuthor<u32>>::find_author(digests)?;
		let authority = pallet_aura::Authorities::<Runtime>::get().get(index as usize)?.encode();
		AccountId::decode(&mut authority.as_slice()).ok()
	}
}

impl pallet_authorship::Config for Runtime {
	type FindAuthor = AuraAuthorAccount;
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
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}
