//! Storage migrations, one module per storage version: `vN` brings version N-1 to N.

pub mod v2;
pub mod v3;
