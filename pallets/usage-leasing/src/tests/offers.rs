//! Offers: made, withdrawn, accepted, expired.
