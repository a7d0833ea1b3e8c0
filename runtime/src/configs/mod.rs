//! One configuration block per pallet, grouped by what they do for the chain.

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod consensus;
mod data_marketplace;
mod governance;
mod monetary;
mod service_book;
mod shared_charging;
mod system;
mod usage_insurance;
mod vehicle_identity;

pub use monetary::{ToBlockAuthor, TransactionByteFee, TreasuryAccount};
pub use system::{BlockLength, BlockWeights};
