//! Runtime-level tests: the presets build what they promise, the real pallets work together
//! along a vehicle's timeline (sale, theft, scrapping, expiry), and fees reach the author.

mod fees;
mod hooks;
mod insurance;
mod presets;
mod timeline;
