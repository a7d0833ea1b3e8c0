//! Weights measured on this chain's reference machine by `scripts/benchmark.sh`, in the same
//! run as the V2X pallets' own (`pallets/*/src/weights.rs`): the block and transaction base
//! weights, ParityDB's reads and writes, and the Polkadot SDK pallets every transaction
//! passes through. `benchmarks/REPORT.md` sets them side by side.

pub mod block_weights;
pub mod extrinsic_weights;
pub mod frame_system;
pub mod frame_system_extensions;
pub mod pallet_balances;
pub mod pallet_transaction_payment;
// Generated with doc comments on struct fields, which rustc does not document.
#[allow(unused_doc_comments)]
pub mod paritydb_weights;
