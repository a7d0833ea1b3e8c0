//! Payments and prepayments.
