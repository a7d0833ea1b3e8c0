//! helper B
