//! Reusable widgets, one per file.

pub mod export;
pub mod figures;
pub mod header;
pub mod highlighted;
pub mod meta;
pub mod notices;
pub mod search_box;
pub mod shard_status;
pub mod share;
pub mod stance;
