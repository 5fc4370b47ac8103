//! Reusable widgets, one per file.

pub mod header;
pub mod meta;
pub mod notices;
