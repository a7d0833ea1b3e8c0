//! One configuration block per pallet, grouped by what they do for the chain.

mod acting_for_others;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod car_sharing;
mod consensus;
mod data_marketplace;
mod freight;
mod governance;
mod monetary;
mod road_usage;
mod service_book;
mod shared_charging;
mod software_updates;
mod system;
mod usage_insurance;
mod usage_leasing;
mod vehicle_identity;

pub use acting_for_others::ProxyType;
pub use consensus::SessionPeriod;
pub use governance::{CouncilCollective, GovernanceOrigin, TreasuryAccount};
pub use monetary::{ToBlockAuthor, TransactionByteFee};
pub use system::{BlockLength, BlockWeights};
