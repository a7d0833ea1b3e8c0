//! Tests of freight, one behaviour each. Every test ends by checking the pallet's invariants
//! (`ExtBuilder::build_and_execute`).
//!
//! The usual setup (`mock`): `SHIPPER` ships a chilled pallet to `CONSIGNEE` with `CARRIER`
//! (leg 0) and `SUBCARRIER` (leg 1); `CARRIER` owns `TRUCK` and `TRAILER` (its logger
//! `TRAILER_DEVICE`), `SUBCARRIER` owns `SUB_TRUCK`.
