//! Placeholder: tests follow.
