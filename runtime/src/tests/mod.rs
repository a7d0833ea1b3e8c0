//! Runtime-level tests: the presets build what they promise, the real pallets work together
//! along a vehicle's timeline (sale, theft, scrapping, expiry), fees reach the author, and
//! governance (council motions, treasury, proxies, multisig, validators) works as documented.

mod acting_for_others;
mod fees;
mod governance;
mod hooks;
mod insurance;
mod presets;
mod timeline;
mod validators;
