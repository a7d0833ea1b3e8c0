//! `try_state` catches broken invariants.
